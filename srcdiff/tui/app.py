"""``srcdiff A B`` in a terminal: review every drift side by side and record a verdict."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape

from ..background import PendingReport, ReportCancelled
from ..marks import current_marks
from ..model import Report
from ..sanitize import visible
from .bars import SummaryBar, TitleBar
from .detail import Detail
from .driftlist import DriftList
from .help import HelpScreen
from .keybar import KeyBar
from .keys import APP_BINDINGS, help_sections
from .marking import decided_ids
from .mirror import mirrored
from .moves import ReadingApp
from .overview import Overview
from .panes import SideBySide
from .sources import SourcesScreen
from .state import Nav

LIST_MIN_WIDTH = 120
"""The drift list is shown from this width on, unless the reviewer chose otherwise."""


class SrcdiffApp(ReadingApp, inherit_bindings=False):
    """The side-by-side review of one report."""

    CSS_PATH = Path(__file__).with_name("srcdiff.tcss")
    TITLE = "srcdiff"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(
        self,
        report: Report,
        paths: Sequence[str] = (),
        review_path: Path | None = None,
        pending: PendingReport | None = None,
    ) -> None:
        """``pending``: the report is still being built; ``report`` is its preview."""
        super().__init__(pending.preview if pending else report, review_path)
        self.pending = pending
        self.paths = list(paths)
        self.swapped = False
        self.list_chosen: bool | None = None
        """Whether the reviewer showed (True) or hid the drift list; None: by width."""

    def compose(self) -> ComposeResult:
        yield SummaryBar(id="summary")
        with Horizontal(id="main"):
            with Vertical(id="texts"):
                yield TitleBar(id="titlebar")
                yield SideBySide(id="panes")
            yield Overview(id="overview")
            yield DriftList(id="driftlist")
        yield Detail(id="detail")
        yield KeyBar(self.bar_has, id="keybar")

    @property
    def panes(self) -> SideBySide:
        return self.query_one(SideBySide)

    def on_mount(self) -> None:
        self._load_marks()
        if self.pending is None:
            self.marks = current_marks(self.marks, self.report)
        self._fit_to_size()
        self.show_pair(self._pair_of(self.position) or 0)
        self.panes.focus()
        if self.pending is None:
            self.call_after_refresh(self._reopen)
        else:
            self.run_worker(self._finish_report, thread=True, exclusive=True, name="finish-report")

    def _pair_of(self, drift_id: str | None) -> int | None:
        for k, comp in enumerate(self.report.comparisons):
            if any(d.id == drift_id for d in comp.drifts):
                return k
        return None

    def _reopen(self) -> None:
        """Back at the drift the reviewer was on when they left, if the list still shows it."""
        at = next((n for n, d in enumerate(self.nav.drifts) if d.id == self.position), None)
        if at is not None and at in self.nav.sequence():
            self.select(at)
            self.notify("Back where you left off.", timeout=3)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_to_size()

    def _fit_to_size(self) -> None:
        """The drift list by width (unless chosen), the detail's height by height."""
        dl = self.query_one(DriftList)
        dl.display = (
            self.list_chosen
            if self.list_chosen is not None
            else (self.size.width >= LIST_MIN_WIDTH)
        )
        self.query_one(Detail).styles.height = 6 if self.size.height < 32 else 8
        self.query_one(KeyBar).update()

    def _finish_report(self) -> None:
        """Wait for the whole report (in a thread), then show it in place of the preview."""
        assert self.pending is not None
        try:
            report = self.pending.result()
        except ReportCancelled:
            return
        self.call_from_thread(self._report_done, report)

    def _report_done(self, report: Report) -> None:
        self.report = report
        self.pending = None
        self.marks = current_marks(self.marks, report)
        self.show_pair(self.pair, keep=True)
        if self.nav.current is None:
            self._reopen()
        n = len(self.nav.sequence())
        self.notify(
            f"Drift found: {n} to review — n goes to the first."
            if n
            else "No drift to review in this pair.",
            timeout=4,
        )

    def busy(self) -> bool:
        """True, and the reviewer told so, while the report is still being built."""
        if self.pending is not None:
            self.notify("Still finding drift in this pair: a moment.", timeout=3)
            return True
        return False

    def bar_has(self, action: str) -> bool:
        """Whether the key bar shows the entry for ``action`` now."""
        if action == "match":
            return self.panes.pattern is not None
        return self.check_action(action, ()) is not False

    # -- what is shown -----------------------------------------------------
    def show_pair(self, index: int, keep: bool = False) -> None:
        """Show comparison ``index``; ``keep`` the view where it is (the same pair, finished,
        or swapped)."""
        self.pair = index
        comp = self.report.comparisons[index]
        a, b = self.report.documents[comp.a], self.report.documents[comp.b]
        old = self.nav
        self.nav = Nav.of(comp)
        self.nav.order, self.nav.severity, self.nav.kind = old.order, old.severity, old.kind
        self.nav.hide_reviewed, self.nav.reviewed = old.hide_reviewed, decided_ids(self.marks)
        if keep:
            ids = [d.id for d in self.nav.drifts]
            was = old.drifts[old.current].id if old.current is not None else None
            self.nav.current = ids.index(was) if was in ids else None
        n = len(self.report.comparisons)
        self.query_one(SummaryBar).show(
            comp, pending=self.pending is not None, lead=f"pair {index + 1}/{n}" if n > 1 else ""
        )
        panes = self.panes
        panes.marks = self.marks
        fill = self.pending.words if self.pending is not None else None
        if self.swapped:
            view = mirrored(comp)
            drifts = [d for blk in view.blocks for d in blk.drifts]
            self.query_one(TitleBar).show(("B", b), ("A", a))
            panes.names = ("B", "A")
            panes.load(view, b, a, drifts, self.nav.block_of, fill=None, keep=keep)
        else:
            self.query_one(TitleBar).show(("A", a), ("B", b))
            panes.names = ("A", "B")
            panes.load(comp, a, b, self.nav.drifts, self.nav.block_of, fill=fill, keep=keep)
        self.refresh_side(redraw=True)
        if self.nav.current is not None:
            self.select(self.nav.current)

    def refresh_side(self, redraw: bool = False) -> None:
        """Bring the drift list, the detail panel, the overview and the panes up to date.

        ``redraw`` when what the panes draw changed beyond the selection (marks, filters).
        """
        nav, panes = self.nav, self.panes
        comp = self.report.comparisons[self.pair]
        seq = nav.sequence()
        panes.marks = self.marks
        panes.selected = nav.current
        panes.shown = frozenset(seq)
        if redraw:
            panes.redraw()
        else:
            panes.refresh()
        dl = self.query_one(DriftList)
        dl.show(nav.drifts, seq, self.marks, nav.current)
        dl.border_title = (
            "finding drift…" if self.pending is not None else f"{len(seq)} of {len(nav.drifts)}"
        )
        self.update_overview()
        self.query_one(KeyBar).update()
        detail = self.query_one(Detail)
        detail.border_title = escape(visible(self.detail_title()))
        a, b = self.report.documents[comp.a], self.report.documents[comp.b]
        if nav.current is None and self.pending is not None:
            detail.show_drift(
                None,
                None,
                a,
                b,
                None,
                "Finding drift: the passages are shown already, the drift list "
                "and the n/N keys follow in a moment. ? lists every key.",
            )
            return
        if nav.current is None:
            hint = (
                f"{len(seq)} drift(s) to review — n goes to the first ({nav.order} order); "
                "c real change, x false alarm, then on to the next. ? lists every key."
                if seq
                else "No drift passes the filters: s shows other severities, f other kinds, "
                "u the passages only one side has. ? lists every key."
            )
            detail.show_drift(None, None, a, b, None, hint)
            return
        d = nav.drifts[nav.current]
        detail.show_drift(d, comp.blocks[nav.block_of[nav.current]], a, b, self.marks.get(d.id))

    def detail_title(self) -> str:
        """Where the reviewer is: the finding, the filters (or the search), what is decided,
        and a warning when the marks cannot be saved."""
        nav = self.nav
        at, total = nav.position()
        done, scope = nav.decided()
        what = self.search_status() if self.panes.pattern is not None else nav.describe()
        warn = " · MARKS NOT SAVED" if self.save_error else ""
        return f"Drift {at or '–'}/{total} · {what} · decided {done}/{scope}{warn}"

    def update_overview(self) -> None:
        panes = self.panes
        if panes.rows is None:
            return
        lines = {n: panes.drift_line(n) for n in self.nav.sequence()}
        self.query_one(Overview).show(
            panes.rows.height,
            [(y, self.nav.drifts[n].severity.value) for n, y in lines.items()],
            panes.drift_line(self.nav.current) if self.nav.current is not None else None,
            [h[0] for h in panes.hits],
            (round(panes.scroll_y), panes.scrollable_content_region.height),
        )

    def select(self, n: int, wrapped: bool = False) -> None:
        self.nav.current = n
        self.panes.selected = n
        self.panes.show_drift(n)
        self.refresh_side()
        # Once the frame is laid out (a panel may have changed size), check again.
        self.call_after_refresh(self._keep_in_view, n)
        if wrapped:
            self.notify("Wrapped around to the other end of the list.", timeout=2)

    def _keep_in_view(self, n: int) -> None:
        if self.nav.current == n:
            self.panes.show_drift(n)
            self.update_overview()

    # -- navigation --------------------------------------------------------
    def action_step(self, delta: int) -> None:
        if self.busy():
            return
        n, wrapped = self.nav.step(delta)
        if n is None:
            self.notify(
                "No drift passes the filters." if self.nav.drifts else "This pair has no drift.",
                timeout=3,
            )
            return
        self.select(n, wrapped)

    def _filtered(self) -> None:
        """After a filter or order change: a hidden current drift gives way to the first shown."""
        if self.nav.settle() and self.nav.current is not None:
            self.select(self.nav.current)
        else:
            self.refresh_side(redraw=True)

    def action_toggle_order(self) -> None:
        self.nav.toggle_order()
        self._filtered()

    def action_toggle_reviewed(self) -> None:
        self.nav.hide_reviewed = not self.nav.hide_reviewed
        self._filtered()

    def action_cycle_kind(self) -> None:
        self.nav.cycle_kind()
        self._filtered()

    def action_cycle_severity(self) -> None:
        self.nav.cycle_severity()
        self._filtered()

    def action_toggle_list(self) -> None:
        dl = self.query_one(DriftList)
        self.list_chosen = not dl.display
        dl.display = self.list_chosen
        self.refresh_side()

    def action_toggle_noise(self) -> None:
        self.panes.show_noise = not self.panes.show_noise
        self.panes.relayout()
        self.refresh_side()

    def action_swap(self) -> None:
        if self.busy():
            return
        self.swapped = not self.swapped
        self.show_pair(self.pair, keep=True)
        left = "B" if self.swapped else "A"
        self.notify(f"{left} is on the left now (w swaps back).", timeout=3)

    def action_next_pair(self) -> None:
        self.show_pair((self.pair + 1) % len(self.report.comparisons))

    def action_export(self) -> None:
        if not self.busy():
            super().action_export()

    def stop_pending(self) -> None:
        """Stop building the report (the reviewer is leaving)."""
        if self.pending is not None:
            self.pending.cancel()

    def action_sources(self) -> None:
        def chosen(pair: int | None) -> None:
            if pair is not None:
                self.show_pair(pair)

        self.push_screen(SourcesScreen(self.report), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_pair", "sources"):
            return len(self.report.comparisons) > 1
        return True

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections()))

    # -- mouse -------------------------------------------------------------
    def on_side_by_side_drift_clicked(self, message: SideBySide.DriftClicked) -> None:
        if message.drift in self.nav.sequence():
            self.select(message.drift)
            return
        d = self.nav.drifts[message.drift]
        self.notify(
            f"That change is a {d.severity.value} drift the filters hide "
            f"({self.nav.describe()}): s and f change them.",
            timeout=4,
        )

    def on_side_by_side_scrolled(self, message: SideBySide.Scrolled) -> None:
        self.update_overview()

    def on_drift_list_picked(self, message: DriftList.Picked) -> None:
        self.select(message.drift)

    def on_side_by_side_noise_clicked(self, message: SideBySide.NoiseClicked) -> None:
        self.action_toggle_noise()


def run_tui(
    report: Report | PendingReport, paths: Sequence[str], review_path: Path | None
) -> Report | PendingReport:
    """Run the TUI on ``report`` until the reviewer quits; what it showed last.

    A ``PendingReport`` is shown at once and finished while the reviewer reads.
    """
    if isinstance(report, PendingReport):
        app = SrcdiffApp(report.preview, paths, review_path, pending=report)
    else:
        app = SrcdiffApp(report, paths, review_path)
    try:
        app.run()
    finally:
        app.stop_pending()
    return app.report if app.pending is None else report

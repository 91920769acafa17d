"""``srcdiff A B`` in a terminal: review every drift side by side and record a verdict."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Footer

from ..background import PendingReport, ReportCancelled
from ..marks import current_marks
from ..model import Report
from ..sanitize import visible
from .bars import SummaryBar, TitleBar
from .detail import Detail
from .driftlist import DriftList
from .help import HelpScreen
from .keys import APP_BINDINGS, help_sections
from .marking import MarkingApp
from .note import SearchScreen
from .panes import SideBySide
from .sources import SourcesScreen
from .state import Nav

ONE_SIDED_KINDS = ("only_a", "only_b", "one_sided")


class SrcdiffApp(MarkingApp, inherit_bindings=False):
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
        self.pair = 0
        self.last_query = ""
        self.last_hit: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar(id="titlebar")
        yield SummaryBar(id="summary")
        with Horizontal(id="main"):
            yield SideBySide(id="panes")
            yield DriftList(id="driftlist")
        yield Detail(id="detail")
        yield Footer(compact=True)

    @property
    def panes(self) -> SideBySide:
        return self.query_one(SideBySide)

    def on_mount(self) -> None:
        self._load_marks()
        if self.pending is None:
            self.marks = current_marks(self.marks, self.report)
        self.query_one(DriftList).display = self.size.width >= 120
        self.show_pair(0)
        self.panes.focus()
        if self.pending is not None:
            self.run_worker(self._finish_report, thread=True, exclusive=True, name="finish-report")

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
        n = len(self.nav.drifts)
        self.notify(
            f"Drift found: {n} — n goes to the first." if n else "No drift found in this pair.",
            timeout=4,
        )

    def busy(self) -> bool:
        """True, and the reviewer told so, while the report is still being built."""
        if self.pending is not None:
            self.notify("Still finding drift in this pair: a moment.", timeout=3)
            return True
        return False

    # -- what is shown -----------------------------------------------------
    def show_pair(self, index: int, keep: bool = False) -> None:
        """Show comparison ``index``; ``keep`` the view where it is (the same pair, finished)."""
        self.pair = index
        comp = self.report.comparisons[index]
        a, b = self.report.documents[comp.a], self.report.documents[comp.b]
        old = self.nav
        self.nav = Nav.of(comp)
        self.nav.order, self.nav.severity = old.order, old.severity
        self.nav.hide_reviewed, self.nav.reviewed = old.hide_reviewed, frozenset(self.marks)
        self.last_hit = None
        n = len(self.report.comparisons)
        self.query_one(TitleBar).show(a, b, f"pair {index + 1}/{n}" if n > 1 else "")
        self.query_one(SummaryBar).show(comp, pending=self.pending is not None)
        panes = self.panes
        panes.marks = self.marks
        fill = self.pending.words if self.pending is not None else None
        panes.load(comp, a, b, self.nav.drifts, self.nav.block_of, fill=fill, keep=keep)
        self.refresh_side()

    def refresh_side(self, redraw: bool = False) -> None:
        """Bring the drift list, the detail panel and the panes up to date.

        ``redraw`` when what the panes draw changed beyond the selection (marks).
        """
        nav, panes = self.nav, self.panes
        comp = self.report.comparisons[self.pair]
        panes.marks = self.marks
        panes.selected = nav.current
        if redraw:
            panes.redraw()
        else:
            panes.refresh()
        seq = nav.sequence()
        dl = self.query_one(DriftList)
        dl.show(nav.drifts, seq, self.marks, nav.current)
        reviewed = sum(1 for d in nav.drifts if d.id in self.marks)
        dl.border_title = (
            "finding drift…"
            if self.pending is not None
            else f"{len(seq)} of {len(nav.drifts)} drifts"
        )
        detail = self.query_one(Detail)
        at, total = nav.position()
        detail.border_title = (
            f"Drift {at or '–'}/{total} · {nav.describe()} · reviewed {reviewed}/{len(nav.drifts)}"
        )
        detail.border_subtitle = escape(
            visible(
                f"NOT SAVED: {self.save_error}"
                if self.save_error
                else f"marks saved to {self.review_path.name}"
                if self.review_path
                else "marks are not saved (no review file)"
            )
        )
        a, b = self.report.documents[comp.a], self.report.documents[comp.b]
        if nav.current is None and self.pending is not None:
            detail.show_drift(
                None,
                None,
                a,
                b,
                None,
                "Finding drift: the passages are shown already, the drift list "
                "and the n/p keys follow in a moment. ? lists every key.",
            )
            return
        if nav.current is None:
            hint = (
                f"{total} drift(s) — n goes to the first ({nav.order} order), "
                f"u to passages only one side has, ? lists every key."
                if nav.drifts
                else "No drift found in this pair: u jumps to passages "
                "only one side has, ? lists every key."
            )
            detail.show_drift(None, None, a, b, None, hint)
            return
        d = nav.drifts[nav.current]
        detail.show_drift(d, comp.blocks[nav.block_of[nav.current]], a, b, self.marks.get(d.id))

    def select(self, n: int, wrapped: bool = False) -> None:
        self.nav.current = n
        self.panes.selected = n
        self.panes.show_line(self.panes.drift_line(n))
        self.refresh_side()
        if wrapped:
            self.notify("Wrapped around to the other end of the list.", timeout=2)

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

    def action_toggle_order(self) -> None:
        self.nav.toggle_order()
        self.refresh_side()

    def action_toggle_reviewed(self) -> None:
        self.nav.hide_reviewed = not self.nav.hide_reviewed
        self.refresh_side()

    def action_cycle_kind(self) -> None:
        self.nav.cycle_kind()
        self.refresh_side()

    def action_cycle_severity(self) -> None:
        self.nav.cycle_severity()
        self.refresh_side()

    def action_toggle_list(self) -> None:
        dl = self.query_one(DriftList)
        dl.display = not dl.display
        self.refresh_side()

    def action_toggle_noise(self) -> None:
        self.panes.show_noise = not self.panes.show_noise
        self.panes.relayout()

    def action_one_sided(self) -> None:
        panes = self.panes
        if panes.rows is None:
            return
        k = panes.rows.next_item(round(panes.scroll_y) + 1, ONE_SIDED_KINDS)
        if k is None:
            self.notify("No passage is only on one side.", timeout=3)
            return
        panes.scroll_to(y=max(panes.rows.items[k].y - 1, 0), animate=False)

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

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.last_query), self._search)

    def _search(self, query: str | None) -> None:
        panes = self.panes
        if query is None or panes.rows is None:
            return
        words = query.split()
        if not words:
            self.last_query, panes.pattern, self.last_hit = "", None, None
            panes.redraw()
            return
        if query != self.last_query:
            self.last_hit = None
        self.last_query = query
        panes.pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
        after = self.last_hit or (round(panes.scroll_y), -1)
        hit = panes.rows.search(panes.pattern, after)
        panes.redraw()
        if hit is None:
            self.notify(f"Not found: {query}", severity="warning", timeout=3)
            return
        self.last_hit = hit
        panes.show_line(hit[0])

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections()))

    # -- mouse -------------------------------------------------------------
    def on_side_by_side_drift_clicked(self, message: SideBySide.DriftClicked) -> None:
        self.select(message.drift)

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

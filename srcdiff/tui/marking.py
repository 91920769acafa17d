"""The review half of the app: marks loaded, changed, saved at once, the reviewer's place
kept, and the decisions exported."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel

from ..marks import drift_ids
from ..model import Report
from ..render.decisions import VERDICTS, decisions, to_csv, to_markdown
from ..review import (
    Mark,
    ReviewFileError,
    Status,
    load_marks,
    load_position,
    orphaned_marks,
    save_marks,
    save_position,
    set_aside,
    set_note,
    toggle_status,
)
from ..sanitize import visible
from .driftlist import drift_words
from .note import ExportScreen, NoteScreen
from .state import Nav

EXPORTS = (".html", ".csv", ".md")


class MarkingApp(App[None]):
    """Keeps the reviewer's marks in step with the review file."""

    def __init__(self, report: Report, review_path: Path | None) -> None:
        super().__init__()
        self.report = report
        self.review_path = review_path
        self.marks: dict[str, Mark] = {}
        self.saved: dict[str, Mark] = {}
        """The marks as last read from or written to the review file (a save's base)."""
        self.nav = Nav([], [])
        self.save_error: str | None = None
        self.position: str | None = None
        """The drift the reviewer was on when they last left (from the review file)."""
        self._quit_armed = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast; its text may name inputs, so it is shown as plain, visible text."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def refresh_side(self, redraw: bool = False) -> None:
        """Show the marks (the subclass draws them)."""

    def select(self, n: int, wrapped: bool = False) -> None:
        """Make drift ``n`` the current one and show it (the subclass scrolls to it)."""
        self.nav.current = n

    def _load_marks(self) -> None:
        if self.review_path is None:
            return
        try:
            self.marks = load_marks(self.review_path)
            self.position = load_position(self.review_path)
        except ReviewFileError as err:
            self._unreadable(err)
            return
        self.saved = dict(self.marks)
        ids = drift_ids(self.report)
        gone = orphaned_marks(self.marks, ids)
        if gone and ids:
            self.notify(
                f"{len(gone)} mark{'s are' if len(gone) > 1 else ' is'} on drifts this "
                f"report does not have ({', '.join(list(gone)[:3])}"
                f"{', …' if len(gone) > 3 else ''}); kept in the review file",
                severity="warning",
                timeout=10,
            )

    def _unreadable(self, err: ReviewFileError) -> None:
        """Go on without marks: set a broken file aside, leave any other alone."""
        assert self.review_path is not None
        if err.set_aside:
            try:
                aside = set_aside(self.review_path)
            except OSError:
                pass
            else:
                self.notify(
                    f"{err}; kept it as {aside.name} and started a new one",
                    severity="warning",
                    timeout=10,
                )
                return
        self.notify(f"{err}; marks will not be saved", severity="error", timeout=10)
        self.review_path = None

    # -- review ------------------------------------------------------------
    def _current_id(self) -> str | None:
        """The current drift's id, if the filters show it: marks act only on what is seen."""
        if self.nav.current is None or self.nav.current not in self.nav.sequence():
            self.notify("Select a drift first: n goes to the next one.", timeout=3)
            return None
        return self.nav.drifts[self.nav.current].id

    def action_mark(self, status: Status) -> None:
        """Give the current drift a verdict (again: take it back), then go on to the next
        drift without one."""
        drift_id = self._current_id()
        if drift_id is None:
            return
        marks = toggle_status(self.marks, drift_id, status)
        self.save(marks)
        if drift_id in marks and marks[drift_id].status == status:
            self.advance()

    def action_verdict_note(self, status: Status) -> None:
        """A verdict and a note in one go: ask for the note, save both, go on."""
        self._ask_note(status)

    def action_note(self) -> None:
        self._ask_note(None)

    def _ask_note(self, status: Status | None) -> None:
        drift_id = self._current_id()
        if drift_id is None or self.nav.current is None:
            return
        old = self.marks.get(drift_id)
        what = drift_words(self.nav.drifts[self.nav.current])
        verdict = VERDICTS[status] if status else None

        def done(note: str | None) -> None:
            if note is None:
                return
            marks = set_note(self.marks, drift_id, note)
            if status is not None:
                marks[drift_id] = Mark(status, note.strip())
            self.save(marks)
            if status is not None:
                self.advance()

        self.push_screen(NoteScreen(old.note if old else "", what, verdict), done)

    def advance(self) -> None:
        """On to the next drift of the list without a verdict, or say that none is left."""
        nxt = self.nav.next_undecided()
        if nxt is None:
            self.notify(
                "Every drift in the list has a verdict: e exports the decisions.",
                title="Review complete",
                timeout=8,
            )
            self.nav.settle()
            self.refresh_side()
            return
        self.select(nxt)

    def save(self, marks: dict[str, Mark]) -> None:
        """Keep ``marks`` and write them to the review file at once."""
        self.marks = marks
        self.nav.reviewed = decided_ids(marks)
        if self.review_path is not None:
            try:
                # Merged with what other processes saved meanwhile: shown at once.
                self.marks = self.saved = save_marks(self.review_path, marks, base=self.saved)
                self.nav.reviewed = decided_ids(self.marks)
                self.save_error = None
            except ReviewFileError as err:
                self.save_error = str(err)
                self.notify(f"Cannot save the marks: {self.save_error}", severity="error")
            except OSError as err:
                self.save_error = f"{self.review_path}: {err.strerror or err}"
                self.notify(f"Cannot save the marks: {self.save_error}", severity="error")
        self.refresh_side(redraw=True)

    def keep_position(self) -> None:
        """Write the current drift to the review file, to reopen there."""
        if self.review_path is None or self.nav.current is None or self.save_error:
            return
        # The place is a convenience: the marks were saved on their own.
        with contextlib.suppress(ReviewFileError, OSError):
            save_position(self.review_path, self.nav.drifts[self.nav.current].id)

    # -- export --------------------------------------------------------------
    def export_base(self) -> Path:
        """Where the export goes by default: beside the review file, named after the inputs,
        visible (no leading dot), without a suffix."""
        folder = (self.review_path.parent if self.review_path else Path(".")).resolve()
        docs = self.report.documents
        stems = [_stem(d.label) for d in docs[:2]] or ["srcdiff"]
        more = f"-and-{len(docs) - 2}-more" if len(docs) > 2 else ""
        return folder / f"{'-vs-'.join(stems)}{more}-review"

    def action_export(self) -> None:
        base = self.export_base()
        self.push_screen(ExportScreen(base.name, str(base.parent)), self._export_to)

    def _export_to(self, name: str | None) -> None:
        if name is None or not name.strip():
            return
        base = self.export_base().parent / Path(name.strip()).expanduser()
        if base.suffix in EXPORTS:
            base = base.with_suffix("")
        from ..render.html import render_html

        table = decisions(self.report, self.marks)
        texts = {
            ".html": lambda: render_html(self.report, marks=self.marks),
            ".csv": lambda: to_csv(table),
            ".md": lambda: to_markdown(table),
        }
        for suffix in EXPORTS:
            out = base.with_name(base.name + suffix)
            try:
                out.write_text(texts[suffix](), encoding="utf-8", newline="")
            except OSError as err:
                self.notify(f"Cannot write {out}: {err.strerror or err}", severity="error")
                return
        self.notify(
            f"{table.decided} of {len(table.rows)} decisions written to "
            f"{base.resolve()}.html, .csv and .md",
            title="Exported",
            timeout=12,
        )
        self.refresh_side()

    async def action_quit(self) -> None:
        if self.save_error and not self._quit_armed:
            self._quit_armed = True
            self.notify(
                "The marks could not be saved. Press q again to quit anyway.",
                severity="error",
                timeout=10,
            )
            return
        self.keep_position()
        self.exit()


def decided_ids(marks: dict[str, Mark]) -> frozenset[str]:
    return frozenset(k for k, m in marks.items() if m.decided)


def _stem(label: str) -> str:
    """A file-name-safe short form of a document label."""
    name = Path(label.rstrip("/")).name or label
    stem = Path(name).stem or name
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-")
    return safe[:40] or "text"

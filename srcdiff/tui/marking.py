"""The review half of the app: marks loaded, changed, saved at once, and exported."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel

from ..model import Report
from ..review import Mark, ReviewFileError, Status, load_marks, save_marks, set_note, toggle_status
from ..sanitize import visible
from .driftlist import drift_words
from .note import NoteScreen
from .state import Nav


class MarkingApp(App[None]):
    """Keeps the reviewer's marks in step with the review file."""

    def __init__(self, report: Report, review_path: Path | None) -> None:
        super().__init__()
        self.report = report
        self.review_path = review_path
        self.marks: dict[str, Mark] = {}
        self.nav = Nav([], [])
        self.save_error: str | None = None
        self._quit_armed = False

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast; its text may name inputs, so it is shown as plain, visible text."""
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def refresh_side(self, redraw: bool = False) -> None:
        """Show the marks (the subclass draws them)."""

    def _load_marks(self) -> None:
        if self.review_path is None:
            return
        try:
            self.marks = load_marks(self.review_path)
        except ReviewFileError as err:
            aside = self.review_path.with_name(self.review_path.name + ".bad")
            try:
                self.review_path.replace(aside)
            except OSError:
                self.notify(f"{err}; marks will not be saved", severity="error", timeout=10)
                self.review_path = None
                return
            self.notify(f"{err}; kept it as {aside.name} and started a new one",
                        severity="warning", timeout=10)

    # -- review ------------------------------------------------------------
    def _current_id(self) -> str | None:
        if self.nav.current is None:
            self.notify("Select a drift first: n goes to the next one.", timeout=3)
            return None
        return self.nav.drifts[self.nav.current].id

    def action_mark(self, status: Status) -> None:
        drift_id = self._current_id()
        if drift_id is not None:
            self.save(toggle_status(self.marks, drift_id, status))

    def action_note(self) -> None:
        drift_id = self._current_id()
        if drift_id is None or self.nav.current is None:
            return
        old = self.marks.get(drift_id)
        what = drift_words(self.nav.drifts[self.nav.current])

        def done(note: str | None) -> None:
            if note is not None:
                self.save(set_note(self.marks, drift_id, note))

        self.push_screen(NoteScreen(old.note if old else "", what), done)

    def save(self, marks: dict[str, Mark]) -> None:
        """Keep ``marks`` and write them to the review file at once."""
        ids = {d.id for d in self.nav.drifts}
        was_done = ids <= self.marks.keys()
        self.marks = marks
        self.nav.reviewed = frozenset(marks)
        if ids and not was_done and ids <= marks.keys():
            self.notify("Every drift of this pair is marked: e exports the HTML report.",
                        title="Review complete", timeout=6)
        if self.review_path is not None:
            try:
                save_marks(self.review_path, marks)
                self.save_error = None
            except OSError as err:
                self.save_error = f"{self.review_path}: {err.strerror or err}"
                self.notify(f"Cannot save the marks: {self.save_error}", severity="error")
        self.refresh_side(redraw=True)

    def action_export(self) -> None:
        from ..render.html import render_html

        base = self.review_path or Path(".srcdiff-review.json")
        out = base.with_suffix(".html")
        try:
            out.write_text(render_html(self.report, marks=self.marks), encoding="utf-8")
        except OSError as err:
            self.notify(f"Cannot write {out}: {err.strerror or err}", severity="error")
            return
        self.notify(f"HTML report written to {out}", title="Exported", timeout=8)

    async def action_quit(self) -> None:
        if self.save_error and not self._quit_armed:
            self._quit_armed = True
            self.notify("The marks could not be saved. Press q again to quit anyway.",
                        severity="error", timeout=10)
            return
        self.exit()

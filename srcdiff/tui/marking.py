"""The review half of the app: marks loaded, changed, saved at once, and exported."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel

from ..marks import drift_ids
from ..model import Report
from ..review import (
    Mark,
    ReviewFileError,
    Status,
    load_marks,
    orphaned_marks,
    save_marks,
    set_aside,
    set_note,
    toggle_status,
)
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
        self.saved: dict[str, Mark] = {}
        """The marks as last read from or written to the review file (a save's base)."""
        self.nav = Nav([], [])
        self.save_error: str | None = None
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

    def _load_marks(self) -> None:
        if self.review_path is None:
            return
        try:
            self.marks = load_marks(self.review_path)
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
            self.notify(
                "Every drift of this pair is marked: e exports the HTML report.",
                title="Review complete",
                timeout=6,
            )
        if self.review_path is not None:
            try:
                # Merged with what other processes saved meanwhile: shown at once.
                self.marks = self.saved = save_marks(self.review_path, marks, base=self.saved)
                self.nav.reviewed = frozenset(self.marks)
                self.save_error = None
            except ReviewFileError as err:
                self.save_error = str(err)
                self.notify(f"Cannot save the marks: {self.save_error}", severity="error")
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
            self.notify(
                "The marks could not be saved. Press q again to quit anyway.",
                severity="error",
                timeout=10,
            )
            return
        self.exit()

"""Small modal prompts: the note on a drift, the search text, the export's file name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..sanitize import visible


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter gives it back, Escape gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
        Binding("enter", "submit", "OK", id="prompt.submit", show=True),
    ]

    def __init__(self, title: str, value: str = "", placeholder: str = "", hint: str = "") -> None:
        super().__init__(classes="prompt")
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label(visible(self.title_text), id="prompt-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            if self.hint:
                yield Label(visible(self.hint), id="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_submit(self) -> None:
        self.dismiss(self.query_one(Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(PromptScreen):
    """The free-text note on a drift."""

    def __init__(self, value: str = "", what: str = "", verdict: str | None = None) -> None:
        """``verdict``: the verdict saved with the note ("real change", "false alarm")."""
        title = f"Note on {what}" if what else "Note"
        super().__init__(
            f"{verdict.capitalize()}: {title.lower()}" if verdict else title,
            value,
            placeholder="why this change matters, what was checked…",
            hint=(
                f"Enter saves the verdict ({verdict}) and the note · Escape cancels"
                if verdict
                else "Enter saves (the verdict stays) · Escape cancels · an empty note removes it"
            ),
        )


class SearchScreen(PromptScreen):
    """The text to find in both documents."""

    def __init__(self, value: str = "") -> None:
        super().__init__(
            "Search both texts",
            value,
            placeholder="words to find",
            hint="Enter finds it · then > next match, < previous · Escape cancels · "
            "case is ignored · an empty search ends it",
        )


class ExportScreen(PromptScreen):
    """The name of the export: one name, three files, in a folder shown in full."""

    def __init__(self, name: str, folder: str) -> None:
        super().__init__(
            "Export the decisions (HTML report, CSV, Markdown) as",
            name,
            placeholder="file name, without .html/.csv/.md",
            hint=f"In {folder}/\nEnter writes NAME.html, NAME.csv and NAME.md · Escape cancels",
        )

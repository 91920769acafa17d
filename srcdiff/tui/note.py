"""Small modal prompts: the note on a drift, and the search text."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


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
            yield Label(self.title_text, id="prompt-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            if self.hint:
                yield Label(self.hint, id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_submit(self) -> None:
        self.dismiss(self.query_one(Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(PromptScreen):
    """The free-text note on a drift."""

    def __init__(self, value: str = "", what: str = "") -> None:
        super().__init__(
            f"Note on {what}" if what else "Note",
            value,
            placeholder="why this change matters, what was checked…",
            hint="Enter saves · Escape cancels · an empty note removes it",
        )


class SearchScreen(PromptScreen):
    """The text to find in both documents."""

    def __init__(self, value: str = "") -> None:
        super().__init__(
            "Search both texts",
            value,
            placeholder="words to find",
            hint="Enter finds the next match (again: / then Enter) · Escape "
            "cancels · case is ignored",
        )

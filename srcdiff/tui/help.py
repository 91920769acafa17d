"""The help screen: every key binding, and what the colours and marks mean."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "Space",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "enter": "Enter",
    "ctrl+c": "Ctrl+C",
    "greater_than_sign": ">",
    "less_than_sign": "<",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "ctrl+q": "Ctrl+Q",
}

INTRO = (
    "To review: [b]n[/b] goes to the first drift (most severe first), then give each a "
    "verdict, [b]c[/b] real change or [b]x[/b] false alarm ([b]C[/b]/[b]X[/b] with a note): "
    "the next drift without one follows. [b]e[/b] exports the decisions as HTML, CSV and "
    "Markdown. Quitting keeps your place. Esc closes this help."
)

LEGEND = (
    "[b]Colours[/b]  [on $error 45%] high [/] [on $warning 40%] medium [/] "
    "[on $primary 35%] low [/] severity drift · [on $error 15%] removed [/] in A, "
    "[on $success 15%] added [/] in B · [reverse $accent] selected [/] · "
    "[on $foreground 55%] search match [/]",
    "[b]Gutter[/b]   = same · ~ changed · ↕ moved · - only in A · + only in B · "
    "± one-sided on both sides · ┄ page furniture (collapsed)",
    "[b]Marks[/b]    ✓ real change · ✗ false alarm · ✎ note only — saved at once to the "
    "review file beside the inputs, so quitting never loses them",
    "[b]Overview[/b] the column right of the texts: █ high, ▆ medium, ▂ low drift, ◆ the "
    "selected one, • a search match; the shaded part is in view (click to go there)",
)


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def _bindings(items: Sequence[BindingType]) -> list[Binding]:
    return [b for b in items if isinstance(b, Binding)]


class HelpScreen(ModalScreen[None]):
    """Lists the bindings it is given, by section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help", id="help.close"),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[BindingType]]]) -> None:
        super().__init__(classes="help")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("srcdiff — keys", id="help-title")
            yield Static(INTRO, classes="help-intro")
            for title, items in self.sections:
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold", no_wrap=True, width=16)
                table.add_column()
                for b in _bindings(items):
                    table.add_row(key_label(b.key), b.tooltip or b.description)
                yield Static(title, classes="help-section")
                yield Static(table)
            for line in LEGEND:
                yield Static(line, classes="help-legend")

    def action_close(self) -> None:
        self.dismiss(None)

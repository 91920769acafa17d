"""Every key binding of the review screen, each with an id and a description, and which of
them the key bar shows first when the screen is narrow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from .help import HelpScreen
from .note import PromptScreen
from .panes import SideBySide


def _b(key: str, action: str, desc: str, bid: str, tip: str) -> Binding:
    # show=False: the key bar (keybar.py), not Textual's footer, shows them.
    return Binding(key, action, desc, show=False, id=f"srcdiff.{bid}", tooltip=tip)


APP_BINDINGS: list[BindingType] = [
    _b("question_mark", "help", "Help", "help", "Show every key and what the colours mean"),
    _b("n,j", "step(1)", "Next", "next", "Next drift, in the current order and filters"),
    _b("N,k", "step(-1)", "Prev", "prev", "Previous drift"),
    _b(
        "c",
        "mark('confirmed')",
        "Real change",
        "confirm",
        "Verdict: a real change of meaning, then on to the next undecided (again: undo)",
    ),
    _b(
        "x",
        "mark('dismissed')",
        "False alarm",
        "dismiss",
        "Verdict: a false alarm, then on to the next undecided (again: undo)",
    ),
    _b(
        "C",
        "verdict_note('confirmed')",
        "Real change + note",
        "confirm_note",
        "Verdict real change with a note (asks for it), then on to the next undecided",
    ),
    _b(
        "X",
        "verdict_note('dismissed')",
        "False alarm + note",
        "dismiss_note",
        "Verdict false alarm with a note (asks for it), then on to the next undecided",
    ),
    _b("m", "note", "Note", "note", "Write a note on the drift (the verdict stays as it is)"),
    _b(
        "e",
        "export",
        "Export",
        "export",
        "Write the decisions as HTML, CSV and Markdown (asks for the file name)",
    ),
    _b("slash", "search", "Search", "search", "Find words in both texts"),
    _b("greater_than_sign", "match(1)", "Next match", "match_next", "Next match of the search"),
    _b("less_than_sign", "match(-1)", "Prev match", "match_prev", "Previous match of the search"),
    _b(
        "s", "cycle_severity", "Severity", "severity", "Filter: medium and up, high, all severities"
    ),
    _b("f", "cycle_kind", "Kind", "kind", "Filter drifts by kind: all, number, quote, …"),
    _b("r", "toggle_reviewed", "Unreviewed", "unreviewed", "Show only drifts not yet decided"),
    _b("o", "toggle_order", "Order", "order", "Go through drifts by severity or in document order"),
    _b("right_square_bracket", "passage(1)", "Passage", "passage_next", "Next passage"),
    _b("left_square_bracket", "passage(-1)", "Passage", "passage_prev", "Previous passage"),
    _b("u", "one_sided(1)", "One-sided", "one_sided", "Next passage only one side has"),
    _b("U", "one_sided(-1)", "One-sided", "one_sided_prev", "Previous passage only one side has"),
    _b("w", "swap", "Swap", "swap", "Swap the sides: B on the left, A on the right, and back"),
    _b("z", "toggle_noise", "Furniture", "noise", "Show or collapse page furniture"),
    _b("l", "toggle_list", "List", "list", "Show or hide the drift list"),
    _b(
        "ctrl+c",
        "copy",
        "Copy",
        "copy",
        "Copy the selected drift's A and B excerpts (or the passage at the top) to the clipboard",
    ),
    _b("p", "next_pair", "Pair", "pair", "Show the next pair of documents"),
    _b(
        "g",
        "sources",
        "Sources",
        "sources",
        "Many sources: shares, relations, pick a pair, passage view (b switches its base)",
    ),
    _b("q", "quit", "Quit", "quit", "Quit (marks are saved on every change, and where you were)"),
    _b("ctrl+q", "quit", "Quit", "quit_ctrl", "Quit"),
]


@dataclass(frozen=True)
class BarKey:
    """One entry of the key bar: the keys as shown, what they do, the action they stand for
    (its name, as ``check_action`` knows it) and what a click on the entry runs."""

    keys: str
    label: str
    action: str
    click: str = ""

    @property
    def run(self) -> str:
        return self.click or self.action


BAR: tuple[BarKey, ...] = (
    BarKey("?", "Help", "help"),
    BarKey("n/N", "Next/Prev", "step", "step(1)"),
    BarKey("c/C", "Real change", "mark", "mark('confirmed')"),
    BarKey("x/X", "False alarm", "mark", "mark('dismissed')"),
    BarKey("m", "Note", "note"),
    BarKey("e", "Export", "export"),
    BarKey(">/<", "Match", "match", "match(1)"),
    BarKey("/", "Search", "search"),
    BarKey("s", "Severity", "cycle_severity"),
    BarKey("f", "Kind", "cycle_kind"),
    BarKey("r", "Unreviewed", "toggle_reviewed"),
    BarKey("]/[", "Passage", "passage", "passage(1)"),
    BarKey("u/U", "One-sided", "one_sided", "one_sided(1)"),
    BarKey("o", "Order", "toggle_order"),
    BarKey("w", "Swap", "swap"),
    BarKey("p", "Pair", "next_pair"),
    BarKey("g", "Sources", "sources"),
    BarKey("^C", "Copy", "copy"),
    BarKey("z", "Furniture", "toggle_noise"),
    BarKey("l", "List", "toggle_list"),
)
"""The key bar, most needed first: what does not fit is left out from the end, but the
last entry, Quit, is always shown (as is Help, the first)."""
QUIT = BarKey("q", "Quit", "quit")


def help_sections() -> list[tuple[str, Sequence[BindingType]]]:
    """The help screen's sections: every binding a reviewer can press."""
    return [
        ("Review", APP_BINDINGS),
        ("Scrolling the texts (mouse wheel and clicks work too)", SideBySide.BINDINGS),
        ("In a prompt, and in this help", [*PromptScreen.BINDINGS, *HelpScreen.BINDINGS]),
    ]

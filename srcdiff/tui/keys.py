"""Every key binding of the review screen, each with an id and a description."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType

from .help import HelpScreen
from .note import PromptScreen
from .panes import SideBySide


def _b(key: str, action: str, desc: str, bid: str, tip: str, show: bool = True) -> Binding:
    return Binding(key, action, desc, show=show, id=f"srcdiff.{bid}", tooltip=tip)


APP_BINDINGS: list[BindingType] = [
    _b("question_mark", "help", "Help", "help", "Show every key and what the colours mean"),
    _b("n,j", "step(1)", "Next", "next", "Next drift, in the current order and filters"),
    _b("N,k", "step(-1)", "Prev", "prev", "Previous drift"),
    _b("c", "mark('confirmed')", "Confirm", "confirm", "Mark confirmed (again: unmark)"),
    _b("x", "mark('dismissed')", "Dismiss", "dismiss", "Mark dismissed (again: unmark)"),
    _b("m", "note", "Note", "note", "Write a note on the drift (marks it noted)"),
    _b("l", "toggle_list", "List", "list", "Show or hide the drift list"),
    _b("f", "cycle_kind", "Kind", "kind", "Filter drifts by kind: all, number, quote, …"),
    _b("s", "cycle_severity", "Severity", "severity", "Filter drifts: all, high, medium, low"),
    _b("o", "toggle_order", "Order", "order", "Go through drifts by severity or in document order"),
    _b(
        "r",
        "toggle_reviewed",
        "Unreviewed",
        "unreviewed",
        "Show only drifts not yet marked, or all of them",
    ),
    _b("u", "one_sided", "One-sided", "one_sided", "Jump to the next passage only one side has"),
    _b("slash", "search", "Search", "search", "Find words in both texts (again: next match)"),
    _b("z", "toggle_noise", "Furniture", "noise", "Show or collapse page furniture"),
    _b("p", "next_pair", "Pair", "pair", "Show the next pair of documents"),
    _b(
        "g",
        "sources",
        "Sources",
        "sources",
        "Many sources: shares, relations, pick a pair, passage view (b switches its base)",
    ),
    _b(
        "e",
        "export",
        "Export",
        "export",
        "Write the HTML report, with the marks, beside the review file",
    ),
    _b("q", "quit", "Quit", "quit", "Quit (marks are saved on every change)"),
    _b("ctrl+q,ctrl+c", "quit", "Quit", "quit_ctrl", "Quit", show=False),
]


def help_sections() -> list[tuple[str, Sequence[BindingType]]]:
    """The help screen's sections: every binding a reviewer can press."""
    return [
        ("Review", APP_BINDINGS),
        ("Scrolling the texts (mouse wheel and clicks work too)", SideBySide.BINDINGS),
        ("In a prompt, and in this help", [*PromptScreen.BINDINGS, *HelpScreen.BINDINGS]),
    ]

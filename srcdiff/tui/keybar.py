"""The key bar: the review keys that fit, most needed first, Help and Quit always."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget

from .keys import BAR, QUIT, BarKey
from .theme import text_style

GAP = 2
"""Cells between two entries."""


def entry_width(e: BarKey) -> int:
    return len(e.keys) + 1 + len(e.label)


def fit(entries: Sequence[BarKey], width: int, rows: int) -> list[list[BarKey]]:
    """``entries`` laid out in at most ``rows`` rows of ``width`` cells, in order.

    An entry that does not fit is left out (a later, shorter one may still);
    Quit ends the last row whatever else is left out.
    """
    width = max(width, entry_width(QUIT))

    def layout(chosen: list[BarKey]) -> list[list[BarKey]]:
        out: list[list[BarKey]] = [[]]
        used = 0
        for e in [*chosen, QUIT]:
            w = entry_width(e)
            if out[-1] and used + GAP + w > width:
                out.append([])
                used = 0
            used += (GAP if out[-1] else 0) + w
            out[-1].append(e)
        return out

    chosen: list[BarKey] = []
    for e in entries:
        if len(layout([*chosen, e])) <= rows:
            chosen.append(e)
    return layout(chosen)


class KeyBar(Widget):
    """One or two rows of keys: as many as the width holds."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--label"}

    def __init__(self, available: Callable[[str], bool], *, id: str | None = None) -> None:
        """``available(action)``: whether the entry for ``action`` applies now."""
        super().__init__(id=id)
        self.available = available
        self.max_rows = 2

    def rows(self) -> list[list[BarKey]]:
        entries = [e for e in BAR if self.available(e.action)]
        return fit(entries, self.size.width or 80, self.max_rows)

    def shown(self) -> list[BarKey]:
        """Every entry on the bar now, in order."""
        return [e for row in self.rows() for e in row]

    def update(self) -> None:
        rows = self.rows()
        if self.styles.height is None or self.styles.height.value != len(rows):
            self.styles.height = len(rows)
        self.refresh()

    def on_resize(self) -> None:
        self.update()

    def entry_at(self, x: int, y: int) -> BarKey | None:
        """The entry drawn at cell (``x``, ``y``) of the bar, if any."""
        rows = self.rows()
        if not 0 <= y < len(rows):
            return None
        at = 0
        for e in rows[y]:
            if at <= x < at + entry_width(e):
                return e
            at += entry_width(e) + GAP
        return None

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        entry = self.entry_at(offset.x, offset.y) if offset is not None else None
        if entry is not None:
            await self.app.run_action(entry.run)

    def render(self) -> Text:
        key = self.get_component_rich_style("keybar--key")
        label = text_style(self, "keybar--label")
        out = Text(no_wrap=True, end="")
        for n, row in enumerate(self.rows()):
            if n:
                out.append("\n")
            for k, e in enumerate(row):
                if k:
                    out.append(" " * GAP)
                out.append(e.keys, key)
                out.append(" " + e.label, label)
        return out

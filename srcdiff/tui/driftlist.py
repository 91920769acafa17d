"""The drift list: one line per drift that passes the filters, in the chosen order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import Drift
from ..review import Mark
from .theme import strip_of, text_style

MARK_SYMBOL = {"confirmed": "✓", "dismissed": "✗", "noted": "✎"}
SEVERITY_SYMBOL = {"high": "H", "medium": "M", "low": "L"}


def short(text: str, limit: int = 28) -> str:
    """``text`` on one line, cut to ``limit`` characters; "(nothing)" for nothing.

    Spelled out, as the HTML report does: a dash could be the text itself.
    """
    flat = " ".join(text.split())
    if not flat:
        return "(nothing)"
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def drift_words(d: Drift, limit: int = 28) -> str:
    return f"{short(d.a, limit)} → {short(d.b, limit)}"


class DriftList(ScrollView, can_focus=False):
    """Every drift in view order; the current one is highlighted; click to go there."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "driftlist--cursor",
        "driftlist--high",
        "driftlist--medium",
        "driftlist--low",
        "driftlist--muted",
        "driftlist--confirmed",
        "driftlist--dismissed",
        "driftlist--noted",
    }

    class Picked(Message):
        """A drift was clicked in the list."""

        def __init__(self, drift: int) -> None:
            self.drift = drift
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.drifts: Sequence[Drift] = ()
        self.sequence: list[int] = []
        self.marks: Mapping[str, Mark] = {}
        self.current: int | None = None
        self._cache: LRUCache[tuple[int, bool, str, int], Strip] = LRUCache(1024)

    def show(
        self,
        drifts: Sequence[Drift],
        sequence: list[int],
        marks: Mapping[str, Mark],
        current: int | None,
    ) -> None:
        if drifts is not self.drifts:
            self._cache.clear()
        self.drifts, self.sequence, self.marks, self.current = drifts, sequence, marks, current
        size = Size(self.scrollable_content_region.width, len(sequence))
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()
        if current is not None and current in sequence:
            row = sequence.index(current)
            top, height = round(self.scroll_y), self.scrollable_content_region.height
            if not top <= row < top + height:
                self.scroll_to(y=max(row - height // 2, 0), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.sequence))
        self._cache.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self.sequence):
            return Strip.blank(width, self.rich_style)
        n = self.sequence[row]
        mark = self.marks.get(self.drifts[n].id)
        key = (n, n == self.current, mark.status if mark else "", width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._render_row(n, width)
        return strip

    def _render_row(self, n: int, width: int) -> Strip:
        d = self.drifts[n]
        cursor = n == self.current
        base = self.get_component_rich_style("driftlist--cursor") if cursor else self.rich_style
        mark = self.marks.get(d.id)
        text = Text(no_wrap=True, end="", style=base)
        if mark:
            known = mark.status in MARK_SYMBOL
            text.append(
                MARK_SYMBOL.get(mark.status, "?"),
                text_style(self, f"driftlist--{mark.status}") if known else base,
            )
        else:
            text.append(" ")
        text.append(" ")
        sev = d.severity.value
        text.append(SEVERITY_SYMBOL[sev], text_style(self, f"driftlist--{sev}"))
        text.append(
            f" {','.join(k.value for k in d.kinds)} ",
            text_style(self, "driftlist--muted") if not cursor else base,
        )
        text.append(drift_words(d, max((width - 16) // 2, 8)))
        return strip_of(text, self.app.console, width, base)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = round(self.scroll_y) + offset.y
        if 0 <= row < len(self.sequence):
            self.post_message(self.Picked(self.sequence[row]))

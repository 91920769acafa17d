"""The overview column: where the drifts are in the whole pair, one cell wide, beside the
panes' scroll bar.  Each row stands for an equal share of the view's lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
SYMBOL = {"high": "█", "medium": "▆", "low": "▂", "selected": "◆", "match": "•"}


def bucket(y: int, total: int, rows: int) -> int:
    """The row standing for view line ``y`` of ``total`` lines."""
    return min(y * rows // max(total, 1), rows - 1)


class Overview(Widget):
    """Drift marks by severity, the selected drift, search hits, and the part in view."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview--high",
        "overview--medium",
        "overview--low",
        "overview--selected",
        "overview--match",
        "overview--view",
    }

    class Jump(Message):
        """A row of the overview was clicked: show view line ``y``."""

        def __init__(self, y: int) -> None:
            self.y = y
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 1
        self.marks: Sequence[tuple[int, str]] = ()
        self.selected: int | None = None
        self.matches: Sequence[int] = ()
        self.view = (0, 0)

    def show(
        self,
        total: int,
        marks: Sequence[tuple[int, str]],
        selected: int | None,
        matches: Sequence[int],
        view: tuple[int, int],
    ) -> None:
        """``marks``: (view line, severity) of each drift shown; ``view``: (top, height)."""
        self.total, self.marks, self.selected = max(total, 1), marks, selected
        self.matches, self.view = matches, view
        self.refresh()

    def cells(self) -> list[str]:
        """What each row shows: a severity, "selected", "match" or ""."""
        rows = max(self.size.height, 1)
        out = [""] * rows
        for y in self.matches:
            out[bucket(y, self.total, rows)] = "match"
        for y, sev in self.marks:
            r = bucket(y, self.total, rows)
            if SEVERITY_RANK.get(out[r], 0) < SEVERITY_RANK[sev]:
                out[r] = sev
        if self.selected is not None:
            out[bucket(self.selected, self.total, rows)] = "selected"
        return out

    def render_line(self, y: int) -> Strip:
        rows = max(self.size.height, 1)
        what = self.cells()[y] if y < rows else ""
        top, height = self.view
        in_view = bucket(top, self.total, rows) <= y <= bucket(top + height - 1, self.total, rows)
        base = self.get_component_rich_style("overview--view") if in_view else self.rich_style
        if not what:
            return Strip([Segment(" ", base)], 1)
        style = base + Style(color=self.get_component_rich_style(f"overview--{what}").color)
        return Strip([Segment(SYMBOL[what], style)], 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        rows = max(self.size.height, 1)
        self.post_message(self.Jump(offset.y * self.total // rows))

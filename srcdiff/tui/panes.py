"""The side-by-side view: both documents' aligned passages in one scrolling widget.

A Line API widget: only the lines on screen are sliced, styled and drawn,
so a big pair scrolls as fast as a small one.  Both panes live in one
widget, so they always scroll together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import Block, Comparison, Document, Drift
from ..review import Mark
from .layout import GAP, GUTTER, Hit, Item, Layout, display
from .spans import GUTTER_MARK, Span, block_spans, one_block_spans
from .theme import strip_of, text_style


class SideBySide(ScrollView, can_focus=True, inherit_bindings=False):
    """Two panes of aligned passages with word-level highlights."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False, id="view.up"),
        Binding("down", "scroll_down", "Scroll down", show=False, id="view.down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="view.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="view.page_down"),
        Binding("home", "scroll_home", "Top", show=False, id="view.top"),
        Binding("end", "scroll_end", "Bottom", show=False, id="view.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sbs--del",
        "sbs--ins",
        "sbs--high",
        "sbs--medium",
        "sbs--low",
        "sbs--selected",
        "sbs--match",
        "sbs--match-current",
        "sbs--gutter",
        "sbs--gutter-current",
        "sbs--moved",
        "sbs--muted",
    }

    class DriftClicked(Message):
        """A drift's words were clicked."""

        def __init__(self, drift: int) -> None:
            self.drift = drift
            super().__init__()

    class NoiseClicked(Message):
        """A collapsed run of page furniture was clicked."""

    class Scrolled(Message):
        """The view moved (the overview column follows it)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comp: Comparison | None = None
        self.doc_a: Document | None = None
        self.doc_b: Document | None = None
        self.drifts: Sequence[Drift] = ()
        self.block_of: Sequence[int] = ()
        self.rows: Layout | None = None
        self.selected: int | None = None
        self.pattern: re.Pattern[str] | None = None
        self.hits: list[Hit] = []
        """Every match of ``pattern``, in reading order (see ``Layout.find_all``)."""
        self.hit: int | None = None
        """Index in ``hits`` of the current match."""
        self._hits_in: dict[int, list[Hit]] = {}
        self.shown: frozenset[int] = frozenset()
        """Numbers of the drifts that pass the filters: only they are highlighted."""
        self.names = ("A", "B")
        """The sides' letters, left and right (swapped: B, A)."""
        self.marks: Mapping[str, Mark] = {}
        self.show_noise = False
        self._texts = ("", "")
        self._spans: tuple[dict[int, list[Span]], dict[int, list[Span]]] = ({}, {})
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._fill: Callable[[int], Block] | None = None
        self._item_shown: tuple[int, int] | None = None
        """(item, scroll position) of the last passage jump."""
        self._kinds: dict[int, str] = {}
        """Status of each block filled so far (a preview's statuses are provisional)."""

    # -- state -------------------------------------------------------------
    def load(
        self,
        comp: Comparison,
        a: Document,
        b: Document,
        drifts: Sequence[Drift],
        block_of: Sequence[int],
        *,
        fill: Callable[[int], Block] | None = None,
        keep: bool = False,
    ) -> None:
        """Show ``comp``; ``drifts`` in document order, ``block_of`` their blocks.

        ``fill``, for a comparison still being built, gives a block's word
        ops by index: paired blocks are filled as they come into view.
        ``keep`` keeps the passage at the top in view (the same comparison,
        finished).
        """
        self.comp, self.doc_a, self.doc_b = comp, a, b
        self.drifts, self.block_of = drifts, block_of
        self._texts = (display(a.text), display(b.text))
        self._spans = block_spans(comp, drifts)
        self._fill = fill
        self._kinds = {}
        self.selected = None
        if not keep:
            self.rows = None
        self.relayout()
        if not keep:
            self.scroll_to(y=0, animate=False)

    def _fill_item(self, item: Item, k: int) -> Item:
        """Diff the words of the item's paired blocks not yet filled; the item as it now is."""
        assert self._fill is not None and self.rows is not None and self.comp is not None
        for b in item.blocks:
            pre = self.comp.blocks[b]
            if b not in self._kinds and pre.a and pre.b:
                blk = self._fill(b)
                self._spans[0][b], self._spans[1][b] = one_block_spans(blk, {})
                self._kinds[b] = blk.status.value
        # A paired item holds one block; its ops may show it equal after all.
        kind = self._kinds.get(item.blocks[0], item.kind) if len(item.blocks) == 1 else item.kind
        if kind != item.kind:
            item = self.rows.items[k] = replace(item, kind=kind)
        return item

    def pane_widths(self) -> tuple[int, int]:
        width = max(self.scrollable_content_region.width, GUTTER + 2)
        wa = (width - GUTTER) // 2
        return wa, width - GUTTER - wa

    def relayout(self) -> None:
        """Wrap everything again for the current width.

        Keeps the selected drift in view if it was, else the top passage.
        """
        if self.comp is None or self.doc_a is None or self.doc_b is None:
            return
        if not self.scrollable_content_region.width:
            return
        anchor = keep = None
        if self.rows is not None:
            k, _ = self.rows.item_at(round(self.scroll_y))
            anchor = self.rows.items[k].blocks[0] if k >= 0 else None
            if self.selected is not None and self.in_view(self.drift_line(self.selected)):
                keep = self.selected
        wa, wb = self.pane_widths()
        self._item_shown = None
        self.rows = Layout(
            self.comp, self.doc_a, self.doc_b, wa, wb, show_noise=self.show_noise, texts=self._texts
        )
        self.virtual_size = Size(wa + wb + GUTTER, self.rows.height)
        self.find(self.pattern, keep_hit=True)
        if keep is not None:
            self.show_line(self.drift_line(keep))
        elif anchor is not None:
            item = self.rows.items[self.rows.item_of_block[anchor]]
            self.scroll_to(y=item.y, animate=False)
        self.redraw()

    def find(self, pattern: re.Pattern[str] | None, keep_hit: bool = False) -> None:
        """Find every match of ``pattern`` (None: end the search); ``keep_hit`` keeps the
        current match the same text (after the view was wrapped again)."""
        old = self.hits[self.hit][1:] if keep_hit and self.hit is not None else None
        self.pattern = pattern
        self.hits = self.rows.find_all(pattern) if pattern and self.rows else []
        self._hits_in = {}
        for hit in self.hits:
            assert self.rows is not None
            self._hits_in.setdefault(self.rows.item_at(hit[0])[0], []).append(hit)
        self.hit = next((k for k, h in enumerate(self.hits) if h[1:] == old), None)
        self._cache.clear()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled())

    def in_view(self, y: int) -> bool:
        top = round(self.scroll_y)
        return top <= y < top + self.scrollable_content_region.height

    def redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        wa, wb = self.pane_widths()
        if self.rows is None or (wa, wb) != (self.rows.width_a, self.rows.width_b):
            self.relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    # -- keys: scroll at once (no animation), so a big text never lags ------
    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # -- where things are --------------------------------------------------
    def drift_line(self, n: int) -> int:
        """View line of drift ``n`` (its A side, or its B side when A has no words)."""
        if self.rows is None or self.comp is None:
            return 0
        d = self.drifts[n]
        k = self.block_of[n]
        if d.a_span[1] > d.a_span[0] or not d.b_span[1] > d.b_span[0]:
            return self.rows.line_of(k, "a", d.a_span[0])
        return self.rows.line_of(k, "b", d.b_span[0])

    def show_drift(self, n: int) -> None:
        """Bring drift ``n`` into view with as much of its passage above it as fits."""
        if self.rows is None:
            return
        y = self.drift_line(n)
        k, _ = self.rows.item_at(y)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        start = self.rows.items[k].y if k >= 0 else y
        if top <= start and y < top + height - 2:
            return
        if y - start < height - 3:
            self.scroll_to(y=max(start - 1, 0), animate=False)
        else:
            self.scroll_to(y=max(y - height // 3, 0), animate=False)

    def show_item(self, k: int) -> None:
        """Scroll so that item ``k`` starts on the second line of the view (or as near as
        the end of the view allows: it stays the current item all the same)."""
        if self.rows is not None:
            self.scroll_to(y=max(self.rows.items[k].y - 1, 0), animate=False)
            self._item_shown = (k, round(self.scroll_y))

    def current_item(self) -> int:
        """The item a passage jump starts from: the one last jumped to while the view has
        not moved since, else the one at the top of the view."""
        assert self.rows is not None
        top = round(self.scroll_y)
        if self._item_shown is not None and self._item_shown[1] == top:
            return self._item_shown[0]
        return max(self.rows.item_at(top + 1)[0], 0)

    def show_line(self, y: int) -> None:
        """Scroll so line ``y`` sits a third of the way down, unless it is in view."""
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not top + 1 <= y < top + height - 2:
            self.scroll_to(y=max(y - height // 3, 0), animate=False)

    # -- drawing -----------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        key = (line, self._selected_in(line))
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._render_view_line(line)
        return strip

    def _selected_in(self, line: int) -> int:
        """The selected drift if its passage shows on ``line``, else -1."""
        if self.selected is None or self.rows is None:
            return -1
        k, _ = self.rows.item_at(line)
        if k >= 0 and self.block_of[self.selected] in self.rows.items[k].blocks:
            return self.selected
        return -1

    def _style(self, name: str) -> Style:
        """A component style, kept until the theme or the CSS changes."""
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            elif name in ("muted", "gutter", "moved"):  # text only, on the view's background
                style = self._style("base") + text_style(self, f"sbs--{name}")
            else:
                style = self.get_component_rich_style(f"sbs--{name}")
            self._styles[name] = style
        return style

    def _render_view_line(self, line: int) -> Strip:
        base = self._style("base")
        width = self.scrollable_content_region.width
        layout = self.rows
        if layout is None:
            return Strip.blank(width, base)
        k, n = layout.item_at(line)
        if k < 0 or n >= layout.items[k].height:
            return Strip.blank(width, base)
        item = layout.items[k]
        if item.kind == "noise":
            return self._noise_line(item, width)
        if self._fill is not None:
            item = self._fill_item(item, k)
        wa, wb = layout.width_a, layout.width_b
        left = self._side_line(item, "a", n, wa)
        right = self._side_line(item, "b", n, wb)
        current = self.selected is not None and self.block_of[self.selected] in item.blocks
        mark = GUTTER_MARK[item.kind] if n == 0 else "│"
        gstyle = self._style("gutter-current" if current else "gutter")
        if n == 0 and item.kind == "moved" and not current:
            gstyle = self._style("moved")
        gutter = Strip([Segment(f" {mark} ", gstyle)], GUTTER)
        return Strip.join([left, gutter, right])

    def _noise_line(self, item: Item, width: int) -> Strip:
        assert self.comp is not None
        na = sum(len(self.comp.blocks[b].a) for b in item.blocks)
        nb = sum(len(self.comp.blocks[b].b) for b in item.blocks)
        sides = " and ".join(f"{n} in {side}" for n, side in ((na, "A"), (nb, "B")) if n)
        text = Text(
            f" ┄ page furniture ({sides}) collapsed: z shows it ┄",
            style=self._style("muted"),
            no_wrap=True,
        )
        return strip_of(text, self.app.console, width, self._style("base"))

    def _side_line(self, item: Item, side: str, n: int, width: int) -> Strip:
        assert self.rows is not None
        base = self._style("base")
        lines = item.a_lines if side == "a" else item.b_lines
        if n >= len(lines) or lines[n] == GAP:
            if n == 0 and not lines:
                label = f"(not in {self.names[0] if side == 'a' else self.names[1]})"
                text = Text(label, style=self._style("muted"))
                return strip_of(text, self.app.console, width, base)
            return Strip.blank(width, base)
        s, e = lines[n]
        shown = (self.rows.text_a if side == "a" else self.rows.text_b)[s:e]
        text = Text(shown, style=base, no_wrap=True, end="")
        spans = self._spans[0 if side == "a" else 1]
        for b in item.blocks:
            for s0, e0, name, num in spans.get(b, ()):
                if e0 <= s or s0 >= e or e0 <= s0:
                    continue
                if num >= 0:
                    mark = self.marks.get(self.drifts[num].id)
                    if num not in self.shown and num != self.selected:
                        continue  # hidden by the filters: its words show as plain changes
                    if num == self.selected:
                        name = "selected"
                    elif mark is not None and mark.status == "dismissed":
                        continue
                text.stylize(self._style(name), max(s0, s) - s, min(e0, e) - s)
        current = self.hits[self.hit] if self.hit is not None else None
        want = 0 if side == "a" else 1
        for hit in self._hits_in.get(self.rows.item_at(item.y)[0], ()):
            _y, hside, s0, e0 = hit
            if hside == want and s0 < e and e0 > s:
                name = "match-current" if hit == current else "match"
                text.stylize(self._style(name), max(s0, s) - s, min(e0, e) - s)
        return strip_of(text, self.app.console, width, base)

    # -- mouse -------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        layout = self.rows
        offset = event.get_content_offset(self)
        if layout is None or self.comp is None or offset is None:
            return
        y = round(self.scroll_y) + offset.y
        k, _ = layout.item_at(y)
        if k < 0:
            return
        item = layout.items[k]
        if item.kind == "noise":
            self.post_message(self.NoiseClicked())
            return
        if offset.x < layout.width_a:
            side, x = "a", offset.x
        elif offset.x >= layout.width_a + GUTTER:
            side, x = "b", offset.x - layout.width_a - GUTTER
        else:
            return
        pos = layout.offset_at(y, side, x)
        if pos is None:
            return
        spans = self._spans[0 if side == "a" else 1]
        for b in item.blocks:
            for s0, e0, _name, num in spans.get(b, ()):
                if num >= 0 and s0 <= pos < e0:
                    self.post_message(self.DriftClicked(num))
                    return

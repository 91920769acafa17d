"""Lay a comparison out as rows of wrapped lines, side by side (no Textual here).

An *item* is one row of the side-by-side view: an aligned block, a run of
one-sided blocks (what only A has on the left, what only B has on the right,
as a classic diff shows a hunk), or a run of page furniture collapsed to one
line.  Each side of an item is a list of lines, each line a ``(start, end)``
span of the document's original text, so text is sliced and styled only
when a line is drawn.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from ..model import Comparison, Document, Status
from ..sanitize import pictured

Line = tuple[int, int]
Hit = tuple[int, int, int, int]
"""A search match: (view line of its start, side 0 for A or 1 for B, start, end offsets)."""
GAP: Line = (-1, -1)
"""A blank line between two paragraphs of one side."""

GUTTER = 3
SEPARATOR = 1
"""Blank lines between two items."""

ONE_SIDED = (Status.ONLY_A, Status.ONLY_B)
_WORD = re.compile(r"[^ ]+")
ONE_CELL = (
    "\x20-\x7e\xa0-\xac\xae-\xff\u0100-\u024f\u0370-\u0377\u037a-\u037f"
    "\u0384-\u03ff\u0400-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027"
    "\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff"
)
"""Characters known to take exactly one cell: most of Latin, Greek, Cyrillic, punctuation."""
_ALL_ONE_CELL = re.compile(f"[{ONE_CELL}]*")


def display(text: str) -> str:
    """``text`` with line breaks and tabs as spaces, and every other control or
    format character as a one-column picture ("␛", "␦"): same length, same
    offsets, nothing a terminal obeys or that reorders the line."""
    for ch in "\n\r\t":
        if ch in text:
            text = text.replace(ch, " ")
    return pictured(text)


def _slow_wrap(text: str, start: int, end: int, width: int) -> list[Line]:
    """Word wrap measuring every word in cells (wide characters)."""
    out: list[Line] = []
    ls = le = -1
    used = 0
    for m in _WORD.finditer(text[start:end]):
        ws, we = m.start() + start, m.end() + start
        w = cell_len(m.group())
        while w > width:  # a word wider than the line: cut it
            if ls >= 0:
                out.append((ls, le))
                ls = -1
            cut = ws + 1
            while cut < we and cell_len(text[ws : cut + 1]) <= width:
                cut += 1
            out.append((ws, cut))
            ws = cut
            w = cell_len(text[ws:we])
        if ws >= we:
            continue
        if ls >= 0 and used + (ws - le) + w <= width:
            le, used = we, used + (ws - le) + w
        else:
            if ls >= 0:
                out.append((ls, le))
            ls, le, used = ws, we, w
    if ls >= 0:
        out.append((ls, le))
    return out


def wrap(text: str, start: int, end: int, width: int) -> list[Line]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells, as spans.

    ``text`` is a display text (see ``display``): lines break at spaces only.
    """
    width = max(width, 1)
    chunk = text[start:end]
    if not (chunk.isascii() or _ALL_ONE_CELL.fullmatch(chunk)):
        return _slow_wrap(text, start, end, width)
    out: list[Line] = []
    pos = start
    rfind = text.rfind
    while True:
        while pos < end and text[pos] == " ":
            pos += 1
        if pos >= end:
            return out
        if end - pos <= width:
            cut = end
        elif text[pos + width] == " ":
            cut = pos + width
        else:
            cut = rfind(" ", pos, pos + width)
            if cut <= pos:
                cut = pos + width
        stop = cut
        while text[stop - 1] == " ":
            stop -= 1
        out.append((pos, stop))
        pos = cut


@dataclass(frozen=True)
class Item:
    """One row of the side-by-side view."""

    blocks: tuple[int, ...]
    """Indices into the comparison's blocks."""
    kind: str
    """A block status value, "one_sided" for a run of both kinds, or "noise"."""
    a_lines: tuple[Line, ...]
    b_lines: tuple[Line, ...]
    y: int
    """First line of the item in the view."""

    @property
    def height(self) -> int:
        return max(len(self.a_lines), len(self.b_lines), 1)


def _side_lines(doc: Document, text: str, paras: list[int], width: int) -> list[Line]:
    out: list[Line] = []
    for i in paras:
        p = doc.paragraphs[i]
        lines = wrap(text, p.start, p.end, width)
        if lines and out:
            out.append(GAP)
        out.extend(lines)
    return out


def _groups(comp: Comparison, show_noise: bool) -> list[tuple[str, list[int]]]:
    """Blocks in view order, grouped: one-sided runs and noise runs become one item."""
    out: list[tuple[str, list[int]]] = []
    for k, blk in enumerate(comp.blocks):
        if blk.noise and not blk.drifts and not show_noise:
            kind = "noise"
        elif blk.status in ONE_SIDED:
            kind = blk.status.value
        else:
            out.append((blk.status.value, [k]))
            continue
        if out and (
            out[-1][0] == kind
            or (
                kind in ("only_a", "only_b", "one_sided")
                and out[-1][0] in ("only_a", "only_b", "one_sided")
            )
        ):
            prev_kind, members = out[-1]
            members.append(k)
            if prev_kind != kind:
                out[-1] = ("one_sided", members)
        else:
            out.append((kind, [k]))
    return out


class Layout:
    """Every item of a comparison wrapped to the panes' widths."""

    def __init__(
        self,
        comp: Comparison,
        a: Document,
        b: Document,
        width_a: int,
        width_b: int,
        *,
        show_noise: bool = False,
        texts: tuple[str, str] | None = None,
    ) -> None:
        self.comp, self.a, self.b = comp, a, b
        self.width_a, self.width_b = width_a, width_b
        self.text_a, self.text_b = texts or (display(a.text), display(b.text))
        """The documents' texts as drawn: same offsets, line breaks as spaces."""
        self.items: list[Item] = []
        self.item_of_block: dict[int, int] = {}
        y = 0
        for kind, members in _groups(comp, show_noise):
            if kind == "noise":
                a_lines: list[Line] = [(0, 0)]
                b_lines: list[Line] = []
            else:
                pa = [i for k in members for i in comp.blocks[k].a]
                pb = [j for k in members for j in comp.blocks[k].b]
                a_lines = _side_lines(a, self.text_a, pa, width_a)
                b_lines = _side_lines(b, self.text_b, pb, width_b)
            for k in members:
                self.item_of_block[k] = len(self.items)
            item = Item(tuple(members), kind, tuple(a_lines), tuple(b_lines), y)
            self.items.append(item)
            y += item.height + SEPARATOR
        self.height = max(y - SEPARATOR, 1)
        self._ys = [it.y for it in self.items]

    def item_at(self, y: int) -> tuple[int, int]:
        """(item index, line within the item) of view line ``y``; index -1 if none."""
        k = bisect_right(self._ys, y) - 1
        if k < 0:
            return -1, 0
        return k, y - self.items[k].y

    def line_of(self, block: int, side: str, offset: int) -> int:
        """View line showing ``offset`` of side ``side`` ("a"/"b") of ``block``."""
        item = self.items[self.item_of_block[block]]
        lines = item.a_lines if side == "a" else item.b_lines
        for n, (s, e) in enumerate(lines):
            if s <= offset <= e and (s, e) != GAP:
                return item.y + n
        for n, (s, _e) in enumerate(lines):  # offset in a gap between words: next line
            if s > offset:
                return item.y + n
        return item.y

    def offset_at(self, y: int, side: str, x: int) -> int | None:
        """Text offset under cell ``x`` of line ``y`` of side ``side``, if any."""
        k, n = self.item_at(y)
        if k < 0:
            return None
        item = self.items[k]
        lines = item.a_lines if side == "a" else item.b_lines
        if item.kind == "noise" or n >= len(lines) or lines[n] == GAP:
            return None
        s, e = lines[n]
        text = (self.a if side == "a" else self.b).text
        pos = s
        used = 0
        while pos < e:
            used += cell_len(text[pos])
            if used > x:
                return pos
            pos += 1
        return None

    def next_item(self, k: int, kinds: tuple[str, ...], step: int = 1) -> int | None:
        """The first item of one of ``kinds`` after (or before) item ``k``, wrapping."""
        if not self.items:
            return None
        n = len(self.items)
        for i in range(1, n + 1):
            cand = (k + step * i) % n
            if self.items[cand].kind in kinds:
                return cand
        return None

    def find_all(self, pattern: re.Pattern[str]) -> list[Hit]:
        """Every match of ``pattern`` in what the view shows, in reading order.

        A match may run over a line break of the view (a phrase wrapped in two);
        page furniture collapsed to one line is not searched.
        """
        out: list[Hit] = []
        for item in self.items:
            if item.kind == "noise":
                continue
            for side, doc, lines in ((0, self.a, item.a_lines), (1, self.b, item.b_lines)):
                out.extend(_hits(pattern, doc.text, lines, item.y, side))
        out.sort()
        return out

    def step_item(self, k: int, step: int) -> int | None:
        """The item after (``step`` 1) or before (-1) item ``k``; None past either end."""
        target = k + step
        return target if 0 <= target < len(self.items) else None


def _hits(
    pattern: re.Pattern[str], text: str, lines: tuple[Line, ...], y: int, side: int
) -> list[Hit]:
    """The matches in one side of an item, paragraph by paragraph (GAP lines part them)."""
    out: list[Hit] = []
    n = 0
    while n < len(lines):
        if lines[n] == GAP:
            n += 1
            continue
        last = n
        while last + 1 < len(lines) and lines[last + 1] != GAP:
            last += 1
        starts = [s for s, _ in lines[n : last + 1]]
        for m in pattern.finditer(text, lines[n][0], lines[last][1]):
            if m.end() > m.start():
                out.append((y + n + bisect_right(starts, m.start()) - 1, side, m.start(), m.end()))
        n = last + 1
    return out

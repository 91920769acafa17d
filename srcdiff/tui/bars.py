"""The header (both sources, over their panes) and the summary bar."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from ..model import Comparison, Document
from ..sanitize import pictured
from .layout import GUTTER
from .theme import text_style


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def middle_cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells: whole if it fits, else its start and end around "…"
    (a file name's end says most)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    head = (width - 1) // 3
    tail = width - 1 - head
    return text[:head] + "…" + text[len(text) - tail :]


class TitleBar(Widget):
    """Document A's name over the left pane, B's over the right one (the panes' widths).

    Sits over the panes only, so each label starts where its text does.  What
    does not fit goes first: the size, then the paragraph count; the name
    itself is shortened in the middle only when it alone is wider than its pane.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"titlebar--side", "titlebar--muted"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left: tuple[str, Document] | None = None
        self.right: tuple[str, Document] | None = None

    def show(self, left: tuple[str, Document], right: tuple[str, Document]) -> None:
        """(side letter, document) for the left and the right pane."""
        self.left, self.right = left, right
        self.refresh()

    def _half(self, side: tuple[str, Document], width: int) -> Text:
        label, doc = side
        paras = sum(1 for p in doc.paragraphs if not p.noise)
        size = human_size(doc.size or len(doc.text))
        name = pictured(doc.label)
        tag = f" {label} "
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(tag, text_style(self, "titlebar--side"))
        for extra in (f"  {size} · {paras} ¶", f"  {paras} ¶", ""):
            if cell_len(tag) + 1 + cell_len(name) + len(extra) <= width:
                break
        text.append(" " + middle_cut(name, width - cell_len(tag) - 1), Style(bold=True))
        text.append(extra, text_style(self, "titlebar--muted"))
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def render(self) -> Text:
        if self.left is None or self.right is None:
            return Text("")
        width = self.size.width - 1  # the panes' scroll bar
        wa = (width - GUTTER) // 2
        wb = width - GUTTER - wa
        out = Text(no_wrap=True, end="")
        out.append_text(self._half(self.left, wa))
        out.append(" " * GUTTER)
        out.append_text(self._half(self.right, wb))
        return out


class SummaryBar(Static):
    """Similarity, drift counts by severity, passage counts and the commonest kinds.

    Laid out in whole parts: a part that does not fit the row starts the
    next one, so no count is ever cut; the kinds come last, as many as fit.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "summary--high",
        "summary--medium",
        "summary--low",
        "summary--muted",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[Text] = []
        self.kinds: list[str] = []
        self.lead = ""

    def show(self, comp: Comparison, pending: bool = False, lead: str = "") -> None:
        """``pending``: the comparison is a preview; similarity and drift are not known yet.
        ``lead``: what comes first (which pair of many)."""
        s = comp.summary
        muted = text_style(self, "summary--muted")
        parts: list[Text] = []
        if pending:
            parts.append(Text("finding drift…", Style(bold=True)))
            self.kinds = []
        else:
            head = Text(f"{s.similarity:.0%} similar", Style(bold=True))
            parts.append(head)
            total = sum(n for _, n in s.drifts_by_severity)
            counts = Text(f"{total} drift{'s' if total != 1 else ''}")
            for k, (sev, n) in enumerate(s.drifts_by_severity):
                counts.append(": " if k == 0 else " · ")
                counts.append(f"{n} {sev}", text_style(self, f"summary--{sev}"))
            parts.append(counts)
            self.kinds = [f"{k} {n}" for k, n in s.drifts_by_kind]
        moves = [
            f"{n} {what}"
            for n, what in (
                (s.changed, "changed"),
                (s.moved, "moved"),
                (s.split, "split"),
                (s.merged, "merged"),
            )
            if n
        ]
        parts.append(Text(f"{s.paired} paired" + (f" ({', '.join(moves)})" if moves else "")))
        parts.append(Text(f"{s.only_a} only in A · {s.only_b} only in B"))
        if s.noise_a or s.noise_b:
            parts.append(Text(f"furniture {s.noise_a} A, {s.noise_b} B", muted))
        self.parts = parts
        self.lead = lead
        self.relayout()

    def on_resize(self) -> None:
        # After this layout pass: a height changed from within it would not be laid out.
        self.call_after_refresh(self.relayout)

    def relayout(self) -> None:
        width = max((self.content_region.width or self.size.width or 80), 20)
        muted = text_style(self, "summary--muted")
        parts = ([Text(self.lead, Style(bold=True))] if self.lead else []) + self.parts
        rows: list[Text] = [Text(end="")]
        for part in parts:
            row = rows[-1]
            sep = " │ " if row.plain else ""
            if row.plain and row.cell_len + len(sep) + part.cell_len > width:
                rows.append(Text(end=""))
                row, sep = rows[-1], ""
            row.append(sep)
            row.append_text(part)
        row = rows[-1]
        # The kinds: as many of the commonest as the last row holds ("…" for the rest).
        for n in range(len(self.kinds), 0, -1):
            more = " …" if n < len(self.kinds) else ""
            piece = " │ " + " · ".join(self.kinds[:n]) + more
            if row.cell_len + len(piece) <= width:
                row.append(piece, muted)
                break
        self.update(Text("\n", end="").join(rows))

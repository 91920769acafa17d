"""The header (both sources, over their panes) and the summary bar."""

from __future__ import annotations

from typing import ClassVar

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


class TitleBar(Widget):
    """Document A's name over the left pane, B's over the right one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"titlebar--side", "titlebar--muted"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.a: Document | None = None
        self.b: Document | None = None
        self.pair = ""

    def show(self, a: Document, b: Document, pair: str = "") -> None:
        self.a, self.b, self.pair = a, b, pair
        self.refresh()

    def _half(self, label: str, doc: Document, width: int) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f" {label} ", text_style(self, "titlebar--side"))
        text.append(f" {pictured(doc.label)}", Style(bold=True))
        paras = sum(1 for p in doc.paragraphs if not p.noise)
        text.append(
            f"  {human_size(doc.size or len(doc.text))} · {paras} ¶",
            text_style(self, "titlebar--muted"),
        )
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def render(self) -> Text:
        if self.a is None or self.b is None:
            return Text("")
        width = self.size.width
        wa = (width - 1 - GUTTER) // 2
        wb = width - wa - GUTTER
        right = self._half("B", self.b, wb - len(self.pair) - 1 if self.pair else wb)
        out = Text(no_wrap=True, end="")
        out.append_text(self._half("A", self.a, wa))
        out.append(" " * GUTTER)
        out.append_text(right)
        if self.pair:
            out.append(f" {self.pair}", Style(bold=True))
        return out


class SummaryBar(Static):
    """Similarity, drift counts by severity and kind, passage counts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "summary--high",
        "summary--medium",
        "summary--low",
        "summary--muted",
    }

    def show(self, comp: Comparison, pending: bool = False) -> None:
        """``pending``: the comparison is a preview; similarity and drift are not known yet."""
        s = comp.summary
        muted = text_style(self, "summary--muted")
        text = Text(end="")
        if pending:
            text.append("finding drift…", Style(bold=True))
            text.append(f" │ {s.paired} paired ({s.moved} moved)")
            text.append(f" · {s.only_a} only in A · {s.only_b} only in B")
            self.update(text)
            return
        text.append(f"{s.similarity:.0%} similar", Style(bold=True))
        total = sum(n for _, n in s.drifts_by_severity)
        text.append(f" │ {total} drift{'s' if total != 1 else ''}")
        for k, (sev, n) in enumerate(s.drifts_by_severity):
            text.append(": " if k == 0 else " · ")
            text.append(f"{n} {sev}", text_style(self, f"summary--{sev}"))
        parts = [
            f"{n} {what}"
            for n, what in (
                (s.changed, "changed"),
                (s.moved, "moved"),
                (s.split, "split"),
                (s.merged, "merged"),
            )
            if n
        ]
        text.append(f" │ {s.paired} paired" + (f" ({', '.join(parts)})" if parts else ""))
        text.append(f" · {s.only_a} only in A · {s.only_b} only in B")
        if s.noise_a or s.noise_b:
            text.append(f" · furniture {s.noise_a} A, {s.noise_b} B", muted)
        if s.drifts_by_kind:
            # Last and the three commonest only: the counts above matter more on a narrow screen.
            kinds = " · ".join(f"{k} {n}" for k, n in s.drifts_by_kind[:3])
            text.append(f" │ {kinds}" + (" …" if len(s.drifts_by_kind) > 3 else ""), muted)
        self.update(text)

"""The detail panel: the selected drift's kinds, severity, explanation, contexts and mark."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from ..model import Block, Document, Drift, Span
from ..render.decisions import verdict
from ..review import Mark
from ..sanitize import pictured
from .driftlist import MARK_SYMBOL
from .layout import display
from .theme import text_style

SEVERITY_LABEL = {"high": "HIGH", "medium": "MEDIUM", "low": "LOW"}
DIRECTION_LABEL = {"stronger": "▲ stronger", "weaker": "▼ weaker"}
MAX_EVIDENCE = 3
"""Evidence lines the panel shows under a finding (the JSON and HTML hold all)."""


def sentence_bounds(doc: Document, pos: int) -> Span:
    """The sentence (or failing that the paragraph) of ``doc`` around offset ``pos``."""
    for p in doc.paragraphs:
        if p.start <= pos <= p.end:
            for s in p.sentences:
                if s.start <= pos <= s.end:
                    return s.start, s.end
            return p.start, p.end
    return max(pos - 80, 0), min(pos + 80, len(doc.text))


def context_window(bounds: Span, span: Span, width: int) -> tuple[int, int, bool, bool]:
    """A window of at most ``width`` characters of ``bounds`` showing ``span``.

    Returns (start, end, cut on the left, cut on the right).
    """
    lo, hi = bounds
    s, e = max(span[0], lo), min(max(span[1], span[0]), hi)
    if hi - lo <= width:
        return lo, hi, False, False
    room = max(width - (e - s), 0)
    start = max(lo, s - room // 3)
    end = min(hi, start + width)
    start = max(lo, min(start, end - width))
    return start, end, start > lo, end < hi


class Detail(Static):
    """What the selected drift is, why it matters and how it was judged."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--high",
        "detail--medium",
        "detail--low",
        "detail--drift",
        "detail--label",
    }

    def show_drift(
        self,
        drift: Drift | None,
        block: Block | None,
        a: Document,
        b: Document,
        mark: Mark | None,
        hint: str = "",
    ) -> None:
        if drift is None or block is None:
            self.update(Text(hint or "No drift selected: n goes to the next one.", style="italic"))
            return
        width = max(self.content_region.width or 76, 20)
        sev = drift.severity.value
        head = Text(no_wrap=True, overflow="ellipsis", end="")
        head.append(f" {SEVERITY_LABEL[sev]} ", self.sev_style(sev))
        if mark is not None:
            head.append(
                f"  {MARK_SYMBOL.get(mark.status, '?')} {pictured(verdict(mark))}", Style(bold=True)
            )
        head.append("  " + ", ".join(k.value for k in drift.kinds), Style(bold=True))
        if drift.direction is not None:
            head.append(f"  {DIRECTION_LABEL[drift.direction.value]}", Style(bold=True))
        where = (
            f"A ¶{','.join(str(i + 1) for i in block.a) or '—'} ↔ "
            f"B ¶{','.join(str(j + 1) for j in block.b) or '—'}"
        )
        head.append(f"   {block.status.value} passage, {where}")
        lines = [head, Text(pictured(drift.explanation or ""), no_wrap=True, overflow="ellipsis")]
        for label, doc, span in (("A", a, drift.a_span), ("B", b, drift.b_span)):
            lines.append(self.context_line(label, doc, span, width))
        if mark is not None and mark.note:
            lines.append(
                Text(
                    f"Note: {pictured(mark.note)}",
                    style="italic",
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
        shown = [e for e in drift.evidence if e.severity.value != "low"]
        if len(drift.evidence) > 1:
            for e in shown[:MAX_EVIDENCE]:
                lines.append(
                    Text(
                        f"  · {e.severity.value}: {pictured(e.explanation)}",
                        no_wrap=True,
                        overflow="ellipsis",
                        style="dim",
                    )
                )
            rest = len(drift.evidence) - min(len(shown), MAX_EVIDENCE)
            if rest:
                lines.append(
                    Text(
                        f"  · and {rest} more (format, equivalent wording)",
                        no_wrap=True,
                        style="dim",
                    )
                )
        self.update(Text("\n", no_wrap=True, overflow="ellipsis").join(lines))

    def sev_style(self, sev: str) -> Style:
        return self.get_component_rich_style(f"detail--{sev}")

    def context_line(self, label: str, doc: Document, span: Span, width: int) -> Text:
        room = width - len(label) - 3
        start, end, cut_l, cut_r = context_window(sentence_bounds(doc, span[0]), span, room - 2)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"{label} ", text_style(self, "detail--label"))
        text.append("…" if cut_l else " ")
        shown = display(doc.text[start:end])
        s, e = max(span[0], start) - start, min(span[1], end) - start
        drift_style = text_style(self, "detail--drift")
        text.append(shown[:s])
        text.append(shown[s:e] if e > s else "‸", drift_style)
        text.append(shown[e:])
        if cut_r:
            text.append("…")
        return text

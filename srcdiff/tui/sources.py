"""The sources screen of a run over several texts: who holds what, pick a pair, passage view."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Report
from ..passages import default_base, passage_view
from ..render.sources import share_lines
from ..sanitize import pictured


def pictured_lines(lines: list[str]) -> str:
    return "\n".join(map(pictured, lines))


def _pair_label(report: Report, k: int) -> str:
    comp = report.comparisons[k]
    a, b = report.documents[comp.a], report.documents[comp.b]
    s = comp.summary
    sev = dict(s.drifts_by_severity)
    return (
        f"[{comp.a + 1}] {pictured(a.label)}  ↔  [{comp.b + 1}] {pictured(b.label)}   "
        f"similarity {s.similarity:.0%} · paired {s.paired} · "
        f"high {sev.get('high', 0)} · medium {sev.get('medium', 0)}"
    )


class SourcesScreen(ModalScreen[int | None]):
    """Shares and relations of every source, the pairs to open, and the passage view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,g", "close", "Close", id="sources.close", tooltip="Back to the pair on screen"
        ),
        Binding(
            "b",
            "next_base",
            "Base",
            id="sources.base",
            tooltip="Show the passage view of the next document as base",
        ),
        Binding(
            "tab",
            "app.focus_next",
            "Focus",
            id="sources.focus",
            show=False,
            tooltip="Move between the pair list and the passage view",
        ),
    ]

    def __init__(self, report: Report, base: int | None = None) -> None:
        super().__init__(classes="sources")
        self.report = report
        self.base = default_base(report) if base is None else base

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-box"):
            yield Static(
                "Sources — Enter opens a pair, b switches the base, Esc closes", id="sources-title"
            )
            yield Static(Text(pictured_lines(share_lines(self.report))), id="sources-matrix")
            yield OptionList(
                *(
                    Option(Text(_pair_label(self.report, k)), id=str(k))
                    for k in range(len(self.report.comparisons))
                ),
                id="sources-pairs",
            )
            yield Static("", id="sources-base")
            yield DataTable(id="sources-passages", zebra_stripes=True, cursor_type="row")

    def on_mount(self) -> None:
        self.show_base()
        self.query_one(OptionList).focus()

    def bases(self) -> list[int]:
        """Documents that were compared with every other one."""
        n = len(self.report.documents)
        out = []
        for d in range(n):
            partners = {
                c.b if c.a == d else c.a for c in self.report.comparisons if d in (c.a, c.b)
            }
            if len(partners) == n - 1:
                out.append(d)
        return out

    def show_base(self) -> None:
        docs = self.report.documents
        rows = passage_view(self.report, self.base)
        self.query_one("#sources-base", Static).update(
            Text(
                f"Passage view: base [{self.base + 1}] {pictured(docs[self.base].label)} "
                f"({len(rows)} passages)"
            )
        )
        table = self.query_one(DataTable)
        table.clear(columns=True)
        others = [d for d in range(len(docs)) if d != self.base]
        table.add_column(f"[{self.base + 1}] passage", width=48)
        for d in others:
            table.add_column(Text(f"[{d + 1}] {pictured(docs[d].label)}"[:28]), width=28)
        for row in rows:
            text = " ".join(docs[self.base].paragraphs[row.paragraph].text.split())
            cells: list[str | Text] = [Text(pictured(f"¶{row.paragraph + 1} {text[:42]}"))]
            for d in others:
                cell = row.cells[d]
                if cell is None or not cell.paragraphs:
                    cells.append("—")
                    continue
                where = ",".join(f"¶{j + 1}" for j in cell.paragraphs)
                highs = sum(1 for x in cell.drifts if x.severity.value == "high")
                cells.append(
                    f"{where} {cell.similarity:.0%}" + (f" · {highs} high" if highs else "")
                )
            table.add_row(*cells)

    def action_next_base(self) -> None:
        bases = self.bases()
        if len(bases) < 2:
            self.notify("Only one document was compared with every other.", timeout=3)
            return
        k = bases.index(self.base) if self.base in bases else -1
        self.base = bases[(k + 1) % len(bases)]
        self.show_base()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)

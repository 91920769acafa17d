"""Plain-text overview of a run over several sources: shares, relations, passages."""

from __future__ import annotations

from ..model import Report
from ..passages import default_base, passage_view

NAME_WIDTH = 24


def _short(label: str, width: int = NAME_WIDTH) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _pct(v: float | None) -> str:
    return "   —" if v is None else f"{v:4.0%}"


def share_lines(report: Report) -> list[str]:
    """The source matrix: row x, column y = share of x found in y (verbatim share)."""
    prov = report.provenance
    if prov is None:
        return []
    docs = report.documents
    n = len(docs)
    tags = [f"[{k + 1}]" for k in range(n)]
    lines = ["Share of each text (row) found in each other (column), verbatim in brackets:"]
    lines.append(" " * (NAME_WIDTH + 5) + "".join(f"{t:>13}" for t in tags))
    for x in range(n):
        cells = []
        for y in range(n):
            s = prov.share(x, y)
            cell = "" if s is None else f"{_pct(s.found)} ({_pct(s.verbatim).strip()})"
            cells.append(f"{cell:>13}")
        lines.append(f"{tags[x]:>4} {_short(docs[x].label):<{NAME_WIDTH}}" + "".join(cells))
    lines.append("")
    for r in prov.relations:
        lines.append(f"  {r.kind.value:<13} {r.explanation}")
    return lines


def passage_lines(report: Report, width: int = 100) -> list[str]:
    """Each base passage with its counterpart and top drift in every other source."""
    base = default_base(report)
    docs = report.documents
    lines = [f"Passages of [{base + 1}] {docs[base].label} in the other sources:"]
    for row in passage_view(report, base):
        text = " ".join(docs[base].paragraphs[row.paragraph].text.split())
        room = max(width - 8, 20)
        lines.append(f"¶{row.paragraph + 1:<4} {text[:room]}{'…' if len(text) > room else ''}")
        for cell in row.cells:
            if cell is None:
                continue
            tag = f"[{cell.doc + 1}]"
            if not cell.paragraphs:
                lines.append(f"      {tag} —")
                continue
            where = ",".join(f"¶{j + 1}" for j in cell.paragraphs)
            top = cell.drifts[0] if cell.drifts else None
            note = f"  {top.severity.value}: {top.explanation}" if top else ""
            more = f" (+{len(cell.drifts) - 1})" if len(cell.drifts) > 1 else ""
            line = f"      {tag} {where} {cell.status.value} {cell.similarity:.0%}{note}{more}"
            lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return lines


def overview_lines(report: Report, width: int = 100) -> list[str]:
    """Everything a run over three or more sources shows before its pairs."""
    docs = report.documents
    lines = [f"{len(docs)} sources, {len(report.comparisons)} comparisons"]
    lines += share_lines(report)
    lines.append("")
    lines += passage_lines(report, width)
    return lines

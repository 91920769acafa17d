"""The --claims face: numeric claims side by side, one row per thing measured.

Each cell shows the claim as written ("more than 70 percent") and, under it,
who says so ("US officials said").  Rows whose claims disagree in value,
qualifier or unit are marked with ``≠`` in the first column.
"""

from __future__ import annotations

import textwrap

from ..claims import Claim, ClaimRow, claim_rows
from ..model import Report

WIDTH = 140
MEASURE_COL = 22


def _cell_lines(c: Claim | None, width: int) -> list[str]:
    if c is None:
        return ["—"]
    lines = textwrap.wrap(" ".join(c.text.split()), width) or [""]
    if c.attribution:
        lines += textwrap.wrap(f"({' '.join(c.attribution.split())})", width)
    return lines


def _row_lines(row: ClaimRow, widths: list[int]) -> list[str]:
    mark = "≠" if row.differs else " "
    cols = [textwrap.wrap(row.measure or "(unnamed)", widths[0]) or [""]]
    cols += [_cell_lines(c, w) for c, w in zip(row.cells, widths[1:], strict=True)]
    height = max(len(c) for c in cols)
    out = []
    for k in range(height):
        parts = [
            (col[k] if k < len(col) else "").ljust(w) for col, w in zip(cols, widths, strict=True)
        ]
        out.append(f"{mark if k == 0 else ' '} " + " │ ".join(parts).rstrip())
    return out


def render_claims(report: Report, width: int = WIDTH) -> str:
    """A text table of the report's numeric claims, paired across documents."""
    rows = claim_rows(report)
    n = len(report.documents)
    usable = max(width, 60) - 2 - MEASURE_COL - 3 * n
    col = max(usable // max(n, 1), 16)
    widths = [MEASURE_COL] + [col] * n
    labels = [d.label for d in report.documents]
    head = ["measure".ljust(MEASURE_COL)] + [textwrap.shorten(lb, col).ljust(col) for lb in labels]
    rule = "─" * (sum(widths) + 3 * n + 2)
    lines = ["  " + " │ ".join(head).rstrip(), rule]
    if not rows:
        lines.append("  (no numeric claims found)")
    for row in rows:
        lines += _row_lines(row, widths)
    differ = sum(1 for r in rows if r.differs)
    shared = sum(1 for r in rows if sum(c is not None for c in r.cells) > 1)
    lines += [
        rule,
        f"{len(rows)} claims rows, {shared} found in more than one text, {differ} disagree (≠).",
    ]
    return "\n".join(lines) + "\n"

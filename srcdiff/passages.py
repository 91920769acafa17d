"""The passage view: each passage of a base document beside its counterpart in every source.

Read off the comparisons the run made; nothing is diffed again.  A run
with ``--base`` compared every document with the base; a run over every
pair did too, so any document can serve as the base.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, Drift, Report, Status


@dataclass(frozen=True)
class Counterpart:
    """Where one base passage went in one other document."""

    doc: int
    paragraphs: tuple[int, ...]
    """Paragraphs of ``doc``; empty when the passage has no counterpart there."""
    status: Status
    similarity: float
    drifts: tuple[Drift, ...]
    """The block's drifts, most severe first, read from the base to ``doc``."""
    flipped: bool
    """True when the comparison ran from ``doc`` to the base (drifts read b -> a)."""


@dataclass(frozen=True)
class PassageRow:
    paragraph: int
    """The base paragraph."""
    cells: tuple[Counterpart | None, ...]
    """One per document of the report; None for the base itself."""


def default_base(report: Report) -> int:
    return report.base if report.base is not None else 0


def passage_view(report: Report, base: int | None = None) -> tuple[PassageRow, ...]:
    """A row for every paragraph of the base that is not page furniture."""
    base = default_base(report) if base is None else base
    n = len(report.documents)
    home: list[dict[int, tuple[Block, bool]]] = [{} for _ in range(n)]
    for comp in report.comparisons:
        if base not in (comp.a, comp.b):
            continue
        flipped = comp.b == base
        other = comp.a if flipped else comp.b
        for blk in comp.blocks:
            for i in blk.b if flipped else blk.a:
                home[other][i] = (blk, flipped)
    rows = []
    for p in report.documents[base].paragraphs:
        if p.noise:
            continue
        cells: list[Counterpart | None] = []
        for d in range(n):
            found = home[d].get(p.index) if d != base else None
            if found is None:
                cells.append(None)
                continue
            blk, flipped = found
            drifts = tuple(sorted(blk.drifts, key=lambda x: -x.severity.rank))
            cells.append(
                Counterpart(
                    d, blk.a if flipped else blk.b, blk.status, blk.similarity, drifts, flipped
                )
            )
        rows.append(PassageRow(p.index, tuple(cells)))
    return tuple(rows)

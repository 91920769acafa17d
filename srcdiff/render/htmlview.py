"""What the HTML writer knows about one comparison: its documents, anchors and marks.

Anchors are stable for the same inputs: a row is named after the first
paragraph of each side (``p-1-a4-b3``: comparison 1, paragraph 4 of A,
paragraph 3 of B), a drift after its own id (``d-1-<id>``, its note in
the row ``n-1-<id>``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Block, Comparison, Document, Drift, Report
from ..review import Mark
from .htmlkit import letter, safe_id


def row_id(number: int, block: Block) -> str:
    parts = [f"p-{number}"]
    if block.a:
        parts.append(f"a{block.a[0] + 1}")
    if block.b:
        parts.append(f"b{block.b[0] + 1}")
    return "-".join(parts)


@dataclass
class CompView:
    """One comparison as the writer sees it; ``inline`` fills in while rows render."""

    report: Report
    comp: Comparison
    number: int
    marks: Mapping[str, Mark]
    row_ids: list[str] = field(default_factory=list)
    drift_keys: dict[int, str] = field(default_factory=dict)
    drift_rows: dict[int, int] = field(default_factory=dict)
    inline: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for k, blk in enumerate(self.comp.blocks):
            self.row_ids.append(row_id(self.number, blk))
            for d in blk.drifts:
                key = base = f"{self.number}-{safe_id(d.id)}"
                n = 1
                while key in seen:
                    n += 1
                    key = f"{base}-{n}"
                seen.add(key)
                self.drift_keys[id(d)] = key
                self.drift_rows[id(d)] = k

    @property
    def section_id(self) -> str:
        return f"cmp-{self.number}"

    @property
    def doc_a(self) -> Document:
        return self.report.documents[self.comp.a]

    @property
    def doc_b(self) -> Document:
        return self.report.documents[self.comp.b]

    @property
    def letter_a(self) -> str:
        return letter(self.comp.a)

    @property
    def letter_b(self) -> str:
        return letter(self.comp.b)

    def drift_anchor(self, d: Drift) -> str:
        """The id of the drift's highlighted words (or of its note when none show)."""
        key = self.drift_keys[id(d)]
        inline = f"d-{key}"
        return inline if inline in self.inline else f"n-{key}"

    def note_anchor(self, d: Drift) -> str:
        return f"n-{self.drift_keys[id(d)]}"

    def mark(self, d: Drift) -> Mark | None:
        return self.marks.get(d.id)

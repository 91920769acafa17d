"""The Report: one immutable, typed result that every renderer reads.

Offsets are character offsets into a document's decoded original text
(``Document.text``).  Nothing in here is hidden inside strings: kinds,
statuses and severities are enums, spans are ``(start, end)`` tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .provenance import Provenance

SCHEMA = "srcdiff/1"

Span = tuple[int, int]


class Status(StrEnum):
    """How a block of paragraphs relates across two documents."""

    EQUAL = "equal"
    CHANGED = "changed"
    MOVED = "moved"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


class OpKind(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """3 for high, 2 for medium, 1 for low: larger is more severe."""
        return {"high": 3, "medium": 2, "low": 1}[self.value]


class DriftKind(StrEnum):
    NUMBER = "number"
    QUOTE = "quote"
    NEGATION = "negation"
    HEDGE = "hedge"
    ATTRIBUTION = "attribution"
    ENTITY = "entity"
    WORDING = "wording"
    SPELLING = "spelling"
    FORMAT = "format"


class Relation(StrEnum):
    """How the two sides of a drift relate in meaning."""

    EQUIVALENT = "equivalent"
    """They say the same: a synonym, another form, punctuation."""
    REVERSED = "reversed"
    """One says the opposite of the other: an antonym, a negation, a reversed scale."""
    CHANGED = "changed"
    """They say something different, neither the same nor the opposite."""


class Direction(StrEnum):
    """Which way a claim moved from side a to side b."""

    STRONGER = "stronger"
    WEAKER = "weaker"

    @property
    def mirrored(self) -> Direction:
        return Direction.WEAKER if self is Direction.STRONGER else Direction.STRONGER


@dataclass(frozen=True, slots=True)  # slots: a web page makes hundreds; a third quicker to make
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document; ``text == document.text[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    noise: bool = False
    noise_reason: str | None = None
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Document:
    label: str
    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str = "utf-8"
    size: int = 0
    """Size of the input in bytes, as read."""
    modified: str | None = None
    """When the input was last modified (ISO 8601, UTC), if known."""
    kind: str = "text"
    """What the input was read as: text, html or markdown."""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    """Title, author, publication date and site name, as a web page declares them."""
    warnings: tuple[str, ...] = ()
    """What reading had to repair: bad UTF-8 bytes replaced, stray NULs, a wrong charset."""


@dataclass(frozen=True)
class Op:
    """One word-diff operation inside a block.

    ``a``/``b`` are the texts on each side (``""`` for the absent side);
    spans are offsets into the documents' original texts.
    """

    op: OpKind
    a: str
    b: str
    a_span: Span
    b_span: Span


@dataclass(frozen=True)
class Evidence:
    """What one rule saw in one word op of a drift: the drift's detail, not a row."""

    op: int
    """Index into the block's ``ops``."""
    cue: str
    """What the rule saw: a row of the severity table (docs/drift.md)."""
    kinds: tuple[DriftKind, ...]
    severity: Severity
    relation: Relation
    explanation: str
    a: str
    b: str
    a_span: Span
    b_span: Span
    direction: Direction | None = None


@dataclass(frozen=True)
class Drift:
    """One finding: a change to one unit of meaning (a quote, a claim, a figure with its
    qualifier, an attribution), with the word ops inside it as its evidence."""

    id: str
    kinds: tuple[DriftKind, ...]
    severity: Severity
    a: str
    b: str
    a_span: Span
    b_span: Span
    explanation: str
    op_index: int = -1
    """Index into the block's ``ops`` of the finding's first op."""
    relation: Relation = Relation.CHANGED
    direction: Direction | None = None
    """Whether side b states the claim more strongly or more weakly than side a."""
    ops: tuple[int, ...] = ()
    """Indices into the block's ``ops`` of every op the finding covers."""
    evidence: tuple[Evidence, ...] = ()

    @property
    def kind(self) -> DriftKind:
        return self.kinds[0]


@dataclass(frozen=True)
class Block:
    """Paragraphs of document a paired with paragraphs of document b.

    One-sided blocks have an empty tuple on the other side.
    """

    status: Status
    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    ops: tuple[Op, ...] = ()
    drifts: tuple[Drift, ...] = ()
    noise: bool = False
    """True when every paragraph of the block is page furniture."""

    @property
    def is_split(self) -> bool:
        return len(self.a) == 1 and len(self.b) > 1

    @property
    def is_merge(self) -> bool:
        return len(self.a) > 1 and len(self.b) == 1


@dataclass(frozen=True)
class Summary:
    paired: int = 0
    equal: int = 0
    changed: int = 0
    moved: int = 0
    split: int = 0
    merged: int = 0
    only_a: int = 0
    only_b: int = 0
    noise_a: int = 0
    noise_b: int = 0
    similarity: float = 0.0
    drifts_by_kind: tuple[tuple[str, int], ...] = ()
    drifts_by_severity: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Comparison:
    a: int
    b: int
    blocks: tuple[Block, ...]
    summary: Summary = field(default_factory=Summary)

    @property
    def drifts(self) -> tuple[Drift, ...]:
        """Every drift of the comparison, most severe first, then in order."""
        out = [d for blk in self.blocks for d in blk.drifts]
        order = {id(d): i for i, d in enumerate(out)}
        return tuple(sorted(out, key=lambda d: (-d.severity.rank, order[id(d)])))


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    comparisons: tuple[Comparison, ...]
    schema: str = SCHEMA
    base: int | None = None
    """The document every other was compared with (``--base``), or None for every pair."""
    provenance: Provenance | None = None
    """Shares, relations and passage origins across the documents."""

    @property
    def differs(self) -> bool:
        """True when any comparison has a change outside page furniture."""
        for comp in self.comparisons:
            for blk in comp.blocks:
                if blk.noise:
                    continue
                if blk.status is not Status.EQUAL:
                    return True
        return False

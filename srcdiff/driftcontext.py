"""What drift rules know about one op: its block, its sentences, its quotes.

``BlockState`` holds what one ``classify`` call learns about the whole block
(quotes that lost or gained their marks, numbers already paired, the block's
numbers and names); ``OpView`` adds, lazily, the facts about one op and the
sentence(s) around it on each side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .docindex import DocIndex, QuoteRegion
from .lexicon import NEGATIONS, alias, american, entity_keys, words
from .model import DriftKind, Op, Severity, Span
from .normalize import match_tokens
from .numbers import Quantity

K = DriftKind
HIGH, MEDIUM, LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW
NEG_PARTNERS = NEGATIONS | {"any", "ever", "either", "anything", "anyone", "anybody", "yet"}


@dataclass(frozen=True)
class Finding:
    kinds: tuple[DriftKind, ...]
    severity: Severity
    explanation: str
    a: str
    b: str
    a_span: Span
    b_span: Span


def short(text: str, limit: int = 48) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def overlaps(q: Span, span: Span) -> bool:
    if span[0] == span[1]:
        return q[0] < span[0] < q[1]
    return q[0] < span[1] and span[0] < q[1]


@dataclass
class BlockState:
    """What one classify call knows about its block beyond a single op."""

    A: DocIndex
    B: DocIndex
    ops: Sequence[Op]
    lost: dict[int, int] = field(default_factory=dict)
    """Quote regions of a (by start) whose marks were dropped -> first op touching them."""
    gained: dict[int, int] = field(default_factory=dict)
    """Quote regions of b (by start) that are unquoted in a -> first op touching them."""
    paired_a: set[Span] = field(default_factory=set)
    paired_b: set[Span] = field(default_factory=set)
    _pools: tuple[list[Quantity], list[Quantity]] | None = None
    _keys: tuple[set[str], set[str]] | None = None

    def _paras(self, side: int) -> list[Span]:
        D = (self.A, self.B)[side]
        if not D.para_starts:
            return []
        ks = sorted({D.para_at((op.a_span, op.b_span)[side][0]) for op in self.ops})
        return [(D.para_starts[k], D.para_ends[k]) for k in ks]

    def name_keys(self) -> tuple[set[str], set[str]]:
        """Entity keys of every word of the block's paragraphs, on each side."""
        if self._keys is None:
            ka = set().union(*(entity_keys(self.A.text[s:e]) for s, e in self._paras(0)))
            kb = set().union(*(entity_keys(self.B.text[s:e]) for s, e in self._paras(1)))
            self._keys = (ka, kb)
        return self._keys

    def pools(self) -> tuple[list[Quantity], list[Quantity]]:
        """Every numeric expression of the block's paragraphs, on each side."""
        if self._pools is None:
            out: list[list[Quantity]] = []
            for D, side in ((self.A, 0), (self.B, 1)):
                found: list[Quantity] = []
                for span in self._paras(side):
                    found += D.quantities(span)
                out.append(found)
            self._pools = (out[0], out[1])
        return self._pools


class OpView:
    """One op with lazily computed facts about it and its surroundings."""

    def __init__(self, op: Op, state: BlockState) -> None:
        self.op, self.A, self.B = op, state.A, state.B
        self.state = state
        self.lost, self.gained = state.lost, state.gained
        A, B = state.A, state.B
        self.win_a = A.window(op.a_span)
        self.win_b = B.window(op.b_span)

    @cached_property
    def text_wa(self) -> str:
        return self.A.text[self.win_a[0] : self.win_a[1]]

    @cached_property
    def text_wb(self) -> str:
        return self.B.text[self.win_b[0] : self.win_b[1]]

    @cached_property
    def words_wa(self) -> list[str]:
        return words(self.text_wa)

    @cached_property
    def words_wb(self) -> list[str]:
        return words(self.text_wb)

    def region(self, side: str) -> QuoteRegion | None:
        D, span = (self.A, self.op.a_span) if side == "a" else (self.B, self.op.b_span)
        q = D.quote_at(span[0]) or D.quote_at(max(span[1] - 1, span[0]))
        return q

    @cached_property
    def kept_quote(self) -> bool:
        qa, qb = self.region("a"), self.region("b")
        return (
            qa is not None
            and qb is not None
            and qa.start not in self.lost
            and qb.start not in self.gained
        )

    @cached_property
    def lost_quote(self) -> bool:
        qa = self.region("a")
        return qa is not None and qa.start in self.lost

    @cached_property
    def touches_marks(self) -> bool:
        a0, a1 = self.op.a_span
        b0, b1 = self.op.b_span
        return any(p in self.A.mark_set for p in range(a0, a1)) or any(
            p in self.B.mark_set for p in range(b0, b1)
        )


def cut(text: str, base: int, spans: list[Span]) -> str:
    """``text`` (starting at document offset ``base``) with ``spans`` blanked out."""
    if not spans:
        return text
    chars = list(text)
    n = len(chars)
    for s, e in spans:
        lo, hi = max(s - base, 0), min(e - base, n)
        if hi > lo:
            chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


_LEGAL = frozenset(["company", "limited", "incorporated", "corporation", "plc", "llc"])


@lru_cache(maxsize=16384)
def _norm_line(text: str) -> str:
    return alias(" ".join(american(t.norm) for t in match_tokens(text) if t.norm not in _LEGAL))


def equivalent(a: str, b: str) -> bool:
    """Same words once case, quotes, "U.S."/"US", "per cent"/"%", number words fold."""
    na, nb = _norm_line(a), _norm_line(b)
    return na == nb or na.replace(" ", "").replace("-", "") == nb.replace(" ", "").replace("-", "")




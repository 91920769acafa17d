"""What drift rules know about one op: its block, its sentences, its quotes.

``BlockState`` holds what one ``classify`` call learns about the whole block
(quotes that lost or gained their marks, numbers already paired, the block's
numbers and names, the sentences ops sit in); ``Window`` holds, lazily, the
facts about the sentence(s) around an op on one side, shared by every op in
them; ``OpView`` adds, lazily, the facts about one op.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from ..model import DriftKind, Op, Severity, Span
from ..normalize import match_tokens
from ..numbers import Quantity
from .docindex import DocIndex, QuoteRegion
from .lexicon import (
    EVIDENTIAL,
    NEGATIONS,
    SPEECH,
    alias,
    american,
    attributions,
    content_of,
    entity_keys,
    hedge_words,
    known,
    may_name,
    negations,
    words,
)
from .severity import Cue, severity

K = DriftKind
NEG_PARTNERS = NEGATIONS | {"any", "ever", "either", "anything", "anyone", "anybody", "yet"}


class Finding(NamedTuple):
    """What a rule finds in one op: the evidence ``findings`` groups into drifts."""

    kinds: tuple[DriftKind, ...]
    cue: Cue
    explanation: str
    a: str
    b: str
    a_span: Span
    b_span: Span

    @property
    def severity(self) -> Severity:
        return severity(self.cue)


def short(text: str, limit: int = 48) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def overlaps(q: Span, span: Span) -> bool:
    if span[0] == span[1]:
        return q[0] < span[0] < q[1]
    return q[0] < span[1] and span[0] < q[1]


class Window:
    """The sentence(s) around an op on one side, and what the rules ask of them."""

    def __init__(self, D: DocIndex, span: Span) -> None:
        self.D, self.span = D, span
        self.text = D.text[span[0] : span[1]]

    @cached_property
    def words(self) -> tuple[str, ...]:
        return words(self.text)

    @cached_property
    def speech(self) -> bool:
        """Whether a speech verb ("said", "according") is among the words."""
        return not SPEECH.isdisjoint(self.words)

    @cached_property
    def vouched(self) -> bool:
        """Whether a speech verb or an evidential one ("data … show") is among the words:
        a source named here is given as a source."""
        return self.speech or not EVIDENTIAL.isdisjoint(self.words)

    @cached_property
    def negations(self) -> int:
        return negations(self.words)

    @cached_property
    def hedges(self) -> Counter[str]:
        return hedge_words(self.words)

    @cached_property
    def content(self) -> frozenset[str]:
        """Stemmed content words (see ``lexicon.content_of``)."""
        return frozenset(content_of(self.text))

    @cached_property
    def keys(self) -> frozenset[str]:
        """Entity keys of every word (see ``lexicon.entity_keys``)."""
        return entity_keys(self.text)

    def names(self, key: str) -> bool:
        """Whether the entity ``key`` is named here (``known`` among ``keys``)."""
        return may_name(self.text, key) and known(key, self.keys)

    @cached_property
    def quotes(self) -> list[QuoteRegion]:
        return self.D.quotes_in(self.span)

    @cached_property
    def outside(self) -> str:
        """The text with its quoted regions blanked out."""
        return cut(self.text, self.span[0], [(q.start, q.end) for q in self.quotes])

    @cached_property
    def attributions(self) -> tuple[tuple[str, int], ...]:
        """Speech verbs with a speaker, outside quotes: (verb, offset in ``text``)."""
        return attributions(self.outside)

    @cached_property
    def outside_words(self) -> frozenset[str]:
        return frozenset(words(self.outside))

    @cached_property
    def quantities(self) -> list[Quantity]:
        return self.D.quantities(self.span)


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
    _windows: tuple[dict[Span, Window], dict[Span, Window]] = field(
        default_factory=lambda: ({}, {})
    )

    def window(self, side: int, span: Span) -> Window:
        """The (shared) window of the sentence(s) holding ``span`` on side 0 (a) or 1 (b)."""
        D = (self.A, self.B)[side]
        win = D.window(span)
        got = self._windows[side].get(win)
        if got is None:
            got = self._windows[side][win] = Window(D, win)
        return got

    def _para_numbers(self, side: int) -> list[int]:
        """The block's paragraphs on side 0 (a) or 1 (b), by number, in order."""
        D = (self.A, self.B)[side]
        if not D.para_starts:
            return []
        return sorted({D.para_at((op.a_span, op.b_span)[side][0]) for op in self.ops})

    def _paras(self, side: int) -> list[Span]:
        D = (self.A, self.B)[side]
        return [(D.para_starts[k], D.para_ends[k]) for k in self._para_numbers(side)]

    def named(self, side: int, key: str) -> bool:
        """Whether the entity ``key`` is named in the block's paragraphs on side 0 (a) or
        1 (b): ``known`` among the keys of all their words, paragraph by paragraph."""
        text = (self.A, self.B)[side].text
        paras = (text[s:e] for s, e in self._paras(side))
        return any(may_name(p, key) and known(key, entity_keys(p)) for p in paras)

    def spoke(self, side: int, key: str, exact: bool = False) -> bool:
        """Whether a sentence of the block's paragraphs on side 0 (a) or 1 (b) that holds
        a speech or evidential verb (``Window.vouched``) names ``key`` (an entity key or a
        speaker noun) outside quotes: the source is given there, whatever the wording.
        ``exact``: the word itself, not a name it may be a form of ("Andrada" is no form
        of "Andrade" here)."""
        return self.spoke_where(
            side, lambda win: key in win.outside_words or not exact and win.names(key)
        )

    def spoke_where(self, side: int, holds: Callable[[Window], bool]) -> bool:
        """Whether a sentence of the block's paragraphs on one side that holds a speech or
        evidential verb is one of which ``holds`` is true."""
        D = (self.A, self.B)[side]
        for para in self._para_numbers(side):
            for sent in D.sentences(para):
                win = self.window(side, sent)
                if win.vouched and holds(win):
                    return True
        return False

    def named_before(self, side: int, key: str, pos: int) -> bool:
        """Whether the block names ``key`` (an entity key or a speaker noun) on side 0 (a)
        or 1 (b) before offset ``pos``."""
        text = (self.A, self.B)[side].text
        for s, e in self._paras(side):
            if s >= pos:
                break
            part = text[s : min(e, pos)]
            if key in words(part) or may_name(part, key) and known(key, entity_keys(part)):
                return True
        return False

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
    """One op with the facts about it and (lazily, in its windows) its surroundings."""

    def __init__(self, op: Op, state: BlockState) -> None:
        self.op, self.A, self.B = op, state.A, state.B
        self.state = state
        self.lost, self.gained = state.lost, state.gained
        self.wa = state.window(0, op.a_span)
        self.wb = state.window(1, op.b_span)
        self.qa = _quote_around(self.A, op.a_span)
        """The quoted region the op starts or ends in on side a, if any."""
        self.qb = _quote_around(self.B, op.b_span)
        qa, qb = self.qa, self.qb
        self.kept_quote = (
            qa is not None
            and qb is not None
            and qa.start not in self.lost
            and qb.start not in self.gained
        )
        """The op sits in a quote on both sides, and that quote kept its marks; and the
        change lies inside it: not when the quoted words are the same on both sides and
        the op's words stand outside the marks (',” Whitcomb added' splitting a quote)."""
        if self.kept_quote:
            in_a, out_a = _quoted_split(self.A, op.a_span)
            in_b, out_b = _quoted_split(self.B, op.b_span)
            if in_a == in_b and (out_a or out_b):
                self.kept_quote = False
        self.lost_quote = qa is not None and qa.start in self.lost
        self.gained_quote = qb is not None and qb.start in self.gained
        """The op sits in a quote of b that a gives unquoted: ``lost_quote`` seen from b."""

    @cached_property
    def touches_marks(self) -> bool:
        a0, a1 = self.op.a_span
        b0, b1 = self.op.b_span
        return any(p in self.A.mark_set for p in range(a0, a1)) or any(
            p in self.B.mark_set for p in range(b0, b1)
        )

    def words_before(self, side: int, n: int) -> tuple[str, ...]:
        """Up to ``n`` words before the op on side 0 (a) or 1 (b), within its window."""
        D, span, win = (
            (self.A, self.op.a_span, self.wa) if side == 0 else (self.B, self.op.b_span, self.wb)
        )
        start = max(win.span[0], span[0] - 16 * n)
        found = words(D.text[start : span[0]])
        if found and start > win.span[0] and D.text[start - 1].isalnum():
            found = found[1:]  # the slice began inside that word
        return found[-n:]

    def words_after(self, side: int, n: int) -> tuple[str, ...]:
        """Up to ``n`` words after the op on side 0 (a) or 1 (b), within its window."""
        D, span, win = (
            (self.A, self.op.a_span, self.wa) if side == 0 else (self.B, self.op.b_span, self.wb)
        )
        end = min(win.span[1], span[1] + 16 * n)
        found = words(D.text[span[1] : end])
        if found and end < win.span[1] and D.text[end].isalnum():
            found = found[:-1]  # the slice ended inside that word
        return found[:n]


def _quoted_split(D: DocIndex, span: Span) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``span`` inside quoted regions, and those outside them."""
    regions = D.quotes_in(span)
    inside: tuple[str, ...] = ()
    for q in regions:
        lo, hi = q.inner
        s, e = max(lo, span[0]), min(hi, span[1])
        if e > s:
            inside += words(D.text[s:e])
    outside = cut(D.text[span[0] : span[1]], span[0], [(q.start, q.end) for q in regions])
    return inside, words(outside)


def _quote_around(D: DocIndex, span: Span) -> QuoteRegion | None:
    return D.quote_at(span[0]) or D.quote_at(max(span[1] - 1, span[0]))


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

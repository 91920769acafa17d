"""Number rules: the numeric claims an op touches, paired across the two sides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Span
from ..normalize import fold
from ..numbers import (
    DURATIONS,
    Change,
    Quantity,
    compare,
    may_hold_quantity,
    number_word,
    quantities_near,
    same_unit,
    same_value,
)
from .context import Finding, K, OpView, overlaps
from .docindex import DocIndex
from .lexicon import content, words
from .severity import Cue

_CHANGES: dict[Change, tuple[Cue, tuple[K, ...]]] = {
    Change.FORMAT: (Cue.NUMBER_FORM, (K.FORMAT,)),
    Change.HEDGE_ADDED: (Cue.NUMBER_HEDGE, (K.HEDGE, K.NUMBER)),
    Change.HEDGE_REMOVED: (Cue.NUMBER_HEDGE, (K.HEDGE, K.NUMBER)),
    Change.QUALIFIER: (Cue.NUMBER_QUALIFIER, (K.NUMBER, K.HEDGE)),
}
"""How a change between two figures (``numbers.compare``) is weighed; any other is a
changed figure."""


def _match(q: Quantity, pool: list[Quantity], used: set[Span]) -> Quantity | None:
    for strict in (True, False):
        for c in pool:
            if c.span in used or c.kind != q.kind and "year" not in (c.kind, q.kind):
                continue
            if (
                same_value(q, c)
                and same_unit(q, c)
                and (not strict or q.qualifier_class == c.qualifier_class)
            ):
                return c
    return None


_DIGITS = re.compile(r"[0-9][0-9.,]*")
_WORD = re.compile(r"\S+")


def _stated(q: Quantity, other: DocIndex) -> bool:
    """Whether the other text also gives ``q`` word for word, qualifier and all ("kills at
    least 37" / "toll reaches 37" in a headline whose story says "At least 37 people were
    killed").  A figure with no qualifier is never looked for: it is inside every
    qualified one."""
    if not q.qualifier:
        return False
    # Digits and their marks have no case: the figure as typed must be in the other text,
    # which a plain scan tells at once, where the case-blind search reads it all.
    if any(run not in other.text for run in _DIGITS.findall(q.text)):
        return False
    words = [m.span() for m in _WORD.finditer(q.text)]
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(q.text[s:e]) for s, e in words) + r"(?!\w)",
        re.IGNORECASE,
    )
    digits = _DIGITS.search(q.text)
    if digits is None:
        return pattern.search(other.text) is not None
    return any(pattern.match(other.text, at) for at in _starts(other.text, q.text, words, digits))


def _starts(text: str, figure: str, words: list[Span], digits: re.Match[str]) -> Iterator[int]:
    """Where in ``text`` a case-blind match of ``figure``'s words must start to hold its
    first run of digits at each place ``text`` has that run.  Every match holds the run
    as typed (digits have no case), and walking back from it is fixed: each case-blind
    character matches one, and the white space between two words is the whole run of it
    before the later one."""
    k = next(i for i, (s, e) in enumerate(words) if s <= digits.start() < e)
    before = digits.start() - words[k][0]
    run = digits.group()
    p = text.find(run)
    while p >= 0:
        at = p - before
        for s, e in reversed(words[:k]):
            end = at
            while at > 0 and text[at - 1].isspace():
                at -= 1
            at = at - (e - s) if at < end else -1
            if at < 0:
                break
        if at >= 0:
            yield at
        p = text.find(run, p + 1)


def _after_words(D: DocIndex, q: Quantity) -> set[str]:
    return set(content(words(D.text[q.span[1] : q.span[1] + 40]))[:3])


def _overlapped(D: DocIndex, span: Span, win: Span) -> bool:
    """Whether a numeric expression inside ``win`` overlaps ``span``: a glance at the
    words of ``span``, then a scan near it when one paragraph holds it."""
    if D.para_starts:
        k = D.para_at(span[0])
        start, stop = D.para_starts[k], D.para_ends[k]
        if start <= span[0] and span[1] <= stop:
            if not may_hold_quantity(D.text, span[0], span[1], stop):
                return False
            return any(
                overlaps(q.span, span) and win[0] <= q.span[0] and q.span[1] <= win[1]
                for q in quantities_near(D.text, start, stop, *span)
            )
    return any(overlaps(q.span, span) for q in D.quantities(win))


_LENGTH_BEFORE = frozenset(
    [
        "for",
        "in",
        "of",
        "after",
        "within",
        "than",
        "lasted",
        "lasting",
        "lasts",
        "last",
        "took",
        "take",
        "takes",
        "taking",
        "spent",
        "spend",
        "spends",
        "spending",
        "aged",
    ]
)
"""Words after which "over" before a time span means "more than" ("for over two years")."""


def _over_as_during(D: DocIndex, q: Quantity) -> bool:
    """Whether ``q`` is "over" before a time span that may read "during" ("for 25,000
    people over three months"), not "more than" ("for over two years")."""
    if q.qualifier != "over" or q.kind != "amount" or q.unit not in DURATIONS:
        return False
    before = words(D.text[max(0, q.span[0] - 24) : q.span[0]])
    return not before or before[-1] not in _LENGTH_BEFORE


_ONE = re.compile(r"one\s+([\w'’-]+)", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:a\s+single|an?)\s+([\w'’-]+)", re.IGNORECASE)


def _article_for_one(v: OpView, q: Quantity, side: int) -> Finding | None:
    """ "one year" on one side where the other has "a year" ("an hour", "a single house")
    at the op: the same number written another way."""
    if q.value != 1 or q.qualifier or q.scale or q.kind != "amount":
        return None
    D, other = (v.A, v.B) if side == 0 else (v.B, v.A)
    m1 = _ONE.match(D.text, q.span[0])
    o0, o1 = v.op.b_span if side == 0 else v.op.a_span
    if m1 is None or o1 <= o0:
        return None
    noun = fold(m1.group(1))
    for m in _ARTICLE.finditer(other.text, o0, o1 + 40):
        if m.start() >= o1:
            break
        if fold(m.group(1)) == noun:
            one = (q.span[0], m1.end())
            art = (m.start(), m.end())
            sa, sb = (one, art) if side == 0 else (art, one)
            ta, tb = v.A.text[sa[0] : sa[1]], v.B.text[sb[0] : sb[1]]
            return Finding(
                (K.FORMAT,),
                Cue.NUMBER_FORM,
                f"same number, other form: {ta} → {tb}",
                ta,
                tb,
                sa,
                sb,
            )
    return None


def _neighbours(D: DocIndex, span: Span, win: Span) -> set[str]:
    """Content keys of the five words before and after ``span`` within ``win``, numbers
    and units left out."""
    before = [w for w in words(D.text[max(win[0], span[0] - 60) : span[0]]) if not number_word(w)]
    after = [w for w in words(D.text[span[1] : min(win[1], span[1] + 60)]) if not number_word(w)]
    return set(content(before)[-5:]) | set(content(after)[:5])


def _figure(q: Quantity) -> bool:
    """A figure with digits, a unit or a scale (not a lone number word: "one of them")."""
    return bool(q.unit or q.scale) or any(ch.isdigit() for ch in q.text)


def _moved_partner(
    v: OpView,
    q: Quantity,
    side: int,
    pool_same: list[Quantity],
    pool_other: list[Quantity],
    used_other: set[Span],
) -> Quantity | None:
    """The figure that took the place of ``q`` on the other side in another op (the word
    diff kept a word between them equal, so one op deletes ``q`` and another inserts it):
    a figure of the same kind, unit and scale outside the op, standing nowhere on ``q``'s
    side, with at least two content words around it the same as around ``q``."""
    if not _figure(q):
        return None
    st = v.state
    D, other = (v.A, v.B) if side == 0 else (v.B, v.A)
    paired_other = st.paired_b if side == 0 else st.paired_a
    here = v.op.b_span if side == 0 else v.op.a_span
    near: set[str] | None = None
    best, found = 1, None
    for c in pool_other:
        if (
            c.span in used_other
            or c.span in paired_other
            or c.kind != q.kind
            or c.unit != q.unit
            or c.scale != q.scale
            or same_value(q, c)
            or overlaps(c.span, here)
            or not _figure(c)
            or _match(c, pool_same, set()) is not None
        ):
            continue
        if near is None:
            near = _neighbours(D, q.span, st.window(side, q.span).span)
        n = len(near & _neighbours(other, c.span, st.window(1 - side, c.span).span))
        if n > best:
            best, found = n, c
    return found


def number_findings(v: OpView) -> tuple[list[Finding], list[Span], list[Span]]:
    op = v.op
    st = v.state
    if not (_overlapped(v.A, op.a_span, v.wa.span) or _overlapped(v.B, op.b_span, v.wb.span)):
        return [], [], []
    win_a, win_b = v.wa.quantities, v.wb.quantities
    in_a = [q for q in win_a if overlaps(q.span, op.a_span)]
    in_b = [q for q in win_b if overlaps(q.span, op.b_span)]
    if not in_a and not in_b:
        return [], [], []
    cut_a, cut_b = [q.span for q in in_a], [q.span for q in in_b]
    in_a = [q for q in in_a if q.span not in st.paired_a]
    in_b = [q for q in in_b if q.span not in st.paired_b]
    block_a, block_b = st.pools()
    pool_a, pool_b = win_a + block_a, win_b + block_b
    used_a: set[Span] = set(st.paired_a)
    used_b: set[Span] = set(st.paired_b)
    pairs: list[tuple[Quantity | None, Quantity | None]] = []
    for q in in_a:
        c = _match(q, in_b + pool_b, used_b)
        if c is not None:
            used_a.add(q.span)
            used_b.add(c.span)
            pairs.append((q, c))
    for q in in_b:
        if q.span in used_b:
            continue
        c = _match(q, in_a + pool_a, used_a)
        if c is not None:
            used_a.add(c.span)
            used_b.add(q.span)
            pairs.append((c, q))
    left_a = [q for q in in_a if q.span not in used_a]
    left_b = [q for q in in_b if q.span not in used_b]
    small = len(left_a) == 1 and len(left_b) == 1
    for q in list(left_a):
        for c in left_b:
            if c.kind != q.kind and "year" not in (c.kind, q.kind) or c.span in used_b:
                continue
            if small or (same_unit(q, c) and _after_words(v.A, q) & _after_words(v.B, c)):
                used_a.add(q.span)
                used_b.add(c.span)
                pairs.append((q, c))
                break
    out: list[Finding] = []
    st.paired_a |= used_a
    st.paired_b |= used_b
    for qa, qb in pairs:
        assert qa is not None and qb is not None
        change, why = compare(qa, qb)
        if change is Change.SAME:
            continue
        if (
            change is Change.QUALIFIER
            and not (qa.qualifier and qb.qualifier)
            and qa.unit == qb.unit
            and (_over_as_during(v.A, qa) or _over_as_during(v.B, qb))
        ):
            out.append(
                Finding(
                    (K.WORDING,),
                    Cue.WORD_FORM,
                    f"“over” a time span, as in “during”: {qa.text} → {qb.text}",
                    qa.text,
                    qb.text,
                    qa.span,
                    qb.span,
                )
            )
            continue
        if change is Change.QUALIFIER and (_stated(qa, v.B) or _stated(qb, v.A)):
            out.append(
                Finding(
                    (K.NUMBER,),
                    Cue.QUALIFIER_STATED_ELSEWHERE,
                    f"qualifier given elsewhere in the passage: {qa.text} → {qb.text}",
                    qa.text,
                    qb.text,
                    qa.span,
                    qb.span,
                )
            )
            continue
        cue, kinds = _CHANGES.get(change, (Cue.NUMBER_CHANGED, (K.NUMBER,)))
        if change is Change.VALUE and "date" in (qa.kind, qb.kind) or "year" in (qa.kind, qb.kind):
            kinds = (K.NUMBER, K.ENTITY)
        out.append(Finding(kinds, cue, why, qa.text, qb.text, qa.span, qb.span))
    for q in in_a:
        if q.span not in used_a and not _match(q, pool_b, set()):
            f = _orphan(v, q, 0, pool_a, pool_b, used_b)
            if f.kinds == (K.FORMAT,):
                cut_b.append(f.b_span)  # "a year" for "one year": the article is explained
            out.append(f)
    for q in in_b:
        if q.span not in used_b and not _match(q, pool_a, set()):
            f = _orphan(v, q, 1, pool_b, pool_a, used_a)
            if f.kinds == (K.FORMAT,):
                cut_a.append(f.a_span)
            out.append(f)
    return out, cut_a, cut_b


def _orphan(
    v: OpView,
    q: Quantity,
    side: int,
    pool_same: list[Quantity],
    pool_other: list[Quantity],
    used_other: set[Span],
) -> Finding:
    """The finding for a figure of the op with no counterpart on the other side."""
    st = v.state
    got = _article_for_one(v, q, side)
    if got is not None:
        (st.paired_a if side == 0 else st.paired_b).add(q.span)
        return got
    c = _moved_partner(v, q, side, pool_same, pool_other, used_other)
    if c is not None:
        st.paired_a.add((q if side == 0 else c).span)
        st.paired_b.add((c if side == 0 else q).span)
        used_other.add(c.span)
        qa, qb = (q, c) if side == 0 else (c, q)
        _, why = compare(qa, qb)
        return Finding((K.NUMBER,), Cue.NUMBER_CHANGED, why, qa.text, qb.text, qa.span, qb.span)
    if side == 0:
        return Finding(
            (K.NUMBER,),
            Cue.NUMBER_REMOVED,
            f"number removed: {q.text}",
            q.text,
            "",
            q.span,
            v.op.b_span,
        )
    return Finding(
        (K.NUMBER,), Cue.NUMBER_ADDED, f"number added: {q.text}", "", q.text, v.op.a_span, q.span
    )

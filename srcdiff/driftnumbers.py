"""Number rules: the numeric claims an op touches, paired across the two sides."""

from __future__ import annotations

from .docindex import DocIndex
from .driftcontext import HIGH, LOW, MEDIUM, Finding, K, OpView, overlaps
from .lexicon import content, words
from .model import Span
from .numbers import (
    Change,
    Quantity,
    compare,
    may_hold_quantity,
    quantities_near,
    same_unit,
    same_value,
)


def _match(q: Quantity, pool: list[Quantity], used: set[Span]) -> Quantity | None:
    for strict in (True, False):
        for c in pool:
            if c.span in used or c.kind != q.kind and "year" not in (c.kind, q.kind):
                continue
            if (same_value(q, c) and same_unit(q, c)
                    and (not strict or q.qualifier_class == c.qualifier_class)):
                return c
    return None


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
            return any(overlaps(q.span, span) and win[0] <= q.span[0] and q.span[1] <= win[1]
                       for q in quantities_near(D.text, start, stop, *span))
    return any(overlaps(q.span, span) for q in D.quantities(win))


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
        sev, kinds = {
            Change.FORMAT: (LOW, (K.FORMAT,)),
            Change.HEDGE_ADDED: (MEDIUM, (K.HEDGE, K.NUMBER)),
            Change.HEDGE_REMOVED: (MEDIUM, (K.HEDGE, K.NUMBER)),
            Change.QUALIFIER: (HIGH, (K.NUMBER, K.HEDGE)),
        }.get(change, (HIGH, (K.NUMBER,)))
        if change is Change.VALUE and "date" in (qa.kind, qb.kind) or "year" in (qa.kind, qb.kind):
            kinds = (K.NUMBER, K.ENTITY)
        out.append(Finding(kinds, sev, why, qa.text, qb.text, qa.span, qb.span))
    for q in in_a:
        if q.span not in used_a and not _match(q, pool_b, set()):
            out.append(Finding((K.NUMBER,), MEDIUM, f"number removed: {q.text}", q.text, "",
                               q.span, op.b_span))
    for q in in_b:
        if q.span not in used_b and not _match(q, pool_a, set()):
            out.append(Finding((K.NUMBER,), MEDIUM, f"number added: {q.text}", "", q.text,
                               op.a_span, q.span))
    return out, cut_a, cut_b




"""Claim strength as evidence: where each changed sentence's claim moved on its scales.

The word ops of a unit say what changed; the claim profiles of the sentences around it
(``srcdiff.strength``: certainty, causality, scope, quantifiers, frequency, comparison,
modality, attribution) say whether the change made the claim stronger or weaker.  Each
scale change becomes one piece of evidence of the unit whose ops hold its cue, with the
change's direction ("stronger" from side a to side b) and the scale's severity.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Direction, DriftKind, Evidence, Op, Relation, Span
from ..strength import Cues, ScaleChange, compare, profile_of, reach, read_cues
from .context import BlockState
from .findings import Unit

K = DriftKind

SCALE_KINDS: dict[str, tuple[DriftKind, ...]] = {
    "certainty": (K.HEDGE,),
    "evidence": (K.HEDGE,),
    "causality": (K.HEDGE, K.WORDING),
    "scope": (K.HEDGE, K.WORDING),
    "quantifier": (K.NUMBER, K.WORDING),
    "frequency": (K.WORDING, K.HEDGE),
    "comparison": (K.NUMBER, K.WORDING),
    "bound": (K.NUMBER, K.HEDGE),
    "modality": (K.HEDGE,),
    "attribution": (K.ATTRIBUTION,),
    "source": (K.ATTRIBUTION,),
}
"""Which drift kinds a change on each scale touches."""


def _window(state: BlockState, side: int, ops: Sequence[Op]) -> Span:
    """The sentences holding the ops on one side, up to the first paragraph holding none.

    A unit across a split or a merge may have ops in paragraphs far apart in their
    document: the text between them is no part of the claim, and reading it cost as
    much as reading the whole document."""
    spans = [state.window(side, (op.a_span, op.b_span)[side]).span for op in ops]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    D = (state.A, state.B)[side]
    if not D.para_starts:
        return lo, hi
    paras = sorted({D.para_at(p) for span in spans for p in (span[0], max(span[1] - 1, span[0]))})
    last = paras[0]
    for k in paras[1:]:
        if k != last + 1:
            break
        last = k
    return lo, max(lo, min(hi, D.para_ends[last]))


def _doc_span(base: int, span: Span | None) -> Span | None:
    return None if span is None else (base + span[0], base + span[1])


def _hits(span: Span | None, unit: Span) -> bool:
    if span is None:
        return False
    lo, hi = unit
    return span[0] <= hi and lo <= span[1]


def _evidence(c: ScaleChange, op: int, sa: Span | None, sb: Span | None, u: Unit) -> Evidence:
    return Evidence(
        op,
        f"claim_{c.scale}",
        SCALE_KINDS.get(c.scale, (K.WORDING,)),
        c.severity,
        Relation.REVERSED if c.reversal else Relation.CHANGED,
        c.reason,
        c.cue_a,
        c.cue_b,
        sa or (u.a_span[0], u.a_span[0]),
        sb or (u.b_span[0], u.b_span[0]),
        Direction(c.direction),
    )


def scale_evidence(
    ops: Sequence[Op], units: Sequence[Unit], state: BlockState
) -> dict[int, list[Evidence]]:
    """Evidence of claim-strength changes, by index into ``units``."""
    groups: dict[tuple[Span, Span], list[int]] = {}
    for k, u in enumerate(units):
        members = [ops[i] for i in u.ops]
        key = (_window(state, 0, members), _window(state, 1, members))
        groups.setdefault(key, []).append(k)
    out: dict[int, list[Evidence]] = {}
    seen: set[tuple[str, Span | None, Span | None]] = set()
    A, B = state.A.text, state.B.text
    for (wa, wb), ks in groups.items():
        ca, cb = read_cues(A[wa[0] : wa[1]]), read_cues(B[wb[0] : wb[1]])
        if not _may_own(ca, wa[0], [units[k].a_span for k in ks]) and not _may_own(
            cb, wb[0], [units[k].b_span for k in ks]
        ):
            continue
        changes = compare(profile_of(ca), profile_of(cb))
        for c in changes:
            sa, sb = _doc_span(wa[0], c.span_a), _doc_span(wb[0], c.span_b)
            done = (c.scale, sa, sb)
            owner = next((k for k in ks if _owns(units[k], sa, sb)), None)
            if owner is None or done in seen:
                continue
            seen.add(done)
            u = units[owner]
            out.setdefault(owner, []).append(_evidence(c, u.ops[0], sa, sb, u))
    return out


def _may_own(cues: Cues, base: int, changed: Sequence[Span]) -> bool:
    """Whether a cue span of the passage's readings may meet a unit's changed text on this
    side. A change is kept only where one does (``_owns``), so a window where neither
    side's may has no change to give, and its profiles are not worth reading."""
    return any(_hits(_doc_span(base, s), u) for s in reach(cues) for u in changed)


def _owns(u: Unit, sa: Span | None, sb: Span | None) -> bool:
    """Whether the change's cues lie in the unit's changed text: each cue the change names
    (one side's may be the scale's default, with no words) inside the unit's span there.
    A cue in unchanged text on both sides belongs to another claim of the sentence."""
    if sa is None and sb is None:
        return False
    return (sa is None or _hits(sa, u.a_span)) and (sb is None or _hits(sb, u.b_span))

"""Classify the word ops of one aligned block into findings.

``classify(ops, A, B)`` runs once per block with the two documents' facts
(``docindex.DocIndex``, built once per document).  The rules (``rules``)
judge each changed op in its sentence and quotation; ``findings`` groups
what they saw into units of meaning; each unit becomes one Drift rated by
the severity table (``severity``) and named by its content (``ids``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Direction, Drift, Evidence, Op, OpKind, Span
from .claimscale import scale_evidence
from .context import BlockState, Finding, OpView
from .docindex import DocIndex, QuoteRegion
from .findings import headline, rank, relation, units
from .ids import block_key, drift_ids
from .rules import judge_op


def _overlap(x: Span, y: Span) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _quote_moves(ops: Sequence[Op], src: DocIndex, dst: DocIndex, side: str) -> dict[int, int]:
    """Regions of ``src`` whose text is mostly unquoted in ``dst``: start -> first op."""
    spans = [op.a_span if side == "a" else op.b_span for op in ops]
    if not spans or not src.quotes_in((min(s for s, _ in spans), max(e for _, e in spans) + 1)):
        return {}
    mapped: dict[int, int] = {}
    quoted: dict[int, int] = {}
    regions: dict[int, QuoteRegion] = {}
    first: dict[int, int] = {}
    other_spans: dict[int, list[Span]] = {}
    for i, op in enumerate(ops):
        s_span = op.a_span if side == "a" else op.b_span
        d_span = op.b_span if side == "a" else op.a_span
        for q in src.quotes_in(s_span):
            if q.speaker:
                continue  # a speaker's turn told in reported speech is no lost quotation
            regions[q.start] = q
            if op.op is OpKind.EQUAL:
                lo, hi = q.inner
                s, e = max(lo, s_span[0]), min(hi, s_span[1])
                if e - s <= 0 or d_span[1] - d_span[0] != s_span[1] - s_span[0]:
                    continue
                ds = d_span[0] + (s - s_span[0])
                mapped[q.start] = mapped.get(q.start, 0) + (e - s)
                quoted[q.start] = quoted.get(q.start, 0) + dst.quoted_chars((ds, ds + e - s))
            else:
                first.setdefault(q.start, i)
                other_spans.setdefault(q.start, []).append(d_span)
    out: dict[int, int] = {}
    for start, i in first.items():
        m = mapped.get(start, 0)
        if m >= 3:
            if quoted.get(start, 0) * 2 < m:
                out[start] = i
        elif m == 0 and not any(dst.quotes_in(sp) for sp in other_spans.get(start, [])):
            q = regions[start]
            if q.end - q.start > 4:
                out[start] = i
    return out


def block_state(ops: Sequence[Op], A: DocIndex, B: DocIndex) -> BlockState:
    """What the rules, the units and the claim scales share about one block."""
    state = BlockState(A, B, ops)
    if A.quotes or B.quotes:
        state.lost = _quote_moves(ops, A, B, "a")
        state.gained = _quote_moves(ops, B, A, "b")
    return state


def op_findings(state: BlockState, *, first_scheme: bool = False) -> dict[int, list[Finding]]:
    """What the rules see in every changed op of a block, by op index."""
    ops = state.ops
    lost_first = {i for i in state.lost.values()}
    gained_first = {i for i in state.gained.values()}
    out: dict[int, list[Finding]] = {}
    for i, op in enumerate(ops):
        if op.op is OpKind.EQUAL:
            continue
        view = OpView(op, state)
        out[i] = judge_op(view, i in lost_first, i in gained_first, first_scheme=first_scheme)
    return out


def _direction(evidence: Sequence[Evidence]) -> Direction | None:
    """The way most of a finding's claim changes go; None when none do, or as many each way."""
    up = sum(e.direction is Direction.STRONGER for e in evidence)
    down = sum(e.direction is Direction.WEAKER for e in evidence)
    return Direction.STRONGER if up > down else Direction.WEAKER if down > up else None


def classify(ops: Sequence[Op], A: DocIndex, B: DocIndex) -> tuple[Drift, ...]:
    """The findings of one aligned block, in the block's order."""
    state = block_state(ops, A, B)
    found = op_findings(state)
    if not found:
        return ()
    found_units = units(ops, found, state)
    key, flip = block_key("".join(op.a for op in ops), "".join(op.b for op in ops))
    ids = drift_ids(key, flip, A.text, B.text, [(u.a_span, u.b_span) for u in found_units])
    claims = scale_evidence(ops, found_units, state)
    out = []
    for k, (did, u) in enumerate(zip(ids, found_units, strict=True)):
        if k in claims:
            u = replace(u, evidence=u.evidence + tuple(claims[k]))
        top = max(u.evidence, key=rank)
        kinds = tuple(
            dict.fromkeys(k for ev in sorted(u.evidence, key=rank, reverse=True) for k in ev.kinds)
        )
        out.append(
            Drift(
                did,
                kinds,
                top.severity,
                A.text[u.a_span[0] : u.a_span[1]],
                B.text[u.b_span[0] : u.b_span[1]],
                u.a_span,
                u.b_span,
                headline(u, A.text, B.text),
                u.ops[0],
                relation(u.evidence),
                _direction(u.evidence),
                u.ops,
                u.evidence,
            )
        )
    return tuple(out)

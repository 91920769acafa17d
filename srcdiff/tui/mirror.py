"""A comparison seen from the other side, for the swapped view (no Textual here).

The panes draw side a on the left.  To show B on the left they are given
the comparison with its sides exchanged: paragraphs, spans, one-sided
statuses and deletions/insertions.  Drifts keep their ids (marks stay on
them) and their order, so drift number n is the same finding either way;
what a drift says (explanation, direction) stays as found from A to B and
is shown from the unswapped report.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, Comparison, Drift, Op, OpKind, Status

_STATUS = {Status.ONLY_A: Status.ONLY_B, Status.ONLY_B: Status.ONLY_A}
_OP = {OpKind.DELETE: OpKind.INSERT, OpKind.INSERT: OpKind.DELETE}


def _op(op: Op) -> Op:
    return replace(op, op=_OP.get(op.op, op.op), a=op.b, b=op.a, a_span=op.b_span, b_span=op.a_span)


def _drift(d: Drift) -> Drift:
    return replace(d, a=d.b, b=d.a, a_span=d.b_span, b_span=d.a_span)


def _block(blk: Block) -> Block:
    return replace(
        blk,
        status=_STATUS.get(blk.status, blk.status),
        a=blk.b,
        b=blk.a,
        ops=tuple(_op(op) for op in blk.ops),
        drifts=tuple(_drift(d) for d in blk.drifts),
    )


def mirrored(comp: Comparison) -> Comparison:
    """``comp`` with sides a and b exchanged; mirroring twice gives an equal comparison."""
    return replace(comp, a=comp.b, b=comp.a, blocks=tuple(_block(b) for b in comp.blocks))

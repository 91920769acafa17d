"""What to highlight on each side of each block: changed words and drifts (no Textual)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Block, Comparison, Drift, OpKind

Span = tuple[int, int, str, int]
"""(start, end, style name, drift number or -1) on one side of a block."""

GUTTER_MARK = {
    "equal": "=",
    "changed": "~",
    "moved": "↕",
    "only_a": "-",
    "only_b": "+",
    "one_sided": "±",
    "noise": "┄",
}


def block_spans(
    comp: Comparison, drifts: Sequence[Drift]
) -> tuple[dict[int, list[Span]], dict[int, list[Span]]]:
    """Per block, the spans to style on side A and on side B.

    Changed words get "del" (A) or "ins" (B); a drift gets its severity and
    its number in ``drifts`` (document order).
    """
    number = {id(d): n for n, d in enumerate(drifts)}
    side_a: dict[int, list[Span]] = {}
    side_b: dict[int, list[Span]] = {}
    for k, blk in enumerate(comp.blocks):
        side_a[k], side_b[k] = one_block_spans(blk, number)
    return side_a, side_b


def one_block_spans(blk: Block, number: Mapping[int, int]) -> tuple[list[Span], list[Span]]:
    """The spans of one block; ``number`` maps ``id(drift)`` to the drift's number."""
    sa: list[Span] = []
    sb: list[Span] = []
    for op in blk.ops:
        if op.op is not OpKind.EQUAL:
            if op.a_span[1] > op.a_span[0]:
                sa.append((*op.a_span, "del", -1))
            if op.b_span[1] > op.b_span[0]:
                sb.append((*op.b_span, "ins", -1))
    for d in blk.drifts:
        n = number[id(d)]
        sa.append((*d.a_span, d.severity.value, n))
        sb.append((*d.b_span, d.severity.value, n))
    return sa, sb

"""Classify word-diff changes: which kind of meaning each may alter, and how much.

``classify(ops, a_text, b_text)`` runs once per aligned block.  Every
non-equal op gets at least one Drift.  An op alone is often a single word,
so each test looks at its surroundings in the documents: the sentence(s)
around the op on each side (``docindex``), the quoted regions of each
document, and the numeric claims of those sentences (``numbers``).

Severity follows DESIGN.md: numbers, quotes and negations high; hedges,
attributions, names and other wording medium; spelling and format low.  A
change is only high when a number, a quote or a negation really changed:
equivalent forms ("has not seen any" / "has seen no", "U.S." / "US",
"per cent" / "%", "armoured" / "armored", curly / straight quotes) are low.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..model import Drift, Op, OpKind, Span
from ..normalize import fold
from .context import BlockState, Finding, OpView
from .docindex import DocIndex, QuoteRegion, doc_index
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


def _context(text: str, span: Span) -> str:
    before = fold(text[max(0, span[0] - 40) : span[0]]).split()[-4:]
    after = fold(text[span[1] : span[1] + 40]).split()[:4]
    return " ".join(before) + "|" + " ".join(after)


def _id_parts(f: Finding, view: OpView) -> list[str]:
    """What a drift's id hashes; index 3 is the explanation."""
    A, B = view.A, view.B
    return [
        "+".join(f.kinds),
        fold(f.a),
        fold(f.b),
        f.explanation,
        _context(A.text, f.a_span),
        _context(B.text, f.b_span),
        str(A.para_occurrence(f.a_span[0])),
        str(B.para_occurrence(f.b_span[0])),
    ]


def _hash_id(parts: list[str]) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _drift_id(f: Finding, view: OpView) -> str:
    return _hash_id(_id_parts(f, view))


def classify(ops: Sequence[Op], a_text: str, b_text: str) -> tuple[Drift, ...]:
    """Drifts for the non-equal ops of one aligned block."""
    A, B = doc_index(a_text), doc_index(b_text)
    state = BlockState(A, B, ops)
    if A.quotes or B.quotes:
        state.lost = _quote_moves(ops, A, B, "a")
        state.gained = _quote_moves(ops, B, A, "b")
    lost_first = {i: start for start, i in state.lost.items()}
    gained_first = {i: start for start, i in state.gained.items()}
    out: list[Drift] = []
    seen: set[str] = set()
    for i, op in enumerate(ops):
        if op.op is OpKind.EQUAL:
            continue
        view = OpView(op, state)
        findings = judge_op(view, i in lost_first, i in gained_first)
        for f in findings:
            kinds = tuple(dict.fromkeys(f.kinds))
            parts = _id_parts(f, view)
            did = _hash_id(parts)
            n = 1
            while did in seen:
                # Only the explanation differs from the first try.
                parts[3] = f"{f.explanation}#{n}"
                did = _hash_id(parts)
                n += 1
            seen.add(did)
            out.append(
                Drift(did, kinds, f.severity, f.a, f.b, f.a_span, f.b_span, f.explanation, i)
            )
    return tuple(out)

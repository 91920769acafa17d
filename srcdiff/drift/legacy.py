"""The ids of the first drift scheme, so review files written with it keep their marks.

The first scheme gave every rule's finding on one word op its own drift, and
hashed its kinds, texts, explanation, a little context and the paragraph's
occurrence into the id; the op came from diffing the two sides in the order
the files were given.  To carry a mark over, the block is diffed and judged
that way again, each old finding's id rebuilt, and the id mapped to the
finding (drift) of today whose ops overlap it.  This runs only when a review
file holds ids the report does not know.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from ..model import Block, Document, Drift, Report, Span
from ..normalize import fold
from ..worddiff import Side, diff_sides
from .classify import block_state, op_findings
from .context import Finding, short
from .docindex import DocIndex
from .rules import RESTATED as _RESTATED
from .severity import Cue

_MARKS = frozenset([Cue.MARKS_OR_SPACING, Cue.PUNCTUATION, Cue.INVISIBLE])


def _old_explanation(f: Finding) -> str:
    """The explanation the first scheme wrote, which its ids hashed."""
    if f.cue in _MARKS:
        if fold(f.a).strip() == fold(f.b).strip():
            return f"same text, other marks or spacing: {f.a!r} → {f.b!r}"
        return f"punctuation changed: {short(f.a)!r} → {short(f.b)!r}"
    if f.cue in _RESTATED:
        if not f.b:
            return f"words removed: {short(f.a)}"
        if not f.a:
            return f"words added: {short(f.b)}"
        return f"wording changed: {short(f.a)} → {short(f.b)}"
    return f.explanation


def _context(text: str, span: Span) -> str:
    before = fold(text[max(0, span[0] - 40) : span[0]]).split()[-4:]
    after = fold(text[span[1] : span[1] + 40]).split()[:4]
    return " ".join(before) + "|" + " ".join(after)


def _parts(f: Finding, A: DocIndex, B: DocIndex) -> list[str]:
    return [
        "+".join(f.kinds),
        fold(f.a),
        fold(f.b),
        _old_explanation(f),
        _context(A.text, f.a_span),
        _context(B.text, f.b_span),
        str(A.para_occurrence(f.a_span[0])),
        str(B.para_occurrence(f.b_span[0])),
    ]


def _hash(parts: list[str]) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _touches(x: Span, y: Span) -> bool:
    if x[0] == x[1] or y[0] == y[1]:
        return y[0] <= x[0] <= y[1] or x[0] <= y[0] <= x[1]
    return x[0] < y[1] and y[0] < x[1]


def _owner(f: Finding, drifts: tuple[Drift, ...]) -> Drift | None:
    for d in drifts:
        if _touches(f.a_span, d.a_span) and _touches(f.b_span, d.b_span):
            return d
    for d in drifts:
        if _touches(f.a_span, d.a_span) or _touches(f.b_span, d.b_span):
            return d
    return None


def _block_ids(
    blk: Block, a: Document, b: Document, A: DocIndex, B: DocIndex
) -> Iterator[tuple[str, str]]:
    sa = Side(a.text, [(a.paragraphs[i].start, a.paragraphs[i].end) for i in blk.a])
    sb = Side(b.text, [(b.paragraphs[j].start, b.paragraphs[j].end) for j in blk.b])
    seen: set[str] = set()
    found = op_findings(block_state(diff_sides(sa, sb), A, B), first_scheme=True)
    for i in sorted(found):
        for f in found[i]:
            parts = _parts(f, A, B)
            did, n = _hash(parts), 1
            while did in seen:
                parts[3] = f"{_old_explanation(f)}#{n}"
                did, n = _hash(parts), n + 1
            seen.add(did)
            owner = _owner(f, blk.drifts)
            if owner is not None:
                yield did, owner.id


def legacy_ids(report: Report) -> dict[str, str]:
    """First-scheme drift id -> the id of the finding that holds it today."""
    out: dict[str, str] = {}
    for comp in report.comparisons:
        a, b = report.documents[comp.a], report.documents[comp.b]
        A, B = DocIndex(a.text), DocIndex(b.text)
        for blk in comp.blocks:
            if blk.a and blk.b and blk.drifts:
                out.update(_block_ids(blk, a, b, A, B))
    return out

"""Word-level diff inside one aligned pair, with diff-match-patch.

Each side of a pair is one or more paragraphs of a document.  The side's
text is those paragraphs joined with a blank line; every op carries its
text on both sides and spans back into the documents' original texts.
Diff-match-patch runs in word mode (each word, space run or punctuation
mark is one symbol), with semantic cleanup and ``Diff_Timeout = 0`` so the
result is deterministic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import regex
from diff_match_patch import diff_match_patch

from ._core import CharClasses, anchored_diff, cleanup_merge, encode_sides, word_tokens
from .model import Op, OpKind, Span
from .normalize import fold, norm_word
from .sanitize import strip_format

JOIN = "\n\n"
EDIT_COST = 4
"""Symbols an equality must be worth to survive efficiency cleanup."""
TOKEN_CLASSES = CharClasses(
    regex.compile(r"\p{L}"),
    regex.compile(r"[\p{M}\p{N}]"),
    regex.compile(r"\p{Cf}"),
    regex.compile(r"\s"),
)
"""Letters, marks and numbers, format characters and white space: the character classes
of ``_core.word_tokens``, which cuts a side into abbreviations ("U.S."), words, white
space runs and single marks.  Format characters (Unicode Cf) before or inside a word
belong to the word, which is matched without them: "7\u200b0" meets "70" and differs
from it only in writing, so the pair becomes a replace of that one word."""


class Side:
    """The text of one side of a pair and a map from its offsets to the document's."""

    def __init__(self, doc_text: str, parts: Sequence[tuple[int, int]]) -> None:
        self.parts = list(parts)
        pieces: list[str] = []
        self._starts: list[int] = []
        pos = 0
        for i, (s, e) in enumerate(self.parts):
            if i:
                pieces.append(JOIN)
                pos += len(JOIN)
            self._starts.append(pos)
            pieces.append(doc_text[s:e])
            pos += e - s
        self.text = "".join(pieces)

    def to_doc(self, pos: int, *, is_end: bool = False) -> int:
        """Document offset of side offset ``pos`` (a joint maps to its neighbour)."""
        if not self.parts:
            return 0
        k = bisect_right(self._starts, pos) - 1
        if is_end and k > 0 and pos == self._starts[k]:
            k -= 1
        k = max(k, 0)
        s, e = self.parts[k]
        return min(s + (pos - self._starts[k]), e)

    def cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """``[start, end)`` cut where a later paragraph of the side begins."""
        k = bisect_right(self._starts, start)
        out = []
        while k < len(self._starts) and self._starts[k] < end:
            out.append((start, self._starts[k]))
            start = self._starts[k]
            k += 1
        out.append((start, end))
        return out

    def span(self, start: int, end: int) -> Span:
        if start == end:
            p = self.to_doc(start)
            return (p, p)
        return (self.to_doc(start), self.to_doc(end, is_end=True))


class _Diff(diff_match_patch):  # type: ignore[misc]
    """diff-match-patch with its merge cleanup (run after every diff, and by the other
    cleanups) from the core: the same result (``_core.cleanup_merge``)."""

    def diff_cleanupMerge(self, diffs: list[tuple[int, str]]) -> None:  # noqa: N802
        cleanup_merge(diffs)


def _tokens(text: str) -> list[str]:
    return word_tokens(text, TOKEN_CLASSES)


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """What a token is matched by: its matching form ("U.S." = "US", curly = straight)."""
    if token.isspace():
        return token
    bare = strip_format(token)
    if not bare:
        return token  # a lone format character matches only itself
    return norm_word(bare) if bare[0].isalnum() else fold(bare)


def _encode(a: list[str], b: list[str]) -> tuple[str, str]:
    """Each token as one character, equal when the tokens' matching forms are
    (``_core.encode_sides``: codes in order of first appearance, a before b)."""
    return encode_sides(a, b, _key)


def _equal_len(diffs: list[tuple[int, str]]) -> int:
    return sum(len(s) for kind, s in diffs if kind == 0)


ANCHOR_MIN = 64
"""Tokens per side under which diff-match-patch runs on the whole pair unanchored."""


def _main_diff(dmp: diff_match_patch, ea: str, eb: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff, run between unique shared anchors on long pairs
    (``_core.anchored_diff``)."""
    if min(len(ea), len(eb)) < ANCHOR_MIN:
        return list(dmp.diff_main(ea, eb, False))
    diffs = anchored_diff(ea, eb, dmp.diff_main)
    dmp.diff_cleanupMerge(diffs)
    return diffs


def _token_diffs(ea: str, eb: str) -> list[tuple[int, int]]:
    """diff-match-patch on the encoded sides, as (kind, token count) runs."""
    dmp = _Diff()
    dmp.Diff_Timeout = 0
    diffs = _main_diff(dmp, ea, eb)
    semantic = list(diffs)
    dmp.diff_cleanupSemantic(semantic)
    if _equal_len(semantic) * 4 < _equal_len(diffs) * 3:
        # Reworded passages: semantic cleanup would swallow the shared facts
        # ("$900 million in machine") into one long replace.  Efficiency
        # cleanup keeps equalities worth at least EDIT_COST symbols.
        dmp.Diff_EditCost = EDIT_COST
        dmp.diff_cleanupEfficiency(diffs)
        dmp.diff_cleanupSemanticLossless(diffs)
    else:
        diffs = semantic
    return [(kind, len(text)) for kind, text in diffs if text]


def raw_ops(a: str, b: str) -> list[tuple[OpKind, str, str]]:
    """Word-mode ops turning ``a`` into ``b``; their texts rebuild both exactly.

    Tokens are matched by their matching form, so "US"/"U.S." or curly and
    straight quotes line up; where matched tokens differ in writing, the run
    is split and the differing tokens become a small replace of their own.
    """
    ta, tb = _tokens(a), _tokens(b)
    ea, eb = _encode(ta, tb)
    out: list[tuple[OpKind, str, str]] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels and ins:
            out.append((OpKind.REPLACE, "".join(dels), "".join(ins)))
        elif dels:
            out.append((OpKind.DELETE, "".join(dels), ""))
        elif ins:
            out.append((OpKind.INSERT, "", "".join(ins)))
        dels.clear()
        ins.clear()

    def equal(text: str) -> None:
        flush()
        if out and out[-1][0] is OpKind.EQUAL:
            out[-1] = (OpKind.EQUAL, out[-1][1] + text, out[-1][2] + text)
        else:
            out.append((OpKind.EQUAL, text, text))

    i = j = 0
    for kind, n in _token_diffs(ea, eb):
        if kind < 0:
            dels.extend(ta[i : i + n])
            i += n
        elif kind > 0:
            ins.extend(tb[j : j + n])
            j += n
        else:
            xa, xb = ta[i : i + n], tb[j : j + n]
            if xa == xb:
                equal("".join(xa))
            else:
                run: list[str] = []
                for x, y in zip(xa, xb, strict=True):
                    if x == y:
                        run.append(x)
                        continue
                    if run:
                        equal("".join(run))
                        run.clear()
                    dels.append(x)
                    ins.append(y)
                if run:
                    equal("".join(run))
            i += n
            j += n
    flush()
    return out


def diff_sides(a: Side, b: Side) -> tuple[Op, ...]:
    """Ops turning side a into side b; joined texts rebuild each side exactly."""
    if not a.parts or not b.parts:
        # One-sided: a single op covering the present side.
        if a.parts:
            return (Op(OpKind.DELETE, a.text, "", a.span(0, len(a.text)), (0, 0)),)
        if b.parts:
            return (Op(OpKind.INSERT, "", b.text, (0, 0), b.span(0, len(b.text))),)
        return ()
    ops: list[Op] = []
    pa = pb = 0
    if len(a.parts) == 1 and len(b.parts) == 1:
        # One paragraph a side (most blocks): an op's spans are its offsets moved by the
        # paragraphs' starts, and it needs no cutting.
        oa, ob = a.parts[0][0], b.parts[0][0]
        for kind, ta, tb in raw_ops(a.text, b.text):
            na, nb = pa + len(ta), pb + len(tb)
            ops.append(Op(kind, ta, tb, (oa + pa, oa + na), (ob + pb, ob + nb)))
            pa, pb = na, nb
        return tuple(ops)
    for kind, ta, tb in raw_ops(a.text, b.text):
        na, nb = pa + len(ta), pb + len(tb)
        for k, (sa, ea_), (sb, eb_) in _pieces(kind, a.cuts(pa, na), b.cuts(pb, nb)):
            ops.append(Op(k, a.text[sa:ea_], b.text[sb:eb_], a.span(sa, ea_), b.span(sb, eb_)))
        pa, pb = na, nb
    return tuple(ops)


def _pieces(
    kind: OpKind, ra: list[tuple[int, int]], rb: list[tuple[int, int]]
) -> list[tuple[OpKind, tuple[int, int], tuple[int, int]]]:
    """An op cut where either side crosses into another paragraph of its side.

    A side made of several paragraphs (a split or merge) may hold paragraphs
    far apart in their document; an op's span must not cover what lies
    between them.  Equal text is cut at the same places on both sides; a
    change pairs its pieces in order and leaves the rest deleted or inserted.
    """
    if len(ra) == 1 and len(rb) == 1:
        return [(kind, ra[0], rb[0])]
    if kind is OpKind.EQUAL:
        a0, b0 = ra[0][0], rb[0][0]
        cuts = sorted({s - a0 for s, _ in ra[1:]} | {s - b0 for s, _ in rb[1:]})
        length = ra[-1][1] - a0
        bounds = [0, *cuts, length]
        return [
            (OpKind.EQUAL, (a0 + x, a0 + y), (b0 + x, b0 + y))
            for x, y in zip(bounds, bounds[1:], strict=False)
            if y > x
        ]
    out: list[tuple[OpKind, tuple[int, int], tuple[int, int]]] = []
    empty_a = (ra[-1][1], ra[-1][1])
    empty_b = (rb[-1][1], rb[-1][1])
    for k in range(max(len(ra), len(rb))):
        pa = ra[k] if k < len(ra) and ra[k][1] > ra[k][0] else None
        pb = rb[k] if k < len(rb) and rb[k][1] > rb[k][0] else None
        if pa and pb:
            out.append((OpKind.REPLACE, pa, pb))
        elif pa:
            out.append((OpKind.DELETE, pa, (rb[min(k, len(rb) - 1)][1],) * 2))
        elif pb:
            out.append((OpKind.INSERT, (ra[min(k, len(ra) - 1)][1],) * 2, pb))
    return out or [(kind, empty_a, empty_b)]


def word_ops(
    a_text: str, a_start: int, a_end: int, b_text: str, b_start: int, b_end: int
) -> tuple[Op, ...]:
    """Ops between a_text[a_start:a_end] and b_text[b_start:b_end]."""
    return diff_sides(Side(a_text, [(a_start, a_end)]), Side(b_text, [(b_start, b_end)]))


def similarity(ops: Sequence[Op]) -> float:
    """Share of both sides' non-space characters left equal, from 0 to 1."""
    eq = tot = 0
    for op in ops:
        # str.split() splits on exactly the characters str.isspace() accepts.
        la = sum(map(len, op.a.split()))
        lb = la if op.b == op.a else sum(map(len, op.b.split()))
        tot += la + lb
        if op.op is OpKind.EQUAL:
            eq += la + lb
    return round(eq / tot, 4) if tot else 1.0

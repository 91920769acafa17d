"""Who copied whom: shares, relations and passage origins across N documents.

Everything here is read off the comparisons a run already made; nothing is
diffed again.  For each ordered pair of documents (x, y) that were compared:

* ``found``: the share of x's words (page furniture left out) that sit in a
  passage paired with y: how much of x has a counterpart in y;
* ``verbatim``: the share of x's words left equal by the word diff with y,
  words inside quotation marks left out, since two reporters quoting one
  speaker share the quote without copying each other;

and from those a relation between the two (copy, contained, reworded,
shares facts, unrelated).  Passages linked across documents form groups;
each group's likely origin is the version the others stand closest to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import regex

from ._core import run_starts
from .drift.docindex import scan_quotes
from .model import Block, Comparison, Document, OpKind, Report, Span

COVERED = 0.6
"""Share of a text found in another above which it is a version of (part of) it."""
SOME = 0.1
"""Share below which two texts are unrelated."""
VERBATIM = 0.85
"""Verbatim share of the found words above which a version is a copy."""
REWORDED = 0.45
"""Verbatim share of the found words above which a version is a rewrite, not a retelling."""

_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
"""A character of a word: a word is a run of them."""


class RelationKind(StrEnum):
    COPY = "copy"
    """Both texts are nearly the same, word for word."""
    CONTAINED = "contained"
    """One text sits, nearly word for word, inside the other."""
    REWORDED = "reworded"
    """One text is a rewrite or translation of (part of) the other."""
    SHARES_FACTS = "shares_facts"
    """The texts report some of the same things in their own words."""
    UNRELATED = "unrelated"


@dataclass(frozen=True)
class Share:
    """How much of document ``doc`` is found in document ``other``."""

    doc: int
    other: int
    found: float
    verbatim: float
    paragraphs: tuple[int, ...]
    """Paragraphs of ``doc`` that have a counterpart in ``other``."""


@dataclass(frozen=True)
class Relation:
    """How two documents relate; ``derived`` is the copy or rewrite, if one can tell."""

    a: int
    b: int
    kind: RelationKind
    derived: int | None
    source: int | None
    part: tuple[int, int] | None
    """First and last paragraph of ``source`` that the derived text covers."""
    explanation: str


@dataclass(frozen=True)
class Passage:
    """One passage as versions in several documents, with its likely origin."""

    members: tuple[tuple[int, tuple[int, ...]], ...]
    """(document, paragraphs) for each document holding a version."""
    origin: int | None
    reason: str


@dataclass(frozen=True)
class Provenance:
    shares: tuple[Share, ...]
    relations: tuple[Relation, ...]
    passages: tuple[Passage, ...]

    def share(self, doc: int, other: int) -> Share | None:
        for s in self.shares:
            if s.doc == doc and s.other == other:
                return s
        return None


def quoted_spans(text: str) -> list[Span]:
    """Spans of ``text`` inside quotation marks, from the document index's quote scan."""
    return [(q.start, q.end) for q in scan_quotes(text)]


def _in_spans(pos: int, spans: Sequence[Span]) -> bool:
    k = bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _outside(starts: list[int], spans: Sequence[Span]) -> list[int]:
    """The positions of ``starts`` (sorted) for which ``_in_spans`` is false.

    A span decides from its start up to the next span's start, as the
    bisection in ``_in_spans`` does; so the words left out are those from
    each span's start to its end or the next start, whichever comes first.
    """
    out: list[int] = []
    prev = 0
    n = len(spans)
    for k, (s, e) in enumerate(spans):
        stop = e if k + 1 == n else min(e, spans[k + 1][0])
        if stop <= s:
            continue
        i = bisect_left(starts, s, prev)
        out.extend(starts[prev:i])
        prev = max(prev, bisect_left(starts, stop, i))
    out.extend(starts[prev:])
    return out


class _WordIndex:
    """Where the words of one document start, all of them and those outside quotes.

    Built once per document, so counting the words of any span is two
    bisections, however many spans a run asks about.
    """

    def __init__(self, text: str, quotes: Sequence[Span]) -> None:
        self.starts = run_starts(text, _WORD_CHAR)
        self.outside = _outside(self.starts, quotes)

    def count(self, start: int, end: int) -> tuple[int, int]:
        """(words, words outside quotes) starting in ``[start, end)``."""
        s, o = self.starts, self.outside
        return (
            bisect_left(s, end) - bisect_left(s, start),
            bisect_left(o, end) - bisect_left(o, start),
        )


def _paragraph_words(doc: Document, words: _WordIndex) -> list[tuple[int, int]]:
    """(words, words outside quotes) of every paragraph; furniture counts nothing."""
    return [(0, 0) if p.noise else words.count(p.start, p.end) for p in doc.paragraphs]


def _side_share(
    comp: Comparison,
    side: str,
    counts: Sequence[tuple[int, int]],
    words: _WordIndex,
) -> Share:
    total = sum(c[0] for c in counts)
    total_out = sum(c[1] for c in counts)
    found = verbatim = 0
    paras: list[int] = []
    for blk in comp.blocks:
        mine, theirs = (blk.a, blk.b) if side == "a" else (blk.b, blk.a)
        if not mine or not theirs or blk.noise:
            continue
        paras.extend(mine)
        found += sum(counts[i][0] for i in mine)
        for op in blk.ops:
            if op.op is OpKind.EQUAL:
                s, e = op.a_span if side == "a" else op.b_span
                verbatim += words.count(s, e)[1]
    return Share(
        doc=comp.a if side == "a" else comp.b,
        other=comp.b if side == "a" else comp.a,
        found=round(found / total, 4) if total else 0.0,
        verbatim=round(verbatim / total_out, 4) if total_out else 0.0,
        paragraphs=tuple(sorted(paras)),
    )


def _relation(x: Share, y: Share, docs: Sequence[Document]) -> Relation:
    """The relation of documents x.doc and y.doc from each one's share in the other."""
    lx, ly = docs[x.doc].label, docs[y.doc].label

    def fidelity(s: Share) -> float:
        return s.verbatim / s.found if s.found else 0.0

    def part(s: Share) -> tuple[int, int] | None:
        return (s.paragraphs[0], s.paragraphs[-1]) if s.paragraphs else None

    if x.found >= COVERED and y.found >= COVERED:
        if min(fidelity(x), fidelity(y)) >= VERBATIM:
            return Relation(
                x.doc,
                y.doc,
                RelationKind.COPY,
                None,
                None,
                None,
                f"{lx} and {ly} are copies of one text, nearly word for word",
            )
        if min(fidelity(x), fidelity(y)) >= REWORDED:
            return Relation(
                x.doc,
                y.doc,
                RelationKind.REWORDED,
                None,
                None,
                None,
                f"{lx} and {ly} are versions of one text, reworded",
            )
    covered = [s for s in (x, y) if s.found >= COVERED]
    if covered:
        d = max(covered, key=lambda s: (s.found, -s.doc))
        src = y if d is x else x
        ld, ls = docs[d.doc].label, docs[src.doc].label
        p = part(src)
        where = f"paragraphs {p[0] + 1}-{p[1] + 1} of {ls}" if p else ls
        if fidelity(d) >= VERBATIM:
            return Relation(
                x.doc,
                y.doc,
                RelationKind.CONTAINED,
                d.doc,
                src.doc,
                p,
                f"{ld} sits inside {ls} ({where}), nearly word for word",
            )
        if fidelity(d) >= REWORDED:
            return Relation(
                x.doc,
                y.doc,
                RelationKind.REWORDED,
                d.doc,
                src.doc,
                p,
                f"{ld} is a reworded version (a rewrite or translation) of {where}",
            )
    if max(x.found, y.found) >= SOME:
        return Relation(
            x.doc,
            y.doc,
            RelationKind.SHARES_FACTS,
            None,
            None,
            None,
            f"{lx} and {ly} report some of the same things in their own words",
        )
    return Relation(
        x.doc, y.doc, RelationKind.UNRELATED, None, None, None, f"{lx} and {ly} share little"
    )


class _Groups:
    """Union-find over (document, paragraph) nodes."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: tuple[int, int], y: tuple[int, int]) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def _paired_blocks(comps: Iterable[Comparison]) -> Iterable[tuple[Comparison, Block]]:
    for comp in comps:
        for blk in comp.blocks:
            if blk.a and blk.b and not blk.noise:
                yield comp, blk


def _passages(
    comps: Sequence[Comparison], relations: Sequence[Relation], docs: Sequence[Document]
) -> tuple[Passage, ...]:
    groups = _Groups()
    for comp, blk in _paired_blocks(comps):
        nodes = [(comp.a, i) for i in blk.a] + [(comp.b, j) for j in blk.b]
        for node in nodes[1:]:
            groups.union(nodes[0], node)
    members: dict[tuple[int, int], dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for node in list(groups.parent):
        members[groups.find(node)][node[0]].add(node[1])
    # Similarity of each document's version to every other version in the group.
    closeness: dict[tuple[int, int], dict[int, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for comp, blk in _paired_blocks(comps):
        key = groups.find((comp.a, blk.a[0]))
        closeness[key][comp.a].append(blk.similarity)
        closeness[key][comp.b].append(blk.similarity)
    source_of = {frozenset((r.a, r.b)): r for r in relations if r.source is not None}
    out = []
    for key in sorted(members):
        by_doc = members[key]
        if len(by_doc) < 2:
            continue
        ms = tuple((d, tuple(sorted(by_doc[d]))) for d in sorted(by_doc))
        origin, reason = _origin(ms, closeness[key], source_of, docs)
        out.append(Passage(ms, origin, reason))
    return tuple(out)


def _origin(
    members: tuple[tuple[int, tuple[int, ...]], ...],
    closeness: dict[int, list[float]],
    source_of: dict[frozenset[int], Relation],
    docs: Sequence[Document],
) -> tuple[int | None, str]:
    present = [d for d, _ in members]
    if len(present) >= 3:
        mean = {d: sum(closeness[d]) / len(closeness[d]) for d in present if closeness[d]}
        ranked = sorted(mean, key=lambda d: (-mean[d], d))
        if len(ranked) >= 2 and mean[ranked[0]] - mean[ranked[1]] >= 0.05:
            return ranked[0], (
                f"the other versions stand closest to {docs[ranked[0]].label}'s "
                f"(mean similarity {mean[ranked[0]]:.0%})"
            )
    for d in present:
        for e in present:
            rel = source_of.get(frozenset((d, e)))
            if rel is None or rel.source is None or rel.derived is None:
                continue
            if rel.kind is RelationKind.CONTAINED:
                # A text found whole inside a larger page was more likely
                # taken into it than cut out of it.
                return rel.derived, (
                    f"{docs[rel.derived].label} is found whole inside "
                    f"{docs[rel.source].label}, which likely took it in"
                )
            return rel.source, (
                f"{docs[rel.derived].label} is a reworded version of {docs[rel.source].label}"
            )
    return None, "independent versions: no origin can be told"


def provenance(report: Report) -> Provenance:
    """Shares, relations and passage origins of every compared pair."""
    docs = report.documents
    words = [_WordIndex(d.text, quoted_spans(d.text)) for d in docs]
    counts = [_paragraph_words(d, w) for d, w in zip(docs, words, strict=True)]
    shares: list[Share] = []
    relations: list[Relation] = []
    for comp in report.comparisons:
        a, b = comp.a, comp.b
        sa = _side_share(comp, "a", counts[a], words[a])
        sb = _side_share(comp, "b", counts[b], words[b])
        shares += [sa, sb]
        relations.append(_relation(sa, sb, docs))
    passages = _passages(report.comparisons, relations, docs)
    return Provenance(tuple(shares), tuple(relations), passages)

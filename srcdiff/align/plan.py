"""The plan of a comparison: every block's place, known before any word is diffed."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from ..normalize import fold
from .assembly import ParaLink, ordered_chain
from .core import align


def _identical_links(
    a: Document, b: Document, taken_a: set[int], taken_b: set[int]
) -> list[ParaLink]:
    """Pair left-over paragraphs whose matching forms are the same in both documents.

    Catches what word-seeded alignment cannot: page furniture, and passages
    with no content words at all ("…", "* * *").
    """
    index: dict[str, list[int]] = {}
    for p in b.paragraphs:
        if p.index not in taken_b:
            index.setdefault(" ".join(fold(p.text).split()), []).append(p.index)
    out = []
    for p in a.paragraphs:
        if p.index in taken_a:
            continue
        cands = index.get(" ".join(fold(p.text).split()))
        if cands:
            out.append(ParaLink((p.index,), (cands.pop(0),), 1.0))
    return out


SHORT_CHARS = 1000
"""Longest passage that counts as a single claim (a sentence, a headline, a post)."""


def _single_claims(a: Document, b: Document, links: list[ParaLink]) -> list[ParaLink]:
    """When each side is one short passage, they form a pair whatever their word overlap.

    Two versions of one sentence or one headline are compared, not listed as
    a deletion and an insertion: there is nothing else either could be.
    """
    if links:
        return []
    ca = [p for p in a.paragraphs if not p.noise]
    cb = [p for p in b.paragraphs if not p.noise]
    if len(ca) != 1 or len(cb) != 1:
        return []
    pa, pb = ca[0], cb[0]
    if pa.end - pa.start > SHORT_CHARS or pb.end - pb.start > SHORT_CHARS:
        return []
    return [ParaLink((pa.index,), (pb.index,), 0.0)]


@dataclass(frozen=True)
class Slot:
    """Where one block goes in a comparison, known before any word is diffed.

    ``link`` pairs paragraphs of both documents; a one-sided slot has no
    link and names its paragraph by ``side`` ("a" or "b") and ``index``.
    """

    link: ParaLink | None
    moved: bool = False
    side: str = ""
    index: int = -1


def plan(a: Document, b: Document) -> tuple[Slot, ...]:
    """Align two documents: every block of their comparison, in view order."""
    links = align(a.text, a.paragraphs, b.text, b.paragraphs)
    taken_a = {i for lk in links for i in lk.a}
    taken_b = {j for lk in links for j in lk.b}
    links += _identical_links(a, b, taken_a, taken_b)
    links += _single_claims(a, b, links)
    taken_a = {i for lk in links for i in lk.a}
    taken_b = {j for lk in links for j in lk.b}
    chain = ordered_chain(links)
    keyed: list[tuple[tuple[int, int, int], Slot]] = []
    b_home: dict[int, int] = {}
    for k, lk in enumerate(links):
        keyed.append(((lk.a[0], 0, lk.b[0]), Slot(lk, k not in chain)))
        for j in lk.b:
            b_home[j] = lk.a[0]
    for i in range(len(a.paragraphs)):
        if i not in taken_a:
            keyed.append(((i, 0, -1), Slot(None, side="a", index=i)))
    home = -1
    for j in range(len(b.paragraphs)):
        if j in b_home:
            home = b_home[j]
        elif j not in taken_b:
            keyed.append(((home, 1, j), Slot(None, side="b", index=j)))
    keyed.sort(key=lambda ks: ks[0])
    return tuple(slot for _, slot in keyed)

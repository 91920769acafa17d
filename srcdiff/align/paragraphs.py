"""Whole paragraphs first: mutual best pairs, and the parts of splits and merges."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from ._kernels import Bags, contest, dice_scores
from .assembly import MAX_SPREAD, Groups, spread
from .candidates import candidate_pairs
from .evidence import Scorer, uncovered
from .units import Unit

P_ACCEPT = 0.5
"""Dice score at which mutual best whole paragraphs pair."""
ATTACH = 0.6
"""Share of a paragraph that must lie in its partner's uncovered rest to attach."""
FAR_KEYS = 4
"""Distinct keys a paragraph needs to join a split or merge from further than MAX_SPREAD."""


@dataclass
class _Contest:
    """Scored candidate pairs of whole paragraphs, and each paragraph's best partner."""

    scored: dict[tuple[int, int], float]
    """Dice scores above 0 of the pairs that may be the best of either paragraph."""
    put_off: list[tuple[int, int]]
    """The other pairs, not scored."""
    best_a: list[int]
    """For each paragraph of a, the b paragraph scoring highest with it, the
    lowest on a tie (-1 for none)."""
    best_b: list[int]


def _score_contenders(
    pairs: set[tuple[int, int]], leads: list[tuple[int, int]], bags: tuple[Bags, Bags]
) -> _Contest:
    """Score the pairs that may be the best of either unit; put off the rest.

    No Dice score exceeds 2 min(mass) / (sum of masses).  With the most voted
    pairs scored first, a pair whose bound is below the best score already
    found for both its units can be the best of neither: it is put off, and
    scored only if one of its units ends up unpaired.  Compiled
    (``_kernels.contest``).
    """
    first = set(leads)
    scored, put_off, best_a, best_b = contest(*bags, chain(first, pairs - first), _SLACK)
    return _Contest(scored, put_off, best_a, best_b)


_SLACK = 1 + 1e-9
"""Room for rounding: a score summed in another order may pass its bound by a hair."""


@dataclass(frozen=True)
class Seeded:
    """The candidate pairs seeded, by unit place; iterated as (a paragraph, b paragraph)."""

    pairs: frozenset[tuple[int, int]]
    para_a: tuple[int, ...]
    para_b: tuple[int, ...]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        pa, pb = self.para_a, self.para_b
        return ((pa[i], pb[j]) for i, j in self.pairs)


def paragraph_pass(
    pa: list[Unit],
    pb: list[Unit],
    numeric: frozenset[int],
    groups: Groups,
) -> Seeded:
    """Pair whole paragraphs that are mutual best matches; attach split and merged parts.

    Returns the candidate pairs seeded, as (a paragraph, b paragraph): the
    evidence gate weighs a link against them.

    A part attaches to a paired paragraph when it is contained in what that
    paragraph's partner leaves uncovered (the residual), so a passage that
    merely repeats text already accounted for (a quote reused by another
    article in the same file) does not attach.
    """
    if not pa or not pb:
        return Seeded(frozenset(), (), ())
    scorer = Scorer(pa, pb, numeric)
    pairs, leads = candidate_pairs(pa, pb, scorer, shingles=True)
    bags = scorer.bags()
    found = _score_contenders(pairs, leads, bags)
    scored, best_b = found.scored, found.best_b
    gid_a: dict[int, int] = {}
    gid_b: dict[int, int] = {}
    members: list[tuple[list[int], list[int]]] = []
    for i, j in enumerate(found.best_a):
        if j >= 0 and best_b[j] == i and scored[(i, j)] >= P_ACCEPT:
            gid_a[i] = gid_b[j] = len(members)
            members.append(([i], [j]))
    again = [(i, j) for i, j in found.put_off if (i in gid_a) != (j in gid_b)]
    for pair, score in zip(again, dice_scores(*bags, again), strict=True):
        if score > 0:
            scored[pair] = score
    cands_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    cands_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), dice in scored.items():
        if i not in gid_a and j in gid_b:
            cands_a[i].append((-dice, j))
        if j not in gid_b and i in gid_a:
            cands_b[j].append((-dice, i))
    sides = ((pa, pb, gid_a, gid_b, cands_a, 0), (pb, pa, gid_b, gid_a, cands_b, 1))
    for own, other, gid_own, gid_other, cands, side in sides:
        for x in sorted(cands, key=lambda x: (min(cands[x]), x)):
            for _neg, y in sorted(cands[x]):
                g = gid_other[y]
                mine, theirs = members[g][side], members[g][1 - side]
                if len(theirs) != 1:
                    continue
                if (
                    len(own[x].keys) < FAR_KEYS
                    and spread({own[m].para for m in mine} | {own[x].para}) > MAX_SPREAD
                ):
                    continue  # a stray label far off ("Real Estate" in a footer)
                rest = uncovered([other[y].keys], (own[m].keys for m in mine))
                cover = scorer.cover(own[x].keys, rest)
                if cover >= ATTACH * scorer.mass(own[x]):
                    mine.append(x)
                    gid_own[x] = g
                    break
    for ia, ib in members:
        gid = len(groups.members)
        for i in ia:
            groups.of_a[pa[i].para] = gid
        for j in ib:
            groups.of_b[pb[j].para] = gid
        groups.members.append(({pa[i].para for i in ia}, {pb[j].para for j in ib}, [1.0]))
    return Seeded(frozenset(pairs), tuple(u.para for u in pa), tuple(u.para for u in pb))

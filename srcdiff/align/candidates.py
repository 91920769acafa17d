"""Candidate pairs of units, seeded on the rare keys (and key pairs) they share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass
from itertools import repeat

from .evidence import Scorer
from .units import Unit

SEED_BUDGET = 64
"""Postings examined per unit when looking for candidates."""
TOP_CANDIDATES = 12
SHINGLE_VOTE = 4.0
"""Candidate vote for each rare pair of consecutive keys shared."""


def _held(u: Unit, attr: str) -> Set[int]:
    """The keys, or shingles, of u."""
    return u.keys.keys() if attr == "keys" else u.shingles


def _postings(units: list[Unit], attr: str, among: Set[int] | None = None) -> dict[int, list[int]]:
    """For each key (or shingle) of units, in among if given, the places of the units holding it."""
    postings: dict[int, list[int]] = defaultdict(list)
    for pos, u in enumerate(units):
        held = _held(u, attr)
        for k in held if among is None else held & among:
            postings[k].append(pos)
    return postings


@dataclass(frozen=True)
class _Index:
    """Units with their postings (shingles only when seeding on them)."""

    units: list[Unit]
    keys: dict[int, list[int]]
    shingles: dict[int, list[int]]


def indexes(ua: list[Unit], ub: list[Unit], shingles: bool = False) -> tuple[_Index, _Index]:
    """Both lists of units indexed for seeding each other.

    Only a feature both hold can seed a pair: when one list is a few
    leftover sentences and the other a whole text, the longer is indexed on
    the features of the shorter only.
    """
    short, long = (ua, ub) if len(ua) <= len(ub) else (ub, ua)
    attrs = ("keys", "shingles") if shingles else ("keys",)
    by_short = [_postings(short, attr) for attr in attrs]
    narrow = len(short) * _NARROW < len(long)
    by_long = [
        _postings(long, attr, p.keys() if narrow else None)
        for attr, p in zip(attrs, by_short, strict=True)
    ]
    i_short = _Index(short, by_short[0], by_short[1] if shingles else {})
    i_long = _Index(long, by_long[0], by_long[1] if shingles else {})
    return (i_short, i_long) if short is ua else (i_long, i_short)


_NARROW = 4
"""How many times longer than the other a list of units is indexed on the other's features."""


def _rare(postings: dict[int, list[int]]) -> dict[int, list[int]]:
    """The postings held by at most SEED_BUDGET units."""
    return {k: pl for k, pl in postings.items() if len(pl) <= SEED_BUDGET}


def _seed(
    src: dict[int, list[int]],
    dst: dict[int, list[int]],
    order: list[int],
    weights: Iterable[float],
    votes: list[dict[int, float]],
) -> None:
    """Votes of the src units for the dst units that share their features.

    order holds the features of both sides rarest first, weights their votes.
    Each src unit takes its own features in that order until SEED_BUDGET
    postings are spent: the first whose postings exceed what is left ends
    its run (its budget is then -1).  All units are swept together, feature
    by feature, which spares sorting each unit's features on its own.
    """
    budget = [SEED_BUDGET] * len(votes)
    for f, w in zip(order, weights, strict=False):
        plist = dst[f]
        n = len(plist)
        for u in src[f]:
            left = budget[u]
            if n > left:
                budget[u] = -1
                continue
            budget[u] = left - n
            v = votes[u]
            for j in plist:
                if j in v:
                    v[j] += w
                else:
                    v[j] = w


def _top(votes: dict[int, float]) -> tuple[list[int], int]:
    """The TOP_CANDIDATES units with most votes, ties to the lower index (in no
    order), and one with the most votes."""
    n = TOP_CANDIDATES
    if len(votes) <= n:
        return list(votes), max(votes, key=votes.__getitem__)
    ranked = sorted(votes, key=votes.__getitem__, reverse=True)
    cut = votes[ranked[n - 1]]
    if votes[ranked[n]] < cut:
        return ranked[:n], ranked[0]
    first, last = n - 1, n + 1
    while first and votes[ranked[first - 1]] == cut:
        first -= 1
    while last < len(ranked) and votes[ranked[last]] == cut:
        last += 1
    return ranked[:first] + sorted(ranked[first:last])[: n - first], ranked[0]


Found = list[tuple[int, list[int], int]]
"""Per src unit: its seq, the dst seqs worth scoring with it, and the most voted of those."""


def candidates(src: _Index, dst: _Index, scorer: Scorer, shingles: bool = False) -> Found:
    """Dst units worth scoring with each src unit, by shared rare words (and word pairs).

    Keys are taken rarest first until SEED_BUDGET postings are spent; keys
    held by more than SEED_BUDGET units of dst are never looked at, so the
    cost is bounded per unit.  Dst units are numbered by their place.
    """
    votes: list[dict[int, float]] = [{} for _ in src.units]
    keys = _rare(dst.keys)
    order = sorted(src.keys.keys() & keys.keys())
    order.sort(key=scorer.df.__getitem__)
    _seed(src.keys, keys, order, map(scorer.idf.__getitem__, order), votes)
    if shingles:
        rare = _rare(dst.shingles)
        sizes = dict(zip(rare, map(len, rare.values()), strict=True))
        order = sorted(src.shingles.keys() & rare.keys())
        order.sort(key=sizes.__getitem__)
        _seed(src.shingles, rare, order, repeat(SHINGLE_VOTE), votes)
    return [(u.seq, *_top(v)) for u, v in zip(src.units, votes, strict=True) if v]


def union(from_a: Found, from_b: Found) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """Candidate pairs seeded from either side, and each unit's most voted, as (a seq, b seq)."""
    pairs: set[tuple[int, int]] = set()
    leads: list[tuple[int, int]] = []
    for i, top, lead in from_a:
        pairs.update(zip(repeat(i, len(top)), top, strict=True))
        leads.append((i, lead))
    for j, top, lead in from_b:
        pairs.update(zip(top, repeat(j, len(top)), strict=True))
        leads.append((lead, j))
    return pairs, leads


def candidate_pairs(
    ua: list[Unit], ub: list[Unit], scorer: Scorer, shingles: bool = False
) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """Candidates seeded from either side, and each unit's most voted, as (a seq, b seq)."""
    ia, ib = indexes(ua, ub, shingles)
    return union(candidates(ia, ib, scorer, shingles), candidates(ib, ia, scorer, shingles))

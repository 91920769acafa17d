"""Candidate pairs of units, seeded on the rare keys (and key pairs) they share."""

from __future__ import annotations

from itertools import repeat

from ._kernels import seed
from .evidence import Scorer
from .units import Unit

SEED_BUDGET = 64
"""Postings examined per unit when looking for candidates."""
TOP_CANDIDATES = 12
SHINGLE_VOTE = 4.0
"""Candidate vote for each rare pair of consecutive keys shared."""


Found = list[tuple[int, list[int], int]]
"""Per src unit: its seq, the dst seqs worth scoring with it, and the most voted of those."""


def candidates(src: list[Unit], dst: list[Unit], scorer: Scorer, shingles: bool = False) -> Found:
    """Dst units worth scoring with each src unit, by shared rare words (and word pairs).

    Each src unit takes the keys it shares with dst, rarest first (fewest
    units of both sides holding them, then by number), that no more than
    SEED_BUDGET dst units hold, until SEED_BUDGET postings are spent: the
    first whose postings exceed what is left ends its run.  Each key votes
    its idf for every dst unit holding it.  With ``shingles``, the shingles
    then do the same with a budget of their own, rarest in dst first, each
    voting SHINGLE_VOTE.  So the cost is bounded per unit.  Kept per unit:
    the TOP_CANDIDATES dst units with most votes (ties to the lower place)
    and the first voted of those with most votes.  Dst units are numbered
    by their place; the loop is compiled (``_kernels.seed``).
    """
    src_shingles = [u.shingles for u in src] if shingles else []
    dst_shingles = [u.shingles for u in dst] if shingles else []
    return seed(
        [u.keys for u in src],
        [u.seq for u in src],
        [u.keys for u in dst],
        scorer.df,
        scorer.idf,
        src_shingles,
        dst_shingles,
        SEED_BUDGET,
        TOP_CANDIDATES,
        SHINGLE_VOTE,
    )


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
    return union(candidates(ua, ub, scorer, shingles), candidates(ub, ua, scorer, shingles))

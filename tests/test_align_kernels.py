"""The compiled alignment loops (``srcdiff.align._kernels``) against plain references.

Each reference below is the loop as it was written in Python before it was compiled;
the kernels must give the same candidates and best partners, and the same scores up to
the order of summation.
"""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from srcdiff.align._kernels import Bags, contest, dice_scores, seed, shared
from srcdiff.align.evidence import Chance

BUDGET, TOP, VOTE = 6, 3, 4.0
"""Small budget and list: the cut and the ties are reached with few units."""

bag = st.lists(st.integers(0, 14), min_size=0, max_size=10).map(Counter)
bags = st.lists(bag, min_size=1, max_size=9)
units = st.lists(bag.filter(bool), min_size=1, max_size=9)
"""Units hold keys (a sentence or paragraph without any is no unit)."""
shingle_set = st.frozensets(st.integers(0, 30), max_size=6)


def _idf(units: list[Counter[int]]) -> tuple[Counter[int], dict[int, float]]:
    df: Counter[int] = Counter(k for u in units for k in u)
    return df, {k: math.log(1 + len(units) / c) for k, c in df.items()}


def _ref_seed(
    src: list[Counter[int]] | list[frozenset[int]],
    dst: list[Counter[int]] | list[frozenset[int]],
    rank: dict[int, int] | None,
    weight: dict[int, float] | None,
    votes: list[dict[int, float]],
) -> None:
    """Each src unit's features rarest first until the budget is spent, voting."""
    held: dict[int, list[int]] = {}
    for pos, u in enumerate(dst):
        for k in u:
            held.setdefault(k, []).append(pos)
    for u, feats in enumerate(src):
        mine = [f for f in feats if len(held.get(f, ())) in range(1, BUDGET + 1)]
        mine.sort(key=lambda f: ((rank[f] if rank else len(held[f])), f))
        left = BUDGET
        for f in mine:
            if len(held[f]) > left:
                break
            left -= len(held[f])
            for j in held[f]:
                votes[u][j] = votes[u].get(j, 0.0) + (weight[f] if weight else VOTE)


def _ref_top(votes: dict[int, float]) -> tuple[list[int], int]:
    """The TOP units with most votes, ties to the lower place; the first with most."""
    lead = max(votes, key=votes.__getitem__)
    ranked = sorted(votes, key=lambda j: -votes[j])
    if len(ranked) <= TOP:
        return sorted(ranked), lead
    cut = votes[ranked[TOP - 1]]
    above = [j for j in ranked if votes[j] > cut]
    at = sorted(j for j in ranked if votes[j] == cut)
    return sorted(above + at[: TOP - len(above)]), lead


@settings(max_examples=300, deadline=None)
@given(bags, bags, st.booleans(), st.data())
def test_seed_matches_plain_loop(
    src: list[Counter[int]], dst: list[Counter[int]], with_shingles: bool, data: st.DataObject
) -> None:
    df, idf = _idf(src + dst)
    sh_src = [data.draw(shingle_set) for _ in src] if with_shingles else []
    sh_dst = [data.draw(shingle_set) for _ in dst] if with_shingles else []
    votes: list[dict[int, float]] = [{} for _ in src]
    _ref_seed(src, dst, df, idf, votes)
    if with_shingles:
        _ref_seed(sh_src, sh_dst, None, None, votes)
    want = [(10 + u, *_ref_top(v)) for u, v in enumerate(votes) if v]
    seqs = [10 + u for u in range(len(src))]
    got = seed(src, seqs, dst, df, idf, sh_src, sh_dst, BUDGET, TOP, VOTE)
    assert [(s, sorted(top), lead) for s, top, lead in got] == want


def test_seed_budget_stops_at_the_first_key_too_common() -> None:
    # Rarest first: key 0 (held by one dst unit), key 1 (by three), key 2 (by one).
    # With a budget of 3, key 1's postings exceed what is left after key 0, and
    # the run ends there: key 2 is never read.
    dst = [Counter([0, 1]), Counter([1]), Counter([1, 2])]
    src = [Counter([0, 1, 2])]
    df = Counter({0: 1, 1: 2, 2: 3})
    idf = {0: 1.0, 1: 0.5, 2: 0.8}
    got = seed(src, [0], dst, df, idf, [], [], 3, 12, VOTE)
    assert got == [(0, [0], 0)]


def _ref_shared(a: Counter[int], b: Counter[int], idf: dict[int, float]) -> float:
    return sum(min(a[k], b[k]) * idf[k] for k in a.keys() & b.keys())


@settings(max_examples=200, deadline=None)
@given(units, units)
def test_dice_and_contest_match_plain_scores(
    ua: list[Counter[int]], ub: list[Counter[int]]
) -> None:
    _df, idf = _idf(ua + ub)
    ba, bb = Bags(ua, idf), Bags(ub, idf)
    for i, u in enumerate(ua):
        assert math.isclose(ba.mass(i), sum(c * idf[k] for k, c in u.items()), abs_tol=1e-12)
    pairs = [(i, j) for i in range(len(ua)) for j in range(len(ub))]
    want = {}
    for i, j in pairs:
        ov = _ref_shared(ua[i], ub[j], idf)
        assert math.isclose(shared(ba, i, bb, j), ov, abs_tol=1e-12)
        if ov > 0:
            want[(i, j)] = 2 * ov / (ba.mass(i) + bb.mass(j))
    got = dict(zip(pairs, dice_scores(ba, bb, pairs), strict=True))
    for pair, d in got.items():
        assert math.isclose(d, want.get(pair, 0.0), abs_tol=1e-12)
    # The contest on the kernel's own scores (the sums above agree up to the
    # order of summation; a near tie is decided by the score actually computed).
    positive = {pair: d for pair, d in got.items() if d > 0}
    scored, put_off, best_a, best_b = contest(ba, bb, pairs, 1 + 1e-9)
    assert set(scored) <= set(positive) <= set(scored) | set(put_off)
    assert all(scored[pair] == positive[pair] for pair in scored)
    for i in range(len(ua)):
        mine = [(-d, j) for (x, j), d in positive.items() if x == i]
        assert best_a[i] == (min(mine)[1] if mine else -1)
    for j in range(len(ub)):
        mine = [(-d, i) for (i, y), d in positive.items() if y == j]
        assert best_b[j] == (min(mine)[1] if mine else -1)


def _ref_z(chance: Chance, ka: Counter[int], kb: Counter[int]) -> float:
    """``Chance.z`` written plainly, key by key."""
    la, lb = sum(ka.values()), sum(kb.values())
    if not la or not lb:
        return 0.0
    keys, other, side, length = (ka, kb, 1, lb) if la <= lb else (kb, ka, 0, la)
    found = expected = var = 0.0
    for k in keys:
        lm = chance.log_miss[side].get(k, chance.unseen[side])
        p = min(max(1.0 - math.exp(length / chance.mean[side] * lm), 1e-6), 1.0 - 1e-9)
        s = -math.log(p)
        expected += p * s
        var += p * (1.0 - p) * s * s
        if k in other:
            found += s
    return (found - expected) / math.sqrt(var + 1.0)


@settings(max_examples=300, deadline=None)
@given(bags, bags, bag, bag)
def test_chance_z_matches_plain_sum(
    pa: list[Counter[int]], pb: list[Counter[int]], ka: Counter[int], kb: Counter[int]
) -> None:
    chance = Chance.of_bags(pa, pb)
    assert math.isclose(chance.z(ka, kb), _ref_z(chance, ka, kb), rel_tol=1e-9, abs_tol=1e-9)

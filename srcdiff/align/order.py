"""Order as evidence: re-worded passages between neighbours paired in order, and regroupings.

Two documents that say the same things mostly say them in the same order.
Once the links that evidence alone supports are known, the paragraphs left
between two links that are neighbours on the ordered chain (on both sides)
are a small, local problem: a pair there needs less evidence than a pair
anywhere in the document, since its place backs it.  Order never forbids a
move: links out of order stay as they are, and only unpaired paragraphs are
looked at.

Regroupings: two links that are neighbours on both sides merge into one n:m
link when a paragraph of one shares content beyond chance with a paragraph of
the other (verses or sentences regrouped into paragraphs another way).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from functools import partial

from .assembly import ParaLink, ordered_chain
from .evidence import Chance
from .gate import MARGIN

Z_ORDER = 3.0
"""Evidence enough for a pair between ordered neighbours."""
Z_CROSS = 6.0
"""Evidence enough, between the residuals of two neighbouring links, to merge them (n:m)."""
CROSS_COVER = 0.3
"""Share of the larger residual's keys the other must hold to merge two links."""
SKIP = 1
"""Paragraphs (a moved or one-sided one) that may stand between two links that merge."""
CROSS_KEYS = 3
"""Fewest keys two residuals must share to merge (a clause letter moved is no regrouping)."""
GAP_CELLS = 144
"""Largest gap (paragraphs of a times paragraphs of b) looked at; larger gaps are new text."""

Bags = dict[int, Counter[int]]


def bag_of(bags: Bags, idx: Sequence[int]) -> Counter[int]:
    out: Counter[int] = Counter()
    for i in idx:
        out.update(bags.get(i, ()))
    return out


def fill_gaps(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    heads: tuple[Container[int], Container[int]] = ((), ()),
) -> list[ParaLink]:
    """``links`` and the links found between ordered neighbours (1:1, then parts beside them).

    ``heads`` holds the headings and list openings of a and of b, which are
    no rivals of a pair in a gap (``_clear``).
    """
    out = list(links)
    for gap_a, gap_b in gaps(links, bags_a, bags_b):
        if len(gap_a) * len(gap_b) <= GAP_CELLS:
            out += _gap_links(gap_a, gap_b, chance, bags_a, bags_b, heads)
    taken_a = {i for lk in out for i in lk.a}
    taken_b = {j for lk in out for j in lk.b}
    for steps in _STEPS:
        for lk in sorted(out, key=lambda lk: (lk.a[0], lk.b[0])):
            run_a = _run(lk.a, steps[0], bags_a, taken_a)
            run_b = _run(lk.b, steps[1], bags_b, taken_b)
            if run_a and run_b:
                found = _gap_links(run_a, run_b, chance, bags_a, bags_b, heads)
                out += found
                taken_a.update(i for f in found for i in f.a)
                taken_b.update(j for f in found for j in f.b)
    return out


RUN = 6
"""Most free paragraphs, either side, looked at next to a link off the ordered chain."""
_STEPS = ((1, 1), (-1, -1), (1, -1), (-1, 1))
"""The runs beside a link, in a and in b: after both, before both, then the two crossed."""


def _run(edge: Sequence[int], step: int, bags: Bags, taken: set[int]) -> list[int]:
    """Up to RUN free paragraphs right after (step 1) or before (-1) paragraphs ``edge``, in order.

    A moved section keeps its own order: what follows a link in a and what
    follows it in b are as much a local problem as a gap of the chain; and
    of two neighbouring passages swapped, what follows a link in a precedes
    it in b.  A paragraph paired in one run is not looked at in another.
    """
    out: list[int] = []
    x = (max(edge) if step > 0 else min(edge)) + step
    while x in bags and x not in taken and len(out) < RUN:
        out.append(x)
        x += step
    return sorted(out)


def gaps(
    links: Sequence[ParaLink], paras_a: Iterable[int], paras_b: Iterable[int]
) -> Iterator[tuple[list[int], list[int]]]:
    """The free paragraphs of a and of b between each two neighbours of the ordered chain.

    Only gaps with free paragraphs on both sides are given.
    """
    taken_a = {i for lk in links for i in lk.a}
    taken_b = {j for lk in links for j in lk.b}
    free_a = sorted(i for i in paras_a if i not in taken_a)
    free_b = sorted(j for j in paras_b if j not in taken_b)
    if not free_a or not free_b:
        return
    chain = sorted((links[k] for k in ordered_chain(links)), key=lambda lk: lk.a[0])
    bounds = [(-1, -1), *((max(lk.a), max(lk.b)) for lk in chain), (1 << 60, 1 << 60)]
    starts = [(-1, -1), *((min(lk.a), min(lk.b)) for lk in chain), (1 << 60, 1 << 60)]
    for k in range(len(bounds) - 1):
        lo_a, lo_b = bounds[k]
        hi_a, hi_b = starts[k + 1]
        gap_a = free_a[bisect_right(free_a, lo_a) : bisect_left(free_a, hi_a)]
        gap_b = free_b[bisect_right(free_b, lo_b) : bisect_left(free_b, hi_b)]
        if gap_a and gap_b:
            yield gap_a, gap_b


def _gap_links(
    gap_a: list[int],
    gap_b: list[int],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    heads: tuple[Container[int], Container[int]] = ((), ()),
) -> list[ParaLink]:
    """Pairs inside one gap, in order (the most evidence in all), then the parts next to them.

    A pair that is not clearly the best of its row and column (``_clear``) is left out.
    """
    z = [[_z_in_order(chance, bags_a[i], bags_b[j]) for j in gap_b] for i in gap_a]
    pairs = sorted(_monotone(z, gap_a, gap_b))
    groups = [([i], [j]) for i, j in pairs]
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    # A part of a split or merge lies next to its group and shares content with the other side.
    for ga, gb in groups:
        # A part must share what its partners hold beyond the rest of its own side.
        _extend(ga, gap_a, used_a, partial(part_a, chance, bags_a, bags_b, ga, gb))
        _extend(gb, gap_b, used_b, partial(part_b, chance, bags_a, bags_b, ga, gb))
    cells = (gap_a, gap_b, z, set(pairs))
    return [
        ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), 0.0)
        for (i, j), (ga, gb) in zip(pairs, groups, strict=True)
        if _clear(i, j, ga, gb, cells, heads, chance, bags_a, bags_b)
    ]


def _clear(
    i: int,
    j: int,
    ga: Sequence[int],
    gb: Sequence[int],
    cells: _Cells,
    heads: tuple[Container[int], Container[int]],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
) -> bool:
    """Whether pair (i, j) of a gap, grown into group (ga, gb), is clearly part of its best order.

    The gap's pairs in order without cell (i, j) must fall short of the pairs
    chosen by ``MARGIN``, as the gate asks of a link against its best
    alternative: the paragraphs of a topical passage (a preamble) all share
    its words, and the best of several such cells is no pair.  A heading or a
    list's opening is no alternative: it holds a word or two, and its place
    decides (``leads``).  An alternative whose new cells in i's row and j's
    column are all parts of the group is none either when the group, grown,
    has more evidence than the pair alone: the cells are then the halves of
    one split or merge, each holding its own share of the other side.
    """
    loss, new = alternative(i, j, cells, heads)
    if loss >= MARGIN:
        return True
    if not new or any((y if x == i else x) not in (gb if x == i else ga) for x, y in new):
        return False
    gap_a, gap_b, z, _ = cells
    return chance.z(bag_of(bags_a, ga), bag_of(bags_b, gb)) > z[gap_a.index(i)][gap_b.index(j)]


def alternative(
    i: int, j: int, cells: _Cells, heads: tuple[Container[int], Container[int]]
) -> tuple[float, list[tuple[int, int]]]:
    """What the gap's pairs in order lose without cell (i, j), and the cells then new in
    i's row and j's column (headings and list openings not counted, ``_clear``)."""
    gap_a, gap_b, z, chosen = cells
    r, c = gap_a.index(i), gap_b.index(j)
    alt = [
        [
            0.0
            if (k, h) == (r, c) or ((x in heads[0] or y in heads[1]) and (x, y) not in chosen)
            else v
            for h, (y, v) in enumerate(zip(gap_b, row, strict=True))
        ]
        for k, (x, row) in enumerate(zip(gap_a, z, strict=True))
    ]
    other = _monotone(alt, gap_a, gap_b)
    pos_a, pos_b = {x: k for k, x in enumerate(gap_a)}, {y: k for k, y in enumerate(gap_b)}
    total = sum(z[pos_a[x]][pos_b[y]] for x, y in chosen)
    loss = total - sum(alt[pos_a[x]][pos_b[y]] for x, y in other)
    return loss, [(x, y) for x, y in other if (x, y) not in chosen and (x == i or y == j)]


_Cells = tuple[list[int], list[int], list[list[float]], set[tuple[int, int]]]
"""A gap's paragraphs of a and of b, the evidence of each cell, and the pairs chosen."""


MIN_SHARED = 2
"""Distinct keys a pair in order shares, unless one side holds fewer (a one-word heading)."""


def _z_in_order(chance: Chance, ka: Counter[int], kb: Counter[int]) -> float:
    """The evidence of a pair in order; none when it shares a single key of several.

    One rare word in common ("copyright" in a copyright line and in a notice
    about copyright notices) is a word, not a passage: its surprise can pass
    ``Z_ORDER`` on its own in a short passage, so a pair must share
    ``MIN_SHARED`` keys, or all the keys of a side that has fewer.
    """
    if len(ka.keys() & kb.keys()) < min(MIN_SHARED, len(ka), len(kb)):
        return 0.0
    return chance.z(ka, kb)


def part_a(
    chance: Chance, bags_a: Bags, bags_b: Bags, ga: list[int], gb: list[int], x: int
) -> float:
    """The evidence that a paragraph x of a is a part of group (ga, gb)."""
    return _z_in_order(chance, bags_a[x], _rest(bags_b, gb, bags_a, ga))


def part_b(
    chance: Chance, bags_a: Bags, bags_b: Bags, ga: list[int], gb: list[int], x: int
) -> float:
    """The evidence that a paragraph x of b is a part of group (ga, gb)."""
    return _z_in_order(chance, _rest(bags_a, ga, bags_b, gb), bags_b[x])


def _rest(bags: Bags, idx: Sequence[int], own: Bags, mine: Sequence[int]) -> Counter[int]:
    """What the paragraphs idx (of bags) hold beyond the paragraphs mine (of own)."""
    return bag_of(bags, idx) - bag_of(own, mine)


def _monotone(z: list[list[float]], gap_a: list[int], gap_b: list[int]) -> list[tuple[int, int]]:
    """The pairs in order, each of evidence Z_ORDER or more, whose evidence adds up to most."""
    n, m = len(gap_a), len(gap_b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            take = best[i][j] + z[i][j] if z[i][j] >= Z_ORDER else -1.0
            best[i + 1][j + 1] = max(best[i][j + 1], best[i + 1][j], take)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((gap_a[i - 1], gap_b[j - 1]))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _extend(
    own: list[int],
    gap: Container[int],
    used: set[int],
    z: Callable[[int], float],
    bars: tuple[float, float] = (Z_ORDER, Z_ORDER),
) -> None:
    """Add to ``own`` the free gap paragraphs beside it, either hand, while z says they belong
    (reaching ``bars``: before ``own``, after it)."""
    for step, bar in zip((-1, 1), bars, strict=True):
        x = (min(own) if step < 0 else max(own)) + step
        while x in gap and x not in used and z(x) >= bar:
            own.append(x)
            used.add(x)
            x += step


def attach_parts(
    links: Sequence[ParaLink], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """Free paragraphs next to a link join it when they hold what its other side adds.

    The tail of a split, or the second half of a merge, left out by the
    passes: a free paragraph beside a link joins it when it shares, beyond
    chance, what the link's other side holds beyond the link's own side
    (``Z_ORDER``; ``Z_CROSS`` beside a far part, ``_bar``).
    """
    used_a = {i for lk in links for i in lk.a}
    used_b = {j for lk in links for j in lk.b}
    free_a = {i for i in bags_a if i not in used_a}
    free_b = {j for j in bags_b if j not in used_b}
    out = []
    for lk in sorted(links, key=lambda lk: (lk.a[0], lk.b[0])):
        ga, gb = list(lk.a), list(lk.b)
        za = partial(part_a, chance, bags_a, bags_b, ga, gb)
        zb = partial(part_b, chance, bags_a, bags_b, ga, gb)
        _extend(ga, free_a, used_a, za, (_bar(ga, used_a, -1), _bar(ga, used_a, 1)))
        _extend(gb, free_b, used_b, zb, (_bar(gb, used_b, -1), _bar(gb, used_b, 1)))
        out.append(ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), lk.score))
    return out


def _bar(own: Sequence[int], used: Container[int], step: int) -> float:
    """The evidence a part joining ``own`` at one end (step -1: before it, 1: after) needs.

    When the paragraph at that end lies apart from the rest of its side,
    beyond a paragraph paired elsewhere, what joins it lies as far from the
    rest and needs ``Z_CROSS``, as a far part does (``parts.drop_far_parts``):
    a part is judged by its place against its link's body, not against the
    far part beside it.
    """
    if len(own) < 2:
        return Z_ORDER
    end = max(own) if step > 0 else min(own)
    near = max(y for y in own if y != end) if step > 0 else min(y for y in own if y != end)
    lo, hi = sorted((end, near))
    return Z_CROSS if any(t in used and t not in own for t in range(lo + 1, hi)) else Z_ORDER


def regroup(
    links: Sequence[ParaLink], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """Merge neighbouring links whose paragraphs cross (n:m regroupings)."""
    ordered = sorted(links, key=lambda lk: (lk.a[0], lk.b[0]))
    out: list[ParaLink] = []
    for lk in ordered:
        prev = out[-1] if out else None
        if prev is not None and _crosses(prev, lk, chance, bags_a, bags_b):
            out[-1] = ParaLink(
                tuple(sorted({*prev.a, *lk.a})),
                tuple(sorted({*prev.b, *lk.b})),
                prev.score + lk.score,
            )
        else:
            out.append(lk)
    return out


def _crosses(p: ParaLink, q: ParaLink, chance: Chance, bags_a: Bags, bags_b: Bags) -> bool:
    """Whether q comes next to p on both sides and a paragraph of one holds what the other lacks.

    q follows p in a; in b it comes right after p or right before it (two
    halves swapped), with at most SKIP paragraphs between on one side (a
    moved or one-sided one).  The test is on residuals: what p's paragraph
    next to q holds beyond p's other side, against what q's paragraph next
    to p holds beyond q's other side (and the mirror), so neighbours that
    only share a topic do not merge.
    """
    step_a = min(q.a) - max(p.a)
    after = min(q.b) > max(p.b)
    step_b = min(q.b) - max(p.b) if after else min(p.b) - max(q.b)
    if not (0 < step_a <= 1 + SKIP and 0 < step_b <= 1 + SKIP and step_a + step_b <= 2 + SKIP):
        return False
    near_qb, near_pb = (min(q.b), max(p.b)) if after else (max(q.b), min(p.b))
    pa, pb, qa, qb = (
        bag_of(bags_a, p.a),
        bag_of(bags_b, p.b),
        bag_of(bags_a, q.a),
        bag_of(bags_b, q.b),
    )
    ends = (
        (bags_a.get(max(p.a)), pb, bags_b.get(near_qb), qa),
        (bags_a.get(min(q.a)), qb, bags_b.get(near_pb), pa),
    )
    return any(
        x is not None and y is not None and _cross(x - xs, y - ys, chance) for x, xs, y, ys in ends
    )


def _cross(ra: Counter[int], rb: Counter[int], chance: Chance) -> bool:
    """Whether two residuals hold the same passage: beyond chance, and most of the larger one.

    A headline and the lead of the other version share a few words beyond
    their own partners, but those are a small part of what the lead adds.
    """
    if not ra or not rb:
        return False
    larger = ra if len(ra) >= len(rb) else rb
    shared = len(ra.keys() & rb.keys())
    return shared >= max(CROSS_KEYS, CROSS_COVER * len(larger)) and chance.z(ra, rb) >= Z_CROSS

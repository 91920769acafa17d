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
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from functools import partial

from .assembly import ParaLink, ordered_chain
from .evidence import Chance
from .gate import Z_PART, Z_SURE

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


def _bag(bags: Bags, idx: Sequence[int]) -> Counter[int]:
    out: Counter[int] = Counter()
    for i in idx:
        out.update(bags.get(i, ()))
    return out


def fill_gaps(
    links: Sequence[ParaLink], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """``links`` and the links found between ordered neighbours (1:1, then parts beside them)."""
    out = list(links)
    for gap_a, gap_b in gaps(links, bags_a, bags_b):
        if len(gap_a) * len(gap_b) <= GAP_CELLS:
            out += _gap_links(gap_a, gap_b, chance, bags_a, bags_b)
    for run_a, run_b in _runs(out, bags_a, bags_b):
        out += _gap_links(run_a, run_b, chance, bags_a, bags_b)
    return out


RUN = 6
"""Most free paragraphs, either side, looked at next to a link off the ordered chain."""


def _runs(
    links: Sequence[ParaLink], bags_a: Bags, bags_b: Bags
) -> Iterator[tuple[list[int], list[int]]]:
    """The free paragraphs right after (and right before) a link, on both sides.

    A moved section keeps its own order: what follows a link in a and what
    follows it in b are as much a local problem as a gap of the chain.
    Runs do not overlap: a paragraph is looked at next to one link only.
    """
    taken_a = {i for lk in links for i in lk.a}
    taken_b = {j for lk in links for j in lk.b}
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for lk in sorted(links, key=lambda lk: (lk.a[0], lk.b[0])):
        for step in (1, -1):
            edge_a, edge_b = (max(lk.a), max(lk.b)) if step > 0 else (min(lk.a), min(lk.b))
            run_a = _run(edge_a, step, bags_a, taken_a, seen_a)
            run_b = _run(edge_b, step, bags_b, taken_b, seen_b)
            if run_a and run_b:
                seen_a.update(run_a)
                seen_b.update(run_b)
                yield sorted(run_a), sorted(run_b)


def _run(edge: int, step: int, bags: Bags, taken: set[int], seen: set[int]) -> list[int]:
    """Up to RUN free paragraphs from ``edge`` on, one way."""
    out: list[int] = []
    x = edge + step
    while x in bags and x not in taken and x not in seen and len(out) < RUN:
        out.append(x)
        x += step
    return out


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
    gap_a: list[int], gap_b: list[int], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """Pairs inside one gap, in order (the most evidence in all), then the parts next to them."""
    pairs = _monotone(
        [[chance.z(bags_a[i], bags_b[j]) for j in gap_b] for i in gap_a], gap_a, gap_b
    )
    groups = [([i], [j]) for i, j in sorted(pairs)]
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    # A part of a split or merge lies next to its group and shares content with the other side.
    for ga, gb in groups:
        # A part must share what its partners hold beyond the rest of its own side.
        _extend(ga, gap_a, used_a, partial(_part_a, chance, bags_a, bags_b, ga, gb))
        _extend(gb, gap_b, used_b, partial(_part_b, chance, bags_a, bags_b, ga, gb))
    return [ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), 0.0) for ga, gb in groups]


def _part_a(
    chance: Chance, bags_a: Bags, bags_b: Bags, ga: list[int], gb: list[int], x: int
) -> float:
    """The evidence that a paragraph x of a is a part of group (ga, gb)."""
    return chance.z(bags_a[x], _rest(bags_b, gb, bags_a, ga))


def _part_b(
    chance: Chance, bags_a: Bags, bags_b: Bags, ga: list[int], gb: list[int], x: int
) -> float:
    """The evidence that a paragraph x of b is a part of group (ga, gb)."""
    return chance.z(_rest(bags_a, ga, bags_b, gb), bags_b[x])


def _rest(bags: Bags, idx: Sequence[int], own: Bags, mine: Sequence[int]) -> Counter[int]:
    """What the paragraphs idx (of bags) hold beyond the paragraphs mine (of own)."""
    return _bag(bags, idx) - _bag(own, mine)


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


def _extend(own: list[int], gap: Container[int], used: set[int], z: Callable[[int], float]) -> None:
    """Add to ``own`` the free gap paragraphs beside it, either hand, while z says they belong."""
    for step in (-1, 1):
        x = (min(own) if step < 0 else max(own)) + step
        while x in gap and x not in used and z(x) >= Z_ORDER:
            own.append(x)
            used.add(x)
            x += step


def attach_parts(
    links: Sequence[ParaLink], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """Free paragraphs next to a link join it when they hold what its other side adds.

    The tail of a split, or the second half of a merge, left out by the
    passes: a free paragraph beside a link joins it when it shares, beyond
    chance, what the link's other side holds beyond the link's own side.
    """
    used_a = {i for lk in links for i in lk.a}
    used_b = {j for lk in links for j in lk.b}
    free_a = {i for i in bags_a if i not in used_a}
    free_b = {j for j in bags_b if j not in used_b}
    out = []
    for lk in sorted(links, key=lambda lk: (lk.a[0], lk.b[0])):
        ga, gb = list(lk.a), list(lk.b)
        _extend(ga, free_a, used_a, partial(_part_a, chance, bags_a, bags_b, ga, gb))
        _extend(gb, free_b, used_b, partial(_part_b, chance, bags_a, bags_b, ga, gb))
        out.append(ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), lk.score))
    return out


def fill_holes(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    items: tuple[set[int], set[int]],
    heads: tuple[set[int], set[int]],
) -> list[ParaLink]:
    """Free items of a list enclosed by the parts of one side of a link join it.

    A lettered item (in ``items``, for a and for b) between two parts of a link
    belongs to the same list when it shares a word with the
    other side ("alleging that:" (a) ... (b) ... against one paragraph).  Other
    paragraphs there (a numbered section, a verse) may be moved or one-sided
    and stay as they are.  With the list whole, a part at either end that is
    no item and no heading (``heads``) must still hold what the rest lacks
    (``Z_PART``), or it leaves.
    """
    taken_a = {i for lk in links for i in lk.a}
    taken_b = {j for lk in links for j in lk.b}
    out = []
    for lk in links:
        ga, gb = list(lk.a), list(lk.b)
        for own, other, bags, theirs, taken, side in (
            (ga, gb, bags_a, bags_b, taken_a, 0),
            (gb, ga, bags_b, bags_a, taken_b, 1),
        ):
            added = False
            for x in range(min(own) + 1, max(own)):
                bag = bags.get(x)
                if x in items[side] and x not in taken and bag and _meets(bag, theirs, other):
                    own.append(x)
                    taken.add(x)
                    added = True
            if added:
                keep = items[side] | heads[side]
                _retest_ends(own, other, bags, theirs, taken, keep, chance, side == 1)
        if (tuple(sorted(ga)), tuple(sorted(gb))) == (lk.a, lk.b):
            out.append(lk)
        else:
            out.append(ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), lk.score))
    return out


def _retest_ends(
    own: list[int],
    other: list[int],
    bags: Bags,
    theirs: Bags,
    taken: set[int],
    keep: set[int],
    chance: Chance,
    flip: bool,
) -> None:
    """Drop from ``own`` an end part, not in ``keep``, that adds nothing beyond the rest."""
    for x in (min(own), max(own)):
        if x in keep or len(own) < 2:
            continue
        rest = _bag(theirs, other) - _bag(bags, [y for y in own if y != x])
        z = chance.z(rest, bags[x]) if flip else chance.z(bags[x], rest)
        if z < Z_PART:
            own.remove(x)
            taken.discard(x)


def drop_far_parts(
    links: Sequence[ParaLink], chance: Chance, bags_a: Bags, bags_b: Bags
) -> list[ParaLink]:
    """Parts of a split or merge lying beyond a paragraph paired elsewhere need more.

    A part with a paragraph of another link between it and the rest of its
    side stays only when what it adds beyond the rest reaches ``Z_CROSS``, as
    a regrouping across a paragraph does: a far passage that only shares a
    topic with its group (a definition beside the one that pairs) leaves it.
    Of a side whose parts all fall short, the strongest stays.
    """
    owner_a = {i: k for k, lk in enumerate(links) for i in lk.a}
    owner_b = {j: k for k, lk in enumerate(links) for j in lk.b}
    out = []
    for k, lk in enumerate(links):
        ga, gb = list(lk.a), list(lk.b)
        for own, other, bags, theirs, owner, flip in (
            (ga, gb, bags_a, bags_b, owner_a, False),
            (gb, ga, bags_b, bags_a, owner_b, True),
        ):
            if len(own) < 2:
                continue
            weak = []
            for x in own:
                y = min((y for y in own if y != x), key=lambda y: abs(y - x))
                if all(owner.get(t, k) == k for t in range(min(x, y) + 1, max(x, y))):
                    continue
                rest = _bag(theirs, other) - _bag(bags, [y for y in own if y != x])
                z = chance.z(rest, bags[x]) if flip else chance.z(bags[x], rest)
                if z < Z_CROSS:
                    weak.append((z, x))
            if len(weak) == len(own):
                weak.remove(max(weak))
            for _z, x in weak:
                own.remove(x)
        if len(ga) == len(lk.a) and len(gb) == len(lk.b):
            out.append(lk)
        else:
            out.append(ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), lk.score))
    return out


def _meets(bag: Counter[int], bags: Bags, idx: Sequence[int]) -> bool:
    """Whether a bag shares a key with one of the paragraphs idx."""
    return any(not bag.keys().isdisjoint(bags.get(i, ())) for i in idx)


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
    pa, pb, qa, qb = (_bag(bags_a, p.a), _bag(bags_b, p.b), _bag(bags_a, q.a), _bag(bags_b, q.b))
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


PLACE = Z_ORDER
"""Evidence a place on the ordered chain is worth: a moved link gives way to an alternative
in order this much weaker (a clause a version gives twice pairs where it stands)."""
REACH = 12
"""Most free paragraphs of the other side looked at between two neighbours on the chain."""


def yield_moves(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    weighed: Mapping[ParaLink, float],
) -> list[ParaLink]:
    """Moved 1:1 links that give way to an alternative in order for one of their paragraphs.

    A link off the ordered chain, with evidence below ``Z_SURE``, gives way
    when one of its paragraphs has, in order (a free paragraph of the other
    side between its neighbours on the chain, or one of those neighbours it
    would be a part of), an alternative of evidence ``Z_ORDER`` or more within
    ``PLACE`` of its own.  Its other paragraph is left free.  ``weighed``
    holds the evidence the gate found for links, not worked out again.
    """
    out: list[ParaLink | None] = list(links)
    on_chain = ordered_chain(links)
    chain = sorted(on_chain, key=lambda k: (links[k].a[0], links[k].b[0]))
    starts = ([links[c].a[0] for c in chain], [links[c].b[0] for c in chain])
    taken = ({i for lk in links for i in lk.a}, {j for lk in links for j in lk.b})
    bags = (bags_a, bags_b)
    for k, lk in enumerate(links):
        if k in on_chain or len(lk.a) != 1 or len(lk.b) != 1:
            continue
        z = weighed.get(lk)
        if z is None:
            z = chance.z(bags_a[lk.a[0]], bags_b[lk.b[0]])
        if z >= Z_SURE:
            continue
        for side in (0, 1):
            x, y = (lk.a[0], lk.b[0]) if side == 0 else (lk.b[0], lk.a[0])
            at = bisect_left(starts[side], x)
            near = (chain[at - 1] if at else -1, chain[at] if at < len(chain) else -1)
            found = _in_order(out, near, side, x, chance, bags, taken)
            if found is not None and found[0] >= max(Z_ORDER, z - PLACE):
                _, slot, new = found
                out[k] = None
                taken[1 - side].discard(y)
                taken[1 - side].update(new.b if side == 0 else new.a)
                if slot < 0:
                    out.append(new)
                else:
                    out[slot] = new
                break
    return [lk for lk in out if lk is not None]


def _in_order(
    out: list[ParaLink | None],
    near: tuple[int, int],
    side: int,
    x: int,
    chance: Chance,
    bags: tuple[Bags, Bags],
    taken: tuple[set[int], set[int]],
) -> tuple[float, int, ParaLink] | None:
    """The best alternative in order for paragraph x of ``side``: (evidence, slot, new link).

    ``near`` holds the places in ``out`` of x's neighbours on the chain (-1 for
    none).  The slot is the neighbour's place when x joins it, or -1 for a new pair.
    """
    other, bag_x = 1 - side, bags[side][x]
    prev, nxt = (out[c] if c >= 0 else None for c in near)
    lo = max((prev.a, prev.b)[other]) if prev is not None else -1
    hi = min((nxt.a, nxt.b)[other]) if nxt is not None else lo + 1 + 4 * REACH
    span = range(lo + 1, hi) if hi - lo <= 4 * REACH else range(0)
    free = [y for y in span if y in bags[other] and y not in taken[other]]
    best: tuple[float, int, ParaLink] | None = None
    if len(free) <= REACH:
        for y in free:
            z = chance.z(bag_x, bags[other][y]) if side == 0 else chance.z(bags[other][y], bag_x)
            if best is None or z > best[0]:
                pair = ((x,), (y,)) if side == 0 else ((y,), (x,))
                best = (z, -1, ParaLink(*pair, 0.0))
    for c in near:
        lk = out[c] if c >= 0 else None
        if lk is None:
            continue
        ga, gb = list(lk.a), list(lk.b)
        if side == 0:
            z = _part_a(chance, bags[0], bags[1], ga, gb, x)
            new = ParaLink(tuple(sorted({*ga, x})), lk.b, lk.score)
        else:
            z = _part_b(chance, bags[0], bags[1], ga, gb, x)
            new = ParaLink(lk.a, tuple(sorted({*gb, x})), lk.score)
        if best is None or z > best[0]:
            best = (z, c, new)
    return best

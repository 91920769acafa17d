"""Parts of splits and merges that lie apart from the rest of their side, and list items.

A part of a split or merge usually lies next to the rest of its side.  One
that lies beyond a paragraph paired elsewhere must add more: what it holds
beyond the rest must reach ``Z_CROSS``, the bar of a regrouping across a
paragraph.  The same bar lets a free paragraph join a link from afar (the
half of a split that moved away).  A lettered list item lying free between
two parts of one side of a link joins it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .assembly import ParaLink
from .evidence import Chance
from .gate import Z_PART
from .order import Z_CROSS, Bags, bag_of

JOIN_COVER = 0.5
"""Share of a far paragraph's keys that a link's rest must hold for it to join."""


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
        rest = bag_of(theirs, other) - bag_of(bags, [y for y in own if y != x])
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
                rest = bag_of(theirs, other) - bag_of(bags, [y for y in own if y != x])
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


def far_joins(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    candidates: Iterable[tuple[int, int]],
    every: bool = False,
) -> list[tuple[float, float, int, int, int]]:
    """Each free paragraph against each link one of its candidates lies in.

    As (evidence, cover, side, paragraph, link place): the evidence that the
    paragraph holds what the link's other side has beyond its own side, and
    the share of the paragraph's keys found there; strongest first.  Unless
    ``every``, a link whose other side holds too few of the paragraph's keys
    to reach ``JOIN_COVER`` is left out before its rest is worked out.
    """
    owner = (
        {i: k for k, lk in enumerate(links) for i in lk.a},
        {j: k for k, lk in enumerate(links) for j in lk.b},
    )
    near: tuple[dict[int, set[int]], dict[int, set[int]]] = ({}, {})
    for i, j in candidates:
        if i not in owner[0] and j in owner[1] and i in bags_a:
            near[0].setdefault(i, set()).add(owner[1][j])
        if j not in owner[1] and i in owner[0] and j in bags_b:
            near[1].setdefault(j, set()).add(owner[0][i])
    out = []
    for side in (0, 1):
        bags, theirs = (bags_a, bags_b) if side == 0 else (bags_b, bags_a)
        for x, ks in near[side].items():
            need = JOIN_COVER * len(bags[x])
            for k in ks:
                other = links[k].b if side == 0 else links[k].a
                if every or _meets_keys(bags[x], theirs, other) >= need:
                    z, cover = _gain(links[k].a, links[k].b, side, x, chance, bags_a, bags_b)
                    out.append((z, cover, side, x, k))
    out.sort(reverse=True)
    return out


def _meets_keys(bag: Counter[int], bags: Bags, idx: Sequence[int]) -> int:
    """How many of a bag's keys the paragraphs idx hold (a bound on what their rest holds)."""
    if len(idx) == 1:
        return len(bag.keys() & bags.get(idx[0], Counter()).keys())
    return len(bag.keys() & set().union(*(bags.get(i, Counter()).keys() for i in idx)))


def _gain(
    ga: Sequence[int],
    gb: Sequence[int],
    side: int,
    x: int,
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
) -> tuple[float, float]:
    """What free paragraph x of ``side`` shares with the rest of link (ga, gb): z and cover."""
    if side == 0:
        bag, rest = bags_a[x], bag_of(bags_b, gb) - bag_of(bags_a, ga)
        z = chance.z(bag, rest)
    else:
        bag, rest = bags_b[x], bag_of(bags_a, ga) - bag_of(bags_b, gb)
        z = chance.z(rest, bag)
    return z, len(bag.keys() & rest.keys()) / max(len(bag), 1)


def join_far(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: Bags,
    bags_b: Bags,
    candidates: Iterable[tuple[int, int]],
) -> list[ParaLink]:
    """Free paragraphs that hold what a link's other side adds join it, however far.

    The half of a split that moved away: a free paragraph joins the link one
    of its candidates (``candidates``, (a paragraph, b paragraph)) lies in
    when it shares, at ``Z_CROSS`` or more, what the link's other side holds
    beyond the link's own side, the bar a far part must pass to stay
    (``drop_far_parts``), and that rest holds ``JOIN_COVER`` of its keys: a
    half of a split is mostly what its other side has beyond the half in
    place, while a paragraph on the same topic shares only some of its words.
    The strongest joins go first, and a link's rest is worked out again once
    it has grown.
    """
    groups = [(list(lk.a), list(lk.b)) for lk in links]
    grown: set[int] = set()
    joined: tuple[set[int], set[int]] = (set(), set())
    for z, cover, side, x, k in far_joins(links, chance, bags_a, bags_b, candidates):
        if z < Z_CROSS or cover < JOIN_COVER or x in joined[side]:
            continue
        if k in grown:
            z, cover = _gain(*groups[k], side, x, chance, bags_a, bags_b)
            if z < Z_CROSS or cover < JOIN_COVER:
                continue
        groups[k][side].append(x)
        joined[side].add(x)
        grown.add(k)
    return [
        lk
        if k not in grown
        else ParaLink(tuple(sorted(groups[k][0])), tuple(sorted(groups[k][1])), lk.score)
        for k, lk in enumerate(links)
    ]

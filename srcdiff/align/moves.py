"""Moves that give way to order: a moved pair undone for an alternative in place.

A link off the ordered chain that evidence alone does not make sure of is
weighed against what its paragraphs could pair with in order: a free
paragraph of the other side between its neighbours on the chain, or one of
those neighbours it would be a part of.  A place on the chain is worth
``PLACE``, the evidence the gaps already grant it (``order.Z_ORDER``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from .assembly import ParaLink, ordered_chain
from .evidence import Chance
from .gate import Z_SURE
from .order import Z_ORDER, Bags, part_a, part_b

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
            z = part_a(chance, bags[0], bags[1], ga, gb, x)
            new = ParaLink(tuple(sorted({*ga, x})), lk.b, lk.score)
        else:
            z = part_b(chance, bags[0], bags[1], ga, gb, x)
            new = ParaLink(lk.a, tuple(sorted({*gb, x})), lk.score)
        if best is None or z > best[0]:
            best = (z, c, new)
    return best

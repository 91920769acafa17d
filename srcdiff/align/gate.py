"""No pair without evidence: a link stays only when chance cannot explain what it shares.

Every link the passes propose is weighed with ``Chance.z`` on its paragraphs'
keys.  It stays when

* its evidence reaches ``Z_SURE``: so much shared that no alternative matters
  (a paragraph and its copy, even when the text repeats it elsewhere); or
* its evidence reaches ``Z_MIN`` and beats, by ``MARGIN``, the best
  alternative either side has among the candidates seeded for it (a
  paragraph that only shares stock phrasing with many others, as in
  templated copy, is no better matched to one of them than to the rest).

The thresholds are calibrated on real revision pairs (``bench/align_calibrate.py``,
``docs/align.md``), not on the stories.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .assembly import ParaLink
from .evidence import Chance

Z_MIN = 2.0
"""Evidence below which no link stays (chance explains it)."""
Z_SURE = 12.0
"""Evidence from which a link stays whatever its alternatives."""
MARGIN = 0.8
"""How far a link's evidence must pass its best alternative's."""


Z_PART = 2.5
"""Evidence a part of a split or merge needs for what its partners hold beyond its own side."""


@dataclass(frozen=True)
class Weighed:
    """A link, its evidence, and the best evidence of an alternative."""

    link: ParaLink
    z: float
    rival: float

    @property
    def kept(self) -> bool:
        return self.z >= Z_SURE or (self.z >= Z_MIN and self.z - self.rival >= MARGIN)


def _bag(bags: dict[int, Counter[int]], idx: Sequence[int]) -> Counter[int]:
    if len(idx) == 1:
        return bags.get(idx[0], Counter())
    out: Counter[int] = Counter()
    for i in idx:
        bag = bags.get(i)
        if bag:
            out.update(bag)
    return out


def _prune(
    chance: Chance, bags_a: dict[int, Counter[int]], bags_b: dict[int, Counter[int]], lk: ParaLink
) -> ParaLink:
    """``lk`` without the parts of a split or merge that do not hold what their partners add.

    A part stays when it shares, beyond chance (``Z_PART``), what the other
    side holds beyond the rest of its own side: the second half of a merge
    must hold the words its first half lacks.
    """
    ga, gb = list(lk.a), list(lk.b)
    for own, other, mine, theirs, flip in (
        (ga, gb, bags_a, bags_b, False),
        (gb, ga, bags_b, bags_a, True),
    ):
        while len(own) > 1:
            zs = []
            for x in own:
                rest = _bag(theirs, other) - _bag(mine, [y for y in own if y != x])
                zs.append((chance.z(rest, mine[x]) if flip else chance.z(mine[x], rest), x))
            worst, x = min(zs)
            if worst >= Z_PART:
                break
            own.remove(x)
    if (len(ga), len(gb)) == (len(lk.a), len(lk.b)):
        return lk
    return ParaLink(tuple(ga), tuple(gb), lk.score)


def _rival(
    lk: ParaLink,
    z: float,
    chance: Chance,
    bags_a: dict[int, Counter[int]],
    bags_b: dict[int, Counter[int]],
    near_a: dict[int, list[int]],
    near_b: dict[int, list[int]],
) -> float:
    """The best evidence of a candidate pair that would take a paragraph from ``lk``.

    The search stops at the first rival close enough to drop the link.
    """
    rival = 0.0
    pairs = [(i, j) for i in lk.a for j in near_a.get(i, ()) if j not in lk.b]
    pairs += [(i, j) for j in lk.b for i in near_b.get(j, ()) if i not in lk.a]
    for i, j in pairs:
        rival = max(rival, chance.z(bags_a[i], bags_b[j]))
        if z - rival < MARGIN:
            break
    return rival


def weigh(
    links: Sequence[ParaLink],
    chance: Chance,
    bags_a: dict[int, Counter[int]],
    bags_b: dict[int, Counter[int]],
    candidates: Iterable[tuple[int, int]],
) -> list[Weighed]:
    """Each link's evidence and its best rival's (alternatives scored only below Z_SURE)."""
    pruned = [_prune(chance, bags_a, bags_b, lk) for lk in links]
    zs = [chance.z(_bag(bags_a, lk.a), _bag(bags_b, lk.b)) for lk in pruned]
    doubt = [Z_MIN <= z < Z_SURE for z in zs]
    near_a: dict[int, list[int]] = defaultdict(list)
    near_b: dict[int, list[int]] = defaultdict(list)
    if any(doubt):
        # Only the candidates of links in doubt are looked at.
        ask_a = {i for lk, d in zip(pruned, doubt, strict=True) if d for i in lk.a}
        ask_b = {j for lk, d in zip(pruned, doubt, strict=True) if d for j in lk.b}
        for i, j in candidates:
            if i in ask_a:
                near_a[i].append(j)
            if j in ask_b:
                near_b[j].append(i)
    out = []
    for lk, z, d in zip(pruned, zs, doubt, strict=True):
        rival = _rival(lk, z, chance, bags_a, bags_b, near_a, near_b) if d else 0.0
        out.append(Weighed(lk, z, rival))
    return out

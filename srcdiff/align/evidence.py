"""Rarity-weighted overlap between units."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import lt, mul

import regex

from ..normalize import align_key, norm_word
from .units import Unit


@dataclass(slots=True)
class Weighted:
    """A unit's key counts, with what scoring needs besides."""

    counts: Counter[int]
    repeated: frozenset[int]
    """The keys counted more than once."""
    mass: float
    """The sum of count times idf over its keys, in order of first occurrence."""


class Scorer:
    """Rarity of the keys of some units, and idf-weighted overlap between units.

    A unit's weights are worked out when the unit is first scored: most
    units are only ever seeded on.
    """

    def __init__(self, units: list[Unit], numeric: frozenset[int]) -> None:
        df: Counter[int] = Counter(chain.from_iterable(u.keys for u in units))
        n = max(len(units), 2)
        logs = {c: math.log(1 + n / c) for c in set(df.values())}
        idf = dict(zip(df, map(logs.__getitem__, df.values()), strict=True))
        for k in numeric & df.keys():
            idf[k] = logs[df[k]] * 1.5
        self.df = df
        self.idf = idf
        self._weighted: dict[tuple[int, int], Weighted] = {}

    def weighted(self, u: Unit) -> Weighted:
        """The weights of u's keys (worked out once)."""
        made = self._weighted.get((u.doc, u.seq))
        if made is None:
            keys = u.keys
            repeated = frozenset(compress(keys, map(lt, repeat(1), keys.values())))
            mass = sum(map(mul, keys.values(), map(self.idf.__getitem__, keys)))
            made = self._weighted[(u.doc, u.seq)] = Weighted(keys, repeated, mass)
        return made

    def mass(self, u: Unit) -> float:
        """The idf-weighted size of u."""
        return self.weighted(u).mass

    def overlap(self, a: Unit, b: Unit) -> float:
        """The idf-weighted keys a and b share."""
        return shared(self.weighted(a), self.weighted(b), self.idf)

    def cover(self, keys: Counter[int], rest: Counter[int]) -> float:
        """The idf-weighted keys of one bag that lie in another."""
        idf = self.idf
        return sum(min(keys[k], rest[k]) * idf[k] for k in keys.keys() & rest.keys())


def shared(a: Weighted, b: Weighted, idf: dict[int, float]) -> float:
    """Sum over the keys of both of the lesser count times the key's idf.

    A key counted once on either side weighs its idf; only the keys counted
    more than once on both sides need the lesser count, and they are added
    last.
    """
    ca, cb = a.counts, b.counts
    common = ca.keys() & cb.keys()
    if a.repeated.isdisjoint(b.repeated):
        return sum(map(idf.__getitem__, common))
    both = a.repeated & b.repeated
    common -= both
    once = sum(map(idf.__getitem__, common))
    lesser = map(min, map(ca.__getitem__, both), map(cb.__getitem__, both))
    return sum(map(mul, lesser, map(idf.__getitem__, both)), once)


def dice_score(a: Weighted, b: Weighted, idf: dict[int, float]) -> float:
    """The weighted Dice score of two units."""
    return 2 * shared(a, b, idf) / (a.mass + b.mass)


_NAME = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*")


def names_in(text: str, u: Unit) -> set[str]:
    """Keys of the names and figures of a unit: capitalised words not opening it, numbers."""
    out: set[str] = set()
    for k, m in enumerate(_NAME.finditer(text, u.start, u.end)):
        raw = m.group()
        if raw[0].isdigit() or (k and raw[0].isupper()):
            out.add(align_key(norm_word(raw)))
    return out


def uncovered(keys: Iterable[Counter[int]], covered: Iterable[Counter[int]]) -> Counter[int]:
    """The key counts of ``keys`` together beyond what ``covered`` together holds."""
    rest: Counter[int] = Counter()
    for k in keys:
        rest.update(k)
    for c in covered:
        rest.subtract(c)
    return +rest

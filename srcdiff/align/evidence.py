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


@dataclass(frozen=True)
class Chance:
    """How much more two passages share than chance gives for their lengths and vocabularies.

    Built from the paragraphs of both documents.  Under chance, a passage of
    length L (in keys) holds key k with probability p = 1 - (1 - f)^(L / mean),
    where f is the share of its document's paragraphs that hold k and mean
    their mean length.  Each distinct key of the shorter passage is a trial
    against the longer one; a shared key is worth its surprise, -ln p.  The
    evidence is the surprise found beyond what chance would give, in standard
    deviations of that chance (a z score): a stock word shared by half the
    paragraphs is worth little, a name or figure found in two paragraphs
    only is worth much, and a long passage is expected to share more.
    """

    log_miss: tuple[dict[int, float], dict[int, float]]
    """For each key, ln(1 - f) in a and in b: the log chance that a mean paragraph lacks it."""
    unseen: tuple[float, float]
    """The same for a key its document does not hold (as if half a paragraph held it)."""
    mean: tuple[float, float]
    """Mean length of a paragraph (keys counted with repeats), in a and in b."""

    @classmethod
    def of(cls, pa: Iterable[Unit], pb: Iterable[Unit]) -> Chance:
        return cls.of_bags([u.keys for u in pa], [u.keys for u in pb])

    @classmethod
    def of_bags(cls, pa: Iterable[Counter[int]], pb: Iterable[Counter[int]]) -> Chance:
        """The model of two documents given as their paragraphs' key counts."""
        logs: list[dict[int, float]] = []
        unseen: list[float] = []
        means: list[float] = []
        for bags in (list(pa), list(pb)):
            df = Counter(chain.from_iterable(bags))
            n = max(len(bags), N_PRIOR)
            by_count = {c: math.log(1.0 - min(c, n - 0.5) / n) for c in set(df.values())}
            logs.append({k: by_count[c] for k, c in df.items()})
            unseen.append(math.log(1.0 - 0.5 / n))
            means.append(max(sum(sum(b.values()) for b in bags) / max(len(bags), 1), 1.0))
        return cls((logs[0], logs[1]), (unseen[0], unseen[1]), (means[0], means[1]))

    def z(self, ka: Counter[int], kb: Counter[int]) -> float:
        """The evidence that passages with key counts ka (in a) and kb (in b) correspond."""
        la, lb = sum(ka.values()), sum(kb.values())
        if not la or not lb:
            return 0.0
        # Trials: the shorter passage's keys, looked for in the longer one's document.
        keys, other, side, length = (ka, kb, 1, lb) if la <= lb else (kb, ka, 0, la)
        log_miss, unseen = self.log_miss[side], self.unseen[side]
        scale = length / self.mean[side]
        # A key's chance depends only on how many paragraphs hold it: the keys
        # are counted by that share, and each share is worked out once.
        trials = Counter(map(log_miss.get, keys, repeat(unseen)))
        surprise: dict[float, float] = {}
        expected = var = 0.0
        log, expm1 = math.log, math.expm1
        for lm, n in trials.items():
            p = -expm1(scale * lm)
            p = 1e-6 if p < 1e-6 else _P_MAX if p > _P_MAX else p
            s = surprise[lm] = -log(p)
            ps = n * p * s
            expected += ps
            var += ps * (1.0 - p) * s
        hits = map(log_miss.get, keys.keys() & other.keys(), repeat(unseen))
        found = sum(map(surprise.__getitem__, hits))
        return (found - expected) / math.sqrt(var + _FLOOR)


_P_MAX = 1.0 - 1e-9


N_PRIOR = 20
"""Paragraphs a document counts as at least: in a text of two paragraphs a word found in one
is not known to be common, so a short text's keys are weighed as if among this many."""
_FLOOR = 1.0
"""Variance added to every test, so that one lucky key in a one-word passage is not a proof."""

"""Rarity-weighted overlap between units."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

import regex

from ..normalize import align_key, norm_word
from ._kernels import Bags, chance_z, shared
from .units import Unit


class Scorer:
    """Rarity of the keys of two lists of units, and idf-weighted overlap between them.

    Units are known by their doc (0 for ``ua``, 1 for ``ub``) and their seq,
    their place in their list.  Their weights (keys sorted, masses) are
    worked out once, for all units of both lists, when first asked.
    """

    def __init__(self, ua: list[Unit], ub: list[Unit], numeric: frozenset[int]) -> None:
        df: Counter[int] = Counter(chain.from_iterable(u.keys for u in chain(ua, ub)))
        n = max(len(ua) + len(ub), 2)
        logs = {c: math.log(1 + n / c) for c in set(df.values())}
        idf = dict(zip(df, map(logs.__getitem__, df.values()), strict=True))
        for k in numeric & df.keys():
            idf[k] = logs[df[k]] * 1.5
        self.df = df
        self.idf = idf
        self._units = (ua, ub)
        self._bags: tuple[Bags, Bags] | None = None

    def bags(self) -> tuple[Bags, Bags]:
        """The weights of the units of ua and of ub (worked out once)."""
        if self._bags is None:
            ua, ub = self._units
            idf = self.idf
            self._bags = (Bags([u.keys for u in ua], idf), Bags([u.keys for u in ub], idf))
        return self._bags

    def mass(self, u: Unit) -> float:
        """The idf-weighted size of u: the sum of count times idf over its keys."""
        return self.bags()[u.doc].mass(u.seq)

    def overlap(self, a: Unit, b: Unit) -> float:
        """The idf-weighted keys a (of ua) and b (of ub) share: the sum over the keys of
        both of the lesser count times the key's idf."""
        ba, bb = self.bags()
        return shared(ba, a.seq, bb, b.seq)

    def cover(self, keys: Counter[int], rest: Counter[int]) -> float:
        """The idf-weighted keys of one bag that lie in another."""
        idf = self.idf
        return sum(min(keys[k], rest[k]) * idf[k] for k in keys.keys() & rest.keys())


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
        """The evidence that passages with key counts ka (in a) and kb (in b) correspond.

        Trials: the shorter passage's keys, looked for in the longer one's
        document.  A key's chance depends only on how many paragraphs hold it,
        so each such share is worked out once (compiled: ``_kernels.chance_z``).
        """
        (miss_a, miss_b), (unseen_a, unseen_b), (mean_a, mean_b) = (
            self.log_miss,
            self.unseen,
            self.mean,
        )
        return chance_z(ka, kb, miss_a, miss_b, unseen_a, unseen_b, mean_a, mean_b, _P_MAX, _FLOOR)


_P_MAX = 1.0 - 1e-9


N_PRIOR = 20
"""Paragraphs a document counts as at least: in a text of two paragraphs a word found in one
is not known to be common, so a short text's keys are weighed as if among this many."""
_FLOOR = 1.0
"""Variance added to every test, so that one lucky key in a one-word passage is not a proof."""

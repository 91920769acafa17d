"""Sentences and paragraphs as units of numbered keys, the vocabulary both texts share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import add

import regex

from ..model import Paragraph
from ..normalize import key_sequence


@dataclass(slots=True)
class Unit:
    """A sentence, or in the paragraph pass a whole paragraph, as numbered keys."""

    doc: int
    para: int
    seq: int
    words: list[int]
    """Its keys in text order (numbered by ``Vocabulary``)."""
    shingles: frozenset[int] = frozenset()
    """Pairs of consecutive keys: rarer than words in templated copy, for seeding."""
    start: int = 0
    end: int = 0
    counts: Counter[int] | None = None
    """Its key counts, once known (see ``keys``)."""

    @property
    def keys(self) -> Counter[int]:
        """How often each key occurs, in order of first occurrence (counted when first asked)."""
        if self.counts is None:
            self.counts = Counter(self.words)
        return self.counts


Sentence = tuple[int, int, int, str]
"""(paragraph index, start, end, text) of a sentence to align."""


LABEL = regex.compile(r"\s*(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)\)|\d+(?:\.\d+)*\.)(?=\s|$)")
"""A clause or section number opening a paragraph: "1.5.", "(a)", "b)", "12.", "(iv)"."""
LETTERED = regex.compile(r"\s*\(?(?:[a-z]|[ivx]+)\)(?=\s)")
"""A lettered item of a list opening a paragraph: "(a)", "b)", "(iv)"."""


def sentences_of(text: str, paras: Sequence[Paragraph]) -> list[Sentence]:
    """The sentences of the non-noise paragraphs (a paragraph without any is one).

    A section or clause number opening a paragraph is its label, not its
    content: revisions renumber, and "1.5." in one version says nothing of
    "1.5." in the other.  It is left out of the first sentence's words.
    """
    out: list[Sentence] = []
    for p in paras:
        if p.noise:
            continue
        sents = p.sentences or ()
        spans = [(s.start, s.end) for s in sents] or [(p.start, p.end)]
        for k, (s, e) in enumerate(spans):
            words = text[s:e]
            label = LABEL.match(words) if k == 0 else None
            out.append((p.index, s, e, words[label.end() :] if label else words))
    return out


class Vocabulary:
    """The keys of every sentence of both texts, numbered in sorted order.

    Numbers order as the keys they stand for, so ties broken on numbers fall
    as ties broken on keys would.  A shingle (two consecutive keys) is one
    number too, ordered as the two keys joined by a space.  Each distinct
    sentence is read once, and each distinct paragraph bagged once: two
    versions of a text share most of both.
    """

    def __init__(self, sentences: Iterable[str]) -> None:
        words = {s: key_sequence(s) for s in dict.fromkeys(sentences)}
        names = sorted(set(chain.from_iterable(words.values())))
        number = dict(zip(names, range(len(names)), strict=True))
        self.names = names
        self.number = number
        self.numeric = frozenset(i for i, k in enumerate(names) if k[:1].isdigit())
        """Keys that are figures (their rarity weighs more)."""
        self._ids = {s: list(map(number.__getitem__, w)) for s, w in words.items()}
        self._shingles = self._number_shingles()
        self._bags: dict[tuple[str, ...], tuple[list[int], Counter[int], frozenset[int]]] = {}

    def _number_shingles(self) -> dict[str, list[int]]:
        """The shingles of each sentence as numbers: a * n + b for keys a, b and n keys."""
        n = len(self.names)
        times_n = [k * n for k in range(n)]
        out = {
            s: list(map(add, map(times_n.__getitem__, ids), ids[1:]))
            for s, ids in self._ids.items()
        }
        if n and min("".join(self.names)) <= " ":
            # A key holding a space (or a control character): two keys joined
            # by a space may sort apart from their numbers, or read as another
            # pair joined; number the shingles by their text instead.
            names = self.names
            text = {c: f"{names[c // n]} {names[c % n]}" for c in chain.from_iterable(out.values())}
            order = {t: k for k, t in enumerate(sorted(set(text.values())))}
            out = {s: [order[text[c]] for c in sh] for s, sh in out.items()}
        return out

    def units(self, doc: int, sentences: list[Sentence], skip: Container[int] = ()) -> list[Unit]:
        """Units of the sentences that hold keys, numbered in order, save in paragraphs in skip."""
        units: list[Unit] = []
        for para, s, e, text in sentences:
            ids = self._ids[text]
            if ids and para not in skip:
                units.append(Unit(doc, para, len(units), ids, start=s, end=e))
        return units

    def any_units(self, sentences: list[Sentence], skip: Container[int] = ()) -> bool:
        """Whether ``units`` would give any unit (without making them)."""
        ids = self._ids
        return any(ids[text] and para not in skip for para, _s, _e, text in sentences)

    def bags(self, doc: int, sentences: list[Sentence]) -> list[Unit]:
        """One unit per paragraph that holds keys, in paragraph order (see ``_bag``)."""
        texts: dict[int, list[str]] = {}
        for para, _s, _e, text in sentences:
            if self._ids[text]:
                texts.setdefault(para, []).append(text)
        return [self._bag(doc, p, k, tuple(texts[p])) for k, p in enumerate(sorted(texts))]

    def _bag(self, doc: int, para: int, seq: int, texts: tuple[str, ...]) -> Unit:
        """A paragraph as one unit: its sentences' keys, and the shingles inside each sentence."""
        made = self._bags.get(texts)
        if made is None:
            ids = list(chain.from_iterable(map(self._ids.__getitem__, texts)))
            shingles = frozenset(chain.from_iterable(map(self._shingles.__getitem__, texts)))
            made = self._bags[texts] = (ids, Counter(ids), shingles)
        ids, counts, shingles = made
        return Unit(doc, para, seq, ids, shingles=shingles, counts=counts)

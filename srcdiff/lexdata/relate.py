"""How two words relate in meaning: equivalent, reversed, or neither (None).

The rules, in order (docs/lexicon.md gives the reasons and the measurements):

1. Same text after folding case and apostrophes: equivalent.  Text with a digit, or an
   empty side, is otherwise never related (numbers are the number rules' business).
2. The curated tables (``tables``): name forms ("US" / "United States"), function-word
   paraphrases ("though" / "although"), function-word opposites ("before" / "after").
3. Any other closed-class word ("some", "may", "not", "nearly") is unrelated to anything
   else: WordNet does not cover these words, or gives them senses that mislead.
4. Same noun or verb lemma (inflection: "continuing" / "continue"): equivalent.  Degree
   forms of adjectives ("large" / "larger") are not folded: they say more.
5. WordNet, on *frequent senses only* (``frequent``): the two lemmas share a synset, or
   their synsets are linked as similar (adjectives), verb group, pertainym (an adverb and
   its adjective, a place adjective and its place) or hypernym within two levels for
   concrete nouns ("planes" / "aircraft"): equivalent.  Antonym synsets, directly or
   through the heads of two adjective clusters: reversed.  Both at once: None.

The sense rule: two synsets are compared only when both senses are among their lemma's
first ``TOP_SENSES`` and attested (the first sense, or tagged at least once and at least
``ATTESTED_SHARE`` as often as the first in WordNet's semantic concordance), and at least
one is frequent (the first, or tagged at least ``MIN_SHARE`` as often).  Broad, rare
senses are what would make "charged" equivalent to "accused" (a sense of "accuse" never
tagged) or "heralded" to "announced" ("announce" as "foreshadow", 2 tags of 74); this
rule keeps them out while "matter" / "issue" and "win" / "lose" still meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache

from . import tables, wordnet
from .wordnet import Sense

TOP_SENSES = 4
MIN_SHARE = 0.25
"""A sense beyond the first is frequent if tagged at least this share of the first."""
ATTESTED_SHARE = 0.05
"""... and attested if tagged at least this share: enough to pair with a frequent sense."""

CONCRETE_NOUNS = frozenset([5, 6, 13, 15, 17, 18, 20, 27])
"""Lexicographer files (animal, artifact, food, location, object, person, plant,
substance) where a hypernym within two levels names the same thing more broadly; in
abstract files (act, event, state, ...) a hypernym changes what is said."""
PLACE_NOUNS = 15
HYPERNYM_DEPTH = 2

_SIBILANT = ("s", "x", "z", "ch", "sh", "o")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_EDGE = re.compile(r"^[^\w']+|[^\w']+$")


class Relation(Enum):
    """How two spans of text relate in meaning."""

    EQUIVALENT = "equivalent"
    REVERSED = "reversed"


def fold(text: str) -> str:
    """Lowercase, straight apostrophes, one space between words, no edge punctuation."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    return _EDGE.sub("", text).lower()


def _tags(lemma: str, pos: str) -> int:
    return sum(sense.tags for sense in wordnet.senses(lemma, pos))


@lru_cache(maxsize=65536)
def pos_lemmas(word: str) -> tuple[tuple[str, str], ...]:
    """(pos, lemma) readings of ``word`` that WordNet knows, the unlikely ones dropped.

    WordNet's morphy proposes every base its rules reach; of those, a base tagged under a
    tenth as often as the best is dropped ("uses" is not "us"), "-es" comes off a verb
    only after a sibilant or "o" ("planes" is not "plan"), and the form itself as a lemma
    ("years") is kept only when tagged as often as the base it inflects.
    """
    word = fold(word)
    found = []
    for pos, base in wordnet.base_forms(word):
        regular_es = pos == "v" and base == word[:-2] and word.endswith("es")
        if not (regular_es and not base.endswith(_SIBILANT)):
            found.append((pos, base))
    derived = [(pos, base) for pos, base in found if base != word]
    top = max((_tags(base, pos) for pos, base in derived), default=0)
    kept = []
    for pos, base in found:
        tags = _tags(base, pos)
        if base == word and derived and tags < max(top, 1):
            continue
        if base != word and tags * 10 < top:
            continue
        kept.append((pos, base))
    return tuple(kept)


def lemmas(word: str) -> frozenset[str]:
    """Lowercase base forms of an English word form; the folded form itself if unknown."""
    found = frozenset(base for _pos, base in pos_lemmas(word))
    return found or frozenset([fold(word)])


def frequent(senses: tuple[Sense, ...], share: float = MIN_SHARE) -> tuple[Sense, ...]:
    """A lemma's senses that count: its first, and later ones among its first
    ``TOP_SENSES`` tagged at least once and at least ``share`` as often as the first."""
    if not senses:
        return ()
    floor = max(1.0, senses[0].tags * share)
    return tuple(sense for sense in senses[:TOP_SENSES] if sense.rank == 0 or sense.tags >= floor)


def _pairs(a: tuple[Sense, ...], b: tuple[Sense, ...]) -> Iterator[tuple[int, int]]:
    """Synset pairs to compare: one sense frequent for its lemma, the other at least
    attested (``ATTESTED_SHARE``) for its own."""
    fa, fb = frequent(a), frequent(b)
    for x in frequent(a, ATTESTED_SHARE):
        for y in frequent(b, ATTESTED_SHARE):
            if x in fa or y in fb:
                yield x.synset, y.synset


def _head(index: int) -> int:
    """The head synset of an adjective cluster that ``index`` belongs to."""
    found = wordnet.synset(index)
    if found.type == "s" and found.links.get("&"):
        return found.links["&"][0]
    return index


def _ancestors(index: int, depth: int) -> Iterator[int]:
    frontier = [index]
    for _ in range(depth):
        frontier = [up for node in frontier for up in wordnet.synset(node).links.get("@", ())]
        yield from frontier


def _near(x: int, y: int, pos: str) -> bool:
    """Whether synsets ``x`` and ``y`` (of one part of speech) name the same meaning."""
    if x == y:
        return True
    sx, sy = wordnet.synset(x), wordnet.synset(y)
    if pos == "a" and (y in sx.links.get("&", ()) or x in sy.links.get("&", ())):
        return True
    if pos == "v" and (y in sx.links.get("$", ()) or x in sy.links.get("$", ())):
        return True
    if pos == "n" and sx.lexfile in CONCRETE_NOUNS and sx.lexfile == sy.lexfile:
        return y in _ancestors(x, HYPERNYM_DEPTH) or x in _ancestors(y, HYPERNYM_DEPTH)
    return False


def _opposed(x: int, y: int, pos: str) -> bool:
    """Whether synsets ``x`` and ``y`` are antonyms, directly or by their cluster heads."""
    if y in wordnet.synset(x).links.get("!", ()):
        return True
    return pos == "a" and _head(y) in wordnet.synset(_head(x)).links.get("!", ())


def _pertains(x: int, y: int) -> bool:
    """An adverb and its adjective, or a place adjective and its place ("Russian")."""
    target = wordnet.synset(x).links.get("\\", ())
    if y not in target:
        return False
    source, goal = wordnet.synset(x), wordnet.synset(y)
    return source.type == "r" or goal.lexfile == PLACE_NOUNS


def _senses_of(word: str) -> dict[str, list[tuple[str, tuple[Sense, ...]]]]:
    by_pos: dict[str, list[tuple[str, tuple[Sense, ...]]]] = {}
    for pos, base in pos_lemmas(word):
        if pos in "ar" and base != word:
            continue  # a degree form ("larger", "better") says more than its base
        by_pos.setdefault(pos, []).append((base, wordnet.senses(base, pos)))
    return by_pos


def _wordnet_relation(a: str, b: str) -> Relation | None:
    sa, sb = _senses_of(a), _senses_of(b)
    near = opposed = False
    for pos in set(sa) & set(sb):
        for _, senses_a in sa[pos]:
            for _, senses_b in sb[pos]:
                for x, y in _pairs(senses_a, senses_b):
                    near = near or _near(x, y, pos)
                    opposed = opposed or _opposed(x, y, pos)
    for pos_a, pos_b in (("r", "a"), ("a", "n"), ("a", "r"), ("n", "a")):
        for _, senses_a in sa.get(pos_a, ()):
            for _, senses_b in sb.get(pos_b, ()):
                # the adjective's sense fixes the noun's, so any of the noun's first
                # senses may be the one it pertains to ("Chinese" -> China, sense 3)
                near = near or any(
                    _pertains(x.synset, y.synset) or _pertains(y.synset, x.synset)
                    for x in (frequent(senses_a) if pos_a != "n" else senses_a[:TOP_SENSES])
                    for y in (frequent(senses_b) if pos_b != "n" else senses_b[:TOP_SENSES])
                )
    if near == opposed:
        return None
    return Relation.EQUIVALENT if near else Relation.REVERSED


def _in_group(a: str, b: str, table: tuple[tables.Entry, ...]) -> bool:
    return any(a in group and b in group for group in _groups(table))


@lru_cache(maxsize=8)
def _groups(table: tuple[tables.Entry, ...]) -> tuple[frozenset[str], ...]:
    return tables.groups(table)


@lru_cache(maxsize=1)
def _reversed_pairs() -> frozenset[frozenset[str]]:
    return tables.reversed_pairs()


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _closed(text: str, folded: str) -> bool:
    return folded in tables.FUNCTION_WORDS and not _acronym(text.strip())


@lru_cache(maxsize=65536)
def relation(a: str, b: str) -> Relation | None:
    """How two words or short phrases (1-4 words) relate: EQUIVALENT, REVERSED or None.

    Symmetric: ``relation(a, b) == relation(b, a)``.  None means "not known to be the
    same": the caller should treat the change as a change of wording.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return Relation.EQUIVALENT if fa else None
    if not fa or not fb or any(ch.isdigit() for ch in fa + fb):
        return None
    names = _in_group(
        " ".join(a.split()).strip(" .,;:"), " ".join(b.split()).strip(" .,;:"), tables.NAMES
    )
    if names or _in_group(fa, fb, tables.EQUIVALENT):
        return Relation.EQUIVALENT
    if frozenset((fa, fb)) in _reversed_pairs():
        return Relation.REVERSED
    if _same_lemma(fa, fb):
        return Relation.EQUIVALENT
    if _closed(a, fa) or _closed(b, fb):
        return None
    return _wordnet_relation(fa, fb)


def _same_lemma(a: str, b: str) -> bool:
    """Inflections of one noun or verb ("continuing" / "continue", "has" / "having")."""
    return any(reading in pos_lemmas(b) for reading in pos_lemmas(a) if reading[0] in "nv")

"""How two words relate in meaning: equivalent, reversed, or neither (None).

The rules, in order (docs/lexicon.md gives the reasons and the measurements):

1. Same text after folding case, apostrophes and negative contractions ("don't" / "do
   not"): equivalent, unless an acronym meets a lowercase word ("US" / "us").  Text with
   a digit, or an empty side, is otherwise never related (numbers are the number rules').
2. The curated tables (``tables``): name forms ("US" / "United States"), function-word
   paraphrases ("though" / "although"), function-word opposites ("before" / "after").
3. Same noun or verb lemma (inflection: "continuing" / "continue", "has" / "had"):
   equivalent.  Degree forms of adjectives ("large" / "larger") are not folded.
4. Any other closed-class word ("some", "may", "not", "nearly") is unrelated to anything
   else: WordNet does not cover these words, or gives them senses that mislead.
5. WordNet, on frequent senses only: the two lemmas share a synset, or are a pertainym
   pair (an adverb and its adjective, a place adjective and its place), or, for two
   concrete nouns in their first senses, one is a hypernym of the other within two
   levels ("planes" / "aircraft"): equivalent.  Antonym synsets, directly or through the
   heads of two adjective clusters: reversed.  Both at once: None.  Similar-to and verb
   groups are not equivalence: satellites differ in degree ("large" / "huge") and verb
   groups join different verbs ("leave" / "lead").

The sense rule: two synsets are compared only when both senses are among their lemma's
first ``TOP_SENSES`` and attested (the first sense, or tagged at least once and at least
``ATTESTED_SHARE`` as often as the first in WordNet's semantic concordance), and at least
one is frequent (the first, or tagged at least ``MIN_SHARE`` as often).  Broad, rare
senses are what would make "charged" equivalent to "accused" (a sense of "accuse" never
tagged) or "heralded" to "announced" ("announce" as "foreshadow", 2 tags of 74); this
rule keeps them out while "matter" / "issue" and "win" / "lose" still meet.  And a
part of speech tagged under a tenth as often as the word's main one (given 10 tags or
more) is not consulted: "die" the cube would otherwise be a "block".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from types import MappingProxyType

from . import tables, wordnet
from .wordnet import Sense

TOP_SENSES = 4
MIN_SHARE = 0.25
"""A sense beyond the first is frequent if tagged at least this share of the first."""
ATTESTED_SHARE = 0.05
"""... and attested if tagged at least this share: enough to pair with a frequent sense."""
DOMINANT_TAGS = 10
"""A first sense tagged this often is the lemma's dominant meaning: any tagged sense of
another lemma (among its first ``TAGGED_SENSES``) in the same synset means it too."""
TAGGED_SENSES = 12
NOMINALISATIONS = frozenset([4, 7, 9, 10, 11, 12, 22, 26])
"""Noun lexicographer files (act, attribute, cognition, communication, event, feeling,
process, state) whose nouns name what their derivationally related verb or adjective
says ("complaint" / "complain"); agents and artifacts ("teacher", "cutter") do not."""

CONCRETE_NOUNS = frozenset([5, 6, 13, 15, 17, 18, 20, 27])
"""Lexicographer files (animal, artifact, food, location, object, person, plant,
substance) where a hypernym within two levels names the same thing more broadly; in
abstract files (act, event, state, ...) a hypernym changes what is said."""
PLACE_NOUNS = 15
MIN_POS_EVIDENCE = 10
"""Tags a word's main part of speech needs before its rare ones are dropped."""
HYPERNYM_DEPTH = 2

_SIBILANT = ("s", "x", "z", "ch", "sh", "o")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_EDGE_CHARS = " ,;:!?\"'()[]“”‘«»"
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
    spellings = _spellings(word)
    found = []
    for form in spellings:
        for pos, base in _base_forms(form):
            regular_es = pos == "v" and base == form[:-2] and form.endswith("es")
            if not (regular_es and not base.endswith(_SIBILANT)):
                found.append((pos, base))
    derived = [(pos, base) for pos, base in found if base not in spellings]
    top = max((_tags(base, pos) for pos, base in derived), default=0)
    kept = []
    for pos, base in dict.fromkeys(found):
        tags = _tags(base, pos)
        if base in spellings and derived and tags < max(top, 1):
            continue
        if base not in spellings and tags * 10 < top:
            continue
        kept.append((pos, base))
    return tuple(kept)


def _spellings(word: str) -> tuple[str, ...]:
    """``word`` and, if hyphenated, its open and closed forms ("build up", "buildup")."""
    if "-" not in word:
        return (word,)
    return (word, word.replace("-", " "), word.replace("-", ""))


def _base_forms(form: str) -> list[tuple[str, str]]:
    """morphy's readings of ``form``; for a phrase WordNet lacks as typed, the phrasal
    verb with its first word inflected ("ramped up" -> "ramp up")."""
    found = list(wordnet.base_forms(form))
    first, _, rest = form.partition(" ")
    if rest and not found:
        for pos, base in wordnet.base_forms(first):
            phrase = f"{base} {rest}"
            if pos == "v" and "v" in wordnet.parts_of_speech(phrase):
                found.append(("v", phrase))
    return found


def lemmas(word: str) -> frozenset[str]:
    """Lowercase base forms of an English word form; the folded form itself if unknown."""
    found = frozenset(base for _pos, base in pos_lemmas(word))
    return found or frozenset([fold(word)])


@lru_cache(maxsize=65536)
def frequent(senses: tuple[Sense, ...], share: float = MIN_SHARE) -> tuple[Sense, ...]:
    """A lemma's senses that count: its first, and later ones among its first
    ``TOP_SENSES`` tagged at least once and at least ``share`` as often as the first."""
    if not senses:
        return ()
    floor = max(1.0, senses[0].tags * share)
    return tuple(sense for sense in senses[:TOP_SENSES] if sense.rank == 0 or sense.tags >= floor)


def _pairs(a: tuple[Sense, ...], b: tuple[Sense, ...]) -> Iterator[tuple[Sense, Sense]]:
    """Sense pairs to compare: one sense frequent for its lemma, the other at least
    attested (``ATTESTED_SHARE``) for its own; and a lemma's dominant sense with any
    tagged sense of the other among its first ``TAGGED_SENSES``."""
    fa, fb = frequent(a), frequent(b)
    for x in frequent(a, ATTESTED_SHARE):
        for y in frequent(b, ATTESTED_SHARE):
            if x in fa or y in fb:
                yield x, y
    for x, y in _dominant(a, b):
        yield x, y
    for y, x in _dominant(b, a):
        yield x, y


def _dominant(a: tuple[Sense, ...], b: tuple[Sense, ...]) -> Iterator[tuple[Sense, Sense]]:
    """``a``'s first sense when the concordance backs it (``DOMINANT_TAGS``), against each
    sense of ``b`` tagged at least once: a tag shows ``b`` really used in that meaning."""
    if a and a[0].tags >= DOMINANT_TAGS:
        for y in b[:TAGGED_SENSES]:
            if y.tags:
                yield a[0], y


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


def _near(x: Sense, y: Sense, pos: str) -> bool:
    """Whether two senses (of one part of speech) name the same meaning: one synset, or
    for two concrete nouns in their first senses, one a hypernym of the other."""
    if x.synset == y.synset:
        return True
    if pos != "n" or x.rank or y.rank:
        return False
    sx, sy = wordnet.synset(x.synset), wordnet.synset(y.synset)
    if sx.lexfile in CONCRETE_NOUNS and sx.lexfile == sy.lexfile:
        return y.synset in _ancestors(x.synset, HYPERNYM_DEPTH) or x.synset in _ancestors(
            y.synset, HYPERNYM_DEPTH
        )
    return False


def _opposed(x: int, y: int, pos: str) -> bool:
    """Whether synsets ``x`` and ``y`` are antonyms, directly or by their cluster heads."""
    if _linked(x, y, "!"):
        return True
    return pos == "a" and _linked(_head(x), _head(y), "!")


def _linked(x: int, y: int, code: str) -> bool:
    """Whether ``x`` and ``y`` are linked by ``code`` in either direction."""
    return y in wordnet.synset(x).links.get(code, ()) or x in wordnet.synset(y).links.get(code, ())


def _derived(x: int, y: int) -> bool:
    """A nominalisation and its verb or adjective ("complaint" / "complain"): a
    derivational link, the noun in a file of events, acts and states."""
    if not _linked(x, y, "+"):
        return False
    noun = wordnet.synset(x) if wordnet.synset(x).type == "n" else wordnet.synset(y)
    return noun.lexfile in NOMINALISATIONS


def _pertains(x: int, y: int) -> bool:
    """An adverb and its adjective, or a place adjective and its place ("Russian")."""
    target = wordnet.synset(x).links.get("\\", ())
    if y not in target:
        return False
    source, goal = wordnet.synset(x), wordnet.synset(y)
    return source.type == "r" or goal.lexfile == PLACE_NOUNS


Readings = tuple[tuple[str, tuple[Sense, ...]], ...]
"""(part of speech, senses of one lemma) for each reading of a word."""


@lru_cache(maxsize=65536)
def _senses_of(word: str) -> Readings:
    """The readings of ``word`` worth comparing, by part of speech, with their senses.

    A degree form ("larger", "better") is not its base: it says more.  A part of speech
    tagged under a tenth as often as the word's main one is dropped ("die" the cube,
    "keep" the tower), when the main one has tags enough to tell (``MIN_POS_EVIDENCE``):
    its senses would pair the word with others it hardly ever means.
    """
    readings = []
    for pos, base in pos_lemmas(word):
        if pos in "ar" and base != word:
            continue
        senses = wordnet.senses(base, pos)
        readings.append((pos, base, senses, sum(sense.tags for sense in senses)))
    top = max((tags for *_, tags in readings), default=0)
    return tuple(
        (pos, senses)
        for pos, _base, senses, tags in readings
        if tags * 10 >= top or top < MIN_POS_EVIDENCE
    )


def _wordnet_relation(a: str, b: str) -> Relation | None:
    near = opposed = False
    for pos_a, senses_a in _senses_of(a):
        for pos_b, senses_b in _senses_of(b):
            if pos_a == pos_b:
                for x, y in _pairs(senses_a, senses_b):
                    near = near or _near(x, y, pos_a)
                    opposed = opposed or _opposed(x.synset, y.synset, pos_a)
            elif {pos_a, pos_b} in ({"n", "v"}, {"a", "n"}) and not near:
                # both senses frequent: a word's rare senses carry derivations far
                # ("teacher" the personified abstraction, a noun.cognition sense)
                near = any(
                    _derived(x.synset, y.synset)
                    for x in frequent(senses_a)
                    for y in frequent(senses_b)
                )
            if {pos_a, pos_b} in ({"r", "a"}, {"a", "n"}) and not near:
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
    index = _group_index(table)
    return bool(index.get(a, _NONE) & index.get(b, _NONE))


_NONE: frozenset[int] = frozenset()


@lru_cache(maxsize=8)
def _group_index(table: tuple[tables.Entry, ...]) -> Mapping[str, frozenset[int]]:
    """Form -> the numbers of the groups of ``table`` that hold it."""
    index: dict[str, set[int]] = {}
    for number, group in enumerate(tables.groups(table)):
        for form in group:
            index.setdefault(form, set()).add(number)
    return MappingProxyType({form: frozenset(numbers) for form, numbers in index.items()})


@lru_cache(maxsize=1)
def _reversed_pairs() -> frozenset[frozenset[str]]:
    return tables.reversed_pairs()


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(_EDGE_CHARS)


_CONTRACTION = re.compile(r"\b(ca|wo|sha|\w+)n't\b")
_IRREGULAR_NOT = {"ca": "can", "wo": "will", "sha": "shall"}


def _uncontract(text: str) -> str:
    """Negative contractions spelled out: "don't" -> "do not", "can't"/"cannot" -> "can not"."""
    if text == "n't":
        return "not"
    text = _CONTRACTION.sub(lambda m: _IRREGULAR_NOT.get(m[1], m[1]) + " not", text)
    return re.sub(r"\bcannot\b", "can not", text)


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)
def relation(a: str, b: str) -> Relation | None:
    """How two words or short phrases (1-4 words) relate: EQUIVALENT, REVERSED or None.

    Symmetric: ``relation(a, b) == relation(b, a)``.  None means "not known to be the
    same": the caller should treat the change as a change of wording.
    """
    wa, wb = _word(a), _word(b)
    fa, fb = wa.folded, wb.folded
    if fa == fb:
        if wa.acronym != wb.acronym and (wa.lowercase or wb.lowercase):
            return None  # "US" is not "us", nor "WHO" "who"
        return Relation.EQUIVALENT if fa else None
    if not fa or not fb or wa.digit or wb.digit:
        return None
    names = any(_in_group(x, y, tables.NAMES) for x in wa.names for y in wb.names)
    if names or _in_group(fa, fb, tables.EQUIVALENT):
        return Relation.EQUIVALENT
    if frozenset((fa, fb)) in _reversed_pairs():
        return Relation.REVERSED
    if _same_lemma(fa, fb):
        return Relation.EQUIVALENT
    if wa.closed or wb.closed:
        return None
    (da, ba), (db, bb) = _degree(fa), _degree(fb)
    if da != db:
        return None  # "larger" says more than "large"
    if da and ba == bb:
        return Relation.EQUIVALENT  # "deadliest" / "most deadly"
    return _wordnet_relation(ba, bb)


_PERIPHRASTIC = {"more": "er", "most": "est"}


@lru_cache(maxsize=65536)
def _degree(word: str) -> tuple[str, str]:
    """("er" or "est", the adjective or adverb) for a comparative or superlative, inflected
    ("larger") or with "more" / "most" ("most deadly"); ("", ``word``) for anything else."""
    first, _, rest = word.partition(" ")
    if first in _PERIPHRASTIC and rest and " " not in rest:
        if any(pos in "ar" and base == rest for pos, base in pos_lemmas(rest)):
            return _PERIPHRASTIC[first], rest
        return "", word
    readings = pos_lemmas(word)
    if any(base == word for _pos, base in readings):
        return "", word  # a lemma itself ("matter" is no degree of "matt")
    for pos, base in readings:
        if pos in "ar":
            for suffix in ("est", "er"):
                if word.endswith(suffix):
                    return suffix, base
    return "", word


@dataclass(frozen=True, slots=True)
class _Word:
    """What ``relation`` needs to know of one side, computed once per text."""

    folded: str
    names: frozenset[str]
    acronym: bool
    lowercase: bool
    digit: bool
    closed: bool


@lru_cache(maxsize=65536)
def _word(text: str) -> _Word:
    clean = _clean(text)
    folded = _uncontract(fold(text))
    acronym = _acronym(clean.rstrip("."))
    return _Word(
        folded=folded,
        # a final "." kept (for "U.S.") and dropped (for "US." ending a sentence)
        names=frozenset([clean, clean.rstrip(".")]),
        acronym=acronym,
        lowercase=clean.islower(),
        digit=any(ch.isdigit() for ch in folded),
        closed=folded in tables.FUNCTION_WORDS and not acronym,
    )


def _same_lemma(a: str, b: str) -> bool:
    """Inflections of one noun or verb ("continuing" / "continue", "has" / "having")."""
    return any(reading in pos_lemmas(b) for reading in pos_lemmas(a) if reading[0] in "nv")

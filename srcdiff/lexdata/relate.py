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
   groups join different verbs ("leave" / "lead").  Also equivalent: a nominalisation
   and its verb or adjective, derived word to word ("complaint" / "complain"), a group
   noun and the plural of its member ("people" / "persons"), and two comparatives or
   two superlatives of equivalent bases ("largest" / "biggest", "deadliest" / "most
   deadly"); a degree form against another degree is None.

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
from .forms import degree, fold, pos_lemmas
from .wordnet import Sense

TOP_SENSES = 4
MIN_SHARE = 0.25
"""A sense beyond the first is frequent if tagged at least this share of the first."""
ATTESTED_SHARE = 0.05
"""... and attested if tagged at least this share: enough to pair with a frequent sense."""
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

_EDGE_CHARS = " ,;:!?\"'()[]“”‘«»"


class Relation(Enum):
    """How two spans of text relate in meaning."""

    EQUIVALENT = "equivalent"
    REVERSED = "reversed"


@lru_cache(maxsize=65536)
def frequent(senses: tuple[Sense, ...], share: float = MIN_SHARE) -> tuple[Sense, ...]:
    """A lemma's senses that count: its first, and later ones among its first
    ``TOP_SENSES`` tagged at least once and at least ``share`` as often as the first."""
    if not senses:
        return ()
    floor = max(1.0, senses[0].tags * share)
    return tuple(sense for sense in senses[:TOP_SENSES] if sense.rank == 0 or sense.tags >= floor)


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


def opposed(x: int, y: int, pos: str) -> bool:
    """Whether synsets ``x`` and ``y`` are antonyms, directly or by their cluster heads."""
    if _linked(x, y, "!"):
        return not _contrasted(x, y)
    hx, hy = _head(x), _head(y)
    return pos == "a" and _linked(hx, hy, "!") and not _contrasted(hx, hy)


def _contrasted(x: int, y: int) -> bool:
    """Two antonyms that each have another antonym as well: members of a set of
    contrasting terms ("sit" / "lie" / "stand"), no polar opposites; "Peru sits on the
    Ring of Fire" and "Peru lies on it" say the same."""
    return all(len(wordnet.synset(s).links.get("!", ())) > 1 for s in (x, y))


def _linked(x: int, y: int, code: str) -> bool:
    """Whether ``x`` and ``y`` are linked by ``code`` in either direction."""
    return y in wordnet.synset(x).links.get(code, ()) or x in wordnet.synset(y).links.get(code, ())


@lru_cache(maxsize=65536)
def _main_pos(word: str) -> frozenset[str]:
    """The part(s) of speech ``word`` is most often tagged as.  A derivation is a looser
    link than a synset, so it is only followed from a word's main reading: "Judge" the
    person is no form of the verb that "judgment" derives from."""
    tags = {pos: sum(sense.tags for sense in senses) for pos, senses in readings(word)}
    top = max(tags.values(), default=0)
    return frozenset(pos for pos, count in tags.items() if count == top)


def _derivation(a: str, b: str) -> bool:
    """Whether a lemma of ``a`` and one of ``b`` are derived one from the other."""
    return any(wordnet.derived(x, y) for _p, x in pos_lemmas(a) for _q, y in pos_lemmas(b))


def _derivable(senses: tuple[Sense, ...]) -> tuple[Sense, ...]:
    """Senses a derivation may start from: the frequent ones, since a word's rare senses
    carry derivations far ("teacher" the personified abstraction, a noun.cognition
    sense); for a lemma the concordance never tagged, its first ``TOP_SENSES``, as there
    is no evidence to rank them by ("collide")."""
    if any(sense.tags for sense in senses):
        return frequent(senses)
    return senses[:TOP_SENSES]


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
def readings(word: str) -> Readings:
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


@dataclass(frozen=True, slots=True)
class _Reading:
    """One reading of a word, with the sense lists the rules of rule 5 take from it."""

    pos: str
    senses: tuple[Sense, ...]
    attested: tuple[tuple[Sense, bool], ...]
    """``frequent(senses, ATTESTED_SHARE)``, each with whether it is also frequent."""
    derivable: tuple[Sense, ...]
    pertaining: tuple[Sense, ...]
    """The senses a pertainym may link: the frequent ones, or a noun's first few."""


@dataclass(frozen=True, slots=True)
class _Lex:
    """What ``_wordnet_relation`` reads of one word, gathered once per word."""

    readings: tuple[_Reading, ...]
    members: frozenset[int]
    """Frequent noun senses of the word's singular ("persons" -> person)."""
    groups: frozenset[int]
    """Members (``%``) of the word's first noun sense ("people" -> person)."""
    main_pos: frozenset[str]


@lru_cache(maxsize=65536)
def _lex(word: str) -> _Lex:
    found = []
    for pos, senses in readings(word):
        freq = frequent(senses)
        found.append(
            _Reading(
                pos,
                senses,
                tuple((x, x in freq) for x in frequent(senses, ATTESTED_SHARE)),
                _derivable(senses),
                freq if pos != "n" else senses[:TOP_SENSES],
            )
        )
    members = frozenset(
        sense.synset
        for pos, base in pos_lemmas(word)
        if pos == "n" and base != word
        for sense in frequent(wordnet.senses(base, "n"))
    )
    groups = frozenset(
        m
        for g in wordnet.senses(word, "n")[:1]
        for m in wordnet.synset(g.synset).links.get("%", ())
    )
    return _Lex(tuple(found), members, groups, _main_pos(word))


def _wordnet_relation(a: str, b: str) -> Relation | None:
    la, lb = _lex(a), _lex(b)
    # A group noun and the plural of its member ("people" / "persons").
    if la.groups & lb.members or lb.groups & la.members:
        return Relation.EQUIVALENT
    near = against = False
    for ra in la.readings:
        pos_a = ra.pos
        for rb in lb.readings:
            pos_b = rb.pos
            if pos_a == pos_b:
                # Sense pairs: one frequent for its lemma, the other at least attested.
                for x, x_freq in ra.attested:
                    for y, y_freq in rb.attested:
                        if x_freq or y_freq:
                            near = near or _near(x, y, pos_a)
                            against = against or opposed(x.synset, y.synset, pos_a)
            elif (
                {pos_a, pos_b} in ({"n", "v"}, {"a", "n"})
                and not near
                and pos_a in la.main_pos
                and pos_b in lb.main_pos
                and _derivation(a, b)
            ):
                near = any(_derived(x.synset, y.synset) for x in ra.derivable for y in rb.derivable)
            if {pos_a, pos_b} in ({"r", "a"}, {"a", "n"}) and not near:
                # the adjective's sense fixes the noun's, so any of the noun's first
                # senses may be the one it pertains to ("Chinese" -> China, sense 3)
                near = near or any(
                    _pertains(x.synset, y.synset) or _pertains(y.synset, x.synset)
                    for x in ra.pertaining
                    for y in rb.pertaining
                )
    if near == against:
        return None
    return Relation.EQUIVALENT if near else Relation.REVERSED


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
    if wa.name_groups & wb.name_groups or wa.equivalent_groups & wb.equivalent_groups:
        return Relation.EQUIVALENT
    if frozenset((fa, fb)) in _reversed_pairs():
        return Relation.REVERSED
    if _same_lemma(fa, fb):
        return Relation.EQUIVALENT
    if wa.closed or wb.closed:
        return None
    (da, ba), (db, bb) = degree(fa), degree(fb)
    if da != db:
        return None  # "larger" says more than "large"
    if da and ba == bb:
        return Relation.EQUIVALENT  # "deadliest" / "most deadly"
    found = _wordnet_relation(ba, bb)
    if found is None and (wa.name_groups or wb.name_groups):
        # A name form WordNet lacks ("U.S.") read as the forms it has ("US" / "American").
        pairs = {(x, y) for x in _name_forms(wa, ba) for y in _name_forms(wb, bb)} - {(ba, bb)}
        found = next((r for x, y in sorted(pairs) if (r := _wordnet_relation(x, y))), None)
    return found


_NAME_GROUPS = tables.groups(tables.NAMES)
"""The name groups in table order (the indices of ``_Word.name_groups``)."""


def _name_forms(word: _Word, base: str) -> frozenset[str]:
    """``base`` and the other forms of the name groups ``word`` belongs to, folded."""
    return frozenset([base, *(fold(f) for g in word.name_groups for f in _NAME_GROUPS[g])])


_POSSESSIVE = re.compile(r"^(\S+?)['’]s$")


def _unpossessed(text: str) -> str:
    """One word less its possessive ending ("China's" / "Chinese" relate as "China"
    does); a phrase is left as it is."""
    found = _POSSESSIVE.match(text.strip())
    return found.group(1) if found else text


@dataclass(frozen=True, slots=True)
class _Word:
    """What ``relation`` needs to know of one side, computed once per text."""

    folded: str
    names: frozenset[str]
    acronym: bool
    lowercase: bool
    digit: bool
    closed: bool
    name_groups: frozenset[int]
    """The groups of ``tables.NAMES`` holding one of its name forms."""
    equivalent_groups: frozenset[int]
    """The groups of ``tables.EQUIVALENT`` holding its folded form."""


@lru_cache(maxsize=65536)
def _word(text: str) -> _Word:
    text = _unpossessed(text)
    clean = _clean(text)
    folded = _uncontract(fold(text))
    acronym = _acronym(clean.rstrip("."))
    # a final "." kept (for "U.S.") and dropped (for "US." ending a sentence)
    names = frozenset([clean, clean.rstrip(".")])
    name_index = _group_index(tables.NAMES)
    return _Word(
        folded=folded,
        names=names,
        acronym=acronym,
        lowercase=clean.islower(),
        digit=any(ch.isdigit() for ch in folded),
        closed=folded in tables.FUNCTION_WORDS and not acronym,
        name_groups=frozenset().union(*(name_index.get(n, _NONE) for n in names)),
        equivalent_groups=_group_index(tables.EQUIVALENT).get(folded, _NONE),
    )


def _same_lemma(a: str, b: str) -> bool:
    """Inflections of one noun or verb ("continuing" / "continue", "has" / "having")."""
    return any(reading in pos_lemmas(b) for reading in pos_lemmas(a) if reading[0] in "nv")

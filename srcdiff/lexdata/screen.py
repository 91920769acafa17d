"""``equivalent(a, b)`` and ``screened(a, b)``: ``relation`` with most pairs screened out.

The drift rules ask, for each changed word, whether any word of the other side's sentence
is equivalent to it: on a big pair about 380,000 questions, 250,000 of them different,
of which under 200 are answered yes.  ``relation`` works each one out from the two words'
senses.  Instead, each word gets once the set of everything an equivalence could go
through (its folded form, name and paraphrase groups, noun and verb lemmas, degree base,
and the synsets its senses, derivations, pertainyms, near hypernyms and group members
reach): every rule of ``relation`` that answers EQUIVALENT needs the two sets to meet, so
two disjoint sets answer no at once, and only the rest are asked of ``relation``.
``screened`` does the same for any relation, the antonyms and the reversed table added
to each word's set: the phrase pairing (``phrase``) asks it of every pair of runs.
The answers are the same; ``tests/test_screen.py`` checks the screen on a vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from . import wordnet
from .forms import degree, pos_lemmas
from .relate import (
    CONCRETE_NOUNS,
    HYPERNYM_DEPTH,
    Relation,
    _ancestors,
    _head,
    _lex,
    _name_forms,
    _reversed_pairs,
    _word,
    relation,
)

Key = tuple[str, object]


@lru_cache(maxsize=65536)
def _senses_reach(base: str) -> frozenset[int]:
    """The synsets through which ``_wordnet_relation(base, other)`` may find ``base``
    equivalent to another word: a pair of senses is near only through one synset both
    reach (the same synset; a concrete first-sense noun and its hypernym within
    ``HYPERNYM_DEPTH``; a derivation ``+`` or pertainym ``\\`` link of one to the other;
    a group noun's member and a plural's singular)."""
    lx = _lex(base)
    reach = set(lx.groups | lx.members)
    for r in lx.readings:
        for x, _freq in r.attested:
            reach.add(x.synset)
            if r.pos == "n" and x.rank == 0 and wordnet.synset(x.synset).lexfile in CONCRETE_NOUNS:
                reach.update(_ancestors(x.synset, HYPERNYM_DEPTH))
        for x in r.derivable:
            reach.add(x.synset)
            reach.update(wordnet.synset(x.synset).links.get("+", ()))
        for x in r.pertaining:
            reach.add(x.synset)
            reach.update(wordnet.synset(x.synset).links.get("\\", ()))
    return frozenset(reach)


@lru_cache(maxsize=65536)
def _senses_oppose(base: str) -> frozenset[int]:
    """The synsets through which ``_wordnet_relation(base, other)`` may find the two
    reversed: an antonym (``!``) of one of ``base``'s attested senses, or of the head of
    its adjective cluster, is a sense (or a cluster head) of the other."""
    reach: set[int] = set()
    for r in _lex(base).readings:
        for x, _freq in r.attested:
            for s in (x.synset, _head(x.synset)):
                reach.add(s)
                reach.update(wordnet.synset(s).links.get("!", ()))
    return frozenset(reach)


@lru_cache(maxsize=1)
def _reversed_index() -> Mapping[str, frozenset[frozenset[str]]]:
    """Folded form -> the pairs of the reversed table that hold it."""
    index: dict[str, set[frozenset[str]]] = {}
    for pair in _reversed_pairs():
        for form in pair:
            index.setdefault(form, set()).add(pair)
    return MappingProxyType({form: frozenset(pairs) for form, pairs in index.items()})


def _keys(text: str, opposites: bool) -> frozenset[Key]:
    """Everything through which ``relation(text, other)`` may answer EQUIVALENT (or, with
    ``opposites``, REVERSED), in the order of its rules: the same folded text; a shared
    name or paraphrase group; a pair of the reversed table; a shared noun or verb lemma;
    the same degree of one base; WordNet on the degree base, and, for a name form, on the
    forms of its name groups."""
    w = _word(text)
    f = w.folded
    if not f:
        return frozenset()
    found: set[Key] = {("text", f)}
    if w.digit:
        return frozenset(found)
    found.update(("name", g) for g in w.name_groups)
    found.update(("same", g) for g in w.equivalent_groups)
    if opposites:
        found.update(("reversed", pair) for pair in _reversed_index().get(f, ()))
    found.update(("lemma", r) for r in pos_lemmas(f) if r[0] in "nv")
    if w.closed:
        return frozenset(found)
    grade, base = degree(f)
    if grade:
        found.add(("degree", (grade, base)))
    forms = _name_forms(w, base) if w.name_groups else (base,)
    for form in forms:
        found.update(("synset", s) for s in _senses_reach(form))
        if opposites:
            found.update(("synset", s) for s in _senses_oppose(form))
    return frozenset(found)


@lru_cache(maxsize=65536)
def keys(text: str) -> frozenset[Key]:
    """What an equivalence of ``text`` to another word may go through (``_keys``)."""
    return _keys(text, opposites=False)


@lru_cache(maxsize=65536)
def related_keys(text: str) -> frozenset[Key]:
    """What any relation of ``text`` to another word may go through (``_keys``)."""
    return _keys(text, opposites=True)


def equivalent(a: str, b: str) -> bool:
    """``relation(a, b) is Relation.EQUIVALENT``, without working out most pairs."""
    if keys(a).isdisjoint(keys(b)):
        return False
    return relation(a, b) is Relation.EQUIVALENT


def equivalent_to_any(a: str, others: Iterable[str]) -> bool:
    """``any(equivalent(a, o) for o in others)``, with ``a``'s keys looked up once."""
    mine = keys(a)
    return any(
        not mine.isdisjoint(keys(o)) and relation(a, o) is Relation.EQUIVALENT for o in others
    )


def screened(a: str, b: str) -> Relation | None:
    """``relation(a, b)``, most unrelated pairs answered None without working them out."""
    if related_keys(a).isdisjoint(related_keys(b)):
        return None
    return relation(a, b)

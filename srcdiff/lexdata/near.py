"""Words of close meaning: not the same meaning, but near enough to weigh less.

A middle category between ``relation``'s equivalence and a change of wording, for a
word replaced by a near synonym ("fell" / "dropped", "fine" / "penalty").  Two routes
(docs/lexicon.md gives the measurements):

- WordNet: two verbs, in frequent senses of each, one a direct hypernym of the other (a
  troponym: "drop" is a way to "fall") within one lexicographer file.  The file is what
  keeps judgments out: "murder" (verb.social) is a troponym of "kill" (verb.contact).
- The thesaurus (``thesaurus``: the Moby entries two roots list under each other), for
  what WordNet keeps in unlinked synsets ("companies" / "firms", "reporters" /
  "journalists", "cut" / "lowered"), unless WordNet says the two differ in kind or degree:
  verbs one a hypernym of the other within two levels in any attested sense ("surge" is
  to "rise" rapidly, "condemn" is a way to "criticize") or of one verb group ("accept" /
  "receive"), adjectives of one cluster ("large" / "huge").  Never through the
  thesaurus: closed-class words ("most" / "majority") and charged words
  (``tables.CHARGED``: "rebels" / "terrorists").

Never close: words the lexicon already relates (equivalent or reversed), degree forms
against others, and pairs with antonym senses.
"""

from __future__ import annotations

from functools import lru_cache

from . import tables, thesaurus, wordnet
from .forms import degree, fold, pos_lemmas
from .relate import (
    ATTESTED_SHARE,
    _ancestors,
    _head,
    _linked,
    frequent,
    opposed,
    readings,
    relation,
)
from .wordnet import Sense

KIND_DEPTH = 2
"""Hypernym levels within which two verbs are a kind of one another (see the module)."""


def _troponym(x: int, y: int) -> bool:
    """Whether verb synsets ``x`` and ``y`` are a hypernym and its direct hyponym of one
    lexicographer file."""
    sx, sy = wordnet.synset(x), wordnet.synset(y)
    linked = y in sx.links.get("@", ()) or x in sy.links.get("@", ())
    return linked and sx.lexfile == sy.lexfile


def _kindred(x: int, y: int, pos: str) -> bool:
    """Whether WordNet says two senses differ in kind (a verb and its troponym within
    ``KIND_DEPTH`` levels, or two verbs its verb groups set side by side: "accept" /
    "receive") or in degree (two adjectives of one cluster)."""
    if x == y:
        return False
    if pos == "v":
        return (
            _linked(x, y, "$") or y in _ancestors(x, KIND_DEPTH) or x in _ancestors(y, KIND_DEPTH)
        )
    if pos in "as":
        return _head(x) == _head(y)
    return False


def _attested(senses: tuple[Sense, ...]) -> tuple[Sense, ...]:
    return frequent(senses, ATTESTED_SHARE)


def _forms(word: str) -> frozenset[str]:
    """``word`` and its lemmas, the forms a thesaurus entry may take."""
    return frozenset([word, *(base for _pos, base in pos_lemmas(word))])


def _listed(fa: str, fb: str) -> bool:
    """Whether the thesaurus joins two words that it may judge."""
    forms_a, forms_b = _forms(fa), _forms(fb)
    for forms in (forms_a, forms_b):
        if forms & tables.CHARGED:
            return False
    for word in (fa, fb):
        if all(w in tables.FUNCTION_WORDS for w in word.split()):
            return False
    return any(thesaurus.mutual(x, y) for x in forms_a for y in forms_b)


@lru_cache(maxsize=65536)
def close(a: str, b: str) -> bool:
    """Whether two words are of close meaning (see the module's rules).  Symmetric."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or relation(fa, fb) is not None:
        return False
    (da, ba), (db, bb) = degree(fa), degree(fb)
    if da != db:
        return False
    near = kindred = False
    for pos_a, senses_a in readings(ba):
        for pos_b, senses_b in readings(bb):
            if pos_a != pos_b:
                continue
            for x in frequent(senses_a):
                for y in frequent(senses_b):
                    near = near or (pos_a == "v" and _troponym(x.synset, y.synset))
            for x in _attested(senses_a):
                for y in _attested(senses_b):
                    if opposed(x.synset, y.synset, pos_a):
                        return False
                    kindred = kindred or _kindred(x.synset, y.synset, pos_a)
    return near or (not kindred and _listed(fa, fb))

"""Lexical knowledge for judging rewrites: lemmas, and how words relate in meaning.

Built on WordNet 3.0 (packaged as ``wordnet.tsv``, read once per process on first use,
licence in ``WORDNET-LICENSE``) and small curated tables (``tables``).  Pure functions:

- ``lemmas(word)``: lowercase base forms of an English word form.
- ``relation(a, b)``: ``Relation.EQUIVALENT``, ``Relation.REVERSED`` or None for two words
  or short phrases.
- ``phrase_relation(a_words, b_words)``: the same for two word sequences of a word diff.
- ``close(a, b)``: whether two words are near synonyms, close but not the same meaning.
- ``equivalent(a, b)``: ``relation(a, b) is Relation.EQUIVALENT``, most pairs screened out
  at once (``screen``); ``equivalent_to_any(a, others)`` asks it of several words.

docs/lexicon.md describes the data, the sense rule and the tables.
"""

from .forms import lemmas
from .near import close
from .phrase import phrase_relation
from .relate import Relation, relation
from .screen import equivalent, equivalent_to_any

__all__ = [
    "Relation",
    "close",
    "equivalent",
    "equivalent_to_any",
    "lemmas",
    "phrase_relation",
    "relation",
]

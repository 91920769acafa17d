"""Word forms: WordNet's morphy readings of a word, its lemmas, its degree of comparison.

docs/lexicon.md ("Lemmas") gives the corrections to morphy and how they were chosen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import wordnet

_SIBILANT = ("s", "x", "z", "ch", "sh", "o")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_EDGE = re.compile(r"^[^\w']+|[^\w']+$")


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


_PERIPHRASTIC = {"more": "er", "most": "est"}


@lru_cache(maxsize=65536)
def degree(word: str) -> tuple[str, str]:
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

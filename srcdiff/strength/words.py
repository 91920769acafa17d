"""Tokens of one sentence and the small cue-pattern language of the scales.

A cue is written as space-separated pattern tokens (see ``scales``):

- ``word``: a token whose lemma or lower-cased form is ``word`` ("reduce" matches
  "reduces", "reduced", "reducing");
- ``=word``: the lower-cased form only ("=few" must not match "fewer");
- ``a|b``: either alternative (each may carry ``=``);
- ``*``: any one word; ``…``: up to four words (never punctuation);
- ``{N}``: a number ("40", "1,000", "forty"); ``!{N}``: the next token is not a
  number (consumes nothing); ``^``: the start of the sentence; ``<!a|b``: the token
  before is neither ("<!as many" leaves "as many as" to the comparison scale).

The lemmatizer sits behind ``lemma`` alone, so it can be swapped in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from .._core import CharClasses, claim_tokens, cue_matches
from ..lexdata import lemmas
from ..model import Span

CLASSES = CharClasses(
    regex.compile(r"[\p{L}\p{N}]"),
    regex.compile(r"[,;:()\[\]—–\"“”?!]"),
    regex.compile(r"['’.,\-]"),
    regex.compile(r"(?!)"),
)
"""Word characters, clause marks and joining marks: the classes of ``_core.claim_tokens``,
which reads a sentence as words (runs of word characters, a joining mark between two
of them inside: "1,000", "don't") and clause marks, and skips any other character."""
_NUMBER = regex.compile(r"\p{N}")
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
    ]
)
_GAP = 4
SUBORDINATORS = frozenset(
    [
        "where", "which", "who", "whom", "whose", "when", "while", "whereas", "although",
        "though", "because", "unless", "if"
    ]
)  # fmt: skip
"""Words that open a subordinate clause: like punctuation, they start a new clause."""
_QUOTES = frozenset('"“”')
"""Quotation marks are tokens but no clause boundary ("would fail” to protect")."""
_ASSERTIONS = ("^", "!{N}")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one lower-cased English word: the project's lemmatizer
    (WordNet's morphy on the packaged data, ``srcdiff.lexdata``); of several forms, the
    word itself when it is one ("found", "lower"), else the first in order."""
    forms = lemmas(word)
    if not forms or word in forms:
        return word
    return min(forms)


class Token(NamedTuple):
    """One token of a sentence.  ``_core.claim_tokens`` builds it and ``_core.cue_matches``
    reads it, both by field position."""

    text: str
    lower: str
    lemma: str
    span: Span
    punct: bool
    clause: int
    """Index of the clause: punctuation marks and ``SUBORDINATORS`` start a new one."""
    number: bool
    """A number ("40", "1,000", "forty"): what ``{N}`` matches."""


@lru_cache(maxsize=65536)
def _form(text: str) -> tuple[str, str, bool, bool, bool]:
    """What a token's text alone decides: (lower, lemma, punct, opens a clause, number).
    Worked out once per word form: a big pair's claim windows hold 390,000 tokens of a few
    thousand forms."""
    punct = not (text[0].isalnum())
    low = text.lower()
    opens = (punct and text not in _QUOTES) or low in SUBORDINATORS
    low = low.replace("’", "'")
    number = bool(_NUMBER.search(text)) or low in _NUMBER_WORDS
    # "1,000" and "4.5" are one token; a trailing clause comma is not.
    return low, low if punct else lemma(low), punct, opens, number


def tokens(sentence: str) -> tuple[Token, ...]:
    return claim_tokens(sentence, CLASSES, _form, Token)


def is_number(tok: Token) -> bool:
    return tok.number


class Part(NamedTuple):
    """One pattern token, parsed once: what kind of test it is and what it accepts.
    ``_core.cue_matches`` matches parts against tokens, reading the fields by position."""

    kind: str
    """``word``, ``*``, ``…``, ``^``, ``<!`` or ``!{N}``."""
    lowers: frozenset[str] = frozenset()
    """``word``: lower-cased forms it accepts; ``<!``: the words that may not come before."""
    lemmas: frozenset[str] = frozenset()
    number: bool = False
    """``word``: whether a number matches (``{N}``)."""


def _part(pat: str) -> Part:
    if pat in ("*", "…", "^", "!{N}"):
        return Part(pat)
    if pat.startswith("<!"):
        return Part("<!", frozenset(pat[2:].split("|")))
    alts = pat.split("|")
    plain = frozenset(a for a in alts if a != "{N}" and not a.startswith("="))
    exact = frozenset(a[1:] for a in alts if a.startswith("="))
    return Part("word", plain | exact, plain, "{N}" in alts)


@dataclass(frozen=True)
class Pattern:
    cue: str
    parts: tuple[str, ...]
    compiled: tuple[Part, ...] = ()


def compile_cue(cue: str) -> Pattern:
    parts = tuple(cue.split())
    return Pattern(cue, parts, tuple(map(_part, parts)))


@dataclass(frozen=True)
class Hit:
    cue: str
    """The cue pattern that matched."""
    first: int
    """Index of the first token."""
    last: int
    """Index of the last token (inclusive)."""
    span: Span
    text: str
    """The sentence's words that matched, as written."""


def _first(entry: tuple[int, str, Pattern]) -> int:
    return entry[0]


def _lead(pattern: Pattern) -> str:
    return next((p for p in pattern.parts if p not in _ASSERTIONS and p[:2] != "<!"), "*")


class CueIndex:
    """Many cue patterns, found in one pass over a sentence's tokens.

    Each pattern is filed under the words its first word can be, so a token only tries
    the patterns that can start there.
    """

    def __init__(self, patterns: Sequence[tuple[str, Pattern]]) -> None:
        by_word: dict[str, list[tuple[int, str, Pattern]]] = {}
        anywhere: list[tuple[int, str, Pattern]] = []
        numeric: list[tuple[int, str, Pattern]] = []
        for n, (key, pattern) in enumerate(patterns):
            lead = _lead(pattern)
            entry = (n, key, pattern)
            if lead in ("*", "…"):
                anywhere.append(entry)
                continue
            for alt in lead.split("|"):
                if alt == "{N}":
                    numeric.append(entry)
                else:
                    by_word.setdefault(alt.lstrip("="), []).append(entry)
        self._by_word = {w: tuple(v) for w, v in by_word.items()}
        self._anywhere = tuple(anywhere)
        self._numeric = tuple(numeric)
        # the patterns a token may start depend on its form alone: gathered once per form
        self._starting = lru_cache(maxsize=65536)(self._starting_at)

    def _starting_at(
        self, lower: str, lemma: str, number: bool
    ) -> tuple[tuple[int, str, Pattern], ...]:
        """The patterns that can start at a token of this form, in pattern order."""
        by_word = self._by_word
        cands = self._anywhere + by_word.get(lower, ())
        if lemma != lower:
            cands += by_word.get(lemma, ())
        if number:
            cands += self._numeric
        if len(cands) > 1:
            cands = tuple(sorted({c[0]: c for c in cands}.values(), key=_first))
        return cands

    def find(self, sentence: str, toks: Sequence[Token]) -> dict[str, list[Hit]]:
        """Per key, the hits of its patterns; one pattern's hits do not overlap."""
        out: dict[str, list[Hit]] = {}
        for (_n, key, pattern), i, end in cue_matches(tuple(toks), self._starting, _GAP):
            span = (toks[i].span[0], toks[end - 1].span[1])
            hit = Hit(pattern.cue, i, end - 1, span, sentence[span[0] : span[1]])
            out.setdefault(key, []).append(hit)
        return out

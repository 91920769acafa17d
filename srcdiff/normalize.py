"""The matching form of a text: what alignment compares, never what a reader sees.

``match_tokens`` turns a stretch of original text into tokens carrying a
normalised form and the span of the original they came from.  Case, NFKC
compatibility forms, quote marks, dashes, "U.S."/"US", "per cent"/"percent"/"%",
thousands separators and number words all fold to one form, so two versions
that differ only in house style produce the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .sanitize import strip_format

_WORD = regex.compile(
    r"""
    [\p{L}] (?:
        (?:\.[\p{L}])++\.?                  # U.S. / U.K. / e.g.
      | [\p{L}\p{M}\p{N}\p{Cf}]*+(?:['’][\p{L}\p{Cf}]+)*+  # words, inner apostrophes
    )
    | \$?\d[\d,\p{Cf}]*+(?:\.\d+)?+%?          # 1,200.5  $48  70%
    | [\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*+(?:['’][\p{L}\p{Cf}]+)*+
    | %
    """,
    regex.VERBOSE,
)
"""A word: abbreviation, figure, word, or a lone "%".  Alternatives are tried
in that order, so a word starting with a digit is a figure.  Nothing after a
repeat can fail, so the repeats are possessive: no backtracking is spent.
Format characters (Unicode Cf: zero-width space, bidi controls, soft hyphen)
inside a word belong to it, and ``fold`` drops them: "7\u200b0" is "70"."""

_ASCII_WORD = re.compile(
    r"""
    [A-Za-z0-9$%] (?:
        (?<=[A-Za-z]) (?: (?:\.[A-Za-z])++\.? | [A-Za-z0-9]*+(?:'[A-Za-z]+)*+ )
      | (?<=[0-9]) [0-9,]*+(?:\.[0-9]+)?+%?
      | (?<=\$) [0-9][0-9,]*+(?:\.[0-9]+)?+%?
      | (?<=%)
    )
    """,
    re.VERBOSE,
)
"""``_WORD`` for ASCII text, which the standard library scans faster.  The
first character is matched alone, so that the scan skips to the next one
that may start a word, and the look-behind picks the rest of the word."""

_ASCII_STAND_INS = (
    ("\u2019", "'"),
    ("\u2018", " "),
    ("\u201c", " "),
    ("\u201d", " "),
    ("\u2014", " "),
    ("\u2013", " "),
    ("\u2026", " "),
    ("\u00a0", " "),
)
"""Common characters outside ASCII with a stand-in that ``_WORD`` treats alike:
"’" is an apostrophe like "'", the others never belong to a word, as a space.
A word holding "’" has the matching form of the one holding "'"."""

NUMBER_WORDS: dict[str, str] = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "dozen": "12",
    "twice": "2",
    "half": "0.5",
}

_EQUIV: dict[str, str] = {
    "us": "us",
    "u.s": "us",
    "u.s.": "us",
    "usa": "us",
    "u.s.a.": "us",
    "uk": "uk",
    "u.k.": "uk",
    "u.k": "uk",
    "%": "percent",
    "pct": "percent",
    "co": "company",
    "corp": "corporation",
    "ltd": "limited",
    "inc": "incorporated",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "defence": "defense",
    "armoured": "armored",
    "harbour": "harbor",
    "programme": "program",
    "centre": "center",
    "favour": "favor",
}

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "so",
        "such",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "into",
        "over",
        "under",
        "about",
        "also",
        "after",
        "before",
        "up",
        "out",
        "if",
        "would",
        "could",
        "should",
        "will",
        "can",
        "may",
        "might",
        "must",
        "said",
        "says",
        "say",
        "told",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int
    end: int


def fold(text: str) -> str:
    """Casefold and NFKC-normalise; curly quotes to straight, dashes to '-';
    format characters (invisible, see ``sanitize``) dropped."""
    if text.isascii():
        # NFKC leaves ASCII alone, casefold is lower there, and the table
        # maps only non-ASCII characters.
        return text.lower()
    text = unicodedata.normalize("NFKC", strip_format(text)).casefold()
    # Equivalent to ``text.translate(_FOLD_TABLE)`` (every target is ASCII and
    # no target is a source), but str.replace scans far faster than translate.
    for src, dst in _FOLD_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return text


_FOLD_TABLE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
_FOLD_PAIRS = tuple((chr(k), str(v)) for k, v in _FOLD_TABLE.items())


@lru_cache(maxsize=1 << 16)
def norm_word(raw: str) -> str:
    """The matching form of one word as found by the tokenizer."""
    w = fold(raw)
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    w = w.replace("'", "")
    if w in _EQUIV:
        return _EQUIV[w]
    if w.endswith(".") and w.count(".") > 1:
        w = w.replace(".", "")
        return _EQUIV.get(w, w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w[:1] == "$" or w[:1].isdigit():
        w = w.lstrip("$").rstrip("%").replace(",", "")
        return w
    return w


@lru_cache(maxsize=1 << 16)
def stem(w: str) -> str:
    """A light suffix strip so that 'tanks'/'tank' and 'expanding'/'expand' meet."""
    if len(w) <= 4 or not w.isalpha():
        return w
    for suf in (
        "ations",
        "ation",
        "ments",
        "ment",
        "ings",
        "ing",
        "edly",
        "ies",
        "ed",
        "es",
        "ly",
        "s",
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def match_tokens(text: str, base: int = 0) -> list[Token]:
    """Tokens of ``text`` in matching form; spans are offset by ``base``.

    "per cent" becomes one token "percent"; a trailing "%" on a number yields
    a separate "percent" token, so "70%" and "70 per cent" match.
    """
    out: list[Token] = []
    for m in _WORD.finditer(text):
        raw = m.group()
        s, e = m.start() + base, m.end() + base
        if raw.endswith("%") and len(raw) > 1:
            out.append(Token(norm_word(raw[:-1]), s, e - 1))
            out.append(Token("percent", e - 1, e))
            continue
        w = norm_word(raw)
        if w == "cent" and out and out[-1].norm == "per":
            prev = out.pop()
            out.append(Token("percent", prev.start, e))
            continue
        out.append(Token(w, s, e))
    return out


def content_keys(tokens: list[Token]) -> list[str]:
    """Stemmed non-stopword keys used for similarity and candidate seeding."""
    return [stem(t.norm) for t in tokens if t.norm not in STOPWORDS]


@lru_cache(maxsize=1 << 16)
def align_key(w: str) -> str:
    """``stem`` plus a final "e" dropped, so 'provide'/'provided' and 'produce'/'produced' meet."""
    k = stem(w)
    return k[:-1] if len(k) > 4 and k.endswith("e") and k.isalpha() else k


class _KeyCache(dict[str, str | None]):
    """Alignment key of each word as found by the tokenizer (None for a stopword).

    Bounded: emptied when full, so a long session does not grow it forever.
    """

    def __missing__(self, raw: str) -> str | None:
        if len(self) >= _KEY_CACHE_SIZE:
            self.clear()
        w = norm_word(raw)
        key = None if w in STOPWORDS else align_key(w)
        self[raw] = key
        return key


_KEY_CACHE_SIZE = 1 << 17
_KEYS = _KeyCache()


def key_sequence(text: str) -> list[str]:
    """Alignment keys of ``text``: ``content_keys(match_tokens(text))`` with ``align_key``
    for ``stem``, computed without building tokens (alignment's hot path).

    Each word maps to its key on its own, except a number with "%" (two
    tokens) and "per cent" (one); texts holding "%" or a "cent" key take the
    word-by-word path.
    """
    raws = _words(text)
    if "%" not in text:
        keys = list(map(_KEYS.__getitem__, raws))
        if "cent" not in keys:
            return [k for k in keys if k is not None]
    return _key_sequence_merging(raws)


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, with "’" written "'" when the text is ASCII
    but for ``_ASCII_STAND_INS`` (which then takes the faster scan)."""
    if not text.isascii():
        plain = text
        for src, dst in _ASCII_STAND_INS:
            if src in plain:
                plain = plain.replace(src, dst)
        if not plain.isascii():
            return _WORD.findall(text)
        text = plain
    return _ASCII_WORD.findall(text)


def _key_sequence_merging(raws: list[str]) -> list[str]:
    """``key_sequence`` of the words raws, merging "%" and "per cent" into "percent"."""
    norms: list[str] = []
    for raw in raws:
        if raw.endswith("%") and len(raw) > 1:
            norms.append(norm_word(raw[:-1]))
            norms.append("percent")
            continue
        w = norm_word(raw)
        if w == "cent" and norms and norms[-1] == "per":
            norms[-1] = "percent"
            continue
        norms.append(w)
    return [align_key(w) for w in norms if w not in STOPWORDS]

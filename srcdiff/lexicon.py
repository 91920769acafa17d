"""Word tables and small word tests used by drift detection.

Everything works on the matching form of ``normalize.fold`` (casefolded,
straight quotes).  The tables are ours: short, readable, and enough for
newswire English.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress

import regex

from .normalize import STOPWORDS, fold, norm_word, stem

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
_WORD_ASCII = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
"""``WORD`` for ASCII text (same matches there), with the faster ``re`` engine."""


def _find_words(text: str) -> list[str]:
    found: list[str] = (_WORD_ASCII if text.isascii() else WORD).findall(text)
    return found


NEGATIONS = frozenset(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                       "n't", "nowhere", "without"])
"""Markers of negative polarity; "not … any" and "no" count the same (one each)."""

HEDGES = frozenset(
    ["likely", "unlikely", "probably", "possibly", "perhaps", "reportedly", "allegedly",
     "apparently", "seemingly", "purportedly", "supposedly", "presumably", "potentially",
     "maybe", "may", "might", "could", "appears", "appear", "appeared", "seems", "seem",
     "seemed", "suggests", "suggested", "suggest", "claimed", "claims", "claim", "alleged",
     "alleges", "allege", "rumoured", "rumored", "unconfirmed", "unverified", "believed",
     "thought", "expected", "estimated", "suspected", "purported"]
)
CERTAIN = frozenset(["will", "definitely", "certainly", "clearly", "confirmed", "proved",
                     "proven", "undoubtedly", "must", "shows", "showed", "is", "are"])
"""Words a hedge replaces ("will" → "may"); only counted when a hedge is involved."""

SPEECH = frozenset(
    ["said", "says", "say", "told", "tells", "tell", "according", "stated",
     "added", "adds", "announced", "claimed", "noted", "reported", "confirmed", "denied",
     "insisted", "warned", "warns", "explained", "argued",
     "acknowledged", "admitted", "citing", "cited", "wrote", "writes", "asserted", "alleged",
     "accused", "stressed", "recalled", "concluded", "testified", "declared", "suggested"]
)
SPEAKER_NOUNS = frozenset(
    ["official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister",
     "ministry", "department", "president", "secretary", "he", "she", "they", "i", "we",
     "source", "sources", "agency", "police", "government", "embassy", "analyst", "analysts",
     "expert", "experts", "diplomat", "diplomats", "senator", "general", "commander",
     "administration", "white", "house", "office", "witness", "witnesses", "chief"]
)

_ALIASES = [
    (r"\bunited states(?: of america)?\b", "us"), (r"\bu\.s\.a?\.?", "us"), (r"\busa\b", "us"),
    (r"\bamerican?s?\b", "us"), (r"\bunited kingdom\b", "uk"), (r"\bu\.k\.?", "uk"),
    (r"\bbrit(?:ain|ish)\b", "uk"), (r"\bpeople['’]s republic of china\b", "prc"),
    (r"\bsino\b", "china"), (r"\bsoviet union\b", "ussr"),
]
_ALIAS_RE = [(regex.compile(p, regex.IGNORECASE), r) for p, r in _ALIASES]
_ANY_ALIAS = regex.compile("|".join(f"(?:{p})" for p, _ in _ALIASES), regex.IGNORECASE)
"""Matches somewhere in a text exactly when one of ``_ALIAS_RE`` does (one scan, not ten)."""
_DEMONYM = regex.compile(r"(?:'s|ians?|ans?|ese|ish|i|ns?|s)$")

_BRIT = [
    (regex.compile(r"([a-z]{3,})our(ed|s|ing|ite|ites|able|ful|er|ers|hood)?$"), r"\1or\2"),
    (regex.compile(r"([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (regex.compile(r"([a-z]{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    (regex.compile(r"([a-z]{3,})tre(s)?$"), r"\1ter\2"),
    (regex.compile(r"([a-z]{2,})ogue(s)?$"), r"\1og\2"),
    (regex.compile(r"([a-z]{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (regex.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
]
_BRIT_WORDS = {"programme": "program", "programmes": "programs", "grey": "gray",
               "tyre": "tire", "tyres": "tires", "plough": "plow", "cheque": "check",
               "aluminium": "aluminum", "sceptical": "skeptical", "mould": "mold",
               "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "towards": "toward",
               "amongst": "among", "whilst": "while", "kerb": "curb", "jewellery": "jewelry",
               "fulfil": "fulfill", "enrol": "enroll", "storey": "story", "draught": "draft",
               "judgement": "judgment", "ageing": "aging", "pyjamas": "pajamas"}


def words(text: str) -> list[str]:
    """Folded words of ``text``; "isn't" yields "is" and "n't"."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    folded = fold(text)
    found = _find_words(folded)
    if "n't" not in folded and "cannot" not in folded:
        return tuple(found)  # nothing to split: no word ends in "n't" or is "cannot"
    special = {w for w in set(found) if (w.endswith("n't") and len(w) > 3) or w == "cannot"}
    out: list[str] = []
    prev = 0
    for i in compress(range(len(found)), map(special.__contains__, found)):
        out += found[prev:i]
        prev = i + 1
        w = found[i]
        if w == "cannot":
            out += ["can", "not"]
        else:
            base = w[:-3]
            out += ["can" if base == "ca" else "will" if base == "wo" else base, "n't"]
    out += found[prev:]
    return tuple(out)


def negations(ws: list[str]) -> int:
    return sum(1 for w in ws if w in NEGATIONS)


def hedge_words(ws: list[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for i, w in enumerate(ws):
        if w in ("thought", "believed", "expected", "said", "understood") and (
            i + 1 >= len(ws) or ws[i + 1] != "to" or i == 0 or ws[i - 1] not in
            ("is", "are", "was", "were", "be", "been", "being")
        ):
            continue
        if w in HEDGES or (w == "said" and i + 1 < len(ws) and ws[i + 1] == "to"):
            out[w] += 1
    return out


@lru_cache(maxsize=65536)
def american(w: str) -> str:
    """The American spelling of a (folded) word, by rule and by table."""
    w = _BRIT_WORDS.get(w, w)
    for pat, rep in _BRIT:
        w2 = pat.sub(rep, w)
        if w2 != w:
            return w2
    return w


@lru_cache(maxsize=65536)
def entity_key(w: str) -> str:
    """Fold a name so that Russia/Russian/Russia's and China/Chinese meet."""
    w = fold(w).replace("'", "")
    if len(w) <= 4:
        return w
    k = _DEMONYM.sub("", w)
    k = k if len(k) >= 4 else w
    return k[:-1] if len(k) > 4 and k[-1] in "aeiouy" else k


def alias(text: str) -> str:
    """Folded text with country names and their short forms made one."""
    t = fold(text)
    if not _ANY_ALIAS.search(t):
        return t
    for pat, rep in _ALIAS_RE:
        t = pat.sub(rep, t)
    return t


def same_entity(a: str, b: str) -> bool:
    """Keys of one name: equal, or one a prefix (of four letters or more) of the other."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.startswith(short))


def _masked(text: str) -> tuple[list[str], str]:
    keys: list[str] = []
    if not _ANY_ALIAS.search(text):
        return keys, text
    chars = list(text)
    for pat, rep in _ALIAS_RE:
        for m in pat.finditer(text):
            if m.start() < len(chars) and chars[m.start()] != "\0":
                keys.append(rep)
                chars[m.start() : m.end()] = ["\0"] * (m.end() - m.start())
    return keys, "".join(chars)


@lru_cache(maxsize=4096)
def entity_keys(text: str) -> frozenset[str]:
    """Keys of every word of ``text`` (any case), country aliases made one."""
    keys, _ = _masked(text)
    return frozenset(keys) | set(map(entity_key, set(_find_words(text))))


def names(text: str) -> list[tuple[str, str]]:
    """(name as written, key) for the capitalised words of ``text``."""
    return list(_names(text))


def known(key: str, keys: frozenset[str] | set[str]) -> bool:
    """True when ``key`` names one of ``keys`` (see ``same_entity``)."""
    if key in keys:
        return True
    return len(key) >= 4 and any(same_entity(key, o) for o in keys if o[:4] == key[:4])


@lru_cache(maxsize=8192)
def _names(text: str) -> tuple[tuple[str, str], ...]:
    keys, rest = _masked(text)
    out = [(k.upper(), k) for k in keys]
    for m in WORD.finditer(rest):
        w = m.group()
        if not w[:1].isupper():
            continue
        lw = fold(w)
        if lw in STOPWORDS or lw in _NOT_NAMES:
            continue
        out.append((w, entity_key(w)))
    return tuple(out)


_NOT_NAMES = frozenset(["just", "earlier", "later", "meanwhile", "separately", "overall",
                        "beyond", "evidence", "however", "still", "yet", "even", "now",
                        "today", "yesterday", "last", "next", "such", "both", "all", "each",
                        "many", "most", "several", "other", "any", "one", "two", "three"])


@lru_cache(maxsize=65536)
def _content_word(w: str) -> str:
    return stem(american(norm_word(w)))


def content(ws: list[str]) -> list[str]:
    return [_content_word(w) for w in ws if w not in STOPWORDS]


@lru_cache(maxsize=4096)
def _content_of(text: str) -> tuple[str, ...]:
    return tuple(content(words(alias(text))))


def content_of(text: str) -> list[str]:
    """Stemmed content words of ``text``, country aliases made one."""
    return list(_content_of(text))


def attributions(text: str) -> list[tuple[str, int]]:
    """Speech verbs of ``text`` that have a speaker next to them: (verb, offset)."""
    return list(_attributions(text))


_WORD_SPLIT = regex.compile(f"({WORD.pattern})")
_WORD_SPLIT_ASCII = re.compile(f"({_WORD_ASCII.pattern})")
"""``WORD`` captured: ``split`` gives gaps and words alternately, so word offsets
are running sums of the parts' lengths."""


@lru_cache(maxsize=1 << 16)
def _fold_word(w: str) -> str:
    return fold(w)


@lru_cache(maxsize=4096)
def _attributions(text: str) -> tuple[tuple[str, int], ...]:
    parts: list[str] = (_WORD_SPLIT_ASCII if text.isascii() else _WORD_SPLIT).split(text)
    toks = parts[1::2]
    lws = list(map(_fold_word, toks))
    hits = list(compress(range(len(lws)), map(SPEECH.__contains__, lws)))
    if not hits:
        return ()
    ends = list(accumulate(map(len, parts)))  # ends[2 * i] is where word i starts
    out = []
    for i in hits:
        lw, pos = lws[i], ends[2 * i]
        if lw == "according":
            if i + 1 < len(toks) and lws[i + 1] == "to":
                out.append((lw, pos))
            continue
        near = list(range(max(0, i - 4), i)) + list(range(i + 1, min(i + 4, len(toks))))
        if any(lws[k] in SPEAKER_NOUNS or (toks[k][:1].isupper() and lws[k] not in STOPWORDS)
               for k in near):
            out.append((lw, pos))
    return tuple(out)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def inflection_of(a: str, b: str) -> bool:
    """True when a and b are forms of one word (tank/tanks, provide/provided)."""
    if a == b:
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short.rstrip("e")) and len(long_) - len(
        short) <= 3 and long_[len(short.rstrip("e")):] in ("s", "es", "d", "ed", "ing", "e",
                                                           "ies", "er", "ers", "ly")

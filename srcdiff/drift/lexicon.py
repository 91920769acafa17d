"""Word tables and small word tests used by drift detection.

Everything works on the matching form of ``normalize.fold`` (casefolded,
straight quotes).  The tables are ours: short, readable, and enough for
newswire English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, compress

import regex

from ..normalize import STOPWORDS, fold, norm_word, stem

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
_WORD_ASCII = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
"""``WORD`` for ASCII text (same matches there), with the faster ``re`` engine."""

_TWIN = (("’", "'"), ("‘", '"'), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-"))


def ascii_twin(text: str) -> str | None:
    """``text`` with curly quotes and dashes made ASCII, or None if other non-ASCII remains.

    The twin has the same length and offsets, and ``WORD`` (which takes "’" for
    "'"), the alias patterns and word boundaries find the same spans in both,
    so the ``re`` forms of those patterns can scan the twin instead.
    """
    if text.isascii():
        return text
    for src, dst in _TWIN:
        if src in text:
            text = text.replace(src, dst)
    return text if text.isascii() else None


def _find_words(text: str) -> list[str]:
    """``WORD`` matches of ``text``, each with "’" as "'" when ``ascii_twin`` applies."""
    twin = ascii_twin(text)
    found: list[str] = WORD.findall(text) if twin is None else _WORD_ASCII.findall(twin)
    return found


NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "n't",
        "nowhere",
        "without",
    ]
)
"""Markers of negative polarity; "not … any" and "no" count the same (one each)."""

HEDGES = frozenset(
    [
        "likely",
        "unlikely",
        "probably",
        "possibly",
        "perhaps",
        "reportedly",
        "allegedly",
        "apparently",
        "seemingly",
        "purportedly",
        "supposedly",
        "presumably",
        "potentially",
        "maybe",
        "may",
        "might",
        "could",
        "appears",
        "appear",
        "appeared",
        "seems",
        "seem",
        "seemed",
        "suggests",
        "suggested",
        "suggest",
        "claimed",
        "claims",
        "claim",
        "alleged",
        "alleges",
        "allege",
        "rumoured",
        "rumored",
        "unconfirmed",
        "unverified",
        "believed",
        "thought",
        "expected",
        "estimated",
        "suspected",
        "purported",
    ]
)
CERTAIN = frozenset(
    [
        "will",
        "definitely",
        "certainly",
        "clearly",
        "confirmed",
        "proved",
        "proven",
        "undoubtedly",
        "must",
        "shows",
        "showed",
        "is",
        "are",
    ]
)
"""Words a hedge replaces ("will" → "may"); only counted when a hedge is involved."""

SPEECH = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "tell",
        "according",
        "stated",
        "added",
        "adds",
        "announced",
        "claimed",
        "noted",
        "reported",
        "confirmed",
        "denied",
        "insisted",
        "warned",
        "warns",
        "explained",
        "argued",
        "acknowledged",
        "admitted",
        "citing",
        "cited",
        "wrote",
        "writes",
        "asserted",
        "alleged",
        "accused",
        "stressed",
        "recalled",
        "concluded",
        "testified",
        "declared",
        "suggested",
        # The participles that open a reported clause ("dissented, saying the majority …").
        "saying",
        "adding",
        "noting",
        "writing",
        "arguing",
        "insisting",
        "explaining",
        "stating",
        "claiming",
        "stressing",
    ]
)
EVIDENTIAL = frozenset(
    ["show", "shows", "showed", "shown", "find", "finds", "found", "reveal", "reveals"]
    + ["revealed", "indicate", "indicates", "indicated"]
)
"""Verbs by which a source's evidence speaks ("customs data … show that"): no attribution
of their own, but a source given as their subject is still given as a source."""

SPEAKER_NOUNS = frozenset(
    [
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "ministry",
        "department",
        "president",
        "secretary",
        "he",
        "she",
        "they",
        "i",
        "we",
        "source",
        "sources",
        "agency",
        "police",
        "government",
        "embassy",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "diplomat",
        "diplomats",
        "senator",
        "general",
        "commander",
        "administration",
        "white",
        "house",
        "office",
        "witness",
        "witnesses",
        "chief",
    ]
)

_ALIASES = [
    (r"\bunited states(?: of america)?\b", "us"),
    (r"\bu\.s\.a?\.?", "us"),
    (r"\busa\b", "us"),
    (r"\bamerican?s?\b", "us"),
    (r"\bunited kingdom\b", "uk"),
    (r"\bu\.k\.?", "uk"),
    (r"\bbrit(?:ain|ish)\b", "uk"),
    (r"\bpeople['’]s republic of china\b", "prc"),
    (r"\bsino\b", "china"),
    (r"\bsoviet union\b", "ussr"),
]
_ALIAS_CORES = [
    "united states",
    "u.s.",
    "usa",
    "america",
    "united kingdom",
    "u.k",
    "brit",
    "people",
    "sino",
    "soviet union",
]
"""For each of ``_ALIASES``, text that every match holds (in lower case)."""
_Pattern = regex.Pattern[str] | re.Pattern[str]
_ALIAS_RE: list[tuple[_Pattern, str]] = [
    (regex.compile(p, regex.IGNORECASE), r) for p, r in _ALIASES
]
_ANY_ALIAS = regex.compile("|".join(f"(?:{p})" for p, _ in _ALIASES), regex.IGNORECASE)
"""Matches somewhere in a text exactly when one of ``_ALIAS_RE`` does (one scan, not ten)."""
_ALIAS_LOWER = [
    (re.compile(f"{p[2]}(?<!\\w{p[2]}){p[3:]}"), r, core)
    for (p, r), core in zip(_ALIASES, _ALIAS_CORES, strict=True)
]
"""``_ALIAS_RE`` for lower-case ASCII text (same matches there), with the faster ``re``
engine: each pattern's leading ``\\b`` is checked after its first letter, so that the
search can skip ahead to that letter; a text without the core is not searched."""
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
_BRIT_WORDS = {
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "plough": "plow",
    "cheque": "check",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "mould": "mold",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "kerb": "curb",
    "jewellery": "jewelry",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "storey": "story",
    "draught": "draft",
    "judgement": "judgment",
    "ageing": "aging",
    "pyjamas": "pajamas",
}


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Folded words of ``text``; "isn't" yields "is" and "n't"."""
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


def negations(ws: Sequence[str]) -> int:
    return sum(1 for w in ws if w in NEGATIONS)


_DETERMINERS = frozenset(
    ["a", "an", "the", "any", "their", "his", "her", "its", "our", "your", "my", "proper", "real"]
)


def privative_pairs(ws: Sequence[str], other: Iterable[str]) -> int:
    """How many "without X" / "no X" of ``ws`` say what an "Xless" among ``other`` says
    ("without a home" / "homeless", "with no job" / "jobless"): no negation of the claim."""
    less = [o[:-4] for o in other if len(o) > 6 and o.endswith("less")]
    if not less:
        return 0
    bases = set(less) | {stem(b) for b in less}
    n = 0
    for i, w in enumerate(ws):
        if w == "without" or w == "no":
            j = i + 1
            while j < len(ws) and ws[j] in _DETERMINERS:
                j += 1
            if j < len(ws) and (ws[j] in bases or ws[j][:-1] in bases or stem(ws[j]) in bases):
                n += 1
    return n


HEDGE_VERBS = frozenset(["thought", "believed", "expected", "said", "understood", "reported"])
"""Verbs that hedge only before "to" after a form of "be" ("is thought to"), or before
"to be" / "to have" ("the fine, thought to be the largest"): not "she thought to ask",
"officials said to reporters"."""
HEDGE_CUES = HEDGES | HEDGE_VERBS
"""The words ``hedge_words`` counts."""
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def hedge_words(
    ws: Sequence[str], before: Sequence[str] = (), after: Sequence[str] = ()
) -> Counter[str]:
    """The hedges among ``ws``; ``before`` and ``after`` are the words around them in
    their text, read only to tell whether a verb at an edge of ``ws`` hedges."""
    out: Counter[str] = Counter()
    n = len(ws)
    for i, w in enumerate(ws):
        if w not in HEDGE_CUES:
            continue
        if w in HEDGE_VERBS:
            nxt = ws[i + 1] if i + 1 < n else after[0] if after else ""
            if nxt != "to":
                continue
            prev = ws[i - 1] if i else before[-1] if before else ""
            if prev not in _BE:
                k = i + 2 - n
                then = ws[i + 2] if k < 0 else after[k] if k < len(after) else ""
                if then not in ("be", "have") or w == "expected":
                    continue
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
    if t.isascii():  # and so lower case
        for ascii_pat, rep, core in _ALIAS_LOWER:
            if core in t:
                t = ascii_pat.sub(rep, t)
        return t
    if _ANY_ALIAS.search(t):
        for pat, rep in _ALIAS_RE:
            t = pat.sub(rep, t)
    return t


def same_entity(a: str, b: str) -> bool:
    """Keys of one name: equal, or one a prefix (of four letters or more) of the other."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.startswith(short))


def _masked(text: str) -> tuple[list[str], str]:
    keys: list[str] = []
    each: list[tuple[_Pattern, str]]
    twin = ascii_twin(text)
    if twin is None:
        if not _ANY_ALIAS.search(text):
            return keys, text
        scan, each = text, _ALIAS_RE
    else:
        scan = twin.lower()
        each = [(pat, rep) for pat, rep, core in _ALIAS_LOWER if core in scan]
    chars: list[str] | None = None
    for pat, rep in each:
        for m in pat.finditer(scan):
            if chars is None:
                chars = list(text)
            if m.start() < len(chars) and chars[m.start()] != "\0":
                keys.append(rep)
                chars[m.start() : m.end()] = ["\0"] * (m.end() - m.start())
    return keys, text if chars is None else "".join(chars)


@lru_cache(maxsize=4096)
def entity_keys(text: str) -> frozenset[str]:
    """Keys of every word of ``text`` (any case), country aliases made one."""
    keys, _ = _masked(text)
    return frozenset(keys) | set(map(entity_key, set(_find_words(text))))


def known(key: str, keys: frozenset[str] | set[str]) -> bool:
    """True when ``key`` names one of ``keys`` (see ``same_entity``)."""
    if key in keys:
        return True
    return len(key) >= 4 and any(same_entity(key, o) for o in keys if o[:4] == key[:4])


_ALIAS_KEYS = frozenset(r for _, r in _ALIASES)
_ALIAS_STARTS = frozenset(r[:4] for r in _ALIAS_KEYS if len(r) >= 4)


def may_name(text: str, key: str) -> bool:
    """False when ``known(key, entity_keys(text))`` is False, told without the keys.

    A word's key is a start of the word (folded, apostrophes dropped), so a key
    that ``known`` matches begins with ``key[:4]``; if no word of ``text`` holds
    that and ``key`` is no country alias's key, none can.
    """
    if key in _ALIAS_KEYS or key[:4] in _ALIAS_STARTS:
        return True
    twin = ascii_twin(text)
    return twin is None or key[:4] in twin.lower().replace("'", "")


@lru_cache(maxsize=8192)
def names(text: str) -> tuple[tuple[str, str], ...]:
    """(name as written, key) for the capitalised words of ``text``."""
    keys, rest = _masked(text)
    out = [(k.upper(), k) for k in keys]
    twin = ascii_twin(rest)
    found = (
        WORD.findall(rest)
        if twin is None
        else [rest[m.start() : m.end()] for m in _WORD_ASCII.finditer(twin)]
    )
    for w in found:
        if not w[:1].isupper():
            continue
        lw = fold(w)
        if lw in STOPWORDS or lw in _NOT_NAMES:
            continue
        out.append((w, entity_key(w)))
    return tuple(out)


_NOT_NAMES = frozenset(
    [
        "just",
        "earlier",
        "later",
        "meanwhile",
        "separately",
        "overall",
        "beyond",
        "evidence",
        "however",
        "still",
        "yet",
        "even",
        "now",
        "today",
        "yesterday",
        "last",
        "next",
        "such",
        "both",
        "all",
        "each",
        "many",
        "most",
        "several",
        "other",
        "any",
        "one",
        "two",
        "three",
    ]
)


class _ContentKeys(dict[str, str | None]):
    """The content key of each word, None for a stopword (as ``content`` reads them).

    Bounded: emptied when full, so a long session does not grow it forever.
    """

    def __missing__(self, w: str) -> str | None:
        if len(self) >= 1 << 16:
            self.clear()
        key = self[w] = None if w in STOPWORDS else stem(american(norm_word(w)))
        return key


_CONTENT_KEYS = _ContentKeys()


def content(ws: Iterable[str]) -> list[str]:
    """Stemmed content keys of the words ``ws``, stopwords left out."""
    return [k for k in map(_CONTENT_KEYS.__getitem__, ws) if k is not None]


def content_key(w: str) -> str | None:
    """``content([w])``'s one key, or None for a stopword."""
    return _CONTENT_KEYS[w]


@lru_cache(maxsize=4096)
def content_of(text: str) -> tuple[str, ...]:
    """Stemmed content words of ``text``, country aliases made one."""
    return tuple(content(words(alias(text))))


_SPEECH_IN = re.compile("|".join(sorted(SPEECH)))
_ENDS_WORD = frozenset(' \t\n\r.,;:!?"()[]{}-—–“”‘')


def may_attribute(text: str, start: int, end: int) -> bool:
    """False when no speech verb that ``attributions`` finds in a stretch of ``text``
    (quotes blanked or not) can start inside ``text[start:end]``.

    Such a verb lies whole inside the span (where an ASCII span shows its letters)
    or runs on past its end (then the next character is no word boundary).
    """
    if end <= start:
        return False
    if end < len(text) and text[end] not in _ENDS_WORD:
        return True
    return _may_hold_speech(text[start:end])


@lru_cache(maxsize=8192)
def _may_hold_speech(span: str) -> bool:
    return not span.isascii() or _SPEECH_IN.search(span.lower()) is not None


_WORD_SPLIT = regex.compile(f"({WORD.pattern})")
_WORD_SPLIT_ASCII = re.compile(f"({_WORD_ASCII.pattern})")
"""``WORD`` captured: ``split`` gives gaps and words alternately, so word offsets
are running sums of the parts' lengths."""


@lru_cache(maxsize=1 << 16)
def _fold_word(w: str) -> str:
    return fold(w)


@lru_cache(maxsize=4096)
def attributions(text: str) -> tuple[tuple[str, int], ...]:
    """Speech verbs of ``text`` that have a speaker next to them: (verb, offset)."""
    twin = ascii_twin(text)
    parts: list[str] = _WORD_SPLIT.split(text) if twin is None else _WORD_SPLIT_ASCII.split(twin)
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
        if any(
            lws[k] in SPEAKER_NOUNS or (toks[k][:1].isupper() and lws[k] not in STOPWORDS)
            for k in near
        ):
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
    return (
        len(short) >= 3
        and long_.startswith(short.rstrip("e"))
        and len(long_) - len(short) <= 3
        and long_[len(short.rstrip("e")) :]
        in ("s", "es", "d", "ed", "ing", "e", "ies", "er", "ers", "ly")
    )

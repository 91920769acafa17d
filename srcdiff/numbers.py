"""Numeric claims in text: value, unit, scale, qualifier, with character spans.

``find_quantities`` finds "more than 70 percent", "Nearly 70%", "$48 million",
"twice", "three times", "a dozen", "about 90 per cent", "2023" and dates such
as "April 13, 2024", each with its span in the text.  ``compare`` tells how
two of them differ: not at all, only in form ("2" / "two", "per cent" / "%"),
in qualifier ("more than" / "nearly"), by an added or dropped hedge ("90%" /
"about 90 per cent"), or in value or unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import lru_cache

import regex

from .model import Span
from .normalize import NUMBER_WORDS, fold

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_SCALE_NAME = {
    "k": "thousand",
    "mn": "million",
    "m": "million",
    "bn": "billion",
    "b": "billion",
    "tn": "trillion",
}

# Qualifier (canonical) -> class.  Same class: a change of form only.
QUALIFIERS: dict[str, str] = {
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "upwards of": "gt",
    "in excess of": "gt",
    "exceeding": "gt",
    "at least": "ge",
    "no less than": "ge",
    "a minimum of": "ge",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "up to": "le",
    "at most": "le",
    "no more than": "le",
    "as many as": "le",
    "as much as": "le",
    "a maximum of": "le",
    "nearly": "near",
    "almost": "near",
    "close to": "near",
    "just under": "near",
    "just shy of": "near",
    "approaching": "near",
    "about": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "around": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "approx.": "approx",
    "approx": "approx",
    "exactly": "exact",
    "precisely": "exact",
}
APPROX = "approx"

_UNITS: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "points",
    "percentage points": "points",
    "times": "times",
    "fold": "times",
    "ton": "tons",
    "tons": "tons",
    "tonne": "tons",
    "tonnes": "tons",
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "mile": "miles",
    "miles": "miles",
    "kg": "kg",
    "kilograms": "kg",
    "barrels": "barrels",
    "year": "years",
    "years": "years",
    "month": "months",
    "months": "months",
    "week": "weeks",
    "weeks": "weeks",
    "day": "days",
    "days": "days",
    "hour": "hours",
    "hours": "hours",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_SPECIAL: dict[str, tuple[float, str]] = {
    "twice": (2, "times"),
    "thrice": (3, "times"),
    "double": (2, "times"),
    "triple": (3, "times"),
    "doubled": (2, "times"),
    "tripled": (3, "times"),
    "quadrupled": (4, "times"),
    "halved": (0.5, "times"),
    "doubling": (2, "times"),
    "tripling": (3, "times"),
    "a dozen": (12, ""),
    "a half dozen": (6, ""),
    "half a dozen": (6, ""),
    "dozen": (12, ""),
    # A share in words is a percentage ("about a fifth" / "nearly 20%"), read to the
    # rounding of a whole percent (``same_value``).
    "half": (50, "percent"),
    "a half": (50, "percent"),
    "one half": (50, "percent"),
    "a third": (100 / 3, "percent"),
    "one third": (100 / 3, "percent"),
    "two thirds": (200 / 3, "percent"),
    "two-thirds": (200 / 3, "percent"),
    "a quarter": (25, "percent"),
    "one quarter": (25, "percent"),
    "three quarters": (75, "percent"),
    "three-quarters": (75, "percent"),
    "a fifth": (20, "percent"),
    "one fifth": (20, "percent"),
    "a tenth": (10, "percent"),
    "one tenth": (10, "percent"),
    "a decade": (10, "years"),
    "a century": (100, "years"),
}

_Q = "|".join(
    sorted((regex.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True)
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen"
)
_WORDNUM = rf"(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_ONES}|zero)"
_SPEC = "|".join(sorted((k.replace(" ", r"\s+") for k in _SPECIAL), key=len, reverse=True))
_MON = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|" + "|".join(_MONTHS)
_UNIT = "|".join(
    sorted((regex.escape(u).replace(r"\ ", r"\s+") for u in _UNITS), key=len, reverse=True)
)

_PATTERN = regex.compile(
    rf"""
    (?:(?=[$€£¥])|\b)
    (?:
      (?P<date>(?:{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)
        | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MON})(?:,?\s+\d{{4}})?(?!\d)
        | \d{{4}}-\d{{2}}-\d{{2}}(?!\d))
    | (?P<time>(?<![\d:])\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?(?![\d:]))
    | (?P<spec>\b(?:{_SPEC})\b)
    | (?P<cur>US\$|\$|€|£|¥|(?:USD|EUR|GBP)\s?)?
      (?P<num>(?:(?<=\d-)|(?<![\p{{L}}\d.,-]))\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)
              |(?:(?<=\d-)|(?<![\p{{L}}\d.,-]))\d+(?:\.\d+)?(?!\.\d)
              |\b(?:{_WORDNUM})\b)
      (?:[\s-]*(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?
      (?:\s*(?P<unit>%|\b(?:{_UNIT})\b))?
      (?:\s+(?P<cur2>dollars|euros|pounds|yuan|rubles|roubles)\b)?
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_QUAL_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_Q})\s+$", regex.IGNORECASE)


def _trie(words: list[str]) -> str:
    """An ``re`` alternation matching ``words`` (a space: any white space), one branch
    per first letter so that a mismatch fails after a letter or two."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = []
    for ch, rests in sorted(by_first.items()):
        tails = [r for r in rests if r]
        tail = _trie(tails) if tails else ""
        if tails and len(tails) < len(rests):
            tail = f"(?:{tail})?"
        branches.append((r"\s+" if ch == " " else re.escape(ch)) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_NUMBER_WORDS = [*_TENS.split("|"), *_ONES.split("|"), "zero", *_SPECIAL]
_SIGN = "$€£¥\U00010000-\U0010ffff"
_SIGNS = frozenset("$€£¥")
_FIRST = "".join(sorted({w[0] for w in [*_NUMBER_WORDS, *_MONTHS, "usd", "eur", "gbp"]}))
_GUARD = rf"[\d{_SIGN}{_FIRST}{_FIRST.upper()}ſKİı]"
_OPENERS = (
    rf"(?i:\d|us\$|(?:usd|eur|gbp)\s"
    rf"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[\d{_SIGN}]"
    rf"|{_trie(_NUMBER_WORDS)}(?![A-Za-z0-9]))"
)
_START = re.compile(rf"(?={_GUARD})(?:[{_SIGN}]|(?<![A-Za-z0-9])(?={_OPENERS}))")
"""Every offset where ``_PATTERN`` can match, and a few more, found with the faster
``re`` engine: a currency sign or a character outside the BMP (some digits), or,
after no ASCII letter or digit, a digit, a currency code, a month before a day or a
whole number word.  ``re``'s case-insensitive letters (which add "ſ", "K", "İ" and
"ı"), white space and BMP digits cover ``regex``'s."""
_BEFORE_START = re.compile(rf"[^A-Za-z0-9](?={_GUARD})(?=[{_SIGN}]|{_OPENERS})")
"""The character before an offset of ``_START`` (other than the text's first): as it
starts with a character class, the search skips ahead to one."""


def _words_of(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(w for k in keys for w in re.findall("[a-z]+", k))


_TOKEN_WORDS = _words_of(
    [
        *_UNITS,
        *(c for c in _CURRENCY if "$" not in c),
        *SCALES,
        *_SPECIAL,
        *_MONTHS,
        *_NUMBER_WORDS,
        *(m[:3] for m in _MONTHS),
        "sept",
        "dollars euros pounds yuan rubles roubles",
        "a p m st nd rd th",
    ]
)
"""Words that can be part of a numeric expression itself ("US" only as "US$")."""
DURATIONS = frozenset(["years", "months", "weeks", "days", "hours"])
"""Units of a time span ("over three months" may mean "during" them)."""


def number_word(w: str) -> bool:
    """Whether the (folded) word can be part of a numeric expression itself."""
    return w in _TOKEN_WORDS or any(c.isdigit() for c in w)


_QUALIFIER_WORDS = _words_of(QUALIFIERS) - _TOKEN_WORDS
"""Words that can only be part of the qualifier before one ("more than", "up to")."""
_WORD_STARTS = (*_MONTHS, "am", "pm")
"""Starts of words whose beginning alone can end an expression ("5 Mayday", "10:30 amid")."""
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?:[ '’-][A-Za-z]+)*")
_PLAIN_GAP = re.compile(r"[ '’-]")
_BEFORE_OK = frozenset(" \t\n\r\"'(“‘’”—–-,;:[")
_AFTER_OK = frozenset(" \t\n\r\"'()“‘’”—–-,;:.!?]")


def may_hold_quantity(text: str, start: int, end: int, stop: int) -> bool:
    """False when no numeric expression that ``find_quantities`` finds in a stretch of
    ``text`` ending at ``stop`` can overlap ``text[start:end]``.

    That holds for a run of whole ASCII words that cannot be part of one, with
    qualifier words ("to", "of") only where no expression can start within the
    next 24 characters (the qualifier's reach).  The patterns' words are bounded
    by non-letters, save the starts in ``_WORD_STARTS`` and words after a digit or
    a "." (as in "a.m."), which the neighbours allowed here exclude; so an
    expression overlapping such a run would hold one of its words whole.
    """
    if end <= start:
        return True
    words = _number_words(text[start:end])
    if words is _Words.MAY or start > 0 and text[start - 1] not in _BEFORE_OK:
        return True
    if end < len(text) and text[end] not in _AFTER_OK:
        return True
    if words is _Words.QUALIFIER:
        return next(_starts(text, end, stop), end + 24) < end + 24
    return False


class _Words(Enum):
    """What part words can take in a numeric expression: none, only in its qualifier,
    or maybe more."""

    NONE = "none"
    QUALIFIER = "qualifier"
    MAY = "may"


@lru_cache(maxsize=8192)
def _number_words(words: str) -> _Words:
    """What part in a numeric expression the words of ``words`` can take."""
    if not _PLAIN_WORDS.fullmatch(words):
        return _Words.MAY
    found = _Words.NONE
    for w in _PLAIN_GAP.split(words.lower()):
        if w in _TOKEN_WORDS or w.startswith(_WORD_STARTS):
            return _Words.MAY
        if w in _QUALIFIER_WORDS:
            found = _Words.QUALIFIER
    return found


class Change(StrEnum):
    SAME = "same"
    FORMAT = "format"
    HEDGE_ADDED = "hedge added"
    HEDGE_REMOVED = "hedge removed"
    QUALIFIER = "qualifier"
    VALUE = "value"
    UNIT = "unit"


@dataclass(frozen=True)
class Quantity:
    """One numeric expression as written, and what it says."""

    text: str
    span: Span
    value: float | None
    unit: str
    """"percent", "USD", "times", "years", "date", "year", ... or ""."""
    scale: str
    qualifier: str
    """Canonical qualifier ("more than", "nearly", ...) or ""."""
    kind: str = "amount"
    """amount, year or date."""

    @property
    def magnitude(self) -> float | None:
        if self.value is None:
            return None
        return self.value * SCALES.get(self.scale, 1.0)

    @property
    def qualifier_class(self) -> str:
        return QUALIFIERS.get(self.qualifier, "")

    @property
    def bare(self) -> str:
        """The expression without its qualifier."""
        if not self.qualifier:
            return self.text
        return self.text.split(None, len(self.qualifier.split()))[-1]


def _num_value(raw: str) -> float | None:
    t = fold(raw).replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    total = 0.0
    for part in regex.split(r"[-\s]+", t):
        v = NUMBER_WORDS.get(part)
        if v is None:
            return None
        total += float(v)
    return total


def _qual(raw: str | None) -> str:
    if not raw:
        return ""
    q = " ".join(fold(raw).split())
    return q if q in QUALIFIERS else ""


def _starts(text: str, start: int, stop: int) -> Iterator[int]:
    """Offsets from ``start`` on where ``_PATTERN`` (scanning up to ``stop``) can match,
    in order, some twice.

    A match at a currency sign has a number right after it, so the sign comes up
    as the character before that number's offset.
    """
    if _START.match(text, start, stop):
        yield start
    for m in _BEFORE_START.finditer(text, start, stop):
        at = m.start()
        if text[at] in _SIGNS:
            yield at
        yield at + 1


def _matches(text: str, start: int, stop: int, limit: int) -> Iterator[regex.Match[str]]:
    """``_PATTERN.finditer(text, start, stop)``, tried only at ``_starts``, up to the
    first match starting at ``limit`` or later."""
    pos = start
    for p in _starts(text, start, stop):
        if p >= limit:
            return
        if p < pos:
            continue
        m = _PATTERN.match(text, p, stop)
        if m is None:
            pos = p + 1
        else:
            pos = m.end()
            yield m


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Numeric expressions in ``text[start:end]``, spans into ``text``."""
    stop = len(text) if end is None else end
    return list(_quantities(text, start, stop, stop))


def quantities_near(text: str, start: int, stop: int, lo: int, hi: int) -> list[Quantity]:
    """Those of ``find_quantities(text, start, stop)`` that can overlap ``text[lo:hi]``
    (``start <= lo <= hi <= stop``), and some more.

    The scan starts after the last word before ``lo`` that no expression can
    hold (see ``may_hold_quantity``): expressions before that word end before
    it, so the scan from there finds what the whole scan finds.  It stops 24
    characters after ``hi``, the reach of a qualifier before a number.
    """
    return list(_quantities(text, _clear_before(text, start, lo), stop, hi + 24))


_LETTERS = re.compile("[A-Za-z]+")


def _clear_before(text: str, start: int, lo: int) -> int:
    """The end of the last word in the 80 characters before ``lo`` that no numeric
    expression can hold, else ``start``."""
    for m in reversed(list(_LETTERS.finditer(text, max(start, lo - 80), lo))):
        ws, we = m.span()
        if (
            _number_words(m.group()) is _Words.NONE
            and (ws == 0 or text[ws - 1] in _BEFORE_OK)
            and (we == len(text) or text[we] in _AFTER_OK)
        ):
            return we
    return start


def _quantities(text: str, start: int, stop: int, limit: int) -> Iterator[Quantity]:
    """The expressions of ``text[start:stop]`` whose number starts before ``limit``."""
    for m in _matches(text, start, stop, limit):
        qm = _QUAL_BEFORE.search(text, max(start, m.start() - 24), m.start())
        qual = _qual(qm.group().strip() if qm else None)
        qs = qm.start() if qual and qm else m.start()
        if m.group("time"):
            hh, mm = regex.findall(r"\d+", m.group("time"))[:2]
            value = float(int(hh) * 100 + int(mm))
            yield Quantity(text[qs : m.end()], (qs, m.end()), value, "time", "", qual, "time")
            continue
        if m.group("date"):
            yield _date(m, qual, text, qs)
            continue
        if m.group("spec"):
            key = " ".join(fold(m.group("spec")).split())
            value, unit = _SPECIAL[key]
            yield Quantity(text[qs : m.end()], (qs, m.end()), value, unit, "", qual)
            continue
        raw = m.group("num")
        if raw is None:
            continue
        num_value = _num_value(raw)
        cur = m.group("cur") or m.group("cur2") or ""
        unit_raw = m.group("unit") or ""
        scale_raw = fold(m.group("scale") or "")
        # "5 m" is a distance, "2K" a counter: only "$5m" / "$2bn" scale money.
        if (
            scale_raw in ("k", "m", "b")
            and not cur
            and not (scale_raw == "k" and raw.isdigit() and not unit_raw)
        ):
            scale_raw = ""
            if m.group("scale"):
                yield _plain(text, qs, m.start("scale"), qual, raw, num_value)
                continue
        scale = _SCALE_NAME.get(scale_raw, scale_raw)
        unit = _CURRENCY.get(fold(cur).strip(), "") or _UNITS.get(
            " ".join(fold(unit_raw).split()), ""
        )
        kind = "amount"
        if (
            not cur
            and not scale
            and not unit
            and not qual
            and raw.isdigit()
            and len(raw) == 4
            and 1800 <= int(raw) <= 2100
        ):
            kind, unit = "year", "year"
        if kind == "amount" and not (cur or scale or unit or qual) and num_value is None:
            continue
        s, e = qs, m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        yield Quantity(text[s:e], (s, e), num_value, unit, scale, qual, kind)


def _plain(text: str, s: int, e: int, qual: str, raw: str, value: float | None) -> Quantity:
    while e > s and text[e - 1] in " -":
        e -= 1
    return Quantity(text[s:e], (s, e), value, "", "", qual)


def _date(m: regex.Match[str], qual: str, text: str, qs: int) -> Quantity:
    raw = fold(m.group("date"))
    year = regex.search(r"\b(\d{4})\b", raw)
    if regex.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        y, mo, d = raw.split("-")
        value = float(int(y) * 10000 + int(mo) * 100 + int(d))
    else:
        mon = next(i for i, name in enumerate(_MONTHS, 1) if regex.search(rf"\b{name[:3]}", raw))
        day = int(regex.search(r"\b(\d{1,2})(?!\d)", raw).group(1))  # type: ignore[union-attr]
        value = float((int(year.group(1)) if year else 0) * 10000 + mon * 100 + day)
    return Quantity(text[qs : m.end()], (qs, m.end()), value, "date", "", qual, "date")


def same_value(a: Quantity, b: Quantity) -> bool:
    ma, mb = a.magnitude, b.magnitude
    if ma is None or mb is None:
        return fold(a.bare) == fold(b.bare)
    if a.kind == "date" and b.kind == "date" and (ma < 10000 or mb < 10000):
        return ma % 10000 == mb % 10000
    if _in_words(a) or _in_words(b):
        return abs(ma - mb) < 0.5  # "a third" is 33%, to the whole percent
    return abs(ma - mb) <= 1e-9 * max(abs(ma), abs(mb), 1.0)


def _in_words(q: Quantity) -> bool:
    """A share written as a fraction in words ("a third")."""
    return q.unit == "percent" and fold(q.bare) in _SPECIAL


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or not a.unit or not b.unit


def compare(a: Quantity, b: Quantity) -> tuple[Change, str]:
    """How claim ``b`` differs from claim ``a``, with a one-line explanation."""
    if not same_value(a, b):
        return Change.VALUE, f"number changed: {a.text} → {b.text}"
    if not same_unit(a, b):
        return Change.UNIT, f"unit changed: {a.text} → {b.text}"
    ca, cb = a.qualifier_class, b.qualifier_class
    if ca != cb:
        if not ca and cb == APPROX:
            return Change.HEDGE_ADDED, f"hedge added: {a.text} → {b.text}"
        if ca == APPROX and not cb:
            return Change.HEDGE_REMOVED, f"hedge removed: {a.text} → {b.text}"
        qa, qb = a.qualifier or "(none)", b.qualifier or "(none)"
        return Change.QUALIFIER, f"qualifier changed: {qa} → {qb} ({a.text} → {b.text})"
    if a.text == b.text:
        return Change.SAME, ""
    return Change.FORMAT, f"same number, other form: {a.text} → {b.text}"

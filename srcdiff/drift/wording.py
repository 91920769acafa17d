"""What is left of an op once figures, quotes, names and markers are accounted for.

Two questions: do the words left mean the same (synonyms, another form,
function-word paraphrase: ``equivalence``), the opposite (antonyms), or
something else; and when only marks changed, which marks, in plain words
(never ``'\\xa0' → ' '``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from ..model import DriftKind, Relation
from .context import Finding, OpView, short
from .equivalence import near_pairs, novel, relate
from .lexicon import content_key
from .severity import Cue

K = DriftKind

DETAIL_WORDS = 3
"""Content words one side adds (or drops) with nothing replacing them, up to which the
change is a detail (low) rather than a change of what is said (medium)."""

NEAR_WORDS = 2
"""Novel content words per side up to which a substitution by words of close meaning is
weighed as such (low); a longer run says more than its words."""

MARK_NAMES: dict[str, str] = {
    " ": "space",
    "\u00a0": "no-break space",
    "\u2009": "thin space",
    "\u202f": "narrow no-break space",
    "\t": "tab",
    "\n": "line break",
    "-": "hyphen",
    "\u2010": "hyphen",
    "\u2011": "non-breaking hyphen",
    "\u2013": "en dash",
    "\u2014": "em dash",
    "\u2212": "minus sign",
    ",": "comma",
    ".": "full stop",
    ";": "semicolon",
    ":": "colon",
    "!": "exclamation mark",
    "?": "question mark",
    "(": "bracket",
    ")": "bracket",
    "[": "bracket",
    "]": "bracket",
    '"': "straight quotation mark",
    "'": "straight apostrophe",
    "\u201c": "opening quotation mark",
    "\u201d": "closing quotation mark",
    "\u2018": "opening single quotation mark",
    "\u2019": "apostrophe",
    "\u00ab": "guillemet",
    "\u00bb": "guillemet",
    "\u2026": "ellipsis",
    "/": "slash",
    "&": "ampersand",
    "%": "per cent sign",
    "*": "asterisk",
}
"""Names of the marks a reader may see change, for plain-words explanations."""


def _name(ch: str) -> str:
    got = MARK_NAMES.get(ch)
    if got:
        return got
    if unicodedata.category(ch) == "Cf":
        return f"invisible {unicodedata.name(ch, 'format character').lower()} (U+{ord(ch):04X})"
    if ch.isspace():
        return "space"
    return f"“{ch}”"


def _names(chars: Counter[str]) -> str:
    names = list(dict.fromkeys(_name(ch) for ch in sorted(chars)))
    return " and ".join(names)


def marks_changed(a: str, b: str) -> str:
    """Which marks or spaces differ between ``a`` and ``b``, in plain words."""
    ca, cb = Counter(a), Counter(b)
    if a.strip() == b.strip() or (not a.strip() and not b.strip()):
        ca, cb = Counter(a.strip() or a), Counter(b.strip() or b)
    lost, gained = ca - cb, cb - ca
    if not lost and not gained:
        return "order of marks changed"
    if lost and gained:
        return f"{_names(lost)} → {_names(gained)}"
    if lost:
        return f"{_names(lost)} removed"
    return f"{_names(gained)} added"


def visible(text: str) -> str:
    """``text`` without format characters (zero-width, direction marks)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def invisible_only(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ only by invisible format characters."""
    if a.isascii() and b.isascii():
        return False  # ASCII has none: two ASCII texts differ in what shows, or not at all
    return a != b and visible(a) == visible(b)


def wording_finding(v: OpView, wa: Sequence[str], wb: Sequence[str]) -> Finding:
    """The finding for words that changed and are no figure, name, hedge or negation."""
    op = v.op
    cue, why = _verdict(v, wa, wb)
    return Finding((K.WORDING,), cue, why, op.a, op.b, op.a_span, op.b_span)


def _verdict(v: OpView, wa: Sequence[str], wb: Sequence[str]) -> tuple[Cue, str]:
    """How the changed words relate, and why, in plain words."""
    op = v.op
    change = f"{short(op.a)} → {short(op.b)}"
    rel = relate(wa, wb)
    if rel is None:
        # Words the other sentence also has were only moved; the rest may still be a
        # paraphrase ("deliberately" / "on purpose, officials said").
        ra = [w for w in wa if w not in v.wb.words]
        rb = [w for w in wb if w not in v.wa.words]
        if ra and rb and (len(ra), len(rb)) != (len(wa), len(wb)):
            rel = relate(ra, rb)
    if rel is Relation.EQUIVALENT:
        return Cue.WORDING_EQUIVALENT, f"same meaning in other words: {change}"
    if rel is Relation.REVERSED:
        return Cue.WORDING_REVERSED, f"reversed: {change} say the opposite"
    new_a = novel(wa, v.wb.words, v.wb.content)
    new_b = novel(wb, v.wa.words, v.wa.content)
    if not new_a and not new_b:
        return Cue.REWORDED, f"reworded, the same content: {change}"
    if not new_a and len(new_b) <= DETAIL_WORDS:
        return Cue.DETAIL_ADDED, f"detail added: {' '.join(new_b)}"
    if not new_b and len(new_a) <= DETAIL_WORDS:
        return Cue.DETAIL_REMOVED, f"detail removed: {' '.join(new_a)}"
    if not op.b:
        return Cue.WORDING_CHANGED, f"words removed: {short(op.a)}"
    if not op.a:
        return Cue.WORDING_CHANGED, f"words added: {short(op.b)}"
    if (
        len(new_a) <= NEAR_WORDS
        and len(new_b) <= NEAR_WORDS
        and (pairs := near_pairs(new_a, new_b, wa, wb))
    ):
        close = ", ".join(f"{x} / {y}" for x, y in pairs)
        return Cue.NEAR_SYNONYM, f"words of close meaning: {close}: {change}"
    kept = _kept(wa, new_a), _kept(wb, new_b)
    if _paraphrase(kept, (new_a, new_b)):
        words = ", ".join(dict.fromkeys(kept[0] + kept[1]))
        return Cue.PARAPHRASE, f"rephrased around the same words ({words}): {change}"
    return Cue.WORDING_CHANGED, f"wording changed: {change}"


def _kept(ws: Sequence[str], new: Sequence[str]) -> list[str]:
    """The content words of ``ws`` that have their like on the other side."""
    return [w for w in ws if content_key(w) is not None and w not in new]


def _paraphrase(kept: tuple[list[str], list[str]], new: tuple[list[str], list[str]]) -> bool:
    """A rephrased stretch: on each side at most ``NEAR_WORDS`` novel content words, and
    at least as many content words the other side also has (moved, inflected or
    equivalent: "rapidly expanding production of artillery rounds" / "rapid increase in
    artillery shell production").  A word swapped for an unrelated one with nothing kept
    around it ("downgraded" / "declassified") is no paraphrase."""
    return all(
        len(n) <= NEAR_WORDS and len(k) >= max(1, len(n)) for k, n in zip(kept, new, strict=True)
    )

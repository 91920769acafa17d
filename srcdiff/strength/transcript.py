"""Speaker turns of a transcript: lines labelled with who speaks ("SMITH:", "MAYOR TELL:", "Q:").

``same_speaker`` tells whether a label and a name in copy ("Mayor Jane Tell said") are one
person.

``turns(text)`` finds each labelled line and returns the speaker and the span of their words:
from after the label to the next label (a long answer may run over several paragraphs), the
whitespace at either end left out. A label is, at the start of a line and before a colon:

- one to five words in capitals ("SMITH", "MAYOR TELL", "SEN. O'BRIEN"), optionally with a
  parenthesis ("SMITH (D-Texas)"), or "Q" / "A";
- one to four capitalised words ("Mayor Tell") only when the same label starts at least two
  lines, as speakers of a transcript recur, so a lone "Note:" or "Update:" is no speaker;

after an optional time stamp ("[00:01:23]", "10:04"). Words that head copy rather than name a
speaker ("EDITOR'S NOTE", "UPDATE", "WATCH") are listed in ``NOT_SPEAKERS``: such a line ends
the turn before it. The last turn runs to the end of the text, so copy after a transcript
with no label of its own is read as the last speaker's words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..model import Span

NOT_SPEAKERS = frozenset(
    [
        "note", "editor's note", "editors' note", "editor’s note", "update", "correction",
        "clarification", "warning", "watch", "read more", "related", "breaking", "photo",
        "photos", "video", "source", "sources", "file", "transcript", "caption", "credit",
        "disclaimer", "subscribe", "advertisement", "listen", "see also", "also read",
    ]
)  # fmt: skip
"""Labels that head a line of copy, not a speaker's words (casefolded)."""

_STAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]+)?"
_CAPS = r"(?:Q|A|[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]*){0,4})"
_TITLE = r"(?:[A-Z][a-z.'’\-]+(?:[ \t]+[A-Z][A-Za-z.'’\-]*){0,3})"
_PAREN = r"(?:[ \t]*\([^()\n]{1,40}\))?"
_LABEL = regex.compile(
    rf"^[ \t]*{_STAMP}(?P<label>(?P<caps>{_CAPS})|(?P<title>{_TITLE})){_PAREN}[ \t]*:(?!//)",
    regex.MULTILINE,
)


@dataclass(frozen=True)
class Turn:
    speaker: str
    """The label as written, without its parenthesis and colon ("MAYOR TELL", "Q")."""
    label_span: Span
    """Where the label sits, from its first letter to its colon."""
    span: Span
    """The speaker's words: after the label, up to the next label."""


TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep",
        "representative", "gov", "governor", "mayor", "president", "vice", "chief", "judge",
        "justice", "minister", "prime", "secretary", "gen", "general", "col", "capt", "sgt",
        "officer", "commissioner", "councillor", "councilor", "councilman", "councilwoman",
        "chair", "chairman", "chairwoman", "deputy", "director", "sir", "dame", "lord", "lady",
        "rev", "father", "sister", "the", "jr", "sr"
    ]
)  # fmt: skip
"""Words of a label or a name that are titles, not the person ("MAYOR TELL", "Dr. Ruiz")."""


def _name_words(name: str) -> list[str]:
    words = regex.findall(r"[\p{L}'’\-]+", name.casefold().replace("’", "'"))
    return [w for w in words if w.strip("'-") not in TITLES]


def same_speaker(label: str, name: str) -> bool:
    """Whether a transcript label and a name in copy are one person: their last names
    agree once titles are left out ("MAYOR TELL" and "Mayor Jane Tell" or "Tell"); a
    label that is only a title or "Q" matches nobody."""
    a, b = _name_words(label), _name_words(name)
    return bool(a and b) and a[-1] == b[-1] and label.strip().upper() not in ("Q", "A")


def _speaker(label: str) -> str:
    return " ".join(label.split())


def turns(text: str) -> tuple[Turn, ...]:
    found = list(_LABEL.finditer(text))
    copy = {m.start() for m in found if _speaker(m["label"]).casefold() in NOT_SPEAKERS}
    titled = Counter(_speaker(m["title"]) for m in found if m["title"])
    # A line of copy ("EDITOR'S NOTE: …") ends the turn before it but is nobody's words.
    bounds = [
        m for m in found if m.start() in copy or m["caps"] or titled[_speaker(m["title"])] >= 2
    ]
    out: list[Turn] = []
    for n, m in enumerate(bounds):
        if m.start() in copy:
            continue
        end = bounds[n + 1].start() if n + 1 < len(bounds) else len(text)
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            out.append(Turn(_speaker(m["label"]), (m.start("label"), m.end()), (start, stop)))
    return tuple(out)

"""Split a text into paragraphs and sentences; mark page furniture as noise.

Every character of the text belongs to exactly one paragraph: the blank
lines between paragraphs are attached to the paragraph before them in the
offsets sense (``Paragraph.end`` stops at the paragraph's last non-blank
character, and the gap up to the next paragraph's start is whitespace).
Nothing is ever deleted; noise is only marked.
"""

from __future__ import annotations

import regex

from .model import Paragraph, Sentence
from .noise import furniture_reason, is_footer_line

_BLANK_SPLIT = regex.compile(r"\n[ \t\f\v\u00a0\u200b]*\n\s*")
_TERMINAL = frozenset(".!?:;\"'”’)…]")

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "co",
        "corp",
        "inc",
        "ltd",
        "plc",
        "llc",
        "bros",
        "dept",
        "univ",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)

_SENT_END = regex.compile(r"""[.!?…]+['"’”)\]]*(?=\s+|$)""")
_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")
_LETTERS = regex.compile(r"\p{L}+")


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = stop + 1
    return spans


def _is_wrapped_prose(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a multi-line block is one hard-wrapped paragraph."""
    body = lines[:-1]
    if any(text[s] in "-*+#>|" for s, _ in lines):
        return False
    longest = max(e - s for s, e in lines)
    if any(e - s < 30 or (e - s) * 2 < longest for s, e in body):
        return False
    open_ends = sum(1 for s, e in body if text[e - 1] not in _TERMINAL)
    return open_ends * 2 > len(body)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Non-blank stretches of text separated by blank lines, trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_SPLIT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def paragraph_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, from_list_block) for each paragraph, in order.

    Blank lines separate paragraphs.  Inside a block, lines that are not
    hard-wrapped prose (headlines, one paragraph per line as in wire copy,
    link lists) each become a paragraph of their own.
    """
    out: list[tuple[int, int, bool]] = []
    for s, e in _blocks(text):
        lines = _line_spans(text, s, e)
        if len(lines) > 1 and not _is_wrapped_prose(text, lines):
            out.extend((ls, le, True) for ls, le in lines)
        else:
            out.append((s, e, False))
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end].

    A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
    brackets) followed by whitespace and then an upper-case letter, a digit
    or an opening quote, unless the word before the stop is a known
    abbreviation ("Gen.", "Co.", "U.S.") or a single initial and the next
    word does not look like a sentence start.
    """
    spans: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in "\"“‘'(["):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1:
            wstart = m.start()
            while wstart > s and not text[wstart - 1].isspace() and text[wstart - 1] not in '("“':
                wstart -= 1
            word = text[wstart : m.start()].casefold().strip("'’")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if _INITIALS.fullmatch(word):
                nxt_word = _LETTERS.match(text, nxt, end)
                if nxt_word is None or nxt_word.group().casefold() not in _SENTENCE_STARTERS:
                    continue
        spans.append((s, stop))
        s = nxt
    if s < end:
        spans.append((s, end))
    return spans


_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "but",
        "and",
        "so",
        "if",
        "as",
        "its",
        "his",
        "her",
        "their",
        "there",
        "officials",
    ]
)


def segment(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of a text, with sentences and noise marks."""
    spans = paragraph_spans(text)
    reasons: list[str | None] = []
    for s, e, _ in spans:
        reasons.append(furniture_reason(text[s:e]))
    _mark_footer(text, spans, reasons)
    paras = []
    for i, ((s, e, _), reason) in enumerate(zip(spans, reasons, strict=True)):
        sents = tuple(Sentence(a, b) for a, b in sentence_spans(text, s, e))
        paras.append(
            Paragraph(
                index=i,
                text=text[s:e],
                start=s,
                end=e,
                noise=reason is not None,
                noise_reason=reason,
                sentences=sents,
            )
        )
    return tuple(paras)


def _mark_footer(text: str, spans: list[tuple[int, int, bool]], reasons: list[str | None]) -> None:
    """Mark a trailing run of link-farm lines (menus, teasers, user/date lines).

    Walk back from the end while paragraphs are short list lines; if at least
    a third of that run is unmistakable furniture, the whole run is a footer.
    """
    n = len(spans)
    i = n
    while i > 0:
        s, e, listed = spans[i - 1]
        if not listed or e - s > 200:
            break
        i -= 1
    run = range(i, n)
    if len(run) < 4:
        return
    strong = sum(
        1 for k in run if reasons[k] is not None or is_footer_line(text[spans[k][0] : spans[k][1]])
    )
    if strong * 3 >= len(run):
        for k in run:
            if reasons[k] is None:
                reasons[k] = "footer: link list after the article"

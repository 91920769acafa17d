"""Split a text into paragraphs and sentences; mark page furniture as noise.

Every character of the text belongs to exactly one paragraph: the blank
lines between paragraphs are attached to the paragraph before them in the
offsets sense (``Paragraph.end`` stops at the paragraph's last non-blank
character, and the gap up to the next paragraph's start is whitespace).
Nothing is ever deleted; noise is only marked.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence

import regex

from .model import Paragraph, Sentence
from .noise import furniture_reason, is_footer_line, is_kicker, is_label

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


_LINE = re.compile(r"\S(?:[^\n]*\S)?")
"""A line's text without the blanks around it (``re``'s ``\\s`` is ``str.isspace``)."""


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _LINE.finditer(text, start, end)]


def _is_wrapped_prose(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a multi-line block is one hard-wrapped paragraph.

    Wrapped prose has long lines of even width that mostly break mid-sentence.
    A link list of teaser headlines can look the same, so such a block is still a
    list when no line goes on in lower case and some line stops where the next
    line's first word would have fitted: a wrapper breaks only where it does not.
    """
    body = lines[:-1]
    if any(text[s] in "-*+#>|" for s, _ in lines):
        return False
    longest = max(e - s for s, e in lines)
    if any(e - s < 30 or (e - s) * 2 < longest for s, e in body):
        return False
    open_ends = sum(1 for s, e in body if text[e - 1] not in _TERMINAL)
    if open_ends * 2 <= len(body):
        return False
    goes_on = any(text[s].isalpha() and not text[s].isupper() for s, _ in lines[1:])
    return goes_on or not _breaks_early(text, lines, longest)


_RULE = regex.compile(r"[-=*_~#+ ]+")
_WORD_ON = regex.compile(r"\p{Ll}+(?:[\s,;:.)]|$)")
"""A line going on with a lower-case word (not a user name or a handle)."""
_MARKER = regex.compile(r"\(?(?:\d+(?:[.:]\d+)*|[a-z]|[ivx]+)[.)]?\s")


def _indent(text: str, s: int) -> int:
    """How many blanks stand before position s on its line."""
    start = text.rfind("\n", 0, s) + 1
    return s - start


def _kept_whole(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a multi-line block is one paragraph by its layout, not by its line widths.

    Legal and scriptural texts lay a paragraph out in ways a width test
    misreads: a title centred over its subtitle, a heading over its
    underline, a boxed notice, lines that go on in lower case after a short
    heading or clause label, continuation lines indented under the first, a
    clause label and heading over the clause's wrapped text, an all-capitals
    notice, and lines that each open with a clause or verse number.  None of
    these is a text written one paragraph per line (whole sentences each
    opening with a capital) or a list of links.
    """
    rows = [text[s:e] for s, e in lines]
    if any(_RULE.fullmatch(r) for r in rows[1:]):
        return True  # a heading and its underline
    if len(rows) >= 3 and all(r[0] == r[-1] and r[0] in "*|#" for r in rows):
        return True  # a boxed notice
    breaks = list(zip(rows, rows[1:], strict=False))
    goes_on = sum(1 for r, n in breaks if r[-1] not in _TERMINAL and _WORD_ON.match(n))
    if goes_on * 3 >= len(breaks):
        return True
    indents = [_indent(text, s) for s, _ in lines]
    if all(i > indents[0] for i in indents[1:]) or (len(rows) <= 3 and min(indents) >= 4):
        return True  # continuation lines indented under the first, or a centred title
    if all(_MARKER.match(r) for r in rows):
        return True  # numbered clauses or verses
    if len(rows) >= 3 and _MARKER.match(rows[0]) and _is_wrapped_prose(text, lines[1:]):
        return True  # a clause label and its heading over the clause's wrapped text
    letters = "".join(rows)
    return max(map(len, rows)) >= 20 and not any(c.islower() for c in letters)


def _breaks_early(text: str, lines: list[tuple[int, int]], width: int) -> bool:
    """Whether some line plus a space and the next line's first word fits in width."""
    for (s, e), (ns, ne) in itertools.pairwise(lines):
        space = text.find(" ", ns, ne)
        if e - s + 1 + (ne if space == -1 else space) - ns <= width:
            return True
    return False


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


def paragraph_spans(text: str, across_blocks: bool = True) -> list[tuple[int, int, bool]]:
    """(start, end, from_list_block) for each paragraph, in order.

    Blank lines separate paragraphs.  Inside a block, lines that are not
    hard-wrapped prose (headlines, one paragraph per line as in wire copy,
    link lists) each become a paragraph of their own, unless the block's
    layout makes it one paragraph (``_kept_whole``).  A long run of very short
    lines (a word list) is read in passages (``_passages``), and so, when
    ``across_blocks``, is a long run of one-word paragraphs between blank lines
    (not on a web page, whose blocks each are furniture or not).
    """
    out: list[tuple[int, int, bool]] = []
    for s, e in _blocks(text):
        if text.find("\n", s, e) == -1:  # one line (a block is trimmed): the common case
            out.append((s, e, False))
            continue
        lines = _line_spans(text, s, e)
        if len(lines) > 1 and (
            _short_run(text, lines)
            or not (_is_wrapped_prose(text, lines) or _kept_whole(text, lines))
        ):
            out += _passages(text, [(ls, le, True) for ls, le in lines])
        else:
            out.append((s, e, False))
    return _passages(text, out) if across_blocks else out


SHORT_WORDS = 2
"""A line of this many words or fewer is short: a word list's entry, not a headline."""
PASSAGE_RUN = 100
"""Consecutive short lines from which on they are read in passages."""
PASSAGE_LINES = (16, 16, 64)
"""(fewest, one in, most) short lines to a passage: it ends after ``fewest`` lines at one
whose CRC-32 is a multiple of ``one in``, and after ``most`` in any case."""


def _short(text: str, s: int, e: int) -> bool:
    piece = text[s:e]
    return "\n" not in piece and len(piece.split(None, SHORT_WORDS)) <= SHORT_WORDS


def _short_run(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether ``PASSAGE_RUN`` consecutive lines are short (a word list, not a layout)."""
    run = 0
    for s, e in lines if len(lines) >= PASSAGE_RUN else ():
        run = run + 1 if _short(text, s, e) else 0
        if run >= PASSAGE_RUN:
            return True
    return False


def _passages(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Paragraphs (a list block's lines, or a text's paragraphs), with each run of
    ``PASSAGE_RUN`` or more short ones (a word list, one token a line) cut into passages of
    some thirty.

    A paragraph a word would make 200,000 paragraphs of a 1 MB word list, each
    to be aligned and reported, for no gain in reading; a block of them in
    lower case would be kept whole, one paragraph of 200,000 words.  Where a
    passage ends is decided by the words' own content, so that an edit moves
    the cuts near it only and the passages of two versions still pair one to
    one elsewhere.
    """
    if len(spans) < PASSAGE_RUN:
        return spans
    short = [_short(text, s, e) for s, e, _ in spans]
    out: list[tuple[int, int, bool]] = []
    k = 0
    while k < len(spans):
        end = k
        while end < len(spans) and short[end]:
            end += 1
        if end - k >= PASSAGE_RUN:
            out += _cut(text, spans[k:end])
        else:
            out += spans[k : max(end, k + 1)]
        k = max(end, k + 1)
    return out


def _cut(text: str, run: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    fewest, one_in, most = PASSAGE_LINES
    out: list[tuple[int, int, bool]] = []
    first = 0
    for k, (s, e, _) in enumerate(run):
        size = k - first + 1
        if size >= most or (
            size >= fewest and zlib.crc32(text[s:e].encode("utf-8", "surrogatepass")) % one_in == 0
        ):
            out.append((run[first][0], e, True))
            first = k + 1
    if first < len(run):
        out.append((run[first][0], run[-1][1], True))
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end].

    A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
    brackets) followed by whitespace and then an upper-case letter, a digit
    or an opening quote, unless the word before the stop is a known
    abbreviation ("Gen.", "Co.", "U.S.") or a single initial and the next
    word does not look like a sentence start.
    """
    if (
        text.find(".", start, end) == -1
        and text.find("!", start, end) == -1
        and text.find("?", start, end) == -1
        and text.find("…", start, end) == -1
    ):  # no stop at all (a heading, a menu entry): one sentence, found without the pattern
        return [(start, end)] if start < end else []
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


def segment(text: str, furniture: Sequence[tuple[int, int, str]] = ()) -> tuple[Paragraph, ...]:
    """Paragraphs of a text, with sentences and noise marks.

    ``furniture`` holds (start, end, reason) spans the reader already knows to
    be furniture (a web page's navigation, footer, comments); a paragraph inside
    one gets its reason, the others are judged by the furniture rules.
    """
    spans = paragraph_spans(text, across_blocks=not furniture)
    known = _known_furniture(spans, furniture)
    reasons: list[str | None] = []
    for (s, e, _), reason in zip(spans, known, strict=True):
        reasons.append(reason or furniture_reason(text[s:e]))
    _mark_kicker(text, spans, reasons)
    _mark_labels(text, spans, reasons)
    _mark_footer(text, spans, reasons, known)
    paras = []
    for i, ((s, e, _), reason) in enumerate(zip(spans, reasons, strict=True)):
        sents = tuple(itertools.starmap(Sentence, sentence_spans(text, s, e)))
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


def _known_furniture(
    spans: list[tuple[int, int, bool]], furniture: Sequence[tuple[int, int, str]]
) -> list[str | None]:
    """The reason of the furniture span each paragraph lies in, or None (both in order)."""
    out: list[str | None] = []
    k = 0
    for s, e, _ in spans:
        while k < len(furniture) and furniture[k][1] <= s:
            k += 1
        inside = k < len(furniture) and furniture[k][0] <= s and e <= furniture[k][1]
        out.append(furniture[k][2] if inside else None)
    return out


def _mark_kicker(text: str, spans: list[tuple[int, int, bool]], reasons: list[str | None]) -> None:
    """Mark a topic tag on top of the page ("Markets" above the headline).

    A short first paragraph (after any furniture) counts only when a headline of
    four or more words without a closing stop follows it and furniture (a
    counter, a byline, a date) follows the headline: a short headline followed by
    its byline, or by a deck and then the text, stays prose.
    """
    top = next((k for k, r in enumerate(reasons) if r is None), len(reasons))
    if top + 2 >= len(spans) or reasons[top + 1] is not None or reasons[top + 2] is None:
        return
    s, e, _ = spans[top]
    hs, he, _ = spans[top + 1]
    headline = text[hs:he]
    if (
        is_kicker(text[s:e])
        and "\n" not in headline
        and len(headline.split()) >= 4
        and headline[-1] not in _TERMINAL
    ):
        reasons[top] = "section label"


def _mark_labels(text: str, spans: list[tuple[int, int, bool]], reasons: list[str | None]) -> None:
    """Mark runs of section names and category links ("News", "Real Estate").

    One capitalised short paragraph may be a subhead, so a run of them is noise
    only when it is three or more long, or when furniture sits right before it
    and furniture or the end of the text right after it (a subhead has text
    after it, the words it heads).
    """
    n = len(spans)
    labels = [
        r is None and e - s <= 30 and is_label(text[s:e])
        for (s, e, _), r in zip(spans, reasons, strict=True)
    ]
    k = 0
    while k < n:
        if not labels[k]:
            k += 1
            continue
        end = k + 1
        while end < n and labels[end]:
            end += 1
        framed = k > 0 and reasons[k - 1] is not None and (end == n or reasons[end] is not None)
        if end - k >= 3 or framed:
            for j in range(k, end):
                reasons[j] = "section label"
        k = end


def _mark_footer(
    text: str,
    spans: list[tuple[int, int, bool]],
    reasons: list[str | None],
    known: list[str | None],
) -> None:
    """Mark a trailing run of link-farm lines (menus, teasers, user/date lines).

    Walk back from the end while paragraphs are short list lines, or short
    furniture standing alone between blank lines (a "Posted by … 2 hours ago"
    under the links); if at least a third of that run is unmistakable
    furniture, the whole run is a footer.  Where the reader knows furniture
    (``known``: a web page's footer and links), the run is looked for at the
    end of the text before it, and stops at it.
    """
    n = len(spans)
    while n > 0 and known[n - 1] is not None:
        n -= 1
    i = n
    while i > 0:
        s, e, listed = spans[i - 1]
        if known[i - 1] is not None:
            break
        if not (listed or reasons[i - 1] is not None) or e - s > 200:
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

"""Per-document facts that drift detection looks up around a change.

``DocIndex(text)`` is built once per document of a comparison and scans it
once: paragraph spans, sentence spans (lazily, per paragraph), the quoted
regions (curly and straight marks, nested, and quotes that run across
sentences and paragraphs) and the numeric expressions of each sentence.
Every later look-up is a bisect, so classifying thousands of changes stays
near-linear in the size of the documents.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..model import Paragraph, Span
from ..numbers import Quantity, find_quantities
from ..segment import paragraph_spans, sentence_spans
from ..strength.transcript import turns
from .lexicon import ascii_twin

_OPEN_D = "“„«"
_CLOSE_D = "”»"
_MARKS = regex.compile(r"[“”„«»\"‘’'\n]")
QUOTE_CHARS = frozenset("“”„«»\"‘’'‹›")
_MID_CAP = regex.compile(r"(?<=[\p{Ll}\d,;]\s+)\p{Lu}[\p{L}\p{M}]*")
_SPACE = r"[ \t\n\v\f\r]"
_MID_CAP_ASCII = re.compile(rf"{_SPACE}(?<=[a-z0-9,;]{_SPACE}){_SPACE}*([A-Z][A-Za-z]*)")
"""``_MID_CAP`` for ASCII text (the same words there), with the faster ``re`` engine; it
starts at a white space character so that the search can skip ahead to one."""
_BEFORE_OPEN = frozenset(" \t\n\r\u00a0([{—–-/:;,")


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted passage: ``start`` is its opening mark, ``end`` just past its closing one."""

    start: int
    end: int
    marks: tuple[int, ...]
    """Offsets of the marks that open, continue or close it; none for a speaker's turn."""
    speaker: str = ""
    """Who speaks, for the words of a transcript's labelled turn ("MAYOR TELL")."""

    @property
    def inner(self) -> Span:
        if not self.marks:
            return (self.start, self.end)
        return (self.start + 1, self.end - 1 if self.end - 1 in self.marks else self.end)


MIN_TURNS = 2
"""Labelled turns from which a text reads as a transcript (one "WASHINGTON:" is a dateline)."""


def speech_regions(text: str) -> list[QuoteRegion]:
    """The quoted passages of ``text``; in a transcript, each speaker's turn is one.

    A transcript's labelled lines ("SMITH:", "MAYOR TELL:", "Q:") are their speaker's words
    as a quotation is, so an article that quotes them faithfully quotes, and quotation marks
    inside a turn are the speaker's own.
    """
    marked = scan_quotes(text)
    found = turns(text)
    if len(found) < MIN_TURNS:
        return list(marked)
    regions = [QuoteRegion(t.span[0], t.span[1], (), t.speaker) for t in found]
    regions = [r for r in regions if r.end > r.start]
    outside = [q for q in marked if not any(r.start <= q.start < r.end for r in regions)]
    return sorted(regions + outside, key=lambda q: q.start)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


@lru_cache(maxsize=4)
def scan_quotes(text: str) -> tuple[QuoteRegion, ...]:
    """Outermost quoted regions of ``text``, in order.

    Kept for the last few texts: the drift facts and the provenance of a comparison both
    scan each document (0.04 s for 1.5 MB).

    Double marks make the outer level; single marks count as quotes only
    outside double ones (British style) and only when they cannot be an
    apostrophe.  A quote left open at a paragraph end continues when the next
    paragraph opens with a mark (the newspaper convention), else it ends there.
    """
    out: list[QuoteRegion] = []
    n = len(text)
    open_at = -1
    single = False
    marks: list[int] = []

    def close(end: int) -> None:
        nonlocal open_at, marks
        out.append(QuoteRegion(open_at, end, tuple(marks)))
        open_at, marks = -1, []

    for m in _MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\n":
            if open_at < 0:
                continue
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in _OPEN_D + '"' and not single:
                continue  # the quote runs on into the next paragraph
            end = i
            while end > open_at and text[end - 1].isspace():
                end -= 1
            close(end)
            continue
        if open_at >= 0 and not single:
            if ch in _CLOSE_D or (ch == '"' and not prev.isspace()):
                marks.append(i)
                close(i + 1)
            elif (ch in _OPEN_D or ch == '"') and text[max(0, i - 2) : i].strip() == "":
                marks.append(i)  # continuation mark at a paragraph start
            continue
        if open_at >= 0 and single:
            if ch in "’'" and not _is_letter(nxt) and not prev.isspace():
                marks.append(i)
                close(i + 1)
            continue
        if ch in _OPEN_D or (ch == '"' and prev in _BEFORE_OPEN and not nxt.isspace()):
            open_at, single, marks = i, False, [i]
        elif ch in "‘'" and (prev in _BEFORE_OPEN or i == 0) and _is_letter(nxt):
            open_at, single, marks = i, True, [i]
    if open_at >= 0:
        end = n
        while end > open_at and text[end - 1].isspace():
            end -= 1
        close(end)
    return tuple(out)


class DocIndex:
    """Cached look-ups into one document text."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph] = ()) -> None:
        """``paragraphs``: the document's, whose sentences are taken as they are where
        they are this index's paragraphs (segmentation split them the same way)."""
        self.text = text
        spans = paragraph_spans(text)
        self.para_starts = [s for s, _, _ in spans]
        self.para_ends = [e for _, e, _ in spans]
        same = [(p.start, p.end) for p in paragraphs] == [(s, e) for s, e, _ in spans]
        self._segmented = tuple(paragraphs) if same else ()
        self._sents: dict[int, list[Span]] = {}
        self._sent_starts: dict[int, list[int]] = {}
        self._last_sentence: Span = (0, 0)
        self._last_para = 0
        self.quotes = speech_regions(text)
        self.labels: list[tuple[Span, str]] = (
            [(t.label_span, t.speaker) for t in turns(text)]
            if any(q.speaker for q in self.quotes)
            else []
        )
        """Where a transcript's speaker labels sit ("MAYOR TELL:"), and whose they are."""
        self._q_starts = [q.start for q in self.quotes]
        self.mark_set = {p for q in self.quotes for p in q.marks}
        self._quantities: dict[Span, list[Quantity]] = {}
        self._by_length: dict[int, list[int]] | None = None
        self._occ_of: dict[int, int] = {}
        self._caps: set[str] | None = None

    @property
    def caps(self) -> set[str]:
        """Words written capitalised in mid-sentence somewhere in the text (names)."""
        if self._caps is None:
            twin = ascii_twin(self.text)
            found = _MID_CAP.findall(self.text) if twin is None else _MID_CAP_ASCII.findall(twin)
            self._caps = {w.casefold() for w in found}
        return self._caps

    # -- paragraphs and sentences ------------------------------------------
    def para_at(self, pos: int) -> int:
        starts, k = self.para_starts, self._last_para
        if starts and starts[k] <= pos and (k + 1 == len(starts) or pos < starts[k + 1]):
            return k
        k = self._last_para = max(bisect_right(starts, pos) - 1, 0)
        return k

    def sentences(self, para: int) -> list[Span]:
        got = self._sents.get(para)
        if got is None:
            if not self.para_starts:
                got = [(0, len(self.text))]
            elif self._segmented:
                got = [(x.start, x.end) for x in self._segmented[para].sentences]
                got = got or [(self.para_starts[para], self.para_ends[para])]
            else:
                got = sentence_spans(self.text, self.para_starts[para], self.para_ends[para])
                got = got or [(self.para_starts[para], self.para_ends[para])]
            self._sents[para] = got
        return got

    def sentence_at(self, pos: int) -> Span:
        last = self._last_sentence  # changes come in text order: often the same sentence
        if last[0] <= pos < last[1]:
            return last
        para = self.para_at(pos)
        sents = self.sentences(para)
        starts = self._sent_starts.get(para)
        if starts is None:
            starts = self._sent_starts[para] = [s for s, _ in sents]
        got = self._last_sentence = sents[max(bisect_right(starts, pos) - 1, 0)]
        return got

    def window(self, span: Span) -> Span:
        """The sentence(s) holding ``span`` (a point for insertions)."""
        sent = self._last_sentence
        if sent[0] <= span[0] < sent[1] and span[1] <= sent[1]:
            return sent
        s = self.sentence_at(span[0])
        last = max(span[1] - 1, span[0])
        e = s if s[0] <= last < s[1] else self.sentence_at(last)
        return (min(s[0], span[0]), max(e[1], span[1]))

    def para_occurrence(self, pos: int) -> int:
        """How many identical paragraphs come before the one holding ``pos``."""
        if not self.para_starts:
            return 0
        k = self.para_at(pos)
        got = self._occ_of.get(k)
        if got is None:
            got = self._occ_of[k] = self._occurrence(k)
        return got

    def _occurrence(self, k: int) -> int:
        """Fills ``_occ_of`` for every paragraph as long as paragraph ``k``, and so only
        compares paragraphs that can be identical."""
        if self._by_length is None:
            by_length: dict[int, list[int]] = {}
            for j, (s, e) in enumerate(zip(self.para_starts, self.para_ends, strict=True)):
                by_length.setdefault(e - s, []).append(j)
            self._by_length = by_length
        seen: dict[str, int] = {}
        for j in self._by_length[self.para_ends[k] - self.para_starts[k]]:
            para = self.text[self.para_starts[j] : self.para_ends[j]]
            self._occ_of[j] = seen.get(para, 0)
            seen[para] = self._occ_of[j] + 1
        return self._occ_of[k]

    # -- quotes -------------------------------------------------------------
    def quote_at(self, pos: int) -> QuoteRegion | None:
        """The quoted region whose inside holds ``pos``, if any."""
        k = bisect_right(self._q_starts, pos) - 1
        if k < 0:
            return None
        q = self.quotes[k]
        return q if q.start < pos < q.end else None

    def quotes_in(self, span: Span) -> list[QuoteRegion]:
        """Quoted regions overlapping ``span``."""
        out: list[QuoteRegion] = []
        if not self.quotes:
            return out
        k = max(bisect_right(self._q_starts, span[0]) - 1, 0)
        stop = max(span[1], span[0] + 1)
        while k < len(self.quotes) and self.quotes[k].start < stop:
            q = self.quotes[k]
            if q.end > span[0]:
                out.append(q)
            k += 1
        return out

    def quoted_chars(self, span: Span) -> int:
        """Characters of ``span`` that lie inside quoted regions."""
        total = 0
        for q in self.quotes_in(span):
            total += max(0, min(q.end, span[1]) - max(q.start, span[0]))
        return total

    def label_at(self, span: Span) -> str | None:
        """The speaker of a transcript label ``span`` touches, if any."""
        for (s, e), speaker in self.labels:
            if s <= span[1] and span[0] <= e:
                return speaker
        return None

    def speaker_at(self, span: Span) -> str | None:
        """Whose transcript label or turn ``span`` touches, if any."""
        got = self.label_at(span)
        if got is None:
            q = self.quote_at(span[0]) or self.quote_at(max(span[1] - 1, span[0]))
            got = q.speaker if q is not None and q.speaker else None
        return got

    def label_before(self, pos: int, start: int) -> int:
        """Where the words after a speaker label between ``start`` and ``pos`` begin, or
        ``start`` (a label opens its turn's first sentence)."""
        for (_, e), _speaker in self.labels:
            if start <= e <= pos:
                start = e
        return start

    # -- numbers ------------------------------------------------------------
    def quantities(self, window: Span) -> list[Quantity]:
        """Numeric expressions inside ``window`` (scanned once per paragraph)."""
        if not self.para_starts:
            return find_quantities(self.text, window[0], window[1])
        out: list[Quantity] = []
        for k in range(self.para_at(window[0]), self.para_at(max(window[1] - 1, window[0])) + 1):
            got = self._quantities.get((k, k))
            if got is None:
                got = find_quantities(self.text, self.para_starts[k], self.para_ends[k])
                self._quantities[(k, k)] = got
            out += [q for q in got if q.span[0] >= window[0] and q.span[1] <= window[1]]
        return out

"""Numeric claims of N documents, paired across documents by what they measure.

``document_claims`` lists the numeric claims of one document ("more than 70
percent", "$900 million") with their qualifier, attribution and sentence.
``claim_rows`` pairs them across the report's documents: claims in aligned
paragraphs, with the same unit and similar surrounding words, land in one
row, so "more than 70 percent of the $900 million in machine tools" (France
24) and "Nearly 70% of Russia's approximately $900 million in machine tool
imports" (AP) give one row for the 70% share and one for the $900 million.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .drift.lexicon import SPEAKER_NOUNS, WORD, attributions, content_of
from .model import Document, Report, Span
from .normalize import STOPWORDS, fold
from .numbers import QUALIFIERS, Change, Quantity, compare, find_quantities

MIN_SCORE = 0.45


@dataclass(frozen=True)
class Claim:
    doc: int
    """Index into report.documents."""
    text: str
    """As written, e.g. "more than 70 percent"."""
    span: Span
    value: float | None
    unit: str
    scale: str
    qualifier: str
    measure: str
    """Short words for what it measures, e.g. "machine tool imports"."""
    attribution: str
    """E.g. "US officials said", "the officials claimed", or ""."""
    context: str
    """The sentence it sits in."""

    def quantity(self) -> Quantity:
        return Quantity(self.text, self.span, self.value, self.unit, self.scale, self.qualifier)


@dataclass(frozen=True)
class ClaimRow:
    measure: str
    cells: tuple[Claim | None, ...]
    """One per document of the report, in order."""
    differs: bool
    """Value, qualifier or unit disagree among the present cells."""


_SKIP_MEASURE = (
    STOPWORDS
    | set(QUALIFIERS)
    | {
        "percent",
        "cent",
        "per",
        "million",
        "billion",
        "thousand",
        "trillion",
        "times",
        "approximately",
        "nearly",
        "about",
        "roughly",
        "some",
        "around",
        "almost",
        "more",
    }
)


def _measure(doc: Document, q: Quantity, sent_end: int) -> str:
    tail = doc.text[q.span[1] : min(sent_end, q.span[1] + 90)]
    picked: list[str] = []
    for m in WORD.finditer(tail):
        w = m.group()
        lw = fold(w)
        if lw in _SKIP_MEASURE or lw.replace(".", "").isdigit() or lw.endswith("'s"):
            if picked and lw not in ("of", "in", "the", "a", "an"):
                break
            continue
        if tail[: m.start()].count(",") or "—" in tail[: m.start()] or "(" in tail[: m.start()]:
            break
        picked.append(w)
        if len(picked) == 3:
            break
    return " ".join(picked)


def _attribution(sentence: str, at: int) -> str:
    found = attributions(sentence)
    if not found:
        return ""
    verb, pos = min(found, key=lambda vp: abs(vp[1] - at))
    toks = [(m.group(), m.start()) for m in WORD.finditer(sentence)]
    k = next(i for i, (_, p) in enumerate(toks) if p == pos)
    if verb == "according":
        return " ".join(regex.split(r"[,;:—(]", sentence[pos:])[0].split()[:8])
    seg = regex.split(r"[,;:—(]", sentence[:pos])[-1]
    lead = seg.split()[-4:]
    if lead and any(fold(w) in SPEAKER_NOUNS or w[:1].isupper() for w in lead):
        return " ".join(lead + [toks[k][0]])
    after = toks[k : k + 4]
    end = after[-1][1] + len(after[-1][0])
    return sentence[pos:end].split(",")[0]


@lru_cache(maxsize=64)
def _doc_claims(doc: Document, index: int) -> tuple[Claim, ...]:
    out: list[Claim] = []
    for para in doc.paragraphs:
        if para.noise:
            continue
        sents = para.sentences or ()
        spans = [(s.start, s.end) for s in sents] or [(para.start, para.end)]
        for s, e in spans:
            sentence = doc.text[s:e]
            for q in find_quantities(doc.text, s, e):
                if q.kind != "amount" or q.value is None:
                    continue
                if not (q.unit or q.scale or q.qualifier) and q.value <= 1:
                    continue
                out.append(
                    Claim(
                        index,
                        q.text,
                        q.span,
                        q.value,
                        q.unit,
                        q.scale,
                        q.qualifier,
                        _measure(doc, q, e),
                        _attribution(sentence, q.span[0] - s),
                        " ".join(sentence.split()),
                    )
                )
    return tuple(out)


def document_claims(report: Report, doc: int) -> tuple[Claim, ...]:
    """The numeric claims of document ``doc`` of the report, in text order."""
    return _doc_claims(report.documents[doc], doc)


def _aligned_pairs(report: Report) -> dict[tuple[int, int], dict[int, set[int]]]:
    """(doc x, doc y) -> paragraph px of x -> paragraphs of y paired with it."""
    out: dict[tuple[int, int], dict[int, set[int]]] = {}
    for comp in report.comparisons:
        fwd = out.setdefault((comp.a, comp.b), {})
        back = out.setdefault((comp.b, comp.a), {})
        for blk in comp.blocks:
            for i in blk.a:
                fwd.setdefault(i, set()).update(blk.b)
            for j in blk.b:
                back.setdefault(j, set()).update(blk.a)
    return out


def _para_of(doc: Document, starts: list[int], pos: int) -> int:
    """The paragraph holding ``pos``; ``starts`` are the paragraphs' start offsets."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos <= doc.paragraphs[k].end:
        return doc.paragraphs[k].index
    return -1


def _ctx(doc: Document, c: Claim) -> set[str]:
    s, e = c.span
    around = doc.text[max(0, s - 80) : s] + " " + doc.text[e : e + 80]
    return {w for w in content_of(around) if not w[:1].isdigit()}


@dataclass
class _Info:
    """What claim pairing needs of one claim, worked out once."""

    claim: Claim
    para: int
    ctx: set[str]
    magnitude: float | None
    measure: str


def _info(doc: Document, starts: list[int], c: Claim) -> _Info:
    return _Info(
        c, _para_of(doc, starts, c.span[0]), _ctx(doc, c), c.quantity().magnitude, fold(c.measure)
    )


def _score(aligned: dict[tuple[int, int], dict[int, set[int]]], x: _Info, y: _Info) -> float:
    cx, cy = x.claim, y.claim
    if cx.unit != cy.unit:
        return 0.0
    score = 0.0
    if y.para in aligned.get((cx.doc, cy.doc), {}).get(x.para, ()):
        score += 0.3
    if x.ctx or y.ctx:
        score += 0.6 * len(x.ctx & y.ctx) / max(len(x.ctx | y.ctx), 1)
    mx, my = x.magnitude, y.magnitude
    if mx is not None and my is not None:
        if abs(mx - my) <= 1e-9 * max(abs(mx), 1.0):
            score += 0.3
        elif min(mx, my) > 0 and max(mx, my) / min(mx, my) <= 1.5:
            score += 0.1
    if x.measure and x.measure == y.measure:
        score += 0.2
    return score


class _RowIndex:
    """Rows by where their claims sit, what value they hold, and what they measure.

    A claim is scored only against rows it could reach MIN_SCORE with: rows
    holding a claim in an aligned paragraph, or one of the same unit and
    value, or of the same unit and measure.  Without one of those a pair
    scores at most 0.1 plus the context share, so the index keeps the work
    near-linear instead of every claim against every row.
    """

    def __init__(self) -> None:
        self.by_para: dict[tuple[int, int], set[int]] = {}
        self.by_value: dict[tuple[str, float], set[int]] = {}
        self.by_measure: dict[tuple[str, str], set[int]] = {}

    @staticmethod
    def _value_key(i: _Info) -> tuple[str, float] | None:
        return None if i.magnitude is None else (i.claim.unit, round(i.magnitude, 6))

    def add(self, row: int, i: _Info) -> None:
        self.by_para.setdefault((i.claim.doc, i.para), set()).add(row)
        vk = self._value_key(i)
        if vk is not None:
            self.by_value.setdefault(vk, set()).add(row)
        if i.measure:
            self.by_measure.setdefault((i.claim.unit, i.measure), set()).add(row)

    def candidates(
        self, i: _Info, aligned: dict[tuple[int, int], dict[int, set[int]]], n: int
    ) -> set[int]:
        out: set[int] = set()
        d = i.claim.doc
        for x in range(n):
            for py in aligned.get((d, x), {}).get(i.para, ()):
                out |= self.by_para.get((x, py), set())
        vk = self._value_key(i)
        if vk is not None:
            out |= self.by_value.get(vk, set())
        if i.measure:
            out |= self.by_measure.get((i.claim.unit, i.measure), set())
        return out


def _differs(cells: tuple[Claim | None, ...]) -> bool:
    present = [c for c in cells if c is not None]
    return any(
        compare(present[0].quantity(), c.quantity())[0] not in (Change.SAME, Change.FORMAT)
        for c in present[1:]
    )


def claim_rows(report: Report) -> tuple[ClaimRow, ...]:
    """Claims of every document, one row per thing measured, one cell per document."""
    n = len(report.documents)
    aligned = _aligned_pairs(report)
    rows: list[list[_Info | None]] = []
    index = _RowIndex()
    for d in range(n):
        doc = report.documents[d]
        starts = [p.start for p in doc.paragraphs]
        infos = [_info(doc, starts, c) for c in document_claims(report, d)]
        cands: list[tuple[float, int, int]] = []
        for ci, info in enumerate(infos):
            for ri in sorted(index.candidates(info, aligned, n)):
                best = max(
                    (_score(aligned, r, info) for r in rows[ri] if r is not None), default=0.0
                )
                if best >= MIN_SCORE:
                    cands.append((-best, ci, ri))
        cands.sort()
        taken_c: set[int] = set()
        taken_r: set[int] = set()
        for _, ci, ri in cands:
            if ci in taken_c or ri in taken_r:
                continue
            rows[ri][d] = infos[ci]
            taken_c.add(ci)
            taken_r.add(ri)
        for ci, info in enumerate(infos):
            if ci not in taken_c:
                fresh: list[_Info | None] = [None] * n
                fresh[d] = info
                rows.append(fresh)
        for ri, row in enumerate(rows):
            cell = row[d]
            if cell is not None:
                index.add(ri, cell)

    def first_pos(row: list[_Info | None]) -> tuple[int, int]:
        k = next(i for i, c in enumerate(row) if c is not None)
        cell = row[k]
        assert cell is not None
        return (k, cell.claim.span[0])

    rows.sort(key=first_pos)
    out = []
    for row in rows:
        cells = tuple(None if i is None else i.claim for i in row)
        measure = next((c.measure for c in cells if c is not None and c.measure), "")
        out.append(ClaimRow(measure, cells, _differs(cells)))
    return tuple(out)

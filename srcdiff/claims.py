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

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import SPEAKER_NOUNS, WORD, attributions, content_of
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


_SKIP_MEASURE = STOPWORDS | set(QUALIFIERS) | {
    "percent", "cent", "per", "million", "billion", "thousand", "trillion", "times",
    "approximately", "nearly", "about", "roughly", "some", "around", "almost", "more",
}


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
                    Claim(index, q.text, q.span, q.value, q.unit, q.scale, q.qualifier,
                          _measure(doc, q, e), _attribution(sentence, q.span[0] - s),
                          " ".join(sentence.split()))
                )
    return tuple(out)


def document_claims(report: Report, doc: int) -> tuple[Claim, ...]:
    """The numeric claims of document ``doc`` of the report, in text order."""
    return _doc_claims(report.documents[doc], doc)


def _aligned_pairs(report: Report) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """(doc x, doc y) -> paragraph pairs (px, py) paired by the report's comparisons."""
    out: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for comp in report.comparisons:
        fwd = out.setdefault((comp.a, comp.b), set())
        back = out.setdefault((comp.b, comp.a), set())
        for blk in comp.blocks:
            for i in blk.a:
                for j in blk.b:
                    fwd.add((i, j))
                    back.add((j, i))
    return out


def _para_of(doc: Document, pos: int) -> int:
    for p in doc.paragraphs:
        if p.start <= pos <= p.end:
            return p.index
    return -1


def _ctx(doc: Document, c: Claim) -> set[str]:
    s, e = c.span
    around = doc.text[max(0, s - 80) : s] + " " + doc.text[e : e + 80]
    return {w for w in content_of(around) if not w[:1].isdigit()}


def _score(report: Report, aligned: dict[tuple[int, int], set[tuple[int, int]]],
           x: Claim, y: Claim, cx: set[str], cy: set[str]) -> float:
    if x.unit != y.unit:
        return 0.0
    dx, dy = report.documents[x.doc], report.documents[y.doc]
    score = 0.0
    if (_para_of(dx, x.span[0]), _para_of(dy, y.span[0])) in aligned.get((x.doc, y.doc), set()):
        score += 0.3
    if cx or cy:
        score += 0.6 * len(cx & cy) / max(len(cx | cy), 1)
    mx, my = x.quantity().magnitude, y.quantity().magnitude
    if mx is not None and my is not None:
        if abs(mx - my) <= 1e-9 * max(abs(mx), 1.0):
            score += 0.3
        elif min(mx, my) > 0 and max(mx, my) / min(mx, my) <= 1.5:
            score += 0.1
    if x.measure and fold(x.measure) == fold(y.measure):
        score += 0.2
    return score


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
    rows: list[list[Claim | None]] = []
    ctx: dict[tuple[int, Span], set[str]] = {}
    for d in range(n):
        claims = document_claims(report, d)
        for c in claims:
            ctx[(d, c.span)] = _ctx(report.documents[d], c)
        cands: list[tuple[float, int, int]] = []
        for ci, c in enumerate(claims):
            for ri, row in enumerate(rows):
                best = max(
                    (_score(report, aligned, r, c, ctx[(r.doc, r.span)], ctx[(d, c.span)])
                     for r in row if r is not None),
                    default=0.0,
                )
                if best >= MIN_SCORE:
                    cands.append((-best, ci, ri))
        cands.sort()
        taken_c: set[int] = set()
        taken_r: set[int] = set()
        for _, ci, ri in cands:
            if ci in taken_c or ri in taken_r:
                continue
            rows[ri][d] = claims[ci]
            taken_c.add(ci)
            taken_r.add(ri)
        for ci, c in enumerate(claims):
            if ci not in taken_c:
                fresh: list[Claim | None] = [None] * n
                fresh[d] = c
                rows.append(fresh)

    def first_pos(row: list[Claim | None]) -> tuple[int, int]:
        k = next(i for i, c in enumerate(row) if c is not None)
        cell = row[k]
        assert cell is not None
        return (k, cell.span[0])

    rows.sort(key=first_pos)
    out = []
    for row in rows:
        cells = tuple(row)
        measure = next((c.measure for c in cells if c is not None and c.measure), "")
        out.append(ClaimRow(measure, cells, _differs(cells)))
    return tuple(out)

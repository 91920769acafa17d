"""The two kinds of task a corpus job sends to Dask workers.

* ``index_part``: read one part of a source and keep, for each document, its
  id, where it is, its date and its band keys (never its text);
* ``compare_pairs``: read the documents of a few candidate pairs again and
  run srcdiff's full comparison on each (``srcdiff.pipeline``), keeping the
  relation, the shares and the drifts as plain records.

Both are pure functions of their arguments (the files they read aside), so a
task that Dask runs twice, after a worker died, returns the same thing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import Report
from ..pipeline import compare_documents, document_from_text, with_provenance
from ..render.jsonout import drift_dict
from .index import U64, KeyChunk, document_keys, passage_share, passes_screen, shingles
from .sources import CorpusDoc, Location, Part, Unreadable, read_at, read_part

DRIFT_FIELDS = ("id", "kind", "kinds", "severity", "a", "b", "a_span", "b_span", "explanation")
"""What a corpus record keeps of each drift (spans are offsets into each document's text)."""
QUERY_PREFIX = "query:"
"""How the id of the query document starts: it is no document of the corpus."""
CRASH_ONCE_ENV = "SRCDIFF_CORPUS_CRASH_ONCE"
"""Fault injection for tests: a path; the first comparison task that creates it kills its
worker process, as an out-of-memory kill or a lost machine would."""


@dataclass(frozen=True)
class IndexedPart:
    """What the index keeps of one part: per document id, location, date, band keys."""

    key: str
    ids: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    dates: tuple[str | None, ...] = ()
    keys: KeyChunk = field(default_factory=lambda: KeyChunk.of([]))
    unreadable: tuple[Unreadable, ...] = ()
    sizes: tuple[int, ...] = field(default=())


def index_part(part: Part) -> IndexedPart:
    ids: list[str] = []
    locs: list[Location] = []
    dates: list[str | None] = []
    keys: list[U64] = []
    sizes: list[int] = []
    bad: list[Unreadable] = []
    for doc in read_part(part):
        if isinstance(doc, Unreadable):
            bad.append(doc)
            continue
        ids.append(doc.id)
        locs.append(doc.location)
        dates.append(doc.date)
        keys.append(document_keys(doc.text))
        sizes.append(len(doc.text))
    return IndexedPart(
        part.key,
        tuple(ids),
        tuple(locs),
        tuple(dates),
        KeyChunk.of(keys),
        tuple(bad),
        tuple(sizes),
    )


@dataclass(frozen=True)
class PairTask:
    """Compare ``a`` with ``b`` (a as the reference side), each read from its location."""

    a: str
    b: str
    a_loc: Location
    b_loc: Location
    screen: bool = True
    """Check the LSH estimate exactly first (``screen_share``); drift against an origin is
    always a full comparison."""


def compare_pairs(
    tasks: tuple[PairTask, ...], query: CorpusDoc | None = None
) -> list[dict[str, Any]]:
    """One record per pair: relation, shares and drifts, or the problem met."""
    _maybe_crash()
    cache: dict[str, CorpusDoc | Unreadable] = {}

    def load(doc_id: str, loc: Location) -> CorpusDoc | Unreadable:
        if query is not None and doc_id == query.id and loc == query.location:
            return query
        if doc_id not in cache:
            cache[doc_id] = read_at(loc)
        return cache[doc_id]

    return run_pairs(tasks, load)


def run_pairs(
    tasks: tuple[PairTask, ...], load: Callable[[str, Location], CorpusDoc | Unreadable]
) -> list[dict[str, Any]]:
    """The records of ``tasks``, their documents read with ``load``: a candidate whose
    exact passage share is below ``MIN_PASSAGE_SHARE`` is recorded as screened out."""
    out = []
    for t in tasks:
        a, b = load(t.a, t.a_loc), load(t.b, t.b_loc)
        if t.screen and isinstance(a, CorpusDoc) and isinstance(b, CorpusDoc):
            sa, sb = shingles(a.text), shingles(b.text)
            if not passes_screen(sa, sb):
                # Rounded: every machine writes the same figure.
                share = round(passage_share(sa, sb), 4)
                out.append({"a": t.a, "b": t.b, "relation": "unrelated", "screened": share})
                continue
        out.append(compare_one(t.a, t.b, a, b))
    return out


def compare_one(
    a_id: str, b_id: str, a: CorpusDoc | Unreadable, b: CorpusDoc | Unreadable
) -> dict[str, Any]:
    rec: dict[str, Any] = {"a": a_id, "b": b_id}
    for side, doc in (("a", a), ("b", b)):
        if isinstance(doc, Unreadable):
            rec["problem"] = f"{side}: {doc.problem}"
            return rec
    assert isinstance(a, CorpusDoc) and isinstance(b, CorpusDoc)
    da = document_from_text(a.text, label=a_id, path=a_id)
    db = document_from_text(b.text, label=b_id, path=b_id)
    comp = compare_documents(da, db)
    report = with_provenance(Report((da, db), (comp,)))
    prov = report.provenance
    assert prov is not None
    rel = prov.relations[0]
    sa, sb = prov.share(0, 1), prov.share(1, 0)
    names = (a_id, b_id)
    rec.update(
        relation=str(rel.kind),
        derived=None if rel.derived is None else names[rel.derived],
        source=None if rel.source is None else names[rel.source],
        explanation=rel.explanation,
        found_a=sa.found if sa else 0.0,
        found_b=sb.found if sb else 0.0,
        verbatim_a=sa.verbatim if sa else 0.0,
        verbatim_b=sb.verbatim if sb else 0.0,
        similarity=comp.summary.similarity,
        drifts=[_drift(d) for d in comp.drifts] if rel.kind != "unrelated" else [],
    )
    return rec


def _drift(d: Any) -> dict[str, Any]:
    out = drift_dict(d)
    return {k: out[k] for k in DRIFT_FIELDS}


def _maybe_crash() -> None:
    marker = os.environ.get(CRASH_ONCE_ENV)
    if not marker:
        return
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(fd)
    os._exit(70)

"""The Report as JSON, contract ``srcdiff/1`` (see DESIGN.md).

The contract only grows: fields are added, never renamed or removed.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from ..model import Block, Comparison, Document, Drift, Evidence, Op, Report, Summary
from ..provenance import Provenance
from ..sanitize import json_safe, json_safe_bytes


def document_dict(d: Document) -> dict[str, Any]:
    """One ``documents[i]`` object of the contract."""
    return {
        "label": d.label,
        "path": d.path,
        "encoding": d.encoding,
        "size": d.size,
        "modified": d.modified,
        "kind": d.kind,
        "title": d.title,
        "author": d.author,
        "date": d.date,
        "site": d.site,
        "warnings": list(d.warnings),
        "paragraphs": [
            {
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "noise": p.noise,
                "noise_reason": p.noise_reason,
                "sentences": [[s.start, s.end] for s in p.sentences],
            }
            for p in d.paragraphs
        ],
    }


# Enum members are written as they are: they are str, and the encoder writes
# their text (reading ``.value`` a hundred thousand times costs a while).


def _op(o: Op) -> dict[str, Any]:
    return {
        "op": o.op,
        "a": o.a,
        "b": o.b,
        "a_span": list(o.a_span),
        "b_span": list(o.b_span),
    }


def drift_dict(d: Drift) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kinds[0],
        "kinds": list(d.kinds),
        "severity": d.severity,
        "a": d.a,
        "b": d.b,
        "a_span": list(d.a_span),
        "b_span": list(d.b_span),
        "explanation": d.explanation,
        "op": d.op_index,
        "relation": d.relation,
        **({"direction": d.direction} if d.direction is not None else {}),
        "ops": list(d.ops),
        "evidence": [_evidence(e) for e in d.evidence],
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "op": e.op,
        "cue": e.cue,
        "kinds": list(e.kinds),
        "severity": e.severity,
        "relation": e.relation,
        **({"direction": e.direction} if e.direction is not None else {}),
        "explanation": e.explanation,
        "a": e.a,
        "b": e.b,
        "a_span": list(e.a_span),
        "b_span": list(e.b_span),
    }


def _block(b: Block, drifts: dict[int, dict[str, Any]]) -> dict[str, Any]:
    return {
        "status": b.status,
        "a": list(b.a),
        "b": list(b.b),
        "similarity": b.similarity,
        "noise": b.noise,
        "split": b.is_split,
        "merge": b.is_merge,
        "ops": [_op(o) for o in b.ops],
        "drifts": [drifts[id(d)] for d in sorted(b.drifts, key=lambda d: -d.severity.rank)],
    }


def _summary(s: Summary) -> dict[str, Any]:
    return {
        "paired": s.paired,
        "equal": s.equal,
        "changed": s.changed,
        "moved": s.moved,
        "split": s.split,
        "merged": s.merged,
        "only_a": s.only_a,
        "only_b": s.only_b,
        "noise_a": s.noise_a,
        "noise_b": s.noise_b,
        "similarity": s.similarity,
        "drifts_by_kind": dict(s.drifts_by_kind),
        "drifts_by_severity": dict(s.drifts_by_severity),
    }


def _comparison(c: Comparison) -> dict[str, Any]:
    drifts = {id(d): drift_dict(d) for b in c.blocks for d in b.drifts}
    return {
        "a": c.a,
        "b": c.b,
        "blocks": [_block(b, drifts) for b in c.blocks],
        "drifts": [drifts[id(d)] for d in c.drifts],
        "summary": _summary(c.summary),
    }


def _provenance(p: Provenance, n: int) -> dict[str, Any]:
    found: list[list[float | None]] = [[None] * n for _ in range(n)]
    verbatim: list[list[float | None]] = [[None] * n for _ in range(n)]
    for s in p.shares:
        found[s.doc][s.other] = s.found
        verbatim[s.doc][s.other] = s.verbatim
    return {
        "found": found,
        "verbatim": verbatim,
        "relations": [
            {
                "a": r.a,
                "b": r.b,
                "kind": r.kind.value,
                "derived": r.derived,
                "source": r.source,
                "part": list(r.part) if r.part else None,
                "explanation": r.explanation,
            }
            for r in p.relations
        ],
        "passages": [
            {
                "members": [{"doc": d, "paragraphs": list(ps)} for d, ps in g.members],
                "origin": g.origin,
                "reason": g.reason,
            }
            for g in p.passages
        ],
    }


def report_dict(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": report.schema,
        "documents": [document_dict(d) for d in report.documents],
        "comparisons": [_comparison(c) for c in report.comparisons],
        "base": report.base,
    }
    if report.provenance is not None:
        out["provenance"] = _provenance(report.provenance, len(report.documents))
    return out


def render_json(report: Report) -> str:
    """``render_json_bytes`` as text."""
    return render_json_bytes(report).decode("utf-8")


def render_json_bytes(report: Report) -> bytes:
    """Deterministic JSON of the report on one line, ending with a newline, as UTF-8.

    Compact, because the JSON is for tools (``jq .`` prints it for people), and
    written by orjson: the same bytes as ``json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))`` for everything a report holds (its floats are rounded to
    four places, so none is written in exponent form), several times faster.  A
    report orjson refuses (a lone surrogate: a file name's bytes that are not UTF-8)
    is written by ``json``, its surrogates escaped.
    """
    data = report_dict(report)
    try:
        return json_safe_bytes(orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE))
    except orjson.JSONEncodeError:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return (json_safe(text) + "\n").encode("utf-8")

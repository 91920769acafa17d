"""A corpus job's result as JSON Lines (schema ``srcdiff-corpus/1``, docs/corpus.md) and text.

Every line is a JSON object with a ``type``; lines come in a fixed order
(the header, unreadable documents, then matches or clusters, members and
pairs), each group sorted by content-derived keys (document ids), so the
same corpus gives the same bytes however and wherever the job ran.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from .clusters import joins
from .job import JobResult
from .tasks import DRIFT_FIELDS

SCHEMA = "srcdiff-corpus/1"
RELATION_RANK = {"copy": 0, "contained": 1, "reworded": 2, "shares_facts": 3, "unrelated": 4}
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def cluster_id(members: tuple[str, ...]) -> str:
    return "c" + hashlib.sha1("\n".join(members).encode("utf-8")).hexdigest()[:12]


def _counts(drifts: list[dict[str, Any]]) -> dict[str, int]:
    out = {"high": 0, "medium": 0, "low": 0}
    for d in drifts:
        out[d["severity"]] += 1
    return out


def _comparison(rec: dict[str, Any]) -> dict[str, Any]:
    drifts = sorted(
        ({k: d[k] for k in DRIFT_FIELDS} for d in rec.get("drifts", [])),
        key=lambda d: SEVERITY_RANK[d["severity"]],
    )
    return {
        "relation": rec["relation"],
        "derived": rec["derived"],
        "source": rec["source"],
        "explanation": rec["explanation"],
        "found_a": rec["found_a"],
        "found_b": rec["found_b"],
        "verbatim_a": rec["verbatim_a"],
        "verbatim_b": rec["verbatim_b"],
        "similarity": rec["similarity"],
        "drift_counts": _counts(drifts),
        "drifts": drifts,
    }


def records(result: JobResult) -> Iterator[dict[str, Any]]:
    """The output objects, in output order."""
    recs = result.records
    related = sorted((k for k, r in recs.items() if joins(r)))
    yield {
        "type": "corpus",
        "schema": SCHEMA,
        "mode": "query" if result.query else "clusters",
        "documents": len(result.corpus.ids),
        "unreadable": len(result.corpus.unreadable),
        "candidates": result.candidates,
        "boilerplate_buckets": result.boilerplate_buckets,
        "compared": sum(1 for r in recs.values() if "screened" not in r),
        "screened": sum(1 for r in recs.values() if "screened" in r),
        "related": len(related),
        "clusters": len(result.clusters),
    }
    for bad in result.corpus.unreadable:
        yield {"type": "unreadable", "id": bad.id, "problem": bad.problem}
    for (a, b), rec in sorted(recs.items()):
        if "problem" in rec:
            yield {"type": "failed", "a": a, "b": b, "problem": rec["problem"]}
    if result.query:
        yield from _matches(result)
        return
    dates = dict(zip(result.corpus.ids, result.corpus.dates, strict=True))
    for members, (origin, reason) in zip(result.clusters, result.origins, strict=True):
        cid = cluster_id(members)
        yield {
            "type": "cluster",
            "id": cid,
            "size": len(members),
            "origin": origin,
            "origin_reason": reason,
            "members": list(members),
        }
        for m in members:
            if m == origin:
                continue
            got = recs.get((origin, m))
            row: dict[str, Any] = {
                "type": "member",
                "cluster": cid,
                "id": m,
                "date": dates.get(m),
                "origin": origin,
            }
            if got is not None and "problem" not in got:
                row.update(_comparison(got))
            yield row
    for a, b in related:
        yield {"type": "pair", "a": a, "b": b, **_comparison(recs[(a, b)]), "drifts": []}


def _matches(result: JobResult) -> Iterator[dict[str, Any]]:
    rows = [r for r in result.records.values() if joins(r)]
    rows.sort(key=lambda r: (RELATION_RANK[r["relation"]], -r["found_a"], -r["found_b"], r["b"]))
    for rec in rows:
        yield {"type": "match", "query": rec["a"], "id": rec["b"], **_comparison(rec)}


def render_jsonl(result: JobResult) -> str:
    return "".join(
        json.dumps(r, ensure_ascii=True, sort_keys=False) + "\n" for r in records(result)
    )


def _safe(text: str, limit: int = 80) -> str:
    """One line of input text fit for a terminal: no control characters, cut to ``limit``."""
    clean = "".join(c if c.isprintable() else " " for c in " ".join(text.split()))
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def render_summary(result: JobResult) -> str:
    objs = list(records(result))
    head = objs[0]
    out = [
        f"{head['documents']} documents, {head['unreadable']} unreadable, "
        f"{head['candidates']} candidate pairs, {head['related']} related"
        + ("" if result.query else f", {head['clusters']} stories")
    ]
    for o in objs[1:]:
        kind = o["type"]
        if kind == "unreadable":
            out.append(f"unreadable: {_safe(o['id'])}: {_safe(o['problem'])}")
        elif kind == "failed":
            out.append(f"not compared: {_safe(o['a'])} / {_safe(o['b'])}: {_safe(o['problem'])}")
        elif kind == "cluster":
            out.append("")
            out.append(f"story {o['id']}: {o['size']} documents, origin {_safe(o['origin'])}")
            out.append(f"  ({_safe(o['origin_reason'], 100)})")
        elif kind in ("member", "match"):
            out += _row(o)
    return "\n".join(out) + "\n"


def _row(o: dict[str, Any]) -> list[str]:
    if "relation" not in o:
        return [f"  {_safe(o['id'], 50)}: not compared"]
    c = o["drift_counts"]
    lines = [
        f"  {_safe(o['id'], 50):<50} {o['relation']:<12} shared {o['found_b']:>4.0%}"
        f"  drifts {c['high']} high, {c['medium']} medium, {c['low']} low"
    ]
    for d in o["drifts"]:
        if d["severity"] != "high":
            break
        lines.append(f"      high {d['kind']}: {_safe(d['a'], 40)!r} -> {_safe(d['b'], 40)!r}")
    return lines

"""Stories: documents joined by related pairs, and each story's likely origin.

A cluster is a connected group of documents whose full comparison found a
relation (copy, contained, reworded, or shares facts with enough words in
common: ``joins``).  Its origin is the
earliest dated member where dates are known; else the rules of N-way
provenance read off the pairs: a text found whole inside a larger page was
more likely taken into it than cut out of it, and a rewrite's source comes
before the rewrite.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

SHARES_FACTS_SIMILARITY = 0.05
"""Word similarity a "shares facts" pair needs to count in a corpus.  Two texts on one
subject share names and places, and the aligner pairs a few of their passages: on the
bench corpus such unrelated pairs reach 0.041, the two agencies' write-ups of one briefing
in the seeds 0.054."""


def joins(rec: dict[str, Any]) -> bool:
    """True when a comparison record relates its two documents in a corpus."""
    if "problem" in rec or rec.get("relation") in (None, "unrelated"):
        return False
    return rec["relation"] != "shares_facts" or float(rec["similarity"]) >= SHARES_FACTS_SIMILARITY


def cluster(related: Sequence[dict[str, Any]]) -> list[tuple[str, ...]]:
    """Connected groups of the related pairs' documents, each sorted, in order of first id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rec in related:
        ra, rb = find(rec["a"]), find(rec["b"])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    return sorted(tuple(sorted(g)) for g in groups.values())


CLOSER = 0.05
"""Lead in mean similarity by which one version stands closest to the others."""


def _closeness(related: Sequence[dict[str, Any]], members: set[str]) -> dict[str, float]:
    """Mean similarity of each member to the members it was compared with."""
    sims: dict[str, list[float]] = {m: [] for m in members}
    for rec in related:
        if rec["a"] in sims:
            sims[rec["a"]].append(rec["similarity"])
            sims[rec["b"]].append(rec["similarity"])
    return {m: sum(v) / len(v) if v else 0.0 for m, v in sims.items()}


def _points(related: Sequence[dict[str, Any]], members: set[str]) -> dict[str, int]:
    """For each member, how many of its pairs name it as the earlier text."""
    points: dict[str, int] = dict.fromkeys(members, 0)
    for rec in related:
        if rec["a"] not in members or rec.get("derived") is None:
            continue
        if rec["relation"] == "contained":
            points[rec["derived"]] += 1
        elif rec.get("source") is not None:
            points[rec["source"]] += 1
    return points


def origin_of(
    members: tuple[str, ...], related: Sequence[dict[str, Any]], dates: dict[str, str | None]
) -> tuple[str, str]:
    """The likely origin of a cluster and why."""
    dated = sorted((dates[m], m) for m in members if dates.get(m))
    if dated:
        first = dated[0]
        tied = [m for d, m in dated if d == first[0]]
        if len(tied) == 1:
            return first[1], f"the earliest dated version ({first[0]})"
    pool = set(tied) if dated else set(members)
    points = _points(related, set(members))
    degree: dict[str, int] = dict.fromkeys(members, 0)
    for rec in related:
        if rec["a"] in degree:
            degree[rec["a"]] += 1
            degree[rec["b"]] += 1
    mean = _closeness(related, set(members))
    ranked = sorted(pool, key=lambda m: (-mean[m], m))
    if len(ranked) >= 2 and mean[ranked[0]] - mean[ranked[1]] >= CLOSER:
        return ranked[0], (
            f"the other versions stand closest to it (mean similarity {mean[ranked[0]]:.0%})"
        )
    best = min(pool, key=lambda m: (-points[m], -degree[m], m))
    if points[best]:
        return best, f"the other versions were taken from it ({points[best]} of its pairs say so)"
    return best, "no version is told earlier: the one related to most others"

"""Paragraph groups (1:1, 1:n, n:1) grown from pair evidence, and the ordered chain."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .._core import longest_increasing

MAX_SPREAD = 3
"""How far apart paragraphs of one side of a split or merge may lie."""


@dataclass(frozen=True)
class ParaLink:
    """Paragraph groups that correspond, with the sentence-level score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


@dataclass
class Groups:
    """The paragraph groups the passes build: the one structure they share and grow.

    ``members`` holds each group's paragraphs of a and of b and the weights
    that made it; ``of_a`` and ``of_b`` say which group holds a paragraph.
    Only the passes write to it; ``links`` is the immutable result.
    """

    of_a: dict[int, int] = field(default_factory=dict)
    of_b: dict[int, int] = field(default_factory=dict)
    members: list[tuple[set[int], set[int], list[float]]] = field(default_factory=list)

    def links(self) -> list[ParaLink]:
        return [
            ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), sum(ws)) for ga, gb, ws in self.members
        ]


def spread(idx: set[int]) -> int:
    return max(idx) - min(idx)


def grow_groups(
    weight: dict[tuple[int, int], float],
    groups: Groups,
) -> None:
    """Grow paragraph groups from sentence-vote weights (1:1, 1:n, n:1)."""
    out_a: dict[int, float] = defaultdict(float)
    out_b: dict[int, float] = defaultdict(float)
    for (pa, pb), w in weight.items():
        out_a[pa] += w
        out_b[pb] += w
    kept = [(w, pa, pb) for (pa, pb), w in weight.items() if w >= 0.3 * min(out_a[pa], out_b[pb])]
    kept.sort(key=lambda t: (-t[0], t[1], t[2]))
    for w, pa, pb in kept:
        ga_id, gb_id = groups.of_a.get(pa), groups.of_b.get(pb)
        if ga_id is None and gb_id is None:
            groups.of_a[pa] = groups.of_b[pb] = len(groups.members)
            groups.members.append(({pa}, {pb}, [w]))
        elif ga_id is not None and gb_id is not None:
            if ga_id == gb_id:
                groups.members[ga_id][2].append(w)
        elif ga_id is not None:
            ga, gb, ws = groups.members[ga_id]
            if len(ga) == 1 and spread(gb | {pb}) <= MAX_SPREAD:
                gb.add(pb)
                ws.append(w)
                groups.of_b[pb] = ga_id
        elif gb_id is not None:
            ga, gb, ws = groups.members[gb_id]
            if len(gb) == 1 and spread(ga | {pa}) <= MAX_SPREAD:
                ga.add(pa)
                ws.append(w)
                groups.of_a[pa] = gb_id


def feasible(
    pa: int,
    pb: int,
    groups: Groups,
) -> bool:
    """Whether linking paragraphs pa and pb could form or grow a 1:1, 1:n or n:1 group."""
    ga, gb = groups.of_a.get(pa), groups.of_b.get(pb)
    if ga is None and gb is None:
        return True
    if ga is not None and gb is not None:
        return False
    if ga is not None:
        sa, sb, _w = groups.members[ga]
        return len(sa) == 1 and spread(sb | {pb}) <= MAX_SPREAD
    assert gb is not None
    sa, sb, _w = groups.members[gb]
    return len(sb) == 1 and spread(sa | {pa}) <= MAX_SPREAD


def ordered_chain(links: Sequence[ParaLink]) -> set[int]:
    """Indices of links on the longest chain ordered on both sides (the rest moved)."""
    order = sorted(range(len(links)), key=lambda k: (links[k].a[0], links[k].b[0]))
    return {order[p] for p in longest_increasing([links[k].b[0] for k in order])}

"""Share of paragraphs correctly paired, against the truth a pair was built with.

A paragraph of A is paired correctly when the one block holding it has on
its B side exactly the paragraphs that A paragraph became (its true
counterpart set), and likewise for a paragraph of B.  The share is taken
over all paragraphs of both sides.  ``exact`` is stricter: the block must
also hold, on the paragraph's own side, every paragraph of its true group
(both halves of a merge).

srcdiff's paragraphs are mapped onto the generated ones by character
offsets, so a different segmentation costs accuracy instead of crashing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Spans = Sequence[Sequence[int]]
Truth = Sequence[Sequence[int]]


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    exact: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    wrong_a: list[int] = field(default_factory=list)
    wrong_b: list[int] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def exact_share(self) -> float:
        return self.exact / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraphs": self.total,
            "correct": self.correct,
            "paired": round(self.share, 6),
            "exact": round(self.exact_share, 6),
            "errors": dict(sorted(self.errors.items())),
        }


def _locate(spans: Spans, starts: list[int], pos: int) -> int:
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return 0
    if pos >= spans[k][1] and k + 1 < len(spans):
        return k + 1
    return k


def _side_score(
    score: Score,
    side: str,
    holders: Sequence[set[int]],
    block_sets: Sequence[tuple[frozenset[int], frozenset[int]]],
    mine: Truth,
    theirs: Truth,
) -> None:
    """holders[p]: blocks holding generated paragraph p; block_sets[k]: (own, other) sets."""
    wrong = score.wrong_a if side == "a" else score.wrong_b
    for p, blocks in enumerate(holders):
        score.total += 1
        want = frozenset(mine[p])
        group = frozenset(q for j in want for q in theirs[j])
        if len(blocks) != 1:
            score.errors[f"{side}: cut across blocks"] += 1
            wrong.append(p)
            continue
        own, other = block_sets[next(iter(blocks))]
        if other == want:
            score.correct += 1
            if own == group:
                score.exact += 1
            continue
        wrong.append(p)
        if not other:
            score.errors[f"{side}: left unpaired"] += 1
        elif not other & want:
            score.errors[f"{side}: paired with wrong paragraph(s)"] += 1
        elif other < want:
            score.errors[f"{side}: split/merge partly found"] += 1
        else:
            score.errors[f"{side}: extra paragraph(s) in block"] += 1


def score_blocks(
    blocks: Sequence[tuple[Sequence[int], Sequence[int]]],
    truth: dict[str, Any],
    a_spans: Spans | None = None,
    b_spans: Spans | None = None,
) -> Score:
    """Score (a indices, b indices) blocks.

    ``a_spans``/``b_spans`` are the tool's own paragraph spans (start, end);
    when given, tool paragraphs are mapped to generated ones by offset,
    otherwise their indices are taken to be the generated indices.
    """
    ga: Spans = truth["a_spans"]
    gb: Spans = truth["b_spans"]
    a_to_b: Truth = truth["a_to_b"]
    b_to_a: Truth = truth["b_to_a"]

    def mapper(tool_spans: Spans | None, gen: Spans) -> list[int] | None:
        if tool_spans is None:
            return None
        starts = [s for s, _ in gen]
        return [_locate(gen, starts, s) for s, _ in tool_spans]

    ma, mb = mapper(a_spans, ga), mapper(b_spans, gb)
    holders_a: list[set[int]] = [set() for _ in ga]
    holders_b: list[set[int]] = [set() for _ in gb]
    sets: list[tuple[frozenset[int], frozenset[int]]] = []
    for k, (ba, bb) in enumerate(blocks):
        sa = frozenset(ma[i] if ma else i for i in ba)
        sb = frozenset(mb[j] if mb else j for j in bb)
        sets.append((sa, sb))
        for p in sa:
            holders_a[p].add(k)
        for p in sb:
            holders_b[p].add(k)
    score = Score()
    _side_score(score, "a", holders_a, sets, a_to_b, b_to_a)
    _side_score(score, "b", holders_b, [(o, s) for s, o in sets], b_to_a, a_to_b)
    return score


def score_srcdiff(report: dict[str, Any], truth: dict[str, Any]) -> Score:
    """Score the first comparison of a ``srcdiff/1`` JSON report."""
    docs = report["documents"]
    spans_a = [(p["start"], p["end"]) for p in docs[0]["paragraphs"]]
    spans_b = [(p["start"], p["end"]) for p in docs[1]["paragraphs"]]
    blocks = [(blk["a"], blk["b"]) for blk in report["comparisons"][0]["blocks"]]
    return score_blocks(blocks, truth, spans_a, spans_b)


def score_pairs(pairs: Sequence[Sequence[int]], n_a: int, n_b: int, truth: dict[str, Any]) -> Score:
    """Score 1:1 paragraph pairs (difflib's 'equal' opcodes); the rest are one-sided."""
    blocks: list[tuple[Sequence[int], Sequence[int]]] = [([i], [j]) for i, j in pairs]
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    blocks += [([i], []) for i in range(n_a) if i not in paired_a]
    blocks += [([], [j]) for j in range(n_b) if j not in paired_b]
    return score_blocks(blocks, truth)

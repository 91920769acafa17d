"""Longest increasing subsequence, shared by alignment (moves) and word diff (anchors)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions, in order, of a longest strictly increasing subsequence of ``values``.

    Patience sorting: O(n log n). Among equally long runs it keeps, at each
    length, the one whose last value came latest.
    """
    tails: list[int] = []
    tails_at: list[int] = []
    prev = [-1] * len(values)
    for pos, v in enumerate(values):
        t = bisect_left(tails, v)
        if t == len(tails):
            tails.append(v)
            tails_at.append(pos)
        else:
            tails[t] = v
            tails_at[t] = pos
        prev[pos] = tails_at[t - 1] if t else -1
    out: list[int] = []
    p = tails_at[-1] if tails_at else -1
    while p != -1:
        out.append(p)
        p = prev[p]
    return out[::-1]

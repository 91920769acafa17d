"""How two short word sequences from a word diff relate in meaning.

``phrase_relation`` pairs the words of one side with the words of the other, in any
order, each pair a word or a run of up to ``MAX_SPAN`` words that ``relate.relation``
calls equivalent or reversed.  Every word must be paired, except the few a rewrite
adds or drops without changing what is said: articles and demonstratives, forms of
"be" (tense and aspect are not what this judges), and a possessive turned round
("China's support" / "the support from China": the "'s" on one side, "of"/"from"/"by"
on the other).  No pairing leaves the words unrelated: precision over recall.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import tables
from .relate import Relation
from .screen import screened  # relation, most unrelated pairs answered at once

MAX_SPAN = 4
MAX_WORDS = 12
"""Longer sides are not judged (the pairing search grows fast and the caller has other
evidence for long changes)."""

BE = frozenset(["be", "am", "is", "are", "was", "were", "been", "being"])
_WORD = re.compile(r"[\w.']+")
_POSSESSIVE = re.compile(r"^(.+?)('s|')$")


def _tokens(words: Sequence[str]) -> list[str]:
    """Words (case kept) split at hyphens and slashes, possessives split off as "'s"."""
    return [part for word in words for part in _word_tokens(word)]


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    """``_tokens`` of one word: each word splits on its own, and words recur."""
    out = []
    for part in _WORD.findall(word.replace("’", "'").replace("-", " ")):
        part = part.strip(".'") if not _ABBREVIATION.fullmatch(part) else part
        if not part:
            continue
        match = _POSSESSIVE.match(part)
        if match and part.lower() not in ("'s", "its"):
            out.extend([match.group(1), "'s"])
        else:
            out.append(part)
    return tuple(out)


def _content(tokens: list[str], glue_ok: bool) -> tuple[str, ...]:
    """``tokens`` less the words a rewrite may add or drop (see the module docstring)."""
    kept = []
    for token in tokens:
        folded = token.lower()
        if folded in tables.ARTICLES or folded in tables.DEMONSTRATIVES:
            continue
        if folded in BE or folded == "'s":
            continue
        if glue_ok and folded in tables.POSSESSIVE_GLUE:
            continue
        kept.append(token)
    return tuple(kept)


def phrase_relation(a_words: Sequence[str], b_words: Sequence[str]) -> Relation | None:
    """EQUIVALENT when every word of each side is paired with an equivalent on the other;
    REVERSED when exactly one pair is reversed and the rest equivalent; else None.

    Symmetric in its two arguments.  Either side empty: None unless the other side has
    only droppable words.
    """
    ta, tb = _tokens(a_words), _tokens(b_words)
    if not ta and not tb:
        return None
    if 0 < len(ta) <= MAX_SPAN and 0 < len(tb) <= MAX_SPAN:
        # A table's form may hold an article ("a little" / "slightly"), which the
        # pairing below would drop.
        whole = screened(" ".join(ta), " ".join(tb))
        if whole is not None:
            return whole
    poss_a, poss_b = "'s" in ta, "'s" in tb
    ca = _content(ta, glue_ok=poss_b and not poss_a)
    cb = _content(tb, glue_ok=poss_a and not poss_b)
    if len(ca) > MAX_WORDS or len(cb) > MAX_WORDS:
        return None
    return _match(ca, cb)


@lru_cache(maxsize=4096)
def _match(a: tuple[str, ...], b: tuple[str, ...]) -> Relation | None:
    best = _fewest_reversed(a, b)
    if best == 0:
        return Relation.EQUIVALENT
    return Relation.REVERSED if best == 1 else None


_NO_MATCH = 99


def _fewest_reversed(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Fewest reversed pairs in a pairing of all words of ``a`` and ``b`` (or _NO_MATCH).

    The search always extends the pairing at the first unpaired word of ``a``, so the
    paired words of ``a`` are a prefix and a state is (that prefix, the paired words of
    ``b``); related spans are computed once, states are memoised.
    """
    edges: list[list[tuple[int, int, int]]] = [[] for _ in a]
    for i in range(len(a)):
        for la in range(1, min(MAX_SPAN, len(a) - i) + 1):
            for j in range(len(b)):
                for lb in range(1, min(MAX_SPAN, len(b) - j) + 1):
                    found = screened(" ".join(a[i : i + la]), " ".join(b[j : j + lb]))
                    if found is not None:
                        mask = ((1 << lb) - 1) << j
                        edges[i].append((i + la, mask, int(found is Relation.REVERSED)))
    full = (1 << len(b)) - 1
    memo: dict[tuple[int, int], int] = {}

    def cost(i: int, used_b: int) -> int:
        if i == len(a):
            return 0 if used_b == full else _NO_MATCH
        key = (i, used_b)
        if key not in memo:
            memo[key] = min(
                (
                    reversed_ + cost(next_i, used_b | mask)
                    for next_i, mask, reversed_ in edges[i]
                    if not used_b & mask
                ),
                default=_NO_MATCH,
            )
        return memo[key]

    return min(cost(0, 0), _NO_MATCH)

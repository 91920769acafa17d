"""How two short word sequences from a word diff relate in meaning.

``phrase_relation`` pairs the words of one side with the words of the other, in any
order, each pair a word or a run of up to ``MAX_SPAN`` words that ``relate.relation``
calls equivalent or reversed.  Every word must be paired, except the few a rewrite
adds or drops without changing what is said: articles, forms of "be" (tense and aspect
are not what this judges), and a possessive turned round ("China's support" / "the
support from China": the "'s" on one side, "of"/"from"/"by" on the other).  No pairing
leaves the words unrelated: precision over recall.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import tables
from .relate import Relation, relation

MAX_SPAN = 4
MAX_WORDS = 12
"""Longer sides are not judged (the pairing search grows fast and the caller has other
evidence for long changes)."""

BE = frozenset(["be", "am", "is", "are", "was", "were", "been", "being"])
_WORD = re.compile(r"[\w.']+")
_POSSESSIVE = re.compile(r"^(.+?)('s|')$")


def _tokens(words: Sequence[str]) -> list[str]:
    """Words (case kept) split at hyphens and slashes, possessives split off as "'s"."""
    out = []
    for word in words:
        for part in _WORD.findall(word.replace("’", "'").replace("-", " ")):
            part = part.strip(".'") if not re.fullmatch(r"(?:[A-Z]\.)+", part) else part
            if not part:
                continue
            match = _POSSESSIVE.match(part)
            if match and part.lower() not in ("'s", "its"):
                out.extend([match.group(1), "'s"])
            else:
                out.append(part)
    return out


def _content(tokens: list[str], glue_ok: bool) -> tuple[str, ...]:
    """``tokens`` less the words a rewrite may add or drop (see the module docstring)."""
    kept = []
    for token in tokens:
        folded = token.lower()
        if folded in tables.ARTICLES or folded in BE or folded == "'s":
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
    poss_a, poss_b = "'s" in ta, "'s" in tb
    ca = _content(ta, glue_ok=poss_b and not poss_a)
    cb = _content(tb, glue_ok=poss_a and not poss_b)
    if len(ca) > MAX_WORDS or len(cb) > MAX_WORDS:
        return None
    return _match(ca, cb)


@lru_cache(maxsize=4096)
def _match(a: tuple[str, ...], b: tuple[str, ...]) -> Relation | None:
    best = _cost(a, b, 0, 0)
    if best == 0:
        return Relation.EQUIVALENT
    return Relation.REVERSED if best == 1 else None


_NO_MATCH = 99


def _cost(a: tuple[str, ...], b: tuple[str, ...], used_a: int, used_b: int) -> int:
    """Fewest reversed pairs in a pairing of the unused words of ``a`` and ``b``."""
    free_a = [i for i in range(len(a)) if not used_a >> i & 1]
    if not free_a:
        return 0 if used_b == (1 << len(b)) - 1 else _NO_MATCH
    i = free_a[0]
    best = _NO_MATCH
    for la in range(1, MAX_SPAN + 1):
        span_a = _span_mask(i, la, len(a), used_a)
        if span_a is None:
            break
        for j in range(len(b)):
            for lb in range(1, MAX_SPAN + 1):
                span_b = _span_mask(j, lb, len(b), used_b)
                if span_b is None:
                    break
                found = relation(" ".join(a[i : i + la]), " ".join(b[j : j + lb]))
                if found is None:
                    continue
                rest = _cost(a, b, used_a | span_a, used_b | span_b)
                best = min(best, rest + (found is Relation.REVERSED))
                if best == 0:
                    return 0
    return best


def _span_mask(start: int, length: int, size: int, used: int) -> int | None:
    """The bit mask of words ``start`` .. ``start + length - 1`` if all exist and are free."""
    if start + length > size:
        return None
    mask = ((1 << length) - 1) << start
    return None if used & mask else mask

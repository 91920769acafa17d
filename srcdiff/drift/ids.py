"""Drift ids: from the block and the two sides' normalized text, nothing else.

An id must survive what a reviewer does not care about: rewording an
explanation, a new rule that adds a kind, the order the two files were
given in.  So it hashes the texts of the two sides of the block (as an
unordered pair) and the texts of the finding's two spans (as an unordered
pair), folded and with spaces collapsed; a repeat of the very same change
in one block is numbered in the order of the side whose text sorts first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..model import Span
from ..normalize import fold


def norm(text: str) -> str:
    return " ".join(fold(text).split())


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def block_key(a_side: str, b_side: str) -> tuple[str, bool]:
    """The block's key, and whether side b is the one whose text sorts first."""
    na, nb = norm(a_side), norm(b_side)
    flip = nb < na
    lo, hi = (nb, na) if flip else (na, nb)
    return _digest(lo, hi), flip


def drift_ids(
    key: str, flip: bool, a_text: str, b_text: str, spans: Sequence[tuple[Span, Span]]
) -> list[str]:
    """One id per finding, given each finding's (a_span, b_span)."""
    texts = []
    for sa, sb in spans:
        ta, tb = norm(a_text[sa[0] : sa[1]]), norm(b_text[sb[0] : sb[1]])
        texts.append((tb, ta) if flip else (ta, tb))
    order = sorted(
        range(len(spans)),
        key=lambda k: (
            (spans[k][1][0], spans[k][0][0]) if flip else (spans[k][0][0], spans[k][1][0])
        ),
    )
    seen: dict[tuple[str, str], int] = {}
    out = [""] * len(spans)
    for k in order:
        n = seen.get(texts[k], 0)
        seen[texts[k]] = n + 1
        out[k] = _digest(key, *sorted(texts[k]), str(n))[:12]
    return out

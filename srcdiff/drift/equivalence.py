"""Do two short runs of words mean the same, the opposite, or something else?"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Relation


def relate(wa: Sequence[str], wb: Sequence[str]) -> Relation | None:
    """The relation of two runs of folded words, or None when the lexicon cannot tell."""
    return None

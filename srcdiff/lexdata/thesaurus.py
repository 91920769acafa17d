"""The mutual entries of the Moby Thesaurus II, packaged as ``thesaurus.tsv``.

Grady Ward's Moby Thesaurus (public domain, notice in ``MOBY-LICENSE``) lists, under each
of 30,259 roots, the words a writer might use instead.  It is generous by design, so only
the pairs that two entries agree on are kept (b listed under a and a under b), by
``scripts/build_thesaurus.py``.  The data is read once per process on first use; a row
is found and parsed only when one of its words is looked up (``lines.SortedLines``).
docs/lexicon.md says how ``close`` uses it and which WordNet checks guard it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .lines import SortedLines

DATA_FILE = "thesaurus.tsv"


@lru_cache(maxsize=1)
def _rows() -> SortedLines:
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return SortedLines(text, 0, len(text))


@lru_cache(maxsize=65536)
def _partners(word: str) -> frozenset[str]:
    """The entries stored under ``word``: those after it in alphabetical order."""
    found = _rows().row(word)
    return frozenset() if found is None else frozenset(found.split(","))


def mutual(a: str, b: str) -> bool:
    """Whether the thesaurus lists each of two lowercase entries under the other."""
    if a == b:
        return False
    first, second = (a, b) if a < b else (b, a)
    return second in _partners(first)

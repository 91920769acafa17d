"""Sorted lines of one text, searched where they lie.

The packaged lexical data (WordNet, the thesaurus) is a few hundred thousand sorted
lines, of which one run looks up a few thousand.  Splitting the text into lines costs
more than every lookup of a short run together (20 ms for WordNet), so the lines are
not split: a lookup bisects the text itself, as look(1) bisects a sorted file, backing
up from a character position to its line's start (``srcdiff._core.first_line_from``, in
C: 37,000 lookups on the 1.5 MB bench pair).  Only the line found is copied out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .._core import first_line_from


@dataclass(frozen=True, slots=True)
class SortedLines:
    """The lines of ``text[start:end]``, in code point order, each ending in a newline."""

    text: str
    start: int
    end: int

    @classmethod
    def section(cls, text: str, heading: str, following: str | None = None) -> SortedLines:
        """The lines after the line ``heading`` up to the line ``following`` (or the end)."""
        start = text.index(f"{heading}\n") + len(heading) + 1
        end = len(text) if following is None else text.index(f"\n{following}\n", start - 1) + 1
        return cls(text, start, end)

    def _first_from(self, probe: str) -> int:
        """Where the first line not before ``probe`` starts (``end`` if there is none)."""
        return first_line_from(self.text, self.start, self.end, probe)

    def row(self, key: str) -> str | None:
        """The rest of the first line ``key<TAB>...``, or None.  A tab sorts before every
        character a key holds, so the lines of one key follow the keys it begins."""
        head = key + "\t"
        at = self._first_from(head)
        if at < self.end and self.text.startswith(head, at):
            return self.text[at + len(head) : self.text.find("\n", at, self.end)]
        return None

    def has(self, line: str) -> bool:
        """Whether ``line`` is one of the lines."""
        at = self._first_from(line)
        return at < self.end and self.text.startswith(f"{line}\n", at)

    def __iter__(self) -> Iterator[str]:
        return iter(self.text[self.start : self.end].splitlines())

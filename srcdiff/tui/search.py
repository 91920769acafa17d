"""Search in both texts: every match highlighted, the current one in its own colour,
"match k of n", and keys of its own for the next and the previous match."""

from __future__ import annotations

import re

from .marking import MarkingApp
from .note import SearchScreen
from .panes import SideBySide


def pattern_of(query: str) -> re.Pattern[str] | None:
    """The words of ``query`` in order, any run of white space between them, any case."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


class SearchingApp(MarkingApp):
    """The search half of the app (the review half below it, the view above)."""

    last_query = ""

    @property
    def panes(self) -> SideBySide:
        return self.query_one(SideBySide)

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.last_query), self._search)

    def _search(self, query: str | None) -> None:
        panes = self.panes
        if query is None or panes.rows is None:
            return
        pattern = pattern_of(query)
        self.last_query = query.strip()
        panes.find(pattern)
        if pattern is None:
            self.notify("Search ended.", timeout=2)
        elif not panes.hits:
            self.notify(f"Not found: {query}", severity="warning", timeout=3)
        else:
            # The first match from the top of the view on, as a reader's eye would go.
            top = round(panes.scroll_y)
            first = next((k for k, h in enumerate(panes.hits) if h[0] >= top), 0)
            self._go_to_match(first)
            return
        panes.redraw()
        self.refresh_side()

    def action_match(self, step: int) -> None:
        panes = self.panes
        if panes.pattern is None:
            self.notify("Search first: / asks for the words.", timeout=3)
            return
        if not panes.hits:
            self.notify(f"Not found: {self.last_query}", severity="warning", timeout=3)
            return
        at = panes.hit if panes.hit is not None else (-1 if step > 0 else 0)
        self._go_to_match((at + step) % len(panes.hits))

    def _go_to_match(self, k: int) -> None:
        panes = self.panes
        panes.hit = k
        panes.show_line(panes.hits[k][0])
        panes.redraw()
        self.refresh_side()
        self.notify(self.search_status(), timeout=2)

    def search_status(self) -> str:
        """ "match k of n for "words"" (or how many, before one is current)."""
        panes = self.panes
        n = len(panes.hits)
        if not n:
            return f'no match for "{self.last_query}"'
        k = panes.hit + 1 if panes.hit is not None else 0
        return f'match {k} of {n} for "{self.last_query}" (> next, < previous)'

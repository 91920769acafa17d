"""The text of a web page: every visible block, with what is not main text kept as furniture.

trafilatura finds the main text; srcdiff keeps the whole page.  The page is
walked once for its visible text, one block per paragraph-level element, each
block knowing the page region it sits in (navigation, footer, comments...).
A block whose words trafilatura also kept, in order, is main text; every
other block stays in the text as furniture with a reason (the region it sits
in, or "outside the main text").  So the main text is as good as the
extractor makes it, and nothing of the page is dropped.  When the extractor
finds nothing, the page's own structure decides: blocks in a navigation,
header, footer, aside or form are furniture, the rest is text.

Parsing and the walk are in ``pagetree``.  The design is in docs/reading.md.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from .collector import no_cycle_collection
from .extractor import main_text
from .pagetree import flat_blocks, page_blocks, parse, title

logging.getLogger("trafilatura").addHandler(logging.NullHandler())
"""trafilatura logs each page it gives up on; srcdiff says what matters itself."""

OUTSIDE = "outside the main text"
TITLE = "page title"
STRUCTURAL = frozenset({"navigation", "page header", "page footer", "sidebar", "form"})
"""Regions that are furniture by the page's own markup, used when the extractor finds nothing."""

_SLACK = 300
"""How far past the last matched place in the extractor's text a block may be found."""
_LONG = 40
"""A block this long is matched anywhere in the extractor's text (it cannot be by chance)."""
_SEPARATORS = frozenset({"|", "-", "*", "•"})
"""Tokens the extractor adds between cells and before list items."""


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class WebPage:
    text: str
    """Every visible block, one paragraph each, separated by blank lines."""
    furniture: tuple[tuple[int, int, str], ...]
    """(start, end, reason) of each block of ``text`` that is not main text."""
    meta: PageMeta


def read_page(html: str, *, plain: bool = False) -> WebPage:
    """The whole visible text of a page, its main text told apart, and its metadata.

    ``plain`` says that the caller has found no control character (tab and line
    ends aside) and no U+FFFE or U+FFFF in ``html``, so that they need not be
    looked for again.
    """
    with no_cycle_collection():  # trees, their copies and proxies: many objects, no cycles
        return _read_page(html, plain)


def _read_page(html: str, plain: bool) -> WebPage:
    tree, cut = parse(html, plain)
    if tree is None or cut:
        flat = [(b.text, b.region) for b in flat_blocks(html)]
        return _assemble(None, flat, [None] * len(flat), PageMeta())
    blocks = page_blocks(tree)
    meta = page_meta(tree)
    page_title = title(tree)
    main = main_text(tree)  # last: the extractor prunes the tree it is given
    if main:
        flags = main_flags([text for text, _ in blocks], main)
        reasons = [None if f else r or OUTSIDE for (_, r), f in zip(blocks, flags, strict=True)]
    else:
        reasons = [r if r in STRUCTURAL else None for _, r in blocks]
    return _assemble(page_title, blocks, reasons, meta)


def _assemble(
    title: str | None,
    blocks: list[tuple[str, str | None]],
    reasons: list[str | None],
    meta: PageMeta,
) -> WebPage:
    """The blocks (text, region) as one text, a blank line between them, and the
    furniture spans."""
    parts: list[str] = []
    furniture: list[tuple[int, int, str]] = []
    pos = 0
    items: list[tuple[str, str | None]] = [(title, TITLE)] if title else []
    items += [(text, r) for (text, _), r in zip(blocks, reasons, strict=True)]
    for text, reason in items:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(text)
        if reason is not None:
            furniture.append((pos, pos + len(text), reason))
        pos += len(text)
    return WebPage("".join(parts), tuple(furniture), meta)


# --- main text ----------------------------------------------------------------------


def _squeezed(text: str) -> str:
    words = text.split()
    if _SEPARATORS.isdisjoint(words):
        return "".join(words)
    return "".join(w for w in words if w not in _SEPARATORS)


def main_flags(blocks: list[str], main: str) -> list[bool]:
    """Which blocks are main text: their text follows, in order, in the extractor's text.

    Compared without whitespace (the extractor spaces inline elements its own
    way).  A block is looked for a little past where the last one was found;
    a long block anywhere (the extractor may move a table or a caption), and
    when the extractor kept only part of it (a numbered heading without its
    number, a paragraph without its photo credit), by its first or second
    half; a short block ("Share", "Home") only near its place, where it
    cannot match by chance, or where it is a whole line of the extractor's
    (a heading, a list item).
    """
    squeezed_lines = [_squeezed(line) for line in main.splitlines()]
    hay = "".join(squeezed_lines)  # _squeezed(main): every line end is whitespace to split
    lines = set(squeezed_lines)
    cursor = 0
    flags = []
    for block in blocks:
        needle = _squeezed(block)
        if needle in lines and hay.find(needle, cursor, cursor + _SLACK + len(needle)) == -1:
            flags.append(True)  # a whole line of the extractor's, out of place: a heading
            continue
        at = _find(hay, needle, cursor) if needle else -1
        if at == -1 and len(needle) >= 2 * _LONG:
            half = len(needle) // 2
            at = _find(hay, needle[:half], cursor)
            if at == -1:
                at = _find(hay, needle[half:], cursor)
                needle = needle[half:]
            else:
                needle = needle[:half]
        if at != -1:
            cursor = max(cursor, at + len(needle))
        flags.append(at != -1)
    return flags


def _find(hay: str, needle: str, cursor: int) -> int:
    at = hay.find(needle, cursor, cursor + _SLACK + len(needle))
    if at == -1 and len(needle) >= _LONG:
        at = hay.find(needle)
    return at


# --- metadata ------------------------------------------------------------------------


_DATED = etree.XPath("//meta | //time")
"""Where a page may give its date: two plain scans of the tree, the attributes then
looked at here (a query testing them took three times as long)."""
_DATE_META = (
    ("property", frozenset({"article:published_time", "og:published_time"})),
    ("itemprop", frozenset({"datePublished"})),
    (
        "name",
        frozenset({"date", "pubdate", "publishdate", "publish-date", "dc.date", "DC.date"})
        | {"DC.date.issued", "sailthru.date", "parsely-pub-date"},
    ),
)
"""The meta tags that give a publication date: (attribute, the values naming one)."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def page_meta(tree: HtmlElement) -> PageMeta:
    """Title, author, date and site as the page declares them (meta tags, JSON-LD).

    trafilatura's own readers of meta tags and JSON-LD, less its costly
    searches of the page body (an author in a byline, a date in the text):
    what is asked for here is what the page says of itself.
    """
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
    )

    try:
        found = examine_meta(tree)
        found = extract_meta_json(tree, found)
        title = found.title or extract_title(tree)
        site = found.sitename or extract_sitename(tree)
        date = _page_date(tree)
    except (ValueError, TypeError, KeyError, AttributeError, etree.LxmlError):
        return PageMeta()
    return PageMeta(_clean(title), _clean(found.author), date, _clean(site))


def _page_date(tree: HtmlElement) -> str | None:
    """The first date (YYYY-MM-DD) a dating meta tag or a ``<time datetime>`` gives."""
    found = _DATED(tree)
    for el in found if isinstance(found, list) else ():
        if not isinstance(el, etree._Element):
            continue
        if el.tag == "time":
            value = el.get("datetime")
        elif any(el.get(attribute) in values for attribute, values in _DATE_META):
            value = el.get("content")
        else:
            continue
        hit = _ISO_DATE.search(value) if value is not None else None
        if hit:
            return hit.group()
    return None


def _clean(value: object) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None

"""A web page's tree and its visible text: parsing, and the walk that yields one block
per paragraph-level element, each knowing the page region it sits in.

The walk runs compiled (``_pagewalk.pyx``, over libxml2's own nodes), taking every
decision from the tables and functions here; ``tests/test_webpage.py`` holds it to a
plain Python walk.  It is iterative, so no nesting depth exhausts the stack; a page
nested deeper than libxml2 builds is read flat, tags stripped, rather than cut short.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from ._pagewalk import walk_blocks

SKIP_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
    | {"select", "option", "datalist", "canvas", "video", "audio", "map", "input", "textarea"}
)
"""Elements whose content is not text a reader sees on the page."""

BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"blockquote", "section", "article", "main", "hr", "tr", "table", "figure", "pre"}
    | {"figcaption", "address", "details", "summary", "caption", "header", "footer", "nav"}
    | {"aside", "form", "fieldset", "legend", "body", "center", "menu", "dialog", "thead"}
    | {"tbody", "tfoot", "button", "label", "noframes", "frameset", "frame"}
)
"""Elements that start and end a paragraph of their own."""

CELL_TAGS = frozenset({"td", "th"})

REGIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("comments", (), (), ("comment", "disqus", "respond", "reply")),
    ("cookie notice", (), (), ("cookie", "consent", "gdpr")),
    ("breadcrumb", (), (), ("breadcrumb",)),
    ("sharing links", (), (), (" share", "sharing", "social", "follow us")),
    ("related links", (), (), ("related", "recommend", "more stories")),
    ("advertisement", (), (), (" ad ", " ads ", "advert", "sponsor", "promo")),
    ("newsletter box", (), (), ("newsletter", "subscri")),
    ("navigation", ("nav", "menu"), ("navigation", "menu", "menubar"), (" nav", "menu")),
    ("page header", ("header",), ("banner",), ("masthead",)),
    ("page footer", ("footer",), ("contentinfo",), ("footer",)),
    ("sidebar", ("aside",), ("complementary",), ("sidebar", "widget")),
    ("form", ("form",), ("search", "form"), (" search",)),
)
"""(reason, tags, ARIA roles, name parts): the region an element opens.  Its tag or role
decides first, else the first row with a part in its class and id names (lower case, "-"
and "_" read as spaces, a space on each side: " ad " is the word "ad").  Only furniture
outside the main text is named by it, so a name read wrongly costs a reason's wording,
never a word of main text."""

_REGION_OF_TAG = {tag: reason for reason, tags, _, _ in reversed(REGIONS) for tag in tags}
_REGION_OF_ROLE = {role: reason for reason, _, roles, _ in reversed(REGIONS) for role in roles}
_NAME_PARTS = tuple((part, reason) for reason, _, _, parts in REGIONS for part in parts)
_ANY_PART = re.compile("|".join(re.escape(part) for part, _ in _NAME_PARTS))
"""Whether a name holds any part at all: most hold none, and are then done in one search."""

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(frozen=True)
class PageBlock:
    text: str
    region: str | None
    """The page region (navigation, comments...) the block sits in, if any."""


_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
"""Every element an ``HtmlElement``, chosen in C.  lxml.html's own parser asks a Python
method for each element the page hands to Python (to make forms and inputs special
classes no one here uses): a tenth of the extractor's time."""


def parse(html: str, plain: bool = False) -> tuple[HtmlElement | None, bool]:
    """The page's tree, and whether libxml2 cut it short (a page nested too deep)."""
    from lxml.html import document_fromstring

    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True)
    parser.set_element_class_lookup(_LOOKUP)
    if not plain:
        html = html.replace("\x00", "\ufffd")
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = document_fromstring(_repaired(html, plain), parser=parser)
    except (ValueError, TypeError, etree.LxmlError):
        return None, True
    cut = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return (tree if isinstance(tree, HtmlElement) else None), cut


_DOCTYPE_TAG = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_FAULTY_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)


def _repaired(html: str, plain: bool) -> str:
    """The page as trafilatura's ``repair_faulty_html`` makes it palatable to libxml2.

    That function first deletes the characters XML refuses, with a search of the
    whole page that costs as much as a tenth of the parse; a ``plain`` page has
    none, so only its two other repairs are made, as it makes them (a self-closed
    doctype, a self-closed ``<html/>``).
    """
    if not plain:
        from trafilatura.utils import repair_faulty_html

        return repair_faulty_html(html, html[:50].lower())
    if "doctype" in html[:50].lower():
        line_end = html.find("\n")
        if line_end == -1:
            html = _DOCTYPE_TAG.sub("", html, count=1) + "\n"
        else:  # the same, without two copies of the page when nothing is cut
            found = _DOCTYPE_TAG.match(html, 0, line_end)
            if found:
                html = html[found.end() :]
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return _FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


_TITLE = etree.XPath("//title[not(ancestor::svg)]")
_FLAT_DROP = re.compile(
    r"<(script|style|noscript|template|svg|head|title)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I
)
_FLAT_BREAK = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|section|article|main|br|blockquote|pre"
    r"|header|footer|nav|aside|figure|figcaption|form)\b[^>]*>",
    re.I,
)
_FLAT_TAG = re.compile(r"<[^>]*>")


def flat_blocks(html: str) -> list[PageBlock]:
    """The text of a page the parser cannot hold (nested deeper than libxml2 goes), tags
    stripped: every word kept, block elements as paragraph breaks, no regions."""
    from html import unescape

    body = _FLAT_TAG.sub("", _FLAT_BREAK.sub("\x00", _FLAT_DROP.sub(" ", html)))
    texts = (_block(unescape(part), pre=False) for part in body.split("\x00"))
    return [PageBlock(text, None) for text in texts if text]


def title(tree: HtmlElement) -> str | None:
    found = tree.find("head/title")
    if found is None:
        found = next(iter(_TITLE(tree)), None)
    text = " ".join(found.text_content().split()) if found is not None else ""
    return text or None


def _names_region(names: str, seen: dict[str, str | None]) -> str | None:
    """The region class and id ``names`` open, noted in ``seen`` for the names' next use
    on the page.  A name holding no part at all is done in one search."""
    spaced = names.lower().replace("-", " ").replace("_", " ")
    found = (
        next((reason for part, reason in _NAME_PARTS if part in spaced), None)
        if _ANY_PART.search(spaced)
        else None
    )
    seen[names] = found
    return found


_BR = "\x00"
"""Stands for <br> while a block's text is gathered: the parsed page holds no NUL."""


def _block(text: str, pre: bool) -> str:
    """A block's text: whitespace collapsed (kept in ``<pre>``), ``<br>`` a line end, and
    in NFC as the extractor writes it, so that both compare alike."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if pre:
        lines = text.replace(_BR, "\n").split("\n")
        return "\n".join(line.rstrip() for line in lines if line.strip())
    if _BR not in text:
        return " ".join(text.split())
    return "\n".join(line for line in (" ".join(part.split()) for part in text.split(_BR)) if line)


# --- the walk ----------------------------------------------------------------------


def _kind(tag: str) -> int:
    """A tag's kind for the compiled walk, as bits: skipped, block, cell, pre, br."""
    return (
        (tag in SKIP_TAGS)
        | (tag in BLOCK_TAGS) << 1
        | (tag in CELL_TAGS) << 2
        | (tag == "pre") << 3
        | (tag == "br") << 4
    )


def page_blocks(tree: HtmlElement) -> list[tuple[str, str | None]]:
    """(text, region) of each visible block of the page, in page order: one block per
    paragraph-level element, inline elements joined, whitespace collapsed (kept in
    ``<pre>``), ``<br>`` a line end, text in NFC; what a reader does not see left out
    (``SKIP_TAGS``, elements ``hidden``, ``aria-hidden="true"`` or styled hidden), each
    block with the region (``REGIONS``) it sits in.  Walked by ``_pagewalk.walk_blocks``
    (compiled, over libxml2's nodes) with the decisions made here."""
    body = tree.find("body")
    root = body if body is not None else tree
    return walk_blocks(
        root, _block, _kind, _REGION_OF_TAG, _REGION_OF_ROLE, _HIDDEN_STYLE.search, _names_region
    )

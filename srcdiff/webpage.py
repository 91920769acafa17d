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

Walking is iterative (``lxml.etree.iterwalk``), so no nesting depth exhausts
the stack; a page nested deeper than libxml2 builds is read flat, tags
stripped, rather than cut short.  The design is in docs/reading.md.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from .collector import no_cycle_collection

if TYPE_CHECKING:
    from trafilatura.settings import Extractor

logging.getLogger("trafilatura").addHandler(logging.NullHandler())
"""trafilatura logs each page it gives up on; srcdiff says what matters itself."""

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
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(frozen=True)
class PageBlock:
    text: str
    region: str | None
    """The page region (navigation, comments...) the block sits in, if any."""


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
    tree, cut = _parse(html, plain)
    if tree is None or cut:
        flat = flat_blocks(html)
        return _assemble(None, flat, [None] * len(flat), PageMeta())
    blocks = visible_blocks(tree)
    meta = page_meta(tree)
    title = _title(tree)
    main = _main_text(tree)  # last: the extractor prunes the tree it is given
    if main:
        flags = main_flags([b.text for b in blocks], main)
        reasons = [None if f else b.region or OUTSIDE for b, f in zip(blocks, flags, strict=True)]
    else:
        reasons = [b.region if b.region in STRUCTURAL else None for b in blocks]
    return _assemble(title, blocks, reasons, meta)


def _assemble(
    title: str | None, blocks: list[PageBlock], reasons: list[str | None], meta: PageMeta
) -> WebPage:
    """The blocks as one text, a blank line between them, and the furniture spans."""
    parts: list[str] = []
    furniture: list[tuple[int, int, str]] = []
    pos = 0
    items: list[tuple[str, str | None]] = [(title, TITLE)] if title else []
    items += [(b.text, r) for b, r in zip(blocks, reasons, strict=True)]
    for text, reason in items:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(text)
        if reason is not None:
            furniture.append((pos, pos + len(text), reason))
        pos += len(text)
    return WebPage("".join(parts), tuple(furniture), meta)


# --- parsing and walking -------------------------------------------------------------


_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
"""Every element an ``HtmlElement``, chosen in C.  lxml.html's own parser asks a Python
method for each element the page hands to Python (to make forms and inputs special
classes no one here uses): a tenth of the extractor's time."""


def _parse(html: str, plain: bool = False) -> tuple[HtmlElement | None, bool]:
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
        first, _, rest = html.partition("\n")
        html = _DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest
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


def _title(tree: HtmlElement) -> str | None:
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


_SKIP = frozenset({*SKIP_TAGS, etree.Comment, etree.ProcessingInstruction, etree.Entity})
_BR = "\x00"
"""Stands for <br> while a block's text is gathered: the parsed page holds no NUL."""
_SKIPPED = "skipped"


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


def visible_blocks(tree: HtmlElement) -> list[PageBlock]:
    """The page's visible text, one block per paragraph-level element, in page order.

    The loop runs once per element start and end, so it is written for speed:
    what it needs is bound to locals, an element's attributes are looked at
    only when it has any, and whitespace that cannot end up in a block (before
    a block's first word, outside ``<pre>``) is not gathered, so that only
    blocks with words are ever assembled.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    seen: dict[str, str | None] = {}
    out: list[PageBlock] = []
    buf: list[str] = []
    add = buf.append
    stack: list[str | None] = [None]
    push, pop = stack.append, stack.pop
    pre = 0
    blocks, cells, skipped_tags = BLOCK_TAGS, CELL_TAGS, _SKIP
    tag_region, role_region, hidden_style = _REGION_OF_TAG, _REGION_OF_ROLE, _HIDDEN_STYLE.search

    def flush(region: str | None) -> None:
        text = _block("".join(buf), pre > 0)
        buf.clear()
        if text:
            out.append(PageBlock(text, region))

    walk = etree.iterwalk(root, events=("start", "end"))
    skip = walk.skip_subtree
    for event, el in walk:
        tag = el.tag
        if event == "start":
            if tag in skipped_tags:
                skip()
                push(_SKIPPED)
                continue
            outer = stack[-1]
            region = outer
            if el.attrib:
                get = el.get
                style = get("style")
                if (
                    get("hidden") is not None
                    or get("aria-hidden") == "true"
                    or (style and hidden_style(style))
                ):
                    skip()
                    push(_SKIPPED)
                    continue
                own = tag_region.get(tag)  # its tag or role first, then its names
                if own is None:
                    role = get("role")
                    if role:
                        own = role_region.get(role.lower())
                    if own is None:
                        names = f" {get('class') or ''} {get('id') or ''} "
                        if len(names) > 4:
                            own = seen[names] if names in seen else _names_region(names, seen)
                region = own or outer
            elif tag in tag_region:
                region = tag_region[tag]
            if buf and (tag in blocks or region is not outer):
                flush(outer)
            push(region)
            if tag == "pre":
                pre += 1
            elif buf or pre:
                if tag == "br":
                    add(_BR)
                elif tag in cells:
                    add(" ")
            text = el.text
            if text and (buf or pre or not text.isspace()):
                add(text)
            continue
        region = pop()
        if region is not _SKIPPED:
            if buf and (tag in blocks or region is not stack[-1]):
                flush(region)
            if tag == "pre":
                pre -= 1
            elif tag in cells and (buf or pre):
                add(" ")
        tail = el.tail
        if tail and (buf or pre or not tail.isspace()):
            add(tail)
    if buf:
        flush(stack[-1])
    return out


# --- the extractor -------------------------------------------------------------------


def _main_text(tree: HtmlElement) -> str:
    """The extractor's main text of ``tree``, which it prunes as it goes.

    trafilatura's ``bare_extraction`` copies a tree it is given, to leave it as
    it was; here the tree has been read already, so the cascade it runs
    (``trafilatura_sequence``: all of ``bare_extraction`` that these settings
    use) runs on the tree itself, which spares a copy of the page.  Should a
    release move that function, ``bare_extraction`` does the same work.
    """
    from trafilatura.settings import Extractor

    options = Extractor(
        output_format="python", fast=True, comments=False, tables=True, formatting=False
    )
    try:
        text = _cascade(tree, options)
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return ""
    return unicodedata.normalize("NFC", text) if text else ""


def _cascade(tree: HtmlElement, options: Extractor) -> str:
    sequence = _sequence()
    if sequence is None:
        from trafilatura import bare_extraction

        found = bare_extraction(tree, options=options)
        text = getattr(found, "text", None)
        return text if isinstance(text, str) else ""
    from trafilatura.xml import xmltotxt

    body, text, _, comments = sequence(tree, options)
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return ""  # as bare_extraction: too short to be a page's text
    return xmltotxt(body, False)


def _sequence() -> Callable[[HtmlElement, Extractor], tuple[Any, str, Any, str]] | None:
    """trafilatura's extraction cascade, if this release has it where 2.3 has it."""
    try:
        from trafilatura.core import trafilatura_sequence
    except ImportError:
        return None
    return trafilatura_sequence


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
    hay = _squeezed(main)
    lines = {_squeezed(line) for line in main.splitlines()}
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


_DATE_XPATH = etree.XPath(
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='date' or @name='pubdate' or @name='publishdate'"
    " or @name='publish-date' or @name='dc.date' or @name='DC.date' or @name='DC.date.issued'"
    " or @name='sailthru.date' or @name='parsely-pub-date']/@content"
    " | //time[@datetime]/@datetime"
)
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
        dates = _DATE_XPATH(tree)
    except (ValueError, TypeError, KeyError, AttributeError, etree.LxmlError):
        return PageMeta()
    date = None
    for value in dates if isinstance(dates, list) else ():
        hit = _ISO_DATE.search(str(value))
        if hit:
            date = hit.group()
            break
    return PageMeta(_clean(title), _clean(found.author), date, _clean(site))


def _clean(value: object) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None

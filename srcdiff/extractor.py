"""The main text of a parsed page, as trafilatura extracts it (fast mode, tables in, comments out).

trafilatura's ``bare_extraction`` copies a tree it is given, to leave it as it
was; here the tree has been read already, so the extraction runs on the tree
itself.  For the release it was checked against (``CHECKED``) its cascade
(``trafilatura.core.trafilatura_sequence``) runs as ``_cascade`` below, step for
step, less the copies of the page it makes for the extractors fast mode leaves
out (``tests/test_webpage.py`` holds the two to the same results).  Another
release runs its own ``trafilatura_sequence``, and one that has moved it runs
``bare_extraction``: each gives the same text, at the cost of more copies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from copy import copy
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.html import HtmlElement

if TYPE_CHECKING:
    from trafilatura.settings import Extractor

CHECKED = ("2.3.1",)
"""trafilatura releases whose cascade ``_cascade`` repeats."""

Sequence = Callable[[HtmlElement, "Extractor"], tuple[Any, str]]


def main_text(tree: HtmlElement) -> str:
    """The extractor's main text of ``tree`` (in NFC), which it prunes as it goes."""
    from trafilatura.settings import Extractor

    options = Extractor(
        output_format="python", fast=True, comments=False, tables=True, formatting=False
    )
    try:
        text = _extract(tree, options)
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return ""  # as bare_extraction, which gives up on such a page
    return unicodedata.normalize("NFC", text) if text else ""


def _extract(tree: HtmlElement, options: Extractor) -> str:
    sequence = _sequence()
    if sequence is None:
        from trafilatura import bare_extraction

        found = bare_extraction(tree, options=options)
        text = getattr(found, "text", None)
        return text if isinstance(text, str) else ""
    from trafilatura.xml import xmltotxt

    body, text = sequence(tree, options)
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:
        return ""  # as bare_extraction, with no comments taken""
    return xmltotxt(body, False)


def _sequence() -> Sequence | None:
    """The cascade to run: ``_cascade`` for a checked release, else the release's own."""
    try:
        import trafilatura
        from trafilatura.core import trafilatura_sequence
    except ImportError:
        return None
    if getattr(trafilatura, "__version__", None) in CHECKED:
        try:
            return _cascade_steps()
        except ImportError:
            pass

    def own(tree: HtmlElement, options: Extractor) -> tuple[Any, str]:
        body, text, _, _ = trafilatura_sequence(tree, options)
        return body, text

    return own


def _cascade_steps() -> Sequence:
    """``_cascade`` with trafilatura's steps bound (ImportError if one has moved)."""
    from trafilatura import core
    from trafilatura.baseline import baseline, html2txt
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    page_text = _page_text() or html2txt
    is_forum = core._forum_thread_page
    max_length = core.ESCALATION_MAX_LENGTH
    page_share = core.ESCALATION_PAGE_SHARE
    accept_ratio = core.ESCALATION_ACCEPT_RATIO

    def prepared(tree: HtmlElement, options: Extractor) -> Any:
        # trafilatura's _prepare_tree, less the backup copy only the slow mode reads
        return convert_tags(tree_cleaning(copy(tree), options), options, None)

    def cascade(tree: HtmlElement, options: Extractor) -> tuple[Any, str]:
        """trafilatura_sequence for fast mode, comments off, balanced focus."""
        forum = is_forum(tree)
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        if not forum:
            tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
        body, text = extract_content(prepared(tree, options), options)
        if len(text) < options.min_extracted_size:  # the rescue: baseline on the raw tree
            b_body, b_text, b_len = baseline(tree)
            if b_len > len(text):
                body, text = b_body, b_text
        if 0 < len(text) < max_length and len(text) < page_share * len(page_text(tree)):
            r_options = copy(options)  # the recall escalation
            r_options.focus = "recall"
            r_text = ""
            try:
                r_body, r_text = extract_content(prepared(tree, r_options), r_options)
            except Exception:  # noqa: BLE001 -- as trafilatura, which logs it and goes on
                r_text = ""
            if len(r_text) >= options.min_extracted_size and len(r_text) > accept_ratio * len(text):
                body, text = r_body, r_text
        return body, text

    return cascade


_PLAIN_CLEAN = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
    "|.//style|.//svg|.//template"
)
"""trafilatura's BASIC_CLEAN_XPATH less its last part, the class and id names of a consent
notice, which it tests by a regular expression called back into Python for every element:
more than half the cost of its whole-page text (``html2txt``), measured."""


def _page_text(
    clean: Any = None, pattern: str | None = None
) -> Callable[[HtmlElement], str] | None:
    """trafilatura's ``html2txt`` of a tree, with the query of what to leave out made by a
    plain XPath and one test per distinct class or id name; None if this release's query
    is not the one repeated here."""
    try:
        from trafilatura.baseline import _spaced_text
        from trafilatura.settings import _COOKIE_CONSENT_RE, BASIC_CLEAN_XPATH
        from trafilatura.xml import delete_element
    except ImportError:
        return None
    clean = BASIC_CLEAN_XPATH if clean is None else clean
    pattern = _COOKIE_CONSENT_RE if pattern is None else pattern
    names = f"|.//*[re:test(@class, '{pattern}', 'i') or re:test(@id, '{pattern}', 'i')]"
    if getattr(clean, "path", None) != _PLAIN_CLEAN + names:
        return None
    plain = etree.XPath(_PLAIN_CLEAN)
    notice = re.compile(pattern, re.IGNORECASE).search

    def left_out(body: HtmlElement) -> Iterator[HtmlElement]:
        """What BASIC_CLEAN_XPATH finds under ``body``, in document order."""
        found = set(plain(body))
        named: dict[str, bool] = {}
        for el in body.iterdescendants():
            if el in found:
                yield el
            elif isinstance(el.tag, str):
                for name in (el.get("class"), el.get("id")):
                    if name:
                        hit = named.get(name)
                        if hit is None:
                            hit = named[name] = notice(name) is not None
                        if hit:
                            yield el
                            break

    def page_text(tree: HtmlElement) -> str:
        tree = copy(tree)  # as html2txt: the steps below change the tree
        body = tree.find(".//body")
        if body is None:
            body = tree
        for el in list(left_out(body)):
            delete_element(el)
        return _spaced_text(body)

    return page_text

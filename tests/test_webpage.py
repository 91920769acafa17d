"""Reading web pages: the main text, every other visible word kept as furniture, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from srcdiff import extractor, pagetree, webpage
from srcdiff.pipeline import make_document
from srcdiff.read import read_input
from srcdiff.segment import segment
from srcdiff.webpage import OUTSIDE, main_flags, read_page

ARTICLE = """<!DOCTYPE html><html><head><title>Quake hits coast | Daily Wire</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Wire">
<meta property="article:published_time" content="2024-04-13T17:47:00Z">
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head><body>
<header><div class="logo">Daily Wire</div><nav><ul><li><a href="/">Home</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Quake hits coast</h1>
<p>A strong earthquake struck the northern coast on Monday morning, officials said, cutting
power to thousands of homes and closing the main coastal road for several hours.</p>
<p>More than 70 percent of homes in the region lost power, according to the utility, which
said crews were working through the night to restore the lines.</p>
<p>Read more: Earlier quakes in the region</p>
<p>Rescue teams were sent overnight to the worst-hit villages, where several buildings
collapsed and dozens of people were treated for minor injuries.</p>
<p style="display: none">Hidden tracking text</p>
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Storm batters islands</a></li>
<li><a href="/b">Floods in the south</a></li></ul></aside>
<div id="comments"><p>Great article, thanks!</p></div>
<script>track();</script>
<footer><p>&copy; 2024 Daily Wire. All rights reserved.</p><p><a href="/p">Privacy</a></p></footer>
</body></html>"""

MAIN = [
    "Quake hits coast",
    "A strong earthquake struck the northern coast on Monday morning, officials said, cutting "
    "power to thousands of homes and closing the main coastal road for several hours.",
    "More than 70 percent of homes in the region lost power, according to the utility, which "
    "said crews were working through the night to restore the lines.",
    "Rescue teams were sent overnight to the worst-hit villages, where several buildings "
    "collapsed and dozens of people were treated for minor injuries.",
]


def _paragraphs(html: str) -> list[tuple[str, str | None]]:
    page = read_page(html)
    return [(p.text, p.noise_reason) for p in segment(page.text, page.furniture)]


def test_main_text_is_what_the_extractor_finds_and_the_rest_is_furniture() -> None:
    paras = _paragraphs(ARTICLE)
    assert [text for text, reason in paras if reason is None] == MAIN
    reasons = dict(paras)
    assert reasons["Quake hits coast | Daily Wire"] == "page title"
    assert reasons["Home"] == reasons["Sport"] == "navigation"
    assert reasons["Daily Wire"] == "page header"
    assert reasons["Read more: Earlier quakes in the region"] == "related link"
    assert reasons["Storm batters islands"] == "sidebar"
    assert reasons["Great article, thanks!"] == "comments"
    assert reasons["© 2024 Daily Wire. All rights reserved."] == "page footer"


def test_every_visible_word_is_kept_and_nothing_invisible() -> None:
    text = read_page(ARTICLE).text
    visible = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", ARTICLE, flags=re.S)
    visible = re.sub(r"<p style=\"display: none\">.*?</p>", " ", visible)
    visible = re.sub(r"<[^>]+>", " ", visible).replace("&copy;", "©")
    title = "Quake hits coast | Daily Wire"
    assert text.split()[len(title.split()) :] == visible.split()
    for hidden in ("not text", "track()", "Hidden tracking text", "color: red"):
        assert hidden not in text


def test_page_metadata() -> None:
    meta = read_page(ARTICLE).meta
    assert (meta.title, meta.author, meta.date, meta.site) == (
        "Quake hits coast",
        "Jane Doe",
        "2024-04-13",
        "Daily Wire",
    )


_DC = "<meta name='DC.date.issued' content='on 2021-02-03'>"
_NO_CONTENT = "<meta name='dc.date'><meta property='og:title' content='2019-09-09'>"
_NOT_DATING = "<time>2020-05-05</time><p itemprop='datePublished' content='2020-05-06'>x</p>"
_IN_BODY = "<meta itemprop='datePublished' content='2018-08-08T10:00'>"


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        (_DC, "<time datetime='2020-01-01'>", "2021-02-03"),
        (_NO_CONTENT, "<time datetime='x 2020-01-01'>", "2020-01-01"),
        ("<meta itemprop='datePublished' content='May 2020'>", _NOT_DATING, None),
        ("", _IN_BODY + "<time datetime='2020-01-01'>", "2018-08-08"),
    ],
)
def test_the_date_is_the_first_a_dating_tag_gives(head: str, body: str, date: str | None) -> None:
    html = f"<html><head><title>T</title>{head}</head><body>{body}<p>Text</p></body></html>"
    assert read_page(html).meta.date == date


def test_metadata_reaches_the_document(tmp_path: Path) -> None:
    path = tmp_path / "quake.html"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = make_document(read_input(str(path)))
    assert (doc.kind, doc.title, doc.author, doc.date, doc.site) == (
        "html",
        "Quake hits coast",
        "Jane Doe",
        "2024-04-13",
        "Daily Wire",
    )
    assert [p.text for p in doc.paragraphs if not p.noise] == MAIN
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text


def test_without_an_extracted_main_text_the_page_structure_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webpage, "main_text", lambda tree: "")
    html = (
        "<nav><a>Home</a> <a>World</a></nav><p>A short note.</p>"
        "<footer>Contact us</footer><div class='share'>Share</div>"
    )
    assert _paragraphs(html) == [
        ("Home World", "navigation"),
        ("A short note.", None),
        ("Contact us", "page footer"),
        ("Share", "site notice"),
    ]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One <b>bold</b> move.</p><p>Two</p>", "One bold move.\n\nTwo"),
        ("<div>a<div>b</div>c</div>", "a\n\nb\n\nc"),
        ("<p>Line one<br>Line two<br/>Line three</p>", "Line one\nLine two\nLine three"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("<h2>Head</h2>text<blockquote>quote</blockquote>", "Head\n\ntext\n\nquote"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"),
        ("<p>&ldquo;Quoted&rdquo; &amp; caf&eacute; &#8364;5</p>", "“Quoted” & café €5"),
        ("<p>  spaced\n\n   out\ttext  </p>", "spaced out text"),
        ("<pre>line 1\n  line 2</pre>", "line 1\n  line 2"),
        ("<p>Keep</p><iframe src=x>frame</iframe><svg><title>icon</title></svg>", "Keep"),
        ("<p>Keep</p><noscript>Enable JS</noscript><template><p>t</p></template>", "Keep"),
        ("<p>Keep</p><p hidden>gone</p><div aria-hidden='true'>gone</div>", "Keep"),
        ("\n\n<p></p><div>  </div><p>Only</p><p> </p>\n", "Only"),
        ("<title>A title</title><p>Body</p>", "A title\n\nBody"),
        ("<p>Cafe\u0301 con nul\x00 byte</p>", "Café con nul\ufffd byte"),
        ("<pre>\n    <b>x</b> y</pre>", "    x y"),  # in <pre> leading spaces are text
        ("<pre><br>  a</pre><pre> <td>b</td></pre>", "  a\n\n  b"),
        ("<p><br>a<br></p><table><tr><td> </td><td>b</td></tr></table>", "a\n\nb"),
        ("<div> <span class='share'> x </span> y <br> </div>", "x\n\ny"),
        ("<p> \u00a0 </p><p>\u2003a\u3000b</p><div>c<nav> </nav>d</div>", "a b\n\nc\n\nd"),
    ],
)
def test_page_text(html: str, text: str) -> None:
    assert read_page(html).text == text
    assert read_page(html, plain="\x00" not in html) == read_page(html)


@pytest.mark.parametrize(
    "html",
    [
        ARTICLE,
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd' /><html><p>a</p></html>",
        "<!doctype html/>\n<html lang=en/>\n<body><p>b</p></body></html>",
        "<html><body><p>no line end</p></body></html>",
        "<!DOCTYPE html>",
    ],
)
def test_a_plain_page_is_repaired_as_trafilatura_repairs_it(html: str) -> None:
    from trafilatura.utils import repair_faulty_html

    assert pagetree._repaired(html, True) == repair_faulty_html(html, html[:50].lower())


def test_the_extractor_is_called_through_its_public_function_if_need_be(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    direct = read_page(ARTICLE)
    monkeypatch.setattr(extractor, "_sequence", lambda: None)
    assert read_page(ARTICLE) == direct
    assert [p for p in direct.text.split("\n\n") if p in MAIN] == MAIN


def test_blocks_are_separated_by_one_blank_line() -> None:
    text = read_page(ARTICLE).text
    assert not text.startswith("\n") and not text.endswith("\n")
    assert "\n\n\n" not in text
    assert all(p.strip() == p and p for p in text.split("\n\n"))


@pytest.mark.parametrize(
    ("blocks", "main", "flags"),
    [
        (["Home", "Story one.", "Story two.", "Home"], "Story one.\nStory two.", [0, 1, 1, 0]),
        (["A long paragraph that the extractor moved elsewhere.", "x"], "y\nA long "
         "paragraph that the extractor moved elsewhere.", [1, 0]),
        (["Head", "Text"], "Text " + "filler " * 80 + "\nHead", [1, 1]),  # a whole line
        (["Share", "Body text here."], "Body text here. " + "w " * 300 + "Share it", [0, 1]),
        (["2. Heading of a numbered section"], "Heading of a numbered section", [0]),
        (["A paragraph with its photo credit at the end, which the extractor dropped from "
          "the text it kept. © Photo Agency"], "A paragraph with its photo credit at the end, "
         "which the extractor dropped from the text it kept.", [1]),
    ],
)  # fmt: skip
def test_main_flags(blocks: list[str], main: str, flags: list[int]) -> None:
    assert main_flags(blocks, main) == [bool(f) for f in flags]


def test_outside_the_main_text_is_the_default_reason() -> None:
    story = "".join(
        f"<p>Paragraph {k} of the story tells what happened on the day, in some detail, "
        "and what the officials said about it afterwards.</p>"
        for k in range(8)
    )
    html = f"<html><body><div>Unrelated teaser block</div><article>{story}</article></body></html>"
    assert ("Unrelated teaser block", OUTSIDE) in _paragraphs(html)


@pytest.mark.timeout(120)
def test_a_deeply_nested_page_is_read() -> None:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth
    html += "<p>After the nest.</p></body></html>"
    text = read_page(html).text
    assert text.split("\n\n") == ["Deep text.", "After the nest."]


@pytest.mark.timeout(120)
def test_a_very_large_page_is_read() -> None:
    para = "<p>Sentence number {k} of a very long page, with some words in it.</p>\n"
    html = "<html><body><article>" + "".join(para.format(k=k) for k in range(40_000))
    html += "</article></body></html>"
    page = read_page(html)
    assert page.text.count("\n\n") >= 39_999
    assert "Sentence number 39999 of" in page.text


@pytest.mark.parametrize(
    ("html", "blocks"),
    [
        ("<div role='Navigation'>Home</div><p>Text</p>", [("Home", "navigation"), ("Text", None)]),
        ("<div class='Site-Menu top'>Menu</div>", [("Menu", "navigation")]),
        ("<section id='user_comments'><p>Nice</p></section>", [("Nice", "comments")]),
        ("<div class='story-body'><p>Body</p></div>", [("Body", None)]),
        ("<nav class='comments'>Links</nav>", [("Links", "navigation")]),  # the tag decides
        (
            "<div class='ad-slot'>Buy</div><div class='adventure'>Trip</div>",
            [("Buy", "advertisement"), ("Trip", None)],
        ),
        (
            "<p>Keep</p><div STYLE='DISPLAY : NONE'>gone</div><p hidden=no>gone</p>",
            [("Keep", None)],
        ),
        (
            "<footer><p>Contact</p><a>Jobs</a></footer><p>After</p>",
            [("Contact", "page footer"), ("Jobs", "page footer"), ("After", None)],
        ),
    ],
)
def test_regions_and_hidden_elements_in_the_walk(
    html: str, blocks: list[tuple[str, str | None]]
) -> None:
    tree, cut = pagetree.parse(f"<html><body>{html}</body></html>")
    assert tree is not None and not cut
    assert _reference_blocks(tree) == blocks
    assert pagetree.page_blocks(tree) == blocks


def _reference_blocks(tree: HtmlElement) -> list[tuple[str, str | None]]:
    """The walk ``_pagewalk`` makes, written plainly over lxml's elements: (text, region)
    of each visible block, with every decision taken from ``pagetree``."""
    from lxml import etree

    skipped = {*pagetree.SKIP_TAGS, etree.Comment, etree.ProcessingInstruction, etree.Entity}
    seen: dict[str, str | None] = {}
    out: list[tuple[str, str | None]] = []
    buf: list[str] = []
    stack: list[object] = [None]
    pre = 0

    def flush(region: object) -> None:
        text = pagetree._block("".join(buf), pre > 0)
        buf.clear()
        if text:
            out.append((text, region))  # type: ignore[arg-type]

    def own_region(el: HtmlElement) -> str | None:
        found = pagetree._REGION_OF_TAG.get(el.tag)
        role = (el.get("role") or "").lower()
        if found is None and role:
            found = pagetree._REGION_OF_ROLE.get(role)
        names = f" {el.get('class') or ''} {el.get('id') or ''} "
        if found is None and names.strip():
            found = seen[names] if names in seen else pagetree._names_region(names, seen)
        return found

    def hidden(el: HtmlElement) -> bool:
        style = el.get("style") or ""
        return (
            el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or pagetree._HIDDEN_STYLE.search(style) is not None
        )

    body = tree.find("body")
    walk = etree.iterwalk(body if body is not None else tree, events=("start", "end"))
    for event, el in walk:
        if event == "start":
            if el.tag in skipped or hidden(el):
                walk.skip_subtree()
                stack.append("skipped")
                continue
            outer = stack[-1]
            region = own_region(el) or outer
            if buf and (el.tag in pagetree.BLOCK_TAGS or region != outer):
                flush(outer)
            stack.append(region)
            if el.tag == "pre":
                pre += 1
            elif el.tag == "br":
                buf.append(pagetree._BR)
            elif el.tag in pagetree.CELL_TAGS:
                buf.append(" ")
            buf.append(el.text or "")
            continue
        region = stack.pop()
        if region != "skipped":
            if buf and (el.tag in pagetree.BLOCK_TAGS or region != stack[-1]):
                flush(region)
            if el.tag == "pre":
                pre -= 1
            elif el.tag in pagetree.CELL_TAGS:
                buf.append(" ")
        buf.append(el.tail or "")
    if buf:
        flush(stack[-1])
    return out


WALKS = [
    ARTICLE,
    "<html><body class='menu'>a<p>b<br>c</p>d</body>tail<!-- x -->after</html>",
    "<html><p hidden>x</p>no body<div role=NAVIGATION>n<span class=share>s</span>m</div></html>",
    "<html><body><pre> a\n  <b>b</b>\n<table><tr><td>c</td><th>d</th></tr></table> </pre>"
    "<div id=sidebar><div class=widget><h3>W</h3>&amp; &#160;x&nbsp;</div></div>"
    "<p class='a' class='related'>dup</p><p style='Visibility : Hidden'>v</p>"
    "<p aria-hidden=false>shown</p><script>s</script>t<p>\u00e9te\u0301 \u3000 z</p>"
    "<svg><text>i</text></svg><ul><li>1<li>2</ul><td>loose cell</td><br><br>e</body></html>",
    "<html><body hidden>gone</body>kept</html>",
    "<html><body><p>  x  <br>\n<br> y\tz <br></p><div><br></div><p>a<br>b</p>"
    "<p>caf\u00e9<br> </p></body></html>",
    "<html><body>" + "<div class=comment-body>c</div><p>p</p>" * 50 + "</body></html>",
]


@pytest.mark.parametrize("html", WALKS)
def test_the_compiled_walk_finds_the_blocks_the_reference_walk_finds(html: str) -> None:
    tree, cut = pagetree.parse(html)
    assert tree is not None and not cut
    blocks = _reference_blocks(tree)
    assert pagetree.page_blocks(tree) == blocks
    assert blocks


_STORY = (
    "<p>The council voted on Tuesday to close the old bridge to traffic, citing the report.</p>"
)
_LINKS = "".join(
    f"<div><a href='/{k}'>Link number {k} to another page</a></div>" for k in range(60)
)
_TEASERS = "".join(
    f"<div class='teaser'><p>Filler paragraph {k} says more about other things.</p></div>"
    for k in range(100)
)
CASCADE_PAGES = [
    ARTICLE,
    f"<html><body><article>{_STORY * 12}</article>{_LINKS}</body></html>",
    f"<html><body><div>{_STORY}</div></body></html>",  # short: the baseline rescue
    # a short extraction in a long page: the recall escalation, its retry taken or not
    f"<html><body><article>{_STORY * 4}{_TEASERS}</article></body></html>",
    f"<html><body><article>{_STORY * 4}</article>{_TEASERS.replace('teaser', 'x')}</body></html>",
    '<html><head><script type=\'application/ld+json\'>{"@type": "DiscussionForumPosting"}'
    f"</script></head><body><div class='comments'>{_STORY * 4}</div>{_STORY * 3}</body></html>",
]


@pytest.mark.parametrize("html", CASCADE_PAGES)
def test_the_cascade_repeats_trafilaturas_own(html: str) -> None:
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    def text(sequence: object) -> str:
        tree, _ = pagetree.parse(html)
        options = Extractor(fast=True, comments=False, tables=True, formatting=False)
        body, found = sequence(tree, options)[:2]  # type: ignore[operator]
        return found + "\n" + xmltotxt(body, False)

    assert text(extractor._cascade_steps()) == text(trafilatura_sequence)


@pytest.mark.parametrize(
    "html",
    [
        ARTICLE,
        "<html><body><div class='Cookie-Banner'>We use cookies</div><p>Text</p>"
        "<section id='CMPLZ-x'>c</section><div class='footer-a'>f</div><aside>a</aside>"
        "<div id='onetrust' class='x'>o</div><p class='mooVe_gdpr'>m</p>"
        "<span class='coo\u212aie-bar' id='notice--cookie'>k</span><svg><text>s</text></svg>"
        " tail</body></html>",
        "<html><p>No body, a <script>x</script> consent-manager"
        " <b class='consent_sdk'>b</b></p></html>",
    ],
)
def test_the_page_text_is_trafilaturas_html2txt(html: str) -> None:
    from trafilatura.baseline import html2txt

    page_text = extractor._page_text()
    assert page_text is not None
    tree, _ = pagetree.parse(html)
    assert page_text(tree) == html2txt(tree)
    assert extractor._page_text(pattern="cookie") is None  # another query: html2txt itself

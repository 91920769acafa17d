"""The HTML report, read back with html.parser: structure, safety, determinism, goldens.

Golden files live in ``tests/golden/`` and are compared byte for byte.  When a change to
the report is intended (or the drift classifier changes what it finds), rewrite them on
purpose and review the diff:

    SRCDIFF_UPDATE_GOLDEN=1 python -m pytest -q tests/test_html.py -k golden
"""

from __future__ import annotations

import os
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from srcdiff.model import Report
from srcdiff.pipeline import compare, document_from_text
from srcdiff.render.html import asset, render_html
from srcdiff.review import Mark

from .html_support import SEEDS, Page, seed_report, toy_classify, toy_report

GOLDEN = Path(__file__).resolve().parent / "golden"
PAIRS = {
    "bundle-vs-backtranslated": ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt"),
    "france24-vs-ap": ("france24-afp.txt", "ap.txt"),
}

HOSTILE = [
    "Officials said <script>alert(1)</script> the talks would resume on Monday.",
    'A picture <img src=x onerror=alert(1)> shown, a <a href="javascript:alert(1)">link</a>.',
    "Fields end here </textarea> and comments end here --> and data ends here ]]> too.",
    "Profits & losses rose 12 percent; AT&amp;T and R&D were named &copy; &#60;b&#62; &.",
    '<style>body{display:none}</style><iframe src="https://example.com/x"></iframe> <!-- x',
]
HOSTILE_B = [
    "Officials said <script>alert(2)</script> the talks would not resume on Tuesday.",
    'A picture <img src=y onerror=alert(2)> shown, a <a href="javascript:alert(2)">link</a>.',
    "Fields end here </textarea> and comments end here --> and data ends ]]> too.",
    "Profits & losses rose 21 percent; AT&amp;T and R&D were named &copy; &#60;i&#62; &.",
    '<svg onload=alert(3)><iframe src="https://example.com/y"></iframe> <!-- y',
]


def _report(a: str, b: str) -> Report:
    return compare(
        [document_from_text(a, "a.txt"), document_from_text(b, "b.txt")], classifier=toy_classify
    )


@pytest.fixture(scope="module")
def seeded() -> dict[str, Report]:
    """The two seed pairs with a stand-in classifier, so every change carries a drift."""
    return {name: toy_report(SEEDS / a, SEEDS / b) for name, (a, b) in PAIRS.items()}


def assert_well_formed(page: Page) -> None:
    dupes = {i for i in page.ids if page.ids.count(i) > 1}
    assert not dupes, f"duplicate ids: {sorted(dupes)[:5]}"
    ids = set(page.ids)
    for href in page.hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, f"link to a missing anchor: {href}"


def assert_no_input_code(page: Page) -> None:
    """Nothing from the input can run: one script (ours), no handlers, no javascript: URLs."""
    assert page.scripts == [asset("report.js")]
    assert page.comments == []
    for tag in ("img", "iframe", "svg", "object", "embed", "textarea", "base", "link"):
        assert tag not in page.tags, tag
    assert page.tags.count("style") == 1
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), (tag, name)
        assert "javascript:" not in value.replace(" ", "").lower(), (tag, name, value)
        if name in ("href", "src", "action"):
            assert value.startswith("#"), (tag, name, value)


def assert_every_paragraph(report: Report, page: Page) -> None:
    for k, comp in enumerate(report.comparisons, start=1):
        for side, doc_index in (("a", comp.a), ("b", comp.b)):
            for p in report.documents[doc_index].paragraphs:
                got = page.para_text(k, side, p.index)
                assert got == p.text, (k, side, p.index)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_structure_on_seeds(seeded: dict[str, Report], name: str) -> None:
    report = seeded[name]
    html = render_html(report)
    page = Page(html)
    assert_well_formed(page)
    assert_no_input_code(page)
    assert_every_paragraph(report, page)
    comp = report.comparisons[0]
    assert comp.drifts, "the stand-in classifier should find drifts in the seeds"
    assert page.classes["entry"] == len(comp.drifts)
    assert page.classes["note"] == len(comp.drifts)
    # every drift's words are boxed, with an anchor the index links to
    assert sum(1 for i in page.ids if i.startswith("d-1-")) == len(comp.drifts)
    assert page.classes["row"] == len(comp.blocks)
    for doc in report.documents:
        assert doc.label in html and doc.path in html
    assert "2024-04-13T12:00:00Z" in html
    # highest severity first in the index
    sevs = re.findall(r'<li class="entry sev-(\w+)', html)
    rank = {"high": 3, "medium": 2, "low": 1}
    assert [rank[s] for s in sevs] == sorted((rank[s] for s in sevs), reverse=True)


def test_rows_follow_block_order_with_permalinks(seeded: dict[str, Report]) -> None:
    report = seeded["bundle-vs-backtranslated"]
    html = render_html(report)
    page = Page(html)
    rows = [i for i in page.ids if i.startswith("p-1-")]
    assert len(rows) == len(report.comparisons[0].blocks)
    for rid in rows:
        assert f'href="#{rid}"' in html
    # one-sided rows have an empty cell opposite; noise sits in a closed <details>
    assert page.classes["absent"] == sum(
        1 for b in report.comparisons[0].blocks if not (b.a and b.b)
    )
    assert '<details class="noise">' in html and "Page furniture" in html


def test_moved_split_and_one_sided_are_said() -> None:
    paras = [
        "The council met on Monday to discuss the new budget for the harbour district.",
        "Officials said the plan would cost $48 million over five years, according to the "
        "transport department.",
        "Residents were not consulted before the vote, critics said at a packed meeting.",
        "The mayor called the plan “a game changing move” for the region and its fishing fleet.",
        "Construction is expected to begin next spring. The first phase covers the northern "
        "quay and the old ferry terminal.",
        "This paragraph appears only in the first version of the story.",
    ]
    b_paras = [
        paras[0],
        paras[2],
        paras[3].replace("game changing", "revolutionary"),
        paras[1].replace("48", "84"),
        "Construction is expected to begin next spring.",
        "The first phase covers the northern quay and the old ferry terminal.",
    ]
    report = _report("\n\n".join(paras), "\n\n".join(b_paras))
    html = render_html(report)
    page = Page(html)
    assert_well_formed(page)
    assert_every_paragraph(report, page)
    assert "moved: was paragraph 2 in A, is paragraph 4 in B" in html
    assert "split: paragraph 5 of A became paragraphs 5–6 of B" in html
    assert "only in A" in html
    assert "<del>48</del>" in html and "<ins>84</ins>" in html


def test_hostile_input_is_inert(tmp_path: Path) -> None:
    name = '"><img src=x onerror=alert(9)>.txt'
    a = tmp_path / name
    b = tmp_path / "b.txt"
    a.write_text("\n\n".join(HOSTILE) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(HOSTILE_B) + "\n", encoding="utf-8")
    report = toy_report(a, b)
    drift_id = report.comparisons[0].drifts[0].id
    marks = {drift_id: Mark("noted", "<script>alert('note')</script> & check")}
    html = render_html(report, marks=marks)
    page = Page(html)
    assert_well_formed(page)
    assert_no_input_code(page)
    assert_every_paragraph(report, page)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert "AT&amp;amp;T" in html  # "&amp;" in the input is text, not an entity
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt; &amp; check" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(9)&gt;.txt" in html


def test_hostile_text_renders_as_text() -> None:
    """Every piece of the hostile text reads back unchanged from the page's text."""
    report = _report("\n\n".join(HOSTILE), "\n\n".join(HOSTILE_B))
    page = Page(render_html(report))
    assert_no_input_code(page)
    text = "".join(page.text_chunks)
    assert "</textarea>" in text and "-->" in text and "]]>" in text and "AT&amp;T" in text


def test_no_network_references(seeded: dict[str, Report]) -> None:
    """No URL outside text that came from the input; style and script fetch nothing."""
    for name in ("report.css", "report.js", "report.html"):
        src = asset(name)
        assert not re.search(r"https?:|url\(|@import|src=", src), name
    report = _report(
        "See https://example.com/a for the source, and http://example.org/b.",
        "See https://example.com/c for the source, and http://example.org/b.",
    )
    for rep in (*seeded.values(), report):
        html = render_html(rep)
        page = Page(html)
        text = "".join(page.text_chunks)
        n_text = len(re.findall(r"https?://", text))
        assert len(re.findall(r"https?://", html)) == n_text
        for _, _, value in page.attrs:
            assert "://" not in value
    assert 'content="default-src &#x27;none&#x27;;' in render_html(report)


def test_deterministic(seeded: dict[str, Report]) -> None:
    for rep in seeded.values():
        assert render_html(rep) == render_html(rep)
    again = seed_report(*PAIRS["france24-vs-ap"])
    assert render_html(again) == render_html(seed_report(*PAIRS["france24-vs-ap"]))


def test_marks_shown_beside_drifts(seeded: dict[str, Report]) -> None:
    report = seeded["bundle-vs-backtranslated"]
    drifts = report.comparisons[0].drifts
    marks = {
        drifts[0].id: Mark("confirmed", "checked against the original"),
        drifts[1].id: Mark("dismissed"),
        drifts[2].id: Mark("noted", "ask the desk"),
    }
    html = render_html(report, marks=marks)
    assert_well_formed(Page(html))
    for status, verdict in (("confirmed", "real change"), ("dismissed", "false alarm")):
        # in the index, beside the drift in its row, on its card (drifts 0 and 1 are high)
        assert html.count(f'<span class="mark mk-{status}">') == 3
        assert html.count(f"<td>{verdict}</td>") == 1  # the decisions table
    assert drifts[2].severity.value in ("high", "medium")
    assert html.count('<span class="mark mk-noted">') == 3
    assert html.count("checked against the original") == 4
    assert "Reviewed: ✓ 1 real change, ✗ 1 false alarm, ✎ 1 noted of" in html
    assert "Review decisions (3)" in html
    assert 'class="mark' not in render_html(report)


def test_claims_of_the_seeds() -> None:
    from srcdiff.claims import claim_rows

    report = seed_report(*PAIRS["france24-vs-ap"])
    rows = claim_rows(report)
    html = render_html(report)
    if not rows:
        assert 'id="claims"' not in html
        return
    page = Page(html)
    assert_well_formed(page)
    assert '<h2 id="claims">Claims</h2>' in html
    assert html.count('<th scope="row">') == len(rows)
    assert html.count("≠ differs") == sum(1 for r in rows if r.differs)


def test_several_comparisons_get_sections_and_contents() -> None:
    report = seed_report("france24-afp.txt", "ap.txt", "cnn-backtranslated.txt")
    assert len(report.comparisons) == 3
    html = render_html(report)
    page = Page(html)
    assert_well_formed(page)
    assert_every_paragraph(report, page)
    assert page.classes["comparison"] == 3 and page.classes["toc"] == 1
    for k in (1, 2, 3):
        assert f'href="#cmp-{k}"' in html
    assert "A france24-afp.txt vs C cnn-backtranslated.txt" in html
    two = render_html(seed_report("france24-afp.txt", "ap.txt"))
    assert 'class="toc"' not in two


@dataclass(frozen=True)
class _Claim:
    doc: int
    text: str
    span: tuple[int, int]
    value: float
    unit: str
    scale: str
    qualifier: str
    measure: str
    attribution: str
    context: str


@dataclass(frozen=True)
class _Row:
    measure: str
    cells: tuple[_Claim | None, ...]
    differs: bool


def test_claims_table(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(
        "The plan costs $48 million, officials said.\n\nNearly 70% of chips came from China.",
        "The plan costs $84 million, officials said.\n\nMore than 70 percent came from China.",
    )
    a, b = report.documents

    def claim(doc: int, text: str, needle: str, measure: str, q: str = "") -> _Claim:
        start = report.documents[doc].text.index(needle)
        return _Claim(
            doc, text, (start, start + len(needle)), 0.0, "", "", q, measure, "<b>officials</b>", ""
        )

    rows = (
        _Row(
            "cost",
            (claim(0, "$48 million", "$48", "cost"), claim(1, "$84 million", "$84", "cost")),
            True,
        ),
        _Row(
            "share <of> chips",
            (
                claim(0, "Nearly 70%", "Nearly", "share", "nearly"),
                claim(1, "More than 70 percent", "More", "share", "more than"),
            ),
            True,
        ),
        _Row("orphan", (claim(0, "<script>alert(1)</script>", "Nearly", "x"), None), False),
    )
    fake = types.ModuleType("srcdiff.claims")
    fake.claim_rows = lambda rep: rows  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "srcdiff.claims", fake)
    html = render_html(report)
    page = Page(html)
    assert_well_formed(page)
    assert_no_input_code(page)
    assert '<h2 id="claims">Claims</h2>' in html
    assert html.count("≠ differs") == 2
    assert "share &lt;of&gt; chips" in html and "per &lt;b&gt;officials&lt;/b&gt;" in html
    assert 'href="#p-1-a1-b1">$48 million</a>' in html
    # rows that differ come first; the rest are folded
    assert html.index("≠ differs") < html.index('<details class="claims-rest">')
    assert "only in A" in html[html.index('<details class="claims-rest">') :]

    fake.claim_rows = lambda rep: ()  # type: ignore[attr-defined]
    assert 'id="claims"' not in render_html(report)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden(name: str) -> None:
    """The report on a seed pair, byte for byte.  SRCDIFF_UPDATE_GOLDEN=1 rewrites it."""
    html = render_html(seed_report(*PAIRS[name]))
    path = GOLDEN / f"{name}.html"
    if os.environ.get("SRCDIFF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} missing: run with SRCDIFF_UPDATE_GOLDEN=1 to write it"
    expected = path.read_text(encoding="utf-8")
    assert html == expected, (
        f"{path.name} differs from the rendered report; if the change is intended, run "
        "SRCDIFF_UPDATE_GOLDEN=1 python -m pytest -q tests/test_html.py -k golden"
    )

"""Many sources at once: shares, relations, passage origins and the passage view."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from srcdiff.model import Report
from srcdiff.passages import passage_view
from srcdiff.pipeline import compare, document_from_text
from srcdiff.provenance import RelationKind, _in_spans, _outside, quoted_spans

from .conftest import SEEDS

NAMES = ("ap.txt", "cnn-backtranslated.txt", "cnn-bundle-scrape.txt", "france24-afp.txt")
AP, BACK, BUNDLE, F24 = range(4)


@cache
def seeds_report(base: int | None = None) -> Report:
    docs = [document_from_text((SEEDS / n).read_text(encoding="utf-8"), n) for n in NAMES]
    return compare(docs, base)


def _relation(report: Report, x: int, y: int) -> tuple[RelationKind, int | None, int | None]:
    assert report.provenance is not None
    for r in report.provenance.relations:
        if {r.a, r.b} == {x, y}:
            return r.kind, r.derived, r.source
    raise AssertionError(f"no relation between {x} and {y}")


def test_backtranslation_derives_from_the_cnn_part_of_the_bundle() -> None:
    report = seeds_report()
    assert _relation(report, BACK, BUNDLE) == (RelationKind.REWORDED, BACK, BUNDLE)
    assert report.provenance is not None
    rel = next(r for r in report.provenance.relations if {r.a, r.b} == {BACK, BUNDLE})
    assert rel.part is not None
    # The CNN article is paragraphs 3-19 of the bundle (0-based); the UK and AP ones follow.
    assert 2 <= rel.part[0] <= 4 and 18 <= rel.part[1] <= 20


def test_ap_sits_inside_the_bundle() -> None:
    report = seeds_report()
    assert _relation(report, AP, BUNDLE) == (RelationKind.CONTAINED, AP, BUNDLE)
    assert report.provenance is not None
    share = report.provenance.share(AP, BUNDLE)
    assert share is not None and share.found >= 0.95 and share.verbatim >= 0.9


@pytest.mark.parametrize("other", [AP, BACK, BUNDLE])
def test_france24_shares_facts_not_wording(other: int) -> None:
    report = seeds_report()
    kind, _, _ = _relation(report, F24, other)
    assert kind is RelationKind.SHARES_FACTS
    assert report.provenance is not None
    for x, y in ((F24, other), (other, F24)):
        share = report.provenance.share(x, y)
        assert share is not None and share.verbatim < 0.2


def test_passage_origins_on_seeds() -> None:
    report = seeds_report()
    assert report.provenance is not None
    for g in report.provenance.passages:
        docs = [d for d, _ in g.members]
        if docs == [BACK, BUNDLE]:
            assert g.origin == BUNDLE, g.reason
        if docs == [AP, BUNDLE]:
            assert g.origin == AP, g.reason
        assert g.reason


def _texts(*paras: str) -> str:
    return "\n\n".join(paras) + "\n"


STORY = [
    "The harbour authority said on Monday that 12 ships had been held at anchor since the storm.",
    "Port director Ana Ruiz told reporters the cranes would restart on Thursday at the earliest.",
    "Shipping firms estimate the delay has cost them more than $40 million in fees and fuel.",
    "Local fishermen, who were allowed back to sea on Sunday, reported damaged nets and moorings.",
    "The weather service expects calmer seas by the weekend, with winds easing to 20 knots.",
]
OTHER = [
    "A new library opened in the old town hall, with three floors of books and a cafe.",
    "The mayor thanked the volunteers who catalogued more than nine thousand donated titles.",
]


def _pair_relation(a: str, b: str) -> tuple[RelationKind, int | None]:
    report = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    assert report.provenance is not None
    r = report.provenance.relations[0]
    return r.kind, r.derived


@pytest.mark.parametrize(
    ("a", "b", "kind", "derived"),
    [
        (_texts(*STORY), _texts(*STORY[::-1]), RelationKind.COPY, None),
        (_texts(*STORY), _texts(*OTHER, *STORY, *OTHER), RelationKind.CONTAINED, 0),
        (
            _texts(*STORY),
            _texts(
                "Twelve ships have been held at anchor since the storm, the harbour authority "
                "said Monday.",
                "The cranes would restart Thursday at the earliest, port director Ana Ruiz said.",
                "Shipping firms say the delay has cost them more than $40 million in fuel "
                "and fees.",
                "Local fishermen were allowed back to sea Sunday and found damaged nets "
                "and moorings.",
                "Calmer seas are expected by the weekend, the weather service said, with winds "
                "easing to 20 knots.",
            ),
            RelationKind.REWORDED,
            None,
        ),
        (_texts(*STORY), _texts(*OTHER), RelationKind.UNRELATED, None),
    ],
    ids=["copy", "contained", "reworded", "unrelated"],
)
def test_relation_kinds(a: str, b: str, kind: RelationKind, derived: int | None) -> None:
    assert _pair_relation(a, b) == (kind, derived)


def test_shared_quotes_are_not_copied_wording() -> None:
    quote = "“We will not reopen the port until every crane has been inspected,” Ruiz said."
    a = _texts("The port stayed shut on Monday after the storm damaged two cranes.", quote)
    b = _texts("Officials kept the harbour closed for a third day while engineers worked.", quote)
    report = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    assert report.provenance is not None
    share = report.provenance.share(0, 1)
    assert share is not None and share.found > 0 and share.verbatim < 0.15


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “no deal” today.", ["“no deal”"]),
        ('He said "no deal" and "not now".', ['"no deal"', '"not now"']),
        ("“One. Two,” she said.", ["“One. Two,”"]),
        ("“Open but never closed\n\nNext paragraph", ["“Open but never closed"]),
        ("No quotes at all.", []),
    ],
)
def test_quoted_spans(text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in quoted_spans(text)] == quoted


def test_passage_view_covers_every_base_passage() -> None:
    report = seeds_report(base=BUNDLE)
    rows = passage_view(report)
    bundle = report.documents[BUNDLE]
    assert [r.paragraph for r in rows] == [p.index for p in bundle.paragraphs if not p.noise]
    for row in rows:
        assert row.cells[BUNDLE] is None
        assert len(row.cells) == len(NAMES)
    # The CNN paragraphs find their back-translated counterparts; the AP ones find ap.txt.
    by_para = {r.paragraph: r for r in rows}
    back = by_para[4].cells[BACK]
    assert back is not None and back.paragraphs == (3,)
    ap = by_para[42].cells[AP]
    assert ap is not None and ap.paragraphs == (1,)


def test_json_carries_provenance() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "srcdiff", *(str(SEEDS / n) for n in NAMES), "--json"],
        capture_output=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert len(data["comparisons"]) == 6
    prov = data["provenance"]
    assert prov["found"][AP][BUNDLE] == 1.0 and prov["found"][AP][AP] is None
    kinds = {(r["a"], r["b"]): r["kind"] for r in prov["relations"]}
    assert kinds[(AP, BUNDLE)] == "contained"
    assert kinds[(BACK, BUNDLE)] == "reworded"
    for g in prov["passages"]:
        assert len(g["members"]) >= 2


def test_html_overview_has_heat_map_relations_and_passage_links() -> None:
    import re

    from srcdiff.render.html import render_html

    page = render_html(seeds_report())
    assert page.count('<table class="heatmap">') == 1
    heat = page[
        page.index('<table class="heatmap">') : page.index(
            "</table>", page.index('<table class="heatmap">')
        )
    ]
    assert heat.count("<tr>") == 1 + len(NAMES)
    assert len(re.findall(r'<td class="heat-\d+"', heat)) == len(NAMES) * (len(NAMES) - 1)
    assert "sits inside cnn-bundle-scrape.txt" in page
    table = page[page.index('<table class="passages">') :]
    links = re.findall(r'<a href="#([^"]+)">¶', table[: table.index("</table>")])
    assert links
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert all(link in ids for link in links)


@given(
    st.lists(st.integers(0, 80), max_size=40).map(lambda xs: sorted(set(xs))),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30)), max_size=8).map(
        lambda xs: sorted((s, s + n) for s, n in xs)
    ),
)
def test_words_outside_quotes_by_bisection_agree_with_the_word_by_word_test(
    starts: list[int], spans: list[tuple[int, int]]
) -> None:
    assert _outside(starts, spans) == [p for p in starts if not _in_spans(p, spans)]

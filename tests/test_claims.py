"""Claims across documents: parsing, pairing by what they measure, the --claims table."""

from __future__ import annotations

from pathlib import Path

import pytest

from srcdiff.claims import Claim, claim_rows, document_claims
from srcdiff.model import Report
from srcdiff.pipeline import compare, compare_paths, document_from_text
from srcdiff.render.claims import render_claims

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def f24_ap() -> Report:
    return compare_paths([str(SEEDS / "france24-afp.txt"), str(SEEDS / "ap.txt")])


def _row_with(report: Report, *texts: str) -> tuple[Claim | None, ...] | None:
    for row in claim_rows(report):
        got = [c.text if c else None for c in row.cells]
        if all(t in got for t in texts):
            return row.cells
    return None


def test_seed_70_percent_claims_share_a_row(f24_ap: Report) -> None:
    assert _row_with(f24_ap, "more than 70 percent", "Nearly 70%") is not None
    assert _row_with(f24_ap, "$900 million", "approximately $900 million") is not None
    assert _row_with(f24_ap, "90 percent", "about 90%") is not None


def test_seed_rows_mark_differences(f24_ap: Report) -> None:
    rows = {tuple(c.text if c else None for c in r.cells): r for r in claim_rows(f24_ap)}
    assert rows[("more than 70 percent", "Nearly 70%")].differs
    assert all(len(r.cells) == 2 for r in rows.values())


def test_document_claims_have_attribution_and_context(f24_ap: Report) -> None:
    claims = document_claims(f24_ap, 0)
    c = next(c for c in claims if c.text == "more than 70 percent")
    assert (c.value, c.unit, c.qualifier) == (70, "percent", "more than")
    assert c.attribution == "US officials said"
    assert "machine tools" in c.context and c.measure
    assert f24_ap.documents[0].text[c.span[0] : c.span[1]] == c.text


def test_claimed_vs_said_attribution() -> None:
    rep = compare_paths([str(SEEDS / "france24-afp.txt"), str(SEEDS / "cnn-bundle-scrape.txt")])
    cells = _row_with(rep, "more than 70 percent", "70 per cent")
    assert cells is not None
    assert [c.attribution for c in cells if c] == ["US officials said", "the officials claimed"]


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        (
            "The city spent $48 million on the bridge.",
            "The city spent $84 million on the bridge.",
            True,
        ),
        ("Prices rose 5 per cent in March.", "Prices rose 5% in March.", False),
        ("Exports fell 90% last year.", "Exports fell about 90% last year.", True),
    ],
)
def test_pairs_in_small_documents(a: str, b: str, differs: bool) -> None:
    rep = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    rows = claim_rows(rep)
    assert len(rows) == 1
    assert all(c is not None for c in rows[0].cells)
    assert rows[0].differs is differs


def test_unrelated_claims_get_their_own_rows() -> None:
    a = "The bridge cost $48 million.\n\nAbout 300 workers built it."
    b = "The bridge cost $48 million.\n\nThe mayor expects 2 million visitors."
    rows = claim_rows(compare([document_from_text(a, "a"), document_from_text(b, "b")]))
    shared = [r for r in rows if all(c is not None for c in r.cells)]
    assert len(shared) == 1 and len(rows) == 3


def test_render_fits_and_marks(f24_ap: Report) -> None:
    out = render_claims(f24_ap)
    lines = out.splitlines()
    assert "france24-afp.txt" in lines[0] and "ap.txt" in lines[0]
    assert all(len(ln) <= 160 for ln in lines)
    assert any(ln.startswith("≠") and "more than 70 percent" in ln for ln in lines)


def test_four_seeds_render_without_crash() -> None:
    rep = compare_paths(sorted(str(p) for p in SEEDS.glob("*.txt")))
    out = render_claims(rep)
    assert all(len(ln) <= 160 for ln in out.splitlines())
    assert len(claim_rows(rep)) >= 5


def test_no_claims() -> None:
    rep = compare(
        [document_from_text("No figures here.", "a"), document_from_text("None here either.", "b")]
    )
    assert claim_rows(rep) == ()
    assert "no numeric claims" in render_claims(rep)

"""Drift as findings: one finding per unit of meaning, symmetric ids, old marks carried over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srcdiff.drift.severity import TABLE
from srcdiff.marks import current_marks, orphans
from srcdiff.model import Drift, DriftKind, Relation, Report, Severity
from srcdiff.pipeline import compare, compare_paths, document_from_text
from srcdiff.review import Mark, load_marks
from srcdiff.strength.scales import FINDING_SEVERITY, SEVERITY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "stories"


def _pair(a: str, b: str) -> tuple[Drift, ...]:
    rep = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    return rep.comparisons[0].drifts


def _mirror_key(d: Drift, swapped: bool) -> tuple[object, ...]:
    a_span, b_span = (d.b_span, d.a_span) if swapped else (d.a_span, d.b_span)
    return (d.id, d.severity, d.relation, a_span, b_span, d.kinds)


def _assert_symmetric(x: Report, y: Report) -> None:
    dx, dy = x.comparisons[0].drifts, y.comparisons[0].drifts
    assert sorted(_mirror_key(d, False) for d in dx) == sorted(_mirror_key(d, True) for d in dy)


# -- units of meaning -------------------------------------------------------------------------


def test_a_reworded_quote_is_one_high_finding_naming_the_quote_and_its_new_words() -> None:
    a = (
        "The minister spoke on Tuesday. “We will rebuild every school in the valley before "
        "the winter, and the state will pay for all of it,” she said at the briefing."
    )
    b = (
        "The minister spoke on Tuesday. “We will repair every school in the valley before "
        "the winter, and the state will pay for most of it,” she said at the briefing."
    )
    ds = _pair(a, b)
    quote = [d for d in ds if DriftKind.QUOTE in d.kinds]
    assert len(quote) == 1, [d.explanation for d in ds]
    d = quote[0]
    assert d.severity is Severity.HIGH
    assert "rebuild every school" in d.explanation and "repair every school" in d.explanation
    assert len(d.evidence) >= 2, "the word ops are the finding's evidence"
    assert all(d.a.strip() not in ("“", "”", "") or d.b.strip() for d in ds), "no lone mark"


def test_quotation_marks_dropped_is_one_finding_not_a_mark_and_its_words() -> None:
    a = "Officials said the program had been “quite successful” so far this year."
    b = "Officials said the program had been successful so far this year."
    ds = [d for d in _pair(a, b) if d.severity is not Severity.LOW]
    assert len(ds) == 1, [d.explanation for d in ds]
    assert ds[0].severity is Severity.HIGH and "quite successful" in ds[0].explanation
    assert ds[0].a != "“"


def test_one_rewritten_phrase_is_one_finding() -> None:
    a = "Russia now produces more artillery munitions than the US and Europe."
    b = "Russia now produces as much artillery ammunition as the United States and Europe."
    ds = [d for d in _pair(a, b) if d.severity is not Severity.LOW]
    assert len(ds) == 1, [d.explanation for d in ds]
    assert "more" in ds[0].a and "United States" in ds[0].b


def test_a_finding_stops_at_the_seam_of_a_far_merge() -> None:
    # B merges A's third paragraph with one far below it inside one new quotation; the
    # finding of each part holds that part's words, not A's text between the two parts.
    paras = [p for p in (SEEDS / "ap.txt").read_text(encoding="utf-8").split("\n") if p]
    paras = [p for p in paras if len(p.split()) > 15]
    i, j = 2, len(paras) - 2
    merged = (
        paras[i].rstrip(".") + ", officials said, “as " + paras[j][0].lower() + paras[j][1:]
    ).rstrip(".") + "”."
    a = "\n\n".join(paras)
    b = "\n\n".join([*paras[:i], merged, *paras[i + 1 : j], *paras[j + 1 :]])
    rep = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    (block,) = [k for k in rep.comparisons[0].blocks if len(k.a) > 1]
    assert block.a == (i, j)
    drifts = rep.comparisons[0].drifts
    assert any(d.severity is Severity.HIGH for d in drifts)
    between = paras[i + 1 : j]
    assert all(p not in d.a for d in drifts for p in between), [len(d.a) for d in drifts]


def test_a_change_carries_all_its_kinds_and_its_highest_severity() -> None:
    ds = _pair(
        "The fund paid $48 million last year, officials said.",
        "The fund paid $84 million last year, officials said.",
    )
    assert [d.severity for d in ds] == [Severity.HIGH]
    assert DriftKind.NUMBER in ds[0].kinds


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The price\u00a0rose.", "The price rose."),
        ("A well-known case.", "A well known case."),
        ("He left; she stayed.", "He left, she stayed."),
    ],
)
def test_format_explanations_are_plain_words(a: str, b: str) -> None:
    ds = _pair(a, b)
    assert ds and all(d.severity is Severity.LOW for d in ds)
    for d in ds:
        assert not re.search(r"\\x|'' →|→ ''|' '", d.explanation), d.explanation


# -- symmetry -----------------------------------------------------------------------------

PAIRS = [
    (SEEDS / "cnn-bundle-scrape.txt", SEEDS / "cnn-backtranslated.txt"),
    (SEEDS / "france24-afp.txt", SEEDS / "ap.txt"),
    (STORIES / "court" / "wire.txt", STORIES / "court" / "rewrite.txt"),
    (STORIES / "quake" / "wire.txt", STORIES / "quake" / "backtranslated.txt"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=lambda p: p.parent.name + "/" + p.name)
def test_swapping_real_inputs_keeps_findings_severities_and_ids(a: Path, b: Path) -> None:
    _assert_symmetric(compare_paths([str(a), str(b)]), compare_paths([str(b), str(a)]))


WORDS = [
    "the",
    "mayor",
    "said",
    "not",
    "more",
    "than",
    "70",
    "percent",
    "may",
    "rise",
    "fall",
    "hard",
    "difficult",
    "“",
    "”",
    ",",
    ".",
    "police",
    "Smith",
    "never",
]


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    base = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
    other = list(base)
    for _ in range(draw(st.integers(1, 5))):
        k = draw(st.integers(0, len(other)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert" or not other:
            other.insert(k, draw(st.sampled_from(WORDS)))
        elif action == "delete":
            del other[min(k, len(other) - 1)]
        else:
            other[min(k, len(other) - 1)] = draw(st.sampled_from(WORDS))
    return " ".join(base), " ".join(other)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edited())
def test_swapping_sides_keeps_findings_severities_and_ids(pair: tuple[str, str]) -> None:
    a, b = pair
    x = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    y = compare([document_from_text(b, "b"), document_from_text(a, "a")])
    _assert_symmetric(x, y)


# -- the severity table is data, and the docs print it ----------------------------------------


def test_docs_print_the_severity_table() -> None:
    doc = (ROOT / "docs" / "drift.md").read_text(encoding="utf-8")
    for cue, w in TABLE.items():
        assert f"| `{cue.value}` | {w.severity.value} | {w.relation.value} | {w.why} |" in doc, cue
    for scale, (change, reversal) in SEVERITY.items():
        assert f"| `{scale}` | {change.value} | {reversal.value} |" in doc, scale
    findings = doc[doc.index("| scale in a claim of findings |") :]
    for scale, (change, reversal) in FINDING_SEVERITY.items():
        assert f"| `{scale}` | {change.value} | {reversal.value} |" in findings, scale


def test_relation_is_reported_on_every_drift() -> None:
    ds = _pair(
        "Prices rose sharply in March, the bank said.",
        "Prices fell sharply in March, the bank said.",
    )
    assert all(isinstance(d.relation, Relation) for d in ds)


# -- review files of the first id scheme -----------------------------------------------------


def test_marks_of_the_first_id_scheme_land_on_todays_findings() -> None:
    report = compare_paths(
        [str(SEEDS / "cnn-bundle-scrape.txt"), str(SEEDS / "cnn-backtranslated.txt")]
    )
    old = load_marks(ROOT / "tests" / "data" / "review-legacy-seeds.json")
    assert len(old) == 127, "the saved file marks every drift of the first scheme"
    new = current_marks(old, report)
    assert orphans(new, report) == [], "every old mark found its finding"
    ids = {d.id for d in report.comparisons[0].drifts}
    assert set(new) <= ids
    # A finding holding a confirmed old mark stays confirmed; notes survive.
    assert any(m.status == "confirmed" for m in new.values())
    old_notes = {m.note for m in old.values() if m.note}
    new_notes = " / ".join(m.note for m in new.values())
    assert all(n in new_notes for n in old_notes)


def test_a_mark_that_matches_nothing_is_kept() -> None:
    report = compare_paths([str(SEEDS / "france24-afp.txt"), str(SEEDS / "ap.txt")])
    marks = {"0123456789": Mark("confirmed", "gone")}
    new = current_marks(marks, report)
    assert new == marks
    assert orphans(new, report) == ["0123456789"]


@pytest.mark.parametrize("mark", ["\u200b", "\u202e", "\u2066", "\u00ad"])
def test_a_change_of_invisible_characters_only_is_a_low_format_finding_that_says_so(
    mark: str,
) -> None:
    ds = _pair("Prices rose 70 percent in March.", f"Prices rose 7{mark}0 percent in March.")
    assert ds and all(d.severity is Severity.LOW for d in ds), [d.explanation for d in ds]
    assert any(
        "invisible" in d.explanation and f"U+{ord(mark):04X}" in d.explanation for d in ds
    ), [d.explanation for d in ds]


def test_a_dateline_given_on_one_side_only_is_low() -> None:
    a = (
        "DENVER (Wire) — A federal appeals court on Tuesday struck down the county's ban on "
        "short-term rentals."
    )
    b = "A federal appeals court on Tuesday struck down the county's ban on short-term rentals."
    ds = _pair(a, b)
    assert ds and all(d.severity is Severity.LOW for d in ds), [d.explanation for d in ds]
    assert any("dateline" in d.explanation for d in ds)


def test_a_name_in_another_form_the_lexicon_knows_is_no_name_removed() -> None:
    ds = _pair(
        "The carrier also sells phone plans in the Netherlands and Belgium.",
        "The carrier also sells Dutch and Belgian phone plans.",
    )
    assert not any("name removed" in e.explanation for d in ds for e in d.evidence), [
        d.explanation for d in ds
    ]


def test_a_name_the_other_text_gives_elsewhere_is_low() -> None:
    a = (
        "Carver County adopted the ban in 2022.\n\n"
        "The county had not shown that a smaller rule would fail, the judge wrote."
    )
    b = (
        "Carver County adopted the ban in 2022.\n\n"
        "Carver County had not shown that a smaller rule would fail, the judge wrote."
    )
    ds = _pair(a, b)
    assert ds and all(d.severity is Severity.LOW for d in ds), [d.explanation for d in ds]
    moved = _pair("The judge spoke in Denver on Monday.", "The judge spoke in Boston on Monday.")
    assert any(d.severity is Severity.MEDIUM and DriftKind.ENTITY in d.kinds for d in moved)


@pytest.mark.parametrize(
    ("a", "b"), [("increased", "decreased"), ("raised", "lowered"), ("upgraded", "downgraded")]
)
def test_antonyms_are_a_high_reversal_even_two_letters_apart(a: str, b: str) -> None:
    ds = _pair(
        f"The agency {a} the forecast in May, officials said.",
        f"The agency {b} the forecast in May, officials said.",
    )
    assert [(d.severity, d.relation) for d in ds] == [(Severity.HIGH, Relation.REVERSED)], [
        d.explanation for d in ds
    ]

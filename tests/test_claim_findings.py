"""Claim strength and transcripts as drift findings, through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from srcdiff.model import Direction, Drift, DriftKind, Relation, Severity
from srcdiff.pipeline import compare, compare_paths, document_from_text

DATA = Path(__file__).resolve().parent / "data" / "transcript"
H, M, L = Severity.HIGH, Severity.MEDIUM, Severity.LOW


def _drifts(a: str, b: str) -> tuple[Drift, ...]:
    rep = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    return rep.comparisons[0].drifts


STRONGER = [
    # (a, b): b states a's claim more strongly
    (
        "In a small pilot study of 40 adults, the supplement may reduce joint pain.",
        "In a small pilot study of 40 adults, the supplement reduces joint pain.",
    ),
    (
        "Eating walnuts was associated with lower blood pressure in the survey.",
        "Eating walnuts lowers blood pressure in the survey.",
    ),
    (
        "Some of the residents were moved to shelters before the storm.",
        "All of the residents were moved to shelters before the storm.",
    ),
    (
        "Patients often recovered within a week, the team reported.",
        "Patients always recovered within a week, the team reported.",
    ),
]


def test_never_made_rarely_is_a_high_reversal() -> None:
    for a, b in (
        (
            "“The pumps never fail in winter,” the engineer said.",
            "“The pumps rarely fail in winter,” the engineer said.",
        ),
        (
            "The pumps rarely fail in winter, the engineer said.",
            "The pumps never fail in winter, the engineer said.",
        ),
    ):
        top = max(_drifts(a, b), key=lambda d: d.severity.rank)
        assert top.severity is H and top.relation is Relation.REVERSED, top


@pytest.mark.parametrize(("a", "b"), STRONGER)
def test_a_claim_made_stronger_is_a_high_finding_with_its_direction(a: str, b: str) -> None:
    ds = [d for d in _drifts(a, b) if d.direction is not None]
    assert ds and ds[0].direction is Direction.STRONGER, [(d.explanation, d.direction) for d in ds]
    assert ds[0].severity is H
    back = [d for d in _drifts(b, a) if d.direction is not None]
    assert back and back[0].direction is Direction.WEAKER
    assert back[0].severity is ds[0].severity, "swapping keeps the severity"
    assert back[0].id == ds[0].id, "and the id"


def test_more_than_made_as_much_as_is_a_reversal() -> None:
    ds = _drifts(
        "Russia now produces more artillery shells than the US and Europe.",
        "Russia now produces as many artillery shells as the US and Europe.",
    )
    top = max(ds, key=lambda d: d.severity.rank)
    assert top.severity is H and top.relation is Relation.REVERSED, top


def test_an_equivalent_paraphrase_has_no_direction() -> None:
    ds = _drifts(
        "Smoking is linked to lung cancer, the review found.",
        "Smoking is associated with lung cancer, the review found.",
    )
    assert all(d.direction is None for d in ds)
    assert all(d.severity is L for d in ds)


# -- transcripts ---------------------------------------------------------------------------


def _pair(a: str, b: str) -> tuple[Drift, ...]:
    return compare_paths([str(DATA / a), str(DATA / b)]).comparisons[0].drifts


def test_quoting_a_transcript_faithfully_is_no_finding() -> None:
    ds = _pair("transcript.txt", "article.txt")
    assert ds, "the pair differs in form"
    about_quotes = [d for d in ds if {DriftKind.QUOTE, DriftKind.ATTRIBUTION} & set(d.kinds)]
    assert about_quotes, "the labels and attributions are matched"
    assert all(d.severity is L for d in about_quotes), [
        (d.severity.value, d.explanation) for d in about_quotes
    ]
    assert not any(d.severity is H for d in ds)


def test_quoted_words_the_speaker_did_not_say_are_a_high_quote_finding() -> None:
    ds = _pair("transcript.txt", "misquoted.txt")
    quote = [
        d
        for d in ds
        if d.severity is H and DriftKind.QUOTE in d.kinds and "rebuild" in d.explanation
    ]
    assert quote, [(d.severity.value, d.explanation) for d in ds]


def test_a_quote_given_to_another_speaker_is_a_high_attribution_finding() -> None:
    ds = _pair("transcript.txt", "misquoted.txt")
    given = [
        d
        for d in ds
        if d.severity is H
        and DriftKind.ATTRIBUTION in d.kinds
        and "another speaker" in d.explanation
    ]
    assert given, [(d.severity.value, d.explanation) for d in ds]
    # Either order: the transcript may be given second.
    back = _pair("misquoted.txt", "transcript.txt")
    assert {d.id for d in given} <= {d.id for d in back}


def test_one_labelled_line_is_no_transcript() -> None:
    a = "WASHINGTON: The senate passed the bill on Friday, officials said."
    b = "WASHINGTON: The senate passed the bill on Friday, “officials” said."
    ds = _drifts(a, b)
    assert any(DriftKind.QUOTE in d.kinds and d.severity is H for d in ds)

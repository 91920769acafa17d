"""Speaker turns of a transcript."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from srcdiff.strength.transcript import same_speaker, turns

HALL = """Town hall meeting, March 3

MAYOR TELL: We will open the bridge in May.
It is on budget.

Q: Will tolls rise?

[00:01:23] MAYOR TELL: No. Tolls stay where they are.

SEN. O'BRIEN (D-Mass.): I disagree with the mayor.
EDITOR'S NOTE: This transcript was edited for length.
"""


def _read(text: str) -> list[tuple[str, str]]:
    return [(t.speaker, text[t.span[0] : t.span[1]]) for t in turns(text)]


def test_labelled_lines_are_the_speakers_words() -> None:
    assert _read(HALL) == [
        ("MAYOR TELL", "We will open the bridge in May.\nIt is on budget."),
        ("Q", "Will tolls rise?"),
        ("MAYOR TELL", "No. Tolls stay where they are."),
        ("SEN. O'BRIEN", "I disagree with the mayor."),
    ]


def test_label_span_covers_the_label() -> None:
    t = turns(HALL)[3]
    assert HALL[t.label_span[0] : t.label_span[1]] == "SEN. O'BRIEN (D-Mass.):"


def test_a_turn_runs_over_paragraphs_to_the_next_label() -> None:
    text = "SMITH: First part.\n\nSecond part.\n\nJONES: Reply."
    assert _read(text) == [("SMITH", "First part.\n\nSecond part."), ("JONES", "Reply.")]


def test_words_on_the_line_after_the_label() -> None:
    assert _read("A:\n  Yes, we did.\n") == [("A", "Yes, we did.")]


def test_capitalised_names_count_when_they_recur() -> None:
    text = "Jane Roe: First point.\nJohn Doe: Reply.\nJane Roe: Second point.\nJohn Doe: Fine."
    assert [s for s, _ in _read(text)] == ["Jane Roe", "John Doe", "Jane Roe", "John Doe"]
    assert _read("Mayor Tell: We will open the bridge.\nThe council agreed.") == []


def test_lines_that_are_not_speakers() -> None:
    text = (
        "Note: the figures are provisional.\n"
        "UPDATE: The vote was moved.\n"
        "The meeting began at 10:30 a.m.\n"
        "See https://example.org: the minutes.\n"
        "Officials said: the bridge opens in May.\n"
    )
    assert turns(text) == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AQSMITH :\n\t.abc[]0123()", max_size=120))
def test_turns_are_ordered_spans_of_the_text(text: str) -> None:
    last = 0
    for t in turns(text):
        assert last <= t.label_span[0] < t.label_span[1] <= t.span[0] < t.span[1] <= len(text)
        words = text[t.span[0] : t.span[1]]
        assert words == words.strip() and words
        assert text[t.label_span[1] - 1] == ":"
        last = t.span[1]


def test_same_speaker() -> None:
    assert same_speaker("MAYOR TELL", "Mayor Jane Tell")
    assert same_speaker("MAYOR TELL", "Tell")
    assert same_speaker("SEN. O'BRIEN", "Senator Mary O’Brien")
    assert not same_speaker("MAYOR TELL", "Councilwoman Ruiz")
    assert not same_speaker("Q", "Q")
    assert not same_speaker("MAYOR", "Mayor Jane Tell")

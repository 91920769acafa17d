"""Sorted lines searched in place (srcdiff/lexdata/lines.py), against a plain search."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srcdiff._core import first_line_from
from srcdiff.lexdata.lines import SortedLines


def _lines(text: str) -> SortedLines:
    return SortedLines(text, 0, len(text))


def test_every_key_and_every_absent_key_is_found_as_a_plain_search_finds_it() -> None:
    rng = random.Random(7)
    keys = sorted(
        {"".join(rng.choice("ab c'-") for _ in range(rng.randint(1, 6))) for _ in range(400)}
    )
    rows = [f"{k}\t{i}" for i, k in enumerate(keys)]
    lines = _lines("".join(f"{r}\n" for r in rows))
    for i, k in enumerate(keys):
        assert lines.row(k) == str(i)
        assert lines.has(f"{k}\t{i}") and not lines.has(f"{k}\t{i}x")
    for probe in ("", "zz", "a\t", "ab c-x", "'", "b" * 9):
        if probe not in keys:
            assert lines.row(probe) is None


def test_a_key_that_begins_others_is_told_from_them() -> None:
    lines = _lines("run\t1\nrun out\t2\nrung\t4\nrunner\t3\n")
    assert [lines.row(k) for k in ("run", "run out", "runner", "rung", "ru", "runs")] == [
        "1",
        "2",
        "3",
        "4",
        None,
        None,
    ]
    assert list(lines) == ["run\t1", "run out\t2", "rung\t4", "runner\t3"]


def test_a_section_holds_only_its_own_lines() -> None:
    text = "# head\n#one\nb\tx\nc\ty\n#two\na\tz\n"
    one, two = SortedLines.section(text, "#one", "#two"), SortedLines.section(text, "#two")
    assert list(one) == ["b\tx", "c\ty"] and list(two) == ["a\tz"]
    assert one.row("a") is None and two.row("a") == "z" and one.row("c") == "y"
    assert list(SortedLines.section("#one\n#two\n", "#one", "#two")) == []


def _first_from_reference(text: str, start: int, end: int, probe: str) -> int:
    """The first line of text[start:end] not before ``probe``, by a plain scan."""
    at = start
    for line in text[start:end].splitlines(keepends=True):
        if line[:-1] >= probe:
            return at
        at += len(line)
    return end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab\té€\U0001f600 ", max_size=5), max_size=30),
    st.text(alphabet="ab\té€\U0001f600 ", max_size=6),
    st.integers(0, 3),
)
def test_the_bisection_lands_where_a_plain_scan_does(
    rows: list[str], probe: str, lead: int
) -> None:
    # Lines of every character width (one, two and four bytes a character), behind a
    # heading the range leaves out, probed with what the lines hold and what they do not.
    body = "".join(f"{r}\n" for r in sorted(set(rows)))
    head = "#h\n" * lead
    text = head + body + "#end\n"
    start, end = len(head), len(head) + len(body)
    assert first_line_from(text, start, end, probe) == _first_from_reference(
        text, start, end, probe
    )


def test_a_range_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError):
        first_line_from("a\n", 0, 3, "a")

"""Numeric claims: parsing (value, unit, scale, qualifier, spans) and comparing."""

from __future__ import annotations

import pytest

from srcdiff.numbers import Change, Quantity, compare, find_quantities

PARSE = [
    # text, expected (text, value, unit, scale, qualifier, kind) of the first quantity
    (
        "China provided more than 70 percent of tools",
        ("more than 70 percent", 70, "percent", "", "more than", "amount"),
    ),
    ("Nearly 70% of imports", ("Nearly 70%", 70, "percent", "", "nearly", "amount")),
    ("about 90 per cent of chips", ("about 90 per cent", 90, "percent", "", "about", "amount")),
    (
        "approximately $900 million in tools",
        ("approximately $900 million", 900, "USD", "million", "approximately", "amount"),
    ),
    ("a grant of $48m", ("$48m", 48, "USD", "million", "", "amount")),
    ("trade of $2.5bn", ("$2.5bn", 2.5, "USD", "billion", "", "amount")),
    ("over $500 million in 2022", ("over $500 million", 500, "USD", "million", "over", "amount")),
    ("1,200 people", ("1,200", 1200, "", "", "", "amount")),
    ("at least three companies", ("at least three", 3, "", "", "at least", "amount")),
    ("up to 40 trains", ("up to 40", 40, "", "", "up to", "amount")),
    (
        "roughly 2.1 million tons",
        ("roughly 2.1 million tons", 2.1, "tons", "million", "roughly", "amount"),
    ),
    ("some twenty-five villages", ("some twenty-five", 25, "", "", "some", "amount")),
    ("grew twice as fast", ("twice", 2, "times", "", "", "amount")),
    ("nearly three times more shells", ("nearly three times", 3, "times", "", "nearly", "amount")),
    ("half of the harvest", ("half", 50, "percent", "", "", "amount")),
    ("about a fifth of customers", ("about a fifth", 20, "percent", "", "about", "amount")),
    ("two-thirds of the staff", ("two-thirds", 200 / 3, "percent", "", "", "amount")),
    ("a dozen ships", ("a dozen", 12, "", "", "", "amount")),
    ("lasted more than a decade", ("more than a decade", 10, "years", "", "more than", "amount")),
    ("in 2023 the output fell", ("2023", 2023, "year", "", "", "year")),
    ("on April 13, 2024 officials", ("April 13, 2024", 20240413, "date", "", "", "date")),
    ("met on 18 April 2023 in Moscow", ("18 April 2023", 20230418, "date", "", "", "date")),
    ("date 2024-04-13 header", ("2024-04-13", 20240413, "date", "", "", "date")),
]


@pytest.mark.parametrize(("text", "want"), PARSE)
def test_parse(text: str, want: tuple[str, float, str, str, str, str]) -> None:
    qs = find_quantities(text)
    assert qs, text
    q = qs[0]
    assert (q.text, q.unit, q.scale, q.qualifier, q.kind) == (want[0], *want[2:])
    assert q.value == pytest.approx(want[1])
    assert text[q.span[0] : q.span[1]] == q.text


@pytest.mark.parametrize("text", ["G7 summit", "COVID-19 rules", "the F-16 jet", "no numbers"])
def test_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_with_offsets() -> None:
    text = "xx Revenue rose 14 percent to $1.2 billion."
    qs = find_quantities(text, 3)
    assert [text[s:e] for s, e in (q.span for q in qs)] == ["14 percent", "$1.2 billion"]


COMPARE = [
    ("$48 million", "$84 million", Change.VALUE),
    ("twice", "three times", Change.VALUE),
    ("more than 70 percent", "Nearly 70%", Change.QUALIFIER),
    ("70%", "more than 70%", Change.QUALIFIER),
    ("at least three", "three", Change.QUALIFIER),
    ("90%", "about 90 per cent", Change.HEDGE_ADDED),
    ("approximately $900 million", "$900 million", Change.HEDGE_REMOVED),
    ("2", "two", Change.FORMAT),
    ("70 percent", "70%", Change.FORMAT),
    ("5 per cent", "5%", Change.FORMAT),
    ("$900 million", "$0.9 billion", Change.FORMAT),
    ("about 90%", "approximately 90 percent", Change.FORMAT),
    ("more than 2 years", "over two years", Change.FORMAT),
    ("70%", "70%", Change.SAME),
    ("2023", "2022", Change.VALUE),
    ("April 13, 2024", "April 14, 2024", Change.VALUE),
    ("$5 million", "5 million tons", Change.UNIT),
]


@pytest.mark.parametrize(("a", "b", "change"), COMPARE)
def test_compare(a: str, b: str, change: Change) -> None:
    qa, qb = find_quantities(a), find_quantities(b)
    assert len(qa) == 1 and len(qb) == 1, (qa, qb)
    got, why = compare(qa[0], qb[0])
    assert got is change, why
    assert (why == "") == (change is Change.SAME)


def test_explanations() -> None:
    a, b = find_quantities("$48 million")[0], find_quantities("$84 million")[0]
    assert compare(a, b)[1] == "number changed: $48 million → $84 million"
    a, b = find_quantities("more than 70 percent")[0], find_quantities("Nearly 70%")[0]
    assert compare(a, b)[1].startswith("qualifier changed: more than → nearly")


@pytest.mark.parametrize("text", ["ruling 2-1 that", "a 2-10 vote", "pages 10-20"])
def test_both_figures_of_a_tally_or_range_are_numbers(text: str) -> None:
    """A score, a vote tally or a range: "2-1" becoming "2-10" is a figure changed."""
    first, second = text.split()[1].split("-")
    assert [q.text for q in find_quantities(text)] == [first, second]


def test_a_share_in_words_is_its_percentage_to_the_whole_percent() -> None:
    def first(text: str) -> Quantity:
        return next(iter(find_quantities(text)))

    assert compare(first("a third of the staff"), first("33% of the staff"))[0] is Change.FORMAT
    assert compare(first("about a fifth"), first("nearly 20%"))[0] is Change.QUALIFIER
    assert compare(first("a quarter of voters"), first("30% of voters"))[0] is Change.VALUE
    assert compare(first("about a fifth"), first("approximately one fifth"))[0] is Change.FORMAT

"""The equivalence screen (``lexdata.screen``) answers as ``relation`` does.

The screen only ever turns a pair away without asking ``relation``; a pair it turned away
wrongly would hide an equivalent rewording as a change, so every pair of words of the
lexicon tables, and pairs of a seed's real words, are checked against ``relation``.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from srcdiff.lexdata import Relation, equivalent, relation
from srcdiff.lexdata.screen import keys, screened

from .test_lexdata import EQUIVALENT, REVERSED, SEED_VOCABULARY, TABLE_WORDS


def test_every_equivalent_pair_of_the_tables_passes() -> None:
    for a, b in EQUIVALENT:
        assert equivalent(a, b) and equivalent(b, a), (a, b)


def test_the_screen_agrees_with_relation_on_every_pair_of_table_words() -> None:
    turned_away = 0
    for a, b in itertools.product(TABLE_WORDS, repeat=2):
        assert equivalent(a, b) is (relation(a, b) is Relation.EQUIVALENT), (a, b)
        turned_away += keys(a).isdisjoint(keys(b))
    # and it does screen: most pairs of unrelated words never reach ``relation``
    assert turned_away > len(TABLE_WORDS) ** 2 // 2


@given(st.sampled_from(SEED_VOCABULARY), st.sampled_from(SEED_VOCABULARY))
def test_the_screen_agrees_with_relation_on_real_words(a: str, b: str) -> None:
    assert equivalent(a, b) is (relation(a, b) is Relation.EQUIVALENT)


def test_empty_and_figures_are_equivalent_only_to_themselves() -> None:
    assert not equivalent("", "")
    assert equivalent("40", "40")
    assert not equivalent("40", "forty")


def test_screened_agrees_with_relation_on_every_pair_of_table_words() -> None:
    for a, b in itertools.product(TABLE_WORDS, repeat=2):
        assert screened(a, b) is relation(a, b), (a, b)


def test_every_reversed_pair_of_the_tables_passes() -> None:
    for a, b in REVERSED:
        assert screened(a, b) is Relation.REVERSED and screened(b, a) is Relation.REVERSED


@given(st.sampled_from(SEED_VOCABULARY), st.sampled_from(SEED_VOCABULARY))
def test_screened_agrees_with_relation_on_real_words(a: str, b: str) -> None:
    assert screened(a, b) is relation(a, b)

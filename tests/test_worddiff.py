"""Word diff: ops, spans into the originals, determinism, cleanup choice."""

from __future__ import annotations

import pytest

from srcdiff.model import OpKind
from srcdiff.worddiff import Side, diff_sides, similarity, word_ops


def _ops(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(o.op.value, o.a, o.b) for o in word_ops(a, 0, len(a), b, 0, len(b))]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "Some of this comes from downgraded US intelligence.",
            "Some of that comes from declassified US intelligence.",
            [
                ("equal", "Some of ", "Some of "),
                ("replace", "this", "that"),
                ("equal", " comes from ", " comes from "),
                ("replace", "downgraded", "declassified"),
                ("equal", " US intelligence.", " US intelligence."),
            ],
        ),
        (
            "It has not seen it.",
            "It has seen it.",
            [
                ("equal", "It has ", "It has "),
                ("delete", "not ", ""),
                ("equal", "seen it.", "seen it."),
            ],
        ),
        ("same", "same", [("equal", "same", "same")]),
    ],
)
def test_ops(a: str, b: str, expected: list[tuple[str, str, str]]) -> None:
    assert _ops(a, b) == expected


def test_reworded_pair_keeps_shared_facts() -> None:
    a = (
        "US officials said that China provided more than 70 percent of the $900 million in "
        "machine tools—likely used to build ballistic missiles—imported in the last quarter "
        "of 2023 by Russia."
    )
    b = (
        "Nearly 70% of Russia’s approximately $900 million in machine tool imports in the last "
        "quarter of 2023 came from China."
    )
    equal = " ".join(o.a for o in word_ops(a, 0, len(a), b, 0, len(b)) if o.op is OpKind.EQUAL)
    assert "$900 million" in equal
    assert "last quarter of 2023" in equal


def test_spans_map_into_documents_across_paragraphs() -> None:
    doc_a = "xx First para.\n\nSecond para here."
    doc_b = "First para.\n\nyy\n\nSecond para there."
    sa = Side(doc_a, [(3, 14), (16, len(doc_a))])
    sb = Side(doc_b, [(0, 11), (17, len(doc_b))])
    ops = diff_sides(sa, sb)
    assert "".join(o.a for o in ops) == sa.text
    assert "".join(o.b for o in ops) == sb.text
    changed = [o for o in ops if o.op is not OpKind.EQUAL]
    assert [(o.a, o.b) for o in changed] == [("here", "there")]
    o = changed[0]
    assert doc_a[o.a_span[0] : o.a_span[1]] == "here"
    assert doc_b[o.b_span[0] : o.b_span[1]] == "there"


def test_deterministic() -> None:
    a = "The quick brown fox jumps over the lazy dog. " * 40
    b = a.replace("lazy", "sleepy").replace("quick", "slow", 7)
    assert word_ops(a, 0, len(a), b, 0, len(b)) == word_ops(a, 0, len(a), b, 0, len(b))


def test_similarity_bounds() -> None:
    assert similarity(word_ops("a b c", 0, 5, "a b c", 0, 5)) == 1.0
    assert similarity(word_ops("a b c", 0, 5, "x y z", 0, 5)) == 0.0

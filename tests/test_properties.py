"""Property tests: nothing of the input is lost, ops rebuild both sides, blocks partition."""

from __future__ import annotations

import itertools
import re

import regex
from diff_match_patch import diff_match_patch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srcdiff._core import (
    anchored_diff,
    claim_tokens,
    cleanup_merge,
    encode_sides,
    longest_increasing,
    odd_at,
    run_starts,
    unsafe_at,
    unsafe_utf8_at,
    word_tokens,
)
from srcdiff.model import OpKind
from srcdiff.pipeline import compare, document_from_text
from srcdiff.segment import segment
from srcdiff.worddiff import JOIN, TOKEN_CLASSES, _key, word_ops

WORDS = [
    "China",
    "Russia",
    "U.S.",
    "said",
    "not",
    "70%",
    "per cent",
    "“quoted”",
    "Gen.",
    "the",
    "officials",
    "$900",
    "million",
    "—",
    "nearly",
    "a",
    "of",
    "drones",
    "\u00a0",
]

word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6))
sentence = st.lists(word, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
separator = st.sampled_from(["\n\n", "\n", "\n \n\n", "\r\n\r\n", "\n\t\n"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    paras = draw(st.lists(paragraph, min_size=1, max_size=8))
    out = draw(st.sampled_from(["", "\n", "  "]))
    for k, p in enumerate(paras):
        if k:
            out += draw(separator)
        out += p
    return out + draw(st.sampled_from(["", "\n", "\n\n"]))


def _fake_classifier(ops, a, b):  # type: ignore[no-untyped-def]
    return ()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_every_non_space_character_lands_in_exactly_one_paragraph(text: str) -> None:
    paras = segment(text)
    owner = [-1] * len(text)
    for p in paras:
        assert text[p.start : p.end] == p.text
        for k in range(p.start, p.end):
            assert owner[k] == -1, "paragraphs overlap"
            owner[k] = p.index
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert owner[k] != -1, f"character {ch!r} at {k} is in no paragraph"
    for p in paras:
        for s in p.sentences:
            assert p.start <= s.start < s.end <= p.end


@settings(max_examples=150, deadline=None)
@given(texts(), texts())
def test_ops_rebuild_both_sides(a: str, b: str) -> None:
    ops = word_ops(a, 0, len(a), b, 0, len(b))
    assert "".join(o.a for o in ops) == a
    assert "".join(o.b for o in ops) == b
    for o in ops:
        assert a[o.a_span[0] : o.a_span[1]] == o.a
        assert b[o.b_span[0] : o.b_span[1]] == o.b
        if o.op is OpKind.EQUAL:
            assert o.a == o.b


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), texts(), st.randoms(use_true_random=False))
def test_every_paragraph_in_exactly_one_block(a: str, b: str, rnd: object) -> None:
    # b shares shuffled paragraphs with a, so alignment has work to do.
    pa = [p.text for p in segment(a)]
    rnd.shuffle(pa)  # type: ignore[attr-defined]
    b = "\n\n".join(pa[: len(pa) // 2 + 1]) + "\n\n" + b
    da, db = document_from_text(a, "a"), document_from_text(b, "b")
    comp = compare([da, db], classifier=_fake_classifier).comparisons[0]
    seen_a = [i for blk in comp.blocks for i in blk.a]
    seen_b = [j for blk in comp.blocks for j in blk.b]
    assert sorted(seen_a) == list(range(len(da.paragraphs)))
    assert sorted(seen_b) == list(range(len(db.paragraphs)))
    for blk in comp.blocks:
        side_a = JOIN.join(da.paragraphs[i].text for i in blk.a)
        side_b = JOIN.join(db.paragraphs[j].text for j in blk.b)
        assert "".join(o.a for o in blk.ops) == side_a
        assert "".join(o.b for o in blk.ops) == side_b


@given(st.lists(st.integers(0, 30), max_size=40))
def test_longest_increasing_is_increasing_and_longest(values: list[int]) -> None:
    got = longest_increasing(values)
    assert got == sorted(set(got))
    assert all(values[p] < values[q] for p, q in itertools.pairwise(got))
    best = [1] * len(values)  # quadratic reference: longest run ending at each position
    for q in range(len(values)):
        for p in range(q):
            if values[p] < values[q]:
                best[q] = max(best[q], best[p] + 1)
    assert len(got) == max(best, default=0)


def _anchored_reference(ea: str, eb: str) -> list[tuple[int, str]]:
    """diff_main between patience anchors, written plainly, to check the compiled loop."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    once = [ch for ch in dict.fromkeys(ea) if ea.count(ch) == 1 and eb.count(ch) == 1]
    pairs = sorted((ea.index(ch), eb.index(ch)) for ch in once)
    diffs: list[tuple[int, str]] = []
    pa = pb = 0
    for k in longest_increasing([j for _, j in pairs]):
        i, j = pairs[k]
        diffs += dmp.diff_main(ea[pa:i], eb[pb:j], False) + [(0, ea[i])]
        pa, pb = i + 1, j + 1
    diffs += dmp.diff_main(ea[pa:], eb[pb:], False)
    return [d for d in diffs if d[1]]


@given(st.text("abcdefgh\u0101\U00010000", max_size=30), st.text("abcdefgh\u0101", max_size=30))
def test_anchored_diff_is_diff_main_between_anchors(ea: str, eb: str) -> None:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    got = anchored_diff(ea, eb, dmp.diff_main)
    assert got == _anchored_reference(ea, eb)
    assert "".join(t for k, t in got if k <= 0) == ea
    assert "".join(t for k, t in got if k >= 0) == eb


_ODD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@given(
    st.text(
        st.sampled_from("ab\t\n\r\x00\x0b\x1b\x7f\x85\x9f\xa0\u0101\ufffd\ufffe\uffff\U00010000")
    )
)
def test_odd_at_finds_what_the_regular_expression_finds(text: str) -> None:
    found = _ODD.search(text)
    assert odd_at(text) == (found.start() if found else -1)


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_WORD_RUN = regex.compile(r"[\p{L}\p{N}]+")


@given(
    st.text(st.sampled_from("ab Z9 .,'\u2019\u201c\u2014\u00e9\u00b2\u0101\U00010000\u200b\u00ad1"))
)
def test_run_starts_finds_where_the_regular_expressions_runs_begin(text: str) -> None:
    assert run_starts(text, _WORD_CHAR) == [m.start() for m in _WORD_RUN.finditer(text)]


_WORD_TOKEN = regex.compile(
    r"(?:\p{L}\.){2,}"
    r"|\p{Cf}*+[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*+(?:['’][\p{L}\p{Cf}]+)*+"
    r"|\s+|.",
    regex.DOTALL,
)
"""The grammar ``word_tokens`` implements, as the regular expression it replaced."""


@given(
    st.text(
        st.sampled_from(
            "aB1 .'’-\u00e9\u0301\u00b2\u0101\U00010000\u200b\u00ad\n\t\x1c\u2028\u00a0"
        )
    )
)
def test_word_tokens_cut_where_the_regular_expression_cuts(text: str) -> None:
    assert word_tokens(text, TOKEN_CLASSES) == _WORD_TOKEN.findall(text)


_DIFFS = st.lists(
    st.tuples(st.sampled_from([-1, 0, 1]), st.text("ab\u0101\U00010000", max_size=4)), max_size=10
)


@given(_DIFFS)
def test_cleanup_merge_is_the_librarys(diffs: list[tuple[int, str]]) -> None:
    mine, theirs = list(diffs), list(diffs)
    cleanup_merge(mine)
    diff_match_patch().diff_cleanupMerge(theirs)
    assert mine == theirs


def _codes_in_order(a: list[str], b: list[str]) -> tuple[str, str]:
    """The encoding ``encode_sides`` replaced: the keys' codes in order of first
    appearance, a before b, from U+0100 and past the surrogates."""
    ka, kb = [_key(t) for t in a], [_key(t) for t in b]
    table: dict[str, str] = {}
    for n, key in enumerate(dict.fromkeys(ka + kb), 0x100):
        table[key] = chr(n if n < 0xD800 else n + 0x800)
    return "".join(table[k] for k in ka), "".join(table[k] for k in kb)


_TOKENS = st.lists(
    st.sampled_from(
        [
            "US",
            "U.S.",
            "u.s.",
            " ",
            "  ",
            "\n",
            "said",
            "Said",
            "“",
            '"',
            "\u200b",
            "7\u200b0",
            "70",
            "é",
            "e\u0301",
        ]
    )
)


@given(_TOKENS, _TOKENS)
def test_encode_sides_codes_keys_in_order_of_first_appearance(a: list[str], b: list[str]) -> None:
    assert encode_sides(a, b, _key) == _codes_in_order(a, b)


def test_encode_sides_codes_skip_the_surrogates() -> None:
    many = [f"w{n}" for n in range(0xD800 - 0x100 + 3)]
    got, _ = encode_sides(many, [], _key)
    assert got == _codes_in_order(many, [])[0]
    assert ord(got[-1]) == 0xE002


_FIGURE_WORDS = ["at", "least", "AT", "Least", "37", "3.7", "$1,000", "US$37", "k", "\u212a", "ſ"]


@given(
    st.lists(st.sampled_from(_FIGURE_WORDS), min_size=1, max_size=3),
    st.lists(st.sampled_from([*_FIGURE_WORDS, "37x", "-", "\n", "\t", ""]), max_size=8),
    st.lists(st.sampled_from([" ", "\n", "  ", " \t"]), min_size=2, max_size=2),
    st.booleans(),
    st.lists(st.sampled_from([*_FIGURE_WORDS, "x", "\n"]), max_size=4),
)
def test_a_figure_is_stated_where_the_case_blind_search_finds_it(
    figure: list[str], before: list[str], spaces: list[str], upper: bool, after: list[str]
) -> None:
    from types import SimpleNamespace

    from srcdiff.drift.figures import _stated

    q = " ".join(figure)
    told = spaces[0].join(w.upper() if upper else w for w in figure)
    text = " ".join(before) + spaces[1] + told + " " + " ".join(after)
    words = r"\s+".join(re.escape(w) for w in q.split())
    found = re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None
    figure_q = SimpleNamespace(qualifier="at least", text=q)
    assert _stated(figure_q, SimpleNamespace(text=text)) == found  # type: ignore[arg-type]


@given(
    st.text(st.sampled_from('a{"~\x7f\x80\x85\x9f\xa0\xe9\u200b\u2019\ufeff\U00010000\U000e0001'))
)
def test_unsafe_utf8_at_is_unsafe_at_in_bytes(text: str) -> None:
    from srcdiff.sanitize import _JSON_UNSAFE

    at = unsafe_at(text, _JSON_UNSAFE)
    expected = -1 if at < 0 else len(text[:at].encode("utf-8"))
    assert unsafe_utf8_at(text.encode("utf-8"), _JSON_UNSAFE) == expected


_CLAIM_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*|[,;:()\[\]—–\"“”?!]")
"""The grammar ``claim_tokens`` implements, as the regular expression it replaced."""


@given(st.text(st.sampled_from("aB1 .,'’-;:()[]—–\"“”?!é\u0301²\u0101\U00010000\u200b\n")))
def test_claim_tokens_are_the_regular_expressions_tokens(text: str) -> None:
    from srcdiff.strength.words import CLASSES, Token, _form

    got = claim_tokens(text, CLASSES, _form, Token)
    assert [(t.text, t.span) for t in got] == [
        (m.group(), m.span()) for m in _CLAIM_TOKEN.finditer(text)
    ]
    clause = 0
    for t in got:
        low, lem, punct, opens, number = _form(t.text)
        clause += opens
        assert type(t) is Token
        assert (t.lower, t.lemma, t.punct, t.clause, t.number) == (low, lem, punct, clause, number)

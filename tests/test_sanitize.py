"""The one sanitiser: what every face shows of controls, format characters and secrets."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from srcdiff.sanitize import (
    guard_terminal,
    has_format,
    json_safe,
    mask_url,
    one_line,
    pictured,
    strip_format,
    visible,
)


def _obeyed(text: str) -> list[str]:
    """Characters a terminal obeys or that hide or reorder text (tab and newline aside)."""
    return [
        c
        for c in text
        if c not in "\t\n" and (unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    ]


@given(st.text())
def test_visible_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = visible(text)
    assert _obeyed(shown) == []
    assert visible(shown) == shown, "idempotent"
    assert _obeyed(one_line(text)) == [] and "\n" not in one_line(text)


@given(st.text())
def test_pictured_keeps_length_and_offsets(text: str) -> None:
    shown = pictured(text)
    assert len(shown) == len(text)
    assert _obeyed(shown) == [] and "\n" not in shown
    for a, b in zip(text, shown, strict=True):
        assert (a == b) == (a not in "\t\n" and not _obeyed(a)), repr(a)


@given(st.text())
def test_json_safe_means_the_same_json(text: str) -> None:
    dumped = json.dumps({"t": text}, ensure_ascii=False)
    safe = json_safe(dumped)
    assert json.loads(safe) == {"t": text}
    assert _obeyed(safe) == []


def test_the_escapes_read_as_documented() -> None:
    assert visible("a\x1b]0;x\x07b") == "a\\x1b]0;x\\x07b"
    assert visible("\x9b2J\u202e07\u200b") == "\\x9b2J<U+202E>07<U+200B>"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    assert one_line("two\nlines\t!") == "two\\x0alines\\x09!"
    assert visible("caf\udce9") == "caf\\xe9", "a file name's byte that is not UTF-8"
    assert pictured("\x1b[2J\u202e") == "␛[2J␦"


def test_guard_keeps_only_the_faces_colour() -> None:
    text = "\x1b[1mhead\x1b[0m \x1b[2J \x1b]8;;http://x\x1b\\"
    assert (
        guard_terminal(text, keep_sgr=True)
        == "\x1b[1mhead\x1b[0m \\x1b[2J \\x1b]8;;http://x\\x1b\\"
    )
    assert "\x1b" not in guard_terminal(text, keep_sgr=False)


def test_format_characters_are_invisible_to_matching() -> None:
    assert strip_format("7\u200b0") == "70"
    assert strip_format("\u202e07\u2066x\u2069") == "07x"
    assert has_format("7\u200b0") and not has_format("70") and not has_format("café")


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("http://user:secret@host/x", "http://user:***@host/x"),
        ("https://user@host/", "https://user@host/"),
        (
            "fetch http://a:b@h/p?token=t1&page=2 failed",
            "fetch http://a:***@h/p?token=***&page=2 failed",
        ),
        ("http://h/?api_key=k&Signature=s", "http://h/?api_key=***&Signature=***"),
        ("no url here", "no url here"),
        ("http://[::1/broken", "http://[::1/broken"),
    ],
)
def test_mask_url(raw: str, masked: str) -> None:
    assert mask_url(raw) == masked

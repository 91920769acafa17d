"""One decoding policy: mostly-valid UTF-8 is UTF-8, stray NULs are not binary, declared
charsets in order (HTTP header, meta tag) and only when the bytes agree, then detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from srcdiff.errors import InputError
from srcdiff.read import decode, read_input

CURLY = "\u201cWe will not back down,\u201d the minister said \u2013 it cost \u20ac5bn. "


def test_a_stray_latin1_byte_in_utf8_keeps_the_file_utf8() -> None:
    head = (CURLY * 4).encode("utf-8")
    data = head + b"Un caf\xe9 noir. " + (CURLY * 4).encode("utf-8")
    got = decode(data, "article.txt")
    assert got.encoding == "utf-8"
    assert got.text == CURLY * 4 + "Un caf\ufffd noir. " + CURLY * 4
    offset = len(head) + len(b"Un caf")
    assert got.warnings == (
        f"not valid UTF-8 at byte {offset}: a bad byte sequence replaced with U+FFFD",
    )


def test_the_warning_counts_every_bad_sequence() -> None:
    data = CURLY.encode() * 5 + b"caf\xe9 and na\xefve and \xff"
    got = decode(data, "a.txt")
    assert got.encoding == "utf-8"
    assert "3 bad byte sequences replaced" in got.warnings[0]


def test_a_legacy_code_page_is_not_taken_for_broken_utf8() -> None:
    text = "Caf\u00e9, na\u00efve, \u201cquoted\u201d \u2013 Z\u00fcrich d\u00e9j\u00e0 vu."
    got = decode(text.encode("cp1252"), "a.txt")
    assert (got.text, got.encoding, got.warnings) == (text, "cp1252", ())


def test_a_read_file_carries_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(CURLY.encode() * 3 + b"\xe9t\xe9.")
    raw = read_input(str(path))
    assert raw.encoding == "utf-8"
    assert raw.warnings and raw.warnings[0].startswith(
        f"not valid UTF-8 at byte {len(CURLY.encode()) * 3}"
    )


def test_a_page_with_a_few_nul_bytes_is_read(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraph {k}: the council met on Monday and agreed the budget for the year.</p>\n"
        for k in range(40)
    )
    data = f"<!DOCTYPE html><html><body><article>{body}</article></body></html>".encode()
    at = data.index(b"Paragraph 3")
    data = data[:at] + b"\x00\x00" + data[at:] + b"\x00"
    path = tmp_path / "page.html"
    path.write_bytes(data)
    raw = read_input(str(path))
    assert raw.kind == "html"
    assert "Paragraph 39: the council met" in raw.text
    assert "\x00" not in raw.text
    assert raw.warnings == (f"3 NUL characters replaced with U+FFFD, the first at byte {at}",)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06",
        b"\x7fELF\x02\x01\x01" + b"\x00" * 40 + b"some strings" * 3,
        b"text" * 50 + b"\x00" * 10,
    ],
)
def test_real_binaries_are_still_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    with pytest.raises(InputError, match="looks like a binary file, not text"):
        read_input(str(path))


def test_a_wrong_meta_charset_is_overridden_when_the_bytes_fail_it(tmp_path: Path) -> None:
    text = "Caf\u00e9 cr\u00e8me: \u201cbonjour\u201d \u2013 d\u00e9j\u00e0 vu, na\u00efve."
    page = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    raw = read_input(str(path))
    assert raw.encoding == "cp1252"
    assert raw.text == text
    assert raw.warnings[0].startswith("its <meta charset> says utf-8 but byte ")
    assert raw.warnings[0].endswith("is not utf-8; read as cp1252")


def test_a_multibyte_meta_charset_that_fails_falls_to_detection() -> None:
    text = "Caf\u00e9 cr\u00e8me \u00e0 la fran\u00e7aise, tr\u00e8s appr\u00e9ci\u00e9."
    data = text.encode("cp1252")
    got = decode(data, "page.html", meta="shift_jis")
    assert (got.text, got.encoding) == (text, "cp1252")
    assert got.warnings[0].startswith("its <meta charset> says shift_jis but byte 3 is not")


def test_the_http_header_comes_before_the_meta_tag() -> None:
    data = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440".encode("cp1251")
    got = decode(data, "page", declared="windows-1251", meta="iso-8859-1")
    assert (got.text, got.encoding) == (
        "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440",
        "cp1251",
    )


def test_the_meta_tag_is_used_when_the_header_fails() -> None:
    data = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440".encode("cp1251")
    got = decode(data, "page", declared="utf-8", meta="windows-1251")
    assert got.encoding == "cp1251"
    assert got.warnings == ("the HTTP header says utf-8 but byte 0 is not utf-8",)

"""Reading inputs: errors, decoding, line ends, kinds, HTML extraction, stdin, URLs."""

from __future__ import annotations

import io
import os
import re
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from srcdiff import read
from srcdiff.errors import InputError
from srcdiff.read import decode_bytes, read_input

SEEDS = ["ap.txt", "cnn-backtranslated.txt", "cnn-bundle-scrape.txt", "france24-afp.txt"]

RUSSIAN = "Правительство объявило сегодня о новой программе развития транспорта в городах."
POLISH = "Rząd ogłosił dziś nowy plan poprawy transportu publicznego w dużych miastach."
CURLY = "The minister said \u201cwe will not\u201d \u2013 and \u20ac5bn was spent. Caf\u00e9."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "max_bytes", "problem"),
    [
        ("empty.txt", b"", None, "is empty"),
        ("blank.txt", b"  \n\t\r\n  \n", None, "is empty"),
        ("bom-only.txt", b"\xef\xbb\xbf", None, "is empty"),
        ("scripts.html", b"<html><script>var a = 1;</script><style>p {}</style></html>", None,
         "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None,
         "looks like a binary file, not text"),
        ("controls.bin", bytes(range(1, 32)) * 20, None, "looks like a binary file, not text"),
        ("nul.txt", b"text with a \x00 inside", None, "looks like a binary file, not text"),
        ("big.txt", b"x" * 101, 100,
         "is 101 bytes, over the limit of 100 bytes (raise it with --max-size)"),
        ("bad-utf16.txt", b"\xff\xfeh\x00i\x00!", None,
         "cannot be decoded: starts with a utf-16 byte-order mark"),
        ("bad-utf8.txt", b"\xef\xbb\xbfcaf\xe9", None,
         "cannot be decoded: starts with a utf-8 byte-order mark"),
    ],
)  # fmt: skip
def test_bad_file_is_an_input_error(
    tmp_path: Path, name: str, data: bytes, max_bytes: int | None, problem: str
) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as caught:
        read_input(str(path), max_bytes=max_bytes or read.DEFAULT_MAX_BYTES)
    message = str(caught.value)
    assert message.startswith(f"srcdiff: {path}: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("relative", "problem"),
    [
        ("missing.txt", "no such file"),
        ("no-dir/a.txt", "no such file"),
        ("folder", "is a directory"),
        ("folder/", "is a directory"),
    ],
)
def test_bad_path_is_an_input_error(tmp_path: Path, relative: str, problem: str) -> None:
    (tmp_path / "folder").mkdir()
    path = f"{tmp_path}/{relative}"
    with pytest.raises(InputError, match=re.escape(f"srcdiff: {path}: {problem}")):
        read_input(path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "secret.txt", b"hidden")

    def refuse(file: str, mode: str = "r") -> None:
        raise PermissionError(13, "Permission denied", file)

    monkeypatch.setattr(read, "open", refuse, raising=False)
    with pytest.raises(InputError, match=re.escape(f"srcdiff: {path}: cannot be read")):
        read_input(str(path))


def test_file_over_limit_is_not_read_into_memory(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"word " * 1000)
    with pytest.raises(InputError, match=r"is 5000 bytes, over the limit of 4999 bytes"):
        read_input(str(path), max_bytes=4999)
    assert read_input(str(path), max_bytes=5000).size == 5000


def test_unsupported_url_scheme() -> None:
    with pytest.raises(InputError, match=r"ftp://example\.com/a\.txt: unsupported URL scheme"):
        read_input("ftp://example.com/a.txt")


def test_input_error_is_one_line_and_keeps_its_parts() -> None:
    err = InputError("odd\nname.txt", "is empty")
    assert str(err) == "srcdiff: odd name.txt: is empty"
    assert (err.source, err.problem) == ("odd\nname.txt", "is empty")


# --- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"plain ASCII text", "plain ASCII text", "utf-8"),
        (CURLY.encode("utf-8"), CURLY, "utf-8"),
        (b"\xef\xbb\xbf" + CURLY.encode("utf-8"), CURLY, "utf-8-sig"),
        (CURLY.encode("utf-16"), CURLY, "utf-16"),
        (b"\xff\xfe" + CURLY.encode("utf-16-le"), CURLY, "utf-16"),
        (b"\xfe\xff" + CURLY.encode("utf-16-be"), CURLY, "utf-16"),
        (b"\xff\xfe\x00\x00" + CURLY.encode("utf-32-le"), CURLY, "utf-32"),
        (b"\x00\x00\xfe\xff" + CURLY.encode("utf-32-be"), CURLY, "utf-32"),
        (CURLY.encode("utf-16-le"), CURLY, "utf-16-le"),
        (CURLY.encode("utf-16-be"), CURLY, "utf-16-be"),
        (b"caf\xe9 \x93quoted\x94", "café “quoted”", "cp1252"),
        (CURLY.encode("cp1252"), CURLY, "cp1252"),
        ("café naïve Zürich déjà vu".encode("latin-1"), "café naïve Zürich déjà vu", None),
        ("Straße und Grüße aus München, schön.".encode("latin-1"),
         "Straße und Grüße aus München, schön.", None),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (POLISH.encode("cp1250"), POLISH, "cp1250"),
    ],
)  # fmt: skip
def test_decode_bytes(data: bytes, text: str, encoding: str | None) -> None:
    got_text, got_encoding = decode_bytes(data, "sample.txt")
    assert got_text == text
    if encoding is not None:
        assert got_encoding == encoding


@pytest.mark.parametrize(
    ("declared", "data", "text", "encoding"),
    [
        ("iso-8859-1", b"caf\xe9 \x93ok\x94", "café “ok”", "cp1252"),
        ("windows-1251", "Привет, мир".encode("cp1251"), "Привет, мир", "cp1251"),
        ("utf-16", b"caf\xe9 ok", "café ok", "cp1252"),  # BOM-less: ignored, like browsers
        ("no-such-charset", b"caf\xe9 ok", "café ok", "cp1252"),
        ("windows-1251", b"plain", "plain", "utf-8"),  # UTF-8 still comes first
    ],
)
def test_decode_bytes_with_declared_charset(
    declared: str, data: bytes, text: str, encoding: str
) -> None:
    assert decode_bytes(data, "page.html", declared=declared) == (text, encoding)


def test_meta_charset_is_used_for_html(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    raw = read_input(str(_write(tmp_path, "page.html", page.encode("cp1251"))))
    assert (raw.text, raw.encoding, raw.kind) == ("Привет, мир", "cp1251", "html")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\r\n\r\nthree\r\n", "one\ntwo\n\nthree\n"),
        (b"one\rtwo\r\rthree", "one\ntwo\n\nthree"),
        (b"mixed\r\nends\rhere\n", "mixed\nends\nhere\n"),
        ("utf-16\r\nlines\r".encode("utf-16"), "utf-16\nlines\n"),
    ],
)
def test_line_ends_are_normalised(tmp_path: Path, data: bytes, text: str) -> None:
    assert read_input(str(_write(tmp_path, "lines.txt", data))).text == text


# --- kinds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind", "text"),
    [
        ("a.html", "<p>Hello <i>there</i></p>", "html", "Hello there"),
        ("a.HTM", "<p>Hello</p>", "html", "Hello"),
        ("a.xhtml", "<?xml version='1.0'?><html><body><p>Hi</p></body></html>", "html", "Hi"),
        ("a.txt", "\n  <!DOCTYPE html><html><body><p>Sniffed</p></body></html>", "html",
         "Sniffed"),
        ("noext", "<HTML><body>Upper</body></HTML>", "html", "Upper"),
        ("a.txt", "<p>A fragment is not a page</p>", "text", "<p>A fragment is not a page</p>"),
        ("a.md", "# Title\n\nSome *emphasis* and [a link](http://x).\n",
         "markdown", "# Title\n\nSome *emphasis* and [a link](http://x).\n"),
        ("a.markdown", "- item\n", "markdown", "- item\n"),
        ("a.txt", "Plain words.\n", "text", "Plain words.\n"),
    ],
)  # fmt: skip
def test_kind(tmp_path: Path, name: str, content: str, kind: str, text: str) -> None:
    raw = read_input(str(_write(tmp_path, name, content.encode())))
    assert (raw.kind, raw.text) == (kind, text)


# --- stdin, files, seeds -------------------------------------------------------------


def test_stdin() -> None:
    raw = read_input("-", stdin=io.BytesIO(b"Hello\r\nworld \x93ok\x94"))
    assert (raw.label, raw.path, raw.modified, raw.kind) == ("stdin", "-", None, "text")
    assert (raw.text, raw.encoding, raw.size) == ("Hello\nworld “ok”", "cp1252", 17)


def test_stdin_defaults_to_the_process_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"piped text\n")))
    assert read_input("-").text == "piped text\n"


def test_stdin_html_is_sniffed() -> None:
    raw = read_input("-", stdin=io.BytesIO(b"<!doctype html><p>From a pipe</p>"))
    assert (raw.kind, raw.text) == ("html", "From a pipe")


@pytest.mark.parametrize(
    ("data", "max_bytes", "problem"),
    [
        (b"", 100, "srcdiff: stdin: is empty"),
        (b"\n\n", 100, "srcdiff: stdin: is empty"),
        (b"x" * 11, 10, "srcdiff: stdin: is larger than the limit, over the limit of 10 bytes"),
        (b"\x00\x01\x02", 100, "srcdiff: stdin: looks like a binary file, not text"),
    ],
)
def test_bad_stdin(data: bytes, max_bytes: int, problem: str) -> None:
    with pytest.raises(InputError, match=re.escape(problem)):
        read_input("-", stdin=io.BytesIO(data), max_bytes=max_bytes)


def test_file_fields(tmp_path: Path) -> None:
    path = _write(tmp_path, "story.txt", "Café\n".encode())
    os.utime(path, (1713030420, 1713030420))
    raw = read_input(str(path))
    assert raw.label == "story.txt"
    assert raw.path == str(path)
    assert (raw.size, raw.encoding, raw.kind) == (6, "utf-8", "text")
    assert raw.modified == "2024-04-13T17:47:00Z"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_files_read_as_utf8(seeds_dir: Path, name: str) -> None:
    path = seeds_dir / name
    raw = read_input(str(path))
    assert (raw.label, raw.encoding, raw.kind) == (name, "utf-8", "text")
    assert raw.text == path.read_text(encoding="utf-8")
    assert raw.size == path.stat().st_size
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", raw.modified or "")


# --- URLs (a local server; no outside network) ---------------------------------------

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/story.html": (200, "text/html; charset=utf-8", b"<title>T</title><p>Caf\xc3\xa9 news</p>"),
    "/page": (200, "text/html; charset=windows-1252", b"<p>caf\xe9 \x93ok\x94</p>"),
    "/notes.txt": (200, "text/plain", b"Plain\r\nnotes"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        status, ctype, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("route", "text", "encoding", "kind"),
    [
        ("/story.html", "T\n\nCafé news", "utf-8", "html"),
        ("/page", "café “ok”", "cp1252", "html"),
        ("/notes.txt", "Plain\nnotes", "utf-8", "text"),
    ],
)
def test_url(server: str, route: str, text: str, encoding: str, kind: str) -> None:
    raw = read_input(server + route)
    assert (raw.label, raw.path, raw.modified) == (server + route, server + route, None)
    assert (raw.text, raw.encoding, raw.kind) == (text, encoding, kind)


def test_url_errors(server: str) -> None:
    with pytest.raises(InputError, match=r"/missing: cannot fetch URL: HTTP 404"):
        read_input(server + "/missing")
    with pytest.raises(InputError, match=r"over the limit of 10 bytes"):
        read_input(server + "/story.html", max_bytes=10)


def test_url_unreachable() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as httpd:
        port = httpd.server_address[1]  # bound, then closed: nothing listens
    with pytest.raises(InputError, match=r"cannot fetch URL: "):
        read_input(f"http://127.0.0.1:{port}/story.html")

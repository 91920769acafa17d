"""Read one input (a path, ``-`` for stdin, or an http(s) URL) into decoded text.

Every offset srcdiff reports is a character offset into ``RawInput.text``: the
decoded text with CRLF and lone CR turned into ``\\n`` and, for HTML, the
extracted main text rather than the markup.

Decoding order (docs/reading.md): a byte-order mark; UTF-16 without a BOM
(told by its NUL pattern); strict UTF-8; mostly-valid UTF-8 (the bad bytes
replaced, with a warning naming the offset of the first); the charset the
HTTP header declares, then the one ``<meta charset>`` declares, each only if
the bytes decode in it; charset-normalizer's guesses weighed against cp1252;
and latin-1 as the last resort, which never fails.  Stray NUL bytes are
replaced (with a warning); only input with many of them, or with many other
control bytes, is refused as binary.  Bad input of any kind raises
``InputError`` with a one-line message naming the input, never a traceback.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from ._core import odd_at
from .errors import InputError
from .fetch import fetch
from .fetch import is_url as _is_url
from .sanitize import mask_url

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_SAMPLE_BYTES = 256 * 1024
"""How much of a non-UTF-8 input charset detection looks at."""

BINARY_CONTROL_SHARE = 0.05
"""Decoded text with more than this share of control characters is binary."""
BINARY_NUL_SHARE = 0.01
"""Bytes with more than this share of NULs are binary; fewer are stray, and replaced."""

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")  # not \t\n\v\f\r or ESC
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class RawInput:
    label: str
    """File name (basename), "stdin", or the URL."""
    path: str
    """The path or URL as given; "-" for stdin."""
    text: str
    """Decoded, newline-normalised text; for HTML the extracted main text."""
    encoding: str
    """How the bytes were decoded, e.g. "utf-8", "utf-8-sig", "utf-16", "cp1252"."""
    size: int
    """Bytes read."""
    modified: str | None
    """File mtime as ISO 8601 UTC ("2024-04-13T17:47:00Z"); None for stdin and URLs."""
    kind: str
    """"text", "html" or "markdown"."""
    furniture: tuple[tuple[int, int, str], ...] = ()
    """(start, end, reason) spans of ``text`` known as furniture from the page's structure."""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    """Title, author, publication date and site name, as a web page declares them."""
    warnings: tuple[str, ...] = ()
    """What reading had to repair (bad UTF-8 bytes, stray NULs, a wrong charset)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    plain: bool = False
    """Whether ``text`` is known to hold no control character (tab, newline and carriage
    return aside) and no U+FFFE or U+FFFF: then the HTML reader need not look again."""


def read_input(
    source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> RawInput:
    """Read, decode and (for HTML) extract one input; raise InputError on bad input."""
    modified: str | None = None
    declared: str | None = None
    html_type = False
    if source == "-":
        name = label = "stdin"
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_big(name, None, max_bytes)
    elif _is_url(source):
        name = label = mask_url(source)
        fetched = fetch(source, max_bytes)
        data, declared, html_type = fetched.data, fetched.charset, fetched.is_html
    else:
        name, label = source, os.path.basename(source.rstrip("/\\")) or source
        data, modified = _read_file(source, max_bytes)

    return read_bytes(
        data, source, name=name, label=label, declared=declared, html_type=html_type,
        modified=modified,
    )  # fmt: skip


def read_bytes(
    data: bytes,
    source: str,
    *,
    name: str,
    label: str,
    declared: str | None = None,
    html_type: bool = False,
    modified: str | None = None,
) -> RawInput:
    """Decode and (for HTML) extract an input's bytes, however they were got.

    ``name`` is how messages call the input, ``label`` how reports do;
    ``declared`` is a charset an HTTP header names, and ``html_type`` whether
    the server said the body is HTML.
    """
    if not data:
        raise InputError(name, "is empty")
    decoded = decode(data, name, declared=declared, meta=_meta_charset(data))
    text = decoded.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = _kind(source, text, html_type)
    if kind != "html":
        if not text.strip():
            raise InputError(name, "is empty")
        return RawInput(
            label, source, text, decoded.encoding, len(data), modified, kind,
            warnings=decoded.warnings,
        )  # fmt: skip
    from .webpage import read_page  # here: lxml and trafilatura take a while to import

    page = read_page(text, plain=decoded.plain)
    if not page.text.strip():
        raise InputError(name, "is empty (no visible text in the HTML)")
    meta = page.meta
    return RawInput(
        label, source, page.text, decoded.encoding, len(data), modified, kind,
        page.furniture, meta.title, meta.author, meta.date, meta.site, decoded.warnings,
    )  # fmt: skip


# --- getting the bytes -------------------------------------------------------------


def _too_big(name: str, size: int | None, max_bytes: int) -> InputError:
    what = f"is {size} bytes" if size is not None else "is larger than the limit"
    return InputError(
        name, f"{what}, over the limit of {max_bytes} bytes (raise it with --max-size)"
    )


def _read_file(path: str, max_bytes: int) -> tuple[bytes, str]:
    """The file's bytes and its mtime as ISO 8601 UTC."""
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(path, "is a directory")
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise _too_big(path, info.st_size, max_bytes)
            # As much as the file holds (asking for the limit allocates the limit), then
            # the rest if it grew meanwhile: the same bytes as one read up to the limit.
            size = info.st_size if stat.S_ISREG(info.st_mode) else max_bytes
            data = fh.read(min(size, max_bytes) + 1)
            if size < len(data) <= max_bytes:
                data += fh.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot be read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise _too_big(path, None, max_bytes)
    when = datetime.fromtimestamp(info.st_mtime, tz=UTC)
    return data, when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def _kind(source: str, text: str, html_type: bool) -> str:
    path = urlsplit(source).path if _is_url(source) else source
    suffix = PurePosixPath(path.replace("\\", "/")).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if html_type or _HTML_START.match(text[:4096]):
        return "html"
    return "text"


# --- decoding ----------------------------------------------------------------------


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and say how: ``(text, encoding)``; see ``decode``."""
    decoded = decode(data, source, declared=declared)
    return decoded.text, decoded.encoding


def decode(
    data: bytes, source: str, *, declared: str | None = None, meta: str | None = None
) -> Decoded:
    """Decode ``data``: its text, how it was decoded, and what had to be repaired.

    Line ends are left as they are.  ``declared`` is the charset an HTTP header
    names and ``meta`` the one a ``<meta charset>`` names; they are used only
    when the bytes are not (mostly) UTF-8, and only if the bytes decode in
    them.  Raises InputError for binary data and for text that contradicts its
    own byte-order mark.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(
                    source,
                    f"cannot be decoded: starts with a {codec.removesuffix('-sig')} "
                    f"byte-order mark but byte {err.start} is invalid ({err.reason})",
                ) from None
            return _checked(Decoded(text, codec), source)

    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked(Decoded(*utf16), source)
    if data.count(b"\x00") > BINARY_NUL_SHARE * len(data):
        raise _binary(source)
    return _checked(_plain_decode(data, declared, meta), source, data.find(b"\x00"))


def _plain_decode(data: bytes, declared: str | None, meta: str | None) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    mostly = _mostly_utf8(data, first_bad)
    if mostly is not None:
        return mostly
    notes: list[str] = []
    for origin, label in (("the HTTP header", declared), ("its <meta charset>", meta)):
        codec = _usable_declared(label)
        if not codec:
            continue
        try:
            return Decoded(data.decode(codec), codec, tuple(notes))
        except UnicodeDecodeError as err:
            notes.append(f"{origin} says {label} but byte {err.start} is not {label}")
    for codec in _guesses(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return Decoded(text, codec, tuple(f"{note}; read as {codec}" for note in notes))
    return Decoded(data.decode("latin-1"), "latin-1", tuple(f"{n}; read as latin-1" for n in notes))


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few bad bytes (a latin-1 "é" pasted into a UTF-8 article): as
    many or more valid multi-byte characters than bad sequences.  A text in a
    legacy code page has almost no valid multi-byte sequences, so it fails."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid < bad:
        return None
    what = "a bad byte sequence" if bad == 1 else f"{bad} bad byte sequences"
    return Decoded(
        text,
        "utf-8",
        (f"not valid UTF-8 at byte {first_bad}: {what} replaced with U+FFFD",),
    )


def _binary(source: str) -> InputError:
    return InputError(source, "looks like a binary file, not text")


def _checked(decoded: Decoded, source: str, nul_byte: int = -1) -> Decoded:
    """Refuse binary text; replace stray NULs (as browsers do) and say so, naming the
    first one's byte offset (``nul_byte``) where it is known, else its character's."""
    text = decoded.text
    if odd_at(text) == -1:  # no control character at all (so no NUL), in one pass in C
        return Decoded(text, decoded.encoding, decoded.warnings, plain=True)
    sample = text[:100_000]
    if len(_CONTROLS.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
        raise _binary(source)
    nuls = text.count("\x00")
    if not nuls:
        return decoded
    what = "a NUL character" if nuls == 1 else f"{nuls} NUL characters"
    where = f"byte {nul_byte}" if nul_byte >= 0 else f"character {text.index(chr(0))}"
    note = f"{what} replaced with U+FFFD, the first at {where}"
    return Decoded(text.replace("\x00", "\ufffd"), decoded.encoding, (*decoded.warnings, note))


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NULs in every other byte, on one side only."""
    units = len(data) // 2
    if len(data) % 2 or units < 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= 0.3 * units and other <= 0.01 * units:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _usable_declared(declared: str | None) -> str | None:
    """The codec for a declared charset; latin-1 and ASCII labels mean cp1252 (as in
    browsers); UTF-16/32 labels on BOM-less bytes are ignored (as in browsers)."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if name in ("iso8859-1", "ascii"):
        return "cp1252"
    return None if name.startswith(("utf-16", "utf-32")) else name


def _guesses(data: bytes) -> list[str]:
    """Codecs that decode the start of ``data``, most plausible first.

    charset-normalizer tells scripts apart well (Cyrillic, Greek, CJK) but on
    short Western text it picks look-alike code pages (cp1125, cp775, cp1250).
    So cp1252 competes with its top guesses, each scored by how many words come
    out garbled; on a tie a non-Latin reading wins, then cp1252.  Only a sample
    is looked at (cut at a newline, which no legacy multibyte codec uses as a
    trail byte); the caller decodes the whole input strictly.
    """
    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    from charset_normalizer import from_bytes  # here: only text that is not UTF-8 needs it

    names = ["cp1252", *(match.encoding for match in list(from_bytes(sample))[:3])]
    scored: list[tuple[int, bool, int, str]] = []
    for order, codec in enumerate(dict.fromkeys(codecs.lookup(n).name for n in names)):
        try:
            text = sample.decode(codec)[:50_000]
        except UnicodeDecodeError:
            continue
        scored.append((_garbled_words(text), _mostly_latin(text), order, codec))
    return [codec for *_, codec in sorted(scored)]


_LATIN_EXTRAS = frozenset("ªºµ")
_ODD_IN_WORD = (
    frozenset(chr(c) for c in range(0xA1, 0xC0) if not chr(c).isalpha()) - {"·", "\xad"}
) | frozenset("×÷‚„†‡ˆ‰‹›•˜™€")
"""Symbols a wrong single-byte code page puts inside words ("Za¿ó³æ")."""


def _is_latin(char: str) -> bool:
    return char in _LATIN_EXTRAS or unicodedata.name(char, "").startswith("LATIN")


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    return sum(map(_is_latin, letters)) * 2 >= len(letters)


def _garbled_words(text: str) -> int:
    return sum(_garbled(token) for token in text.split() if not token.isascii())


def _garbled(token: str) -> bool:
    """A word as a wrong code page makes it.

    A symbol between letters ("Za¿ó³æ"), one or two non-Latin letters in a Latin
    word ("cafщ"), or a long word made mostly of accented letters ("Ïðèâåò").
    """
    letters = [c for c in token if c.isalpha()]
    foreign = [c for c in letters if not c.isascii()]
    non_latin = sum(not _is_latin(c) for c in foreign)
    inner = token.strip("".join(c for c in token if not c.isalpha()))
    if any(c in _ODD_IN_WORD for c in inner):
        return True
    if non_latin:
        return len(foreign) < len(letters) and non_latin <= 2
    return len(letters) >= 4 and len(foreign) > 0.6 * len(letters)

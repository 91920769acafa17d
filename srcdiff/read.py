"""Read one input (a path, ``-`` for stdin, or an http(s) URL) into decoded text.

Every offset srcdiff reports is a character offset into ``RawInput.text``: the
decoded text with CRLF and lone CR turned into ``\\n`` and, for HTML, the
extracted main text rather than the markup.

Decoding order: a byte-order mark; UTF-16 without a BOM (told by its NUL
pattern); strict UTF-8; a charset the input declares (HTTP header or
``<meta charset>``); charset-normalizer's guesses weighed against cp1252; and
latin-1 as the last resort, which never fails.  Bad input of any kind raises
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
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from .errors import InputError
from .fetch import fetch
from .fetch import is_url as _is_url
from .sanitize import mask_url

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_SAMPLE_BYTES = 256 * 1024
"""How much of a non-UTF-8 input charset detection looks at."""

BINARY_CONTROL_SHARE = 0.05
"""Decoded text with more than this share of control characters is binary."""

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

    if not data:
        raise InputError(name, "is empty")
    text, encoding = decode_bytes(data, name, declared=declared or _meta_charset(data))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = _kind(source, text, html_type)
    if kind == "html":
        text = extract_html_text(text)
        if not text:
            raise InputError(name, "is empty (no text left after extracting the HTML main text)")
    elif not text.strip():
        raise InputError(name, "is empty")
    return RawInput(label, source, text, encoding, len(data), modified, kind)


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
            data = fh.read(max_bytes + 1)
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
    """Decode ``data`` and say how: ``(text, encoding)``.

    Line ends are left as they are.  ``declared`` is a charset the input claims
    (HTTP header, ``<meta charset>``); it is used only when the bytes are not
    UTF-8.  Raises InputError for binary data and for text that contradicts its
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
            return _check_text(text, source), codec

    decoded = _bomless_utf16(data) or _plain_decode(data, source, declared)
    return _check_text(decoded[0], source), decoded[1]


def _plain_decode(data: bytes, source: str, declared: str | None) -> tuple[str, str]:
    if b"\x00" in data:
        raise _binary(source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in (_usable_declared(declared), *_guesses(data)):
        if codec:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
    return data.decode("latin-1"), "latin-1"


def _binary(source: str) -> InputError:
    return InputError(source, "looks like a binary file, not text")


def _check_text(text: str, source: str) -> str:
    sample = text[:100_000]
    if "\x00" in text or len(_CONTROLS.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
        raise _binary(source)
    return text


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NULs in every other byte, on one side only."""
    units = len(data) // 2
    if len(data) % 2 or units < 2:
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


# --- HTML main text ----------------------------------------------------------------

_DROP = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "header", "footer"}
    | {"aside", "form", "button", "iframe"}
)
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"blockquote", "section", "article", "main", "br", "hr", "tr", "table", "figure"}
    | {"figcaption", "pre", "address", "details", "summary", "caption"}
)
_CELLS = frozenset({"td", "th"})
_REGIONS = frozenset({"article", "main"})
_HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "noscript", "base", "template"})


@dataclass(frozen=True)
class _Run:
    """Text as it appears in the page; ``regions`` are the open article/main ids."""

    text: str
    regions: tuple[int, ...]


class _MainTextParser(HTMLParser):
    """Collects text runs and paragraph breaks (``None``), skipping page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.runs: list[_Run | None] = []
        self.region_count = 0
        self._skipping: list[str] = []
        self._regions: list[tuple[str, int]] = []
        self._in_head = self._in_title = self._title_done = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag in _DROP:
                self._skipping.append(tag)
            return
        if self._in_head and tag not in _HEAD_TAGS:
            self._in_head = False
        if self._in_title:  # an unclosed <title> ends where the page starts
            self._in_title = False
            self._title_done = bool("".join(self.title).strip())
        if tag == "head":
            self._in_head = True
        elif tag == "title" and not self._title_done:
            self._in_title = True
        elif tag in _DROP and not (tag == "header" and self._regions):
            # A <header> inside <article>/<main> holds the headline: keep it.
            self._skipping.append(tag)
        else:
            if tag in _REGIONS:
                self._regions.append((tag, self.region_count))
                self.region_count += 1
            if tag == "pre":
                self._pre += 1
            self._mark(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            del self._skipping[_last_index(self._skipping, tag) :]
            return
        if self._skipping:
            return
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title_done = bool("".join(self.title).strip())
        elif tag == "head":
            self._in_head = False
        elif tag in _REGIONS and any(t == tag for t, _ in self._regions):
            del self._regions[_last_index([t for t, _ in self._regions], tag) :]
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in _BLOCKS:
            self.runs.append(None)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self.title.append(data)
            return
        if self._in_head:
            return
        regions = tuple(index for _, index in self._regions)
        lines = data.split("\n") if self._pre else [data]
        for number, line in enumerate(lines):
            if number:
                self.runs.append(None)
            self.runs.append(_Run(line, regions))

    def _mark(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.runs.append(None)
        elif tag in _CELLS:
            self.runs.append(_Run(" ", tuple(index for _, index in self._regions)))


def _last_index(items: list[str], item: str) -> int:
    return len(items) - 1 - items[::-1].index(item)


def _weight(text: str) -> int:
    return len("".join(text.split()))


def _main_region(runs: list[_Run | None], count: int) -> int | None:
    """The tightest <article>/<main> that holds most of the page's text, if any."""
    total = 0
    held = [0] * count
    for run in runs:
        if run is not None:
            weight = _weight(run.text)
            total += weight
            for region in run.regions:
                held[region] += weight
    most = [(held[r], -r) for r in range(count) if held[r] * 2 > total]
    return -min(most)[1] if most else None


def extract_html_text(html: str) -> str:
    """The readable main text of an HTML page, one paragraph per block.

    Drops scripts, styles, navigation, headers, footers, asides, forms and the
    like; keeps <title> as the first paragraph; when an <article> or <main>
    holds most of the text, keeps only that.  Paragraphs are separated by one
    blank line, whitespace inside them collapsed, entities unescaped.
    """
    parser = _MainTextParser()
    parser.feed(html)
    parser.close()
    runs = parser.runs
    region = _main_region(runs, parser.region_count)
    if region is not None:
        runs = [run for run in runs if run is None or region in run.regions]

    paragraphs = [" ".join("".join(parser.title).split())]
    current: list[str] = []
    for run in [*runs, None]:
        if run is not None:
            current.append(run.text)
        elif current:
            paragraphs.append(" ".join("".join(current).split()))
            current = []
    return "\n\n".join(p for p in paragraphs if p)

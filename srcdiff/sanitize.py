"""What a reader is shown of text that comes from an input: nothing that acts.

An input (its text, its file name, a server's reason phrase) may hold bytes
that a terminal obeys rather than shows: ESC and CSI sequences that clear the
screen or retitle the window, OSC 8 hyperlinks to anywhere, BEL.  It may also
hold invisible format characters that reorder or hide what is read: U+202E
shows "07" as "70", a zero-width space splits "70" in two without a trace.

Every face shows such characters as visible escapes, from one table:

* a control character (C0 but tab and newline, DEL, C1) reads ``\\x1b``;
* a format character (Unicode category Cf: bidi controls, zero-width
  characters, soft hyphen, BOM) and the line and paragraph separators read
  ``<U+202E>``;
* a byte of a file name that is not UTF-8 (a lone surrogate, as Python
  keeps it) reads ``\\xff``, so no face fails to encode it.

Matching ignores format characters altogether (:func:`strip_format`, used by
the word diff and the normalised forms), so "7\\u200b0" and "70" are the same
word that differs only in writing.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import regex

from ._core import unsafe_at, unsafe_utf8_at

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls but tab (0x09) and newline (0x0a), DEL, and the C1 controls."""
_FORMAT = r"\p{Cf}\u2028\u2029"
"""Format characters, and the separators that end a line where none is seen."""
_SURROGATE = r"\p{Cs}"
"""Lone surrogates: a file name's bytes that are not UTF-8 (Python's surrogateescape)."""

_SHOWN = regex.compile(f"[{_CONTROL}{_FORMAT}{_SURROGATE}]")
_SHOWN_IN_LINE = regex.compile(f"[\n\t{_CONTROL}{_FORMAT}{_SURROGATE}]")
_FORMAT_ONLY = regex.compile(f"[{_FORMAT}]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_JSON_UNSAFE = regex.compile(f"[\x7f-\x9f{_FORMAT}{_SURROGATE}]")


def escape_char(char: str) -> str:
    """The visible form of one control or format character."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


def char_name(char: str) -> str:
    """A character's Unicode name, or its code point when it has none."""
    return unicodedata.name(char, f"U+{ord(char):04X}")


def escaped_at(text: str) -> list[int]:
    """Offsets of the characters of ``text`` that faces show escaped."""
    if text.isascii() and text.isprintable():
        return []
    return [m.start() for m in _SHOWN.finditer(text)]


PICTURE_OTHER = "\u2426"
"""One column standing for a C1 control, DEL or a format character: "␦"."""


def picture(char: str) -> str:
    """A one-column stand-in for a control or format character: C0 as its
    control picture ("␛" for ESC), any other as "␦"."""
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else PICTURE_OTHER


def pictured(text: str) -> str:
    """``text`` with every control and format character (tab and newline too)
    as a one-column picture: the same length and offsets, nothing a terminal
    obeys.  For faces that keep offsets into the text (the TUI)."""
    if text.isascii() and text.isprintable():
        return text
    return _SHOWN_IN_LINE.sub(lambda m: picture(m.group()), text)


def visible(text: str) -> str:
    """``text`` with every control and format character shown as an escape.

    Tab and newline stay.  The result holds no byte a terminal obeys and no
    character that reorders or hides the text around it; applying it twice
    changes nothing more.
    """
    if text.isascii() and text.isprintable():
        return text
    return _SHOWN.sub(lambda m: escape_char(m.group()), text)


def one_line(text: str) -> str:
    """``text`` made visible and put on one line (newlines and tabs escaped too)."""
    if text.isascii() and text.isprintable():
        return text
    return _SHOWN_IN_LINE.sub(lambda m: escape_char(m.group()), text)


def guard_terminal(text: str, *, keep_sgr: bool) -> str:
    """A last guard before text reaches a terminal: every control but tab and
    newline escaped, except (with ``keep_sgr``) the colour sequences
    ``ESC[...m`` that the text faces themselves write."""
    if not keep_sgr:
        return visible(text)
    out: list[str] = []
    last = 0
    for m in _SGR.finditer(text):
        out.append(visible(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(visible(text[last:]))
    return "".join(out)


def has_format(text: str) -> bool:
    """Whether ``text`` holds a format character (one that matching ignores)."""
    return not text.isascii() and _FORMAT_ONLY.search(text) is not None


def strip_format(text: str) -> str:
    """``text`` without its format characters: the form matching compares."""
    if text.isascii():
        return text
    return _FORMAT_ONLY.sub("", text)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 controls and format characters written as ``\\uXXXX``.

    ``json.dumps`` escapes C0 controls but leaves these raw, and they reach a
    terminal that shows the JSON.  Outside strings JSON is ASCII, so every
    such character is inside a string, where the escape means the same.
    """
    if unsafe_at(text, _JSON_UNSAFE) < 0:  # one pass in C; most reports need no escape
        return text
    return _JSON_UNSAFE.sub(lambda m: _json_escape(m.group()), text)


def json_safe_bytes(data: bytes) -> bytes:
    """``json_safe`` for JSON already encoded as UTF-8: most reports need no escape, and
    those are written as the encoder wrote them, without decoding 20 MB to look."""
    if unsafe_utf8_at(data, _JSON_UNSAFE) < 0:
        return data
    return json_safe(data.decode("utf-8")).encode("utf-8")


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


SECRET_QUERY_KEYS = frozenset(
    {"password", "passwd", "pass", "pwd", "secret", "token", "access_token", "api_key"}
    | {"apikey", "key", "auth", "signature", "sig", "x-amz-signature", "x-amz-credential"}
)
"""Query parameters whose value is masked in messages and labels."""
MASK = "***"


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


def mask_url(text: str) -> str:
    """``text`` with every URL in it masked: passwords and secret query values.

    ``http://user:secret@host/?token=abc`` reads ``http://user:***@host/?token=***``.
    """
    if "://" not in text:
        return text
    return _URL.sub(lambda m: _mask_one(m.group()), text)


def _mask_one(text: str) -> str:
    try:
        parts = urlsplit(text)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, host = netloc.rpartition("@")
            user, colon, _ = userinfo.partition(":")
            netloc = f"{user}:{MASK}@{host}" if colon else f"{user}@{host}"
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            if any(k.lower() in SECRET_QUERY_KEYS for k, _ in pairs):
                query = "&".join(
                    f"{k}={MASK if k.lower() in SECRET_QUERY_KEYS else v}" for k, v in pairs
                )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return text

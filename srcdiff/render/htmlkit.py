"""The HTML writer's toolkit: the one escape function and small formatting helpers.

Every piece of text that comes from the input (document text, labels,
paths, drift explanations, reviewer notes, claims) reaches the page
through :func:`esc` and nowhere else.  The other helpers return plain
strings that callers pass through :func:`esc` like any other text, or
identifiers made only of ``[A-Za-z0-9_-]``.
"""

from __future__ import annotations

import html
import re

from ..sanitize import char_name, escape_char, escaped_at, visible

SEVERITY_WORD = {"high": "high", "medium": "medium", "low": "low"}
SEVERITY_LETTER = {"high": "H", "medium": "M", "low": "L"}
MARK_SYMBOL = {"confirmed": "✓", "dismissed": "✗", "noted": "✎"}
VERDICT = {"confirmed": "real change", "dismissed": "false alarm", "noted": "noted"}
"""A review file's status, said for what it means; a status not listed shows as it is."""

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: str) -> str:
    """Text made safe for HTML element content and quoted attribute values.

    The single escape point of the HTML report: control and format
    characters (bidi overrides, zero-width spaces) become visible escapes
    such as ``<U+202E>``, so none reorders or hides the text around it; then
    ``&``, ``<``, ``>``, ``"`` and ``'`` become character references.
    """
    return html.escape(visible(text), quote=True)


def esc_text(text: str) -> str:
    """Document text for element content: as ``esc``, with each escaped control or
    format character marked (class ``cc``) and named in a tooltip."""
    out: list[str] = []
    last = 0
    for at in escaped_at(text):
        char = text[at]
        out.append(html.escape(text[last:at], quote=True))
        out.append(
            f'<span class="cc" title="{html.escape(char_name(char))}">'
            f"{html.escape(escape_char(char))}</span>"
        )
        last = at + 1
    out.append(html.escape(text[last:], quote=True))
    return "".join(out)


def safe_id(raw: str) -> str:
    """``raw`` reduced to characters that need no escaping in an id or a URL fragment."""
    return _UNSAFE_ID.sub("_", raw) or "_"


def letter(index: int) -> str:
    """The letter naming document ``index`` in the report: A, B, C, ..."""
    return chr(ord("A") + index) if index < 26 else f"#{index + 1}"


def para_numbers(indices: tuple[int, ...]) -> str:
    """1-based paragraph numbers, compressed into ranges: "4", "4–6", "4, 9"."""
    if not indices:
        return ""
    nums = sorted(i + 1 for i in indices)
    out: list[str] = []
    start = prev = nums[0]
    for n in nums[1:] + [0]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return ", ".join(out)


def fmt_size(n: int) -> str:
    """A byte count for people: "16,254 bytes (15.9 KiB)"."""
    if n < 1024:
        return f"{n:,} bytes"
    for unit, div in (("MiB", 1024**2), ("KiB", 1024)):
        if n >= div:
            return f"{n:,} bytes ({n / div:.1f} {unit})"
    return f"{n:,} bytes"  # pragma: no cover


def pct(x: float) -> str:
    return f"{x:.0%}"


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters; "—" for nothing."""
    flat = " ".join(text.split())
    if not flat:
        return "—"
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"

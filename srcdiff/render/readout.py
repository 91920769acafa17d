"""``srcdiff --read``: how srcdiff reads each input, as text or as one JSON line per input.

Text from an input never reaches the terminal raw: every C0 and C1 control
character other than tab and newline is written as a visible escape (``\\x1b``),
in the text face and in the JSON lines alike (JSON escapes C0 itself; C1 is
escaped here as ``\\u009b``).
"""

from __future__ import annotations

import json
import re

from ..model import Document
from .jsonout import document_dict

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline escaped (``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def read_json_line(doc: Document | None) -> str:
    """One line: the document's ``documents[i]`` object of ``srcdiff/1``, or ``null``."""
    if doc is None:
        return "null\n"
    line = json.dumps(document_dict(doc), ensure_ascii=False, separators=(",", ":"))
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n"


def read_text(doc: Document) -> str:
    """The document's paragraphs, numbered, furniture marked ``~`` with its reason."""
    noise = sum(p.noise for p in doc.paragraphs)
    out = [
        f"{doc.label}: {doc.kind}, {doc.encoding}; {len(doc.paragraphs)} paragraphs, "
        f"{noise} furniture"
    ]
    meta = [
        f"{name}: {value}"
        for name, value in (
            ("title", doc.title),
            ("author", doc.author),
            ("date", doc.date),
            ("site", doc.site),
        )
        if value
    ]
    if meta:
        out.append("  " + " · ".join(meta))
    out += [f"  warning: {w}" for w in doc.warnings]
    width = len(str(len(doc.paragraphs)))
    for p in doc.paragraphs:
        mark = f"~ [{p.noise_reason or 'furniture'}] " if p.noise else "  "
        first, *rest = p.text.split("\n")
        out.append(f"{p.index + 1:>{width}} {mark}{first}")
        out += [" " * (width + 3) + line for line in rest]
    return visible("\n".join(out)) + "\n"

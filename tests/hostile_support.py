"""Shared by the hostile-input tests: running the command, and what no output may hold."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ESC = "\x1b"
PAYLOADS = {
    "title": "\x1b]0;PWNED\x07",
    "clear": "\x1b[2J\x1b[H",
    "osc8": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "c1-csi": "\x9b31m",
    "bell-backspace": "\x07\x08\x08",
    "colour": "\x1b[31mred\x1b[0m",
    "rlo": "\u202e",
    "isolate": "\u2066",
    "zwsp": "\u200b",
}
"""Bytes an input may hold that a terminal obeys or that hide or reorder text."""

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def raw_controls(text: str, *, colour: bool = False) -> list[str]:
    """The control and format characters of ``text`` (beyond tab and newline; beyond
    the faces' own colour sequences when ``colour``), as escapes for a message."""
    if colour:
        text = _SGR.sub("", text)
    return [repr(m.group()) for m in _RAW.finditer(text)]


def hostile_text(tag: str, rate: str) -> str:
    """An article of a few paragraphs with every payload in it (under the binary share)."""
    paras = [
        f"Officials said the rate was {rate} per cent on Monday, according to the ministry.",
        "The announcement came after weeks of talks between the two delegations in Geneva, "
        "where negotiators met daily to settle the remaining questions on trade and customs.",
    ]
    for name, payload in PAYLOADS.items():
        paras.append(
            f"Paragraph {name} {tag}: the committee {payload} reviewed the figures again "
            f"and said {payload} the findings would be published next week in full."
        )
    return "\n\n".join(paras) + "\n"


def run(
    *args: str | Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m srcdiff ARGS`` from this checkout, output as bytes."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "srcdiff", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=timeout,
        cwd=cwd,
    )


def assert_one_line_error(out: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    """Exit 2, one line on stderr starting ``srcdiff:``, no traceback, no raw control."""
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 2, (out.returncode, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("srcdiff"), err
    assert raw_controls(err) == [], err
    for needle in needles:
        assert needle in err, (needle, err)
    return lines[0]

"""Rewrite the severity table in docs/drift.md from srcdiff.drift.severity.TABLE.

    python3 scripts/drift_table.py

tests/test_findings.py checks the doc prints every row of the table as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.drift.severity import TABLE  # noqa: E402

DOC = ROOT / "docs" / "drift.md"
HEAD = "| cue | severity | relation | why |\n|---|---|---|---|\n"


def main() -> None:
    rows = "".join(
        f"| `{c.value}` | {w.severity.value} | {w.relation.value} | {w.why} |\n"
        for c, w in TABLE.items()
    )
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(
        r"\| cue \| severity \| relation \| why \|\n\|---\|---\|---\|---\|\n(?:\|.*\|\n)*"
    )
    DOC.write_text(pattern.sub(lambda _: HEAD + rows, text, count=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Rewrite the severity tables in docs/drift.md from the code's own tables.

    python3 scripts/drift_table.py

tests/test_findings.py checks the doc prints every row of both tables as they are:
``srcdiff.drift.severity.TABLE`` (what each cue a rule names weighs) and
``srcdiff.strength.scales.SEVERITY`` (what a change on each claim scale weighs).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.drift.severity import TABLE  # noqa: E402
from srcdiff.strength.scales import SEVERITY  # noqa: E402

DOC = ROOT / "docs" / "drift.md"
HEAD = "| cue | severity | relation | why |\n|---|---|---|---|\n"
CLAIM_HEAD = "| scale (or scale/level) | a change | a reversal |\n|---|---|---|\n"


def main() -> None:
    rows = "".join(
        f"| `{c.value}` | {w.severity.value} | {w.relation.value} | {w.why} |\n"
        for c, w in TABLE.items()
    )
    claims = "".join(
        f"| `{k}` | {change.value} | {rev.value} |\n" for k, (change, rev) in SEVERITY.items()
    )
    text = DOC.read_text(encoding="utf-8")
    for head, body in ((HEAD, rows), (CLAIM_HEAD, claims)):
        pattern = re.compile(re.escape(head) + r"(?:\|.*\|\n)*")
        text = pattern.sub(lambda _, h=head, b=body: h + b, text, count=1)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

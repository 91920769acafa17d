"""The difflib baseline, run by bench/run.py in a subprocess of its own.

    python bench/difflib_tool.py A B

Splits both files into paragraphs at blank lines, runs
``difflib.SequenceMatcher(None, paras_a, paras_b, autojunk=False)`` and takes
its 'equal' opcodes as paragraph pairs; then, as a user of difflib would,
writes the ``difflib.unified_diff`` of the files' lines (counted, not kept).
Prints JSON: {"a": n_a, "b": n_b, "pairs": [[i, j], ...], "diff_lines": n}.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Sequence

_BLANK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[str]:
    return [p for p in _BLANK.split(text.strip()) if p]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: difflib_tool.py A B", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as fa, open(args[1], encoding="utf-8") as fb:
        ta, tb = fa.read(), fb.read()
    pa, pb = paragraphs(ta), paragraphs(tb)
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    pairs: list[list[int]] = []
    for tag, i1, i2, j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend([i1 + k, j1 + k] for k in range(i2 - i1))
    n_lines = sum(
        1
        for _ in difflib.unified_diff(
            ta.splitlines(keepends=True), tb.splitlines(keepends=True), args[0], args[1]
        )
    )
    json.dump({"a": len(pa), "b": len(pb), "pairs": pairs, "diff_lines": n_lines}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

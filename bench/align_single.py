"""How many single-claim pairs srcdiff compares: one sentence on each side.

    python bench/align_single.py ../shared/data/exaggeration/dev.jsonl

Each line of the JSON Lines file holds a paper's conclusion sentence
(``abstract_conclusion``) and its press release's (``press_release_conclusion``).
A pair counts when srcdiff's plan pairs the two sentences, whatever their
overlap; the others would show as one deletion and one insertion.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.align import plan  # noqa: E402
from srcdiff.pipeline import document_from_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python bench/align_single.py PAIRS.jsonl", file=sys.stderr)
        return 2
    total = paired = 0
    for line in Path(args[0]).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        a = document_from_text(row["abstract_conclusion"], "paper")
        b = document_from_text(row["press_release_conclusion"], "press release")
        total += 1
        paired += any(s.link is not None for s in plan(a, b))
    print(f"{paired} of {total} single-sentence pairs compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Alignment CPU time on the big pairs, this checkout against another, side by side.

    python bench/align_time.py --other ../main            # 5 alternating rounds
    python bench/align_time.py --other ../main --rounds 9

Each round runs, in a fresh process per checkout, alignment alone (``plan``,
no word diff) on the bench's ``edited`` pair and on it with 3% of paragraphs
deleted, and reads the process CPU time around ``plan``.  The checkouts take
turns, so load from elsewhere on the machine falls on both; the minimum over
the rounds is reported (the least disturbed run), and the median beside it.
The other checkout may predate ``srcdiff.align.plan`` (``srcdiff.pipeline.plan``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import sys, time, json
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
import corpus
try:
    from srcdiff.align import plan
except ImportError:
    from srcdiff.pipeline import plan
from srcdiff.pipeline import document_from_text
out = {{}}
for pair in corpus.big_pairs():
    a, _ = corpus.join_paragraphs(pair.a)
    b, _ = corpus.join_paragraphs(pair.b)
    da, db = document_from_text(a), document_from_text(b)
    t = time.process_time()
    plan(da, db)
    out[pair.name] = time.process_time() - t
print(json.dumps(out))
"""


def _run(checkout: Path) -> dict[str, float]:
    code = _CHILD.format(root=str(checkout), bench=str(ROOT / "bench"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=checkout
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--other", required=True, type=Path, help="the checkout to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    runs: dict[str, dict[str, list[float]]] = {"this": {}, "other": {}}
    for _ in range(args.rounds):
        for label, path in (("other", args.other.resolve()), ("this", ROOT)):
            for name, took in _run(path).items():
                runs[label].setdefault(name, []).append(took)
    for name in runs["this"]:
        this, other = runs["this"][name], runs["other"][name]
        print(
            f"{name:16} this: min {min(this):.2f} s, median {statistics.median(this):.2f} s;  "
            f"other: min {min(other):.2f} s, median {statistics.median(other):.2f} s;  "
            f"ratio of minima {min(this) / min(other):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The lexical resource's cost and its verdicts on the seed pair's wording drifts.

    python bench/lexdata.py [--runs 7]

1. Load: a fresh interpreter imports ``srcdiff.lexdata`` and reads the WordNet data,
   ``--runs`` times; prints the best and median time of the load itself, and of a bare
   interpreter start as the baseline (the ratio is what a run pays on top).
2. Cost per pair: ``relation`` on 5,000 random pairs of the back-translation's words,
   each pair new to the cache.
3. Verdicts: runs srcdiff on seeds/cnn-bundle-scrape.txt vs seeds/cnn-backtranslated.txt
   and prints ``phrase_relation`` of each distinct wording or spelling drift, grouped by
   the drift's current severity.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD = (
    "import time; t = time.perf_counter(); "
    "from srcdiff.lexdata import wordnet; wordnet.database(); "
    "print(time.perf_counter() - t)"
)


def load_times(runs: int) -> tuple[list[float], list[float]]:
    env_code = [sys.executable, "-c", LOAD]
    loads = []
    starts = []
    for _ in range(runs):
        out = subprocess.run(env_code, cwd=ROOT, capture_output=True, text=True, check=True)
        loads.append(float(out.stdout))
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        starts.append(time.perf_counter() - began)
    return loads, starts


def pair_cost() -> float:
    """Mean seconds per ``relation`` call on pairs it has not seen."""
    import random

    sys.path.insert(0, str(ROOT))
    from srcdiff.lexdata import relation, wordnet

    wordnet.database()
    text = (ROOT / "seeds" / "cnn-backtranslated.txt").read_text(encoding="utf-8")
    words = sorted(set(text.split()))
    pick = random.Random(1)
    pairs = list({(pick.choice(words), pick.choice(words)) for _ in range(5000)})
    began = time.perf_counter()
    for a, b in pairs:
        relation(a, b)
    return (time.perf_counter() - began) / len(pairs)


def verdicts() -> list[tuple[str, str, str, str]]:
    sys.path.insert(0, str(ROOT))
    from srcdiff.lexdata import phrase_relation

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "srcdiff",
            "seeds/cnn-bundle-scrape.txt",
            "seeds/cnn-backtranslated.txt",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(out.stdout)
    seen = set()
    rows = []
    for drift in report["comparisons"][0]["drifts"]:
        if not {"wording", "spelling"} & set(drift["kinds"]):
            continue
        key = (drift["a"], drift["b"])
        if key in seen:
            continue
        seen.add(key)
        found = phrase_relation(drift["a"].split(), drift["b"].split())
        rows.append((drift["severity"], drift["a"], drift["b"], found.value if found else "-"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    loads, starts = load_times(args.runs)
    print(
        f"load: best {min(loads):.3f} s, median {statistics.median(loads):.3f} s "
        f"({args.runs} runs); bare interpreter start: best {min(starts):.3f} s, "
        f"median {statistics.median(starts):.3f} s"
    )
    print(f"relation: {pair_cost() * 1e6:.0f} us per new pair")
    rows = verdicts()
    for severity, a, b, found in rows:
        print(f"{severity:6} {found:10} {a!r} -> {b!r}")
    counts = Counter((severity, found) for severity, _a, _b, found in rows)
    for (severity, found), n in sorted(counts.items()):
        print(f"{severity:6} {found:10} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

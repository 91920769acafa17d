"""TUI on big inputs: time to the first screen and per scroll step, against a seed pair.

    python bench/tui.py [--size 1500000] [--pair edited] [--steps 40]

Builds the benchmark pair (see corpus.py), compares it in this process, then
runs the review app headless (Textual's ``run_test``, 160x50) and measures:

* first screen: from creating the app to the panes having drawn their first
  screen (the report is already built; its time is printed apart);
* scroll: the mean time of one page-down, drawn, over ``--steps`` steps;

and the same on the seed pair bundle vs back translation as the baseline,
run side by side, so the ratio says what the size costs. Targets from the
TUI work: the big pair's first screen within 2 s, scrolling without lag
(each step well under 0.1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, TARGET_BYTES, build_pairs, write_pair  # noqa: E402

sys.path.insert(0, str(ROOT))

from srcdiff.model import Report  # noqa: E402
from srcdiff.pipeline import compare_paths  # noqa: E402
from srcdiff.tui.app import SrcdiffApp  # noqa: E402
from srcdiff.tui.panes import SideBySide  # noqa: E402

SIZE = (160, 50)


async def _measure(report: Report, paths: list[str], steps: int) -> tuple[float, float]:
    t0 = time.perf_counter()
    app = SrcdiffApp(report, paths, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = time.perf_counter() - t0
        panes = app.query_one(SideBySide)
        times = []
        for _ in range(steps):
            s = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            times.append(time.perf_counter() - s)
        assert panes.scroll_y > 0 or steps == 0
    return first, statistics.mean(times) if times else 0.0


def measure(paths: list[str], steps: int) -> dict[str, float]:
    t0 = time.perf_counter()
    report = compare_paths(paths)
    built = time.perf_counter() - t0
    first, step = asyncio.run(_measure(report, paths, steps))
    return {"report_s": round(built, 3), "first_screen_s": round(first, 3),
            "scroll_step_s": round(step, 4)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=TARGET_BYTES)
    ap.add_argument("--pair", default="edited", choices=("shuffled", "edited"))
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = ap.parse_args(argv)
    pair = next(p for p in build_pairs(target_bytes=args.size) if p.name == args.pair)
    pa, pb, _ = write_pair(pair, args.out / f"tui-{args.size}")
    seeds = [str(ROOT / "seeds" / "cnn-bundle-scrape.txt"),
             str(ROOT / "seeds" / "cnn-backtranslated.txt")]
    base = measure(seeds, args.steps)
    big = measure([str(pa), str(pb)], args.steps)
    result = {
        "seeds": base,
        args.pair: big,
        "first_screen_ratio": round(big["first_screen_s"] / base["first_screen_s"], 2),
        "scroll_step_ratio": round(big["scroll_step_s"] / base["scroll_step_s"], 2),
        "bytes": pa.stat().st_size + pb.stat().st_size,
    }
    print(json.dumps(result, indent=1))
    (args.out / "tui.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""TUI on big inputs: time from launch to the first screen, and per scroll step.

    python bench/tui.py [--size 1500000] [--pair edited] [--steps 40]

Builds the benchmark pair (see corpus.py) and opens it as ``srcdiff A B``
does in a terminal, headless (Textual's ``run_test``, 160x50):

* launch: a fresh interpreter importing what the TUI needs (run apart, as
  a subprocess, since this process has imported it already);
* read + segment, and align (``PendingReport.start``: the pair is aligned
  here and its full report forked off to a worker);
* first screen: from creating the app to the panes having drawn;
* first screen from launch: the sum of the above;
* scroll: the mean time of one page-down, drawn, while the worker still
  runs and again once the report is in;
* report in: from reading to the finished report replacing the preview.

With tmux on the machine it also runs ``python -m srcdiff A B`` in a real
terminal (tmux, 160x50) and polls the screen: the time from starting it to
the first screen (the summary bar drawn) and to the finished report
("% similar" in the bar), median of 3.

The seed pair bundle vs back translation runs the same way as the baseline
(it is small, so the TUI builds its report before opening). Targets from
the TUI work: the big pair's first screen within 2 s of launch, scrolling
without lag (each step well under 0.1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, TARGET_BYTES, build_pairs, write_pair  # noqa: E402

sys.path.insert(0, str(ROOT))

from srcdiff.background import PendingReport  # noqa: E402
from srcdiff.cli import PREVIEW_MIN_BYTES  # noqa: E402
from srcdiff.model import Report  # noqa: E402
from srcdiff.pipeline import compare, read_documents  # noqa: E402
from srcdiff.tui.app import SrcdiffApp  # noqa: E402
from srcdiff.tui.panes import SideBySide  # noqa: E402

SIZE = (160, 50)


def launch_seconds() -> float:
    """Wall time of a fresh interpreter importing the TUI and the pipeline (median of 3)."""
    code = "import srcdiff.cli, srcdiff.tui.app, srcdiff.background, srcdiff.pipeline"
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def _tmux(*args: str) -> str:
    out = subprocess.run(
        ["tmux", "-L", "srcdiff-bench", *args], capture_output=True, text=True, timeout=30
    )
    return out.stdout


def terminal_seconds(paths: list[str]) -> dict[str, float] | None:
    """Launch to first screen and to the finished report in a real terminal (tmux)."""
    if shutil.which("tmux") is None:
        return None
    first, done = [], []
    cmd = " ".join(shlex.quote(x) for x in [sys.executable, "-m", "srcdiff", *paths])
    for _ in range(3):
        _tmux("kill-server")
        t0 = time.perf_counter()
        _tmux(
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "160",
            "-y",
            "50",
            f"cd {shlex.quote(str(ROOT))} && TERM=xterm-256color {cmd}; sleep 60",
        )
        seen = False
        while time.perf_counter() - t0 < 120:
            screen = _tmux("capture-pane", "-p", "-t", "b")
            if not seen and ("finding drift" in screen or "similar" in screen):
                first.append(time.perf_counter() - t0)
                seen = True
            if "similar" in screen:
                done.append(time.perf_counter() - t0)
                break
            time.sleep(0.02)
        _tmux("kill-server")
    if len(done) < 3:
        return None
    return {
        "terminal_first_screen_s": round(statistics.median(first), 3),
        "terminal_report_s": round(statistics.median(done), 3),
    }


async def _steps(pilot: Any, steps: int) -> float:
    times = []
    for _ in range(steps):
        s = time.perf_counter()
        await pilot.press("pagedown")
        await pilot.pause()
        times.append(time.perf_counter() - s)
    return statistics.mean(times) if times else 0.0


async def _measure(paths: list[str], steps: int) -> dict[str, float]:
    t0 = time.perf_counter()
    a, b = read_documents(paths)
    t1 = time.perf_counter()
    out: dict[str, float] = {"read_segment_s": round(t1 - t0, 3)}
    pending: PendingReport | None = None
    if len(a.text) + len(b.text) >= PREVIEW_MIN_BYTES:
        pending = PendingReport.start(a, b)
        app = SrcdiffApp(pending.preview, paths, None, pending=pending)
    else:
        report: Report = compare([a, b])
        app = SrcdiffApp(report, paths, None)
    t2 = time.perf_counter()
    out["align_or_report_s"] = round(t2 - t1, 3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        t3 = time.perf_counter()
        out["first_screen_s"] = round(t3 - t2, 3)
        panes = app.query_one(SideBySide)
        if pending is not None:
            out["scroll_step_pending_s"] = round(await _steps(pilot, steps // 2), 4)
            while app.pending is not None:
                await asyncio.sleep(0.05)
            await pilot.pause()
        out["report_in_s"] = round(time.perf_counter() - t0, 3)
        out["scroll_step_s"] = round(await _steps(pilot, steps), 4)
        assert panes.scroll_y > 0 or steps == 0
        out["drifts"] = len(app.nav.drifts)
    return out


def measure(paths: list[str], steps: int, launch: float) -> dict[str, float]:
    out = {"launch_s": round(launch, 3), **asyncio.run(_measure(paths, steps))}
    out.update(terminal_seconds(paths) or {})
    out["first_screen_from_launch_s"] = round(
        launch + out["read_segment_s"] + out["align_or_report_s"] + out["first_screen_s"], 3
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=TARGET_BYTES)
    ap.add_argument("--pair", default="edited", choices=("shuffled", "edited"))
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = ap.parse_args(argv)
    pair = next(p for p in build_pairs(target_bytes=args.size) if p.name == args.pair)
    pa, pb, _ = write_pair(pair, args.out / f"tui-{args.size}")
    seeds = [
        str(ROOT / "seeds" / "cnn-bundle-scrape.txt"),
        str(ROOT / "seeds" / "cnn-backtranslated.txt"),
    ]
    launch = launch_seconds()
    base = measure(seeds, args.steps, launch)
    big = measure([str(pa), str(pb)], args.steps, launch)
    result = {
        "seeds": base,
        args.pair: big,
        "first_screen_from_launch_ratio": round(
            big["first_screen_from_launch_s"] / base["first_screen_from_launch_s"], 2
        ),
        "scroll_step_ratio": round(big["scroll_step_s"] / base["scroll_step_s"], 2),
        "bytes": pa.stat().st_size + pb.stat().st_size,
    }
    print(json.dumps(result, indent=1))
    (args.out / "tui.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

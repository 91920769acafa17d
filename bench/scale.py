"""Scaling: srcdiff against git's word diff on edited pairs of several sizes, side by side.

    python bench/scale.py                      # 0.2, 0.5, 1.5 and 5 MB per side
    python bench/scale.py --sizes 0.2,1.5,20   # sizes in MB per side (20 MB takes long)
    python bench/scale.py --repeat 3 --no-stages

For each size, builds the ``edited`` pair of bench/corpus.py at that size, then for each
round runs, one right after the other in fresh child processes, ``git diff --no-index
--word-diff=porcelain A B`` and ``python -m srcdiff A B --json``.  Printed per size:
the median wall seconds of each and their ratio; srcdiff's CPU seconds (user + system of
the child and its worker; git's are below the clock's 10 ms); srcdiff's peak resident
memory (GNU time's ``%M``: the largest of its processes); and, unless ``--no-stages``,
the CPU split of one in-process run in a child (read and segment, align, word diff,
drift, provenance, JSON), the cycle collector off as in the command.  Last, the scaling
slope: the least-squares slope of log(srcdiff's time) on log(size), 1.0 for linear growth.
On a machine other processes keep busy, CPU seconds move less than wall seconds.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, build_pairs, write_pair  # noqa: E402

BENCH = Path(__file__).resolve().parent
TIME = "/usr/bin/time"


def _timed(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall s, CPU s and peak MB of one child run (its output thrown away)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t = time.perf_counter()
        subprocess.run(
            [TIME, "-f", "%M %U %S", "-o", tf.name, *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
            check=False,
        )
        wall = time.perf_counter() - t
        peak_kb, user, system = tf.read().split()[-3:]
    return wall, float(user) + float(system), int(peak_kb) / 1024


def stages(a: str, b: str) -> dict[str, float]:
    """CPU seconds of each stage of one comparison, in this process, on one core, with
    the cycle collector off as in the command (which holds it off for the whole run)."""
    from srcdiff.collector import no_cycle_collection

    with no_cycle_collection():
        return _stages(a, b)


def _stages(a: str, b: str) -> dict[str, float]:
    from srcdiff import pipeline
    from srcdiff.align import plan
    from srcdiff.drift import classify
    from srcdiff.model import Comparison, Drift, Op, Report
    from srcdiff.provenance import provenance
    from srcdiff.read import read_input
    from srcdiff.render.jsonout import render_json

    out: dict[str, float] = {}
    drift = 0.0

    def timed_classify(ops: Sequence[Op], fa: Any, fb: Any) -> tuple[Drift, ...]:
        nonlocal drift
        t0 = time.process_time()
        got = classify(ops, fa, fb)
        drift += time.process_time() - t0
        return got

    t = time.process_time()
    da = pipeline.make_document(read_input(a))
    db = pipeline.make_document(read_input(b))
    out["read+segment"] = time.process_time() - t
    t = time.process_time()
    slots = plan(da, db)
    out["align"] = time.process_time() - t
    t = time.process_time()
    known = pipeline.facts(da, db)
    blocks = tuple(pipeline.build_block(da, db, s, timed_classify, known) for s in slots)
    total = time.process_time() - t
    out["word diff"] = total - drift
    out["drift"] = drift
    report = Report((da, db), (Comparison(0, 1, blocks, pipeline.summarize(da, db, blocks)),))
    t = time.process_time()
    report = replace(report, provenance=provenance(report))
    out["provenance"] = time.process_time() - t
    t = time.process_time()
    render_json(report)
    out["json"] = time.process_time() - t
    return out


def slope(sizes: Sequence[float], times: Sequence[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0.2,0.5,1.5,5", help="MB per side, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-stages", action="store_true")
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    ap.add_argument("--stages-of", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stages_of:
        print(json.dumps(stages(*args.stages_of)))
        return 0
    env = dict(os.environ, PYTHONPATH=str(ROOT), GIT_CONFIG_NOSYSTEM="1", HOME=str(args.out))
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    rows: list[dict[str, Any]] = []
    for mb in sizes:
        pair = build_pairs(target_bytes=int(mb * 1_000_000))[1]
        pa, pb, _ = write_pair(pair, args.out / f"scale-{mb:g}")
        git = [
            "git",
            "diff",
            "--no-index",
            "--no-color",
            "--no-ext-diff",
            "--word-diff=porcelain",
            str(pa),
            str(pb),
        ]
        ours = [sys.executable, "-m", "srcdiff", str(pa), str(pb), "--json"]
        g_runs, s_runs = [], []
        for _ in range(args.repeat):
            g_runs.append(_timed(git, env))
            s_runs.append(_timed(ours, env))
        row: dict[str, Any] = {"mb": mb, "bytes_a": pa.stat().st_size}
        for name, runs in (("git", g_runs), ("srcdiff", s_runs)):
            row[name] = {
                "wall": statistics.median(r[0] for r in runs),
                "cpu": statistics.median(r[1] for r in runs),
                "peak_mb": max(r[2] for r in runs),
            }
        if not args.no_stages:
            got = subprocess.run(
                [sys.executable, __file__, "--stages-of", str(pa), str(pb)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            row["stages"] = json.loads(got.stdout)
        rows.append(row)
        g, s = row["git"], row["srcdiff"]
        print(
            f"{mb:5g} MB  git {g['wall']:6.2f} s | srcdiff {s['wall']:7.2f} s = "
            f"{s['wall'] / g['wall']:6.1f}x git, {s['cpu']:7.2f} s CPU | "
            f"peak {s['peak_mb']:5.0f} MB",
            flush=True,
        )
        if "stages" in row:
            print("         " + ", ".join(f"{k} {v:.2f}" for k, v in row["stages"].items()))
    if len(rows) >= 2:
        mbs = [r["mb"] for r in rows]
        print(
            f"slope (log time on log size): wall "
            f"{slope(mbs, [r['srcdiff']['wall'] for r in rows]):.2f}, cpu "
            f"{slope(mbs, [r['srcdiff']['cpu'] for r in rows]):.2f}"
        )
    (args.out / "scale.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

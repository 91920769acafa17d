"""Benchmark: srcdiff vs git word-diff vs difflib on two 1.5 MB pairs.

    python bench/run.py [--repeat 3] [--no-check] [--out bench/out]

Builds the pairs of bench/corpus.py (``shuffled`` and ``edited``), then for
each pair and each repetition runs, one after the other in fresh child
processes:

* ``python -m srcdiff A B --json``
* ``git diff --no-index --word-diff=porcelain A B``
* ``python bench/difflib_tool.py A B`` (difflib over paragraphs and lines)

Each child's wall time is taken around its whole life (start-up included).
Its peak memory is the larger of its own peak RSS (GNU time or ``os.wait4``)
and the peak, sampled every 10 ms, of the summed RSS of its whole process
tree: srcdiff forks a worker for big pairs, and their pages shared
copy-on-write are counted twice, so the figure errs high.  Medians over
the repetitions are printed with the ratio to git's time and the share of
paragraphs each tool pairs correctly (see bench/score.py).  Results go to ``OUT/results.json``.

Targets on the edited pair: pairing >= 98%, srcdiff time <= 15x git's, peak
memory < 400 MB.  The exit status is 1 when one is missed (0 with --no-check).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, TARGET_BYTES, build_pairs, write_pair  # noqa: E402
from score import Score, score_pairs, score_srcdiff  # noqa: E402

TARGET_PAIRED = 0.98
TARGET_RATIO = 15.0
TARGET_PEAK_MB = 400.0
TOOLS = ("srcdiff", "git", "difflib")
BENCH = Path(__file__).resolve().parent


@dataclass
class Run:
    seconds: float
    peak_mb: float
    rc: int
    digest: str
    err: str = ""


_GNU_TIME = "/usr/bin/time"


def _gnu_time() -> bool:
    """Whether /usr/bin/time is GNU time (it has -o and -f)."""
    if not os.access(_GNU_TIME, os.X_OK):
        return False
    probe = subprocess.run(
        [_GNU_TIME, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


USE_GNU_TIME = _gnu_time()


@dataclass
class ToolResult:
    runs: list[Run] = field(default_factory=list)
    score: Score | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs) if self.runs else float("nan")

    @property
    def peak_mb(self) -> float:
        return max((r.peak_mb for r in self.runs), default=float("nan"))

    @property
    def deterministic(self) -> bool:
        return len({r.digest for r in self.runs}) <= 1


def _tree_rss_kb(pid: int) -> int:
    """Summed resident set of ``pid`` and every process below it, in KB (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as fh:
                stack.extend(int(k) for k in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


class TreeSampler(threading.Thread):
    """Samples a process tree's summed RSS until stopped; ``peak_kb`` is the largest seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))
            self.done.wait(0.01)


def measure(cmd: Sequence[str], out: Path, cwd: Path, timeout: float) -> Run:
    """Run cmd with stdout to ``out``: wall time and the child's own peak RSS.

    The peak comes from GNU time's %M when /usr/bin/time is GNU time: a child
    forked straight from this process would start its high-water mark at
    this process's size (Linux keeps it across exec), which would inflate
    small tools such as git.  Without GNU time, ``os.wait4`` gives it.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env.pop("NO_COLOR", None)
    rss_file = out.with_suffix(".rss")
    full = [_GNU_TIME, "-f", "%M", "-o", str(rss_file), *cmd] if USE_GNU_TIME else list(cmd)
    with open(out, "wb") as fh, tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        proc = subprocess.Popen(
            full, stdout=fh, stderr=errf, stdin=subprocess.DEVNULL, cwd=cwd, env=env
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            sampler.done.set()
            sampler.join()
        seconds = time.perf_counter() - start
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err_lines = errf.read().decode("utf-8", "replace").strip().splitlines()
    peak_kb = float(usage.ru_maxrss)
    if USE_GNU_TIME:
        try:
            lines = rss_file.read_text(encoding="utf-8").split()
            peak_kb = float(lines[-1])
        except (OSError, ValueError, IndexError):
            pass
        rss_file.unlink(missing_ok=True)
    peak_kb = max(peak_kb, float(sampler.peak_kb))
    err = err_lines[-1] if err_lines else ""
    if rc not in (0, 1):
        print(f"  ! {cmd[0]} ... exited {rc}: {err or '(no message)'}", file=sys.stderr)
    h = hashlib.sha256()
    with open(out, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return Run(seconds, peak_kb / 1024, rc, h.hexdigest()[:16], err)


def commands(a: Path, b: Path) -> dict[str, list[str]]:
    return {
        "srcdiff": [sys.executable, "-m", "srcdiff", str(a), str(b), "--json"],
        "git": [
            "git",
            "diff",
            "--no-index",
            "--no-color",
            "--no-ext-diff",
            "--word-diff=porcelain",
            str(a),
            str(b),
        ],
        "difflib": [sys.executable, str(BENCH / "difflib_tool.py"), str(a), str(b)],
    }


def bench_pair(
    name: str, a: Path, b: Path, truth_path: Path, repeat: int, timeout: float
) -> dict[str, ToolResult]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    cmds = commands(a, b)
    results = {t: ToolResult() for t in TOOLS}
    outs = {t: a.parent / f"{t}.out" for t in TOOLS}
    for k in range(repeat):
        for tool in TOOLS:
            run = measure(cmds[tool], outs[tool], a.parent, timeout)
            results[tool].runs.append(run)
            print(
                f"  {name} {tool} run {k + 1}/{repeat}: {run.seconds:.2f} s, "
                f"{run.peak_mb:.0f} MB, exit {run.rc}",
                flush=True,
            )
    sd = results["srcdiff"]
    report = _load_json(outs["srcdiff"])
    if report is not None:
        sd.score = score_srcdiff(report, truth)
        noise = sum(p["noise"] for d in report["documents"] for p in d["paragraphs"])
        if noise:
            sd.note = f"{noise} paragraphs marked noise"
    else:
        sd.note = "failed: " + (sd.runs[-1].err if sd.runs else "not run")
    dl = results["difflib"]
    data = _load_json(outs["difflib"])
    if data is not None:
        dl.score = score_pairs(data["pairs"], data["a"], data["b"], truth)
    else:
        dl.note = "failed: " + (dl.runs[-1].err if dl.runs else "not run")
    return results


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _score_dict(s: Score | None) -> dict[str, Any] | None:
    return s.as_dict() if s else None


def _fmt_share(s: Score | None) -> str:
    return f"{100 * s.share:.2f}%" if s else "n/a"


def table(rows: list[tuple[str, str, ToolResult, float]]) -> str:
    head = f"{'pair':<9} {'tool':<8} {'median s':>9} {'x git':>7} {'peak MB':>8} {'paired':>8}"
    lines = [head, "-" * len(head)]
    for pair, tool, res, git_s in rows:
        ratio = res.median / git_s if git_s > 0 else float("nan")
        lines.append(
            f"{pair:<9} {tool:<8} {res.median:>9.2f} {ratio:>7.1f} {res.peak_mb:>8.0f} "
            f"{_fmt_share(res.score):>8}" + (f"  ({res.note})" if res.note else "")
        )
    return "\n".join(lines)


def _git_version() -> str:
    try:
        return subprocess.run(
            ["git", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool and pair (median)")
    ap.add_argument("--no-check", action="store_true", help="report only; exit 0")
    ap.add_argument("--out", type=Path, default=BENCH / "out", help="work and results folder")
    ap.add_argument("--size", type=int, default=TARGET_BYTES, help="bytes of A (default 1.5 MB)")
    ap.add_argument("--pairs", default="shuffled,edited", help="which pairs to run")
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per child run")
    args = ap.parse_args(argv)
    wanted = [p.strip() for p in args.pairs.split(",") if p.strip()]
    args.out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    pairs = [p for p in build_pairs(target_bytes=args.size) if p.name in wanted]
    print(f"built {len(pairs)} pairs in {time.perf_counter() - t0:.1f} s", flush=True)
    rows: list[tuple[str, str, ToolResult, float]] = []
    out_pairs: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    for pair in pairs:
        pa, pb, pt = write_pair(pair, args.out)
        print(
            f"{pair.name}: A {pa.stat().st_size:,} B, {len(pair.a)} paras; "
            f"B {pb.stat().st_size:,} B, {len(pair.b)} paras; splits {pair.splits}, "
            f"merges {pair.merges}, words replaced {pair.substituted:,}/{pair.words:,}",
            flush=True,
        )
        res = bench_pair(pair.name, pa, pb, pt, args.repeat, args.timeout)
        git_s = res["git"].median
        rows += [(pair.name, t, res[t], git_s) for t in TOOLS]
        out_pairs.append(
            {
                "name": pair.name,
                "a_bytes": pa.stat().st_size,
                "b_bytes": pb.stat().st_size,
                "a_paragraphs": len(pair.a),
                "b_paragraphs": len(pair.b),
                "splits": pair.splits,
                "merges": pair.merges,
                "words_replaced": pair.substituted,
                "words": pair.words,
                "tools": {
                    t: {
                        "seconds": [round(r.seconds, 4) for r in res[t].runs],
                        "median_s": round(res[t].median, 4),
                        "ratio_to_git": round(res[t].median / git_s, 3) if git_s > 0 else None,
                        "peak_mb": round(res[t].peak_mb, 1),
                        "exit": [r.rc for r in res[t].runs],
                        "deterministic_output": res[t].deterministic,
                        "pairing": _score_dict(res[t].score),
                        "note": res[t].note,
                    }
                    for t in TOOLS
                },
            }
        )
        if pair.name == "edited":
            sd = res["srcdiff"]
            share = sd.score.share if sd.score else 0.0
            ratio = sd.median / git_s if git_s > 0 else float("inf")
            checks += [
                {"target": "paired >= 98%", "value": share, "ok": share >= TARGET_PAIRED},
                {"target": "time <= 15x git", "value": ratio, "ok": ratio <= TARGET_RATIO},
                {
                    "target": "peak < 400 MB",
                    "value": sd.peak_mb,
                    "ok": sd.peak_mb < TARGET_PEAK_MB,
                },
            ]

    print()
    print(table(rows))
    if checks:
        print()
        for c in checks:
            print(f"{'ok  ' if c['ok'] else 'MISS'} edited: {c['target']} (got {c['value']:.4g})")
    results = {
        "schema": "srcdiff-bench/1",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "git": _git_version(),
        },
        "repeat": args.repeat,
        "pairs": out_pairs,
        "checks": checks,
        "ok": all(c["ok"] for c in checks),
    }
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults: {args.out / 'results.json'}")
    if args.no_check:
        return 0
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""Pathological sizes: many one-word lines or paragraphs, one huge line.  Time, peak memory,
report size.

    python bench/hostile_sizes.py                     # 200,000 lines (and paragraphs), a 5 MB line
    python bench/hostile_sizes.py --lines 20000 --line-mb 1 --chromium
    python bench/hostile_sizes.py --timeout 120      # give up on a case after 120 s

Each case runs ``python -m srcdiff A B --stat`` and ``--html -o`` in a child process and
reports wall time and peak RSS (``resource.getrusage``), beside the same runs on the seed
pair as the baseline (``ratio`` is the case's time over the baseline's).  ``--chromium``
also opens each report in /usr/bin/chromium through Playwright and times the first frame.
Work files go to bench/out/hostile/.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "hostile"
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def one_word_lines(n: int) -> tuple[str, str]:
    rng = random.Random(1)
    a = [f"{rng.choice(WORDS)}{rng.randrange(1000)}" for _ in range(n)]
    b = list(a)
    for k in range(0, n, 997):
        b[k] = f"changed{k}"
    return "\n".join(a) + "\n", "\n".join(b) + "\n"


def blank_lines_between(a: str, b: str) -> tuple[str, str]:
    """The same words, a blank line between each two (one-word paragraphs)."""
    return a.replace("\n", "\n\n"), b.replace("\n", "\n\n")


def one_line(megabytes: float) -> tuple[str, str]:
    rng = random.Random(2)
    words: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        w = rng.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    a = " ".join(words) + "\n"
    return a, a.replace("beta gamma", "beta GAMMA", 50)


def stem_of(name: str) -> str:
    return "".join(c for c in name.replace(" ", "-") if c.isalnum() or c == "-")


def measure(args: list[str], timeout: float) -> dict[str, float | str]:
    """Wall time and peak RSS of one srcdiff run (a fresh child each time)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,"
        " timeout=float(sys.argv[1]))\n"
        "w = time.perf_counter() - t\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(w, r, p.returncode)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, str(timeout), sys.executable, "-m", "srcdiff", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout + 30,
        )
        wall, rss, rc = out.stdout.split()
    except (subprocess.TimeoutExpired, ValueError):
        return {"seconds": float("nan"), "peak_mb": float("nan"), "status": "timed out"}
    return {"seconds": round(float(wall), 2), "peak_mb": round(int(rss) / 1024), "status": rc}


def first_frame(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=600_000)
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        took = time.perf_counter() - start
        browser.close()
    return round(took, 2)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--lines", type=int, default=200_000)
    p.add_argument("--line-mb", type=float, default=5.0)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--chromium", action="store_true")
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    cases = {
        "seeds (baseline)": (
            ROOT / "seeds" / "cnn-bundle-scrape.txt",
            ROOT / "seeds" / "cnn-backtranslated.txt",
        ),
    }
    for name, (a_text, b_text) in {
        f"{args.lines:,} one-word lines": one_word_lines(args.lines),
        f"{args.lines:,} one-word paragraphs": blank_lines_between(*one_word_lines(args.lines)),
        f"one {args.line_mb:g} MB line": one_line(args.line_mb),
    }.items():
        stem = OUT / stem_of(name)
        a, b = stem.with_suffix(".a.txt"), stem.with_suffix(".b.txt")
        a.write_text(a_text, encoding="utf-8")
        b.write_text(b_text, encoding="utf-8")
        cases[name] = (a, b)
    results = {}
    base: dict[str, float] = {}
    for name, (a, b) in cases.items():
        html = OUT / (stem_of(name) + ".html")
        row: dict[str, object] = {"bytes": a.stat().st_size + b.stat().st_size}
        for face, extra in (("stat", ["--stat"]), ("html", ["--html", "-o", str(html)])):
            got = measure([str(a), str(b), *extra], args.timeout)
            seconds = float(got["seconds"])
            base.setdefault(face, seconds)
            got["ratio"] = round(seconds / base[face], 1) if base[face] else float("nan")
            row[face] = got
        if html.exists():
            row["html_bytes"] = html.stat().st_size
            if args.chromium:
                row["first_frame_s"] = first_frame(html)
        results[name] = row
        print(name, json.dumps(row), flush=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

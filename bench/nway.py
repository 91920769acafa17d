"""N-way timing: many versions at once.

    python bench/nway.py [--repeat 3] [--out bench/out]

Times two runs of the CLI, each in a fresh child process (median of
``--repeat``; peak RSS from ``os.wait4``):

* the four seeds at once: ``python -m srcdiff seeds/*.txt --json``
  (every pair: 6 comparisons);
* 20 articles of about 5 KB: 4 generated stories x 5 versions with edits
  (moves, a dropped and an added paragraph, a split or merge, 3% of words
  replaced; see ``corpus.articles``), all at once (190 comparisons).

Results are printed and written to ``OUT/nway.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, SEED_FILES, articles, join_paragraphs  # noqa: E402
from run import Run, measure  # noqa: E402


def write_articles(out_dir: Path) -> list[Path]:
    d = out_dir / "articles"
    d.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    per_story = 5
    for k, paras in enumerate(articles(versions=per_story)):
        p = d / f"story{k // per_story + 1}-v{k % per_story + 1}.txt"
        p.write_text(join_paragraphs(paras)[0], encoding="utf-8", newline="\n")
        paths.append(p)
    return paths


def timed(
    label: str, files: Sequence[Path], out: Path, repeat: int, timeout: float
) -> dict[str, object]:
    cmd = [sys.executable, "-m", "srcdiff", *map(str, files), "--json"]
    runs: list[Run] = []
    for k in range(repeat):
        r = measure(cmd, out, ROOT, timeout)
        runs.append(r)
        print(f"  {label} run {k + 1}/{repeat}: {r.seconds:.2f} s, {r.peak_mb:.0f} MB, exit {r.rc}")
    comps = None
    if runs[-1].rc in (0, 1):
        comps = len(json.loads(out.read_text(encoding="utf-8"))["comparisons"])
    return {
        "label": label,
        "files": len(files),
        "bytes": sum(f.stat().st_size for f in files),
        "comparisons": comps,
        "seconds": [round(r.seconds, 4) for r in runs],
        "median_s": round(statistics.median(r.seconds for r in runs), 4),
        "peak_mb": round(max(r.peak_mb for r in runs), 1),
        "exit": [r.rc for r in runs],
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="srcdiff N-way timings")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    seeds = [ROOT / "seeds" / name for name in sorted(SEED_FILES)]
    arts = write_articles(args.out)
    results = [
        timed("4 seeds", seeds, args.out / "nway-seeds.json", args.repeat, args.timeout),
        timed("20 articles", arts, args.out / "nway-articles.json", args.repeat, args.timeout),
    ]
    print()
    head = f"{'run':<12} {'files':>5} {'KB':>6} {'comparisons':>11} {'median s':>9} {'peak MB':>8}"
    print(head)
    print("-" * len(head))
    for r in results:
        print(
            f"{r['label']!s:<12} {r['files']!s:>5} {int(str(r['bytes'])) / 1024:>6.0f} "
            f"{r['comparisons']!s:>11} {r['median_s']!s:>9} {r['peak_mb']!s:>8}"
        )
    (args.out / "nway.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults: {args.out / 'nway.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

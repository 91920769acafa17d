"""In-process look at srcdiff on a benchmark pair: stage times, a profile, mispairs.

    python bench/inproc.py [--pair edited] [--size 1500000] [--profile] [--show 5]
                           [--no-drift]

Times each stage (read, segment, align, the rest of compare_documents),
optionally runs the comparison under cProfile and prints the functions that
dominate, and lists mispaired paragraphs with what srcdiff paired them with.
``--no-drift`` replaces the drift classifier with one that finds nothing
(useful while the classifier is absent or to see its share of the time).
Not the headline figure: bench/run.py runs the CLI as a subprocess.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, TARGET_BYTES, build_pairs, join_paragraphs, write_pair  # noqa: E402
from score import score_blocks  # noqa: E402

sys.path.insert(0, str(ROOT))

from srcdiff import pipeline  # noqa: E402
from srcdiff.align import align  # noqa: E402
from srcdiff.model import Drift, Op  # noqa: E402
from srcdiff.read import read_input  # noqa: E402


def _no_drift(_ops: Sequence[Op], _a: str, _b: str) -> tuple[Drift, ...]:
    return ()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pair", default="edited", choices=("shuffled", "edited"))
    ap.add_argument("--size", type=int, default=TARGET_BYTES)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--show", type=int, default=5, help="mispaired paragraphs to print")
    ap.add_argument("--no-drift", action="store_true")
    args = ap.parse_args(argv)

    pair = next(p for p in build_pairs(target_bytes=args.size) if p.name == args.pair)
    pa, pb, _pt = write_pair(pair, args.out / f"inproc-{args.size}")
    truth: dict[str, Any] = {
        "a_spans": join_paragraphs(pair.a)[1],
        "b_spans": join_paragraphs(pair.b)[1],
        "a_to_b": pair.a_to_b,
        "b_to_a": pair.b_to_a,
    }

    t = time.perf_counter()
    raw_a = read_input(str(pa))
    raw_b = read_input(str(pb))
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    da, db = pipeline.make_document(raw_a), pipeline.make_document(raw_b)
    t_seg = time.perf_counter() - t
    t = time.perf_counter()
    links = align(da.text, da.paragraphs, db.text, db.paragraphs)
    t_align = time.perf_counter() - t
    classifier = _no_drift if args.no_drift else None
    prof = cProfile.Profile() if args.profile else None
    t = time.perf_counter()
    if prof:
        prof.enable()
    comp = pipeline.compare_documents(da, db, classifier=classifier)
    if prof:
        prof.disable()
    t_cmp = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.pair} ({args.size:,} B): read {t_read:.2f} s, segment {t_seg:.2f} s, "
        f"align {t_align:.2f} s, compare_documents (align + diff + drift) {t_cmp:.2f} s, "
        f"peak {peak:.0f} MB"
    )
    print(f"paragraphs: A {len(da.paragraphs)}, B {len(db.paragraphs)}; links {len(links)}")

    blocks = [(blk.a, blk.b) for blk in comp.blocks]
    spans_a = [(p.start, p.end) for p in da.paragraphs]
    spans_b = [(p.start, p.end) for p in db.paragraphs]
    score = score_blocks(blocks, truth, spans_a, spans_b)
    print(
        f"paired correctly {100 * score.share:.2f}% (exact groups {100 * score.exact_share:.2f}%)"
    )
    for k, v in sorted(score.errors.items()):
        print(f"  {k}: {v}")
    holder: dict[int, tuple[tuple[int, ...], tuple[int, ...], str]] = {}
    for blk in comp.blocks:
        for i in blk.a:
            holder[i] = (blk.a, blk.b, blk.status.value)
    for i in score.wrong_a[: args.show]:
        ba, bb, status = holder.get(i, ((), (), "?"))
        print(
            f"\nA{i} -> truth B{list(pair.a_to_b[i])}; "
            f"srcdiff block {status} A{list(ba)} B{list(bb)}"
        )
        print(f"  A{i}: {pair.a[i][:300]}")
        for j in pair.a_to_b[i]:
            print(f"  true B{j}: {pair.b[j][:300]}")
        for j in bb:
            if j not in pair.a_to_b[i]:
                print(f"  got B{j} (from A{list(pair.b_to_a[j])}): {pair.b[j][:300]}")
    if prof:
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        print(buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())

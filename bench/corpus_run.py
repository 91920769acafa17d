"""Score ``srcdiff corpus`` on a generated corpus (bench/corpus_gen.py): reuse pairs found,
planted high drifts found, time and memory.

* reuse pairs: two documents are a reuse pair when the output puts them in one
  story (cluster); the gold pairs are the pairs of each planted cluster.
  Recall and precision over pairs; the direct ``pair`` lines are scored too;
* planted high drifts: a planted drift is found when the member's line against
  its origin carries a high drift whose span in the member overlaps the
  planted one (or touches it: a removed word's span is empty, next to its neighbour);
* time: wall clock of the whole command, and the CPU time of the command and its
  worker processes (user + system, last sampled); memory: the largest sum of the
  resident sets of the command and its worker processes, sampled every 0.2 s, and the
  command's own; the one-minute load average seen meanwhile (least, mean, most);
* ``--identical``: the same job again with one thread-based worker, to check
  that its output is byte-identical to the two-process run.

    python bench/corpus_gen.py /tmp/c10k --size 10000
    python bench/corpus_run.py /tmp/c10k [--identical] [--workers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent


def run(corpus: Path, out: Path, extra: list[str]) -> dict[str, float]:
    sources = sorted(str(p) for p in corpus.glob("corpus-*.jsonl")) + [
        str(corpus / "pages.warc.gz")
    ]
    cmd = [sys.executable, "-m", "srcdiff", "corpus", *sources, "-o", str(out), *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    peak = peak_driver = 0
    cpu: dict[int, float] = {}
    loads: list[float] = []
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        try:
            for p in [parent, *parent.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
                    if p.pid == parent.pid:
                        peak_driver = max(peak_driver, p.memory_info().rss)
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
        except psutil.Error:
            pass
        peak = max(peak, total)
        loads.append(os.getloadavg()[0])
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"corpus_run: srcdiff corpus failed ({proc.returncode}): {err[-2000:]}")
    return {
        "seconds": round(time.monotonic() - start, 1),
        "cpu_seconds": round(sum(cpu.values()), 1),
        "peak_rss_mb": round(peak / 2**20),
        "peak_rss_command_mb": round(peak_driver / 2**20),
        "load_average": [
            round(min(loads), 1),
            round(sum(loads) / len(loads), 1),
            round(max(loads), 1),
        ]
        if loads
        else [],
    }


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def score(corpus: Path, out: Path) -> dict[str, Any]:
    gold = json.loads((corpus / "gold.json").read_text())
    objs = [json.loads(line) for line in out.read_text().splitlines()]
    head = objs[0]
    gold_pairs = _pairs([[m["id"] for m in c["members"]] for c in gold["clusters"]])
    found = _pairs([o["members"] for o in objs if o["type"] == "cluster"])
    direct = {tuple(sorted((o["a"], o["b"]))) for o in objs if o["type"] == "pair"}
    hit = len(found & gold_pairs)
    members = {(o["origin"], o["id"]): o for o in objs if o["type"] == "member"}
    planted = gold["drifts"]
    got = 0
    missed = []
    for d in planted:
        row = members.get((d["origin"], d["doc"]))
        s, e = d["span"]
        ok = row is not None and any(
            x["severity"] == "high" and x["b_span"][0] <= e + 1 and s - 1 <= x["b_span"][1]
            for x in row.get("drifts", [])
        )
        got += ok
        if not ok:
            missed.append({"doc": d["doc"], "kind": d["kind"], "text": d["text"]})
    origins = {c["origin"] for c in gold["clusters"]}
    return {
        "documents": head["documents"],
        "candidates": head["candidates"],
        "compared": head["compared"],
        "screened": head.get("screened", 0),
        "clusters": head["clusters"],
        "gold_clusters": len(gold["clusters"]),
        "gold_pairs": len(gold_pairs),
        "pair_recall": round(hit / len(gold_pairs), 4) if gold_pairs else 1.0,
        "pair_precision": round(hit / len(found), 4) if found else 1.0,
        "direct_pairs": len(direct),
        "direct_precision": round(len(direct & gold_pairs) / len(direct), 4) if direct else 1.0,
        "origins_right": sum(1 for o in objs if o["type"] == "cluster" and o["origin"] in origins),
        "planted_high_drifts": len(planted),
        "planted_high_found": round(got / len(planted), 4) if planted else 1.0,
        "missed_drifts": missed[:10],
    }


def minhash_bench(corpus: Path, limit: int = 1000) -> dict[str, float]:
    """Seconds to sign the passages of ``limit`` documents: our numpy code vs datasketch."""
    from datasketch import MinHash

    sys.path.insert(0, str(ROOT))
    from srcdiff.corpus import index as ix

    texts = []
    with open(sorted(corpus.glob("corpus-*.jsonl"))[0], encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    start = time.perf_counter()
    for t in texts:
        ix.band_keys(ix.signatures(ix.shingles(t)))
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for t in texts:
        w = ix.words(t)
        grams = [" ".join(w[i : i + ix.SHINGLE]).encode() for i in range(max(1, len(w) - 2))]
        for s in range(0, max(1, len(grams) - ix.WINDOW + ix.STRIDE), ix.STRIDE):
            m = MinHash(num_perm=ix.BANDS * ix.ROWS, seed=1)
            m.update_batch(grams[s : s + ix.WINDOW])
    theirs = time.perf_counter() - start
    return {
        "documents": len(texts),
        "numpy_seconds": round(ours, 2),
        "datasketch_seconds": round(theirs, 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--identical", action="store_true", help="also run on one threaded worker")
    p.add_argument("--out", type=Path, help="output file (default CORPUS/out.jsonl)")
    p.add_argument("--minhash", action="store_true", help="only time numpy vs datasketch MinHash")
    args = p.parse_args(argv)
    if args.minhash:
        print(json.dumps(minhash_bench(args.corpus)))
        return 0
    out = args.out or args.corpus / "out.jsonl"
    figures = run(args.corpus, out, ["--workers", str(args.workers), "-q"])
    result: dict[str, Any] = {**figures, **score(args.corpus, out)}
    if args.identical:
        other = out.with_suffix(".threads.jsonl")
        result["threads_seconds"] = run(args.corpus, other, ["--threads", "--workers", "1", "-q"])[
            "seconds"
        ]
        result["byte_identical"] = out.read_bytes() == other.read_bytes()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

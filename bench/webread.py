"""How well srcdiff reads web pages: trafilatura's evaluation set, scored as its own script does.

    python bench/webread.py PATH                  # srcdiff and trafilatura on the development half
    python bench/webread.py PATH --system srcdiff # srcdiff only
    python bench/webread.py PATH --held-out       # the held-out half instead (an independent check)

PATH is a folder holding ``evaldata.json`` with ``eval/`` and ``cache/`` beside it (the
``tests/`` folder of trafilatura's repository).  Nothing is copied or downloaded.

Scoring follows trafilatura's ``tests/evaluate.py`` and ``tests/eval_common.py``: for each page,
each "with" snippet found in the output (after collapsing whitespace) is a true positive, each
"without" snippet found a false positive; counts are summed over pages and precision, recall
and F1 computed from the sums.  A page that fails to read counts as a full miss.

For srcdiff two outputs are scored: its content (the paragraphs not marked as furniture) and
its whole page (every paragraph, furniture included; only its recall matters: nothing of the
main text may be lost).  Time is the wall-clock time to read one page (from its path to a
segmented Document for srcdiff, from bytes to text for trafilatura); the median is reported.

The pages are split by the SHA-1 of their file name (UTF-8): an even digest puts a page in the
development half, an odd one in the held-out half, which is printed only with ``--held-out``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, item: dict[str, Any], result: str | None) -> None:
        if result is None:
            tp = fp = 0
        else:
            text = norm(result)
            tp = sum(1 for w in item["with"] if norm(w) in text)
            fp = sum(1 for w in item["without"] if norm(w) in text)
        self.tp += tp
        self.fp += fp
        self.fn += len(item["with"]) - tp
        self.tn += len(item["without"]) - fp

    def scores(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return precision, recall, f1


def dev_half(name: str) -> bool:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 == 0


def pages(root: Path, held_out: bool) -> list[tuple[dict[str, Any], Path]]:
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    out = []
    for url in sorted(data):
        item = data[url]
        if dev_half(item["file"]) == held_out:
            continue
        for sub in ("cache", "eval"):
            path = root / sub / item["file"]
            if path.is_file():
                out.append((item, path))
                break
        else:
            raise SystemExit(f"webread: {url}: file not found: {item['file']}")
    return out


Reader = Callable[[Path], tuple[str | None, str | None]]
"""A page's path to (content, whole page); None when it could not be read."""


def srcdiff_reader() -> Reader:
    from srcdiff.errors import InputError
    from srcdiff.pipeline import make_document
    from srcdiff.read import read_input

    def read(path: Path) -> tuple[str | None, str | None]:
        try:
            doc = make_document(read_input(str(path)))
        except InputError:
            return None, None
        content = "\n".join(p.text for p in doc.paragraphs if not p.noise)
        return content, "\n".join(p.text for p in doc.paragraphs)

    return read


def trafilatura_reader() -> Reader:
    from trafilatura import extract

    def read(path: Path) -> tuple[str | None, str | None]:
        data = path.read_bytes()
        text = extract(data, fast=False, include_comments=False, include_tables=True,
                       include_formatting=False)  # fmt: skip
        return text, None

    return read


SYSTEMS: dict[str, Callable[[], Reader]] = {
    "srcdiff": srcdiff_reader,
    "trafilatura": trafilatura_reader,
}


def run(readers: dict[str, Reader], items: list[tuple[dict[str, Any], Path]]) -> dict[str, Any]:
    """Score each reader; the readers take turns on each page, so that the machine's load
    weighs on their times alike."""
    content = {name: Counts() for name in readers}
    whole = {name: Counts() for name in readers}
    times: dict[str, list[float]] = {name: [] for name in readers}
    failed = dict.fromkeys(readers, 0)
    for reader in readers.values():
        reader(items[0][1])  # pay lazy imports before timing
    for item, path in items:
        for name, reader in readers.items():
            start = time.perf_counter()
            text, page = reader(path)
            times[name].append(time.perf_counter() - start)
            failed[name] += text is None
            content[name].add(item, text)
            whole[name].add(item, page)
    out = {}
    for name in readers:
        p, r, f1 = content[name].scores()
        out[name] = {
            "pages": len(items),
            "failed": failed[name],
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "whole_page_recall": round(whole[name].scores()[1], 4),
            "median_ms": round(1000 * statistics.median(times[name]), 1),
            "total_s": round(sum(times[name]), 1),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="trafilatura's tests/ folder")
    parser.add_argument("--system", choices=sorted(SYSTEMS), action="append")
    parser.add_argument(
        "--held-out", action="store_true", help="score the held-out half (an independent check)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    items = pages(args.path, args.held_out)
    half = "held-out" if args.held_out else "development"
    names = args.system or sorted(SYSTEMS)
    results = run({name: SYSTEMS[name]() for name in names}, items)
    if args.json:
        print(json.dumps({"half": half, "results": results}, indent=2))
        return 0
    print(f"{half} half: {len(items)} pages")
    print(f"{'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'whole R':>8} {'median ms':>10} failed")
    for name, r in results.items():
        whole = f"{r['whole_page_recall']:.3f}" if name == "srcdiff" else "-"
        print(
            f"{name:<12} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
            f"{whole:>8} {r['median_ms']:10.1f} {r['failed']:6d}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

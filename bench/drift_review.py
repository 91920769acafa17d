"""What a reviewer faces: findings per severity, and planted changes found, on real pairs.

    python3 bench/drift_review.py [--list]

For the seed pairs, two faithful rewrites of seed articles (tests/data/faithful) and the
stories in tests/stories, prints the findings by severity, the
medium-and-above findings per 300 words of the shorter text (page furniture left out), and
for the stories' planted meaning changes (gold.json) whether a finding holds each one, with
its kind and severity. ``--list`` prints every medium and high finding.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.model import Comparison, Document, Drift, Severity  # noqa: E402
from srcdiff.pipeline import compare_paths  # noqa: E402

SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "stories"
FAITHFUL = ROOT / "tests" / "data" / "faithful"
PAIRS = [
    (
        "seeds bundle–backtranslated",
        SEEDS / "cnn-bundle-scrape.txt",
        SEEDS / "cnn-backtranslated.txt",
    ),
    ("seeds france24–ap", SEEDS / "france24-afp.txt", SEEDS / "ap.txt"),
    ("seeds bundle–ap", SEEDS / "cnn-bundle-scrape.txt", SEEDS / "ap.txt"),
    ("faithful ap–rewrite", SEEDS / "ap.txt", FAITHFUL / "ap-rewrite.txt"),
    ("faithful france24–rewrite", SEEDS / "france24-afp.txt", FAITHFUL / "france24-rewrite.txt"),
]
EXPECTED = {
    "number": "high",
    "negation": "high",
    "quote": "high",
    "hedge": "medium",
    "attribution": "medium",
    "entity": "medium",
    "wording": "medium",
}


def _words(doc: Document) -> int:
    return sum(len(p.text.split()) for p in doc.paragraphs if not p.noise)


def _touches(d: Drift, sa: int, la: int, sb: int, lb: int) -> bool:
    on_a = sa >= 0 and d.a_span[0] <= sa + la and sa <= d.a_span[1]
    return on_a or sb >= 0 and d.b_span[0] <= sb + lb and sb <= d.b_span[1]


def _planted(
    comp: Comparison, a: Document, b: Document, gold: list[dict[str, object]]
) -> list[tuple[str, Drift | None]]:
    """A line per planted change, with the finding that holds it (None: missed)."""
    out = []
    for g in gold:
        pa = a.paragraphs[int(str(g["a"]))] if g.get("a") is not None else None
        pb = b.paragraphs[int(str(g["b"]))] if g.get("b") is not None else None
        ta, tb = str(g.get("a_text", "")), str(g.get("b_text", ""))
        sa = a.text.find(ta, pa.start) if pa and ta else -1
        sb = b.text.find(tb, pb.start) if pb and tb else -1
        hit = None
        for d in comp.drifts:
            if _touches(d, sa, len(ta), sb, len(tb)) and (
                hit is None or d.severity.rank > hit.severity.rank
            ):
                hit = d
        kind = str(g["kind"])
        if hit is None:
            out.append((f"    MISSED  {kind}: {ta!r} → {tb!r}", None))
            continue
        ok = hit.severity.value == EXPECTED.get(kind) and kind in hit.kinds
        mark = "ok    " if ok else "differs"
        out.append(
            (
                f"    {mark}  {kind} ({EXPECTED.get(kind)}): {ta!r} → {tb!r}  got "
                f"{hit.severity.value} {'+'.join(hit.kinds)}",
                hit,
            )
        )
    return out


def _report(name: str, a: Path, b: Path, gold: list[dict[str, object]], show: bool) -> None:
    rep = compare_paths([str(a), str(b)])
    comp = rep.comparisons[0]
    da, db = rep.documents
    sev = Counter(d.severity for d in comp.drifts)
    words = min(_words(da), _words(db))
    review = sev[Severity.HIGH] + sev[Severity.MEDIUM]
    planted = _planted(comp, da, db, gold)
    # the findings to review that hold a planted change (one may hold two)
    found = len({hit.id for _, hit in planted if hit and hit.severity is not Severity.LOW})
    beyond = f"; {(review - found) / words * 300:.1f} beyond the planted changes" if gold else ""
    print(
        f"{name}: {len(comp.drifts)} findings: high {sev[Severity.HIGH]}, medium "
        f"{sev[Severity.MEDIUM]}, low {sev[Severity.LOW]}; {review / words * 300:.1f} "
        f"medium+high per 300 words{beyond} ({words} words)"
    )
    if show:
        for d in comp.drifts:
            if d.severity is not Severity.LOW:
                print(f"    {d.severity.value:<6} {'+'.join(d.kinds)}: {d.explanation}")
    for line, _hit in planted:
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="print every medium and high finding")
    args = ap.parse_args()
    for name, a, b in PAIRS:
        _report(name, a, b, [], args.list)
    for story in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
        for other in ("rewrite", "backtranslated"):
            planted = [g for g in gold["drifts"] if g["pair"] == f"wire-{other}"]
            _report(
                f"{story.name} wire–{other}",
                story / "wire.txt",
                story / f"{other}.txt",
                planted,
                args.list,
            )


if __name__ == "__main__":
    main()

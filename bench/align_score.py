"""Score srcdiff's alignment on real revision pairs against gold paragraph groups.

    python bench/align_score.py                 # Bible and licence dev pairs, big pairs
    python bench/align_score.py --only licence  # one family (bible, licence, big)
    python bench/align_score.py --show MPL      # list the pairs that differ from gold

srcdiff's paragraphs are mapped onto the gold paragraphs (blank-line stretches)
by character offsets: a tool paragraph stands for every gold paragraph it
overlaps.  Each block srcdiff pairs asserts every combination of a gold
paragraph on its A side with one on its B side; a gold group asserts the same
for its own paragraphs.  Reported:

* **recall**: of the gold combinations, the share srcdiff asserts;
* **precision**: of the combinations srcdiff asserts, the share that are gold;
* **one-sided right**: of the gold paragraphs that only one side has, the share
  srcdiff leaves in no pair.

The big near-duplicate pairs (``bench/corpus.py``) are scored as ``bench/run.py``
does (the share of paragraphs paired exactly right), plus a variant with 3% of
paragraphs deleted from each side.  Alignment runs in process (``plan``), with no
word diff; its CPU time is reported.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import align_data  # noqa: E402
import corpus  # noqa: E402
import score  # noqa: E402

try:
    from srcdiff.align import plan  # noqa: E402
except ImportError:  # a checkout from before the align package (for side-by-side figures)
    from srcdiff.pipeline import plan  # type: ignore[attr-defined,no-redef]  # noqa: E402
from srcdiff.pipeline import document_from_text  # noqa: E402

Blocks = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass(frozen=True)
class PairScore:
    name: str
    gold: int
    asserted: int
    hit: int
    one_sided: int
    one_sided_right: int
    seconds: float
    wrong: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
    missed: tuple[tuple[int, int], ...] = ()
    lone_paired: tuple[str, ...] = ()
    """The gold one-sided paragraphs srcdiff paired, as "a14" or "b7"."""

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.hit / self.asserted if self.asserted else 1.0

    @property
    def one_sided_share(self) -> float:
        return self.one_sided_right / self.one_sided if self.one_sided else 1.0


def _mapper(tool: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> list[set[int]]:
    """For each tool paragraph, the gold paragraphs it overlaps."""
    out: list[set[int]] = []
    g = 0
    for s, e in tool:
        while g < len(gold) and gold[g][1] <= s:
            g += 1
        hit = set()
        k = g
        while k < len(gold) and gold[k][0] < e:
            hit.add(k)
            k += 1
        out.append(hit)
    return out


def run_plan(
    a_text: str, b_text: str
) -> tuple[Blocks, list[tuple[int, int]], list[tuple[int, int]], float]:
    """srcdiff's paired blocks, both sides' paragraph spans and the alignment's CPU time."""
    da, db = document_from_text(a_text, "a"), document_from_text(b_text, "b")
    t0 = time.process_time()
    slots = plan(da, db)
    took = time.process_time() - t0
    blocks: Blocks = []
    for s in slots:
        if s.link is not None:
            blocks.append((s.link.a, s.link.b))
        elif s.side == "a":
            blocks.append(((s.index,), ()))
        else:
            blocks.append(((), (s.index,)))
    spans_a = [(p.start, p.end) for p in da.paragraphs]
    spans_b = [(p.start, p.end) for p in db.paragraphs]
    return blocks, spans_a, spans_b, took


def score_pair(pair: align_data.GoldPair) -> PairScore:
    blocks, spans_a, spans_b, took = run_plan(pair.a, pair.b)
    ma, mb = _mapper(spans_a, pair.a_spans), _mapper(spans_b, pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    asserted: set[tuple[int, int]] = set()
    wrong = []
    for ba, bb in blocks:
        if not ba or not bb:
            continue
        sa = sorted(set().union(*(ma[i] for i in ba)))
        sb = sorted(set().union(*(mb[j] for j in bb)))
        combos = {(i, j) for i in sa for j in sb}
        asserted |= combos
        if combos - gold:
            wrong.append((tuple(sa), tuple(sb)))
    in_a = {i for ga, _ in pair.groups for i in ga}
    in_b = {j for _, gb in pair.groups for j in gb}
    lone_a = [i for i in range(len(pair.a_spans)) if i not in in_a]
    lone_b = [j for j in range(len(pair.b_spans)) if j not in in_b]
    paired_a = {i for i, _ in asserted}
    paired_b = {j for _, j in asserted}
    right = sum(1 for i in lone_a if i not in paired_a) + sum(
        1 for j in lone_b if j not in paired_b
    )
    return PairScore(
        pair.name,
        len(gold),
        len(asserted),
        len(gold & asserted),
        len(lone_a) + len(lone_b),
        right,
        took,
        tuple(wrong),
        tuple(sorted(gold - asserted)),
        tuple(
            [f"a{i}" for i in lone_a if i in paired_a] + [f"b{j}" for j in lone_b if j in paired_b]
        ),
    )


def score_big(pair: corpus.Pair) -> tuple[float, float, dict[str, int]]:
    a_text, a_spans = corpus.join_paragraphs(pair.a)
    b_text, b_spans = corpus.join_paragraphs(pair.b)
    blocks, spans_a, spans_b, took = run_plan(a_text, b_text)
    truth: dict[str, Any] = {
        "a_spans": a_spans,
        "b_spans": b_spans,
        "a_to_b": pair.a_to_b,
        "b_to_a": pair.b_to_a,
    }
    s = score.score_blocks(blocks, truth, spans_a, spans_b)
    return s.share, took, dict(s.errors)


def _rows(scores: Iterable[PairScore]) -> list[PairScore]:
    rows = list(scores)
    for r in rows:
        print(
            f"  {r.name:28} recall {r.recall:.4f} ({r.hit}/{r.gold})  "
            f"precision {r.precision:.4f} ({r.hit}/{r.asserted})  "
            f"one-sided right {r.one_sided_share:.3f} ({r.one_sided_right}/{r.one_sided})  "
            f"{r.seconds:.2f} s"
        )
    return rows


def _total(label: str, rows: Sequence[PairScore]) -> dict[str, float]:
    gold = sum(r.gold for r in rows)
    asserted = sum(r.asserted for r in rows)
    hit = sum(r.hit for r in rows)
    lone = sum(r.one_sided for r in rows)
    right = sum(r.one_sided_right for r in rows)
    out = {
        "recall": hit / gold if gold else 1.0,
        "precision": hit / asserted if asserted else 1.0,
        "one_sided_right": right / lone if lone else 1.0,
    }
    print(
        f"  {label:28} recall {out['recall']:.4f}  precision {out['precision']:.4f}  "
        f"one-sided right {out['one_sided_right']:.3f} ({right}/{lone})"
    )
    return out


def _show(rows: Sequence[PairScore], pattern: str, pairs: Sequence[align_data.GoldPair]) -> None:
    texts = {p.name: p for p in pairs}
    for r in rows:
        if pattern not in r.name:
            continue
        p = texts[r.name]
        print(f"\n== {r.name}: wrong blocks")
        for sa, sb in r.wrong:
            print(f"  A{list(sa)} ~ B{list(sb)}")
            for i in sa:
                s, e = p.a_spans[i]
                print(f"     a{i}: {p.a[s:e][:100]!r}")
            for j in sb:
                s, e = p.b_spans[j]
                print(f"     b{j}: {p.b[s:e][:100]!r}")
        print(f"== {r.name}: one-sided in gold, paired: {' '.join(r.lone_paired) or '(none)'}")
        print(f"== {r.name}: gold pairs missed")
        for i, j in r.missed:
            print(f"  a{i}: {p.a[slice(*p.a_spans[i])][:90]!r}")
            print(f"  b{j}: {p.b[slice(*p.b_spans[j])][:90]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=("bible", "licence", "big"))
    ap.add_argument("--show", default="", help="list wrong and missed pairs of matching pairs")
    args = ap.parse_args(argv)
    if args.only in (None, "bible"):
        print("Bible translations (KJV vs WEB, regrouped, moved, dropped):")
        bible = align_data.bible_pairs()
        rows = _rows(map(score_pair, bible))
        _total("all", rows)
        if args.show:
            _show(rows, args.show, bible)
    if args.only in (None, "licence"):
        print("Licence revisions:")
        lic = align_data.licence_pairs()
        rows = _rows(map(score_pair, lic))
        _total("all", rows)
        if args.show:
            _show(rows, args.show, lic)
    if args.only in (None, "big"):
        print("Near-duplicate big pairs (share of paragraphs paired exactly right):")
        for pair in corpus.big_pairs():
            share, took, errors = score_big(pair)
            print(f"  {pair.name:28} paired right {share:.4f}  align {took:.2f} s CPU  {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

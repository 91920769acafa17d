"""Calibrate alignment's evidence model on the real dev pairs (not on the stories).

    python bench/align_calibrate.py

For every dev pair (Bible translations, licence revisions, the big pair with
deletions) it takes the blocks srcdiff pairs and the gold groups, and prints
the evidence (``Chance.z``) of

* the blocks srcdiff asserts that are gold (all their combinations gold),
* the blocks srcdiff asserts that are wrong (none gold),
* the gold groups, and pairs of gold neighbours, srcdiff misses,

as quantiles, so that the threshold that keeps gold pairs and drops wrong ones
can be read off.  ``docs/align.md`` records the figures and the choice.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import align_data  # noqa: E402
import align_score  # noqa: E402
import corpus  # noqa: E402

from srcdiff.align import core, gate, order, parts, plan  # noqa: E402
from srcdiff.align.evidence import Chance  # noqa: E402
from srcdiff.align.units import Vocabulary, sentences_of  # noqa: E402
from srcdiff.model import Document  # noqa: E402
from srcdiff.pipeline import document_from_text  # noqa: E402


def _bags(
    da: Document, db: Document
) -> tuple[Chance, dict[int, Counter[int]], dict[int, Counter[int]]]:
    sa, sb = sentences_of(da.text, da.paragraphs), sentences_of(db.text, db.paragraphs)
    vocab = Vocabulary(s[3] for s in chain(sa, sb))
    pa, pb = vocab.bags(0, sa), vocab.bags(1, sb)
    return Chance.of(pa, pb), {u.para: u.keys for u in pa}, {u.para: u.keys for u in pb}


def _sum(bags: dict[int, Counter[int]], idx: Sequence[int]) -> Counter[int]:
    out: Counter[int] = Counter()
    for i in idx:
        out.update(bags.get(i, Counter()))
    return out


def collect(pair: align_data.GoldPair, out: dict[str, list[tuple[float, float]]]) -> None:
    """Evidence and best rival of every link the passes propose (the gate open), by label."""
    da, db = document_from_text(pair.a, "a"), document_from_text(pair.b, "b")
    ma = align_score._mapper([(p.start, p.end) for p in da.paragraphs], pair.a_spans)
    mb = align_score._mapper([(p.start, p.end) for p in db.paragraphs], pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    seen: list[gate.Weighed] = []

    def record(*args: Any) -> list[gate.Weighed]:
        weighed = gate.weigh(*args)
        seen.extend(weighed)
        return weighed

    with mock.patch.object(core, "weigh", record):
        plan(da, db)
    for w in seen:
        sa = set().union(*(ma[i] for i in w.link.a))
        sb = set().union(*(mb[j] for j in w.link.b))
        combos = {(i, j) for i in sa for j in sb}
        label = "gold" if combos <= gold else "wrong" if not combos & gold else "partly gold"
        out[label].append((w.z, w.rival))


def collect_far(pair: align_data.GoldPair, out: dict[str, list[tuple[float, float]]]) -> None:
    """Evidence and cover of every far join ``parts.join_far`` weighs, by the label of the join."""
    da, db = document_from_text(pair.a, "a"), document_from_text(pair.b, "b")
    ma = align_score._mapper([(p.start, p.end) for p in da.paragraphs], pair.a_spans)
    mb = align_score._mapper([(p.start, p.end) for p in db.paragraphs], pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    orig = parts.join_far

    def record(links: Any, chance: Any, bags_a: Any, bags_b: Any, cands: Any) -> Any:
        for z, cover, side, x, k in parts.far_joins(
            links, chance, bags_a, bags_b, cands, every=True
        ):
            lk = links[k]
            if z < parts.Z_CROSS / 2:
                continue
            other = lk.b if side == 0 else lk.a
            mine, theirs = (ma, mb) if side == 0 else (mb, ma)
            combos = {(g, h) for g in mine[x] for y in other for h in theirs[y]}
            if side == 1:
                combos = {(h, g) for g, h in combos}
            label = "gold" if combos <= gold else "wrong" if not combos & gold else "partly gold"
            out[label].append((z, cover))
        return orig(links, chance, bags_a, bags_b, cands)

    with mock.patch.object(core, "join_far", record):
        plan(da, db)


def collect_gaps(pair: align_data.GoldPair, out: dict[str, list[tuple[float, int]]]) -> None:
    """Evidence and shared keys of every link the gaps and runs find, ``MIN_SHARED`` off."""
    da, db = document_from_text(pair.a, "a"), document_from_text(pair.b, "b")
    ma = align_score._mapper([(p.start, p.end) for p in da.paragraphs], pair.a_spans)
    mb = align_score._mapper([(p.start, p.end) for p in db.paragraphs], pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    orig = order._gap_links

    def record(gap_a: Any, gap_b: Any, chance: Any, bags_a: Any, bags_b: Any, heads: Any) -> Any:
        found = orig(gap_a, gap_b, chance, bags_a, bags_b, heads)
        for lk in found:
            ka, kb = _sum(bags_a, lk.a), _sum(bags_b, lk.b)
            sa = set().union(*(ma[i] for i in lk.a))
            sb = set().union(*(mb[j] for j in lk.b))
            combos = {(i, j) for i in sa for j in sb}
            label = "gold" if combos <= gold else "wrong" if not combos & gold else "partly gold"
            out[label].append((chance.z(ka, kb), len(ka.keys() & kb.keys())))
        return found

    with mock.patch.object(order, "_gap_links", record), mock.patch.object(order, "MIN_SHARED", 1):
        plan(da, db)


def collect_clear(pair: align_data.GoldPair, out: dict[str, list[tuple[float, bool]]]) -> None:
    """For every pair the gaps and runs choose: what the gap's order loses without it (the
    margin ``order._clear`` asks of it), whether it stays, by the gold label of the pair."""
    da, db = document_from_text(pair.a, "a"), document_from_text(pair.b, "b")
    ma = align_score._mapper([(p.start, p.end) for p in da.paragraphs], pair.a_spans)
    mb = align_score._mapper([(p.start, p.end) for p in db.paragraphs], pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    orig = order._clear

    def record(i: int, j: int, ga: Any, gb: Any, cells: Any, heads: Any, *rest: Any) -> bool:
        kept = orig(i, j, ga, gb, cells, heads, *rest)
        combos = {(g, h) for g in ma[i] for h in mb[j]}
        label = "gold" if combos <= gold else "wrong" if not combos & gold else "partly gold"
        out[label].append((order.alternative(i, j, cells, heads)[0], kept))
        return kept

    with mock.patch.object(order, "_clear", record):
        plan(da, db)


def collect_attach(pair: align_data.GoldPair, out: dict[str, list[tuple[float, float]]]) -> None:
    """For every free paragraph right beside a link ``order.attach_parts`` weighs: its evidence
    as a part and the bar it must reach there (``Z_CROSS`` beside a far part), by gold label."""
    da, db = document_from_text(pair.a, "a"), document_from_text(pair.b, "b")
    ma = align_score._mapper([(p.start, p.end) for p in da.paragraphs], pair.a_spans)
    mb = align_score._mapper([(p.start, p.end) for p in db.paragraphs], pair.b_spans)
    gold = {(i, j) for ga, gb in pair.groups for i in ga for j in gb}
    orig = order._extend

    def record(own: Any, gap: Any, used: Any, z: Any, bars: Any = None) -> None:
        if bars is not None:
            side = 0 if z.func is order.part_a else 1
            other = z.args[4] if side == 0 else z.args[3]
            mine, theirs = (ma, mb) if side == 0 else (mb, ma)
            for step, bar in zip((-1, 1), bars, strict=True):
                x = (min(own) if step < 0 else max(own)) + step
                if x in gap and x not in used and z(x) >= order.Z_ORDER:
                    combos = {(g, h) for g in mine[x] for y in other for h in theirs[y]}
                    if side == 1:
                        combos = {(h, g) for g, h in combos}
                    label = "gold" if combos <= gold else "wrong" if not combos & gold else "partly"
                    out[label].append((z(x), bar))
            orig(own, gap, used, z, bars)
        else:
            orig(own, gap, used, z)

    with mock.patch.object(order, "_extend", record):
        plan(da, db)


def _attach_table(name: str, pairs: Sequence[align_data.GoldPair]) -> None:
    out: dict[str, list[tuple[float, float]]] = {"gold": [], "partly": [], "wrong": []}
    for p in pairs:
        collect_attach(p, out)
    print(f"{name}: parts beside a link weighed at z >= {order.Z_ORDER:.0f}, (z, bar) by label")
    for label, found in out.items():
        if found:
            far = sum(1 for _z, bar in found if bar > order.Z_ORDER)
            print(
                f"  {label:12} n={len(found):4}  beside a far part: {far}   (z, bar):",
                " ".join(f"{z:.1f},{bar:.0f}" for z, bar in sorted(found)),
            )


def _clear_table(name: str, pairs: Sequence[align_data.GoldPair]) -> None:
    out: dict[str, list[tuple[float, bool]]] = {"gold": [], "partly gold": [], "wrong": []}
    for p in pairs:
        collect_clear(p, out)
    print(f"{name}: pairs the gaps and runs choose, by what their order loses without them")
    for label, found in out.items():
        if found:
            print(
                f"  {label:12} n={len(found):4}  loss < 0.8: "
                f"{sum(1 for v, _k in found if v < 0.8)}, < 2: "
                f"{sum(1 for v, _k in found if v < 2)}, left out: "
                f"{sum(1 for _v, k in found if not k)}   lowest losses:",
                " ".join(f"{v:.2f}" for v, _k in sorted(found)[:6]),
            )


def _gap_table(name: str, pairs: Sequence[align_data.GoldPair]) -> None:
    out: dict[str, list[tuple[float, int]]] = {"gold": [], "partly gold": [], "wrong": []}
    for p in pairs:
        collect_gaps(p, out)
    print(f"{name}: links in gaps and runs with one key in common allowed, by their gold label")
    for label, found in out.items():
        if found:
            keys = Counter(min(n, 3) for _z, n in found)
            print(
                f"  {label:12} n={len(found):4}  sharing 1 key: {keys[1]}, 2: {keys[2]}, "
                f"3 or more: {keys[3]}   (z, keys) of the fewest-key ones:",
                " ".join(f"{z:.1f},{n}" for z, n in sorted(found, key=lambda t: t[1])[:6]),
            )


def _far_table(name: str, pairs: Sequence[align_data.GoldPair]) -> None:
    out: dict[str, list[tuple[float, float]]] = {"gold": [], "partly gold": [], "wrong": []}
    for p in pairs:
        collect_far(p, out)
    print(f"{name}: far joins weighed (z >= {parts.Z_CROSS / 2:.0f}), by their gold label")
    for label, found in out.items():
        if not found:
            continue
        print(f"  {label:12} n={len(found):5}", end="")
        for cover in (0.0, 0.3, 0.4, 0.5, 0.6):
            kept = sum(1 for z, c in found if z >= parts.Z_CROSS and c >= cover)
            print(f"  cover {cover:.1f}: {kept:3} kept", end="")
        print("   (z, cover):", " ".join(f"{z:.1f},{c:.2f}" for z, c in sorted(found)[-12:]))


def _big(pair: corpus.Pair) -> align_data.GoldPair:
    a_text, a_spans = corpus.join_paragraphs(pair.a)
    b_text, b_spans = corpus.join_paragraphs(pair.b)
    groups = []
    for i, js in enumerate(pair.a_to_b):
        if js and all(pair.b_to_a[j] == (i,) for j in js):
            groups.append(((i,), tuple(js)))
    for j, src in enumerate(pair.b_to_a):
        if len(src) > 1:
            groups.append((tuple(src), (j,)))
    return align_data.GoldPair(
        pair.name, a_text, b_text, tuple(a_spans), tuple(b_spans), tuple(groups)
    )


def main() -> int:
    families = {
        "bible": align_data.bible_pairs(),
        "licence": align_data.licence_pairs(),
        "big": [_big(corpus.big_pairs()[1])],
    }
    for name, pairs in families.items():
        out: dict[str, list[tuple[float, float]]] = {"gold": [], "partly gold": [], "wrong": []}
        for p in pairs:
            collect(p, out)
        print(f"{name}: links the passes propose, by their gold label")
        for label, found in out.items():
            if not found:
                continue
            print(f"  {label:12} n={len(found):5}")
            for z_min in (2.0, 3.0, 4.0):
                for margin in (0.0, 0.8, 2.0, 3.0):
                    kept = sum(
                        1 for z, r in found if z >= gate.Z_SURE or (z >= z_min and z - r >= margin)
                    )
                    print(f"    z >= {z_min:.0f}, margin {margin:.1f}: {kept:5} kept", end="")
                print()
    for name, pairs in families.items():
        _gap_table(name, pairs)
        _clear_table(name, pairs)
        _attach_table(name, pairs)
        _far_table(name, pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

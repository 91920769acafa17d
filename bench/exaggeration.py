"""Claim strength on the exaggeration-detection development set (paper vs press release).

    python bench/exaggeration.py /path/to/exaggeration/            # direct: profile + compare
    python bench/exaggeration.py /path/to/exaggeration/ --mode e2e  # through `srcdiff a b --json`
    python bench/exaggeration.py /path/to/exaggeration/ --mode both

The directory holds ``dev.jsonl`` (one pair a line: ``abstract_conclusion`` as A,
``press_release_conclusion`` as B, their ``abstract_strength`` / ``press_release_strength``
0–3 and the pair's ``exaggeration_label``). A pair is called ``exaggerates`` when it has more
stronger changes than weaker ones, ``downplays`` for the reverse, else ``same``. Printed: the
macro-F1 and confusion matrix of that label, the accuracy of the per-sentence causal strength
0–3, and the same figures for a baseline that only looks for may/might/could/suggests/
associated. The end-to-end mode reads the ``direction`` of the drifts in srcdiff's JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.strength import causal_strength, compare, direction_of, profile  # noqa: E402

LABELS = ("same", "exaggerates", "downplays")
_FIELDS = (
    "abstract_conclusion",
    "press_release_conclusion",
    "abstract_strength",
    "press_release_strength",
    "exaggeration_label",
)


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    strength_a: int
    strength_b: int
    label: str


class BadInput(Exception):
    pass


def load(path: Path) -> list[Pair]:
    file = path / "dev.jsonl" if path.is_dir() else path
    if not file.is_file():
        raise BadInput(f"{file}: no such file (expected the directory holding dev.jsonl)")
    pairs: list[Pair] = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadInput(f"{file}:{n}: not JSON ({e.msg})") from None
        missing = [f for f in _FIELDS if f not in row]
        if missing:
            raise BadInput(f"{file}:{n}: missing field {missing[0]!r}")
        if row["exaggeration_label"] not in LABELS:
            raise BadInput(f"{file}:{n}: unknown label {row['exaggeration_label']!r}")
        pairs.append(
            Pair(
                str(row["abstract_conclusion"]),
                str(row["press_release_conclusion"]),
                int(row["abstract_strength"]),
                int(row["press_release_strength"]),
                str(row["exaggeration_label"]),
            )
        )
    if not pairs:
        raise BadInput(f"{file}: no pairs")
    return pairs


def label_of(stronger: int, weaker: int) -> str:
    if stronger > weaker:
        return "exaggerates"
    if weaker > stronger:
        return "downplays"
    return "same"


def direct_label(pair: Pair) -> str:
    direction = direction_of(compare(profile(pair.a), profile(pair.b)))
    return label_of(int(direction == "stronger"), int(direction == "weaker"))


def causal_label(pair: Pair) -> str:
    """The label from the two sentences' causal strength alone (how the data set derives it)."""
    d = causal_strength(pair.b) - causal_strength(pair.a)
    return label_of(int(d > 0), int(d < 0))


_BASELINE_HEDGES = ("may", "might", "could", "suggest")


def baseline_strength(sentence: str) -> int:
    """Associated: correlational; may/might/could/suggests: conditional; else direct."""
    words = sentence.lower().replace(",", " ").replace(".", " ").split()
    if any(w.startswith("associat") for w in words):
        return 1
    if any(w.startswith(h) for w in words for h in _BASELINE_HEDGES):
        return 2
    return 3


def baseline_label(pair: Pair) -> str:
    d = baseline_strength(pair.b) - baseline_strength(pair.a)
    return label_of(int(d > 0), int(d < 0))


_CUE_WORD = re.compile(r"\b(?:may|might|could|suggests?|associated)\b")


def baseline_count_label(pair: Pair) -> str:
    """Fewer may/might/could/suggests/associated in B than in A: exaggerates; more: downplays."""
    a = len(_CUE_WORD.findall(pair.a.lower()))
    b = len(_CUE_WORD.findall(pair.b.lower()))
    return label_of(int(b < a), int(b > a))


@dataclass(frozen=True)
class Run:
    """The drifts srcdiff reported for one pair."""

    stronger: int
    weaker: int
    drifts: int
    with_direction: int


class Failed(Exception):
    pass


def e2e_run(pair: Pair, work: Path) -> Run:
    a, b = work / "a.txt", work / "b.txt"
    a.write_text(pair.a + "\n", encoding="utf-8")
    b.write_text(pair.b + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "srcdiff", str(a), str(b), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode not in (0, 1):
        raise Failed(f"srcdiff exited {out.returncode}: {out.stderr.strip()[:200]}")
    try:
        doc = json.loads(out.stdout)
    except json.JSONDecodeError:
        why = out.stderr.strip().splitlines()[-1:] or ["no output"]
        raise Failed(f"srcdiff printed no JSON (exit {out.returncode}): {why[0][:200]}") from None
    drifts = [d for c in doc.get("comparisons", []) for d in c["drifts"]]
    return Run(
        sum(d.get("direction") == "stronger" for d in drifts),
        sum(d.get("direction") == "weaker" for d in drifts),
        len(drifts),
        sum("direction" in d for d in drifts),
    )


def e2e_report(pairs: Sequence[Pair]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        try:
            runs = [e2e_run(p, Path(tmp)) for p in pairs]
        except (Failed, KeyError, subprocess.TimeoutExpired) as e:
            print(f"\nend-to-end: not measured: {e}")
            return
    drifts = sum(r.drifts for r in runs)
    directed = sum(r.with_direction for r in runs)
    print(f"\nend-to-end: {drifts} drifts over {len(runs)} pairs, {directed} with a direction")
    if not directed:
        print("end-to-end: not measured: no drift in srcdiff's JSON has a 'direction' field")
        return
    pred = [label_of(r.stronger, r.weaker) for r in runs]
    report("end-to-end: srcdiff a b --json, drift directions", [p.label for p in pairs], pred)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    scores = []
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab != p for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def report(name: str, gold: Sequence[str], pred: Sequence[str]) -> None:
    print(
        f"\n{name}: macro-F1 {macro_f1(gold, pred):.3f}  accuracy "
        f"{sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold):.3f}"
    )
    print("  " + "gold \\ predicted".ljust(18) + "".join(f"{lab:>13}" for lab in LABELS))
    for g in LABELS:
        row = [sum(x == g and y == p for x, y in zip(gold, pred, strict=True)) for p in LABELS]
        print(f"  {g:<18}" + "".join(f"{n:>13}" for n in row))


def strength_report(name: str, pairs: Sequence[Pair], fn: Callable[[str], int]) -> None:
    gold = [p.strength_a for p in pairs] + [p.strength_b for p in pairs]
    pred = [fn(p.a) for p in pairs] + [fn(p.b) for p in pairs]
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    print(
        f"\n{name}: per-sentence causal strength 0–3: accuracy {right / len(gold):.3f} "
        f"({right}/{len(gold)})"
    )
    print("  gold \\ predicted      0      1      2      3")
    for g in range(4):
        row = [sum(x == g and y == p for x, y in zip(gold, pred, strict=True)) for p in range(4)]
        print(f"  {g:<18}" + "".join(f"{n:>7}" for n in row))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="directory holding dev.jsonl, or the file")
    ap.add_argument("--mode", choices=("direct", "e2e", "both"), default="direct")
    args = ap.parse_args(argv)
    try:
        pairs = load(args.path)
    except (BadInput, OSError, UnicodeDecodeError) as e:
        print(f"exaggeration: {e}", file=sys.stderr)
        return 2
    gold = [p.label for p in pairs]
    print(f"{len(pairs)} pairs: " + ", ".join(f"{lab} {gold.count(lab)}" for lab in LABELS))
    report(
        "baseline: may/might/could/suggests conditional, associated correlational, else direct",
        gold,
        [baseline_label(p) for p in pairs],
    )
    report(
        "baseline: fewer of may/might/could/suggests/associated in B exaggerates",
        gold,
        [baseline_count_label(p) for p in pairs],
    )
    strength_report("baseline", pairs, baseline_strength)
    if args.mode in ("direct", "both"):
        report(
            "direct: stronger vs weaker changes on all scales",
            gold,
            [direct_label(p) for p in pairs],
        )
        report("direct: causal strength alone", gold, [causal_label(p) for p in pairs])
        strength_report("direct", pairs, causal_strength)
    if args.mode in ("e2e", "both"):
        e2e_report(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

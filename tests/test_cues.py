"""``strength.reach``: every cue span a reading may take lies inside the passage's reach.

The claim rules skip a window whose reach meets no changed word; a reading span outside
the reach would be a scale change lost without a trace, so the cover is checked on every
sentence of the stories and rewrites, on every pair of the scale table, and on generated
hedged, negated and attributed claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from srcdiff.model import Span
from srcdiff.segment import sentence_spans
from srcdiff.strength import profile, profile_of, reach, read_cues
from srcdiff.strength.cues import CAUSAL_BEFORE

from .test_strength import PAIRS, sentences

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "stories").glob("*/*.txt")) + sorted(
    (ROOT / "tests" / "data" / "faithful").glob("*.txt")
)


def _uncovered(text: str) -> list[tuple[str, Span]]:
    """The reading spans of ``text`` with a character (ends included) outside its reach."""
    spans = reach(read_cues(text))
    out = []
    for r in profile(text).readings:
        if r.span is None:
            continue
        lo, hi = r.span
        if any(not any(s <= p <= e for s, e in spans) for p in range(lo, hi + 1)):
            out.append((r.scale, r.span))
    return out


def _sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reach_covers_every_reading_of_real_sentences(path: Path) -> None:
    found = [(s, _uncovered(s)) for s in _sentences(path)]
    assert [f for f in found if f[1]] == []
    assert sum(1 for s in _sentences(path) if reach(read_cues(s))) > 0


@pytest.mark.parametrize("a", [a for _s, a, _b, _r in PAIRS] + [b for _s, _a, b, _r in PAIRS])
def test_reach_covers_the_scale_table(a: str) -> None:
    assert _uncovered(a) == []


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_reach_covers_generated_claims(s: str) -> None:
    assert _uncovered(s) == []


def test_a_hedge_and_a_negator_before_a_causal_cue_are_in_reach() -> None:
    s = "Officials said the new drug did not, in the end, really cause any harm."
    assert _uncovered(s) == []
    (lo, hi), *_ = sorted(reach(read_cues(s)))
    assert lo <= s.index("not") and CAUSAL_BEFORE > 0


def test_a_passage_without_cues_has_no_reach() -> None:
    cues = read_cues("The blue house stood by the river.")
    assert reach(cues) == ()
    assert profile_of(cues) == profile("The blue house stood by the river.")

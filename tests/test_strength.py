"""Claim strength: each scale in both directions, negation, paraphrase, the swap property."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srcdiff.model import Severity
from srcdiff.strength import Reading, ScaleChange, causal_strength, compare, direction_of, profile
from srcdiff.strength.scales import SCALES, SEVERITY

ROOT = Path(__file__).resolve().parent.parent

# One pair a line: scale ("!" when the change is a reversal) | A | B, B the stronger claim.
_TABLE = """
causality | Eating walnuts is associated with better memory. | Eating walnuts improves memory.
causality | Regular walks may lower blood pressure. | Regular walks lower blood pressure.
causality | Loud music is tied to hearing loss. | Loud music could cause hearing loss.
causality! | The new law does not reduce crime. | The new law reduces crime.
causality! | Shift work isn't linked to diabetes. | Shift work is linked to diabetes.
certainty | The pilot trial found the app helps sleep. | The trial found the app helps sleep.
certainty | Taxes will probably rise next spring. | Taxes will rise next spring.
certainty | The bridge is safe. | The bridge is clearly safe.
evidence | The tests suggest the well water is clean. | The tests prove the well water is clean.
scope | The compound slowed tumour growth in mice. | The compound slowed tumour growth.
scope | The extract killed bacteria in vitro. | The extract killed bacteria in rats.
scope | In a small study of 40 people, the drink improved focus. | The drink improved focus.
scope | Yoga eased back pain among older women. | Yoga eased back pain.
quantifier | Some voters back the plan. | All voters back the plan.
quantifier | Few residents use the bus line. | Most residents use the bus line.
quantifier! | None of the wells were dry. | Some of the wells were dry.
frequency | The mayor sometimes walks to work. | The mayor always walks to work.
frequency! | The valve never fails in the cold. | The valve rarely fails in the cold.
comparison! | Norway exports as much salmon as Chile. | Norway exports more salmon than Chile.
comparison! | The town spends less on roads than parks. | The town spends more on roads than parks.
bound! | Up to 300 homes lost power. | At least 300 homes lost power.
bound | About 300 homes lost power. | More than 300 homes lost power.
modality | The council plans to build a bridge. | The council will build a bridge.
attribution | The minister claimed the budget balanced. | The minister said the budget balanced.
attribution | The minister said the budget balanced. | The minister admitted the budget balanced.
source | The plant will close, officials said. | The plant will close, Jane Tell said.
"""
PAIRS = [
    (scale.rstrip("!"), a, b, scale.endswith("!"))
    for scale, a, b in (
        tuple(part.strip() for part in line.split("|")) for line in _TABLE.strip().splitlines()
    )
]


def _only(changes: tuple[ScaleChange, ...]) -> ScaleChange:
    assert len(changes) == 1, [c.reason for c in changes]
    return changes[0]


@pytest.mark.parametrize(("scale", "a", "b", "reversal"), PAIRS)
def test_each_scale_in_both_directions(scale: str, a: str, b: str, reversal: bool) -> None:
    forward = _only(compare(profile(a), profile(b)))
    assert (forward.scale, forward.direction, forward.reversal) == (scale, "stronger", reversal)
    back = _only(compare(profile(b), profile(a)))
    assert (back.scale, back.direction, back.reversal) == (scale, "weaker", reversal)
    assert back.severity == forward.severity


def test_every_scale_has_a_pair_and_a_severity() -> None:
    assert {s.name for s in SCALES} == {p[0] for p in PAIRS} == {k.split("/")[0] for k in SEVERITY}


def test_severity_policy() -> None:
    change = _only(compare(profile("Tea may reduce stress."), profile("Tea reduces stress.")))
    assert change.severity is Severity.HIGH
    plan = _only(compare(profile("They plan to sell."), profile("They will sell.")))
    assert plan.severity is Severity.MEDIUM
    reversed_ = _only(compare(profile("Up to 9 died."), profile("At least 9 died.")))
    assert reversed_.severity is Severity.HIGH
    # A causal verb on one side only may be a verb the cue list lacks.
    added = _only(compare(profile("The tax hits wages."), profile("The tax cuts wages.")))
    assert (added.level_a, added.severity) == ("unstated", Severity.LOW)


def test_reasons_name_the_cues() -> None:
    hyped = compare(
        profile("Green tea is associated with lower stress in mice."),
        profile("Green tea reduces stress."),
    )
    reasons = [c.reason for c in hyped]
    assert reasons == [
        "correlation made causation ('associated with' → 'reduces'): the claim is made more causal",
        "scope 'in mice' dropped: the claim is generalised",
    ]
    hedge = _only(compare(profile("The pill cures colds."), profile("The pill may cure colds.")))
    assert "made possible causation ('cures' → 'may cure')" in hedge.reason
    assert hedge.direction == "weaker"


def test_spans_locate_the_cues() -> None:
    s = "Preliminary data suggest that red wine may reduce heart disease in rats."
    p = profile(s)
    for r in p.readings:
        if r.span is not None:
            assert s[r.span[0] : r.span[1]] == r.cue
    causal = p.get("causality")
    assert causal is not None and causal.cue == "may reduce"
    scope = p.get("scope")
    assert scope is not None and (scope.level, scope.cue) == ("animals", "in rats")


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("The survey counted 4,000 birds.", 0),
        ("Oral contraceptives are not associated with birth defects.", 0),
        ("The scheme did not improve outcomes.", 0),
        ("They don't curb demand.", 0),
        ("Night shifts are linked to poorer sleep.", 1),
        ("Smokers were more likely to develop gum disease than non-smokers.", 1),
        ("People with diabetes who took the drug had a reduced risk of death.", 1),
        ("Cocoa may improve blood flow.", 2),
        ("Fasting could help patients lose weight.", 2),
        ("Noise appears to increase stress.", 2),
        ("Cocoa improves blood flow.", 3),
        ("Cocoa improved blood flow, and it could help doctors.", 3),
        ("The study suggests that exercise reduces anxiety.", 3),
        ("Lithium extended the lifespan of flies.", 3),
    ],
)
def test_causal_strength(sentence: str, strength: int) -> None:
    assert causal_strength(sentence) == strength


@pytest.mark.parametrize(
    "text",
    ["reduces", "reduced", "reducing", "reduce"],
)
def test_inflections_are_one_cue(text: str) -> None:
    assert causal_strength(f"Walking {text} stress.") == 3


def test_negation_in_another_clause_is_not_negation() -> None:
    assert causal_strength("Not every result was clear, but coffee reduces the risk.") == 3


def test_negation_reverses() -> None:
    change = _only(
        compare(profile("Coffee is not associated with cancer."), profile("Coffee causes cancer."))
    )
    assert change.reversal and change.direction == "stronger"
    assert change.cue_a == "not associated with"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Poor sleep is linked to weight gain.", "Poor sleep is associated with weight gain."),
        ("Coffee might protect the liver.", "Coffee may protect the liver."),
        ("Air pollution causes asthma.", "Air pollution leads to asthma."),
        ("Most voters back the plan.", "The majority of voters back the plan."),
        ("The drug eased pain in mice.", "In mice, the drug relieved pain."),
        ("Yoga eased back pain among older women.", "Older women say yoga eased their back pain."),
        ("Taxes will rise.", "Taxes will go up."),
    ],
)
def test_paraphrases_are_no_change(a: str, b: str) -> None:
    assert compare(profile(a), profile(b)) == ()


def test_a_hedge_dropped_with_its_verb_is_one_change() -> None:
    change = _only(compare(profile("Tea may reduce stress."), profile("Tea reduces stress.")))
    assert change.scale == "causality"


def test_direction_of() -> None:
    up = compare(profile("Tea may reduce stress in rats."), profile("Tea reduces stress."))
    assert direction_of(up) == "stronger"
    mixed = compare(profile("Tea reduces stress in rats."), profile("Tea may reduce stress."))
    assert direction_of(mixed) is None
    assert direction_of(()) is None


_SUBJECTS = ["Coffee", "The new law", "Regular exercise", "Screen time", "Most voters"]
_HEDGES = ["", "may ", "could ", "probably ", "appears to ", "will "]
_VERBS = [
    "reduce", "cause", "is associated with", "is not linked to", "does not increase",
    "prevents", "claimed to help", "never affects", "sometimes improves", "boosts",
]  # fmt: skip
_OBJECTS = ["stress", "crime", "more sleep than naps", "as much sleep as naps", "up to 30 deaths"]
_TAILS = ["", " in mice", " in vitro", " among older women", ", experts say", ", Jo Tan said"]
_LEADS = ["", "Preliminary data suggest that ", "Researchers prove that ", "Some say "]

sentences = st.builds(
    lambda lead, s, h, v, o, t: f"{lead}{s} {h}{v} {o}{t}.",
    st.sampled_from(_LEADS),
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_HEDGES),
    st.sampled_from(_VERBS),
    st.sampled_from(_OBJECTS),
    st.sampled_from(_TAILS),
)


def _swapped(c: ScaleChange) -> tuple[object, ...]:
    flipped = "weaker" if c.direction == "stronger" else "stronger"
    return (c.scale, c.level_b, c.level_a, c.span_b, c.span_a, flipped, c.reversal, c.severity)


def _key(c: ScaleChange) -> tuple[object, ...]:
    return (c.scale, c.level_a, c.level_b, c.span_a, c.span_b, c.direction, c.reversal, c.severity)


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentences, st.text(max_size=80)), st.one_of(sentences, st.text(max_size=80)))
def test_swapping_sides_swaps_direction_and_keeps_severity(a: str, b: str) -> None:
    pa, pb = profile(a), profile(b)
    forward = compare(pa, pb)
    back = compare(pb, pa)
    assert [_swapped(c) for c in forward] == [_key(c) for c in back]
    assert compare(pa, pa) == ()


def _run_bench(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "exaggeration.py"), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_bench_scores_a_small_set(tmp_path: Path) -> None:
    rows = [
        ("Tea is linked to calm.", "Tea makes people calm and cures stress.", 1, 3, "exaggerates"),
        ("Tea cures stress.", "Tea may ease stress.", 3, 2, "downplays"),
        ("Tea is tied to calm.", "Tea is associated with calm.", 1, 1, "same"),
    ]
    data = tmp_path / "dev.jsonl"
    data.write_text(
        "".join(
            json.dumps(
                {
                    "abstract_conclusion": a,
                    "press_release_conclusion": b,
                    "abstract_strength": sa,
                    "press_release_strength": sb,
                    "exaggeration_label": label,
                }
            )
            + "\n"
            for a, b, sa, sb, label in rows
        ),
        encoding="utf-8",
    )
    out = _run_bench(tmp_path)
    assert out.returncode == 0, out.stderr
    assert "direct: stronger vs weaker changes on all scales: macro-F1 1.000" in out.stdout
    assert "direct: per-sentence causal strength 0–3: accuracy 1.000 (6/6)" in out.stdout


def test_bench_bad_input_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text('{"abstract_conclusion": "x"}\n', encoding="utf-8")
    out = _run_bench(tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "missing field" in out.stderr


def test_a_hedge_in_another_clause_hedges_another_statement() -> None:
    p = profile("Cocoa improved blood flow, and it could help doctors.")
    certainty = p.get("certainty")
    assert certainty is not None and certainty.level == "plain"
    q = profile("Cocoa, which is cheap, could perhaps improve blood flow.")
    hedged = q.get("certainty")
    assert hedged is not None and hedged.level == "hedged"


def test_cues_in_names_and_intransitive_changes_claim_no_cause() -> None:
    assert causal_strength("Prices rose, according to the Colorado Association of Realtors.") == 0
    assert causal_strength("House prices increased by 48 percent.") == 0
    assert causal_strength("Pain was reduced by the therapy.") == 3
    assert causal_strength("Coffee Reduces Cancer Risk, Study Says") == 3


def test_a_hedge_in_a_subordinate_clause_hedges_another_statement() -> None:
    a = profile("Rescuers searched the town, where a hotel partially collapsed.")
    b = profile("Rescuers searched the town where a hotel partly collapsed.")
    assert compare(a, b) == ()
    certainty = a.get("certainty")
    assert certainty is not None and certainty.level == "plain"


@settings(max_examples=200, deadline=None)
@given(st.one_of(sentences, st.text(max_size=120)))
def test_every_cue_is_the_text_at_its_span(s: str) -> None:
    p = profile(s)
    assert [r.scale for r in p.readings] == [sc.name for sc in SCALES if p.get(sc.name) is not None]
    for r in p.readings:
        assert (r.span is None) == (r.cue == "")
        if r.span is not None:
            assert s[r.span[0] : r.span[1]] == r.cue


def test_a_negator_after_the_verb_denies_it() -> None:
    assert profile("The drug caused no side effects.").get("causality") == Reading(
        "causality", "denied", 0, "caused no", (9, 18)
    )
    assert compare(profile("It did not cause harm."), profile("It caused no harm.")) == ()

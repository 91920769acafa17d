"""The strength of one claim on each scale, and the changes of strength between two claims.

``profile`` reads one sentence (or a short passage) into a ``ClaimProfile``: per scale the
level found, with the cue that carries it and the cue's span. ``compare`` lists the scales
on which two profiles differ, each a ``ScaleChange`` with its direction from A to B. All
the words and the policy live in ``scales``; this module only reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Severity, Span
from ..normalize import STOPWORDS
from .cues import SCALE_KEYS, Cues, Found, read_cues
from .scales import (
    CAUSAL_ADJECTIVES,
    CAUSALITY,
    CERTAINTY,
    CONJUNCTIONS,
    ERGATIVE,
    EVIDENCE,
    FINDING_SEVERITY,
    FINDING_WORDS,
    HEDGE_WINDOW,
    INTRANSITIVE_AFTER,
    NAMED_SOURCE_VERBS,
    NEGATED_AFTER,
    NEGATION_WINDOW,
    NEGATORS,
    NOMINAL_AFTER,
    NOMINAL_BEFORE,
    PASSIVE_BEFORE,
    RELATIVE,
    SCALES,
    SCOPE,
    SCOPE_WORDS,
    SEVERITY,
    SOURCE,
    Level,
    Scale,
)
from .words import SUBORDINATORS, Hit, Token, is_number


@dataclass(frozen=True)
class Reading:
    """Where one sentence sits on one scale."""

    scale: str
    level: str
    rank: int
    cue: str
    """The sentence's words that carry the level; "" for the scale's default level."""
    span: Span | None
    """The cue's character span in the sentence; None for the default level."""
    about: frozenset[str] = frozenset()
    """For a scope: the lemmas of whom it names ("woman" for "among older women")."""
    present: frozenset[str] = frozenset()
    """Every level a cue of the sentence stands for on this scale, the picked one too."""


@dataclass(frozen=True)
class ClaimProfile:
    text: str
    readings: tuple[Reading, ...]
    """One per scale the sentence speaks to, in the order of ``SCALES``."""
    lemmas: frozenset[str]
    """Every word of the sentence, as a lemma."""

    def get(self, scale: str) -> Reading | None:
        return next((r for r in self.readings if r.scale == scale), None)

    @property
    def strength(self) -> int:
        """Causal strength 0–3: none, correlational, conditional causal, direct causal."""
        r = self.get(CAUSALITY.name)
        return r.rank if r is not None else 0


@dataclass(frozen=True)
class ScaleChange:
    scale: str
    level_a: str
    level_b: str
    cue_a: str
    cue_b: str
    span_a: Span | None
    span_b: Span | None
    direction: str
    """ "stronger" or "weaker": what B does to A's claim."""
    reversal: bool
    """The two levels sit on opposite poles of the scale ("never" / "rarely")."""
    severity: Severity
    reason: str


def _negator(toks: Sequence[Token], first: int) -> int | None:
    """Index of a negator up to ``NEGATION_WINDOW`` words before token ``first``, in its clause."""
    clause = toks[first].clause
    for i in range(max(0, first - NEGATION_WINDOW), first):
        t = toks[i]
        if t.clause == clause and (
            t.lemma in NEGATORS or t.lower in NEGATORS or t.lower.endswith("n't")
        ):
            return i
    return None


def _hits(scale: Scale, level: Level, found: Found) -> list[Hit]:
    return found.get(f"{scale.name}/{level.name}", [])


def _nominal(hit: Hit, toks: Sequence[Token]) -> bool:
    """A one-word causal cue used as a noun or adjective ("an increased risk", "a rapid
    increase in output")."""
    tok = toks[hit.first]
    if hit.first != hit.last or tok.lower in CAUSAL_ADJECTIVES or tok.lower.endswith("ing"):
        return False
    before = hit.first > 0 and toks[hit.first - 1].lemma in NOMINAL_BEFORE
    return before or (hit.last + 1 < len(toks) and toks[hit.last + 1].lower in NOMINAL_AFTER)


def _intransitive(hit: Hit, toks: Sequence[Token]) -> bool:
    """An ergative verb telling of a change, not a cause ("prices increased by 48 percent")."""
    tok = toks[hit.first]
    if hit.first != hit.last or tok.lemma not in ERGATIVE:
        return False
    if hit.first > 0 and toks[hit.first - 1].lemma in PASSIVE_BEFORE:
        return False
    nxt = toks[hit.last + 1] if hit.last + 1 < len(toks) else None
    return nxt is None or nxt.punct or is_number(nxt) or nxt.lower in INTRANSITIVE_AFTER


def _in_name(hit: Hit, toks: Sequence[Token], title_case: bool) -> bool:
    """A cue capitalised inside a sentence is part of a name ("Colorado Association of
    Realtors", "Mayor Tell"), unless the whole line is in title case (a headline)."""
    first = toks[hit.first]
    prev = toks[hit.first - 1] if hit.first > 0 else None
    return not title_case and prev is not None and not prev.punct and first.text[:1].isupper()


def _title_case(toks: Sequence[Token]) -> bool:
    words = [t for t in toks if not t.punct and t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 2 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _without_overlaps(hits: list[tuple[Hit, str]]) -> list[tuple[Hit, str]]:
    """Longest hits first; a hit sharing a token with a kept one is dropped."""
    kept: list[tuple[Hit, str]] = []
    for hit, name in sorted(hits, key=lambda h: (h[0].first - h[0].last, h[0].first)):
        if all(hit.last < k.first or hit.first > k.last for k, _ in kept):
            kept.append((hit, name))
    return sorted(kept, key=lambda h: h[0].first)


def _reading(scale: Scale, level: Level, sentence: str, first: Hit, last: Hit) -> Reading:
    span = (first.span[0], last.span[1])
    return Reading(scale.name, level.name, level.rank, sentence[span[0] : span[1]], span)


def _hedge_before(hit: Hit, hedges: Sequence[Hit], toks: Sequence[Token]) -> Hit | None:
    """The nearest hedge at most ``HEDGE_WINDOW`` words before ``hit``, in its clause."""
    clause = toks[hit.first].clause
    return next(
        (
            h
            for h in reversed(hedges)
            if h.last < hit.first
            and hit.first - h.last <= HEDGE_WINDOW
            and toks[h.last].clause == clause
        ),
        None,
    )


def _causality(sentence: str, toks: Sequence[Token], hits: Found) -> Reading:
    scale = CAUSALITY
    found = [(h, "correlational") for h in _hits(scale, scale.level("correlational"), hits)]
    found += [
        (h, "direct")
        for h in _hits(scale, scale.level("direct"), hits)
        if not _nominal(h, toks) and not _intransitive(h, toks)
    ]
    if not found:
        return Reading(scale.name, "unstated", 0, "", None)
    # The main claim: the first cue outside a relative clause ("Drugs which raise dopamine
    # may hold the key"), else the first cue.
    hit, name = min(
        _without_overlaps(found),
        key=lambda f: (f[0].first > 0 and toks[f[0].first - 1].lower in RELATIVE, f[0].first),
    )
    start = hit
    hedge = _hedge_before(hit, _hits(scale, scale.level("conditional"), hits), toks)
    if name == "direct" and hedge is not None:
        name, start = "conditional", hedge
    neg = _negator(toks, start.first)
    if neg is None:
        neg = _negator(toks, hit.first)
    after = toks[hit.last + 1] if hit.last + 1 < len(toks) else None
    if neg is not None:
        name = "denied"
        if neg < start.first:
            start = Hit("", neg, neg, toks[neg].span, toks[neg].text)
    elif after is not None and after.lower in NEGATED_AFTER:
        # "caused no side effects": the cue's span takes in its negator.
        name = "denied"
        hit = Hit("", hit.first, hit.last + 1, (hit.span[0], after.span[1]), "")
    return _reading(scale, scale.level(name), sentence, start, hit)


def _capitalised(toks: Sequence[Token], j: int) -> bool:
    """Token ``j`` is a capitalised word that is not the sentence's first."""
    return 0 < j < len(toks) and not toks[j].punct and toks[j].text[:1].isupper()


def _named_source(sentence: str, toks: Sequence[Token]) -> Hit | None:
    """A name as the source of a report: "Smith said", "said Smith.", "according to WHO"."""
    for i, t in enumerate(toks):
        if t.lemma not in NAMED_SOURCE_VERBS or not t.text[:1].islower():
            continue
        if t.lower == "according":
            j = i + 2 if i + 1 < len(toks) and toks[i + 1].lower == "to" else -1
        elif _capitalised(toks, i - 1):
            j = i - 1
        elif t.lemma == "say" and _capitalised(toks, i + 1):
            # "said Smith." names the speaker; "said the U.S. has" starts the report.
            after = toks[i + 2] if i + 2 < len(toks) else None
            j = i + 1 if after is None or after.punct or after.text[:1].isupper() else -1
        else:
            j = -1
        if _capitalised(toks, j) and toks[j].lower not in ("i", "the", "a", "an"):
            lo, hi = min(i, j), max(i, j)
            span = (toks[lo].span[0], toks[hi].span[1])
            return Hit("", lo, hi, span, sentence[span[0] : span[1]])
    return None


def _about(hit: Hit, toks: Sequence[Token]) -> frozenset[str]:
    """The content words of a scope cue and of the two words after it, in its clause."""
    clause = toks[hit.last].clause
    near = toks[hit.first : hit.last + 3]
    return frozenset(
        t.lemma
        for t in near
        if t.clause == clause and not is_number(t) and t.lower not in STOPWORDS | SCOPE_WORDS
    )


def _main_clauses(toks: Sequence[Token]) -> frozenset[int]:
    """The clauses not opened by a subordinator or a conjunction: a hedge in "…, where a
    roof partly collapsed" or "…, and could help doctors" hedges another statement."""
    opened: dict[int, str] = {}
    for t in toks:
        if not t.punct:
            opened.setdefault(t.clause, t.lower)
    return frozenset(c for c, w in opened.items() if w not in SUBORDINATORS | CONJUNCTIONS)


def _scale_reading(
    scale: Scale,
    sentence: str,
    toks: Sequence[Token],
    hits: Found,
    clauses: frozenset[int] | None = None,
) -> Reading | None:
    found = (
        []
        if hits.keys().isdisjoint(SCALE_KEYS[scale.name])
        else [
            (h, lv)
            for lv in scale.levels
            for h in _hits(scale, lv, hits)
            if _negator(toks, h.first) is None
            and (clauses is None or toks[h.first].clause in clauses)
        ]
    )
    if scale is SOURCE:
        # "Bergmann Securities analysts said": the analysts of a named firm.
        found = [
            (h, lv) for h, lv in found if not (h.first > 1 and toks[h.first - 1].text[:1].isupper())
        ]
        named = _named_source(sentence, toks)
        if named is not None:
            found.append((named, scale.level("named")))
    if not found:
        if scale.default is None:
            return None
        return Reading(scale.name, scale.default, scale.level(scale.default).rank, "", None)
    if scale.pick == "lowest":
        hit, level = min(found, key=lambda f: (f[1].rank, f[0].first))
    else:
        hit, level = min(found, key=lambda f: (f[0].first, f[0].first - f[0].last))
    return replace(
        _reading(scale, level, sentence, hit, hit),
        present=frozenset(lv.name for _h, lv in found),
        about=_about(hit, toks) if scale is SCOPE else frozenset(),
    )


def profile(sentence: str) -> ClaimProfile:
    return profile_of(read_cues(sentence))


def profile_of(cues: Cues) -> ClaimProfile:
    """The profile of a passage whose cues are read already."""
    sentence, toks = cues.text, cues.toks
    title_case = _title_case(toks)
    hits = {
        key: [h for h in found if not _in_name(h, toks, title_case)]
        for key, found in cues.found.items()
    }
    causal = _causality(sentence, toks, hits)
    readings: list[Reading] = []
    for scale in SCALES:
        if scale is CAUSALITY:
            r: Reading | None = causal
        else:
            main = _main_clauses(toks) if scale is CERTAINTY else None
            r = _scale_reading(scale, sentence, toks, hits, main)
        if r is not None:
            readings.append(r)
    return ClaimProfile(sentence, tuple(readings), frozenset(t.lemma for t in toks))


def causal_strength(sentence: str) -> int:
    """The causal strength 0–3 of one sentence (the benchmark's four levels)."""
    return profile(sentence).strength


def _reason(scale: Scale, a: Reading, b: Reading, stronger: bool, reversal: bool) -> str:
    la, lb = scale.level(a.level), scale.level(b.level)
    na, nb = la.noun or scale.noun, lb.noun or scale.noun
    if a.cue and b.cue:
        what = (
            f"{na} '{a.cue}' made '{b.cue}'"
            if na == nb
            else (f"{na} made {nb} ('{a.cue}' → '{b.cue}')")
        )
    elif a.cue:
        what = f"{na} '{a.cue}' dropped"
    else:
        what = f"{nb} '{b.cue}' added"
    words = "the claim is reversed" if reversal else scale.stronger if stronger else scale.weaker
    return f"{what}: {words}"


def _overlaps(span: Span | None, spans: Sequence[Span | None]) -> bool:
    return span is not None and any(
        s is not None and span[0] < s[1] and s[0] < span[1] for s in spans
    )


def _restated(r: Reading, other: ClaimProfile) -> bool:
    """A scope the other side names in its own words ("in women with" / "Women who …")."""
    mine = other.get(r.scale)
    return bool(r.about & other.lemmas) and mine is not None and mine.span is None


def _reordered(a: Reading, b: Reading) -> bool:
    """Both sentences hold cues of both levels, in another order: each level picked on one
    side is present on the other ("Nearly 70% of the roughly $900 million" / "Of the
    roughly $900 million, nearly 70%"), so neither claim moved on the scale."""
    return a.level in b.present and b.level in a.present


def compare(a: ClaimProfile, b: ClaimProfile) -> tuple[ScaleChange, ...]:
    """The scales on which B's claim is stronger or weaker than A's.

    A change whose cue on either side is a cue of a change already found (in the order of
    ``SCALES``) is that change, not another: "may reduce" → "reduces" is one causal change,
    not also a certainty one.
    """
    out: list[ScaleChange] = []
    of_findings = _of_findings(a) or _of_findings(b)
    for scale in SCALES:
        ra, rb = a.get(scale.name), b.get(scale.name)
        if ra is None or rb is None or ra.level == rb.level or ra.rank == rb.rank:
            continue
        if _restated(ra, b) or _restated(rb, a) or _reordered(ra, rb):
            continue
        if _overlaps(ra.span, [c.span_a for c in out]) or _overlaps(
            rb.span, [c.span_b for c in out]
        ):
            continue
        sa, sb = scale.level(ra.level).side, scale.level(rb.level).side
        reversal = sa is not None and sb is not None and sa != sb
        stronger = rb.rank > ra.rank
        policy = (
            SEVERITY.get(f"{scale.name}/{ra.level}")
            or SEVERITY.get(f"{scale.name}/{rb.level}")
            or (FINDING_SEVERITY.get(scale.name) if of_findings else None)
            or SEVERITY[scale.name]
        )
        severity = policy[1 if reversal else 0]
        out.append(
            ScaleChange(
                scale.name,
                ra.level,
                rb.level,
                ra.cue,
                rb.cue,
                ra.span,
                rb.span,
                "stronger" if stronger else "weaker",
                reversal,
                severity,
                _reason(scale, ra, rb, stronger, reversal),
            )
        )
    return tuple(out)


def _of_findings(p: ClaimProfile) -> bool:
    """Whether a sentence states a finding: it names a study or what it found, frames its
    claim as what the evidence says, or states a relation of cause or correlation."""
    if p.lemmas & FINDING_WORDS:
        return True
    evidence, causal = p.get(EVIDENCE.name), p.get(CAUSALITY.name)
    return evidence is not None or (causal is not None and causal.rank > 0)


def direction_of(changes: Sequence[ScaleChange]) -> str | None:
    """The direction of a claim's changes taken together: the one most of them take;
    None when there are none or as many each way (a claim made stronger on one scale and
    weaker on another has no single direction)."""
    up = sum(c.direction == "stronger" for c in changes)
    down = len(changes) - up
    return "stronger" if up > down else "weaker" if down > up else None

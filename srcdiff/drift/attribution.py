"""Attributions: who a claim is given to, and whether an op adds, drops, moves or changes it.

A source still given on the other side is no finding (moved, or restated beside another
speech verb); a speaker named otherwise by a letter or two is a name change; a quote given
to someone else is a speaker change.  Used by ``rules.judge_op``; docs/drift.md has the
rules in words.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..normalize import STOPWORDS, fold
from .context import (
    Finding,
    K,
    OpView,
    Window,
    equivalent,
    short,
)
from .equivalence import named_otherwise
from .lexicon import (
    SPEAKER_NOUNS,
    SPEECH,
    edit_distance,
    entity_key,
    may_attribute,
    names,
    words,
)
from .severity import Cue


def _has_speaker(text: str) -> bool:
    return any(w in SPEAKER_NOUNS for w in words(text)) or bool(names(text))


def _speakerish(ws: Sequence[str]) -> list[str]:
    return [w for w in ws if w in SPEAKER_NOUNS or w not in STOPWORDS and w not in SPEECH]


_PRONOUNS = frozenset(["he", "she", "they", "i", "we"])
_CLAUSE = regex.compile(r"[,;:()\[\]—–]+|(?<!\b\p{Lu})\.(?=\s|$)")
"""Clause breaks; a full stop only where a word ends, not after an initial ("U.S." is one
name)."""


def _speaker_words(text: str) -> list[str]:
    """Who the speech verbs of ``text`` name: name keys and speaker nouns (no pronoun)
    of the clauses holding a speech verb."""
    out: list[str] = []
    for part in _CLAUSE.split(text):
        ws = words(part)
        if SPEECH.isdisjoint(ws):
            continue
        out += _name_keys(part)
        out += [w for w in ws if w in SPEAKER_NOUNS and w not in _PRONOUNS]
    return out


def _name_keys(text: str) -> list[str]:
    """The name keys of ``text``, without a speech verb capitalised at a sentence's start
    ("According to US officials" names the officials, not "According")."""
    return [k for w, k in names(text) if fold(w) not in SPEECH]


def _still_named(spk: list[str], win: Window, v: OpView, side: int) -> bool:
    """Whether the other side names every speaker word: in its sentence, or as a name in
    the block's paragraphs ("said David Whitcomb. “…,” Whitcomb added")."""
    return all(
        w in win.outside_words or win.names(w) or v.state.named(side, entity_key(w)) for w in spk
    )


_NEAR = 4
"""Words on each side of a speech verb where its speaker may stand (``lexicon.attributions``
looks four words before a verb and three after it for any speaker at all)."""


def _speaker_near(win: Window, lo: int, hi: int) -> list[str]:
    """The speaker words beside the speech verbs of ``win`` that start between offsets
    ``lo`` and ``hi`` of its text ("Judge Miriam Okafor, writing" names no one in its
    own clause; "The World Food Programme said it was": the op holds only the verb)."""
    out: list[str] = []
    for _, pos in win.attributions:
        if not lo <= pos < hi:
            continue
        near = " ".join(
            win.outside[:pos].split()[-_NEAR:] + win.outside[pos:].split()[1 : _NEAR + 1]
        )
        out += _name_keys(near)
        out += [w for w in words(near) if w in SPEAKER_NOUNS and w not in _PRONOUNS]
    return out


def _source_kept(spk: list[str], v: OpView, side: int) -> bool:
    """Whether the other side gives every speaker word as a source: in a sentence of the
    block that holds an attribution ("Writing for the majority, Judge Okafor said" /
    "Judge Okafor, writing for the majority, said")."""
    forms = _surface(v, 1 - side)

    def given(w: str) -> bool:
        if v.state.spoke(side, entity_key(w)) or v.state.spoke(side, w):
            return True
        name = forms.get(w)
        return name is not None and v.state.spoke_where(
            side, lambda win: _named_as(name, win.outside_words)
        )

    return bool(spk) and all(given(w) for w in spk)


def _surface(v: OpView, side: int) -> dict[str, str]:
    """Name key -> the name as the op writes it on one side ("us" -> "U.S.")."""
    text = (v.op.a, v.op.b)[side]
    return {k: w for w, k in names(text)}


def _named_as(name: str, ws: frozenset[str]) -> bool:
    """Whether words of a sentence name ``name`` in another form ("U.S." / "American")."""
    return named_otherwise(name, [w.capitalize() if len(w) > 3 else w.upper() for w in ws])


def _attribution_dropped(v: OpView, first_scheme: bool) -> list[Finding]:
    """An attribution the op removes or adds whole (its speech verb inside the op): the
    other side has fewer attributions, or not all of its speaker's words; unless the
    other side gives the same speaker as a source (not so in the first id scheme)."""
    op = v.op
    att_a, att_b = v.wa.attributions, v.wb.attributions
    ra, rb = op.a_span[0] - v.wa.span[0], op.b_span[0] - v.wb.span[0]
    sa = [w for w, p in att_a if ra <= p < ra + len(op.a)]
    sb = [w for w, p in att_b if rb <= p < rb + len(op.b)]
    na, nb = len(att_a), len(att_b)
    if sa and not sb and not first_scheme:
        spk = _speaker_words(op.a) or _speaker_near(v.wa, ra, ra + len(op.a))
        if _source_kept(spk, v, 1):
            return []
    if sb and not sa and not first_scheme:
        spk = _speaker_words(op.b) or _speaker_near(v.wb, rb, rb + len(op.b))
        if _source_kept(spk, v, 0):
            return []
    if sa and not sb and (nb < na or not _still_named(_speaker_words(op.a), v.wb, v, 1)):
        return [
            Finding(
                (K.ATTRIBUTION,),
                Cue.ATTRIBUTION_REMOVED,
                f"attribution removed: {short(op.a)}",
                op.a,
                op.b,
                op.a_span,
                op.b_span,
            )
        ]
    if sb and not sa and (nb > na or not _still_named(_speaker_words(op.b), v.wa, v, 0)):
        return [
            Finding(
                (K.ATTRIBUTION,),
                Cue.ATTRIBUTION_ADDED,
                f"attribution added: {short(op.b)}",
                op.a,
                op.b,
                op.a_span,
                op.b_span,
            )
        ]
    return []


def _speaker_ids(text: str) -> set[str]:
    """Names (folded, no possessive) and speaker nouns (pronouns too) of ``text``."""
    out = {w for w in words(text) if w in SPEAKER_NOUNS}
    for w, _ in names(text):
        f = fold(w).replace("'", "")
        out.add(f[:-1] if f.endswith("s") and w[-2:-1] in ("'", "’") else f)
    return out


def _same_ids(x: set[str], y: set[str]) -> bool:
    """Each of ``x`` in ``y`` and back, or one a start of the other ("Russia"/"Russian";
    not "Andrade"/"Andrada")."""

    def within(k: str, ys: set[str]) -> bool:
        return (
            k in ys
            or len(k) >= 4
            and any(min(len(o), len(k)) >= 4 and (o.startswith(k) or k.startswith(o)) for o in ys)
        )

    return all(within(k, y) for k in x) and all(within(k, x) for k in y)


def _same_speaker(v: OpView) -> bool:
    """Whether the op leaves the speaker as it was: the same names and speaker nouns on
    both sides ("the alliance's president" / "the president of the alliance"), or a
    pronoun for a speaker that side named before the op ("Lutz said" / "she said")."""
    op = v.op
    ida, idb = _speaker_ids(op.a), _speaker_ids(op.b)
    if _same_ids(ida, idb):
        return True
    for side, ids, other in ((1, idb, ida), (0, ida, idb)):
        if ids and ids <= _PRONOUNS and other and other.isdisjoint(_PRONOUNS):
            pos = (op.a_span, op.b_span)[side][0]
            return all(v.state.named_before(side, k, pos) for k in other)
    return False


def _moved_source(v: OpView) -> bool:
    """Whether the speakers the op names (on either side, at least one) are each given as a
    source on the other side too: an attribution moved ("Officials said the fire was set
    deliberately" / "The fire was set on purpose, officials said")."""
    op = v.op
    named = [(ids, side) for ids, side in ((_speaker_ids(op.a), 1), (_speaker_ids(op.b), 0)) if ids]
    return bool(named) and all(
        all(v.state.spoke(side, w, exact=True) for w in ids - _PRONOUNS) and ids - _PRONOUNS
        for ids, side in named
    )


def _respelt(x: set[str], y: set[str]) -> str | None:
    """ "Jansen → Hansen" when the two speakers differ only by names a letter or two apart
    (the same person, the name given otherwise), else None."""
    lost, given = sorted(x - y), sorted(y - x)
    if not lost or len(lost) != len(given):
        return None
    if all(
        min(len(a), len(b)) >= 4 and edit_distance(a, b, 2) <= 2
        for a, b in zip(lost, given, strict=True)
    ):
        return ", ".join(f"{a.title()} → {b.title()}" for a, b in zip(lost, given, strict=True))
    return None


def attribution_findings(
    v: OpView, wa: Sequence[str], wb: Sequence[str], *, first_scheme: bool = False
) -> list[Finding]:
    op = v.op
    # The op's own words decide first (cheap) whether any finding can come: a
    # speech verb inside it, or speaker words on both sides outside quotes.
    may_drop = may_attribute(v.A.text, *op.a_span) or may_attribute(v.B.text, *op.b_span)
    spk_a, spk_b = _speakerish(wa), _speakerish(wb)
    may_change = bool(
        not (v.qa or v.qb) and spk_a and spk_b and (_has_speaker(op.a) or _has_speaker(op.b))
    )
    if not (may_drop or may_change):
        return []
    if not (v.wa.speech or v.wb.speech):
        return []
    if equivalent(op.a, op.b):
        return []
    if may_drop:
        dropped = _attribution_dropped(v, first_scheme)
        if dropped:
            return dropped
    if not may_change:
        return []
    att_a = v.wa.attributions
    if not (att_a and v.wb.attributions):
        return []
    set_oa, set_ob = v.wa.outside_words, v.wb.outside_words
    if all(w in set_ob for w in spk_a) and all(w in set_oa for w in spk_b):
        return []
    ra, rb = op.a_span[0] - v.wa.span[0], op.b_span[0] - v.wb.span[0]
    # Near an attribution on both sides, so that the verdict is the same either way round
    # (the first id scheme looked at side a only).
    near_b = first_scheme or any(abs(p - rb) <= 50 for _, p in v.wb.attributions)
    if not (near_b and any(abs(p - ra) <= 50 for _, p in att_a)):
        return []
    if _same_speaker(v) or not first_scheme and _moved_source(v):
        return []
    respelt = _respelt(_speaker_ids(op.a), _speaker_ids(op.b))
    if respelt:
        return [
            Finding(
                (K.ENTITY, K.ATTRIBUTION),
                Cue.NAME_CHANGED,
                f"name of the speaker changed: {respelt}",
                op.a,
                op.b,
                op.a_span,
                op.b_span,
            )
        ]
    quoted = any(q.start not in v.lost for q in v.wa.quotes) and any(
        q.start not in v.gained for q in v.wb.quotes
    )
    if quoted and not v.touches_marks:
        # Who said a quote changed: high, though the quote itself did not change.
        return [
            Finding(
                (K.ATTRIBUTION,),
                Cue.SPEAKER_CHANGED,
                f"speaker of the quote changed: {short(op.a)} → {short(op.b)}",
                op.a,
                op.b,
                op.a_span,
                op.b_span,
            )
        ]
    return [
        Finding(
            (K.ATTRIBUTION,),
            Cue.ATTRIBUTION_CHANGED,
            f"attribution changed: {short(op.a)} → {short(op.b)}",
            op.a,
            op.b,
            op.a_span,
            op.b_span,
        )
    ]

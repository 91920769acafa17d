"""The rules that judge one word-diff op in its context (used by ``drift.classify``).

Each rule looks at the op's text and at the sentence(s) around it on both
sides, so that an equivalent rewording elsewhere in the sentence ("has not
seen any" / "has seen no") cancels out, and a number whose qualifier sits in
another op is still read as one claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from ..model import DriftKind, Relation, Severity
from ..normalize import STOPWORDS, fold
from .context import (
    NEG_PARTNERS,
    Finding,
    K,
    OpView,
    Window,
    cut,
    equivalent,
    short,
)
from .docindex import DocIndex
from .equivalence import named_otherwise, relate
from .figures import number_findings
from .lexicon import (
    CERTAIN,
    HEDGE_CUES,
    HEDGE_VERBS,
    HEDGES,
    NEGATIONS,
    SPEAKER_NOUNS,
    SPEECH,
    american,
    content,
    content_of,
    edit_distance,
    entity_key,
    hedge_words,
    inflection_of,
    may_attribute,
    names,
    negations,
    privative_pairs,
    words,
)
from .severity import Cue
from .speakers import speaker_finding
from .wording import invisible_only, marks_changed, wording_finding


def _has_speaker(text: str) -> bool:
    return any(w in SPEAKER_NOUNS for w in words(text)) or bool(names(text))


def _speakerish(ws: Sequence[str]) -> list[str]:
    return [w for w in ws if w in SPEAKER_NOUNS or w not in STOPWORDS and w not in SPEECH]


_PRONOUNS = frozenset(["he", "she", "they", "i", "we"])
_CLAUSE = regex.compile(r"[.,;:()\[\]—–]+")


def _speaker_words(text: str) -> list[str]:
    """Who the speech verbs of ``text`` name: name keys and speaker nouns (no pronoun)
    of the clauses holding a speech verb."""
    out: list[str] = []
    for part in _CLAUSE.split(text):
        ws = words(part)
        if SPEECH.isdisjoint(ws):
            continue
        out += [k for _, k in names(part)]
        out += [w for w in ws if w in SPEAKER_NOUNS and w not in _PRONOUNS]
    return out


def _still_named(spk: list[str], win: Window, v: OpView, side: int) -> bool:
    """Whether the other side names every speaker word: in its sentence, or as a name in
    the block's paragraphs ("said David Whitcomb. “…,” Whitcomb added")."""
    return all(
        w in win.outside_words or win.names(w) or v.state.named(side, entity_key(w)) for w in spk
    )


_NEAR = 4
"""Words on each side of a speech verb where its speaker stands (as ``attributions``)."""


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
        out += [k for _, k in names(near)]
        out += [w for w in words(near) if w in SPEAKER_NOUNS and w not in _PRONOUNS]
    return out


def _source_kept(spk: list[str], v: OpView, side: int) -> bool:
    """Whether the other side gives every speaker word as a source: in a sentence of the
    block that holds an attribution ("Writing for the majority, Judge Okafor said" /
    "Judge Okafor, writing for the majority, said")."""
    return bool(spk) and all(
        v.state.spoke(side, entity_key(w)) or v.state.spoke(side, w) for w in spk
    )


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


def _is_name(D: DocIndex, other: DocIndex, word: str, pos: int) -> bool:
    s = D.label_before(pos, D.sentence_at(pos)[0])
    lead = D.text[s:pos].strip(" \"'“‘(:")
    if lead:
        return True
    w = fold(word)
    return w in D.caps or w in other.caps


_DATELINE = regex.compile(
    r"[\p{Lu}][\p{Lu}\p{Zs}.,'’-]{2,}(?:,[\p{L}\p{Zs}.]+)?(?:\s*\([^)\n]{1,30}\))?\s*[—–-]"
)
"""A dateline at an op's start: the place in capitals a story was filed from, maybe its
region and the agency, then a dash ("DENVER (Wire) —", "AREQUIPA, Peru (Wire) —")."""


def entity_findings(v: OpView, res_a: str, res_b: str) -> list[Finding]:
    op = v.op
    found_a, found_b = names(res_a), names(res_b)
    if not (found_a or found_b) or equivalent(res_a, res_b):
        return []
    miss_a = [
        w
        for w, k in found_a
        if not v.wb.names(k)
        and _is_name(v.A, v.B, w, op.a_span[0] + max(res_a.find(w), 0))
        and not named_otherwise(w, v.wb.words)
    ]
    miss_b = [
        w
        for w, k in found_b
        if not v.wa.names(k)
        and _is_name(v.B, v.A, w, op.b_span[0] + max(res_b.find(w), 0))
        and not named_otherwise(w, v.wa.words)
    ]
    if (miss_a or miss_b) and (_DATELINE.match(op.a.lstrip()) or _DATELINE.match(op.b.lstrip())):
        where = " ".join(miss_a or miss_b)
        why = f"dateline {'removed' if miss_a else 'added'}: {where}"
        return [Finding((K.ENTITY,), Cue.DATELINE, why, op.a, op.b, op.a_span, op.b_span)]
    if miss_a and miss_b:
        cue, why = Cue.NAME_CHANGED, f"name changed: {' '.join(miss_a)} → {' '.join(miss_b)}"
    elif miss_a:
        cue, why = Cue.NAME_REMOVED, f"name removed: {' '.join(miss_a)}"
        if all(v.state.named(1, entity_key(w)) for w in miss_a):
            cue, why = Cue.NAME_STILL_NAMED, why + " (still named in the passage)"
        elif all(fold(w) in v.B.caps for w in miss_a):
            cue, why = Cue.NAME_STILL_NAMED, why + " (the other text names it elsewhere)"
    elif miss_b:
        cue, why = Cue.NAME_ADDED, f"name added: {' '.join(miss_b)}"
        if all(v.state.named(0, entity_key(w)) for w in miss_b):
            cue, why = Cue.NAME_STILL_NAMED, why + " (already named in the passage)"
        elif all(fold(w) in v.A.caps for w in miss_b):
            cue, why = Cue.NAME_STILL_NAMED, why + " (the other text names it elsewhere)"
    else:
        return []
    return [Finding((K.ENTITY,), cue, why, op.a, op.b, op.a_span, op.b_span)]


def _moved(ca: list[str], cb: list[str], v: OpView) -> bool:
    return all(w in v.wb.content for w in ca) and all(w in v.wa.content for w in cb)


def residual_finding(
    v: OpView, res_a: str, res_b: str, explained: set[str], specific: bool
) -> Finding | None:
    """What is left of the op once numbers, names and markers are accounted for."""
    op = v.op
    spans = (op.a_span, op.b_span)
    qk: tuple[DriftKind, ...] = (K.QUOTE,) if v.kept_quote or v.lost_quote or v.gained_quote else ()
    wa, wb = words(res_a), words(res_b)

    def found(kinds: tuple[DriftKind, ...], cue: Cue, why: str) -> Finding:
        return Finding(kinds, cue, why, op.a, op.b, *spans)

    def low(kind: DriftKind, cue: Cue, why: str) -> Finding:
        return found((kind, *qk), cue, why)

    if not wa and not wb:
        if specific:
            return None
        if invisible_only(op.a, op.b):
            return low(
                K.FORMAT, Cue.INVISIBLE, f"only invisible characters: {marks_changed(op.a, op.b)}"
            )
        if fold(op.a).strip() == fold(op.b).strip():
            return low(K.FORMAT, Cue.MARKS_OR_SPACING, f"same text, {marks_changed(op.a, op.b)}")
        return low(K.FORMAT, Cue.PUNCTUATION, f"punctuation: {marks_changed(op.a, op.b)}")
    if len(wa) == 1 and len(wb) == 1 and wa != wb and american(wa[0]) == american(wb[0]):
        return (
            None
            if specific
            else low(
                K.SPELLING,
                Cue.SPELLING,
                f"British/American spelling: {op.a.strip()} → {op.b.strip()}",
            )
        )
    if equivalent(res_a, res_b):
        return (
            None
            if specific
            else low(
                K.FORMAT, Cue.SAME_WORDS, f"same words, other form: {short(op.a)} → {short(op.b)}"
            )
        )
    if len(wa) == 1 and len(wb) == 1:
        x, y = wa[0], wb[0]
        if relate(wa, wb) is Relation.REVERSED:
            # "increased" / "decreased" are two letters apart and no typo.
            return wording_finding(v, wa, wb)
        if inflection_of(x, y):
            return low(
                K.WORDING, Cue.WORD_FORM, f"word form changed: {op.a.strip()} → {op.b.strip()}"
            )
        if (
            len(x) >= 5
            and len(y) >= 5
            and abs(len(x) - len(y)) <= 1
            and x not in y
            and y not in x
            and edit_distance(x, y, 2) <= 2
        ):
            return low(K.SPELLING, Cue.SPELLING, f"spelling: {op.a.strip()} → {op.b.strip()}")
    ca = [w for w in content_of(res_a) if w not in explained]
    cb = [w for w in content_of(res_b) if w not in explained]
    if sorted(ca) == sorted(cb):
        if specific:
            return None
        if v.kept_quote:
            return found(
                (K.QUOTE, K.WORDING),
                Cue.QUOTE_SMALL_WORDS,
                f"small words changed inside a quote: {short(op.a)} → {short(op.b)}",
            )
        return low(
            K.WORDING,
            Cue.SMALL_WORDS,
            f"small words or order changed: {short(op.a)} → {short(op.b)}",
        )
    if not v.kept_quote and _moved(ca, cb, v):
        return (
            None
            if specific
            else low(K.WORDING, Cue.WORDS_MOVED, f"words moved: {short(op.a or op.b)}")
        )
    if v.kept_quote:
        return found(
            (K.QUOTE, K.WORDING),
            Cue.QUOTE_REWORDED,
            f"quote wording changed: “{short(op.a)}” → “{short(op.b)}”",
        )
    if v.lost_quote or v.gained_quote:
        where = "was" if v.lost_quote else "is now"
        return found(
            (K.WORDING, K.QUOTE),
            Cue.REWORDED_FORMER_QUOTE,
            f"reworded where the text {where} a quote: {short(op.a)} → {short(op.b)}",
        )
    return wording_finding(v, wa, wb)


_NEG_KEYS = frozenset(content(NEG_PARTNERS))
_HEDGE_KEYS = frozenset(content(HEDGES | CERTAIN))
_SPEECH_KEYS = frozenset(content(SPEECH | SPEAKER_NOUNS))
"""Content keys of the marker words each rule accounts for (left out of the residual)."""
_NO_HEDGES: Counter[str] = Counter()
"""``hedge_words`` of words without a hedge cue (read, never changed)."""


RESTATED = frozenset(
    [
        Cue.WORDING_EQUIVALENT,
        Cue.WORDING_REVERSED,
        Cue.NEAR_SYNONYM,
        Cue.PARAPHRASE,
        Cue.REWORDED,
        Cue.DETAIL_ADDED,
        Cue.DETAIL_REMOVED,
    ]
)
"""Cues the lexicon decides, where the first id scheme saw a medium wording change."""


def judge_op(
    v: OpView, first_lost: bool, first_gained: bool, *, first_scheme: bool = False
) -> list[Finding]:
    """Every finding for one non-equal op (at least one).

    ``first_scheme``: keep a lexicon-decided residual beside a specific finding, as the
    first id scheme (which had no lexicon, so saw a medium there) did; see ``legacy``."""
    op = v.op
    spans = (op.a_span, op.b_span)
    if invisible_only(op.a, op.b):
        # Only zero-width or direction characters differ: "7<U+200B>0" is 70 to a reader.
        why = f"only invisible characters: {marks_changed(op.a, op.b)}"
        return [Finding((K.FORMAT,), Cue.INVISIBLE, why, op.a, op.b, *spans)]
    out: list[Finding] = []
    if first_lost:
        found = v.A.quotes_in(op.a_span)
        qa = found[0] if found else v.qa
        qt = v.A.text[qa.start : qa.end] if qa else op.a
        why = f"quotation marks removed: the quote {short(qt, 40)} became a paraphrase"
        out.append(Finding((K.QUOTE,), Cue.QUOTE_MARKS_REMOVED, why, op.a, op.b, *spans))
    if first_gained:
        found = v.B.quotes_in(op.b_span)
        qb = found[0] if found else v.qb
        qt = v.B.text[qb.start : qb.end] if qb else op.b
        out.append(
            Finding(
                (K.QUOTE,),
                Cue.QUOTE_MARKS_ADDED,
                f"quotation marks added: {short(qt, 40)} is now presented as a quote",
                op.a,
                op.b,
                *spans,
            )
        )
    nums, cut_a, cut_b = number_findings(v)
    res_a = cut(op.a, op.a_span[0], cut_a)
    res_b = cut(op.b, op.b_span[0], cut_b)
    qk: tuple[DriftKind, ...] = (K.QUOTE,) if v.kept_quote else ()
    out += [Finding(f.kinds + qk, f.cue, f.explanation, f.a, f.b, f.a_span, f.b_span) for f in nums]
    wa, wb = words(res_a), words(res_b)
    explained: set[str] = set()
    neg_a, neg_b = negations(wa), negations(wb)
    pa = pb = 0
    if neg_a != neg_b:
        # "without a home" says what "homeless" says: such pairs negate no claim.
        pa = privative_pairs(wa + v.words_after(0, 3), v.wb.words) if neg_a else 0
        pb = privative_pairs(wb + v.words_after(1, 3), v.wa.words) if neg_b else 0
        neg_a, neg_b = neg_a - pa, neg_b - pb
    if neg_a != neg_b:
        explained |= _NEG_KEYS
        if v.wa.negations - pa != v.wb.negations - pb:
            gone = neg_a > neg_b
            marker = next((w for w in (wa if gone else wb) if w in NEGATIONS), "not")
            where = " inside a quote" if v.kept_quote else ""
            why = f"negation {'removed' if gone else 'added'}{where}: {marker}"
            out.append(
                Finding(
                    (K.NEGATION, *qk),
                    Cue.NEGATION,
                    f"{why} ({short(op.a)} → {short(op.b)})",
                    op.a,
                    op.b,
                    *spans,
                )
            )
    ha = hb = _NO_HEDGES
    if not HEDGE_CUES.isdisjoint(wa):
        ha = (
            hedge_words(wa, v.words_before(0, 1), v.words_after(0, 2))
            if not HEDGE_VERBS.isdisjoint(wa)
            else hedge_words(wa)
        )
    if not HEDGE_CUES.isdisjoint(wb):
        hb = (
            hedge_words(wb, v.words_before(1, 1), v.words_after(1, 2))
            if not HEDGE_VERBS.isdisjoint(wb)
            else hedge_words(wb)
        )
    if ha != hb:
        explained |= _HEDGE_KEYS
        wha, whb = v.wa.hedges, v.wb.hedges
        added = [w for w in hb if hb[w] > ha[w] and whb[w] > wha[w]]
        removed = [w for w in ha if ha[w] > hb[w] and wha[w] > whb[w]]
        if added or removed:
            if added and op.a.strip():
                why = f"hedge changed: {short(op.a)} → {short(op.b)}"
            elif added:
                why = f"hedge added: {', '.join(added)}"
            else:
                why = f"hedge removed: {', '.join(removed)}"
            out.append(Finding((K.HEDGE, *qk), Cue.HEDGE, why, op.a, op.b, *spans))
    spoken = speaker_finding(v) if v.A.labels or v.B.labels else None
    if spoken is not None:
        explained |= _SPEECH_KEYS | set(content_of(res_a)) | set(content_of(res_b))
        out.append(spoken)
    elif not v.kept_quote:
        attr = attribution_findings(v, wa, wb, first_scheme=first_scheme)
        if attr:
            explained |= _SPEECH_KEYS
            out += attr
    ents = entity_findings(v, res_a, res_b)
    if ents:
        if v.kept_quote:
            ents = [
                Finding(
                    (K.QUOTE, K.ENTITY),
                    Cue.QUOTE_NAME,
                    f"name changed inside a quote: {ents[0].explanation.split(': ', 1)[1]}",
                    op.a,
                    op.b,
                    *spans,
                )
            ]
        out += ents
        explained |= set(content_of(res_a)) | set(content_of(res_b))
    specific = bool(out)
    rest = residual_finding(v, res_a, res_b, explained, specific)
    if (
        rest is not None
        and specific
        and (
            rest.severity is Severity.LOW
            and not (first_scheme and rest.cue in RESTATED)
            or rest.severity is Severity.HIGH
            and any(f.severity is Severity.HIGH for f in out)
        )
    ):
        rest = None
    if rest is not None:
        out.append(rest)
    return out

"""The rules that judge one word-diff op in its context (used by ``drift.classify``).

Each rule looks at the op's text and at the sentence(s) around it on both
sides, so that an equivalent rewording elsewhere in the sentence ("has not
seen any" / "has seen no") cancels out, and a number whose qualifier sits in
another op is still read as one claim.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..model import DriftKind, Relation, Severity, Span
from ..normalize import fold
from .attribution import attribution_findings
from .context import (
    NEG_PARTNERS,
    Finding,
    K,
    OpView,
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
    names,
    negations,
    privative_pairs,
    words,
)
from .severity import Cue
from .speakers import speaker_finding
from .wording import invisible_only, marks_changed, wording_finding


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
    if (miss_a or miss_b) and (
        _DATELINE.match(op.a.lstrip())
        or _DATELINE.match(op.b.lstrip())
        or all(_in_dateline(v.A.text, v.wa.span, op.a_span[0] + op.a.find(w)) for w in miss_a)
        and all(_in_dateline(v.B.text, v.wb.span, op.b_span[0] + op.b.find(w)) for w in miss_b)
    ):
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


def _in_dateline(text: str, sentence: Span, pos: int) -> bool:
    """Whether offset ``pos`` lies inside the dateline that opens its sentence (an
    agency's credit given on one side only: "WASHINGTON —" / "WASHINGTON (AP) —")."""
    found = _DATELINE.match(text, sentence[0], sentence[1])
    return found is not None and found.start() <= pos < found.end()


def _moved(ca: list[str], cb: list[str], v: OpView) -> bool:
    return all(w in v.wb.content for w in ca) and all(w in v.wa.content for w in cb)


def _both(a: str, b: str) -> str:
    """Each side's words of an op, or the one side that has any."""
    return f"{short(a)} → {short(b)}" if words(a) and words(b) else short(a if words(a) else b)


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
        if words(op.a) or words(op.b):
            # Figures or markers the other sentence also holds, with the marks around them.
            return low(K.WORDING, Cue.WORDS_MOVED, f"words moved: {_both(op.a, op.b)}")
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
            else low(K.WORDING, Cue.WORDS_MOVED, f"words moved: {_both(op.a, op.b)}")
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

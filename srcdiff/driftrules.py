"""The rules that judge one word-diff op in its context (used by ``drift.classify``).

Each rule looks at the op's text and at the sentence(s) around it on both
sides, so that an equivalent rewording elsewhere in the sentence ("has not
seen any" / "has seen no") cancels out, and a number whose qualifier sits in
another op is still read as one claim.
"""

from __future__ import annotations

from collections import Counter

from .docindex import DocIndex
from .driftcontext import (
    HIGH,
    LOW,
    MEDIUM,
    NEG_PARTNERS,
    Finding,
    K,
    OpView,
    cut,
    equivalent,
    short,
)
from .driftnumbers import number_findings
from .lexicon import (
    CERTAIN,
    HEDGES,
    NEGATIONS,
    SPEAKER_NOUNS,
    SPEECH,
    american,
    attributions,
    content,
    content_of,
    edit_distance,
    entity_key,
    entity_keys,
    hedge_words,
    inflection_of,
    known,
    names,
    negations,
    words,
)
from .model import DriftKind
from .normalize import STOPWORDS, fold


def _outside_quotes(D: DocIndex, win: tuple[int, int]) -> str:
    text = D.text[win[0] : win[1]]
    return cut(text, win[0], [(q.start, q.end) for q in D.quotes_in(win)])


def _has_speaker(text: str) -> bool:
    return any(w in SPEAKER_NOUNS for w in words(text)) or bool(names(text))


def _speakerish(ws: list[str]) -> list[str]:
    return [w for w in ws if w in SPEAKER_NOUNS or w not in STOPWORDS and w not in SPEECH]


def attribution_findings(v: OpView, wa: list[str], wb: list[str]) -> list[Finding]:
    op = v.op
    if not (SPEECH.intersection(v.words_wa) or SPEECH.intersection(v.words_wb)):
        return []
    if equivalent(op.a, op.b):
        return []
    text_oa = _outside_quotes(v.A, v.win_a)
    text_ob = _outside_quotes(v.B, v.win_b)
    att_a, att_b = attributions(text_oa), attributions(text_ob)
    ra, rb = op.a_span[0] - v.win_a[0], op.b_span[0] - v.win_b[0]
    sa = [w for w, p in att_a if ra <= p < ra + len(op.a)]
    sb = [w for w, p in att_b if rb <= p < rb + len(op.b)]
    out_a, out_b = words(text_oa), words(text_ob)
    na, nb = len(att_a), len(att_b)
    if sa and not sb and nb < na:
        return [Finding((K.ATTRIBUTION,), MEDIUM, f"attribution removed: {short(op.a)}",
                        op.a, op.b, op.a_span, op.b_span)]
    if sb and not sa and nb > na:
        return [Finding((K.ATTRIBUTION,), MEDIUM, f"attribution added: {short(op.b)}",
                        op.a, op.b, op.a_span, op.b_span)]
    if v.region("a") or v.region("b") or not (na and nb):
        return []
    spk_a, spk_b = _speakerish(wa), _speakerish(wb)
    if not spk_a or not spk_b:
        return []
    if not (_has_speaker(op.a) or _has_speaker(op.b)):
        return []
    set_oa, set_ob = set(out_a), set(out_b)
    if all(w in set_ob for w in spk_a) and all(w in set_oa for w in spk_b):
        return []
    if not any(abs(p - ra) <= 50 for _, p in att_a):
        return []
    quoted = any(q.start not in v.lost for q in v.A.quotes_in(v.win_a)) and any(
        q.start not in v.gained for q in v.B.quotes_in(v.win_b)
    )
    if quoted and not v.touches_marks:
        return [Finding((K.ATTRIBUTION, K.QUOTE), HIGH,
                        f"speaker of the quote changed: {short(op.a)} → {short(op.b)}",
                        op.a, op.b, op.a_span, op.b_span)]
    return [Finding((K.ATTRIBUTION,), MEDIUM,
                    f"attribution changed: {short(op.a)} → {short(op.b)}",
                    op.a, op.b, op.a_span, op.b_span)]


def _is_name(D: DocIndex, other: DocIndex, word: str, pos: int) -> bool:
    s = D.sentence_at(pos)[0]
    lead = D.text[s:pos].strip(" \"'“‘(")
    if lead:
        return True
    w = fold(word)
    return w in D.caps or w in other.caps


def entity_findings(v: OpView, res_a: str, res_b: str) -> list[Finding]:
    op = v.op
    if equivalent(res_a, res_b):
        return []
    keys_wa = entity_keys(v.text_wa)
    keys_wb = entity_keys(v.text_wb)
    miss_a = [w for w, k in names(res_a)
              if not known(k, keys_wb)
              and _is_name(v.A, v.B, w, op.a_span[0] + max(res_a.find(w), 0))]
    miss_b = [w for w, k in names(res_b)
              if not known(k, keys_wa)
              and _is_name(v.B, v.A, w, op.b_span[0] + max(res_b.find(w), 0))]
    sev = MEDIUM
    block_a, block_b = v.state.name_keys()
    if miss_a and miss_b:
        why = f"name changed: {' '.join(miss_a)} → {' '.join(miss_b)}"
    elif miss_a:
        why = f"name removed: {' '.join(miss_a)}"
        if all(known(entity_key(w), block_b) for w in miss_a):
            sev, why = LOW, why + " (still named in the passage)"
    elif miss_b:
        why = f"name added: {' '.join(miss_b)}"
        if all(known(entity_key(w), block_a) for w in miss_b):
            sev, why = LOW, why + " (already named in the passage)"
    else:
        return []
    return [Finding((K.ENTITY,), sev, why, op.a, op.b, op.a_span, op.b_span)]


def _moved(ca: list[str], cb: list[str], v: OpView) -> bool:
    wa_keys = set(content_of(v.text_wa))
    wb_keys = set(content_of(v.text_wb))
    return all(w in wb_keys for w in ca) and all(w in wa_keys for w in cb)


def residual_finding(v: OpView, res_a: str, res_b: str, explained: set[str],
                     specific: bool) -> Finding | None:
    """What is left of the op once numbers, names and markers are accounted for."""
    op = v.op
    spans = (op.a_span, op.b_span)
    qk: tuple[DriftKind, ...] = (K.QUOTE,) if v.kept_quote or v.lost_quote else ()
    wa, wb = words(res_a), words(res_b)

    def low(kind: DriftKind, why: str) -> Finding:
        return Finding((kind, *qk), LOW, why, op.a, op.b, *spans)

    if not wa and not wb:
        if specific:
            return None
        if fold(op.a).strip() == fold(op.b).strip():
            return low(K.FORMAT, f"same text, other marks or spacing: {op.a!r} → {op.b!r}")
        return low(K.FORMAT, f"punctuation changed: {short(op.a)!r} → {short(op.b)!r}")
    if len(wa) == 1 and len(wb) == 1 and wa != wb and american(wa[0]) == american(wb[0]):
        return None if specific else low(
            K.SPELLING, f"British/American spelling: {op.a.strip()} → {op.b.strip()}")
    if equivalent(res_a, res_b):
        return None if specific else low(K.FORMAT, f"same words, other form: "
                                         f"{short(op.a)} → {short(op.b)}")
    if len(wa) == 1 and len(wb) == 1:
        x, y = wa[0], wb[0]
        if inflection_of(x, y):
            return low(K.WORDING, f"word form changed: {op.a.strip()} → {op.b.strip()}")
        if (len(x) >= 5 and len(y) >= 5 and abs(len(x) - len(y)) <= 1
                and x not in y and y not in x and edit_distance(x, y, 2) <= 2):
            return low(K.SPELLING, f"spelling: {op.a.strip()} → {op.b.strip()}")
    ca = [w for w in content_of(res_a) if w not in explained]
    cb = [w for w in content_of(res_b) if w not in explained]
    if Counter(ca) == Counter(cb) or (not ca and not cb):
        if specific:
            return None
        if v.kept_quote:
            return Finding((K.QUOTE, K.WORDING), MEDIUM,
                           f"small words changed inside a quote: {short(op.a)} → {short(op.b)}",
                           op.a, op.b, *spans)
        return low(K.WORDING, f"small words or order changed: {short(op.a)} → {short(op.b)}")
    if not v.kept_quote and _moved(ca, cb, v):
        return None if specific else low(K.WORDING, f"words moved: {short(op.a or op.b)}")
    if v.kept_quote:
        return Finding((K.QUOTE, K.WORDING), HIGH,
                       f"quote wording changed: “{short(op.a)}” → “{short(op.b)}”",
                       op.a, op.b, *spans)
    if v.lost_quote:
        return Finding((K.WORDING, K.QUOTE), MEDIUM,
                       f"reworded where the text was a quote: {short(op.a)} → {short(op.b)}",
                       op.a, op.b, *spans)
    if not op.b:
        why = f"words removed: {short(op.a)}"
    elif not op.a:
        why = f"words added: {short(op.b)}"
    else:
        why = f"wording changed: {short(op.a)} → {short(op.b)}"
    return Finding((K.WORDING,), MEDIUM, why, op.a, op.b, *spans)


def judge_op(v: OpView, first_lost: bool, first_gained: bool) -> list[Finding]:
    """Every finding for one non-equal op (at least one)."""
    op = v.op
    spans = (op.a_span, op.b_span)
    out: list[Finding] = []
    if first_lost:
        found = v.A.quotes_in(op.a_span)
        qa = found[0] if found else v.region("a")
        qt = v.A.text[qa.start : qa.end] if qa else op.a
        why = f"quotation marks removed: the quote {short(qt, 40)} became a paraphrase"
        out.append(Finding((K.QUOTE,), HIGH, why, op.a, op.b, *spans))
    if first_gained:
        found = v.B.quotes_in(op.b_span)
        qb = found[0] if found else v.region("b")
        qt = v.B.text[qb.start : qb.end] if qb else op.b
        out.append(Finding((K.QUOTE,), HIGH,
                           f"quotation marks added: {short(qt, 40)} is now presented as a quote",
                           op.a, op.b, *spans))
    nums, cut_a, cut_b = number_findings(v)
    res_a = cut(op.a, op.a_span[0], cut_a)
    res_b = cut(op.b, op.b_span[0], cut_b)
    qk: tuple[DriftKind, ...] = (K.QUOTE,) if v.kept_quote else ()
    out += [Finding(f.kinds + qk, f.severity, f.explanation, f.a, f.b, f.a_span, f.b_span)
            for f in nums]
    wa, wb = words(res_a), words(res_b)
    explained: set[str] = set()
    neg_a, neg_b = negations(wa), negations(wb)
    if neg_a != neg_b:
        explained |= set(content(sorted(NEG_PARTNERS)))
        if negations(v.words_wa) != negations(v.words_wb):
            gone = neg_a > neg_b
            marker = next((w for w in (wa if gone else wb) if w in NEGATIONS), "not")
            where = " inside a quote" if v.kept_quote else ""
            why = f"negation {'removed' if gone else 'added'}{where}: {marker}"
            out.append(Finding((K.NEGATION, *qk), HIGH,
                               f"{why} ({short(op.a)} → {short(op.b)})", op.a, op.b, *spans))
    ha, hb = hedge_words(wa), hedge_words(wb)
    if ha != hb:
        explained |= set(content(sorted(HEDGES | CERTAIN)))
        wha, whb = hedge_words(v.words_wa), hedge_words(v.words_wb)
        added = [w for w in hb if hb[w] > ha[w] and whb[w] > wha[w]]
        removed = [w for w in ha if ha[w] > hb[w] and wha[w] > whb[w]]
        if added or removed:
            if added and op.a.strip():
                why = f"hedge changed: {short(op.a)} → {short(op.b)}"
            elif added:
                why = f"hedge added: {', '.join(added)}"
            else:
                why = f"hedge removed: {', '.join(removed)}"
            out.append(Finding((K.HEDGE, *qk), MEDIUM, why, op.a, op.b, *spans))
    if not v.kept_quote:
        attr = attribution_findings(v, wa, wb)
        if attr:
            explained |= set(content(sorted(SPEECH | SPEAKER_NOUNS)))
            out += attr
    ents = entity_findings(v, res_a, res_b)
    if ents:
        if v.kept_quote:
            ents = [Finding((K.QUOTE, K.ENTITY), HIGH,
                            f"name changed inside a quote: {ents[0].explanation.split(': ', 1)[1]}",
                            op.a, op.b, *spans)]
        out += ents
        explained |= set(content_of(res_a)) | set(content_of(res_b))
    specific = bool(out)
    rest = residual_finding(v, res_a, res_b, explained, specific)
    if rest is not None and specific and (
        rest.severity is LOW or rest.severity is HIGH and any(f.severity is HIGH for f in out)
    ):
        rest = None
    if rest is not None:
        out.append(rest)
    return out

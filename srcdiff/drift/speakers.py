"""Who speaks: a transcript's labelled turns against the attributions of an article.

A transcript names its speaker in a label ("MAYOR TELL:"); an article quoting it names
the speaker in an attribution ("Mayor Tell said").  An op that touches a label is read
against the other side's sentence: if that sentence names the labelled speaker, the label
and the attribution say the same (low); if it names someone else as the source, the quote
has been given to another speaker (high).
"""

from __future__ import annotations

from ..model import DriftKind
from ..normalize import fold
from .context import Finding, OpView, short
from .lexicon import SPEAKER_NOUNS, SPEECH, names, words
from .severity import Cue

K = DriftKind
_UNNAMED = frozenset(["q", "a"])
"""Labels of a questioner and an answerer, which name nobody."""


def _label_words(speaker: str) -> set[str]:
    return {w for w in words(speaker) if w not in SPEAKER_NOUNS and w not in _UNNAMED}


def speaker_finding(v: OpView) -> Finding | None:
    """The finding for an op that touches a transcript's speaker label, if it does."""
    op = v.op
    for side, D, span, other in ((0, v.A, op.a_span, v.wb), (1, v.B, op.b_span, v.wa)):
        speaker = D.label_at(span)
        if speaker is None and not SPEECH.isdisjoint(words(op.b if side == 0 else op.a)):
            speaker = D.speaker_at(span)  # an attribution beside a turn's words
        if speaker is None:
            continue
        who = _label_words(speaker)
        named = {fold(w) for w, _ in names(other.outside)} - {fold(speaker)}
        said = {fold(x) for x in other.outside_words}
        text_a, text_b = (speaker, short(op.b)) if side == 0 else (short(op.a), speaker)
        if not who or who & said:
            return Finding((K.ATTRIBUTION,), Cue.SAME_SPEAKER,
                           f"the same speaker: {text_a} → {text_b}", op.a, op.b,
                           op.a_span, op.b_span)  # fmt: skip
        if other.attributions and named - who:
            return Finding((K.ATTRIBUTION, K.QUOTE), Cue.SPEAKER_CHANGED,
                           f"quote given to another speaker: {speaker} said it, the other "
                           f"text names {' '.join(sorted(named - who))}",
                           op.a, op.b, op.a_span, op.b_span)  # fmt: skip
    return None

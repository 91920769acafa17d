"""The cues of one passage, read once: its tokens and every cue pattern's hits.

``profile`` reads a passage's claim from its ``Cues``.  ``reach`` tells, from the cues
alone, every stretch of the passage a reading's cue span may cover: the drift rules keep
a scale change only where its cue meets a changed word, so a passage whose reach meets
no changed word needs no profile at all (on a big pair, most of the claim windows).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..model import Span
from .scales import CAUSALITY, HEDGE_WINDOW, NAMED_SOURCE_VERBS, NEGATION_WINDOW, SCALES
from .words import CueIndex, Hit, Token, compile_cue, tokens

INDEX = CueIndex(
    [
        (f"{scale.name}/{level.name}", compile_cue(cue))
        for scale in SCALES
        for level in scale.levels
        for cue in level.cues
    ]
)
"""Every cue of every level of every scale, under the key "scale/level"."""

Found = dict[str, list[Hit]]
"""The cue hits of one sentence, per "scale/level"."""

SCALE_KEYS = MappingProxyType(
    {scale.name: frozenset(f"{scale.name}/{lv.name}" for lv in scale.levels) for scale in SCALES}
)
"""The "scale/level" keys of each scale: a sentence with none of them among its hits
reads the scale's default, without looking at its levels one by one."""

CAUSAL_BEFORE = HEDGE_WINDOW + NEGATION_WINDOW
"""How many tokens before a causal cue its reading may start: a hedge up to
``HEDGE_WINDOW`` words before it ("may … reduce"), and a negator up to
``NEGATION_WINDOW`` words before the cue or its hedge ("did not … cause")."""

SOURCE_AROUND = 2
"""How many tokens around a source verb a named source spans ("according to WHO")."""


@dataclass(frozen=True)
class Cues:
    text: str
    toks: tuple[Token, ...]
    found: Found


def read_cues(sentence: str) -> Cues:
    toks = tokens(sentence)
    return Cues(sentence, toks, INDEX.find(sentence, toks))


def _around(toks: tuple[Token, ...], first: int, last: int) -> Span:
    lo, hi = max(0, first), min(len(toks) - 1, last)
    return toks[lo].span[0], toks[hi].span[1]


def reach(c: Cues) -> tuple[Span, ...]:
    """Character spans that together hold every cue span a reading of ``c`` may give.

    A reading's span is one hit's, but for causality, which starts at a hedge or a
    negator before its cue and may take in a negator after it ("caused no …"), and for
    a named source, which ``profile`` finds around a source verb, not as a hit."""
    out: list[Span] = []
    for key, hits in c.found.items():
        before, after = (CAUSAL_BEFORE, 1) if key in SCALE_KEYS[CAUSALITY.name] else (0, 0)
        out += [_around(c.toks, h.first - before, h.last + after) for h in hits]
    out += [
        _around(c.toks, i - SOURCE_AROUND, i + SOURCE_AROUND)
        for i, t in enumerate(c.toks)
        if t.lemma in NAMED_SOURCE_VERBS
    ]
    return tuple(out)

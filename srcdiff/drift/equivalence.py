"""Do two short runs of words mean the same, the opposite, or something else?

The knowledge is the lexical resource's (``srcdiff.lexdata``: WordNet 3.0 in frequent
senses, a lemmatizer, curated function-word and name-form tables); this module asks it
the two questions the drift rules have: how two runs of words relate, and which content
words of a run have no like anywhere in the other side's sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import lexdata
from ..model import Relation
from ..strength.scales import VOUCHING, cue_words
from .lexicon import content_key

_VOUCHING = cue_words(VOUCHING)
"""Words of a claim's strength ("confirmed" / "supported"): the scales judge them."""

_RELATION = {
    lexdata.Relation.EQUIVALENT: Relation.EQUIVALENT,
    lexdata.Relation.REVERSED: Relation.REVERSED,
}


def relate(wa: Sequence[str], wb: Sequence[str]) -> Relation | None:
    """The relation of two runs of words, or None when the lexicon cannot tell."""
    got = lexdata.phrase_relation(wa, wb)
    return None if got is None else _RELATION[got]


def _alike(w: str, key: str, others: Sequence[str], stems: frozenset[str]) -> bool:
    """Whether content word ``w`` (content key ``key``) has a like among ``others``."""
    return key in stems or lexdata.equivalent_to_any(w, others)


@lru_cache(maxsize=256)
def _content_words(sentence: tuple[str, ...]) -> tuple[str, ...]:
    """The content words of a sentence; every op in it asks for them (one after the
    other: the ops of a block come in order)."""
    return tuple(o for o in sentence if content_key(o) is not None)


def novel(ws: Sequence[str], sentence: Sequence[str], stems: frozenset[str]) -> list[str]:
    """The content words of ``ws`` with no like (same stem, or an equivalent by the
    lexicon) among the content words of the other side's ``sentence``."""
    others = _content_words(tuple(sentence))
    return [
        w for w in ws if (key := content_key(w)) is not None and not _alike(w, key, others, stems)
    ]


PARTICLES = frozenset(["up", "out", "down", "off", "back", "over", "away", "on", "in"])
"""Adverb particles of English phrasal verbs ("step up", "carry out", "come back")."""


def _phrasal(new: Sequence[str], run: Sequence[str]) -> str:
    """The novel words of a run, each with the particle that follows it there ("stepping
    up"): the closed-class particle is no novel word, but the verb means nothing without it."""
    out: list[str] = []
    for w in new:
        if out and out[-1].endswith(f" {w}"):
            continue  # the particle is novel too ("back" of "came back")
        at = run.index(w) if w in run else -1
        after = run[at + 1] if 0 <= at < len(run) - 1 else ""
        out.append(f"{w} {after}" if after in PARTICLES else w)
    return " ".join(out)


def near_pairs(
    new_a: Sequence[str],
    new_b: Sequence[str],
    run_a: Sequence[str] = (),
    run_b: Sequence[str] = (),
) -> list[tuple[str, str]] | None:
    """Each novel word of one side with a word of close meaning on the other, as
    (a word, b word) pairs; None unless every novel word on both sides has one."""
    if any(lexdata.lemmas(w) & _VOUCHING for w in (*new_a, *new_b)):
        return None
    pairs = [(x, y) for x in new_a for y in new_b if lexdata.close(x, y)]
    if {x for x, _ in pairs} == set(new_a) and {y for _, y in pairs} == set(new_b):
        return pairs
    # A phrasal verb or set phrase against one word ("came back" / "returned", "stepping
    # up" / "increasing").
    whole = _phrasal(new_a, run_a), _phrasal(new_b, run_b)
    if " " in whole[0] + whole[1] and lexdata.close(*whole):
        return [whole]
    return None


def named_otherwise(name: str, sentence: Sequence[str]) -> bool:
    """Whether the other side's sentence names ``name`` in another form the lexicon knows
    ("Netherlands" / "Dutch", "US" / "United States")."""
    return lexdata.equivalent_to_any(name, sentence)

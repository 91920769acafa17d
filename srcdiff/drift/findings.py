"""Group what the rules saw in single ops into findings about units of meaning.

A reviewer decides on changes, not on word ops.  One quote reworded in
three places is one finding; so is "more artillery munitions than the US" →
"as much artillery ammunition as the United States", which the word diff
cuts into two ops around "artillery".  The ops of a unit become the
finding's evidence; the finding takes every kind they carry and the highest
severity among them.

Units are joined, union-find style, from three relations between ops:
- they touch the same quotation on either side (a quote is one unit);
- they sit in the same sentence on both sides, separated by at most
  ``GAP_WORDS`` unchanged words (one rewritten phrase is one unit);
- one drops a name and the other gives a name, in the same sentence on both
  sides ("the alliance's president, Daniel Whitcomb" / "David Whitcomb, the
  alliance's president": one name changed, which reordering cut in two).

A unit is then cut at the seam between two far parts of a split or merge
(``_local_runs``): a finding's text is the document's text over its span,
and a quote of one side that takes words from two far paragraphs of the
other would otherwise run over everything between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..model import Evidence, Op, OpKind, Relation, Severity, Span
from .context import BlockState, Finding, short
from .docindex import DocIndex
from .severity import Cue, weight

GAP_WORDS = 1
"""Unchanged words between two ops of one rewritten phrase, at most."""

_SENTENCE_END = regex.compile(r"[.!?;:]\s|\n")
_WORD = regex.compile(r"\w+")
_SPACE = regex.compile(r"\s*")

QUOTE_CUES = frozenset(
    [Cue.QUOTE_MARKS_REMOVED, Cue.QUOTE_MARKS_ADDED, Cue.QUOTE_REWORDED, Cue.QUOTE_NAME]
)


@dataclass(frozen=True)
class Unit:
    """The evidence of one finding, before it gets its id."""

    ops: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    a_span: Span
    b_span: Span
    quote_a: Span | None
    quote_b: Span | None
    """The quotations the unit is about, on each side, if any."""


def to_evidence(i: int, f: Finding) -> Evidence:
    w = weight(f.cue)
    return Evidence(
        i,
        f.cue.value,
        tuple(dict.fromkeys(f.kinds)),
        w.severity,
        w.relation,
        f.explanation,
        f.a,
        f.b,
        f.a_span,
        f.b_span,
    )


class _Joins:
    def __init__(self, n: int) -> None:
        self.up = list(range(n))

    def find(self, i: int) -> int:
        while self.up[i] != i:
            self.up[i] = self.up[self.up[i]]
            i = self.up[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.up[max(ri, rj)] = min(ri, rj)


def _quotes(D: DocIndex, span: Span) -> list[Span]:
    got = D.quotes_in(span) if span[1] > span[0] else []
    if not got:
        q = D.quote_at(span[0])
        got = [q] if q is not None else []
    return [(q.start, q.end) for q in got]


def _phrase_gap(op: Op) -> bool:
    """Whether an equal op is short enough, and inside one sentence, to join its neighbours."""
    if op.op is not OpKind.EQUAL:
        return False
    return len(_WORD.findall(op.a)) <= GAP_WORDS and not _SENTENCE_END.search(op.a)


def _adjacent(run: Sequence[Op], state: BlockState) -> bool:
    """Whether each op of ``run`` follows the one before it in both documents, with
    nothing but white space between them."""
    for x, y in zip(run, run[1:], strict=False):
        for text, end, start in (
            (state.A.text, x.a_span[1], y.a_span[0]),
            (state.B.text, x.b_span[1], y.b_span[0]),
        ):
            if start < end:
                return False
            gap = _SPACE.match(text, end, start)
            if gap is None or gap.end() != start:
                return False
    return True


def _local_runs(ops: Sequence[Op], members: list[int], state: BlockState) -> list[list[int]]:
    """``members`` (in op order) cut where the ops from one member to the next do not follow
    each other in both documents: at the seam between two far parts of a split or merge."""
    runs = [members[:1]]
    for i, j in zip(members, members[1:], strict=False):
        if _adjacent(ops[i : j + 1], state):
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def units(ops: Sequence[Op], found: dict[int, list[Finding]], state: BlockState) -> list[Unit]:
    """The units of meaning the changed ops of one block form, in the block's order."""
    changed = sorted(found)
    pos = {i: k for k, i in enumerate(changed)}
    joins = _Joins(len(changed))
    by_quote: dict[tuple[int, Span], int] = {}
    quotes_of: dict[int, tuple[list[Span], list[Span]]] = {}
    for i in changed:
        op = ops[i]
        qa, qb = _quotes(state.A, op.a_span), _quotes(state.B, op.b_span)
        quotes_of[i] = (qa, qb)
        for key in [(0, q) for q in qa] + [(1, q) for q in qb]:
            if key in by_quote:
                joins.join(pos[i], pos[by_quote[key]])
            else:
                by_quote[key] = i
    for i, j in zip(changed, changed[1:], strict=False):
        if j == i + 2 and _phrase_gap(ops[i + 1]) or j == i + 1:
            joins.join(pos[i], pos[j])
    for i, j in _name_swaps(ops, found, state):
        joins.join(pos[i], pos[j])
    groups: dict[int, list[int]] = {}
    for i in changed:
        groups.setdefault(joins.find(pos[i]), []).append(i)
    out = [
        _unit(ops, found, run, quotes_of)
        for members in groups.values()
        for run in _local_runs(ops, members, state)
    ]
    out.sort(key=lambda u: u.ops[0])
    return out


def _with_cue(found: dict[int, list[Finding]], cue: Cue) -> list[int]:
    return [i for i in sorted(found) if any(f.cue is cue for f in found[i])]


def _name_swaps(
    ops: Sequence[Op], found: dict[int, list[Finding]], state: BlockState
) -> list[tuple[int, int]]:
    """Pairs of ops, one dropping a name and one giving a name, in one sentence of each
    side."""

    def where(i: int) -> tuple[Span, Span]:
        return state.A.sentence_at(ops[i].a_span[0]), state.B.sentence_at(ops[i].b_span[0])

    added: dict[tuple[Span, Span], int] = {}
    for j in _with_cue(found, Cue.NAME_ADDED):
        added.setdefault(where(j), j)
    return [(i, added[w]) for i in _with_cue(found, Cue.NAME_REMOVED) if (w := where(i)) in added]


def _cover(spans: Sequence[Span]) -> Span:
    return (min(s for s, _ in spans), max(e for _, e in spans))


def _unit(
    ops: Sequence[Op],
    found: dict[int, list[Finding]],
    members: list[int],
    quotes_of: dict[int, tuple[list[Span], list[Span]]],
) -> Unit:
    evidence = tuple(to_evidence(i, f) for i in members for f in found[i])
    a_span = _cover([ops[i].a_span for i in members])
    b_span = _cover([ops[i].b_span for i in members])
    qa = [q for i in members for q in quotes_of[i][0]]
    qb = [q for i in members for q in quotes_of[i][1]]
    return Unit(
        tuple(members),
        evidence,
        a_span,
        b_span,
        _cover(qa) if qa else None,
        _cover(qb) if qb else None,
    )


RELATION_ORDER = {Relation.REVERSED: 2, Relation.CHANGED: 1, Relation.EQUIVALENT: 0}


def rank(ev: Evidence) -> tuple[int, int, int]:
    """Most severe first; at one severity what a rule saw in the words (its explanation
    names them) before a claim-scale reading, then a reversal, a change, an equivalence."""
    return (ev.severity.rank, not ev.cue.startswith("claim_"), RELATION_ORDER[ev.relation])


def relation(evidence: Sequence[Evidence]) -> Relation:
    """A finding's relation: the strongest among its most severe evidence."""
    top = max(ev.severity.rank for ev in evidence)
    return max(
        (ev.relation for ev in evidence if ev.severity.rank == top),
        key=lambda r: RELATION_ORDER[r],
    )


QUOTE_HEADLINES: dict[str, str] = {
    Cue.QUOTE_MARKS_REMOVED: "quotation marks removed: the quote {was} became a paraphrase: {now}",
    Cue.QUOTE_MARKS_ADDED: "quotation marks added: {now} is now presented as a quote (was {was})",
    Cue.QUOTE_REWORDED: "quote reworded: {was} now reads {now}",
    Cue.QUOTE_NAME: "name changed inside a quote: {was} now reads {now}",
    Cue.QUOTE_UNSAID: "quoted words the speaker did not say: {now} (the transcript: {was})",
}
"""How a finding about a quotation reads: the quote on each side, whatever the op was."""


def headline(unit: Unit, a_text: str, b_text: str) -> str:
    """The finding's one-line explanation: its strongest evidence, or the quote it is about."""
    top = max(unit.evidence, key=rank)
    quoted = [ev for ev in unit.evidence if ev.cue in QUOTE_HEADLINES]
    if quoted and top.severity is Severity.HIGH:
        cue = min(quoted, key=lambda ev: list(QUOTE_HEADLINES).index(ev.cue)).cue
        was = a_text[slice(*(unit.quote_a or unit.a_span))]
        now = b_text[slice(*(unit.quote_b or unit.b_span))]
        return QUOTE_HEADLINES[cue].format(
            was=short(was, 60) or "(nothing)", now=short(now, 60) or "(nothing)"
        )
    swap = _name_swap_headline(unit.evidence, top)
    if swap:
        return swap
    more = sum(1 for ev in unit.evidence if ev is not top and ev.severity is not Severity.LOW)
    return top.explanation + (f" (and {more} more change{'s' * (more > 1)})" if more else "")


def _name_swap_headline(evidence: Sequence[Evidence], top: Evidence) -> str | None:
    """ "name changed: Daniel → David" for a unit whose strongest evidence is one name
    dropped and another given."""
    if top.cue not in (Cue.NAME_REMOVED, Cue.NAME_ADDED):
        return None
    lost = [ev for ev in evidence if ev.cue == Cue.NAME_REMOVED]
    given = [ev for ev in evidence if ev.cue == Cue.NAME_ADDED]
    rest = [ev for ev in evidence if ev.severity.rank >= top.severity.rank]
    if len(lost) != 1 or len(given) != 1 or len(rest) != 2:
        return None
    was = lost[0].explanation.split(": ", 1)[1]
    now = given[0].explanation.split(": ", 1)[1]
    return f"name changed: {was} → {now}"

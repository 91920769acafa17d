"""Headings and lead-ins: short lines that belong with the passage they open.

A revision often gives a clause's heading a paragraph of its own ("2.1.
Grants" over the grant) where the other version carries it inline ("2.2.
Contributor Grant. Subject to ..."), or opens a list with a line of its own
("... means any of the following:").  Such a *lead* holds a word or two: too
little for evidence of its own, and the gate's parts rule drops it from the
link its passage is in.  Its place says where it belongs:

* the free leads stacked right before the two sides of a link pair when
  they head sections of one depth ("3." and "3.", not "3." and "3.1.") and
  share their number or a word: a heading and its reworded heading;
* the free leads left right before one side of a link join that link,
  nearest first, while each shares a key with the link's other side and
  that side opens with a label (the heading is carried inline there, or the
  passage is a clause of the section it opens); a list's opening joins
  either way;
* in a gap between ordered neighbours, free section headings with the same
  number on both sides pair ("3. Distribution Obligations." and
  "3. Responsibilities"), when that number heads no other lead in the gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

import regex

from ..model import Paragraph
from .assembly import ParaLink
from .order import gaps
from .units import LABEL

LEAD_WORDS = 8
"""Most words a lead holds after its label (a heading, not a sentence)."""

LEAD_CHARS = 400
"""Longest text a lead can have, its underline and indents included (a quick test first)."""

_RULE = regex.compile(r"[-=*_~#+ ]+")
_STOPS = frozenset(".!?;,\"'”’)…]")
_NUMBER = regex.compile(r"\d+(?:\.\d+)*")

Bags = dict[int, Counter[int]]


@dataclass(frozen=True)
class Lead:
    """A heading or a list's opening."""

    label: str
    """Its clause or section label ("" for none)."""
    joins: bool
    """Whether it may join the link of the passage it opens: a clause's heading or a list's
    opening does; a headline or a news subhead stands alone."""
    colon: bool = False
    """Whether it ends with a colon (a list's opening)."""


def leads(paras: Sequence[Paragraph]) -> dict[int, Lead]:
    """The paragraphs that are leads.

    A lead is one line (an underline aside) of at most ``LEAD_WORDS`` words
    after its label that has a clause or section label, or ends with no stop
    at all (a heading); or one or two lines of at most twice that many words
    that end with a colon (a list's opening).  Never a short sentence or a
    definition of its own.
    """
    out: dict[int, Lead] = {}
    for p in paras:
        if p.noise or len(p.text) > LEAD_CHARS or p.text.count("\n") > 3:
            continue
        rows = [r.strip() for r in p.text.splitlines() if r.strip()]
        rows = [r for r in rows if not _RULE.fullmatch(r)]
        if not 1 <= len(rows) <= 2:
            continue
        row = " ".join(rows)
        m = LABEL.match(row)
        label = m.group().strip() if m else ""
        rest = row[m.end() :].strip() if m else row
        words = len(rest.split())
        if not rest or words > 2 * LEAD_WORDS or (words > LEAD_WORDS and rest[-1] != ":"):
            continue
        if rest[-1] == ":" or (len(rows) == 1 and (label or rest[-1] not in _STOPS)):
            out[p.index] = Lead(label, bool(label) or rest[-1] == ":", rest[-1] == ":")
    return out


def place_leads(
    links: Sequence[ParaLink],
    leads_a: dict[int, Lead],
    leads_b: dict[int, Lead],
    bags_a: Bags,
    bags_b: Bags,
    labelled: tuple[Container[int], Container[int]] = ((), ()),
) -> list[ParaLink]:
    """``links`` with the free leads placed: same-numbered headings, then leads before links.

    ``labelled`` holds the paragraphs of a and of b that open with a label (``labelled``).
    """
    out = list(links) + _numbered(links, leads_a, leads_b)
    taken_a = {i for lk in out for i in lk.a}
    taken_b = {j for lk in out for j in lk.b}
    placed: list[ParaLink] = []
    for lk in sorted(out, key=lambda lk: (lk.a[0], lk.b[0])):
        stack_a = _stack(min(lk.a), leads_a, taken_a)
        stack_b = _stack(min(lk.b), leads_b, taken_b)
        for x, y in _by_level(stack_a, stack_b, leads_a, leads_b, (bags_a, bags_b)):
            placed.append(ParaLink((x,), (y,), 0.0))
            taken_a.add(x)
            taken_b.add(y)
        # The leads left on one side join, nearest first (a heading over a list's opening).
        x = first = min(lk.a) - 1
        while _joins(x, stack_a, taken_a, leads_a, min(lk.b) in labelled[1]) and _shares(
            bags_a.get(x), bags_b, lk.b
        ):
            lk = ParaLink((x, *lk.a), lk.b, lk.score)
            taken_a.add(x)
            x -= 1
        y = min(lk.b) - 1
        while (
            x == first
            and _joins(y, stack_b, taken_b, leads_b, min(lk.a) in labelled[0])
            and _shares(bags_b.get(y), bags_a, lk.a)
        ):
            lk = ParaLink(lk.a, (y, *lk.b), lk.score)
            taken_b.add(y)
            y -= 1
        placed.append(lk)
    return placed


def labelled(paras: Sequence[Paragraph]) -> set[int]:
    """The paragraphs that open with a clause or section label."""
    return {p.index for p in paras if LABEL.match(p.text)}


def _alike(
    x: int, y: int, leads_a: dict[int, Lead], leads_b: dict[int, Lead], bags: tuple[Bags, Bags]
) -> bool:
    """Whether two headings of one depth say they head the same section: a number or a word."""
    na, nb = _NUMBER.search(leads_a[x].label), _NUMBER.search(leads_b[y].label)
    if na and nb and na.group() == nb.group():
        return True
    return _shares(bags[0].get(x), bags[1], (y,))


def _stack(first: int, labels: dict[int, Lead], taken: set[int]) -> list[int]:
    """The free leads right before paragraph ``first``, in order (headings over headings)."""
    out: list[int] = []
    x = first - 1
    while x in labels and x not in taken:
        out.append(x)
        x -= 1
    return out[::-1]


def _level(label: str) -> int:
    """How deep a heading sits: the parts of its section number ("3.1." is 2; none is 0)."""
    m = _NUMBER.search(label)
    return m.group().count(".") + 1 if m else 0


def _by_level(
    stack_a: list[int],
    stack_b: list[int],
    leads_a: dict[int, Lead],
    leads_b: dict[int, Lead],
    bags: tuple[Bags, Bags],
) -> list[tuple[int, int]]:
    """Leads of the two stacks at the same depth that are alike, paired in order."""
    pairs: list[tuple[int, int]] = []
    rest_b = list(stack_b)
    for x in stack_a:
        for y in rest_b:
            if _level(leads_a[x].label) == _level(leads_b[y].label) and _alike(
                x, y, leads_a, leads_b, bags
            ):
                pairs.append((x, y))
                rest_b = rest_b[rest_b.index(y) + 1 :]
                break
    return pairs


def _joins(
    x: int, stack: list[int], taken: set[int], labels: dict[int, Lead], inline: bool
) -> bool:
    """Whether lead x, free and right before a link, may join it.

    A heading joins only when the other side's passage opens with a label of
    its own (``inline``): it carries its heading inline ("2.2. Contributor
    Grant. Subject to ...") or is a clause of the section the heading opens.
    A passage with no label has its own heading, if any, before it, paired
    or not ("8. Litigation" stays apart from a Miscellaneous clause that
    mentions litigation).  A list's opening (a colon) joins either way.
    """
    return x in stack and x not in taken and labels[x].joins and (inline or labels[x].colon)


def _shares(bag: Counter[int] | None, bags: Bags, idx: Sequence[int]) -> bool:
    """Whether a lead's keys meet the keys of the paragraphs idx."""
    return bag is not None and any(not bag.keys().isdisjoint(bags.get(i, ())) for i in idx)


def _numbered(
    links: Sequence[ParaLink], leads_a: dict[int, Lead], leads_b: dict[int, Lead]
) -> list[ParaLink]:
    """Pairs of free section headings with one number, in a gap between ordered neighbours."""
    out: list[ParaLink] = []
    for gap_a, gap_b in gaps(links, leads_a, leads_b):
        by_a = _by_number(gap_a, leads_a)
        by_b = _by_number(gap_b, leads_b)
        for number, xs in by_a.items():
            ys = by_b.get(number, [])
            if len(xs) == 1 and len(ys) == 1:
                out.append(ParaLink((xs[0],), (ys[0],), 0.0))
    return out


def _by_number(gap: list[int], labels: dict[int, Lead]) -> dict[str, list[int]]:
    """The gap's leads by section number (clause letters are no section number)."""
    out: dict[str, list[int]] = {}
    for i in gap:
        m = _NUMBER.search(labels[i].label)
        if m:
            out.setdefault(m.group(), []).append(i)
    return out

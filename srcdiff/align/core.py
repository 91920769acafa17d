"""Pair passages across two versions, whatever their order.

Alignment works on sentences and paragraphs and reports paragraphs:

1. Every sentence of a non-noise paragraph becomes a *unit* with a bag of
   stemmed content words in matching form, weighted by rarity (idf), and
   the set of its consecutive word pairs (shingles).
2. Candidates come from inverted indexes seeded on each unit's rarest words
   and shingles, with a fixed budget of postings per unit: the cost grows
   with the input, never with the product of both sides.  Shingles matter
   in templated copy, where every single word is common.
3. Whole paragraphs first: mutual best pairs with a high weighted Dice pair;
   a paragraph contained in what its partner's partner leaves uncovered
   attaches to it (a split or merge, at any distance if it holds a few
   words), while a passage that only repeats text already covered (a quote
   reused by a second article in the same file) does not.
4. Sentences of the paragraphs left over: mutual best pairs that score well
   are *anchors*; a weaker pair is accepted only when an anchor sits next
   to it on both sides; sentences a partner contains attach to it.
5. Still unpaired: re-worded sentences that share at least two rare words,
   a name or figure among them and a plain word too, pair best first
   (the ``rescue`` pass).
6. Sentence pairs vote for paragraph pairs; connected paragraphs form a
   block (1:1, 1:n split, n:1 merge).  Blocks out of order relative to the
   longest ordered chain are moves.
7. No pair without evidence (``gate``); then order as evidence (``order``):
   far parts, moves that give way, gaps and runs (crossed runs too), parts,
   regroupings, and halves of splits that moved away (``parts.join_far``).
8. Headings, a list's openings and its items go with the passage they open
   or lie in (``leads``, ``order.fill_holes``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import chain

from ..collector import no_cycle_collection
from ..model import Paragraph
from .assembly import Groups, ParaLink, grow_groups
from .evidence import Chance
from .gate import weigh
from .leads import labelled, leads, place_leads
from .moves import yield_moves
from .order import attach_parts, fill_gaps, regroup
from .paragraphs import paragraph_pass
from .parts import drop_far_parts, fill_holes, join_far
from .sentences import align_sentences, rescue
from .units import LETTERED, Vocabulary, sentences_of


def align(
    a_text: str, a_paras: Sequence[Paragraph], b_text: str, b_paras: Sequence[Paragraph]
) -> list[ParaLink]:
    """Paragraph groups of a and b that say the same thing."""
    with no_cycle_collection():
        return _align(a_text, a_paras, b_text, b_paras)


def _align(
    a_text: str, a_paras: Sequence[Paragraph], b_text: str, b_paras: Sequence[Paragraph]
) -> list[ParaLink]:
    """``align``, with the collector held off."""
    sa, sb = sentences_of(a_text, a_paras), sentences_of(b_text, b_paras)
    vocab = Vocabulary(s[3] for s in chain(sa, sb))
    groups = Groups()
    # 1-2. Whole paragraphs first: near-copies pair (and splits and merges
    # attach) on paragraph evidence, which sentence templates cannot confuse.
    pa, pb = vocab.bags(0, sa), vocab.bags(1, sb)
    seeded = paragraph_pass(pa, pb, vocab.numeric, groups)
    # 3. Sentences of the paragraphs still unpaired: re-worded passages.
    la = vocab.units(0, sa, skip=groups.of_a)
    lb = vocab.units(1, sb, skip=groups.of_b)
    if la and lb:
        edges = align_sentences(la, lb, vocab.numeric)
        weight: dict[tuple[int, int], float] = defaultdict(float)
        for i, j, ov in edges:
            weight[(la[i].para, lb[j].para)] += ov
        grow_groups(weight, groups)
    # 4. What is still unpaired: passages that share a few rare facts in other words.
    if vocab.any_units(sa, skip=groups.of_a) or vocab.any_units(sb, skip=groups.of_b):
        ua, ub = vocab.units(0, sa), vocab.units(1, sb)
        para_keys = {(u.doc, u.para): u.keys for u in chain(pa, pb)}
        rescue(ua, ub, a_text, b_text, vocab, para_keys, groups)
    links = groups.links()
    # 5. No pair without evidence.
    bags_a, bags_b = {u.para: u.keys for u in pa}, {u.para: u.keys for u in pb}
    chance = Chance.of(pa, pb)
    weighed = weigh(links, chance, bags_a, bags_b, seeded)
    kept = {w.link: w.z for w in weighed if w.kept}
    links = drop_far_parts(list(kept), chance, bags_a, bags_b)
    # 6. Order as evidence: moves that give way to a pair in order, the gaps
    # between ordered neighbours, then regroupings.
    links = yield_moves(links, chance, bags_a, bags_b, kept)
    heads_a, heads_b = leads(a_paras), leads(b_paras)
    links = fill_gaps(links, chance, bags_a, bags_b, (heads_a.keys(), heads_b.keys()))
    links = regroup(attach_parts(links, chance, bags_a, bags_b), chance, bags_a, bags_b)
    # The half of a split that moved away joins from afar, on strong evidence.
    links = join_far(links, chance, bags_a, bags_b, seeded)
    # 7. Headings and lead-ins go with the passage they open.
    opens = (labelled(a_paras), labelled(b_paras))
    links = place_leads(links, heads_a, heads_b, bags_a, bags_b, opens)
    items_a = {p.index for p in a_paras if p.index not in heads_a and LETTERED.match(p.text)}
    items_b = {p.index for p in b_paras if p.index not in heads_b and LETTERED.match(p.text)}
    links = fill_holes(
        links, chance, bags_a, bags_b, (items_a, items_b), (set(heads_a), set(heads_b))
    )
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links

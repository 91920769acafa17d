"""Pair passages across two versions, whatever their order.

Alignment works on sentences and reports paragraphs:

1. Every sentence of a non-noise paragraph becomes a *unit* with a bag of
   stemmed content words in matching form, weighted by rarity (idf) over
   both documents.
2. Candidates come from an inverted index seeded on each unit's rarest
   words, with a fixed budget of postings per unit: the cost grows with
   the input, never with the product of both sides.
3. Candidate pairs are scored (weighted Dice and containment).  Mutual best
   pairs that score well are *anchors*; a weaker pair is accepted only when
   an anchor sits next to it on both sides.  That context test keeps a file
   that bundles several articles from pairing a repeated quote in the wrong
   article.
4. Sentences that a partner contains but that lost the one-to-one contest
   attach to it (splits and merges).
5. Sentence pairs vote for paragraph pairs; connected paragraphs form a
   block (1:1, 1:n split, n:1 merge).  Blocks out of order relative to the
   longest ordered chain are moves.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Paragraph
from .normalize import content_keys, match_tokens

SEED_BUDGET = 64
"""Postings examined per unit when looking for candidates."""
TOP_CANDIDATES = 12
STRONG = 0.5
"""Dice score at which a mutual best pair is an anchor."""
ACCEPT = 0.35
"""Dice score accepted without context support."""
SUPPORTED = 0.2
"""Dice score accepted when an anchor sits beside the pair on both sides."""
CONTAIN = 0.6
"""Containment at which an unpaired sentence attaches to a paired one."""
WINDOW = 3
MAX_SPREAD = 3
"""How far apart paragraphs of one side of a split or merge may lie."""


@dataclass
class Unit:
    doc: int
    para: int
    seq: int
    keys: Counter[str]
    mass: float = 0.0


@dataclass(frozen=True)
class ParaLink:
    """Paragraph groups that correspond, with the sentence-level score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


def _units(doc: int, text: str, paras: Sequence[Paragraph]) -> list[Unit]:
    out: list[Unit] = []
    for p in paras:
        if p.noise:
            continue
        sents = p.sentences or ()
        spans = [(s.start, s.end) for s in sents] or [(p.start, p.end)]
        for s, e in spans:
            keys = Counter(content_keys(match_tokens(text[s:e])))
            if keys:
                out.append(Unit(doc, p.index, len(out), keys))
    return out


class _Scorer:
    def __init__(self, units: list[Unit]) -> None:
        df: Counter[str] = Counter()
        for u in units:
            df.update(u.keys.keys())
        n = max(len(units), 2)
        self.df = df
        self.idf = {
            k: math.log(1 + n / c) * (1.5 if k[:1].isdigit() else 1.0) for k, c in df.items()
        }
        for u in units:
            u.mass = sum(c * self.idf[k] for k, c in u.keys.items())

    def overlap(self, a: Unit, b: Unit) -> float:
        small, big = (a.keys, b.keys) if len(a.keys) <= len(b.keys) else (b.keys, a.keys)
        idf = self.idf
        ov = 0.0
        for k, c in small.items():
            d = big.get(k)
            if d:
                ov += min(c, d) * idf[k]
        return ov


def _candidates(src: list[Unit], dst: list[Unit], scorer: _Scorer) -> set[tuple[int, int]]:
    """(src seq, dst seq) pairs worth scoring, by shared rare words."""
    postings: dict[str, list[int]] = defaultdict(list)
    for u in dst:
        for k in u.keys:
            postings[k].append(u.seq)
    df = scorer.df
    idf = scorer.idf
    out: set[tuple[int, int]] = set()
    for u in src:
        votes: dict[int, float] = defaultdict(float)
        budget = SEED_BUDGET
        for k in sorted(u.keys, key=lambda k: (df[k], k)):
            plist = postings.get(k)
            if not plist:
                continue
            if len(plist) > budget:
                break
            budget -= len(plist)
            w = idf[k]
            for j in plist:
                votes[j] += w
        for j, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CANDIDATES]:
            out.add((u.seq, j))
    return out


def _supported(i: int, j: int, anchors: dict[int, int], a_n: int) -> bool:
    for d in range(1, WINDOW + 1):
        for ii, sign in ((i - d, -1), (i + d, 1)):
            if 0 <= ii < a_n and ii in anchors:
                jj = anchors[ii]
                if 0 < (jj - j) * sign <= WINDOW:
                    return True
    return False


def align_sentences(ua: list[Unit], ub: list[Unit]) -> list[tuple[int, int, float]]:
    """Accepted (a unit, b unit, overlap) edges, one-to-one plus attachments."""
    scorer = _Scorer(ua + ub)
    pairs = _candidates(ua, ub, scorer)
    pairs |= {(i, j) for j, i in _candidates(ub, ua, scorer)}
    scored: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for i, j in pairs:
        a, b = ua[i], ub[j]
        ov = scorer.overlap(a, b)
        if ov <= 0:
            continue
        dice = 2 * ov / (a.mass + b.mass)
        scored[(i, j)] = (dice, ov / a.mass, ov / b.mass, ov)
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), (dice, *_rest) in scored.items():
        if (dice, -j) > best_a.get(i, (-1.0, 0)):
            best_a[i] = (dice, -j)
        if (dice, -i) > best_b.get(j, (-1.0, 0)):
            best_b[j] = (dice, -i)
    anchors = {
        i: j
        for (i, j), (dice, *_r) in scored.items()
        if dice >= STRONG and best_a[i][1] == -j and best_b[j][1] == -i
    }
    ranked = []
    for (i, j), (dice, _ca, _cb, ov) in scored.items():
        sup = _supported(i, j, anchors, len(ua))
        ranked.append((dice + (0.2 if sup else 0.0), dice, sup, i, j, ov))
    ranked.sort(key=lambda r: (-r[0], r[3], r[4]))
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    edges: list[tuple[int, int, float]] = []
    for _adj, dice, sup, i, j, ov in ranked:
        if i in used_a or j in used_b:
            continue
        if dice >= ACCEPT or (sup and dice >= SUPPORTED):
            used_a[i] = j
            used_b[j] = i
            edges.append((i, j, ov))
    # Attach sentences contained in a paired partner (splits and merges).
    for (i, j), (_dice, ca, cb, ov) in sorted(scored.items()):
        if i not in used_a and j in used_b and ca >= CONTAIN and _near(ua, i, used_b[j]):
            edges.append((i, j, ov))
            used_a[i] = j
        elif j not in used_b and i in used_a and cb >= CONTAIN and _near(ub, j, used_a[i]):
            edges.append((i, j, ov))
            used_b[j] = i
    return edges


def _spread(idx: set[int]) -> int:
    return max(idx) - min(idx)


def _near(units: list[Unit], i: int, k: int) -> bool:
    """Whether unit i sits within a couple of paragraphs of unit k."""
    return abs(units[i].para - units[k].para) <= 2


def align(
    a_text: str, a_paras: Sequence[Paragraph], b_text: str, b_paras: Sequence[Paragraph]
) -> list[ParaLink]:
    """Paragraph groups of a and b that say the same thing."""
    ua = _units(0, a_text, a_paras)
    ub = _units(1, b_text, b_paras)
    edges = align_sentences(ua, ub)
    weight: dict[tuple[int, int], float] = defaultdict(float)
    for i, j, ov in edges:
        weight[(ua[i].para, ub[j].para)] += ov
    out_a: dict[int, float] = defaultdict(float)
    out_b: dict[int, float] = defaultdict(float)
    for (pa, pb), w in weight.items():
        out_a[pa] += w
        out_b[pb] += w
    kept = [(w, pa, pb) for (pa, pb), w in weight.items() if w >= 0.3 * min(out_a[pa], out_b[pb])]
    kept.sort(key=lambda t: (-t[0], t[1], t[2]))
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: list[tuple[set[int], set[int], list[float]]] = []
    for w, pa, pb in kept:
        ga_id, gb_id = group_of_a.get(pa), group_of_b.get(pb)
        if ga_id is None and gb_id is None:
            group_of_a[pa] = group_of_b[pb] = len(groups)
            groups.append(({pa}, {pb}, [w]))
        elif ga_id is not None and gb_id is not None:
            if ga_id == gb_id:
                groups[ga_id][2].append(w)
        elif ga_id is not None:
            ga, gb, ws = groups[ga_id]
            if len(ga) == 1 and _spread(gb | {pb}) <= MAX_SPREAD:
                gb.add(pb)
                ws.append(w)
                group_of_b[pb] = ga_id
        elif gb_id is not None:
            ga, gb, ws = groups[gb_id]
            if len(gb) == 1 and _spread(ga | {pa}) <= MAX_SPREAD:
                ga.add(pa)
                ws.append(w)
                group_of_a[pa] = gb_id
    links = [ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), sum(ws)) for ga, gb, ws in groups]
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links


def ordered_chain(links: Sequence[ParaLink]) -> set[int]:
    """Indices of links on the longest chain ordered on both sides (the rest moved)."""
    order = sorted(range(len(links)), key=lambda k: (links[k].a[0], links[k].b[0]))
    seq = [links[k].b[0] for k in order]
    # Patience sorting for the longest strictly increasing subsequence.
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(seq)
    from bisect import bisect_left

    for pos, v in enumerate(seq):
        t = bisect_left(tails, v)
        if t == len(tails):
            tails.append(v)
            tails_idx.append(pos)
        else:
            tails[t] = v
            tails_idx[t] = pos
        prev[pos] = tails_idx[t - 1] if t else -1
    keep: set[int] = set()
    p = tails_idx[-1] if tails_idx else -1
    while p != -1:
        keep.add(order[p])
        p = prev[p]
    return keep

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
   attaches to it (a split or merge, at any distance), while a passage that
   only repeats text already covered (a quote reused by a second article in
   the same file) does not.
4. Sentences of the paragraphs left over: mutual best pairs that score well
   are *anchors*; a weaker pair is accepted only when an anchor sits next
   to it on both sides; sentences a partner contains attach to it.
5. Still unpaired: re-worded sentences that share at least two rare words,
   a name or figure among them and a plain word too, pair best first
   (the ``_rescue`` pass).
6. Sentence pairs vote for paragraph pairs; connected paragraphs form a
   block (1:1, 1:n split, n:1 merge).  Blocks out of order relative to the
   longest ordered chain are moves.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .model import Paragraph
from .normalize import align_key, key_sequence, norm_word

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
RESCUE = 0.12
"""Dice score at which a re-worded sentence pair may be rescued."""
RARE_IDF = 2.0
"""Rarity (idf over sentences) of a key that counts as evidence in the rescue pass."""
RESCUE_SHARED = 2
RESCUE_SUPPORTED = 0.08
"""The same, for a sentence joining a paragraph that is paired with its neighbour."""
SUPPORT_BONUS = 0.2
"""Rank bonus of a rescued pair that extends a paired neighbour (context support)."""
SHINGLE_VOTE = 4.0
"""Candidate vote for each rare pair of consecutive keys shared."""
P_ACCEPT = 0.5
"""Dice score at which mutual best whole paragraphs pair."""
ATTACH = 0.6
"""Share of a paragraph that must lie in its partner's uncovered rest to attach."""
MAX_SPREAD = 3
"""How far apart paragraphs of one side of a split or merge may lie."""


@dataclass
class Unit:
    doc: int
    para: int
    seq: int
    keys: Counter[str]
    mass: float = 0.0
    shingles: frozenset[str] = frozenset()
    """Pairs of consecutive keys: rarer than words in templated copy, for seeding."""
    start: int = 0
    end: int = 0


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
            seq = key_sequence(text[s:e])
            if seq:
                sh = frozenset(map(" ".join, zip(seq, seq[1:], strict=False)))
                out.append(Unit(doc, p.index, len(out), Counter(seq), shingles=sh, start=s, end=e))
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
        ka, kb = a.keys, b.keys
        idf = self.idf
        return sum(min(ka[k], kb[k]) * idf[k] for k in ka.keys() & kb.keys())


def _rare_postings(dst: list[Unit], attr: str) -> dict[str, list[int]]:
    """Postings of the keys (or shingles) held by at most SEED_BUDGET units of dst."""
    postings: dict[str, list[int]] = defaultdict(list)
    for u in dst:
        for k in getattr(u, attr):
            postings[k].append(u.seq)
    return {k: pl for k, pl in postings.items() if len(pl) <= SEED_BUDGET}


def _candidates(
    src: list[Unit], dst: list[Unit], scorer: _Scorer, shingles: bool = False
) -> set[tuple[int, int]]:
    """(src seq, dst seq) pairs worth scoring, by shared rare words (and word pairs).

    Keys are taken rarest first until SEED_BUDGET postings are spent; keys
    held by more than SEED_BUDGET units of dst are never looked at, so the
    cost is bounded per unit.
    """
    postings = _rare_postings(dst, "keys")
    sh_postings = _rare_postings(dst, "shingles") if shingles else {}
    df = scorer.df
    idf = scorer.idf
    out: set[tuple[int, int]] = set()
    for u in src:
        votes: dict[int, float] = defaultdict(float)
        budget = SEED_BUDGET
        for k in sorted(u.keys.keys() & postings.keys(), key=lambda k: (df[k], k)):
            plist = postings[k]
            if len(plist) > budget:
                break
            budget -= len(plist)
            w = idf[k]
            for j in plist:
                votes[j] += w
        if shingles:
            budget = SEED_BUDGET
            for _n, _s, plist in sorted(
                (len(sh_postings[s]), s, sh_postings[s]) for s in u.shingles & sh_postings.keys()
            ):
                if len(plist) > budget:
                    break
                budget -= len(plist)
                for j in plist:
                    votes[j] += SHINGLE_VOTE
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


def _group(
    weight: dict[tuple[int, int], float],
    group_of_a: dict[int, int],
    group_of_b: dict[int, int],
    groups: list[tuple[set[int], set[int], list[float]]],
) -> None:
    """Grow paragraph groups from sentence-vote weights (1:1, 1:n, n:1)."""
    out_a: dict[int, float] = defaultdict(float)
    out_b: dict[int, float] = defaultdict(float)
    for (pa, pb), w in weight.items():
        out_a[pa] += w
        out_b[pb] += w
    kept = [(w, pa, pb) for (pa, pb), w in weight.items() if w >= 0.3 * min(out_a[pa], out_b[pb])]
    kept.sort(key=lambda t: (-t[0], t[1], t[2]))
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


def align(
    a_text: str, a_paras: Sequence[Paragraph], b_text: str, b_paras: Sequence[Paragraph]
) -> list[ParaLink]:
    """Paragraph groups of a and b that say the same thing."""
    ua = _units(0, a_text, a_paras)
    ub = _units(1, b_text, b_paras)
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: list[tuple[set[int], set[int], list[float]]] = []
    # 1-2. Whole paragraphs first: near-copies pair (and splits and merges
    # attach) on paragraph evidence, which sentence templates cannot confuse.
    _paragraph_pass(ua, ub, group_of_a, group_of_b, groups)
    # 3. Sentences of the paragraphs still unpaired: re-worded passages.
    la = _reindex([u for u in ua if u.para not in group_of_a])
    lb = _reindex([u for u in ub if u.para not in group_of_b])
    if la and lb:
        edges = align_sentences(la, lb)
        weight: dict[tuple[int, int], float] = defaultdict(float)
        for i, j, ov in edges:
            weight[(la[i].para, lb[j].para)] += ov
        _group(weight, group_of_a, group_of_b, groups)
    # 4. What is still unpaired: passages that share a few rare facts in other words.
    _rescue(ua, ub, a_text, b_text, group_of_a, group_of_b, groups)
    links = [ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), sum(ws)) for ga, gb, ws in groups]
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links


def _bags(doc: int, units: list[Unit]) -> list[Unit]:
    """One unit per paragraph: the sum of its sentences' keys."""
    bags: dict[int, Counter[str]] = {}
    shingles: dict[int, set[str]] = defaultdict(set)
    for u in units:
        bags.setdefault(u.para, Counter()).update(u.keys)
        shingles[u.para] |= u.shingles
    return [
        Unit(doc, p, k, c, shingles=frozenset(shingles[p]))
        for k, (p, c) in enumerate(sorted(bags.items()))
    ]


def _best(scored: dict[tuple[int, int], float]) -> tuple[dict[int, int], dict[int, int]]:
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), dice in scored.items():
        if (dice, -j) > best_a.get(i, (-1.0, 0)):
            best_a[i] = (dice, -j)
        if (dice, -i) > best_b.get(j, (-1.0, 0)):
            best_b[j] = (dice, -i)
    return {i: -v[1] for i, v in best_a.items()}, {j: -v[1] for j, v in best_b.items()}


def _paragraph_pass(
    ua: list[Unit],
    ub: list[Unit],
    group_of_a: dict[int, int],
    group_of_b: dict[int, int],
    groups: list[tuple[set[int], set[int], list[float]]],
) -> None:
    """Pair whole paragraphs that are mutual best matches; attach split and merged parts.

    A part attaches to a paired paragraph when it is contained in what that
    paragraph's partner leaves uncovered (the residual), so a passage that
    merely repeats text already accounted for (a quote reused by another
    article in the same file) does not attach.
    """
    pa, pb = _bags(0, ua), _bags(1, ub)
    if not pa or not pb:
        return
    scorer = _Scorer(pa + pb)
    pairs = _candidates(pa, pb, scorer, shingles=True)
    pairs |= {(i, j) for j, i in _candidates(pb, pa, scorer, shingles=True)}
    scored: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        ov = scorer.overlap(pa[i], pb[j])
        if ov > 0:
            scored[(i, j)] = 2 * ov / (pa[i].mass + pb[j].mass)
    best_a, best_b = _best(scored)
    gid_a: dict[int, int] = {}
    gid_b: dict[int, int] = {}
    members: list[tuple[list[int], list[int]]] = []
    for (i, j), dice in sorted(scored.items()):
        if dice >= P_ACCEPT and best_a[i] == j and best_b[j] == i:
            gid_a[i] = gid_b[j] = len(members)
            members.append(([i], [j]))
    cands_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    cands_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), dice in scored.items():
        if i not in gid_a and j in gid_b:
            cands_a[i].append((-dice, j))
        if j not in gid_b and i in gid_a:
            cands_b[j].append((-dice, i))
    sides = ((pa, pb, gid_a, gid_b, cands_a, 0), (pb, pa, gid_b, gid_a, cands_b, 1))
    for own, other, gid_own, gid_other, cands, side in sides:
        for x in sorted(cands, key=lambda x: (min(cands[x]), x)):
            for _neg, y in sorted(cands[x]):
                g = gid_other[y]
                mine, theirs = members[g][side], members[g][1 - side]
                if len(theirs) != 1:
                    continue
                rest = Counter(other[y].keys)
                for m in mine:
                    rest.subtract(own[m].keys)
                cover = scorer.overlap(own[x], Unit(0, 0, 0, +rest))
                if cover >= ATTACH * own[x].mass:
                    mine.append(x)
                    gid_own[x] = g
                    break
    for ia, ib in members:
        gid = len(groups)
        for i in ia:
            group_of_a[pa[i].para] = gid
        for j in ib:
            group_of_b[pb[j].para] = gid
        groups.append(({pa[i].para for i in ia}, {pb[j].para for j in ib}, [1.0]))


_NAME = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*")


def _names(text: str, u: Unit) -> set[str]:
    """Keys of the names and figures of a unit: capitalised words not opening it, numbers."""
    out: set[str] = set()
    for k, m in enumerate(_NAME.finditer(text, u.start, u.end)):
        raw = m.group()
        if raw[0].isdigit() or (k and raw[0].isupper()):
            out.add(align_key(norm_word(raw)))
    return out


def _rescue(
    ua: list[Unit],
    ub: list[Unit],
    a_text: str,
    b_text: str,
    group_of_a: dict[int, int],
    group_of_b: dict[int, int],
    groups: list[tuple[set[int], set[int], list[float]]],
) -> None:
    """Pair sentences of still-unpaired paragraphs that state the same facts in other words.

    Word overlap is low between two agencies' write-ups, so the evidence
    asked for is different: at least RESCUE_SHARED rare keys in common, among
    them both a name or a figure (who, how many) and a plain word (what
    happened), and a Dice score of RESCUE or more.  Names alone are not
    enough: "the People's Republic of China (PRC)" glossed in two unrelated
    quotes is not a shared fact.  Pairs
    are taken best first, each sentence once.  A sentence may also join a
    paragraph that is already paired when its own paragraph sits beside that
    pair's (a merge or split across re-worded text); _group enforces that.
    """
    free_a = [u for u in ua if u.para not in group_of_a]
    free_b = [u for u in ub if u.para not in group_of_b]
    if not free_a and not free_b:
        return
    scorer = _Scorer(ua + ub)
    pairs = _candidates(free_a, ub, scorer)
    pairs |= {(i, j) for j, i in _candidates(free_b, ua, scorer)}
    idf = scorer.idf
    names: dict[tuple[int, int], set[str]] = {}

    def names_of(u: Unit) -> set[str]:
        key = (u.doc, u.seq)
        if key not in names:
            names[key] = _names(b_text if u.doc else a_text, u)
        return names[key]

    ranked: list[tuple[float, int, int, float]] = []
    for i, j in pairs:
        a, b = ua[i], ub[j]
        if not _feasible(a.para, b.para, group_of_a, group_of_b, groups):
            continue
        rare = [k for k in a.keys.keys() & b.keys.keys() if idf[k] >= RARE_IDF]
        if len(rare) < RESCUE_SHARED:
            continue
        ov = scorer.overlap(a, b)
        dice = 2 * ov / (a.mass + b.mass)
        attach = a.para in group_of_a or b.para in group_of_b
        if dice < (RESCUE_SUPPORTED if attach else RESCUE):
            continue
        known = names_of(a) | names_of(b)
        named = [k for k in rare if k[:1].isdigit() or k in known]
        if named and len(named) < len(rare):
            ranked.append((dice + (SUPPORT_BONUS if attach else 0.0), i, j, ov))
    ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    weight: dict[tuple[int, int], float] = defaultdict(float)
    for _dice, i, j, ov in ranked:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        weight[(ua[i].para, ub[j].para)] += ov
    _group(weight, group_of_a, group_of_b, groups)


def _feasible(
    pa: int,
    pb: int,
    group_of_a: dict[int, int],
    group_of_b: dict[int, int],
    groups: list[tuple[set[int], set[int], list[float]]],
) -> bool:
    """Whether linking paragraphs pa and pb could form or grow a 1:1, 1:n or n:1 group."""
    ga, gb = group_of_a.get(pa), group_of_b.get(pb)
    if ga is None and gb is None:
        return True
    if ga is not None and gb is not None:
        return False
    if ga is not None:
        sa, sb, _w = groups[ga]
        return len(sa) == 1 and _spread(sb | {pb}) <= MAX_SPREAD
    assert gb is not None
    sa, sb, _w = groups[gb]
    return len(sb) == 1 and _spread(sa | {pa}) <= MAX_SPREAD


def _reindex(units: list[Unit]) -> list[Unit]:
    return [
        Unit(u.doc, u.para, k, u.keys, shingles=u.shingles, start=u.start, end=u.end)
        for k, u in enumerate(units)
    ]


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

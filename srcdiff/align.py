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
   (the ``_rescue`` pass).
6. Sentence pairs vote for paragraph pairs; connected paragraphs form a
   block (1:1, 1:n split, n:1 merge).  Blocks out of order relative to the
   longest ordered chain are moves.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence, Set
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import add, lt, mul

import regex

from .collector import no_cycle_collection
from .model import Paragraph
from .normalize import align_key, key_sequence, norm_word
from .sequence import longest_increasing

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
FAR_KEYS = 4
"""Distinct keys a paragraph needs to join a split or merge from further than MAX_SPREAD."""


@dataclass(slots=True)
class Unit:
    """A sentence, or in the paragraph pass a whole paragraph, as numbered keys."""

    doc: int
    para: int
    seq: int
    words: list[int]
    """Its keys in text order (numbered by ``_Vocabulary``)."""
    shingles: frozenset[int] = frozenset()
    """Pairs of consecutive keys: rarer than words in templated copy, for seeding."""
    start: int = 0
    end: int = 0
    counts: Counter[int] | None = None
    """Its key counts, once known (see ``keys``)."""

    @property
    def keys(self) -> Counter[int]:
        """How often each key occurs, in order of first occurrence (counted when first asked)."""
        if self.counts is None:
            self.counts = Counter(self.words)
        return self.counts


@dataclass(frozen=True)
class ParaLink:
    """Paragraph groups that correspond, with the sentence-level score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


Sentence = tuple[int, int, int, str]
"""(paragraph index, start, end, text) of a sentence to align."""


def _sentences(text: str, paras: Sequence[Paragraph]) -> list[Sentence]:
    """The sentences of the non-noise paragraphs (a paragraph without any is one)."""
    out: list[Sentence] = []
    for p in paras:
        if p.noise:
            continue
        sents = p.sentences or ()
        spans = [(s.start, s.end) for s in sents] or [(p.start, p.end)]
        out.extend((p.index, s, e, text[s:e]) for s, e in spans)
    return out


class _Vocabulary:
    """The keys of every sentence of both texts, numbered in sorted order.

    Numbers order as the keys they stand for, so ties broken on numbers fall
    as ties broken on keys would.  A shingle (two consecutive keys) is one
    number too, ordered as the two keys joined by a space.  Each distinct
    sentence is read once, and each distinct paragraph bagged once: two
    versions of a text share most of both.
    """

    def __init__(self, sentences: Iterable[str]) -> None:
        words = {s: key_sequence(s) for s in dict.fromkeys(sentences)}
        names = sorted(set(chain.from_iterable(words.values())))
        number = dict(zip(names, range(len(names)), strict=True))
        self.names = names
        self.number = number
        self.numeric = frozenset(i for i, k in enumerate(names) if k[:1].isdigit())
        """Keys that are figures (their rarity weighs more)."""
        self._ids = {s: list(map(number.__getitem__, w)) for s, w in words.items()}
        self._shingles = self._number_shingles()
        self._bags: dict[tuple[str, ...], tuple[list[int], Counter[int], frozenset[int]]] = {}

    def _number_shingles(self) -> dict[str, list[int]]:
        """The shingles of each sentence as numbers: a * n + b for keys a, b and n keys."""
        n = len(self.names)
        times_n = [k * n for k in range(n)]
        out = {
            s: list(map(add, map(times_n.__getitem__, ids), ids[1:]))
            for s, ids in self._ids.items()
        }
        if n and min("".join(self.names)) <= " ":
            # A key holding a space (or a control character): two keys joined
            # by a space may sort apart from their numbers, or read as another
            # pair joined; number the shingles by their text instead.
            names = self.names
            text = {c: f"{names[c // n]} {names[c % n]}" for c in chain.from_iterable(out.values())}
            order = {t: k for k, t in enumerate(sorted(set(text.values())))}
            out = {s: [order[text[c]] for c in sh] for s, sh in out.items()}
        return out

    def units(self, doc: int, sentences: list[Sentence], skip: Container[int] = ()) -> list[Unit]:
        """Units of the sentences that hold keys, numbered in order, save in paragraphs in skip."""
        units: list[Unit] = []
        for para, s, e, text in sentences:
            ids = self._ids[text]
            if ids and para not in skip:
                units.append(Unit(doc, para, len(units), ids, start=s, end=e))
        return units

    def bags(self, doc: int, sentences: list[Sentence]) -> list[Unit]:
        """One unit per paragraph that holds keys, in paragraph order (see ``_bag``)."""
        texts: dict[int, list[str]] = {}
        for para, _s, _e, text in sentences:
            if self._ids[text]:
                texts.setdefault(para, []).append(text)
        return [self._bag(doc, p, k, tuple(texts[p])) for k, p in enumerate(sorted(texts))]

    def _bag(self, doc: int, para: int, seq: int, texts: tuple[str, ...]) -> Unit:
        """A paragraph as one unit: its sentences' keys, and the shingles inside each sentence."""
        made = self._bags.get(texts)
        if made is None:
            ids = list(chain.from_iterable(map(self._ids.__getitem__, texts)))
            shingles = frozenset(chain.from_iterable(map(self._shingles.__getitem__, texts)))
            made = self._bags[texts] = (ids, Counter(ids), shingles)
        ids, counts, shingles = made
        return Unit(doc, para, seq, ids, shingles=shingles, counts=counts)


@dataclass(slots=True)
class _Weighted:
    """A unit's key counts, with what scoring needs besides."""

    counts: Counter[int]
    repeated: frozenset[int]
    """The keys counted more than once."""
    mass: float
    """The sum of count times idf over its keys, in order of first occurrence."""


class _Scorer:
    """Rarity of the keys of some units, and idf-weighted overlap between units.

    A unit's weights are worked out when the unit is first scored: most
    units are only ever seeded on.
    """

    def __init__(self, units: list[Unit], numeric: frozenset[int]) -> None:
        df: Counter[int] = Counter(chain.from_iterable(u.keys for u in units))
        n = max(len(units), 2)
        logs = {c: math.log(1 + n / c) for c in set(df.values())}
        idf = dict(zip(df, map(logs.__getitem__, df.values()), strict=True))
        for k in numeric & df.keys():
            idf[k] = logs[df[k]] * 1.5
        self.df = df
        self.idf = idf
        self._weighted: dict[tuple[int, int], _Weighted] = {}

    def weighted(self, u: Unit) -> _Weighted:
        """The weights of u's keys (worked out once)."""
        made = self._weighted.get((u.doc, u.seq))
        if made is None:
            keys = u.keys
            repeated = frozenset(compress(keys, map(lt, repeat(1), keys.values())))
            mass = sum(map(mul, keys.values(), map(self.idf.__getitem__, keys)))
            made = self._weighted[(u.doc, u.seq)] = _Weighted(keys, repeated, mass)
        return made

    def mass(self, u: Unit) -> float:
        """The idf-weighted size of u."""
        return self.weighted(u).mass

    def overlap(self, a: Unit, b: Unit) -> float:
        """The idf-weighted keys a and b share."""
        return _shared(self.weighted(a), self.weighted(b), self.idf)

    def cover(self, keys: Counter[int], rest: Counter[int]) -> float:
        """The idf-weighted keys of one bag that lie in another."""
        idf = self.idf
        return sum(min(keys[k], rest[k]) * idf[k] for k in keys.keys() & rest.keys())


def _shared(a: _Weighted, b: _Weighted, idf: dict[int, float]) -> float:
    """Sum over the keys of both of the lesser count times the key's idf.

    A key counted once on either side weighs its idf; only the keys counted
    more than once on both sides need the lesser count, and they are added
    last.
    """
    ca, cb = a.counts, b.counts
    common = ca.keys() & cb.keys()
    if a.repeated.isdisjoint(b.repeated):
        return sum(map(idf.__getitem__, common))
    both = a.repeated & b.repeated
    common -= both
    once = sum(map(idf.__getitem__, common))
    lesser = map(min, map(ca.__getitem__, both), map(cb.__getitem__, both))
    return sum(map(mul, lesser, map(idf.__getitem__, both)), once)


def _held(u: Unit, attr: str) -> Set[int]:
    """The keys, or shingles, of u."""
    return u.keys.keys() if attr == "keys" else u.shingles


def _postings(units: list[Unit], attr: str, among: Set[int] | None = None) -> dict[int, list[int]]:
    """For each key (or shingle) of units, in among if given, the places of the units holding it."""
    postings: dict[int, list[int]] = defaultdict(list)
    for pos, u in enumerate(units):
        held = _held(u, attr)
        for k in held if among is None else held & among:
            postings[k].append(pos)
    return postings


@dataclass(frozen=True)
class _Index:
    """Units with their postings (shingles only when seeding on them)."""

    units: list[Unit]
    keys: dict[int, list[int]]
    shingles: dict[int, list[int]]


def _indexes(ua: list[Unit], ub: list[Unit], shingles: bool = False) -> tuple[_Index, _Index]:
    """Both lists of units indexed for seeding each other.

    Only a feature both hold can seed a pair: when one list is a few
    leftover sentences and the other a whole text, the longer is indexed on
    the features of the shorter only.
    """
    short, long = (ua, ub) if len(ua) <= len(ub) else (ub, ua)
    attrs = ("keys", "shingles") if shingles else ("keys",)
    by_short = [_postings(short, attr) for attr in attrs]
    narrow = len(short) * _NARROW < len(long)
    by_long = [
        _postings(long, attr, p.keys() if narrow else None)
        for attr, p in zip(attrs, by_short, strict=True)
    ]
    i_short = _Index(short, by_short[0], by_short[1] if shingles else {})
    i_long = _Index(long, by_long[0], by_long[1] if shingles else {})
    return (i_short, i_long) if short is ua else (i_long, i_short)


_NARROW = 4
"""How many times longer than the other a list of units is indexed on the other's features."""


def _rare(postings: dict[int, list[int]]) -> dict[int, list[int]]:
    """The postings held by at most SEED_BUDGET units."""
    return {k: pl for k, pl in postings.items() if len(pl) <= SEED_BUDGET}


def _seed(
    src: dict[int, list[int]],
    dst: dict[int, list[int]],
    order: list[int],
    weights: Iterable[float],
    votes: list[dict[int, float]],
) -> None:
    """Votes of the src units for the dst units that share their features.

    order holds the features of both sides rarest first, weights their votes.
    Each src unit takes its own features in that order until SEED_BUDGET
    postings are spent: the first whose postings exceed what is left ends
    its run (its budget is then -1).  All units are swept together, feature
    by feature, which spares sorting each unit's features on its own.
    """
    budget = [SEED_BUDGET] * len(votes)
    for f, w in zip(order, weights, strict=False):
        plist = dst[f]
        n = len(plist)
        for u in src[f]:
            left = budget[u]
            if n > left:
                budget[u] = -1
                continue
            budget[u] = left - n
            v = votes[u]
            for j in plist:
                if j in v:
                    v[j] += w
                else:
                    v[j] = w


def _top(votes: dict[int, float]) -> tuple[list[int], int]:
    """The TOP_CANDIDATES units with most votes, ties to the lower index (in no
    order), and one with the most votes."""
    n = TOP_CANDIDATES
    if len(votes) <= n:
        return list(votes), max(votes, key=votes.__getitem__)
    ranked = sorted(votes, key=votes.__getitem__, reverse=True)
    cut = votes[ranked[n - 1]]
    if votes[ranked[n]] < cut:
        return ranked[:n], ranked[0]
    first, last = n - 1, n + 1
    while first and votes[ranked[first - 1]] == cut:
        first -= 1
    while last < len(ranked) and votes[ranked[last]] == cut:
        last += 1
    return ranked[:first] + sorted(ranked[first:last])[: n - first], ranked[0]


Found = list[tuple[int, list[int], int]]
"""Per src unit: its seq, the dst seqs worth scoring with it, and the most voted of those."""


def _candidates(src: _Index, dst: _Index, scorer: _Scorer, shingles: bool = False) -> Found:
    """Dst units worth scoring with each src unit, by shared rare words (and word pairs).

    Keys are taken rarest first until SEED_BUDGET postings are spent; keys
    held by more than SEED_BUDGET units of dst are never looked at, so the
    cost is bounded per unit.  Dst units are numbered by their place.
    """
    votes: list[dict[int, float]] = [{} for _ in src.units]
    keys = _rare(dst.keys)
    order = sorted(src.keys.keys() & keys.keys())
    order.sort(key=scorer.df.__getitem__)
    _seed(src.keys, keys, order, map(scorer.idf.__getitem__, order), votes)
    if shingles:
        rare = _rare(dst.shingles)
        sizes = dict(zip(rare, map(len, rare.values()), strict=True))
        order = sorted(src.shingles.keys() & rare.keys())
        order.sort(key=sizes.__getitem__)
        _seed(src.shingles, rare, order, repeat(SHINGLE_VOTE), votes)
    return [(u.seq, *_top(v)) for u, v in zip(src.units, votes, strict=True) if v]


def _union(from_a: Found, from_b: Found) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """Candidate pairs seeded from either side, and each unit's most voted, as (a seq, b seq)."""
    pairs: set[tuple[int, int]] = set()
    leads: list[tuple[int, int]] = []
    for i, top, lead in from_a:
        pairs.update(zip(repeat(i, len(top)), top, strict=True))
        leads.append((i, lead))
    for j, top, lead in from_b:
        pairs.update(zip(top, repeat(j, len(top)), strict=True))
        leads.append((lead, j))
    return pairs, leads


def _candidate_pairs(
    ua: list[Unit], ub: list[Unit], scorer: _Scorer, shingles: bool = False
) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """Candidates seeded from either side, and each unit's most voted, as (a seq, b seq)."""
    ia, ib = _indexes(ua, ub, shingles)
    return _union(_candidates(ia, ib, scorer, shingles), _candidates(ib, ia, scorer, shingles))


def _supported(i: int, j: int, anchors: dict[int, int], a_n: int) -> bool:
    for d in range(1, WINDOW + 1):
        for ii, sign in ((i - d, -1), (i + d, 1)):
            if 0 <= ii < a_n and ii in anchors:
                jj = anchors[ii]
                if 0 < (jj - j) * sign <= WINDOW:
                    return True
    return False


def align_sentences(
    ua: list[Unit], ub: list[Unit], numeric: frozenset[int]
) -> list[tuple[int, int, float]]:
    """Accepted (a unit, b unit, overlap) edges, one-to-one plus attachments."""
    scorer = _Scorer(ua + ub, numeric)
    pairs, _leads = _candidate_pairs(ua, ub, scorer)
    scored: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for i, j in pairs:
        a, b = ua[i], ub[j]
        ov = scorer.overlap(a, b)
        if ov <= 0:
            continue
        ma, mb = scorer.mass(a), scorer.mass(b)
        scored[(i, j)] = (2 * ov / (ma + mb), ov / ma, ov / mb, ov)
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
    with no_cycle_collection():
        return _align(a_text, a_paras, b_text, b_paras)


def _align(
    a_text: str, a_paras: Sequence[Paragraph], b_text: str, b_paras: Sequence[Paragraph]
) -> list[ParaLink]:
    """``align``, with the collector held off."""
    sa, sb = _sentences(a_text, a_paras), _sentences(b_text, b_paras)
    vocab = _Vocabulary(s[3] for s in chain(sa, sb))
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: list[tuple[set[int], set[int], list[float]]] = []
    # 1-2. Whole paragraphs first: near-copies pair (and splits and merges
    # attach) on paragraph evidence, which sentence templates cannot confuse.
    pa, pb = vocab.bags(0, sa), vocab.bags(1, sb)
    _paragraph_pass(pa, pb, vocab.numeric, group_of_a, group_of_b, groups)
    # 3. Sentences of the paragraphs still unpaired: re-worded passages.
    la = vocab.units(0, sa, skip=group_of_a)
    lb = vocab.units(1, sb, skip=group_of_b)
    if la and lb:
        edges = align_sentences(la, lb, vocab.numeric)
        weight: dict[tuple[int, int], float] = defaultdict(float)
        for i, j, ov in edges:
            weight[(la[i].para, lb[j].para)] += ov
        _group(weight, group_of_a, group_of_b, groups)
    # 4. What is still unpaired: passages that share a few rare facts in other words.
    if vocab.units(0, sa, skip=group_of_a) or vocab.units(1, sb, skip=group_of_b):
        ua, ub = vocab.units(0, sa), vocab.units(1, sb)
        para_keys = {(u.doc, u.para): u.keys for u in chain(pa, pb)}
        _rescue(ua, ub, a_text, b_text, vocab, para_keys, group_of_a, group_of_b, groups)
    links = [ParaLink(tuple(sorted(ga)), tuple(sorted(gb)), sum(ws)) for ga, gb, ws in groups]
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links


def _dice(a: _Weighted, b: _Weighted, idf: dict[int, float]) -> float:
    """The weighted Dice score of two units."""
    return 2 * _shared(a, b, idf) / (a.mass + b.mass)


@dataclass
class _Contest:
    """Scored candidate pairs of whole paragraphs, and each paragraph's best partner."""

    scored: dict[tuple[int, int], float]
    """Dice scores above 0 of the pairs that may be the best of either paragraph."""
    put_off: list[tuple[int, int]]
    """The other pairs, not scored."""
    best_a: list[int]
    """For each paragraph of a, the b paragraph scoring highest with it, the
    lowest on a tie (-1 for none)."""
    best_b: list[int]


def _score_contenders(
    pairs: set[tuple[int, int]],
    leads: list[tuple[int, int]],
    wa: list[_Weighted],
    wb: list[_Weighted],
    idf: dict[int, float],
) -> _Contest:
    """Score the pairs that may be the best of either unit; put off the rest.

    No Dice score exceeds 2 min(mass) / (sum of masses).  With the most voted
    pairs scored first, a pair whose bound is below the best score already
    found for both its units can be the best of neither: it is put off, and
    scored only if one of its units ends up unpaired.
    """
    top_a = [-1.0] * len(wa)
    top_b = [-1.0] * len(wb)
    out = _Contest({}, [], [-1] * len(wa), [-1] * len(wb))
    best_a, best_b = out.best_a, out.best_b
    first = set(leads)
    for pair in chain(first, pairs - first):
        i, j = pair
        a, b = wa[i], wb[j]
        bound = 2 * (a.mass if a.mass < b.mass else b.mass) / (a.mass + b.mass) * _SLACK
        if bound < top_a[i] and bound < top_b[j]:
            out.put_off.append(pair)
            continue
        dice = _dice(a, b, idf)
        if dice <= 0:
            continue
        out.scored[pair] = dice
        if dice > top_a[i] or (dice == top_a[i] and j < best_a[i]):
            top_a[i] = dice
            best_a[i] = j
        if dice > top_b[j] or (dice == top_b[j] and i < best_b[j]):
            top_b[j] = dice
            best_b[j] = i
    return out


_SLACK = 1 + 1e-9
"""Room for rounding: a score summed in another order may pass its bound by a hair."""


def _paragraph_pass(
    pa: list[Unit],
    pb: list[Unit],
    numeric: frozenset[int],
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
    if not pa or not pb:
        return
    scorer = _Scorer(pa + pb, numeric)
    pairs, leads = _candidate_pairs(pa, pb, scorer, shingles=True)
    wa, wb = [scorer.weighted(u) for u in pa], [scorer.weighted(u) for u in pb]
    contest = _score_contenders(pairs, leads, wa, wb, scorer.idf)
    scored, best_b = contest.scored, contest.best_b
    gid_a: dict[int, int] = {}
    gid_b: dict[int, int] = {}
    members: list[tuple[list[int], list[int]]] = []
    for i, j in enumerate(contest.best_a):
        if j >= 0 and best_b[j] == i and scored[(i, j)] >= P_ACCEPT:
            gid_a[i] = gid_b[j] = len(members)
            members.append(([i], [j]))
    for i, j in contest.put_off:
        if (i in gid_a) != (j in gid_b):
            dice = _dice(wa[i], wb[j], scorer.idf)
            if dice > 0:
                scored[(i, j)] = dice
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
                if (
                    len(own[x].keys) < FAR_KEYS
                    and _spread({own[m].para for m in mine} | {own[x].para}) > MAX_SPREAD
                ):
                    continue  # a stray label far off ("Real Estate" in a footer)
                rest = _uncovered([other[y].keys], (own[m].keys for m in mine))
                cover = scorer.cover(own[x].keys, rest)
                if cover >= ATTACH * scorer.mass(own[x]):
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


def _uncovered(
    keys: Iterable[Counter[int]], covered: Iterable[Counter[int]]
) -> Counter[int]:
    """The key counts of ``keys`` together beyond what ``covered`` together holds."""
    rest: Counter[int] = Counter()
    for k in keys:
        rest.update(k)
    for c in covered:
        rest.subtract(c)
    return +rest


def _rescue(
    ua: list[Unit],
    ub: list[Unit],
    a_text: str,
    b_text: str,
    vocab: _Vocabulary,
    para_keys: dict[tuple[int, int], Counter[int]],
    group_of_a: dict[int, int],
    group_of_b: dict[int, int],
    groups: list[tuple[set[int], set[int], list[float]]],
) -> None:
    """Pair sentences of still-unpaired paragraphs that state the same facts in other words.

    ``para_keys`` holds the key counts of every paragraph with keys, by (doc, para).

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
    scorer = _Scorer(ua + ub, vocab.numeric)
    found_a = _candidates(*_indexes(free_a, ub), scorer)
    pairs, _leads = _union(found_a, _candidates(*_indexes(free_b, ua), scorer))
    idf = scorer.idf
    names: dict[tuple[int, int], set[int]] = {}

    def names_of(u: Unit) -> set[int]:
        key = (u.doc, u.seq)
        if key not in names:
            found = _names(b_text if u.doc else a_text, u)
            names[key] = {vocab.number[k] for k in found if k in vocab.number}
        return names[key]

    rests: dict[tuple[int, int], Counter[int]] = {}

    def uncovered(doc: int, group: int) -> Counter[int]:
        """The keys of a group's paragraphs in ``doc`` that its other side does not hold
        (groups do not change while pairs are ranked, so each is worked out once)."""
        rest = rests.get((doc, group))
        if rest is None:
            sa, sb, _w = groups[group]
            mine, theirs = (sa, sb) if doc == 0 else (sb, sa)
            rest = rests[(doc, group)] = _uncovered(
                (para_keys[(doc, p)] for p in mine), (para_keys[(1 - doc, p)] for p in theirs)
            )
        return rest

    ranked: list[tuple[float, int, int, float]] = []
    for i, j in pairs:
        a, b = ua[i], ub[j]
        if not _feasible(a.para, b.para, group_of_a, group_of_b, groups):
            continue
        rare = [k for k in a.keys.keys() & b.keys.keys() if idf[k] >= RARE_IDF]
        if len(rare) < RESCUE_SHARED:
            continue
        ov = scorer.overlap(a, b)
        dice = 2 * ov / (scorer.mass(a) + scorer.mass(b))
        attach = a.para in group_of_a or b.para in group_of_b
        if dice < (RESCUE_SUPPORTED if attach else RESCUE):
            continue
        if attach:
            # Joining a pair: the shared facts must be ones the pair leaves
            # unmatched, or the sentence only repeats what is accounted for.
            ga = group_of_a.get(a.para)
            rest = uncovered(0, ga) if ga is not None else uncovered(1, group_of_b[b.para])
            rare = [k for k in rare if rest[k] > 0]
            if len(rare) < RESCUE_SHARED:
                continue
        known = names_of(a) | names_of(b)
        named = [k for k in rare if k in vocab.numeric or k in known]
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


def ordered_chain(links: Sequence[ParaLink]) -> set[int]:
    """Indices of links on the longest chain ordered on both sides (the rest moved)."""
    order = sorted(range(len(links)), key=lambda k: (links[k].a[0], links[k].b[0]))
    return {order[p] for p in longest_increasing([links[k].b[0] for k in order])}

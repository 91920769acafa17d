"""Sentences of the paragraphs left over: anchors, supported pairs, re-worded facts."""

from __future__ import annotations

from collections import Counter, defaultdict

from .assembly import Groups, feasible, grow_groups
from .candidates import candidate_pairs, candidates, union
from .evidence import Scorer, names_in, uncovered
from .units import Unit, Vocabulary

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
    scorer = Scorer(ua, ub, numeric)
    pairs, _leads = candidate_pairs(ua, ub, scorer)
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


def _near(units: list[Unit], i: int, k: int) -> bool:
    """Whether unit i sits within a couple of paragraphs of unit k."""
    return abs(units[i].para - units[k].para) <= 2


def rescue(
    ua: list[Unit],
    ub: list[Unit],
    a_text: str,
    b_text: str,
    vocab: Vocabulary,
    para_keys: dict[tuple[int, int], Counter[int]],
    groups: Groups,
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
    pair's (a merge or split across re-worded text); grow_groups enforces that.
    """
    free_a = [u for u in ua if u.para not in groups.of_a]
    free_b = [u for u in ub if u.para not in groups.of_b]
    if not free_a and not free_b:
        return
    scorer = Scorer(ua, ub, vocab.numeric)
    pairs, _leads = union(candidates(free_a, ub, scorer), candidates(free_b, ua, scorer))
    idf = scorer.idf
    names: dict[tuple[int, int], set[int]] = {}

    def names_of(u: Unit) -> set[int]:
        key = (u.doc, u.seq)
        if key not in names:
            found = names_in(b_text if u.doc else a_text, u)
            names[key] = {vocab.number[k] for k in found if k in vocab.number}
        return names[key]

    rests: dict[tuple[int, int], Counter[int]] = {}

    def rest_of(doc: int, group: int) -> Counter[int]:
        """The keys of a group's paragraphs in ``doc`` that its other side does not hold
        (groups do not change while pairs are ranked, so each is worked out once)."""
        rest = rests.get((doc, group))
        if rest is None:
            sa, sb, _w = groups.members[group]
            mine, theirs = (sa, sb) if doc == 0 else (sb, sa)
            rest = rests[(doc, group)] = uncovered(
                (para_keys[(doc, p)] for p in mine), (para_keys[(1 - doc, p)] for p in theirs)
            )
        return rest

    ranked: list[tuple[float, int, int, float]] = []
    for i, j in pairs:
        a, b = ua[i], ub[j]
        if not feasible(a.para, b.para, groups):
            continue
        rare = [k for k in a.keys.keys() & b.keys.keys() if idf[k] >= RARE_IDF]
        if len(rare) < RESCUE_SHARED:
            continue
        ov = scorer.overlap(a, b)
        dice = 2 * ov / (scorer.mass(a) + scorer.mass(b))
        attach = a.para in groups.of_a or b.para in groups.of_b
        if dice < (RESCUE_SUPPORTED if attach else RESCUE):
            continue
        if attach:
            # Joining a pair: the shared facts must be ones the pair leaves
            # unmatched, or the sentence only repeats what is accounted for.
            ga = groups.of_a.get(a.para)
            rest = rest_of(0, ga) if ga is not None else rest_of(1, groups.of_b[b.para])
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
    grow_groups(weight, groups)

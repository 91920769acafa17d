# ruff: noqa: E501
"""Planted drifts: recall of planted high-severity changes and false highs per article.

Three ~300-word articles written for this test (not taken from the seeds).
Each gets a fixed set of planted edits: numbers changed, a qualifier added,
a negation dropped, a quote reworded, quotation marks removed, an
attribution dropped, a quote's speaker changed and a name changed.  The
edited copy is compared with the original through the whole pipeline; every
planted high change must be found as a high drift overlapping it (recall at
least 90%), and at most one high drift per article may fall outside the
planted changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from srcdiff.model import Severity
from srcdiff.pipeline import compare, document_from_text

ARTICLES = [
    """Harbour city approves new flood barrier

The city council of Port Elling voted on Tuesday to build a flood barrier across the mouth of the river, ending a debate that has lasted more than a decade.

The barrier will cost $48 million and should be finished by 2027, according to the council's engineering office. Officials said the structure would protect about 12,000 homes from storm surges.

"This is the most important decision this council has made in a generation," said Mayor Alice Brandt after the vote. "We cannot keep asking families to sandbag their doors every winter."

Not everyone agreed. Councillor Tom Reyes, who voted against the plan, said the city had not studied the effect on fishing grounds downstream. "We are spending money we do not have on a wall we do not understand," Reyes told reporters.

The vote passed by 9 to 4. Construction firms have until March to submit bids, and the council expects at least three companies to compete for the contract.

The national environment agency has not yet approved the design. A spokesperson for the agency said it would review the plans within 60 days.

Residents of the low-lying Marsh district, where flooding last year damaged 340 houses, welcomed the decision. "We have waited long enough," said Jenny Walsh, who runs a bakery near the quay.

The project will be paid for partly by a regional grant of $20 million, with the rest coming from municipal bonds.
""",
    """Rail operator reports record passenger numbers

Northline Railways carried 52 million passengers last year, the highest number since the company was founded, its chief executive said on Thursday.

Revenue rose 14 percent to $1.2 billion, the company said in its annual report. Profit almost doubled, helped by lower energy prices and a new timetable on the coastal route.

"Our trains are fuller than they have ever been," said chief executive Mara Okafor. "But we do not have enough carriages, and passengers are noticing."

The company plans to buy 40 new trains over the next five years. Okafor said the order would be placed with Tessel Works, a manufacturer based in Lund, and would not require new borrowing.

Unions have warned that staff shortages could cause cancellations during the summer. "Drivers are working six days a week," said Paul Haines of the drivers' union. "That is not sustainable."

Complaints about late trains fell by 8 percent, according to the national transport regulator, although the regulator said punctuality on rural lines remained poor.

Ticket prices will rise by 3 percent in January. The company said the increase was below inflation and would help pay for the new trains.

Shares in Northline closed up 5 percent in Stockholm after the results were published.
""",
    """Drought cuts wheat harvest in southern provinces

Farmers in the southern provinces harvested 30 percent less wheat this summer than last year, the agriculture ministry said on Monday, after the driest spring in four decades.

The ministry estimated the total harvest at 2.1 million tons. It said the country would need to import about 500,000 tons to meet demand, twice the amount it bought last year.

"The situation is serious, but it is not a crisis," said agriculture minister Leon Varga at a press conference in the capital. "Our reserves will carry us through the winter."

Farm groups disputed that view. "Many families will not survive another year like this," said Ana Petrov, who leads the Southern Farmers Union. She said more than 1,000 farms had asked for emergency loans.

The government has promised $75 million in aid, to be paid before the end of October. Varga said the money would go first to small farms with fewer than 50 hectares.

Water levels in the Tavra reservoir fell to 18 percent of capacity in August, according to the national water authority. Officials said rationing would continue until the autumn rains.

Bread prices have already risen by 9 percent since June, the statistics office said.

Economists expect food inflation to stay high until next spring.
""",
]


@dataclass(frozen=True)
class Plant:
    old: str
    new: str
    label: str
    high: bool


PLANTS = [
    [
        Plant("$48 million", "$84 million", "number changed", True),
        Plant("protect about 12,000 homes", "protect about 21,000 homes", "number changed", True),
        Plant("voted on Tuesday to build", "voted on Tuesday to construct", "filler", False),
        Plant("had not studied", "had studied", "negation dropped", True),
        Plant("a wall we do not understand", "a wall we barely understand", "quote reworded", True),
        Plant(
            "the council expects at least three",
            "the council expects three",
            "qualifier dropped",
            True,
        ),
        Plant(
            "agency said it would review", "agency said it would quickly review", "filler", False
        ),
        Plant(
            '"We have waited long enough," said',
            "They have waited long enough, said",
            "quote marks removed",
            True,
        ),
        Plant(
            'in a generation," said Mayor Alice Brandt',
            'in a generation," said Tom Reyes',
            "speaker changed",
            True,
        ),
        Plant(", according to the council's engineering office", "", "attribution dropped", False),
    ],
    [
        Plant("52 million passengers", "more than 52 million passengers", "qualifier added", True),
        Plant("Revenue rose 14 percent", "Revenue rose 41 percent", "number changed", True),
        Plant("Profit almost doubled", "Profit tripled", "number changed", True),
        Plant(
            "But we do not have enough carriages",
            "But we have enough carriages",
            "negation dropped in quote",
            True,
        ),
        Plant(
            "with Tessel Works, a manufacturer based in Lund",
            "with Tessel Works, a manufacturer based in Malmo",
            "name changed",
            False,
        ),
        Plant(
            "said Paul Haines of the drivers' union",
            "said Peter Grant of the drivers' union",
            "speaker changed",
            True,
        ),
        Plant(
            ", according to the national transport regulator,", ",", "attribution dropped", False
        ),
        Plant("closed up 5 percent", "closed up 7 percent", "number changed", True),
    ],
    [
        Plant("30 percent less wheat", "13 percent less wheat", "number changed", True),
        Plant("import about 500,000 tons", "import 500,000 tons", "hedge dropped", False),
        Plant("twice the amount", "three times the amount", "number changed", True),
        Plant(
            '"The situation is serious, but it is not a crisis,"',
            '"The situation is serious, and it is a crisis,"',
            "quote negation dropped",
            True,
        ),
        Plant(
            "Our reserves will carry us through the winter.",
            "Our reserves may not last through the winter.",
            "quote reworded",
            True,
        ),
        Plant("more than 1,000 farms", "nearly 1,000 farms", "qualifier changed", True),
        Plant(
            "said agriculture minister Leon Varga",
            "said finance minister Ivan Horvat",
            "speaker changed",
            True,
        ),
        Plant("the Tavra reservoir", "the Selka reservoir", "name changed", False),
        Plant(", according to the national water authority", "", "attribution dropped", False),
    ],
]


def planted_pair(k: int) -> tuple[str, str, list[tuple[Plant, tuple[int, int], tuple[int, int]]]]:
    """The original, the edited copy, and each plant with its span on both sides."""
    a = ARTICLES[k]
    spots = []
    for p in PLANTS[k]:
        assert a.count(p.old) == 1, p.old
        spots.append((a.index(p.old), p))
    spots.sort(key=lambda sp: sp[0])
    pieces: list[str] = []
    located = []
    pos = blen = 0
    for ia, p in spots:
        pieces.append(a[pos:ia])
        blen += ia - pos
        located.append((p, (ia, ia + len(p.old)), (blen, blen + len(p.new))))
        pieces.append(p.new)
        blen += len(p.new)
        pos = ia + len(p.old)
    pieces.append(a[pos:])
    return a, "".join(pieces), located


def _touches(x: tuple[int, int], y: tuple[int, int], slack: int = 2) -> bool:
    return x[0] <= y[1] + slack and y[0] <= x[1] + slack


def evaluate(k: int) -> tuple[int, int, int, list[str]]:
    a, b, plants = planted_pair(k)
    rep = compare([document_from_text(a, "orig"), document_from_text(b, "edited")])
    highs = [d for d in rep.comparisons[0].drifts if d.severity is Severity.HIGH]
    found = 0
    want = 0
    missed = []
    for p, sa, sb in plants:
        hit = [d for d in highs if _touches(d.a_span, sa) or _touches(d.b_span, sb)]
        if p.high:
            want += 1
            if hit:
                found += 1
            else:
                missed.append(p.label + ": " + p.old)
    false = [
        d
        for d in highs
        if not any(
            p.high and (_touches(d.a_span, sa) or _touches(d.b_span, sb)) for p, sa, sb in plants
        )
    ]
    return found, want, len(false), missed + [f"FALSE {d.explanation}" for d in false]


@pytest.mark.parametrize("k", range(len(ARTICLES)))
def test_articles_are_about_300_words(k: int) -> None:
    assert 200 <= len(ARTICLES[k].split()) <= 400


@pytest.mark.parametrize("k", range(len(ARTICLES)))
def test_false_highs_per_article(k: int) -> None:
    _, _, false, notes = evaluate(k)
    assert false <= 1, notes


def test_planted_high_recall() -> None:
    found = want = 0
    notes: list[str] = []
    for k in range(len(ARTICLES)):
        f, w, _, n = evaluate(k)
        found += f
        want += w
        notes += n
    assert want >= 18
    assert found / want >= 0.9, notes


@pytest.mark.parametrize("k", range(len(ARTICLES)))
def test_medium_plants_are_flagged(k: int) -> None:
    a, b, plants = planted_pair(k)
    rep = compare([document_from_text(a, "orig"), document_from_text(b, "edited")])
    drifts = rep.comparisons[0].drifts
    for p, sa, sb in plants:
        if p.label in ("attribution dropped", "name changed"):
            hit = [d for d in drifts if _touches(d.a_span, sa) or _touches(d.b_span, sb)]
            assert any(d.severity.rank >= Severity.MEDIUM.rank for d in hit), p

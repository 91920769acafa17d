"""Synthetic re-worded pairs with known gold: paraphrase, shuffled order, a split, a merge,
one-sided paragraphs and a decoy that shares only common words.

Paragraph numbers are 0-based; each text is written with blank lines between paragraphs.
"""

from __future__ import annotations

import pytest

from srcdiff.model import Comparison, Drift, Status
from srcdiff.pipeline import compare_documents, document_from_text

PORT_A = [
    # 0, 1: merged into B1
    "Dockworkers at the port of Halvorsen walked off the job on Tuesday, halting the loading "
    "of 42 container ships, the Marine Workers Union said.",
    "The union is demanding a 9 percent pay rise over two years, while the Halvorsen Port "
    "Authority has offered 4 percent.",
    # 2: split into B2 and B3
    "Port director Ingrid Matsuda said the authority would not reopen negotiations until the "
    "walkout ended. She warned that perishable cargo worth $12 million was at risk of rotting.",
    "Truck drivers waiting outside the Brekke terminal said queues stretched for 8 kilometres "
    "along the coastal highway.",
    "Transport minister Paolo Ferrante called on both sides to accept mediation by the labour "
    "court.",
    "The last strike at Halvorsen, in 2019, lasted 11 days and cost exporters an estimated "
    "$300 million.",
    # 6: one-sided
    "Fishermen in the old harbour, who are not part of the dispute, continued to land their "
    "catch as usual.",
    # 7: decoy, shares only the story's common words (union, port, Tuesday, said)
    "Union members said on Tuesday that the mood at the port was calm and that they were "
    "waiting for news.",
]
PORT_B = [
    "Transport Minister Paolo Ferrante urged the two sides to let the labour court mediate.",
    "A strike by dockworkers shut the Halvorsen port on Tuesday, leaving 42 container ships "
    "idle, according to the Marine Workers Union, which wants a 9% raise spread over two years; "
    "the Halvorsen Port Authority has offered 4%.",
    "Ingrid Matsuda, the port's director, said negotiations would not reopen while the walkout "
    "continued.",
    "Matsuda cautioned that $12 million of perishable cargo could rot.",
    "Lorry drivers outside the Brekke terminal said the queue reached 8 kilometres on the "
    "coastal highway.",
    "Halvorsen's previous strike, in 2019, went on for 11 days, costing exporters about "
    "$300 million.",
    # 6: one-sided
    "Shares in shipping companies fell sharply on the stock exchange in Oslund.",
]
PORT_GOLD = {(4, 0), (0, 1), (1, 1), (2, 2), (2, 3), (3, 4), (5, 5)}
PORT_ONLY = ({6, 7}, {6})

VACCINE_A = [
    "Health officials in Corvana approved a new malaria vaccine on Monday, clearing the way "
    "for 3 million doses to be given to children under five.",
    # 1: split into B4 and B5
    "The vaccine, known as RX-19, was developed by Tellmark Laboratories. In trials involving "
    "4,800 children it cut severe cases by 62 percent.",
    "Deliveries will begin in the northern province of Ambru, where malaria kills about "
    "2,000 people a year.",
    "Dr Selma Okafor, who led the trials, said the results were the strongest she had seen.",
    # 4: one-sided
    "The ministry also announced a campaign to distribute bed nets in schools.",
    # 5, 6: merged into B1
    "Each dose will cost the government $4.",
    "The World Health Organization is expected to review RX-19 for wider use in September.",
    # 7: decoy, common words only (health, officials, children, said)
    "Officials said the health of children was a priority and that more would be done.",
]
VACCINE_B = [
    "Corvana's health authorities on Monday cleared a malaria vaccine for use, allowing "
    "3 million doses to go to children younger than five.",
    "The government will pay $4 for every dose, and the World Health Organization is set to "
    "assess RX-19 for broader use in September.",
    # 2: one-sided
    "Opposition lawmakers questioned why the tender had not been opened to other makers.",
    "The first shipments will go to Ambru province in the north, where roughly 2,000 people "
    "die of malaria every year.",
    "RX-19 was made by Tellmark Laboratories.",
    "Trials with 4,800 children showed severe cases fell by 62%.",
    "Selma Okafor, the doctor who ran the trials, called the results the strongest she had seen.",
]
VACCINE_GOLD = {(0, 0), (5, 1), (6, 1), (2, 3), (1, 4), (1, 5), (3, 6)}
VACCINE_ONLY = ({4, 7}, {2})

# A scraped page: the article, a second article about the same county, and footer links.
RENTALS_A = [
    "Appeals court strikes down Marlow County's ban on short-term rentals",
    "A federal appeals court on Tuesday struck down Marlow County's ban on short-term home "
    "rentals, ruling 2-1 that the ordinance unlawfully discriminated against owners from "
    "other states.",
    "\u201cA county may regulate the use of homes within its borders, but it may not build a "
    "wall around its housing market,\u201d Judge Miriam Okafor wrote for the majority.",
    "The ordinance, which took effect in March 2022, barred rentals of fewer than 30 days in "
    "any home that was not the owner's primary residence.",
    "Median home prices in Marlow County rose 48% between 2019 and 2023, to about $910,000, "
    "according to the state association of realtors.",
    "County Attorney Sandra Lutz said the county had not decided whether to appeal.",
    # 6, 7: the second article (shares the county, housing, Lutz)
    "Marlow County weighs limits on RV camping as housing squeeze deepens",
    "Commissioners on Monday began debating a proposal to limit how long recreational "
    "vehicles may park on private land, a measure Lutz said was drafted after sanitation "
    "complaints.",
    # 8-11: footer links
    "Related posts",
    "News",
    "Real Estate",
    "Travel",
]
RENTALS_B = [
    "Court of appeal overturns the prohibition of short-term rentals in Marlow County",
    "A federal court of appeal on Tuesday annulled Marlow County's prohibition on "
    "short-duration rentals of homes, deciding 2-1 that the regulation illegally "
    "discriminated against owners from other states.",
    "A county may regulate the use of houses inside its borders, but it may not construct a "
    "wall around its real estate market, wrote judge Miriam Okafor for the majority.",
    "The regulation, which entered into force in March 2022, forbade rentals of less than "
    "30 days in every house that was not the main residence of the owner.",
    "The median house prices in Marlow County increased between 2019 and 2023 by 48 percent "
    "to approximately 910,000 dollars, according to the state association of realtors.",
    "The county attorney Sandra Lutz said that the county has not yet decided whether it "
    "will appeal.",
]
RENTALS_GOLD = {(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)}
RENTALS_ONLY = ({6, 7, 8, 9, 10, 11}, set[int]())


def _no_drift(_ops: object, _a: str, _b: str) -> tuple[Drift, ...]:
    return ()


def _compare(a: list[str], b: list[str]) -> Comparison:
    da = document_from_text("\n\n".join(a) + "\n", "a")
    db = document_from_text("\n\n".join(b) + "\n", "b")
    assert len(da.paragraphs) == len(a) and len(db.paragraphs) == len(b)
    return compare_documents(da, db, classifier=_no_drift)


@pytest.mark.parametrize(
    ("a", "b", "gold", "only"),
    [
        (PORT_A, PORT_B, PORT_GOLD, PORT_ONLY),
        (VACCINE_A, VACCINE_B, VACCINE_GOLD, VACCINE_ONLY),
        (RENTALS_A, RENTALS_B, RENTALS_GOLD, RENTALS_ONLY),
    ],
    ids=["port-strike", "vaccine", "rentals-scrape"],
)
def test_reworded_gold(
    a: list[str], b: list[str], gold: set[tuple[int, int]], only: tuple[set[int], set[int]]
) -> None:
    comp = _compare(a, b)
    pairs = {(i, j) for blk in comp.blocks for i in blk.a for j in blk.b}
    assert pairs == gold, f"missing {sorted(gold - pairs)}, extra {sorted(pairs - gold)}"
    only_a = {i for blk in comp.blocks if blk.status is Status.ONLY_A for i in blk.a}
    only_b = {j for blk in comp.blocks if blk.status is Status.ONLY_B for j in blk.b}
    assert (only_a, only_b) == only


def test_reworded_split_and_merge_are_single_blocks() -> None:
    comp = _compare(PORT_A, PORT_B)
    groups = {(blk.a, blk.b) for blk in comp.blocks if blk.a and blk.b}
    assert ((0, 1), (1,)) in groups  # merge
    assert ((2,), (2, 3)) in groups  # split


def test_reworded_is_deterministic() -> None:
    first = _compare(VACCINE_A, VACCINE_B)
    again = _compare(VACCINE_A, VACCINE_B)
    assert first == again

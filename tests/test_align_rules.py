"""Alignment's quality rules on small real texts: evidence, order, regroupings, short lines.

The verses are Genesis 1 in the King James Version and the World English Bible (both in
the public domain), as Debian's sword-text-kjv and sword-text-web give them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from srcdiff.align import plan
from srcdiff.align.assembly import ParaLink
from srcdiff.align.evidence import Chance
from srcdiff.align.order import Z_CROSS, Z_ORDER, attach_parts, fill_gaps, part_b
from srcdiff.align.parts import drop_far_parts
from srcdiff.model import Document
from srcdiff.pipeline import document_from_text

KJV = [
    "In the beginning God created the heaven and the earth.",
    "And the earth was without form, and void; and darkness was upon the face of the deep. "
    "And the Spirit of God moved upon the face of the waters.",
    "And God said, Let there be light: and there was light.",
    "And God saw the light, that it was good: and God divided the light from the darkness.",
    "And God called the light Day, and the darkness he called Night. And the evening and the "
    "morning were the first day.",
    "And God said, Let there be a firmament in the midst of the waters, and let it divide the "
    "waters from the waters.",
    "And God made the firmament, and divided the waters which were under the firmament from "
    "the waters which were above the firmament: and it was so.",
    "And God called the firmament Heaven. And the evening and the morning were the second day.",
    "And God said, Let the waters under the heaven be gathered together unto one place, and "
    "let the dry land appear: and it was so.",
    "And God called the dry land Earth; and the gathering together of the waters called he "
    "Seas: and God saw that it was good.",
]
WEB = [
    "In the beginning, God created the heavens and the earth.",
    "The earth was formless and empty. Darkness was on the surface of the deep and God’s "
    "Spirit was hovering over the surface of the waters.",
    "God said, “Let there be light,” and there was light.",
    "God saw the light, and saw that it was good. God divided the light from the darkness.",
    "God called the light “day”, and the darkness he called “night”. There was evening and "
    "there was morning, the first day.",
    "God said, “Let there be an expanse in the middle of the waters, and let it divide the "
    "waters from the waters.”",
    "God made the expanse, and divided the waters which were under the expanse from the "
    "waters which were above the expanse; and it was so.",
    "God called the expanse “sky”. There was evening and there was morning, a second day.",
    "God said, “Let the waters under the sky be gathered together to one place, and let the "
    "dry land appear;” and it was so.",
    "God called the dry land “earth”, and the gathering together of the waters he called "
    "“seas”. God saw that it was good.",
]


def _doc(paras: list[str], label: str) -> Document:
    return document_from_text("\n\n".join(paras) + "\n", label)


def _blocks(a: Document, b: Document) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(s.link.a, s.link.b) for s in plan(a, b) if s.link is not None}


def test_translation_pairs_verse_by_verse() -> None:
    """Two translations of the same verses, every verse in its own paragraph: 1:1 in order."""
    got = _blocks(_doc(KJV, "kjv"), _doc(WEB, "web"))
    assert got == {((k,), (k,)) for k in range(len(KJV))}


def test_a_verse_one_side_lacks_stays_one_sided() -> None:
    """No pair without evidence: a verse only A has is not paired with B's neighbours."""
    web = WEB[:4] + WEB[5:]
    got = _blocks(_doc(KJV, "kjv"), _doc(web, "web"))
    assert all(4 not in a for a, _ in got), got
    assert len(got) == len(web)


def test_split_pairs_with_every_part() -> None:
    """One paragraph of three verses against the three verses apart: one 1:3 block."""
    a = _doc([KJV[0], " ".join(KJV[1:4]), KJV[4], KJV[5]], "a")
    b = _doc([WEB[0], WEB[1], WEB[2], WEB[3], WEB[4], WEB[5]], "b")
    assert ((1,), (1, 2, 3)) in _blocks(a, b)


@pytest.mark.parametrize("k", [2, 7])
def test_regrouped_two_by_two(k: int) -> None:
    """Three verses cut 2+1 on one side and 1+2 on the other form one 2:2 block."""
    a = _doc([*KJV[:k], KJV[k] + " " + KJV[k + 1], KJV[k + 2], *KJV[k + 3 :]], "a")
    b = _doc([*WEB[:k], WEB[k], WEB[k + 1] + " " + WEB[k + 2], *WEB[k + 3 :]], "b")
    got = _blocks(a, b)
    merged = ((k, k + 1), (k, k + 1))
    assert merged in got, got
    rest = [n for n in range(len(KJV) - 1) if n not in (k, k + 1)]
    assert got - {merged} == {((n,), (n,)) for n in rest}


def test_single_claims_are_compared() -> None:
    """Each side one short passage: they pair whatever their word overlap."""
    a = document_from_text("Drinking coffee may lower the risk of liver disease, a study found.")
    b = document_from_text("Scientists prove espresso cures cirrhosis.")
    assert _blocks(a, b) == {((0,), (0,))}


def test_short_identical_lines_pair() -> None:
    """A byline and a dateline that occur once on each side pair, in a page with furniture."""
    a = _doc(
        [
            "Markets",
            "By Jane Okafor",
            "LIMA, Peru",
            "The central bank raised its benchmark rate to 7.75% on Thursday, its tenth "
            "increase in a row, citing food prices.",
            "Share this article",
        ],
        "a",
    )
    b = _doc(
        [
            "By Jane Okafor",
            "LIMA, Peru",
            "Peru's central bank on Thursday lifted its key rate for a tenth straight month, "
            "to 7.75%, pointing to the cost of food.",
            "Related: Chile's copper output falls",
        ],
        "b",
    )
    got = _blocks(a, b)
    assert ((1,), (0,)) in got and ((2,), (1,)) in got, got


# A licence and its revision, written for these tests in the manner of the Mozilla Public
# License 1.1 and 2.0: the revision gives each clause's heading a paragraph of its own and
# renames its section headings.
OLD_TERMS = [
    "1. Definitions.",
    '1.1. "Work" means the program, its documentation and the files that come with them, '
    "as the Licensor distributes them under this licence.",
    "2. Source Code Licence.",
    "2.1. Grant of Copyright.\n     Each Licensor grants You a worldwide, royalty-free "
    "licence to copy, modify and distribute the Work in source and object form.",
    "2.2. Grant of Patents.\n     Each Licensor grants You a licence under its patent claims "
    "to make, use, sell and import the Work, for the term of those patents.",
    "3. Distribution Obligations.",
    "3.1. Source Form.\n     When You distribute the Work in object form You must also "
    "offer its source code, at no more than the cost of shipping it.",
]
NEW_TERMS = [
    "1. Definitions\n--------------",
    '1.1. "Work"\n    means the program, its documentation and the files that come with '
    "them, as the Licensor distributes them under this licence.",
    "2. Licence Grants and Conditions\n--------------------------------",
    "2.1. Copyright",
    "Each Licensor grants You a worldwide, royalty-free licence to copy, modify and "
    "distribute the Work in source and object form.",
    "2.2. Patents",
    "Each Licensor grants You a licence under its patent claims to make, use, sell and "
    "import the Work, for the term of those patents.",
    "3. Responsibilities\n-------------------",
    "3.1. Distribution of Source Form",
    "When You distribute the Work in object form You must also offer its source code, at no "
    "more than the cost of shipping it.",
]


def test_a_heading_of_its_own_pairs_with_the_clause_that_carries_it() -> None:
    """A clause heading the revision sets apart goes with its clause; renamed sections pair
    by their number; the section heading stays apart from the subsection heading under it."""
    got = _blocks(_doc(OLD_TERMS, "a"), _doc(NEW_TERMS, "b"))
    assert ((3,), (3, 4)) in got, got
    assert ((4,), (5, 6)) in got, got
    assert ((6,), (8, 9)) in got, got
    assert ((2,), (2,)) in got, got  # "2. Source Code Licence." / "2. Licence Grants ..."
    assert ((5,), (7,)) in got, got  # "3. Distribution Obligations." / "3. Responsibilities"


def test_a_news_subhead_stands_alone() -> None:
    """A subhead over a paragraph that pairs is not part of that paragraph's pair."""
    body = (
        "The central bank raised its benchmark rate to 7.75% on Thursday, its tenth "
        "increase in a row, citing food prices."
    )
    got = _blocks(_doc(["Rates climb again", body], "a"), _doc([body], "b"))
    assert got == {((1,), (0,))}, got


def test_a_clause_given_twice_pairs_where_it_stands() -> None:
    """Two near-copies of a clause in one version: the revision's clause pairs with the one
    in order between its paired neighbours, the other copy is left one-sided."""
    a = _doc(
        [
            KJV[0],
            "The licences granted in section 2.1(a) and (b) are effective on the date the "
            "Initial Developer first distributes the Original Code.",
            KJV[1],
            KJV[2],
            "The licences granted in sections 2.2(a) and 2.2(b) are effective on the date "
            "the Contributor first makes Commercial Use of the Covered Code.",
            KJV[3],
        ],
        "a",
    )
    b = _doc(
        [
            WEB[0],
            WEB[1],
            WEB[2],
            "The licences granted in section 2.1 with respect to any Contribution become "
            "effective for each Contribution on the date the Contributor first distributes it.",
            WEB[3],
        ],
        "b",
    )
    got = _blocks(a, b)
    assert ((4,), (3,)) in got, got
    assert all(1 not in ga for ga, _ in got), got


def _bags(*paras: str) -> dict[int, Counter[int]]:
    """Paragraphs as bags of word numbers (one number per distinct word)."""
    return {
        k: Counter(_WORDS.setdefault(w, len(_WORDS)) for w in p.split())
        for k, p in enumerate(paras)
    }


_WORDS: dict[str, int] = {}


def test_a_far_part_across_another_pair_needs_more() -> None:
    """A part lying beyond a paragraph paired elsewhere stays only with strong evidence of
    what it adds; the part beside its partner stays."""
    a = _bags(
        "covered code means original code modifications combination portions",
        "executable means covered code form other than source",
        "initial developer means individual entity identified notice exhibit",
        "larger work means work combining covered code",
    )
    b = _bags(
        "covered software means source code form initial contributor attached notice exhibit "
        "modifications combination portions",
        "executable form means any form other than source code form",
        "larger work means work combining covered software",
    )
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    links = [ParaLink((0, 2), (0,), 0.0), ParaLink((1,), (1,), 0.0), ParaLink((3,), (2,), 0.0)]
    got = drop_far_parts(links, chance, a, b)
    assert ParaLink((0,), (0,), 0.0) in got, got


def test_the_half_of_a_split_that_moved_away_joins() -> None:
    """A's paragraph holds two verses; B gives the first in place and moves the second far
    off: both join A's paragraph, one 1:2 block."""
    a = _doc([*KJV[:3], KJV[3] + " " + KJV[4], *KJV[5:]], "a")
    b = _doc([*WEB[:4], *WEB[5:], WEB[4]], "b")
    got = _blocks(a, b)
    assert ((3,), (3, 9)) in got, got
    assert {((n,), (n,)) for n in range(3)} <= got


def test_one_rare_word_in_common_is_no_pair_in_order() -> None:
    """Between two ordered pairs, a copyright line and a sentence about copyright notices
    share one word: no pair; a line that shares two words with its partner pairs."""
    filler = [" ".join(f"w{k}x{n}" for n in range(40)) for k in range(30)]
    lone_a = "initial developer original code portions created copyright reserved rights"
    lone_b = "add additional accurate notices copyright ownership"
    a = _bags(*filler[:15], lone_a, *filler[15:])
    b = _bags(*filler[:15], lone_b, *filler[15:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    assert chance.z(a[15], b[15]) >= Z_ORDER  # one word's surprise alone passes the bar
    links = [ParaLink((k,), (k,), 0.0) for k in range(31) if k != 15]
    assert fill_gaps(links, chance, a, b) == links
    b = _bags(*filler[:15], lone_b + " developer", *filler[15:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    assert ParaLink((15,), (15,), 0.0) in fill_gaps(links, chance, a, b)


def test_a_heading_joins_only_a_passage_that_opens_with_a_label() -> None:
    """A revision gives litigation a section of its own; the old text says it inside a
    clause without a label, whose own heading pairs elsewhere: the new heading stays apart."""
    clause = (
        "This License represents the complete agreement concerning subject matter hereof. "
        "Any litigation relating to this License may be brought only in the courts of the "
        "jurisdiction where the defendant has its principal place of business."
    )
    revised = (
        "This License represents the complete agreement concerning the subject matter "
        "hereof. Any litigation relating to this License may be brought only in the courts "
        "of a jurisdiction where the defendant maintains its principal place of business."
    )
    a = _doc([*KJV[:3], "11. MISCELLANEOUS.", clause, *KJV[3:]], "a")
    b = _doc([*WEB[:3], "9. Miscellaneous", "8. Litigation", revised, *WEB[3:]], "b")
    got = _blocks(a, b)
    assert ((4,), (5,)) in got, got
    assert all(4 not in lb for _, lb in got), got


def test_two_neighbouring_passages_swapped_pair_in_their_run() -> None:
    """B gives two neighbouring clauses in the other order: the reworded one, free beside the
    one that pairs, pairs with what lies on the other hand of it in b."""
    filler = [" ".join(f"w{k}y{n}" for n in range(40)) for k in range(20)]
    moved = "notice required duplicate exhibit file source " + filler[10]
    reworded_a = "larger work combining covered code other code governed terms distribute"
    reworded_b = "create distribute larger work terms choice comply requirements covered"
    a = _bags(*filler[:10], moved, reworded_a, *filler[11:])
    b = _bags(*filler[:10], reworded_b, moved, *filler[11:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    links = [ParaLink((k,), (k,), 0.0) for k in range(10)]
    links += [ParaLink((10,), (11,), 0.0)]
    links += [ParaLink((k,), (k,), 0.0) for k in range(12, 21)]
    assert ParaLink((11,), (10,), 0.0) in fill_gaps(links, chance, a, b)


def test_a_pair_in_a_gap_must_be_clearly_the_best_of_its_row_and_column() -> None:
    """Two paragraphs of a preamble share its topical words with one new paragraph of the
    other version about as much each: no pair.  Two halves of a split, each holding its own
    share of the other side, pair as one 2:1 block."""
    filler = [" ".join(f"w{k}z{n}" for n in range(40)) for k in range(30)]
    topic = "ordinary general public licence libraries developers"
    first = f"{topic} blurred distinction weaker conditions sharing"
    second = f"{topic} unrestricted linking deprive users freedom"
    new = f"{topic} lesser protect competitive advantage"
    a = _bags(*filler[:15], first, second, *filler[15:])
    b = _bags(*filler[:15], new, *filler[15:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    assert min(chance.z(a[15], b[15]), chance.z(a[16], b[15])) >= Z_ORDER
    links = [ParaLink((k,), (k,), 0.0) for k in range(15)]
    links += [ParaLink((k + 1,), (k,), 0.0) for k in range(16, 31)]
    assert fill_gaps(links, chance, a, b) == links
    whole = "blurred distinction weaker conditions sharing unrestricted linking deprive users"
    a = _bags(
        *filler[:15],
        "blurred distinction weaker conditions",
        "unrestricted linking deprive users",
        *filler[15:],
    )
    b = _bags(*filler[:15], whole, *filler[15:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    assert abs(chance.z(a[15], b[15]) - chance.z(a[16], b[15])) < 0.8
    assert ParaLink((15, 16), (15,), 0.0) in fill_gaps(links, chance, a, b)


def test_a_part_beside_a_far_part_needs_what_a_far_part_needs() -> None:
    """A's clause is split in B, its second half three paragraphs on, and a new sentence
    after that half shares a few common words with A's clause: it joins only when it lies
    beside the body of the split, not beside the far half."""
    common = " r1 r2 r3"
    filler = [" ".join(f"w{k}v{n}" for n in range(30)) + common * (k < 10) for k in range(30)]
    body, far, new = "p1 p2 p3 p4 p5 p6 p7 p8", "q1 q2 q3 q4 q5 q6 q7 q8", common + " s1 s2 s3"
    a = _bags(*filler[:10], f"{body} {far}{common}", *filler[10:])
    b = _bags(*filler[:10], body, *filler[10:13], far, new, *filler[13:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    assert Z_ORDER <= part_b(chance, a, b, [10], [10, 14], 15) < Z_CROSS
    links = [ParaLink((k,), (k,), 0.0) for k in range(14) if k != 10]
    links += [ParaLink((10,), (10, 14), 0.0)]
    links += [ParaLink((k,), (k + 2,), 0.0) for k in range(14, 31)]
    assert ParaLink((10,), (10, 14), 0.0) in attach_parts(links, chance, a, b)
    b = _bags(*filler[:10], body, far, new, *filler[10:])
    chance = Chance.of_bags(list(a.values()), list(b.values()))
    links = [ParaLink((k,), (k,), 0.0) for k in range(10)] + [ParaLink((10,), (10, 11), 0.0)]
    links += [ParaLink((k,), (k + 2,), 0.0) for k in range(11, 31)]
    assert ParaLink((10,), (10, 11, 12), 0.0) in attach_parts(links, chance, a, b)

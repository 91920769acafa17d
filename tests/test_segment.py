"""Paragraphs, sentences and noise marks: parametrized tables."""

from __future__ import annotations

import pytest

from srcdiff.noise import furniture_reason
from srcdiff.segment import paragraph_spans, segment, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said the U.S. has seen it. China denied it.",
            ["Officials said the U.S. has seen it.", "China denied it."],
        ),
        (
            "Just this week Gen. Chris Cavoli, the commander, spoke. Then he left.",
            ["Just this week Gen. Chris Cavoli, the commander, spoke.", "Then he left."],
        ),
        (
            "Wuhan Tongsheng Technology Co. Ltd. and Hikvision supply optics. More follow.",
            ["Wuhan Tongsheng Technology Co. Ltd. and Hikvision supply optics.", "More follow."],
        ),
        (
            '\u201cThe normal trade should not be restricted," said Liu. '
            "\u201cWe urge the U.S. side to refrain.\u201d He left.",
            [
                '\u201cThe normal trade should not be restricted," said Liu.',
                "\u201cWe urge the U.S. side to refrain.\u201d",
                "He left.",
            ],
        ),
        (
            "It rose to $1.5 billion. Prices fell 2.5 percent.",
            ["It rose to $1.5 billion.", "Prices fell 2.5 percent."],
        ),
        ("Mr. Blinken said so. Dr. Who agreed.", ["Mr. Blinken said so.", "Dr. Who agreed."]),
        ("He asked why? Nobody knew!", ["He asked why?", "Nobody knew!"]),
        ("No full stop at the end", ["No full stop at the end"]),
        (
            "The officials said. the lower-case start stays.",
            ["The officials said. the lower-case start stays."],
        ),
        (
            "J. Smith arrived. U.S. officials said so.",
            ["J. Smith arrived.", "U.S. officials said so."],
        ),
        (
            "It happened in the U.S. The officials said so.",
            ["It happened in the U.S.", "The officials said so."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.\n\nThree.", ["One.", "Two.", "Three."]),
        (
            "Line one is a full sentence.\nLine two is another.\nLine three.",
            ["Line one is a full sentence.", "Line two is another.", "Line three."],
        ),
        (
            "This paragraph is hard wrapped at a fixed column so\nthat it continues on the next "
            "line without\nany terminal punctuation at line ends.",
            [
                "This paragraph is hard wrapped at a fixed column so\nthat it continues on the "
                "next line without\nany terminal punctuation at line ends."
            ],
        ),
        ("A\n\n\n\n  B  \n", ["A", "B"]),
        ("- item one\n- item two", ["- item one", "- item two"]),
        (
            # a link list: no line goes on in lower case, and "Home" would have fitted
            "Trending now: Local singles in Arequipa want to meet you\n"
            "This one weird trick cuts your electricity bill in half\n"
            "Cheap flights to Cusco — click here\n"
            "Home | About | Contact | Privacy Policy",
            [
                "Trending now: Local singles in Arequipa want to meet you",
                "This one weird trick cuts your electricity bill in half",
                "Cheap flights to Cusco — click here",
                "Home | About | Contact | Privacy Policy",
            ],
        ),
        (
            # wrapped prose whose lines all start with a capital: each break is forced
            "U.S. President Joe Biden has previously raised concerns directly with\n"
            "Chinese President Xi Jinping about Beijing indirectly supporting\n"
            "Russia’s war effort.",
            [
                "U.S. President Joe Biden has previously raised concerns directly with\n"
                "Chinese President Xi Jinping about Beijing indirectly supporting\n"
                "Russia’s war effort."
            ],
        ),
        (
            # a short line whose successor goes on in lower case is still wrapped prose
            "Officials in Washington said on Tuesday that the\n"
            "sanctions, which took months to prepare, would\n"
            "hit Chinese firms.",
            [
                "Officials in Washington said on Tuesday that the\n"
                "sanctions, which took months to prepare, would\n"
                "hit Chinese firms."
            ],
        ),
        ("Headline\n\nBody.\r\n", ["Headline", "Body."]),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _ in paragraph_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        ("0", True),
        ("2K", True),
        ("1.2M", True),
        ("Daily newsletterReceive essential international news every morning", True),
        ("You did not use the site, Click here to remain logged. Timeout: 60 second", True),
        ("Author: Editors Desk Source: France 24", True),
        ("April 13, 2024 at 17:47", True),
        (" date 2024-04-13 ", True),
        ("CNN's Katie Bo Lillis contributed reporting.", True),
        ("Por davidblogs30 2024-12-05 08:46:41 0 1K", True),
        ("Advertisement", True),
        ("Meet in Moscow on April 18, 2023. © Handout / Russian Defence Ministry / AFP", True),
        ("China is helping Russia undertake its biggest military expansion.", False),
        ("2023 was a record year for trade, officials said.", False),
        ("Working jointly on drones", False),
        ("The officials said they would click through the findings here.", False),
        ("Trade reached a record $240 billion in 2023, according to Bloomberg.", False),
    ],
)
def test_furniture(text: str, noise: bool) -> None:
    assert (furniture_reason(text) is not None) is noise


def test_footer_run_marked_but_kept() -> None:
    body = "A real paragraph of the article, long enough to read as prose. It ends here."
    footer = "\n".join(
        [
            "Pesquisar",
            "Categorias",
            "Leia Mais",
            "Outro",
            "Some Market Report Growth Prospects Till 2032",
            "Market Overview The market size was estimated at 5.15...",
            "Por someone 2024-12-05 08:46:41 0 1K",
        ]
    )
    text = body + "\n\n" + footer
    paras = segment(text)
    assert not paras[0].noise
    assert [p.text for p in paras[1:]] == footer.split("\n")
    assert all(p.noise for p in paras[1:])


def test_prose_lines_at_end_are_not_footer() -> None:
    text = (
        "Lead paragraph.\n\nFirst line of wire copy ends here.\nSecond line too.\n"
        "Third line as well.\nFourth line closes."
    )
    assert not any(p.noise for p in segment(text))


@pytest.mark.parametrize(
    "text",
    [
        # a centred title over its subtitle
        "                 GNU GENERAL PUBLIC LICENSE\n                    Version 2, June 1991",
        # a heading and its underline
        "1. Definitions\n--------------",
        # a definition whose body goes on in lower case under its heading
        '1.1. "Contributor"\n    means each individual or legal entity that creates',
        # continuation lines indented under the first
        "Copyright (C) 1989 Free Software Foundation, Inc.\n"
        "                    51 Franklin St, Fifth Floor, Boston, MA",
        # an all-capitals notice
        "GNU GENERAL PUBLIC LICENSE\nTERMS AND CONDITIONS FOR COPYING AND MODIFICATION",
        # numbered clauses and verses, one a line
        "(1) The licensee may copy the work.\n(2) The licensee may not sell it.",
        "1:1 In the beginning God created the heaven and the earth.\n"
        "1:2 And the earth was without form, and void.",
        # a boxed notice
        "**************************\n*  6. Disclaimer of Warranty *\n**************************",
    ],
)
def test_layout_keeps_the_blank_line_paragraph(text: str) -> None:
    assert [text[s:e] for s, e, _ in paragraph_spans(text)] == [text.strip()]


def test_user_lines_in_a_footer_stay_apart() -> None:
    """A line opening with a user name is not a continuation in lower case."""
    text = "admin · 3 hours ago\nguest_4471 · 5 hours ago\nCopyright © 2024 Example News."
    assert len(paragraph_spans(text)) == 3


def _word_list(n: int, seed: int = 3, lower: bool = False) -> list[str]:
    import random

    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    if lower:
        return [f"{rng.choice(words)}{'x' * rng.randrange(4)}" for _ in range(n)]
    return [f"{rng.choice(words)}{rng.randrange(1000)}" for _ in range(n)]


def _paragraph_lines(text: str) -> list[list[str]]:
    return [text[s:e].split("\n") for s, e, _ in paragraph_spans(text)]


@pytest.mark.parametrize("lower", [False, True])
def test_word_list_is_read_in_passages(lower: bool) -> None:
    """A long run of one-word lines is cut into passages of some thirty lines, every line
    kept, in order (a lower-case list, which its layout would keep whole, too)."""
    from srcdiff.segment import PASSAGE_LINES

    lines = _word_list(3000, lower=lower)
    paras = _paragraph_lines("\n".join(lines) + "\n")
    assert [line for p in paras for line in p] == lines
    fewest, _, most = PASSAGE_LINES
    assert all(fewest <= len(p) <= most for p in paras[:-1])
    assert 3000 / most <= len(paras) <= 3000 / fewest


def test_word_list_cuts_follow_content() -> None:
    """An edit moves the passage cuts near it only: the passages after it are the same."""
    a = _word_list(2000)
    b = a[:100] + ["inserted", "lines"] + a[100:]
    pa, pb = _paragraph_lines("\n".join(a)), _paragraph_lines("\n".join(b))
    tail_a, tail_b = pa[len(pa) // 4 :], pb[len(pb) - (len(pa) - len(pa) // 4) :]
    assert tail_a == tail_b


@pytest.mark.parametrize(
    ("lines", "grouped"),
    [
        (_word_list(99), False),  # a list shorter than a run: a line a paragraph
        ([f"{w} and more words" for w in _word_list(300)], False),  # lines of several words
        (_word_list(150) + ["A headline of many words here"] + _word_list(50), True),
    ],
)
def test_only_long_runs_of_short_lines_are_grouped(lines: list[str], grouped: bool) -> None:
    paras = _paragraph_lines("\n".join(lines))
    assert [line for p in paras for line in p] == lines
    assert (len(paras) < len(lines)) is grouped
    if grouped:  # the long line stays a paragraph of its own, and so do the 50 after it
        assert ["A headline of many words here"] in paras
        assert paras[-50:] == [[line] for line in lines[-50:]]


def test_word_lists_compared_in_passages() -> None:
    """Two long word lists pair passage by passage; every changed word is in the word ops."""
    from srcdiff.model import OpKind
    from srcdiff.pipeline import compare, document_from_text

    a = _word_list(4000)
    b = list(a)
    for k in range(0, len(b), 397):
        b[k] = f"changed{k}"
    report = compare([document_from_text("\n".join(a)), document_from_text("\n".join(b))])
    comp = report.comparisons[0]
    assert len(report.documents[0].paragraphs) < 4000 / 10
    inserted = {
        w
        for blk in comp.blocks
        for op in blk.ops
        if op.op is not OpKind.EQUAL
        for w in op.b.split()
    }
    assert {f"changed{k}" for k in range(0, len(b), 397)} <= inserted
    assert all(blk.a and blk.b for blk in comp.blocks)  # nothing unpaired


def test_one_word_paragraphs_between_blank_lines_are_read_in_passages() -> None:
    words = _word_list(1000)
    text = "\n\n".join(words)
    paras = segment(text)
    assert len(paras) <= 1000 / 16
    assert [w for p in paras for w in p.text.split()] == words
    assert all(text[p.start : p.end] == p.text for p in paras)


def test_a_web_page_s_blocks_stay_apart() -> None:
    """Where the reader marks furniture block by block, no passage joins two blocks."""
    words = _word_list(300)
    text = "\n\n".join(words)
    furniture, pos = [], 0
    for k, w in enumerate(words):
        if k % 2:
            furniture.append((pos, pos + len(w), "navigation"))
        pos += len(w) + 2
    paras = segment(text, furniture)
    assert [p.text for p in paras] == words
    assert [p.noise_reason == "navigation" for p in paras] == [bool(k % 2) for k in range(300)]


def test_a_clause_label_and_heading_over_its_wrapped_text() -> None:
    """A clause's label and heading, set off on a line of their own above the clause's
    hard-wrapped text, make one paragraph with it, not one paragraph a line."""
    text = (
        "               (c)    Representations.\n"
        "          Contributor represents that, except as disclosed pursuant to\n"
        "          Section 3.4(a) above, Contributor believes that Contributor's\n"
        "          Modifications are Contributor's original creation(s) and/or\n"
        "          Contributor has sufficient rights to grant the rights conveyed by\n"
        "          this License."
    )
    assert len(paragraph_spans(text)) == 1

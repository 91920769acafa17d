"""Noise rules for page furniture: what each rule marks, and the prose it must leave alone."""

from __future__ import annotations

import pytest

from srcdiff.noise import furniture_reason
from srcdiff.segment import segment


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Related posts", "list header"),
        ("Related", "list header"),
        ("Most read", "list header"),
        ("Categories", "list header"),
        ("Tags:", "list header"),
        ("You may also like", "list header"),
        ("Sponsored", "list header"),
        ("admin · 3 hours ago", "user and time stamp"),
        ("guest_4471 · 5 hours ago", "user and time stamp"),
        ("By staff · 2 min read", "user and time stamp"),
        ("Posted by editor_nl | 2 hours ago | 14 views", "user and time stamp"),
        ("Jane Doe — 45m ago", "user and time stamp"),
        ("Updated an hour ago", "user and time stamp"),
        ("0 comments", "counter"),
        ("12 Comments", "counter"),
        ("No comments", "counter"),
        ("Comments (3)", "counter"),
        ("1.2K views", "counter"),
        (
            "Get our Markets Daily newsletter: the numbers that matter, before the opening bell. "
            "Subscribe now",
            "newsletter box",
        ),
        ("Join our weekly Climate newsletter", "newsletter box"),
        ("Subscribe now", "newsletter box"),
        ("Translated with DeepL (free version)", "translation credit"),
        ("Translation: automatic service. All rights reserved.", "translation credit"),
        ("Translated by Google", "translation credit"),
        ("(Machine translation. Original text in English.)", "translation credit"),
        ("This article was automatically translated.", "translation credit"),
    ],
)
def test_furniture_reason(text: str, reason: str) -> None:
    assert furniture_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Related companies were also sanctioned, officials said.",
        "Categories of goods covered include machine tools.",
        "The quake struck 3 hours ago",
        "A year ago",
        "Officials said the hearing lasted 2 hours | adjourned",
        "The filing drew 12 comments from the public.",
        "Comments from the minister followed on Tuesday.",
        "Shares fell 4.2% in Amsterdam trading.",
        "Subscribers to the newsletter fell by half last year, the company said.",
        "Officials said readers should subscribe.",
        "Machine translation has improved sharply, researchers say.",
        "Translated by hand, the letter reached Moscow in April.",
        "The translation: a warning to Beijing, officials said.",
        "Working jointly on drones",
        "China walks fine line",
        "Markets",
        "Real Estate",
        "Meridian Telecom profit falls 18% as EU fines company over roaming charges",
    ],
)
def test_prose_headlines_and_subheads_are_not_furniture(text: str) -> None:
    assert furniture_reason(text) is None


def _marks(text: str) -> list[tuple[str, str | None]]:
    return [(p.text, p.noise_reason) for p in segment(text)]


_BODY = "China is helping Russia expand its defense industrial base, officials said."


def test_section_label_above_headline_and_furniture() -> None:
    text = (
        "Markets\n\nMeridian Telecom profit falls 18% as EU fines company\n\n0 comments\n\n" + _BODY
    )
    assert _marks(text) == [
        ("Markets", "section label"),
        ("Meridian Telecom profit falls 18% as EU fines company", None),
        ("0 comments", "counter"),
        (_BODY, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a short headline with its byline under it
        "Biden Wins\n\nBy Jane Doe\n\n" + _BODY,
        # a kicker-like first line but no furniture under the headline
        "Markets\n\nMeridian Telecom profit falls 18% as EU fines company\n\n" + _BODY,
        # a short sentence on top is not a topic tag
        "Markets rallied.\n\nMeridian Telecom profit falls 18% as EU fines company\n\n"
        "0 comments\n\n" + _BODY,
        # the second paragraph is a sentence, not a headline
        "Analysis\n\nThe fine is the largest ever.\n\n0 comments\n\n" + _BODY,
    ],
)
def test_short_first_paragraph_stays_prose(text: str) -> None:
    assert segment(text)[0].noise_reason is None


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a category link framed by furniture
        (_BODY + "\n\nRelated posts\n\nReal Estate\n\n0 comments\n\n" + _BODY, ["Real Estate"]),
        # a run of three labels, even without furniture around it
        (_BODY + "\n\nNews\n\nReal Estate\n\nArts & Culture\n\n" + _BODY, None),
        # a list of category links under its header, before other furniture
        (
            _BODY + "\n\nCategories\nNews\nReal Estate\nTravel\n\nadmin · 3 hours ago\n\n" + _BODY,
            ["News", "Real Estate", "Travel"],
        ),
    ],
)
def test_label_runs_are_section_labels(text: str, labels: list[str] | None) -> None:
    marked = [t for t, r in _marks(text) if r == "section label"]
    assert marked == (labels or ["News", "Real Estate", "Arts & Culture"])
    assert segment(text)[-1].noise_reason is None


@pytest.mark.parametrize(
    "text",
    [
        _BODY + "\n\nExport Controls\n\n" + _BODY,
        # a subhead after an ad marker still heads the text under it
        _BODY + "\n\nAdvertisement\n\nExport Controls\n\n" + _BODY,
        # a subhead ending in a stop is no label, even framed by furniture
        _BODY + "\n\nRelated posts\n\nExport Controls.\n\n0 comments\n\n" + _BODY,
        # two subheads in a row are not yet a run of labels
        _BODY + "\n\nPart One\n\nExport Controls\n\n" + _BODY,
    ],
)
def test_subheads_stay_prose(text: str) -> None:
    assert [t for t, r in _marks(text) if r == "section label"] == []
    assert any(t.startswith("Export Controls") for t, r in _marks(text) if r is None)


def test_footer_run_ends_in_standalone_furniture() -> None:
    teasers = [
        "Top 10 phones under 200 euros — see the list",
        "Investors are piling into this penny stock",
        "Claim your free crypto bonus today",
        "Mortgage rates just dropped: check yours",
    ]
    text = (
        _BODY
        + "\n\nSponsored\n"
        + "\n".join(teasers)
        + "\n\nPosted by editor_nl | 2 hours ago | 14 views\n"
    )
    assert _marks(text) == [
        (_BODY, None),
        ("Sponsored", "list header"),
        *[(t, "footer: link list after the article") for t in teasers],
        ("Posted by editor_nl | 2 hours ago | 14 views", "user and time stamp"),
    ]


def test_link_list_of_long_lines_is_split_and_marked() -> None:
    links = [
        "Trending now: Local singles in Arequipa want to meet you",
        "This one weird trick cuts your electricity bill in half",
        "Doctors hate him! Lima man reveals secret to weight loss",
        "Cheap flights to Cusco — click here",
        "Home | About | Contact | Privacy Policy",
        "© 2024 NoticiasPeruHoy.info",
    ]
    paras = segment(_BODY + "\n\n" + "\n".join(links))
    assert [p.text for p in paras[1:]] == links
    assert all(p.noise for p in paras[1:])
    assert not paras[0].noise

"""Curated word tables: what WordNet does not cover (closed-class words, names).

Each table is data: a tuple of entries, each entry with the source that backs it.  The
entries are general English usage, not fitted to any text.  Matching is on lowercase
forms with spaces between words, except the name forms, whose case is kept ("US" is the
country, "us" the pronoun).

Sources, by key:

- ``plain``: Federal Plain Language Guidelines (plainlanguage.gov, 2011), "Use simple
  words and phrases": the wordy forms and their plain replacements.
- ``mw``: Merriam-Webster's Collegiate Dictionary, the entry for the first word, which
  defines it by the second.
- ``garner``: Garner's Modern English Usage (4th ed.), entries on the redundant forms.
- ``ap``: AP Stylebook (2014 change): "over" and "more than" are both acceptable with
  numerals.
- ``cgel``: The Cambridge Grammar of the English Language (Huddleston & Pullum, 2002),
  ch. 5 §6-7: "the" and the demonstratives are the definite determiners; they mark a
  noun phrase as definite and differ only in deixis (near / far) and number.
- ``spelling``: variant spellings of one word (towards/toward).
- ``iso``: ISO 3166 country names and the common short and abbreviated forms of them.
- ``combining``: combining forms of country names (Merriam-Webster, "Sino-": Chinese and).
"""

from __future__ import annotations

Entry = tuple[tuple[str, ...], str]
"""A group of forms that mean the same, and the key of its source."""


def _words(text: str) -> list[str]:
    return text.split()


EQUIVALENT: tuple[Entry, ...] = (
    (("though", "although", "even though"), "mw"),
    (("following", "after"), "mw"),
    (("inside of", "inside", "within"), "garner"),
    (("inside of", "in"), "garner"),
    (("in order to", "to"), "plain"),
    (("in order that", "so that"), "plain"),
    (
        (
            "regarding",
            "about",
            "concerning",
            "with regard to",
            "in regard to",
            "with respect to",
            "in relation to",
        ),
        "plain",
    ),
    (("as well as", "and"), "mw"),
    (("in addition to", "besides", "as well as"), "plain"),
    (("amid", "amidst", "during"), "mw"),
    (("amid", "amidst", "among", "amongst"), "mw"),
    (("while", "whilst"), "spelling"),
    (("toward", "towards"), "spelling"),
    (("upon", "on"), "mw"),
    (("prior to", "before"), "plain"),
    (("subsequent to", "after", "following"), "plain"),
    (("in the event that", "if"), "plain"),
    (("due to the fact that", "because", "owing to the fact that"), "plain"),
    (("because of", "due to", "owing to"), "mw"),
    (("despite", "in spite of", "notwithstanding"), "mw"),
    (
        (
            "at this time",
            "at present",
            "at the present time",
            "currently",
            "now",
            "at this point in time",
        ),
        "plain",
    ),
    (("until such time as", "until", "till"), "plain"),
    (("in an effort to", "to"), "plain"),
    (("for the purpose of", "for"), "plain"),
    (("the majority of", "most"), "plain"),
    (("numerous", "many"), "plain"),
    (("a large number of", "many"), "plain"),
    (("whether or not", "whether"), "plain"),
    (("more than", "over"), "ap"),
    (("the", "this", "that", "these", "those"), "cgel"),
    (("steer clear of", "avoid"), "mw"),
    (
        (
            "mostly",
            "mainly",
            "largely",
            "chiefly",
            "primarily",
            "principally",
            "predominantly",
            "for the most part",
        ),
        "mw",
    ),
    (("abroad", "overseas", "in other countries", "in foreign countries"), "mw"),
    (("slightly", "a little", "a bit"), "mw"),
    (("alongside", "along with", "together with"), "mw"),
    (("increasingly", "more and more"), "mw"),
)
"""Function-word paraphrases: any two forms of one group are equivalent."""

REVERSED: tuple[Entry, ...] = (
    (("before", "after"), "mw"),
    (("before", "following"), "mw"),
    (("with", "without"), "mw"),
    (("above", "below"), "mw"),
    (("inside", "outside"), "mw"),
    (("more than", "less than"), "mw"),
    (("more than", "fewer than"), "mw"),
    (("always", "never"), "mw"),
    (("for", "against"), "mw"),
)
"""Function-word pairs of opposite meaning (the first form of each pair against the rest)."""

NAMES: tuple[Entry, ...] = (
    (("US", "U.S.", "USA", "U.S.A.", "United States", "United States of America"), "iso"),
    (("UK", "U.K.", "United Kingdom", "Britain", "Great Britain"), "iso"),
    (("EU", "E.U.", "European Union"), "iso"),
    (("UN", "U.N.", "United Nations"), "iso"),
    (("PRC", "People's Republic of China", "China"), "iso"),
    (("Russia", "Russian Federation"), "iso"),
    (("UAE", "United Arab Emirates"), "iso"),
    (("DPRK", "North Korea"), "iso"),
    (("Sino", "China"), "combining"),
    (("Anglo", "England", "English"), "combining"),
    (("Franco", "France"), "combining"),
    (("Russo", "Russia"), "combining"),
    (("Indo", "India"), "combining"),
    (("Euro", "Europe"), "combining"),
)
"""Name forms of one country or body; case is kept."""

FUNCTION_WORDS = frozenset(
    _words(
        """
        a an the this that these those some any all every each no none both either neither few
        fewer less least more most much many several such other another own same i me my mine we
        us our ours you your yours he him his she her hers it its they them their theirs who
        whom whose which what whatever whoever and or but nor yet so if then than because since
        unless whereas whether though although while as about above across after against along
        amid amidst among amongst around at before behind below beneath beside besides between
        beyond by despite down during except for from in inside into like near of off on onto
        out outside over past per through throughout till to toward towards under until up upon
        via with within without not never n't be am is are was were been being have has had
        having do does did doing can could may might must shall should will would ought one two
        three four five six seven eight nine ten eleven twelve dozen hundred thousand million
        billion trillion half very just only even also still too quite rather almost nearly
        approximately roughly
        """
    )
)
"""Closed-class words: WordNet gives them no reliable senses (or none), so only the
tables above relate them; "some" -> "all", "may" -> "will", "more than" -> "nearly"
therefore stay unrelated.  Number words are the number rules' business."""

CHARGED = frozenset(
    _words(
        """
        terrorist terrorism extremist militant insurgent rebel guerrilla regime junta
        dictator massacre slaughter genocide atrocity murder assassinate martyr liberate
        invade invasion riot mob thug looter propaganda cult
        bribe fraud steal theft loot smuggle kidnap torture assault
        """
    )
)
"""Words of charged connotation, as lemmas: editorial guidelines on the language of
conflict and crime (BBC Editorial Guidelines, "War, Terror and Emergencies": language;
AP Stylebook entries "terrorism", "militant", "regime"; crimes, which a report names
only as charged or proven) ask that each be chosen, or attributed, on purpose.  A
thesaurus lists them beside plain words ("rebel" / "terrorist", "kill" / "murder"), so the
thesaurus never makes one a near synonym.  Words whose everyday sense is plain ("execute"
a plan, "occupy" a post, an "occupation") are left out."""

POSSESSIVE_GLUE = frozenset(["of", "from", "by"])
"""Words that, on the side without a possessive "'s", may stand for it:
"the support from China" / "China's support"."""

ARTICLES = frozenset(["the", "a", "an"])
"""Words a rewrite adds or drops without changing what is said."""

DEMONSTRATIVES = frozenset(["this", "that", "these", "those"])
"""Definite determiners (``cgel``) a rewrite swaps for "the" or drops: "stop this war" /
"end the war"."""


def groups(table: tuple[Entry, ...]) -> tuple[frozenset[str], ...]:
    """The groups of ``table`` as sets of forms."""
    return tuple(frozenset(forms) for forms, _source in table)


def reversed_pairs() -> frozenset[frozenset[str]]:
    """Each pair of ``REVERSED``: the first form against every other form of its entry."""
    return frozenset(
        frozenset((forms[0], other)) for forms, _source in REVERSED for other in forms[1:]
    )

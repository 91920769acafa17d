"""The one severity table: what each kind of evidence a rule finds weighs.

Rules never pick a severity.  They name the *cue* they saw (a quote lost its
marks, a number changed, two words are synonyms) and this table says how
severe that cue is and how the two sides relate.  A finding takes the
highest severity among its cues.  ``docs/drift.md`` prints the table.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from ..model import Relation, Severity

HIGH, MEDIUM, LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW


class Cue(StrEnum):
    """What a rule saw in one op.  Each value names its row of ``TABLE``."""

    QUOTE_MARKS_REMOVED = "quote_marks_removed"
    QUOTE_MARKS_ADDED = "quote_marks_added"
    QUOTE_REWORDED = "quote_reworded"
    QUOTE_SMALL_WORDS = "quote_small_words"
    QUOTE_NAME = "quote_name"
    QUOTE_UNSAID = "quote_unsaid"
    REWORDED_FORMER_QUOTE = "reworded_former_quote"
    NUMBER_CHANGED = "number_changed"
    NUMBER_QUALIFIER = "number_qualifier"
    NUMBER_HEDGE = "number_hedge"
    NUMBER_REMOVED = "number_removed"
    NUMBER_ADDED = "number_added"
    NUMBER_FORM = "number_form"
    QUALIFIER_STATED_ELSEWHERE = "qualifier_stated_elsewhere"
    NEGATION = "negation"
    HEDGE = "hedge"
    SPEAKER_CHANGED = "speaker_changed"
    ATTRIBUTION_CHANGED = "attribution_changed"
    SAME_SPEAKER = "same_speaker"
    ATTRIBUTION_REMOVED = "attribution_removed"
    ATTRIBUTION_ADDED = "attribution_added"
    NAME_CHANGED = "name_changed"
    NAME_REMOVED = "name_removed"
    NAME_ADDED = "name_added"
    NAME_STILL_NAMED = "name_still_named"
    DATELINE = "dateline"
    WORDING_CHANGED = "wording_changed"
    WORDING_REVERSED = "wording_reversed"
    WORDING_EQUIVALENT = "wording_equivalent"
    NEAR_SYNONYM = "near_synonym"
    PARAPHRASE = "paraphrase"
    REWORDED = "reworded"
    DETAIL_ADDED = "detail_added"
    DETAIL_REMOVED = "detail_removed"
    SMALL_WORDS = "small_words"
    WORDS_MOVED = "words_moved"
    WORD_FORM = "word_form"
    SPELLING = "spelling"
    SAME_WORDS = "same_words"
    PUNCTUATION = "punctuation"
    MARKS_OR_SPACING = "marks_or_spacing"
    INVISIBLE = "invisible"
    STRONGER = "stronger"
    WEAKER = "weaker"
    SCALE_REVERSED = "scale_reversed"


class Weight(NamedTuple):
    severity: Severity
    relation: Relation
    why: str
    """Why this cue weighs what it does (printed in docs/drift.md)."""


E, R, C = Relation.EQUIVALENT, Relation.REVERSED, Relation.CHANGED

TABLE: dict[Cue, Weight] = {
    Cue.QUOTE_MARKS_REMOVED: Weight(HIGH, C, "a quotation became the outlet's paraphrase"),
    Cue.QUOTE_MARKS_ADDED: Weight(HIGH, C, "words are now presented as someone's quotation"),
    Cue.QUOTE_REWORDED: Weight(HIGH, C, "a speaker is quoted saying other words"),
    Cue.QUOTE_SMALL_WORDS: Weight(MEDIUM, C, "small words inside a quotation changed"),
    Cue.QUOTE_NAME: Weight(HIGH, C, "a name inside a quotation changed"),
    Cue.QUOTE_UNSAID: Weight(HIGH, C, "quoted words the speaker's transcript does not hold"),
    Cue.REWORDED_FORMER_QUOTE: Weight(MEDIUM, C, "reworded where the text was a quotation"),
    Cue.NUMBER_CHANGED: Weight(HIGH, C, "a figure changed"),
    Cue.NUMBER_QUALIFIER: Weight(HIGH, C, "a figure's qualifier changed (more than / nearly)"),
    Cue.NUMBER_HEDGE: Weight(MEDIUM, C, "a figure was hedged or unhedged (about, some)"),
    Cue.NUMBER_REMOVED: Weight(MEDIUM, C, "a figure is given on one side only"),
    Cue.NUMBER_ADDED: Weight(MEDIUM, C, "a figure is given on one side only"),
    Cue.NUMBER_FORM: Weight(LOW, E, "the same figure written another way"),
    Cue.QUALIFIER_STATED_ELSEWHERE: Weight(
        LOW, C, "a figure's qualifier left out here, given with the figure elsewhere in the passage"
    ),
    Cue.NEGATION: Weight(HIGH, R, "a negation was added or removed"),
    Cue.HEDGE: Weight(MEDIUM, C, "a hedge was added, removed or changed"),
    Cue.SPEAKER_CHANGED: Weight(HIGH, C, "a quotation is given to another speaker"),
    Cue.ATTRIBUTION_CHANGED: Weight(MEDIUM, C, "who said it changed"),
    Cue.SAME_SPEAKER: Weight(LOW, E, "a transcript's speaker label and an attribution name one"),
    Cue.ATTRIBUTION_REMOVED: Weight(MEDIUM, C, "a claim lost its source"),
    Cue.ATTRIBUTION_ADDED: Weight(MEDIUM, C, "a claim gained a source"),
    Cue.NAME_CHANGED: Weight(MEDIUM, C, "a name, place or organisation changed"),
    Cue.NAME_REMOVED: Weight(MEDIUM, C, "a name is given on one side only"),
    Cue.NAME_ADDED: Weight(MEDIUM, C, "a name is given on one side only"),
    Cue.NAME_STILL_NAMED: Weight(LOW, E, "a name dropped here is still named in the passage"),
    Cue.DATELINE: Weight(LOW, C, "where a story was filed from, given on one side only"),
    Cue.WORDING_CHANGED: Weight(MEDIUM, C, "words with another meaning"),
    Cue.WORDING_REVERSED: Weight(HIGH, R, "a word became its opposite (raised / lowered)"),
    Cue.WORDING_EQUIVALENT: Weight(LOW, E, "synonyms or a paraphrase with the same meaning"),
    Cue.NEAR_SYNONYM: Weight(LOW, C, "a word replaced by one of close meaning (fell / dropped)"),
    Cue.PARAPHRASE: Weight(LOW, C, "rephrased: most content words kept, at most two reworded"),
    Cue.REWORDED: Weight(LOW, E, "reworded: each content word has its like in the other sentence"),
    Cue.DETAIL_ADDED: Weight(LOW, C, "a few words of detail only one side gives"),
    Cue.DETAIL_REMOVED: Weight(LOW, C, "a few words of detail only one side gives"),
    Cue.SMALL_WORDS: Weight(LOW, E, "only small words or their order changed"),
    Cue.WORDS_MOVED: Weight(LOW, E, "the same words moved within the sentence"),
    Cue.WORD_FORM: Weight(LOW, E, "another form of the same word"),
    Cue.SPELLING: Weight(LOW, E, "a spelling variant or a typo"),
    Cue.SAME_WORDS: Weight(LOW, E, "the same words in another form (US / U.S.)"),
    Cue.PUNCTUATION: Weight(LOW, E, "punctuation changed"),
    Cue.MARKS_OR_SPACING: Weight(LOW, E, "the same text with other marks or spacing"),
    Cue.INVISIBLE: Weight(LOW, E, "only invisible or direction characters differ"),
    Cue.STRONGER: Weight(HIGH, C, "a claim made stronger: hedge, scope or condition dropped"),
    Cue.WEAKER: Weight(MEDIUM, C, "a claim made weaker: hedged, scoped or conditioned"),
    Cue.SCALE_REVERSED: Weight(HIGH, R, "a claim moved across its scale (never / rarely)"),
}


def weight(cue: Cue) -> Weight:
    return TABLE[cue]


def severity(cue: Cue) -> Severity:
    return TABLE[cue].severity

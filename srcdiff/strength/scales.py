"""The scales of claim strength, as data: one list of scales, each with its ordered levels.

A level's ``rank`` orders it on its scale (higher = the stronger claim); its ``side`` marks
the pole it sits on: two levels on different sides (``-1`` and ``+1``, or ``0`` and a pole)
make a *reversal* ("never" → "rarely", "more than" → "as much as"); ``None`` never reverses.
Cues use the pattern language of ``words`` and are written as lemmas, so inflections match.
Which cue stands for a sentence with several is the scale's ``pick``: ``"first"`` (the main
claim comes first in English) or ``"lowest"`` (one hedge hedges the claim).

``SEVERITY`` is the policy for a change on each scale; ``profile.compare`` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..model import Severity


@dataclass(frozen=True)
class Level:
    name: str
    rank: int
    side: int | None
    words: str
    """What the level claims, in plain words ("correlation", "all")."""
    cues: tuple[str, ...] = ()
    noun: str = ""
    """What its cue is called in a reason when not the scale's ``noun`` ("booster")."""


@dataclass(frozen=True)
class Scale:
    name: str
    noun: str
    """What a cue of this scale is called in a reason ("hedge", "quantifier")."""
    levels: tuple[Level, ...]
    default: str | None
    """The level of a sentence with no cue; None: such a sentence is silent on the scale."""
    pick: str
    stronger: str
    """Plain words for a change up the scale, from A to B."""
    weaker: str
    source: str

    def level(self, name: str) -> Level:
        return next(lv for lv in self.levels if lv.name == name)


def _cues(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(";") if c.strip())


# Hedges and boosters: Hyland, "Hedging in Scientific Research Articles" (1998) and the
# hedge/booster lists of Hyland, "Metadiscourse" (2005, appendix); "preliminary", "pilot",
# "early" findings from the limitation markers of Sumner et al., BMJ 2014 (caveats coded).
# Only Hyland's content-oriented hedges, those on the claim itself; the writer-oriented ones
# that frame it as the reading of evidence ("the data suggest", "we show") are ``EVIDENCE``.
CERTAINTY = Scale(
    name="certainty",
    noun="hedge",
    levels=(
        Level(
            "hedged",
            0,
            None,
            "a hedged claim",
            _cues(
                "may; might; could; possibly; possible that; perhaps; probably; "
                "<!more|less|most|least|as likely to; unlikely; "
                "appear to; seem to; apparently; preliminary; tentative; tentatively; "
                "pilot; early-stage; early stage; early result; early finding; "
                "early evidence; early data; potential; potentially; presumably; "
                "in part; partly; partially; to some extent; it be possible"
            ),
        ),
        Level("plain", 1, None, "a plain claim"),
        Level(
            "boosted",
            2,
            None,
            "a claim stated as certain",
            _cues(
                "definitely; certainly; clearly; conclusively; undoubtedly; no doubt; "
                "beyond doubt; without doubt; unequivocally; without question"
            ),
            noun="booster",
        ),
    ),
    default="plain",
    pick="lowest",
    stronger="the claim is made more certain",
    weaker="the claim is made less certain",
    source="Hyland 1998, 2005 (content-oriented hedges, boosters); Sumner et al. 2014",
)

# The verbs that frame a claim as what the evidence says: Hyland's writer-oriented hedges
# ("suggest", "indicate") against the verbs that declare it settled ("prove", "confirm").
# The neutral reporting verbs of science writing ("show", "find", "reveal", "demonstrate":
# how a press release attributes any result, "…, finds a new study") are no grade of
# evidence. Silent unless both sides frame the claim: the benchmark of Sumner et al. codes
# "suggests that X causes Y" as direct causal, so a frame dropped or added is no change of
# the claim's own strength; a frame changed ("suggests" → "proves") is.
EVIDENCE = Scale(
    name="evidence",
    noun="evidence verb",
    levels=(
        Level(
            "suggested",
            0,
            None,
            "what the evidence suggests",
            _cues("suggest; indicate; hint; point to; hypothesize|hypothesise; speculate"),
        ),
        Level(
            "proven",
            1,
            None,
            "what the evidence proves",
            _cues("prove; confirm; establish; settle"),
        ),
    ),
    default=None,
    pick="lowest",
    stronger="the evidence is said to be firmer",
    weaker="the evidence is said to be weaker",
    source="Hyland 1998, 2005 (writer-oriented hedges, boosters)",
)

# The four levels of causal language of Yu, Li and Wang, "Detecting Causal Language Use in
# Science Findings" (EMNLP 2019) and Yu et al., "Measuring Correlation-to-Causation
# Exaggeration in Press Releases" (COLING 2020), which simplify the coding of Sumner et al.,
# BMJ 2014. Conditional causal is a causal cue under a hedge of its own clause (the hedge
# cues are those of the "conditional" level); a negated cue states no relation ("denied").
CAUSALITY = Scale(
    name="causality",
    noun="causal claim",
    levels=(
        Level("unstated", 0, None, "no relation"),
        Level("denied", 0, -1, "a denied relation", noun="denied relation"),
        Level(
            "correlational",
            1,
            1,
            "correlation",
            _cues(
                "associate with; association; associated; link to; link with; link between; "
                "linked; linking; tie to; correlate; correlation; correlated; relate to; "
                "related to; relationship between; relation between; connection between; "
                "connect to|with; predict; predictor; predictive of; risk factor; marker; "
                "more likely; less likely; =likelier; at risk; risk of; higher|greater risk; "
                "lower|reduced|increased risk; compare with|to; in comparison with; "
                "more * … than; less * … than; fewer * … than; higher * … than; lower * … than; "
                "greater * … than; better * … than; worse * … than; "
                "differ; different between|from; difference between; vary with; coincide with"
            ),
            noun="correlation",
        ),
        Level(
            "conditional",
            2,
            1,
            "possible causation",
            _cues(
                "may; might; could; can; possibly; potentially; potential; appear to; "
                "seem to; <!more|less|most|least|as likely to; probably; perhaps; "
                "promise; promising"
            ),
            noun="possible causation",
        ),
        Level(
            "direct",
            3,
            1,
            "causation",
            _cues(
                "cause; cause … to; lead … to; =resulted in; =resulting in; arise from; "
                "as a result of; reduce; increase; decrease; prevent; cure; boost; "
                "improve; worsen; trigger; induce; drive; affect; influence; determine; "
                "protect; help; enhance; inhibit; block; cut; lower; raise; promote; "
                "suppress; impair; alleviate; relieve; stimulate; activate; regulate; "
                "modulate; kill; save; curb; slow; stop; restore; reverse; delay; "
                "attenuate; mitigate; impede; disrupt; shape; underlie; mediate; confer; "
                "produce; generate; create; extend; fuel; spur; spark; accelerate; hinder; "
                "hamper; weaken; strengthen; aggravate; exacerbate; ease; lessen; diminish; "
                "alter; modify; excite; uncouple; counteract; eliminate; destroy; repair; "
                "heal; rescue; pose; explain; "
                "contribute to; responsible for; due to; because of; depend on; "
                "involvement of|in; involved in; benefit; harm; damage; halt; "
                "effect on; effect of; impact on; impact of; role in; role for; key to; "
                "cause of; driver of; mechanism behind; protective; "
                "beneficial|harmful|adverse|positive|negative|therapeutic|protective effect; "
                "modifying effect; effective; efficacious"
            ),
            noun="causation",
        ),
    ),
    default="unstated",
    pick="first",
    stronger="the claim is made more causal",
    weaker="the claim is made less causal",
    source="Sumner et al. 2014; Yu et al. 2019, 2020 (correlational / conditional / direct)",
)

_WHO = (
    "people|patient|participant|adult|child|woman|man|volunteer|infant|baby|girl|boy|teen|"
    "teenager|student|smoker|drinker|user|resident|worker|mother|father|parent|senior|"
    "veteran|survivor|athlete|employee|driver"
)
"""Nouns that name a group of people (lemmas), for the group level of ``SCOPE``."""

# Sample and setting: Sumner et al., BMJ 2014 coded the extrapolation from animal and cell
# studies to humans as exaggeration; a named group or a small sample narrows a claim too.
SCOPE = Scale(
    name="scope",
    noun="scope",
    levels=(
        Level(
            "cells",
            0,
            None,
            "cells",
            _cues(
                "in cell; in * cell; in vitro; in culture; in cultured; in a dish; "
                "in the lab|laboratory; in tissue; in * tissue; in yeast; in bacteria"
            ),
        ),
        Level(
            "animals",
            1,
            None,
            "animals",
            _cues(
                "in mouse; in mice; in rat; in rodent; in animal; in fruit fly; in fly; "
                "in zebrafish; in worm; in monkey; in primate; in pig; in dog; in sheep; "
                "in * mouse|mice|rat|animal; in animal|mouse|rodent model; "
                "in * animal|mouse|rodent model; animal study; mouse study"
            ),
        ),
        Level(
            "group",
            2,
            None,
            "a group or sample",
            _cues(
                f"in {_WHO} with; in those with; among {_WHO}; among * {_WHO}; "
                f"among * * {_WHO}; in * {_WHO}; in * * {_WHO}; "
                "in a small study; in a small sample; in a pilot; in a study of {N}; "
                "in a sample of; in this sample; in this cohort; in a cohort of; "
                f"of {{N}} {_WHO}; in {{N}} {_WHO}"
            ),
        ),
        Level("general", 3, None, "everyone"),
    ),
    default="general",
    pick="lowest",
    stronger="the claim is generalised",
    weaker="the claim is narrowed",
    source="Sumner et al. 2014 (inference to humans from animal and cell studies)",
)

# Horn scales <all, most, many, some> and <always, usually, often, sometimes> (Horn 1972),
# with "none" / "never" as the negative pole of the square of opposition (Horn 1989).
QUANTIFIER = Scale(
    name="quantifier",
    noun="quantifier",
    levels=(
        Level("none", 0, -1, "none", _cues("^ no; none; nobody; no one; not any; nothing")),
        Level("few", 1, 1, "few", _cues("=few; hardly any; very few; =little !{N}")),
        Level("some", 2, 1, "some", _cues("some !{N}; several; a few; a number of; a minority")),
        Level(
            "many",
            3,
            1,
            "many",
            _cues("<!as many; numerous; a lot of; lots of; a large number of"),
        ),
        Level(
            "most",
            4,
            1,
            "most",
            _cues("^ most; most of; most people; the majority; a majority; nearly all; almost all"),
        ),
        Level("all", 5, 1, "all", _cues("all; every; everyone; everybody; without exception")),
    ),
    default=None,
    pick="first",
    stronger="the claim covers more",
    weaker="the claim covers fewer",
    source="Horn 1972, 1989 (quantifier scale and its negative pole)",
)

FREQUENCY = Scale(
    name="frequency",
    noun="frequency",
    levels=(
        Level("never", 0, -1, "never", _cues("never; at no time")),
        Level("rarely", 1, 1, "rarely", _cues("rarely; seldom; hardly ever; infrequently")),
        Level("sometimes", 2, 1, "sometimes", _cues("sometimes; occasionally; at times")),
        Level("often", 3, 1, "often", _cues("often; frequently; commonly; regularly")),
        Level("usually", 4, 1, "usually", _cues("usually; generally; typically; normally; mostly")),
        Level("always", 5, 1, "always", _cues("always; invariably; constantly; without fail")),
    ),
    default=None,
    pick="first",
    stronger="the claim says it happens more often",
    weaker="the claim says it happens less often",
    source="Horn 1972, 1989 (frequency scale and its negative pole)",
)

# Comparatives and modified numerals: Nouwen, "Two kinds of modified numerals" (2010):
# comparative ("more than", "fewer than") and superlative ("at least", "up to") modifiers.
COMPARISON = Scale(
    name="comparison",
    noun="comparison",
    levels=(
        Level(
            "less",
            0,
            -1,
            "less",
            _cues(
                "less than !{N}; fewer than !{N}; less * … than; fewer * … than; lower than; "
                "smaller than; worse than"
            ),
        ),
        Level(
            "equal",
            1,
            0,
            "as much",
            _cues(
                "as much … as !{N}; as many … as !{N}; "
                "the same as; equal to; on a par with; comparable to|with; similar to"
            ),
        ),
        Level(
            "more",
            2,
            1,
            "more",
            _cues(
                "more than !{N}; more * … than; greater than; higher than; larger than; "
                "bigger than; better than; exceed; outnumber; outweigh"
            ),
        ),
    ),
    default=None,
    pick="first",
    stronger="the comparison claims more",
    weaker="the comparison claims less",
    source="Horn 1972 (comparative scales); Nouwen 2010 (modified numerals)",
)

BOUND = Scale(
    name="bound",
    noun="bound",
    levels=(
        Level(
            "upper",
            0,
            -1,
            "at most",
            _cues(
                "up to; at most; no more than; as many as {N}; as much as {N}; "
                "less than {N}; fewer than {N}; under {N}; below {N}; nearly {N}; "
                "almost {N}"
            ),
        ),
        Level(
            "about",
            1,
            None,
            "about",
            _cues("about {N}; around {N}; approximately; roughly; some {N}; an estimated"),
        ),
        Level(
            "lower",
            2,
            1,
            "at least",
            _cues(
                "at least; no fewer than; no less than; more than {N}; over {N}; "
                "above {N}; upwards of; in excess of"
            ),
        ),
    ),
    default=None,
    pick="first",
    stronger="the figure is made a floor",
    weaker="the figure is made a ceiling",
    source="Nouwen 2010 (upper and lower bounds of modified numerals)",
)

_DETERMINERS = "its|the|a|an|his|her|their|our|my|your|this|that"
"""Before "plan to", "aim to" these make the word a noun ("its plan to"), no intention."""

# Epistemic possibility < intention < prediction (Palmer, "Mood and Modality", 2001).
MODALITY = Scale(
    name="modality",
    noun="modality",
    levels=(
        Level("possible", 0, None, "a possibility", _cues("may; might; could")),
        Level(
            "intended",
            1,
            None,
            "an intention",
            _cues(
                f"<!{_DETERMINERS} plan to; intend to; <!{_DETERMINERS} aim to; hope to; "
                "want to; propose to; seek to; expect to; expect that; be set to"
            ),
        ),
        Level(
            "future",
            2,
            None,
            "a fact to come",
            _cues("will; shall; =won't; be go to"),
        ),
    ),
    default=None,
    pick="first",
    stronger="the plan is stated as a fact to come",
    weaker="the fact to come is made a plan or possibility",
    source="Palmer 2001 (epistemic and dynamic modality)",
)

# Reporting verbs: "claim" and "allege" distance the writer (AP Stylebook, "claim");
# "admit", "acknowledge", "reveal", "confirm" presuppose the report true (factive verbs,
# Kiparsky and Kiparsky 1970); "say" is neutral (Bell 1991, The Language of News Media).
ATTRIBUTION = Scale(
    name="attribution",
    noun="reporting verb",
    levels=(
        Level(
            "distanced",
            0,
            None,
            "a claim the writer keeps at a distance",
            _cues("claim; allege; allegedly; purport; purportedly; insist; reportedly"),
        ),
        Level(
            "neutral",
            1,
            None,
            "a report",
            _cues(
                "say; tell; according to; state that; report that; note that; write that; add that"
            ),
        ),
        Level(
            "factive",
            2,
            None,
            "a report presented as true",
            _cues("admit; acknowledge; concede; reveal; confirm; disclose; point out"),
        ),
    ),
    default=None,
    pick="first",
    stronger="the report is presented as true",
    weaker="the report is kept at a distance",
    source="Kiparsky and Kiparsky 1970 (factive verbs); Bell 1991; AP Stylebook",
)

# Anonymous and named sourcing (AP Stylebook, "anonymous sources").
SOURCE = Scale(
    name="source",
    noun="source",
    levels=(
        Level(
            "anonymous",
            0,
            None,
            "an unnamed source",
            _cues(
                "expert|scientist|researcher|official|source|critic|analyst say|tell|believe; "
                "say|tell expert|scientist|researcher|official|source|critic|analyst; "
                "according to expert|scientist|researcher|official|source|critic|analyst; "
                "people familiar with; some say; it be say|claim|report|believe; "
                "a spokesperson|spokesman|spokeswoman"
            ),
        ),
        Level("named", 1, None, "a named source"),
    ),
    default=None,
    pick="first",
    stronger="an unnamed source is given a name",
    weaker="a named source is made anonymous",
    source="AP Stylebook (anonymous sources)",
)

SCALES: tuple[Scale, ...] = (
    COMPARISON,
    CAUSALITY,
    CERTAINTY,
    EVIDENCE,
    SCOPE,
    QUANTIFIER,
    FREQUENCY,
    BOUND,
    MODALITY,
    ATTRIBUTION,
    SOURCE,
)
"""In priority order: where two scales' changes share a cue, the earlier one reports it
("more … than" → "as many … as" is a comparison reversed before it is a correlation lost)."""

RELATIVE = frozenset(["which", "who", "whom", "whose"])
"""A causal cue right after one of these sits in a relative clause, not the main claim."""

NEGATORS = frozenset(
    [
        "not", "no", "never", "n't", "cannot", "without", "neither", "nor", "fail", "failed",
        "failing", "little", "lack"
    ]
)  # fmt: skip
"""A cue one to three words after one of these (in its clause) is negated; ``lemma`` forms.
Contractions ("don't", "isn't") end in "n't"."""

NEGATION_WINDOW = 3

NEGATED_AFTER = frozenset(["no", "none", "nothing", "neither"])
"""A causal cue right before one of these is denied ("caused no side effects")."""

NOMINAL_BEFORE = frozenset(
    [
        "a", "an", "the", "with", "of", "in", "for", "at", "by", "on", "from", "than", "show",
        "exhibit", "display"
    ]
)  # fmt: skip
"""Words after which a causal verb form is a noun or an adjective ("an increased risk",
"associated with reduced mortality"), so states no cause; gerunds ("in preventing") still do."""

SCOPE_WORDS = frozenset(["among", "sample", "study", "cohort", "small", "pilot", "model"])
"""Words of a scope cue that do not name whom it covers."""

NOMINAL_AFTER = frozenset(["in", "of"])
"""Words before which a causal verb form is a noun ("an increase in", "a cut of")."""

ERGATIVE = frozenset(
    [
        "increase", "decrease", "improve", "worsen", "slow", "stop", "ease", "weaken",
        "strengthen", "accelerate", "halt", "diminish", "lessen", "reduce", "lower", "heal"
    ]
)  # fmt: skip
"""Causal verbs that also say a thing changed by itself ("prices increased by 48 percent")."""

INTRANSITIVE_AFTER = frozenset(
    [
        "by", "between", "from", "to", "over", "since", "during", "after", "until", "in",
        "last", "this", "sharply", "slightly", "steadily", "again", "and", "or"
    ]
)  # fmt: skip
"""After an ergative verb with no form of "be" before it, these mark it intransitive: a
change is reported, not a cause (a passive, "was reduced by the drug", still names one)."""

CONJUNCTIONS = frozenset(["and", "but", "or", "nor", "yet"])
"""A clause opened by one of these states another proposition than the main claim's."""

PASSIVE_BEFORE = frozenset(["be", "get", "been", "being"])

CAUSAL_ADJECTIVES = frozenset(["protective", "effective", "efficacious", "beneficial", "harmful"])
"""Causal cues that are adjectives, so the ``NOMINAL_BEFORE`` test does not apply."""

HEDGE_WINDOW = 6
"""A conditional cue hedges a causal cue at most this many words later in its clause."""

NAMED_SOURCE_VERBS = frozenset(["say", "tell", "according"])
"""Reporting words next to a capitalised name mark a named source ("Smith said")."""

SEVERITY = MappingProxyType(
    {
        "causality": (Severity.HIGH, Severity.HIGH),
        "causality/unstated": (Severity.LOW, Severity.LOW),
        "certainty": (Severity.MEDIUM, Severity.HIGH),
        "evidence": (Severity.MEDIUM, Severity.HIGH),
        "scope": (Severity.HIGH, Severity.HIGH),
        "quantifier": (Severity.HIGH, Severity.HIGH),
        "frequency": (Severity.HIGH, Severity.HIGH),
        "comparison": (Severity.MEDIUM, Severity.HIGH),
        "bound": (Severity.MEDIUM, Severity.HIGH),
        "modality": (Severity.MEDIUM, Severity.HIGH),
        "attribution": (Severity.MEDIUM, Severity.HIGH),
        "source": (Severity.MEDIUM, Severity.HIGH),
    }
)
"""Per scale: (severity of a change, severity of a reversal); "scale/level" entries rule
changes to or from that level. A change keeps its severity whichever document is A: read
from the other side, the same change is the other direction, so a severity keyed on the
direction would depend on the order of the files. A causal cue on one side only is low:
causal verbs are an open class, and the other side may say the same in a verb the list lacks
("curbs" / "reins in"); hedges, scopes and quantifiers are closed classes, so a cue of theirs
on one side only is a real change."""


FINDING_WORDS = frozenset(
    {
        "study",
        "research",
        "researcher",
        "scientist",
        "finding",
        "result",
        "trial",
        "experiment",
        "data",
        "evidence",
        "analysis",
        "survey",
        "paper",
        "author",
        "participant",
        "cohort",
        "sample",
    }
)
"""Lemmas of the nouns that name a study and what it found. The claims whose strength
Sumner et al. (BMJ 2014) code, in papers and their press releases, are claims of findings:
"the study suggests", "researchers found", "results show"."""

FINDING_SEVERITY = MappingProxyType({"certainty": (Severity.HIGH, Severity.HIGH)})
"""Per scale, where it differs from ``SEVERITY``: the severity of a change in a claim of
findings (either sentence names a study or its findings, frames the claim as what the
evidence says, or states a relation of cause or correlation). A hedge dropped from a
finding is the exaggeration Sumner et al. count ("may reduce" → "reduces"); elsewhere
("the strongest of magnitude 5.2" / "the strongest possibly reaching magnitude 5.2") a
hedge is a medium change, as the drift table rates one."""


def cue_words(scales: tuple[Scale, ...]) -> frozenset[str]:
    """The one-word cues of ``scales``, as lemmas ("confirm", "allegedly"): words whose
    change these scales judge, so that no thesaurus may call it a near synonym."""
    out: set[str] = set()
    for scale in scales:
        for level in scale.levels:
            for cue in level.cues:
                out.update(w for w in cue.split("|") if w.isalpha())
    return frozenset(out)


VOUCHING = (CERTAINTY, EVIDENCE, ATTRIBUTION)
"""The scales of how firmly a claim is put and vouched for: their verbs are its strength."""

"""Words of close meaning: not the same meaning, but near enough to weigh less.

A middle category between ``relation``'s equivalence and a change of wording, for a
word replaced by a near synonym ("fell" / "dropped", "experienced" / "suffered").  The
rule (docs/lexicon.md gives the measurements): two verbs, in frequent senses of each,
one a direct hypernym of the other (a troponym: "drop" is a way to "fall") within one
lexicographer file.  The file is what keeps judgments out: "murder" (verb.social) is a
troponym of "kill" (verb.contact) that adds a verdict.  Noun hypernyms ("bribe" /
"payment"), verb groups ("accept" / "receive", "leave" / "lead") and senses shared only
through a rare sense ("heralded" / "announced") were measured and left out: they join
words a reader must see as changed.  Never close: words the lexicon already relates
(equivalent or reversed), degree forms against others, and pairs with antonym senses.
"""

from __future__ import annotations

from functools import lru_cache

from . import wordnet
from .forms import degree, fold
from .relate import frequent, opposed, readings, relation


def _troponym(x: int, y: int) -> bool:
    """Whether verb synsets ``x`` and ``y`` are a hypernym and its direct hyponym of one
    lexicographer file."""
    sx, sy = wordnet.synset(x), wordnet.synset(y)
    linked = y in sx.links.get("@", ()) or x in sy.links.get("@", ())
    return linked and sx.lexfile == sy.lexfile


@lru_cache(maxsize=65536)
def close(a: str, b: str) -> bool:
    """Whether two words are of close meaning (see the module's rule).  Symmetric."""
    fa, fb = fold(a), fold(b)
    if relation(fa, fb) is not None:
        return False
    (da, ba), (db, bb) = degree(fa), degree(fb)
    if da != db:
        return False
    near = False
    for pos_a, senses_a in readings(ba):
        for pos_b, senses_b in readings(bb):
            if pos_a != pos_b:
                continue
            for x in frequent(senses_a):
                for y in frequent(senses_b):
                    if opposed(x.synset, y.synset, pos_a):
                        return False
                    near = near or (pos_a == "v" and _troponym(x.synset, y.synset))
    return near

"""Read access to the packaged WordNet 3.0 data (``wordnet.tsv``).

The file is written by ``scripts/build_wordnet.py``; docs/lexicon.md describes it.  It is
read once per process, on first use, by ``database()``, and searched in place
(``lines.SortedLines``): a line is found, copied and split into fields only when a word
is looked up, which keeps the load near 5 ms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from .lines import SortedLines

DATA_FILE = "wordnet.tsv"
SYNSET_DIGITS = 6
"""Width of a synset row's number, zero-padded so that row order is number order."""
POS = ("n", "v", "a", "r")
"""WordNet's parts of speech: noun, verb, adjective (heads and satellites), adverb."""

_DETACH = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
"""WordNet's morphy detachment rules (wnintro(3WN) "morphy"), suffix -> replacement."""


@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of a lemma: its synset, 0-based rank in WordNet's order, tag count."""

    synset: int
    rank: int
    tags: int


@dataclass(frozen=True, slots=True)
class Synset:
    """A synset's type (n v a s r), lexicographer file number and kept links by code."""

    type: str
    lexfile: int
    links: Mapping[str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Database:
    lemma_rows: SortedLines
    """``lemma<TAB>pos=id[:tags],... pos=...`` sorted by lemma."""
    synset_rows: SortedLines
    """``number<TAB>type<TAB>lexfile[<TAB>code ids ...]`` for each synset, by number."""
    derivation_rows: SortedLines
    """``a<TAB>b`` (a < b, sorted): lemmas WordNet derives one from the other."""
    exceptions: Mapping[tuple[str, str], tuple[str, ...]]
    """(pos, irregular form) -> base forms."""


@lru_cache(maxsize=1)
def database() -> Database:
    """The packaged WordNet, read on first call and shared by every later one."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    exceptions: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in SortedLines.section(text, "#exceptions"):
        pos, form, bases = row.split("\t")
        exceptions[(pos, form)] = tuple(bases.split(","))
    return Database(
        SortedLines.section(text, "#lemmas", "#synsets"),
        SortedLines.section(text, "#synsets", "#derivations"),
        SortedLines.section(text, "#derivations", "#exceptions"),
        MappingProxyType(exceptions),
    )


def _row(lemma: str) -> str | None:
    return database().lemma_rows.row(lemma)


@lru_cache(maxsize=65536)
def senses(lemma: str, pos: str) -> tuple[Sense, ...]:
    """The senses of ``lemma`` (lowercase, spaces between words) as part of speech ``pos``."""
    row = _row(lemma)
    if row is None:
        return ()
    for part in row.split(" "):
        if part[0] == pos:
            found = []
            for rank, item in enumerate(part[2:].split(",")):
                synset, _, tags = item.partition(":")
                found.append(Sense(int(synset), rank, int(tags or 0)))
            return tuple(found)
    return ()


def derived(a: str, b: str) -> bool:
    """Whether WordNet derives one of two lemmas from the other, word to word."""
    return database().derivation_rows.has("\t".join(sorted((a, b))))


def parts_of_speech(lemma: str) -> tuple[str, ...]:
    """The parts of speech ``lemma`` has in WordNet, in file order (n v a r)."""
    row = _row(lemma)
    return () if row is None else tuple(part[0] for part in row.split(" "))


@lru_cache(maxsize=131072)
def synset(index: int) -> Synset:
    """Synset ``index`` with its similar-to (&), hypernym (@, nouns and verbs), verb group
    ($), antonym (!), pertainym (\\), derivation (+) and member (%) links."""
    row = database().synset_rows.row(f"{index:0{SYNSET_DIGITS}d}")
    if row is None:
        raise IndexError(f"no synset {index}")
    fields = row.split("\t")
    links = {}
    if len(fields) > 2:
        for group in fields[2].split(" "):
            links[group[0]] = tuple(int(i) for i in group[1:].split(","))
    return Synset(fields[0], int(fields[1]), MappingProxyType(links))


def base_forms(form: str) -> Iterator[tuple[str, str]]:
    """(pos, lemma) pairs WordNet's morphy gives for ``form``: exceptions, then suffix rules.

    Only lemmas that WordNet has in that part of speech are given; the form itself counts
    when it is a lemma.
    """
    form = form.lower()
    exceptions = database().exceptions
    for pos in POS:
        found = [form] if pos in parts_of_speech(form) else []
        found.extend(exceptions.get((pos, form), ()))
        for suffix, ending in _DETACH[pos]:
            if form.endswith(suffix) and len(form) > len(suffix):
                base = form[: len(form) - len(suffix)] + ending
                if pos in parts_of_speech(base):
                    found.append(base)
        for base in dict.fromkeys(found):
            if pos in parts_of_speech(base):
                yield pos, base

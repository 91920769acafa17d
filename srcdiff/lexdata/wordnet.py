"""Read access to the packaged WordNet 3.0 data (``wordnet.tsv.gz``).

The file is written by ``scripts/build_wordnet.py``; docs/lexicon.md describes it.  It is
read once per process, on first use, by ``database()``; lines are split into fields
only when a word is looked up, which keeps the load near 0.1 s.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

DATA_FILE = "wordnet.tsv.gz"
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
    lemma_rows: tuple[str, ...]
    """``lemma<TAB>pos=id[:tags],... pos=...`` sorted by lemma."""
    synset_rows: tuple[str, ...]
    """Row i describes synset i: ``type<TAB>lexfile[<TAB>code ids ...]``."""
    derivation_rows: tuple[str, ...]
    """``a<TAB>b`` (a < b, sorted): lemmas WordNet derives one from the other."""
    exceptions: Mapping[tuple[str, str], tuple[str, ...]]
    """(pos, irregular form) -> base forms."""


@lru_cache(maxsize=1)
def database() -> Database:
    """The packaged WordNet, read on first call and shared by every later one."""
    raw = resources.files(__package__).joinpath(DATA_FILE).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    lemmas_at = text.index("#lemmas\n")
    synsets_at = text.index("#synsets", lemmas_at)
    derivations_at = text.index("#derivations\n", synsets_at)
    exceptions_at = text.index("#exceptions\n", derivations_at)
    lemma_rows = tuple(text[lemmas_at + 8 : synsets_at].splitlines())
    synset_rows = tuple(text[synsets_at:derivations_at].splitlines()[1:])
    derivation_rows = tuple(text[derivations_at:exceptions_at].splitlines()[1:])
    exceptions: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in text[exceptions_at + 12 :].splitlines():
        pos, form, bases = row.split("\t")
        exceptions[(pos, form)] = tuple(bases.split(","))
    return Database(lemma_rows, synset_rows, derivation_rows, MappingProxyType(exceptions))


def keyed_row(rows: Sequence[str], key: str) -> str | None:
    """The rest of the row ``key<TAB>...`` of ``rows`` (sorted), or None: a binary search,
    as a tab sorts before every character a key may hold, so row order is key order."""
    head = key + "\t"
    at = bisect_left(rows, head)
    if at < len(rows) and rows[at].startswith(head):
        return rows[at][len(head) :]
    return None


def _row(lemma: str) -> str | None:
    return keyed_row(database().lemma_rows, lemma)


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
    key = "\t".join(sorted((a, b)))
    rows = database().derivation_rows
    at = bisect_left(rows, key)
    return at < len(rows) and rows[at] == key


def parts_of_speech(lemma: str) -> tuple[str, ...]:
    """The parts of speech ``lemma`` has in WordNet, in file order (n v a r)."""
    row = _row(lemma)
    return () if row is None else tuple(part[0] for part in row.split(" "))


@lru_cache(maxsize=131072)
def synset(index: int) -> Synset:
    """Synset ``index`` with its similar-to (&), hypernym (@, nouns and verbs), verb group
    ($), antonym (!), pertainym (\\), derivation (+) and member (%) links."""
    fields = database().synset_rows[index].split("\t")
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

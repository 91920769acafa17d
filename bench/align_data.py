"""Real revision pairs with gold paragraph correspondences, for scoring alignment.

Two sources, both from Debian packages, read at bench time (nothing is copied
into the repository):

* **Bible translations**: the King James Version (``sword-text-kjv``, public
  domain) against the World English Bible (``sword-text-web``, public domain),
  read with ``diatheke`` (package ``diatheke``).  Verses are regrouped into
  paragraphs differently on each side (1:1, 1:2, 2:1, 2:2 groups), some groups
  are moved and some dropped from one side; verse numbers give the gold.  The
  books of Ruth, Jonah and Mark are never used: they are kept for an
  independent check.
* **Licence revisions** from ``/usr/share/common-licenses`` (``base-files``):
  GPL-1/GPL-2, LGPL-2/LGPL-2.1, MPL-1.1/MPL-2.0.  Their gold, made by reading
  both texts side by side, is in ``bench/gold/*.json``, by blank-line paragraph
  number, with the reason for each doubtful pair.  (GPL-2/GPL-3 and
  GFDL-1.2/GFDL-1.3 are kept for an independent check and never used here.)

A gold paragraph is a stretch of text between blank lines; the scorer maps the
tool's paragraphs onto them by character offsets.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold"
LICENCES = Path("/usr/share/common-licenses")
KJV = "engKJV2006eb"
WEB = "engWEB2015eb"
HELD_OUT_BOOKS = frozenset({"Ruth", "Jonah", "Mark"})

Spans = tuple[tuple[int, int], ...]
Group = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class GoldPair:
    """Two texts, their gold paragraphs (spans) and the groups that correspond."""

    name: str
    a: str
    b: str
    a_spans: Spans
    b_spans: Spans
    groups: tuple[Group, ...]
    """(a paragraph numbers, b paragraph numbers) that say the same thing."""


_BLANK = re.compile(r"\n[ \t\f\v]*\n\s*")


def blank_line_spans(text: str) -> Spans:
    """Trimmed stretches of text between blank lines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK.finditer(text), None]:
        stop = m.start() if m else len(text)
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        if m:
            pos = m.end()
    return tuple(out)


# --------------------------------------------------------------------------- Bible

_VERSE = re.compile(r"^\s*(.+?) (\d+):(\d+): ?(.*)$")
_MODULE = re.compile(r"\((?:engKJV2006eb|engWEB2015eb)\)")

PASSAGES: tuple[tuple[str, str], ...] = (
    ("genesis", "Gen 1-20"),
    ("psalms", "Ps 1-30"),
    ("proverbs", "Prov 1-10"),
    ("isaiah", "Isa 40-50"),
    ("matthew", "Matt 5-14"),
    ("john", "John 1-9"),
    ("acts", "Acts 1-9"),
    ("romans", "Rom 1-8"),
)
"""Dev passages (name, key); none from the held-out books."""

FORMATS = ("plain", "numbered", "lines")
"""How verses are written: joined by spaces; each after its verse number; one per line."""


def read_verses(module: str, key: str) -> dict[tuple[str, int, int], str]:
    """(book, chapter, verse) -> text of a passage, via diatheke."""
    exe = shutil.which("diatheke")
    if exe is None:
        raise SystemExit("bench/align_data.py: diatheke not found (apt-get install diatheke)")
    out = subprocess.run(
        [exe, "-b", module, "-f", "plain", "-k", key],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    verses: dict[tuple[str, int, int], str] = {}
    parts: dict[tuple[str, int, int], list[str]] = {}
    current: list[str] | None = None
    for line in out.splitlines():
        m = _VERSE.match(line)
        if m is not None:
            book = m.group(1)
            if book in HELD_OUT_BOOKS:
                raise SystemExit(f"bench/align_data.py: {key} reaches a held-out book ({book})")
            current = parts.setdefault((book, int(m.group(2)), int(m.group(3))), [])
            current.append(m.group(4))
        elif not line.strip() or _MODULE.fullmatch(line.strip()):
            current = None  # a blank line ends a verse (its poetry lines come before it)
        elif current is not None:
            current.append(line)  # a poetry line of the verse; else a superscription
    for ref, lines in parts.items():
        text = " ".join(" ".join(lines).replace("¶", " ").split())
        if text:
            verses[ref] = text
    return verses


def _write(verses: Sequence[tuple[tuple[str, int, int], str]], fmt: str) -> str:
    if fmt == "plain":
        return " ".join(t for _, t in verses)
    if fmt == "numbered":
        return " ".join(f"{v} {t}" for (_, _, v), t in verses)
    return "\n".join(f"{c}:{v} {t}" for (_, c, v), t in verses)


def _cut(n: int, rng: random.Random) -> list[tuple[int, int]]:
    """A run of n verses as one paragraph, or two split somewhere inside."""
    if n >= 2 and rng.random() < 0.25:
        k = rng.randint(1, n - 1)
        return [(0, k), (k, n)]
    return [(0, n)]


def bible_pair(name: str, key: str, fmt: str, seed: int) -> GoldPair:
    """KJV against WEB over one passage, regrouped, moved and dropped at random."""
    rng = random.Random(f"{seed}-{name}-{fmt}")
    kjv, web = read_verses(KJV, key), read_verses(WEB, key)
    refs = [r for r in kjv if r in web]
    units: list[list[tuple[str, int, int]]] = []
    pos = 0
    while pos < len(refs):
        n = rng.choice((1, 2, 2, 3, 3, 4, 5, 6))
        units.append(refs[pos : pos + n])
        pos += n
    a_paras: list[tuple[frozenset[int], str]] = []  # (verses, text)
    b_paras: list[tuple[frozenset[int], str]] = []
    start = 0
    for unit in units:
        r = rng.random()
        if r >= 0.05:  # else only B has it
            for s, e in _cut(len(unit), rng):
                verses = frozenset(range(start + s, start + e))
                a_paras.append((verses, _write([(x, kjv[x]) for x in unit[s:e]], fmt)))
        if r < 0.05 or r >= 0.10:  # else only A has it
            for s, e in _cut(len(unit), rng):
                verses = frozenset(range(start + s, start + e))
                b_paras.append((verses, _write([(x, web[x]) for x in unit[s:e]], fmt)))
        start += len(unit)
    # Moves: a few of B's paragraphs go elsewhere (order never forbids a move).
    for _ in range(max(1, len(b_paras) // 25)):
        p = b_paras.pop(rng.randrange(len(b_paras)))
        b_paras.insert(rng.randrange(len(b_paras) + 1), p)
    a_text, a_spans = _join([t for _, t in a_paras])
    b_text, b_spans = _join([t for _, t in b_paras])
    groups = _components([v for v, _ in a_paras], [v for v, _ in b_paras])
    return GoldPair(f"bible-{name}-{fmt}", a_text, b_text, a_spans, b_spans, tuple(groups))


def _components(a: Sequence[frozenset[int]], b: Sequence[frozenset[int]]) -> tuple[Group, ...]:
    """Groups of paragraphs joined by shared verses (a 2:2 regrouping cut alike is two 1:1)."""
    owner_b = {v: j for j, vs in enumerate(b) for v in vs}
    parent = list(range(len(a)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_a: dict[int, int] = {}
    for i, vs in enumerate(a):
        for j in {owner_b[v] for v in vs if v in owner_b}:
            if j in first_a:
                parent[root(i)] = root(first_a[j])
            else:
                first_a[j] = i
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(a)):
        groups.setdefault(root(i), ([], []))[0].append(i)
    for j, i in first_a.items():
        groups[root(i)][1].append(j)
    return tuple((tuple(ga), tuple(sorted(gb))) for ga, gb in groups.values() if gb)


def _join(paras: Sequence[str]) -> tuple[str, Spans]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paras) + "\n", tuple(spans)


def bible_pairs(seed: int = 1234) -> list[GoldPair]:
    """One pair per dev passage, the formats taken in turn."""
    return [
        bible_pair(name, key, FORMATS[k % len(FORMATS)], seed)
        for k, (name, key) in enumerate(PASSAGES)
    ]


# --------------------------------------------------------------------------- licences

LICENCE_PAIRS = (("GPL-1", "GPL-2"), ("LGPL-2", "LGPL-2.1"), ("MPL-1.1", "MPL-2.0"))


def licence_pair(a_name: str, b_name: str) -> GoldPair:
    """A licence revision with its hand-made gold (bench/gold/A_B.json)."""
    gold = json.loads((GOLD / f"{a_name}_{b_name}.json").read_text(encoding="utf-8"))
    a = (LICENCES / a_name).read_text(encoding="utf-8")
    b = (LICENCES / b_name).read_text(encoding="utf-8")
    a_spans, b_spans = blank_line_spans(a), blank_line_spans(b)
    if [len(a_spans), len(b_spans)] != gold["paragraphs"]:
        raise SystemExit(
            f"bench/gold/{a_name}_{b_name}.json: made for {gold['paragraphs']} paragraphs, "
            f"the installed texts have {[len(a_spans), len(b_spans)]}"
        )
    groups = tuple((tuple(g["a"]), tuple(g["b"])) for g in gold["groups"])
    return GoldPair(f"{a_name}_{b_name}", a, b, a_spans, b_spans, groups)


def licence_pairs() -> list[GoldPair]:
    return [licence_pair(a, b) for a, b in LICENCE_PAIRS]

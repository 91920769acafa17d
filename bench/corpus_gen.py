"""A corpus with planted reuse for ``srcdiff corpus``: stories and their versions in real text.

Planted clusters (the gold):

* one per news story (``tests/stories/*`` and the seed story in ``seeds/``,
  or the story folders given with ``--story``): the origin (``wire.txt``, or
  the file named after a colon), its hand-made versions (every other
  ``.txt``), and versions made here: a copy with page furniture, the story
  inside a longer page, an excerpt, and versions with planted high drifts
  (a figure changed, a negation dropped or added);
* one per Bible chapter drawn for reuse (about one per 500 documents, as many
  as share at most 1% of their four-word runs with those drawn before: 65 of
  the 200 a 100k corpus asks for): the
  King James text of the chapter, the World English Bible's translation of
  it (a real rewording), a copy with verse numbers, the chapter inside a
  longer page, an excerpt and a copy with a planted negation.

Every cluster's origin is dated first.  The unrelated body is real text from
Debian packages: the KJV and WEB Bibles (``diatheke``), the licence texts
in /usr/share/common-licenses and the text files of /usr/share/doc, cut
into clauses of at most a dozen words; each unrelated document is a collage
of clauses of one of these drawn at random.  So no passage longer than a
clause is shared by two unrelated documents, at any corpus size, and the
chapters drawn for reuse are kept out of the collage.

Written: ``corpus-NNN.jsonl`` shards (``{"id", "text", "date", "source"}``),
``pages.warc.gz`` (about 5% of the documents as archived HTML pages) and
``gold.json`` (clusters and planted drifts, with spans in each document).
Ids are opaque and drawn from the seed.  Everything comes from
``random.Random(seed)``: the same arguments give byte-identical files.

    python bench/corpus_gen.py OUTDIR --size 10000 [--seed 7] [--story DIR[:ORIGIN]]...
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORIES = (
    *(f"{ROOT / 'tests' / 'stories' / s}:wire.txt" for s in ("court", "quake", "telecom")),
    f"{ROOT / 'seeds'}:ap.txt",
)
BIBLES = {"kjv": "engKJV2006eb", "web": "engWEB2015eb"}
LICENCES = Path("/usr/share/common-licenses")
DOCS = Path("/usr/share/doc")
DOCS_BYTES = 80_000_000
"""Most text read from /usr/share/doc (the first files in sorted order)."""
DOCS_PER_CHAPTER_CLUSTER = 500
REUSE_BOOKS = frozenset(
    [
        "Genesis",
        "Leviticus",
        "Joshua",
        "Judges",
        "Ruth",
        "Esther",
        "Job",
        "Proverbs",
        "Ecclesiastes",
        "Lamentations",
        "Ezekiel",
        "Daniel",
        "Hosea",
        "Joel",
        "Amos",
        "Jonah",
        "Zechariah",
        "Malachi",
        "John",
        "Acts",
        "Romans",
        "Galatians",
        "Philippians",
        "Titus",
        "Philemon",
        "Hebrews",
        "James",
    ]
    + [
        "Song of Solomon",
        "I Corinthians",
        "II Corinthians",
        "I Thessalonians",
        "II Thessalonians",
        "I Timothy",
        "II Timothy",
        "I Peter",
        "I John",
        "Revelation of John",
    ]
)
"""Books whose chapters may be drawn for reuse: none has a parallel text elsewhere in the
Bible (Kings and Chronicles, the first three gospels, Psalm 14 and 53 and the like do)."""
SHARD = 10_000
WARC_SHARE = 0.05
SOURCE_WEIGHTS = (("kjv", 1), ("web", 1), ("doc", 3))

_TAG = re.compile(r"\s*<[HG]\d+[a-z]?>")
_VERSE = re.compile(
    r"^\s*(?P<book>[1-4]?\s?[A-Z][A-Za-z ]*?) (?P<ch>\d+):(?P<v>\d+): (?P<text>.*)$"
)
_CLAUSE = re.compile(r"(?<=[,;:.!?])\s+")
_NUMBER = re.compile(r"(?<![\d.,:])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d:])")
_AUX = re.compile(r"\b(is|was|were|are|has|had|will|would|could|did|does|can|should)\b(?! not)")
_NOT = re.compile(r"\b(is|was|were|are|has|had|will|would|could|did|does|should) not\b")
_WORDS = re.compile(r"[A-Za-z]")


# --------------------------------------------------------------------------- real text


def _clean_verse(text: str) -> str:
    text = _TAG.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s+([,.;:!?’”)])", r"\1", text).strip()


def bible(name: str) -> dict[tuple[str, int], list[str]]:
    """Chapters (book, number) -> verses of one Bible, from ``diatheke``."""
    out = subprocess.run(
        ["diatheke", "-b", BIBLES[name], "-o", "n", "-f", "plain", "-k", "Gen 1:1-Rev 22:21"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    chapters: dict[tuple[str, int], list[str]] = {}
    for line in out.splitlines():
        m = _VERSE.match(line)
        if m:
            chapters.setdefault((m["book"], int(m["ch"])), []).append(_clean_verse(m["text"]))
        # Other lines are titles ("A Psalm of David.") and, in diatheke's KJV output, a
        # "David's Psalm of praise." after thousands of verses: neither is verse text.
    return {k: [v for v in vs if v] for k, vs in chapters.items() if vs}


def clauses(text: str) -> list[str]:
    """Clauses of at most about a dozen words, cut at punctuation or every 12 words."""
    out: list[str] = []
    for piece in _CLAUSE.split(" ".join(text.split())):
        words = piece.split()
        for k in range(0, len(words), 12):
            chunk = words[k : k + 12]
            if len(chunk) >= 3:
                out.append(" ".join(chunk))
    return out


def _readable(line: str) -> bool:
    return (
        len(line.split()) >= 4
        and line.isprintable()
        and sum(c.isalpha() for c in line) >= 0.6 * len(line)
    )


def doc_lines() -> Iterator[str]:
    """Lines of real prose from the text files under /usr/share/doc, in sorted file order."""
    read = 0
    for path in sorted(DOCS.rglob("*")):
        if read >= DOCS_BYTES or not path.is_file() or path.name.startswith("copyright"):
            continue
        if not re.search(r"(\.txt|\.md|\.rst|README[^/]*|NEWS[^/]*|changelog[^/]*)$", path.name):
            continue
        try:
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError, gzip.BadGzipFile, EOFError):
            continue
        read += len(data)
        for line in text.splitlines():
            line = line.strip(" \t*-#>=")
            if _readable(line):
                yield line


def _phrases(rng: random.Random, clause: str) -> list[str]:
    words = clause.split()
    out, k = [], 0
    while k < len(words):
        n = rng.randint(3, 6)
        out.append(" ".join(words[k : k + n]))
        k += n
    return out


def _gram(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass
class Pool:
    """Distinct clauses of each kind of real text."""

    by_source: dict[str, list[str]] = field(default_factory=dict)
    decks: dict[str, list[str]] = field(default_factory=dict)

    rounds: dict[str, int] = field(default_factory=dict)

    def draw(self, rng: random.Random, source: str) -> str:
        """A clause not drawn before; once every clause of ``source`` was, a phrase.

        Whole clauses are dealt once. Later rounds deal the clauses cut into
        phrases of three to six words, so that what two documents may share
        is a phrase (at most four word trigrams), never a passage.
        """
        deck = self.decks.get(source)
        if not deck:
            done = self.rounds.get(source, 0)
            self.rounds[source] = done + 1
            if done == 0:
                deck = list(self.by_source[source])
            else:
                deck = [p for c in self.by_source[source] for p in _phrases(rng, c)]
            rng.shuffle(deck)
            self.decks[source] = deck
        return deck.pop()

    def add(self, source: str, items: list[str], seen: set[int]) -> None:
        """Keep the clauses none of whose four-word runs was seen before: formulas
        ("this Psalm is a genuine one of David", "the terms of this License") once only."""
        bucket = self.by_source.setdefault(source, [])
        for c in items:
            w = re.findall(r"\w+", c.lower())
            grams = {_gram(w[k : k + 4]) for k in range(max(1, len(w) - 3))}
            if not grams & seen:
                seen |= grams
                bucket.append(c)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    date: str
    source: str


@dataclass
class Gold:
    clusters: list[dict[str, object]] = field(default_factory=list)
    drifts: list[dict[str, object]] = field(default_factory=list)


def _date(rng: random.Random, base_day: int, hours: int) -> str:
    day = base_day + hours // 24
    month, dom = 1 + (day // 28) % 12, 1 + day % 28
    return f"2024-{month:02d}-{dom:02d}T{hours % 24:02d}:{rng.randrange(60):02d}:00Z"


def collage(rng: random.Random, pool: Pool, source: str, paragraphs: int) -> str:
    paras = []
    for _ in range(paragraphs):
        parts = [pool.draw(rng, source) for _ in range(rng.randint(4, 9))]
        text = " ".join(p if p[-1] in ",;:.!?" else p + "," for p in parts)
        paras.append(text[0].upper() + text[1:].rstrip(",;:") + ".")
    return "\n\n".join(paras)


def _plant_number(rng: random.Random, text: str) -> tuple[str, dict[str, object]] | None:
    found = [m for m in _NUMBER.finditer(text) if m.start() > 80]
    if not found:
        return None
    m = rng.choice(found)
    old = m.group()
    digits = old.replace(",", "")
    value = float(digits) if "." in digits else int(digits)
    new_value = value * rng.choice((2, 3)) + rng.randint(1, 9)
    new = f"{new_value:,}" if "," in old else str(new_value)
    return _splice(text, m.start(), m.end(), new, "number")


def _plant_negation(rng: random.Random, text: str) -> tuple[str, dict[str, object]] | None:
    drops = [m for m in _NOT.finditer(text) if m.start() > 80]
    if drops and rng.random() < 0.5:
        m = rng.choice(drops)
        return _splice(text, m.start(), m.end(), m.group(1), "negation")
    adds = [m for m in _AUX.finditer(text) if m.start() > 80]
    if not adds:
        return None
    m = rng.choice(adds)
    return _splice(text, m.start(), m.end(), m.group(1) + " not", "negation")


def _splice(text: str, s: int, e: int, new: str, kind: str) -> tuple[str, dict[str, object]]:
    out = text[:s] + new + text[e:]
    return out, {
        "kind": kind,
        "origin_text": text[s:e],
        "text": new,
        "origin_span": [s, e],
        "span": [s, s + len(new)],
    }


def _shift(drift: dict[str, object], by: int) -> dict[str, object]:
    span = drift["span"]
    assert isinstance(span, list)
    return {**drift, "span": [span[0] + by, span[1] + by]}


class Builder:
    def __init__(self, seed: int, pool: Pool) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.pool = pool
        self.gold = Gold()
        self.docs: list[Doc] = []
        self.count = 0

    def new_id(self) -> str:
        self.count += 1
        return "d" + hashlib.sha1(f"{self.seed}:{self.count}".encode()).hexdigest()[:12]

    def unrelated(self, paragraphs: tuple[int, int] = (11, 19)) -> str:
        names, weights = zip(*SOURCE_WEIGHTS, strict=True)
        source = self.rng.choices(names, weights)[0]
        return collage(self.rng, self.pool, source, self.rng.randint(*paragraphs))

    def cluster(
        self, story: str, origin: str, versions: list[tuple[str, str]], negate_only: bool
    ) -> None:
        rng = self.rng
        day = rng.randrange(300)
        origin_id = self.new_id()
        members: list[dict[str, str]] = [{"id": origin_id, "version": "origin"}]
        out = [Doc(origin_id, origin, _date(rng, day, 0), story)]
        made: list[tuple[str, str]] = list(versions)
        made.append(("copy", f"Published by the desk\n\n{origin}\n\nShare this article"))
        made.append(
            ("contained", f"{self.unrelated((2, 4))}\n\n{origin}\n\n{self.unrelated((2, 4))}")
        )
        paras = origin.split("\n\n") if "\n\n" in origin else origin.split("\n")
        made.append(("excerpt", "\n\n".join(paras[: max(2, len(paras) * 3 // 5)])))
        plants = (_plant_negation,) if negate_only else (_plant_number, _plant_negation) * 2
        for k, plant in enumerate(plants):
            got = plant(rng, origin)  # one drift a version: its span stays exact
            if got is None:
                continue
            text, planted = got
            lead = "Updated.\n\n"
            doc_id = self.new_id()
            self.gold.drifts.append(
                {"doc": doc_id, "origin": origin_id, **_shift(planted, len(lead))}
            )
            out.append(Doc(doc_id, lead + text, _date(rng, day, 2 + k), story))
            members.append({"id": doc_id, "version": f"drift-{k}"})
        for k, (name, text) in enumerate(made):
            doc_id = self.new_id()
            out.append(Doc(doc_id, text, _date(rng, day, 6 + k), story))
            members.append({"id": doc_id, "version": name})
        self.gold.clusters.append({"story": story, "origin": origin_id, "members": members})
        self.docs += out


def _story(spec: str) -> tuple[str, str, list[tuple[str, str]]]:
    folder, _, origin = spec.partition(":")
    path = Path(folder)
    origin = origin or "wire.txt"
    texts = {
        p.name: p.read_text(encoding="utf-8").replace("\r\n", "\n")
        for p in sorted(path.glob("*.txt"))
    }
    if origin not in texts:
        raise SystemExit(f"corpus_gen: {folder}: no {origin}")
    versions = [(n.removesuffix(".txt"), t) for n, t in texts.items() if n != origin]
    return path.name, texts[origin], versions


CHAPTER_OVERLAP = 0.01
"""Share of a chapter's four-word runs it may have in common with the chapters drawn before."""


def _chapter_grams(verses: list[str]) -> set[int]:
    w = re.findall(r"\w+", " ".join(verses).lower())
    return {_gram(w[k : k + 4]) for k in range(max(1, len(w) - 3))}


def _draw_chapters(
    order: list[tuple[str, int]],
    wanted: int,
    kjv: dict[tuple[str, int], list[str]],
    web: dict[tuple[str, int], list[str]],
) -> set[tuple[str, int]]:
    """Chapters for planted clusters, in ``order``, skipping any that shares stock formulas
    with one drawn before: two chapters of Ezekiel or Leviticus are reuse of each other."""
    drawn: set[tuple[str, int]] = set()
    taken: set[int] = set()
    for key in order:
        if len(drawn) >= wanted:
            break
        grams = _chapter_grams(kjv[key]) | _chapter_grams(web[key])
        if len(grams & taken) <= CHAPTER_OVERLAP * len(grams):
            drawn.add(key)
            taken |= grams
    return drawn


def build(size: int, seed: int, stories: list[str]) -> tuple[list[Doc], Gold]:
    rng = random.Random(seed)
    kjv, web = bible("kjv"), bible("web")
    chapters = sorted(set(kjv) & set(web))
    n_chapters = max(1, size // DOCS_PER_CHAPTER_CLUSTER)
    drawable = [c for c in chapters if c[0] in REUSE_BOOKS]
    reused = _draw_chapters(rng.sample(drawable, len(drawable)), n_chapters, kjv, web)
    pool, seen = Pool(), set[int]()
    # Each chapter in one translation only: two translations of a verse are a rewording.
    for k, key in enumerate(chapters):
        name, book = (("kjv", kjv), ("web", web))[k % 2]
        if key not in reused:
            pool.add(name, [c for v in book[key] for c in clauses(v)], seen)
    for lic in sorted(LICENCES.iterdir()):
        if lic.is_file():
            pool.add("doc", clauses(lic.read_text(encoding="utf-8", errors="replace")), seen)
    pool.add("doc", [c for line in doc_lines() for c in clauses(line)], seen)
    sizes = {k: len(v) for k, v in pool.by_source.items()}
    print(f"corpus_gen: clauses {sizes}", file=sys.stderr)
    builder = Builder(seed, pool)
    for spec in stories:
        name, origin, versions = _story(spec)
        builder.cluster(name, origin, versions, negate_only=False)
    for key in sorted(reused):
        book, ch = key
        origin = "\n\n".join(kjv[key])
        numbered = "\n\n".join(f"{i + 1} {v}" for i, v in enumerate(kjv[key]))
        builder.cluster(
            f"{book} {ch}",
            origin,
            [("translation", "\n\n".join(web[key])), ("numbered", numbered)],
            negate_only=True,
        )
    planted = len(builder.docs)
    for _ in range(max(0, size - planted)):
        doc_id = builder.new_id()
        day = builder.rng.randrange(366)
        builder.docs.append(Doc(doc_id, builder.unrelated(), _date(builder.rng, day, 0), "archive"))
    docs = builder.docs
    builder.rng.shuffle(docs)
    print(f"corpus_gen: rounds dealt {pool.rounds}", file=sys.stderr)
    return docs, builder.gold


def _html(doc: Doc) -> bytes:
    import html

    paras = "".join(f"<p>{html.escape(p)}</p>" for p in doc.text.split("\n\n"))
    return f"<html><body><article>{paras}</article></body></html>".encode()


def write(out: Path, docs: list[Doc], gold: Gold, seed: int) -> dict[str, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("corpus-*.jsonl"):
        old.unlink()
    rng = random.Random(seed + 1)
    drifted = {d["doc"] for d in gold.drifts}
    in_warc = [d for d in docs if d.id not in drifted and rng.random() < WARC_SHARE]
    warc_ids = {d.id for d in in_warc}
    rest = [d for d in docs if d.id not in warc_ids]
    total = 0
    for k in range(0, len(rest), SHARD):
        with open(out / f"corpus-{k // SHARD:03d}.jsonl", "w", encoding="utf-8") as fh:
            for d in rest[k : k + SHARD]:
                rec = {"id": d.id, "text": d.text, "date": d.date, "source": d.source}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                total += len(d.text.encode())
    with open(out / "pages.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.0")
        for d in in_warc:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"https://archive.example/{d.id}",
                "response",
                payload=io.BytesIO(_html(d)),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": d.date},
            )
            writer.write_record(rec)
            total += len(d.text.encode())
    warc_of = {d.id: f"https://archive.example/{d.id}" for d in in_warc}
    clusters = [
        {**c, "members": [{**m, "id": warc_of.get(m["id"], m["id"])} for m in c["members"]]}  # type: ignore[attr-defined]
        for c in gold.clusters
    ]
    for c in clusters:
        c["origin"] = warc_of.get(str(c["origin"]), c["origin"])
    drifts = [{**d, "origin": warc_of.get(str(d["origin"]), d["origin"])} for d in gold.drifts]
    body = {"size": len(docs), "seed": seed, "clusters": clusters, "drifts": drifts}
    (out / "gold.json").write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n")
    return {"documents": len(docs), "bytes": total, "warc": len(in_warc)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out", type=Path)
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--story", action="append", help="DIR[:ORIGIN] (repeatable)")
    args = p.parse_args(argv)
    docs, gold = build(args.size, args.seed, args.story or list(DEFAULT_STORIES))
    info = write(args.out, docs, gold, args.seed)
    print(json.dumps({**info, "clusters": len(gold.clusters), "drifts": len(gold.drifts)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

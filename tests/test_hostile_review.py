"""Review files as careless users and crashing machines leave them: corrupt, newer,
holding what this version does not know, saved by two processes at once, killed
mid-save.  No mark is lost, no file this version cannot read is overwritten."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from srcdiff.review import (
    Mark,
    ReviewFileError,
    clear_stale_temps,
    keyed_marks,
    load_marks,
    review_path,
    save_marks,
    set_aside,
    toggle_status,
)

from .hostile_support import ROOT, run

A = "Officials said the rate was 70 per cent on Monday.\n\nThe talks resumed in Geneva.\n"
B = "Officials said the rate was 75 per cent on Tuesday.\n\nThe talks resumed in Geneva.\n"


@pytest.fixture
def pair(tmp_path: Path) -> list[str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return [str(a), str(b)]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


BROKEN = {
    "truncated": b'{"schema": "srcdiff-review/1", "marks": {"d1": {"status": "conf',
    "not-an-object": b"[1, 2, 3]\n",
    "no-marks": b'{"schema": "srcdiff-review/1"}\n',
    "marks-not-object": b'{"marks": 3}\n',
    "empty": b"",
    "string": b'"hello"',
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_html_goes_on_without_marks_of_a_broken_file(pair: list[str], kind: str) -> None:
    path = review_path(pair)
    path.write_bytes(BROKEN[kind])
    out = run(*pair, "--html")
    assert out.returncode == 1, out.stderr
    assert out.stdout.startswith(b"<!DOCTYPE")
    err = out.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err and "no marks" in err, err
    assert path.read_bytes() == BROKEN[kind], "the HTML face changes no review file"


def test_html_with_a_directory_in_place_of_the_file(pair: list[str]) -> None:
    review_path(pair).mkdir()
    out = run(*pair, "--html")
    assert out.returncode == 1 and b"directory" in out.stderr and out.stderr.count(b"\n") == 1


def test_a_note_in_latin1_is_read(pair: list[str], tmp_path: Path) -> None:
    path = review_path(pair)
    path.write_bytes(b'{"marks": {"d1": {"status": "noted", "note": "caf\xe9 checked"}}}')
    assert load_marks(path) == {"d1": Mark("noted", "café checked")}
    out = run(*pair, "--html")
    assert out.returncode == 1 and out.stderr == b""
    assert "café checked" in out.stdout.decode(), "listed with the marks kept"


def test_a_newer_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    newer = json.dumps({"schema": "srcdiff-review/2", "marks": {"x": {"verdict": "ok"}}})
    path.write_text(newer, encoding="utf-8")
    with pytest.raises(ReviewFileError) as err:
        load_marks(path)
    assert not err.value.set_aside and "newer" in str(err.value)
    with pytest.raises(ReviewFileError):
        save_marks(path, {"d1": Mark("confirmed")})
    assert path.read_text(encoding="utf-8") == newer
    assert _files(tmp_path) == ["r.json"]


def test_a_broken_file_cannot_be_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(BROKEN["truncated"])
    with pytest.raises(ReviewFileError) as err:
        save_marks(path, {"d1": Mark("confirmed")})
    assert err.value.set_aside
    assert path.read_bytes() == BROKEN["truncated"]


def test_unknown_fields_and_statuses_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "schema": "srcdiff-review/1",
                "reviewer": "kim",
                "marks": {
                    "d1": {"status": "escalated", "note": "ask the desk", "by": "kim"},
                    "d2": {"status": "confirmed", "note": "", "checked": "2024-05-01"},
                },
            }
        ),
        encoding="utf-8",
    )
    marks = load_marks(path)
    assert marks["d1"] == Mark("escalated", "ask the desk")
    save_marks(path, toggle_status(marks, "d2", "dismissed"), base=marks)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["reviewer"] == "kim"
    assert data["marks"]["d1"] == {"status": "escalated", "note": "ask the desk", "by": "kim"}
    assert data["marks"]["d2"] == {"status": "dismissed", "note": "", "checked": "2024-05-01"}


def test_marks_of_drifts_that_are_gone_are_kept_and_listed(pair: list[str]) -> None:
    path = review_path(pair)
    save_marks(path, {"gone0000001": Mark("confirmed", "was right")})
    out = run(*pair, "--html")
    html = out.stdout.decode()
    assert "Marks on drifts not in this report" in html and "gone0000001" in html
    assert "was right" in html
    assert load_marks(path) == {"gone0000001": Mark("confirmed", "was right")}


def test_setting_aside_twice_keeps_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("{first", encoding="utf-8")
    one = set_aside(path)
    path.write_text("{second", encoding="utf-8")
    two = set_aside(path)
    assert one != two
    assert one.read_text() == "{first" and two.read_text() == "{second"
    assert not path.exists()


def test_stale_temp_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    save_marks(path, {"a": Mark("confirmed")})
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    stale = tmp_path / f".r.json.{dead}.tmp"
    stale.write_text("{half")
    mine = tmp_path / f".r.json.{os.getpid()}.tmp"
    assert load_marks(path) == {"a": Mark("confirmed")}
    assert not stale.exists()
    assert not mine.exists()
    other = tmp_path / ".other.json.1.tmp"
    other.write_text("x")
    clear_stale_temps(path)
    assert other.exists(), "only this review file's temp files are touched"


def test_keyed_marks_is_the_one_place_ids_become_keys() -> None:
    assert keyed_marks(
        {
            "d1": {"status": "confirmed"},
            5: {"status": "noted", "note": "n"},
            "bad": {"note": "no status"},
        }
    ) == {"d1": Mark("confirmed"), "5": Mark("noted", "n")}


SAVER = """
import sys
from srcdiff.review import Mark, load_marks, save_marks, toggle_status
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
mode = sys.argv[4]
marks = load_marks(path)
saved = dict(marks)
for n in range(count):
    marks = toggle_status(marks, f"{tag}{n:04d}", "confirmed")
    if mode == "base":  # as the TUI saves: against what it last read or wrote
        marks = saved = save_marks(path, marks, base=saved)
    else:  # a careless caller: its whole dict every time
        save_marks(path, marks)
"""


@pytest.mark.parametrize("mode", ["base", "whole"])
def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path, mode: str) -> None:
    path = tmp_path / ".srcdiff-review-0123456789.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(path), tag, "300", mode], env=env)
        for tag in ("a", "b")
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0
    marks = load_marks(path)
    assert len(marks) == 600, f"{600 - len(marks)} marks lost"
    assert _files(tmp_path) == [path.name], "no temp file left behind"


KILLED = """
import sys
from srcdiff.review import Mark, save_marks
path = sys.argv[1]
note = "checked against the wire copy; " * 40
marks = {f"d{n:05d}": Mark("noted", note) for n in range(3000)}
save_marks(path, marks)
print("ready", flush=True)
n = 0
while True:
    n += 1
    marks[f"e{n:06d}"] = Mark("confirmed", note)
    save_marks(path, marks)
"""


def test_kill_9_during_saves_loses_no_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / ".srcdiff-review-0123456789.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    least = 0
    for k in range(10):
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLED, str(path)], env=env, stdout=subprocess.PIPE
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.037 * k)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        marks = load_marks(path)  # a complete file, never a half-written one
        assert len(marks) >= max(least, 3000)
        least = len(marks)
        assert _files(tmp_path) == [path.name], "the killed save's temp file is gone"


STUCK = """
import os, sys, time
from srcdiff import review
from srcdiff.review import Mark, save_marks
path = sys.argv[1]
def stuck_fsync(fd):  # the save stops between writing its temp file and the rename
    print("writing", flush=True)
    time.sleep(60)
review.os.fsync = stuck_fsync
save_marks(path, {"new": Mark("confirmed")})
"""


def test_kill_9_mid_save_keeps_the_old_file_and_the_next_load_clears_up(tmp_path: Path) -> None:
    path = tmp_path / ".srcdiff-review-0123456789.json"
    save_marks(path, {"old": Mark("dismissed", "kept")})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", STUCK, str(path)], env=env, stdout=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert len(_files(tmp_path)) == 2, "the killed save left its temp file"
    assert load_marks(path) == {"old": Mark("dismissed", "kept")}
    assert _files(tmp_path) == [path.name]
    assert save_marks(path, {"new": Mark("confirmed")}) == {
        "old": Mark("dismissed", "kept"),
        "new": Mark("confirmed"),
    }

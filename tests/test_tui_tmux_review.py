"""A whole review in a real terminal, as a fact-checker would do it: every high and medium
finding of the seed pair decided with keys the screen shows, the decisions exported, and the
CSV read back.  At 80x24 and at 160x45.  Fails (never skips) without tmux when CI is set."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from srcdiff.review import review_path

from .test_tui_tmux import ROOT, Tmux
from .test_tui_tmux import tmux as tmux_fixture

tmux = tmux_fixture

PAIR = ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt")
EXPORT_NAME = "cnn-bundle-scrape-vs-cnn-backtranslated-review"
TO_REVIEW = 22
"""High and medium findings of the pair (6 high, 16 medium)."""


def bar_of(screen: str, width: int) -> str:
    """The key bar: the screen's last two rows."""
    rows = screen.rstrip("\n").split("\n")
    return "\n".join(rows[-2:])


def shows(text: str) -> Callable[[str], bool]:
    return lambda screen: text in screen


def b_label_under_b(screen: str) -> None:
    """The B label starts in the column where B's text does (just after the gutter)."""
    rows = screen.split("\n")
    title = next(r for r in rows if " A  cnn-bundle-scrape.txt" in r)
    col = title.index(" B  cnn-backtranslated.txt")
    gutters = [r[col - 2] for r in rows if len(r) > col and r[col - 3 : col] in (" ~ ", " │ ")]
    assert len(gutters) > 5, f"the gutter is just left of the B label:\n{screen}"


class Reviewer:
    """Presses only keys the key bar (or an open prompt) shows at that moment."""

    def __init__(self, tmux: Tmux, width: int) -> None:
        self.tmux = tmux
        self.width = width

    def press(self, key: str, shown_as: str, prompt: bool = False) -> None:
        screen = self.tmux.screen()
        where = screen if prompt else bar_of(screen, self.width)
        assert shown_as in where, f"{shown_as!r} is not on the screen:\n{screen}"
        if not prompt:
            assert "? Help" in where and "q Quit" in where, f"? and q always show:\n{screen}"
        self.tmux.keys(key)


def launch(tmux: Tmux, folder: Path, width: int, height: int) -> None:
    for name in PAIR:
        shutil.copy(ROOT / "seeds" / name, folder / name)
    env = f"TERM=xterm-256color PYTHONPATH={shlex.quote(str(ROOT))}"
    command = (
        f"cd {shlex.quote(str(folder))} && {env} {shlex.quote(sys.executable)} "
        f"-m srcdiff {' '.join(PAIR)}; echo SRCDIFF-EXIT=$?; sleep 60"
    )
    tmux.start(command, width, height)


def review_everything(tmux: Tmux, width: int, height: int) -> None:
    # A short folder, so that its full path fits the export prompt on one line at 80 columns.
    folder = Path(tempfile.mkdtemp(prefix="sd-", dir="/tmp"))
    try:
        launch(tmux, folder, width, height)
        screen = tmux.wait_for(lambda s: "? Help" in s and "q Quit" in s, "the key bar")
        assert max(len(row) for row in screen.split("\n")) == width
        for label in PAIR:
            assert label in screen, f"the label {label} shows whole"
        assert "6 high" in screen and "16 medium" in screen and "66 low" in screen
        me = Reviewer(tmux, width)
        me.press("n", "n/N Next/Prev")
        screen = tmux.wait_for(lambda s: f"Drift 1/{TO_REVIEW}" in s, "the first drift")
        texts = screen.split("\n")[3:-9]  # the panes, between the bars and the detail
        assert any("“One of the most game" in row for row in texts), "the first n shows it"
        b_label_under_b(screen)
        verdicts = []
        for k in range(TO_REVIEW):
            key, label = ("c", "c/C Real change") if k % 2 == 0 else ("x", "x/X False alarm")
            me.press(key, label)
            verdicts.append("real change" if key == "c" else "false alarm")
            tmux.wait_for(shows(f"decided {k + 1}/{TO_REVIEW}"), f"verdict {k + 1}")
        tmux.wait_for(lambda s: "Review complete" in s, "the end to be told")
        me.press("e", "e Export")
        screen = tmux.wait_for(lambda s: "Export the decisions" in s, "the export prompt")
        assert EXPORT_NAME in screen, "a visible file name"
        assert f"In {folder}/" in screen, "and its full folder"
        me.press("Enter", "Enter writes", prompt=True)
        screen = tmux.wait_for(lambda s: "decisions written to" in s, "the export")
        rows = list(csv.DictReader(io.StringIO((folder / f"{EXPORT_NAME}.csv").read_text("utf-8"))))
        assert [r["verdict"] for r in rows] != [] and len(rows) == TO_REVIEW
        assert sorted(r["verdict"] for r in rows) == sorted(verdicts)
        marks = json.loads((folder / review_path(list(PAIR)).name).read_text("utf-8"))["marks"]
        assert {r["id"] for r in rows} == set(marks), "the CSV holds every decision"
        for r in rows:
            assert r["severity"] in ("high", "medium") and r["a_excerpt"] and r["kinds"]
            assert re.fullmatch(r"[\d,]+", r["a_passages"])
        assert (folder / f"{EXPORT_NAME}.md").read_text("utf-8").count("\n| ") == TO_REVIEW + 1
        assert "<html" in (folder / f"{EXPORT_NAME}.html").read_text("utf-8").lower()
        me.press("q", "q Quit")
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "srcdiff to quit")
        assert "SRCDIFF-EXIT=1" in screen and "Traceback" not in screen
    finally:
        tmux.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_whole_review_at_80x24(tmux: Tmux) -> None:
    review_everything(tmux, 80, 24)


def test_whole_review_at_160x45(tmux: Tmux) -> None:
    review_everything(tmux, 160, 45)


def test_ctrl_c_copies_and_does_not_quit(tmux: Tmux, tmp_path: Path) -> None:
    launch(tmux, tmp_path, 160, 45)
    try:
        # tmux keeps what a program copies (OSC 52) as a buffer, as a terminal would.
        tmux.run("set-option", "-g", "set-clipboard", "on")
        tmux.wait_for(lambda s: "? Help" in s and "^C Copy" in s, "the key bar")
        tmux.keys("n")
        tmux.wait_for(lambda s: "Drift 1/" in s, "the first drift")
        tmux.keys("C-c")
        screen = tmux.wait_for(lambda s: "Copied" in s, "the copy to be told")
        copied = tmux.buffer()
        assert copied.startswith("A ¶8 (cnn-bundle-scrape.txt):\n“One of the most game")
        assert "B ¶7 (cnn-backtranslated.txt):\nOne of the most revolutionary" in copied
        assert "SRCDIFF-EXIT" not in screen, "Ctrl+C does not quit"
        tmux.keys("q")
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "q to quit")
    finally:
        tmux.close()

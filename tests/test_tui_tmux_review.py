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

from srcdiff.model import Comparison, Drift
from srcdiff.pipeline import compare_paths
from srcdiff.review import review_path
from srcdiff.tui.state import Nav

from .test_tui_tmux import ROOT, Tmux
from .test_tui_tmux import tmux as tmux_fixture

tmux = tmux_fixture

PAIR = ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt")
EXPORT_NAME = "cnn-bundle-scrape-vs-cnn-backtranslated-review"


def the_pair() -> tuple[Comparison, list[Drift]]:
    """The seed pair's comparison and its review list (high and medium, most severe first)."""
    comp = compare_paths([str(ROOT / "seeds" / name) for name in PAIR]).comparisons[0]
    nav = Nav.of(comp)
    return comp, [nav.drifts[i] for i in nav.sequence()]


def first_words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


def bar_of(screen: str, width: int) -> str:
    """The key bar: the screen's last two rows."""
    rows = screen.rstrip("\n").split("\n")
    return "\n".join(rows[-2:])


def shows(text: str) -> Callable[[str], bool]:
    return lambda screen: text in screen


GUTTERS = tuple(f" {mark} " for mark in "~│-+=↕±")


def b_column(screen: str) -> int:
    """The column where the B label, and so B's text, starts."""
    title = next(r for r in screen.split("\n") if " A  cnn-bundle-scrape.txt" in r)
    return title.index(" B  cnn-backtranslated.txt")


def pane_text(screen: str, side: int) -> str:
    """What one pane shows, its rows joined: the flow of its text, wrapped lines and all."""
    col = b_column(screen)
    rows = [r for r in screen.split("\n") if len(r) > col and r[col - 3 : col] in GUTTERS]
    return " ".join((r[: col - 3] if side == 0 else r[col:]).strip() for r in rows)


def b_label_under_b(screen: str) -> None:
    """The B label starts in the column where B's text does (just after the gutter)."""
    rows = screen.split("\n")
    col = b_column(screen)
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
        comp, review_list = the_pair()
        to_review = len(review_list)
        for sev, n in comp.summary.drifts_by_severity:
            assert f"{n} {sev}" in screen, "the summary is whole"
        me = Reviewer(tmux, width)
        me.press("n", "n/N Next/Prev")
        screen = tmux.wait_for(lambda s: f"Drift 1/{to_review}" in s, "the first drift")
        first = review_list[0]
        side = 0 if first.a.strip() else 1
        shown = " ".join(pane_text(screen, side).split())
        words = first_words(first.a if side == 0 else first.b)
        assert words in shown, f"the first n shows {words!r}:\n{screen}"
        b_label_under_b(screen)
        verdicts = []
        for k in range(to_review):
            key, label = ("c", "c/C Real change") if k % 2 == 0 else ("x", "x/X False alarm")
            me.press(key, label)
            verdicts.append("real change" if key == "c" else "false alarm")
            tmux.wait_for(shows(f"decided {k + 1}/{to_review}"), f"verdict {k + 1}")
        tmux.wait_for(lambda s: "Review complete" in s, "the end to be told")
        me.press("e", "e Export")
        screen = tmux.wait_for(lambda s: "Export the decisions" in s, "the export prompt")
        assert EXPORT_NAME in screen, "a visible file name"
        assert f"In {folder}/" in screen, "and its full folder"
        me.press("Enter", "Enter writes", prompt=True)
        screen = tmux.wait_for(lambda s: "decisions written to" in s, "the export")
        rows = list(csv.DictReader(io.StringIO((folder / f"{EXPORT_NAME}.csv").read_text("utf-8"))))
        assert [r["verdict"] for r in rows] != [] and len(rows) == to_review
        assert sorted(r["verdict"] for r in rows) == sorted(verdicts)
        marks = json.loads((folder / review_path(list(PAIR)).name).read_text("utf-8"))["marks"]
        assert {r["id"] for r in rows} == set(marks), "the CSV holds every decision"
        for r in rows:
            assert r["severity"] in ("high", "medium") and r["a_excerpt"] and r["kinds"]
            assert re.fullmatch(r"[\d,]+", r["a_passages"])
        assert (folder / f"{EXPORT_NAME}.md").read_text("utf-8").count("\n| ") == to_review + 1
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
        comp, review_list = the_pair()
        first = review_list[0]
        blk = next(b for b in comp.blocks if first in b.drifts)
        a_paras = ",".join(str(i + 1) for i in blk.a)
        b_paras = ",".join(str(j + 1) for j in blk.b)
        assert copied.startswith(f"A ¶{a_paras} (cnn-bundle-scrape.txt):\n{first.a}")
        assert f"B ¶{b_paras} (cnn-backtranslated.txt):\n{first.b}" in copied
        assert "SRCDIFF-EXIT" not in screen, "Ctrl+C does not quit"
        tmux.keys("q")
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "q to quit")
    finally:
        tmux.close()

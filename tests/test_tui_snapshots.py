"""Snapshots of the TUI on the seeds (pytest-textual-snapshot).

Update after a deliberate change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from srcdiff.pipeline import compare_paths
from srcdiff.review import review_path
from srcdiff.tui.app import SrcdiffApp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BUNDLE = ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt")
AGENCIES = ("ap.txt", "france24-afp.txt")


def app_for(folder: Path, names: tuple[str, ...]) -> SrcdiffApp:
    """The app on copies of the seeds, named as a user would type them."""
    for name in names:
        shutil.copy(SEEDS / name, folder / name)
    paths = list(names)
    return SrcdiffApp(compare_paths(paths), paths, folder / review_path(paths).name)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_main_screen(snap_compare: Any, here: Path) -> None:
    assert snap_compare(app_for(here, BUNDLE), terminal_size=(120, 40), press=["n"])


def test_drift_list_with_marks(snap_compare: Any, here: Path) -> None:
    press = ["n", "c", "n", "x", "n", "n", "s"]
    assert snap_compare(app_for(here, BUNDLE), terminal_size=(140, 40), press=press)


def test_help_screen(snap_compare: Any, here: Path) -> None:
    assert snap_compare(app_for(here, AGENCIES), terminal_size=(120, 40), press=["question_mark"])


def test_narrow_80x24(snap_compare: Any, here: Path) -> None:
    assert snap_compare(app_for(here, AGENCIES), terminal_size=(80, 24), press=["n"])

"""The TUI with review files it cannot use as they are: it goes on, tells the
reviewer in one line, and loses nothing that is in the file."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from srcdiff.model import Report
from srcdiff.pipeline import compare, document_from_text
from srcdiff.review import Mark, load_marks
from srcdiff.tui.app import SrcdiffApp

A = "Officials said the rate was 70 per cent on Monday.\n\nThe talks resumed in Geneva.\n"
B = "Officials said the rate was 75 per cent on Tuesday.\n\nThe talks resumed in Geneva.\n"


def _report() -> Report:
    return compare([document_from_text(A, "a.txt"), document_from_text(B, "b.txt")])


def _mark_first(path: Path) -> tuple[SrcdiffApp, list[str]]:
    app = SrcdiffApp(_report(), ["a.txt", "b.txt"], path)
    toasts: list[str] = []

    async def drive() -> None:
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n", "c")
            await pilot.pause()
            toasts.extend(n.message for n in app._notifications)

    asyncio.run(drive())
    return app, toasts


def test_a_newer_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    newer = json.dumps({"schema": "srcdiff-review/3", "marks": {}, "flags": [1]})
    path.write_text(newer, encoding="utf-8")
    app, toasts = _mark_first(path)
    assert path.read_text(encoding="utf-8") == newer
    assert app.review_path is None and app.marks, "marks kept in the session, not saved"
    assert any("newer" in t and "not be saved" in t for t in toasts), toasts
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_a_broken_file_is_set_aside_each_time_under_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    for n, text in enumerate(["{first", "[2]"]):
        path.write_text(text, encoding="utf-8")
        _, toasts = _mark_first(path)
        assert any("kept it as" in t for t in toasts), toasts
        assert len(load_marks(path)) == 1, f"round {n}: a new file with the new mark"
    assert (tmp_path / "r.json.bad").read_text() == "{first"
    assert (tmp_path / "r.json.bad-2").read_text() == "[2]"


def test_unknown_statuses_orphans_and_fields_survive_a_session(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    ids = [d.id for d in _report().comparisons[0].drifts]
    path.write_text(
        json.dumps(
            {
                "schema": "srcdiff-review/1",
                "team": "desk",
                "marks": {
                    "gone-drift": {"status": "confirmed", "note": "from last week"},
                    ids[-1]: {"status": "escalated", "note": "ask", "by": "kim"},
                },
            }
        ),
        encoding="utf-8",
    )
    app, toasts = _mark_first(path)
    assert any("not have" in t for t in toasts), toasts
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["team"] == "desk"
    assert data["marks"]["gone-drift"] == {"status": "confirmed", "note": "from last week"}
    assert data["marks"][ids[-1]]["by"] == "kim"
    assert len(data["marks"]) >= 2
    assert load_marks(path)["gone-drift"] == Mark("confirmed", "from last week")

"""Hostile text in the TUI, driven by Textual's pilot: no control or format character
from an input in anything it draws (labels, passages, the drift list and detail)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from srcdiff.tui.app import SrcdiffApp

from .hostile_support import raw_controls
from .test_hostile_faces import hostile_report


def _drawn(app: SrcdiffApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def test_tui_draws_no_control_character(tmp_path: Path) -> None:
    report = hostile_report()
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    app = SrcdiffApp(report, paths, tmp_path / "review.json")

    async def drive() -> list[str]:
        screens = []
        async with app.run_test(size=(140, 50)) as pilot:
            await pilot.pause()
            screens.append(_drawn(app))
            for key in ("n", "n", "c", "end", "g"):
                await pilot.press(key)
                await pilot.pause()
                screens.append(_drawn(app))
        return screens

    screens = asyncio.run(drive())
    assert any("␛" in s for s in screens), "controls are drawn as pictures"
    for shown in screens:
        assert raw_controls(shown) == [], raw_controls(shown)[:5]


def test_review_surfaces_draw_no_control_character(tmp_path: Path) -> None:
    """The note and export prompts, the swapped view, a search, the copy, at 80x24."""
    report = hostile_report()
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    app = SrcdiffApp(report, paths, tmp_path / "review.json")

    async def drive() -> list[str]:
        screens = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            steps: list[tuple[str, ...]] = [
                ("n",),
                ("C",),
                ("escape", "e"),
                ("escape", "w"),
                ("ctrl+c",),
                ("slash", *"the", "enter"),
                ("greater_than_sign",),
                ("s", "s", "w", "end"),
            ]
            for keys in steps:
                await pilot.press(*keys)
                await pilot.pause()
                screens.append(_drawn(app))
        return screens

    screens = asyncio.run(drive())
    assert raw_controls(app.clipboard) == [], "the copy holds no raw control"
    assert "\\x1b" in app.clipboard and "<U+202E>" in app.clipboard, "but shows them"
    for shown in screens:
        assert raw_controls(shown) == [], raw_controls(shown)[:5]

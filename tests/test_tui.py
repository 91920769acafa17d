"""The TUI driven with Textual's Pilot: navigation, filters, marks, saving, reloading, export."""

from __future__ import annotations

import asyncio
import functools
import json
import re
import shutil
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.binding import Binding

from srcdiff import background
from srcdiff.align import Slot
from srcdiff.background import PendingReport
from srcdiff.model import Document, Report, Severity
from srcdiff.pipeline import compare_paths, document_from_text, make_document
from srcdiff.read import read_input
from srcdiff.review import Mark, load_marks, review_path
from srcdiff.tui.app import SrcdiffApp
from srcdiff.tui.bars import SummaryBar
from srcdiff.tui.driftlist import DriftList
from srcdiff.tui.help import HelpScreen
from srcdiff.tui.keys import APP_BINDINGS, help_sections
from srcdiff.tui.layout import Layout, _slow_wrap, display, wrap
from srcdiff.tui.note import NoteScreen
from srcdiff.tui.panes import SideBySide
from srcdiff.tui.state import Nav

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZE = (120, 40)


def sync(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio (no async plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """Copies of two seeds in a scratch folder, so the review file lands there."""
    out = []
    for name in ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt"):
        shutil.copy(SEEDS / name, tmp_path / name)
        out.append(str(tmp_path / name))
    return out


@pytest.fixture
def report(inputs: list[str]) -> Report:
    return compare_paths(inputs)


def make_app(report: Report, inputs: list[str]) -> SrcdiffApp:
    return SrcdiffApp(report, inputs, review_path(inputs))


def visible(app: SrcdiffApp, y: int) -> bool:
    panes = app.query_one(SideBySide)
    top = round(panes.scroll_y)
    return top <= y < top + panes.scrollable_content_region.height


@pytest.mark.parametrize("width", [1, 3, 7, 20, 57])
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "one",
        "Hello world, this is a   test of\nthe wrapping",
        "averyveryverylongwordthatexceedsthewidth and more",
        "“Curly” quotes — and dashes… 70%",
        "wide 中文字符 text 日本語",
    ],
)
def test_wrap_keeps_every_word_within_width(text: str, width: int) -> None:
    shown = display(text)
    lines = wrap(shown, 0, len(shown), width)
    assert all(cell_len(shown[s:e]) <= width or e - s == 1 for s, e in lines)
    assert "".join(shown[s:e] for s, e in lines).replace(" ", "") == shown.replace(" ", "")
    assert lines == _slow_wrap(shown, 0, len(shown), width) or not shown.isascii()


def test_nav_orders_filters_and_wraps(report: Report) -> None:
    nav = Nav.of(report.comparisons[0])
    assert nav.step(1)[0] == nav.sequence()[0]
    ranks = [nav.drifts[i].severity.rank for i in nav.sequence()]
    assert ranks == sorted(ranks, reverse=True)
    nav.toggle_order()
    shown = [i for i, d in enumerate(nav.drifts) if d.severity is not Severity.LOW]
    assert shown and len(shown) < len(nav.drifts), "low findings are out of the review list"
    assert nav.sequence() == shown
    nav.current = shown[-1]
    assert nav.step(1) == (shown[0], True)
    nav.cycle_severity()
    assert nav.severity is Severity.HIGH
    assert all(nav.drifts[i].severity is Severity.HIGH for i in nav.sequence())


def test_layout_finds_every_match_in_reading_order(report: Report) -> None:
    comp = report.comparisons[0]
    a, b = report.documents[comp.a], report.documents[comp.b]
    rows = Layout(comp, a, b, 50, 50)
    hits = rows.find_all(re.compile("China", re.IGNORECASE))
    assert len(hits) > 5 and hits == sorted(hits)
    for y, side, start, end in hits:
        doc = a if side == 0 else b
        assert doc.text[start:end].lower() == "china"
        assert rows.line_of(rows.items[rows.item_at(y)[0]].blocks[0], "ab"[side], start) == y
    phrase = rows.find_all(re.compile(r"support\s+from\s+China", re.IGNORECASE))
    assert phrase, "a phrase is found even where the view wraps it"
    assert rows.find_all(re.compile("qqxyzzy")) == []
    assert rows.height == rows.items[-1].y + rows.items[-1].height


def test_bindings_all_have_ids_and_descriptions() -> None:
    for _title, items in help_sections():
        for b in items:
            assert isinstance(b, Binding)
            assert b.id and b.description, b


@sync
async def test_opens_on_the_pair(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = app.query_one(SideBySide)
        assert panes.rows is not None and panes.rows.height > 10
        assert app.nav.drifts, "the seeds pair has drifts"
        assert app.nav.current is None
        assert app.focused is panes


@sync
async def test_next_and_previous_in_severity_order(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        first = app.nav.current
        assert first is not None
        assert app.nav.drifts[first].severity.rank == max(d.severity.rank for d in app.nav.drifts)
        assert visible(app, app.query_one(SideBySide).drift_line(first))
        await pilot.press("n", "n")
        seq = app.nav.sequence()
        assert app.nav.current == seq[2]
        ranks = [app.nav.drifts[i].severity.rank for i in seq]
        assert ranks == sorted(ranks, reverse=True)
        await pilot.press("N")
        assert app.nav.current == seq[1]
        await pilot.press("k", "j")
        assert app.nav.current == seq[1]


@sync
async def test_document_order_and_wrap(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert app.nav.order == "document"
        await pilot.press("n")
        assert app.nav.current == 0
        await pilot.press("N")
        last = app.nav.sequence()[-1]
        assert app.nav.current == last, "previous from the first wraps"
        assert visible(app, app.query_one(SideBySide).drift_line(last))


@sync
async def test_filters_by_severity_and_kind(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        dl = app.query_one(DriftList)
        assert dl.display, "the drift list is shown on a wide terminal"
        assert len(dl.sequence) == sum(1 for d in app.nav.drifts if d.severity is not Severity.LOW)
        await pilot.press("s")
        assert app.nav.severity is Severity.HIGH
        assert dl.sequence and all(app.nav.drifts[i].severity is Severity.HIGH for i in dl.sequence)
        await pilot.press("n")
        assert app.nav.current is not None
        assert app.nav.drifts[app.nav.current].severity is Severity.HIGH
        await pilot.press("s")
        await pilot.pause()
        assert app.nav.severity is Severity.LOW
        assert len(dl.sequence) == len(app.nav.drifts)
        await pilot.press("s")
        assert app.nav.severity is Severity.MEDIUM
        await pilot.press("f")
        kind = app.nav.kind
        assert kind is not None
        assert all(kind in app.nav.drifts[i].kinds for i in dl.sequence)
        for _ in app.nav.kinds_present():
            await pilot.press("f")
        assert app.nav.kind is None
        assert len(dl.sequence) == sum(1 for d in app.nav.drifts if d.severity is not Severity.LOW)


@sync
async def test_drift_list_toggles_and_clicks(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        dl = app.query_one(DriftList)
        await pilot.click(DriftList, offset=(4, 2))
        assert app.nav.current == dl.sequence[2]
        await pilot.press("l")
        assert not dl.display
        await pilot.press("l")
        assert dl.display


@sync
async def test_marks_are_saved_at_once(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    path = review_path(inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert app.marks == {}, "no drift selected yet: nothing to mark"
        await pilot.press("n")
        first_n = app.nav.current
        first = app.nav.drifts[first_n or 0].id
        await pilot.press("c")
        assert load_marks(path) == {first: Mark("confirmed")}
        assert app.nav.current != first_n, "a verdict moves on to the next drift"
        await pilot.press("N", "c")
        assert app.nav.current == first_n and load_marks(path) == {}, "again: taken back"
        await pilot.press("x")
        second_n = app.nav.current
        assert second_n != first_n
        await pilot.press("m")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"checked AP", "enter")
        assert app.nav.current == second_n, "a note alone does not move on"
        second = app.nav.drifts[second_n or 0].id
        assert load_marks(path) == {first: Mark("dismissed"), second: Mark("noted", "checked AP")}
        await pilot.press("c")
        assert load_marks(path)[second] == Mark("confirmed", "checked AP")
        await pilot.press("N", "m", "escape")
        assert load_marks(path)[second] == Mark("confirmed", "checked AP")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert list(data["marks"]) == sorted(data["marks"])


@sync
async def test_marks_and_place_survive_a_restart(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c", "n", "x", "n")
        left_on = app.nav.drifts[app.nav.current or 0].id
        await pilot.press("q")
    marked = dict(app.marks)
    assert len(marked) == 2
    data = json.loads(review_path(inputs).read_text(encoding="utf-8"))
    assert data["position"] == {"drift": left_on}
    again = make_app(compare_paths(inputs), inputs)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.marks == marked
        assert again.nav.current is not None
        assert again.nav.drifts[again.nav.current].id == left_on, "reopens where it was left"
        panes = again.query_one(SideBySide)
        assert visible(again, panes.drift_line(again.nav.current))


@sync
async def test_jump_to_one_sided(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        panes = app.query_one(SideBySide)
        assert panes.rows is not None
        one_sided = [it for it in panes.rows.items if it.kind in ("only_a", "only_b", "one_sided")]
        assert one_sided, "the bundle has passages the back-translation lacks"
        await pilot.press("u")
        k, _ = panes.rows.item_at(round(panes.scroll_y) + 1)
        assert panes.rows.items[k].kind in ("only_a", "only_b", "one_sided")


@sync
async def test_help_lists_every_binding(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s) for s in app.screen.sections)
        for b in APP_BINDINGS:
            assert isinstance(b, Binding) and b.id in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@sync
async def test_noise_toggle_and_pairs(inputs: list[str], tmp_path: Path) -> None:
    shutil.copy(SEEDS / "ap.txt", tmp_path / "ap.txt")
    paths = [*inputs, str(tmp_path / "ap.txt")]
    rep = compare_paths(paths)
    app = SrcdiffApp(rep, paths, review_path(paths))
    async with app.run_test(size=SIZE) as pilot:
        panes = app.query_one(SideBySide)
        assert panes.rows is not None
        height = panes.rows.height
        await pilot.press("z")
        assert panes.show_noise and panes.rows.height >= height
        assert app.pair == 0
        await pilot.press("p")
        assert app.pair == 1 and panes.comp is rep.comparisons[1]
        await pilot.press("p", "p")
        assert app.pair == 0


@sync
async def test_pair_key_is_off_with_one_pair(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert app.pair == 0
        assert app.check_action("next_pair", ()) is False


@sync
async def test_corrupt_review_file_is_kept_aside(report: Report, inputs: list[str]) -> None:
    path = review_path(inputs)
    path.write_text("{broken", encoding="utf-8")
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c")
    assert path.with_name(path.name + ".bad").read_text(encoding="utf-8") == "{broken"
    assert len(load_marks(path)) == 1


@sync
async def test_quit_warns_when_marks_cannot_be_saved(
    report: Report, inputs: list[str], tmp_path: Path
) -> None:
    app = SrcdiffApp(report, inputs, tmp_path / "missing-dir" / "r.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c")
        assert app.save_error
        await pilot.press("q")
        assert app.is_running, "the first q only warns"
        await pilot.press("q")
    assert not app.is_running


@sync
async def test_narrow_terminal_hides_the_list(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.query_one(DriftList).display
        await pilot.press("n")
        panes = app.query_one(SideBySide)
        assert panes.rows is not None and panes.rows.width_a >= 30
        assert visible(app, panes.drift_line(app.nav.current or 0))


@sync
async def test_unreviewed_only(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        shown = len(app.nav.sequence())
        await pilot.press("n", "c", "n", "x", "r")
        assert app.nav.hide_reviewed
        seq = app.nav.sequence()
        assert len(seq) == shown - 2
        assert all(app.nav.drifts[i].id not in app.marks for i in seq)
        await pilot.press("n")
        assert app.nav.current is not None
        assert app.nav.drifts[app.nav.current].id not in app.marks
        await pilot.press("c")
        assert len(app.nav.sequence()) == shown - 3
        await pilot.press("r")
        assert len(app.nav.sequence()) == shown


@sync
async def test_click_on_a_drift_in_the_panes(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        target = app.nav.current
        assert target is not None
        panes = app.query_one(SideBySide)
        assert panes.rows is not None
        d = app.nav.drifts[target]
        side = "a" if d.a_span[1] > d.a_span[0] else "b"
        span = d.a_span if side == "a" else d.b_span
        y = panes.drift_line(target)
        k, n = panes.rows.item_at(y)
        item = panes.rows.items[k]
        start = (item.a_lines if side == "a" else item.b_lines)[n][0]
        x = max(span[0], start) - start
        if side == "b":
            x += panes.rows.width_a + 3
        await pilot.press("n")
        assert app.nav.current != target
        panes.scroll_to(y=max(y - 2, 0), animate=False)
        await pilot.pause()
        await pilot.click(SideBySide, offset=(x, y - round(panes.scroll_y)))
        assert app.nav.current == target


@sync
async def test_sources_screen_picks_a_pair_and_switches_base(
    inputs: list[str], tmp_path: Path
) -> None:
    from textual.widgets import DataTable, OptionList, Static

    from srcdiff.tui.sources import SourcesScreen

    shutil.copy(SEEDS / "ap.txt", tmp_path / "ap.txt")
    paths = [*inputs, str(tmp_path / "ap.txt")]
    rep = compare_paths(paths)
    app = SrcdiffApp(rep, paths, review_path(paths))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        matrix = str(screen.query_one("#sources-matrix", Static).render())
        assert "ap.txt" in matrix and "100%" in matrix
        assert screen.query_one(OptionList).option_count == 3
        table = screen.query_one(DataTable)
        bundle = rep.documents[0]
        assert table.row_count == sum(1 for p in bundle.paragraphs if not p.noise)
        assert len(table.columns) == 3
        await pilot.press("b")
        assert screen.base == 1
        back = rep.documents[1]
        assert table.row_count == sum(1 for p in back.paragraphs if not p.noise)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SourcesScreen)
        assert app.pair == 2 and app.query_one(SideBySide).comp is rep.comparisons[2]


@sync
async def test_sources_key_is_off_with_one_pair(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert app.check_action("sources", ()) is False
        assert app.screen is app.screen_stack[0]


@sync
async def test_a_big_pair_opens_before_its_report_is_done(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview shows aligned passages with word highlights; drift comes in place later."""
    real = background._full_report

    def slow(a: Document, b: Document, slots: tuple[Slot, ...]) -> Report:
        time.sleep(1.5)
        return real(a, b, slots)

    monkeypatch.setattr(background, "_full_report", slow)
    docs = [make_document(read_input(p)) for p in inputs]
    pending = PendingReport.start(docs[0], docs[1])
    app = SrcdiffApp(pending.preview, inputs, review_path(inputs), pending=pending)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = app.query_one(SideBySide)
        assert app.pending is not None and panes.rows is not None
        assert "finding drift" in str(app.query_one(SummaryBar).content)
        assert app.query_one(DriftList).border_title == "finding drift…"
        on_screen = {
            b
            for k in range(len(panes.rows.items))
            if visible(app, panes.rows.items[k].y)
            for b in panes.rows.items[k].blocks
        }
        changed = [b for b in on_screen if pending.words(b).status.value == "changed"]
        assert changed, "the first screen of the seeds holds a changed passage"
        assert all(panes._spans[0][b] or panes._spans[1][b] for b in changed)
        await pilot.press("n")
        assert app.nav.current is None
        panes.scroll_to(y=60, animate=False)
        await pilot.pause()
        top = panes.rows.item_at(round(panes.scroll_y))[0]
        top_block = panes.rows.items[top].blocks[0]
        for _ in range(300):
            if app.pending is None:
                break
            await asyncio.sleep(0.1)
        await pilot.pause()
        assert app.pending is None, "the report came in"
        full = compare_paths(inputs)
        assert [d.id for d in app.nav.drifts] == [
            d.id for blk in full.comparisons[0].blocks for d in blk.drifts
        ]
        assert "similar" in str(app.query_one(SummaryBar).content)
        now = panes.rows.items[panes.rows.item_at(round(panes.scroll_y))[0]].blocks[0]
        assert now == top_block, "the view stays where the reviewer was"
        await pilot.press("n")
        assert app.nav.current is not None


@sync
async def test_preview_shows_equal_passages_as_equal_after_a_resize(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = background._full_report

    def slow(a: Document, b: Document, slots: tuple[Slot, ...]) -> Report:
        time.sleep(2)
        return real(a, b, slots)

    monkeypatch.setattr(background, "_full_report", slow)
    text_a = "\n\n".join(f"Paragraph {i} says the same thing here." for i in range(6))
    text_b = text_a.replace("Paragraph 2 says", "Paragraph 2 said")
    pending = PendingReport.start(
        document_from_text(text_a, "a"), document_from_text(text_b, "b"), fork=False
    )
    app = SrcdiffApp(pending.preview, [], None, pending=pending)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = app.query_one(SideBySide)
        assert panes.rows is not None and app.pending is not None
        for _ in range(2):
            kinds = [it.kind for it in panes.rows.items if it.y < 30]
            assert sorted(kinds) == ["changed"] + ["equal"] * 5
            await pilot.resize_terminal(100, 40)
            await pilot.pause()

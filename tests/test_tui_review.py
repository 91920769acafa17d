"""The review workflow, driven with Textual's Pilot as a reviewer would: jumps that show their
passage, filters and verdicts, notes, passages, copying, search, export, swapping sides, the
overview column and what fits on a small terminal."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from srcdiff.model import Report, Severity
from srcdiff.pipeline import compare_paths
from srcdiff.review import Mark, load_marks, review_path
from srcdiff.tui.app import SrcdiffApp
from srcdiff.tui.bars import SummaryBar, TitleBar
from srcdiff.tui.detail import Detail
from srcdiff.tui.keybar import KeyBar
from srcdiff.tui.layout import GUTTER
from srcdiff.tui.note import ExportScreen, NoteScreen, SearchScreen
from srcdiff.tui.overview import Overview
from srcdiff.tui.panes import SideBySide

from .test_tui import sync

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SMALL = (80, 24)
WIDE = (160, 45)


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
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


def in_view(app: SrcdiffApp, y: int) -> bool:
    panes = app.query_one(SideBySide)
    top = round(panes.scroll_y)
    return top <= y < top + panes.scrollable_content_region.height


def passage_start(app: SrcdiffApp, n: int) -> int:
    panes = app.query_one(SideBySide)
    assert panes.rows is not None
    return panes.rows.items[panes.rows.item_at(panes.drift_line(n))[0]].y


def line_text(app: SrcdiffApp, y: int) -> str:
    """What the panes draw on view line ``y`` (scrolled there first)."""
    panes = app.query_one(SideBySide)
    return "".join(seg.text for seg in panes._render_view_line(y))


@sync
async def test_every_jump_shows_its_passage_first_n_too(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        panes = app.query_one(SideBySide)
        for _ in app.nav.sequence():
            await pilot.press("n")
            await pilot.pause()
            n = app.nav.current
            assert n is not None
            assert in_view(app, panes.drift_line(n)), "the drift is on screen"
            start = passage_start(app, n)
            if panes.drift_line(n) - start < panes.scrollable_content_region.height - 3:
                assert in_view(app, start), "and its passage from its first line"


@sync
async def test_passage_keys_go_forward_and_back(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        panes = app.query_one(SideBySide)
        assert panes.rows is not None
        items = panes.rows.items
        seen = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            k = panes.current_item()
            assert in_view(app, items[k].y)
            seen.append(k)
        assert seen == [1, 2, 3, 4], "one passage at a time, in order"
        await pilot.press("left_square_bracket")
        assert panes.current_item() == 3
        one_sided = [k for k, it in enumerate(items) if it.kind in ("only_a", "only_b")]
        assert len(one_sided) >= 2
        await pilot.press("home")
        for want in [*one_sided, one_sided[0]]:
            await pilot.press("u")
            assert panes.current_item() == want, "u: the next one-sided passage, wrapping"
            assert in_view(app, items[want].y)
        await pilot.press("U")
        assert panes.current_item() == one_sided[-1], "U: the previous one, wrapping"
        await pilot.press("end", "right_square_bracket")
        assert panes.current_item() == len(items) - 1


@sync
async def test_a_filter_hiding_the_current_drift_moves_to_the_first_shown(
    report: Report, inputs: list[str]
) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        nav = app.nav
        while nav.current is None or nav.drifts[nav.current].severity is not Severity.MEDIUM:
            await pilot.press("n")
        await pilot.press("s")
        assert nav.severity is Severity.HIGH
        assert nav.current == nav.sequence()[0], "the first drift the filter shows"
        highs = sum(1 for d in nav.drifts if d.severity is Severity.HIGH)
        assert str(app.query_one(Detail).border_title).startswith(f"Drift 1/{highs}")
        assert in_view(app, app.query_one(SideBySide).drift_line(nav.current))
        await pilot.press("c")
        marked = next(iter(app.marks))
        assert marked == nav.drifts[nav.sequence()[0]].id, "the mark went on a drift shown"
        assert all(nav.drifts[i].severity is Severity.HIGH for i in nav.sequence())


@sync
async def test_marks_act_only_on_a_drift_shown(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        nav = app.nav
        low = next(i for i, d in enumerate(nav.drifts) if d.severity is Severity.LOW)
        nav.current = low  # as a stale selection would be
        await pilot.press("c", "x")
        assert app.marks == {}


@sync
async def test_a_verdict_moves_on_to_the_next_undecided(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        seq = app.nav.sequence()
        await pilot.press("n", "n", "x")
        assert app.nav.current == seq[2]
        await pilot.press("N", "N")
        assert app.nav.current == seq[0]
        await pilot.press("c")
        assert app.nav.current == seq[2], "skips the drift that has a verdict already"
        assert app.marks[app.nav.drifts[seq[0]].id] == Mark("confirmed")
        await pilot.press("N", "N")
        assert app.nav.current == seq[0]
        assert "✓ real change" in str(app.query_one(Detail).render())


@sync
async def test_a_verdict_and_a_note_together(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    path = review_path(inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        first = app.nav.current
        assert first is not None
        await pilot.press("C")
        assert isinstance(app.screen, NoteScreen)
        assert "Real change" in app.screen.title_text
        await pilot.press(*"quote lost", "enter")
        assert load_marks(path)[app.nav.drifts[first].id] == Mark("confirmed", "quote lost")
        assert app.nav.current != first
        await pilot.press("X", *"same claim", "enter")
        assert Mark("dismissed", "same claim") in load_marks(path).values()


@sync
async def test_clicking_a_hidden_drift_does_not_select_it(
    report: Report, inputs: list[str]
) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        low = next(i for i, d in enumerate(app.nav.drifts) if d.severity is Severity.LOW)
        app.post_message(SideBySide.DriftClicked(low))
        await pilot.pause()
        assert app.nav.current is None
        await pilot.press("s", "s")
        assert app.nav.severity is Severity.LOW
        app.post_message(SideBySide.DriftClicked(low))
        await pilot.pause()
        assert app.nav.current == low


@sync
async def test_ctrl_c_copies_the_excerpts_and_q_quits(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+c")
        assert app.is_running, "Ctrl+C does not quit"
        passage = app.clipboard
        assert passage.startswith("A ¶") and "B ¶" in passage
        await pilot.press("n", "ctrl+c")
        d = app.nav.drifts[app.nav.current or 0]
        assert d.a in app.clipboard and d.b in app.clipboard
        await pilot.press("q")
    assert not app.is_running


@sync
async def test_small_terminal_fits_everything_needed(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        bar = app.query_one(KeyBar)
        shown = [e.keys for e in bar.shown()]
        assert shown[0] == "?" and shown[-1] == "q"
        for needed in ("n/N", "c/C", "x/X", "m", "e", "/", "s", "f", "r", "u/U", "]/["):
            assert needed in shown, needed
        title = str(app.query_one(TitleBar).render())
        assert "cnn-bundle-scrape.txt" in title and "cnn-backtranslated.txt" in title
        summary = str(app.query_one(SummaryBar).render())
        counts = dict(report.comparisons[0].summary.drifts_by_severity)
        parts = [f"{n} {sev}" for sev, n in counts.items()]
        for part in ("% similar", *parts, "only in B", "furniture"):
            assert part in summary, part
        assert app.query_one(SummaryBar).size.height <= 2
        panes = app.query_one(SideBySide)
        assert panes.scrollable_content_region.height >= 10, "room for the texts"


@sync
async def test_wide_terminal_summary_one_row_b_over_b(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(SummaryBar).size.height == 1
        panes = app.query_one(SideBySide)
        assert panes.rows is not None
        title = str(app.query_one(TitleBar).render())
        col = title.index(" B ")
        assert col == panes.rows.width_a + GUTTER, "the B label starts where B's text does"
        assert app.query_one(TitleBar).region.x == panes.region.x


@sync
async def test_search_counts_highlights_and_steps(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"China", "enter")
        panes = app.query_one(SideBySide)
        n = len(panes.hits)
        assert n > 10
        assert panes.hit == 0 and f"match 1 of {n}" in app.search_status()
        assert f"match 1 of {n}" in str(app.query_one(Detail).border_title)
        y0 = panes.hits[0][0]
        assert in_view(app, y0)
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert panes.hit == 2 and in_view(app, panes.hits[2][0])
        await pilot.press("less_than_sign")
        assert panes.hit == 1
        await pilot.press("less_than_sign", "less_than_sign")
        assert panes.hit == n - 1, "previous from the first wraps to the last"
        await pilot.press("n")
        assert panes.hit == n - 1, "n is the next drift, not the next match"
        assert app.nav.current is not None
        # Every match is drawn in the match colour, the current one in its own.
        match = panes.get_component_rich_style("sbs--match")
        current = panes.get_component_rich_style("sbs--match-current")
        assert match.bgcolor != current.bgcolor
        for name in ("sbs--high", "sbs--medium", "sbs--low", "sbs--selected", "sbs--del"):
            assert panes.get_component_rich_style(name).bgcolor != match.bgcolor, name
        y, side, start, end = panes.hits[3]
        panes.scroll_to(y=y, animate=False)
        await pilot.pause()
        styles = [seg.style for seg in panes._render_view_line(y) if "hina" in seg.text]
        assert any(s is not None and s.bgcolor == match.bgcolor for s in styles)
        await pilot.press("slash", *"qqqxyzzy", "enter")
        assert panes.hits == [] and "no match" in app.search_status()


@sync
async def test_export_shows_a_visible_name_and_writes_three_files(
    report: Report, inputs: list[str]
) -> None:
    app = make_app(report, inputs)
    folder = Path(inputs[0]).parent
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "C", *"zz verified", "enter", "x", "e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        name = screen.value
        assert name and not name.startswith(".")
        assert str(folder.resolve()) in screen.hint
        await pilot.press("enter")
        await pilot.pause()
        told = " ".join(n.message for n in app._notifications)
        assert f"written to {folder.resolve() / name}.html, .csv and .md" in told
    html = (folder / f"{name}.html").read_text(encoding="utf-8")
    assert "zz verified" in html
    rows = list(csv.DictReader(io.StringIO((folder / f"{name}.csv").read_text(encoding="utf-8"))))
    verdicts = {r["verdict"] for r in rows}
    assert {"real change", "false alarm", "undecided"} <= verdicts
    assert len(rows) == sum(1 for d in report.comparisons[0].drifts if d.severity.rank >= 2)
    real = next(r for r in rows if r["verdict"] == "real change")
    assert real["note"] == "zz verified" and real["a_passages"] and real["severity"] == "high"
    md = (folder / f"{name}.md").read_text(encoding="utf-8")
    assert f"2 of {len(rows)} findings decided" in md and "zz verified" in md


@sync
async def test_swap_puts_b_on_the_left_and_keeps_the_drift(
    report: Report, inputs: list[str]
) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        n = app.nav.current
        assert n is not None
        panes = app.query_one(SideBySide)
        await pilot.press("w")
        assert panes.doc_a is report.documents[1] and panes.names == ("B", "A")
        assert str(app.query_one(TitleBar).render()).startswith(" B  cnn-backtranslated.txt")
        assert app.nav.current == n and in_view(app, panes.drift_line(n))
        d = app.nav.drifts[n]
        left = line_text(app, panes.drift_line(n))[: panes.rows.width_a if panes.rows else 0]
        assert d.b.split()[0] in left, "B's words are on the left"
        await pilot.press("c")
        assert app.marks[d.id] == Mark("confirmed"), "marks stay on the same drift"
        await pilot.press("w")
        assert panes.doc_a is report.documents[0] and panes.names == ("A", "B")


@sync
async def test_overview_marks_drifts_and_jumps(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        ov = app.query_one(Overview)
        cells = ov.cells()
        assert "selected" in cells and "high" in cells and "medium" in cells
        assert "low" not in cells, "only the drifts the filters show"
        panes = app.query_one(SideBySide)
        rows = ov.size.height
        await pilot.click(Overview, offset=(0, rows - 1))
        await pilot.pause()
        assert round(panes.scroll_y) > 0 and in_view(app, panes.virtual_size.height - 1)


@sync
async def test_a_click_on_the_key_bar_runs_its_key(report: Report, inputs: list[str]) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        bar = app.query_one(KeyBar)
        rows = bar.rows()
        x = sum(len(e.keys) + 1 + len(e.label) + 2 for e in rows[0][:1])
        assert rows[0][1].keys == "n/N"
        await pilot.click(KeyBar, offset=(x + 1, 0))
        assert app.nav.current == app.nav.sequence()[0]
        await pilot.click(KeyBar, offset=(0, 0))
        assert app.screen.__class__.__name__ == "HelpScreen"


@sync
async def test_undecided_only_moves_on_from_where_the_verdict_was(
    report: Report, inputs: list[str]
) -> None:
    app = make_app(report, inputs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("r")
        seq = list(app.nav.sequence())
        await pilot.press("n", "n", "n")
        assert app.nav.current == seq[2]
        await pilot.press("c")
        assert app.nav.current == seq[3], "the one after, though the decided one is hidden now"
        assert seq[2] not in app.nav.sequence()

"""The decisions table (CSV and Markdown), the reviewer's place in the review file, and the
comparison seen from the other side."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from srcdiff.model import Report, Severity
from srcdiff.pipeline import compare, compare_paths, document_from_text
from srcdiff.render.decisions import COLUMNS, UNDECIDED, decisions, to_csv, to_markdown
from srcdiff.review import Mark, load_marks, load_position, save_marks, save_position
from srcdiff.tui.mirror import mirrored

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def report() -> Report:
    return compare_paths(
        [str(SEEDS / "cnn-bundle-scrape.txt"), str(SEEDS / "cnn-backtranslated.txt")]
    )


def test_rows_hold_every_mark_and_the_review_list(report: Report) -> None:
    drifts = [d for blk in report.comparisons[0].blocks for d in blk.drifts]
    low = next(d for d in drifts if d.severity is Severity.LOW)
    high = next(d for d in drifts if d.severity is Severity.HIGH)
    marks = {
        high.id: Mark("confirmed", "checked the transcript"),
        low.id: Mark("dismissed"),
        "0123456789ab": Mark("noted", "from an older report"),
    }
    table = decisions(report, marks)
    ids = [r["id"] for r in table.rows]
    review_list = [d.id for d in drifts if d.severity.rank >= Severity.MEDIUM.rank]
    assert ids == [d.id for d in drifts if d.id in review_list or d.id == low.id] + [
        "0123456789ab"
    ], "document order, the marked low one included, the orphan last"
    assert table.decided == 3
    row = table.rows[ids.index(high.id)]
    assert row["verdict"] == "real change" and row["note"] == "checked the transcript"
    assert row["a_excerpt"] == high.a and row["b_excerpt"] == high.b
    assert row["severity"] == "high" and row["kinds"] == ",".join(k.value for k in high.kinds)
    assert row["a_passages"] and row["b_passages"]
    assert table.rows[ids.index(low.id)]["verdict"] == "false alarm"
    orphan = table.rows[-1]
    assert orphan["verdict"] == "noted" and orphan["severity"] == "" and orphan["explanation"]
    undecided = [r for r in table.rows if r["verdict"] == UNDECIDED]
    assert len(undecided) == len(review_list) - 1


def test_csv_and_markdown_round_trip(report: Report) -> None:
    first = report.comparisons[0].drifts[0]
    table = decisions(report, {first.id: Mark("dismissed", "a | pipe *and* <b>")})
    rows = list(csv.DictReader(io.StringIO(to_csv(table))))
    assert list(rows[0]) == [name for name, _ in COLUMNS]
    assert [dict(r) for r in rows] == [dict(r) for r in table.rows]
    md = to_markdown(table)
    lines = md.splitlines()
    assert lines[0] == "# Review decisions"
    assert f"1 of {len(table.rows)} findings decided (1 false alarm)." in md
    table_lines = [line for line in lines if line.startswith("|")]
    assert len(table_lines) == len(table.rows) + 2
    pipes = {line.count("|") - line.count("\\|") for line in table_lines}
    assert pipes == {len(COLUMNS) + 1}, "an escaped | never splits a cell"
    assert "a \\| pipe \\*and\\* \\<b\\>" in md


def test_no_csv_cell_opens_like_a_spreadsheet_formula() -> None:
    a = "Officials said prices rose 5% in May.\n\nOther text here."
    b = "Officials said prices rose 9% in May.\n\nOther text here."
    rep = compare([document_from_text(a, "a"), document_from_text(b, "b")])
    first = rep.comparisons[0].drifts[0]
    notes = ['=HYPERLINK("http://127.0.0.1/x","click")', "+1+2", "-3", "@SUM(A1)"]
    for note in notes:
        table = decisions(rep, {first.id: Mark("confirmed", note)})
        rows = list(csv.DictReader(io.StringIO(to_csv(table))))
        cells = [v for r in rows for v in r.values()]
        assert "'" + note in cells
        assert not any(v.startswith(("=", "+", "-", "@")) for v in cells)


def test_no_control_byte_reaches_either_file() -> None:
    a = "The minister said \x1b[2Jprices rose 5% in May.\n\nOther text here."
    b = "The minister said \x1b[2Jprices rose 9% in May.\n\nOther text here."
    rep = compare([document_from_text(a, "a\x1b]0;t\x07.txt"), document_from_text(b, "b")])
    assert rep.comparisons[0].drifts
    table = decisions(rep, {})
    for text in (to_csv(table), to_markdown(table)):
        assert "\x1b" not in text and "\\x1b" in text


def test_position_is_kept_beside_the_marks(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    assert load_position(path) is None
    save_position(path, "aaaaaaaaaaaa")
    assert load_position(path) == "aaaaaaaaaaaa" and load_marks(path) == {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["position"]["pair"] = "kept"
    raw["from_a_later_version"] = [1, 2]
    path.write_text(json.dumps(raw), encoding="utf-8")
    save_marks(path, {"bbbbbbbbbbbb": Mark("confirmed")}, base={})
    save_position(path, "cccccccccccc")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["position"] == {"drift": "cccccccccccc", "pair": "kept"}
    assert raw["from_a_later_version"] == [1, 2]
    assert load_marks(path) == {"bbbbbbbbbbbb": Mark("confirmed")}


def test_mirrored_swaps_the_sides_and_keeps_the_drifts(report: Report) -> None:
    comp = report.comparisons[0]
    view = mirrored(comp)
    assert (view.a, view.b) == (comp.b, comp.a)
    assert mirrored(view) == comp
    for blk, m in zip(comp.blocks, view.blocks, strict=True):
        assert (m.a, m.b) == (blk.b, blk.a)
        assert [d.id for d in m.drifts] == [d.id for d in blk.drifts]
        for d, md in zip(blk.drifts, m.drifts, strict=True):
            assert (md.a_span, md.b_span, md.a, md.b) == (d.b_span, d.a_span, d.b, d.a)
    statuses = {
        (b.status.value, m.status.value) for b, m in zip(comp.blocks, view.blocks, strict=True)
    }
    assert ("only_a", "only_b") in statuses

"""A pair's report built in a forked worker while a preview stands in for it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from srcdiff import background
from srcdiff.background import PendingReport, ReportCancelled
from srcdiff.model import Document, Report, Status
from srcdiff.pipeline import compare, document_from_text, make_document
from srcdiff.read import read_input
from srcdiff.render.jsonout import render_json

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _docs(a: str, b: str) -> tuple[Document, Document]:
    return make_document(read_input(str(SEEDS / a))), make_document(read_input(str(SEEDS / b)))


@pytest.mark.parametrize("fork", [True, False])
def test_result_is_what_compare_gives(fork: bool) -> None:
    a, b = _docs("cnn-bundle-scrape.txt", "cnn-backtranslated.txt")
    pending = PendingReport.start(a, b, fork=fork)
    assert not pending.done
    got = pending.result()
    assert pending.done
    assert render_json(got) == render_json(compare([a, b]))


def test_preview_has_every_block_in_order_without_ops() -> None:
    a, b = _docs("france24-afp.txt", "ap.txt")
    pending = PendingReport.start(a, b, fork=False)
    preview = pending.preview.comparisons[0]
    full = pending.result().comparisons[0]
    assert [(blk.a, blk.b) for blk in preview.blocks] == [(blk.a, blk.b) for blk in full.blocks]
    for pre, done in zip(preview.blocks, full.blocks, strict=True):
        assert not pre.drifts
        if pre.a and pre.b:
            assert pre.ops == ()
            assert (pre.status is Status.MOVED) == (done.status is Status.MOVED)
        else:
            assert pre == done
    summary, final = preview.summary, full.summary
    assert (summary.paired, summary.moved, summary.only_a, summary.only_b) == (
        final.paired,
        final.moved,
        final.only_a,
        final.only_b,
    )


def test_words_are_the_final_ops() -> None:
    a, b = _docs("france24-afp.txt", "ap.txt")
    pending = PendingReport.start(a, b, fork=False)
    full = pending.result().comparisons[0]
    for k, blk in enumerate(full.blocks):
        words = pending.words(k)
        assert words.ops == blk.ops
        assert words.status == blk.status
        assert words.drifts == ()


def test_a_failing_worker_is_replaced_by_building_here(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = background._full_report

    def only_here(a: Document, b: Document, slots: tuple[background.Slot, ...]) -> Report:
        if os.getpid() != parent:
            raise RuntimeError("worker fails")
        return real(a, b, slots)

    monkeypatch.setattr(background, "_full_report", only_here)
    a, b = _docs("france24-afp.txt", "ap.txt")
    got = PendingReport.start(a, b).result()
    assert render_json(got) == render_json(compare([a, b]))


def test_cancel_stops_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    real = background._full_report

    def slow(a: Document, b: Document, slots: tuple[background.Slot, ...]) -> Report:
        time.sleep(30)
        return real(a, b, slots)

    monkeypatch.setattr(background, "_full_report", slow)
    a, b = _docs("france24-afp.txt", "ap.txt")
    pending = PendingReport.start(a, b)
    pid = pending._pid
    assert pid > 0
    t0 = time.monotonic()
    pending.cancel()
    assert time.monotonic() - t0 < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no such child left
    with pytest.raises(ReportCancelled):
        pending.result()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("same para.\n\nsecond one.", "same para.\n\nsecond one."),
        ("one.\n\ntwo.", "two.\n\none."),
        ("one here.\n\ntwo there.", "one here.\n\ntwo where."),
        ("only this.", "only this.\n\nand more."),
    ],
)
def test_differs_before_and_after_the_report(a: str, b: str) -> None:
    da, db = document_from_text(a, "a"), document_from_text(b, "b")
    pending = PendingReport.start(da, db, fork=False)
    early = pending.differs()
    assert early == pending.result().differs
    assert pending.differs() == early


def test_comparing_leaves_the_cycle_collector_as_it_was() -> None:
    import gc

    a, b = _docs("france24-afp.txt", "ap.txt")
    assert gc.isenabled()
    compare([a, b])
    assert gc.isenabled()
    gc.disable()
    try:
        compare([a, b])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_run_in_process_turns_the_collector_back_on_and_a_leaving_one_does_not(
    tmp_path: Path,
) -> None:
    import gc

    from srcdiff.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The plan was approved.", encoding="utf-8")
    b.write_text("The plan was not approved.", encoding="utf-8")
    out = tmp_path / "out.json"
    assert gc.isenabled()
    assert main([str(a), str(b), "--json", "-o", str(out)]) == 1
    assert gc.isenabled()
    try:
        assert main([str(a), str(b), "--json", "-o", str(out)], leaving=True) == 1
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert '"negation"' in out.read_text(encoding="utf-8")

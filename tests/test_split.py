"""A big pair's blocks shared out between the process and a forked worker."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from srcdiff import pipeline
from srcdiff.align import Slot, plan
from srcdiff.model import Block, Document
from srcdiff.pipeline import make_document
from srcdiff.read import read_input

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _docs() -> tuple[Document, Document]:
    return (
        make_document(read_input(str(SEEDS / "cnn-bundle-scrape.txt"))),
        make_document(read_input(str(SEEDS / "cnn-backtranslated.txt"))),
    )


def test_the_two_ends_are_taken_once_each_and_meet() -> None:
    ends = pipeline._Ends(multiprocessing.get_context("fork"), 7)
    taken = [ends.take(front=f) for f in (True, False, False, True, False, True, True, False)]
    assert taken == [0, 6, 5, 1, 4, 2, 3, None]
    assert ends.take(front=True) is None


def test_shared_blocks_are_the_blocks_one_process_builds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a, b = _docs()
    slots = plan(a, b)
    classifier = pipeline._default_classifier()
    alone = pipeline.build_blocks(a, b, slots, classifier)  # the seeds are under the split size
    log = tmp_path / "pids"
    build = pipeline.build_block

    def logged(a: Document, b: Document, slot: Slot, *rest: object) -> Block:
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return build(a, b, slot, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "SPLIT_MIN_CHARS", 0)
    monkeypatch.setattr(pipeline, "_cores", lambda: 2)
    monkeypatch.setattr(pipeline, "build_block", logged)
    shared = pipeline.build_blocks(a, b, slots, classifier)
    pids = log.read_text().split()
    assert shared == alone
    assert len(pids) == len(slots)
    assert len(set(pids)) == 2, "the worker built none of the blocks"

"""Corpus mode: sources, candidate search, the Dask job, faults, resume and the outputs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from srcdiff.cli import main
from srcdiff.corpus import cli as corpus_cli
from srcdiff.corpus.index import (
    MIN_PASSAGE_SHARE,
    KeyChunk,
    candidate_pairs,
    document_keys,
    passage_share,
    shingles,
)
from srcdiff.corpus.job import JobConfig, run_job
from srcdiff.corpus.output import records, render_jsonl, render_summary
from srcdiff.corpus.sources import CorpusDoc, Location, Unreadable, list_parts, read_at, read_part
from srcdiff.corpus.tasks import CRASH_ONCE_ENV, PairTask, run_pairs
from srcdiff.render.corpushtml import render_corpus_html

from .corpus_support import STORIES, write_folder, write_jsonl, write_warc

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_folder(tmp_path_factory.mktemp("corpus") / "docs")


@pytest.fixture(scope="module")
def crash_marker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A crash switch the workers inherit: armed by deleting the file."""
    marker = tmp_path_factory.mktemp("crash") / "crashed"
    marker.write_text("disarmed")
    old = os.environ.get(CRASH_ONCE_ENV)
    os.environ[CRASH_ONCE_ENV] = str(marker)
    yield marker
    if old is None:
        os.environ.pop(CRASH_ONCE_ENV, None)
    else:
        os.environ[CRASH_ONCE_ENV] = old


@pytest.fixture(scope="module")
def cluster(crash_marker: Path) -> Iterator[str]:
    """A real LocalCluster of two worker processes (one thread each)."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as lc:
        yield lc.scheduler_address


def _objs(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# --- sources ------------------------------------------------------------------------


def test_folder_jsonl_and_warc_documents_read_back_from_their_locations(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "docs")
    jl = write_jsonl(tmp_path / "feed.jsonl")
    warc = write_warc(tmp_path / "crawl.warc.gz")
    got = [d for p in list_parts([str(folder), str(jl), str(warc)]) for d in read_part(p)]
    docs = [d for d in got if isinstance(d, CorpusDoc)]
    bad = {d.id: d.problem for d in got if isinstance(d, Unreadable)}
    assert "broken.bin" in bad and "binary" in bad["broken.bin"]
    assert bad["no-text"] == 'has neither "text" nor "html"'
    assert any(k.startswith("feed.jsonl:") and "JSON" in v for k, v in bad.items())
    ids = {d.id for d in docs}
    assert {"quake-wire", "quake-scrape", "court-wire.txt"} <= ids
    assert "https://example.org/court/scrape" in ids
    for d in docs:
        again = read_at(d.location)
        assert isinstance(again, CorpusDoc) and again.text == d.text
    html_doc = next(d for d in docs if d.id == "quake-scrape")
    assert html_doc.kind == "html" and "<p>" not in html_doc.text
    assert next(d for d in docs if d.id == "quake-rewrite").date == "2024-05-02"


def test_a_missing_source_is_a_one_line_error(tmp_path: Path, capsys: Any) -> None:
    assert main(["corpus", str(tmp_path / "nope"), "-q", "--threads"]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith("no such file or folder") and err.count("\n") == 1


def test_missing_dependencies_are_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: Any, corpus_dir: Path
) -> None:
    monkeypatch.setattr(corpus_cli, "_missing", lambda: ["distributed"])
    assert main(["corpus", str(corpus_dir)]) == 2
    err = capsys.readouterr().err
    assert "needs distributed" in err and "srcdiff[corpus]" in err and err.count("\n") == 1


# --- candidate search -----------------------------------------------------------------


def test_candidates_join_versions_of_a_story_and_not_unrelated_text() -> None:
    texts = [
        (STORIES / s / f"{v}.txt").read_text()
        for s in ("quake", "court")
        for v in ("wire", "scrape")
    ]
    keys = [document_keys(t) for t in texts]
    pairs = set(candidate_pairs(keys).pairs)
    assert (0, 1) in pairs and (2, 3) in pairs
    assert not pairs & {(0, 2), (0, 3), (1, 2), (1, 3)}


def test_a_passage_copied_into_a_long_page_is_still_a_candidate() -> None:
    wire = (STORIES / "telecom" / "wire.txt").read_text()
    para = wire.split("\n\n")[3]
    page = (Path(__file__).parent.parent / "README.md").read_text()[:20000]
    page = page[:10000] + "\n\n" + para + "\n\n" + page[10000:]
    assert candidate_pairs([document_keys(wire), document_keys(page)]).pairs == ((0, 1),)


def test_candidates_read_from_chunks_are_those_read_document_by_document() -> None:
    texts = [
        (STORIES / s / f"{v}.txt").read_text()
        for s in ("quake", "court", "telecom")
        for v in ("wire", "scrape", "rewrite", "backtranslated")
    ]
    keys = [document_keys(t) for t in texts]
    whole = candidate_pairs(keys)
    assert len(whole.pairs) >= 6
    chunked = candidate_pairs(
        [KeyChunk.of(keys[:5]), KeyChunk.of(keys[5:7]), KeyChunk.of(keys[7:])]
    )
    assert chunked == whole
    for doc in (0, 5, 11):
        only = candidate_pairs(keys, only=doc)
        assert only.pairs == tuple(p for p in whole.pairs if doc in p)


def test_a_candidate_below_the_passage_share_is_screened_but_never_a_member() -> None:
    wire = (STORIES / "quake" / "wire.txt").read_text()
    court = (STORIES / "court" / "wire.txt").read_text()
    phrase = " ".join(wire.split()[40:46])
    other = court[:600] + " " + phrase + " " + court[600:]
    assert passage_share(shingles(wire), shingles(wire[:2000])) == 1.0
    assert 0 < passage_share(shingles(wire), shingles(other)) < MIN_PASSAGE_SHARE
    a, b = (CorpusDoc(n, t, Location("file", n)) for n, t in (("a", wire), ("b", other)))
    cand, member = (
        PairTask("a", "b", a.location, b.location),
        PairTask("a", "b", a.location, b.location, screen=False),
    )
    docs = {"a": a, "b": b}
    screened = run_pairs((cand,), lambda i, _: docs[i])
    assert screened == [
        {"a": "a", "b": "b", "relation": "unrelated", "screened": screened[0]["screened"]}
    ]
    full = run_pairs((member,), lambda i, _: docs[i])[0]
    assert "screened" not in full and "similarity" in full


# --- the job ------------------------------------------------------------------------


def _run(sources: list[str], **kw: Any) -> str:
    return render_jsonl(run_job(JobConfig(tuple(sources), quiet=True, **kw)))


@pytest.fixture(scope="module")
def threaded(corpus_dir: Path) -> str:
    return _run([str(corpus_dir)], threads=True, workers=2)


def test_clusters_are_the_stories_and_unreadable_is_reported(threaded: str) -> None:
    objs = _objs(threaded)
    head = objs[0]
    assert head["schema"] == "srcdiff-corpus/1" and head["mode"] == "clusters"
    assert [o["id"] for o in objs if o["type"] == "unreadable"] == ["broken.bin"]
    clusters = [o for o in objs if o["type"] == "cluster"]
    stories = sorted(tuple(sorted(c["members"])) for c in clusters)
    want = sorted(
        tuple(sorted(f"{s}-{v}.txt" for v in ("backtranslated", "rewrite", "scrape", "wire")))
        for s in ("court", "quake", "telecom")
    )
    assert stories == want
    members = [o for o in objs if o["type"] == "member"]
    assert len(members) == 9 and all(o["relation"] != "unrelated" for o in members)
    assert any(o["drift_counts"]["high"] for o in members)


def test_two_worker_processes_give_byte_identical_output(
    threaded: str, corpus_dir: Path, cluster: str
) -> None:
    assert _run([str(corpus_dir)], scheduler=cluster) == threaded


def test_a_worker_killed_mid_run_is_retried_with_no_duplicate_and_no_gap(
    threaded: str, corpus_dir: Path, cluster: str, crash_marker: Path, tmp_path: Path
) -> None:
    crash_marker.unlink()  # armed: the next comparison task kills its worker
    work = tmp_path / "work"
    out = _run([str(corpus_dir)], scheduler=cluster, work=str(work))
    assert crash_marker.exists(), "no worker was killed"
    assert out == threaded
    lines = (work / "pairs.jsonl").read_text().splitlines()
    keys = [(json.loads(x)["a"], json.loads(x)["b"]) for x in lines]
    assert len(keys) == len(set(keys))


def test_resume_skips_work_already_written(threaded: str, corpus_dir: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    assert _run([str(corpus_dir)], threads=True, work=str(work)) == threaded
    log = work / "pairs.jsonl"
    lines = log.read_text().splitlines()
    kept = len(lines) // 2
    # A run stopped halfway: half the comparisons written, the next line cut short.
    log.write_text("\n".join(lines[:kept]) + "\n" + lines[kept][:20])
    assert _run([str(corpus_dir)], threads=True, work=str(work), resume=True) == threaded
    after = log.read_text().splitlines()
    assert after[:kept] == lines[:kept]
    written = [json.loads(x) for x in after[kept + 1 :]]
    assert len(written) == len(lines) - kept  # only what was missing was compared again
    assert {(r["a"], r["b"]) for r in written} == {
        (json.loads(x)["a"], json.loads(x)["b"]) for x in lines[kept:]
    }
    assert _run([str(corpus_dir)], threads=True, work=str(work), resume=True) == threaded
    assert log.read_text().splitlines() == after


def test_query_lists_the_versions_of_one_story(corpus_dir: Path, tmp_path: Path) -> None:
    query = tmp_path / "story.txt"
    query.write_text((STORIES / "court" / "wire.txt").read_text())
    objs = _objs(_run([str(corpus_dir)], threads=True, query=str(query)))
    matches = [o for o in objs if o["type"] == "match"]
    assert {o["id"] for o in matches} == {
        f"court-{v}.txt" for v in ("wire", "rewrite", "backtranslated", "scrape")
    }
    assert matches[0]["id"] == "court-wire.txt" and matches[0]["relation"] == "copy"
    rewrite = next(o for o in matches if o["id"] == "court-rewrite.txt")
    sev = [d["severity"] for d in rewrite["drifts"]]
    assert sev == sorted(sev, key={"high": 0, "medium": 1, "low": 2}.get) and "high" in sev


def test_dated_jsonl_and_warc_sources_take_the_earliest_as_origin(tmp_path: Path) -> None:
    jl = write_jsonl(tmp_path / "feed.jsonl")
    warc = write_warc(tmp_path / "crawl.warc.gz")
    objs = _objs(_run([str(jl), str(warc)], threads=True))
    clusters = {c["origin"]: c for c in objs if c["type"] == "cluster"}
    assert "quake-wire" in clusters
    assert clusters["quake-wire"]["origin_reason"].startswith("the earliest dated version")
    assert len(clusters) == 2
    assert {o["id"] for o in objs if o["type"] == "unreadable"} >= {"no-text"}


def test_text_and_html_read_the_same_result(corpus_dir: Path) -> None:
    result = run_job(JobConfig((str(corpus_dir),), quiet=True, threads=True))
    text = render_summary(result)
    assert "3 stories" in text and "unreadable: broken.bin" in text
    page = render_corpus_html(list(records(result)))
    assert page.count("<h3 ") == 3 and "Who copied whom" in page and "High drifts" in page


def test_html_escapes_document_ids() -> None:
    head = {
        "type": "corpus",
        "mode": "clusters",
        "documents": 1,
        "unreadable": 1,
        "candidates": 0,
        "compared": 0,
        "screened": 0,
        "related": 0,
        "clusters": 0,
    }
    bad = {"type": "unreadable", "id": "<script>x</script>", "problem": "is empty"}
    page = render_corpus_html([head, bad])
    assert "<script>x" not in page and "&lt;script&gt;x" in page


def test_progress_lines_go_to_stderr_when_not_a_terminal(corpus_dir: Path, capfd: Any) -> None:
    assert main(["corpus", str(corpus_dir), "--threads", "--text"]) == 0
    cap = capfd.readouterr()
    assert "srcdiff corpus: index" in cap.err and "srcdiff corpus: compare" in cap.err
    assert "3 stories" in cap.out


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_job_runs_on_a_separate_dask_scheduler_and_worker(
    threaded: str, corpus_dir: Path, tmp_path: Path
) -> None:
    """`dask scheduler` and `dask worker` as their own processes; the CLI sends the job."""
    import shutil
    import subprocess
    import sys
    import time

    dask = shutil.which("dask")
    if dask is None:
        pytest.fail("the dask command is not installed (pip install 'srcdiff[corpus]')")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop(CRASH_ONCE_ENV, None)
    logs = tmp_path / "dask.log"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with open(logs, "wb") as log:
            procs.append(
                subprocess.Popen(
                    [
                        dask,
                        "scheduler",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--no-dashboard",
                    ],
                    stdout=log,
                    stderr=log,
                    env=env,
                )
            )
            procs.append(
                subprocess.Popen(
                    [
                        dask,
                        "worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                    ],
                    stdout=log,
                    stderr=log,
                    env=env,
                )
            )
        out = tmp_path / "out.jsonl"
        deadline = time.monotonic() + 60
        while True:
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "srcdiff",
                    "corpus",
                    str(corpus_dir),
                    "--scheduler",
                    address,
                    "-o",
                    str(out),
                    "-q",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if run.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(1)  # the scheduler may still be starting
        assert run.returncode == 0, run.stderr + logs.read_text(errors="replace")[-2000:]
        assert out.read_text() == threaded
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_html_report_links_the_pair_reports_of_high_drifts(
    corpus_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stories.html"
    assert main(["corpus", str(corpus_dir), "--threads", "-q", "--html", "-o", str(out)]) == 0
    page = out.read_text()
    reports = sorted((tmp_path / "stories.html.pairs").glob("*.html"))
    assert reports, "no pair report written"
    for r in reports:
        assert f'href="stories.html.pairs/{r.name}"' in page
    assert "<!DOCTYPE html>" in reports[0].read_text()[:200]

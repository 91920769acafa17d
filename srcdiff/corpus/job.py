"""A corpus job on Dask: index every part, find candidates, compare them, keep a work log.

The driver (this module) lists the parts, sends one ``index_part`` task per
part and one ``compare_pairs`` task per batch of candidate pairs, and keeps
the index and the comparison records.  Every task's Dask key is derived
from what it covers, and the driver writes each finished task's result once,
keyed by content: a task Dask runs again after its worker died gives the same
result under the same key, so the output has no duplicate and no gap.

The work log (``--work`` folder) holds one file per indexed part and one
line per comparison; ``--resume`` reads it back and sends only what is
missing.  The embedded default is a ``LocalCluster`` of worker processes on
this machine; ``--scheduler tcp://HOST:PORT`` sends the same tasks to an
existing cluster.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ..errors import InputError
from .index import INDEX_FORMAT, KeyChunk, candidate_pairs, document_keys
from .progress import Progress
from .sources import CorpusDoc, Location, Unreadable, list_parts, read_at
from .tasks import QUERY_PREFIX, IndexedPart, PairTask, compare_pairs, index_part

BATCH = 8
"""Candidate pairs in one comparison task."""


@dataclass(frozen=True)
class JobConfig:
    sources: tuple[str, ...]
    query: str | None = None
    scheduler: str | None = None
    workers: int = 0
    threads: bool = False
    work: str | None = None
    resume: bool = False
    quiet: bool = False


@dataclass(frozen=True)
class Corpus:
    """What the index knows of the documents, in source order."""

    ids: tuple[str, ...]
    locations: tuple[Location, ...]
    dates: tuple[str | None, ...]
    unreadable: tuple[Unreadable, ...]


@dataclass(frozen=True)
class JobResult:
    corpus: Corpus
    candidates: int
    boilerplate_buckets: int
    records: dict[tuple[str, str], dict[str, Any]]
    """Comparison records by (reference id, other id)."""
    query: str | None
    clusters: tuple[tuple[str, ...], ...] = ()
    origins: tuple[tuple[str, str], ...] = ()
    """(origin id, reason) for each cluster."""


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@contextmanager
def dask_client(config: JobConfig) -> Iterator[Any]:
    dist: Any = import_module("distributed")
    if config.scheduler:
        try:
            client = dist.Client(config.scheduler, timeout=30)
        except OSError as err:
            raise InputError(config.scheduler, f"cannot reach the Dask scheduler ({err})") from None
        try:
            yield client
        finally:
            client.close()
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = config.workers or cores or 1
    cluster = dist.LocalCluster(
        n_workers=1 if config.threads else workers,
        threads_per_worker=workers if config.threads else 1,
        processes=not config.threads,
        dashboard_address=None,
        host=None if config.threads else "127.0.0.1",
        silence_logs=logging.ERROR,
    )
    client = dist.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


class WorkLog:
    """The work already done: indexed parts and comparison records, on disk."""

    def __init__(self, folder: str | None, resume: bool) -> None:
        self.folder = folder
        if folder is None:
            return
        if not resume and os.path.isdir(folder):
            shutil.rmtree(folder)
        os.makedirs(os.path.join(folder, "index"), exist_ok=True)

    def _part_path(self, key: str) -> str:
        # Named after the index's parameters too: a log written with other bands is not read.
        assert self.folder is not None
        return os.path.join(self.folder, "index", _digest(f"{INDEX_FORMAT}\0{key}") + ".pickle")

    def load_part(self, key: str) -> IndexedPart | None:
        if self.folder is None or not os.path.exists(self._part_path(key)):
            return None
        try:
            with open(self._part_path(key), "rb") as fh:
                part = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return part if isinstance(part, IndexedPart) and part.key == key else None

    def save_part(self, part: IndexedPart) -> None:
        if self.folder is None:
            return
        tmp = self._part_path(part.key) + ".tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(part, fh)
        os.replace(tmp, self._part_path(part.key))

    def load_records(self) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        if self.folder is None:
            return out
        path = os.path.join(self.folder, "pairs.jsonl")
        if not os.path.exists(path):
            return out
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue  # a line cut short when a run was stopped
                out[(rec["a"], rec["b"])] = rec
        return out

    def append(self, records: Sequence[dict[str, Any]]) -> None:
        if self.folder is None:
            return
        path = os.path.join(self.folder, "pairs.jsonl")
        with open(path, "a+", encoding="utf-8") as fh:
            if fh.tell() and not _ends_with_newline(path):
                fh.write("\n")  # after a line cut short by a stopped run
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=True) + "\n")


def _ends_with_newline(path: str) -> bool:
    with open(path, "rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def run_job(config: JobConfig) -> JobResult:
    parts = list_parts(config.sources)
    query = read_query(config.query) if config.query else None
    log = WorkLog(config.work, config.resume)
    with dask_client(config) as client:
        indexed = _index(client, parts, log, config.quiet)
        corpus, keys = _corpus(indexed)
        records = log.load_records()
        if query is not None:
            return _query_run(client, corpus, keys, query, records, log, config.quiet)
        return _cluster_run(client, corpus, keys, records, log, config.quiet)


def read_query(path: str) -> CorpusDoc:
    doc = read_at(Location("file", path))
    if isinstance(doc, Unreadable):
        raise InputError(path, doc.problem)
    return CorpusDoc(
        f"{QUERY_PREFIX}{os.path.basename(path)}", doc.text, doc.location, kind=doc.kind
    )


def _index(client: Any, parts: Sequence[Any], log: WorkLog, quiet: bool) -> list[IndexedPart]:
    as_completed = import_module("distributed").as_completed
    done: dict[str, IndexedPart] = {}
    todo = []
    for p in parts:
        got = log.load_part(p.key)
        if got is not None:
            done[p.key] = got
        else:
            todo.append(p)
    progress = None if quiet else Progress("index", len(parts))
    if progress:
        progress.advance(len(done))
    if todo:
        futures = client.map(
            index_part, todo, key=["srcdiff-index-" + _digest(p.key) for p in todo], retries=1
        )
        for fut in as_completed(futures):
            ip = fut.result()
            log.save_part(ip)
            done[ip.key] = ip
            if progress:
                progress.advance()
            fut.release()
    if progress:
        progress.close()
    return [done[p.key] for p in parts]


def _corpus(indexed: Sequence[IndexedPart]) -> tuple[Corpus, list[KeyChunk]]:
    """The documents in source order; a repeated id is reported, not indexed twice."""
    ids: list[str] = []
    locs: list[Location] = []
    dates: list[str | None] = []
    keys: list[KeyChunk] = []
    bad: list[Unreadable] = []
    seen: set[str] = set()
    for ip in indexed:
        bad += ip.unreadable
        kept = []
        for i, doc_id in enumerate(ip.ids):
            if doc_id in seen:
                bad.append(Unreadable(doc_id, "repeats the id of an earlier document"))
                continue
            seen.add(doc_id)
            kept.append(i)
            ids.append(doc_id)
            locs.append(ip.locations[i])
            dates.append(ip.dates[i])
        whole = len(kept) == len(ip.ids)
        keys.append(ip.keys if whole else KeyChunk.of([ip.keys.doc(i) for i in kept]))
    corpus = Corpus(tuple(ids), tuple(locs), tuple(dates), tuple(sorted(bad, key=_bad_key)))
    return corpus, keys


def _bad_key(u: Unreadable) -> tuple[str, str]:
    return (u.id, u.problem)


def _compare(
    client: Any,
    tasks: Sequence[PairTask],
    records: dict[tuple[str, str], dict[str, Any]],
    log: WorkLog,
    stage: str,
    quiet: bool,
    query: CorpusDoc | None = None,
) -> None:
    """Run every task not yet in ``records``, adding each result once."""
    as_completed = import_module("distributed").as_completed
    todo = sorted((t for t in tasks if _missing(t, records)), key=lambda t: (t.a, t.b))
    wanted = {(t.a, t.b): t for t in todo}
    batches = [tuple(todo[i : i + BATCH]) for i in range(0, len(todo), BATCH)]
    progress = None if quiet else Progress(stage, len(tasks))
    if progress:
        progress.advance(len(tasks) - len(todo))
    if batches:
        keys = [
            f"srcdiff-{stage}-" + _digest("\n".join(f"{t.a}\0{t.b}" for t in b)) for b in batches
        ]
        futures = client.map(compare_pairs, batches, [query] * len(batches), key=keys)
        for fut in as_completed(futures):
            recs = fut.result()
            fresh = [r for r in recs if _missing(wanted[(r["a"], r["b"])], records)]
            for r in fresh:
                records[(r["a"], r["b"])] = r
            log.append(fresh)
            if progress:
                progress.advance(len(recs))
            fut.release()
    if progress:
        progress.close()


def _missing(task: PairTask, records: dict[tuple[str, str], dict[str, Any]]) -> bool:
    """True when ``task`` has no record yet, or only a screened one and needs the full
    comparison (a member against its origin)."""
    rec = records.get((task.a, task.b))
    return rec is None or (not task.screen and "screened" in rec)


def _query_run(
    client: Any,
    corpus: Corpus,
    keys: list[KeyChunk],
    query: CorpusDoc,
    records: dict[tuple[str, str], dict[str, Any]],
    log: WorkLog,
    quiet: bool,
) -> JobResult:
    qkeys = document_keys(query.text)
    found = candidate_pairs([*keys, KeyChunk.of([qkeys])], only=len(corpus.ids))
    tasks = [
        PairTask(query.id, corpus.ids[i], query.location, corpus.locations[i])
        for i, _ in found.pairs
    ]
    _compare(client, tasks, records, log, "compare", quiet, query)
    wanted = {(t.a, t.b) for t in tasks}
    kept = {k: v for k, v in records.items() if k in wanted}
    return JobResult(corpus, len(tasks), found.boilerplate_buckets, kept, query.id)


def _cluster_run(
    client: Any,
    corpus: Corpus,
    keys: list[KeyChunk],
    records: dict[tuple[str, str], dict[str, Any]],
    log: WorkLog,
    quiet: bool,
) -> JobResult:
    from .clusters import cluster, joins, origin_of

    found = candidate_pairs(keys)
    loc = dict(zip(corpus.ids, corpus.locations, strict=True))
    ids = corpus.ids
    tasks = []
    for i, j in found.pairs:
        a, b = sorted((ids[i], ids[j]))
        tasks.append(PairTask(a, b, loc[a], loc[b]))
    _compare(client, tasks, records, log, "compare", quiet)
    verified = [records[(t.a, t.b)] for t in tasks if joins(records[(t.a, t.b)])]
    groups = cluster(verified)
    date = dict(zip(corpus.ids, corpus.dates, strict=True))
    origins = [origin_of(g, verified, date) for g in groups]
    against = [
        PairTask(o, m, loc[o], loc[m], screen=False)
        for g, (o, _) in zip(groups, origins, strict=True)
        for m in g
        if m != o
    ]
    _compare(client, against, records, log, "drift", quiet)
    wanted = {(t.a, t.b) for t in tasks} | {(t.a, t.b) for t in against}
    kept = {k: v for k, v in records.items() if k in wanted}
    return JobResult(
        corpus, len(tasks), found.boilerplate_buckets, kept, None, tuple(groups), tuple(origins)
    )


Runner = Callable[[JobConfig], JobResult]

"""read -> normalize -> segment -> align -> word diff -> classify drift -> Report."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations
from multiprocessing.context import BaseContext

from .align import ParaLink, Slot, plan
from .collector import no_cycle_collection
from .drift.docindex import DocIndex
from .model import Block, Comparison, Document, Drift, Op, OpKind, Report, Status, Summary
from .normalize import fold
from .read import DEFAULT_MAX_BYTES, RawInput, read_input  # noqa
from .segment import segment
from .worddiff import Side, diff_sides, similarity

Classifier = Callable[[Sequence[Op], DocIndex, DocIndex], tuple[Drift, ...]]
Facts = tuple[DocIndex, DocIndex]
"""The drift facts of a comparison's two documents, built once per document."""


def make_document(raw: RawInput) -> Document:
    with no_cycle_collection():  # paragraphs and sentences: many objects, no cycles
        paragraphs = segment(raw.text, raw.furniture)
    return Document(
        label=raw.label,
        path=raw.path,
        text=raw.text,
        paragraphs=paragraphs,
        encoding=raw.encoding,
        size=raw.size,
        modified=raw.modified,
        kind=raw.kind,
        title=raw.title,
        author=raw.author,
        date=raw.date,
        site=raw.site,
        warnings=raw.warnings,
    )


def document_from_text(text: str, label: str = "text", path: str = "") -> Document:
    """A Document straight from a string (tests, library use)."""
    return Document(
        label=label,
        path=path or label,
        text=text,
        paragraphs=segment(text),
        size=len(text.encode("utf-8")),
    )


def _default_classifier() -> Classifier:
    from .drift import classify

    return classify


def _noise(a: Document, b: Document, link: ParaLink) -> bool:
    return all(a.paragraphs[i].noise for i in link.a) and all(b.paragraphs[j].noise for j in link.b)


def facts(a: Document, b: Document) -> Facts:
    return DocIndex(a.text, a.paragraphs), DocIndex(b.text, b.paragraphs)


_MIRROR = {OpKind.DELETE: OpKind.INSERT, OpKind.INSERT: OpKind.DELETE}


def _mirrored(ops: Sequence[Op]) -> tuple[Op, ...]:
    return tuple(Op(_MIRROR.get(op.op, op.op), op.b, op.a, op.b_span, op.a_span) for op in ops)


def diff_block(sa: Side, sb: Side) -> tuple[Op, ...]:
    """The word ops of a pair, the same (sides swapped) whichever side is given first.

    The word diff may break a tie differently when its inputs swap, so it runs
    with the side whose folded text sorts first as its first input.
    """
    if _side_key(sb) < _side_key(sa):
        return _mirrored(diff_sides(sb, sa))
    return tuple(diff_sides(sa, sb))


def _side_key(side: Side) -> str:
    return " ".join(fold(side.text).split())


def build_block(
    a: Document, b: Document, slot: Slot, classifier: Classifier | None, known: Facts | None = None
) -> Block:
    """The block of ``slot``: word ops, and drift when ``classifier`` is given."""
    link = slot.link
    if link is None:
        return _one_sided(a if slot.side == "a" else b, slot.index, slot.side)
    sa = Side(a.text, [(a.paragraphs[i].start, a.paragraphs[i].end) for i in link.a])
    sb = Side(b.text, [(b.paragraphs[j].start, b.paragraphs[j].end) for j in link.b])
    ops = diff_block(sa, sb)
    sim = similarity(ops)
    changed = any(op.op is not OpKind.EQUAL for op in ops)
    drifts: tuple[Drift, ...] = ()
    if changed and classifier:
        fa, fb = known or facts(a, b)
        drifts = classifier(ops, fa, fb)
    if slot.moved:
        status = Status.MOVED
    elif changed:
        status = Status.CHANGED
    else:
        status = Status.EQUAL
    return Block(status, link.a, link.b, sim, ops, drifts, _noise(a, b, link))


def pending_block(a: Document, b: Document, slot: Slot) -> Block:
    """A stand-in for the block of ``slot`` before its words are diffed: no ops yet.

    A paired slot is shown as moved or changed until its ops say otherwise.
    """
    link = slot.link
    if link is None:
        return _one_sided(a if slot.side == "a" else b, slot.index, slot.side)
    status = Status.MOVED if slot.moved else Status.CHANGED
    return Block(status, link.a, link.b, 0.0, (), (), _noise(a, b, link))


def _one_sided(doc: Document, idx: int, side: str) -> Block:
    p = doc.paragraphs[idx]
    if side == "a":
        op = Op(OpKind.DELETE, p.text, "", (p.start, p.end), (0, 0))
        return Block(Status.ONLY_A, (idx,), (), 0.0, (op,), (), p.noise)
    op = Op(OpKind.INSERT, "", p.text, (0, 0), (p.start, p.end))
    return Block(Status.ONLY_B, (), (idx,), 0.0, (op,), (), p.noise)


SPLIT_MIN_CHARS = 200_000
"""Paired text (both sides) from which one comparison's blocks are built in two processes."""


class _Ends:
    """The slots not yet taken, shared by a process and its forked worker: the process
    takes them from the front, the worker from the back, one at a time, so each builds a
    contiguous run and both finish within one block of each other, however the blocks'
    costs or the two cores' speeds differ (a fixed half could leave one core idle for a
    second on a shared machine)."""

    def __init__(self, ctx: BaseContext, count: int) -> None:
        self._ends = ctx.RawArray("q", [0, count])
        self._lock = ctx.Lock()

    def take(self, *, front: bool) -> int | None:
        with self._lock:
            lo, hi = self._ends[0], self._ends[1]
            if lo >= hi:
                return None
            if front:
                self._ends[0] = lo + 1
                return int(lo)
            self._ends[1] = hi - 1
            return int(hi - 1)


BACK_CHUNK = 8
"""Blocks the worker sends at a time."""

_SLOTS: tuple[Document, Document, Sequence[Slot], Classifier | None, Facts, _Ends] | None = None


def _build_taken(front: bool, most: int) -> list[Block]:
    """The blocks of up to ``most`` slots this process takes from its end, in slot order."""
    assert _SLOTS is not None
    a, b, slots, classifier, known, ends = _SLOTS
    out: list[Block] = []
    while len(out) < most and (i := ends.take(front=front)) is not None:
        out.append(build_block(a, b, slots[i], classifier, known))
    return out if front else out[::-1]


def _build_back(_task: int) -> list[Block]:
    """The worker's next few blocks from the back (none once the two ends have met):
    returned a few at a time, they are pickled and sent while the two processes still
    work, not all at the end."""
    return _build_taken(False, BACK_CHUNK)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def _can_fork() -> bool:
    """True where worker processes may be forked: a fork platform, and not inside a worker."""
    return (
        _cores() >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and multiprocessing.parent_process() is None
    )


def _slot_size(a: Document, b: Document, slot: Slot) -> int:
    if slot.link is None:
        return 0
    return sum(a.paragraphs[i].end - a.paragraphs[i].start for i in slot.link.a) + sum(
        b.paragraphs[j].end - b.paragraphs[j].start for j in slot.link.b
    )


def build_blocks(
    a: Document,
    b: Document,
    slots: Sequence[Slot],
    classifier: Classifier | None,
    known: Facts | None = None,
) -> tuple[Block, ...]:
    """Every slot's block, in order; a big pair's shared out with a forked process.

    Each block depends only on its slot and the two documents, so the result
    is the same however the work is split.
    """
    global _SLOTS
    known = known or facts(a, b)
    total = sum(_slot_size(a, b, s) for s in slots)
    if total < SPLIT_MIN_CHARS or not _can_fork():
        return tuple(build_block(a, b, s, classifier, known) for s in slots)
    ctx = multiprocessing.get_context("fork")
    _SLOTS = (a, b, slots, classifier, known, _Ends(ctx, len(slots)))
    try:
        with ctx.Pool(1) as pool:
            # as many tasks as the worker could need; those after the ends meet return none
            chunks = pool.imap(_build_back, range(-(-len(slots) // BACK_CHUNK)))
            first = _build_taken(True, len(slots))
            later = [blk for chunk in reversed(list(chunks)) for blk in chunk]
            blocks = tuple(first + later)
    except OSError:
        return tuple(build_block(a, b, s, classifier, known) for s in slots)
    finally:
        _SLOTS = None
    assert len(blocks) == len(slots)
    return blocks


def compare_documents(
    a: Document,
    b: Document,
    ia: int = 0,
    ib: int = 1,
    classifier: Classifier | None = None,
    slots: Sequence[Slot] | None = None,
    known: Facts | None = None,
) -> Comparison:
    """Align two documents (unless ``slots`` has their plan already) and diff every pair.

    ``known``: the two documents' drift facts, when a run over several sources built them
    once per document."""
    if slots is None:
        slots = plan(a, b)
    blocks = build_blocks(a, b, slots, classifier or _default_classifier(), known)
    return Comparison(ia, ib, blocks, summarize(a, b, blocks))


def layout_summary(a: Document, b: Document, blocks: Sequence[Block]) -> Summary:
    """What the alignment alone tells: pairing, moves, splits, one-sided, furniture.

    Blocks are judged equal or changed, and similarity and drift counted,
    only by ``summarize``.
    """
    paired = [blk for blk in blocks if blk.a and blk.b]
    return Summary(
        paired=len(paired),
        moved=sum(1 for blk in paired if blk.status is Status.MOVED),
        split=sum(1 for blk in paired if blk.is_split),
        merged=sum(1 for blk in paired if blk.is_merge),
        only_a=sum(1 for blk in blocks if blk.status is Status.ONLY_A and not blk.noise),
        only_b=sum(1 for blk in blocks if blk.status is Status.ONLY_B and not blk.noise),
        noise_a=sum(1 for p in a.paragraphs if p.noise),
        noise_b=sum(1 for p in b.paragraphs if p.noise),
    )


def summarize(a: Document, b: Document, blocks: Sequence[Block]) -> Summary:
    paired = [blk for blk in blocks if blk.a and blk.b]
    by_kind: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    for blk in blocks:
        for d in blk.drifts:
            by_sev[d.severity.value] += 1
            for k in d.kinds:
                by_kind[k.value] += 1
    total = eq = 0
    for blk in blocks:
        if blk.noise:
            continue
        for op in blk.ops:
            n = len(op.a.split()) + len(op.b.split())
            total += n
            if op.op is OpKind.EQUAL:
                eq += n
    sev_order = {"high": 0, "medium": 1, "low": 2}
    return replace(
        layout_summary(a, b, blocks),
        equal=sum(1 for blk in paired if blk.status is Status.EQUAL),
        changed=sum(1 for blk in paired if blk.status is Status.CHANGED),
        similarity=round(eq / total, 4) if total else 1.0,
        drifts_by_kind=tuple(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
        drifts_by_severity=tuple(sorted(by_sev.items(), key=lambda kv: sev_order[kv[0]])),
    )


def compare(
    documents: Sequence[Document], base: int | None = None, classifier: Classifier | None = None
) -> Report:
    """Compare every pair of documents, or each against ``base``."""
    n = len(documents)
    if base is None:
        pairs = list(combinations(range(n), 2))
    else:
        pairs = [(base, k) for k in range(n) if k != base]
    with no_cycle_collection():
        return with_provenance(
            Report(tuple(documents), _compare_pairs(documents, pairs, classifier), base=base)
        )


def with_provenance(report: Report) -> Report:
    """``report`` with its provenance: shares, relations and passage origins."""
    from .provenance import provenance  # here: the TUI's first screen does without it

    return replace(report, provenance=provenance(report))


PARALLEL_MIN_PAIRS = 4
"""Comparisons from which a run over several sources spreads over the machine's cores."""

_SHARED: tuple[Sequence[Document], Classifier | None, Sequence[DocIndex]] = ((), None, ())


def _compare_pair(pair: tuple[int, int]) -> Comparison:
    documents, classifier, known = _SHARED
    i, j = pair
    return compare_documents(
        documents[i], documents[j], i, j, classifier, known=(known[i], known[j])
    )


def _compare_pairs(
    documents: Sequence[Document], pairs: list[tuple[int, int]], classifier: Classifier | None
) -> tuple[Comparison, ...]:
    """Every comparison, in the order of ``pairs``; across processes when there are many.

    Each comparison depends only on its two documents, so the result is the
    same however the work is spread. Worker processes are forked and read
    the documents from a module global; where forking is not possible the
    comparisons run here, one after the other.
    """
    global _SHARED
    known = [DocIndex(d.text, d.paragraphs) for d in documents]  # once per document, not per pair
    if len(pairs) < PARALLEL_MIN_PAIRS or not _can_fork():
        return tuple(
            compare_documents(
                documents[i], documents[j], i, j, classifier, known=(known[i], known[j])
            )
            for i, j in pairs
        )
    _SHARED = (documents, classifier, known)
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(min(_cores(), len(pairs))) as pool:
            return tuple(pool.map(_compare_pair, pairs, chunksize=max(1, len(pairs) // 16)))
    except (OSError, ValueError):
        return tuple(_compare_pair(p) for p in pairs)
    finally:
        _SHARED = ((), None, ())


def compare_paths(
    sources: Sequence[str], *, base: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Read each source and compare them."""
    return compare(read_documents(sources, max_bytes=max_bytes), base)


def read_documents(sources: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read and segment each source."""
    return [make_document(read_input(s, max_bytes=max_bytes)) for s in sources]

"""A two-document report finished in a forked process while its first screen is shown.

Aligning a pair is quick; diffing every passage and judging every change
is not. ``PendingReport.start`` aligns, then forks a worker that builds the
whole report while this process shows a preview: the same blocks in the
same order, with no ops yet. A passage's words can be diffed here on
demand (``words``), for what is on screen. ``result`` waits for the
worker's report; if the worker fails, or forking is not possible, the
report is built here instead. Nothing is left out either way: the worker
runs exactly what ``compare`` runs.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal

from .align import Slot, plan
from .collector import no_cycle_collection
from .model import Block, Comparison, Document, Report
from .pipeline import (
    build_block,
    compare_documents,
    layout_summary,
    pending_block,
    with_provenance,
)


def _full_report(a: Document, b: Document, slots: tuple[Slot, ...]) -> Report:
    with no_cycle_collection():
        comp = compare_documents(a, b, slots=slots)
        return with_provenance(Report((a, b), (comp,)))


WORKER_NICENESS = 10
"""How much lower than the app's the worker's scheduling priority is."""


class ReportCancelled(Exception):
    """The report was cancelled before it was done."""


class PendingReport:
    """The report of two documents, being built; ``preview`` stands in meanwhile."""

    def __init__(self, a: Document, b: Document, slots: tuple[Slot, ...]) -> None:
        self.a, self.b, self.slots = a, b, slots
        blocks = tuple(pending_block(a, b, s) for s in slots)
        comp = Comparison(0, 1, blocks, layout_summary(a, b, blocks))
        self.preview = Report((a, b), (comp,))
        self._pid = 0
        self._fd = -1
        self._report: Report | None = None
        self._cancelled = False

    @classmethod
    def start(cls, a: Document, b: Document, *, fork: bool = True) -> PendingReport:
        """Align ``a`` with ``b`` and start building their report in a worker."""
        pending = cls(a, b, plan(a, b))
        if fork and hasattr(os, "fork"):
            pending._fork()
        return pending

    def _fork(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the worker: build, send, and leave without running exit handlers
            os.close(read_fd)
            os.setpgid(0, 0)  # its own group, so ``cancel`` stops any helper it forks too
            with contextlib.suppress(OSError):
                os.nice(WORKER_NICENESS)  # the screen the reviewer reads comes first
            code = 1
            try:
                report = _full_report(self.a, self.b, self.slots)
                data = pickle.dumps(
                    (report.comparisons, report.provenance), protocol=pickle.HIGHEST_PROTOCOL
                )
                with os.fdopen(write_fd, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_fd)
        with contextlib.suppress(OSError):  # also here, so ``cancel`` never races the child
            os.setpgid(pid, pid)
        self._pid, self._fd = pid, read_fd

    def words(self, k: int) -> Block:
        """Block ``k`` with its word ops (no drift): for showing it before the report is done."""
        return build_block(self.a, self.b, self.slots[k], None)

    @property
    def done(self) -> bool:
        return self._report is not None

    def result(self) -> Report:
        """The whole report: the worker's, or built here when the worker gave none."""
        if self._report is None:
            got = self._from_worker()
            if self._cancelled:
                raise ReportCancelled
            self._report = got or _full_report(self.a, self.b, self.slots)
        return self._report

    def _from_worker(self) -> Report | None:
        if self._fd < 0:
            return None
        chunks: list[bytes] = []
        try:
            with os.fdopen(self._fd, "rb") as pipe:
                self._fd = -1
                while chunk := pipe.read(1 << 20):
                    chunks.append(chunk)
        except OSError:  # closed by ``cancel``
            return None
        finally:
            self._reap()
        try:
            comps, prov = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a worker that died mid-write: build here
            return None
        return Report((self.a, self.b), comps, provenance=prov)

    def cancel(self) -> None:
        """Stop the worker if it still runs (the reviewer quit before the report was done)."""
        self._cancelled = True
        if self._pid:
            try:
                os.killpg(self._pid, signal.SIGTERM)
            except OSError:
                with contextlib.suppress(OSError):
                    os.kill(self._pid, signal.SIGTERM)
            self._reap()
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _reap(self) -> None:
        if self._pid:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0

    def differs(self) -> bool:
        """``Report.differs`` for the finished report, or from the texts when not finished."""
        if self._report is not None:
            return self._report.differs
        for slot, blk in zip(self.slots, self.preview.comparisons[0].blocks, strict=True):
            if blk.noise:
                continue
            if slot.link is None or slot.moved:
                return True
            if _side_text(self.a, blk.a) != _side_text(self.b, blk.b):
                return True
        return False


def _side_text(doc: Document, paras: tuple[int, ...]) -> list[str]:
    return [doc.paragraphs[i].text for i in paras]

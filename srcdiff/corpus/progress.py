"""Progress of a long corpus run on stderr: a bar on a terminal, periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LINE_EVERY = 10.0
"""Seconds between two progress lines when stderr is not a terminal."""


class Progress:
    def __init__(self, stage: str, total: int, stream: TextIO | None = None) -> None:
        self.stage = stage
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.bar = bool(isatty and isatty())
        self.started = self.last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.bar:
            if now - self.last >= 0.1 or self.done >= self.total:
                self._draw()
                self.last = now
        elif now - self.last >= LINE_EVERY:
            self._line()
            self.last = now

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * 30)
        self.stream.write(
            f"\r{self.stage:<8} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}"
        )
        self.stream.flush()

    def _line(self) -> None:
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"srcdiff corpus: {self.stage} {self.done}/{self.total} ({elapsed:.0f}s)\n"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.bar:
            self._draw()
            self.stream.write("\n")
        else:
            self._line()
        self.stream.flush()

"""A progress line on a terminal's stderr for batch runs that take a while.

Nothing is written unless stderr is a terminal and the run has taken
``DELAY`` seconds; the line is rewritten in place every ``EVERY`` seconds
and erased when the run ends, so pipes and logs never see it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 2.0
EVERY = 0.5
CLEAR = "\r\x1b[K"


def _tick(stream: TextIO, what: str, stop: threading.Event, start: float) -> None:
    if stop.wait(DELAY):
        return
    shown = False
    try:
        while not stop.is_set():
            stream.write(f"\rsrcdiff: {what}… {time.monotonic() - start:.0f} s")
            stream.flush()
            shown = True
            stop.wait(EVERY)
        if shown:
            stream.write(CLEAR)
            stream.flush()
    except (OSError, ValueError):  # stderr closed or gone: no progress, no error
        return


@contextmanager
def progress(stream: TextIO, what: str = "comparing") -> Iterator[None]:
    """Show ``srcdiff: comparing… 3 s`` on ``stream`` while the block runs, if a terminal."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        yield
        return
    stop = threading.Event()
    worker = threading.Thread(
        target=_tick, args=(stream, what, stop, time.monotonic()), daemon=True
    )
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join(1.0)

"""Python's cycle collector held off while a comparison is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection(*, restore: bool = True) -> Iterator[None]:
    """The cycle collector off for the duration, as it was before afterwards (unless not
    ``restore``: a process that ends right after has no use for it).

    A comparison allocates millions of small objects that form no reference
    cycles; the collector would walk them all again and again as they pile
    up (a tenth of a big run's time) and free nothing. Reference counting
    still frees everything as usual.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was and restore:
            gc.enable()

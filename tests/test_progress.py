"""The progress line: on a terminal's stderr after a delay, erased at the end; never
in a pipe."""

from __future__ import annotations

import io
import time

import pytest

from srcdiff import progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.05)
    monkeypatch.setattr(progress, "EVERY", 0.02)
    out = Tty()
    with progress.progress(out):
        time.sleep(0.4)
    text = out.getvalue()
    assert "\rsrcdiff: comparing… " in text
    assert text.endswith(progress.CLEAR), "the line is erased when the run ends"


def test_a_short_run_shows_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 5.0)
    out = Tty()
    with progress.progress(out):
        time.sleep(0.05)
    assert out.getvalue() == ""


def test_a_pipe_never_sees_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    out = io.StringIO()
    with progress.progress(out):
        time.sleep(0.1)
    assert out.getvalue() == ""

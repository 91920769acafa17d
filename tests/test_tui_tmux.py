"""The TUI in a real terminal: tmux runs ``python -m srcdiff`` on two seeds, keys go in,
the screen comes out.  Fails (never skips) without tmux when CI is set."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from srcdiff.review import load_marks, review_path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("ap.txt", "france24-afp.txt")


class Tmux:
    """One detached session on a private tmux server."""

    def __init__(self, name: str) -> None:
        self.socket = name
        self.session = name

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return out.stdout

    def start(self, command: str, width: int = 120, height: int = 40) -> None:
        # stty first: a detached pane may be given its size only after the program read it.
        command = f"stty cols {width} rows {height}; {command}"
        self.run(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command
        )

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, test: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def pane_pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", self.session, "#{pane_pid}").strip())

    def buffer(self) -> str:
        return self.run("show-buffer")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)


def process_tree(root: int) -> dict[int, str]:
    """``root`` and every process below it, by pid, with its command line."""
    parent: dict[int, int] = {}
    cmdline: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone meanwhile
        parent[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
        cmdline[int(entry.name)] = cmd.strip()
    out: dict[int, str] = {root: cmdline.get(root, "")}
    todo = [root]
    while todo:
        pid = todo.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in out:
                out[child] = cmdline[child]
                todo.append(child)
    return out


@pytest.fixture
def tmux() -> Tmux:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail(
                "tmux is needed for the real-terminal test (install it: apt-get install tmux)"
            )
        pytest.skip("tmux is not installed")
    return Tmux(f"srcdiff-test-{os.getpid()}")


def test_real_terminal_review(tmux: Tmux, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "seeds" / name, tmp_path / "seeds" / name)
    args = [f"seeds/{n}" for n in NAMES]
    env = f"TERM=xterm-256color PYTHONPATH={shlex.quote(str(ROOT))}"
    command = (
        f"cd {shlex.quote(str(tmp_path))} && {env} {shlex.quote(sys.executable)} "
        f"-m srcdiff {' '.join(args)}; echo SRCDIFF-EXIT=$?; sleep 60"
    )
    tmux.start(command)
    try:
        screen = tmux.wait_for(
            lambda s: "ap.txt" in s and "france24-afp.txt" in s and "similar" in s,
            "the header and summary",
        )
        # The footer is drawn in the same frame or the next one.
        tmux.wait_for(lambda s: "Help" in s and "Next" in s, "the footer with the bindings")
        tmux.keys("n")
        tmux.wait_for(lambda s: "Drift 1/" in s, "the first drift to be selected")
        tmux.keys("c")
        screen = tmux.wait_for(lambda s: "decided 1/" in s, "the verdict to be counted")
        marks = load_marks(tmp_path / review_path(args))
        assert [m.status for m in marks.values()] == ["confirmed"]
        assert "Drift 2/" in screen, "a verdict moves on to the next drift"
        tmux.keys("?")
        tmux.wait_for(lambda s: "srcdiff — keys" in s and "Next drift" in s, "the help screen")
        tmux.keys("Escape")
        tmux.wait_for(lambda s: "srcdiff — keys" not in s, "the help screen to close")
        tmux.keys("q")
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "srcdiff to quit")
        assert "SRCDIFF-EXIT=1" in screen, "exit status 1: the texts differ"
        assert "Traceback" not in screen
    finally:
        tmux.close()


def _big_pair(folder: Path) -> list[str]:
    """Two versions of a long text (well over the preview threshold) that differ in places."""
    paras = (ROOT / "seeds" / "ap.txt").read_text(encoding="utf-8").splitlines()
    paras = [p for p in paras if p.strip()]
    a = [f"{p} (Part {i}.)" for i in range(60) for p in paras]
    b = [p.replace(" the ", " a ", 1) if k % 7 == 0 else p for k, p in enumerate(a)]
    b = b[len(b) // 2 :] + b[: len(b) // 2]
    names = []
    for name, body in (("long-a.txt", a), ("long-b.txt", b)):
        (folder / name).write_text("\n\n".join(body) + "\n", encoding="utf-8")
        names.append(name)
    return names


def test_big_pair_opens_at_once_and_finishes_in_place(tmux: Tmux, tmp_path: Path) -> None:
    from srcdiff.cli import PREVIEW_MIN_BYTES

    names = _big_pair(tmp_path)
    assert sum((tmp_path / n).stat().st_size for n in names) > PREVIEW_MIN_BYTES
    env = f"TERM=xterm-256color PYTHONPATH={shlex.quote(str(ROOT))}"
    command = (
        f"cd {shlex.quote(str(tmp_path))} && {env} {shlex.quote(sys.executable)} "
        f"-m srcdiff {' '.join(names)}; echo SRCDIFF-EXIT=$?; sleep 60"
    )
    tmux.start(command)
    try:
        tmux.wait_for(
            lambda s: "long-a.txt" in s and ("finding drift" in s or "similar" in s),
            "the first screen",
        )
        tmux.wait_for(lambda s: "similar" in s and "drift" in s, "the finished report", 120)
        tmux.keys("n")
        tmux.wait_for(lambda s: "Drift 1/" in s, "the first drift to be selected")
        tmux.keys("q")
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "srcdiff to quit")
        assert "SRCDIFF-EXIT=1" in screen
        assert "Traceback" not in screen
    finally:
        tmux.close()


def test_quitting_a_big_pair_early_stops_its_worker(tmux: Tmux, tmp_path: Path) -> None:
    names = _big_pair(tmp_path)
    env = f"TERM=xterm-256color PYTHONPATH={shlex.quote(str(ROOT))}"
    command = (
        f"cd {shlex.quote(str(tmp_path))} && {env} {shlex.quote(sys.executable)} "
        f"-m srcdiff {' '.join(names)}; echo SRCDIFF-EXIT=$?; sleep 60"
    )
    tmux.start(command)
    try:
        tmux.wait_for(lambda s: "long-a.txt" in s, "the first screen")
        tmux.keys("q")
        t0 = time.monotonic()
        screen = tmux.wait_for(lambda s: "SRCDIFF-EXIT=" in s, "srcdiff to quit")
        assert time.monotonic() - t0 < 10
        assert "SRCDIFF-EXIT=1" in screen and "Traceback" not in screen
        # This test's own processes only: the pane's shell and what it started.
        tree = process_tree(tmux.pane_pid())
        assert any("sleep" in cmd for cmd in tree.values()), "the pane's shell goes on"
        left = [cmd for cmd in tree.values() if "-m srcdiff" in cmd]
        assert not left, f"no srcdiff process is left behind: {left}"
    finally:
        tmux.close()

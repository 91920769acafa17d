"""``srcdiff --read``, and reading's warnings on stderr: text, JSON lines, errors, controls."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import SEEDS

ROOT = SEEDS.parent
PAGE = b"""<!DOCTYPE html><html><head><title>Quake | Daily Wire</title>
<meta name="author" content="Jane Doe"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Quake hits coast</h1>
<p>A strong earthquake struck the northern coast on Monday morning, officials said, cutting
power to thousands of homes and closing the main coastal road for several hours.</p>
<p>More than 70 percent of homes in the region lost power, according to the utility, which
said crews were working through the night to restore the lines.</p></article>
<footer>Contact us</footer></body></html>"""
EVIL = "Title \x1b]0;pwned\x07 and \x1b[2J clear \u009b31m c1 \x7f del.\n\nSecond one.\n"
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "srcdiff", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def _files(tmp_path: Path) -> tuple[str, str]:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    evil = tmp_path / "evil\x1b[31m.txt"
    evil.write_text(EVIL, encoding="utf-8")
    return str(page), str(evil)


def test_read_text_marks_furniture_and_why(tmp_path: Path) -> None:
    page, _ = _files(tmp_path)
    out = run("--read", page)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "page.html: html, utf-8; 6 paragraphs, 3 furniture"
    assert "author: Jane Doe" in lines[1]
    assert "1 ~ [page title] Quake | Daily Wire" in lines
    assert "2 ~ [navigation] Home World" in lines
    assert "3   Quake hits coast" in lines
    assert "6 ~ [page footer] Contact us" in lines


def test_read_json_one_line_per_input_and_null_for_a_failure(tmp_path: Path) -> None:
    page, evil = _files(tmp_path)
    out = run("--read", "--json", page, str(tmp_path / "missing.txt"), evil)
    assert out.returncode == 2
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 3 and lines[1] == "null"
    first, third = json.loads(lines[0]), json.loads(lines[2])
    assert first["kind"] == "html" and first["author"] == "Jane Doe"
    assert [p["noise"] for p in first["paragraphs"]] == [True, True, False, False, False, True]
    assert first["paragraphs"][1]["noise_reason"] == "navigation"
    for p in first["paragraphs"]:
        assert set(p) >= {"text", "start", "end", "noise", "noise_reason"}
    assert third["paragraphs"][0]["text"] == EVIL.split("\n\n")[0]
    errors = out.stderr.decode().splitlines()
    assert errors == [f"srcdiff: {tmp_path / 'missing.txt'}: no such file"]


def test_read_lets_no_control_character_through(tmp_path: Path) -> None:
    _, evil = _files(tmp_path)
    for args in (("--read", evil), ("--read", "--json", evil)):
        out = run(*args)
        assert out.returncode == 0, out.stderr
        assert RAW_CONTROL.search(out.stdout.replace(b"\n", b"")) is None
    text = run("--read", evil).stdout.decode()
    assert r"Title \x1b]0;pwned\x07 and \x1b[2J clear \x9b31m c1 \x7f del." in text
    assert r"evil\x1b[31m.txt" in text


def test_read_error_lines_are_escaped(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone\x1b]0;x\x07.txt")
    out = run("--read", missing)
    assert out.returncode == 2
    assert RAW_CONTROL.search(out.stderr.replace(b"\n", b"")) is None
    assert rb"gone\x1b]0;x\x07.txt: no such file" in out.stderr


def test_read_refuses_other_faces(tmp_path: Path) -> None:
    page, _ = _files(tmp_path)
    out = run("--read", "--html", page)
    assert out.returncode == 2
    assert b"--read: goes with --json only" in out.stderr


def test_a_repaired_input_is_reported_on_stderr_and_in_json(tmp_path: Path) -> None:
    text = "\u201cWe will not,\u201d she said \u2013 caf\u00e9. ".encode() * 3
    bad = tmp_path / "bad.txt"
    bad.write_bytes(text + b"A stray latin-1 caf\xe9 here." + text)
    good = tmp_path / "good.txt"
    good.write_bytes(text + b"A stray latin-1 cafe here." + text)
    out = run(str(bad), str(good), "--json")
    assert out.returncode == 1, out.stderr
    offset = len(text) + len(b"A stray latin-1 caf")
    assert out.stderr.decode().splitlines() == [
        f"srcdiff: {bad}: warning: not valid UTF-8 at byte {offset}: "
        "a bad byte sequence replaced with U+FFFD"
    ]
    doc = json.loads(out.stdout)["documents"][0]
    assert doc["encoding"] == "utf-8"
    assert doc["warnings"] == [
        f"not valid UTF-8 at byte {offset}: a bad byte sequence replaced with U+FFFD"
    ]
    assert "\u201cWe will not,\u201d" in doc["paragraphs"][0]["text"]


def test_stat_and_html_report_show_the_decoding_and_its_repairs(tmp_path: Path) -> None:
    text = "\u201cWe will not,\u201d she said. ".encode() * 4
    bad = tmp_path / "bad.txt"
    bad.write_bytes(text + b"Caf\xe9.")
    good = tmp_path / "good.txt"
    good.write_bytes(text + b"Cafe.")
    stat = run(str(bad), str(good), "--stat").stdout.decode().splitlines()
    offset = len(text) + 3
    assert stat[0].startswith("a: bad.txt  (text, utf-8; ")
    assert stat[1] == (
        f"   a: warning: not valid UTF-8 at byte {offset}: a bad byte sequence replaced with U+FFFD"
    )
    html = run(str(bad), str(good), "--html").stdout.decode()
    assert f"not valid UTF-8 at byte {offset}" in html

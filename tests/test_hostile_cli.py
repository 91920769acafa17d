"""Hostile and careless input on the command line: bad files, bad options, -o onto an
input, a full disk, and hostile text in the text faces and messages.

Every case ends in one clear line and exit 2, or a correct result; no control byte
from an input reaches the terminal.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from .hostile_support import PAYLOADS, assert_one_line_error, hostile_text, raw_controls, run

ARTICLE = (
    "Officials said the rate was 70 per cent on Monday.\n\n"
    "The talks resumed in Geneva after a week, and both sides said progress was made.\n"
)
ARTICLE_B = (
    "Officials said the rate was 75 per cent on Tuesday.\n\n"
    "The talks resumed in Geneva after a week, and both sides said progress was made.\n"
)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


# --- bad files ---------------------------------------------------------------------


def _bad_file(tmp: Path, kind: str) -> tuple[Path, str]:
    """A bad input of ``kind`` and a word its message must hold."""
    p = tmp / f"bad-{kind}.txt"
    if kind == "missing":
        return p, "no such file"
    if kind == "directory":
        p.mkdir()
        return p, "directory"
    if kind == "empty":
        p.write_bytes(b"")
        return p, "empty"
    if kind == "blank":
        p.write_bytes(b"  \n\n\t\n")
        return p, "empty"
    if kind == "binary":
        p.write_bytes(bytes(range(256)) * 40)
        return p, "binary"
    if kind == "nul":
        p.write_bytes(b"text\x00text" * 100)
        return p, "binary"
    if kind == "bom-lies":
        p.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"ab")  # UTF-16 BOM, lone surrogate
        return p, "byte-order mark"
    if kind == "symlink-loop":
        os.symlink(p, p)
        return p, str(p.name)
    if kind == "dangling-symlink":
        os.symlink(tmp / "nowhere", p)
        return p, "no such file"
    if kind == "html-no-text":
        p = tmp / "bad.html"
        # Only a script and an empty nav: nothing a reader sees (a nav's words are kept as
        # furniture, so a nav with text is no empty page).
        p.write_text("<html><head><script>x()</script></head><body><nav> </nav></body></html>")
        return p, "empty"
    raise AssertionError(kind)


BAD_FILES = [
    "missing",
    "directory",
    "empty",
    "blank",
    "binary",
    "nul",
    "bom-lies",
    "symlink-loop",
    "dangling-symlink",
    "html-no-text",
]


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_is_one_line(tmp_path: Path, pair: tuple[Path, Path], kind: str) -> None:
    bad, word = _bad_file(tmp_path, kind)
    for face in ("--text", "--json", "--html", "--stat"):
        out = run(pair[0], bad, face)
        assert_one_line_error(out, word)
        assert out.stdout == b""


def test_oversized_inputs_are_refused(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    assert_one_line_error(run(pair[0], big, "--max-size", "1M"), "over the limit")
    assert_one_line_error(run(pair[0], "/dev/zero", "--max-size", "1M"), "/dev/zero")
    assert_one_line_error(run(pair[0], "-", "--max-size", "1K", stdin=b"x " * 2000), "stdin")


def test_stdin_twice_and_one_input(pair: tuple[Path, Path]) -> None:
    assert_one_line_error(run("-", "-"), "stdin")
    assert_one_line_error(run(pair[0]), "second input")
    assert_one_line_error(run(pair[0], pair[1], "--base", "other.txt"), "--base")


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/x.txt", "file:///etc/passwd", "gopher://127.0.0.1/", "javascript://alert(1)"],
)
def test_other_url_schemes_are_refused(pair: tuple[Path, Path], url: str) -> None:
    assert_one_line_error(run(pair[0], url), "scheme")


def test_careless_files_that_read_fine(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    """UTF-16, cp1252, CRLF and lone CR: read and compared, nothing lost."""
    cases = {
        "utf16.txt": ARTICLE_B.encode("utf-16"),
        "cp1252.txt": ARTICLE_B.replace("Tuesday", "Tuesday – “late”").encode("cp1252"),
        "crlf.txt": ARTICLE_B.replace("\n", "\r\n").encode(),
        "cr.txt": ARTICLE_B.replace("\n", "\r").encode(),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = run(pair[0], path, "--json")
        assert out.returncode == 1, (name, out.stderr)
        doc = json.loads(out.stdout)["documents"][1]
        assert "Tuesday" in " ".join(p["text"] for p in doc["paragraphs"]), name


# --- bad option values -------------------------------------------------------------


BAD_OPTIONS = [
    (["--max-size", "inf"], "--max-size"),
    (["--max-size", "-inf"], "--max-size"),
    (["--max-size", "nan"], "--max-size"),
    (["--max-size", "1e400"], "--max-size"),
    (["--max-size", "1e30"], "--max-size"),
    (["--max-size", "0"], "--max-size"),
    (["--max-size", "-5M"], "--max-size"),
    (["--max-size", "0.1"], "--max-size"),
    (["--max-size", "lots"], "--max-size"),
    (["--max-size", ""], "--max-size"),
    (["--width", "100000000"], "--width"),
    (["--width", "-1"], "--width"),
    (["--width", "1e3"], "--width"),
    (["--width", "wide"], "--width"),
    (["--color", "\x1b[2Jsometimes"], "--color"),
    (["--fail-on", "\x1b]0;x\x07"], "--fail-on"),
    (["--no-such-option"], "--no-such-option"),
]


@pytest.mark.parametrize(("args", "word"), BAD_OPTIONS)
def test_bad_option_values_are_one_line(
    pair: tuple[Path, Path], args: list[str], word: str
) -> None:
    assert_one_line_error(run(pair[0], pair[1], "--text", *args), word)


def test_width_and_size_in_range_work(pair: tuple[Path, Path]) -> None:
    wide = run(pair[0], pair[1], "--text", "--width", "1000", "--all")
    assert wide.returncode == 1
    assert max(len(line) for line in wide.stdout.decode().splitlines()) <= 1000
    narrow = run(pair[0], pair[1], "--text", "--width", "5")
    assert narrow.returncode == 1, "a narrow width is raised to the least, not refused"
    assert run(pair[0], pair[1], "--stat", "--max-size", "4G").returncode == 1


def test_a_huge_terminal_width_is_clamped(pair: tuple[Path, Path]) -> None:
    out = run(pair[0], pair[1], "--text", "--color=always", env={"COLUMNS": "100000000"})
    assert out.returncode == 1
    assert len(out.stdout) < 200_000


# --- where the output goes -----------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("face", ["--text", "--json", "--html", "--stat", "--claims"])
def test_full_disk_on_stdout(pair: tuple[Path, Path], face: str) -> None:
    with open("/dev/full", "wb") as full:
        import subprocess

        from .hostile_support import ROOT

        out = subprocess.run(
            [sys.executable, "-m", "srcdiff", str(pair[0]), str(pair[1]), face],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    err = out.stderr.decode()
    assert out.returncode == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "No space left" in err and "stdout" in err


def test_full_disk_on_output_file(pair: tuple[Path, Path]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    assert_one_line_error(run(pair[0], pair[1], "--html", "-o", "/dev/full"), "No space")


def test_output_into_missing_folder(pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert_one_line_error(
        run(pair[0], pair[1], "--html", "-o", tmp_path / "no" / "r.html"), "cannot write"
    )
    assert_one_line_error(run(pair[0], pair[1], "--html", "-o", tmp_path), "cannot write")


@pytest.mark.parametrize("face", ["--html", "--json", "--text", "--stat", "--claims"])
@pytest.mark.parametrize("how", ["same", "dot", "dotdot", "symlink", "hardlink"])
def test_output_onto_an_input_is_refused(
    pair: tuple[Path, Path], tmp_path: Path, face: str, how: str
) -> None:
    a, b = pair
    sub = tmp_path / "sub"
    sub.mkdir(exist_ok=True)
    target = {
        "same": str(a),
        "dot": "./a.txt",
        "dotdot": "../a.txt",
        "symlink": str(tmp_path / "link.txt"),
        "hardlink": str(tmp_path / "hard.txt"),
    }[how]
    if how == "symlink":
        os.symlink(b, target)
    if how == "hardlink":
        os.link(b, target)
    before = (a.read_bytes(), b.read_bytes())
    cwd = sub if how == "dotdot" else tmp_path
    out = run(a, b, face, "-o", target, cwd=cwd)
    assert_one_line_error(out, "would overwrite")
    assert (a.read_bytes(), b.read_bytes()) == before


def test_output_onto_stdin_file_is_refused(pair: tuple[Path, Path]) -> None:
    import subprocess

    from .hostile_support import ROOT

    a, b = pair
    with open(b, "rb") as fh:
        out = subprocess.run(
            [sys.executable, "-m", "srcdiff", str(a), "-", "--html", "-o", str(b)],
            stdin=fh,
            capture_output=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert_one_line_error(out, "stdin")
    assert b.read_text(encoding="utf-8") == ARTICLE_B


def test_output_elsewhere_still_works(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = run(pair[0], pair[1], "--html", "-o", tmp_path / "r.html")
    assert out.returncode == 1 and (tmp_path / "r.html").read_text().startswith("<!DOCTYPE")


# --- hostile text in the text faces -------------------------------------------------


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    name_a = "a\x1b]0;PWNED\x07\u202e.txt"
    name_b = "b\x1b[2J\x9b.txt"
    a, b = tmp_path / name_a, tmp_path / name_b
    a.write_text(hostile_text("one", "70"), encoding="utf-8")
    b.write_text(hostile_text("two", "7\u200b5"), encoding="utf-8")
    return a, b


@pytest.mark.parametrize(
    "args",
    [
        ["--text", "--color=never"],
        ["--text", "--color=always"],
        ["--text", "--color=never", "--inline"],
        ["--text", "--color=always", "--inline"],
        ["--text", "--color=always", "--all"],
        ["--text", "--color=never", "--inline", "--all"],
        ["--stat"],
        ["--claims"],
    ],
)
def test_no_control_byte_reaches_the_terminal(
    hostile_pair: tuple[Path, Path], args: list[str]
) -> None:
    out = run(*hostile_pair, *args)
    assert out.returncode == 1, out.stderr
    text = out.stdout.decode("utf-8")
    assert raw_controls(text, colour="--color=always" in args) == []
    assert out.stderr == b""
    if "--text" in args:
        for shown in ("\\x1b]0;PWNED\\x07", "\\x1b[2J", "\\x9b31m", "<U+202E>", "<U+200B>"):
            assert shown in text, f"{shown} is shown, not dropped"


def test_json_escapes_what_a_terminal_would_obey(hostile_pair: tuple[Path, Path]) -> None:
    out = run(*hostile_pair, "--json")
    text = out.stdout.decode("utf-8")
    assert raw_controls(text) == []
    data = json.loads(text)
    body = "\n".join(p["text"] for p in data["documents"][0]["paragraphs"])
    for payload in PAYLOADS.values():
        assert payload in body, "the JSON keeps the text exactly (escaped, not dropped)"


def test_error_messages_show_file_names_escaped(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    name = tmp_path / "evil\x1b]0;PWNED\x07\x1b[2J\u202e.txt"
    line = assert_one_line_error(run(pair[0], name), "no such file")
    assert "\\x1b]0;PWNED\\x07" in line and "<U+202E>" in line
    newline = tmp_path / "two\nlines.txt"
    assert_one_line_error(run(pair[0], newline), "no such file")


def test_zero_width_space_in_a_number_is_one_word(tmp_path: Path) -> None:
    """The word diff matches "7\u200b0" with "70": one replace of that word, which
    differs only in writing, not a "7" and a "0" of their own."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("70", "7\u200b0"), encoding="utf-8")
    data = json.loads(run(a, b, "--json").stdout)
    comp = data["comparisons"][0]
    ops = [op for blk in comp["blocks"] for op in blk["ops"] if op["op"] != "equal"]
    assert [(op["a"], op["b"]) for op in ops] == [("70", "7\u200b0")], ops


@pytest.mark.parametrize("face", ["--text", "--json", "--html", "--stat", "--claims"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, pair: tuple[Path, Path], face: str) -> None:
    name = os.fsdecode(b"caf\xe9 \x1b[2J.txt")
    path = tmp_path / name
    path.write_text(ARTICLE_B, encoding="utf-8")
    out = run(pair[0], path, face)
    assert out.returncode == 1, out.stderr
    shown = out.stdout.decode("utf-8")  # strict: the output is UTF-8 whatever the name
    assert raw_controls(shown) == []
    if face != "--json":
        assert "caf\\xe9" in shown
    written = run(pair[0], path, face, "-o", tmp_path / "out.txt")
    assert written.returncode == 1, written.stderr
    (tmp_path / "out.txt").read_text(encoding="utf-8")
    missing = tmp_path / os.fsdecode(b"gone\xff.txt")
    assert "gone\\xff" in assert_one_line_error(run(pair[0], missing, face), "no such file")


def test_hostile_output_is_byte_identical_across_runs(hostile_pair: tuple[Path, Path]) -> None:
    for face in (["--json"], ["--html"], ["--text", "--color=always"], ["--stat"]):
        one, two = run(*hostile_pair, *face), run(*hostile_pair, *face)
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout, face


def test_mixed_line_ends_in_one_file(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(ARTICLE_B.replace("\n\n", "\r\n\r\n", 1).encode() + b"Last.\r")
    data = json.loads(run(pair[0], mixed, "--json").stdout)
    texts = [p["text"] for p in data["documents"][1]["paragraphs"]]
    assert texts[-1] == "Last." and not any("\r" in t for t in texts)

"""The command line: faces, exit status, bad input, help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS

ROOT = SEEDS.parent
AP = str(SEEDS / "ap.txt")
F24 = str(SEEDS / "france24-afp.txt")
BUNDLE = str(SEEDS / "cnn-bundle-scrape.txt")
BACK = str(SEEDS / "cnn-backtranslated.txt")


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("NO_COLOR", None) if env is None or "NO_COLOR" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "srcdiff", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
    )


def test_json_contract_on_seeds() -> None:
    out = run(BUNDLE, BACK, "--json")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "srcdiff/1"
    docs = data["documents"]
    assert [d["label"] for d in docs] == ["cnn-bundle-scrape.txt", "cnn-backtranslated.txt"]
    for d in docs:
        for p in d["paragraphs"]:
            assert set(p) >= {"text", "start", "end", "noise"}
    comp = data["comparisons"][0]
    assert (comp["a"], comp["b"]) == (0, 1)
    seen_a = sorted(i for blk in comp["blocks"] for i in blk["a"])
    seen_b = sorted(j for blk in comp["blocks"] for j in blk["b"])
    assert seen_a == list(range(len(docs[0]["paragraphs"])))
    assert seen_b == list(range(len(docs[1]["paragraphs"])))
    statuses = {blk["status"] for blk in comp["blocks"]}
    assert statuses <= {"equal", "changed", "moved", "only_a", "only_b"}
    for blk in comp["blocks"]:
        for op in blk["ops"]:
            assert op["op"] in {"equal", "delete", "insert", "replace"}
        for d in blk["drifts"]:
            assert d["severity"] in {"high", "medium", "low"}
            assert d["kind"] == d["kinds"][0]
    sev = [d["severity"] for d in comp["drifts"]]
    rank = {"high": 0, "medium": 1, "low": 2}
    assert sev == sorted(sev, key=rank.__getitem__)


def test_same_file_exits_zero() -> None:
    out = run(AP, AP, "--text")
    assert out.returncode == 0, out.stderr
    assert b"similarity 100%" in out.stdout


def test_deterministic_json() -> None:
    assert run(F24, AP, "--json").stdout == run(F24, AP, "--json").stdout


def test_text_without_terminal_is_default_and_uncoloured() -> None:
    out = run(BUNDLE, BACK)
    assert out.returncode == 1
    text = out.stdout.decode()
    assert "\x1b[" not in text
    assert "[-downgraded-]" in text and "{+declassified+}" in text
    assert "│" in text


def test_color_always_and_no_color() -> None:
    assert b"\x1b[" in run(BUNDLE, BACK, "--text", "--color=always").stdout
    out = run(BUNDLE, BACK, "--text", env={"NO_COLOR": "1"})
    assert b"\x1b[" not in out.stdout


def test_inline_and_width() -> None:
    out = run(BUNDLE, BACK, "--text", "--inline", "--width", "60").stdout.decode()
    assert "│" not in out
    assert "[-downgraded-]{+declassified+}" in out
    side = run(BUNDLE, BACK, "--text", "--width", "80").stdout.decode()
    body = [ln for ln in side.splitlines() if "│" in ln]
    assert body and max(len(ln) for ln in body) <= 80 + 8 * 4


def test_stat() -> None:
    out = run(BUNDLE, BACK, "--stat").stdout.decode()
    assert "paired 17" in out
    assert "noise" in out and "similarity" in out
    assert len(out.splitlines()) <= 24


def test_stdin_dash() -> None:
    out = run("-", AP, "--json", stdin=Path(AP).read_bytes())
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["documents"][0]["label"] == "stdin"


def test_help_explains_every_option() -> None:
    out = run("--help").stdout.decode()
    for opt in [
        "--text",
        "--html",
        "--json",
        "--stat",
        "--claims",
        "--inline",
        "--color",
        "--width",
        "--base",
        "--fail-on",
        "--max-size",
        "-o",
    ]:
        assert opt in out
    assert "examples:" in out and "exit status" in out


def _bad_inputs(tmp: Path) -> list[tuple[str, list[str], str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp / "blank.txt"
    blank.write_bytes(b" \n\n\t\n")
    binary = tmp / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    big = tmp / "big.txt"
    big.write_bytes(b"word " * 5000)
    return [
        ("missing", [str(tmp / "nope.txt"), AP], "nope.txt"),
        ("directory", [str(tmp), AP], str(tmp)),
        ("empty", [str(empty), AP], "empty.txt"),
        ("whitespace only", [str(blank), AP], "blank.txt"),
        ("binary", [str(binary), AP], "image.png"),
        ("too large", [str(big), AP, "--max-size", "1K"], "big.txt"),
        ("one input", [AP], "ap.txt"),
        ("bad base", [AP, F24, "--base", "other.txt"], "other.txt"),
    ]


@pytest.mark.parametrize("case", range(8))
def test_bad_input_one_line_exit_2(tmp_path: Path, case: int) -> None:
    name, args, must_name = _bad_inputs(tmp_path)[case]
    out = run(*args, "--json")
    err = out.stderr.decode()
    assert out.returncode == 2, (name, err)
    assert out.stdout == b""
    assert len(err.strip().splitlines()) == 1, (name, err)
    assert "Traceback" not in err
    assert must_name in err, (name, err)


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    out = run(F24, AP, "--json", "-o", str(target))
    assert out.stdout == b""
    assert json.loads(target.read_text())["schema"] == "srcdiff/1"


def test_fail_on_gates_exit_status() -> None:
    # The back translation changes meaning (high drifts), so --fail-on high exits 1.
    assert run(BUNDLE, BACK, "--json", "--fail-on", "high").returncode == 1
    # Identical texts have no drift at all.
    assert run(AP, AP, "--json", "--fail-on", "low").returncode == 0

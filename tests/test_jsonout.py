"""The JSON writer (orjson) gives the bytes Python's json module gives."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from srcdiff.pipeline import compare, compare_paths, document_from_text
from srcdiff.render.jsonout import render_json, report_dict
from srcdiff.sanitize import _JSON_UNSAFE, _json_escape, json_safe

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _with_json_module(report: object) -> str:
    data = report_dict(report)  # type: ignore[arg-type]
    return json_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + "\n"


def test_seed_report_bytes_match_json_module() -> None:
    report = compare_paths([str(SEEDS / "ap.txt"), str(SEEDS / "france24-afp.txt")])
    assert render_json(report) == _with_json_module(report)


def test_controls_and_format_characters_match_json_module() -> None:
    a = document_from_text(
        "Tab\there, NUL \x00, DEL \x7f, RLO \u202e, \u2028 end. 1,000 people.", "a"
    )
    b = document_from_text(
        "Tab\there, NUL \x00, DEL \x7f, RLI \u2067, \u2029 end. 1,200 people.", "b"
    )
    report = compare([a, b])
    text = render_json(report)
    assert text == _with_json_module(report)
    assert "\x7f" not in text and "\u202e" not in text


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x7f\x85\u200b\u202e")))
def test_json_safe_escapes_what_its_pattern_matches(text: str) -> None:
    want = _JSON_UNSAFE.sub(lambda m: _json_escape(m.group()), text)
    assert json_safe(text) == want

"""The pure core never imports a UI library."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "model",
    "normalize",
    "segment",
    "noise",
    "align",
    "align.plan",
    "worddiff",
    "drift",
    "numbers",
    "claims",
    "pipeline",
    "read",
    "webpage",
    "errors",
    "review",
    "render.jsonout",
    "render.text",
    "render.readout",
    "render.decisions",
]


def test_core_imports_no_ui_module() -> None:
    code = (
        "import sys\n"
        + "".join(f"import srcdiff.{m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in UI modules: {out.stdout.strip()}"

"""How big the HTML report of a pair is and how fast it opens in headless chromium.

    python bench/corpus.py bench/out
    python scripts/report_timing.py bench/out/edited/a.txt bench/out/edited/b.txt

Prints the compare and render times, the report's size, and the browser's
first paint, DOMContentLoaded and load times (Navigation and Paint Timing),
the element count, and how long a jump to the end and a ``j`` take.
``--no-claims`` leaves the claims table out, to time the rest alone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screenshot import CHROMIUM_ARGS  # noqa: E402

from srcdiff.pipeline import compare_paths  # noqa: E402
from srcdiff.render import htmlclaims  # noqa: E402
from srcdiff.render.html import render_html  # noqa: E402

TIMING = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const paint = {};
  for (const e of performance.getEntriesByType('paint')) paint[e.name] = Math.round(e.startTime);
  return {first_paint_ms: paint['first-paint'], first_contentful_paint_ms:
          paint['first-contentful-paint'], dom_content_loaded_ms:
          Math.round(n.domContentLoadedEventEnd), load_ms: Math.round(n.loadEventEnd),
          elements: document.getElementsByTagName('*').length};
}"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--no-claims", action="store_true")
    p.add_argument("--runs", type=int, default=2)
    args = p.parse_args()
    if args.no_claims:
        htmlclaims._claim_rows = lambda report: ()

    t0 = time.perf_counter()
    report = compare_paths([args.a, args.b])
    t1 = time.perf_counter()
    html = render_html(report)
    t2 = time.perf_counter()
    out = {
        "compare_s": round(t1 - t0, 2),
        "render_s": round(t2 - t1, 2),
        "report_bytes": len(html.encode("utf-8")),
        "drifts": sum(len(c.drifts) for c in report.comparisons),
        "blocks": sum(len(c.blocks) for c in report.comparisons),
    }
    print(json.dumps(out))

    from playwright.sync_api import sync_playwright

    exe = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "report.html"
        path.write_text(html, encoding="utf-8")
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.as_uri(), wait_until="load", timeout=300_000)
            frame = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            page.evaluate(frame)  # small pages paint after the load event
            figures = page.evaluate(TIMING)
            s = time.perf_counter()
            page.keyboard.press("End")
            page.evaluate(frame)
            figures["end_key_ms"] = round((time.perf_counter() - s) * 1000)
            s = time.perf_counter()
            page.keyboard.press("j")
            page.evaluate(frame)
            figures["j_ms"] = round((time.perf_counter() - s) * 1000)
            print(json.dumps(figures))
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

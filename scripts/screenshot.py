"""Screenshot of the HTML report on two seeds, for the README.

    python scripts/screenshot.py                      # docs/report.png
    python scripts/screenshot.py A B -o out.png --width 1400 --height 1000 [--full]

Renders ``srcdiff A B --html`` into a temporary file and photographs the
top of the page in Debian's headless chromium (``/usr/bin/chromium``, or
``$CHROMIUM``) through Playwright.  The document dates are pinned so the
picture does not change with the files' timestamps.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from srcdiff.pipeline import compare_paths  # noqa: E402
from srcdiff.render.html import render_html  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "files", nargs="*", default=["seeds/cnn-bundle-scrape.txt", "seeds/cnn-backtranslated.txt"]
    )
    p.add_argument("-o", "--output", default="docs/report.png")
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=1300)
    p.add_argument("--full", action="store_true", help="the whole page, not only its top")
    p.add_argument("--dark", action="store_true", help="prefers-color-scheme: dark")
    args = p.parse_args()

    os.chdir(ROOT)
    report = compare_paths(args.files)
    docs = tuple(dataclasses.replace(d, modified=None) for d in report.documents)
    html = render_html(dataclasses.replace(report, documents=docs))

    from playwright.sync_api import sync_playwright

    exe = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
            page = browser.new_page(
                viewport={"width": args.width, "height": args.height},
                color_scheme="dark" if args.dark else "light",
            )
            page.goto(page_file.as_uri())
            out = Path(args.output)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=args.full)
            browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""An accessibility audit of the HTML report: axe-core, run by Playwright in Chromium.

axe-core comes from npm at the version pinned in ``tests/axe/package-lock.json``
(``scripts/test.sh`` runs ``npm ci --prefix tests/axe``).  Without it the audit skips,
except in CI, where it fails.  The page's Content-Security-Policy admits only its own
script, so the audit's context bypasses it to inject axe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from srcdiff.model import Report
from srcdiff.render.html import render_html

from .html_support import seed_report
from .test_html_browser import Watch, _missing, browser  # noqa: F401  (the fixture)
from .test_html_review import BUNDLE, _marks

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

AUDIT = """async () => {
  const r = await axe.run(document, { resultTypes: ['violations'] });
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ' (' + v.impact + '): ' +
         v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        _missing("axe-core is not installed (npm ci --prefix tests/axe)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundle with review marks (cards, decisions), and a pair of three sources."""
    tmp = tmp_path_factory.mktemp("a11y")
    report: Report = seed_report(*BUNDLE)
    one = tmp / "bundle.html"
    one.write_text(render_html(report, _marks(report)), encoding="utf-8")
    many = tmp / "three.html"
    many.write_text(
        render_html(seed_report("france24-afp.txt", "ap.txt", "cnn-backtranslated.txt")),
        encoding="utf-8",
    )
    return [one, many]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1400, 390])
def test_no_serious_violations(
    browser: Any,  # noqa: F811
    axe_source: str,
    pages: list[Path],
    width: int,
    scheme: str,
) -> None:
    w = Watch(browser, color_scheme=scheme, bypass_csp=True)
    try:
        w.page.set_viewport_size({"width": width, "height": 900})
        for path in pages:
            page = w.open(path)
            # every fold open and a drift current: all the page's states are audited
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.keyboard.press("j")
            page.add_script_tag(content=axe_source)
            assert page.evaluate(AUDIT) == [], f"{path.name} at {width} px, {scheme}"
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert w.errors == []
    finally:
        w.close()

"""Hostile text in the HTML report, in Chromium: no script runs, no dialog opens, no
request leaves the page, and bidi and invisible characters are shown, not obeyed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from srcdiff.pipeline import compare, document_from_text
from srcdiff.render.html import render_html
from srcdiff.review import Mark

from .hostile_support import PAYLOADS, hostile_text, raw_controls
from .test_html import HOSTILE, HOSTILE_B
from .test_html_browser import Watch, browser  # noqa: F401  (the browser fixture)

SCRIPTS = [
    "<script>alert('s')</script>",
    "<img src=x onerror=alert('i')>",
    "<svg><script>alert('v')</script></svg>",
    "<iframe srcdoc=\"<script>parent.alert('f')</script>\"></iframe>",
    "<a href=\"javascript:alert('a')\">x</a>",
    "<body onload=alert('b')>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('m')>",
    "\"><script>alert('q')</script>",
    "' onmouseover='alert(1)' x='",
    '<meta http-equiv=refresh content="0;url=https://evil.example/">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<base href=https://evil.example/>",
    "<!--<script>alert('c')</script>-->",
    "</p></div></section><script>alert('e')</script>",
    "<object data=https://evil.example/x></object>",
    "<video><source onerror=alert('o')></video>",
]


def hostile_report() -> Any:
    a_text = (
        hostile_text("one", "70")
        + "\n\n"
        + "\n\n".join(
            [f"Paragraph {n} said {s} and went on." for n, s in enumerate(SCRIPTS)] + HOSTILE
        )
    )
    b_text = (
        hostile_text("two", "\u202e07")
        + "\n\n"
        + "\n\n".join(
            [f"Paragraph {n} noted {s} and went on." for n, s in enumerate(SCRIPTS)] + HOSTILE_B
        )
    )
    docs = [
        document_from_text(a_text, "a\x1b]0;PWNED\x07<script>alert('l')</script>.txt"),
        document_from_text(b_text, "b\u202e<img src=x onerror=alert('l')>.txt"),
    ]
    return compare(docs)


def test_html_in_chromium_runs_no_input_script(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    report = hostile_report()
    ids = [d.id for d in report.comparisons[0].drifts]
    marks = {ids[0]: Mark("noted", "<script>alert('n')</script>\u202e\x1b[2J")} if ids else {}
    marks["gone"] = Mark("escalated\u202e", "<img src=x onerror=alert('g')>")
    path = tmp_path / "hostile.html"
    path.write_text(render_html(report, marks=marks), encoding="utf-8")
    w = Watch(browser)
    requests: list[str] = []
    w.page.on("request", lambda r: requests.append(r.url))
    try:
        page = w.open(path)
        page.mouse.move(300, 300)
        page.keyboard.press("j")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_timeout(200)
        assert w.dialogs == [], w.dialogs
        assert w.errors == [], w.errors
        assert [u for u in requests if not u.startswith("file://")] == []
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("script").count() == 1, "only the report's own script"
        assert page.locator("iframe, object, embed, img, base, svg").count() == 0
        text = page.evaluate("document.body.innerText")
        assert raw_controls(text) == [], "no control or format character reaches the page"
        assert "<U+202E>07" in text, "the override is shown, not obeyed"
        assert "\\x1b]0;PWNED\\x07" in text
        assert page.locator(".cc").count() > len(PAYLOADS)
        assert "<script>alert('s')</script>" in text, "the payloads read as text"
    finally:
        w.close()


def test_long_unchanged_text_is_folded_and_opens(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """A huge paragraph and a long unchanged stretch cost no layout until opened, and
    every word is in the page."""
    words = " ".join(f"word{n}" for n in range(4000))
    same = [f"Passage {n} stays exactly as it was in both versions." for n in range(30)]
    a = "\n\n".join([f"Start 70 {words} end.", *same, "The closing line."])
    b = "\n\n".join([f"Start 75 {words} end.", *same, "The closing line, changed."])
    report = compare([document_from_text(a, "a.txt"), document_from_text(b, "b.txt")])
    path = tmp_path / "long.html"
    path.write_text(render_html(report), encoding="utf-8")
    w = Watch(browser)
    try:
        page = w.open(path)
        assert page.locator("details.same").count() == 1
        assert not page.locator("details.same").first.evaluate("d => d.open")
        assert page.locator("details.same .row").count() == 30
        middle = page.locator(".elided").first
        assert not middle.is_visible()
        assert "word2000" in page.content(), "the folded text is in the page"
        page.locator(".elide-n").first.click()
        assert middle.is_visible()
        assert "word2000" in page.evaluate("document.body.innerText")
        row = page.locator("details.same .row").nth(5).get_attribute("id")
        page.goto(path.as_uri() + f"#{row}")
        page.wait_for_timeout(100)
        assert page.locator("details.same").first.evaluate("d => d.open"), "a link opens it"
        assert w.errors == [] and w.dialogs == []
    finally:
        w.close()

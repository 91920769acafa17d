"""The HTML report in a real headless browser: Debian's chromium driven by Playwright.

The browser is ``/usr/bin/chromium`` (or ``$CHROMIUM``); Playwright's own browser download
is never used.  Without a browser these tests skip, except in CI (``CI`` set), where they
fail: ``scripts/test.sh`` installs chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from srcdiff.model import Report, Severity
from srcdiff.pipeline import compare, document_from_text
from srcdiff.render.html import render_html

from .html_support import SEEDS, toy_classify, toy_report
from .test_html import HOSTILE, HOSTILE_B

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


def _chromium() -> str | None:
    exe = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return exe if os.path.exists(exe) else shutil.which("chromium")


def _missing(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{why} (required in CI)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    exe = _chromium()
    if exe is None:
        _missing("chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """A page with its console errors, uncaught errors and dialogs recorded."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, **context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        self.context.close()


def _write(tmp: Path, report: Report, name: str = "report.html") -> Path:
    path = tmp / name
    path.write_text(render_html(report), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    report = toy_report(SEEDS / "cnn-bundle-scrape.txt", SEEDS / "cnn-backtranslated.txt")
    return report, _write(tmp_path_factory.mktemp("seeded"), report)


@pytest.fixture
def watch(browser: Any) -> Iterator[Watch]:
    w = Watch(browser)
    yield w
    w.close()


def test_structure_and_links(watch: Watch, seeded: tuple[Report, Path], tmp_path: Path) -> None:
    report, path = seeded
    page = watch.open(path)
    comp = report.comparisons[0]
    assert page.locator(".row").count() == len(comp.blocks)
    assert page.locator(".drift-index .entry").count() == len(comp.drifts)
    broken = page.evaluate(
        """() => Array.from(document.querySelectorAll('a[href^="#"]'))
              .map(a => a.getAttribute('href').slice(1))
              .filter(id => !document.getElementById(id))"""
    )
    assert broken == []
    assert page.locator(".filters").first.is_visible()
    page.screenshot(path=str(tmp_path / "report.png"))
    page.screenshot(path=str(tmp_path / "report-full.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    # clicking an index entry lands on the drift's words
    first = page.locator(".drift-index .entry a").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(str(target)).is_visible()
    assert watch.errors == [] and watch.dialogs == []


def test_j_and_k_walk_the_drifts(watch: Watch, seeded: tuple[Report, Path]) -> None:
    _, path = seeded
    page = watch.open(path)
    order = page.evaluate(
        """Array.from(document.querySelectorAll('.drift-index .entry:not([hidden]) > a'))
             .map(a => a.getAttribute('href').slice(1))"""
    )
    assert len(order) >= 3
    hidden = page.evaluate("document.querySelectorAll('.drift[id].off').length")
    assert hidden, "low findings start filtered out: j and k walk what is to review"
    focused = "() => document.activeElement && document.activeElement.id"
    page.keyboard.press("j")
    assert page.evaluate(focused) == order[0]
    page.keyboard.press("j")
    assert page.evaluate(focused) == order[1]
    assert page.locator(f"#{order[1]}").evaluate("e => e.classList.contains('current')")
    assert page.locator(f"#{order[1]}").is_visible()
    top = page.evaluate(f"document.getElementById('{order[1]}').getBoundingClientRect().top")
    assert 0 <= top <= 900
    page.keyboard.press("k")
    assert page.evaluate(focused) == order[0]
    assert watch.errors == []


def test_filters_hide_entries_and_rows(watch: Watch, seeded: tuple[Report, Path]) -> None:
    report, path = seeded
    page = watch.open(path)
    drifts = report.comparisons[0].drifts
    high = sum(1 for d in drifts if d.severity is Severity.HIGH)
    assert 0 < high < len(drifts)
    visible = ".drift-index .entry:not([hidden])"
    low = sum(1 for d in drifts if d.severity is Severity.LOW)
    assert page.locator(visible).count() == len(drifts) - low, "low findings start unticked"
    page.locator("input[data-sev=low]").check()
    assert page.locator(visible).count() == len(drifts)
    page.locator("input[data-sev=high]").uncheck()
    assert page.locator(visible).count() == len(drifts) - high
    assert page.locator(".note.sev-high:not([hidden])").count() == 0
    rows = page.locator(".row:not([hidden])").count()
    page.locator("input[data-only-drift]").check()
    only = page.locator(".row:not([hidden])").count()
    with_drift = sum(
        1
        for b in report.comparisons[0].blocks
        if any(d.severity is not Severity.HIGH for d in b.drifts)
    )
    assert only == with_drift < rows
    # j skips drifts that the filters hide
    page.keyboard.press("j")
    sev = page.evaluate(
        "document.getElementById('n-' + document.activeElement.dataset.d).dataset.sev"
    )
    assert sev in ("medium", "low")
    page.locator("input[data-sev=high]").check()
    page.locator("input[data-only-drift]").uncheck()
    assert page.locator(visible).count() == len(drifts)
    assert page.locator(".row:not([hidden])").count() == rows
    assert watch.errors == []


def test_reads_without_javascript(browser: Any, seeded: tuple[Report, Path]) -> None:
    report, path = seeded
    w = Watch(browser, java_script_enabled=False)
    try:
        page = w.open(path)
        assert not page.locator(".filters").first.is_visible()
        assert page.locator(".drift-index .entry:visible").count() == len(
            report.comparisons[0].drifts
        )
        assert page.locator(".row").count() == len(report.comparisons[0].blocks)
    finally:
        w.close()


def test_permalink_opens_folded_noise(watch: Watch, seeded: tuple[Report, Path]) -> None:
    report, path = seeded
    comp = report.comparisons[0]
    k = next(i for i, b in enumerate(comp.blocks) if b.noise)
    rid = f"p-1-b{comp.blocks[k].b[0] + 1}" if not comp.blocks[k].a else None
    rid = rid or f"p-1-a{comp.blocks[k].a[0] + 1}"
    page = watch.open(path, f"#{rid}")
    assert page.locator(f"#{rid}").is_visible()
    assert watch.errors == []


def test_hostile_input_runs_nothing(watch: Watch, tmp_path: Path) -> None:
    a = tmp_path / '"><img src=x onerror=alert(9)>.txt'
    b = tmp_path / "b.txt"
    a.write_text("\n\n".join(HOSTILE) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(HOSTILE_B) + "\n", encoding="utf-8")
    report = toy_report(a, b)
    path = _write(tmp_path, report)
    page = watch.open(path)
    page.keyboard.press("j")
    page.mouse.move(300, 300)
    for link in page.locator("a:visible:not(.skip)").all()[:40]:  # .skip: for the keyboard
        link.hover(timeout=5000)
    page.wait_for_timeout(300)
    assert watch.dialogs == []
    assert watch.errors == []
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("img, iframe, svg, textarea").count() == 0
    assert page.locator("body").is_visible()


def _word(i: int) -> str:
    out = ""
    while True:
        out += "bcdfghjklmnprstvz"[i % 17] + "aeiou"[i // 17 % 5]
        i //= 85
        if not i:
            return out.capitalize()


def test_big_report_opens(watch: Watch, tmp_path: Path) -> None:
    """Six hundred paragraphs open and scroll; the 1.5 MB figures are in the README."""
    paras = [
        f"In {_word(i)} the ministry said output rose in the quarter, according to figures "
        f"seen by reporters from {_word(i * 7 + 3)} and {_word(i * 13 + 5)}."
        for i in range(600)
    ]
    edited = [p.replace("rose", "fell") if i % 7 == 0 else p for i, p in enumerate(paras)]
    report = compare(
        [
            document_from_text("\n\n".join(paras), "a.txt"),
            document_from_text("\n\n".join(edited), "b.txt"),
        ],
        classifier=toy_classify,
    )
    page = watch.open(_write(tmp_path, report))
    assert page.locator(".row").count() == 600
    page.mouse.wheel(0, 40_000)
    page.keyboard.press("End")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 10_000
    assert watch.errors == []

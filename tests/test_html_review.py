"""The HTML report as a reviewer uses it, in headless Chromium: the meaning changes, one
walk over the drifts, filters in the URL, folds, print modes, focus, narrow screens and
the decisions download.  The seeds are compared by the real pipeline."""

from __future__ import annotations

import csv
import io
import re
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest

from srcdiff.model import Report, Severity, Status
from srcdiff.render import html as html_module
from srcdiff.render.html import render_html
from srcdiff.render.htmlbody import FOLD_MIN
from srcdiff.render.htmlreview import DECISION_COLUMNS
from srcdiff.review import Mark

from .html_support import seed_report
from .test_html_browser import Watch, browser  # noqa: F401  (the fixture)

BUNDLE = ("cnn-bundle-scrape.txt", "cnn-backtranslated.txt")
CURRENT = """() => { const c = document.querySelector('.entry.current > a');
                     return c && c.getAttribute('href').slice(1); }"""


def _marks(report: Report) -> dict[str, Mark]:
    ds = report.comparisons[0].drifts
    return {
        ds[0].id: Mark("confirmed", 'checked, the "quote" is gone'),
        ds[1].id: Mark("dismissed"),
        ds[7].id: Mark("noted", "=ask the desk, then decide"),
    }


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    report = seed_report(*BUNDLE)
    path = tmp_path_factory.mktemp("bundle") / "report.html"
    path.write_text(render_html(report, _marks(report)), encoding="utf-8")
    return report, path


@pytest.fixture
def watch(browser: Any) -> Any:  # noqa: F811
    w = Watch(browser)
    yield w
    w.close()


def _entries(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """Array.from(document.querySelectorAll('.drift-index .entry:not([hidden]) > a'))
                 .map(a => a.getAttribute('href').slice(1))"""
        )
    )


def test_meaning_changes_open_the_report(watch: Watch, bundle: tuple[Report, Path]) -> None:
    report, path = bundle
    page = watch.open(path)
    first = page.evaluate("document.querySelector('main > section').id || ''")
    assert page.evaluate("document.querySelector('main > section h2').id") == "meaning", first
    found = [d for d in report.comparisons[0].drifts if d.severity is not Severity.LOW]
    assert 0 < len(found) < len(report.comparisons[0].drifts)
    cards = page.locator(".meaning .card")
    assert cards.count() == len(found)
    assert page.evaluate("document.querySelector('.meaning').getBoundingClientRect().top") < 400
    for k in (0, len(found) - 1):
        card, d = cards.nth(k), found[k]
        assert card.get_attribute("data-sev") == d.severity.value
        sides = card.locator(".card-side")
        assert sides.nth(0).inner_text().startswith("A")
        assert " ".join(d.a.split())[:40] in " ".join(sides.nth(0).inner_text().split())
        assert " ".join(d.b.split())[:40] in " ".join(sides.nth(1).inner_text().split())
    # the card's link goes to its passage and makes it the current drift
    card = cards.nth(3)
    href = str(card.locator("a.card-go").get_attribute("href"))
    card.locator("a.card-go").click()
    assert page.evaluate(CURRENT) == href[1:]
    assert page.evaluate("location.hash") == href
    assert card.evaluate("e => e.classList.contains('current')")
    target = page.locator(href)
    assert target.is_visible() and target.evaluate("e => e.closest('.row') !== null")
    assert 0 <= target.evaluate("e => e.getBoundingClientRect().top") <= 900
    assert watch.errors == []


def test_one_walk_kept_in_step_with_clicks(watch: Watch, bundle: tuple[Report, Path]) -> None:
    _, path = bundle
    page = watch.open(path)
    order = _entries(page)
    assert len(order) > 8
    assert "j for the first" in page.locator(".navbox .navtext").inner_text()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == order[0]
    # a click on the index moves the walk; j goes on from there, in the index's order
    page.locator(f'.drift-index .entry > a[href="#{order[5]}"]').click()
    assert page.evaluate(CURRENT) == order[5]
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == order[6]
    assert page.evaluate(CURRENT) == order[6]
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert page.evaluate(CURRENT) == order[4]
    # the current drift is visible: outlined in the text and in the index, and said
    target = page.locator(f"#{order[4]}")
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    entry = page.locator(".drift-index .entry.current")
    assert entry.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert entry.get_attribute("aria-current") == "true"
    assert entry.evaluate(
        """e => { const b = e.parentElement.getBoundingClientRect(), r = e.getBoundingClientRect();
                 return r.top >= b.top - 1 && r.bottom <= b.bottom + 1; }"""
    ), "the current entry is scrolled into the index box"
    assert page.locator(".navbox .navtext").inner_text().startswith(f"Drift 5 of {len(order)}")
    # a click on a drift box in the text moves the walk too
    box = page.locator(f"#{order[8]}")
    box.click()
    assert page.evaluate(CURRENT) == order[8]
    page.locator(".navbox button[data-step='1']").click()
    assert page.evaluate(CURRENT) == order[9]
    # the link's target is highlighted without the script too (:target)
    page.goto(path.as_uri() + f"#{order[2]}")
    assert page.evaluate(CURRENT) == order[2]
    assert watch.errors == []


def test_filters_live_in_the_url(browser: Any, bundle: tuple[Report, Path]) -> None:  # noqa: F811
    _, path = bundle
    w = Watch(browser)
    try:
        page = w.open(path)
        page.locator("input[data-sev=low]").check()
        page.locator("input[data-sev=high]").uncheck()
        page.locator("input[data-only-drift]").check()
        shown = len(_entries(page))
        rows = page.locator(".row:not([hidden])").count()
        url = page.evaluate("location.href")
        assert "sev1=medium.low" in url and "only1=1" in url
        page.reload()
        page.wait_for_load_state("load")
        assert page.locator("input[data-sev=high]").is_checked() is False
        assert page.locator("input[data-sev=low]").is_checked()
        assert len(_entries(page)) == shown
        assert page.locator(".row:not([hidden])").count() == rows
        # the same link in another window shows the same view
        other = Watch(browser)
        try:
            p2 = other.page
            p2.goto(url)
            p2.wait_for_load_state("load")
            assert len(_entries(p2)) == shown
            assert p2.locator("input[data-only-drift]").is_checked()
        finally:
            other.close()
        # back to the defaults: the parameters go
        page.locator("input[data-sev=low]").uncheck()
        page.locator("input[data-sev=high]").check()
        page.locator("input[data-only-drift]").uncheck()
        assert "?" not in page.evaluate("location.href")
        assert w.errors == []
    finally:
        w.close()


def test_runs_fold_without_javascript(browser: Any, bundle: tuple[Report, Path]) -> None:  # noqa: F811
    report, path = bundle
    blocks = report.comparisons[0].blocks
    plain = [
        b.status in (Status.ONLY_A, Status.ONLY_B) and not b.noise and not b.drifts for b in blocks
    ]
    runs = [len(list(g)) for is_plain, g in groupby(plain) if is_plain]
    folded = sum(n for n in runs if n >= FOLD_MIN["one-sided"])
    assert folded > 20, "the bundle's other articles"
    assert any(n < FOLD_MIN["one-sided"] for n in runs), "a lone one-sided passage stays open"
    w = Watch(browser, java_script_enabled=False)
    try:
        page = w.open(path)
        fold = page.locator("details.one-sided")
        assert fold.count() >= 1
        assert page.locator("details.one-sided .row").count() == folded
        assert page.locator("details.one-sided[open], details.noise[open]").count() == 0
        assert not page.locator("details.one-sided .row").first.is_visible()
        summary = fold.first.locator("summary")
        assert "Only one side" in summary.inner_text()
        summary.click()
        assert page.locator("details.one-sided .row").first.is_visible()
        assert page.locator(".row").count() == len(blocks)
        assert page.locator(".meaning .card").count() > 0
    finally:
        w.close()


def _pdf_pages(page: Any) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", landscape=True)))


def test_print_modes(watch: Watch, bundle: tuple[Report, Path]) -> None:
    report, path = bundle
    page = watch.open(path)
    visible = "document.querySelectorAll('.rows .row').length"
    shown = """Array.from(document.querySelectorAll('.rows > .row, .rows > details'))
                 .filter(e => e.getClientRects().length).length"""
    assert page.evaluate(visible) == len(report.comparisons[0].blocks)
    counts, pages = {}, {}
    for mode in ("all", "drifts", "high"):
        page.emulate_media(media="screen")
        page.locator(f".print-mode input[value={mode}]").check()
        page.emulate_media(media="print")
        counts[mode] = page.evaluate(shown)
        pages[mode] = _pdf_pages(page)
    with_drift = sum(1 for b in report.comparisons[0].blocks if b.drifts)
    with_high = sum(
        1
        for b in report.comparisons[0].blocks
        if any(d.severity is Severity.HIGH for d in b.drifts)
    )
    assert counts["drifts"] == with_drift < counts["all"]
    assert counts["high"] == with_high < counts["drifts"]
    # the folds already keep the other articles out, so "drifts" saves little on this pair
    assert pages["high"] < pages["drifts"] <= pages["all"], pages
    assert "print=high" in page.evaluate("location.href")
    hidden_cards = page.evaluate(
        "Array.from(document.querySelectorAll('.card')).filter(c => !c.getClientRects().length)"
        ".every(c => c.dataset.sev !== 'high')"
    )
    assert hidden_cards
    assert watch.errors == []


SKIPPED = """Array.from(document.querySelectorAll('*'))
               .filter(e => getComputedStyle(e).contentVisibility !== 'visible').length"""


def test_nothing_is_left_unpainted(
    watch: Watch, bundle: tuple[Report, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No content-visibility below LAZY_ROWS_MIN passages: a full-page screenshot lays out
    every row; a print lays out every row at any length."""
    report, path = bundle
    page = watch.open(path)
    assert page.evaluate(SKIPPED) == 0
    page.screenshot(path=str(tmp_path / "full.png"), full_page=True)
    page.emulate_media(media="print")
    assert page.evaluate(SKIPPED) == 0
    monkeypatch.setattr(html_module, "LAZY_ROWS_MIN", 10)
    long = tmp_path / "long.html"
    long.write_text(render_html(report), encoding="utf-8")
    page = watch.open(long)
    page.emulate_media(media="screen")
    assert page.evaluate(SKIPPED) == page.locator(".rows.lazy .row").count() > 0
    page.emulate_media(media="print")
    assert page.evaluate(SKIPPED) == 0


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_focus_labels_skip_link_and_contrast(watch: Watch, bundle: tuple[Report, Path]) -> None:
    _, path = bundle
    page = watch.open(path)
    # drift boxes take the focus and show their explanation then
    box = page.locator(".drift[id]:not(.off)").first
    assert box.get_attribute("tabindex") == "0"
    note = page.locator("#" + str(box.get_attribute("aria-describedby")))
    assert note.count() == 1
    box.focus()
    after = box.evaluate("e => getComputedStyle(e, '::after').content")
    why = str(box.get_attribute("data-why"))
    assert len(why) > 10 and why in after
    assert why.split(": ", 1)[1][:30] in note.inner_text()
    # A and B cells say their side to a screen reader (a hidden label, not aria-hidden)
    cells = page.locator(".row.st-changed .cell")
    assert cells.nth(0).locator(".who").inner_text().startswith("A · ")
    assert cells.nth(1).locator(".who").inner_text().startswith("B · ")
    assert cells.nth(0).locator(".who").evaluate("e => e.getBoundingClientRect().height") <= 1
    # the skip link is the first stop of the keyboard and lands past filters and index
    page = watch.open(path)  # afresh: the focus above put the drift in the URL
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert skip == "skip"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 50
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('section.body') !== null")
    # a dismissed drift's text reads at 4.5:1 or better
    for sel in (".entry.mk-dismissed .expl", ".entry.mk-dismissed > a"):
        fg, bg, opacity = page.locator(sel).first.evaluate(
            """e => { let b = e, bg = 'rgba(0, 0, 0, 0)', op = 1;
                 for (let p = e; p; p = p.parentElement) op *= +getComputedStyle(p).opacity;
                 while (b && (bg = getComputedStyle(b).backgroundColor) === 'rgba(0, 0, 0, 0)')
                   b = b.parentElement;
                 return [getComputedStyle(e).color, bg, op]; }"""
        )
        assert opacity == 1
        hi, lo = sorted((_luminance(_rgb(fg)), _luminance(_rgb(bg))), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (sel, fg, bg)


def test_narrow_screen(browser: Any, bundle: tuple[Report, Path]) -> None:  # noqa: F811
    _, path = bundle
    w = Watch(browser)
    try:
        page = w.page
        page.set_viewport_size({"width": 390, "height": 844})
        w.open(path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        path_cell = page.locator(".sources-table td.path").first
        assert path_cell.evaluate("e => e.getBoundingClientRect().width") > 250
        lines = path_cell.evaluate(
            "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)"
        )
        assert lines < 3, "a path wraps at its slashes, not a letter per line"
        # stacked cells say which side they are
        who = page.locator(".row.st-changed .cell.side-b .who").first
        assert who.is_visible() and who.inner_text().startswith("B · ")
        assert page.locator(".navbox").evaluate("e => e.getBoundingClientRect().right") <= 390
        assert w.errors == []
    finally:
        w.close()


def test_decisions_download_as_csv(watch: Watch, bundle: tuple[Report, Path]) -> None:
    report, path = bundle
    page = watch.open(path)
    marks = _marks(report)
    table = page.locator(".decisions-table tbody tr")
    assert table.count() == len(marks)
    link = page.locator("a.csv")
    assert link.is_visible()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == DECISION_COLUMNS
    by_id = {r[0]: dict(zip(DECISION_COLUMNS, r, strict=True)) for r in rows[1:]}
    assert set(by_id) == set(marks)
    drifts = {d.id: d for d in report.comparisons[0].drifts}
    verdict = {"confirmed": "real change", "dismissed": "false alarm", "noted": "noted"}
    for key, m in marks.items():
        row, d = by_id[key], drifts[key]
        assert row["verdict"] == verdict[m.status]
        assert row["severity"] == d.severity.value
        assert row["kinds"] == " ".join(k.value for k in d.kinds)
        assert row["A"] == " ".join(d.a.split()) and row["B"] == " ".join(d.b.split())
        assert re.fullmatch(r"A ¶[\d–, ]+ ↔ B ¶[\d–, ]+", row["passages"])
        # a note a spreadsheet would run as a formula is defused
        assert row["note"] == (("'" + m.note) if m.note.startswith("=") else m.note)
    assert watch.errors == []


def test_passage_counts_as_the_terminal_counts(watch: Watch, bundle: tuple[Report, Path]) -> None:
    """A passage is a paragraph that is not page furniture, in both faces."""
    report, path = bundle
    page = watch.open(path)
    cells = page.locator(".sources-table td[data-label=passages]")
    for k, doc in enumerate(report.documents):
        noise = sum(1 for p in doc.paragraphs if p.noise)
        said = cells.nth(k).inner_text()
        assert said.startswith(f"{len(doc.paragraphs) - noise} passages")
        assert f"+ {noise} page furniture" in said
    assert cells.nth(0).inner_text() == "63 passages + 25 page furniture"

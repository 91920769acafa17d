"""The HTML report: one self-contained file that opens from disk, with no network.

The page is assembled from sections: the sources, the claims table (when
there are numeric claims), then one section per comparison.  Each is a
:class:`Section`; :func:`assemble_page` lays out any list of them with a
table of contents, so a new view of the report (an overview of many
sources, say) is one more function returning a Section.

Style sheet, script and page template are package files in ``assets/``,
inlined here.  The Content-Security-Policy allows nothing but that one
style sheet and that one script (by hash): no network, no other script.
Input text reaches the page only through :func:`htmlkit.esc`.  The same
report renders byte for byte the same.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .. import __version__
from ..marks import drift_ids
from ..model import Report
from ..review import Mark, orphaned_marks
from .htmlbody import render_rows
from .htmlclaims import render_claims
from .htmldrifts import render_index
from .htmlhead import render_figures, render_sources
from .htmlkit import MARK_SYMBOL, esc, letter, plural
from .htmlreview import render_decisions, render_meaning
from .htmlsources import render_matrix, render_passages
from .htmlview import CompView

_SLOT = re.compile(r"@@([a-z]+)@@")


@dataclass(frozen=True)
class Section:
    """One part of the page: ``html`` is markup, ``title`` plain text for the contents."""

    id: str
    title: str
    html: str
    in_contents: bool = True


@cache
def asset(name: str) -> str:
    """A package file from ``srcdiff/render/assets``."""
    return resources.files("srcdiff.render").joinpath("assets", name).read_text("utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def comparison_views(report: Report, marks: Mapping[str, Mark]) -> list[CompView]:
    return [CompView(report, comp, k + 1, marks) for k, comp in enumerate(report.comparisons)]


def comparison_title(view: CompView) -> str:
    return f"{view.letter_a} {view.doc_a.label} vs {view.letter_b} {view.doc_b.label}"


LAZY_ROWS_MIN = 1000
"""Passages of a comparison from which its rows are laid out only near the screen
(``content-visibility: auto``): on the bench's 1.5 MB pair (2,301 passages, a 13 MB page)
it loads in 16–18 s against 26–28 s without (a loaded machine), and a full-page screenshot
of a page that long is past what a browser renders anyway.  Shorter comparisons are laid
out whole, so screenshots show every row; print lays out every row at any length."""


def _rows_class(view: CompView) -> str:
    return "rows lazy" if len(view.comp.blocks) >= LAZY_ROWS_MIN else "rows"


def comparison_section(view: CompView) -> Section:
    """Figures, drift index and side-by-side body of one comparison."""
    rows = render_rows(view)  # first: it decides where each drift's anchor lives
    index = render_index(view)
    sid = view.section_id
    title = comparison_title(view)
    colhead = (
        '<div class="colhead" aria-hidden="true"><span></span>'
        f"<span>{esc(view.letter_a)} · {esc(view.doc_a.label)}</span>"
        f"<span>{esc(view.letter_b)} · {esc(view.doc_b.label)}</span></div>"
    )
    legend = (
        '<p class="legend">Removed words are <del>struck through</del>, added words '
        '<ins>underlined</ins>; a drift is boxed: <span class="drift sev-high">high</span> '
        '<span class="drift sev-medium">medium</span> <span class="drift sev-low">low</span>. '
        "Hover or focus a box for its explanation; <kbd>j</kbd>/<kbd>k</kbd> go to the next or "
        "previous drift of the index, in its order.</p>"
    )
    skip = f'<a class="skip" href="#{sid}-body">Skip the filters and the drift index</a>'
    html = (
        f'<section class="comparison" id="{sid}" data-cmp="{view.number}">'
        f"<h2>{esc(title)}</h2>{render_figures(view)}{render_decisions(view)}{skip}{index}"
        f'<section class="body"><h3 id="{sid}-body">Side by side</h3>{legend}{colhead}'
        f'<div class="{_rows_class(view)}">{rows}</div></section></section>\n'
    )
    return Section(sid, title, html)


def page_title(report: Report) -> str:
    docs = report.documents
    if len(docs) == 2:
        return f"srcdiff: {docs[0].label} vs {docs[1].label}"
    return f"srcdiff: {len(docs)} sources ({', '.join(d.label for d in docs)})"


def report_sections(report: Report, marks: Mapping[str, Mark]) -> list[Section]:
    """The default sections of a report, in page order."""
    views = comparison_views(report, marks)
    comps = [comparison_section(v) for v in views]  # rows first: claims link to them
    sections = [
        Section("meaning", "Meaning changes", render_meaning(views)),
        Section("sources", "Sources", render_sources(report)),
    ]
    if len(report.documents) > 2 and report.provenance is not None:
        for sid, title, body in (
            ("overview", "Who holds what", render_matrix(report)),
            ("passages", "Passage view", render_passages(report, views)),
        ):
            html = f'<section class="{sid}"><h2 id="{sid}">{esc(title)}</h2>{body}</section>\n'
            sections.append(Section(sid, title, html))
    claims = render_claims(report, views)
    if claims:
        sections.append(Section("claims", "Claims", claims))
    kept = _kept_marks(report, marks)
    return sections + comps + ([kept] if kept else [])


def _kept_marks(report: Report, marks: Mapping[str, Mark]) -> Section | None:
    """The review file's marks on drifts this report does not have: kept, and listed."""
    gone = orphaned_marks(marks, drift_ids(report))
    if not gone:
        return None
    title = "Marks on drifts not in this report"
    items = "".join(
        f"<li><code>{esc(key)}</code> {esc(MARK_SYMBOL.get(m.status, '?'))} {esc(m.status)}"
        + (f" — <q>{esc(m.note)}</q>" if m.note else "")
        + "</li>"
        for key, m in gone.items()
    )
    body = (
        f'<section class="kept-marks"><h2 id="kept-marks">{esc(title)}</h2>'
        f"<p>{esc(plural(len(gone), 'mark'))} of the review file name drifts this comparison "
        f"no longer finds; the file keeps them.</p><ul>{items}</ul></section>\n"
    )
    return Section("kept-marks", title, body)


def _contents(sections: Sequence[Section]) -> str:
    items = [s for s in sections if s.in_contents]
    if sum(1 for s in items if s.id.startswith("cmp-")) < 2:
        return ""
    links = "".join(f'<li><a href="#{esc(s.id)}">{esc(s.title)}</a></li>' for s in items)
    return f'<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{links}</ol></nav>\n'


def _skip(sections: Sequence[Section]) -> str:
    """The page's first link: past the head, the overview and the index to the text."""
    first = next((s.id for s in sections if s.id.startswith("cmp-")), "")
    if not first:
        return ""
    return f'<a class="skip" href="#{first}-body">Skip to the side-by-side text</a>\n'


PRINT_MODES = (
    ("all", "everything on screen"),
    ("drifts", "only passages with a drift"),
    ("high", "only passages with a high drift"),
)
"""What a print of the page holds; the print style sheet reads the checked mode."""


def _print_modes() -> str:
    boxes = "".join(
        f'<label><input type="radio" name="print" value="{v}"{" checked" if v == "all" else ""}>'
        f" {esc(label)}</label>"
        for v, label in PRINT_MODES
    )
    return f'<form class="print-mode"><fieldset><legend>Print</legend>{boxes}</fieldset></form>'


def assemble_page(report: Report, sections: Sequence[Section]) -> str:
    """The whole page around ``sections``, with the inlined style sheet and script."""
    style = asset("report.css")
    script = asset("report.js")
    csp = (
        f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    docs = " · ".join(f"{letter(i)} {d.label}" for i, d in enumerate(report.documents))
    slots = {
        "csp": esc(csp),
        "title": esc(page_title(report)),
        "docs": esc(docs),
        "version": esc(__version__),
        "schema": esc(report.schema),
        "style": style,
        "script": script,
        "contents": _contents(sections),
        "skip": _skip(sections),
        "sections": "".join(s.html for s in sections),
        "print": _print_modes(),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], asset("report.html"))


def render_html(report: Report, marks: Mapping[str, Mark] | None = None) -> str:
    """The report as one HTML page; ``marks`` are a reviewer's marks keyed by drift id."""
    return assemble_page(report, report_sections(report, marks or {}))

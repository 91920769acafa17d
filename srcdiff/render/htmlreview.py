"""What a reviewer reads first and hands on: the meaning changes and the decisions.

"Meaning changes" opens the page: each high or medium finding as a card, A's
words beside B's, linking to its passage.  "Review decisions" lists the marks
a reviewer made (in the terminal face) on a comparison's findings, as a table
that the script turns into a CSV download; the table is the data, so the
download holds exactly what the page shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Drift, Severity
from .htmlbody import mark_class, mark_html
from .htmlkit import VERDICT, esc, para_numbers, plural, safe_id, short
from .htmlview import CompView

CARD_SEVERITIES = (Severity.HIGH, Severity.MEDIUM)
CARDS_MAX = 200
"""Cards per comparison; the rest are in the drift index, which lists every finding."""
CARD_EXCERPT = 280
"""Characters of each side's words on a card."""

DECISION_COLUMNS = (
    "id",
    "passages",
    "severity",
    "kinds",
    "direction",
    "A",
    "B",
    "verdict",
    "note",
)
"""The columns of the decisions table and of its CSV download, in order."""


def where(view: CompView, d: Drift) -> str:
    """The drift's passages: "A ¶8 ↔ B ¶7"."""
    blk = view.comp.blocks[view.drift_rows[id(d)]]
    out = []
    if blk.a:
        out.append(f"{view.letter_a} ¶{para_numbers(blk.a)}")
    if blk.b:
        out.append(f"{view.letter_b} ¶{para_numbers(blk.b)}")
    return " ↔ ".join(out)


def render_meaning(views: Sequence[CompView]) -> str:
    """The opening section: the high and medium findings of every comparison as cards."""
    parts = []
    for view in views:
        found = [d for d in view.comp.drifts if d.severity in CARD_SEVERITIES]
        names = (
            f"{esc(view.letter_a)} is {esc(view.doc_a.label)}, "
            f"{esc(view.letter_b)} is {esc(view.doc_b.label)}"
        )
        head = f'<p class="legend">{names}.</p>'
        if len(views) > 1:
            head = f'<h3><a href="#{view.section_id}">{names}</a></h3>'
        parts.append(head + _cards(view, found))
    return (
        '<section class="meaning" aria-labelledby="meaning"><h2 id="meaning">Meaning changes</h2>'
        '<p class="legend">The high and medium findings, most severe first: what A says beside '
        "what B says. Each card links to its passage in the side-by-side text.</p>"
        f"{''.join(parts)}</section>\n"
    )


def _cards(view: CompView, found: list[Drift]) -> str:
    low = len(view.comp.drifts) - len(found)
    if not found:
        return (
            f'<p class="empty">No high or medium findings; {esc(plural(low, "low finding"))} '
            f'in the <a href="#{view.section_id}-drifts">drift index</a>.</p>'
        )
    cards = "".join(_card(view, d) for d in found[:CARDS_MAX])
    rest = len(found) - CARDS_MAX
    more = (
        f'<p class="more">{esc(plural(rest, "more finding"))} of high or medium severity in the '
        f'<a href="#{view.section_id}-drifts">drift index</a>.</p>'
        if rest > 0
        else ""
    )
    return f'<ol class="cards">{cards}</ol>{more}'


def _side(letter: str, label: str, text: str) -> str:
    """One side's words, plain (a card is for reading; the row shows the word changes)."""
    words = esc(short(text, CARD_EXCERPT)) if text.strip() else "(nothing)"
    return (
        f'<div class="card-side"><span class="card-who" title="{esc(label)}">{esc(letter)}'
        f'<span class="sr"> · {esc(label)}</span></span> {words}</div>'
    )


def _card(view: CompView, d: Drift) -> str:
    sev = d.severity.value
    kinds = ", ".join(k.value for k in d.kinds)
    direction = f" · {d.direction.value}" if d.direction is not None else ""
    here = where(view, d)
    return (
        f'<li class="card sev-{sev}{mark_class(view, d)}" data-sev="{sev}">'
        f'<p class="card-head"><span class="sev sev-{sev}">{sev}</span> '
        f"<strong>{esc(kinds)}</strong>{esc(direction)} · "
        f'<a class="card-go" href="#{view.drift_anchor(d)}">{esc(here)}</a>'
        f"{mark_html(view, d)}</p>"
        f'<div class="card-ab">{_side(view.letter_a, view.doc_a.label, d.a)}'
        f"{_side(view.letter_b, view.doc_b.label, d.b)}</div>"
        f'<p class="card-why">{esc(d.explanation)}</p></li>'
    )


def render_decisions(view: CompView) -> str:
    """The reviewer's decisions on this comparison's findings; nothing when there are none."""
    decided = [(d, m) for d in view.comp.drifts if (m := view.mark(d)) is not None]
    if not decided:
        return ""
    sid = view.section_id
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in DECISION_COLUMNS)
    rows = []
    for d, m in decided:
        cells = (
            d.id,
            where(view, d),
            d.severity.value,
            " ".join(k.value for k in d.kinds),
            d.direction.value if d.direction is not None else "",
            " ".join(d.a.split()),
            " ".join(d.b.split()),
            VERDICT.get(m.status, m.status),
            m.note,
        )
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells[1:])
        rows.append(
            f'<tr><th scope="row"><a href="#{view.drift_anchor(d)}">{esc(cells[0])}</a></th>'
            f"{tds}</tr>"
        )
    name = f"srcdiff-decisions-{safe_id(view.doc_a.label)}-vs-{safe_id(view.doc_b.label)}.csv"
    return (
        f'<section class="decisions" aria-labelledby="{sid}-decisions">'
        f'<h3 id="{sid}-decisions">Review decisions ({len(decided):,})</h3>'
        f'<p><a class="csv" hidden download="{esc(name[:120])}" href="#{sid}-decisions">'
        "Download the decisions as CSV</a></p>"
        f'<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{sid}-decisions">'
        f'<table class="decisions-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>\n"
    )

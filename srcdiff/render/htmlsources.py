"""The overview of a report over several sources: heat map, relations, passage view."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from ..passages import default_base, passage_view
from .htmlkit import esc, letter, pct, short
from .htmlview import CompView


def _heat(value: float) -> str:
    """A class from heat-0 (nothing found) to heat-10 (all of it)."""
    return f"heat-{max(0, min(10, round(value * 10)))}"


def render_matrix(report: Report) -> str:
    """Rows: each text; columns: each other text; cell: share found (and verbatim)."""
    prov = report.provenance
    if prov is None:
        return ""
    docs = report.documents
    head = "".join(
        f'<th scope="col" title="{esc(d.label)}">{esc(letter(k))}</th>' for k, d in enumerate(docs)
    )
    body = []
    for x, dx in enumerate(docs):
        cells = []
        for y, dy in enumerate(docs):
            s = prov.share(x, y)
            if s is None:
                cells.append('<td class="heat-none">—</td>')
                continue
            tip = (
                f"{pct(s.found)} of {dx.label} has a counterpart in {dy.label}; "
                f"{pct(s.verbatim)} is word for word (quotations aside)"
            )
            cells.append(
                f'<td class="{_heat(s.found)}" title="{esc(tip)}">{esc(pct(s.found))}'
                f"<small> ({esc(pct(s.verbatim))})</small></td>"
            )
        body.append(
            f'<tr><th scope="row">{esc(letter(x))} {esc(dx.label)}</th>{"".join(cells)}</tr>'
        )
    relations = "".join(
        f'<li><span class="rel rel-{esc(r.kind.value)}">{esc(r.kind.value.replace("_", " "))}'
        f"</span> {esc(r.explanation)}</li>"
        for r in prov.relations
    )
    return (
        '<p class="legend">Share of each text (row) that has a counterpart in each other text '
        "(column); in brackets, the share found word for word, quotations aside. Darker is "
        "more.</p>"
        '<div class="table-wrap" tabindex="0" role="region" aria-label="Who holds what">'
        f'<table class="heatmap"><thead><tr><th></th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
        f'<h3>Who copied whom</h3><ul class="relations">{relations}</ul>'
    )


def render_passages(report: Report, views: Sequence[CompView]) -> str:
    """Each passage of the base beside its counterpart in every other source."""
    base = default_base(report)
    docs = report.documents
    by_pair = {(v.comp.a, v.comp.b): v for v in views}
    others = [d for d in range(len(docs)) if d != base]
    head = "".join(f'<th scope="col">{esc(letter(d))} {esc(docs[d].label)}</th>' for d in others)
    rows = []
    for row in passage_view(report, base):
        text = docs[base].paragraphs[row.paragraph].text
        cells = []
        for d in others:
            cell = row.cells[d]
            if cell is None or not cell.paragraphs:
                cells.append('<td class="none">—</td>')
                continue
            view = by_pair.get((base, d)) or by_pair.get((d, base))
            where = ", ".join(f"¶{j + 1}" for j in cell.paragraphs)
            link = esc(where)
            if view is not None:
                k = next(
                    (
                        i
                        for i, b in enumerate(view.comp.blocks)
                        if row.paragraph in (b.b if cell.flipped else b.a)
                    ),
                    None,
                )
                if k is not None:
                    link = f'<a href="#{esc(view.row_ids[k])}">{esc(where)}</a>'
            drifts = "".join(
                f'<li class="sev-{esc(x.severity.value)}">{esc(x.severity.value)}: '
                f"{esc(x.explanation)}</li>"
                for x in cell.drifts
                if x.severity.value != "low"
            )
            cells.append(
                f"<td>{link} · {esc(cell.status.value)} · {esc(pct(cell.similarity))}"
                + (f'<ul class="pv-drifts">{drifts}</ul>' if drifts else "")
                + "</td>"
            )
        rows.append(
            f'<tr><th scope="row">¶{row.paragraph + 1} {esc(short(text, 140))}</th>'
            f"{''.join(cells)}</tr>"
        )
    return (
        f"<p>Base: {esc(letter(base))} {esc(docs[base].label)}. Medium and high drifts are "
        "listed; each cell links to its row in the pair's side-by-side view.</p>"
        '<div class="table-wrap" tabindex="0" role="region" aria-label="Passage view">'
        f'<table class="passages"><thead><tr><th scope="col">{esc(letter(base))} passage</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )

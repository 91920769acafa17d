"""The claims table: the numeric claims of every document, one row per thing measured.

Rows come from ``srcdiff.claims.claim_rows``.  Rows whose claims disagree
come first and are marked in words ("≠ differs"), not by colour alone; the
rest (stated alike, or in one source only) are folded below them.  Each
claim links to the row of the body that holds it, in the first comparison
its document takes part in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import Report
from .htmlkit import esc, letter
from .htmlview import CompView

if TYPE_CHECKING:
    from ..claims import Claim, ClaimRow


def _claim_rows(report: Report) -> Sequence[ClaimRow]:
    from ..claims import claim_rows

    return claim_rows(report)


def render_claims(report: Report, views: Sequence[CompView]) -> str:
    """The claims section, or "" when no document makes a numeric claim."""
    rows = _claim_rows(report)
    if not rows:
        return ""
    locate = _locator(views)
    head = "".join(
        f'<th scope="col">{letter(i)} · {esc(d.label)}</th>' for i, d in enumerate(report.documents)
    )
    thead = f'<thead><tr><th scope="col">measure</th>{head}<th scope="col"></th></tr></thead>'
    differ = [r for r in rows if r.differs]
    rest = [r for r in rows if not r.differs]
    parts = [
        '<section class="claims"><h2 id="claims">Claims</h2>',
        f"<p>{len(rows):,} measured quantit{'y' if len(rows) == 1 else 'ies'}; "
        f"{len(differ):,} stated differently.</p>",
    ]
    if differ:
        body = "".join(_row(r, locate) for r in differ)
        parts.append(
            f'<div class="table-wrap"><table class="claims-table">{thead}'
            f"<tbody>{body}</tbody></table></div>"
        )
    if rest:
        body = "".join(_row(r, locate) for r in rest)
        parts.append(
            f'<details class="claims-rest"><summary>{len(rest):,} stated alike or in one '
            f'source only</summary><div class="table-wrap"><table class="claims-table">'
            f"{thead}<tbody>{body}</tbody></table></div></details>"
        )
    parts.append("</section>\n")
    return "".join(parts)


def _row(row: ClaimRow, locate: Locator) -> str:
    cells = "".join(_cell(c, locate) for c in row.cells)
    present = [i for i, c in enumerate(row.cells) if c is not None]
    if row.differs:
        flag = '<span class="differs">≠ differs</span>'
    elif len(present) == 1 and len(row.cells) > 1:
        flag = f"only in {letter(present[0])}"
    else:
        flag = "same"
    cls = ' class="differs"' if row.differs else ""
    return f'<tr{cls}><th scope="row">{esc(row.measure)}</th>{cells}<td>{flag}</td></tr>'


Locator = Callable[[int, int], str | None]


def _locator(views: Sequence[CompView]) -> Locator:
    """Row ids by (document, character offset), from the first comparison of each document."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for view in views:
        for side, doc_index in (("a", view.comp.a), ("b", view.comp.b)):
            if doc_index in spans:
                continue
            doc = view.report.documents[doc_index]
            found = spans[doc_index] = []
            for k, blk in enumerate(view.comp.blocks):
                for i in blk.a if side == "a" else blk.b:
                    p = doc.paragraphs[i]
                    found.append((p.start, p.end, view.row_ids[k]))
            found.sort()
    starts = {doc: [s for s, _, _ in found] for doc, found in spans.items()}

    def locate(doc: int, pos: int) -> str | None:
        k = bisect_right(starts.get(doc, []), pos) - 1
        if k < 0:
            return None
        s, e, rid = spans[doc][k]
        return rid if s <= pos < e else None

    return locate


def _cell(claim: Claim | None, locate: Locator) -> str:
    if claim is None:
        return '<td class="none">—</td>'
    text = esc(claim.text)
    rid = locate(claim.doc, claim.span[0])
    if rid:
        text = f'<a href="#{rid}">{text}</a>'
    extra = []
    if claim.qualifier:
        extra.append(f"qualifier: {claim.qualifier}")
    if claim.attribution:
        extra.append(f"per {claim.attribution}")
    more = f'<span class="claim-extra">{esc("; ".join(extra))}</span>' if extra else ""
    return f"<td>{text}{more}</td>"

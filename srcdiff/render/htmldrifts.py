"""The drift index of a comparison: every drift, most severe first, linked to its place.

Its order is the one order of the page: ``j``/``k`` walk the shown entries in it, and a
click on an entry, a card or a drift box moves the walk there.

The filter checkboxes are written ``hidden``; the script shows them, so a
reader without JavaScript sees every drift and no dead controls.
"""

from __future__ import annotations

from collections import Counter

from ..model import Drift, DriftKind, Severity
from .htmlbody import change_html, mark_class, mark_html
from .htmlkit import esc
from .htmlreview import where
from .htmlview import CompView


def render_index(view: CompView) -> str:
    """The index; call after the rows are rendered so links reach the highlighted words."""
    drifts = view.comp.drifts
    title = f'<h3 id="{view.section_id}-drifts">Drifts ({len(drifts):,}), most severe first</h3>'
    if not drifts:
        return f'<section class="index">{title}<p class="empty">No drifts found.</p></section>\n'
    items = "".join(_entry(view, d) for d in drifts)
    return (
        f'<section class="index">{title}{_filters(view, drifts)}'
        f'<ol class="drift-index">{items}</ol></section>\n'
    )


def _entry(view: CompView, d: Drift) -> str:
    sev = d.severity.value
    kinds = " ".join(k.value for k in d.kinds)
    return (
        f'<li class="entry sev-{sev}{mark_class(view, d)}" data-sev="{sev}" data-kinds="{kinds}">'
        f'<a href="#{view.drift_anchor(d)}"><span class="sev sev-{sev}">{sev}</span> '
        f"{esc(', '.join(k.value for k in d.kinds))} · {esc(where(view, d))}</a> "
        f'{change_html(d)}{_direction(d)} <span class="expl">{esc(d.explanation)}</span>'
        f"{mark_html(view, d)}{_evidence(d)}</li>"
    )


DIRECTION = {"stronger": "▲ stronger", "weaker": "▼ weaker"}


def _direction(d: Drift) -> str:
    if d.direction is None:
        return ""
    v = d.direction.value
    return f' <span class="dir dir-{v}">{DIRECTION[v]}</span>'


def _evidence(d: Drift) -> str:
    """The word changes a finding groups, folded: its detail, not rows of their own."""
    if len(d.evidence) < 2:
        return ""
    items = "".join(
        f'<li class="sev-{e.severity.value}"><span class="sev sev-{e.severity.value}">'
        f"{e.severity.value}</span> {esc(e.explanation)}</li>"
        for e in d.evidence
    )
    return (
        f'<details class="evidence"><summary>{len(d.evidence)} word changes</summary>'
        f"<ul>{items}</ul></details>"
    )


def _filters(view: CompView, drifts: tuple[Drift, ...]) -> str:
    sev_count = Counter(d.severity for d in drifts)
    kind_count = Counter(k for d in drifts for k in d.kinds)
    sevs = "".join(
        _box("sev", s.value, sev_count[s], s is not Severity.LOW) for s in Severity if sev_count[s]
    )
    kinds = "".join(_box("kind", k.value, kind_count[k]) for k in DriftKind if kind_count[k])
    return (
        '<form class="filters" hidden>'
        f"<fieldset><legend>Severity</legend>{sevs}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kinds}</fieldset>"
        '<fieldset><legend>Passages</legend><label><input type="checkbox" data-only-drift> '
        "only passages with a shown drift</label></fieldset></form>"
    )


def _box(group: str, value: str, count: int, checked: bool = True) -> str:
    """A filter box; low findings start unticked: the same meaning in another form."""
    tick = " checked" if checked else ""
    return (
        f'<label class="f-{value}"><input type="checkbox"{tick} data-{group}="{value}"> '
        f'{value} <span class="n">{count:,}</span></label>'
    )

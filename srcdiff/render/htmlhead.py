"""The report's head: the sources read, and each comparison's figures."""

from __future__ import annotations

from collections import Counter

from ..model import Document, Report, Severity
from .htmlkit import MARK_SYMBOL, VERDICT, esc, fmt_size, letter, pct, plural
from .htmlview import CompView


def render_sources(report: Report) -> str:
    """A table of every document: letter, label, path, size, when modified, paragraphs."""
    rows = "".join(_source_row(i, d) for i, d in enumerate(report.documents))
    return (
        '<section class="sources"><h2 id="sources">Sources</h2>'
        '<table class="sources-table"><thead><tr><th scope="col"></th>'
        '<th scope="col">label</th><th scope="col">path or URL</th><th scope="col">size</th>'
        '<th scope="col">modified</th><th scope="col">read as</th>'
        '<th scope="col">passages</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>\n"
    )


def passages_text(d: Document) -> str:
    """Passages as the terminal face counts them (paragraphs that are not page furniture),
    then the furniture: "63 passages + 25 page furniture"."""
    noise = sum(1 for p in d.paragraphs if p.noise)
    out = plural(len(d.paragraphs) - noise, "passage")
    return out + (f" + {noise:,} page furniture" if noise else "")


def _source_row(i: int, d: Document) -> str:
    """One document; each cell names its column (``data-label``) for the narrow layout,
    where the table stacks into one block per document."""
    cells = (
        ("label", esc(d.label), ""),
        ("path or URL", esc(d.path), "path"),
        ("size", esc(fmt_size(d.size)), ""),
        ("modified", esc(d.modified or "unknown"), ""),
        ("read as", f"{esc(d.kind)}, {esc(d.encoding)}{_warnings(d)}", ""),
        ("passages", esc(passages_text(d)), ""),
    )
    tds = "".join(
        f'<td data-label="{name}"' + (f' class="{cls}"' if cls else "") + f">{html}</td>"
        for name, html, cls in cells
    )
    return f'<tr><th scope="row" class="doc-letter">{letter(i)}</th>{tds}</tr>'


def _warnings(d: Document) -> str:
    """What reading had to repair (bad UTF-8 bytes, stray NULs, a wrong charset)."""
    return "".join(f'<br><span class="warning">{esc(w)}</span>' for w in d.warnings)


def render_figures(view: CompView) -> str:
    """Similarity, block counts, drift counts by severity and kind, reviewer marks."""
    s = view.comp.summary
    la, lb = view.letter_a, view.letter_b
    counts = [
        ("paired", f"{s.paired:,} ({s.equal:,} equal, {s.changed:,} changed)"),
        ("moved", f"{s.moved:,}"),
        ("split / merged", f"{s.split:,} / {s.merged:,}"),
        ("one-sided", f"{s.only_a:,} only in {la}, {s.only_b:,} only in {lb}"),
        ("page furniture", f"{s.noise_a:,} in {la}, {s.noise_b:,} in {lb}"),
    ]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in counts)
    by_sev = dict(s.drifts_by_severity)
    sev = "".join(
        f'<li class="sev-{v.value}"><span class="sev sev-{v.value}">{v.value}</span> '
        f"{by_sev.get(v.value, 0):,}</li>"
        for v in Severity
    )
    kinds = "".join(f"<li>{esc(k)} {n:,}</li>" for k, n in s.drifts_by_kind) or "<li>none</li>"
    return (
        '<div class="figures">'
        f'<div class="sim"><span class="big">{esc(pct(s.similarity))}</span> '
        "<span>similar (share of words left equal, page furniture aside)</span></div>"
        f'<dl class="counts">{dl}</dl>'
        '<div class="drift-counts"><h4>Drifts by severity</h4>'
        f'<ul class="by-sev">{sev}</ul><h4>Drifts by kind</h4>'
        f'<ul class="by-kind">{kinds}</ul>{_marks_line(view)}</div></div>\n'
    )


def _marks_line(view: CompView) -> str:
    ids = {d.id for d in view.comp.drifts}
    tally = Counter(m.status for key, m in view.marks.items() if key in ids)
    if not tally:
        return ""
    known = ("confirmed", "dismissed", "noted")
    other = sum(n for st, n in tally.items() if st not in known)
    parts = ", ".join(
        [f"{MARK_SYMBOL[st]} {n:,} {VERDICT[st]}" for st in known if (n := tally.get(st, 0))]
        + ([f"? {other:,} other"] if other else [])
    )
    total = len(view.comp.drifts)
    return f'<p class="reviewed">Reviewed: {esc(parts)} of {esc(plural(total, "drift"))}</p>'

"""The body of a comparison: one row per aligned block, side by side, in block order.

Each side of a row shows its paragraphs from the document's own text,
cut at the word-diff and drift boundaries: removed words in ``<del>``,
added words in ``<ins>``, a drift's words inside one ``<span class="drift">``
carrying its severity, an anchor and its explanation as a title.  Equal
text is written as plain text, so large unchanged passages cost no extra
elements.  Runs of page furniture, of unchanged passages and of one-sided
passages without a drift fold in ``<details>`` (closed), which works with or
without JavaScript.  Each cell names its side (``.who``): read aloud always,
shown when the cells stack on a narrow screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..model import Block, Document, Drift, OpKind, Paragraph, Severity, Status
from .htmlkit import MARK_SYMBOL, VERDICT, esc, esc_text, para_numbers, pct, safe_id, short
from .htmlview import CompView

Piece = tuple[int, int, str]
"""(start, end, "" | "del" | "ins") in document offsets."""
DriftSpan = tuple[int, int, int]
"""(start, end, position of the drift in its block's ``drifts``)."""
Run = tuple[int, int, str, int]
"""(start, end, op class, drift position or -1)."""


FOLD_MIN = {"noise": 1, "same": 8, "one-sided": 3}
"""Consecutive blocks of a kind from which the run folds in a closed ``<details>``: any
page furniture; a long unchanged stretch (no layout cost until opened); three or more
passages only one side has (in a bundle, the other articles), while a lone added or
removed passage stays in view."""


def _run_kind(blk: Block) -> str:
    if blk.noise:
        return "noise"
    if blk.drifts:
        return ""
    if blk.status is Status.EQUAL:
        return "same"
    if blk.status in (Status.ONLY_A, Status.ONLY_B):
        return "one-sided"
    return ""


def render_rows(view: CompView) -> str:
    """Every block of the comparison as a row; a run of blocks of one fold kind
    (``FOLD_MIN``) shares one fold."""
    blocks = view.comp.blocks
    out: list[str] = []
    k = 0
    while k < len(blocks):
        kind = _run_kind(blocks[k])
        j = k + 1
        while kind and j < len(blocks) and _run_kind(blocks[j]) == kind:
            j += 1
        if kind and j - k >= FOLD_MIN[kind]:
            out.append(_FOLDS[kind](view, k, j))
        else:
            out.extend(render_row(view, n) for n in range(k, j))
        k = j
    return "".join(out)


def _where(view: CompView, blocks: Sequence[Block]) -> list[str]:
    a = tuple(i for blk in blocks for i in blk.a)
    b = tuple(j for blk in blocks for j in blk.b)
    where = []
    if a:
        where.append(f"¶{para_numbers(a)} in {view.letter_a}")
    if b:
        where.append(f"¶{para_numbers(b)} in {view.letter_b}")
    return where


def _same_fold(view: CompView, start: int, stop: int) -> str:
    where = _where(view, view.comp.blocks[start:stop])
    label = f"Unchanged: {stop - start:,} passages ({'; '.join(where)})"
    rows = "".join(_same_row(view, k) for k in range(start, stop))
    return (
        f'<details class="same"><summary>{esc(label)}</summary>'
        f'<div class="same-rows">{rows}</div></details>\n'
    )


def _same_row(view: CompView, k: int) -> str:
    """An unchanged passage in a fold: its text once when both sides write it alike
    (a fifth of a full row, so a long unchanged stretch stays a small page)."""
    blk = view.comp.blocks[k]
    a = "\n\n".join(view.doc_a.paragraphs[i].text for i in blk.a)
    b = "\n\n".join(view.doc_b.paragraphs[j].text for j in blk.b)
    if a != b:
        return render_row(view, k)
    rid = view.row_ids[k]
    where = f"{view.letter_a} ¶{para_numbers(blk.a)} ↔ {view.letter_b} ¶{para_numbers(blk.b)}"
    return (
        f'<p class="row same-row st-equal" id="{rid}"><span class="meta">{esc(where)}</span> '
        f"{esc_text(a)}</p>\n"
    )


def _noise_fold(view: CompView, start: int, stop: int) -> str:
    blocks = view.comp.blocks[start:stop]
    where = _where(view, blocks)
    n = sum(len(blk.a) + len(blk.b) for blk in blocks)
    label = f"Page furniture: {n} paragraph{'' if n == 1 else 's'} ({'; '.join(where)})"
    rows = "".join(render_row(view, k) for k in range(start, stop))
    return (
        f'<details class="noise"><summary>{esc(label)}</summary>'
        f'<div class="noise-rows">{rows}</div></details>\n'
    )


def _one_sided_fold(view: CompView, start: int, stop: int) -> str:
    blocks = view.comp.blocks[start:stop]
    where = _where(view, blocks)
    first = blocks[0]
    doc, idx = (view.doc_a, first.a) if first.a else (view.doc_b, first.b)
    opening = short(doc.paragraphs[idx[0]].text, 80)
    label = f"Only one side: {stop - start:,} passages ({'; '.join(where)}), from “{opening}”"
    rows = "".join(render_row(view, k) for k in range(start, stop))
    return (
        f'<details class="one-sided"><summary>{esc(label)}</summary>'
        f'<div class="one-sided-rows">{rows}</div></details>\n'
    )


_FOLDS = {"noise": _noise_fold, "same": _same_fold, "one-sided": _one_sided_fold}


def render_row(view: CompView, k: int) -> str:
    blk = view.comp.blocks[k]
    rid = view.row_ids[k]
    cls = f"row st-{blk.status.value}"
    if blk.drifts:
        cls += " has-drift"
    if any(d.severity is Severity.HIGH for d in blk.drifts):
        cls += " has-high"
    if blk.noise:
        cls += " is-noise"
    cell_a = _cell(view, blk, "a")
    cell_b = _cell(view, blk, "b")
    notes = _notes(view, blk)
    return (
        f'<div class="{cls}" id="{rid}">'
        f'<a class="perma" href="#{rid}" title="Link to this passage">¶</a>'
        f'<div class="meta">{esc(_meta(view, blk))}</div>'
        f"{cell_a}{cell_b}{notes}</div>\n"
    )


def _meta(view: CompView, blk: Block) -> str:
    la, lb = view.letter_a, view.letter_b
    where = []
    if blk.a:
        where.append(f"{la} ¶{para_numbers(blk.a)}")
    if blk.b:
        where.append(f"{lb} ¶{para_numbers(blk.b)}")
    parts = [" ↔ ".join(where)]
    if blk.status is Status.ONLY_A:
        parts.append(f"only in {la}")
    elif blk.status is Status.ONLY_B:
        parts.append(f"only in {lb}")
    elif blk.status is Status.MOVED:
        parts.append(
            f"moved: was paragraph {para_numbers(blk.a)} in {la}, "
            f"is paragraph {para_numbers(blk.b)} in {lb}"
        )
    else:
        parts.append(blk.status.value)
    if blk.is_split:
        parts.append(
            f"split: paragraph {para_numbers(blk.a)} of {la} became "
            f"paragraphs {para_numbers(blk.b)} of {lb}"
        )
    elif blk.is_merge:
        parts.append(
            f"merged: paragraphs {para_numbers(blk.a)} of {la} became "
            f"paragraph {para_numbers(blk.b)} of {lb}"
        )
    if blk.a and blk.b:
        parts.append(f"{pct(blk.similarity)} alike")
    if blk.noise:
        reasons = sorted({r for r in _noise_reasons(view, blk) if r})
        parts.append("page furniture" + (f": {', '.join(reasons)}" if reasons else ""))
    if blk.drifts:
        n = len(blk.drifts)
        parts.append(f"{n} drift{'' if n == 1 else 's'}")
    return " · ".join(parts)


def _noise_reasons(view: CompView, blk: Block) -> list[str]:
    out = [view.doc_a.paragraphs[i].noise_reason or "" for i in blk.a]
    out += [view.doc_b.paragraphs[j].noise_reason or "" for j in blk.b]
    return out


def _cell(view: CompView, blk: Block, side: str) -> str:
    doc = view.doc_a if side == "a" else view.doc_b
    indices = blk.a if side == "a" else blk.b
    name = view.letter_a if side == "a" else view.letter_b
    if not indices:
        who = f'<span class="who">{esc(name)}: not in {esc(doc.label)}</span>'
        return f'<div class="cell side-{side} absent" title="not in {esc(name)}">{who}</div>'
    pieces = _pieces(blk, side)
    spans = _drift_spans(blk, side)
    paras = "".join(_paragraph(view, blk, doc, doc.paragraphs[i], pieces, spans) for i in indices)
    who = f'<span class="who">{esc(name)} · {esc(doc.label)}</span>'
    return f'<div class="cell side-{side}">{who}{paras}</div>'


def _pieces(blk: Block, side: str) -> list[Piece]:
    """The side's op spans; a one-sided block is plain text (the empty cell opposite says it)."""
    out: list[Piece] = []
    if not (blk.a and blk.b):
        return out
    for op in blk.ops:
        s, e = op.a_span if side == "a" else op.b_span
        if e <= s:
            continue
        cls = "" if op.op is OpKind.EQUAL else ("del" if side == "a" else "ins")
        out.append((s, e, cls))
    return out


def _drift_spans(blk: Block, side: str) -> list[DriftSpan]:
    """The block's drift spans on one side, most severe first (they win overlaps)."""
    out: list[tuple[int, int, int, int]] = []
    for n, d in enumerate(blk.drifts):
        s, e = d.a_span if side == "a" else d.b_span
        if e > s:
            out.append((-d.severity.rank, n, s, e))
    out.sort()
    return [(s, e, n) for _, n, s, e in out]


def _runs(p: Paragraph, pieces: list[Piece], spans: list[DriftSpan]) -> list[Run]:
    """The paragraph cut where the op class or the covering drift changes."""
    lo, hi = p.start, p.end
    here = [pc for pc in pieces if pc[0] < hi and pc[1] > lo]
    dhere = [sp for sp in spans if sp[0] < hi and sp[1] > lo]
    cuts = {lo, hi}
    for s, e, _ in here:
        cuts.update((max(s, lo), min(e, hi)))
    for s, e, _ in dhere:
        cuts.update((max(s, lo), min(e, hi)))
    points = sorted(cuts)
    runs: list[Run] = []
    pi = 0
    for x, y in zip(points, points[1:], strict=False):
        while pi < len(here) and here[pi][1] <= x:
            pi += 1
        cls = here[pi][2] if pi < len(here) and here[pi][0] <= x else ""
        drift = next((n for s, e, n in dhere if s <= x < e), -1)
        if runs and runs[-1][2] == cls and runs[-1][3] == drift:
            runs[-1] = (runs[-1][0], y, cls, drift)
        else:
            runs.append((x, y, cls, drift))
    return runs


def _paragraph(
    view: CompView,
    blk: Block,
    doc: Document,
    p: Paragraph,
    pieces: list[Piece],
    spans: list[DriftSpan],
) -> str:
    out: list[str] = []
    for drift, group in groupby(_runs(p, pieces, spans), key=lambda r: r[3]):
        inner = "".join(_run_html(doc.text, r) for r in group)
        out.append(inner if drift < 0 else _drift_span(view, blk.drifts[drift], inner))
    return f'<p class="para" data-n="¶{p.index + 1}">{"".join(out)}</p>'


ELIDE_MIN = 6000
"""Characters of unchanged text in one run from which its middle is folded away."""
ELIDE_KEEP = 600
"""Characters shown on each side of a folded middle."""


def _run_html(text: str, run: Run) -> str:
    s, e, cls, _ = run
    if not cls and e - s >= ELIDE_MIN:
        return _elided(text[s:e])
    body = esc_text(text[s:e])
    return f"<{cls}>{body}</{cls}>" if cls else body


def _elided(text: str) -> str:
    """A long unchanged run with its middle folded: a checkbox shows it, no script needed.

    Hidden text costs the browser no layout, so a page whose one paragraph is
    megabytes long opens in seconds; the text is all in the page.
    """
    head, middle, tail = text[:ELIDE_KEEP], text[ELIDE_KEEP:-ELIDE_KEEP], text[-ELIDE_KEEP:]
    return (
        f'{esc_text(head)}<label class="elide"><input type="checkbox">'
        f'<span class="elide-n">[… {len(middle):,} unchanged characters: show …]</span>'
        f'<span class="elided">{esc_text(middle)}</span></label>{esc_text(tail)}'
    )


def _drift_span(view: CompView, d: Drift, inner: str) -> str:
    """A drift's words on one side; its first piece carries the anchor the index links to,
    takes the keyboard focus and is described by the drift's note (shown on focus)."""
    key = view.drift_keys[id(d)]
    anchor = f"d-{key}"
    extra = ""
    if anchor not in view.inline:
        view.inline.add(anchor)
        extra = f' id="{anchor}" tabindex="0" aria-describedby="n-{key}"'
    return (
        f'<span class="drift sev-{d.severity.value}"{extra} data-d="{key}" '
        f'data-why="{esc(d.severity.value + ": " + d.explanation)}">{inner}</span>'
    )


def _notes(view: CompView, blk: Block) -> str:
    if not blk.drifts:
        return ""
    order = sorted(range(len(blk.drifts)), key=lambda n: (-blk.drifts[n].severity.rank, n))
    items = "".join(drift_note(view, blk.drifts[n]) for n in order)
    return f'<ul class="notes">{items}</ul>'


def drift_note(view: CompView, d: Drift) -> str:
    """One drift beside its row: severity, kinds, explanation, the reviewer's mark."""
    sev = d.severity.value
    kinds = " ".join(k.value for k in d.kinds)
    inline = f"d-{view.drift_keys[id(d)]}"
    badge = f'<span class="sev sev-{sev}">{sev}</span>'
    if inline in view.inline:
        badge = f'<a class="sev sev-{sev}" href="#{inline}">{sev}</a>'
    return (
        f'<li class="note sev-{sev}{mark_class(view, d)}" id="{view.note_anchor(d)}" '
        f'data-sev="{sev}" data-kinds="{kinds}">{badge} '
        f"{esc(', '.join(k.value for k in d.kinds))}: {esc(d.explanation)}{mark_html(view, d)}</li>"
    )


def change_html(d: Drift) -> str:
    """The drift's words: removed struck through, added underlined."""
    a = f"<del>{esc(short(d.a))}</del>" if d.a.strip() else "(nothing)"
    b = f"<ins>{esc(short(d.b))}</ins>" if d.b.strip() else "(nothing)"
    return f"{a} → {b}"


def mark_class(view: CompView, d: Drift) -> str:
    m = view.mark(d)
    return f" mk-{safe_id(m.status)}" if m else ""


def mark_html(view: CompView, d: Drift) -> str:
    """The reviewer's mark on a drift, or nothing when it has none."""
    m = view.mark(d)
    if m is None:
        return ""
    note = f' <span class="mnote">{esc(m.note)}</span>' if m.note else ""
    return (
        f' <span class="mark mk-{safe_id(m.status)}">{MARK_SYMBOL.get(m.status, "")} '
        f"{esc(VERDICT.get(m.status, m.status))}</span>{note}"
    )

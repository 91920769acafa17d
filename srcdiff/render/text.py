"""Plain-text faces of a Report: side by side, inline, and a one-screen --stat.

Without colour, removed words read ``[-like this-]`` and added words
``{+like this+}`` (git's word-diff convention), so the output survives
pipes, logs and black-and-white printers.

Text from the inputs (words, labels, explanations) passes through
:func:`srcdiff.sanitize.visible` before it is measured and painted, so a
control or format character shows as an escape and takes the columns the
escape takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Block, Comparison, Document, Drift, OpKind, Report, Severity, Status
from ..sanitize import one_line, visible
from .sources import overview_lines, share_lines

RESET = "\x1b[0m"
STYLES = {
    "del": "\x1b[31;9m",
    "ins": "\x1b[32;4m",
    "head": "\x1b[1m",
    "dim": "\x1b[2m",
    "high": "\x1b[1;31m",
    "medium": "\x1b[33m",
    "low": "\x1b[2m",
}
MARKS = {"del": ("[-", "-]"), "ins": ("{+", "+}")}


@dataclass(frozen=True)
class Style:
    color: bool
    width: int


def _paint(text: str, kind: str, st: Style) -> str:
    if not text:
        return text
    if st.color and kind in STYLES:
        return f"{STYLES[kind]}{text}{RESET}"
    if not st.color and kind in MARKS:
        o, c = MARKS[kind]
        return f"{o}{text}{c}"
    return text


Seg = tuple[str, str]  # (text, kind) with kind "", "del" or "ins"


def _side_segments(block: Block, side: str) -> list[Seg]:
    if not (block.a and block.b):
        # One-sided: the title names the side; the words need no markers.
        return [(visible(op.a or op.b), "") for op in block.ops]
    segs: list[Seg] = []
    for op in block.ops:
        if op.op is OpKind.EQUAL:
            segs.append((visible(op.a), ""))
        elif side == "a" and op.a:
            segs.append((visible(op.a), "del"))
        elif side == "b" and op.b:
            segs.append((visible(op.b), "ins"))
    return segs


def _wrap(segs: Sequence[Seg], width: int, st: Style) -> list[str]:
    """Wrap styled segments into lines of at most ``width`` visible characters.

    Neighbouring pieces of one kind on a line are painted as one run, so a
    removed phrase reads ``[-three words here-]``, not a marker per word.
    """
    lines: list[str] = []
    runs: list[list[str]] = []  # [kind, text] per run on the current line
    used = 0
    width = max(width, 10)

    def flush() -> None:
        nonlocal runs, used
        lines.append("".join(_paint(text, kind, st) for kind, text in runs))
        runs, used = [], 0

    def put(piece: str, kind: str) -> None:
        nonlocal used
        if runs and runs[-1][0] == kind:
            runs[-1][1] += piece
        else:
            runs.append([kind, piece])
            used += _marker_cost(kind, st)
        used += len(piece)

    for text, kind in segs:
        for para_i, para in enumerate(text.split("\n")):
            if para_i:
                flush()
            words = para.split(" ")
            for wi, word in enumerate(words):
                piece = word if wi == 0 else " " + word
                while piece:
                    opening = 0 if runs and runs[-1][0] == kind else _marker_cost(kind, st)
                    room = width - used - opening
                    if len(piece) <= room:
                        put(piece, kind)
                        break
                    if used and len(piece.lstrip()) <= width - _marker_cost(kind, st):
                        flush()
                        piece = piece.lstrip()
                        continue
                    cut = max(room, 1)
                    put(piece[:cut], kind)
                    piece = piece[cut:]
                    flush()
    if runs or not lines:
        flush()
    return lines


def _marker_cost(kind: str, st: Style) -> int:
    """Visible columns the markers of one run of ``kind`` take."""
    return 4 if (kind in MARKS and not st.color) else 0


def _visible_len(s: str) -> int:
    import re

    return len(re.sub(r"\x1b\[[0-9;]*m", "", s))


def _block_title(block: Block, comp_docs: tuple[Document, Document]) -> str:
    a = ",".join(str(i + 1) for i in block.a) or "-"
    b = ",".join(str(j + 1) for j in block.b) or "-"
    tag = block.status.value
    if block.is_split:
        tag += " (split)"
    elif block.is_merge:
        tag += " (merged)"
    if block.noise:
        tag += " (noise)"
    sim = f" {block.similarity:.0%}" if block.a and block.b else ""
    return f"¶{a} ↔ ¶{b}  {tag}{sim}"


def _drift_line(d: Drift, st: Style) -> str:
    kinds = "+".join(k.value for k in d.kinds)
    sev = (
        _paint(f"{d.severity.value:<6}", d.severity.value, st)
        if st.color
        else f"{d.severity.value:<6}"
    )
    arrow = {"stronger": " ▲ stronger", "weaker": " ▼ weaker"}.get(
        d.direction.value if d.direction else "", ""
    )
    return f"  {sev} {kinds}{arrow}: {one_line(d.explanation)}  [{visible(d.id)}]"


def _render_block(
    block: Block, docs: tuple[Document, Document], st: Style, inline: bool, show_equal: bool
) -> list[str]:
    title = _paint(_block_title(block, docs), "head", st)
    if block.noise or (block.status is Status.EQUAL and not show_equal):
        text = (
            docs[0].paragraphs[block.a[0]].text if block.a else docs[1].paragraphs[block.b[0]].text
        )
        short = visible(" ".join(text.split()))
        short = short if len(short) <= 60 else short[:57] + "..."
        return [f"{title}  {_paint(short, 'dim', st)}"]
    out = [title]
    if inline:
        segs: list[Seg] = [] if block.a and block.b else _side_segments(block, "")
        for op in block.ops if block.a and block.b else ():
            if op.op is OpKind.EQUAL:
                segs.append((visible(op.a), ""))
            else:
                if op.a:
                    segs.append((visible(op.a), "del"))
                if op.b:
                    segs.append((visible(op.b), "ins"))
        out += ["  " + ln for ln in _wrap(segs, st.width - 2, st)]
    else:
        col = (st.width - 3) // 2
        left = _wrap(_side_segments(block, "a"), col, st) if block.a else []
        right = _wrap(_side_segments(block, "b"), col, st) if block.b else []
        for k in range(max(len(left), len(right))):
            ln = left[k] if k < len(left) else ""
            rn = right[k] if k < len(right) else ""
            out.append(ln + " " * (col - _visible_len(ln)) + " │ " + rn)
    for d in sorted(block.drifts, key=lambda d: -d.severity.rank):
        out.append(_drift_line(d, st))
    return out


def render_comparison(
    report: Report, comp: Comparison, st: Style, *, inline: bool = False, show_equal: bool = False
) -> list[str]:
    docs = (report.documents[comp.a], report.documents[comp.b])
    head = f"--- a: {one_line(docs[0].label)}\n+++ b: {one_line(docs[1].label)}"
    lines = [_paint(head, "head", st)]
    lines += stat_lines(report, comp)
    lines.append("")
    for block in comp.blocks:
        lines += _render_block(block, docs, st, inline, show_equal)
    drifts = comp.drifts
    review = [d for d in drifts if d.severity is not Severity.LOW]
    if review:
        lines.append("")
        lines.append(_paint(f"Findings to review, most severe first ({len(review)}):", "head", st))
        lines += [_drift_line(d, st) for d in review]
    low = [d for d in drifts if d.severity is Severity.LOW]
    if low:
        lines.append("")
        lines.append(_paint(f"Low ({len(low)}): the same meaning in another form", "head", st))
        lines += [_drift_line(d, st) for d in low]
    return lines


def stat_lines(report: Report, comp: Comparison) -> list[str]:
    """A one-screen summary of one comparison."""
    s = comp.summary
    a, b = report.documents[comp.a], report.documents[comp.b]
    na = sum(1 for p in a.paragraphs if not p.noise)
    nb = sum(1 for p in b.paragraphs if not p.noise)
    lines = [
        f"a: {one_line(a.label)}  ({a.kind}, {a.encoding}; {len(a.paragraphs)} paragraphs, "
        f"{s.noise_a} noise)",
        *(f"   a: warning: {one_line(w)}" for w in a.warnings),
        f"b: {one_line(b.label)}  ({b.kind}, {b.encoding}; {len(b.paragraphs)} paragraphs, "
        f"{s.noise_b} noise)",
        *(f"   b: warning: {one_line(w)}" for w in b.warnings),
        f"similarity {s.similarity:.0%}   paired {s.paired} (equal {s.equal}, changed "
        f"{s.changed}, moved {s.moved})   split {s.split}   merged {s.merged}",
        f"only in a {s.only_a} of {na}   only in b {s.only_b} of {nb}   "
        f"noise {s.noise_a} + {s.noise_b}",
    ]
    sev = ", ".join(f"{k} {v}" for k, v in s.drifts_by_severity) or "none"
    kinds = ", ".join(f"{k} {v}" for k, v in s.drifts_by_kind) or "none"
    lines.append(f"drifts by severity: {sev}")
    lines.append(f"drifts by kind: {kinds}")
    return lines


def render_text(
    report: Report,
    *,
    color: bool = False,
    width: int = 100,
    inline: bool = False,
    show_equal: bool = False,
) -> str:
    st = Style(color, max(width, 40))
    out: list[str] = []
    if len(report.documents) > 2:
        out += overview_lines(report, st.width)
        out.append("")
    for k, comp in enumerate(report.comparisons):
        if k:
            out.append("")
        out += render_comparison(report, comp, st, inline=inline, show_equal=show_equal)
    return "\n".join(out) + "\n"


def render_stat(report: Report) -> str:
    out: list[str] = []
    if len(report.documents) > 2:
        out += share_lines(report)
        out.append("")
    for k, comp in enumerate(report.comparisons):
        if k:
            out.append("")
        out += stat_lines(report, comp)
    return "\n".join(out) + "\n"


def severity_counts(drifts: Iterable[Drift]) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for d in drifts:
        counts[d.severity] += 1
    return counts

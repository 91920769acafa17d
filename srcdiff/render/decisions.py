"""A reviewer's decisions as a table: one row per finding to hand to an editor.

Reads the Report and the marks only.  The rows are every finding that
carries a mark, every finding of the review list (medium and above) that
does not yet, and every mark the report has no finding for (kept, as the
review file keeps it), so no decision is left out.  The same rows are
written as CSV (for a spreadsheet) and as a Markdown table (for a message
or a ticket).  Every value passes through ``visible``: a control byte of an
input is written as ``\\x1b``, never raw.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Report, Severity
from ..review import Mark
from ..sanitize import visible

COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "drift id"),
    ("a_source", "A"),
    ("b_source", "B"),
    ("a_passages", "A ¶"),
    ("b_passages", "B ¶"),
    ("severity", "severity"),
    ("kinds", "kinds"),
    ("direction", "direction"),
    ("a_excerpt", "A says"),
    ("b_excerpt", "B says"),
    ("verdict", "verdict"),
    ("note", "note"),
    ("explanation", "why it was flagged"),
)
"""(CSV column name, Markdown heading) of every column, in order."""

VERDICTS = {"confirmed": "real change", "dismissed": "false alarm", "noted": "noted"}
"""What each mark status means to a reader; a status a later version wrote reads as it is."""
UNDECIDED = "undecided"
ORPHAN = "mark kept from an earlier report: this report has no such finding"


def verdict(mark: Mark | None) -> str:
    if mark is None:
        return UNDECIDED
    return VERDICTS.get(mark.status, mark.status)


@dataclass(frozen=True)
class Decisions:
    """The rows, as dicts keyed by the CSV column names, and how many carry a verdict."""

    rows: tuple[dict[str, str], ...]

    @property
    def decided(self) -> int:
        return sum(1 for r in self.rows if r["verdict"] != UNDECIDED)


def _numbers(paras: tuple[int, ...]) -> str:
    return ",".join(str(i + 1) for i in paras)


def decisions(
    report: Report, marks: Mapping[str, Mark], floor: Severity = Severity.MEDIUM
) -> Decisions:
    """The rows: marked findings and unmarked ones at ``floor`` or above, in document
    order per comparison, then the marks no finding of ``report`` holds."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for comp in report.comparisons:
        a, b = report.documents[comp.a], report.documents[comp.b]
        for blk in comp.blocks:
            for d in blk.drifts:
                seen.add(d.id)
                mark = marks.get(d.id)
                if mark is None and d.severity.rank < floor.rank:
                    continue
                rows.append(
                    {
                        "id": d.id,
                        "a_source": a.label,
                        "b_source": b.label,
                        "a_passages": _numbers(blk.a),
                        "b_passages": _numbers(blk.b),
                        "severity": d.severity.value,
                        "kinds": ",".join(k.value for k in d.kinds),
                        "direction": d.direction.value if d.direction else "",
                        "a_excerpt": d.a,
                        "b_excerpt": d.b,
                        "verdict": verdict(mark),
                        "note": mark.note if mark else "",
                        "explanation": d.explanation,
                    }
                )
    for key in sorted(marks.keys() - seen):
        mark = marks[key]
        row = dict.fromkeys((name for name, _ in COLUMNS), "")
        row.update(id=key, verdict=verdict(mark), note=mark.note, explanation=ORPHAN)
        rows.append(row)
    shown = ({k: visible(v) for k, v in r.items()} for r in rows)
    return Decisions(tuple(shown))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A cell a spreadsheet will not run: text opening like a formula ("=HYPERLINK(…)",
    "-2+3") gets a leading apostrophe, as OWASP's CSV-injection advice has it."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(table: Decisions) -> str:
    """The rows as CSV with a header row (RFC 4180 quoting, CRLF line ends); no cell
    opens like a spreadsheet formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS])
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in table.rows)
    return out.getvalue()


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md_cell(text: str) -> str:
    """One table cell: on one line, Markdown's own characters escaped."""
    return " ".join(text.split()).translate(_MD_SPECIAL) or " "


def to_markdown(table: Decisions, title: str = "Review decisions") -> str:
    """The rows as a Markdown document: a heading, a count line and one table."""
    lines = [
        f"# {_md_cell(title)}",
        "",
        f"{table.decided} of {len(table.rows)} findings decided "
        f"({', '.join(f'{n} {v}' for v, n in _tally(table).items()) or 'none yet'}).",
        "",
        "| " + " | ".join(head for _, head in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in table.rows:
        lines.append("| " + " | ".join(_md_cell(row[name]) for name, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def _tally(table: Decisions) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in table.rows:
        if r["verdict"] != UNDECIDED:
            out[r["verdict"]] = out.get(r["verdict"], 0) + 1
    return out

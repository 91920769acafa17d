"""A review file's marks, matched to the drifts of a report.

Marks are keyed by drift id.  A mark whose id the report does not hold may
come from the first id scheme (one drift per rule and word op): it is carried
to the finding that holds that change today.  Several old marks can land on
one finding: a "confirmed" wins over a "noted" over a "dismissed", notes are
joined.  A mark that matches nothing is kept as it is, so saving never drops
it and the faces can list it.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Report
from .review import Mark, orphaned_marks

_RANK = {"confirmed": 3, "noted": 2, "dismissed": 1}


def _merge(old: Mark | None, new: Mark) -> Mark:
    if old is None:
        return new
    status = old.status if _RANK.get(old.status, 0) >= _RANK.get(new.status, 0) else new.status
    notes = [n for n in (old.note, new.note) if n]
    return Mark(status, " / ".join(dict.fromkeys(notes)))


def current_marks(marks: Mapping[str, Mark], report: Report) -> dict[str, Mark]:
    """``marks`` with ids of the first scheme moved to today's findings."""
    known = drift_ids(report)
    stray = [k for k in marks if k not in known]
    if not stray:
        return dict(marks)
    from .drift.legacy import legacy_ids  # only for files written before findings

    moved = legacy_ids(report)
    out: dict[str, Mark] = {k: m for k, m in marks.items() if k in known}
    for k in stray:
        target = moved.get(k)
        if target is None:
            out[k] = marks[k]
        else:
            out[target] = _merge(out.get(target), marks[k])
    return out


def drift_ids(report: Report) -> set[str]:
    return {d.id for comp in report.comparisons for d in comp.drifts}


def orphans(marks: Mapping[str, Mark], report: Report) -> list[str]:
    """Ids of marks no drift of ``report`` holds (kept in the file, listed by the faces)."""
    return list(orphaned_marks(marks, drift_ids(report)))

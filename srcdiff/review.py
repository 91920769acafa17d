"""The review file: a reviewer's marks on drifts, keyed to the drifts' stable ids.

A review file sits beside the first input (the current directory for stdin
or a URL) and is named after the inputs, so the same inputs find the same
marks on a re-run or after a restart.  It is written atomically (temp file
then ``os.replace``) as deterministic JSON with sorted keys.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

REVIEW_SCHEMA = "srcdiff-review/1"

Status = Literal["confirmed", "dismissed", "noted"]
STATUSES: tuple[Status, ...] = ("confirmed", "dismissed", "noted")


class ReviewFileError(ValueError):
    """A review file exists but cannot be read as one."""


@dataclass(frozen=True)
class Mark:
    """A reviewer's judgement on one drift."""

    status: Status
    note: str = ""


def _is_local(source: str) -> bool:
    return source != "-" and "://" not in source


def _name(source: str) -> str:
    return Path(source).name if _is_local(source) else source


def review_path(paths: Sequence[str]) -> Path:
    """Where the review file of these inputs lives.

    ``<dir of the first local input>/.srcdiff-review-<10 hex>.json``, the hex
    being the SHA-1 of the sorted input names; the current directory when
    no input is a local file.
    """
    names = sorted(_name(p) for p in paths)
    digest = hashlib.sha1("\n".join(names).encode("utf-8")).hexdigest()[:10]
    local = [p for p in paths if _is_local(p)]
    folder = Path(local[0]).parent if local else Path(".")
    return folder / f".srcdiff-review-{digest}.json"


def load_marks(path: str | os.PathLike[str]) -> dict[str, Mark]:
    """The marks saved at ``path``; empty when there is no file.

    Raises ReviewFileError when the file is not a review file.  Entries
    with an unknown status are skipped.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise ReviewFileError(f"{path}: cannot read: {err.strerror or err}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ReviewFileError(f"{path}: not JSON: {err.msg} (line {err.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("marks"), dict):
        raise ReviewFileError(f"{path}: not a srcdiff review file (no 'marks')")
    out: dict[str, Mark] = {}
    for key, value in data["marks"].items():
        if not isinstance(value, dict):
            continue
        status = value.get("status")
        note = value.get("note", "")
        if status in STATUSES and isinstance(note, str):
            out[str(key)] = Mark(cast(Status, status), note)
    return out


def dumps_marks(marks: Mapping[str, Mark]) -> str:
    """The review file's text: deterministic, sorted keys, one trailing newline."""
    data = {
        "schema": REVIEW_SCHEMA,
        "marks": {k: {"status": m.status, "note": m.note} for k, m in marks.items()},
    }
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def save_marks(path: str | os.PathLike[str], marks: Mapping[str, Mark]) -> None:
    """Write ``marks`` to ``path`` atomically (temp file beside it, then os.replace)."""
    target = Path(path)
    text = dumps_marks(marks)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    try:
        try:
            mode = os.stat(target).st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)  # mkstemp makes 0600; a review file is as readable as its inputs
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def toggle_status(marks: Mapping[str, Mark], drift_id: str, status: Status) -> dict[str, Mark]:
    """Marks with ``drift_id`` set to ``status``, or unset if it already was.

    Unsetting keeps a note as a "noted" mark; a mark with neither goes away.
    """
    out = dict(marks)
    old = out.get(drift_id)
    if old is not None and old.status == status:
        if old.note:
            out[drift_id] = Mark("noted", old.note)
        else:
            del out[drift_id]
    else:
        out[drift_id] = Mark(status, old.note if old else "")
    return out


def set_note(marks: Mapping[str, Mark], drift_id: str, note: str) -> dict[str, Mark]:
    """Marks with the note of ``drift_id`` set; a confirmed/dismissed status is kept."""
    out = dict(marks)
    note = note.strip()
    old = out.get(drift_id)
    status: Status = old.status if old and old.status != "noted" else "noted"
    if not note and status == "noted":
        out.pop(drift_id, None)
    else:
        out[drift_id] = Mark(status, note)
    return out

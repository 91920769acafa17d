"""The review file: a reviewer's marks on drifts, keyed to the drifts' stable ids.

A review file sits beside the first input (the current directory for stdin
or a URL) and is named after the inputs, so the same inputs find the same
marks on a re-run or after a restart.  Its guarantees (docs/robustness.md):

* a save is atomic: a temporary file named with the saver's pid, fsync,
  rename, fsync of the folder; a temporary file of a dead process (killed
  mid-save) is removed by the next load or save;
* saves merge: under a lock on the folder, the file is read again and only
  the marks this process changed are applied, so two processes saving at
  once lose nothing, and entries, fields and statuses this version does not
  know are written back as they were;
* a file this version cannot read (newer schema, not a review file) is never
  overwritten; a corrupt one is set aside under a name no other copy has;
* marks whose drift is not in the report are kept (and the faces list them);
* the drift a reviewer was on when they left (``position``) is kept beside the
  marks, so the TUI reopens there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: saves still merge, unlocked
    fcntl = None  # type: ignore[assignment]

REVIEW_SCHEMA = "srcdiff-review/1"
SCHEMA_FAMILY = "srcdiff-review/"

Status = Literal["confirmed", "dismissed", "noted"]
STATUSES: tuple[Status, ...] = ("confirmed", "dismissed", "noted")


class ReviewFileError(ValueError):
    """A review file exists but cannot be read as one.

    ``set_aside`` says whether the file is broken (truncated, not JSON, not a
    review file) and may be moved out of the way, or must be left as it is
    (a newer schema, a directory, unreadable).
    """

    def __init__(self, message: str, *, set_aside: bool) -> None:
        super().__init__(message)
        self.set_aside = set_aside


@dataclass(frozen=True)
class Mark:
    """A reviewer's judgement on one drift.  ``status`` is one of STATUSES, or a
    status a later version wrote, which is kept and shown as it is."""

    status: str
    note: str = ""

    @property
    def decided(self) -> bool:
        """Whether the mark gives a verdict: a note alone ("noted") does not."""
        return self.status != "noted"


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
    # surrogateescape: a name's bytes that are not UTF-8 count as the bytes they are.
    digest = hashlib.sha1("\n".join(names).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    local = [p for p in paths if _is_local(p)]
    folder = Path(local[0]).parent if local else Path(".")
    return folder / f".srcdiff-review-{digest}.json"


# --- reading ---------------------------------------------------------------------


def _read_raw(path: Path) -> dict[str, Any] | None:
    """The file's JSON object; None when there is no file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ReviewFileError(f"{path}: is a directory", set_aside=False) from None
    except OSError as err:
        raise ReviewFileError(
            f"{path}: cannot read: {err.strerror or err}", set_aside=False
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # A note typed in a legacy editor: its bytes are text in that code page.
        text = data.decode("cp1252", errors="replace")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReviewFileError(
            f"{path}: not JSON: {err.msg} (line {err.lineno})", set_aside=True
        ) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("marks"), dict):
        raise ReviewFileError(f"{path}: not a srcdiff review file (no 'marks')", set_aside=True)
    schema = raw.get("schema", REVIEW_SCHEMA)
    if schema != REVIEW_SCHEMA:
        newer = isinstance(schema, str) and schema.startswith(SCHEMA_FAMILY)
        what = "a newer schema" if newer else "an unknown schema"
        raise ReviewFileError(
            f"{path}: written in {what} ({str(schema)[:40]!r}) that this version cannot "
            "read; it is left as it is",
            set_aside=False,
        )
    return raw


def keyed_marks(entries: Mapping[str, Any]) -> dict[str, Mark]:
    """The marks of a file's ``marks`` object, keyed by drift id.

    The one place where an id read from a file becomes the key a face looks a
    drift up by (a change of id scheme is translated here).  Entries that are
    not a mark (no status, a note that is not text) are left out of the
    result but stay in the file.
    """
    out: dict[str, Mark] = {}
    for key, value in entries.items():
        if not isinstance(value, dict):
            continue
        status = value.get("status")
        note = value.get("note", "")
        if isinstance(status, str) and status and isinstance(note, str):
            out[str(key)] = Mark(status, note)
    return out


def load_marks(path: str | os.PathLike[str]) -> dict[str, Mark]:
    """The marks saved at ``path``; empty when there is no file.

    Raises ReviewFileError when the file is not a review file this version
    can read.  Removes the temporary files of saves killed midway.
    """
    target = Path(path)
    clear_stale_temps(target)
    raw = _read_raw(target)
    return {} if raw is None else keyed_marks(raw["marks"])


def load_position(path: str | os.PathLike[str]) -> str | None:
    """The id of the drift the reviewer was on when they last left; None if not saved.

    Raises ReviewFileError as ``load_marks`` does.
    """
    raw = _read_raw(Path(path))
    where = raw.get("position") if raw is not None else None
    drift = where.get("drift") if isinstance(where, dict) else None
    return drift if isinstance(drift, str) and drift else None


def orphaned_marks(marks: Mapping[str, Mark], drift_ids: set[str]) -> dict[str, Mark]:
    """The marks on drifts that are not in the report: kept in the file, listed by faces."""
    return {k: m for k, m in sorted(marks.items()) if k not in drift_ids}


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Move a broken review file out of the way under a name no other copy has
    (``NAME.bad``, ``NAME.bad-2``, ...); the new name."""
    target = Path(path)
    for n in range(1, 10_000):
        aside = target.with_name(target.name + (".bad" if n == 1 else f".bad-{n}"))
        try:
            os.link(target, aside)  # fails if the name is taken: nothing is overwritten
        except FileExistsError:
            continue
        os.unlink(target)
        return aside
    raise OSError(f"{target}: too many copies set aside already")


# --- writing ---------------------------------------------------------------------

_TEMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.tmp")


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clear_stale_temps(target: Path) -> list[Path]:
    """Remove the temporary files of saves to ``target`` whose process is dead."""
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent if str(target.parent) else ".")
    except OSError:
        return removed
    for name in names:
        m = _TEMP.fullmatch(name)
        if m is None or m["name"] != target.name:
            continue
        pid = int(m["pid"])
        if pid != os.getpid() and not _alive(pid):
            stale = target.with_name(name)
            with contextlib.suppress(OSError):
                stale.unlink()
                removed.append(stale)
    return removed


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder of the review file, held while a save merges.

    The folder, not a lock file, so that a save leaves no file behind; the
    lock goes with the process if it is killed.
    """
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # a folder we may write but not open: save unlocked
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def dumps_marks(marks: Mapping[str, Mark]) -> str:
    """The review file's text: deterministic, sorted keys, one trailing newline."""
    return _dumps({"marks": {k: {"status": m.status, "note": m.note} for k, m in marks.items()}})


def _dumps(raw: Mapping[str, Any]) -> str:
    data = {**raw, "schema": REVIEW_SCHEMA}
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _merged(
    raw: dict[str, Any], marks: Mapping[str, Mark], base: Mapping[str, Mark] | None
) -> dict[str, Any]:
    """The file's object with this process's changes applied.

    A change is a mark that differs from ``base`` (what this process last
    read or wrote); without ``base`` every mark is a change and none is
    removed.  Fields of an entry this version does not know are kept.
    """
    entries: dict[str, Any] = dict(raw.get("marks", {}))
    ids = marks.keys() if base is None else marks.keys() | base.keys()
    for key in sorted(ids):
        mark = marks.get(key)
        if base is not None and base.get(key) == mark:
            continue
        if mark is None:
            entries.pop(key, None)
            continue
        old = entries.get(key)
        entry = dict(old) if isinstance(old, dict) else {}
        entry.update(status=mark.status, note=mark.note)
        entries[key] = entry
    return {**raw, "marks": entries}


def save_marks(
    path: str | os.PathLike[str],
    marks: Mapping[str, Mark],
    *,
    base: Mapping[str, Mark] | None = None,
) -> dict[str, Mark]:
    """Merge ``marks`` into the review file at ``path``, atomically; the marks now saved.

    ``base`` is the marks this process last loaded or saved: a mark in it
    and not in ``marks`` is removed from the file.  Marks saved meanwhile by
    another process, and everything this version does not know, are kept.
    Raises ReviewFileError, leaving the file untouched, when it cannot be read.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    with _locked(folder):
        clear_stale_temps(target)
        raw = _read_raw(target) or {}
        merged = _merged(raw, marks, base)
        _write_atomic(target, _dumps(merged))
    return keyed_marks(merged["marks"])


def save_position(path: str | os.PathLike[str], drift_id: str) -> None:
    """Keep ``drift_id`` as the reviewer's place in the review file at ``path``, atomically.

    Everything else in the file, the marks and what this version does not
    know (other fields of ``position`` too), is written back as it was.
    Raises ReviewFileError, leaving the file untouched, when it cannot be read.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    with _locked(folder):
        clear_stale_temps(target)
        raw = _read_raw(target) or {"marks": {}}
        old = raw.get("position")
        where = dict(old) if isinstance(old, dict) else {}
        where["drift"] = drift_id
        _write_atomic(target, _dumps({**raw, "position": where}))


def _write_atomic(target: Path, text: str) -> None:
    tmp = _temp_path(target)
    try:
        mode = os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # as readable as its inputs, not mkstemp's 0600
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # this pid's own leftover: no other process writes this name
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(target.parent if str(target.parent) else Path("."))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- changing marks --------------------------------------------------------------


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
    """Marks with the note of ``drift_id`` set; any status but "noted" is kept."""
    out = dict(marks)
    note = note.strip()
    old = out.get(drift_id)
    status = old.status if old and old.status != "noted" else "noted"
    if not note and status == "noted":
        out.pop(drift_id, None)
    else:
        out[drift_id] = Mark(status, note)
    return out

"""Where a corpus's documents are, and reading one back from where it is.

A source is a folder of files, a JSON Lines file (one document a line:
``{"id", "text" or "html", "date", "source", "url"}``) or a WARC file of
archived pages.  Listing a source yields *parts*: slices of it that one task
reads whole (a run of files, a byte range of lines, one WARC file).  Reading
a part yields every document in it with its *location*, so that a later task
can read one document again without the rest: the corpus text is never held
in one place.  A document that cannot be read comes back as an ``Unreadable``
with its id and the problem; it never stops the job.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, cast

from ..errors import InputError
from ..read import DEFAULT_MAX_BYTES, decode_bytes, read_input

PART_BYTES = 4 * 1024 * 1024
"""About how much text one part holds: one task's reading and shingling."""
PART_FILES = 200
"""Most files of a folder in one part."""
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")


@dataclass(frozen=True)
class Location:
    """How to read one document again: ``kind`` is file, jsonl or warc."""

    kind: str
    path: str
    offset: int = 0


@dataclass(frozen=True)
class Part:
    """A slice of one source that one task reads: files, or a byte range of a file."""

    kind: str
    path: str
    start: int = 0
    end: int = -1
    files: tuple[str, ...] = ()
    root: str = ""

    @property
    def key(self) -> str:
        """A name for the part that depends only on what it covers."""
        first = self.files[0] if self.files else ""
        return f"{self.kind}:{self.path}:{self.start}:{self.end}:{first}:{len(self.files)}"


@dataclass(frozen=True)
class CorpusDoc:
    id: str
    text: str
    location: Location
    date: str | None = None
    source: str | None = None
    url: str | None = None
    kind: str = "text"


@dataclass(frozen=True)
class Unreadable:
    id: str
    problem: str


def list_parts(sources: Sequence[str]) -> list[Part]:
    """The parts of every source, in a fixed order; raise InputError for a bad source."""
    parts: list[Part] = []
    for src in sources:
        if os.path.isdir(src):
            parts += _folder_parts(src)
        elif not os.path.exists(src):
            raise InputError(src, "no such file or folder")
        elif src.lower().endswith(WARC_SUFFIXES):
            parts.append(Part("warc", src))
        elif src.lower().endswith(JSONL_SUFFIXES):
            parts += _jsonl_parts(src)
        else:
            parts.append(Part("files", src, files=(src,), root=os.path.dirname(src)))
    return parts


def _folder_parts(root: str) -> list[Part]:
    files: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        files += [os.path.join(dirpath, f) for f in sorted(filenames) if not f.startswith(".")]
    out: list[Part] = []
    chunk: list[str] = []
    size = 0
    for f in files:
        chunk.append(f)
        size += _size(f)
        if len(chunk) >= PART_FILES or size >= PART_BYTES:
            out.append(Part("files", root, files=tuple(chunk), root=root))
            chunk, size = [], 0
    if chunk:
        out.append(Part("files", root, files=tuple(chunk), root=root))
    return out


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _jsonl_parts(path: str) -> list[Part]:
    """Byte ranges of about PART_BYTES, each ending at a line's end."""
    if path.endswith(".gz"):
        return [Part("jsonl", path)]
    total = _size(path)
    out: list[Part] = []
    start = 0
    with open(path, "rb") as fh:
        while start < total:
            fh.seek(min(start + PART_BYTES, total))
            if fh.tell() < total:
                fh.readline()
            end = fh.tell()
            out.append(Part("jsonl", path, start, end))
            start = end
    return out or [Part("jsonl", path, 0, 0)]


def read_part(part: Part, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[CorpusDoc | Unreadable]:
    """Every document of ``part``, or why it could not be read."""
    if part.kind == "files":
        for f in part.files:
            yield _read_file(f, part.root)
    elif part.kind == "jsonl":
        yield from _read_jsonl(part)
    else:
        yield from _read_warc(part.path, None)


def _file_id(path: str, root: str) -> str:
    return os.path.relpath(path, root) if root else path


def _read_file(path: str, root: str, max_bytes: int = DEFAULT_MAX_BYTES) -> CorpusDoc | Unreadable:
    doc_id = _file_id(path, root)
    try:
        raw = read_input(path, max_bytes=max_bytes)
    except InputError as err:
        return Unreadable(doc_id, err.problem)
    return CorpusDoc(doc_id, raw.text, Location("file", path), kind=raw.kind, source=root or None)


def _open_lines(path: str) -> BinaryIO:
    if path.endswith(".gz"):
        return cast(BinaryIO, gzip.open(path, "rb"))
    return open(path, "rb")  # noqa: SIM115


def _read_jsonl(part: Part) -> Iterator[CorpusDoc | Unreadable]:
    with _open_lines(part.path) as fh:
        fh.seek(part.start)
        while part.end < 0 or fh.tell() < part.end:
            offset = fh.tell()
            line = fh.readline()
            if not line:
                break
            if line.strip():
                yield jsonl_doc(line, part.path, offset)


def _html_text(html: str) -> str:
    """A page's text as single inputs read it: main text and furniture, in page order."""
    from ..webpage import read_page  # lxml and trafilatura take a while to import

    return read_page(html).text


def jsonl_doc(line: bytes, path: str, offset: int) -> CorpusDoc | Unreadable:
    """One JSON Lines record as a document; its id falls back to file:byte offset."""
    fallback = f"{os.path.basename(path)}:{offset}"
    try:
        rec = json.loads(line)
    except (ValueError, UnicodeDecodeError) as err:
        return Unreadable(fallback, f"not a JSON object ({err})")
    if not isinstance(rec, dict):
        return Unreadable(fallback, "not a JSON object")
    doc_id = str(rec.get("id") or fallback)
    text, html = rec.get("text"), rec.get("html")
    kind = "text"
    if isinstance(html, str) and not isinstance(text, str):
        text, kind = _html_text(html), "html"
    if not isinstance(text, str):
        return Unreadable(doc_id, 'has neither "text" nor "html"')
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Unreadable(doc_id, "is empty")
    return CorpusDoc(
        doc_id,
        text,
        Location("jsonl", path, offset),
        date=_opt(rec.get("date")),
        source=_opt(rec.get("source")),
        url=_opt(rec.get("url")),
        kind=kind,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _read_warc(path: str, only: int | None) -> Iterator[CorpusDoc | Unreadable]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")  # noqa: SIM115
    except OSError as err:
        yield Unreadable(path, f"cannot be read: {err.strerror or err}")
        return
    with fh:
        if only is not None:
            fh.seek(only)
        try:
            records = ArchiveIterator(fh)
            for rec in records:
                if rec.rec_type not in ("response", "resource"):
                    continue
                data = rec.content_stream().read()  # before the offset, which skips the rest
                offset = records.get_record_offset() + (only or 0)
                yield _warc_doc(rec, data, path, offset)
                if only is not None:
                    return
        except Exception as err:  # warcio raises its own and plain errors on bad archives
            yield Unreadable(path, f"bad WARC archive ({type(err).__name__}: {err})")


def _warc_doc(rec: object, data: bytes, path: str, offset: int) -> CorpusDoc | Unreadable:
    headers = rec.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI") or f"{os.path.basename(path)}:{offset}"
    date = headers.get_header("WARC-Date")
    http = getattr(rec, "http_headers", None)
    ctype = (http.get_header("Content-Type") if http else None) or ""
    if not ctype:
        ctype = headers.get_header("Content-Type") or ""
    if not data:
        return Unreadable(uri, "is empty")
    declared = None
    if "charset=" in ctype.lower():
        declared = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
    try:
        text, _ = decode_bytes(data, uri, declared=declared)
    except InputError as err:
        return Unreadable(uri, err.problem)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = "text"
    if "html" in ctype.lower() or text.lstrip()[:1] == "<":
        text, kind = _html_text(text), "html"
    if not text.strip():
        return Unreadable(uri, "is empty")
    return CorpusDoc(uri, text, Location("warc", path, offset), date=date, url=uri, kind=kind)


def read_at(loc: Location) -> CorpusDoc | Unreadable:
    """The document at ``loc`` (as found when its part was read)."""
    if loc.kind == "file":
        return _read_file(loc.path, "")
    if loc.kind == "jsonl":
        with _open_lines(loc.path) as fh:
            fh.seek(loc.offset)
            return jsonl_doc(fh.readline(), loc.path, loc.offset)
    for doc in _read_warc(loc.path, loc.offset):
        return doc
    return Unreadable(f"{loc.path}:{loc.offset}", "no record at this offset")

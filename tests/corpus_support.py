"""A small corpus for the corpus-mode tests: the hand-written stories among unrelated text."""

from __future__ import annotations

import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
VERSIONS = ("wire", "rewrite", "backtranslated", "scrape")
LICENCES = Path("/usr/share/common-licenses")


def unrelated_texts() -> list[tuple[str, str]]:
    """Pieces of real text that share nothing with the stories or with each other: one of
    the project's docs cut into its sections (several docs describe the same fields in the
    same words, which corpus mode rightly groups), and (where present) Debian's licences."""
    out: list[tuple[str, str]] = []
    for path in [ROOT / "docs" / "html-report.md"]:
        for k, section in enumerate(path.read_text(encoding="utf-8").split("\n## ")):
            if len(section) > 400:
                out.append((f"docs-{path.stem}-{k}", section))
    for name in ("Apache-2.0", "Artistic", "BSD", "CC0-1.0"):
        if (LICENCES / name).exists():
            out.append((f"licence-{name}", (LICENCES / name).read_text(encoding="utf-8")[:5000]))
    return out


def write_folder(root: Path) -> Path:
    """Stories and unrelated pieces as files, one unreadable (binary) file among them."""
    root.mkdir(parents=True, exist_ok=True)
    for story in ("court", "quake", "telecom"):
        for v in VERSIONS:
            text = (STORIES / story / f"{v}.txt").read_text(encoding="utf-8")
            (root / f"{story}-{v}.txt").write_text(text, encoding="utf-8")
    for name, text in unrelated_texts():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "broken.bin").write_bytes(b"\x00\x01\x02\x03binary\xff\xfe" * 20)
    return root


def write_jsonl(path: Path) -> Path:
    """The quake story as dated JSON Lines records, one of them HTML, one bad line."""
    lines = []
    for day, v in enumerate(VERSIONS):
        text = (STORIES / "quake" / f"{v}.txt").read_text(encoding="utf-8")
        rec: dict[str, str] = {"id": f"quake-{v}", "date": f"2024-05-0{day + 1}"}
        if v == "scrape":
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
            rec["html"] = f"<html><body><article>{paras}</article></body></html>"
        else:
            rec["text"] = text
        lines.append(json.dumps(rec))
    lines.insert(2, "{not json")
    lines.append(json.dumps({"id": "no-text", "date": "2024-05-09"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_warc(path: Path) -> Path:
    """The court story's wire and scrape as archived HTML pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for v in ("wire", "scrape"):
            text = (STORIES / "court" / f"{v}.txt").read_text(encoding="utf-8")
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
            body = f"<html><head><title>{v}</title></head><body>{paras}</body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"https://example.org/court/{v}",
                "response",
                payload=io.BytesIO(body.encode("utf-8")),
                http_headers=headers,
            )
            writer.write_record(rec)
    return path

"""Shared by the HTML report tests: seed reports, a stand-in classifier, an HTML reader."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from srcdiff.model import Drift, DriftKind, Op, OpKind, Report, Severity
from srcdiff.pipeline import compare, compare_paths, make_document
from srcdiff.read import read_input

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PINNED_MODIFIED = "2024-04-13T12:00:00Z"

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def pinned(report: Report) -> Report:
    """The report with paths relative to the repository and fixed modification times."""
    docs = []
    for d in report.documents:
        path = Path(d.path)
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else d.path
        docs.append(dataclasses.replace(d, path=rel, modified=PINNED_MODIFIED))
    return dataclasses.replace(report, documents=tuple(docs))


def seed_report(*names: str) -> Report:
    """The seeds compared by the real pipeline (the project's drift classifier)."""
    return pinned(compare_paths([str(SEEDS / n) for n in names]))


def toy_report(*paths: str | Path) -> Report:
    """Inputs read as the command line reads them, compared with :func:`toy_classify`."""
    docs = [make_document(read_input(str(p))) for p in paths]
    return pinned(compare(docs, classifier=toy_classify))


def toy_classify(ops: Sequence[Op], a_facts: object, b_facts: object) -> tuple[Drift, ...]:
    """A stand-in for the drift classifier: every change is a drift, by crude rules."""
    out = []
    for n, op in enumerate(ops):
        if op.op is OpKind.EQUAL or not (op.a.strip() or op.b.strip()):
            continue
        both = op.a + op.b
        kinds: list[DriftKind] = []
        if re.search(r"\d", both):
            kinds.append(DriftKind.NUMBER)
        if re.search('["“”]', both):
            kinds.append(DriftKind.QUOTE)
        if re.search(r"\bnot?\b", both):
            kinds.append(DriftKind.NEGATION)
        if not kinds:
            short = len(both.split()) <= 2
            kinds.append(DriftKind.SPELLING if short else DriftKind.WORDING)
        sev = {
            DriftKind.NUMBER: Severity.HIGH,
            DriftKind.QUOTE: Severity.HIGH,
            DriftKind.NEGATION: Severity.HIGH,
            DriftKind.WORDING: Severity.MEDIUM,
            DriftKind.SPELLING: Severity.LOW,
        }[kinds[0]]
        digest = hashlib.sha1(f"{op.a_span}{op.b_span}{both}".encode()).hexdigest()[:10]
        out.append(
            Drift(
                digest,
                tuple(kinds),
                sev,
                op.a,
                op.b,
                op.a_span,
                op.b_span,
                f'"{op.a.strip()}" became "{op.b.strip()}"',
                n,
            )
        )
    return tuple(out)


class Page(HTMLParser):
    """What the tests need to know about a report page, read with html.parser."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self.comments: list[str] = []
        self.text_chunks: list[str] = []
        self.paras: dict[tuple[int, str, str], list[str]] = {}
        self.classes: dict[str, int] = {}
        self._para: tuple[int, str, str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        for k, v in a.items():
            self.attrs.append((tag, k, v))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        for c in a.get("class", "").split():
            self.classes[c] = self.classes.get(c, 0) + 1
        if tag == "script":
            self.scripts.append("")
        if tag == "p" and "para" in a.get("class", "").split():
            self._para = (self._cmp(), self._side(), a.get("data-n", ""))
            self.paras.setdefault(self._para, [])
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, a = self.stack.pop()
            if t == "p" and "para" in a.get("class", "").split():
                self._para = None
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts[-1] += data
            return
        if self.stack and self.stack[-1][0] == "style":
            return
        self.text_chunks.append(data)
        if self._para is not None:
            self.paras[self._para].append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def _cmp(self) -> int:
        for _, a in reversed(self.stack):
            if "data-cmp" in a:
                return int(a["data-cmp"])
        return 0

    def _side(self) -> str:
        for _, a in reversed(self.stack):
            cls = a.get("class", "").split()
            if "cell" in cls:
                return "a" if "side-a" in cls else "b"
        return ""

    def para_text(self, cmp: int, side: str, index: int) -> str | None:
        chunks = self.paras.get((cmp, side, f"¶{index + 1}"))
        return None if chunks is None else "".join(chunks)

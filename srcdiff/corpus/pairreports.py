"""Pair reports for the corpus report: the full srcdiff HTML report of each high-drift member."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..pipeline import compare, document_from_text
from ..render.html import render_html
from .job import JobResult
from .sources import CorpusDoc, read_at
from .tasks import QUERY_PREFIX

MAX_REPORTS = 500
"""Most pair reports written next to one corpus report."""


def _high(o: dict[str, Any]) -> bool:
    return bool(o.get("drift_counts", {}).get("high"))


def write_pair_reports(
    result: JobResult, objs: Sequence[dict[str, Any]], folder: str, query: CorpusDoc | None
) -> dict[tuple[str, str], str]:
    """Write one report per member (or match) with a high drift; their links by (ref, id)."""
    loc = dict(zip(result.corpus.ids, result.corpus.locations, strict=True))
    wanted = [o for o in objs if o["type"] in ("member", "match") and _high(o)][:MAX_REPORTS]
    if not wanted:
        return {}
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as err:
        raise InputError(folder, f"cannot write: {err.strerror or err}") from None
    links: dict[tuple[str, str], str] = {}
    for o in wanted:
        ref = o.get("origin") or o["query"]
        docs = []
        for doc_id in (ref, o["id"]):
            doc = query if query is not None and doc_id.startswith(QUERY_PREFIX) else None
            got = doc or read_at(loc[doc_id])
            if not isinstance(got, CorpusDoc):
                break
            docs.append(document_from_text(got.text, label=doc_id, path=doc_id))
        if len(docs) != 2:
            continue
        name = hashlib.sha1(f"{ref}\0{o['id']}".encode()).hexdigest()[:16] + ".html"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(render_html(compare(docs, base=0)))
        links[(ref, o["id"])] = os.path.basename(folder) + "/" + name
    return links

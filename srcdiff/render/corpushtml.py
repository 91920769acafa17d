"""The corpus report as one self-contained HTML page.

It reads only the corpus output objects (``srcdiff.corpus.output.records``):
the stories with their origin and members, who copied whom, and a table of
the high drifts, each linked to its pair report where one was written.
Every input-derived string goes through ``esc``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .htmlkit import esc, pct, safe_id, short

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.high{color:#b00020;font-weight:600}.origin{font-weight:600}
.rel{font-size:.85em;padding:0 .4em;border-radius:.6em;background:#eef}
del{background:#fdd;text-decoration:none}ins{background:#dfd;text-decoration:none}
"""

RELATION_WORD = {
    "copy": "copy",
    "contained": "contained",
    "reworded": "reworded",
    "shares_facts": "shares facts",
    "unrelated": "unrelated",
}


def _link(text: str, href: str | None) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)


def _stories(objs: Sequence[dict[str, Any]], links: Mapping[tuple[str, str], str]) -> list[str]:
    out = ['<h2 id="stories">Stories</h2>']
    for o in objs:
        if o["type"] == "cluster":
            out.append(
                f'<h3 id="{safe_id(o["id"])}">{esc(o["id"])}: {o["size"]} documents</h3>'
                f'<p>Origin <span class="origin">{esc(o["origin"])}</span>: '
                f"{esc(o['origin_reason'])}</p>"
                "<table><tr><th>document</th><th>date</th><th>relation to origin</th>"
                '<th class="num">shared</th><th class="num">high</th>'
                '<th class="num">medium</th><th class="num">low</th></tr>'
            )
        elif o["type"] == "member":
            out.append(_member_row(o, links.get((o["origin"], o["id"]))))
        elif o["type"] == "end-cluster":
            out.append("</table>")
    return out


def _member_row(o: dict[str, Any], href: str | None) -> str:
    if "relation" not in o:
        return f"<tr><td>{esc(o['id'])}</td><td colspan=6>not compared</td></tr>"
    c = o["drift_counts"]
    return (
        f"<tr><td>{_link(o['id'], href)}</td><td>{esc(o.get('date') or '—')}</td>"
        f'<td><span class="rel">{esc(RELATION_WORD[o["relation"]])}</span></td>'
        f'<td class="num">{pct(o["found_b"])}</td>'
        f'<td class="num high">{c["high"] or ""}</td><td class="num">{c["medium"]}</td>'
        f'<td class="num">{c["low"]}</td></tr>'
    )


def _copies(objs: Sequence[dict[str, Any]]) -> list[str]:
    rows = [o for o in objs if o["type"] == "pair"]
    out = [
        '<h2 id="who">Who copied whom</h2>',
        "<table><tr><th>from</th><th>to</th><th>relation</th><th>how</th></tr>",
    ]
    for o in rows:
        src, der = o["source"], o["derived"]
        if src is None or der is None:
            src, der = o["a"], o["b"]
            arrow = "↔"
        else:
            arrow = "→"
        out.append(
            f"<tr><td>{esc(src)}</td><td>{arrow} {esc(der)}</td>"
            f'<td><span class="rel">{esc(RELATION_WORD[o["relation"]])}</span></td>'
            f"<td>{esc(o['explanation'])}</td></tr>"
        )
    out.append("</table>")
    return out


def _high_drifts(objs: Sequence[dict[str, Any]], links: Mapping[tuple[str, str], str]) -> list[str]:
    out = [
        '<h2 id="drifts">High drifts</h2>',
        "<table><tr><th>document</th><th>kind</th><th>origin says</th><th>it says</th>"
        "<th>why</th></tr>",
    ]
    for o in objs:
        if o["type"] not in ("member", "match"):
            continue
        ref = o.get("origin") or o.get("query") or ""
        href = links.get((ref, o["id"]))
        for d in o.get("drifts", []):
            if d["severity"] != "high":
                continue
            out.append(
                f"<tr><td>{_link(o['id'], href)}</td><td class=high>{esc(d['kind'])}</td>"
                f"<td><del>{esc(short(d['a'], 120))}</del></td>"
                f"<td><ins>{esc(short(d['b'], 120))}</ins></td>"
                f"<td>{esc(d['explanation'])}</td></tr>"
            )
    out.append("</table>")
    return out


def _matches(objs: Sequence[dict[str, Any]], links: Mapping[tuple[str, str], str]) -> list[str]:
    out = [
        '<h2 id="matches">Matches</h2>',
        "<table><tr><th>document</th><th>relation to the query</th>"
        '<th class="num">shared</th><th class="num">high</th>'
        '<th class="num">medium</th><th class="num">low</th></tr>',
    ]
    for o in objs:
        if o["type"] == "match":
            out.append(_member_row({**o, "origin": o["query"]}, links.get((o["query"], o["id"]))))
    out.append("</table>")
    return out


def _with_ends(objs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects with a marker after each cluster's members, where its table closes."""
    out: list[dict[str, Any]] = []
    open_table = False
    for o in objs:
        if o["type"] == "cluster" and open_table:
            out.append({"type": "end-cluster"})
        if o["type"] == "cluster":
            open_table = True
        elif o["type"] not in ("member",) and open_table:
            out.append({"type": "end-cluster"})
            open_table = False
        out.append(o)
    if open_table:
        out.append({"type": "end-cluster"})
    return out


def render_corpus_html(
    objs: Sequence[dict[str, Any]], links: Mapping[tuple[str, str], str] | None = None
) -> str:
    """The page for a corpus run's output objects; ``links`` maps (origin, id) to a pair report."""
    links = links or {}
    head = objs[0]
    bad = [o for o in objs if o["type"] == "unreadable"]
    body = [
        "<h1>srcdiff corpus report</h1>",
        f"<p>{head['documents']:,} documents, {head['unreadable']:,} unreadable, "
        f"{head['candidates']:,} candidate pairs ({head['compared']:,} comparisons in full, "
        f"{head['screened']:,} candidates screened out), "
        f"{head['related']:,} related"
        + ("" if head["mode"] == "query" else f", {head['clusters']:,} stories")
        + ".</p>",
    ]
    if head["mode"] == "query":
        body += _matches(objs, links)
    else:
        body += _stories(_with_ends(objs), links)
        body += _copies(objs)
    body += _high_drifts(objs, links)
    if bad:
        body.append('<h2 id="unreadable">Unreadable documents</h2><ul>')
        body += [f"<li>{esc(o['id'])}: {esc(o['problem'])}</li>" for o in bad]
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>srcdiff corpus report</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )

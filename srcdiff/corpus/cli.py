"""``srcdiff corpus SOURCES... [--query FILE]``: every version of a story in a collection."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence

from ..errors import InputError

EPILOG = """\
examples:
  srcdiff corpus archive/ --query wire.txt          matches of one story, JSON Lines
  srcdiff corpus feed.jsonl crawl.warc.gz --text    stories in a collection, a summary
  srcdiff corpus archive/ --html -o stories.html    the corpus report
  srcdiff corpus archive/ --scheduler tcp://10.0.0.5:8786 -o out.jsonl
  srcdiff corpus archive/ -o out.jsonl --resume     go on where a stopped run left off

exit status: 0 done, 2 trouble (a document that cannot be read is reported, not fatal).
"""

NEEDS = ("distributed", "numpy", "warcio")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="srcdiff corpus",
        description="Find the documents of a collection that share passages (with a query, "
        "or with each other), compare each candidate pair in full, and tell how each "
        "version relates to and drifted from its origin.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="folders of files, JSON Lines files (.jsonl: id, text or html, date, source, "
        "url) and WARC files (.warc, .warc.gz)",
    )
    p.add_argument("--query", metavar="FILE", help="find the versions of this one story")
    face = p.add_mutually_exclusive_group()
    face.add_argument("--text", action="store_true", help="print a text summary")
    face.add_argument("--html", action="store_true", help="write the HTML corpus report")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on an existing Dask cluster, e.g. tcp://127.0.0.1:8786 "
        "(default: a local cluster of worker processes)",
    )
    p.add_argument(
        "--workers", type=int, default=0, metavar="N", help="local workers (default: one a core)"
    )
    p.add_argument(
        "--threads", action="store_true", help="local workers as threads of this process"
    )
    p.add_argument(
        "--work",
        metavar="DIR",
        help="keep the work log in DIR (default: OUTPUT.work when -o is given)",
    )
    p.add_argument("--resume", action="store_true", help="skip the work the work log says is done")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return p


def _missing() -> list[str]:
    return [m for m in NEEDS if importlib.util.find_spec(m) is None]


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    missing = _missing()
    if missing:
        raise InputError(
            "corpus",
            f"needs {', '.join(missing)}: pip install 'srcdiff[corpus]'",
        )
    work = args.work or (args.output + ".work" if args.output else None)
    if args.resume and work is None:
        raise InputError("--resume", "needs -o FILE or --work DIR to find the work log")
    if args.workers < 0:
        raise InputError("--workers", "must be 0 or more")

    from .job import JobConfig, run_job
    from .output import render_jsonl, render_summary

    config = JobConfig(
        sources=tuple(args.sources),
        query=args.query,
        scheduler=args.scheduler,
        workers=args.workers,
        threads=args.threads,
        work=work,
        resume=args.resume,
        quiet=args.quiet,
    )
    result = run_job(config)
    if args.html:
        from ..render.corpushtml import render_corpus_html
        from .job import read_query
        from .output import records
        from .pairreports import write_pair_reports

        objs = list(records(result))
        links = {}
        if args.output:
            query = read_query(args.query) if args.query else None
            links = write_pair_reports(result, objs, args.output + ".pairs", query)
        text = render_corpus_html(objs, links)
    elif args.text:
        text = render_summary(result)
    else:
        text = render_jsonl(result)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as err:
            raise InputError(args.output, f"cannot write: {err.strerror or err}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0

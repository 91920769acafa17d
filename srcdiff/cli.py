"""Command line: ``srcdiff A B [C ...]`` and its faces (TUI, --text, --html, --json)."""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, NoReturn

from .errors import InputError
from .model import Report, Severity
from .read import DEFAULT_MAX_BYTES
from .sanitize import guard_terminal, one_line

if TYPE_CHECKING:
    from .review import Mark

EPILOG = """\
examples:
  srcdiff seeds/cnn-bundle-scrape.txt seeds/cnn-backtranslated.txt
        review interactively (in a terminal) or print text (in a pipe)
  srcdiff a.txt b.txt --text --inline --color=never | less
  srcdiff a.txt b.txt --html -o report.html
  srcdiff a.txt b.txt --json | jq '.comparisons[0].summary'
  srcdiff a.txt b.txt --stat
  srcdiff a.txt b.txt --claims
  srcdiff a.txt b.txt --fail-on high   # exit 1 only for high-severity drift
  srcdiff wire.txt x.txt y.txt z.txt --base wire.txt
  curl -s URL | srcdiff - saved.html
  srcdiff --read page.html      # how srcdiff reads a page: paragraphs, furniture and why

exit status: 0 the texts say the same, 1 they differ (or, with --fail-on, a drift of
that severity exists), 2 trouble: bad input, a bad option, an output that cannot be
written, or an interruption (one line on stderr says which).
  with --read: 0 every input was read, 2 some could not be.
"""

MAX_SIZE_LIMIT = 4 * 1024**3
"""The largest --max-size accepted: more than any text, less than memory can hold."""
MAX_WIDTH = 1000
"""The widest --width accepted; a terminal wider than this is drawn this wide."""
MIN_WIDTH = 40


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().rstrip("b")
    mult = units.get(t[-1:], 1)
    num = t[:-1] if t[-1:] in units else t
    try:
        value = float(num) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20M)") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20M)")
    if value > MAX_SIZE_LIMIT:
        raise argparse.ArgumentTypeError(f"size {text!r} is over the largest accepted, 4G")
    if int(value) <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return int(value)


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(
            f"width must be 0 (the terminal's) up to {MAX_WIDTH}: {text!r}"
        )
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints on one line that a terminal shows as it is."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="srcdiff",
        description="Compare versions of one text from different sources: pair the passages "
        "that say the same thing in any order, show what changed word by word, and flag the "
        "changes that alter meaning (numbers, quotes, negations, hedges, attributions, names).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="two or more inputs: paths, '-' for stdin, or http(s) URLs; "
        "plain text, HTML (main text extracted) or Markdown",
    )
    face = p.add_mutually_exclusive_group()
    face.add_argument(
        "--text",
        action="store_true",
        help="print text (side by side, or --inline); the default in a pipe. "
        "e.g. srcdiff a b --text",
    )
    face.add_argument(
        "--html",
        action="store_true",
        help="write a self-contained HTML report to stdout or -o FILE. "
        "e.g. srcdiff a b --html -o r.html",
    )
    face.add_argument(
        "--json",
        action="store_true",
        help="print the report as JSON (schema srcdiff/1). e.g. srcdiff a b --json",
    )
    face.add_argument(
        "--stat",
        action="store_true",
        help="print a one-screen summary: paired, moved, split/merged, one-sided, "
        "noise, similarity, drifts. e.g. srcdiff a b --stat",
    )
    p.add_argument(
        "--read",
        action="store_true",
        help="print how each input is read: its paragraphs, furniture marked and why "
        "(with --json: one documents[i] object per input and line, null for one that "
        "cannot be read). e.g. srcdiff --read page.html",
    )
    face.add_argument(
        "--claims",
        action="store_true",
        help="list the numeric claims of the texts side by side, paired by what "
        "they measure. e.g. srcdiff a b --claims",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the output to FILE instead of stdout. e.g. -o report.html",
    )
    p.add_argument(
        "--inline",
        action="store_true",
        help="with --text: one column, removed [-words-] and added {+words+}",
    )
    p.add_argument(
        "--all",
        action="store_true",
        dest="show_equal",
        help="with --text: print unchanged passages in full too",
    )
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output: auto (terminal and no NO_COLOR), always, never. "
        "e.g. --color=never",
    )
    p.add_argument(
        "--width",
        type=_width,
        default=0,
        metavar="N",
        help=f"text width in columns, {MIN_WIDTH} to {MAX_WIDTH} (default: the terminal's, "
        "or 100). e.g. --width 160",
    )
    p.add_argument(
        "--base",
        metavar="FILE",
        help="with three or more inputs: compare each against FILE instead of every "
        "pair. e.g. --base wire.txt",
    )
    p.add_argument(
        "--fail-on",
        choices=("high", "medium", "low"),
        metavar="SEVERITY",
        help="exit 1 only when a drift of SEVERITY or above exists (high, medium, "
        "low), else 0. e.g. --fail-on high",
    )
    p.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse inputs larger than SIZE bytes (suffix K, M, G; default "
        f"{DEFAULT_MAX_BYTES // 1024**2}M). e.g. --max-size 200M",
    )
    p.add_argument("--version", action="version", version="%(prog)s " + _version())
    return p


def _version() -> str:
    from . import __version__

    return __version__


def _use_color(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _exit_status(report: Report, fail_on: str | None) -> int:
    if fail_on is None:
        return 1 if report.differs else 0
    floor = Severity(fail_on).rank
    for comp in report.comparisons:
        if any(d.severity.rank >= floor for d in comp.drifts):
            return 1
    return 0


def _write(text: str | bytes, output: str | None) -> None:
    """Write a rendering to ``output`` or stdout; bytes (UTF-8) as they are."""
    if output:
        try:
            if isinstance(text, bytes):
                with open(output, "wb") as raw:
                    raw.write(text)
            else:
                with open(output, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
        except OSError as err:
            raise InputError(output, f"cannot write: {err.strerror or err}") from None
        return
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if isinstance(text, bytes) and buffer is not None:
            sys.stdout.flush()
            buffer.write(text)
            buffer.flush()
        else:
            sys.stdout.write(text.decode("utf-8") if isinstance(text, bytes) else text)
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        raise InputError("stdout", f"cannot write: {err.strerror or err}") from None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def refuse_output_onto_input(output: str, files: Sequence[str]) -> None:
    """InputError when ``-o`` names one of the inputs (the same file by device and
    inode, so through ``./``, ``../``, a symlink or a hard link too)."""
    try:
        target = os.stat(output)
    except OSError:
        return  # not there yet (or unreachable: writing will say so)
    for source in files:
        try:
            if source == "-":
                info = os.fstat(sys.stdin.fileno())
            elif "://" in source:
                continue
            else:
                info = os.stat(source)
        except (OSError, ValueError):
            continue
        if _same_file(target, info):
            shown = "stdin" if source == "-" else source
            raise InputError(output, f"is the input {shown}: -o would overwrite it")


def _text_width(choice: int, color: bool) -> int:
    if choice:
        return max(choice, MIN_WIDTH)
    if not color:
        return 100
    columns = shutil.get_terminal_size((100, 24)).columns
    return min(max(columns, MIN_WIDTH), MAX_WIDTH)


def run(argv: Sequence[str] | None = None, *, leaving: bool = False) -> int:
    """One srcdiff command; ``leaving``: the process ends when it returns (``command``)."""
    args = build_parser().parse_args(argv)
    if args.read:
        return _read(args)
    if len(args.files) < 2:
        raise InputError(args.files[0], "needs a second input to compare with")
    if args.files.count("-") > 1:
        raise InputError("-", "stdin can be given only once")
    base: int | None = None
    if args.base is not None:
        if args.base not in args.files:
            raise InputError(args.base, "--base must be one of the inputs")
        base = args.files.index(args.base)

    if args.output:
        refuse_output_onto_input(args.output, args.files)

    out_stream = sys.stdout
    text_out = args.text or args.output or not (out_stream.isatty() and sys.stdin.isatty())
    if not (args.json or args.html or args.stat or args.claims or text_out):
        return _review(args)

    from .collector import no_cycle_collection
    from .pipeline import compare_paths
    from .progress import progress

    global _last_report
    # A batch run: build, write, done. A process about to leave keeps the collector off:
    # turned back on, its first pass would walk the whole report (0.2 s on a 1.5 MB pair).
    with no_cycle_collection(restore=not leaving):
        with progress(sys.stderr):
            report = _last_report = compare_paths(args.files, base=base, max_bytes=args.max_size)
        for doc in report.documents:
            _warn(doc.path, doc.warnings)
        status = _exit_status(report, args.fail_on)
        if args.json:
            from .render.jsonout import render_json_bytes

            _write(render_json_bytes(report), args.output)
        elif args.html:
            from .marks import current_marks
            from .render.html import render_html
            from .review import review_path

            marks = current_marks(_html_marks(review_path(args.files)), report)
            _write(render_html(report, marks=marks), args.output)
        elif args.stat:
            from .render.text import render_stat

            _write(guard_terminal(render_stat(report), keep_sgr=False), args.output)
        elif args.claims:
            from .render.claims import render_claims

            _write(guard_terminal(render_claims(report), keep_sgr=False), args.output)
        else:
            from .render.text import render_text

            color = _use_color(args.color, out_stream) and not args.output
            text = render_text(
                report,
                color=color,
                width=_text_width(args.width, color),
                inline=args.inline,
                show_equal=args.show_equal,
            )
            _write(guard_terminal(text, keep_sgr=color), args.output)
    return status


def _html_marks(path: os.PathLike[str]) -> dict[str, Mark]:
    """The review file's marks for the HTML report; none (and one line on stderr)
    when the file cannot be read, which is left as it is."""
    from .review import ReviewFileError, load_marks

    try:
        return load_marks(path)
    except ReviewFileError as err:
        print(f"srcdiff: {one_line(str(err))}; the report shows no marks", file=sys.stderr)
        return {}


def _read(args: argparse.Namespace) -> int:
    """``--read``: each input as srcdiff reads it; one that cannot be read gets its error on
    stderr (and ``null`` with --json) and the others go on."""
    from .pipeline import make_document
    from .read import read_input
    from .render.readout import read_json_line, read_text, visible

    if args.files.count("-") > 1:
        raise InputError("-", "stdin can be given only once")
    if args.text or args.html or args.stat or args.claims:
        raise InputError("--read", "goes with --json only (or alone, for text)")
    out: list[str] = []
    failed = False
    for k, source in enumerate(args.files):
        try:
            doc = make_document(read_input(source, max_bytes=args.max_size))
        except InputError as err:
            print(visible(str(err)), file=sys.stderr)
            failed = True
            doc = None
        if doc is not None:
            _warn(doc.path, doc.warnings)
        if args.json:
            out.append(read_json_line(doc))
        elif doc is not None:
            out.append(("\n" if k else "") + read_text(doc))
    _write("".join(out), args.output)
    return 2 if failed else 0


def _warn(path: str, warnings: Sequence[str]) -> None:
    """What reading an input had to repair, one line each on stderr."""
    from .render.readout import visible

    for warning in warnings:
        print(visible(str(InputError(path, f"warning: {warning}"))), file=sys.stderr)


PREVIEW_MIN_BYTES = 200_000
"""Input size (both documents) from which the TUI opens before the report is done."""


def _review(args: argparse.Namespace) -> int:
    """The TUI. A big pair opens on its aligned passages while drift is still being found."""
    from .pipeline import compare, compare_paths, read_documents
    from .review import review_path
    from .tui.app import run_tui

    files = list(args.files)
    base = files.index(args.base) if args.base is not None else None
    if len(files) != 2 or args.fail_on is not None:
        report = compare_paths(files, base=base, max_bytes=args.max_size)
        run_tui(report, files, review_path(files))
        return _exit_status(report, args.fail_on)
    docs = read_documents(files, max_bytes=args.max_size)
    if sum(len(d.text) for d in docs) < PREVIEW_MIN_BYTES:
        report = compare(docs)
        run_tui(report, files, review_path(files))
        return _exit_status(report, None)
    from .background import PendingReport

    pending = PendingReport.start(docs[0], docs[1])
    shown = run_tui(pending, files, review_path(files))
    if isinstance(shown, PendingReport):
        return 1 if shown.differs() else 0
    return _exit_status(shown, None)


_last_report: Report | None = None
"""The last batch run's report, kept so that ``command`` can leave without freeing it."""


def command() -> NoReturn:
    """The ``srcdiff`` command (and ``python -m srcdiff``): ``main``, then exit at once.

    Everything has been written and flushed when ``main`` returns. A big
    report is millions of objects, and freeing them one by one on the way out
    (when ``run`` returns, then at interpreter shutdown) takes a tenth of a
    second or more for nothing, so the process leaves without it.
    """
    status = main(leaving=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = 2
    os._exit(status)


def main(argv: Sequence[str] | None = None, *, leaving: bool = False) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    go: Callable[[Sequence[str]], int] = partial(run, leaving=leaving)
    if args and args[0] == "corpus":
        from .corpus.cli import run as corpus_run

        go, args = corpus_run, args[1:]
    try:
        return go(args)
    except InputError as err:
        print(str(err), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("srcdiff: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 2
    except MemoryError:
        print("srcdiff: out of memory (try smaller inputs)", file=sys.stderr)
        return 2
    except OSError as err:  # the system refused something no check above foresaw
        print(f"srcdiff: {one_line(str(err))}", file=sys.stderr)
        return 2

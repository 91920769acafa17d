"""The one error type for bad input: the CLI prints it and exits with status 2."""

from __future__ import annotations

from .sanitize import mask_url, one_line


def _one_line(text: str) -> str:
    """One line a terminal shows as it is: no control byte, no secret of a URL."""
    return one_line(mask_url(" ".join(text.splitlines())))


class InputError(Exception):
    """Bad input: str(err) is a one-line message naming the file and the problem.

    ``source`` is the path, URL or "stdin" as the user knows it; ``problem`` says
    what is wrong in a few words, e.g. ``InputError("a.txt", "no such file")``
    reads ``srcdiff: a.txt: no such file``.  Controls and format characters in
    either are shown escaped, and a URL's password is masked.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"srcdiff: {_one_line(source)}: {_one_line(problem)}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (type(self), (self.source, self.problem))

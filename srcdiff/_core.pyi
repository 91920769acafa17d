"""Types of the compiled core (``_core.pyx``)."""

from collections.abc import Callable, Sequence
from typing import Any

import regex

def longest_increasing(values: Sequence[int]) -> list[int]: ...
def anchored_diff(
    ea: str, eb: str, diff_main: Callable[[str, str, bool], list[tuple[int, str]]]
) -> list[tuple[int, str]]: ...
def unsafe_at(text: str, unsafe: regex.Pattern[str]) -> int: ...
def odd_at(text: str) -> int: ...

class CharClasses:
    def __init__(
        self,
        letter: regex.Pattern[str],
        body: regex.Pattern[str],
        fmt: regex.Pattern[str],
        space: regex.Pattern[str],
    ) -> None: ...

def word_tokens(text: str, classes: CharClasses) -> list[str]: ...
def run_starts(text: str, member: regex.Pattern[str]) -> list[int]: ...
def cue_matches(
    toks: tuple[Any, ...],
    starting: Callable[[str, str, bool], tuple[tuple[int, str, Any], ...]],
    gap: int,
) -> list[tuple[tuple[int, str, Any], int, int]]: ...
def first_line_from(text: str, start: int, end: int, probe: str) -> int: ...

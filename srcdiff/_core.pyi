"""Types of the compiled core (``_core.pyx``)."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import regex

def longest_increasing(values: Sequence[int]) -> list[int]: ...
def anchored_diff(
    ea: str, eb: str, diff_main: Callable[[str, str, bool], list[tuple[int, str]]]
) -> list[tuple[int, str]]: ...
def encode_sides(ta: list[str], tb: list[str], key: Callable[[str], str]) -> tuple[str, str]: ...
def unsafe_at(text: str, unsafe: regex.Pattern[str]) -> int: ...
def odd_at(text: str) -> int: ...
def unsafe_utf8_at(data: bytes, unsafe: regex.Pattern[str]) -> int: ...

class CharClasses:
    def __init__(
        self,
        first: regex.Pattern[str],
        second: regex.Pattern[str],
        third: regex.Pattern[str],
        fourth: regex.Pattern[str],
    ) -> None: ...

_T = TypeVar("_T", bound=tuple[Any, ...])

def claim_tokens(
    text: str,
    classes: CharClasses,
    form: Callable[[str], tuple[str, str, bool, bool, bool]],
    token: type[_T],
) -> tuple[_T, ...]: ...
def word_tokens(text: str, classes: CharClasses) -> list[str]: ...
def run_starts(text: str, member: regex.Pattern[str]) -> list[int]: ...
def cue_matches(
    toks: tuple[Any, ...],
    starting: Callable[[str, str, bool], tuple[tuple[int, str, Any], ...]],
    gap: int,
) -> list[tuple[tuple[int, str, Any], int, int]]: ...
def first_line_from(text: str, start: int, end: int, probe: str) -> int: ...

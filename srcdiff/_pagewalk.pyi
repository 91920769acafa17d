"""Types of the compiled walk of a web page (``_pagewalk.pyx``)."""

import re
from collections.abc import Callable

from lxml.html import HtmlElement

def walk_blocks(
    root: HtmlElement,
    block: Callable[[str, bool], str],
    kinds: Callable[[str], int],
    tag_region: dict[str, str],
    role_region: dict[str, str],
    hidden_style: Callable[[str], re.Match[str] | None],
    names_region: Callable[[str, dict[str, str | None]], str | None],
) -> list[tuple[str, str | None]]: ...

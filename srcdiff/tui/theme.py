"""Theme colours for Line API drawing."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from ..sanitize import pictured


def text_style(widget: Widget, component: str) -> Style:
    """The colour and text style of ``component``, without its background.

    Partial component styles drop a colour's alpha ($text-muted is the
    foreground at reduced opacity), so take the full, blended style and keep
    only what draws the text.
    """
    full = widget.get_component_rich_style(component)
    return Style(
        color=full.color,
        bold=full.bold,
        italic=full.italic,
        underline=full.underline,
        reverse=full.reverse,
        strike=full.strike,
    )


def strip_of(text: Text, console: Console, width: int, pad: Style) -> Strip:
    """``text`` as one line of exactly ``width`` cells, padded with ``pad``.

    Rich drops a Text's own style when it has no spans; keep it.  Every
    piece of text passes through ``pictured``: labels and words from the
    inputs reach the terminal with their controls as pictures.
    """
    if text.spans:
        segments = [
            Segment(pictured(seg.text), seg.style, seg.control) for seg in text.render(console)
        ]
    else:
        style = text.style if isinstance(text.style, Style) else None
        segments = [Segment(pictured(text.plain), style)]
    return Strip(segments).adjust_cell_length(width, pad)

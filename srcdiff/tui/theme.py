"""Theme colours for Line API drawing."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget


def text_style(widget: Widget, component: str) -> Style:
    """The colour and text style of ``component``, without its background.

    Partial component styles drop a colour's alpha ($text-muted is the
    foreground at reduced opacity), so take the full, blended style and keep
    only what draws the text.
    """
    full = widget.get_component_rich_style(component)
    return Style(color=full.color, bold=full.bold, italic=full.italic,
                 underline=full.underline, reverse=full.reverse, strike=full.strike)


def strip_of(text: Text, console: Console, width: int, pad: Style) -> Strip:
    """``text`` as one line of exactly ``width`` cells, padded with ``pad``.

    Rich drops a Text's own style when it has no spans; keep it.
    """
    if text.spans:
        segments = list(text.render(console))
    else:
        style = text.style if isinstance(text.style, Style) else None
        segments = [Segment(text.plain, style)]
    return Strip(segments).adjust_cell_length(width, pad)

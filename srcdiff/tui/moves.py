"""The reading half of the app: jumps from passage to passage, the overview column's
clicks, and copying what is selected."""

from __future__ import annotations

from ..sanitize import visible
from .overview import Overview
from .search import SearchingApp

ONE_SIDED_KINDS = ("only_a", "only_b", "one_sided")


class ReadingApp(SearchingApp):
    """Moves through the passages and copies them (the search and the review below it)."""

    pair = 0
    """Which comparison of the report is shown."""

    def action_passage(self, step: int) -> None:
        panes = self.panes
        if panes.rows is None:
            return
        k = panes.rows.step_item(panes.current_item(), step)
        if k is None:
            self.notify(
                "No passage " + ("after" if step > 0 else "before") + " this one.", timeout=2
            )
            return
        panes.show_item(k)

    def action_one_sided(self, step: int) -> None:
        panes = self.panes
        if panes.rows is None:
            return
        k = panes.rows.next_item(panes.current_item(), ONE_SIDED_KINDS, step)
        if k is None:
            self.notify("No passage is only on one side.", timeout=3)
            return
        panes.show_item(k)

    def action_copy(self) -> None:
        """Copy the selected drift's excerpts, or the passage at the top, to the clipboard."""
        comp = self.report.comparisons[self.pair]
        a, b = self.report.documents[comp.a], self.report.documents[comp.b]
        panes = self.panes
        if self.nav.current is not None and self.nav.current in self.nav.sequence():
            d = self.nav.drifts[self.nav.current]
            blk = comp.blocks[self.nav.block_of[self.nav.current]]
            what = "the selected drift's excerpts"
        elif panes.rows is not None and panes.rows.items:
            blk = comp.blocks[panes.rows.items[panes.current_item()].blocks[0]]
            d = None
            what = "the passage at the top"
        else:
            return
        texts = (
            (d.a, d.b)
            if d is not None
            else (
                "\n\n".join(a.paragraphs[i].text for i in blk.a),
                "\n\n".join(b.paragraphs[j].text for j in blk.b),
            )
        )
        para = (
            ",".join(str(i + 1) for i in blk.a) or "—",
            ",".join(str(j + 1) for j in blk.b) or "—",
        )
        text = (
            f"A ¶{para[0]} ({a.label}):\n{texts[0] or '(nothing)'}\n\n"
            f"B ¶{para[1]} ({b.label}):\n{texts[1] or '(nothing)'}\n"
        )
        self.copy_to_clipboard(visible(text))
        self.notify(f"Copied {what} ({len(text)} characters).", timeout=3)

    def on_overview_jump(self, message: Overview.Jump) -> None:
        panes = self.panes
        panes.scroll_to(
            y=max(message.y - panes.scrollable_content_region.height // 3, 0), animate=False
        )

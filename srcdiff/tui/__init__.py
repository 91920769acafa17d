"""The Textual TUI: ``SrcdiffApp`` and ``run_tui`` live in ``srcdiff.tui.app``."""

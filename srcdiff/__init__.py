"""srcdiff: compare versions of one text from different sources, passage by passage."""

__version__ = "0.1.0"

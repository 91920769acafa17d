"""Corpus mode: every version of a story in a collection, found at scale, compared in full.

sources (parts, documents) -> index (shingled passages, MinHash LSH bands)
-> candidate pairs -> srcdiff's full comparison on each (on Dask workers)
-> clusters and origins -> JSON Lines, text, HTML.
"""

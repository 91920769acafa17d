"""Renderers: each reads a Report and never diffs again."""

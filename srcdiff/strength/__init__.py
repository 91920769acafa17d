"""Claim strength: where a claim sits on each scale, and how a rewrite moves it."""

from .profile import (
    ClaimProfile,
    Reading,
    ScaleChange,
    causal_strength,
    compare,
    direction_of,
    profile,
)

__all__ = [
    "ClaimProfile",
    "Reading",
    "ScaleChange",
    "causal_strength",
    "compare",
    "direction_of",
    "profile",
]

"""Claim strength: where a claim sits on each scale, and how a rewrite moves it."""

from .cues import Cues, reach, read_cues
from .profile import (
    ClaimProfile,
    Reading,
    ScaleChange,
    causal_strength,
    compare,
    direction_of,
    profile,
    profile_of,
)

__all__ = [
    "ClaimProfile",
    "Cues",
    "Reading",
    "ScaleChange",
    "causal_strength",
    "compare",
    "direction_of",
    "profile",
    "profile_of",
    "reach",
    "read_cues",
]

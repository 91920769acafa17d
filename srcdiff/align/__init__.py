"""Pair passages across two versions, whatever their order.

``plan`` is the entry point: the blocks of a comparison, in view order.
The passes are in ``core``; units and their keys in ``units``; candidates in
``candidates``; the scoring model in ``evidence``; groups in ``assembly``.
"""

from __future__ import annotations

from .assembly import ParaLink, ordered_chain
from .core import align
from .plan import Slot, plan

__all__ = ["ParaLink", "Slot", "align", "ordered_chain", "plan"]

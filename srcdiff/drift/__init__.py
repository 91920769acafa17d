"""Drift: which changes of a word diff alter meaning, as findings a reviewer can decide.

The stage reads one aligned block's word ops and the two documents' facts
(``docindex``), runs small rules over every changed op (``rules``,
``figures``), groups what they find into findings about units of meaning
(``findings``), and rates each finding from one table (``severity``).
"""

from .classify import classify

__all__ = ["classify"]

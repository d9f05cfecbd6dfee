"""Text-direction controls in a document's text made visible, for showing the text whole.

A right-to-left override (U+202E) and its kin make what a reader sees differ from the
text: "invoice" + U+202E + "gnp.exe" displays as "invoiceexe.png". Short labels lose them
(:func:`~textlineage.report.segments.neutralise` puts U+FFFD in their place); a text shown
whole (a document page, ``textlineage show``) shows each as a marker naming it,
``[U+202E]``, so the reader sees the text in its stored order and where each control was.
"""

from __future__ import annotations

from ..report.segments import BIDI_CONTROLS, bidi_name

__all__ = ["bidi_controls", "bidi_marker", "mark_bidi"]


def bidi_marker(ch: str) -> str:
    """``[U+202E]``: what stands for a bidi control in a text shown whole."""
    return f"[U+{ord(ch):04X}]"


def mark_bidi(text: str) -> str:
    """``text`` with every bidi control replaced by its :func:`bidi_marker`."""
    return BIDI_CONTROLS.sub(lambda m: bidi_marker(m.group()), text)


def bidi_controls(*texts: str) -> list[str]:
    """The distinct bidi controls in ``texts``, named (``U+202E RIGHT-TO-LEFT OVERRIDE``),
    in code-point order."""
    found = {ch for t in texts for ch in BIDI_CONTROLS.findall(t)}
    return [bidi_name(ch) for ch in sorted(found)]

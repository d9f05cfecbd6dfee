"""How the network's files spell things: counts with their noun, day numbers, XML-safe text."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ..report.segments import neutralise

__all__ = ["XML_INVALID", "plural", "short_number", "svg_text", "xml_clean", "xml_escape"]

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow (tab, newline and carriage return are allowed)."""


def plural(n: int, word: str) -> str:
    """``1 site``, ``2 sites``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def short_number(x: float | None) -> str:
    """``10`` for 10.0, ``5.5`` for 5.5 (one decimal), ``""`` for None."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def xml_clean(text: object) -> str:
    """Text with every character XML does not allow replaced by U+FFFD."""
    return XML_INVALID.sub("\ufffd", str(text))


def xml_escape(text: object) -> str:
    """Text safe inside XML content and double- or single-quoted attributes."""
    return escape(xml_clean(text), {'"': "&quot;", "'": "&apos;"})


def svg_text(text: object) -> str:
    """Text from documents made safe for a drawing: :func:`xml_escape`, with every bidi
    control replaced (:func:`~textlineage.report.segments.neutralise`) so that a site name
    or title cannot reverse the labels around it."""
    return xml_escape(neutralise(text))

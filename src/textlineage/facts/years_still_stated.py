"""A year the derived text still states is not dropped.

A source that names a year twice ("the plan, adopted in 2030 … In 2030 the council
also") is often retold with the year once ("adopted in March 2030"); the date reader then
reports the second "2030" dropped. Across the annotated sets a bare year reported dropped
while the derived text still writes that year was wrong eleven times in twelve (a
repetition, half of a date that changed, or nothing an annotator listed): the year is
still there for a reader. Such a year is no longer reported dropped.
"""

from __future__ import annotations

import regex

from .items import Result

_BARE_YEAR_RE = regex.compile(r"(?:(?:in|by|since|from|until|of)\s+)?((?:1[5-9]|20)\d\d)")
"""A dropped date's whole text when it is only a year (with at most a preposition)."""


def _year_in(text: str, year: str) -> bool:
    """Is ``year`` written as a year in ``text`` (not inside a longer number: "12030",
    "2,030", "2030.5")?"""
    pattern = rf"(?<![\p{{N}},.]){year}(?![\p{{N}}]|[,.]\p{{N}})"
    return regex.search(pattern, text) is not None


def drop_years_still_stated(res: Result, derived_text: str) -> None:
    """Remove from ``res.dropped`` each date that is only a year the derived text still
    writes."""
    keep = []
    for f in res.dropped:
        m = _BARE_YEAR_RE.fullmatch(f.text.strip()) if f.kind == "date" else None
        if m is not None and _year_in(derived_text, m.group(1)):
            continue
        keep.append(f)
    res.dropped[:] = keep

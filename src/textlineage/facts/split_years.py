"""A year that straddles two calendar years, written as the first year and the last two
digits of the next ("the 2031/32 season", "in 2019-20", "the 2040–41 school year").

Sports seasons, school and academic years, financial and tax years and theatre seasons
run across the turn of a year and are named by both years at once. Read as a date and a
number, such a span leaves a stray two-digit number ("32") beside a year; read whole, it
is one date, kept when the other text names the same span and otherwise matched as a
date. The second part must be the year after the first (its last two digits), so that a
score, a page range or a product code ("1994-12") is not taken for one.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Item, mark, overlaps

SPLIT_YEAR_PREFIX = "split:"
"""The start of a split year's value ("split:2031-32")."""

_SPLIT_YEAR_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,/\-–])(?P<y>(?:1[89]|2\d)\d\d)[/\-–](?P<yy>\d\d)(?![\p{L}\p{N}]|[/\-–.,]\p{N})"
)


def find_split_years(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The split years of ``text`` outside ``num_mask``; marks them in both masks."""
    out: list[Item] = []
    for mt in _SPLIT_YEAR_RE.finditer(text):
        s, e = mt.span()
        y = int(mt.group("y"))
        if int(mt.group("yy")) != (y + 1) % 100 or overlaps(num_mask, s, e):
            continue
        value = f"{SPLIT_YEAR_PREFIX}{y}-{mt.group('yy')}"
        out.append(Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,)))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out


def split_year_first(value: str) -> int | None:
    """The first calendar year of a split year's value; None for any other value."""
    if not value.startswith(SPLIT_YEAR_PREFIX):
        return None
    return int(value[len(SPLIT_YEAR_PREFIX) : len(SPLIT_YEAR_PREFIX) + 4])

"""A year compared with told as "the year before" on the other side: "up from 80 in May
2040" → "compared with 80 a year ago", "up 5% on 2039–40" → "up 5% on the year before".

A figure compared with the year before names that year on one side and tells it relative
to the story's own year on the other. "A year ago", "the previous year" name no date, so
the year is left over though the other text tells it. When the leftover year stands right
after a figure (in its sentence) that is kept or changed, the figure's counterpart is
followed, in its own sentence, by such a phrase, and the text names the year after it
(the story's year, that the phrase counts back from) anywhere after a point
:data:`STORY_YEAR_BEFORE` characters before the leftover year, the year and the phrase
are one time, kept.

English only.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..types import Fact, FactLink
from .items import Item, Result
from .numeric import ENGLISH_READ
from .split_years import split_year_first

_SP = r"[ \u00a0]+"
_BACK = r"(?:earlier|ago|before)"
_YEAR_BEFORE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?i:(?:a|one){_SP}year{_SP}{_BACK}"
    rf"|(?:twelve|12){_SP}months{_SP}{_BACK}"
    rf"|the{_SP}(?:previous|prior|preceding){_SP}year|the{_SP}year{_SP}before)"
    r"(?![\p{L}\p{N}])"
)
"""A year told relative to the story's own year: "a year earlier", "twelve months ago",
"the previous year", "the year before"."""

DATE_AFTER = 60
"""How many characters after a compared figure its year may stand ("80 in May 2040", "5%
lower than in the same quarter of 2039")."""
PHRASE_AFTER = 30
"""How many characters after the figure's counterpart the phrase may start ("80 a year
ago", "5% on the year before")."""
STORY_YEAR_BEFORE = 400
"""How many characters before the year the year after it must be named."""

_STOP_RE = regex.compile(r"[.!?;][ \u00a0\n]|\n")


def _year_of(f: Fact) -> int | None:
    if f.kind != "date":
        return None
    year = f.value[:4]
    if year.isdigit() and (len(f.value) == 4 or f.value[4:5] == "-"):
        return int(year)
    return split_year_first(f.value)


def _one_sentence(text: str, a: int, b: int) -> bool:
    return _STOP_RE.search(text, a, b) is None


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence at ``pos`` (read no further than 400 characters)."""
    lo = max(0, pos - 400)
    start = max((m.end() for m in _STOP_RE.finditer(text, lo, pos)), default=lo)
    m = _STOP_RE.search(text, pos, pos + 400)
    return start, m.start() if m is not None else min(len(text), pos + 400)


def tied_by_link(
    res: Result, texts: tuple[str, str], side: int, mine: tuple[int, int], theirs: tuple[int, int]
) -> bool:
    """Do the sentence at ``mine`` (of side ``side``: 0 source, 1 derived) and the one at
    ``theirs`` (of the other side) hold the two ends of one number kept, and the first no
    number left over (a year beside a figure lost is that figure's)?"""
    a = sentence_at(texts[side], mine[0])
    b = sentence_at(texts[1 - side], theirs[0])
    lost = res.dropped if side == 0 else res.added
    if any(f.kind == "number" and a[0] <= f.span[0] < a[1] for f in lost):
        return False
    for k in res.kept:
        if k.kind != "number":
            continue
        x, y = (k.source, k.derived) if side == 0 else (k.derived, k.source)
        if a[0] <= x.span[0] < a[1] and b[0] <= y.span[0] < b[1]:
            return True
    return False


def years_before(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Keep each leftover year of ``res`` that a figure's counterpart tells as "the year
    before" (see the module). ``texts``, ``docs``, ``items`` (each text's facts) and
    ``langs``: source, derived."""
    links = [k for k in (*res.kept, *res.changed) if k.kind == "number"]
    if not links:
        return
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        if langs[other] not in ENGLISH_READ or not _YEAR_BEFORE_RE.search(texts[other]):
            continue
        years = [(y, it.fact.span[0]) for it in items[side] if (y := _year_of(it.fact))]
        for f in [f for f in lost if _year_of(f) is not None]:
            found = _phrase_for(f, side, links, texts)
            year = _year_of(f)
            if found is None or year is None:
                continue
            if not any(y == year + 1 and f.span[0] - STORY_YEAR_BEFORE <= at for y, at in years):
                continue
            there = Fact("date", found.group(), found.span(), docs[other], "")
            lost.remove(f)
            sf, df = (f, there) if side == 0 else (there, f)
            note = f"the year before told as such ('{sf.text}' / '{df.text}')"
            res.kept.append(FactLink("date", sf, df, note))


def _phrase_for(
    f: Fact, side: int, links: Sequence[FactLink], texts: tuple[str, str]
) -> regex.Match[str] | None:
    """The "year before" phrase right after the counterpart of the figure ``f`` stands
    right after, or None."""
    text, theirs = texts[side], texts[1 - side]
    for k in links:
        mine, other = (k.source, k.derived) if side == 0 else (k.derived, k.source)
        gap = f.span[0] - mine.span[1]
        if not 0 <= gap <= DATE_AFTER or not _one_sentence(text, mine.span[1], f.span[0]):
            continue
        m = _YEAR_BEFORE_RE.search(theirs, other.span[1], other.span[1] + PHRASE_AFTER + 40)
        if (
            m is not None
            and m.start() - other.span[1] <= PHRASE_AFTER
            and _one_sentence(theirs, other.span[1], m.start())
        ):
            return m
    return None

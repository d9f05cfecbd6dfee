"""A year named on one side and told relative to the writing on the other: "sales fell in
2041" → "sales fell last year", "before the 2043 season" → "before next season", "in
2040/41" → "last season".

"Last year", "this year", "next season" name no date of their own, so the extractor
reports none and the source's year is left dropped though the derived text tells it.
When the leftover year (or split year, :mod:`.split_years`) stands in a sentence that says
the same thing (:func:`.match_loose.say_the_same`, or both hold the two ends of one
number kept) as one sentence of the other text
holding one such relative year, free of other facts, the two are one time:

- told by a calendar year ("last year", "this year", "next year") on a page whose own
  date (its dateline or the first date near its top, :func:`..text.pubdate.lead_date`)
  puts it in another year than the one named, it is a different year (``value``): a
  page dated in 2041 that says "last year" for 2041 is wrong by a year;
- a year the source names, told in the derived text by a calendar year that the page's
  date (or, without one, the latest year the texts name) makes that year: kept, a reader
  works it out from the page (the derived text naming the year the source tells
  relative to its page is more specific);
- otherwise (a season, which may straddle two calendar years, or no year to count
  from) the year made less specific.

English only.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.pubdate import lead_date
from ..types import Fact, FactLink
from .items import Item, Result
from .match_loose import Sentences, is_free, said_alike, specificity_link, taken_spans
from .numeric import ENGLISH_READ
from .split_years import SPLIT_YEAR_PREFIX, split_year_first
from .years_before import tied_by_link

_SP = r"[ \u00a0]+"
_RELATIVE_YEAR_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<rel>(?i:last|this|next|coming)){_SP}"
    rf"(?:(?i:financial|fiscal|school|academic|tax){_SP})?(?P<unit>(?i:year|season))"
    r"(?![\p{L}\p{N}'’-])"
)
"""A year or season told relative to the writing: "last year", "this season", "next
financial year". ("The previous year" or "the following season" are relative to the
story's own time, not the page's, and are left aside.)"""
_OFFSET = {"last": -1, "this": 0, "next": 1, "coming": 1}


def pair_relative_years(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Pair each leftover year of ``res`` with a year told relative to the writing in a
    sentence of the other text saying the same thing (see the module). ``texts``,
    ``docs``, ``items`` (each text's facts) and ``langs``: source, derived."""
    lost_years = [f for f in (*res.dropped, *res.added) if _year_of(f) is not None]
    if not lost_years:
        return
    taken = taken_spans(res)
    for side in (0, 1):
        taken[side].extend(it.fact.span for it in items[side])
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        if langs[other] not in ENGLISH_READ:
            continue
        rel = list(_RELATIVE_YEAR_RE.finditer(texts[other]))
        if not rel:
            continue
        years = (_page_year(texts[side]), _page_year(texts[other]))
        latest = max((y for it in (*items[0], *items[1]) if (y := _named_year(it))), default=None)
        for f in [f for f in lost if _year_of(f) is not None]:
            hits = [
                m
                for m in rel
                if is_free(m.span(), taken[other])
                and (
                    said_alike(sides, side, f.span, m.span())
                    or tied_by_link(res, texts, side, f.span, m.span())
                )
            ]
            if len(hits) != 1 or _said_beside(texts[side], f, hits[0]):
                continue
            m = hits[0]
            year = _year_of(f)
            told = None
            if m.group("unit").lower() == "year" and not f.value.startswith(SPLIT_YEAR_PREFIX):
                page = next((y for y in (years[1], years[0], latest) if y is not None), None)
                told = page + _OFFSET[m.group("rel").lower()] if page is not None else None
            if told is not None and year is not None and abs(told - year) > 1:
                continue  # years apart: another time than the one the relative year tells
            span = m.span()
            there = Fact("date", texts[other][span[0] : span[1]], span, docs[other], "")
            lost.remove(f)
            taken[other].append(span)
            page_year = years[1]
            if told is not None and page_year is not None and told != year:
                sf, df = (f, there) if side == 0 else (there, f)
                note = f"year changed ('{sf.text}' → '{df.text}', the page dated {page_year})"
                res.changed.append(FactLink("date", sf, df, note, "value", "", True))
                continue
            if side == 0 and told is not None and told == year:
                note = f"the year told from the page's ('{f.text}' / '{there.text}')"
                res.kept.append(FactLink("date", f, there, note))
                continue
            res.changed.append(specificity_link("date", "year", f, there, side))


def _named_year(it: Item) -> int | None:
    """The year of a date item naming one; None otherwise. Without a date on either page,
    the latest year the two texts name stands for the time of writing."""
    return it.date[0] if it.fact.kind == "date" and it.date is not None else None


def _page_year(text: str) -> int | None:
    """The year of the date a page gives near its top (:func:`..text.pubdate.lead_date`)."""
    found = lead_date(text)
    return found[0].year if found is not None else None


_SENTENCE_EDGE_RE = regex.compile(r"[.!?\n]")


def _said_beside(text: str, f: Fact, m: regex.Match[str]) -> bool:
    """Does the sentence of ``f`` say the relative year ``m`` stands for itself ("the
    best this year, and the second best since 2039")? Then the relative year retells
    those words, not ``f``."""
    start = max(
        (e.end() for e in _SENTENCE_EDGE_RE.finditer(text, max(0, f.span[0] - 400), f.span[0])),
        default=max(0, f.span[0] - 400),
    )
    edge = _SENTENCE_EDGE_RE.search(text, f.span[1], f.span[1] + 400)
    end = edge.start() if edge is not None else min(len(text), f.span[1] + 400)
    said = " ".join(m.group().lower().split())
    return any(
        " ".join(x.group().lower().split()) == said
        for x in _RELATIVE_YEAR_RE.finditer(text, start, end)
    )


def _year_of(f: Fact) -> int | None:
    """The year a date fact names when it names a year alone ("2041") or a split year
    ("2040/41", its first year); None for any other fact."""
    if f.kind != "date":
        return None
    if len(f.value) == 4 and f.value.isdigit():
        return int(f.value)
    return split_year_first(f.value)

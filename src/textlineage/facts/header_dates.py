"""A date the source gives only in its page furniture, repeated in the derived text, is
kept, not added.

The extractors take no fact from page furniture (:mod:`.furniture`): a report's
"Published: 3 May 2025" line or a press release's dateline is the page's, and a derived
text that leaves it out has dropped nothing. But a derived text that says when the source
came out ("the report, published on 3 May, ...") states a date its source does give; the
diff found no source date for it and called it added. A date added to the derived text is
kept when a date inside the source's furniture has its day and month (and its year, when
both give one). So is a full date the diff paired, as made more specific, with a year the
source states elsewhere ("report 2041" / "5 May 2041") when the furniture gives that very
day ("Snapshot date: 5 May 2041"): the header's date and the derived date are kept, and
so are the source's year and the derived date, so that the year is not lost.
"""

from __future__ import annotations

from ..types import Fact, FactLink
from .dates import find_dates
from .furniture import furniture_spans
from .items import Result

DayMonth = tuple[int | None, int, int]


def _dates(text: str, lang: str) -> list[tuple[DayMonth, int, int]]:
    out: list[tuple[DayMonth, int, int]] = []
    n = len(text)
    for it in find_dates(text, 0, bytearray(n), bytearray(n), lang):
        y, m, d = it.date if it.date is not None else (None, None, None)
        if m is not None and d is not None:
            out.append(((y, m, d), *it.fact.span))
    return out


def keep_header_dates(res: Result, texts: tuple[str, str], source_doc: int, lang: str) -> None:
    """Turn each added date of ``res`` whose day and month a date in the source's page
    furniture gives into a kept date."""
    added = [f for f in res.added if f.kind == "date"]
    finer = [
        k
        for k in res.changed
        if k.kind == "date" and k.label == "specificity" and k.detail == "more_specific"
    ]
    if not added and not finer:
        return
    src = texts[0]
    header: list[tuple[DayMonth, Fact]] = []
    for s, e in furniture_spans(src, lang):
        for (y, m, d), a, b in _dates(src[s:e], lang):
            value = f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"{m:02d}-{d:02d}"
            span = (s + a, s + b)
            header.append(
                ((y, m, d), Fact("date", src[span[0] : span[1]], span, source_doc, value))
            )
    if not header:
        return
    gone: set[int] = set()
    for f in added:
        own = _dates(f.text, lang)
        if len(own) != 1:
            continue
        (y, m, d), _, _ = own[0]
        for (hy, hm, hd), sf in header:
            if (hm, hd) == (m, d) and (y is None or hy is None or y == hy):
                res.kept.append(FactLink("date", sf, f, "given in the source's page header"))
                gone.add(id(f))
                break
    res.added[:] = [f for f in res.added if id(f) not in gone]
    for k in finer:
        own = _dates(k.derived.text, lang)
        if len(own) != 1 or own[0][0][0] is None:
            continue
        given = next((h for day, h in header if day == own[0][0]), None)
        if given is not None:  # the day is the header's; the source's own year stays kept
            res.changed.remove(k)
            res.kept.append(FactLink("date", given, k.derived, "given in the source's page header"))
            res.kept.append(
                FactLink("date", k.source, k.derived, "its day given in the source's page header")
            )

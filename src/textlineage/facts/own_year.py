"""A year left out of a date where the derived text's own date gives it: kept.

A blog post dated in its byline ("Posted 4 March 2027") that retells "the fair in May
2027" as "the fair in May" has lost nothing a reader needs: the post's own date makes the
year plain. The date reader reports the year dropped (less specific); when every dated
line of the derived text's page furniture is in that year and nothing but the year was
left out, the two dates are kept.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .furniture import furniture_spans
from .items import Result

_YEAR_RE = regex.compile(r"(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])")
_CLOCK_RE = regex.compile(
    r"\d[:.]\d\d|\d[ \u00a0]?(?i:a\.?m\.?|p\.?m\.?)(?![\p{L}])|(?i:noon|midnight)"
)
"""A time of day, which a date's text may leave out while the date reader keeps it apart."""


def _clock_before(text: str, span: tuple[int, int]) -> bool:
    """Is a time of day said in the date's span or just before it?"""
    return _CLOCK_RE.search(text, max(0, span[0] - 40), span[1]) is not None


def _own_years(text: str) -> set[str]:
    """The years said in the page furniture of ``text`` (its byline, header, footer)."""
    years: set[str] = set()
    for s, e in furniture_spans(text):
        if e - s > 300:
            continue  # a block of boilerplate, not a dated line
        years.update(_YEAR_RE.findall(text, s, e))
    return years


def keep_own_years(res: Result, texts: tuple[str, str]) -> None:
    """Turn each date change that only leaves out a year the derived text's own date
    gives into a kept link (see the module)."""
    cands = [
        k
        for k in res.changed
        if k.kind == "date"
        and k.detail == "less_specific"
        and len(k.source.value) > 5
        and k.source.value[4:5] == "-"
        and k.source.value[5:] == k.derived.value
    ]
    if not cands:
        return
    years = _own_years(texts[1])
    if len(years) != 1:
        return
    gone: set[int] = set()
    for k in cands:
        if _clock_before(texts[0], k.source.span) and not _clock_before(texts[1], k.derived.span):
            continue  # the time of day left out too
        if k.source.value[:4] in years:
            res.kept.append(
                FactLink(k.kind, k.source, k.derived, "year given by the derived text's own date")
            )
            gone.add(id(k))
    res.changed[:] = [k for k in res.changed if id(k) not in gone]


_PART = r"(?i:first|second|third|fourth|final|last)[ \u00a0-]+(?i:half|quarter)"
_PART_OF_RE = regex.compile(rf"(?<![\p{{L}}])(?P<part>{_PART})[ \u00a0]+(?i:of)[ \u00a0]+\Z")
_NO_YEAR_AFTER_RE = regex.compile(r"(?![ \u00a0]+(?:(?i:of|in)[ \u00a0]+)?(?:19|20)\d\d)")


def _part_key(words: str) -> str:
    return " ".join(regex.split(r"[ \u00a0-]+", words.lower()))


def parts_without_year(res: Result, texts: tuple[str, str]) -> None:
    """A dropped year said with its half or quarter ("the third quarter of 2031") whose
    half or quarter the derived text gives once, with no year: one date made less specific."""
    src, der = texts
    doc = next((k.derived.doc for k in (*res.kept, *res.changed)), None)
    if doc is None:
        return
    for f in [f for f in res.dropped if f.kind == "date" and regex.fullmatch(r"\d{4}", f.value)]:
        m = _PART_OF_RE.search(src[max(0, f.span[0] - 30) : f.span[0]])
        if m is None:
            continue
        key = _part_key(m.group("part"))
        found = [
            d
            for d in regex.finditer(rf"(?<![\p{{L}}]){_PART}(?![\p{{L}}])", der)
            if _part_key(d.group()) == key and _NO_YEAR_AFTER_RE.match(der, d.end())
        ]
        if len(found) != 1:
            continue
        start = f.span[0] - len(m.group())
        sf = Fact("date", src[start : f.span[1]], (start, f.span[1]), f.doc, f.value)
        d = found[0]
        df = Fact("date", d.group(), d.span(), doc, "")
        note = f"date made less specific ('{sf.text}' → '{df.text}')"
        res.dropped.remove(f)
        res.changed.append(FactLink("date", sf, df, note, "specificity", "less_specific"))

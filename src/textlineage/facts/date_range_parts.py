"""Two days of one range told as their month: "on 9 and 10 May 2041" → "in May 2041".

The extractor reads a range of days that names its month once ("9 and 10 May", "9–10
May") as two dates, so that each can be matched. Told as the month alone, the range is one
date made less specific; the diff pairs the month with one of the two days and leaves the
other dropped. A dropped date that stands right beside the source of a change of
``specificity`` (nothing between them but "and", "or", "to", "through" or a dash) is the
other end of that range: folded into the change, its source taking both days.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .clock import is_time
from .items import Result

_JOIN_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0]*+(?:(?i:and|or|to|through|thru|till|until)|[-–—&])[ \u00a0]*"
)


def fold_range_parts(source: str, res: Result) -> None:
    """Fold each dropped date of ``res`` that is the other end of a range of days whose
    first end is the source of a change of specificity (see the module); ``source``: the
    source text."""
    dates = [f for f in res.dropped if f.kind == "date" and not is_time(f.value)]
    if not dates:
        return
    for f in dates:
        for i, link in enumerate(res.changed):
            if link.kind != "date" or link.label != "specificity" or link.unsupported:
                continue
            d = link.source
            if d.kind != "date" or is_time(d.value):
                continue
            gap = (f.span[1], d.span[0]) if f.span[1] <= d.span[0] else (d.span[1], f.span[0])
            if gap[0] > gap[1]:
                continue
            m = _JOIN_RE.match(source, gap[0], gap[1])
            if m is None or m.end() != gap[1]:
                continue
            s, e = min(f.span[0], d.span[0]), max(f.span[1], d.span[1])
            sf = Fact("date", source[s:e], (s, e), d.doc, d.value)
            note = f"date made less specific ('{sf.text}' → '{link.derived.text}')"
            res.changed[i] = FactLink(
                link.kind, sf, link.derived, note, link.label, link.detail, link.unsupported
            )
            res.dropped.remove(f)
            break

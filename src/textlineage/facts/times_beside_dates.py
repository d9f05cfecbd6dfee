"""A deadline's time of day left out: "by 4:30 p.m. on March 9, 2041" → "by March 9".

The extractor reads a time of day and the date beside it as two facts, so a rewrite that
keeps the day and drops the hour shows as a kept date and a dropped time. A deadline
("by", "until", "before", "no later than") is one moment, the hour and the day together:
told without its hour, it is the deadline made less specific. (An event's time, "the
meeting at 11am on 4 May", is a detail of its own, dropped or kept apart.) A dropped
time of day that opens or closes a deadline with a date kept or changed (nothing between
them but "on", "at", a comma or spaces) is folded into that date's report, now a change of
``specificity`` (a change already reported keeps its label, its source taking the time
in). A span of hours ("on 4 May between 2pm and 6pm") is an event's hours, a fact of its
own, and stays apart.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .clock import is_time
from .items import Result

_DEADLINE_RE = regex.compile(
    r"(?<![\p{L}])(?i:by|until|till|before|no[ \u00a0]+later[ \u00a0]+than)[ \u00a0]+$"
)
"""The words opening a deadline: "by", "until", "no later than"."""
_BETWEEN_RE = regex.compile(r"[ \u00a0,]*(?:(?i:on|at)[ \u00a0]+)?(?:(?i:the)[ \u00a0]+)?")


def fold_times_beside_dates(source: str, res: Result) -> None:
    """Fold each dropped time of day of ``res`` that stands beside a reported source date
    into that date's report (see the module); ``source``: the source text."""
    times = [f for f in res.dropped if f.kind == "date" and is_time(f.value) and "-" not in f.value]
    if not times:
        return
    for f in times:
        for links, i in _beside(f, source, res):
            link = links[i]
            s = min(f.span[0], link.source.span[0])
            e = max(f.span[1], link.source.span[1])
            if not _DEADLINE_RE.search(source, max(0, s - 16), s):
                continue
            sf = Fact("date", source[s:e], (s, e), link.source.doc, link.source.value)
            if links is res.kept:
                note = f"time left out ('{sf.text}' → '{link.derived.text}')"
                res.kept.pop(i)
                res.changed.append(
                    FactLink("date", sf, link.derived, note, "specificity", "less_specific")
                )
            else:
                links[i] = FactLink(
                    link.kind, sf, link.derived, link.note, link.label, link.detail,
                    link.unsupported,
                )  # fmt: skip
            res.dropped.remove(f)
            break


def _beside(f: Fact, source: str, res: Result) -> list[tuple[list[FactLink], int]]:
    """The date report (its list and index) whose source date stands right beside the
    time ``f``; empty when none does."""
    for links in (res.kept, res.changed):
        for i, link in enumerate(links):
            d = link.source
            if link.kind != "date" or d.kind != "date" or is_time(d.value) or d is f:
                continue
            if f.span[1] <= d.span[0]:
                gap = (f.span[1], d.span[0])
            elif d.span[1] <= f.span[0]:
                gap = (d.span[1], f.span[0])
            else:
                continue
            m = _BETWEEN_RE.match(source, gap[0], gap[1])
            if m is not None and m.end() == gap[1]:
                return [(links, i)]
    return []

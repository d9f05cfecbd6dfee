"""A time given in universal time on one side and in "local time" on the other: "11:30
UTC" / "1:30pm local time" is one time when the texts say which zone is local ("13:30
local time, CEST"), and "12:30pm local time" for it is a time converted wrongly.

The clock reader gives a time followed by a zone its moment in universal time; "local
time" names no zone, so a derived time told locally is left as its clock time and meets
the source's time as another value, or none. When either text names the zone of its
local time (a zone right after "local time"), a time followed by "local" is read in that
zone: it keeps the source's time of that moment, or, added in a sentence that says the
same as the sentence of a source time in universal time, it is that time given with
another value.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..types import Fact, FactLink
from .clock import TIME_PREFIX
from .clock_zones import in_universal, zone_after
from .items import Item, Result
from .match_loose import Sentences, said_alike

_LOCAL_NAMED_RE = regex.compile(r"(?<![\p{L}])(?i:local)[ \u00a0]+(?i:time)[ \u00a0]*,?")
_LOCAL_AFTER_RE = regex.compile(r"[ \u00a0]+(?i:local)(?![\p{L}])")


def _local_offset(texts: tuple[str, str]) -> float | None:
    """The one offset from universal time of the zone a text names for its local time
    ("local time, CEST"); None when none or several are named."""
    found = set()
    for text in texts:
        for m in _LOCAL_NAMED_RE.finditer(text):
            zone = zone_after(text, m.end())
            if zone is not None and len(zone[0]) == 1:
                found.add(zone[0][0])
    return found.pop() if len(found) == 1 else None


def _universal(text: str, f: Fact, offset: float) -> str | None:
    """The value in universal time of the derived time ``f`` told in local time; None when
    ``f`` is no single clock time followed by "local"."""
    value = f.value
    if not value.startswith(TIME_PREFIX) or "-" in value or value.endswith("Z"):
        return None
    if not _LOCAL_AFTER_RE.match(text, f.span[1]):
        return None
    return TIME_PREFIX + in_universal(value.removeprefix(TIME_PREFIX), (offset,))


def local_times(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """Read the derived times told in local time against the source's times in universal
    time (see the module)."""
    if "local" not in texts[1].lower():
        return
    offset = _local_offset(texts)
    if offset is None:
        return
    for link in [k for k in res.changed if k.kind == "date"]:
        utc = _universal(texts[1], link.derived, offset)
        if utc is not None and utc == link.source.value:
            res.changed.remove(link)
            note = f"the same time in local time ('{link.source.text}' → '{link.derived.text}')"
            res.kept.append(FactLink("date", link.source, link.derived, note))
    taken = {k.source.span for k in (*res.kept, *res.changed)}
    zoned = [
        it.fact
        for it in items[0]
        if it.cls == "date" and it.fact.value.endswith("Z") and it.fact.span not in taken
    ]
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for f in [f for f in res.added if f.kind == "date"]:
        utc = _universal(texts[1], f, offset)
        if utc is None:
            continue
        alike = [s for s in zoned if said_alike(sides, 1, f.span, s.span)]
        if len(alike) != 1:
            continue
        sf = alike[0]
        res.added.remove(f)
        zoned.remove(sf)
        if sf.value == utc:
            res.kept.append(FactLink("date", sf, f, f"the same time in local time ('{sf.text}')"))
        else:
            note = f"time converted to local time with another value ('{sf.text}' → '{f.text}')"
            res.changed.append(FactLink("date", sf, f, note, "value", "", True))

"""A time of day with its time zone ("6:42 a.m. PST", "9:42 a.m. Eastern", "14:00 GMT"):
the same moment told in another zone is the same fact.

A story for another audience gives a launch, a match or a broadcast in its readers' zone:
"6:42 a.m. PST" and "9:42 a.m. Eastern" are one time, and so are the spans "8 a.m. to 8
p.m. ET" and "5 a.m. to 5 p.m. Pacific". A zoned time's value is the moment
in universal time (``time:14:42Z``); its :attr:`~.items.Item.alts` hold the clock time as
written (``time:06:42``), so that a text giving the time without its zone still keeps it.
A zone named without its season ("Pacific", "ET") is read at its standard offset, its
daylight-saving reading an alternative: two such names agree in every season, as do two
seasons named, and a season named against one left open ("5:30 a.m. CDT" / "6:30 a.m.
Eastern") is read in summer only (:data:`SEASON_OPEN`, :data:`ZONE_OPEN`). Only zones whose
abbreviation names one offset are read ("IST" is India's or Ireland's, and is left
alone).
"""

from __future__ import annotations

import regex

_ZONES: dict[str, tuple[float, ...]] = {
    "pst": (-8,), "pdt": (-7,), "pt": (-8, -7), "pacific": (-8, -7),
    "mst": (-7,), "mdt": (-6,), "mt": (-7, -6), "mountain": (-7, -6),
    "cst": (-6,), "cdt": (-5,), "ct": (-6, -5), "central": (-6, -5),
    "est": (-5,), "edt": (-4,), "et": (-5, -4), "eastern": (-5, -4),
    "akst": (-9,), "akdt": (-8,), "hst": (-10,),
    "gmt": (0,), "utc": (0,), "bst": (1,), "cet": (1,), "cest": (2,),
    "eet": (2,), "eest": (3,), "jst": (9,), "aest": (10,), "aedt": (11,),
}  # fmt: skip
"""Hours from universal time of each zone: its standard, then its daylight-saving offset
when the name leaves the season open (read only after "daylight")."""
_WORDED = frozenset({"pacific", "mountain", "central", "eastern"})
"""Zones written as a word: a zone only before "time" or after a time ("9am Eastern")."""

ZONE_RE = regex.compile(
    r"[ \u00a0]*\(?(?P<zone>(?i:pacific|mountain|central|eastern)(?:[ \u00a0]+(?i:standard|"
    r"daylight))?(?:[ \u00a0]+(?i:time))?|[A-Z]{2,4})\)?(?![\p{L}\p{N}])"
)
"""A zone right after a time: an abbreviation in capitals or a zone's word, maybe with
"standard" or "daylight" and "time", maybe in brackets."""


def zone_after(text: str, end: int) -> tuple[tuple[float, ...], int] | None:
    """The offsets of the time zone written right after ``end`` (a time's end) and where
    the zone ends; None when no zone follows."""
    m = ZONE_RE.match(text, end)
    if m is None:
        return None
    words = m.group("zone").lower().split()
    offsets = _ZONES.get(words[0])
    if offsets is None:
        return None
    if words[0] in _WORDED and len(offsets) == 2 and len(words) > 1:
        season = words[1]
        if season in ("standard", "daylight"):
            offsets = (offsets[0] if season == "standard" else offsets[1],)
    return offsets, m.end()


_SUMMER = frozenset({"pdt", "mdt", "cdt", "edt", "akdt"})
SEASON_OPEN = "~"
ZONE_OPEN = "zone:open"
ZONE_SUMMER = "zone:summer"
"""Marks, among an item's alternatives, a time in a zone left open and one in a summer
zone: the two are read against each other in summer only, never by the open zone's
standard moment ("6:30 a.m. Eastern" is no "6:30 a.m. CDT")."""
"""Marks the moment a zone left open would be in summer ("6:30 a.m. Eastern": 10:30Z), and
the moment of a time in a summer zone ("5:30 a.m. CDT": 10:30Z), in an item's
alternatives: two alike marked moments are one time, an unmarked moment never matches a
marked one (two zones left open are read in one season)."""


def names_summer(text: str, end: int) -> bool:
    """Does the zone right after ``end`` name its daylight-saving time ("CDT", "Eastern
    Daylight Time")?"""
    m = ZONE_RE.match(text, end)
    words = m.group("zone").lower().split() if m is not None else []
    return bool(words) and (words[0] in _SUMMER or words[1:2] == ["daylight"])


def in_universal(hhmm: str, offsets: tuple[float, ...]) -> str:
    """The clock time ``hhmm`` ("06:42") of a zone with ``offsets`` (its standard offset
    first) in universal time ("14:42Z")."""
    h, _, m = hhmm.partition(":")
    minutes = (int(h) * 60 + int(m) - round(offsets[0] * 60)) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}Z"

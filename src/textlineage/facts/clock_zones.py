"""Times of day in two time zones: "6:42 a.m. PST" and "9:42 a.m. Eastern" are one moment.

A rewrite for readers elsewhere restates a time in their zone. When a time of day is
followed by a zone on both sides ("PST", "ET", "Eastern time", "GMT") and the two times lie
as far apart as their zones do, they are the same time, kept. A zone named without its
season ("ET", "Eastern", "PT") may be standard or daylight time; either is allowed.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .clock import TIME_PREFIX

_H = 60
ZONE_OFFSETS: dict[str, tuple[int, ...]] = {
    "utc": (0,), "gmt": (0,), "z": (0,), "bst": (_H,), "wet": (0,), "west": (_H,),
    "cet": (_H,), "cest": (2 * _H,), "eet": (2 * _H,), "eest": (3 * _H,), "msk": (3 * _H,),
    "ist": (5 * _H + 30,), "jst": (9 * _H,), "kst": (9 * _H,), "hkt": (8 * _H,),
    "sgt": (8 * _H,), "aest": (10 * _H,), "aedt": (11 * _H,), "nzst": (12 * _H,),
    "nzdt": (13 * _H,),
    "est": (-5 * _H,), "edt": (-4 * _H,), "et": (-5 * _H, -4 * _H), "eastern": (-5 * _H, -4 * _H),
    "cst": (-6 * _H,), "cdt": (-5 * _H,), "ct": (-6 * _H, -5 * _H), "central": (-6 * _H, -5 * _H),
    "mst": (-7 * _H,), "mdt": (-6 * _H,), "mt": (-7 * _H, -6 * _H), "mountain": (-7 * _H, -6 * _H),
    "pst": (-8 * _H,), "pdt": (-7 * _H,), "pt": (-8 * _H, -7 * _H), "pacific": (-8 * _H, -7 * _H),
}  # fmt: skip
"""Time zones' offsets from UTC in minutes: one for a zone of one season ("PST"), two for a
zone named without its season ("ET": standard or daylight)."""

_ZONE_RE = regex.compile(
    r"[ \u00a0]*\(?(?P<z>\p{Lu}{1,4}|(?i:eastern|central|mountain|pacific))\b",
)
"""A zone right after a time ("6:42 a.m. PST", "9:42 a.m. Eastern", "09:00 (GMT)")."""


def zone_after(text: str, fact: Fact) -> tuple[int, ...]:
    """The offsets of the time zone right after ``fact`` in ``text``; () when none."""
    m = _ZONE_RE.match(text, fact.span[1])
    if m is None:
        return ()
    return ZONE_OFFSETS.get(m.group("z").lower(), ())


def _minutes(value: str | None) -> int | None:
    raw = (value or "").removeprefix(TIME_PREFIX)
    if not (value or "").startswith(TIME_PREFIX) or "-" in raw:
        return None
    h, _, m = raw.partition(":")
    return int(h) * 60 + int(m) if h.isdigit() and m.isdigit() else None


def same_moment(sf: Fact, df: Fact, texts: tuple[str, str]) -> bool:
    """Are two times of day in different zones one moment (see the module)?"""
    a, b = _minutes(sf.value), _minutes(df.value)
    if a is None or b is None or a == b:
        return False
    za, zb = zone_after(texts[0], sf), zone_after(texts[1], df)
    # a time is UTC plus its offset: a - za == b - zb (mod one day)
    return any((b - a - (y - x)) % (24 * _H) == 0 for x in za for y in zb)

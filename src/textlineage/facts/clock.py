"""Times of day written with "am" or "pm" ("10pm", "11.47pm", "6:30 a.m."), alone or as a
span ("between 2pm and 7pm", "from 11pm to 7am", "noon to 5pm"), read as date facts.

A time is the hour of something said ("shelters stay open until 10pm"): a fact like a
date, and a span is one fact, so "between 11pm and 6am" and "from 11pm to 7am" are one
time span changed, not two times dropped and two added. Values are on the 24-hour clock,
``time:22:00`` and ``time:23:00-07:00``; "noon", "midday" and "midnight" count only as
the end of a span ("between noon and 5pm"), where they cannot be read otherwise.

A time written in words ("twenty to eight", "half past six", "six-thirty", "a quarter
to ten", "nine o'clock", and spans of two) names no half of the day: its value is the
morning's and :attr:`~.items.Item.alts` holds the evening's, so that "7.40pm" and "at
about twenty to eight" are one time. Words that may be a count ("ten to twelve") are read
as a time only after a word that introduces one ("at", "around", "by", "until",
"between", ...).
"""

from __future__ import annotations

import regex

from ..types import Fact
from .clock_zones import (
    SEASON_OPEN,
    ZONE_OPEN,
    ZONE_SUMMER,
    in_universal,
    names_summer,
    zone_after,
)
from .items import Item, mark, overlaps

TIME_PREFIX = "time:"
"""The start of the value of a time of day (:func:`is_time`)."""

_CLOCK = r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?[ \u00a0]?(?i:am|pm|a\.m\.|p\.m\.)"
_NAMED = r"(?i:noon|midday|midnight)"
_END = rf"(?:{_CLOCK}|{_NAMED})"
_TIME_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.:])"
    rf"(?:(?P<lead>(?i:between|from)[ \u00a0]+)?(?P<a>{_END}|\d{{1,2}}(?:[:.]\d{{2}})?)"
    rf"[ \u00a0]*(?:(?i:and|to|until|till)[ \u00a0]+|[-–][ \u00a0]*)(?P<b>{_END})"
    rf"|(?P<one>{_CLOCK}))"
    r"(?![\p{L}\p{N}])"
)
"""A time with "am" or "pm", or a span of two whose first may take the second's half of
the day ("7 to 9am")."""
_NAMED_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_NAMED}(?![\p{{L}}\p{{N}}])")
""""noon", "midday" or "midnight" alone: a time only with a time zone after it ("midnight
Eastern"), as a zone is only ever given for a clock time."""
_H24 = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_H24_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.:/,])"
    rf"(?:(?P<lead>(?i:between|from)[ \u00a0]+)?(?P<a>{_H24})"
    rf"[ \u00a0]*(?:(?i:and|to|until|till)[ \u00a0]+|[-–][ \u00a0]*)(?P<b>{_H24})"
    rf"|(?<=(?i:\b(?:at|from|until|till|by|before|after|since|around|about|to)[ \u00a0]+"
    r"|\btime\b[^\n:]{0,24}:[ \u00a0]*|(?<![\p{N}.,])(?:1[89]|20)\d\d,?[ \u00a0]+))"
    rf"(?P<one>{_H24}))"
    r"(?![\p{N}:.,]\p{N}|[\p{L}\p{N}])"
)
"""A time on the 24-hour clock ("07:00"): a span of two ("between 07:00 and 09:00"), or
one after a word that introduces a time ("at 02:47", "until 11:00") or a label that
names one ("Time of call: 02:47", "Arrival time: 06:20"), or after a date's year
("Monday 5 January 2032, 08:00"); elsewhere "10:00" may be a
duration or a score, left to the number reader."""
_MILITARY_RE = regex.compile(
    r"(?<![\p{L}\p{N}.:/,])(?<!(?i:\b(?:in|since|of|year)[ \u00a0]))(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)"
    r"(?=[ \u00a0]?(?:UTC|GMT|Z)(?![\p{L}\p{N}]))"
)
"""A time written as four digits before the universal zone ("1800 UTC", "0300 GMT"): an
aviation or a shipping notice's clock, not a year (unless a year's word comes before it:
"in 2023 GMT was ..."). "0300Z" is read as a time too, its zone not."""
_CLOCK_24_RE = regex.compile(
    r"(?<![\p{L}\p{N}.:/,])(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?![\p{L}\p{N}]|[:.,]\p{N})"
)
"""A time on the 24-hour clock with a zone after it ("(12:00 MDT Friday"): a zone is only
ever given for a clock time, so no word before it is needed (:data:`_H24_RE`)."""
_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_MINUTES = {
    "five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20,
    "twenty-five": 25, "twenty five": 25, "half": 30,
}  # fmt: skip
_AFTER_HOUR = {
    "o-five": 5, "oh-five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
    "thirty": 30, "thirty-five": 35, "forty": 40, "forty-five": 45, "fifty": 50,
    "fifty-five": 55,
}  # fmt: skip


def _alt(words: dict[str, int]) -> str:
    keys = sorted(words, key=len, reverse=True)
    return "|".join(k.replace(" ", r"[ \u00a0]+").replace("-", r"[- ]") for k in keys)


_HOUR = rf"(?:{_alt(_HOURS)}|1[0-2]|[1-9])"
_WORD_TIME = (
    rf"(?:(?P<m{{i}}>{_alt(_MINUTES)})[ \u00a0]+(?:minutes[ \u00a0]+)?(?P<dir{{i}}>past|to|after)"
    rf"[ \u00a0]+(?P<h{{i}}>{_HOUR})"
    rf"|(?P<hh{{i}}>{_alt(_HOURS)})-(?P<mm{{i}}>{_alt(_AFTER_HOUR)})"
    rf"|(?P<ho{{i}}>{_HOUR})[ \u00a0]+o['’]clock)"
)
_LEAD = (
    r"(?:at|around|about|by|until|till|before|after|since|from|between|approximately"
    r"|roughly|shortly[ \u00a0]+(?:before|after)|just[ \u00a0]+(?:before|after))"
)
_WORD_TIME_RE = regex.compile(
    r"(?i)(?<![\p{L}\p{N}-])(?=[\p{L}\d])"
    rf"(?:(?:between|from)[ \u00a0]+{_WORD_TIME.format(i=1)}[ \u00a0]+(?:and|to|until|till)"
    rf"[ \u00a0]+{_WORD_TIME.format(i=2)}"
    rf"|{_WORD_TIME.format(i=0)})"
    r"(?![\p{L}\p{N}]|-\p{L})"
)
_HOUR_AT_RE = regex.compile(rf"(?i){_HOUR}(?![\p{{L}}\p{{N}}])")
_HOUR_DASH_RE = regex.compile(rf"(?i)(?:{_alt(_HOURS)})-(?:{_alt(_AFTER_HOUR)})")
_BEFORE_HOUR = (" past ", " after ", " to ")
_CLOCK_WORDS = ("o'clock", "o’clock")
_LEAD_RE = regex.compile(rf"(?i)(?<![\p{{L}}]){_LEAD}[ \u00a0]+$")
_PLURAL_AFTER_RE = regex.compile(
    r"[ \u00a0]+(?!(?:this|was|is|has|his|its|as|us|thus|plus|less|across|unless)(?![\p{L}]))"
    r"\p{Ll}+s(?![\p{L}])"
)
"""A plural noun right after a time in words makes it a count ("ten to twelve weeks");
function words ending in "s" ("three o'clock this morning") do not."""


def _word_clock(m: regex.Match[str], i: int) -> tuple[int, int] | None:
    """The hour (1-12) and minutes of the word time numbered ``i`` in ``m``."""

    def num(word: str, table: dict[str, int]) -> int:
        w = regex.sub(r"[\s\u00a0-]+", " ", word.lower())
        return int(w) if w.isdigit() else table.get(w, table.get(w.replace(" ", "-"), 0))

    if m.group(f"ho{i}"):
        return num(m.group(f"ho{i}"), _HOURS), 0
    if m.group(f"hh{i}"):
        return num(m.group(f"hh{i}"), _HOURS), num(m.group(f"mm{i}"), _AFTER_HOUR)
    h, mi = num(m.group(f"h{i}"), _HOURS), num(m.group(f"m{i}"), _MINUTES)
    if not 1 <= h <= 12 or not mi:
        return None
    if m.group(f"dir{i}").lower() == "to":
        if mi == 30:
            return None  # "half to": no time
        return (h - 2) % 12 + 1, 60 - mi
    return h, mi


def _both_halves(times: list[tuple[int, int]]) -> tuple[str, str]:
    """The value of word times read in the morning, and in the evening."""
    am = "-".join(f"{h % 12:02d}:{mi:02d}" for h, mi in times)
    pm = "-".join(f"{h % 12 + 12:02d}:{mi:02d}" for h, mi in times)
    return TIME_PREFIX + am, TIME_PREFIX + pm


def _triggers(text: str) -> list[tuple[int, int]]:
    """Where a time in words may stand: what each holds ("to eight", "nine o'clock",
    "six-thirty"), found with plain string search, which is cheap."""
    low = text.lower()
    out = [m.span() for m in _HOUR_DASH_RE.finditer(text)]
    for word in (*_BEFORE_HOUR, *_CLOCK_WORDS):
        i = low.find(word)
        while i != -1:
            end = i + len(word)
            if word in _CLOCK_WORDS or _HOUR_AT_RE.match(text, end) is not None:
                out.append((i, end))
            i = low.find(word, end)
    return sorted(out)


def _word_time_matches(text: str) -> list[regex.Match[str]]:
    """The matches of :data:`_WORD_TIME_RE`, looked for in windows around the
    :func:`_triggers`."""
    windows: list[list[int]] = []
    for s, e in _triggers(text):
        ws, we = max(0, s - 48), min(len(text), e + 64)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = we
        else:
            windows.append([ws, we])
    found: list[regex.Match[str]] = []
    for ws, we in windows:
        found.extend(_WORD_TIME_RE.finditer(text, ws, we))
    return found


def find_word_times(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The times of day written in words in ``text`` (see the module's rules), outside
    ``num_mask``; marks them in both masks."""
    out: list[Item] = []
    for m in _word_time_matches(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        lead = _LEAD_RE.search(text, max(0, s - 24), s) is not None
        spaced = m.group("m0") and m.group("dir0")
        if spaced and not lead and m.group("m0").lower() not in ("half", "quarter", "a quarter"):
            continue  # "five to ten": a count as likely as a time
        if m.group("hh0") and not lead:
            continue  # "six-thirty" alone: a number as likely
        if _PLURAL_AFTER_RE.match(text, e):
            continue  # "ten to twelve weeks": a count
        idx = (1, 2) if m.group("hh1") or m.group("h1") or m.group("ho1") else (0,)
        times = [_word_clock(m, i) for i in idx]
        if any(t is None or not 1 <= t[0] <= 12 for t in times):
            continue
        am, pm = _both_halves([t for t in times if t is not None])
        out.append(Item(Fact("date", text[s:e], (s, e), doc, am), "date", (am,), alts=(pm,)))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out


_PARTS_RE = regex.compile(r"(\d{1,2})(?:[:.](\d{2})(?::\d{2})?)?[ \u00a0]?([ap])", regex.IGNORECASE)
"""A time's hour, minutes and half of the day; its seconds ("03:47:12 AM") are read to the
minute."""


def is_time(value: str) -> bool:
    """Is ``value`` a time of day or a span of two?"""
    return value.startswith(TIME_PREFIX)


def _clock(raw: str) -> str | None:
    """ "10pm" → "22:00", "noon" → "12:00"; None for no time ("13pm")."""
    low = raw.lower()
    if low in ("noon", "midday"):
        return "12:00"
    if low == "midnight":
        return "00:00"
    m = _PARTS_RE.match(raw)
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if not 1 <= h <= 12 or mi > 59:
        return None
    h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{h:02d}:{mi:02d}"


_AND_RE = regex.compile(r"(?i:\band\b)")


def _two_times(text: str, m: regex.Match[str]) -> bool:
    """Are the ends of a span joined by "and" without "between", each with its half of
    the day, two times ("sessions at 10 a.m. and 2 p.m.")?"""
    lead = (m.group("lead") or "").lower()
    return (
        not lead.startswith("between")
        and _AND_RE.search(text, m.end("a"), m.start("b")) is not None
        and _clock(m.group("a")) is not None
        and _clock(m.group("b")) is not None
    )


def find_times(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The times of day and spans of ``text`` outside ``num_mask``; marks them in both
    masks."""
    out: list[Item] = []
    for m in _TIME_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        if m.group("one"):
            t = _clock(m.group("one"))
            value = None if t is None else TIME_PREFIX + t
        elif _two_times(text, m):  # "at 10 a.m. and 2 p.m.": two times, no span
            for g in ("a", "b"):
                value = TIME_PREFIX + (_clock(m.group(g)) or "")
                out.append(_item(text, doc, m.start(g), m.end(g), value))
            mark(num_mask, s, e)
            mark(name_mask, s, e)
            continue
        else:
            a, b = _clock(_with_half(m.group("a"), m.group("b"))), _clock(m.group("b"))
            value = None if a is None or b is None else f"{TIME_PREFIX}{a}-{b}"
            if value is None and a is not None and m.group("a")[:1].isdigit():
                s, e = m.start("a"), m.end("a")  # no span: the first time alone
                value = TIME_PREFIX + a
            elif value is None and b is not None:
                s, e = m.start("b"), m.end("b")  # "August 13 until 9 p.m.": the second alone
                value = TIME_PREFIX + b
        if value is None:
            continue
        out.append(_item(text, doc, s, e, value))
        mark(num_mask, s, out[-1].fact.span[1])
        mark(name_mask, s, out[-1].fact.span[1])
    for m in _H24_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        ends = [m.group("one")] if m.group("one") else [m.group("a"), m.group("b")]
        value = TIME_PREFIX + "-".join(
            f"{int(x.split(':')[0]):02d}:{x.split(':')[1]}" for x in ends
        )
        out.append(_item(text, doc, s, e, value))
        mark(num_mask, s, out[-1].fact.span[1])
        mark(name_mask, s, out[-1].fact.span[1])
    for m in _NAMED_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e) or zone_after(text, e) is None:
            continue
        out.append(_item(text, doc, s, e, TIME_PREFIX + str(_clock(m.group()))))
        mark(num_mask, s, out[-1].fact.span[1])
        mark(name_mask, s, out[-1].fact.span[1])
    for m in (*_MILITARY_RE.finditer(text), *_CLOCK_24_RE.finditer(text)):
        s, e = m.span()
        if overlaps(num_mask, s, e) or (m.re is _CLOCK_24_RE and zone_after(text, e) is None):
            continue
        out.append(_item(text, doc, s, e, f"{TIME_PREFIX}{m.group('h')}:{m.group('m')}"))
        mark(num_mask, s, out[-1].fact.span[1])
        mark(name_mask, s, out[-1].fact.span[1])
    return out


def _item(text: str, doc: int, s: int, e: int, value: str) -> Item:
    """The item of a time or span at ``s:e``; one with its zone after it is the moment (or
    moments) in universal time, its clock time as written an alternative
    (:mod:`.clock_zones`)."""
    zone = zone_after(text, e)
    if zone is None:
        return Item(Fact("date", text[s:e], (s, e), doc, value), "date", (value,))
    offsets, zone_end = zone
    ends = value.removeprefix(TIME_PREFIX).split("-")
    moment = TIME_PREFIX + "-".join(in_universal(t, offsets) for t in ends)
    fact = Fact("date", text[s:zone_end], (s, zone_end), doc, moment)
    if len(offsets) > 1:  # a zone left open: its moment in summer too
        summer = TIME_PREFIX + "-".join(in_universal(t, offsets[1:]) for t in ends)
        return Item(fact, "date", (moment,), alts=(value, summer + SEASON_OPEN, ZONE_OPEN))
    if names_summer(text, e):
        return Item(fact, "date", (moment,), alts=(value, moment + SEASON_OPEN, ZONE_SUMMER))
    return Item(fact, "date", (moment,), alts=(value,))


def _with_half(first: str, second: str) -> str:
    """The first time of a span written with the half of the day of the second when it
    names none ("7" of "7 to 9am": "7am"; "11" of "11 to 2pm": "11am")."""
    if _clock(first) is not None or first.lower() in ("noon", "midday", "midnight"):
        return first
    m = _PARTS_RE.match(second)
    if m is None or not first[:1].isdigit():
        return first
    half = m.group(3).lower()
    h = int(regex.split(r"[:.]", first)[0])
    if half == "p" and 1 <= h <= 12 and h > int(m.group(1)) % 12:
        half = "a"  # "11 to 2pm": from the morning into the afternoon
    return f"{first}{half}m"

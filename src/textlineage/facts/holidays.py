"""Holidays and festivals as dates: "before Christmas", "during Deepavali".

A festival names a time of year; read as a name it became an entity or a person ("Holi"),
and "Deepavali" in a source and "Diwali" in its rewrite were a name dropped and another
added. Each is a date fact whose value is the festival's (``holiday:diwali``), one value
for the names of one festival, so that two names of it are the same date kept.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Item, mark, overlaps

HOLIDAY_PREFIX = "holiday:"
"""The start of the value of a holiday: ``holiday:christmas``."""

_NAMES = {
    "christmas day": "christmas", "christmas": "christmas", "christmas eve": "christmas-eve",
    "boxing day": "boxing-day", "new year's day": "new-year", "new year's eve": "new-year-eve",
    "hogmanay": "new-year-eve", "easter": "easter", "easter sunday": "easter",
    "easter monday": "easter-monday", "good friday": "good-friday",
    "diwali": "diwali", "deepavali": "diwali", "divali": "diwali", "holi": "holi",
    "eid al-fitr": "eid-al-fitr", "eid ul-fitr": "eid-al-fitr", "eid-ul-fitr": "eid-al-fitr",
    "eid al-adha": "eid-al-adha", "eid ul-adha": "eid-al-adha", "eid-ul-adha": "eid-al-adha",
    "ramadan": "ramadan", "ramzan": "ramadan", "hanukkah": "hanukkah", "chanukah": "hanukkah",
    "passover": "passover", "yom kippur": "yom-kippur", "rosh hashanah": "rosh-hashanah",
    "thanksgiving": "thanksgiving", "halloween": "halloween",
    "lunar new year": "lunar-new-year", "chinese new year": "lunar-new-year",
    "navratri": "navratri", "durga puja": "durga-puja", "onam": "onam", "pongal": "pongal",
    "baisakhi": "vaisakhi", "vaisakhi": "vaisakhi", "nowruz": "nowruz", "norooz": "nowruz",
    "st patrick's day": "st-patricks-day", "bonfire night": "bonfire-night",
}  # fmt: skip
_HOLIDAY_RE = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(?:"
    + "|".join(
        regex.escape(n).replace(r"\ ", r"[ \u00a0]+").replace("'", "['’]")
        for n in sorted(_NAMES, key=len, reverse=True)
    )
    + r")(?![\p{L}\p{N}'’-])",
    regex.IGNORECASE,
)


def find_holidays(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The holidays of ``text`` written with a capital, outside ``num_mask``; each is
    marked in both masks."""
    out = []
    for m in _HOLIDAY_RE.finditer(text):
        s, e = m.span()
        if not m.group()[:1].isupper() or overlaps(num_mask, s, e) or overlaps(name_mask, s, e):
            continue
        key = regex.sub(r"[ \u00a0]+", " ", m.group().lower()).replace("’", "'")
        value = HOLIDAY_PREFIX + _NAMES[key]
        out.append(Item(Fact("date", m.group(), (s, e), doc, value), "date", (value,)))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out

"""A result written as two numbers, one fact: a match's score ("beat Manila Tide 4–2",
"won 29-28"), a vote's tally ("carried 5/2", "passed 7–1").

Two bare numbers joined by a dash, a hyphen or a slash (or "to", spelled out after a vote: "voted four to one") read as two counts, or as a range
(from 4 to 2), when they are one statement: who won by what. A pair whose first number
is not below its second is no range, and is a score ("held off Millbrook 71-66", "3-2
Vale"), unless words of opening hours stand just before it ("open 9–5"). A pair counting
up is a score only when a word of winning, losing or voting stands just before it
(:data:`_BEFORE_RE`: "lost 2–4", "carried 5/2") or a word of a result just after it
(:data:`_AFTER_RE`: "a 1-3 defeat", "the 2–7 vote"). Its value is ``score:`` and the two
numbers in the text's order, so "4–2" and "4–1" are one result changed, and "4–2"
kept as "4-2" is kept.

Not a score: numbers with a unit, a percent sign or a currency ("4–6%", "$4–6"), a year
("2025–26"), a time of day ("9–5", "10-2pm": no result word before them), or numbers of
more than three digits.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Item, mark, overlaps

_NUMBER_WORDS = (
    "nil one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_WORD_VALUES = {w: i for i, w in enumerate(_NUMBER_WORDS.split())}
_WORDS = rf"(?i:{'|'.join(_WORD_VALUES)}|zero)"
_SCORE_RE = regex.compile(
    r"(?<![\p{L}\p{N}\p{Sc}.,:/–-])(?P<a>\d{1,3})[ \u00a0]?[–—-][ \u00a0]?(?P<b>\d{1,3})"
    r"(?![\p{N}.,:/%–-]*[\p{N}%])(?![ \u00a0]?(?i:[ap]\.?m\b|pm|am|h\b|hrs?\b|%|per|years?|months?"
    r"|days?|weeks?|hours?|minutes?|mins?|kg|km|m\b|cm|mm|mph|kmh|ft|lb))"
    r"|(?<=(?i:carried|passed|rejected|approved|voted|vote|votes|defeated)[ \u00a0]{1,3})"
    rf"(?:(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\p{{N}}/.,-]*\p{{N}})|(?P<wa>{_WORDS})[ \u00a0]+to[ \u00a0]+(?P<wb>{_WORDS})\b)"
)
"""Two numbers of at most three digits (a slash: two) joined by a dash, a hyphen or a
slash, with nothing after them that makes them a measure."""
_BEFORE_RE = regex.compile(
    r"(?i:\b(?:beat|beats|beaten|beating|defeated|defeats|defeat|won|wins|win|winning|lost|loses"
    r"|lose|losing|drew|draw|drawn|tied|ties|trailed|trailing|trails|led|leads|leading|edged"
    r"|thrashed|thrash|hammered|routed|downed|overcame|saw\s+off|carried|passed|rejected"
    r"|approved|voted|vote|votes|score|scored|scoreline|final\s+score|margin\s+of|result)\b)"
    r"(?:[ \u00a0]+(?:\p{Lu}[\p{L}\p{M}'’.&-]*|by|of|was|is|were|a|an|the|at|over|to|with|on)){0,6}"
    r"[ \u00a0,:]*$"
)
"""A word of winning, losing, drawing or voting before the pair, perhaps with the other
side's name between ("defeated Manila Tide 4–2", "the final score was 3-1")."""
_AFTER_RE = regex.compile(
    r"[ \u00a0]+(?i:(?:home|away|aggregate|extra-time|penalty|shoot-out|split|majority)[ \u00a0]+)?"
    r"(?i:win|victory|loss|defeat|draw|result|vote|decision|scoreline|thrashing|triumph|success"
    r"|majority|verdict)\b"
)
"""A word of a result after the pair ("a 3-1 win", "the 7–1 vote")."""
_CONTEXT = 80
_HOURS_RE = regex.compile(
    r"(?i:\b(?:open|opens|opening|hours|from|daily|shifts?|working|closed)\b)[^.\n]{0,15}$"
)
"""Words of opening hours right before a pair ("open 9–5", "hours: 10–4")."""
SCORE = "score"
"""A score's unit."""


def find_scores(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The scores and tallies of ``text`` (see the module's rules), one fact each; they
    block the numbers inside them."""
    out = []
    for m in _SCORE_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        if m.group("wa"):  # "voted four to one"
            a, b = (_WORD_VALUES.get(m.group(g).lower(), 0) for g in ("wa", "wb"))
        else:
            a, b = int(m.group("a")), int(m.group("b"))
        said = _BEFORE_RE.search(text, max(0, s - _CONTEXT), s) or _AFTER_RE.match(text, e)
        if a < b and said is None:
            continue  # "aged 16-25": a range, unless a result is said
        if a >= b and _HOURS_RE.search(text, max(0, s - _CONTEXT), s) is not None:
            continue  # "open 9–5": hours
        value = f"score:{a}-{b}"
        fact = Fact("number", m.group(), (s, e), doc, value)
        out.append(Item(fact, "number", (value, SCORE, ""), unit=SCORE))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out

"""A list of bare small numbers read as one fact: the numbers drawn in a lottery, a
combination, squad numbers called out ("matched 5, 12, 26, 31, 44 and 49").

Five numbers or more of one or two digits, split by commas (the last perhaps by "and"),
with no unit, currency or noun after the last: no one of them is a count of anything,
and the list is what the text states. A derived text that leaves the list out has
dropped one fact, not five; one that gives the same list keeps it.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Item, mark, overlaps

_SEQUENCE_RE = regex.compile(
    r"(?<![\p{L}\p{N}\p{Sc}.,:/-])\d{1,2}(?:,[ \u00a0]\d{1,2}){3,}(?:,?[ \u00a0]and[ \u00a0]\d{1,2})?"
    r"(?![\p{N}.,:/%-]*[\p{N}%])(?![ \u00a0]*(?:(?!(?:on|in|at|for|from|to|and|or|but|as|with|by"
    r"|was|were|are|is|the|a|an)\b)\p{L}|\p{Sc}))"
)
"""The list: four numbers or more split by commas, perhaps one more after "and" (five in
all at least, :data:`_MIN_NUMBERS`), none right after a currency sign, a letter or a
digit's punctuation, none going on with a unit or a noun (a preposition, a conjunction
or a verb of being may follow: "chose 3, 14, 19, 27 and 33 on her ticket")."""
_MIN_NUMBERS = 5


def find_sequences(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """Lists of bare small numbers (:data:`_SEQUENCE_RE`), one fact each, matched by their
    numbers in order; they block the numbers inside them."""
    out = []
    for m in _SEQUENCE_RE.finditer(text):
        s, e = m.span()
        numbers = regex.findall(r"\d+", m.group())
        if len(numbers) < _MIN_NUMBERS or overlaps(num_mask, s, e):
            continue
        value = "seq:" + "-".join(numbers)
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out

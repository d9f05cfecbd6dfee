"""A moment of a match told another way: "in the 29th minute" → "on the half hour", "on
57 minutes" → "on the hour", "three minutes after the break" → "straight after half-time",
"with two minutes left" → "in the final minute".

A match report times its events by the minute; a fan's retelling rounds them to the
landmarks of the clock (the half hour, half-time, the hour, the last minute). The minute
is read from the source ("in the Nth minute", "on/after N minutes", "N minutes after the
break": 45 + N, "with N minutes left": N before the end) and the landmark from the derived
text; they are one moment, rounded, when the minute lies within :data:`SLACK` minutes of
the landmark on the side its words say ("just before half-time": up to 45, from
:data:`BREAK_SLACK` before), the two sentences share a content word (:mod:`.near_words`),
and it is the landmark's nearest such minute (then the one whose sentence shares most). The source's minutes left dropped there are the change's.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result
from .near_words import NearWords

SLACK = 6
"""How many minutes from a landmark a minute may lie to be told as it."""
BREAK_SLACK = 15
"""How many minutes before half-time (45; a rugby half is 40) a minute told as "just
before half-time" may lie."""
END = 1000  # the end of a match, whatever its length (minutes before it: END - n)

_SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_N = r"(?P<n>\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_SP = r"[ \u00a0]+"
_BREAK = r"(?i:the[ \u00a0]+break|half[- ]time|the[ \u00a0]+interval|the[ \u00a0]+restart)"
_SOURCE = (
    ("at", regex.compile(rf"(?<![\p{{L}}])(?i:in|during){_SP}the{_SP}(?P<n>\d{{1,3}})(?:st|nd|rd|th){_SP}(?i:minute)\b")),
    ("after", regex.compile(rf"(?<![\p{{L}}]){_N}{_SP}(?i:minutes?){_SP}(?i:after|into){_SP}{_BREAK}")),
    ("left", regex.compile(rf"(?<![\p{{L}}])(?i:with){_SP}{_N}{_SP}(?i:minutes?){_SP}(?i:left|remaining|to[ \u00a0]+go|to[ \u00a0]+play)\b")),
    ("at", regex.compile(rf"(?<![\p{{L}}])(?i:on|after){_SP}{_N}{_SP}(?i:minutes)\b(?![ \u00a0]+(?i:of|later|after|before|into|left))")),
)  # fmt: skip
_LANDMARKS = (
    (30, "", regex.compile(rf"(?<![\p{{L}}])(?i:on|around|just[ \u00a0]+after|just[ \u00a0]+before){_SP}the{_SP}half[- ]hour(?:[ \u00a0]+mark)?\b")),
    (60, "", regex.compile(rf"(?<![\p{{L}}])(?i:on|around|just[ \u00a0]+after|just[ \u00a0]+before){_SP}the{_SP}hour(?:[ \u00a0]+mark)?\b")),
    (45, "-", regex.compile(rf"(?<![\p{{L}}])(?i:just|shortly|right|moments?|seconds?|minutes?)?[ \u00a0]*(?i:before){_SP}{_BREAK}")),
    (45, "+", regex.compile(rf"(?<![\p{{L}}])(?i:just|shortly|right|straight|soon|moments?|seconds?|minutes?)?[ \u00a0]*(?i:after){_SP}{_BREAK}")),
    (END, "-", regex.compile(rf"(?<![\p{{L}}])(?i:in|during){_SP}the{_SP}(?i:final|last|closing|dying){_SP}(?i:minutes?|seconds)\b|(?i:in){_SP}(?i:stoppage|injury){_SP}time\b")),
)  # fmt: skip


def _minute(kind: str, n: str) -> int:
    v = int(n) if n.isdigit() else _SMALL[n.lower()]
    return {"at": v, "after": 45 + v, "left": END - v}[kind]


def _fits(minute: int, mark: int, side: str) -> bool:
    if minute == mark and side == "":
        return False  # the same minute: nothing rounded
    if side == "-":  # before half-time: any time late in the first half (of rugby's 40, too)
        return mark - (BREAK_SLACK if mark == 45 else SLACK) <= minute <= mark
    if side == "+":
        return mark <= minute <= mark + SLACK
    return abs(minute - mark) <= SLACK


def minute_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Report each match minute of the source that the derived text tells as a landmark
    of the clock as one number rounded (see the module's rules)."""
    marks = [(v, side, m) for v, side, rx in _LANDMARKS for m in rx.finditer(texts[1])]
    if not marks:
        return
    found: list[tuple[int, int, int]] = []
    for kind, rx in _SOURCE:
        for m in rx.finditer(texts[0]):
            if not any(m.start() < e and s < m.end() for s, e, _v in found):
                found.append((m.start(), m.end(), _minute(kind, m["n"])))
    if not found:
        return
    kept = [k.source.span for k in res.kept]
    found = [x for x in found if not any(x[0] <= s < x[1] for s, _e in kept)]
    near = NearWords(texts)
    facts = [Fact("number", texts[0][s:e], (s, e), docs[0], str(v)) for s, e, v in found]
    marked = [Fact("number", m.group().strip(), _strip(m), docs[1], str(v)) for v, _s, m in marks]

    def fits(i: int, j: int) -> bool:
        v, side, _m = marks[j]
        return _fits(found[i][2], v, side) and near.shared(facts[i], marked[j]) > 0

    taken: set[int] = set()
    for j in range(len(marks)):
        ranked = sorted(
            (abs(found[i][2] - marks[j][0]), -near.shared(facts[i], marked[j]), i)
            for i in range(len(found))
            if i not in taken and fits(i, j)
        )
        if not ranked or (len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]):
            continue
        i = ranked[0][2]
        taken.add(i)
        sf, df = facts[i], marked[j]
        note = f"a match minute told by the clock ('{sf.text}' → '{df.text}')"
        res.changed.append(FactLink("number", sf, df, note, "value", "rounded"))
        for f in [f for f in res.dropped if sf.span[0] <= f.span[0] < sf.span[1]]:
            res.dropped.remove(f)


def _strip(m: regex.Match[str]) -> tuple[int, int]:
    s, e = m.span()
    text = m.group()
    return s + len(text) - len(text.lstrip()), e

"""A span of time on one side told as its two ends on the other: "open 8.30am to 3.30pm" /
"opens at 8:30 a.m. and closes at 3:30 p.m." is one fact kept, not a span added and two
times dropped.

The clock reader takes "8.30am to 3.30pm" for one span (``time:08:30-15:30``) and a start and an
end said apart for two times. When a span is left over on one side and both its ends are
left over on the other, close together (in one sentence, as a start and an end are told),
the two times are the span: one fact, kept. When one end is the same and the other a
different time ("begins at 6 am and runs until 9 pm" / "from 6 am to 10 pm"), the span
is one fact changed: the hours given for it moved.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .clock import TIME_PREFIX
from .items import Result

ENDS_APART = 80
"""How many characters apart the two ends of a span may stand and be told as one."""


def _ends(value: str) -> tuple[str, str] | None:
    """The values of the two ends of a time span's value ("time:08:30-15:30": "time:08:30",
    "time:15:30"); None for anything else."""
    if not value.startswith(TIME_PREFIX):
        return None
    a, sep, b = value.removeprefix(TIME_PREFIX).partition("-")
    if not sep or not a or not b:
        return None
    return TIME_PREFIX + a, TIME_PREFIX + b


def _is_clock(f: Fact) -> bool:
    return f.kind == "date" and f.value.startswith(TIME_PREFIX) and "-" not in f.value


def _told_apart(span: Fact, lost: list[Fact], text: str) -> tuple[Fact, Fact, bool] | None:
    """The one pair of times of ``lost`` that are the two ends of ``span``, the start first
    and close to the end, with no full stop between them, and whether both ends are the
    same (False: one end is, the other is another time)."""
    ends = _ends(span.value)
    if ends is None:
        return None
    clocks = [f for f in lost if _is_clock(f)]

    def pairs(same: int) -> list[tuple[Fact, Fact]]:
        out = []
        for a in clocks:
            for b in clocks:
                hits = (a.value == ends[0]) + (b.value == ends[1])
                if (
                    hits == same
                    and 0 <= b.span[0] - a.span[1] <= ENDS_APART
                    and ". " not in text[a.span[1] : b.span[0]]
                ):
                    out.append((a, b))
        return out

    for same in (2, 1):
        found = pairs(same)
        if found:
            return (*found[0], same == 2) if len(found) == 1 else None
    return None


_NAMED_RE = regex.compile(r"(?<![\p{L}\p{N}])(?i:noon|midday|midnight)(?![\p{L}\p{N}])")


def _named_told(res: Result, texts: tuple[str, str]) -> None:
    """Forget a time left over that is a named hour ("noon CST", read as a time for its
    zone) when the other text names that hour too ("Saturday noon", no zone, unread):
    the hour is told there."""
    for side, lost in ((0, res.dropped), (1, res.added)):
        for f in [f for f in lost if f.kind == "date" and f.value.startswith(TIME_PREFIX)]:
            m = _NAMED_RE.match(f.text)
            if m is None:
                continue
            word = m.group().lower()
            if any(x.group().lower() == word for x in _NAMED_RE.finditer(texts[1 - side])):
                lost.remove(f)


def span_ends(res: Result, texts: tuple[str, str]) -> None:
    """Keep each time span left over on one side whose two ends are left over, told apart,
    on the other (see the module); forget a named hour left over that the other text
    names too."""
    _named_told(res, texts)
    for side, lost, other_lost in ((1, res.added, res.dropped), (0, res.dropped, res.added)):
        other = 1 - side
        for f in [f for f in lost if f.kind == "date" and _ends(f.value) is not None]:
            found = _told_apart(f, other_lost, texts[other])
            if found is None:
                continue
            a, b, same = found
            lo, hi = a.span[0], b.span[1]
            value = f.value if same else f"{a.value}-{b.value.removeprefix(TIME_PREFIX)}"
            both = Fact("date", texts[other][lo:hi], (lo, hi), a.doc, value)
            lost.remove(f)
            other_lost.remove(a)
            other_lost.remove(b)
            sf, df = (both, f) if side == 1 else (f, both)
            if same:
                note = f"a span told as its two ends ('{sf.text}' / '{df.text}')"
                res.kept.append(FactLink("date", sf, df, note))
            else:
                note = f"an end of a span of time moved ('{sf.text}' / '{df.text}')"
                res.changed.append(FactLink("date", sf, df, note, "value", "", True))

"""A span of time on one side told as its two ends on the other: "open 8.30am to 3.30pm" /
"opens at 8:30 a.m. and closes at 3:30 p.m." is one fact kept, not a span added and two
times dropped.

The clock reader takes "8.30am to 3.30pm" for one span (``time:08:30-15:30``) and a start and an
end said apart for two times. When a span is left over on one side and both its ends are
left over on the other, close together (in one sentence, as a start and an end are told),
the two times are the span: one fact, kept.
"""

from __future__ import annotations

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


def _told_apart(span: Fact, lost: list[Fact], text: str) -> tuple[Fact, Fact] | None:
    """The one pair of times of ``lost`` that are the two ends of ``span``, the start first
    and close to the end, with no full stop between them."""
    ends = _ends(span.value)
    if ends is None:
        return None
    starts = [f for f in lost if f.kind == "date" and f.value == ends[0]]
    stops = [f for f in lost if f.kind == "date" and f.value == ends[1]]
    pairs = [
        (a, b)
        for a in starts
        for b in stops
        if 0 <= b.span[0] - a.span[1] <= ENDS_APART and ". " not in text[a.span[1] : b.span[0]]
    ]
    return pairs[0] if len(pairs) == 1 else None


def span_ends(res: Result, texts: tuple[str, str]) -> None:
    """Keep each time span left over on one side whose two ends are left over, told apart,
    on the other (see the module)."""
    for side, lost, other_lost in ((1, res.added, res.dropped), (0, res.dropped, res.added)):
        other = 1 - side
        for f in [f for f in lost if f.kind == "date" and _ends(f.value) is not None]:
            found = _told_apart(f, other_lost, texts[other])
            if found is None:
                continue
            a, b = found
            lo, hi = a.span[0], b.span[1]
            both = Fact("date", texts[other][lo:hi], (lo, hi), a.doc, f.value)
            lost.remove(f)
            other_lost.remove(a)
            other_lost.remove(b)
            sf, df = (both, f) if side == 1 else (f, both)
            note = f"a span told as its two ends ('{sf.text}' / '{df.text}')"
            res.kept.append(FactLink("date", sf, df, note))

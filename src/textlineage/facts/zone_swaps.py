"""One clock time given in another zone: a time whose value changed.

"at 8:40 p.m. Eastern" retold as "at 8:40 p.m. Pacific" keeps the clock reading and
moves the moment by three hours. The clock reader gives each time followed by a zone its
moment in universal time, so the two moments differ and the two times are left over: one
dropped, one added. When the texts leave exactly one such pair (a dropped and an added
time, each with a zone, the same hours and minutes as written), the pair is one time
changed in value.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .clock import TIME_PREFIX
from .items import Result

_CLOCK_RE = regex.compile(
    r"(?<![\p{N}])(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?[ \u00a0]?"
    r"(?P<ap>(?i:a\.?m\.?|p\.?m\.?))?(?![\p{L}\p{N}])"
)


def _reading(f: Fact) -> tuple[int, int, str] | None:
    """The clock reading of a zoned time as written: hours, minutes, a.m./p.m."""
    if not (f.value.startswith(TIME_PREFIX) and f.value.endswith("Z")) or "-" in f.value:
        return None
    m = _CLOCK_RE.search(f.text)
    if m is None or (m.group("m") is None and m.group("ap") is None):
        return None
    ap = (m.group("ap") or "")[:1].lower()
    return int(m.group("h")), int(m.group("m") or 0), ap


def zone_swaps(res: Result) -> None:
    """Pair the one dropped and the one added zoned time of one clock reading (see the
    module) as a change of value."""
    dropped = [(r, f) for f in res.dropped if f.kind == "date" and (r := _reading(f))]
    added = [(r, f) for f in res.added if f.kind == "date" and (r := _reading(f))]
    if len(dropped) != 1 or len(added) != 1:
        return
    (rs, sf), (rd, df) = dropped[0], added[0]
    if rs != rd or sf.value == df.value:
        return
    res.dropped.remove(sf)
    res.added.remove(df)
    note = f"the same clock time in another zone ('{sf.text}' → '{df.text}')"
    res.changed.append(FactLink("date", sf, df, note, "value", "", True))

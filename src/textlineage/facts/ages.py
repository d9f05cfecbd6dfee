"""A person's age said otherwise: "now 67" → "aged 76".

A bare number is read as a count of nothing, and a derived text that gives an age in
other words ("now 67", "aged 76", "at the age of 76", "76 years old") leaves a dropped
and an added number no unit pairs. When each text's leftover numbers hold exactly one age
(a whole number of at most three digits with an age's words around it) and the two
differ, that is one number changed in ``value``.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result

_BEFORE_RE = regex.compile(
    r"(?i:\baged|\bage|\bat[ \u00a0]+the[ \u00a0]+age[ \u00a0]+of|,[ \u00a0]*now)[ \u00a0]+$"
)
_AFTER_RE = regex.compile(r"(?i:[ \u00a0-]+years?[ \u00a0-]+old\b)")


def _age(f: Fact, text: str) -> bool:
    if f.kind != "number" or not regex.fullmatch(r"\d{1,3}", f.text):
        return False
    before = text[max(0, f.span[0] - 24) : f.span[0]]
    return bool(_BEFORE_RE.search(before) or _AFTER_RE.match(text, f.span[1]))


def age_changes(texts: tuple[str, str], res: Result) -> None:
    """Pair the one age left dropped with the one left added (see the module's rules)."""
    s_ages = [f for f in res.dropped if _age(f, texts[0])]
    d_ages = [f for f in res.added if _age(f, texts[1])]
    if len(s_ages) != 1 or len(d_ages) != 1:
        return
    sf, df = s_ages[0], d_ages[0]
    if int(sf.text) == int(df.text):
        return
    res.changed.append(FactLink("number", sf, df, f"age {sf.text} → {df.text}", "value", "", True))
    res.dropped.remove(sf)
    res.added.remove(df)

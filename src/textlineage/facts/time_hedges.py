"""A time of day kept with its hedge dropped or added: "till at least 5.15pm" →
"till 5.15pm", "at about 07:35" → "at 7.35am", "by 9am at the latest" → "by 9am".

A hedge around a time says the moment is only approximate ("about", "around") or a bound
("at least", "no later than", "at the earliest"); the same time without it states the
moment exactly. As with a number ("about 300" → "300"), the time is the same but the
claim changed strength. Two hedges of one meaning ("about" / "around") keep the time;
words that place an event just before or after a time ("shortly after 9pm") are a
rounding, read where times are matched, not here. A hedge of habit before a time or the
start of a span of hours ("generally between 9am and 5pm", "usually at noon") says the
times are not always kept: dropped, the hours are stated as a rule.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .clock import TIME_PREFIX
from .items import Result
from .match_dates import ROUNDED_NOTE

_SP = r"[ \u00a0]+"
_BEFORE = {
    "about": "~", "around": "~", "approximately": "~", "approx.": "~", "roughly": "~",
    "circa": "~", "at least": ">", "no earlier than": ">", "not before": ">",
    "at most": "<", "no later than": "<", "not later than": "<",
}  # fmt: skip
"""Hedges before a time and what they claim: near it (``~``), no earlier (``>``) or no
later (``<``)."""
_HABIT = {"generally": "usually", "usually": "usually", "normally": "usually",
          "typically": "usually", "mostly": "usually"}  # fmt: skip
"""Hedges of habit, before a time or a span's start ("generally between")."""
_AFTER = {
    "or so": "~", "at the earliest": ">", "or later": ">", "at the latest": "<",
    "or earlier": "<",
}  # fmt: skip
"""Hedges after a time."""


def _alternation(words: dict[str, str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", _SP) for w in sorted(words, key=len, reverse=True)
    )


_BEFORE_RE = regex.compile(rf"(?<![\p{{L}}])(?i:{_alternation(_BEFORE)}){_SP}$")
_HABIT_RE = regex.compile(
    rf"(?<![\p{{L}}])(?i:{_alternation(_HABIT)}){_SP}(?:(?i:between|from|at|by|until|till){_SP})?$"
)
_AFTER_RE = regex.compile(rf"(?:,|\G|(?<![ \u00a0])){_SP}+(?i:{_alternation(_AFTER)})(?![\p{{L}}])")
_LOOK_BACK = 24


def _hedge(text: str, f: Fact) -> tuple[str, str, tuple[int, int]]:
    """The hedge around the time ``f`` in ``text``: its meaning class ("" for none), its
    words and the span of the time with them."""
    start, end = f.span
    m = _BEFORE_RE.search(text, max(0, start - _LOOK_BACK), start)
    if m is not None:
        words = " ".join(m.group().split()).lower()
        return _BEFORE[words], words, (m.start(), end)
    habit = _habit(text, f)
    if habit[0]:
        return habit
    m = _AFTER_RE.match(text, end)
    if m is not None:
        words = " ".join(m.group().lstrip(",").split()).lower()
        return _AFTER[words], words, (start, m.end())
    return "", "", f.span


def _habit(text: str, f: Fact) -> tuple[str, str, tuple[int, int]]:
    """The hedge of habit before ``f`` in ``text`` (as :func:`_hedge` gives a hedge)."""
    start, end = f.span
    m = _HABIT_RE.search(text, max(0, start - _LOOK_BACK), start)
    if m is None:
        return "", "", f.span
    words = " ".join(m.group().split()).lower()
    return _HABIT[words.split()[0]], words, (m.start(), end)


def _widened(text: str, f: Fact, span: tuple[int, int]) -> Fact:
    if span == f.span:
        return f
    return Fact(f.kind, text[span[0] : span[1]], span, f.doc, f.value)


def hedged_times(res: Result, texts: tuple[str, str]) -> None:
    """Turn each kept time of day of ``res`` whose hedge differs in meaning on the two
    sides (one hedged, the other not, or hedged the other way), and each kept number
    whose hedge of habit does ("generally between 300 and 400"), into a change of
    strength."""
    keep: list[FactLink] = []
    for link in res.kept:
        value = link.source.value
        time = link.kind == "date" and value.startswith(TIME_PREFIX) and "-" not in value
        if not time and link.kind != "number":
            keep.append(link)
            continue
        hedge = _hedge if time else _habit  # a number's other hedges are read elsewhere
        cs, ws, ss = hedge(texts[0], link.source)
        cd, wd, sd = hedge(texts[1], link.derived)
        if cs == cd or (link.note.startswith(ROUNDED_NOTE) and "~" in (cs, cd)):
            # (a time told a few minutes off, "shortly before 8pm", is approximate too)
            keep.append(link)
            continue
        if not cd:
            detail, note = "qualifier_dropped", f"qualifier '{ws}' dropped"
        elif not cs:
            detail, note = "qualifier_added", f"qualifier '{wd}' added"
        else:
            detail, note = "qualifier_changed", f"qualifier '{ws}' → '{wd}'"
        sf, df = _widened(texts[0], link.source, ss), _widened(texts[1], link.derived, sd)
        res.changed.append(FactLink(link.kind, sf, df, note, "strength", detail))
    res.kept[:] = keep

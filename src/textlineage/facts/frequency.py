"""How often something happens: a frequency is one number, a count per span of time.

"twice weekly", "three times a week", "once every two months", "every 3 days", "every
other day", "four times daily" each say a rate, and two of them are compared by that rate:
"twice weekly" → "three times a week" is a value changed, "every 7 days" → "once a week"
the same value kept. The number readers see only their parts ("three times", "3 days"),
left dropped or added as counts or spans of time, so a frequency is read whole here and
the parts' reports are folded into it.

Two frequencies are paired when their sentences say the same thing (they share
:data:`match_loose.MIN_SHARED` content words besides the frequencies'); each is paired
once, best first. English only.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import regex

from ..types import Fact, FactLink
from .items import Result
from .match_loose import Sentences, say_the_same
from .units import in_base
from .vocab import SMALL_NUM, TENS_NUM

_SP = r"[ \u00a0-]+"
_SPELLED = "|".join(sorted((*SMALL_NUM, *TENS_NUM), key=len, reverse=True))
_N = rf"(?:\d{{1,3}}|(?i:{_SPELLED}))"
_PERIOD = r"(?i:second|minute|hour|day|night|week|fortnight|month|quarter|year)"
_ADVERB = r"(?i:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)"
_COUNT = rf"(?P<count>(?i:once|twice|thrice)|{_N}{_SP}(?i:times))"
_FREQ_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:"
    rf"{_COUNT}{_SP}(?:(?P<adverb>{_ADVERB})"
    rf"|(?i:a|an|per|each|every){_SP}(?:(?P<n>{_N}|(?i:other)){_SP})?(?P<period>{_PERIOD})s?)"
    rf"|(?i:every|each){_SP}(?:(?P<n2>{_N}|(?i:other)){_SP})?(?P<period2>{_PERIOD})s?"
    rf"|(?<![-\u2010])(?P<adverb2>{_ADVERB})"
    rf")(?![\p{{L}}\p{{N}}])"
)
"""A count per span of time, or a span of time that recurs (an adverb alone, "fortnightly",
is once in that span; not after a hyphen, as in "half-hourly")."""

_ADVERB_PERIOD = {
    "hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week",
    "fortnightly": "fortnight", "monthly": "month", "quarterly": "quarter",
    "yearly": "year", "annually": "year",
}  # fmt: skip
_PERIOD_UNIT = {"night": ("day", 1), "fortnight": ("week", 2), "quarter": ("month", 3)}
_COUNT_WORD = {"once": 1, "twice": 2, "thrice": 3}


def _number(word: str | None) -> Decimal | None:
    if word is None:
        return Decimal(1)
    w = word.lower()
    if w == "other":
        return Decimal(2)
    if w.isdigit():
        return Decimal(w)
    n = SMALL_NUM.get(w, 0) + TENS_NUM.get(w, 0)
    return Decimal(n) if n else None


def _rate(m: regex.Match[str]) -> Fraction | None:
    """Times per second, exactly, of a frequency matched by :data:`_FREQ_RE` (None if unread)."""
    count_text = m.group("count")
    if count_text is None:
        count: Decimal | None = Decimal(1)
    else:
        word = count_text.split()[0].split("-")[0].lower()
        count = Decimal(_COUNT_WORD[word]) if word in _COUNT_WORD else _number(word)
    adverb = m.group("adverb") or m.group("adverb2")
    if adverb:
        every: Decimal | None = Decimal(1)
        period = _ADVERB_PERIOD[adverb.lower()]
    else:
        every = _number(m.group("n") if count_text is not None else m.group("n2"))
        period = (m.group("period") or m.group("period2")).lower()
    if count is None or every is None:
        return None
    unit, size = _PERIOD_UNIT.get(period, (period, 1))
    seconds = in_base(str(every * size), unit)
    if not seconds:
        return None
    return Fraction(count) / Fraction(seconds)


def find_frequencies(text: str) -> list[tuple[tuple[int, int], Fraction]]:
    """The frequencies of ``text``: each one's span and rate (times per second)."""
    out = []
    for m in _FREQ_RE.finditer(text):
        rate = _rate(m)
        if rate is not None:
            out.append((m.span(), rate))
    return out


def _alone(text: str, span: tuple[int, int]) -> bool:
    """Is the frequency at ``span`` an adverb alone ("quarterly")? As often a word of
    description ("the weekly market") as a rate stated, it keeps a rate the other text
    states but is not read as another rate."""
    return text[span[0] : span[1]].lower() in _ADVERB_PERIOD


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pair_frequencies(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Pair the frequencies of the source and the derived text whose sentences say the
    same thing: the same rate kept, another changed; the number and date reports inside
    either frequency are folded into it. A frequency a kept or changed fact already holds
    with a fact outside the other is left alone."""
    found = (find_frequencies(texts[0]), find_frequencies(texts[1]))
    if not found[0] or not found[1]:
        return
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    links = [*res.kept, *res.changed]
    candidates = []
    for i, (sa, _) in enumerate(found[0]):
        for j, (sb, _) in enumerate(found[1]):
            if any(
                _overlaps(k.source.span, sa) != _overlaps(k.derived.span, sb)
                for k in links
                if k.kind in ("number", "date")
            ):
                continue  # a part of one is already paired elsewhere
            if found[0][i][1] != found[1][j][1] and (_alone(texts[0], sa) or _alone(texts[1], sb)):
                continue  # an adverb alone ("a weekly column") confirms a rate, changes none
            shared = say_the_same(sides, sa, sb)
            if shared:
                candidates.append((-shared, i, j))
    used: tuple[set[int], set[int]] = (set(), set())
    for _, i, j in sorted(candidates):
        if i in used[0] or j in used[1]:
            continue
        used[0].add(i)
        used[1].add(j)
        (sa, ra), (sb, rb) = found[0][i], found[1][j]
        _fold(texts, docs, (sa, sb), ra == rb, res)


def _fold(
    texts: tuple[str, str],
    docs: tuple[int, int],
    spans: tuple[tuple[int, int], tuple[int, int]],
    same: bool,
    res: Result,
) -> None:
    sa, sb = spans
    for lost, span in ((res.dropped, sa), (res.added, sb)):
        lost[:] = [
            f for f in lost if f.kind not in ("number", "date") or not _overlaps(f.span, span)
        ]
    for group in (res.kept, res.changed):
        group[:] = [
            k
            for k in group
            if k.kind not in ("number", "date")
            or not (_overlaps(k.source.span, sa) and _overlaps(k.derived.span, sb))
        ]
    sf = Fact("number", texts[0][sa[0] : sa[1]], sa, docs[0], "frequency")
    df = Fact("number", texts[1][sb[0] : sb[1]], sb, docs[1], "frequency")
    if same:
        res.kept.append(FactLink("number", sf, df, "the same frequency, written otherwise"))
    else:
        note = f"a frequency changed ('{sf.text}' → '{df.text}')"
        res.changed.append(FactLink("number", sf, df, note, "value", "", True))

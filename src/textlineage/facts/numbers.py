"""Numbers written in the text, with the qualifier before them and the noun after them.

Digits (``30,000``, ``1.5 million``, Persian and Arabic-Indic digits too), spelled-out
numbers (``twenty-five``), vague quantities (``hundreds of thousands``), percentages,
currencies, dimensions (``3 x 4``) and clock times. A four-digit number that counts
nothing is a year and comes back as a date.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..text.dates import MONTH_NUMBERS
from ..types import Fact
from .forms import collapse, digits, fmt, is_plural, singular
from .items import Item, mark, overlaps
from .vocab import (
    NOT_UNITS,
    QUAL,
    QUAL_CLASS,
    SCALE_NUM,
    SMALL_NUM,
    SPELLED,
    TENS_NUM,
    UNIT_STOP,
    VAGUE,
    VAGUE_BASE,
    WEEKDAYS,
)

_DIMENSION_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,])\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?(?![\p{L}\p{N}])"
)
_TIME_RE = regex.compile(r"(?<![\p{L}\p{N}:/.,])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}:])")

_DIGITS = r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_RE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}\p{{M}}_\#@$€£¥₹]|\p{{N}}[.,]|\p{{L}}-)
    (?P<cur>US\$|[$€£¥₹])?
    (?:
        (?P<vague>(?i:{VAGUE}))
      | (?P<num>{_DIGITS})
        (?:(?:\s+|-)?(?P<scale>(?i:hundred|thousand|million|billion|trillion)|bn)(?![\p{{L}}]))?
      | (?P<word>(?i:{SPELLED}))(?:[\s-]+(?P<wscale>(?i:hundred|thousand|million|billion|dozen)))?
      | (?i:an?)\s+(?P<ascale>(?i:hundred|thousand|million|billion|dozen))
    )
    (?P<pct>\s?%|\s+(?i:per\s?cent|percent)(?![\p{{L}}]))?
    (?:-(?P<hy>\p{{Ll}}+(?:-\p{{Ll}}+)?))?
    (?![\p{{L}}\p{{N}}]|[.,]\p{{N}})
    """,
    regex.VERBOSE,
)
_QUAL_BEFORE_RE = regex.compile(rf"(?<![\p{{L}}])(?i:{QUAL})\s+$")
_DIGIT_RUN_RE = regex.compile(r"(?:US\$|[$€£¥₹])?\d+")
_WORDLIKE_RE = regex.compile(r"(?<![\p{L}\p{N}\p{M}_])[A-Za-z]+")
_NUM_WORD_TRIGGERS = tuple(
    sorted(
        set(SMALL_NUM)
        | set(TENS_NUM)
        | {"tens", "several", "many", "scores", "dozens", "hundreds", "thousands", "millions"}
        | {"billions", "a hundred", "a thousand", "a million", "a billion", "a dozen", "a few"}
        | {"an hundred"}
    )
)
_NUM_WORD_FIRST = frozenset(w.split()[0] for w in _NUM_WORD_TRIGGERS)
_UNIT_WORD_RE = regex.compile(r"[ \u00a0]+([\p{L}][\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*)")
_OF_RE = regex.compile(r"[ \u00a0]+of(?=[ \u00a0])")
_DIM_SPLIT_RE = regex.compile(r"\s*[x×]\s*")
_DOT_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_WORD_SPLIT_RE = regex.compile(r"[-\s]+")


def _unit_after(text: str, pos: int, vague: bool) -> tuple[int, list[str]]:
    """The noun phrase after a number: (end offset, words)."""
    if vague:
        m = _OF_RE.match(text, pos)
        if m is not None:
            pos = m.end()
    words: list[tuple[str, int]] = []
    cur = pos
    for _ in range(3):
        m = _UNIT_WORD_RE.match(text, cur)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in UNIT_STOP or lw in MONTH_NUMBERS or lw in WEEKDAYS:
            break
        words.append((w, m.end()))
        cur = m.end()
    if not words:
        return pos, []
    for i, (w, _end) in enumerate(words):
        if is_plural(w):
            return words[i][1], [x for x, _ in words[: i + 1]]
    first = words[0][0]
    if vague or not first[:1].islower() or first.lower() in NOT_UNITS:
        return pos, []
    if len(first) > 4 and first.lower().endswith(("ed", "ing", "ly")):
        return pos, []  # a verb or adverb ("5,000 died"), not what is counted
    return words[0][1], [first]


def find_numbers(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The numbers (and bare years) of ``text`` outside ``num_mask``; marks them in the
    masks (for names, only the number itself, not its noun)."""
    out: list[Item] = []
    for m in _DIMENSION_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        value = "x".join(digits(p) for p in _DIM_SPLIT_RE.split(m.group()))
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    for m in _TIME_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        value = digits(m.group())
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    # Anchored matches at plausible starts only: far faster than scanning every offset.
    resume = 0
    for start in _number_starts(text):
        if start < resume:
            continue
        m = _NUM_RE.match(text, start)
        if m is None:
            continue
        q = _QUAL_BEFORE_RE.search(text, max(resume, start - 40), start)
        item = _number_item(text, doc, m, q, num_mask)
        if item is None:
            continue
        resume = item.fact.span[1]
        out.append(item)
        s, e = item.fact.span
        mark(num_mask, s, e)
        core_end = m.end()
        if item.fact.kind == "number":
            mark(name_mask, s, core_end)
        else:
            mark(name_mask, s, e)
    return out


def _number_starts(text: str) -> list[int]:
    """Offsets where a number may start: digit runs, currency signs, number words."""
    starts = [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    lowered = text.lower()
    if len(lowered) == len(text):
        for w in _NUM_WORD_TRIGGERS:
            i = lowered.find(w)
            while i != -1:
                if i == 0 or not lowered[i - 1].isalnum():
                    starts.append(i)
                i = lowered.find(w, i + 1)
    else:  # lower() changed the length: fall back to a word scan
        starts.extend(
            m.start() for m in _WORDLIKE_RE.finditer(text) if m.group().lower() in _NUM_WORD_FIRST
        )
    return sorted(set(starts))


def _number_item(
    text: str,
    doc: int,
    m: regex.Match[str],
    q: regex.Match[str] | None,
    num_mask: bytearray,
) -> Item | None:
    s, core_end = m.span()
    if overlaps(num_mask, s, core_end):
        return None
    qual = ""
    if q is not None and not overlaps(num_mask, q.start(), s):
        qual = collapse(q.group()).lower()
        s = q.start()
    cur = m.group("cur") or ""
    cur = "$" if cur == "US$" else cur
    vague_raw = m.group("vague")
    pct = bool(m.group("pct"))
    hy = m.group("hy") or ""
    value: str
    vague = ""
    if vague_raw:
        vague = collapse(vague_raw).lower()
        words = vague.split()
        if words[0] in ("several", "a", "many"):
            base = SCALE_NUM[words[-1]]
        elif len(words) == 3:  # tens/hundreds of thousands/millions
            base = (10 if words[0] == "tens" else 100) * VAGUE_BASE[words[2]]
        else:
            base = VAGUE_BASE[words[0]]
        value = f"~{base}s"
        core = vague_raw
    elif m.group("num"):
        core = m.group("num")
        raw = digits(core)
        if _DOT_THOUSANDS_RE.fullmatch(raw):
            raw = raw.replace(".", "")
        raw = raw.replace(",", "")
        try:
            dec = Decimal(raw)
        except InvalidOperation:
            return None
        scale = (m.group("scale") or "").lower()
        if scale:
            dec *= SCALE_NUM[scale]
        value = fmt(dec)
    elif m.group("word"):
        core = m.group("word")
        parts = _WORD_SPLIT_RE.split(core.lower())
        total = sum(SMALL_NUM.get(p, 0) + TENS_NUM.get(p, 0) for p in parts)
        wscale = (m.group("wscale") or "").lower()
        if wscale:
            total *= SCALE_NUM[wscale]
        value = str(total)
    else:
        core = m.group()
        value = str(SCALE_NUM[(m.group("ascale") or "").lower()])

    # The noun after the number.
    unit_words: list[str] = []
    if pct:
        unit_end, unit = core_end, "%"
    elif hy:
        unit_end, unit = core_end, hy.lower()
    else:
        unit_end, unit_words = _unit_after(text, core_end, bool(vague))
        unit = singular(unit_words[-1]) if unit_words else ""

    # A bare "one" is a pronoun more often than a count.
    if m.group("word") and core.lower() == "one" and not m.group("wscale"):
        before = text[max(0, s - 12) : s].lower().split()
        if not unit or (
            before
            and before[-1]
            in {"no", "any", "every", "each", "the", "this", "that", "which", "some", "someone"}
        ):
            return None

    # A four-digit number alone is a year unless it counts something.
    num = m.group("num") or ""
    if (
        num
        and not (qual or cur or m.group("scale") or pct or hy)
        and len(num) == 4
        and num.isdigit()
        and 1000 <= int(digits(num)) <= 2199
    ):
        y = int(digits(num))
        before_words = text[max(0, s - 5) : s].lower().split()
        counts = bool(unit_words) and unit_words[0][:1].islower() and is_plural(unit_words[-1])
        if counts and before_words and before_words[-1] == "the" and 1900 <= y <= 2100:
            counts = False
        if not counts:
            fact = Fact("date", text[s:core_end], (s, core_end), doc, f"{y:04d}")
            return Item(fact, "date", (f"{y:04d}",), date=(y, None, None))

    if overlaps(num_mask, s, unit_end):
        unit_end, unit = core_end, ""
    fact = Fact("number", text[s:unit_end], (s, unit_end), doc, value)
    qcls = QUAL_CLASS.get(qual, "")
    return Item(
        fact,
        "number",
        (value, unit, cur, qcls),
        qual=qual,
        qcls=qcls,
        unit=unit,
        cur=cur,
        vague=vague,
        core=core,
    )

"""Matching numbers by value (dates and hashtags: :mod:`.match_dates`).

Values, never substrings, are compared: ``"30,000"`` is not found inside ``"130,000"``.
Numbers that moved are ``changed``, once, with a label: ``strength`` (a qualifier
dropped or added, a vague quantity made specific), ``value`` or ``noun``; a change whose
new value the source never states is marked ``unsupported`` rather than reported again as
added. Among several numbers a changed one may be, the one of its passage nearest in
value is taken (a rounding), and an amount of money is never taken for a share or count
unless it is one rounded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

import regex

from ..types import Fact, FactLink
from .ages import is_age
from .items import Group, Item, Result, pair, shares
from .match_nearer import (
    pair_unreported_mentions,
    prefer_nearer,
    prefer_nearer_source,
    prefer_said_alike,
)
from .match_same import one_thing, same_measure
from .ranks import AMONG
from .scores import SCORE
from .units import MULTIPLE, PERCENT, dimension
from .value_close import (
    ROUNDING_SLACK,
    converted_alike,
    low_end,
    measure_and_bare,
    money_and_count,
    shown,
)
from .value_close import close as _close
from .value_close import gap as _gap
from .value_close import in_vague as _in_vague
from .value_close import plain as _plain
from .value_close import qual_detail as _qual_detail
from .value_close import qual_note as _qual_note
from .value_close import range_holds as _range_holds
from .value_close import rounded_true as _rounded_true

_STRENGTH = "strength"
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
_LINK_WORDS = frozenset(
    regex.split(
        r"\s+",
        """a an the on in at of by for to and or from with than some about around were was
        is are be been had has have""",
    )
)
"""Words skipped when reading the words around a number (its context)."""


def _unit_compat(a: Item, b: Item) -> bool:
    if a.cur and b.cur and a.cur != b.cur:
        return False
    if MULTIPLE in (a.unit, b.unit) or SCORE in (a.unit, b.unit):
        return a.unit == b.unit  # "doubled" is no count, nor is "4–2"
    if _word_share_and_bare(a, b) or money_and_count(a, b):
        return False
    if a.cur and a.cur == b.cur:
        return True  # one amount of money, whatever word follows it ("£4.3m plan", "altogether")
    return not a.unit or not b.unit or a.unit == b.unit


def _word_share_and_bare(a: Item, b: Item) -> bool:
    """Is one a share in words and the other a bare number ("a quarter" is 25 %, never the
    "25" of "2024-25")?"""
    if PERCENT not in (a.unit, b.unit) or (a.unit and b.unit):
        return False
    return not (_has_digit(a) and _has_digit(b))


def _has_digit(it: Item) -> bool:
    return any(c.isdigit() for c in it.fact.text)


def _context(text: str, span: tuple[int, int]) -> tuple[str, str]:
    """The nearest word before and after ``span`` that is not a link word."""
    before = [w.lower() for w in _WORD_RE.findall(text[max(0, span[0] - 60) : span[0]])]
    after = [w.lower() for w in _WORD_RE.findall(text[span[1] : span[1] + 60])]
    b = next((w for w in reversed(before) if w not in _LINK_WORDS), "")
    a = next((w for w in after if w not in _LINK_WORDS), "")
    return b, a


def _same_place(s: Item, d: Item, texts: tuple[str, str] | None) -> bool:
    """Do two numbers stand between the same words ("held three students overnight",
    "held four activists overnight")? Without the texts, taken as true."""
    if texts is None:
        return True
    cs, cd = _context(texts[0], s.fact.span), _context(texts[1], d.fact.span)
    return any(x and x == y for x, y in zip(cs, cd, strict=True))


def _between_same_words(s: Item, d: Item, texts: tuple[str, str]) -> bool:
    """Do two numbers without a shared passage stand between the same two words, with
    nouns that allow a change ("in a year, to 7.57 million in July" / "in a year, to 7.5
    million in July")?"""
    if s.cur != d.cur or (s.unit and d.unit and s.unit != d.unit) or _word_share_and_bare(s, d):
        return False
    cs, cd = _context(texts[0], s.fact.span), _context(texts[1], d.fact.span)
    if all(cs) and cs == cd and s.unit == d.unit:
        return True
    # one word alike, and values close enough to be one rounded or made specific
    return any(x and x == y for x, y in zip(cs, cd, strict=True)) and _close(s, d)


def _vals(a: Item, b: Item) -> tuple[str, str]:
    return a.fact.value or "", b.fact.value or ""


SIZE_FACTOR = 100
"""How many times larger one of two counts of one noun in different passages may be and
still be read as one count changed: "two people" is no version of "23,000 people"."""
APART_FACTOR = 1000
"""Two values more than this many times apart are never one fact changed, even in one
passage ("between $0.60 and $0.62" a share, "about $1.6 billion" a year's revenue); a
slip of a thousand ("$4.3m" → "$4.3bn") still is one."""


_RANK_VALUE_RE = regex.compile(r"(?:\G|(?<!\d))\d++(?:st|nd|rd|th)$")
"""The value of a rank (:mod:`.ranks`): "2nd"."""


def _of_a_size(s: Item, d: Item, together: bool) -> bool:
    """May ``s`` have become ``d`` by its size? A rank is no count; a vague quantity only becomes a number in
    its range ("several thousand" is not "three"); two counts that do not share a
    passage (``together`` False) must be within :data:`SIZE_FACTOR` of each other, two
    that do within :data:`APART_FACTOR`."""
    if (_RANK_VALUE_RE.match(s.fact.value) is None) != (_RANK_VALUE_RE.match(d.fact.value) is None):
        return False  # a position ("97th place") is no count ("nine places")
    a, b = _plain(s.fact.value), _plain(d.fact.value)
    if s.vague and not d.vague:
        return b is None or _in_vague(s.fact.value, b)
    if d.vague and not s.vague:
        return a is None or _in_vague(d.fact.value, a)
    a, b = _plain(low_end(s.fact.value)), _plain(low_end(d.fact.value))
    if a is None or b is None or a <= 0 or b <= 0:
        return True
    return max(a, b) <= (APART_FACTOR if together else SIZE_FACTOR) * min(a, b)


def _may_pair(s: Item, d: Item, texts: tuple[str, str] | None) -> bool:
    """May two numbers of different values be one fact changed? Their nouns must allow it:
    one without a noun, measures of one dimension ("48 seconds", "almost a minute"), or
    two counts of things that stand in the same place of their sentences ("on 214
    occasions", "more than 200 times"); never a measure and a count, nor two
    dimensions ("six months", "200 times"); nor an age and another number."""
    if s.cur and d.cur and s.cur != d.cur:
        return False
    if texts is not None and is_age(s.fact, texts[0]) != is_age(d.fact, texts[1]):
        return False
    if ({MULTIPLE, SCORE} & {s.unit, d.unit} and s.unit != d.unit) or _word_share_and_bare(s, d):
        return False
    if bool(s.cur) != bool(d.cur) and not _close(s, d):
        return False  # an amount of money is no share or count, unless it is one rounded
    if bool(dimension(s.unit)) != bool(dimension(d.unit)) and not _close(s, d):
        return False  # nor is a bare number a measure or share ("1,368" / "31 years")
    if not s.unit or not d.unit or s.unit == d.unit:
        return True
    ds, dd = dimension(s.unit), dimension(d.unit)
    if ds or dd:
        return ds == dd
    return _same_place(s, d, texts)


def diff_numbers(
    S: list[Group],
    D: list[Group],
    res: Result,
    by_noun: bool = True,
    texts: tuple[str, str] | None = None,
) -> None:
    """Match numbers by value, then one count or measure under two nouns or units in one
    passage, then the rest by noun (unless not ``by_noun``: across languages) or passage
    (``texts``, source first, tell where a number stands in its sentence)."""
    first_change = len(res.changed)
    by_value: dict[str, list[Group]] = defaultdict(list)
    for g in S:
        by_value[g.first.fact.value].append(g)
    used: set[int] = set()
    exact_used: set[int] = set()
    kept_src: set[int] = set()
    unmatched: list[Group] = []
    moved: list[tuple[Group, list[Group]]] = []
    untrue: set[int] = set()  # source values a derived bound is untrue of

    def rank(gd: Group) -> Callable[[Group], tuple[bool, bool, bool, int]]:
        d = gd.first
        return lambda g: (
            not shares(g, gd),
            g.first.qcls != d.qcls,
            g.first.unit != d.unit,
            g.first.fact.span[0],
        )

    same_thing: list[Group] = []
    for gd in D:
        d = gd.first
        cands = [
            g
            for g in by_value.get(d.fact.value, ())
            if _unit_compat(g.first, d) and not measure_and_bare(g.first, gd.first, shares(g, gd))
        ]
        if not cands:
            same_thing.append(gd)
            continue
        gs = min(cands, key=rank(gd))
        if gs.first.qcls != d.qcls:
            moved.append((gd, cands))  # after the values kept: a kept source is not a change's
            continue
        used.add(id(gs))
        exact_used.add(id(gs))
        kept_src.add(id(gs))
        s = gs.first
        sf, df = pair(gs, gd)
        note = ""
        if s.qual != d.qual:
            note = f"qualifier '{s.qual}' → '{d.qual}' (same meaning)"
        res.kept.append(FactLink(d.fact.kind, sf, df, note))
    for gd, cands in moved:
        d = gd.first
        free = [g for g in cands if id(g) not in kept_src]
        gs = min(free or cands, key=rank(gd))
        other = _truer_source(S, gs, gd, used)
        if other is not None:
            untrue.add(id(gs))
            # "fewer than 4%" is untrue of the source's "4%" but true of its "3.2%": a
            # rounding of that one; the "4%" is left to the rest
            used.add(id(other))
            sf, df = pair(other, gd)
            note = f"rounded; '{d.qual}' keeps it true of {sf.text}"
            res.changed.append(FactLink(d.fact.kind, sf, df, note, "value", "rounded", False))
            continue
        used.add(id(gs))
        exact_used.add(id(gs))
        s = gs.first
        sf, df = pair(gs, gd)
        if free:
            res.changed.append(
                FactLink(d.fact.kind, sf, df, _qual_note(s, d), _STRENGTH, _qual_detail(s, d))
            )
        else:
            # The source's value is kept by another mention: reported once, as kept.
            note = f"{_qual_note(s, d)}; the value is kept elsewhere"
            res.kept.append(FactLink(d.fact.kind, sf, df, note))
    for gd in same_thing:
        one = one_thing(S, gd, res, exact_used, kept_src)
        if one is None:
            unmatched.append(gd)
        else:
            used.add(id(one))

    by_unit: dict[str, list[Group]] = defaultdict(list)
    for g in S:
        if g.first.unit and id(g) not in exact_used:
            by_unit[g.first.unit].append(g)

    # Derived numbers with a source number of their passage close in value (a rounding, a
    # range narrowed) are paired first, so that a looser one does not take it from them.
    # The closest pairs go first ("Nearly half", "roughly a quarter" against "47%" and
    # "26%": the quarter takes 26% before a looser "half" can).
    def closest(gd: Group) -> float:
        gaps = [
            _gap(g.first, gd.first)
            for g in S
            if id(g) not in exact_used and shares(g, gd) and _close(g.first, gd.first)
            and _may_pair(g.first, gd.first, texts if by_noun else None)
        ]  # fmt: skip
        return min(gaps, default=2.0)

    unmatched.sort(key=closest)  # stable: text order otherwise
    for gd in unmatched:
        d = gd.first
        options: dict[int, Group] = {}
        if d.unit and by_noun and not dimension(d.unit):
            for g in by_unit.get(d.unit, ()):
                if (
                    id(g) not in exact_used
                    and _unit_compat(g.first, d)
                    and _of_a_size(g.first, d, shares(g, gd))
                ):
                    options[id(g)] = g
        if gd.pas:
            for g in S:
                if id(g) in exact_used or id(g) in used or not shares(g, gd):
                    continue
                if _may_pair(g.first, d, texts if by_noun else None) and _of_a_size(
                    g.first, d, True
                ):
                    options[id(g)] = g
        if not options and texts is not None and by_noun:
            # Outside any passage: a number between the same words on both sides
            for g in S:
                if id(g) not in used and _between_same_words(g.first, d, texts):
                    options[id(g)] = g
        if not any(_close(g.first, d) or _rounded_true(g.first, d) for g in options.values()):
            again = _said_loosely(S, gd, exact_used)
            if again is not None:
                sf, df = pair(again, gd)
                note = f"said again loosely; '{d.qual}' keeps it true of {sf.text}"
                res.kept.append(FactLink(d.fact.kind, sf, df, note))
                continue
        if not options:
            converted = _converted(S, gd)
            if converted is not None:  # a measure said again in another unit, rounded
                used.add(id(converted))
                sf, df = pair(converted, gd)
                c = converted.first
                if same_measure(c, d) and c.qcls != d.qcls:
                    # one measure in another unit, its qualifier changed ("more than 250
                    # mm" / "a quarter of a meter")
                    note = f"{_qual_note(c, d)}; unit '{c.unit}' → '{d.unit}'"
                    detail = _qual_detail(c, d)
                    res.changed.append(FactLink(d.fact.kind, sf, df, note, _STRENGTH, detail))
                elif same_measure(c, d) or (c.qcls == d.qcls and converted_alike(c, d)):
                    note = f"unit '{converted.first.unit}' → '{d.unit}'"
                    res.kept.append(FactLink(d.fact.kind, sf, df, note))
                elif (mention := _free_mention(res, converted, sf)) is not None:
                    note = f"converted and rounded ('{mention.text}' → '{df.text}')"
                    res.changed.append(FactLink(d.fact.kind, mention, df, note, "value", "rounded"))
                else:  # its only mention kept already: said again roughly
                    note = f"said again loosely in another unit ('{sf.text}' → '{df.text}')"
                    res.kept.append(FactLink(d.fact.kind, sf, df, note))
            elif d.fact.value != AMONG:  # "one of the fastest": only against a rank
                res.added.append(d.fact)
            continue
        gs = min(
            options.values(),
            key=lambda g: (
                not shares(g, gd),
                g.first.unit != d.unit,
                id(g) in used,
                shares(g, gd) and not _close(g.first, d),  # in one passage: the nearest,
                _gap(g.first, d) if shares(g, gd) else 0.0,  # the nearest of the close
                not g.first.vague,
                all(it.fact.text.isupper() for it in g.items),  # a headline in capitals
                g.first.fact.span[0],
            ),
        )
        if id(gs) in used and not _close(gs.first, d) and not _rounded_true(gs.first, d):
            res.added.append(d.fact)  # a far value for a source number changed already
            continue
        used.add(id(gs))
        s = gs.first
        sf, df = pair(gs, gd)
        if s.qcls == d.qcls and converted_alike(s, d):  # "about 80 km" / "about 50 miles"
            res.kept.append(FactLink(d.fact.kind, sf, df, f"unit '{s.unit}' → '{d.unit}'"))
            continue
        if s.unit != d.unit and _converted_close(s, d):
            mention = _free_mention(res, gs, sf)
            if mention is None:
                # kept already, and said again roughly in another unit ("2:10:51", "under
                # two hours"): one fact, not also a change
                note = f"said again loosely in another unit ('{sf.text}' → '{df.text}')"
                res.kept.append(FactLink(d.fact.kind, sf, df, note))
                continue
            sf = mention
        notes = []
        label, detail = "value", ""
        if AMONG in (s.fact.value, d.fact.value):
            notes.append(f"rank '{s.fact.text}' → '{d.fact.text}'")
            label, detail = _STRENGTH, "degree"
        elif s.vague and not d.vague:
            notes.append(f"vague '{s.vague}' made specific")
            label, detail = _STRENGTH, "vague_to_specific"
        elif d.vague and not s.vague:
            notes.append(f"specific '{s.core}' made vague ('{d.vague}')")
            label, detail = _STRENGTH, "specific_to_vague"
        elif "-" in d.fact.value and "-" not in s.fact.value and _range_holds(*_vals(d, s)):
            notes.append(f"'{s.fact.text}' given as the range '{d.fact.text}'")
            label, detail = _STRENGTH, "specific_to_vague"
        elif s.fact.value != d.fact.value:
            notes.append(f"value {shown(s)} → {shown(d)}")
        else:
            label = "noun"
        if s.unit and d.unit and s.unit != d.unit:
            notes.append(f"noun '{s.unit}' → '{d.unit}'")
        if s.qcls != d.qcls:
            notes.append(_qual_note(s, d))
        # A vague derived quantity claims less than the source, and a rounded one whose
        # qualifier keeps it true ("47,912" → "more than 47,000") says nothing new;
        # anything else is new.
        new = not (d.vague and not s.vague) and d.fact.value != AMONG
        new = new and detail != "specific_to_vague"
        if new and label == "value" and _rounded_true(s, d):
            new, detail = False, "rounded"
            notes = [f"rounded; '{d.qual}' keeps it true of {s.fact.text}"]
        elif label == "value" and s.unit != d.unit and _converted_close(s, d):
            new, detail = False, "rounded"
            notes = [f"converted and rounded ('{s.fact.text}' → '{d.fact.text}')"]
        res.changed.append(FactLink(d.fact.kind, sf, df, "; ".join(notes), label, detail, new))
    _one_change_once(res, first_change)
    # A source value said twice in two ways ("about 20 per cent", "a fifth"; "£3m grant"
    # in a headline, "£3 million" in the body) is one fact: reported with the mention that
    # was matched, not dropped.
    matched = [g.first for g in S if id(g) in used]
    for g in S:
        if id(g) not in used and id(g) not in untrue and _requalified(g, D, res, texts):
            used.add(id(g))
    for g in S:
        value = g.first.fact.value
        if (
            id(g) not in used
            and value != AMONG
            and not any(_said_again(g.first, m) for m in matched)
        ):
            res.dropped.append(g.first.fact)
    prefer_nearer(S, D, res, first_change)
    prefer_nearer_source(S, D, res, first_change, texts)
    pair_unreported_mentions(S, D, res, texts)
    prefer_said_alike(S, D, res, texts)


def _truer_source(S: list[Group], gs: Group, gd: Group, used: set[int]) -> Group | None:
    """When the derived bound ``gd`` ("fewer than 4%") is untrue of the unqualified source
    value it equals (``gs``, "4%"), the one other unmatched source number it keeps true as
    a rounding ("3.2%": at most :data:`ROUNDING_SLACK` away); None otherwise."""
    s, d = gs.first, gd.first
    if s.qual or d.qcls not in ("<", ">"):
        return None
    found = [
        g
        for g in S
        if id(g) not in used
        and g is not gs
        and _rounded_true(g.first, d)
        and _gap(g.first, d) <= ROUNDING_SLACK
    ]
    return found[0] if len(found) == 1 else None


def _kept_already(res: Result, sf: Fact) -> bool:
    """Is the source mention ``sf`` a kept fact's already?"""
    return any(k.source.span == sf.span and k.source.doc == sf.doc for k in res.kept)


def _free_mention(res: Result, gs: Group, sf: Fact) -> Fact | None:
    """``sf``, or when a kept fact has it, another mention of ``gs`` no kept fact has
    (the headline's "nine weeks" when the body's is kept); None when there is none."""
    if not _kept_already(res, sf):
        return sf
    return next((it.fact for it in gs.items if not _kept_already(res, it.fact)), None)


def _converted_close(s: Item, d: Item) -> bool:
    """Is one measure the other in another unit of its dimension, rounded ("around 3 hours
    25 minutes" / "about three and a half hours")?"""
    return bool(dimension(s.unit)) and dimension(s.unit) == dimension(d.unit) and _close(s, d)


def _requalified(gs: Group, D: list[Group], res: Result, texts: tuple[str, str] | None) -> bool:
    """A source number left over whose value a derived mention in its passage states
    under another qualifier, though that derived value was matched elsewhere ("Half" in
    both headlines, "almost half" → "half" in the body) is a change of strength there:
    reported, and True."""
    s = gs.first
    for gd in D:
        d = gd.first
        if d.fact.value != s.fact.value or d.unit != s.unit or d.qcls == s.qcls:
            continue
        items = [it for it in gd.items if it.pas & gs.pas]
        if not items:
            continue
        sf = next(it.fact for it in gs.items if it.pas & items[0].pas)
        if texts is not None:  # the mention at the same place of its text
            at = sf.span[0] / max(1, len(texts[0]))
            items.sort(key=lambda it: abs(it.fact.span[0] / max(1, len(texts[1])) - at))
        df = items[0].fact
        note, detail = _qual_note(s, d), _qual_detail(s, d)
        res.changed.append(FactLink(d.fact.kind, sf, df, note, _STRENGTH, detail))
        other = next((it.fact for it in gd.items if it.fact.span != df.span), None)
        for i, k in enumerate(res.kept):  # the match elsewhere keeps its own mention
            if other is not None and k.derived.span == df.span and k.derived.doc == df.doc:
                res.kept[i] = replace(k, derived=other)
        return True
    return False


def _said_again(it: Item, other: Item) -> bool:
    """Is ``other`` the same value said again: the same noun, or the same amount of money
    with a noun only one of the two mentions names?"""
    if same_measure(it, other):
        return True  # "72 hours" and "three days"
    if it.fact.value != other.fact.value:
        return False
    if it.unit == other.unit:
        return True
    # An amount of money said twice is one amount, whatever word follows it ("a £4.3
    # million scheme", "the £4.3m plan").
    return bool(it.cur) and it.cur == other.cur


def _said_loosely(S: list[Group], gd: Group, exact_used: set[int]) -> Group | None:
    """The source number, matched already, that a qualified derived number says again in
    a rounder way its qualifier keeps true ("27 per cent" matched, and "more than a
    quarter" in the headline), when exactly one does; None otherwise."""
    found = [g for g in S if id(g) in exact_used and _rounded_true(g.first, gd.first)]
    return found[0] if len(found) == 1 else None


def _converted(S: list[Group], gd: Group) -> Group | None:
    """The one source measure that ``gd`` states in another unit of its dimension, close
    once converted ("for 14 weeks", "for three months"), even when that source value was
    matched elsewhere (a headline rounds what the body states); None when none or
    several."""
    d = gd.first
    if not dimension(d.unit) or d.vague:
        return None
    found = [
        g
        for g in S
        if g.first.unit != d.unit
        and dimension(g.first.unit) == dimension(d.unit)
        and not g.first.vague
        and _close(g.first, d)
    ]
    values = {(g.first.fact.value, g.first.unit) for g in found}
    return min(found, key=lambda g: g.first.fact.span[0]) if len(values) == 1 else None


def _one_change_once(res: Result, start: int) -> None:
    """Keep one of the changes from ``start`` on that say the same thing: a change told in
    the headline and again in the body ("4.2 million customers" → "4 million customers"
    twice) is one change, told by its fullest mention (the one that names what is counted,
    as a body sentence does more often than a headline)."""
    best: dict[tuple[str, str, str, str], FactLink] = {}
    for link in res.changed[start:]:
        key = (link.source.value, link.derived.value, link.label, link.detail)
        size = len(link.source.text) + len(link.derived.text)
        have = best.get(key)
        if have is None or size > len(have.source.text) + len(have.derived.text):
            best[key] = link
    keep = {id(x) for x in best.values()}
    res.changed[start:] = [x for x in res.changed[start:] if id(x) in keep]

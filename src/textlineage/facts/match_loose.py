"""Numbers and dates said loosely: what the value matchers leave as kept or dropped when
the derived text states the same thing less precisely.

- A part of a whole made the whole: "five of the seven boards" → "all seven boards" (and
  back). The whole ("seven boards") is kept, the part ("five") dropped; together they
  are one number changed.
- A number made a vague quantity of the same things: "about one in four patients",
  "212 patients" → "some patients", "many patients". A vague determiner is no number, so
  the source number is left dropped; when the derived sentence that holds the vague
  phrase says the same thing as the source's (:data:`MIN_SHARED` content words), it is
  that number, made vague.
- A number the other side states inside a short quotation (whose words are one fact, the
  quotation) in the same amount: "the next 48 hours will be critical", then "the next
  two days would be critical" outside quote marks. Said on both sides: kept, or, when
  the quotation is reported as changed or dropped, that report's and not told again.
- One count of two nouns ("perhaps forty paintings", "about 40 works"), same value and
  qualifier, left dropped and added in two sentences that say the same thing: kept; in
  sentences rebuilt further, when something else ties them (:mod:`.match_counts`).
- A number the derived text says twice ("€45m move" in a headline, "up to €45 million"
  in the body), one mention of which is a change's or a kept fact's: the other is a
  repeat of it, not added.
- A time of day made a part of the day ("at around 3am on Saturday" → "early on Saturday
  morning") in a sentence saying the same thing, the hour within that part: a date made
  less specific.
- A date made less specific outside the passages the two texts share is read as kept (a
  loose mention elsewhere, :mod:`.match_dates`); when the two dates stand in sentences
  that say the same thing, it is a change of specificity ("convicted in June 2023" →
  "found guilty in the District Court in 2023").
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

import regex

from ..text.features import term_of
from ..text.normalise import tokenize
from ..types import Fact, FactLink
from .clock import TIME_PREFIX, is_time
from .forms import singular
from .items import Item, Result
from .match_counts import keep_cents, pair_bare_values, pair_close_counts, pair_counts
from .match_leftovers import sentence_terms
from .match_nearer import pair_measures_left
from .measures import find_measures
from .near_words import words_near
from .numbers import find_numbers
from .numeric import ENGLISH_READ, patterns
from .parts_as_shares import parts_as_shares
from .units import dimension, in_base

MIN_SHARED = 3
"""Content words (the facts' own aside) two sentences must share to say the same thing."""

_OF_AFTER_RE = regex.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their|our|these|those)[ \u00a0]+)?"
)
"""Between a part and its whole: "five of the seven boards"."""
_ALL_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?i:all|each|every[ \u00a0]+one)[ \u00a0]+(?:(?i:of)[ \u00a0]+)?"
    r"(?:(?i:the|its|their|our|these|those)[ \u00a0]+)?$"
)
"""Before a whole taken whole: "all seven boards", "all of the seven boards"."""
_NOUN_AFTER_RE = regex.compile(
    r"[ \u00a0]+(?:of[ \u00a0]+(?:the|its|their)[ \u00a0]+)?(?P<noun>\p{Ll}{3,}s)(?![\p{L}\p{N}])"
)
"""The plural noun a number counts, right after it ("one in four patients", "a third of
the patients")."""
_VAGUE = (
    r"(?:some|many|most|several|few|a[ \u00a0]+few|a[ \u00a0]+number[ \u00a0]+of"
    r"|a[ \u00a0]+handful[ \u00a0]+of|a[ \u00a0]+minority[ \u00a0]+of|a[ \u00a0]+majority[ \u00a0]+of"
    r"|numerous|countless)"
)
"""Determiners that say how many without a number (English)."""


_REACH = 2000  # characters either side of a position in which its sentence is looked for


class _Sentences:
    """One text's sentences and their content terms, read around the positions asked
    for (a long text is never split whole)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[int, set[str]] = {}

    def _terms(self, pos: int) -> set[str]:
        if pos not in self._seen:
            lo = max(0, pos - _REACH)
            starts, terms = sentence_terms(self.text[lo : pos + _REACH])
            i = max(0, bisect.bisect_right(starts, pos - lo) - 1)
            self._seen[pos] = set(terms[i]) if terms else set()
        return self._seen[pos]

    def terms_at(self, pos: int, leave_out: tuple[int, int]) -> set[str]:
        """The content terms of the sentence at ``pos`` but those of ``leave_out``."""
        own = {
            term for t in tokenize(self.text, *leave_out) if (term := term_of(t.norm)) is not None
        }
        return self._terms(pos) - own


def _retold_short(
    sides: tuple[_Sentences, _Sentences], a: tuple[int, int], b: tuple[int, int]
) -> bool:
    """Do the sentences at ``a`` and ``b`` say the same thing: :data:`MIN_SHARED` content
    words shared, or, in a short sentence, two that are half of the source's?"""
    mine = sides[0].terms_at(a[0], a)
    n = len(mine & sides[1].terms_at(b[0], b))
    return n >= MIN_SHARED or (n >= 2 and 2 * n >= len(mine))


def _say_the_same(
    sides: tuple[_Sentences, _Sentences], a: tuple[int, int], b: tuple[int, int]
) -> bool:
    return say_the_same(sides, a, b) > 0


def say_the_same(
    sides: tuple[_Sentences, _Sentences], a: tuple[int, int], b: tuple[int, int]
) -> int:
    """How many content words the sentences at ``a`` (source) and ``b`` (derived) share
    besides those of ``a`` and ``b``: 0 when fewer than :data:`MIN_SHARED`, too few to
    say the same thing."""
    n = len(sides[0].terms_at(a[0], a) & sides[1].terms_at(b[0], b))
    return n if n >= MIN_SHARED else 0


Sentences = _Sentences
"""One text's sentences and their content terms, read around the positions asked for."""


def said_alike(
    sides: tuple[_Sentences, _Sentences], side: int, mine: tuple[int, int], theirs: tuple[int, int]
) -> bool:
    """Do the sentences at ``mine`` (of side ``side``: 0 source, 1 derived) and ``theirs``
    (of the other side) say the same thing (:func:`say_the_same`)?"""
    a, b = (mine, theirs) if side == 0 else (theirs, mine)
    return say_the_same(sides, a, b) > 0


def specificity_link(kind: str, what: str, mine: Fact, theirs: Fact, side: int) -> FactLink:
    """The change of ``mine`` (of side ``side``: 0 source, 1 derived) and ``theirs`` (of the
    other side), the ``what`` made less specific (or, from the derived side, more)."""
    sf, df = (mine, theirs) if side == 0 else (theirs, mine)
    if side == 0:
        note = f"{what} made less specific ('{sf.text}' → '{df.text}')"
        return FactLink(kind, sf, df, note, "specificity", "less_specific")
    note = f"{what} made more specific ('{sf.text}' → '{df.text}')"
    return FactLink(kind, sf, df, note, "specificity", "more_specific", True)


def is_free(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    """Does ``span`` overlap none of the spans ``taken``?"""
    return not any(s < span[1] and span[0] < e for s, e in taken)


def taken_spans(res: Result) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans each side's reports of ``res`` hold: source, derived."""
    links = (*res.kept, *res.changed)
    return (
        [k.source.span for k in links] + [f.span for f in res.dropped],
        [k.derived.span for k in links] + [f.span for f in res.added],
    )


def fold_loose(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Turn the parts made wholes, numbers made vague and dates loosely kept of ``res``
    into changes, and numbers said again in a quotation or under another noun into kept
    facts (see the module's rules). ``texts``, ``docs``, ``items`` (each text's facts)
    and ``langs``: source, derived."""
    numbers = [f for f in (*res.dropped, *res.added) if f.kind == "number"]
    loose_dates = [
        k for k in res.kept if k.kind == "date" and k.note.startswith("less specific than")
    ]
    if not numbers and not loose_dates and not any(f.kind == "date" for f in res.dropped):
        return
    sides = (_Sentences(texts[0]), _Sentences(texts[1]))
    by_fact = {id(it.fact): it for side in items for it in side}
    _said_in_quotation(items, langs, by_fact, res)
    _said_twice(by_fact, res)
    _one_count_two_nouns(sides, by_fact, res)
    pair_counts(texts, items, res)
    keep_cents(items, res)
    pair_bare_values(texts, items, res)
    pair_close_counts(texts, items, res)
    pair_measures_left(texts, items, res)
    _parts_made_whole(texts, res)
    _parts_as_all_but(texts, docs[1], res)
    _parts_of_changed_wholes(texts, res)
    parts_as_shares(texts, items, langs, res, lambda a, b: _say_the_same(sides, a, b))
    _numbers_made_vague(texts, docs[1], sides, res)
    _bare_numbers_made_vague(texts, docs[1], res)
    _times_made_parts_of_day(texts, docs[1], sides, res)
    for k in loose_dates:
        if _say_the_same(sides, k.source.span, k.derived.span):
            res.kept.remove(k)
            note = f"date made less specific ('{k.source.text}' → '{k.derived.text}')"
            res.changed.append(
                FactLink("date", k.source, k.derived, note, "specificity", "less_specific")
            )


def _parts_made_whole(texts: tuple[str, str], res: Result) -> None:
    """A dropped part of a kept whole that the derived text takes whole ("five of the seven
    boards" → "all seven boards"), or an added part of a whole the source took whole."""
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        for f in [f for f in lost if f.kind == "number"]:
            gap = _OF_AFTER_RE.match(texts[side], f.span[1])
            if gap is None:
                continue
            whole = next(
                (k for k in res.kept if k.kind == "number" and _at(k, side).span[0] == gap.end()),
                None,
            )
            if whole is None:
                continue
            there = _at(whole, other)
            all_ = _ALL_BEFORE_RE.search(texts[other], max(0, there.span[0] - 24), there.span[0])
            if all_ is None:
                continue
            here = _at(whole, side)
            part = _fact(texts[side], f.doc, (f.span[0], here.span[1]), f"{f.value}/{here.value}")
            taken = _fact(
                texts[other],
                there.doc,
                (all_.start(), there.span[1]),
                f"{there.value}/{there.value}",
            )
            sf, df = (part, taken) if side == 0 else (taken, part)
            note = f"a part of a whole changed ('{sf.text}' → '{df.text}')"
            res.kept.remove(whole)
            lost.remove(f)
            res.changed.append(FactLink("number", sf, df, note, "value", "", side == 1))


_ALL_BUT_RE = (
    r"(?<![\p{{L}}])(?i:every|all|each)[ \u00a0]+(?:(?i:the|its|our)[ \u00a0]+)?"
    r"(?:\p{{L}}+[ \u00a0]+)?{noun}s?,?[ \u00a0]+(?i:except|but|bar|save|apart[ \u00a0]+from)"
    r"(?![\p{{L}}])"
)


def _parts_as_all_but(texts: tuple[str, str], derived_doc: int, res: Result) -> None:
    """A dropped part of a dropped whole ("six of the eight wards") that the derived text
    gives as all but some, in a sentence saying the same ("every ward except Eastgate"):
    one part changed, not two numbers dropped."""
    dropped = [f for f in res.dropped if f.kind == "number"]
    for f in dropped:
        gap = _OF_AFTER_RE.match(texts[0], f.span[1])
        whole = None if gap is None else next((w for w in dropped if w.span[0] == gap.end()), None)
        if whole is None or not whole.text.split()[-1].isalpha():
            continue
        noun = regex.escape(singular(whole.text.split()[-1].lower()))
        found = [
            m
            for m in regex.finditer(_ALL_BUT_RE.format(noun=noun), texts[1])
            if _say_the_same_words(texts, f.span[0], m.start())
        ]
        if len(found) != 1:
            continue
        m = found[0]
        sf = _fact(texts[0], f.doc, (f.span[0], whole.span[1]), f"{f.value}/{whole.value}")
        df = _fact(texts[1], derived_doc, m.span(), "")
        note = f"a part of a whole changed ('{sf.text}' → '{df.text}')"
        res.changed.append(FactLink("number", sf, df, note, "value", "", True))
        res.dropped.remove(f)
        res.dropped.remove(whole)


def _say_the_same_words(texts: tuple[str, str], a: int, b: int) -> bool:
    """Do the sentences at ``a`` (source) and ``b`` (derived) share two content words?"""
    one = Fact("number", "", (a, a), 0)
    return len(words_near(texts[0], one) & words_near(texts[1], Fact("number", "", (b, b), 1))) >= 2


_SHARE_OF_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?:(?i:an?|one|two|three)[ \u00a0-]+)?"
    r"(?i:half|thirds?|quarters?|fifths?|tenths?|all|most|some|none|each)"
    r"[ \u00a0]+(?i:of)[ \u00a0]+(?:(?i:the|its|their)[ \u00a0]+)?$"
)
"""A share of a whole said before it: "half of the 30 turbines"."""


def _parts_of_changed_wholes(texts: tuple[str, str], res: Result) -> None:
    """A dropped part of a whole that is changed ("16 of 32 turbines" → "half of the 30
    turbines", the whole 32 → 30): the part is the change's, which runs from it, and from
    the share said before the derived whole; not a number dropped."""
    for f in [f for f in res.dropped if f.kind == "number"]:
        gap = _OF_AFTER_RE.match(texts[0], f.span[1])
        if gap is None:
            continue
        i = next(
            (
                i
                for i, k in enumerate(res.changed)
                if k.kind == "number" and k.source.span[0] == gap.end()
            ),
            None,
        )
        if i is None:
            continue
        k = res.changed[i]
        d = k.derived
        share = _SHARE_OF_BEFORE_RE.search(texts[1], max(0, d.span[0] - 30), d.span[0])
        sf = _fact(texts[0], f.doc, (f.span[0], k.source.span[1]), k.source.value)
        df = d
        if share is not None:
            df = _fact(texts[1], d.doc, (share.start(), d.span[1]), d.value)
        note = f"a part of a whole changed ('{sf.text}' → '{df.text}')"
        res.changed[i] = FactLink("number", sf, df, note, k.label, k.detail, k.unsupported)
        res.dropped.remove(f)


def _numbers_made_vague(
    texts: tuple[str, str], derived_doc: int, sides: tuple[_Sentences, _Sentences], res: Result
) -> None:
    """A dropped number of a plural noun that the derived text counts with a vague
    determiner ("one in four patients" → "some patients") in a sentence saying the same
    thing (a short one too: :func:`_retold_short`): one number, made vague."""
    taken = [f.span for f in res.added] + [k.derived.span for k in (*res.kept, *res.changed)]
    for f in [f for f in res.dropped if f.kind == "number"]:
        m = _NOUN_AFTER_RE.match(texts[0], f.span[1])
        if m is None:
            continue
        end = m.end()
        noun = regex.escape(m.group("noun"))
        pat = regex.compile(
            rf"(?<![\p{{L}}])(?i:{_VAGUE})[ \u00a0]+(?:of[ \u00a0]+the[ \u00a0]+)?{noun}(?![\p{{L}}])"
        )
        found = [
            v
            for v in pat.finditer(texts[1])
            if not any(s < v.end() and v.start() < e for s, e in taken)
            and _retold_short(sides, (f.span[0], end), v.span())
        ]
        if len(found) != 1:
            continue
        v = found[0]
        sf = _fact(texts[0], f.doc, (f.span[0], end), f.value)
        df = _fact(texts[1], derived_doc, v.span(), "vague")
        note = f"a number made vague ('{sf.text}' → '{df.text}')"
        res.dropped.remove(f)
        res.changed.append(FactLink("number", sf, df, note, "strength", "specific_to_vague"))
        taken.append(v.span())


_VAGUE_ALONE_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:(?i:{_VAGUE})|(?i:a[ \u00a0]+(?:small|large)[ \u00a0]+number))"
    r"(?:[ \u00a0]+(?P<noun>\p{Ll}{3,}s))?(?![\p{L}\p{N}])"
)
_THE_BEFORE_RE = regex.compile(r"(?i:\bthe)[ \u00a0]+$")  # "the most injured": no quantity
VAGUE_SHARED = 3
"""Content words the sentences of a number counting nothing and of a vague quantity must
share (:func:`_bare_numbers_made_vague`)."""


def _bare_numbers_made_vague(texts: tuple[str, str], derived_doc: int, res: Result) -> None:
    """A dropped number that counts no noun of its own ("of the 61 people asked, 47 said
    ...") and a vague quantity of the derived text ("some people said ...") whose noun,
    if it names one, the number's sentence names, in sentences sharing
    :data:`VAGUE_SHARED` content words and two right after the number and the quantity
    (what is said of them: "47 said they were held for weeks" / "some detainees were held
    for weeks"), each the other's best: one number made vague."""
    taken = [f.span for f in res.added] + [k.derived.span for k in (*res.kept, *res.changed)]
    vague = [
        v
        for v in _VAGUE_ALONE_RE.finditer(texts[1])
        if not any(s < v.end() and v.start() < e for s, e in taken)
        and not _THE_BEFORE_RE.search(texts[1], max(0, v.start() - 5), v.start())
    ]
    bare = [
        f
        for f in res.dropped
        if f.kind == "number"
        and f.text.isdigit()
        and _NOUN_AFTER_RE.match(texts[0], f.span[1]) is None
        and _OF_AFTER_RE.match(texts[0], f.span[1]) is None
    ]
    if not vague or not bare:
        return
    at = [words_near(texts[1], Fact("number", v.group(), v.span(), derived_doc)) for v in vague]
    index: dict[str, list[int]] = {}
    for k, terms in enumerate(at):
        for t in terms:
            index.setdefault(t, []).append(k)
    after_d: dict[int, set[str]] = {}
    scores: dict[int, dict[int, int]] = {}  # a bare number's id → vague index → score
    for f in bare:
        near = words_near(texts[0], f)
        hits = Counter(k for t in near for k in index.get(t, ()))
        mine = scores[id(f)] = {}
        for k, n in hits.items():
            noun = vague[k].group("noun")
            if n < VAGUE_SHARED or (noun and term_of(noun.lower()) not in near):
                continue
            if k not in after_d:
                after_d[k] = _terms_after(texts[1], vague[k].end())
            if len(_terms_after(texts[0], f.span[1]) & after_d[k]) >= 2:
                mine[k] = n
    for f in list(bare):
        ranked = sorted(((n, k) for k, n in scores[id(f)].items()), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            continue
        n, k = ranked[0]
        if any(scores[id(g)].get(k, 0) >= n for g in bare if g is not f):
            continue
        v = vague[k]
        df = _fact(texts[1], derived_doc, v.span(), "vague")
        note = f"a number made vague ('{f.text}' → '{df.text}')"
        res.dropped.remove(f)
        res.changed.append(FactLink("number", f, df, note, "strength", "specific_to_vague"))


def _terms_after(text: str, pos: int) -> set[str]:
    """The content terms of the words right after ``pos`` (what is said of a number)."""
    out = set()
    for t in tokenize(text, pos, min(len(text), pos + _AFTER)):
        term = term_of(t.norm)
        if term is not None and not t.norm[:1].isdigit():
            out.add(term)
    return out


_AFTER = 48  # characters read after a number for what is said of it


def _same_amount(a: Item, b: Item) -> bool:
    """One amount: the same currency and value of the same noun or both without one, or
    one measure in two units ("48 hours", "two days")."""
    if a.cur != b.cur or bool(a.unit) != bool(b.unit):
        return False
    if a.fact.value == b.fact.value:
        return a.unit == b.unit or not (dimension(a.unit) or dimension(b.unit))
    if not dimension(a.unit) or dimension(a.unit) != dimension(b.unit):
        return False
    x, y = in_base(a.fact.value, a.unit), in_base(b.fact.value, b.unit)
    return x is not None and x == y


def _quoted_numbers(quote: Fact, lang: str) -> list[Item]:
    """The numbers inside a quotation, read as the text's own (spans in the text)."""
    text = quote.text
    num_mask, name_mask = bytearray(len(text)), bytearray(len(text))
    found = find_measures(text, quote.doc, num_mask, name_mask, patterns(lang))
    found += find_numbers(text, quote.doc, num_mask, name_mask, lang)
    out = []
    for it in found:
        s, e = it.fact.span
        span = (quote.span[0] + s, quote.span[0] + e)
        fact = Fact(it.fact.kind, it.fact.text, span, quote.doc, it.fact.value)
        out.append(Item(fact, it.cls, it.key, qual=it.qual, qcls=it.qcls, unit=it.unit, cur=it.cur))
    return out


def _said_in_quotation(
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    by_fact: dict[int, Item],
    res: Result,
) -> None:
    """A number left over on one side that a short quotation of the other states in the
    same amount: kept, with the quotation's words."""
    for side, left in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        if langs[other] not in ENGLISH_READ:
            continue
        quotes = [it.fact for it in items[other] if it.fact.kind == "quote"]
        inner = [n for q in quotes for n in _quoted_numbers(q, langs[other])]
        for f in [x for x in left if x.kind == "number"]:
            it = by_fact.get(id(f))
            hit = next((n for n in inner if it is not None and _same_amount(it, n)), None)
            if hit is None:
                continue
            sf, df = (f, hit.fact) if side == 0 else (hit.fact, f)
            if not _reported_whole(hit.fact.span, other, res):
                res.kept.append(FactLink("number", sf, df, "said inside the quotation"))
            left.remove(f)
            inner.remove(hit)
            there = res.added if side == 0 else res.dropped
            there[:] = [x for x in there if x.span != hit.fact.span]  # a longer quotation's


def _said_twice(by_fact: dict[int, Item], res: Result) -> None:
    """Added numbers of the value and noun of a changed or kept derived number, or of its
    amount of money (whatever noun follows: "€45m move"): a repeat, not added."""
    told = [by_fact.get(id(k.derived)) for k in (*res.changed, *res.kept) if k.kind == "number"]
    seen = {(it.fact.value, it.cur, it.unit) for it in told if it is not None and it.fact.value}
    for f in [f for f in res.added if f.kind == "number"]:
        it = by_fact.get(id(f))
        if it is None:
            continue
        if any((v, c) == (it.fact.value, it.cur) and (u == it.unit or bool(c)) for v, c, u in seen):
            res.added.remove(f)


def _reported_whole(span: tuple[int, int], side: int, res: Result) -> bool:
    """Is ``span`` (on ``side``) inside a quotation reported dropped, added or changed?
    The number is then that report's, not told again as kept."""
    lost = res.dropped if side == 0 else res.added
    spans = [f.span for f in lost if f.kind == "quote"]
    spans += [_at(c, side).span for c in res.changed if c.kind == "quote"]
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _one_count_two_nouns(
    sides: tuple[_Sentences, _Sentences], by_fact: dict[int, Item], res: Result
) -> None:
    """A dropped and an added number of one value, currency and qualifier, the only such
    pair, in sentences that say the same thing: one count under two nouns, kept."""
    for sf in [f for f in res.dropped if f.kind == "number"]:
        si = by_fact.get(id(sf))
        if si is None or not si.unit or dimension(si.unit):
            continue
        cands = [
            df
            for df in res.added
            if df.kind == "number"
            and (di := by_fact.get(id(df))) is not None
            and di.unit
            and not dimension(di.unit)
            and (di.fact.value, di.cur, di.qcls) == (si.fact.value, si.cur, si.qcls)
            and _say_the_same(sides, sf.span, df.span)
        ]
        if len(cands) != 1:
            continue
        df = cands[0]
        note = f"the same count under another noun ('{sf.text}' → '{df.text}')"
        res.kept.append(FactLink("number", sf, df, note))
        res.dropped.remove(sf)
        res.added.remove(df)


_PARTS_OF_DAY = {
    "morning": range(0, 12), "afternoon": range(12, 18), "evening": range(17, 23),
    "night": (*range(20, 24), *range(0, 6)), "overnight": (*range(20, 24), *range(0, 7)),
    "dawn": range(4, 8), "daybreak": range(4, 8), "midday": range(11, 14),
    "noon": range(11, 14), "midnight": (23, 0),
}  # fmt: skip
"""The hours each part of the day holds (loosely: "early on Saturday morning" holds 3am)."""
_PART_OF_DAY_RE = regex.compile(rf"(?<![\p{{L}}])(?i:{'|'.join(_PARTS_OF_DAY)})(?![\p{{L}}])")


_PARTS_APART = 24
"""How many characters apart parts of the day may stand and be one stretch of time
("overnight into Friday morning")."""


def _times_made_parts_of_day(
    texts: tuple[str, str], derived_doc: int, sides: tuple[_Sentences, _Sentences], res: Result
) -> None:
    """A dropped time of day that the derived text gives as the part of the day holding
    it, in a sentence saying the same thing: one date, made less specific."""
    taken = [k.derived.span for k in (*res.kept, *res.changed)] + [f.span for f in res.added]
    for f in [f for f in res.dropped if f.kind == "date" and is_time(f.value)]:
        hour = f.value[len(TIME_PREFIX) :].split(":")[0]
        if not hour.isdigit():
            continue
        found = [
            m
            for m in _PART_OF_DAY_RE.finditer(texts[1])
            if int(hour) in _PARTS_OF_DAY[m.group().lower()]
            and not any(s < m.end() and m.start() < e for s, e in taken)
            and _say_the_same(sides, f.span, m.span())
        ]
        if not found or found[-1].start() - found[0].end() > _PARTS_APART:
            continue  # none, or parts of the day in different places
        a, b = found[0].start(), found[-1].end()  # "overnight into Friday morning": one
        if any(s < b and a < e for s, e in taken):  # (not over a fact told already)
            found = found[:1]
            a, b = found[0].span()
        value = "part:" + "-".join(m.group().lower() for m in found)
        df = Fact("date", texts[1][a:b], (a, b), derived_doc, value)
        note = f"time made a part of the day ('{f.text}' → '{df.text}')"
        res.dropped.remove(f)
        res.changed.append(FactLink("date", f, df, note, "specificity", "less_specific"))
        taken.append(df.span)


def _at(link: FactLink, side: int) -> Fact:
    return link.source if side == 0 else link.derived


def _fact(text: str, doc: int, span: tuple[int, int], value: str) -> Fact:
    return Fact("number", text[span[0] : span[1]], span, doc, value)

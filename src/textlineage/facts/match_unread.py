"""Numbers one side writes in a form the extractor leaves unread: found again from the other
side's leftover number, which tells what to look for.

A reading of a text alone must stay cautious: "3.4m" is as often 3.4 million as 3.4
metres, "a day" is more often a rate ("twice a day") or a point ("a day later") than a
length. Set against a leftover number of the other text the doubt goes: a dropped "3.4
metres" and an unread "3.4m" in the derived text are one length, and a dropped "two
days" and "a day" in a sentence that says the same thing are one length of time,
changed.

- **A unit symbol against the digits.** A leftover number of a noun ("3.4 metres", "2,310
  net tonnes") whose value the other text writes, unread, with a symbol of that noun
  right after it: a symbol listed for the unit ("m", "km", "t") or the initials of the
  noun's words ("nt"). One such place in the other text is the same fact: kept when the
  qualifiers before the two mean alike ("below" / "under"), else a change of strength.
- **"a" for one.** A leftover count of a unit of time or measure ("two days", "at least
  one minute") whose sentence says the same thing (:func:`.match_loose.say_the_same`) as
  a sentence of the other text holding that unit, unread, after "a" or "an" ("a day
  after the fall", "for a minute"): the count is one there, and one place of that kind in
  those sentences is the same fact, kept, or changed in value or qualifier. English only.
- **A superlative for a rank.** A leftover rank ("the third-largest harvest") and, in a
  sentence saying the same thing, the thing it ranks named with a superlative and no
  place ("its largest harvest", "the biggest harvest"): first place, a change of the rank (or,
  the other way, first place given a lower one). English only.
- **The noun left out.** A leftover count ("only one match was forfeited") whose number,
  as written, the other text writes unread with no noun after it in a sentence saying
  the same thing ("only one was forfeited"): the same count, kept. English only.
- **Names counted.** A leftover count of a plural noun ("those two parishes") whose
  noun the other text gives, once, after as many names joined by commas and "and" ("the
  Aldwick and Broom Hill parishes"): the same things, counted, kept.
- **A vague word for the count.** A leftover count of a plural noun ("four cargo
  holds") and, in a sentence saying the same thing (the noun's words counted as shared),
  that noun counted by a vague determiner ("several cargo holds", "a few holds"), the
  noun's last word and at most two words before it: one count made vague (or, the other
  way, made specific). English only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

import regex

from ..types import Fact, FactLink
from .addresses import vaguer_addresses
from .date_range_parts import fold_range_parts
from .forms import collapse, might_hold
from .items import Item, Result
from .majority_words import pair_majority_words
from .match_loose import Sentences, is_free, said_alike, say_the_same
from .match_vague_times import pair_relative_times
from .near_words import NearWords
from .numeric import ENGLISH_READ, patterns
from .relative_years import pair_relative_years
from .times_beside_dates import fold_times_beside_dates
from .units import ABBREVIATIONS, dimension, in_base
from .value_close import qual_detail, qual_note
from .years_before import years_before

_NOUN_WORD_RE = regex.compile(r"\p{L}+")
_A_BEFORE = r"(?<![\p{L}\p{N}])(?i:an?)[ \u00a0]+"
_RATE_BEFORE_RE = regex.compile(
    r"(?:(?i:once|twice|thrice|times|per|(?:second|minute|hour|day|week|month|year)s)|(?:\G|(?<!\p{N}))\p{N}++)"
    r"[ \u00a0]+$"
)
"""Before "a day" as a rate: "twice a day", "three times a week", "24 hours a day"."""
_POINT_AFTER_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(?i:earlier|ago|later|previously)(?![\p{L}])"
)
"""After "a year" as a point in time to compare with: "a year earlier", "a year ago"."""


def fold_unread(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Pair the leftover numbers of ``res`` with forms of them the other text writes
    unread (see the module's rules). ``texts``, ``docs``, ``items`` (each text's facts)
    and ``langs``: source, derived."""
    pair_relative_times(texts, docs, items, langs, res)
    pair_relative_years(texts, docs, items, langs, res)
    years_before(texts, docs, items, langs, res)
    pair_majority_words(texts, docs, items, langs, res)
    fold_times_beside_dates(texts[0], res)
    fold_range_parts(texts[0], res)
    left = [f for f in (*res.dropped, *res.added) if f.kind == "number"]
    if not left:
        return
    by_fact = {id(it.fact): it for side in items for it in side}
    taken: tuple[list[tuple[int, int]], list[tuple[int, int]]] = (
        [it.fact.span for it in items[0]],
        [it.fact.span for it in items[1]],
    )
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        english = langs[other] in ENGLISH_READ
        for f in [f for f in lost if f.kind == "number"]:
            it = by_fact.get(id(f))
            if it is None or not it.unit or it.cur or it.vague or it.unit == "%":
                continue
            found = _glued(texts[other], it, taken[other])
            one = False
            if found is None and english and dimension(it.unit):
                found = _said_with_a(texts[other], it, taken[other], sides, side)
                one = found is not None
            if found is None and english and not it.qual:
                found = _noun_left_out(texts, it, taken[other], sides, side)
            if found is None and english and not it.qual:
                found = _names_counted(texts[other], it)
            if found is None and english and it.qcls == "sup":
                top = _said_first(texts, it, taken[other], sides, side)
                if top is not None:
                    _ranked_first(it, top, texts[other], docs[other], side, res)
                    lost.remove(f)
                    taken[other].append(top)
                    continue
            if found is None and english:
                vague = _counted_vaguely(texts, it, taken[other], sides, side)
                if vague is not None:
                    _made_vague(it, vague, texts[other], docs[other], side, res)
                    lost.remove(f)
                    taken[other].append(vague)
                    continue
            if found is None:
                continue
            span, qual = found
            value = "1" if one else f.value
            there = Fact("number", texts[other][span[0] : span[1]], span, docs[other], value)
            link = _link(it, there, qual, langs[other], side)
            lost.remove(f)
            taken[other].append(span)
            (res.kept if not link.label else res.changed).append(link)


def _symbols(it: Item) -> list[str]:
    """The symbols that may stand for the noun of ``it``: those listed for its unit and
    the initials of its noun's words ("net tonnes": "nt")."""
    out = [abbr for abbr, unit in ABBREVIATIONS.items() if unit == it.unit and abbr.isalpha()]
    text = it.fact.text
    digit = max((i for i, c in enumerate(text) if c.isdigit()), default=-1)
    words = _NOUN_WORD_RE.findall(text[digit + 1 :]) if digit >= 0 else []
    if len(words) >= 2:
        out.append("".join(w[0] for w in words).lower())
    return sorted(set(out), key=len, reverse=True)


def _digit_forms(f: Fact) -> list[str]:
    """The ways the value of ``f`` may be written in digits: as ``f`` writes it, and
    plainly."""
    m = regex.search(r"\d[\d,.]*\d|\d", f.text)
    forms = {f.value}
    if m is not None:
        forms.add(m.group())
        if "," in m.group():
            forms.add(m.group().replace(",", ""))
    return sorted((x for x in forms if x and x[0].isdigit()), key=len, reverse=True)


def _glued(text: str, it: Item, taken: list[tuple[int, int]]) -> tuple[tuple[int, int], str] | None:
    """The one unread place of ``text`` that writes the value of ``it`` with a symbol of
    its noun, with the qualifier before it."""
    syms = _symbols(it)
    nums = _digit_forms(it.fact)
    if not syms or not nums or not any(n in text for n in nums):
        return None  # (the pattern below needs one of the numbers as written)
    pat = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}\p{{Sc}}.,])(?:{'|'.join(regex.escape(n) for n in nums)})"
        rf"[ \u00a0]?(?:{'|'.join(regex.escape(s) for s in syms)})(?![\p{{L}}\p{{N}}])"
    )
    hits = [m.span() for m in pat.finditer(text) if is_free(m.span(), taken)]
    if len(hits) != 1:
        return None
    return _qualified(text, hits[0])


def _qualified(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], str]:
    """``span`` widened to the qualifier right before it, and that qualifier."""
    q = patterns("en").qualifier.search(text, max(0, span[0] - 40), span[0])
    if q is None:
        return span, ""
    return (q.start(), span[1]), collapse(q.group()).lower()


def _said_with_a(
    text: str,
    it: Item,
    taken: list[tuple[int, int]],
    sides: tuple[Sentences, Sentences],
    side: int,
) -> tuple[tuple[int, int], str] | None:
    """The one unread "a <unit>" of ``text`` in a sentence saying the same thing as the
    sentence of ``it`` (of side ``side``)."""
    if not might_hold(text, it.unit):
        return None
    unit = regex.escape(it.unit)
    pat = regex.compile(rf"{_A_BEFORE}{unit}(?![\p{{L}}\p{{N}}'’-])", regex.IGNORECASE)
    hits = []
    for m in pat.finditer(text):
        if not is_free(m.span(), taken):
            continue
        if _POINT_AFTER_RE.match(text, m.end()) or _RATE_BEFORE_RE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue
        if said_alike(sides, side, it.fact.span, m.span()):
            hits.append(m.span())
    if len(hits) != 1:
        return None
    return _qualified(text, hits[0])


def _link(it: Item, there: Fact, qual: str, lang: str, side: int) -> FactLink:
    """The link of a leftover number (``it``, of side ``side``) and the form of it found in
    the other text: kept when value and qualifier mean alike, else changed."""
    qcls = patterns(lang if lang in ENGLISH_READ else "en").qual_class.get(qual, "")
    found = Item(there, "number", (there.value, it.unit, "", qcls), qual=qual, qcls=qcls)
    found.unit = it.unit
    s, d = (it, found) if side == 0 else (found, it)
    sf, df = s.fact, d.fact
    if s.fact.value != d.fact.value:
        note = f"value {sf.value} → {df.value}"
        return FactLink("number", sf, df, note, "value", "", True)
    if s.qcls != d.qcls:
        return FactLink("number", sf, df, qual_note(s, d), "strength", qual_detail(s, d))
    note = f"written '{sf.text}' / '{df.text}'"
    return FactLink("number", sf, df, note)


_VAGUE_WORDS = (
    r"(?:several|a[ \u00a0]+few|a[ \u00a0]+couple[ \u00a0]+of|a[ \u00a0]+handful[ \u00a0]+of"
    r"|a[ \u00a0]+number[ \u00a0]+of|numerous|multiple)"
)
"""Determiners that count without a number (English); not "some" or "many", which as often
pick a part of a whole the source counts ("of the 90 tenants, 58 ..." / "some tenants")."""
_WHOLE_BEFORE_RE = regex.compile(r"(?i:\bof(?:[ \u00a0]+(?:the|its|their|our))?)[ \u00a0]+$")
_VAGUE_ANY_RE = regex.compile(rf"(?<![\p{{L}}])(?i:{_VAGUE_WORDS})")
_PLURAL_END_RE = regex.compile(r"(?<![\p{L}'’-])(?P<noun>\p{Ll}{3,}s)$")


def _counted_vaguely(
    texts: tuple[str, str],
    it: Item,
    taken: list[tuple[int, int]],
    sides: tuple[Sentences, Sentences],
    side: int,
) -> tuple[int, int] | None:
    """The one unread vague count of the noun of ``it`` (of side ``side``) in the other
    text, in a sentence saying the same thing."""
    f = it.fact
    m = _PLURAL_END_RE.search(f.text)
    if m is None or it.qual:
        return None
    side_text = texts[side]
    if _WHOLE_BEFORE_RE.search(side_text, max(0, f.span[0] - 12), f.span[0]):
        return None  # "of the 90 tenants": a whole, not the count made vague
    number_end = f.span[0] + _number_end(f.text)
    if number_end == f.span[0]:
        return None
    text = texts[1 - side]
    if m.group("noun") not in text or _VAGUE_ANY_RE.search(text) is None:
        return None  # (the pattern below needs the noun as written and a vague word)
    noun = regex.escape(m.group("noun"))
    pat = regex.compile(
        rf"(?<![\p{{L}}])(?i:{_VAGUE_WORDS})(?:[ \u00a0]+\p{{Ll}}[\p{{L}}-]*){{0,2}}"
        rf"[ \u00a0]+{noun}(?![\p{{L}}\p{{N}}'’-])"
    )
    hits = []
    for v in pat.finditer(text):
        if not is_free(v.span(), taken):
            continue
        word = regex.match(rf"(?i:{_VAGUE_WORDS})", text[v.start() :])
        vague_end = v.start() + (word.end() if word is not None else 0)
        mine = (f.span[0], number_end)
        theirs = (v.start(), vague_end)
        if said_alike(sides, side, mine, theirs):
            hits.append(v.span())
    return hits[0] if len(hits) == 1 else None


_NUMBER_WORDS_RE = regex.compile(
    r"(?i:(?:[\p{N}][\p{N},.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
    r"|thousand|dozen)(?:[ \u00a0-]+|$))+"
)


def _number_end(text: str) -> int:
    """Where the number that opens a count's text ends ("four cargo holds": after
    "three")."""
    m = _NUMBER_WORDS_RE.match(text)
    return m.end() if m is not None else 0


def _made_vague(
    it: Item, span: tuple[int, int], text: str, doc: int, side: int, res: Result
) -> None:
    there = Fact("number", text[span[0] : span[1]], span, doc, "vague")
    if side == 0:
        note = f"a number made vague ('{it.fact.text}' → '{there.text}')"
        link = FactLink("number", it.fact, there, note, "strength", "specific_to_vague")
    else:
        note = f"a vague quantity made specific ('{there.text}' → '{it.fact.text}')"
        link = FactLink("number", there, it.fact, note, "strength", "vague_to_specific", True)
    res.changed.append(link)


def after_leftovers(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
) -> None:
    """What is settled once the leftovers are paired: each changed number told from its
    nearest source mention, a measure kept against its converted self rather than a bare
    number, addresses made vaguer (:mod:`.addresses`)."""
    _nearest_mentions(texts, items[0], res)
    converted_over_bare(items, res)
    _ranges_narrowed(texts, items, res)
    vaguer_addresses(texts, docs, res)


def converted_over_bare(items: tuple[Sequence[Item], Sequence[Item]], res: Result) -> None:
    """A measure kept against a bare number ("two hours" / the "2" of "won 6-2") while
    the same measure in another unit is left over on the bare number's side ("120
    minutes"): the measure is kept against that one, which is the same length."""
    by_fact = {id(it.fact): it for side in items for it in side}
    for i, k in enumerate(res.kept):
        s, d = by_fact.get(id(k.source)), by_fact.get(id(k.derived))
        if k.kind != "number" or s is None or d is None:
            continue
        for bare, measure, lost, side in ((s, d, res.dropped, 0), (d, s, res.added, 1)):
            if bare.unit or bare.cur or not dimension(measure.unit):
                continue
            size = in_base(measure.fact.value, measure.unit)
            same = [
                f
                for f in lost
                if (it := by_fact.get(id(f))) is not None
                and it.unit != measure.unit
                and dimension(it.unit) == dimension(measure.unit)
                and size is not None
                and in_base(f.value, it.unit) == size
            ]
            if len(same) != 1:
                continue
            f = same[0]
            sf, df = (f, k.derived) if side == 0 else (k.source, f)
            res.kept[i] = FactLink("number", sf, df, f"the same length ('{sf.text}' / '{df.text}')")
            lost.remove(f)
            break


def _nearest_mentions(texts: tuple[str, str], source: Sequence[Item], res: Result) -> None:
    """A changed number whose value the source states more than once ("$4.7 Million" in
    a headline, "$4.7 million" in the body) is told from the mention whose sentence
    shares most words with the derived number's, when one shares more than the mention
    taken."""
    by_key: dict[tuple[object, ...], list[Item]] = {}
    for it in source:
        if it.cls == "number":
            by_key.setdefault(it.key, []).append(it)
    of_fact = {id(it.fact): it for it in source}
    near = NearWords(texts)
    for i, k in enumerate(res.changed):
        src = of_fact.get(id(k.source))
        if k.kind != "number" or src is None or len(by_key.get(src.key, ())) < 2:
            continue
        best = max(by_key[src.key], key=lambda o: near.shared(o.fact, k.derived))
        if near.shared(best.fact, k.derived) > near.shared(k.source, k.derived):
            res.changed[i] = replace(k, source=best.fact)


_SUPERLATIVE = r"(?:most[ \u00a0]+\p{Ll}+|least[ \u00a0]+\p{Ll}+|\p{Ll}{2,}est|best|worst)"
_OWNER = r"(?i:the|its|their|his|her|our|my|your)"


def _said_first(
    texts: tuple[str, str],
    it: Item,
    taken: list[tuple[int, int]],
    sides: tuple[Sentences, Sentences],
    side: int,
) -> tuple[int, int] | None:
    """The one unread superlative of the noun a rank ranks ("its largest harvest") in the
    other text, in a sentence saying the same thing."""
    if it.fact.value == "1st":
        return None
    noun = regex.escape(it.unit)
    pat = regex.compile(
        rf"(?<![\p{{L}}]){_OWNER}[ \u00a0]+(?:(?i:own|very)[ \u00a0]+)?{_SUPERLATIVE}"
        rf"(?:[ \u00a0]+\p{{Ll}}+)?[ \u00a0]+{noun}s?(?![\p{{L}}\p{{N}}'’-])"
    )
    text = texts[1 - side]
    hits = []
    for v in pat.finditer(text):
        if not is_free(v.span(), taken) or regex.search(r"(?i:\bnot\b|\bnever\b)", v.group()):
            continue
        if said_alike(sides, side, it.fact.span, v.span()):
            hits.append(v.span())
    return hits[0] if len(hits) == 1 else None


def _ranked_first(
    it: Item, span: tuple[int, int], text: str, doc: int, side: int, res: Result
) -> None:
    there = Fact("number", text[span[0] : span[1]], span, doc, "1st")
    sf, df = (it.fact, there) if side == 0 else (there, it.fact)
    note = f"rank {sf.value} → {df.value}"
    res.changed.append(FactLink("number", sf, df, note, "value", "", True))


def _noun_left_out(
    texts: tuple[str, str],
    it: Item,
    taken: list[tuple[int, int]],
    sides: tuple[Sentences, Sentences],
    side: int,
) -> tuple[tuple[int, int], str] | None:
    """The one unread place of the other text that writes the number of ``it`` as
    written, in a sentence saying the same thing (a number with a noun after it is read,
    so an unread one counts no noun of its own)."""
    f = it.fact
    end = _number_end(f.text)
    number = f.text[:end].strip()
    if not number or end >= len(f.text) or not might_hold(texts[1 - side], number):
        return None
    hits = []
    for span in _number_places(texts[1 - side], number):
        if is_free(span, taken) and said_alike(sides, side, f.span, span):
            hits.append(span)
    return (hits[0], "") if len(hits) == 1 else None


_NOT_BEFORE_NUMBER_RE = regex.compile(r"[\p{L}\p{N}.,-]")
_NOT_AFTER_NUMBER_RE = regex.compile(r"[\p{L}\p{N}-]|[.,]\p{N}")


def _number_places(text: str, number: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` writes ``number`` whole (no letter, digit or decimal part glued on
    either side), case-blind. A number without letters is found with ``str.find`` and
    checked at its edges: compiling a pattern for each number cost more than the pass."""
    if any(c.isalpha() for c in number):
        pat = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}.,-])(?i:{regex.escape(number)})(?![\p{{L}}\p{{N}}-]|[.,]\p{{N}})"
        )
        yield from (m.span() for m in pat.finditer(text))
        return
    i = text.find(number)
    while i >= 0:
        end = i + len(number)
        if (i == 0 or _NOT_BEFORE_NUMBER_RE.match(text, i - 1) is None) and (
            _NOT_AFTER_NUMBER_RE.match(text, end) is None
        ):
            yield i, end
            i = text.find(number, end)
        else:
            i = text.find(number, i + 1)


def _ranges_narrowed(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """A dropped range ("reopened in four to five days") whose sentence says the same thing
    as a derived sentence holding one of its ends in its unit ("reopened in four days": a
    short sentence all of whose words the source's has is read so too),
    where that derived number is kept against a source number of a sentence saying
    something else ("results within 72 hours"): the derived number is the range
    narrowed, and the other source number is left dropped."""
    by_fact = {id(it.fact): it for side in items for it in side}
    sides: tuple[Sentences, Sentences] | None = None
    for f in [f for f in res.dropped if f.kind == "number"]:
        it = by_fact.get(id(f))
        ends = f.value.split("-") if f.value else []
        if it is None or not it.unit or len(ends) != 2 or it.qual:
            continue
        sides = sides or (Sentences(texts[0]), Sentences(texts[1]))
        cands = [
            k
            for k in res.kept
            if k.kind == "number"
            and (d := by_fact.get(id(k.derived))) is not None
            and d.unit == it.unit
            and not d.qual
            and k.derived.value in ends
            and _within(sides, f.span, k.derived.span)
            and not _within(sides, k.source.span, k.derived.span)
        ]
        if len(cands) != 1:
            continue
        k = cands[0]
        res.kept.remove(k)
        res.dropped.remove(f)
        res.dropped.append(k.source)
        note = f"range narrowed ('{f.text}' → '{k.derived.text}')"
        res.changed.append(FactLink("number", f, k.derived, note, "value", "", True))


def _within(sides: tuple[Sentences, Sentences], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do the sentences at ``a`` (source) and ``b`` (derived) say the same thing, or is
    every content word of the derived one (one at least) the source one's?"""
    if say_the_same(sides, a, b):
        return True
    theirs = sides[1].terms_at(b[0], b)
    return bool(theirs) and theirs <= sides[0].terms_at(a[0], a)


_NAME = r"\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*){0,3}"
_NAMES_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:{_NAME},[ \u00a0]+)*{_NAME},?[ \u00a0]+and[ \u00a0]+{_NAME}"
)


def _names_counted(text: str, it: Item) -> tuple[tuple[int, int], str] | None:
    """The one place of ``text`` that names as many things as ``it`` counts, joined by
    commas and "and", right before the noun ``it`` counts."""
    m = _PLURAL_END_RE.search(it.fact.text)
    try:
        n = int(it.fact.value)
    except ValueError:
        return None
    if m is None or not 2 <= n <= 6:
        return None
    noun = regex.escape(m.group("noun"))
    hits = []
    for v in regex.finditer(rf"(?<=[ \u00a0]){noun}(?![\p{{L}}\p{{N}}])", text):
        offset = max(0, v.start() - 160)
        before = text[offset : v.start()].rstrip()
        lst = None
        for lm in _NAMES_RE.finditer(before):
            if lm.end() == len(before):
                lst = lm
        if lst is None:
            continue
        names = regex.split(r",?[ \u00a0]+and[ \u00a0]+|,[ \u00a0]+", lst.group())
        if len(names) == n:
            hits.append((offset + lst.start(), v.end()))
    return (hits[0], "") if len(hits) == 1 else None

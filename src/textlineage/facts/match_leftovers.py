"""Leftovers paired: a dropped fact and an added fact of one kind that stand in sentences
saying the same thing are one fact changed, not two.

Matching kind by kind pairs facts by their values; a fact whose value changed beyond what
those rules recognise ("Finland" → "Norway", a city respelled, "3.46 million" → "3.4
million", a quotation reworded) is left over on both sides. What ties the two is where
they stand: a derived sentence that shares most of its words with a source sentence says
the same thing, and a fact that is the only leftover of its kind on each side of the two
sentences is that statement's fact, changed.

The pairing is strict, so that facts truly dropped and added stay so. The two sentences
must share at least :data:`MIN_SHARED` content words and :data:`MIN_SHARE` of the shorter
one's, one must be the other's single best match, and two facts that fall in aligned
passages must fall in one. A fact is paired only when it is the sole candidate of the
other and the other its sole one, and a name or a quotation must show it plays the same
part: a name is a spelling of the other, its acronym, or stands next to the same word (so
does a date); a quotation shares a content word with the other. Names of the same consonants are kept as
spelling variants, an organisation's acronym as its abbreviation; names with most letters
alike are a ``spelling`` change (likely the same, for a reader to confirm), a person's
name written otherwise a change of a word of it; everything else is a change (``value``
for numbers, dates and names, ``strength`` for a vague quantity made specific or the
reverse, ``wording`` for quotations).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ..text.features import span_terms, term_of
from ..text.normalise import fold, tokenize
from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import NAME_KINDS, Item, Result, sole_pairs
from .match_acronyms import fold_defined_acronyms, fold_initials, initials_of
from .match_dates_across import pair_lone_dates
from .match_name_changes import name_change, one_token_change
from .match_names import _skeleton
from .match_regions import pair_place_lists, pair_regions
from .match_slots import pair_slots
from .match_vague_places import pair_vague_places
from .places import put_for

MIN_SHARED = 3
"""Content words two sentences must share (their leftover facts' words aside) to be read
as one statement."""
MIN_SHARE = 0.5
"""... and at least this share of the shorter sentence's content words."""
_SPELLING_RATIO = 77.0  # letters alike (0-100) for two names to be one written two ways


def sentence_terms(text: str) -> tuple[list[int], list[Counter[str]]]:
    """The starts of a text's sentences and each one's content terms, with how often
    each occurs."""
    sents = split_sentences(text)
    terms = []
    for s in sents:
        c: Counter[str] = Counter()
        for t in tokenize(text, s.start, s.end):
            term = term_of(t.norm)
            if term is not None:
                c[term] += 1
        terms.append(c)
    return [s.start for s in sents], terms


@dataclass
class _Text:
    """One side: its text, the starts of its sentences and each sentence's content terms
    (with how often each occurs)."""

    text: str
    starts: list[int]
    terms: list[Counter[str]]

    @classmethod
    def of(cls, text: str) -> _Text:
        return cls(text, *sentence_terms(text))

    def sentence(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


def _class(f: Fact) -> str:
    return "name" if f.kind in NAME_KINDS else f.kind


_PAIRED = ("number", "date", "name", "quote")


def _fact_terms(f: Fact, text: str) -> Counter[str]:
    return span_terms(text, f.span[0], f.span[1])


def _corresponding(src: _Text, der: _Text) -> set[tuple[int, int]]:
    """The (source, derived) sentence pairs that say the same thing: they share at least
    :data:`MIN_SHARED` content words and :data:`MIN_SHARE` of the shorter one's, and one
    is the other's single best match."""
    shared: dict[tuple[int, int], int] = {}
    index: defaultdict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(src.terms):
        for w in c:
            index[w].append(i)
    for j, c in enumerate(der.terms):
        hits: Counter[int] = Counter()
        for w in c:
            hits.update(index.get(w, ()))
        for i, n in hits.items():
            if n >= MIN_SHARED and n >= MIN_SHARE * min(len(c), len(src.terms[i])):
                shared[i, j] = n

    best: tuple[dict[int, int], dict[int, int]] = ({}, {})  # each side's top count
    for (i, j), n in shared.items():
        for side, key in ((0, i), (1, j)):
            best[side][key] = max(best[side].get(key, 0), n)
    tops: tuple[Counter[int], Counter[int]] = (Counter(), Counter())  # how many share it
    for (i, j), n in shared.items():
        for side, key in ((0, i), (1, j)):
            if n == best[side][key]:
                tops[side][key] += 1
    return {
        (i, j)
        for (i, j), n in shared.items()
        if (n == best[0][i] and tops[0][i] == 1) or (n == best[1][j] and tops[1][j] == 1)
    }


def pair_leftovers(
    texts: tuple[str, str],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
    pairs: frozenset[int] = frozenset(),
) -> None:
    """Turn the dropped and added facts of ``res`` that stand in corresponding sentences
    of the two ``texts`` (source first; ``items``: each text's facts) into changes, or
    into kept spelling variants and abbreviations (see the module's rules)."""
    _fold_repeated_name_changes(res)
    fold_defined_acronyms(texts, res)
    _fold_quoted_values(items, res)
    _pair_sentences(texts, items, res, pairs)
    pair_slots(texts, res)
    pair_regions(texts, items[1], res)
    pair_place_lists(texts, res)
    fold_initials(res)
    if items[1]:
        pair_vague_places(texts, items[1][0].fact.doc, res)


def _pair_sentences(
    texts: tuple[str, str],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
    pairs: frozenset[int],
) -> None:
    dropped = [f for f in res.dropped if _class(f) in _PAIRED]
    added = [f for f in res.added if _class(f) in _PAIRED]
    if not dropped or not added:
        return
    src, der = _Text.of(texts[0]), _Text.of(texts[1])
    edges = _corresponding(src, der)
    by_item = {id(it.fact): it for side in items for it in side}
    cands: defaultdict[int, list[Fact]] = defaultdict(list)
    rcands: defaultdict[int, list[Fact]] = defaultdict(list)
    for sf in dropped:
        at = src.sentence(sf.span[0])
        for df in added:
            if _class(sf) != _class(df):
                continue
            if (at, der.sentence(df.span[0])) not in edges:
                si0, di0 = by_item.get(id(sf)), by_item.get(id(df))
                if si0 is None or di0 is None or not (si0.pas & di0.pas & pairs):
                    continue
            cands[id(sf)].append(df)
            rcands[id(df)].append(sf)
    for sf in dropped:
        df_ = _sole_or_nearest(sf, cands[id(sf)], texts, True)
        if df_ is None or _sole_or_nearest(df_, rcands[id(df_)], texts, False) is not sf:
            continue
        df = df_
        si, di = by_item.get(id(sf)), by_item.get(id(df))
        if si is not None and di is not None and si.pas and di.pas and not si.pas & di.pas:
            continue  # in two different aligned passages: not one statement
        found = _link(sf, df, si, di, texts)
        if found is None:
            continue
        link, same = found
        (res.kept if same else res.changed).append(link)
        res.dropped.remove(sf)
        res.added.remove(df)
    _pair_roundings(items, res)
    _pair_lone_dates((src, der), res)


def _pair_lone_dates(sides: tuple[_Text, _Text], res: Result) -> None:
    """Leftover dates near in value whose sentences share enough words: one date moved
    (:func:`.match_dates_across.pair_lone_dates`)."""
    src, der = sides

    def shared(sf: Fact, df: Fact) -> int:
        a = src.terms[src.sentence(sf.span[0])] - _fact_terms(sf, src.text)
        b = der.terms[der.sentence(df.span[0])] - _fact_terms(df, der.text)
        return len(a.keys() & b.keys())

    pair_lone_dates(res, shared, (src.sentence, der.sentence))


ROUNDING_GAP = 0.06
"""How far apart (a share of the larger) a dropped and an added number anywhere in the two
texts may be to be read as one rounded: "around 210,000 residents" / "around 200,000
people"."""


def _pair_roundings(items: tuple[Sequence[Item], Sequence[Item]], res: Result) -> None:
    """A dropped and an added number that stand in no corresponding sentences but are each
    other's only near value (within :data:`ROUNDING_GAP`), of the same qualifier or the
    same noun, neither a small count nor money against no money, are one number rounded
    ("around 210,000 residents" in one sentence, "around 200,000 people" in a sentence
    the writer built from several)."""
    by_item = {id(it.fact): it for side in items for it in side}

    def near(a: Fact, b: Fact) -> bool:
        ia, ib = by_item.get(id(a)), by_item.get(id(b))
        x, y = _value(a.value), _value(b.value)
        if ia is None or ib is None or x is None or y is None or min(x, y) < 10:
            return False
        if ia.cur != ib.cur or ia.vague or ib.vague or (ia.unit == "%") != (ib.unit == "%"):
            return False
        if not (ia.unit == ib.unit or (ia.qcls and ia.qcls == ib.qcls)):
            return False
        return x != y and abs(x - y) <= ROUNDING_GAP * max(x, y)

    dropped = [f for f in res.dropped if f.kind == "number"]
    added = [f for f in res.added if f.kind == "number"]
    for sf, df in sole_pairs(dropped, added, near):
        note = f"value {sf.value} → {df.value}"
        res.changed.append(FactLink("number", sf, df, note, "value", "", True))
        res.dropped.remove(sf)
        res.added.remove(df)


def _sole_or_nearest(
    f: Fact, others: list[Fact], texts: tuple[str, str] | None = None, source: bool = True
) -> Fact | None:
    """The one fact of ``others`` that ``f`` may pair with: the sole one, for names the
    only one standing where ``f`` (of the source, or not) stands in its sentence ("a
    zoo in Basel, Switzerland" / "a zoo in Germany", another place named further on), or
    for numbers the one nearest in value when it is clearly nearer than the next ("51.8
    per cent" and "48.2 per cent" against "52 per cent" and "48 per cent": each its own
    rounding)."""
    if len(others) == 1:
        return others[0]
    if texts is not None and f.kind in NAME_KINDS and others:
        alike = [
            o
            for o in others
            if o.kind in NAME_KINDS and _same_place(*((f, o) if source else (o, f)), texts)
        ]
        if len(alike) != 1:
            return None
        a = alike[0].span
        near = any(
            o is not alike[0] and o.span[0] < a[1] + _LIST and a[0] < o.span[1] + _LIST
            for o in others
        )
        return None if near else alike[0]  # (names in one list stand alike: none is picked)
    if f.kind != "number" or not others:
        return None
    x = _value(f.value)
    if x is None:
        return None
    gaps = []
    for o in others:
        y = _value(o.value)
        if y is None:
            return None
        gaps.append((abs(x - y) / max(abs(x), abs(y), 1e-9), o))
    gaps.sort(key=lambda t: t[0])
    best, second = gaps[0][0], gaps[1][0]
    if best <= NEAREST_GAP and second > 2 * best:
        return gaps[0][1]
    return None


_LIST = 30  # characters between two names that may stand in one list

NEAREST_GAP = 0.1
"""How far apart (a share of the larger) two numbers may be when one is picked among
several as the other's nearest: a rounding, not another quantity."""


def _value(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _words(f: Fact) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(f.text))


def _fold_repeated_name_changes(res: Result) -> None:
    """A name changed once ("Ann de Wit" → "Ann de Witt") and mentioned again in short
    ("De Wit" → "De Witt") is one change: the short mentions, left over as dropped and
    added, are dropped from both lists (the change is reported already)."""
    changes = [
        (_words(k.source), _words(k.derived))
        for k in res.changed
        if k.kind in NAME_KINDS and k.source.kind in NAME_KINDS
    ]
    if not changes:
        return
    for sf in [f for f in res.dropped if f.kind in NAME_KINDS]:
        a = _words(sf)
        for df in [f for f in res.added if f.kind in NAME_KINDS]:
            b = _words(df)
            if (
                len(a) == len(b)
                and a != b
                and any(
                    len(la) > len(a) and la[-len(a) :] == a and lb[-len(b) :] == b
                    for la, lb in changes
                )
            ):
                res.dropped.remove(sf)
                res.added.remove(df)
                break


def _fold_quoted_values(items: tuple[Sequence[Item], Sequence[Item]], res: Result) -> None:
    """A number or date left over on one side that the other side states, word for word,
    inside a quotation (whose facts are the quotation's) is said on both sides: kept, with
    that quotation ("we expect to finish within twelve weeks", then "within twelve weeks"
    outside quote marks)."""
    for side, left in ((0, res.dropped), (1, res.added)):
        quotes = [it.fact for it in items[1 - side] if it.fact.kind == "quote"]
        if not quotes:
            continue
        folded = [(q, f" {_plain_words(q.text)} ") for q in quotes]
        for f in [x for x in left if x.kind in ("number", "date")]:
            words = _plain_words(f.text)
            if not words or (f.kind == "number" and _one_word(words)):
                continue  # a number word alone ("half", "third") has other senses there
            q = next((q for q, t in folded if f" {words} " in t), None)
            at = None if q is None else fold(q.text).find(fold(f.text))
            if q is None or at is None or at < 0 or len(fold(q.text)) != len(q.text):
                continue
            start = q.span[0] + at
            inner = Fact(
                f.kind, q.text[at : at + len(f.text)], (start, start + len(f.text)), q.doc, f.value
            )
            sf, df = (f, inner) if side == 0 else (inner, f)
            res.kept.append(FactLink(f.kind, sf, df, "said inside the quotation"))
            left.remove(f)


def _one_word(words: str) -> bool:
    return " " not in words and not any(c.isdigit() for c in words)


_PLAIN_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:[.,:][\p{N}]+)*")


def _plain_words(text: str) -> str:
    """The folded words and numbers of ``text``, one space apart."""
    return " ".join(_PLAIN_WORD_RE.findall(fold(text)))


def _link(
    sf: Fact, df: Fact, si: Item | None, di: Item | None, texts: tuple[str, str]
) -> tuple[FactLink, bool] | None:
    """The link of a dropped and an added fact of corresponding sentences and whether it
    is kept (one fact written two ways) rather than changed; None when they do not show
    they are one fact."""
    cls = _class(sf)
    if cls == "name":
        return _name_link(sf, df, si, di, texts)
    link: FactLink | None
    if cls == "number":
        link = _number_link(sf, df, si, di, texts)
    elif cls == "date":
        # A date stands next to the same word ("in 2019" / "in 2020"): one time, changed.
        same = _same_place(sf, df, texts)
        link = FactLink("date", sf, df, f"date {sf.value} → {df.value}", "value", "", True)
        link = link if same else None
    elif _fact_terms(sf, texts[0]) & _fact_terms(df, texts[1]):
        link = FactLink("quote", sf, df, "quote reworded", "wording", "", True)
    else:
        link = None
    return None if link is None else (link, False)


def _number_link(
    sf: Fact, df: Fact, si: Item | None, di: Item | None, texts: tuple[str, str]
) -> FactLink | None:
    """Two numbers of corresponding sentences: one quantity changed when they count the
    same thing (the same noun), stand in the same place, are of a size (at most twice
    the other) or a vague quantity holds the specific one ("thousands" / "20,000")."""
    if si is None or di is None:
        return None
    if not (
        (si.unit and si.unit == di.unit)
        or _same_place(sf, df, texts)
        or _of_a_size(sf.value, df.value)
    ):
        return None
    points = {si.unit, di.unit} == {"%", "point"}  # "4.1 percentage points" / "4.1 per cent"
    if ((si.unit == "%") != (di.unit == "%") and not points) or (
        si.cur and di.cur and si.cur != di.cur
    ):
        return None  # a share is not a count, nor euros pounds
    if points:
        note = f"{sf.text} → {df.text}: points and per cent are not one measure"
        return FactLink("number", sf, df, note, "value", "", True)
    if si.unit and di.unit and si.unit != di.unit and not si.pas & di.pas:
        return None  # value and noun both changed: only an aligned passage tells
    if bool(si.vague) != bool(di.vague):
        detail = "vague_to_specific" if si.vague else "specific_to_vague"
        note = f"{sf.text} → {df.text}: " + detail.replace("_", " ")
        return FactLink("number", sf, df, note, "strength", detail, bool(si.vague))
    return FactLink("number", sf, df, f"value {sf.value} → {df.value}", "value", "", True)


def _magnitude(value: str | None) -> tuple[float, float] | None:
    """The range a number's value stands for: itself, or a vague quantity's ("~1000s":
    thousands, 1,000 up to a million; "~100s": hundreds, up to a thousand)."""
    if not value:
        return None
    vague = value.startswith("~") and value.endswith("s")
    try:
        x = float(value[1:-1] if vague else value)
    except ValueError:
        return None
    if not vague:
        return x, x
    return x, x * (1000.0 if x >= 1000 and x in (1e3, 1e6, 1e9, 1e12) else 10.0)


def _of_a_size(a: str | None, b: str | None) -> bool:
    """Are two values of a size: the larger at most twice the smaller, or one within the
    range of a vague other?"""
    ra, rb = _magnitude(a), _magnitude(b)
    if ra is None or rb is None or min(ra[0], rb[0]) <= 0:
        return False
    if ra[0] != ra[1] or rb[0] != rb[1]:  # a vague quantity: does it hold the other?
        return ra[0] <= rb[1] and rb[0] <= ra[1]
    return max(ra[0], rb[0]) <= 2 * min(ra[0], rb[0])


def _letters(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", fold(s)) if c.isalnum() and c.isascii())


def _abbreviates(short: Fact, long: Fact, text: str) -> bool:
    """Is ``short`` (all capitals) the acronym of ``long``: its initials (with or without
    its closing organisation's word), or the letters written in brackets right after it in
    its text ("Fund (UNICEF)")?"""
    s = short.text
    if not (s.isupper() and s.isalpha() and 2 <= len(s) < len(long.text)):
        return False
    if s in initials_of(long.text):
        return True
    after = text[long.span[1] : long.span[1] + len(s) + 4].lstrip()
    return after.startswith(f"({s})")


def _name_link(
    sf: Fact, df: Fact, si: Item | None, di: Item | None, texts: tuple[str, str]
) -> tuple[FactLink, bool] | None:
    """Two names of corresponding sentences: an abbreviation or a spelling variant (kept),
    a person's name with one word changed, or a place (organisation ...) put for another
    in the same place of the sentence."""
    if _abbreviates(df, sf, texts[0]) or _abbreviates(sf, df, texts[1]):
        note = f"abbreviation ('{sf.text}' / '{df.text}')"
        return FactLink(sf.kind, sf, df, note, "abbreviation"), True
    a, b = _letters(sf.text), _letters(df.text)
    how = _spelling(a, b)
    if sf.kind == df.kind == "person":
        # A person's name written otherwise is another name ("Marsh" → "March"), a change.
        if si is None or di is None:
            return None
        at = one_token_change(si.toks, di.toks)
        if at is not None:
            return name_change(sf, df, at, len(si.toks)), False
        if len(si.toks) == len(di.toks) == 1 and (how or _spelling(a, b, prefix=True)):
            note = f"surname '{sf.text}' → '{df.text}'"
            return FactLink("person", sf, df, note, "surname", "", True), False
        return None
    if how == "sound":
        note = f"spelling variant ('{sf.text}' / '{df.text}')"
        return FactLink(sf.kind, sf, df, note, "spelling"), True
    if how == "letters":
        note = f"written another way ('{sf.text}' → '{df.text}'): the same name?"
        return FactLink(sf.kind, sf, df, note, "spelling"), False
    if (
        sf.kind != df.kind
        or a.startswith(b)
        or b.startswith(a)
        or set(_words(sf)) & set(_words(df))
    ):
        return None  # a name and a part or form of it ("Europe" / "European") is no other name
    if not _same_place(sf, df, texts) and not put_for(sf, df, texts):
        return None
    return FactLink(sf.kind, sf, df, f"name {sf.text} → {df.text}", "value", "", True), False


def _spelling(a: str, b: str, prefix: bool = False) -> str:
    """How alike two names' folded letters are: ``"sound"`` (the same consonant skeleton:
    only vowels, doubled letters or a silent h differ), ``"letters"`` (most letters
    alike, the same first one), ``""`` (other names). A name is no variant of a longer
    one it opens ("Niger" / "Nigeria") unless ``prefix`` (a surname with a letter more
    is a change of it)."""
    if not a or not b or (not prefix and (a.startswith(b) or b.startswith(a))):
        return ""
    if _skeleton(a) == _skeleton(b):
        return "sound"
    if a[0] == b[0] and fuzz.ratio(a, b) >= _SPELLING_RATIO:
        return "letters"
    return ""


_WINDOW = 40  # characters either side of a fact read for the words around it
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")


def _shared_words(a: str, b: str) -> list[str]:
    """The whole words that two texts open with alike (same letters, spaces and marks)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    common = a[:n]
    if (n < len(a) and a[n].isalnum()) or (n < len(b) and b[n].isalnum()):
        common = _WORD_RE.sub("", common[::-1], count=1)[::-1] if common[-1:].isalnum() else common
    return _WORD_RE.findall(common)


def _same_place(sf: Fact, df: Fact, texts: tuple[str, str]) -> bool:
    """Do two facts stand in the same place of their sentences: two words, or a content
    word, written alike right before them or right after them ("a villa in _", "opened
    in _")? One function word ("in _") is anywhere."""
    (ts, td), (s, d) = texts, (sf.span, df.span)
    before = _shared_words(
        fold(ts[max(0, s[0] - _WINDOW) : s[0]])[::-1], fold(td[max(0, d[0] - _WINDOW) : d[0]])[::-1]
    )
    after = _shared_words(fold(ts[s[1] : s[1] + _WINDOW]), fold(td[d[1] : d[1] + _WINDOW]))
    sides = ([w[::-1] for w in before], after)
    return any(
        len(words) >= 2 or any(term_of(w) is not None and not w.isdigit() for w in words)
        for words in sides
    )

"""Places put for others where the sentences were rebuilt: a dropped and an added name
that fill one slot are one place changed.

:mod:`.match_leftovers` pairs leftover names of sentences that say the same thing. A
derived text often merges or splits sentences, so that no sentence corresponds, and still
puts one place for another in the same slot:

* after one name kept on both sides, a place that locates it ("Northgate Clinic,
  Meridian" → "Northgate Clinic in Nampa"): the place of the same thing, changed;
* two places of one level (two countries, two provinces of one country: :func:`~.places.
  put_for`) after the same word ("one plant, in Nevada" → "a single plant in Arizona"),
  in sentences that share :data:`MIN_SHARED` content words;
* an organisation named by its common noun and a place ("the Royal Preston Hospital" →
  "hospital in Lancaster"): the place of the institution said otherwise.

Each pair must be the only candidate of both of its facts; persons are never paired here
(a person's name changed is :mod:`.match_name_changes`' matter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex

from ..text.features import term_of
from ..text.normalise import tokenize
from ..text.segment import Sentence, split_sentences
from ..types import Fact, FactLink
from .items import NAME_KINDS, Result
from .places import put_for
from .vocab import ORG_WORDS

MIN_SHARED = 3
"""Content words (the two places' aside) the sentences of two places of one level must
share."""
_LOCATES_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))(?:[ \u00a0]*+,[ \u00a0]*(?:(?:in|at|near)[ \u00a0]+)?|[ \u00a0]++(?:in|at|near)[ \u00a0]+)"
)
"""The gap between a name and the place that locates it: a comma, "in", "at" or "near"."""


def terms_by_sentence(text: str) -> Callable[[Fact], Counter[str]]:
    """The content terms of the sentence a fact stands in (the sentences split when first
    asked: a long text none of whose facts is asked about is not split)."""
    split: list[list[Sentence]] = []
    cache: dict[int, Counter[str]] = {}

    def terms(f: Fact) -> Counter[str]:
        if not split:
            split.append(split_sentences(text))
        sents = split[0]
        i = next((k for k, s in enumerate(sents) if s.start <= f.span[0] < s.end), -1)
        if i not in cache:
            c: Counter[str] = Counter()
            if i >= 0:
                for t in tokenize(text, sents[i].start, sents[i].end):
                    if t.start >= f.span[0] and t.end <= f.span[1]:
                        continue
                    term = term_of(t.norm)
                    if term is not None:
                        c[term] += 1
            cache[i] = c
        return cache[i] if i >= 0 else Counter()

    return terms


def _locates(text: str, anchor: Fact, f: Fact) -> bool:
    """Does ``f`` stand right after ``anchor`` as the place that locates it?"""
    return _LOCATES_RE.fullmatch(text, anchor.span[1], f.span[0]) is not None


def _generic_for(sf: Fact, df: Fact, derived: str) -> bool:
    """Does the derived text name the organisation ``sf`` by its common noun and the
    place ``df`` ("the Royal Preston Hospital" → "hospital in Lancaster")?"""
    if sf.kind != "organisation" or df.kind != "place":
        return False
    head = sf.text.split()[-1].lower()
    if head not in ORG_WORDS or len(sf.text.split()) < 2:
        return False
    before = derived[max(0, df.span[0] - len(head) - 8) : df.span[0]]
    return (
        regex.search(rf"(?i:\b{regex.escape(head)})[ \u00a0]+(?:in|at|near)[ \u00a0]+$", before)
        is not None
    )


_LISTED_AFTER_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0]*+(?:,|and|or|&)[ \u00a0]*+(?:and[ \u00a0]+|or[ \u00a0]+)?\p{Lu}"
)
_LISTED_BEFORE_RE = regex.compile(r"(?:,|\band|\bor|&)[ \u00a0]*$")
_WORD_BEFORE_RE = regex.compile(r"\p{L}[ \u00a0]+$")


def _listed(f: Fact, text: str) -> bool:
    """Does ``f`` stand in a list of names ("Kerman, Iran, Sari and Tehran"), where
    names stand alike and none is put for one of the other text?"""
    before = text[max(0, f.span[0] - 6) : f.span[0]]
    return _LISTED_AFTER_RE.match(text, f.span[1]) is not None or (
        _LISTED_BEFORE_RE.search(before) is not None
    )


def _after_word(f: Fact, text: str) -> bool:
    """Does a word (not punctuation) stand right before ``f``?"""
    return _WORD_BEFORE_RE.search(text, max(0, f.span[0] - 4), f.span[0]) is not None


def _placeable(f: Fact) -> bool:
    return f.kind in NAME_KINDS and f.kind != "person"


def pair_slots(texts: tuple[str, str], res: Result) -> None:
    """Turn a dropped and an added name that fill one slot (see the module's rules) into
    a changed place."""
    dropped = [f for f in res.dropped if _placeable(f)]
    added = [f for f in res.added if _placeable(f)]
    if not dropped or not added:
        return
    cands: dict[int, list[Fact]] = {id(f): [] for f in dropped + added}
    names = [k for k in res.kept if k.source.kind in NAME_KINDS]
    for k in names:
        ds = [f for f in dropped if _locates(texts[0], k.source, f)]
        ads = [f for f in added if _locates(texts[1], k.derived, f)]
        for sf in ds:
            cands[id(sf)].extend(ads)
        for df in ads:
            cands[id(df)].extend(ds)
    for sf in dropped:
        for df in added:
            if _generic_for(sf, df, texts[1]):
                cands[id(sf)].append(df)
                cands[id(df)].append(sf)
    sterms, dterms = terms_by_sentence(texts[0]), terms_by_sentence(texts[1])
    for sf in dropped:
        for df in added:
            if df in cands[id(sf)] or not put_for(sf, df, texts):
                continue
            if _listed(sf, texts[0]) or _listed(df, texts[1]) or not _after_word(sf, texts[0]):
                continue
            if len((sterms(sf) & dterms(df)).keys()) >= MIN_SHARED:
                cands[id(sf)].append(df)
                cands[id(df)].append(sf)
    for sf in dropped:
        mine = cands[id(sf)]
        if len(mine) != 1 or cands[id(mine[0])] != [sf]:
            continue
        df = mine[0]
        kind = "place" if "place" in (sf.kind, df.kind) else sf.kind
        res.changed.append(FactLink(kind, sf, df, f"name {sf.text} → {df.text}", "value", "", True))
        res.dropped.remove(sf)
        res.added.remove(df)

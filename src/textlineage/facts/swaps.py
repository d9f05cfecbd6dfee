"""A name put for another in the same words: a dropped and an added name are one change.

A retelling often keeps a sentence's frame and puts one name in another's place: the last
item of a list after a name kept ("at Alderby and Brookmoor" → "at Alderby and
Coldwater"), a birthplace before "-born" ("the Ashford-born poet" → "Dover-born poet"),
a place before its common noun ("Kestrel beach" → "Marram beach"). Matched one rule at a
time, the dropped and the added name are reported apart, as two facts, where a
fact-checker sees one: the name in that slot changed.

A dropped name and an added name (no kind told apart: a place read as a person still
fills a place's slot) are paired when

* their sentences share :data:`MIN_SHARED` content words (the names aside): one
  sentence retold;
* they stand in one frame: the two words before them agree, or the two words (a hyphened
  suffix counts as one) after them, or the word before and the word after both (an end of
  sentence counts as a word);
* neither name is written in the other text (then it moved, it was not replaced), and
  each is the other's only such candidate;
* each is the only name left over in its sentence (two dropped and two added in one list
  are not told apart), they share no word (names alike in a word are variants, the name
  rules' matter), and they are not two organisations (a body put for another is one
  dropped and one added).

A name that an earlier rule paired as changed with a name of another frame (another
sentence) counts as added here; paired anew, the source name it held is dropped.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

import regex

from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import NAME_KINDS, Result
from .match_slots import terms_by_sentence

MIN_SHARED = 3
"""Content words (the names aside) the two sentences must share."""
_WORD_RE = regex.compile(r"[\p{L}\p{N}'’]+")
_AFTER_RE = regex.compile(
    r"-[\p{L}]+|(?:\G|(?<![ \u00a0]))(?:[ \u00a0]*+[.!?;:,]|[ \u00a0]++[\p{L}\p{N}'’]+)"
)
Frame = tuple[tuple[str, ...], tuple[str, ...]]
"""The words before and after a mention."""
WINDOW = 60
"""How far before a name its frame is read."""


def _before(text: str, start: int) -> tuple[str, ...]:
    """The two words before ``start`` in its sentence (lower-cased; fewer at its
    start)."""
    head = text[max(0, start - WINDOW) : start]
    cut = max(head.rfind(c) for c in ".!?\n")
    if cut >= 0:
        head = head[cut + 1 :]
    words = [w.lower() for w in _WORD_RE.findall(head)]
    return tuple(words[-2:]) if len(words) >= 2 else ("^", *words)


def _after(text: str, end: int) -> tuple[str, ...]:
    """The two words after ``end`` (a hyphened suffix a word, an end of clause ``.``)."""
    out: list[str] = []
    pos = end
    while len(out) < 2:
        m = _AFTER_RE.match(text, pos)
        if m is None:
            break
        w = m.group().strip(" \u00a0").lower()
        if w in ".!?":
            out.append(".")
            break
        out.append(w)
        pos = m.end()
    return tuple(out)


def _framed(a: Frame, b: Frame) -> bool:
    """Do two mentions stand in one frame (the module's rules)?"""
    (lb_a, ra), (lb_b, rb) = a, b
    if len(lb_a) == 2 and lb_a == lb_b:
        return True
    if len(ra) == 2 and ra == rb:
        return True
    return bool(lb_a and lb_b and ra and rb) and lb_a[-1] == lb_b[-1] and ra[0] == rb[0]


def _absent(name: str, lowered: str) -> bool:
    """Is ``name`` written nowhere in ``lowered`` (a text lower-cased) as whole words?"""
    key = name.lower()
    i = lowered.find(key)
    while i >= 0:
        j = i + len(key)
        if (i == 0 or not lowered[i - 1].isalnum()) and (
            j >= len(lowered) or not lowered[j].isalnum()
        ):
            return False
        i = lowered.find(key, i + 1)
    return True


def _sentence_of(text: str) -> Callable[[Fact], int]:
    """The index of the sentence of a mention of ``text`` (split when first asked)."""
    starts: list[int] = []

    def at(f: Fact) -> int:
        if not starts:
            starts.extend(x.start for x in split_sentences(text))
        return bisect.bisect_right(starts, f.span[0]) - 1

    return at


def _alone(facts: list[Fact], at: Callable[[Fact], int]) -> set[int]:
    """The ids of the facts that are the only one of ``facts`` in their sentence."""
    n = Counter(at(f) for f in facts)
    return {id(f) for f in facts if n[at(f)] == 1}


def _keys(frame: Frame) -> list[tuple[object, ...]]:
    """Keys under which two mentions in one frame (:func:`_framed`) meet."""
    before, after = frame
    out: list[tuple[object, ...]] = []
    if len(before) == 2:
        out.append(("before", before))
    if len(after) == 2:
        out.append(("after", after))
    if before and after:
        out.append(("both", before[-1], after[0]))
    return out


def _share_word(a: Fact, b: Fact) -> bool:
    """Do two names share a word (then they are variants, the name rules' matter)?"""
    return bool(set(_WORD_RE.findall(a.text.lower())) & set(_WORD_RE.findall(b.text.lower())))


def _frames(text: str) -> Callable[[Fact], Frame]:
    """The frame of a mention of ``text``."""

    def frame(f: Fact) -> Frame:
        return _before(text, f.span[0]), _after(text, f.span[1])

    return frame


def pair_swaps(res: Result, texts: tuple[str, str]) -> None:
    """Pair a dropped and an added name that fill one frame of a retold sentence (the
    module's rules) into one changed name. A changed name whose two mentions share no
    frame counts as added here: paired anew, its source mention is dropped."""
    source_text, derived_text = texts
    low_src, low_der = source_text.lower(), derived_text.lower()
    dropped = [f for f in res.dropped if f.kind in NAME_KINDS and _absent(f.text, low_der)]
    if not dropped:
        return
    src_frame, der_frame = _frames(source_text), _frames(derived_text)
    added = [f for f in res.added if f.kind in NAME_KINDS and _absent(f.text, low_src)]
    loose = {  # changed names whose two mentions stand in no common frame
        id(k.derived): k
        for k in res.changed
        if k.kind in NAME_KINDS
        and _absent(k.derived.text, low_src)
        and not _framed(src_frame(k.source), der_frame(k.derived))
    }
    added += [k.derived for k in loose.values()]
    if not added:
        return
    src_terms, der_terms = terms_by_sentence(source_text), terms_by_sentence(derived_text)
    frames = {id(f): src_frame(f) for f in dropped}
    frames.update({id(f): der_frame(f) for f in added})
    cands: dict[int, list[Fact]] = {}
    back: Counter[int] = Counter()
    src_at, der_at = _sentence_of(source_text), _sentence_of(derived_text)
    alone_s = _alone([f for f in res.dropped if f.kind in NAME_KINDS], src_at)
    alone_d = _alone(added, der_at)
    by_key: dict[tuple[object, ...], list[Fact]] = {}
    for d in added:
        if id(d) in alone_d:
            for key in _keys(frames[id(d)]):
                by_key.setdefault(key, []).append(d)
    for s in dropped:
        if id(s) not in alone_s:
            continue
        seen: dict[int, Fact] = {}
        for key in _keys(frames[id(s)]):
            seen.update((id(d), d) for d in by_key.get(key, ()))
        for d in seen.values():
            if s.kind == d.kind == "organisation" or _share_word(s, d):
                continue
            if len(src_terms(s).keys() & der_terms(d).keys()) < MIN_SHARED:
                continue
            cands.setdefault(id(s), []).append(d)
            back[id(d)] += 1
    for s in dropped:
        mine = cands.get(id(s), [])
        if len(mine) != 1 or back[id(mine[0])] != 1:
            continue
        d = mine[0]
        kind = "place" if "place" in (s.kind, d.kind) else s.kind
        res.changed.append(FactLink(kind, s, d, f"name {s.text} → {d.text}", "value", "", True))
        res.dropped.remove(s)
        k = loose.get(id(d))
        if k is None:
            res.added.remove(d)
        else:  # the name the change held is dropped: it was no counterpart
            res.changed.remove(k)
            res.dropped.append(k.source)

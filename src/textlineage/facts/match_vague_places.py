"""A place's name put as a common noun: "towards the Corby Lane roundabout" → "towards the
motorway", "from the Eastgate area" → "from our area".

A retelling often drops a place's name and says where with a noun of a place's kind (an
area, a town, the motorway). The name is then not dropped but said less specifically: one
change of ``specificity``. A pair is made when the dropped place stands after a
preposition, the derived text has the same preposition before a determiner and a
place's common noun, the two sentences and the one before each share
:data:`~.match_slots.MIN_SHARED` content words besides the preposition (a retelling
keeps the story's order, where its wording moves on), and each is the other's only
candidate. The source side runs on to the end of the place's phrase ("the M4 junction 9
roundabout"): the numbers in it (a junction's, a road's) are the place's, not dropped of
their own.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

import regex

from ..text.features import term_of
from ..text.normalise import fold, tokenize
from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .forms import collapse
from .items import Result
from .match_slots import MIN_SHARED
from .vocab import STOP

_PREPS = "towards|toward|from|near|into|across|around|outside|inside|in|at|to|through"
_BEFORE_RE = regex.compile(rf"(?i:(?<![\p{{L}}])({_PREPS})[ \u00a0]+(?:the[ \u00a0]+)?)$")
_NOUNS = (
    "area|areas|city|town|village|region|country|motorway|road|street|neighbourhood"
    "|neighborhood|district|county|coast|border|airport|station|capital|island|state"
    "|province|suburbs|estate|highway|city centre|town centre"
)
_VAGUE_RE = regex.compile(
    rf"(?i:(?<![\p{{L}}])({_PREPS})[ \u00a0]+(?:the|our|this|that|their|his|her|its|a|an)"
    rf"[ \u00a0]+(?:local[ \u00a0]+|nearby[ \u00a0]+)?({_NOUNS}))(?![\p{{L}}])"
)
_PHRASE_WORD_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++([\p{L}\p{N}'’-]+)")
_PHRASE_WORDS = 4
"""Words at most that run a dropped place's phrase on after its name."""


def _phrase_end(text: str, end: int) -> int:
    """Where the phrase of a place's name ends: up to :data:`_PHRASE_WORDS` more words
    that are not function words ("M5 junction 7 roundabout")."""
    for _ in range(_PHRASE_WORDS):
        m = _PHRASE_WORD_RE.match(text, end)
        if m is None or m[1].lower() in STOP:
            break
        end = m.end()
    return end


_WINDOW = 800
"""Characters read around a position to find its sentence and the one before (a long
text is never split whole here)."""


def _terms_before(text: str) -> Callable[[int], Counter[str]]:
    """The content terms of the sentence holding a position and of the one before it."""
    cache: dict[int, Counter[str]] = {}

    def terms(pos: int) -> Counter[str]:
        if pos not in cache:
            lo = max(0, pos - _WINDOW)
            sents = split_sentences(text[lo : pos + _WINDOW // 2])
            i = bisect.bisect_right([x.start for x in sents], pos - lo) - 1
            c: Counter[str] = Counter()
            for x in sents[max(0, i - 1) : i + 1]:
                for t in tokenize(text, lo + x.start, lo + x.end):
                    term = term_of(t.norm)
                    if term is not None:
                        c[term] += 1
            cache[pos] = c
        return cache[pos]

    return terms


def pair_vague_places(texts: tuple[str, str], derived_doc: int, res: Result) -> None:
    """Turn a dropped place and a place's common noun after the same preposition, in
    passages that say the same thing, into one change of ``specificity`` (see the
    module's rules); ``derived_doc``: the derived text's document number."""
    vague = list(_VAGUE_RE.finditer(texts[1]))
    if not vague:
        return
    dropped: list[tuple[Fact, str, int]] = []
    for f in res.dropped:
        if f.kind != "place":
            continue
        m = _BEFORE_RE.search(texts[0], max(0, f.span[0] - 20), f.span[0])
        if m is not None:
            dropped.append((f, m[1].lower(), m.start()))
    if not dropped:
        return
    sterms, dterms = _terms_before(texts[0]), _terms_before(texts[1])
    ders = [
        Fact("place", v.group(), v.span(), derived_doc, collapse(fold(v.group()))) for v in vague
    ]
    cands: list[tuple[int, int]] = []
    for i, (f, prep, _) in enumerate(dropped):
        for j, v in enumerate(vague):
            if v[1].lower() != prep:
                continue
            shared = (sterms(f.span[0]) & dterms(v.start())).keys() - {term_of(prep)}
            if len(shared) >= MIN_SHARED:
                cands.append((i, j))
    for i, j in cands:
        if sum(1 for a, b in cands if a == i or b == j) != 1:
            continue
        f, _, start = dropped[i]
        df = ders[j]
        end = _phrase_end(texts[0], f.span[1])
        t = texts[0][start:end]
        sf = Fact("place", t, (start, end), f.doc, collapse(fold(t)))
        note = f"'{t}' → '{df.text}': the place said by a common noun"
        res.changed.append(FactLink("place", sf, df, note, "specificity", "", True))
        res.dropped[:] = [
            x for x in res.dropped if x is not f and not (start <= x.span[0] and x.span[1] <= end)
        ]

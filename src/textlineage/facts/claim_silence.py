"""A derived text saying its source is silent on something the source states: "The letter
did not mention campuses" where the letter keeps staff's passes to "the riverside campus
gym". The rewrite denies a claim the source makes (``reversed``): the source's words
about the thing, from the thing to the end of its clause, against the derived sentence's
"did not mention ...".

The thing is tied by its word (four letters at least, by its stem: "campuses" / "campus");
numbers, dates and quotations stop the source's claim, as everywhere in the claim diff."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .claim_rules import verb_stem
from .forms import collapse

_SILENT_RE = regex.compile(
    r"\b(?:(?:did|does|do)\s+not|didn['’]t|doesn['’]t|don['’]t)\s+mention"
    r"|\bmade\s+no\s+mention\s+of|\bmakes\s+no\s+mention\s+of|\b(?:was|is)\s+silent\s+on",
    regex.IGNORECASE,
)
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_CLAUSE_END_RE = regex.compile(r"[,.;:!?()\n]")
_MIN_LETTERS = 4
_MAX_THING = 3  # words after the verb that name the thing
_ARTICLES = frozenset({"the", "a", "an", "any", "its", "their", "his", "her", "our"})


def _stem(word: str) -> str:
    return verb_stem(fold(word))


def _tied(a: str, b: str) -> bool:
    short, long = sorted((_stem(a), _stem(b)), key=len)
    return len(short) >= _MIN_LETTERS and long.startswith(short)


def silence_links(
    texts: tuple[str, str], docs: tuple[int, int], taken: Sequence[tuple[int, int]]
) -> list[FactLink]:
    """The claims the derived text says its source is silent on, each against the source's
    words about the thing (see the module's docstring). ``taken``: the source's spans of
    numbers, dates and quotations."""
    out: list[FactLink] = []
    source_words = list(_WORD_RE.finditer(texts[0]))
    for m in _SILENT_RE.finditer(texts[1]):
        end = _CLAUSE_END_RE.search(texts[1], m.end())
        stop = end.start() if end is not None else len(texts[1])
        things = [
            w
            for w in list(_WORD_RE.finditer(texts[1], m.end(), stop))[:_MAX_THING]
            if w.group().lower() not in _ARTICLES and len(w.group()) >= _MIN_LETTERS
        ]
        if not things:
            continue
        said = next(
            (s for s in source_words if any(_tied(s.group(), t.group()) for t in things)), None
        )
        if said is None:
            continue
        close = _CLAUSE_END_RE.search(texts[0], said.end())
        s_end = close.start() if close is not None else len(texts[0])
        s_end = min([s_end, *(a for a, _ in taken if said.end() <= a < s_end)])
        if any(a <= said.start() < b for a, b in taken):
            continue
        s_end = said.start() + len(texts[0][said.start() : s_end].rstrip())
        a, b = (said.start(), s_end), (m.start(), things[-1].end())
        sf = Fact("claim", texts[0][a[0] : a[1]], a, docs[0], collapse(fold(texts[0][a[0] : a[1]])))
        df = Fact("claim", texts[1][b[0] : b[1]], b, docs[1], collapse(fold(texts[1][b[0] : b[1]])))
        note = f"the source said to be silent on '{things[-1].group()}'"
        out.append(FactLink("claim", sf, df, note, "reversed"))
    return out

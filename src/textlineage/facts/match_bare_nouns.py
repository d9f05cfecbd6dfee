"""A count whose number the derived text leaves out, keeping the things counted: "Two
disabled parking bays will be moved" → "Disabled bays are moving". The source's count is
left dropped by the number matchers, as nothing in the derived text states a number; when
the sentence that names the same things without a number says the same thing as the
source's (:data:`match_loose.MIN_SHARED` content words besides the two), it is that count
made less specific: one change, not a number dropped.

Only a count of a plural noun is read so (the noun ends the source's fact), and only the
plural noun written with no number, vague determiner or other count before it and with
a word of the source's count before it ("disabled"): the same things named the same way
(a noun alone, "two cars" → "cars", is left a number dropped). The derived side runs
from the first of the words before the noun that the source's count has too. English
only.
"""

from __future__ import annotations

import bisect

import regex

from ..types import Fact, FactLink
from .forms import might_hold
from .items import Result
from .match_loose import Sentences, say_the_same

_NOUN_END_RE = regex.compile(r"(?<![\p{L}'’-])(?P<noun>\p{L}{3,}s)$")
_WORD_BEFORE_RE = regex.compile(r"(?:\G|(?<![\p{L}\p{N}'’-]))(?P<w>[\p{L}\p{N}'’-]++)[ \u00a0]+$")
_COUNT_WORDS = frozenset(
    [
        "some",
        "many",
        "most",
        "several",
        "few",
        "numerous",
        "countless",
        "all",
        "both",
        "each",
        "every",
        "no",
        "any",
        "these",
        "those",
        "other",
        "more",
        "fewer",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    ]
)
"""Words before a plural noun that count it in their own way (vague or whole): such a
noun is another report's (:mod:`.match_loose`), not a count left bare."""


def pair_bare_nouns(texts: tuple[str, str], doc: int, res: Result) -> None:
    """Turn each dropped count whose noun the derived text names with no number, in a
    sentence saying the same thing, into one change of specificity (see the module).
    ``doc``: the derived text's."""
    lost = [f for f in res.dropped if f.kind == "number" and _NOUN_END_RE.search(f.text)]
    if not lost:
        return
    taken = _Taken([f.span for f in res.added])
    for k in (*res.kept, *res.changed):
        taken.add(k.derived.span)
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    # each noun's places in the derived text, with the word just before (lower-cased)
    hits: dict[str, list[tuple[int, int, str | None]]] = {}
    for f in lost:
        m = _NOUN_END_RE.search(f.text)
        assert m is not None
        noun = m.group("noun")
        if noun not in hits:
            hits[noun] = _places(texts[1], noun) if might_hold(texts[1], noun) else []
        own = frozenset(w.lower() for w in regex.findall(r"[\p{L}\p{N}'’-]+", f.text[: m.start()]))
        found = []
        for v_start, v_end, before in hits[noun]:
            if before not in own:
                continue  # a noun alone ("two cars" → "cars") is too weak a tie
            if taken.overlaps((v_start, v_end)):
                continue
            start = _start(texts[1], v_start, own)
            if start is None or start == v_start:
                continue
            if not say_the_same(sides, f.span, (start, v_end)):
                continue
            found.append((start, v_end))
        if len(found) != 1:
            continue
        span = found[0]
        df = Fact("number", texts[1][span[0] : span[1]], span, doc, "")
        note = f"a count made less specific ('{f.text}' → '{df.text}')"
        res.dropped.remove(f)
        res.changed.append(FactLink("number", f, df, note, "specificity", "less_specific"))
        taken.add(span)


def _places(text: str, noun: str) -> list[tuple[int, int, str | None]]:
    """Where ``text`` names ``noun`` (in any case), each with the word just before it
    (lower-cased; None when none)."""
    pat = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?i:{regex.escape(noun)})(?![\p{{L}}\p{{N}}'’-])"
    )
    out = []
    for v in pat.finditer(text):
        w = _WORD_BEFORE_RE.search(text, max(0, v.start() - 40), v.start())
        out.append((v.start(), v.end(), None if w is None else w.group("w").lower()))
    return out


class _Taken:
    """Spans already reported, sorted by start, to ask quickly whether a span overlaps
    one of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, span: tuple[int, int]) -> bool:
        # only a span starting at most ``longest`` before ``span`` may reach into it
        lo = bisect.bisect_left(self.spans, (span[0] - self.longest, -1))
        hi = bisect.bisect_left(self.spans, (span[1], -1))
        return any(s < span[1] and span[0] < e for s, e in self.spans[lo:hi])


def _start(text: str, pos: int, own: frozenset[str]) -> int | None:
    """Where a bare plural noun at ``pos`` begins with the words before it that ``own``
    (the source's count's words up to its noun, lower-cased) holds too; None when a count
    word stands before it."""
    start = pos
    while True:
        m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        if m is None:
            return start
        w = m.group("w").lower()
        if w in _COUNT_WORDS or any(c.isdigit() for c in w):
            return None
        if w not in own:
            return start
        start = m.start()

"""A whole share said in a word: "100 percent recycled metal" → "entirely recycled
metal". The number readers see no number in "entirely", so the source's 100 % is left
dropped; when the derived text says "entirely", "fully", "wholly", "completely" or
"totally" before the same word that follows the 100 %, or in a sentence that says the
same thing (:data:`match_loose.MIN_SHARED` content words besides the two), it is that
share, kept. English only.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..types import Fact, FactLink
from .items import Result
from .match_loose import Sentences, say_the_same

_WHOLE_RE = regex.compile(r"(?<![\p{L}])(?i:entirely|fully|wholly|completely|totally)(?![\p{L}])")
_PERCENT_RE = regex.compile(r"%|(?i:per[ \u00a0]?cent)")
_NEXT_WORD_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(?P<w>\p{L}+)")


def _is_whole(value: str) -> bool:
    try:
        return Decimal(value) == 100
    except InvalidOperation:
        return False


def whole_shares(texts: tuple[str, str], doc: int, res: Result) -> None:
    """Keep each dropped 100 % that the derived text says in a word (see the module).
    ``doc``: the derived text's."""
    lost = [
        f
        for f in res.dropped
        if f.kind == "number" and _is_whole(f.value) and _PERCENT_RE.search(f.text)
    ]
    if not lost:
        return
    taken = [k.derived.span for k in (*res.kept, *res.changed)]
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for f in lost:
        after = _NEXT_WORD_RE.match(texts[0], f.span[1])
        found = []
        for m in _WHOLE_RE.finditer(texts[1]):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            nxt = _NEXT_WORD_RE.match(texts[1], m.end())
            same_next = (
                after is not None
                and nxt is not None
                and after.group("w").lower() == nxt.group("w").lower()
            )
            if same_next or say_the_same(sides, f.span, m.span()):
                found.append(m.span())
        if len(found) != 1:
            continue
        span = found[0]
        df = Fact("number", texts[1][span[0] : span[1]], span, doc, f.value)
        res.dropped.remove(f)
        res.kept.append(FactLink("number", f, df, f"a whole share said in a word ('{df.text}')"))
        taken.append(span)

"""An ordinal put for another before one noun: "her fourth novel" → "her third novel".

The fact extractors read no ordinals (most say only an order: "the first time"). But an
ordinal counting a thing ("her fourth novel", "the 12th edition", "its second
bankruptcy") is a number a derived text can get wrong. When each text counts one noun
with an ordinal exactly once and the two ordinals differ, that is a change of the
number's ``value``; an ordinal counted alike, or a noun counted more than once in either
text (the first and the second attempt of one story), is left alone, and so is a pair
overlapping a fact the diff reported already.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse, singular
from .items import Result
from .vocab import ORDINAL_WORDS

_WORDS = ORDINAL_WORDS[:20]  # (no compound ordinals: "twenty-first novel" is rare)
_VALUE = {w: i + 1 for i, w in enumerate(_WORDS)}
_ORDINAL_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-])(?P<o>(?i:{'|'.join(_WORDS)})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))"
    r"[ \u00a0]+(?P<noun>\p{Ll}[\p{Ll}-]{2,})\b"
)


def _value(m: regex.Match[str]) -> int:
    return int(m["n"]) if m["n"] else _VALUE[m["o"].lower()]


def _counted(text: str) -> dict[str, list[regex.Match[str]]]:
    """Each noun counted by an ordinal in ``text`` → the ordinals before it."""
    out: dict[str, list[regex.Match[str]]] = defaultdict(list)
    for m in _ORDINAL_RE.finditer(text):
        out[singular(m["noun"])].append(m)
    return out


def _fact(m: regex.Match[str], doc: int) -> Fact:
    t = m.group()
    return Fact("number", t, m.span(), doc, str(_value(m)))


def _overlaps(span: tuple[int, int], facts: list[Fact]) -> bool:
    return any(f.span[0] < span[1] and span[0] < f.span[1] for f in facts)


def ordinal_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Report each noun both texts count once with different ordinals as a changed
    number (see the module's rules)."""
    src, der = _counted(texts[0]), _counted(texts[1])
    common = src.keys() & der.keys()
    if not common:
        return
    s_taken = [*res.dropped, *(k.source for k in (*res.kept, *res.changed))]
    d_taken = [*res.added, *(k.derived for k in (*res.kept, *res.changed))]
    for noun in sorted(common):
        if len(src[noun]) != 1 or len(der[noun]) != 1:
            continue
        ms, md = src[noun][0], der[noun][0]
        if _value(ms) == _value(md):
            continue
        if _overlaps(ms.span(), s_taken) or _overlaps(md.span(), d_taken):
            continue
        sf, df = _fact(ms, docs[0]), _fact(md, docs[1])
        note = f"'{collapse(fold(sf.text))}' → '{collapse(fold(df.text))}': another ordinal"
        res.changed.append(FactLink("number", sf, df, note, "value", "", True))

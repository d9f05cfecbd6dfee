"""An approximate none made none, or the reverse: "little or no water" → "no water",
"almost no complaints" → "no complaints". An approximator on a negative quantifier
("little or no", "few or no", "little to no", "almost no", "nearly no", "virtually no",
"practically no", "next to no", "hardly any", "scarcely any") leaves room for some; the
bare "no" before the same noun leaves none: a claim made stronger (or, the other way,
weaker). The two sentences must say the same thing (two content words shared besides
the noun).
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .claim_rules import verb_stem
from .forms import collapse
from .items import Result

_NEAR_NONE_RE = regex.compile(
    r"(?i)(?<![\p{L}\p{M}])(?:(?:little|few)[ \t]+(?:or|to)[ \t]+no|(?:almost|nearly|virtually"
    r"|practically|next[ \t]+to)[ \t]+no|(?:hardly|scarcely|barely)[ \t]+any)[ \t]+"
    r"(\p{L}[\p{L}\p{M}]*)"
)
"""An approximate none and the noun it counts."""
_NONE_RE = regex.compile(r"(?i)(?<![\p{L}\p{M}])no[ \t]+(\p{L}[\p{L}\p{M}]*)")
"""A bare "no" and the noun it counts."""
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_MIN_LEN = 4  # letters of a content word
_MIN_SHARED = 2  # content words two sentences share besides the noun
_MAX_SAME = 64  # mentions of one noun in the derived text read (bounds the pairing)


def _stems(text: str) -> set[str]:
    return {verb_stem(w) for w in _WORD_RE.findall(fold(text)) if len(w) >= _MIN_LEN}


def _fact(text: str, span: tuple[int, int], doc: int) -> Fact:
    t = text[span[0] : span[1]]
    return Fact("claim", t, span, doc, collapse(fold(t)))


def near_none(res: Result, texts: tuple[str, str], docs: tuple[int, int]) -> None:
    """Add to ``res`` the approximate nones made none (or the reverse) between the
    sentences of two texts (a span already reported changed left alone)."""
    found: list[tuple[int, tuple[int, int], str, set[str]]] = []  # side, span, noun, stems
    for side, text in enumerate(texts):
        if not regex.search(r"(?i)(?<![\p{L}\p{M}])no(?![\p{L}\p{M}])|any", text):
            continue
        for sent in split_sentences(text):
            part = text[sent.start : sent.end]
            near = [(m.span(), fold(m.group(1)), True) for m in _NEAR_NONE_RE.finditer(part)]
            bare = [
                (m.span(), fold(m.group(1)), False)
                for m in _NONE_RE.finditer(part)
                if not any(s <= m.start() < e for (s, e), _, _ in near)
            ]
            if not near and not bare:
                continue
            stems = _stems(part)  # (read once a sentence)
            for (s, e), noun, approx in near + bare:
                span = (sent.start + s, sent.start + e)
                found.append((side * 2 + approx, span, noun, stems - {verb_stem(noun)}))
    claimed = [
        {c.source.span for c in res.changed},
        {c.derived.span for c in res.changed},
    ]
    by_noun: dict[tuple[str, int], list[tuple[tuple[int, int], set[str]]]] = {}
    for tag, span, noun, stems in found:
        here = by_noun.setdefault((noun, tag & 1), []) if tag >= 2 else None
        if here is not None and len(here) < _MAX_SAME:
            here.append((span, stems))
    for tag_a, span_a, noun_a, stems_a in found:
        if tag_a >= 2:
            continue  # (source side first)
        for span_b, stems_b in by_noun.get((noun_a, 1 - (tag_a & 1)), ()):
            if len(stems_a & stems_b) < _MIN_SHARED:
                continue
            if any(_touch(span_a, x) for x in claimed[0]) or any(
                _touch(span_b, x) for x in claimed[1]
            ):
                continue
            sf, df = _fact(texts[0], span_a, docs[0]), _fact(texts[1], span_b, docs[1])
            dropped = tag_a & 1  # the approximate none on the source's side
            detail = "hedge_dropped" if dropped else "hedge_added"
            note = f"'{sf.text}' → '{df.text}': " + (
                "an approximate none made none" if dropped else "none made an approximate none"
            )
            res.changed.append(FactLink("claim", sf, df, note, "strength", detail, bool(dropped)))
            claimed[0].add(span_a)
            claimed[1].add(span_b)
            break


def _touch(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]

"""Changes of strength that are the same claim said in another place of the sentence.

Three rewrites move a hedge or a bound without changing what is claimed:

- A bound put after the number: "for up to three days" → "for three days at most",
  "at least 4 metres" → "4 metres or more". The number readers look for a qualifier in
  front of a number only; the bound after it is the same bound (same meaning class).
- A hedge read twice across one sentence pair: when the same sentence holds a hedged
  verb and a word of the same stem ("is expected to finish ... before finishing"), the
  claim reader may pair the hedged verb of one side with the bare word of the other, and
  report the hedge added and dropped at once. A hedge added and the same hedge dropped
  between the same two sentences, each side's hedged words on the other side too, is no
  change.
- An estimate moved from the figure to the verb: "will cost an estimated 40 euros" →
  "is expected to cost about 40 euros". The source already called the figure an
  estimate; the derived text's "expected to" says the same of it.

And one that is no change of title: the verb of a "to" infinitive read into the title
before a name ("to reach Press Officer Ann Lee").
"""

from __future__ import annotations

import regex

from ..types import FactLink
from .belief_moves import belief_moves
from .date_bounds import date_bounds
from .items import Result
from .likeness import likeness_changes
from .own_year import keep_own_years, parts_without_year
from .vocab import QUAL_CLASS
from .zone_swaps import zone_swaps

_TRAILING = {
    "at most": "<", "or less": "<", "or fewer": "<", "maximum": "<", "max": "<",
    "tops": "<", "or under": "<",
    "at least": ">", "or more": ">", "minimum": ">", "or over": ">", "plus": ">",
    "or longer": ">", "or so": "~", "or thereabouts": "~",
}  # fmt: skip
"""Bounds said after a number (and its noun) and what they claim of the true value."""

_TRAILING_RE = regex.compile(
    r"\A[,\s]*(?:\p{L}+[ \u00a0]+)?(?P<q>"
    + "|".join(regex.escape(q).replace(r"\ ", r"[ \u00a0]+") for q in _TRAILING)
    + r")(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
"""A trailing bound right after a number's span, at most one word (its noun) between."""

_QUAL_NOTE_RE = regex.compile(r"qualifier '(?P<q>[^']+)' (?P<how>dropped|added)")
_HEDGE_NOTE_RE = regex.compile(r"hedge '(?P<h>[^']+)' (?P<how>dropped|added)")
_ESTIMATE_RE = regex.compile(
    r"(?<![\p{L}])(?:an[ \u00a0]+)?(?:estimated|projected|forecast|expected)(?![\p{L}])",
    regex.IGNORECASE,
)
"""A word that calls a figure an estimate ("an estimated 300", "a projected 12%")."""
_EXPECT_HEDGES = frozenset(
    {"expected to", "is expected to", "are expected to", "was expected to", "were expected to",
     "estimated to", "is estimated to", "projected to", "is projected to", "set to",
     "is set to", "forecast to", "is forecast to"}
)  # fmt: skip
_FIGURE_RE = regex.compile(r"[\p{Sc}]?\d[\d,.]*")


def _trailing_class(text: str, end: int) -> str | None:
    m = _TRAILING_RE.match(text[end : end + 40])
    return None if m is None else _TRAILING[regex.sub(r"\s+", " ", m.group("q").lower())]


def _moved_bound(k: FactLink, texts: tuple[str, str]) -> bool:
    """Is ``k`` a qualifier dropped from before the number and said after it in the
    derived text (or added before it where the source said it after)?"""
    if k.kind != "number":
        return False
    m = _QUAL_NOTE_RE.search(k.note)
    if m is None:
        return False
    cls = QUAL_CLASS.get(regex.sub(r"\s+", " ", m.group("q").lower()))
    if cls is None:
        return False
    if m.group("how") == "dropped":
        return _trailing_class(texts[1], k.derived.span[1]) == cls
    return _trailing_class(texts[0], k.source.span[1]) == cls


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    b_dot, b_nl = text.find(". ", pos), text.find("\n", pos)
    ends = [e for e in (b_dot, b_nl) if e >= 0]
    return a, (min(ends) if ends else len(text))


def _crossed(changed: list[FactLink], texts: tuple[str, str]) -> set[int]:
    """Indices of claim hedges reported added and dropped across one sentence pair."""
    out: set[int] = set()
    hedges: dict[tuple[str, str], list[int]] = {}
    for i, k in enumerate(changed):
        if k.kind != "claim":
            continue
        m = _HEDGE_NOTE_RE.search(k.note)
        if m is not None:
            hedges.setdefault((m.group("h").lower(), m.group("how")), []).append(i)
    for (h, how), idx in hedges.items():
        if how != "dropped":
            continue
        for i in idx:
            a = changed[i]
            for j in hedges.get((h, "added"), []):
                b = changed[j]
                same_src = _sentence(texts[0], a.source.span[0]) == _sentence(
                    texts[0], b.source.span[0]
                )
                same_der = _sentence(texts[1], a.derived.span[0]) == _sentence(
                    texts[1], b.derived.span[0]
                )
                if (
                    same_src
                    and same_der
                    and a.source.text.lower() == b.derived.text.lower()
                    and b.source.text.lower() == a.derived.text.lower()
                ):
                    out.update((i, j))
    return out


def _estimate_moved(k: FactLink, texts: tuple[str, str]) -> bool:
    """Is ``k`` an "expected to" hedge added to a verb whose figure the source already
    called an estimate, the same figure following the verb on both sides?"""
    if k.kind != "claim":
        return False
    m = _HEDGE_NOTE_RE.search(k.note)
    if m is None or m.group("how") != "added" or m.group("h").lower() not in _EXPECT_HEDGES:
        return False
    after_s = texts[0][k.source.span[1] : k.source.span[1] + 40]
    after_d = texts[1][k.derived.span[1] : k.derived.span[1] + 40]
    est = _ESTIMATE_RE.match(after_s.lstrip())
    if est is None:
        return False
    fs = _FIGURE_RE.search(after_s, est.end())
    fd = _FIGURE_RE.search(after_d)
    return fs is not None and fd is not None and fs.group() == fd.group()


_INFINITIVE_RE = regex.compile(r"(?<![\p{L}])to[ \u00a0]+\Z", regex.IGNORECASE)
_LOWER_WORD_RE = regex.compile(r"\p{Ll}+[ \u00a0]+")


def _verb_in_title(k: FactLink, texts: tuple[str, str]) -> bool:
    """Is ``k`` a person's title "changed" only by the verb of a "to" infinitive read
    into it ("write to Press Officer Ann Lee" → "to contact Press Officer Ann Lee")?"""
    if k.kind != "person":
        return False
    for side, (a, b) in enumerate(((k.source, k.derived), (k.derived, k.source))):
        m = _LOWER_WORD_RE.match(b.text)
        if m is None or b.text[m.end() :] != a.text:
            continue
        text = texts[1 - side]
        if _INFINITIVE_RE.search(text[max(0, b.span[0] - 8) : b.span[0]]):
            return True
    return False


def strength_moves(res: Result, texts: tuple[str, str]) -> None:
    """Turn the changes of strength that only move a bound or hedge (see the module)
    into kept links, or drop them when they pair a hedge with itself."""
    crossed = _crossed(res.changed, texts)
    keep: list[FactLink] = []
    out: list[FactLink] = []
    for i, k in enumerate(res.changed):
        if i in crossed:
            continue
        if _moved_bound(k, texts):
            note = "bound said after the number"
        elif _estimate_moved(k, texts):
            note = "estimate said of the verb"
        elif _verb_in_title(k, texts):
            note = "a verb read into the title"
        else:
            out.append(k)
            continue
        keep.append(FactLink(k.kind, k.source, k.derived, note))
    res.changed[:] = out
    res.kept.extend(keep)
    keep_own_years(res, texts)
    parts_without_year(res, texts)
    zone_swaps(res)
    date_bounds(res, texts)
    likeness_changes(res, texts)
    belief_moves(res, texts)

"""An ordinal put for another before one noun: "her fourth novel" → "her third novel".

The fact extractors read no ordinals (most say only an order: "the first time"). But an
ordinal counting a thing ("her fourth novel", "the 12th edition", "its second
bankruptcy") is a number a derived text can get wrong. When each text counts one noun
with an ordinal exactly once and the two ordinals differ, that is a change of the
number's ``value``; an ordinal counted alike is left alone, and so is a pair overlapping a
fact the diff reported already, and one whose sentences share no content word (they speak
of different things). A noun counted more than once in either text (the 12th
and the 80th minute of a match) is paired only by the sentences its ordinals stand in.

Two counts need no noun: a run of wins or events ("their fifth in a row", "a sixth
straight win", "the third consecutive month") counts a streak, and an ordinal of one
owner within a season or year ("her eighth double-double of the season", "his ninth of
the year") counts a tally of that season; each is compared as one noun of its own.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse, singular
from .items import Result
from .near_words import NearWords
from .vocab import ORDINAL_WORDS

_WORDS = ORDINAL_WORDS[:20]  # (no compound ordinals: "twenty-first novel" is rare)
_VALUE = {w: i + 1 for i, w in enumerate(_WORDS)}
_ORDINAL_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-])(?P<o>(?i:{'|'.join(_WORDS)})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))"
    r"[ \u00a0]+(?P<noun>\p{Ll}[\p{Ll}-]{2,})\b"
)

_ORD = rf"(?P<o>(?i:{'|'.join(_WORDS)})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))"
_SP = r"[ \u00a0]+"
_RUN_WORDS = frozenset({"straight", "consecutive", "successive", "running"})
_STREAK_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-]){_ORD}(?:{_SP}\p{{Ll}}{{3,}})?{_SP}"
    rf"(?:(?i:in){_SP}(?i:a){_SP}(?i:row)|(?i:straight|consecutive|successive|running))"
    r"(?![\p{L}\p{N}-])"
)
"""An ordinal counting a run: "fifth in a row", "sixth straight", "third month running"."""
_TALLY_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-])(?:(?i:her|his|their|its|our|my|your)|\p{{L}}+['’]s?){_SP}{_ORD}"
    rf"(?:{_SP}\p{{Ll}}[\p{{Ll}}-]{{2,}})?{_SP}(?:(?i:of){_SP}(?i:the)|(?i:this)){_SP}"
    r"(?i:season|year|campaign)(?![\p{L}\p{N}-])"
)
"""An owner's ordinal within a season: "her eighth double-double of the season"."""
_STREAK, _TALLY = "(a run)", "(a season's tally)"


MATCH_MINUTE = "minute"
"""The noun of a match's clock ("in the 71st minute"): the time something happened in a
game, a fact of its own. A derived text that counts no minute so has dropped it."""


def _value(m: regex.Match[str]) -> int:
    return int(m["n"]) if m["n"] else _VALUE[m["o"].lower()]


def _counted(text: str) -> dict[str, list[regex.Match[str]]]:
    """Each noun counted by an ordinal in ``text`` → the ordinals before it."""
    out: dict[str, list[regex.Match[str]]] = defaultdict(list)
    for m in _ORDINAL_RE.finditer(text):
        if m["noun"].lower() not in _RUN_WORDS:
            out[singular(m["noun"])].append(m)
    for key, pattern in ((_STREAK, _STREAK_RE), (_TALLY, _TALLY_RE)):
        for m in pattern.finditer(text):
            out[key].append(m)
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
    s_taken = [*res.dropped, *(k.source for k in (*res.kept, *res.changed))]
    d_taken = [*res.added, *(k.derived for k in (*res.kept, *res.changed))]
    if MATCH_MINUTE in src and MATCH_MINUTE not in der:
        for m in src[MATCH_MINUTE]:  # "in the 71st minute": when it happened, left out
            if not _overlaps(m.span(), s_taken):
                res.dropped.append(_fact(m, docs[0]))
    common = src.keys() & der.keys()
    if not common:
        return
    near = NearWords(texts)
    for noun in sorted(common):
        for ms, md in _pairs(src[noun], der[noun], docs, near):
            if _value(ms) == _value(md):
                continue
            if _overlaps(ms.span(), s_taken) or _overlaps(md.span(), d_taken):
                continue
            _report(ms, md, docs, res)
            s_taken.append(res.changed[-1].source)
            d_taken.append(res.changed[-1].derived)


def _pairs(
    ss: list[regex.Match[str]],
    ds: list[regex.Match[str]],
    docs: tuple[int, int],
    near: NearWords,
) -> list[tuple[regex.Match[str], regex.Match[str]]]:
    """The ordinals of one noun to compare: the only one of each text (or the closest two
    when a text says its only count twice), or, when a text counts the noun more than once ("the 12th minute", "the 80th minute"), each ordinal
    whose value the other text does not give with the one of the other text whose
    sentence shares most content words with its own (at least :data:`SAID_ALIKE`, more
    than any other's, and the other way round)."""
    if len({_value(m) for m in ss}) == 1 and len({_value(m) for m in ds}) == 1:
        # one count each, perhaps said again (a headline and its story): the closest
        # pair, the story's words before a headline's title case
        one = max(
            ((near.shared(_fact(a, docs[0]), _fact(b, docs[1])),
              -a.group().istitle() - b.group().istitle(), -i - j, a, b)
             for i, a in enumerate(ss) for j, b in enumerate(ds)),
            key=lambda x: x[:3],
        )  # fmt: skip
        return [(one[3], one[4])] if one[0] >= SAID_ONCE else []
    vs, vd = {_value(m) for m in ss}, {_value(m) for m in ds}
    fs = [_fact(m, docs[0]) for m in ss if _value(m) not in vd]
    fd = [_fact(m, docs[1]) for m in ds if _value(m) not in vs]
    score = {(i, j): near.shared(a, b) for i, a in enumerate(fs) for j, b in enumerate(fd)}
    out = []
    for i in range(len(fs)):
        j = _best([(score[i, j], j) for j in range(len(fd))])
        if j is not None and _best([(score[k, j], k) for k in range(len(fs))]) == i:
            out.append((_match_at(ss, fs[i]), _match_at(ds, fd[j])))
    return out


def _best(scores: list[tuple[int, int]]) -> int | None:
    """The index of the one highest score, when it is at least :data:`SAID_ALIKE`."""
    scores.sort(reverse=True)
    if not scores or scores[0][0] < SAID_ALIKE:
        return None
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None
    return scores[0][1]


def _match_at(ms: list[regex.Match[str]], f: Fact) -> regex.Match[str]:
    return next(m for m in ms if m.span() == f.span)


SAID_ALIKE = 2
SAID_ONCE = 1
"""Content words the sentences of the only ordinals of one noun in each text must share:
"the second year running" and "the fourth year in a row" said of different things are
no change."""
"""Content words the sentences of two ordinals of one noun must share to be paired when a
text counts the noun more than once."""


def _report(ms: regex.Match[str], md: regex.Match[str], docs: tuple[int, int], res: Result) -> None:
    sf, df = _fact(ms, docs[0]), _fact(md, docs[1])
    note = f"'{collapse(fold(sf.text))}' → '{collapse(fold(df.text))}': another ordinal"
    res.changed.append(FactLink("number", sf, df, note, "value", "", True))

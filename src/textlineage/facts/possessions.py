"""A thing of one owner put for another: "her father's workshop" → "her father's boatyard".

The name extractors read no common nouns. But a thing a text gives to one owner, named
by a possessive ("her father's workshop", "the mayor's car"), is a fact a derived text can
change: the same owner given another thing. When each text names that owner (a
determiner and a noun: "her father's") with a possessive exactly once and the two things
differ, in sentences that share :data:`~.match_slots.MIN_SHARED` content words, that is a
change of the entity's ``value``. An owner named more than once in
either text (the company's shares, the company's debts) is left alone, as are people (a
role or an agent noun: "the ship's manager", "the ship's captain" are two people) and a
pair overlapping a fact the diff reported already.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import singular
from .items import Result
from .match_slots import MIN_SHARED, terms_by_sentence
from .roles import JOB_NOUNS
from .vocab import name_vocab

_OWNERS = "her|his|their|its|my|our|your|the"
_POSSESSIVE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<owner>(?i:{_OWNERS})[ \u00a0]+\p{{Ll}}{{3,}})['’]s"
    r"[ \u00a0]+(?P<thing>\p{Ll}{3,})(?=[,.;:!?)]|[ \u00a0]+(?:and|or|but|in|on|at|of|for"
    r"|from|with|to|by|as|when|where|which|that|who)\b)"
)
"""An owner and the one word of the thing it has, the noun phrase ending there (at a
punctuation mark or a function word: never an adjective, "the city's northern suburbs")."""


def _owned(text: str) -> dict[str, list[regex.Match[str]]]:
    out: dict[str, list[regex.Match[str]]] = defaultdict(list)
    for m in _POSSESSIVE_RE.finditer(text):
        out[" ".join(fold(m["owner"]).split())].append(m)
    return out


_AGENT_ENDINGS = ("er", "or", "ist", "ian")


def _person(word: str) -> bool:
    """Is ``word`` a role or an agent noun ("the ship's manager", "its owner")? One owner's
    manager and captain are two people, neither put for the other."""
    w = word.lower()
    return w in JOB_NOUNS or w in name_vocab("en").titles or w.endswith(_AGENT_ENDINGS)


def _overlaps(span: tuple[int, int], facts: list[Fact]) -> bool:
    return any(f.span[0] < span[1] and span[0] < f.span[1] for f in facts)


def possession_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Report each owner both texts name once with a possessive, given different things,
    as a changed entity (see the module's rules)."""
    src, der = _owned(texts[0]), _owned(texts[1])
    if not src.keys() & der.keys():
        return
    sterms, dterms = terms_by_sentence(texts[0]), terms_by_sentence(texts[1])
    s_taken = [*res.dropped, *(k.source for k in (*res.kept, *res.changed))]
    d_taken = [*res.added, *(k.derived for k in (*res.kept, *res.changed))]
    for owner in sorted(src.keys() & der.keys()):
        if len(src[owner]) != 1 or len(der[owner]) != 1:
            continue
        ms, md = src[owner][0], der[owner][0]
        if singular(ms["thing"].lower()) == singular(md["thing"].lower()):
            continue
        if _person(ms["thing"]) or _person(md["thing"]):
            continue
        if _overlaps(ms.span(), s_taken) or _overlaps(md.span(), d_taken):
            continue
        sf = Fact("entity", ms.group(), ms.span(), docs[0], fold(ms.group()))
        df = Fact("entity", md.group(), md.span(), docs[1], fold(md.group()))
        if len((sterms(sf) & dterms(df)).keys()) < MIN_SHARED:
            continue  # the two sentences say different things of the owner
        note = f"{owner}'s '{ms['thing']}' → '{md['thing']}'"
        res.changed.append(FactLink("entity", sf, df, note, "value", "", True))

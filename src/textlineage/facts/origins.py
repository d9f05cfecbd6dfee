"""Where a person comes from, said of another place: "grew up in Whitby" → "born and
raised in Scarborough".

A derived text may keep a place name the source states (the town a person lives in now)
and give it another role: the place the person grew up in. The name is then kept, and the
place the source said the person grew up in is dropped; but what the derived text says is
that place changed. An origin is said by a few fixed verbs ("born in", "grew up in",
"raised in", "brought up in", "native of", "hails from"). When each text says one
origin, in a capitalised name, of one person (the two sentences share a capitalised
word besides the places), and the two differ, that is a change of the place's ``value``,
and the source's place is no longer dropped.
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import Result
from .name_kinds import letters
from .vocab import STOP

_ORIGIN_RE = regex.compile(
    r"(?<![\p{L}])(?i:(?:was[ \u00a0]+)?(?:born(?:[ \u00a0]+and[ \u00a0]+(?:raised|bred|brought"
    r"[ \u00a0]+up))?|grew[ \u00a0]+up|raised|brought[ \u00a0]+up)[ \u00a0]+in"
    r"|native[ \u00a0]+of|hails?[ \u00a0]+from)[ \u00a0]+"
    r"(?P<place>\p{Lu}[\p{L}\p{M}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]+){0,2})"
)


def _origins(text: str) -> list[regex.Match[str]]:
    return list(_ORIGIN_RE.finditer(text))


_CAP_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]{2,}")


def _names_near(text: str, m: regex.Match[str]) -> set[str]:
    """The capitalised words of the sentence an origin is said in (its place aside): the
    name of the person it is said of among them."""
    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i != -1]
    end = min(ends) if ends else len(text)
    words = {w.group() for w in _CAP_RE.finditer(text, start, end)}
    return {letters(w) for w in words if w.lower() not in STOP} - {letters(m["place"])}


def origin_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Report one origin said of another place as a changed place (see the module's
    rules)."""
    src, der = _origins(texts[0]), _origins(texts[1])
    if len(src) != 1 or len(der) != 1:
        return
    ms, md = src[0], der[0]
    if letters(ms["place"]) == letters(md["place"]):
        return
    dropped = next(
        (
            f
            for f in res.dropped
            if f.kind in ("place", "entity") and f.span[0] == ms.start("place")
        ),
        None,
    )
    if dropped is None:
        return  # the source's place is kept or changed already
    if not _names_near(texts[0], ms) & _names_near(texts[1], md):
        return  # no name of the person said of both
    if any(k.derived.span[0] <= md.start("place") < k.derived.span[1] for k in res.changed):
        return
    sf = Fact("place", ms.group(), ms.span(), docs[0], fold(ms.group()))
    df = Fact("place", md.group(), md.span(), docs[1], fold(md.group()))
    note = f"origin '{ms['place']}' → '{md['place']}'"
    res.changed.append(FactLink("place", sf, df, note, "value", "", True))
    res.dropped.remove(dropped)
    res.added[:] = [f for f in res.added if f.span[0] != md.start("place")]

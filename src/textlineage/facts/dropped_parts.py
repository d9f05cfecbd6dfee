"""Dropped names read right: two facts where one name holds two, a name said as its own
common noun, a count of one said with an article.

- A person of a body ("Sergeant Ivo Penrose of the Tarn Harbour Police"), dropped, is read
  as one name; it names a person and a body, two facts a text can drop apart (and a
  reader checks apart). It is reported as the two (:func:`split_person_of_body`). A
  title of a place ("Duke of Arden") is no person of a body, nor a body's name ("National
  Society of Wardens"): the part before "of" must be two capitalised words at least, none
  a word of a body's name, and the body two words too, its last one a word of a body's
  name ("Police", "Trust").
- A name put as its own last word, lower case ("taken to Marrowfield General Hospital"
  → "taken to hospital"), is the name made less specific, not dropped: one change of
  specificity when the derived text writes the word once, outside any name, right after
  the same preposition as the name (the same slot: "to", "at", "in" ...; no determiner
  between: "the committee" may name a body of its own), in a sentence
  sharing a content word with the name's besides, and the source never writes it in lower
  case (:func:`name_as_noun`).
- A name dropped that "&" joins to the end of a name kept ("Lyle" of "Ward & Lyle", "Ward"
  kept) is the firm's name said short, one name (:func:`fold_name_tails`).
- A figure dropped (added) whose span runs over a name a link holds at its end ("9-4
  Tarn League", "Tarn League" kept) is cut back to the figure: reported once
  (:func:`trim_linked_tails`).
- A figure dropped that opens a range whose other end a link holds ("from £12 to £30",
  "£30 → up to £30") is part of that fact (:func:`fold_range_ends`).
- A maiden name a person's link holds in its source ("Ann Roe (née Pell)" → "Ann Roe"),
  which the derived text never writes, is a person dropped (:func:`split_maiden_names`).
- A count of one said with the article ("one lap behind" → "a lap behind") is kept: the
  derived sentence that says the same thing holds "a"/"an" and the same noun
  (:func:`one_as_article`).
"""

from __future__ import annotations

import dataclasses

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import Result
from .match_loose import Sentences, said_alike, specificity_link
from .numeric import SIGNS
from .vocab import ORG_WORDS

_PERSON_OF_BODY_RE = regex.compile(
    r"(?P<who>(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+)+\p{Lu}[\p{L}'’-]+)[ \u00a0]+of[ \u00a0]+"
    r"(?:the[ \u00a0]+)?"
    r"(?P<body>\p{Lu}[\p{L}'’&-]*(?:[ \u00a0]+(?:and[ \u00a0]+|for[ \u00a0]+)?\p{Lu}[\p{L}'’&-]*){1,6})"
)
"""A person's name (two capitalised words at least) "of" a body's name (two at least)."""
_NAME_KINDS = ("organisation", "place", "entity")
_SPLIT_KINDS = ("person", "organisation", "entity")
_SLOT_RE = regex.compile(
    r"(?<![\p{L}])(to|in|at|from|into|near|outside|inside|towards|by|on)[ \u00a0]+"
    r"(?:(?:the|a|an)[ \u00a0]+)?$",
    regex.IGNORECASE,
)
"""The preposition before a name or a noun (a determiner between): the slot it fills."""
_BARE_SLOT_RE = regex.compile(
    r"(?<![\p{L}])(to|in|at|from|into|near|outside|inside|towards|by|on)[ \u00a0]+$",
    regex.IGNORECASE,
)
"""The preposition right before a bare noun ("to hospital", "in court"): the place's kind
said for any place of it, not one named before ("the committee" may be another's)."""
_HEAD_RE = regex.compile(r"(?<=[ \u00a0])\p{Lu}\p{Ll}{3,}$")
"""The last word of a name of several, a capitalised common noun ("Hospital")."""


def _of_body(who: str, body: str) -> bool:
    """Is ``who`` a person (no word of a body's name) and ``body`` a body (its last word
    one: "Police", "Trust", "Council")?"""
    words = [fold(w) for w in who.split()]
    return not any(w in ORG_WORDS for w in words) and fold(body.split()[-1]) in ORG_WORDS


def split_person_of_body(res: Result) -> None:
    """Report a person of a body, dropped, as the person and the body."""
    out: list[Fact] = []
    for f in res.dropped:
        m = _PERSON_OF_BODY_RE.fullmatch(f.text) if f.kind in _SPLIT_KINDS else None
        if m is None or not _of_body(m.group("who"), m.group("body")):
            out.append(f)
            continue
        for kind, group in (("person", "who"), ("organisation", "body")):
            a, b = f.span[0] + m.start(group), f.span[0] + m.end(group)
            out.append(Fact(kind, m.group(group), (a, b), f.doc))
    res.dropped[:] = out


def name_as_noun(res: Result, texts: tuple[str, str], derived_doc: int) -> None:
    """Turn a name dropped that the derived text says as its own last word, lower case,
    into a change of specificity (see the module)."""
    heads: dict[str, list[Fact]] = {}
    for f in res.dropped:
        m = _HEAD_RE.search(f.text) if f.kind in _NAME_KINDS else None
        if m is not None:
            heads.setdefault(m.group().lower(), []).append(f)
    if not heads:
        return
    source, derived = texts
    sides = (Sentences(source), Sentences(derived))
    taken = [k.derived.span for k in (*res.kept, *res.changed)] + [f.span for f in res.added]
    for word, names in heads.items():
        if word not in derived:
            continue  # (the pattern below needs the word as written)
        pat = regex.compile(rf"(?<![\p{{L}}\p{{N}}-]){word}(?![\p{{L}}\p{{N}}-])")
        hits = [m.span() for m in pat.finditer(derived)]
        if len(names) != 1 or len(hits) != 1 or pat.search(source) is not None:
            continue
        a, b = hits[0]
        if any(s < b and a < e for s, e in taken):
            continue
        name = names[0]
        before = _SLOT_RE.search(source, max(0, name.span[0] - 30), name.span[0])
        after = _BARE_SLOT_RE.search(derived, max(0, a - 30), a)
        if before is None or after is None or before.group(1).lower() != after.group(1).lower():
            continue
        if not sides[0].terms_at(name.span[0], name.span) & sides[1].terms_at(a, (a, b)):
            continue
        there = Fact(name.kind, derived[a:b], (a, b), derived_doc)
        res.dropped.remove(name)
        res.changed.append(specificity_link(name.kind, "the name", name, there, 0))


_AMPERSAND_RE = regex.compile(r"[ \u00a0]*&[ \u00a0]*")


def fold_name_tails(res: Result, source_text: str) -> None:
    """Leave out a name dropped that "&" joins to the end of a name a link holds ("Lyle" of
    "Ward & Lyle" beside "Ward" kept): the firm's name said short, one name; the link
    takes the whole name as its source."""
    if not res.dropped:
        return
    ends = {
        k.source.span[1]: i
        for i, k in enumerate(res.kept)
        if k.kind in (*_NAME_KINDS, "person") and k.source.kind in (*_NAME_KINDS, "person")
    }
    out: list[Fact] = []
    for f in res.dropped:
        if f.kind not in _NAME_KINDS:
            out.append(f)
            continue
        i = next(
            (
                i
                for end, i in ends.items()
                if (m := _AMPERSAND_RE.match(source_text, end)) is not None and m.end() == f.span[0]
            ),
            None,
        )
        if i is None:
            out.append(f)
            continue
        link = res.kept[i]
        a, b = link.source.span[0], f.span[1]
        whole = dataclasses.replace(link.source, text=source_text[a:b], span=(a, b))
        res.kept[i] = dataclasses.replace(link, source=whole, note="a name said short")
    res.dropped[:] = out


_TRIM_END_RE = regex.compile(r"[\s,;:(\[–—-]+$")


def trim_linked_tails(res: Result, texts: tuple[str, str]) -> None:
    """Cut a figure or a date dropped (added) back to before a name that a kept or changed
    link holds at its end ("9-4 Tarn League", "Tarn League" kept): the figure is reported
    once, the name is not reported twice."""
    for side, left in ((0, res.dropped), (1, res.added)):
        held = {(k.source if side == 0 else k.derived).span for k in (*res.kept, *res.changed)}
        by_end: dict[int, int] = {}
        for a, b in held:
            by_end[b] = max(by_end.get(b, a), a)
        text = texts[side]
        for i, f in enumerate(left):
            if f.kind not in ("number", "date"):
                continue
            cut = by_end.get(f.span[1])
            if cut is None or cut <= f.span[0]:
                continue
            m = _TRIM_END_RE.search(text, f.span[0], cut)
            end = m.start() if m is not None else cut
            if end > f.span[0] and any(c.isdigit() for c in text[f.span[0] : end]):
                left[i] = dataclasses.replace(f, text=text[f.span[0] : end], span=(f.span[0], end))


_RANGE_GAP_RE = regex.compile(r"[ \u00a0]*(?:to|and|[–-])[ \u00a0]*")
_RANGE_OPEN_RE = regex.compile(r"(?i:between)[ \u00a0]+$")


_MARK_RE = regex.compile(rf"[%{SIGNS}]|(?i:per[ \u00a0]?cent)")


def _marks(text: str) -> set[str]:
    """The currency and percent signs of a figure: the two ends of a range share them."""
    return {m.lower() for m in _MARK_RE.findall(text)}


def fold_range_ends(res: Result, source_text: str) -> None:
    """Leave out a figure dropped that opens a range whose other end a kept or changed
    link holds ("from £12 to £30" with "£30 → up to £30"; "4% to 6%"; the two ends with the
    same signs): the range is one fact, reported by its link."""
    starts = {
        k.source.span[0]: k.source for k in (*res.kept, *res.changed) if k.source.kind == "number"
    }
    if not starts:
        return
    out: list[Fact] = []
    for f in res.dropped:
        m = _RANGE_GAP_RE.match(source_text, f.span[1]) if f.kind == "number" else None
        end = starts.get(m.end()) if m is not None else None
        if m is None or end is None or _marks(f.text) != _marks(end.text):
            out.append(f)  # ("rose 3% to £40": a change and its result, not a range)
            continue
        between = _RANGE_OPEN_RE.search(source_text, max(0, f.span[0] - 12), f.span[0])
        if m.group().strip() == "and" and between is None:
            out.append(f)  # "4% and 6%": two figures, not a range
    res.dropped[:] = out


_MAIDEN_RE = regex.compile(
    r"(?P<name>.*?\S)[ \u00a0]*(?:\([ \u00a0]*|,[ \u00a0]*)"
    r"(?P<maiden>(?i:née|nee)[ \u00a0]+\p{Lu}[\p{L}'’-]+)[ \u00a0]*\)?"
)
"""A person's name with the maiden name after it: "Ann Roe (née Pell)"."""


def split_maiden_names(res: Result, derived_text: str) -> None:
    """Report a maiden name that a person's link holds in its source ("Ann Roe (née Pell)"
    → "Ann Roe") and the derived text never writes as a person dropped: a name of its own
    that the retelling leaves out; the link keeps the rest of the name."""
    for links in (res.kept, res.changed):
        for i, k in enumerate(links):
            m = _MAIDEN_RE.fullmatch(k.source.text) if k.kind == "person" else None
            if m is None:
                continue
            surname = m.group("maiden").split()[-1]
            if regex.search(rf"(?<![\p{{L}}]){regex.escape(surname)}(?![\p{{L}}])", derived_text):
                continue
            a = k.source.span[0]
            name = dataclasses.replace(k.source, text=m.group("name"), span=(a, a + m.end("name")))
            links[i] = dataclasses.replace(k, source=name)
            b, e = a + m.start("maiden"), a + m.end("maiden")
            res.dropped.append(Fact("person", m.group("maiden"), (b, e), k.source.doc))


_ONE_RE = regex.compile(r"(?i:one|1)[ \u00a0]+(?P<noun>\p{Ll}{3,})")


def one_as_article(res: Result, texts: tuple[str, str], derived_doc: int) -> None:
    """Keep a count of one dropped that the derived text says with "a"/"an" and the same
    noun, in a sentence saying the same thing."""
    source, derived = texts
    sides: tuple[Sentences, Sentences] | None = None
    for f in list(res.dropped):
        m = _ONE_RE.fullmatch(f.text) if f.kind == "number" and f.value == "1" else None
        if m is None:
            continue
        if m.group("noun") not in derived:
            continue  # (the pattern below needs the noun as written)
        pat = regex.compile(rf"(?<![\p{{L}}])(?i:an?)[ \u00a0]+{m.group('noun')}(?![\p{{L}}])")
        hits = list(pat.finditer(derived))
        if len(hits) != 1:
            continue
        sides = sides or (Sentences(source), Sentences(derived))
        if not said_alike(sides, 0, f.span, hits[0].span()):
            continue
        there = Fact("number", hits[0].group(), hits[0].span(), derived_doc, "1")
        res.dropped.remove(f)
        res.kept.append(FactLink("number", f, there, "a count of one said with the article"))

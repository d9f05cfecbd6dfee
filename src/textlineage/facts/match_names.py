"""Matching names: by folded letters, by spelling variant (``"Shahre Kord"`` /
``"Shahrekord"``, never a mere prefix such as ``"Kerman"`` / ``"Kermanshah"``) or by one
being a token run that opens or closes the other (``"Raisi"`` / ``"Ebrahim Raisi"``),
or, for persons, alike once particles are written into the surname and middle initials
left out (``"Maren K. Vanderbeek"`` / ``"Maren Van Der Beek"``). A derived name the
source writes with marks on a line the diff reads no fact from (a contact line) is kept
in another spelling (:func:`marked_in`).
Names match across the name kinds; the kept links of variants and parts are labelled
``spelling`` and ``partial``. Names that differ in one token or in their title are changes
(:mod:`.match_name_changes`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import regex
from anyascii import anyascii
from rapidfuzz import fuzz

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse, singular
from .items import Group, Item, Result, pair, shares
from .name_kinds import letters
from .vocab import LEGAL_FORMS, PARTICLES


@lru_cache(maxsize=100_000)
def _skeleton(letters: str) -> str:
    """A transliteration-tolerant consonant skeleton of a letters-only folded string."""
    s = letters.replace("ph", "f").translate(str.maketrans("wqcy", "vkki"))
    vowels = "aeiou"
    out: list[str] = []
    for i, ch in enumerate(s):
        if ch == "h" and i > 0 and s[i - 1] not in vowels:
            continue
        out.append(ch)
    s = "".join(out)
    if not s:
        return s
    s = s[0] + "".join(c for c in s[1:] if c not in vowels)
    res = [s[0]]
    for ch in s[1:]:
        if ch != res[-1]:
            res.append(ch)
    return "".join(res)


def _undoubled(word: str) -> str:
    """The word with each run of one letter written once ("witt" → "wit")."""
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


_ABBREVIATED = {
    "st": frozenset({"street", "saint"}),
    "ave": frozenset({"avenue"}),
    "av": frozenset({"avenue"}),
    "rd": frozenset({"road"}),
    "blvd": frozenset({"boulevard"}),
    "ln": frozenset({"lane"}),
    "sq": frozenset({"square"}),
    "hwy": frozenset({"highway"}),
    "pkwy": frozenset({"parkway"}),
    "mt": frozenset({"mount", "mountain"}),
    "ft": frozenset({"fort"}),
}
"""Words of place names written short ("East Marlow St", "St Albans", "Mt Hood")."""


def token_variant(a: str, b: str) -> bool:
    """Are two folded name tokens spellings of one word ("shustar" / "shushtar", "wit" /
    "witt"; never two short words otherwise, or two words that open differently), or a
    word of a place's name and its short form ("st" / "street")?"""
    if a == b or singular(a) == singular(b) or anyascii(a) == anyascii(b):
        return True  # ... or a letter of another alphabet: "Bjørnstad" / "Bjornstad"
    if b in _ABBREVIATED.get(a, ()) or a in _ABBREVIATED.get(b, ()):
        return True
    if min(len(a), len(b)) >= 3 and _undoubled(a) == _undoubled(b):
        return True  # a letter doubled or not: "Wit" / "Witt", "Ana" / "Anna"
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    r = fuzz.ratio(a, b) / 100.0
    if r >= 0.9:
        return True
    return r >= 0.8 and _skeleton(a) == _skeleton(b)


RESPELT = 75
"""The least :func:`rapidfuzz.fuzz.ratio` of two name tokens read as one respelled
("Ramdeen" / "Ramdin": 77)."""


def respelt(x: str, y: str) -> bool:
    """Is one name token the other respelled ("Lindgren" / "Lindgreen", "Halvorsen" /
    "Halvorson", "Achison" / "Aitchison"): long words opening with one letter, with most
    letters in common? A person's name respelled is one person's, in passages apart too
    (when neither has another candidate)."""
    return (
        min(len(x), len(y)) >= 6
        and x[:1] == y[:1]
        and fuzz.ratio(letters(x), letters(y)) >= RESPELT
    )


def respelled(a: str, b: str) -> bool:
    """Are two folded name tokens that pass for spelling variants (:func:`token_variant`)
    two different names of a person nonetheless: a letter added at the end or before the
    last ("Hallorans" / "Halloran", "Ashcombe" / "Ashcomb", "Merrily" / "Merriley": an
    ending of its own), a consonant other than "h" put in or taken out ("Lindholt" /
    "Lindholdt") or one vowel put for another after the first syllable ("Quddas" /
    "Quddis")? A doubled letter ("Tadese" / "Tadesse"), a vowel put in, "y" for "i" or
    an "h" ("Raisi" / "Raeisi", "Rahimi" / "Rahimy", "Shustar" / "Shushtar": one name in
    two transliterations) and marks or letters of another alphabet ("Ekström" /
    "Ekstrom", "Bjørnstad" / "Bjornstad": folded alike) are one name written two ways."""
    a, b = anyascii(a).lower(), anyascii(b).lower()  # "Bjørnstad" / "Bjornstad"
    if a == b or _undoubled(a) == _undoubled(b) or min(len(a), len(b)) < 4:
        return False
    short, long = sorted((a, b), key=len)
    if len(long) == len(short) + 1 and (
        long.startswith(short) or long[:-2] + long[-1] == short
    ):  # a letter put in at the end or before the last ("Carvossy" / "Carvossey")
        return True
    if len(a) == len(b) and _one_vowel_apart(a, b):
        return True
    if _skeleton(a) == _skeleton(b):
        return False
    return _one_consonant_apart(_undoubled(short), _undoubled(long))


def _one_vowel_apart(a: str, b: str) -> bool:
    """Do two words of one length differ in one vowel only, put for another after the
    first syllable ("Quddas" / "Quddis")? ("y" for "i" is one sound: "Rahimi" / "Rahimy".)"""
    diff = [(i, x, y) for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 1:
        return False
    i, x, y = diff[0]
    return i > 1 and x in "aeiou" and y in "aeiou"


def _one_consonant_apart(short: str, long: str) -> bool:
    """Is ``long`` ``short`` with one consonant other than "h" put in, or (same length)
    one consonant replaced by another?"""
    vowels = "aeiouy"
    if len(long) == len(short) + 1:
        for i, ch in enumerate(long):
            if long[:i] + long[i + 1 :] == short:
                return ch not in vowels and ch != "h"
        return False
    if len(long) != len(short):
        return False
    diff = [(x, y) for x, y in zip(short, long, strict=True) if x != y]
    return len(diff) == 1 and not any(c in vowels or c == "h" for c in diff[0])


def _name_variant(s: Item, d: Item) -> bool:
    """Spelling variants of one name (never a mere prefix: "Kerman" / "Kermanshah")."""
    if s.letters == d.letters or (
        not (s.letters.isascii() and d.letters.isascii())
        and anyascii(s.letters).lower() == anyascii(d.letters).lower()
    ):
        return True  # letters without marks of their own: "Wrocław" / "Wroclaw"
    if s.letters.isdigit() or d.letters.isdigit():
        return False
    if len(s.toks) == len(d.toks) and len(s.toks) > 1:
        return all(token_variant(a, b) for a, b in zip(s.toks, d.toks, strict=True))
    return token_variant(s.letters, d.letters)


def contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` opens or closes ``long`` ("Raisi" in "Ebrahim Raisi"), not after "of", or
    is ``long`` without the word before its last ("Rui Vaz" of "Rui Antunes Vaz")."""
    if not short or len(short) >= len(long):
        return False
    if len(short) == 1 and (len(short[0]) < 3 or short[0] in PARTICLES):
        return False
    n = len(short)
    if long[:n] == short and long[n] not in PARTICLES:
        return True
    if long[-n:] == short and long[-n - 1] not in PARTICLES:
        return True
    # a middle name or a first of two surnames left out: "Rui Antunes Vaz" / "Rui Vaz"
    return (
        n >= 2
        and len(long) == n + 1
        and long[0] == short[0]
        and long[-1] == short[-1]
        and long[1:-2] == short[1:-1]
        and long[-2] not in PARTICLES
    )


def short_given(a: Item, b: Item) -> bool:
    """Are two persons' names one surname after a given name and its short form ("Kathleen
    Marsh" / "Kath Marsh", "Samuel Ferrand" / "Sam Ferrand"): the short one of four letters
    at most, opening as the long one does?"""
    if "person" not in (a.fact.kind, b.fact.kind) or min(len(a.toks), len(b.toks)) < 2:
        return False
    if a.toks[-1] != b.toks[-1] or len(a.toks[-1]) < 3:
        return False
    short, long = sorted((a.toks[0], b.toks[0]), key=len)
    return 2 <= len(short) <= 4 < len(long) and long[:2] == short[:2]


def title_initials(a: Item, b: Item) -> bool:
    """Are two names the same last two words after words that one of them writes in full
    and the other by their initials: a person's title ("Chief Superintendent Ana Reis" / "CS
    Ana Reis"), a body's opening words ("United Nations Development Programme" / "UN
    Development Programme")?"""
    if min(len(a.toks), len(b.toks)) < 3:
        return False
    if a.toks[-2:] != b.toks[-2:] or min(len(t) for t in a.toks[-2:]) < 3:
        return False
    short, long = sorted((a.toks[:-2], b.toks[:-2]), key=len)
    return len(short) == 1 and len(long) >= 2 and short[0] == "".join(t[0] for t in long)


def within(long: Item, short: Item) -> bool:
    """Does the name ``short`` stand for the name ``long`` it opens or closes
    (:func:`contains`)? Not when ``long`` is an organisation and ``short`` a place:
    "Portugal" names no airline in "TAP Air Portugal", nor "Iceland" the office of
    "Statistics Iceland". (A company's name and its legal form are the company's, whatever
    kind the short name was taken for: "Lumen Inc" / "Lumen".)"""
    if (
        long.fact.kind == "person"
        and len(long.toks) >= 3
        and short.toks == long.toks[:1]
        and long.toks[1] in PARTICLES
        and long.toks[1] != "of"
    ):
        return True  # a given name before a particle: "Ana dos Reis" / "Ana"
    if long.fact.kind == "person" and len(short.toks) == 1 and _first_half(long, short):
        return True  # the first half of a double-barrelled surname: "Ana Reis-Lobo" / "Reis"
    if long.fact.kind == "organisation" and short.fact.kind == "place":
        rest = long.toks[len(short.toks) :]
        if not (long.toks[: len(short.toks)] == short.toks and rest and set(rest) <= LEGAL_FORMS):
            return False
    return contains(long.toks, short.toks)


def _first_half(long: Item, short: Item) -> bool:
    """Is ``short`` the first half of the hyphenated surname closing ``long``?"""
    last = long.fact.text.rstrip(" .,").rsplit(None, 1)[-1]
    halves = last.split("-")
    return (
        len(halves) == 2
        and len(long.toks) >= 3
        and long.toks[-2] == short.toks[0]
        and bool(halves[1])
    )


def match_names(
    S: list[Group],
    D: list[Group],
    res: Result,
    on_partial: Callable[[Group, Group], bool] | None = None,
    texts: tuple[str, str] = ("", ""),
) -> tuple[set[int], list[Group]]:
    """Match names by letters, spelling variant, then token runs; kept links go to
    ``res``. Returns the ids of the source groups used and the derived groups left.

    ``on_partial(source, derived)`` is asked about each partial match before it is kept:
    True when it reported the pair otherwise (a name the extraction cut short, that goes
    on differently: :func:`~.match_name_changes.continued_change`). With the two
    ``texts``, a derived mention written otherwise than the source writes the name is
    shown as a ``spelling`` variant (:func:`_respelled`)."""
    by_letters = {g.first.letters: g for g in S}
    by_first: dict[str, list[Group]] = defaultdict(list)
    by_token: dict[str, list[Group]] = defaultdict(list)
    by_bag: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in S:
        by_bag[_bag(g.first.toks)].append(g)
        by_first[g.first.letters[:1]].append(g)
        for t in set(g.first.toks):
            by_token[t].append(g)
    used: set[int] = set()
    unmatched: list[Group] = []
    for gd in D:
        d = gd.first
        gs = by_letters.get(d.letters)
        note = label = ""
        if gs is not None:
            if gs.first.fact.value != d.fact.value and collapse(gs.first.fact.value) != collapse(
                d.fact.value
            ).replace("’", "'"):
                note = f"spelling variant of '{gs.first.fact.text}'"
                label = "spelling"
        else:
            best: tuple[float, Group] | None = None
            for g in by_first.get(d.letters[:1], ()):
                s = g.first
                if abs(len(s.letters) - len(d.letters)) > 4 or not _name_variant(s, d):
                    continue
                r = fuzz.ratio(s.letters, d.letters)
                if best is None or r > best[0]:
                    best = (r, g)
            if best is None and (gj := _joined_match(d, S)) is not None:
                best = (0.0, gj)
            if best is None and (gr := _reordered_match(d, by_bag)) is not None:
                gs, note = gr, f"name reordered ('{gr.first.fact.text}')"
            elif best is not None:
                gs = best[1]
                note = f"spelling variant of '{gs.first.fact.text}'"
                # (a plural is the same name, not another spelling of it)
                same = [singular(t) for t in gs.first.toks] == [singular(t) for t in d.toks]
                label = "" if same else "spelling"
            else:
                cands: list[Group] = []
                seen: set[int] = set()
                for t in d.toks:
                    for g in by_token.get(t, ()):
                        if id(g) in seen:
                            continue
                        seen.add(id(g))
                        if (
                            within(g.first, d)
                            or within(d, g.first)
                            or short_given(g.first, d)
                            or title_initials(g.first, d)
                        ):
                            cands.append(g)
                if cands:
                    # a full name whose given name the derived one shortens says more
                    # than a surname alone in the same passage: "Benjamin Tollemarsh" over
                    # "Mr Tollemarsh" for "Ben Tollemarsh"
                    gs = min(
                        cands,
                        key=lambda g: (
                            not short_given(g.first, d),
                            not shares(g, gd),
                            g.first.fact.kind != d.fact.kind,
                            g.first.fact.span[0],
                        ),
                    )
                    note = f"partial name ('{gs.first.fact.text}')"
                    label = "partial"
                    for g in cands:
                        used.add(id(g))
                    if on_partial is not None and on_partial(gs, gd):
                        used.add(id(gs))
                        continue
        if gs is None:
            unmatched.append(gd)
            continue
        used.add(id(gs))
        sf, df = pair(gs, gd)
        if texts[0] and not label and (odd := _respelled(gs, gd, texts)) is not None:
            sf, df = odd
            note, label = f"spelling variant of '{sf.text}'", "spelling"
        res.kept.append(FactLink(d.fact.kind, sf, df, note, label))
    return used, unmatched


def joined(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name tokens with particles written into the word after them ("van",
    "der", "beek" → "vanderbeek") and middle initials left out ("maren", "k",
    "vanderbeek" → "maren", "vanderbeek"): the forms one surname takes when written
    apart or together, with an initial or without."""
    out: list[str] = []
    glue = ""
    for i, t in enumerate(toks):
        if t in PARTICLES and t != "of" and i < len(toks) - 1:
            glue += t
            continue
        if len(t) == 1 and 0 < i < len(toks) - 1 and not glue:
            continue
        out.append(glue + t)
        glue = ""
    return tuple(out)


def _joined_match(d: Item, S: list[Group]) -> Group | None:
    """The source group a person's name answers once particles are joined and middle
    initials left out (:func:`joined`): "Maren Van Der Beek" / "Maren K. Vanderbeek",
    or a closing part of it: "Van Der Beek". None when there is none or more than one."""
    jd = joined(d.toks)
    if not jd or (len(jd) == 1 and len(jd[0]) < 4):
        return None
    found: list[Group] = []
    for g in S:
        s = g.first
        if "person" not in (s.fact.kind, d.fact.kind) or s.toks == d.toks:
            continue
        if not any(t in PARTICLES and t != "of" for t in (*s.toks, *d.toks)):
            continue  # no particle: matched by letters or parts already
        js = joined(s.toks)
        if js == jd or (len(jd) < len(js) and js[-len(jd) :] == jd):
            found.append(g)
    return found[0] if len(found) == 1 else None


_PLACE_LINKS = frozenset({"at", "of", "in"})


def reordered(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One organisation's name with its place after "at", "of" or "in" and before the
    rest: "the Crown Court at Leeds" / "Leeds Crown Court", "University of Hull" / "Hull
    University" (a leading "the" aside)."""
    a = tuple(t for t in a if t != "the")
    b = tuple(t for t in b if t != "the")
    for x, y in ((a, b), (b, a)):
        for i, t in enumerate(x):
            if t in _PLACE_LINKS and 0 < i < len(x) - 1 and x[i + 1 :] + x[:i] == y:
                return True
    return False


def _bag(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words in order of the alphabet, without "the" and the place's link."""
    return tuple(sorted(t for t in toks if t != "the" and t not in _PLACE_LINKS))


def _reordered_match(d: Item, by_bag: dict[tuple[str, ...], list[Group]]) -> Group | None:
    """The one source organisation (``by_bag``: source groups by :func:`_bag`) whose name
    :func:`reordered` writes ``d``'s."""
    if d.fact.kind == "person":
        return None
    found = [
        g
        for g in by_bag.get(_bag(d.toks), ())
        if g.first.fact.kind != "person" and reordered(g.first.toks, d.toks)
    ]
    return found[0] if len(found) == 1 else None


def _nearness(s: Item, d: Item, texts: tuple[str, str]) -> tuple[bool, bool, int]:
    """How well a source mention answers a derived one: after the same two words ("east
    of _"), in one passage, first."""
    a, b = s.fact.span[0], d.fact.span[0]
    words = fold(texts[0][max(0, a - 30) : a]).split()[-2:]
    return words != fold(texts[1][max(0, b - 30) : b]).split()[-2:], not (s.pas & d.pas), a


def _respelled(gs: Group, gd: Group, texts: tuple[str, str]) -> tuple[Fact, Fact] | None:
    """A mention of the derived group written otherwise than the source always writes
    the name ("Málaga" throughout the source, "Malaga" once in the derived text: a mark
    dropped), with the source mention to show beside it; None when there is none."""
    values = {collapse(it.fact.value) for it in gs.items}
    if len(values) != 1:
        return None
    d = next((d for d in gd.items if collapse(d.fact.value) not in values), None)
    if d is None:
        return None
    return min(gs.items, key=lambda s: _nearness(s, d, texts)).fact, d.fact


def unmarked(text: str) -> tuple[str, list[int] | None]:
    """``text`` in letters without marks ("Lúcia" → "Lucia"), with the offset in ``text``
    of each character (None when each is its own: no letter was written as two)."""
    table = {ord(ch): anyascii(ch) for ch in set(text) if not ch.isascii()}
    if all(len(v) == 1 for v in table.values()):  # offsets unchanged: one pass
        return text.translate(table), None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        a = ch if ch.isascii() else anyascii(ch)
        out.append(a)
        where.extend([i] * len(a))
    return "".join(out), where


def marked_in(groups: list[Group], text: str, doc: int, res: Result) -> list[Group]:
    """The derived names that ``text`` (the source, page furniture and all) writes with
    marks of its own ("Joana Conceicao" for "Joana Conceição" on a contact line the
    diff reads no fact from): kept in another spelling, with the source's writing (a fact
    of document ``doc``) beside them. Returns the groups left."""
    if text.isascii():
        return groups
    plain: str | None = None
    where: list[int] | None = None

    def span(m: regex.Match[str]) -> tuple[int, int]:
        if where is None:
            return m.span()
        return where[m.start()], where[m.end() - 1] + 1

    left: list[Group] = []
    for g in groups:
        f = g.first.fact
        if not f.text.isascii() or len(g.first.letters) < 5:
            left.append(g)
            continue
        if plain is None:
            plain, where = unmarked(text)
        pat = rf"(?<![\p{{L}}\p{{N}}]){regex.escape(f.text)}(?![\p{{L}}\p{{N}}])"
        found = next(
            (sp for m in regex.finditer(pat, plain) if text[slice(*(sp := span(m)))] != f.text),
            None,
        )
        if found is None:
            left.append(g)
            continue
        a, b = found
        t = text[a:b]
        src = Fact(f.kind, t, (a, b), doc, collapse(fold(t)))
        res.kept.append(FactLink(f.kind, src, f, f"spelling variant of '{t}'", "spelling"))
    return left


def unmatched_sources(S: list[Group], D: list[Group], used: set[int]) -> list[Group]:
    """The source groups not used, bar those wholly contained in a derived name (or
    containing one)."""
    out: list[Group] = []
    by_dtoken: dict[str, list[Group]] = defaultdict(list)
    for g in D:
        for t in set(g.first.toks):
            by_dtoken[t].append(g)
    for g in S:
        if id(g) in used:
            continue
        toks = g.first.toks
        if any(
            within(h.first, g.first) or within(g.first, h.first)
            for t in set(toks)
            for h in by_dtoken.get(t, ())
        ):
            continue
        out.append(g)
    return out


def kept_as_part(
    S: list[Group], D: list[Group], used: set[int], left: list[Group], res: Result
) -> None:
    """Link a person's fuller name that the derived text says by its opening part only
    ("Ana dos Reis" / "Ana", the part being a name of its own in the source too) to that
    part: kept, not silently passed over."""
    gone = {id(g) for g in left}
    for g in S:
        if id(g) in used or id(g) in gone or g.first.fact.kind != "person":
            continue
        toks = g.first.toks
        part = next(
            (
                h
                for h in D
                if toks[: len(h.first.toks)] == h.first.toks and within(g.first, h.first)
            ),
            None,
        )
        if part is not None:
            sf, df = pair(g, part)
            res.kept.append(FactLink(df.kind, sf, df, f"partial name ('{sf.text}')", "partial"))

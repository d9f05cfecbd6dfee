"""Places: other names of one place, the country a province or capital lies in, and the
words that make a place name less specific ("parts of", "the north of").

A derived text often names a place otherwise than its source: by its people's adjective
("Swiss" for "Switzerland", "Liberian-flagged", "a Chinese supplier"), by a native or
older name ("Schweiz", "Holland"), by its region ("European" bases "across Europe"). These
are the same place, kept. A city turned into its country ("a supplier in Shenzhen" → "a
Chinese supplier") is the place made less specific: one change, not a drop and an add.

The names come from the ``countryinfo`` package (country names, other spellings, native
names, the demonym, provinces and capitals, world regions; MIT, part of the ``facts``
extra): read once, lazily. Without it only the rules that need no data run (the part-of
phrases). The demonym's other forms are made by English word formation: "Danish" →
"Dane", "Spanish" → "Spaniard", "British" → "Briton", "Belgian" → "Belgians", a region in
"-a" or "-e" → "-an" ("Africa" → "African", "Europe" → "European").
"""

from __future__ import annotations

import ast
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from anyascii import anyascii

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse
from .items import Group, Item, Result, pair, shares
from .name_kinds import letters
from .vocab import DEMONYM_ENDINGS, SMALL_NUM

log = logging.getLogger(__name__)

_COUNTRY = "c:"
_REGION = "r:"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place names and what they name."""

    named: dict[str, frozenset[str]]
    """A name, other name or demonym form → the ids of the countries (``c:ES``) and world
    regions (``r:europe``) it names."""
    within: dict[str, frozenset[str]]
    """A province's or capital's name → the ids of the countries it lies in."""
    provinces: frozenset[str]
    """The names of provinces (states, regions: a country's first division)."""
    initials: dict[str, frozenset[str]] = field(default_factory=dict)
    """A country's name in capitals that are the initials of another of its names ("UK":
    "United Kingdom", "USA": "United States of America") → the ids of those countries.
    Other codes ("CH", "GBR") name no country in running text."""


def key(name: str) -> str:
    """A place name folded for look-up: letters only, no marks, in ASCII ("Wrocław" →
    "wroclaw")."""
    k = letters(name)
    return k if k.isascii() else anyascii(k).lower()


def _demonym_forms(d: str) -> Iterator[str]:
    """A demonym and the other words English forms from it for the same people."""
    yield d
    low = d.lower()
    if not low.endswith(("s", "sh", "ch", "ese")):
        yield d + "s"  # "Belgians"
    if low.endswith("ish") and len(d) > 5:
        stem = d[:-3]
        yield stem + "e"  # "Dane", "Pole", "Swede"
        yield d[:-2] + "ard"  # "Spaniard"
        yield stem + "on"  # "Briton"
        if len(stem) >= 4 and stem[-1] != stem[-2]:
            yield stem  # "Turk", "Brit" (not "Scott": a name)
    if low.endswith("er") and len(d) > 5:
        yield d[:-2] + "ic"  # "Icelander" → "Icelandic"


def _region_forms(name: str) -> Iterator[str]:
    """A world region's name, its halves ("Latin America and the Caribbean") and their
    adjectives ("African", "European", "Latin American")."""
    for part in regex.split(r"\s+and\s+(?:the\s+)?", name):
        part = part.strip()
        if not part:
            continue
        yield part
        if part.endswith("a"):
            yield part + "n"
        elif part.endswith("e"):
            yield part + "an"


def _names(data: dict[str, object]) -> Iterator[str]:
    """A country's names: its name, other spellings (codes left out), native names and
    translations, the name without a plural ending ("Philippine") or "Great"."""
    name = str(data.get("name") or "")
    yield name
    if name.endswith("s") and not name.endswith("ss"):
        yield name[:-1]
    alts = data.get("altSpellings") or []
    native = str(data.get("nativeName") or "").split("/")
    trans = data.get("translations") or {}
    others = [*(alts if isinstance(alts, list) else []), *native]
    if isinstance(trans, dict):
        others.extend(str(v) for v in trans.values())
    for alt in others:
        alt = str(alt)
        if any(c.islower() for c in alt):  # "CH", "CHE" are codes
            yield alt
            if alt.startswith("Great "):
                yield alt[6:]  # "Great Britain" → "Britain"


def _listed(value: object) -> list[str]:
    """A field that is a list, or a list written as a string."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return []
    return [str(v) for v in value] if isinstance(value, list) else []


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place names of ``countryinfo`` (empty when it is not installed), read once."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        log.debug("countryinfo not installed: places matched by their spelling only")
        return Gazetteer({}, {}, frozenset())
    named: dict[str, set[str]] = {}
    within: dict[str, set[str]] = {}
    initials: dict[str, set[str]] = {}
    provinces: set[str] = set()

    def add(table: dict[str, set[str]], names: Iterable[str], pid: str) -> None:
        for n in names:
            k = key(n)
            if len(k) >= 3:
                table.setdefault(k, set()).add(pid)

    for data in CountryInfo.all().values():
        iso = data.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        pid = _COUNTRY + str(code or data.get("name"))
        add(named, _names(data), pid)  # type: ignore[arg-type]
        for short in _initialisms(data):  # type: ignore[arg-type]
            initials.setdefault(short, set()).add(pid)
        demonym = data.get("demonym")
        if demonym:
            add(named, _demonym_forms(str(demonym)), pid)
        for level in ("region", "subregion", "intermediateregion"):
            region = str(data.get(level) or "")
            for form in _region_forms(region):
                add(named, [form], _REGION + key(region))
        capital = data.get("capital")
        listed = _listed(data.get("provinces"))
        provinces.update(key(p) for p in listed)
        add(within, [*listed, *([str(capital)] if capital else [])], pid)
    return Gazetteer(
        {k: frozenset(v) for k, v in named.items()},
        {k: frozenset(v) for k, v in within.items() if k not in named},
        frozenset(provinces),
        {k: frozenset(v) for k, v in initials.items()},
    )


_FUNCTION_WORDS = frozenset({"of", "the", "and"})


def _initialisms(data: dict[str, object]) -> Iterator[str]:
    """The other spellings of a country written in capitals that are the initials of its
    name of two words or more, or of another spelling opening with the name's first word
    ("UK", "UAE"; "USA": "United States of America"; not "FR" of "French Republic")."""
    name = str(data.get("name") or "")
    first = name.split()[0] if name.split() else ""
    names = [name, *(n for n in _names(data) if first and n.split()[0] == first)]
    heads = set()
    for n in names:
        words = [w for w in n.split() if w.lower() not in _FUNCTION_WORDS]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            heads.add("".join(w[0] for w in words))
    alts = data.get("altSpellings") or []
    for alt in alts if isinstance(alts, list) else []:
        alt = str(alt)
        if alt.isupper() and alt.isalpha() and alt in heads:
            yield alt


def place_ids(name: str) -> frozenset[str]:
    """The countries and regions a name, other name, demonym or initialism names ("Swiss"
    → the id of Switzerland, "U.S." → the United States'); empty for any other name."""
    g = gazetteer()
    caps = name.replace(".", "")
    if caps.isupper() and caps.isalpha() and caps in g.initials:
        return g.initials[caps]
    return g.named.get(key(name), frozenset())


def countries_of(name: str) -> frozenset[str]:
    """The countries a province or capital of this name lies in ("Porto" → Portugal)."""
    return gazetteer().within.get(key(name), frozenset())


def is_country(ids: frozenset[str]) -> bool:
    return any(i.startswith(_COUNTRY) for i in ids)


_INITIALS_RE = regex.compile(r"(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.){2,4}|\p{Lu}{2,4}(?![\p{L}\p{N}]))")
"""A country written by its initials ("U.S.", "UK"), inside a longer name too ("U.S.
Department of Energy")."""
_CAP_RUN_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}]+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}]+){0,2}")


@lru_cache(maxsize=64)
def mentioned(text: str) -> frozenset[str]:
    """The ids of the countries and regions a text names by any of their names (runs of
    up to three capitalised words and each word in them, and initials)."""
    named = gazetteer().named
    if not named:
        return frozenset()
    out: set[str] = set()
    for m in _CAP_RUN_RE.finditer(text):
        words = m.group().split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                out.update(place_ids(" ".join(words[i:j])))
    for m in _INITIALS_RE.finditer(text):
        out.update(place_ids(m.group()))
    return frozenset(out)


def _ids(g: Group) -> frozenset[str]:
    return frozenset() if g.first.fact.kind == "person" else place_ids(g.first.fact.text)


_GENERIC = {
    "country": regex.compile(r"(?i)\bthe country\b"),
    "province": regex.compile(r"(?i)\bthe (?:province|state|region|territory)\b"),
}


def _generic(f: Fact) -> regex.Pattern[str] | None:
    """How a text refers to this country or province without its name ("the country",
    "the province", "the state"), or None for another name."""
    if f.kind == "person":
        return None
    if is_country(place_ids(f.text)):
        return _GENERIC["country"]
    if key(f.text) in gazetteer().provinces:
        return _GENERIC["province"]
    return None


def drop_generic(res: Result, texts: tuple[str, str]) -> None:
    """Forget an added (dropped) country or province that the other text, and not its
    own, calls "the country" ("the province", "the state"): "in the province" →
    "across British Columbia" names the same place."""
    for facts, own, other in ((res.added, texts[1], texts[0]), (res.dropped, texts[0], texts[1])):
        keep = []
        for f in facts:
            pat = _generic(f) if f.kind in ("place", "entity") else None
            if pat is not None and pat.search(other) and not pat.search(own):
                continue
            keep.append(f)
        facts[:] = keep


def match_places(
    left_s: list[Group],
    left_d: list[Group],
    res: Result,
    texts: tuple[str, str],
    aligned: bool = False,
) -> tuple[list[Group], list[Group]]:
    """Pair the names left unmatched that name one place otherwise ("Swiss" /
    "Switzerland", "Europe" / "European": kept), forget those the other text names in
    another word ("Belgian Pieter Van Damme" / "Belgium's"), and pair a place with the country it lies in as a change of ``specificity``. Returns the
    groups left on each side."""
    if not (left_s or left_d) or not gazetteer().named:
        return left_s, left_d
    s_ids = [_ids(g) for g in left_s]
    d_ids = [_ids(g) for g in left_d]
    used_s: set[int] = set()
    used_d: set[int] = set()
    for j, gd in enumerate(left_d):
        if not d_ids[j]:
            continue
        for i, gs in enumerate(left_s):
            if s_ids[i] & d_ids[j]:
                sf, df = pair(gs, gd)
                note = f"another name of the same place ('{sf.text}' / '{df.text}')"
                res.kept.append(FactLink("place", sf, df, note, "other_name"))
                used_s.add(i)
                used_d.add(j)
    _specific(left_s, left_d, (s_ids, d_ids), (used_s, used_d), res, texts, aligned)
    in_d, in_s = mentioned(texts[1]), mentioned(texts[0])
    out_s = [g for i, g in enumerate(left_s) if i not in used_s and not s_ids[i] & in_d]
    out_d = [g for j, g in enumerate(left_d) if j not in used_d and not d_ids[j] & in_s]
    return out_s, out_d


def _specific(
    left_s: list[Group],
    left_d: list[Group],
    ids: tuple[list[frozenset[str]], list[frozenset[str]]],
    used: tuple[set[int], set[int]],
    res: Result,
    texts: tuple[str, str],
    aligned: bool,
) -> None:
    """A place on one side and, in the same passage on the other, the country it lies in:
    the place made less (or more) specific. A place of no known country (and, without
    ``aligned`` passages, any place) is paired only when it and the country are each the
    other's sole candidate."""
    cands: list[tuple[int, int, int, int]] = []
    weak: list[tuple[int, int]] = []
    per_s: Counter[int] = Counter()
    per_d: Counter[int] = Counter()
    for i, gs in enumerate(left_s):
        for j, gd in enumerate(left_d):
            if i in used[0] or j in used[1] or (aligned and not shares(gs, gd)):
                continue
            how = {
                _inside(gs, ids[0][i], ids[1][j], texts[0]),
                _inside(gd, ids[1][j], ids[0][i], texts[1]),
            } - {""}
            if not how:
                continue
            per_s[i] += 1
            per_d[j] += 1
            if "in" in how:
                cands.append((gs.first.fact.span[0], gd.first.fact.span[0], i, j))
            elif "unknown" in how and not (
                _nationality(gs, texts[0]) or _nationality(gd, texts[1])
            ):
                weak.append((i, j))
    cands.extend(
        (left_s[i].first.fact.span[0], left_d[j].first.fact.span[0], i, j)
        for i, j in weak
        if per_s[i] == 1 and per_d[j] == 1
    )
    if not aligned:
        cands = [c for c in cands if per_s[c[2]] == 1 and per_d[c[3]] == 1]
    for _a, _b, i, j in sorted(cands):
        if i in used[0] or j in used[1]:
            continue
        used[0].add(i)
        used[1].add(j)
        sf, df = pair(left_s[i], left_d[j])
        less = "less" if is_country(ids[1][j]) else "more"
        note = f"'{sf.text}' → '{df.text}': the place made {less} specific"
        res.changed.append(FactLink("place", sf, df, note, "specificity", "", True))


_STATED_RE = regex.compile(
    r"(?:,|[ \u00a0]in)[ \u00a0](\p{Lu}[\p{L}\p{M}]+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}]+)?)"
)


def _nationality(g: Group, text: str) -> bool:
    """Is the group's fact a nationality: a demonym before a common noun ("the Danish
    cellist")? It says who a person is, not where a thing lies, so a place of no known
    country is not paired with it as the same place made more specific."""
    f = g.first.fact
    after = text[f.span[1] : f.span[1] + 2].lstrip()
    return " " not in f.text and f.text.lower().endswith(DEMONYM_ENDINGS) and after[:1].islower()


def _stated(g: Group, text: str) -> frozenset[str]:
    """The countries a text says a place lies in, right after naming it ("Basel,
    Switzerland", "Kaziranga in Assam": India)."""
    out: set[str] = set()
    for it in g.items:
        m = _STATED_RE.match(text, it.fact.span[1])
        if m is not None:
            name = m.group(1)
            ids = place_ids(name)
            out.update(i for i in ids if i.startswith(_COUNTRY))
            out.update(countries_of(name))
    return frozenset(out)


def _inside(g: Group, own: frozenset[str], country: frozenset[str], text: str) -> str:
    """Where the group's place lies against the countries ``country`` names: ``"in"``
    (a province or capital of one, or said to lie in one), ``"out"`` (of another
    country), ``"unknown"`` (a place, by its cues, of no known country); ``""`` when the
    two are not a place and a country."""
    if own or not is_country(country) or g.first.fact.kind in ("person", "organisation"):
        return ""
    where = countries_of(g.first.fact.text) | _stated(g, text)
    if where:
        return "in" if where & country else "out"
    return "unknown" if g.first.fact.kind == "place" else ""


_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")


def put_for(sf: Fact, df: Fact, texts: tuple[str, str]) -> bool:
    """Is one place put for the other: two countries, or two provinces of one country,
    after the same word ("from Tarragona" → "from Barcelona")?"""
    return same_level(sf.text, df.text) and _word_before(sf, texts[0]) == _word_before(df, texts[1])


def _word_before(f: Fact, text: str) -> str:
    """The word right before a fact in its sentence, folded, or ""."""
    before = text[max(0, f.span[0] - 40) : f.span[0]]
    words = _WORD_RE.findall(fold(before))
    return words[-1] if words and before.rstrip()[-1:].isalnum() else ""


def same_level(a: str, b: str) -> bool:
    """Are two place names two countries, or two provinces of one country (one put for
    the other is a change of place, wherever it stands in its sentence)?"""
    ia, ib = place_ids(a), place_ids(b)
    if is_country(ia) and is_country(ib):
        return not ia & ib
    ca, cb = countries_of(a), countries_of(b)
    return bool(ca & cb) and not ia and not ib and key(a) != key(b)


# -- a place made less specific: "parts of X" → "X" -------------------------------------

_PART_OF_RE = regex.compile(
    r"(?i)\b((?:(?:the|much\s+of\s+the|most\s+of\s+the)\s+)?"
    r"(?:(?:north|south|east|west|central|inner|outer)(?:ern)?\s+)?"
    r"(?:parts?|much|most|outskirts|suburbs|rest"
    r"|north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"\s+of\s+(?:the\s+)?)$"
)


_COMPASS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ]
)


def part_of(text: str, f: Fact) -> str:
    """The words before a place that make it a part of it ("parts of", "the southern
    suburbs of"), folded, or ""."""
    m = _PART_OF_RE.search(text, max(0, f.span[0] - 60), f.span[0])
    if m is None:
        return ""
    before = text[max(0, m.start(1) - 30) : m.start(1)].split()
    if before and (before[-1][:1].isdigit() or before[-1].lower() in SMALL_NUM):
        return ""  # "two parts of", "310 areas of": a count, no part
    part = " ".join(m.group(1).lower().split())
    words = part.split()
    if len(words) == 2 and words[0] in _COMPASS:
        return ""  # "east of Málaga" lies outside Málaga: no part of it
    return part


def part_of_changes(
    res: Result, S: list[Group], D: list[Group], texts: tuple[str, str], aligned: bool
) -> None:
    """Turn kept places whose mentions in one passage differ in a part-of phrase ("parts
    of Cherry Creek" → "Cherry Creek", "the north of England" → "England") into changes
    of ``specificity``, each side written with its phrase."""
    by_src = {id(it.fact): g for g in S for it in g.items}
    by_der = {id(it.fact): g for g in D for it in g.items}
    kept: list[FactLink] = []
    for link in res.kept:
        gs, gd = by_src.get(id(link.source)), by_der.get(id(link.derived))
        found = None
        if gs is not None and gd is not None and "place" in (link.source.kind, link.derived.kind):
            found = _part_change(gs, gd, texts, aligned)
            if (
                found is None
                and _compass_part(link.source.text, link.derived.text)
                and (not aligned or shares(gs, gd))
            ):
                found = link.source, link.derived
        if found is None:
            kept.append(link)
            continue
        sf, df = found
        note = f"'{sf.text}' → '{df.text}': a part of the place made the whole or the reverse"
        res.changed.append(FactLink("place", sf, df, note, "specificity", "", True))
    res.kept[:] = kept


def _compass_part(a: str, b: str) -> bool:
    """Is one place name the other with a compass point before it ("South Ferriby" /
    "Ferriby", "West Lothian" / "Lothian"): the name of a part of it, or of a place beside
    it, put for the other?"""
    wa, wb = (fold(x).split() for x in (a, b))
    if len(wa) == len(wb):
        return False
    long, short = (wa, wb) if len(wa) > len(wb) else (wb, wa)
    return len(long) == len(short) + 1 and long[0] in _COMPASS and long[1:] == short


def _part_change(
    gs: Group, gd: Group, texts: tuple[str, str], aligned: bool
) -> tuple[Fact, Fact] | None:
    """Two mentions of one place (in one passage when ``aligned``) of which only one, or
    each another, is a part of it; the other side says no such part anywhere."""
    s_parts = [(it, part_of(texts[0], it.fact)) for it in gs.items]
    d_parts = [(it, part_of(texts[1], it.fact)) for it in gd.items]
    s_all = {p for _, p in s_parts}
    d_all = {p for _, p in d_parts}
    for si, sp in s_parts:
        for di, dp in d_parts:
            if sp == dp or (sp and sp in d_all) or (dp and dp in s_all):
                continue
            if aligned and not (si.pas & di.pas):
                continue
            if not aligned and (len(gs.items) > 1 or len(gd.items) > 1):
                continue
            return _with_part(texts[0], si, sp), _with_part(texts[1], di, dp)
    return None


def _with_part(text: str, it: Item, part: str) -> Fact:
    f = it.fact
    if not part:
        return f
    start = f.span[0]
    m = _PART_OF_RE.search(text, max(0, start - 60), start)
    s = m.start(1) if m is not None else start
    t = text[s : f.span[1]]
    return Fact(f.kind, t, (s, f.span[1]), f.doc, collapse(fold(t)))

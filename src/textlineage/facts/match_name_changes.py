"""Names that changed rather than matched: one token replaced, a surname respelled, a title
replaced, or a name the extraction cut short where the derived text goes on with another
token.

A person's surname that passes for a spelling variant of the other but differs by a letter
at its end or before its last, or by a consonant ("Hollmans" → "Hollman", "Carvossy" →
"Carvossey", "Lindholt" → "Lindholdt"; :func:`~.match_names.respelled`) is another name:
a ``surname`` change; so are one vowel put for another ("Quddas" → "Quddis") and a
double-barrelled surname written with one of its halves ("Brekke-Lund" → "Brekke"). A
doubled letter, a vowel put in, "y" for "i", marks or another alphabet's letters are one
name written two ways.

:mod:`.match_names` pairs names that are the same (by letters, by spelling variant, or one
being a part of the other). A name that differs from a source name in exactly one token
("Helen Marsh" → "Anna Marsh", "Leila Varga" → "Tomas Varga") is neither: it is a
change, labelled by the token's place (``first_name``, ``middle_name``, ``surname``, or
``name`` when the names are not persons'). Such a pair is made only inside one aligned
passage (or, without passages, when each side has no other candidate): two people of one
family named in different places of the texts are two facts. A person's name whose token
is respelled ("Holmqvist" / "Holmquist") is paired in passages apart too, when neither
side has another candidate. Organisations are paired in
passages apart too when each is the other's only candidate, compared in their short forms
("Wealdmoor Fire and Rescue Service" / "Brackwell Fire & Rescue": "and" and a closing
organisation word left out; :func:`org_forms`) when the names have three words or more.
A word changed before a role noun written into a person's name ("Area Manager Rohan
Kulkarni" → "Depot Manager Rohan Kulkarni") is a ``title`` change.

A partial match can hide a change: when the extraction stops at a word it does not take
for a name ("Helen" in "Dr. Helen March": "March" is a month), the derived text going on
with a capitalised word other than the source's next token completes the name, and the
pair is compared whole.

The same person given another role (:mod:`.roles`: "Senator John Smith" → "Governor John
Smith", "Regional president" → "Deputy regional president", "Sir" dropped) is a ``title``
change; honorifics (Mr, Mrs, Ms) say nothing checkable and are not compared, and a role
given on one side only is not a change (a text may name a person without saying again what
they are), nor is a role cut to its courtesy title ("Head of care Dr" / "Dr").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .claim_rules import verb_stem
from .forms import collapse
from .items import NAME_KINDS, Group, Item, Result, pair, shares
from .match_names import (
    contains,
    kept_as_part,
    marked_in,
    match_names,
    respelled,
    respelt,
    short_given,
    token_variant,
    unmatched_sources,
    within,
)
from .name_halves import surname_halves, surnames_alone, unpaired_halves
from .name_joins import name_toks as _toks
from .name_joins import one_fact
from .name_kinds import letters
from .org_names import body_by_its_noun, said, said_otherwise, short_form_kept
from .places import match_places, part_of_changes
from .roles import JOB_NOUNS, Role, after_names, role_of, title_word
from .title_employers import employer_only
from .vocab import ORG_WORDS, PARTICLES, POST_NOMINALS

_ROLE_WORD_RE = regex.compile(r"\p{L}+")

_NEXT_WORD_RE = regex.compile(r"[ \u00a0](\p{Lu}[\p{L}\p{M}'’]*)(?![\p{L}\p{M}\p{N}])(?![ ]?\p{N})")
_SPLIT_RE = regex.compile(r"[\s/\-]+")


def _letters(s: str) -> str:
    return "".join(c for c in fold(s) if c.isalnum())


def diff_names(
    S: list[Group],
    D: list[Group],
    res: Result,
    texts: tuple[str, str],
    titles: frozenset[str],
    aligned: bool = False,
) -> None:
    """The names of two texts in one language: matched (:func:`~.match_names.match_names`),
    then the names left that differ in one token paired as changes (``aligned``: passages
    were given, and such a pair must share one), then the titles of the names kept
    compared. The rest of the derived names are added, the rest of the source's dropped;
    a short form of a name reported changed is neither."""

    def on_partial(gs: Group, gd: Group) -> bool:
        if short_given(gs.first, gd.first):  # "Kathleen Marsh" → "Kath Marsh"
            sf, df = pair(gs, gd)
            res.changed.append(name_change(sf, df, 0, len(gd.first.toks)))
            return True
        return continued_change(texts[1], gs, gd, titles, res)

    used, unmatched = match_names(S, D, res, on_partial, texts)
    left_s = unmatched_sources(S, D, used)
    kept_as_part(S, D, used, left_s, res)
    left_s, unmatched = match_places(left_s, unmatched, res, texts, aligned)
    left_s = short_form_kept(left_s, texts[0], texts[1], S)
    unmatched = short_form_kept(unmatched, texts[1], texts[0], D)
    left_s, unmatched = pair_changed_names(left_s, unmatched, res, titles, aligned)
    if S:
        unmatched = marked_in(unmatched, texts[0], S[0].first.fact.doc, res)
    names = [(c.source, c.derived) for c in res.changed if c.kind in NAME_KINDS]
    # a nationality or a language alone is an adjective of another fact, none of its own
    if S:
        unmatched, left_s = unpaired_halves(unmatched, left_s, texts[0], S[0].first.fact.doc, res)
    added = covered([g for g in unmatched if not g.first.group], [_toks(d.text) for _, d in names])
    dropped = covered([g for g in left_s if not g.first.group], [_toks(s.text) for s, _ in names])
    res.added.extend(one_fact(one_person(new_names(added, texts[0])), texts[1]))
    res.dropped.extend(one_fact(one_person(new_names(dropped, texts[1], texts[0])), texts[0]))
    surname_halves(res, texts[0])
    respelt = surname_changes(res, titles)
    surnames_alone(res)
    title_changes(res, S, D, texts, titles, aligned)
    _titles_not_names(res)
    part_of_changes(res, S, D, texts, aligned)
    res.kept[:] = [k for k in res.kept if id(k) not in respelt]


def _titles_not_names(res: Result) -> None:
    """Leave out the names dropped or added that overlap a role of a ``title`` change
    ("Head of Fleet Safety" read as a name after "Ana Pereira"): the
    role's words are that change's."""
    titled = [c for c in res.changed if c.label == "title" and c.kind in NAME_KINDS]
    if not titled:
        return

    def inside(f: Fact, spans: list[tuple[int, int]]) -> bool:
        return f.kind in NAME_KINDS and any(f.span[0] < e and s < f.span[1] for s, e in spans)

    src, der = [c.source.span for c in titled], [c.derived.span for c in titled]
    res.dropped[:] = [f for f in res.dropped if not inside(f, src)]
    res.added[:] = [f for f in res.added if not inside(f, der)]


def surname_changes(res: Result, titles: frozenset[str]) -> set[int]:
    """Report the kept persons whose surname the derived text spells as another name
    (:func:`~.match_names.respelled`: "Hollmans" → "Hollman") as ``surname`` changes, each
    respelling once. The
    kept links stay in ``res.kept`` for :func:`title_changes` to compare their roles; the
    ids of those links are returned, for the caller to take them out afterwards."""
    out: set[int] = set()
    said: set[tuple[str, str]] = set()
    # "Vollan-Haave" → "Vollan", said once, by its fullest mention: "Marit Vollan" over
    # a headline's "Vollan"
    halves: dict[tuple[str, str], tuple[int, FactLink]] = {}
    for link in res.kept:
        s, d = link.source, link.derived
        if "person" not in (s.kind, d.kind) or s.value == d.value:
            continue  # (one name however written: "three Vermeers" is Vermeer's)
        a = tuple(map(letters, split_title(_toks(s.text), titles)))
        b = tuple(map(letters, split_title(_toks(d.text), titles)))
        if (half := _half_dropped(s.text, d.text, a, b)) is not None:
            out.add(id(link))
            if half not in halves or min(len(a), len(b)) > halves[half][0]:
                halves[half] = (min(len(a), len(b)), link)
            continue
        if len(a) != len(b) or a == b or not respelled(a[-1], b[-1]):
            continue
        if any(
            x != y and (not token_variant(x, y) or respelled(x, y))
            for x, y in zip(a[:-1], b[:-1], strict=True)
        ):
            continue
        out.add(id(link))
        if (a[-1], b[-1]) not in said:  # "Pia Hollmans" and "Hollmans": one change
            said.add((a[-1], b[-1]))
            res.changed.append(name_change(s, d, len(a) - 1, len(a)))
    for _, link in halves.values():
        s, d = link.source, link.derived
        note = f"surname '{_last_word(s.text)}' → '{_last_word(d.text)}'"
        res.changed.append(FactLink(d.kind, s, d, note, "surname", "", True))
    return out


_LAST_WORD_RE = regex.compile(r"(?r)[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*$")
"""A text's last word, hyphenated or not; read from the end (``(?r)``), so that a run of
thousands of hyphenated words ending in none is not read again from each of them."""


def _half_dropped(
    s_text: str, d_text: str, a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[str, str] | None:
    """A double-barrelled surname written with one of its halves only ("Sigrun Brekke-Lund"
    → "Sigrun Brekke", or back): the two surnames, else None. A hyphenated surname is one
    name, and half of it is another; two surnames written apart ("Rui Antunes Vaz" / "Rui
    Vaz") are a short form of one name."""
    if len(a) == len(b) or not a or not b:
        return None
    (long, lt), (short, _) = sorted(((a, s_text), (b, d_text)), key=lambda x: -len(x[0]))
    m = _LAST_WORD_RE.search(lt.rstrip(" .,"))
    alone = len(short) == 1  # the surname without the given names: "Dr Brekke"
    if m is None or (not alone and (len(long) != len(short) + 1 or short[:-2] != long[:-3])):
        return None
    halves = tuple(letters(h) for h in m.group().split("-"))
    if len(halves) != 2 or halves != long[-2:] or short[-1] not in halves:
        return None
    if len(short) > 1 and short[-2] != long[-3]:
        return None  # the names before the surname are the same
    return "-".join(halves), short[-1]


def _last_word(text: str) -> str:
    m = _LAST_WORD_RE.search(text.rstrip(" .,"))
    return m.group() if m else text


def new_names(groups: list[Group], other: str, own: str = "") -> list[Group]:
    """The names of one text (``own``) left unmatched that the ``other`` text does not
    state too: a name whose words the other text holds (inside a longer name: "Commons" of
    "House of Commons"; or, for a name seen only as one word opening a sentence, in lower
    case: "Route 86" / "route 86"), or, given ``own`` (the source's side), a body the
    other text calls by its noun (:func:`~.org_names.body_by_its_noun`), is no new fact. (A
    derived text naming the body the source calls "the board" says which: new.)"""
    out = []
    for g in groups:
        it = g.first
        if (
            said(it.fact.text, other, ignore_case=it.weak)
            or said_otherwise(it.fact, other)
            or (own and body_by_its_noun(it.fact, own, other))
            or (it.weak and _verb_form_said(it.fact.text, other))
        ):
            continue
        out.append(g)
    return out


_ING_RE = regex.compile(r"\p{Lu}\p{Ll}{2,}ing")


def _verb_form_said(word: str, other: str) -> bool:
    """Is a capitalised "-ing" word that only ever opens a sentence ("Adding new alarms to
    the cranes") a verb the ``other`` text uses in another form ("has added")?"""
    if not _ING_RE.fullmatch(word):
        return False
    stem = verb_stem(word.lower())
    return any(
        verb_stem(m.group()) == stem
        for m in regex.finditer(rf"(?<![\p{{L}}]){regex.escape(stem[:3])}\p{{Ll}}*", other)
    )


def one_person(groups: list[Group]) -> list[Group]:
    """``groups`` without a person's name that is part of another person's name among
    them ("Bakare" beside "Olu Bakare"): one person dropped (or added) is one fact,
    however often the text names them."""
    people = [g.first for g in groups if g.first.fact.kind == "person" and len(g.first.toks) > 1]
    return [
        g
        for g in groups
        if g.first.fact.kind != "person"
        or not any(p is not g.first and within(p, g.first) for p in people)
    ]


def split_title(toks: tuple[str, ...], titles: frozenset[str]) -> tuple[str, ...]:
    """The name tokens without the title tokens opening them ("dr", "helen", "marsh" →
    "helen", "marsh") or the post-nominal letters closing them ("helen", "marsh", "mp"),
    for an extractor that keeps titles inside names."""
    i = 0
    while i < len(toks) - 1 and toks[i] in titles:
        i += 1
    j = len(toks)
    while j - 1 > i + 1 and toks[j - 1] in POST_NOMINALS:
        j -= 1
    return toks[i:j]


def one_token_change(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """The position of the one token two names of two or more tokens differ in (others
    equal or spelling variants; an initial stands for any word it opens), or None."""
    if len(a) != len(b) or len(a) < 2:
        return None
    diff = None
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or token_variant(x, y):
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        if diff is not None or x in PARTICLES or y in PARTICLES:
            return None
        diff = i
    return diff


def change_label(s: Fact, d: Fact, at: int, n: int) -> str:
    """What a one-token change is: a person's first, middle or last name, or a name's."""
    if "person" not in (s.kind, d.kind):
        return "name"
    if at == n - 1:
        return "surname"
    return "first_name" if at == 0 else "middle_name"


_LABEL_WORDS = {
    "surname": "surname",
    "first_name": "first name",
    "middle_name": "middle name",
    "name": "one word of the name",
}


def name_change(s: Fact, d: Fact, at: int, n: int) -> FactLink:
    """The changed link of two names differing in token ``at`` of ``n``; the note names
    the two words ("surname 'Marsh' → 'March'")."""
    label = change_label(s, d, at, n)
    words = [_word_at(f.text, at, n) for f in (s, d)]
    if all(words):
        note = f"{_LABEL_WORDS[label]} '{words[0]}' → '{words[1]}'"
    else:
        note = f"{_LABEL_WORDS[label]} changed ('{s.text}' → '{d.text}')"
    return FactLink(d.kind, s, d, note, label, "", True)


def _word_at(text: str, at: int, n: int) -> str:
    """Word ``at`` of the last ``n`` words of a name's text (a title may open it), or ""."""
    words = [w for w in _SPLIT_RE.split(text) if _letters(w)]
    return words[len(words) - n + at] if len(words) >= n else ""


def continued_change(text: str, gs: Group, gd: Group, titles: frozenset[str], res: Result) -> bool:
    """Is the derived name of a partial match, read on in ``text``, the source name with
    one token changed? If so the change goes to ``res``."""
    st = split_title(gs.first.toks, titles)
    for it in gd.items:
        found = continued_name(text, it, gs.first, titles)
        if found is None:
            continue
        fact, toks = found
        at = one_token_change(st, toks)
        if at is None:
            continue
        res.changed.append(name_change(gs.first.fact, fact, at, len(toks)))
        return True
    return False


def continued_name(
    text: str, d: Item, s: Item, titles: frozenset[str]
) -> tuple[Fact, tuple[str, ...]] | None:
    """``d`` completed by the capitalised word right after it, when ``d`` opens the source
    name ``s`` and that word takes the place of the source's next token: the extraction
    stopped at a word it did not take for a name. None otherwise."""
    st = split_title(s.toks, titles)
    n = len(d.toks)
    if n + 1 != len(st) or st[:n] != d.toks:
        return None
    m = _NEXT_WORD_RE.match(text, d.fact.span[1])
    if m is None:
        return None
    word = _letters(m.group(1))
    if not word or word == st[n] or word in PARTICLES or word in titles:
        return None
    start, end = d.fact.span[0], m.end(1)
    t = text[start:end]
    return Fact(d.fact.kind, t, (start, end), d.fact.doc, collapse(fold(t))), (*d.toks, word)


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or "entity" in (a, b)


def pair_changed_names(
    left_s: list[Group],
    left_d: list[Group],
    res: Result,
    titles: frozenset[str],
    aligned: bool,
) -> tuple[list[Group], list[Group]]:
    """Pair the source and derived names left unmatched that differ in one token, as
    changes; returns the groups still left on each side. With ``aligned`` passages a pair
    must share one; without, each of the two must have no other candidate."""
    cands: list[tuple[bool, int, int, int, int, int]] = []
    d_toks = [split_title(g.first.toks, titles) for g in left_d]
    s_toks = [split_title(g.first.toks, titles) for g in left_s]
    short: set[tuple[int, int]] = set()  # pairs compared in their short forms
    s_key: dict[tuple[int, int], tuple[str, ...]] = {}
    for j, gd in enumerate(left_d):
        if len(d_toks[j]) < 2:
            continue
        for i, gs in enumerate(left_s):
            kinds = (gs.first.fact.kind, gd.first.fact.kind)
            if not _kinds_agree(*kinds):
                continue
            a, b = s_toks[i], d_toks[j]
            if "person" not in kinds and min(len(a), len(b)) >= 3:
                a, b = org_forms(a, b)  # two words alike at least besides the one changed
            at = one_token_change(a, b)
            if at is None:
                continue
            near = shares(gs, gd)
            if aligned and not near and "organisation" not in kinds and not respelt(a[at], b[at]):
                continue
            if (a, b) != (s_toks[i], d_toks[j]):
                short.add((i, j))
            s_key[i, j] = a
            cands.append((not near, gs.first.fact.span[0], gd.first.fact.span[0], i, j, at))
    cands = _fullest(cands, s_key, left_s)
    per_s = Counter(c[3] for c in cands)
    per_d = Counter(c[4] for c in cands)
    # an organisation's name with another word in the same place ("Wealdmoor Police" →
    # "Fenland Police"), in passages apart, when neither has another candidate
    cands = [c for c in cands if (aligned and not c[0]) or (per_s[c[3]] == 1 == per_d[c[4]])]
    used_s: set[int] = set()
    used_d: set[int] = set()
    for _far, _ss, _ds, i, j, at in sorted(cands):
        if i in used_s or j in used_d:
            continue
        used_s.add(i)
        used_d.add(j)
        sf, df = pair(left_s[i], left_d[j])
        if (i, j) in short:
            note = f"one word of the name changed ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink(df.kind, sf, df, note, "name", "", True))
            continue
        if _role_word_changed(d_toks[j], at, titles):
            note = f"title changed ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink("person", sf, df, note, "title", "", True))
            continue
        res.changed.append(name_change(sf, df, at, len(d_toks[j])))
    return (
        [g for i, g in enumerate(left_s) if i not in used_s],
        [g for j, g in enumerate(left_d) if j not in used_d],
    )


def org_forms(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two names' tokens as an organisation's short forms compare them: "and" left out
    (it is "&" in the other writing) and, when one name is the other's length and one
    more, its closing organisation word ("... Rescue Service" / "... Rescue")."""
    a = tuple(t for t in a if t != "and")
    b = tuple(t for t in b if t != "and")
    if len(a) == len(b) + 1 and a[-1] in ORG_WORDS:
        a = a[:-1]
    elif len(b) == len(a) + 1 and b[-1] in ORG_WORDS:
        b = b[:-1]
    return a, b


def _fullest(
    cands: list[tuple[bool, int, int, int, int, int]],
    s_key: dict[tuple[int, int], tuple[str, ...]],
    left_s: list[Group],
) -> list[tuple[bool, int, int, int, int, int]]:
    """The candidates with, of the source names one derived name could be paired with
    that are one name written two ways (alike in their short forms: :func:`org_forms`),
    the one written most fully: one candidate, not two."""
    best: dict[tuple[int, tuple[str, ...]], tuple[bool, int, int, int, int, int]] = {}
    for c in cands:
        k = (c[4], s_key[c[3], c[4]])
        old = best.get(k)
        if old is None or (c[0], -len(left_s[c[3]].first.fact.text)) < (
            old[0],
            -len(left_s[old[3]].first.fact.text),
        ):
            best[k] = c
    return [c for c in cands if best[(c[4], s_key[c[3], c[4]])] is c]


def _role_word_changed(toks: tuple[str, ...], at: int, titles: frozenset[str]) -> bool:
    """Is token ``at`` of a name a modifier of a role noun written into the name before a
    person's first and last names ("Area" of "Area Manager Rohan Kulkarni")?"""
    return any(t in titles or t in JOB_NOUNS for t in toks[at + 1 : -2])


def covered(groups: Iterable[Group], changed: list[tuple[str, ...]]) -> list[Group]:
    """The groups that are not a part of a name reported changed ("Marsh" after "Helen
    Marsh" → "Helen March": the same person, reported once)."""
    return [
        g
        for g in groups
        if not any(contains(c, g.first.toks) or _short_form(c, g.first.toks) for c in changed)
    ]


def _short_form(name: tuple[str, ...], toks: tuple[str, ...]) -> bool:
    """Is ``toks`` the organisation ``name`` written with "&" or without its closing
    organisation word (:func:`org_forms`)?"""
    a, b = org_forms(name, toks)
    return len(b) >= 2 and a == b


def title_changes(
    res: Result,
    S: list[Group],
    D: list[Group],
    texts: tuple[str, str],
    titles: frozenset[str],
    aligned: bool = False,
) -> None:
    """Turn the kept persons (a person on one side at least) whose two sides give them different roles (:mod:`.roles`:
    "Chief executive" → "Chairwoman", "Regional president" → "Deputy regional
    president", "Sir" dropped before "former health secretary") into ``title`` changes,
    each side written with its role; with ``aligned`` passages, only names that share one.
    A role on one side only is no change: a text may name a person without saying again
    what they are."""
    by_src = {id(it.fact): g for g in S for it in g.items}
    by_der = {id(it.fact): g for g in D for it in g.items}
    names = tuple([it.fact.span for g in side for it in g.items] for side in (S, D))
    kept: list[FactLink] = []
    for link in res.kept:
        gs, gd = by_src.get(id(link.source)), by_der.get(id(link.derived))
        if gs is None or gd is None or "person" not in (link.source.kind, link.derived.kind):
            kept.append(link)
            continue
        rs, rd = _roles(gs, texts[0], titles, names[0]), _roles(gd, texts[1], titles, names[1])
        same = bool(rs and rd) and (_same_title(rs, rd) or employer_only(rs, rd, texts))
        if not rs or not rd or same or (aligned and not shares(gs, gd)):
            kept.append(link)
            continue
        (s_role, s_it), (d_role, d_it) = rs[0], rd[0]
        sf, df = _titled(texts[0], s_role, s_it.fact), _titled(texts[1], d_role, d_it.fact)
        note = f"title '{s_role.text}' → '{d_role.text}'"
        res.changed.append(FactLink(link.kind, sf, df, note, "title", "", True))
    res.kept[:] = kept


def _roles(
    g: Group, text: str, titles: frozenset[str], names: list[tuple[int, int]]
) -> list[tuple[Role, Item]]:
    """The roles a group's mentions give (with their mention), first written first; a
    role is read from after the last other name inside it (:func:`~.roles.after_names`)."""
    out = []
    for it in g.items:
        r = role_of(text, it.fact.span, titles)
        if r is not None and (r := after_names(text, r, it.fact.span, names)) is not None:
            out.append((r, it))
    return sorted(out, key=lambda x: x[0].start)


def _same_title(rs: list[tuple[Role, Item]], rd: list[tuple[Role, Item]]) -> bool:
    """Do two texts give a person the same title? The same words, or words that differ
    only by a description set off by commas that the other text gives none of ("The
    trial's lead investigator, Professor Ann Roe" / "Professor Ann Roe")."""
    ws, wd = _words(rs), _words(rd)
    ws, wd = _spelled_out(ws, rd), _spelled_out(wd, rs)
    if ws == wd or _job_left_out(ws, wd) or _job_left_out(wd, ws):
        return True
    ls, ld = (frozenset(title_word(w) for r, _ in x for w in r.loose) for x in (rs, rd))
    optional = (ls if not ld else frozenset()) | (ld if not ls else frozenset())
    return bool(optional) and (ws ^ wd) <= optional


_COURTESY = frozenset({"doctor"})
"""A title that is a form of address more than a job: a text may keep it and leave the job
out."""


def _job_left_out(full: frozenset[str], short: frozenset[str]) -> bool:
    """Does ``short`` keep only a courtesy title of ``full`` ("Chief surgeon Dr" /
    "Dr"): the job left unsaid, as when one text gives no role at all?"""
    return bool(short) and short < full and short <= _COURTESY


def _spelled_out(words: frozenset[str], other: list[tuple[Role, Item]]) -> frozenset[str]:
    """``words`` with an acronym of a role written out as the words of the other text's
    role it abbreviates ("ceo" / "chief executive officer")."""
    out = set(words)
    for r, _ in other:
        ws = [title_word(fold(w)) for w in _ROLE_WORD_RE.findall(r.text)]
        ws = [w for w in ws if w not in ("of", "the", "and")]
        for k in range(len(ws) - 1):
            for j in range(k + 2, len(ws) + 1):
                initials = "".join(w[0] for w in ws[k:j])
                if initials in out and initials not in ws:
                    out.discard(initials)
                    out.update(ws[k:j])
    return frozenset(out)


def _words(roles: list[tuple[Role, Item]]) -> frozenset[str]:
    """The words of all the roles a person is given in one text, abbreviated titles
    written out."""
    return frozenset(title_word(w) for r, _ in roles for w in r.words)


def _titled(text: str, role: Role, f: Fact) -> Fact:
    """The fact ``f`` with its role (before or after it) in its text and span."""
    s, e = min(role.start, f.span[0]), max(role.end, f.span[1])
    t = text[s:e]
    return Fact(f.kind, t, (s, e), f.doc, collapse(fold(t)))

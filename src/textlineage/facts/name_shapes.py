"""Names written in a shape of their own: a surname in capitals before the given names,
a birth surname after "née", a surname made plural for the works or the family it names,
and capitals that make no name (a common word shouted, a place's noun after a bracket).

Lists of people (a declaration of election results, a court list, a register) write a
person surname first, in capitals, and the given names after a comma ("OKONJO, Grace
Adaeze (Liberal Party): 812"). The two runs are one person's name, not an organisation
(the capitals) and a person (the given names) each; the name is matched as it is said,
given names first ("Grace Adaeze Okonjo").

A birth surname after "née" ("Ada Brandt (née Kovac)") is a part of the person's name,
not a name of its own (a place, a person).

A surname made plural after a count ("three Vermeers", "a dozen early Hepworths") names
that person's works (or the family), not another person: the same name as the surname.

A word said twice in capitals ("WAH-WAH") or counted with "a" ("sent a HALLOO") is a
common word shouted, no organisation's initials; a place's noun right after a bracket
that names the place ("Kell (Anna Varga) Airport") has no name of its own; dictionary
words closing a longer name of the text ("Town Hall" of "Kelby Town Hall") are that name.

An organisation's name run on into a person's ("the head of the Harbour Board Ilse Varga")
is two names: the run is cut after the organisation's word when two or three plain
capitalised words follow it (:func:`split_body_person`).

Initials that a text defines for common words ("emergency department (ED)", "body mass
index (BMI)") abbreviate a common noun: no name wherever the text uses them
(:func:`common_acronyms`).

A question's mark at the start of a line ("Q. Can I ...") is no initial of a name
(:func:`qa_marker`).

A word of common use that opens many proper names ("New", "Old", "Great", "High")
opens the name when a capitalised word follows it inside the sentence ("in New Zealand",
"the High Court", "in Great Britain"); at a sentence's start, where any word is
capitalised, only when the two words name a known place (:func:`name_head`).

A currency is no name: a three-letter code against a figure ("NOK 4,500", "4,500 NOK") and
the nation's word before a currency's name ("4,500 Norwegian kroner") are the unit of an
amount, which the figures compare, not a body or a people.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from . import ner
from .display import field_start
from .name_kinds import PLACE_HEADS, Cand, Tok, is_org_word, letters
from .places import place_ids
from .vocab import NAME_HEADS, SMALL_NUM, STOP

_INVERTED_GAP_RE = regex.compile(r",[ \u00a0]")
_LINE_OPENER_RE = regex.compile(r"[ \t\u00a0]*(?:[-–—•*·]|\d{1,3}[.)])?[ \t\u00a0]*")
_AFTER_GIVEN_RE = regex.compile(r"[ \t\u00a0]*(?:[(:,–—\-|]|\r?\n|\Z)")
_CLAN_PREFIX_RE = regex.compile(r"(?:Mc|Mac|O['’]|D['’])(?=\p{Lu})")
_MAX_GIVEN = 3
"""Given names an inverted name has at most ("Susan Jane", "Mary Ann Louise")."""


def name_head(text: str, run: list[Tok], first: int, initial: bool) -> bool:
    """Does ``run[first]``, a word of common use, open a proper name with the capitalised
    word after it (see the module)?"""
    t = run[first]
    if t.allcaps or not t.cap or t.lower not in NAME_HEADS or first + 1 >= len(run):
        return False
    nxt = run[first + 1]
    if not nxt.cap or nxt.allcaps or text[t.end : nxt.start] != " ":
        return False
    return not initial or bool(place_ids(text[t.start : nxt.end]))


def closes_org(a: Cand, b: Cand) -> bool:
    """Does ``b`` close an organisation's name with its organisation word, ``a`` and the
    rest of ``b`` holding none ("... Fire" and "Rescue Service")?"""
    return (
        len(b.toks) >= 2
        and is_org_word(b.toks[-1])
        and not any(is_org_word(t) for t in (*a.toks, *b.toks[:-1]))
    )


def common_pair(a: Cand, b: Cand) -> bool:
    """Are ``a`` a proper name's word followed by dictionary words and ``b`` one dictionary
    word ("Wealdmoor Fire" and "Rescue"): two common nouns joined inside one name? (Never
    without the model's dictionary.)"""
    if len(a.toks) < 2 or len(b.toks) != 1 or not ner.enabled():
        return False
    return not ner.is_common_word(a.toks[0].core) and all(
        ner.is_common_word(t.core) for t in (*a.toks[1:], *b.toks)
    )


_QA_MARK_RE = regex.compile(r"[ \t\u00a0]*+Q\.[ \t\u00a0]++")


def qa_marker(text: str, run: list[Tok]) -> bool:
    """Does ``run`` open with a question's mark at the start of its line ("Q. Can I fly
    my drone here?"): no initial of a name, and the word after it opens a sentence?"""
    if len(run) < 2 or run[0].core != "Q":
        return False
    start = text.rfind("\n", 0, run[0].start) + 1
    return _QA_MARK_RE.fullmatch(text, start, run[1].start) is not None


def _shouted(tok: Tok) -> bool:
    """Is a token a surname written in capitals ("OKONJO", "McALLISTER", "O'BRIEN")?"""
    core = _CLAN_PREFIX_RE.sub("", tok.core, count=1)
    return sum(c.isalpha() for c in core) >= 2 and core.isupper()


def _given(c: Cand) -> bool:
    """Are a run's words given names: one to three, written in title case, no
    organisation's word among them?"""
    return 1 <= len(c.toks) <= _MAX_GIVEN and not any(
        t.allcaps or not t.core[:1].isupper() or is_org_word(t) for t in c.toks
    )


def _join_pairs(cands: list[Cand], joined: Callable[[Cand, Cand], Cand | None]) -> list[Cand]:
    """``cands`` with each neighbouring pair that ``joined`` makes one name replaced by
    that name (left to right, a name joined once)."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = joined(cands[i], cands[i + 1]) if i + 1 < len(cands) else None
        if c is not None:
            out.append(c)
            i += 2
        else:
            out.append(cands[i])
            i += 1
    return out


def join_inverted(text: str, cands: list[Cand]) -> list[Cand]:
    """Join a surname in capitals that opens a line (or a list item) and the given names
    after its comma into one person's name ("OKONJO, Grace Adaeze"), when nothing but a
    bracket, a colon, a comma or the line's end follows the given names; ``spoken`` holds
    the name in the order it is said ("Grace Adaeze Okonjo")."""

    def joined(a: Cand, b: Cand) -> Cand | None:
        if not (
            _INVERTED_GAP_RE.fullmatch(text, a.end, b.start) is not None
            and len(a.toks) <= 2
            and all(_shouted(t) for t in a.toks)
            and _given(b)
            and _LINE_OPENER_RE.fullmatch(text, field_start(text, a.start), a.start) is not None
            and _AFTER_GIVEN_RE.match(text, b.end) is not None
        ):
            return None
        surname = " ".join(t.core[:1] + t.core[1:].lower() for t in a.toks)
        c = Cand(a.start, b.end, [*a.toks, *b.toks], person=3)
        c.spoken = f"{text[b.start : b.end]} {surname}"
        return c

    return _join_pairs(cands, joined)


_COUNT_BEFORE_RE = regex.compile(
    r"(?i:(?<![\p{L}\p{N}])(?:\d+|"
    + "|".join(sorted(SMALL_NUM, key=len, reverse=True))
    + r"|twenty|thirty|dozen|dozens|several|many|few|both|other|more|some)"
    r"(?:[ \u00a0]+\p{Ll}+){0,2}[ \u00a0]+)$"
)
"""A count before a word, with up to two words between ("six", "a dozen smaller",
"several early")."""


def plural_surnames(text: str, cands: list[Cand]) -> None:
    """A one-word name that is a person's surname in the text with an "s" added, after a
    count ("two Vermeers" where the text names "Johannes Vermeer"), is that surname: its
    ``spoken`` form is the surname, its kind a person's."""
    surnames = {
        letters(c.toks[-1].core): c.toks[-1].core
        for c in cands
        if c.kind == "person" and len(c.toks) >= 2 and not c.spoken
    }
    if not surnames:
        return
    for c in cands:
        if len(c.toks) != 1 or c.toks[0].allcaps:
            continue
        key = letters(c.toks[0].core)
        if not key.endswith("s") or key[:-1] not in surnames:
            continue
        if _COUNT_BEFORE_RE.search(text, max(0, c.start - 40), c.start) is None:
            continue
        c.spoken = surnames[key[:-1]]
        c.kind = "person"


_NEE_GAP_RE = regex.compile(r"(?:[ \u00a0]*\(|,)[ \u00a0]*n[ée]e[ \u00a0]+")


def join_nee(text: str, cands: list[Cand]) -> list[Cand]:
    """Join a name and the birth surname after its "née" ("Ada Brandt (née Kovac)", "Ada
    Brandt, née Kovac") into one person's name, said as the name before it."""

    def joined(a: Cand, b: Cand) -> Cand | None:
        if (
            _NEE_GAP_RE.fullmatch(text, a.end, b.start) is None
            or len(b.toks) > 2
            or any(is_org_word(t) for t in (*a.toks, *b.toks))
        ):
            return None
        end = b.end + 1 if text.startswith(")", b.end) else b.end
        c = Cand(a.start, end, [*a.toks, *b.toks], person=3)
        c.spoken = a.spoken or text[a.start : a.end]
        return c

    return _join_pairs(cands, joined)


_ARTICLE_BEFORE_RE = regex.compile(r"(?<![\p{L}\p{N}])(?i:an?)[ \u00a0]+$")
_WORD_AFTER_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(\p{Ll}+)")


def shouted_word(text: str, c: Cand) -> bool:
    """Is a one-word run in capitals a common word shouted, no name: a word said twice
    ("WAH-WAH", a call or a sound, never initials), or the head of a noun phrase counted
    with "a" or "an" ("issued a MAYDAY", "saw a GP": a body's or a place's name takes no
    "a"; "a NATO summit" has its head after it)?"""
    if len(c.toks) != 1 or not c.toks[0].allcaps:
        return False
    head, sep, tail = c.toks[0].core.partition("-")
    if sep and head == tail:
        return True
    if _ARTICLE_BEFORE_RE.search(text, max(0, c.start - 6), c.start) is None:
        return False
    after = _WORD_AFTER_RE.match(text, c.end)
    return after is None or after[1] in STOP  # "a MAYDAY and ...", not "a NATO summit"


_TAIL_MIN, _TAIL_MAX = 2, 3


def _plain(t: Tok) -> bool:
    return (
        t.cap and not t.allcaps and not t.poss and not is_org_word(t) and t.lower not in PLACE_HEADS
    )


def split_body_person(text: str, cands: list[Cand]) -> list[Cand]:
    """Cut a run made of an organisation's name and a person's name after the
    organisation's word ("Harbour Board" + "Ilse Varga"); the words after it must be
    two or three plain capitalised words, each one space from the last."""
    out: list[Cand] = []
    for c in cands:
        toks = c.toks
        n = len(toks)
        at = next(
            (
                k
                for k in range(max(1, n - _TAIL_MAX - 1), n - _TAIL_MIN)
                if is_org_word(toks[k]) and all(_plain(t) for t in toks[k + 1 :])
            ),
            None,
        )
        if (
            at is None
            or n < 1 + _TAIL_MIN + 1
            or any(
                text[a.end : b.start] != " "
                for a, b in zip(toks[at:], toks[at + 1 :], strict=False)
            )
        ):
            out.append(c)
            continue
        head, tail = toks[: at + 1], toks[at + 1 :]
        out.append(Cand(head[0].start, head[-1].end, head, org=True, initial=c.initial))
        out.append(Cand(tail[0].start, tail[-1].end, tail, person=1))
    return out


_DEFINED_RE = regex.compile(r"((?:\p{Ll}[\p{Ll}-]*[ \u00a0]+){1,5})\((\p{Lu}{2,6})\)")


def common_acronyms(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` without the initials that ``text`` defines for lower-case words, the
    words' first letters spelling them ("heart rate variability (HRV)")."""
    defined = set()
    for m in _DEFINED_RE.finditer(text):
        words = regex.split(r"[ \u00a0-]+", m[1].strip())
        code = m[2]
        firsts = "".join(w[0] for w in words if w).upper()
        if firsts.endswith(code):
            defined.add(code)
    if not defined:
        return cands
    return [c for c in cands if not (len(c.toks) == 1 and c.toks[0].core in defined)]


CURRENCY_CODES = frozenset(
    [
        "AED",
        "ARS",
        "AUD",
        "BRL",
        "CAD",
        "CHF",
        "CLP",
        "CNY",
        "COP",
        "CZK",
        "DKK",
        "EGP",
        "EUR",
        "GBP",
        "HKD",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "JPY",
        "KES",
        "KRW",
        "MXN",
        "MYR",
        "NGN",
        "NOK",
        "NZD",
        "PHP",
        "PKR",
        "PLN",
        "RON",
        "RUB",
        "SAR",
        "SEK",
        "SGD",
        "THB",
        "TRY",
        "TWD",
        "UAH",
        "USD",
        "ZAR",
    ]
)
"""Codes (ISO 4217) of currencies widely written before or after an amount."""
CURRENCY_NOUNS = frozenset(
    [
        "franc",
        "francs",
        "dollar",
        "dollars",
        "pound",
        "pounds",
        "euro",
        "euros",
        "yen",
        "yuan",
        "renminbi",
        "rupee",
        "rupees",
        "peso",
        "pesos",
        "krona",
        "kronor",
        "krone",
        "kroner",
        "rand",
        "lira",
        "lire",
        "dinar",
        "dinars",
        "riyal",
        "riyals",
        "dirham",
        "dirhams",
        "shekel",
        "shekels",
        "zloty",
        "zlotys",
        "forint",
        "forints",
        "reais",
        "ruble",
        "rubles",
        "rouble",
        "roubles",
        "ringgit",
        "baht",
        "rupiah",
        "naira",
        "shilling",
        "shillings",
        "hryvnia",
        "leu",
        "lei",
    ]
)
"""The names of currencies, said after the nation's word ("Swiss francs")."""
_FIGURE_BEFORE_RE = regex.compile(r"\d[ \u00a0]?$")
_FIGURE_AFTER_RE = regex.compile(r"[ \u00a0]?\d")
_NOUN_AFTER_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(\p{Ll}+)\b")


def currency_word(text: str, c: Cand) -> bool:
    """Is a run a currency, no name: a code against a figure ("CHF 900", "900 CHF") or
    the nation's word before a currency's name ("Danish kroner")?"""
    if len(c.toks) == 1 and c.toks[0].core in CURRENCY_CODES:
        return (
            _FIGURE_AFTER_RE.match(text, c.end) is not None
            or _FIGURE_BEFORE_RE.search(text, max(0, c.start - 2), c.start) is not None
        )
    after = _NOUN_AFTER_RE.match(text, c.end)
    return after is not None and after[1] in CURRENCY_NOUNS and len(c.toks) <= 2


def closes_brackets(text: str, c: Cand) -> bool:
    """Is a one-word run a place's or an organisation's noun right after a bracket that
    names it otherwise ("Kell (Anna Varga) Airport": the airport is the place before the
    bracket, its noun no name of its own)?"""
    if len(c.toks) != 1 or c.toks[0].allcaps:
        return False
    t = c.toks[0]
    return (t.lower in PLACE_HEADS or is_org_word(t)) and text.endswith(") ", 0, c.start)


def common_tails(text: str, cands: list[Cand]) -> None:
    """A name of dictionary words only that closes a longer name of the text ("Town Hall"
    where the text names "Kelby Town Hall") is that name said short, as a text says "the
    Tribunal" for the tribunal it has named: its ``spoken`` form and its kind are the
    longer name's. (Never without the model's dictionary.)"""
    from . import ner

    if not ner.enabled():
        return
    longer: dict[tuple[str, ...], Cand] = {}
    for c in cands:
        if len(c.toks) >= 3 and not c.spoken:
            longer.setdefault(tuple(letters(t.core) for t in c.toks[-2:]), c)
    if not longer:
        return
    for c in cands:
        if len(c.toks) != 2 or c.spoken:
            continue
        whole = longer.get(tuple(letters(t.core) for t in c.toks))
        if whole is None or whole is c or len(whole.toks) > 3:
            continue
        if all(ner.is_common_word(t.core) for t in c.toks):
            c.spoken = text[whole.start : whole.end]
            c.kind = whole.kind


_REMIT_GAP_RE = regex.compile(r"[ \u00a0](?:of|for)(?:[ \u00a0]the)?[ \u00a0]")
MAX_REMIT_TAIL = 2
"""Words after "and" that may close a body's remit ("... and Social Care")."""


FOR_GAP_RE = regex.compile(r"[ \u00a0]for(?:[ \u00a0]the)?[ \u00a0]")
"""The "for" inside a body's name after its organisation word ("Department for
Transport", "Centre for the Study of ..."): the body's remit, part of its name."""


def remit_pair(text: str, a: Cand, b: Cand) -> bool:
    """Is ``b`` the second half of the remit of the body ``a`` names ("Department for
    Work" and "Pensions", "Department of Health" and "Social Care"): ``a`` an organisation
    word, then "of" or "for" and dictionary words, ``b`` a word or two of the dictionary
    and no organisation word (a body's remit lists the fields it covers; "Bank of England"
    and "Barclays" are two names)? Never without the model's dictionary."""
    if not ner.enabled() or not 1 <= len(b.toks) <= MAX_REMIT_TAIL:
        return False
    k = next(
        (
            i
            for i, t in enumerate(a.toks[:-1])
            if is_org_word(t)
            and _REMIT_GAP_RE.fullmatch(text[t.end : a.toks[i + 1].start]) is not None
        ),
        -1,
    )
    if k < 0:
        return False
    remit = (*a.toks[k + 1 :], *b.toks)
    return all(ner.is_common_word(t.core) and not is_org_word(t) for t in remit)


def ampersand(text: str, a: Cand, b: Cand) -> bool:
    """Are two names joined by "&" one name ("Fenwick & Daughters", "Soil & Water
    Letters")? Prose joins two names with "and"; "&" is a name's own."""
    return text[a.end : b.start] == " & "


def joined_by_and(text: str, a: Cand, b: Cand) -> bool:
    """Are two names joined by "and" (or "&") one name, by :func:`ampersand` or
    :func:`remit_pair`?"""
    return ampersand(text, a, b) or remit_pair(text, a, b)

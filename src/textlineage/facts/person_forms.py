"""One person named in two forms: with a rank or title on one side only, with middle names
on one side only, with the given name cut to its initial, or with one half of a
double-barrelled surname.

Name matching pairs names whose words agree, or one of which opens or closes the other. A
name that loses words at both ends and in its middle ("Wing Commander Ilse Maria
Brandt-Hollis" / "Ilse Brandt-Hollis"), or whose given name is written as an initial
("Konrad Pell" / "K. Pell"), is neither: it is left over as a name dropped beside a name
added (and a title of capitalised words can make the longer one read as an
organisation's). A fact-checker reads one person whose name is written another way:

- the surname (the last word that is not post-nominal letters: "KC", "MP") is the same on
  both sides, or one side writes one half of the other's hyphenated surname;
- the given name (the first word of the name on the side that writes fewer words before
  the surname, no title word) is written on the other side too, in full or as its
  initial; the words between it and the surname on one side are the other's, or some of
  them (middle names left out), in full or as initials ("Robert" / "R."), never another
  given name ("Dr Ilse Brandt" and "Dr Olaf Brandt" are two people);
- the dropped and the added name are each other's only such counterpart, and no name the
  source keeps is one too (two of a family named apart stay two facts).

The pair is a change of the person's name: ``surname`` when a surname half is left out,
``title`` when the words before the given name differ (a rank dropped), else
``spelling`` (an initial, a middle name left out). A name changed in both its title and
its surname at once ("Ilse Brandt-Hollis" / "DI Ilse Brandt") keeps too few words of the
other to be read as one person by its words alone.

A title change reported over a whole mention ("Board chair Ilse Brandt-Hollis" /
"chair Ilse Brandt") that ends, on both sides, in a ``surname`` change of the same
person's name is one fact, the person's name written otherwise: the title written into
the name is part of how the person is named, and the mention is reported once, as the
name's change (:func:`one_change_per_mention`). A job told after the name ("Ilse
Brandt-Hollis, the board's director of finance") says something of its own about the
person: its change stays a fact.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result
from .vocab import POST_NOMINALS, TITLES

_KINDS = frozenset({"person", "organisation", "entity"})
_WORD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.\-]*")
_INITIAL_RE = regex.compile(r"\p{Lu}\.?")
_MAX_WORDS = 8
"""Words of a name looked at, at most: a longer run is no person's name."""


def _words(text: str) -> list[str] | None:
    """The capitalised words of a name, post-nominal letters at its end left out; None
    when a word is not capitalised (a run of prose) or the name is too long."""
    words = text.split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return None
    if not all(_WORD_RE.fullmatch(w) for w in words):
        return None
    while len(words) > 2 and words[-1].lower().strip(".") in POST_NOMINALS:
        words.pop()
    return words


def _key(word: str) -> str:
    return word.lower().strip(".’'")


def _same_surname(a: str, b: str) -> str:
    """Return "same" when ``a`` and ``b`` are one surname, "half" when one is a half of the
    other's hyphenated surname, else ""."""
    ka, kb = _key(a), _key(b)
    if len(ka) < 2 or len(kb) < 2:
        return ""
    if ka == kb:
        return "same"
    if kb in ka.split("-") or ka in kb.split("-"):
        return "half"
    return ""


def _given_alike(a: str, b: str) -> bool:
    """One given name: the same word, or one side its initial."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb or ka in TITLES or kb in TITLES:
        return False
    if ka == kb:
        return len(ka) > 1 or a == b
    return _one_word(a, b)


def _one_word(a: str, b: str) -> bool:
    """One word of a name: the same, or one side its initial ("Robert" / "R.")."""
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    short, full = (a, b) if len(ka) < len(kb) else (b, a)
    return bool(_INITIAL_RE.fullmatch(short)) and _key(full)[:1] == _key(short)


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Are the words of ``short`` those of ``long``, some left out, in their order?"""
    it = iter(long)
    return all(any(_one_word(w, x) for x in it) for w in short)


def same_person(a: str, b: str) -> str:
    """The label of the change between two names of one person written in other forms
    (see the module's docstring), or "" when they are not one person's."""
    wa, wb = _words(a), _words(b)
    if wa is None or wb is None or a == b:
        return ""
    surname = _same_surname(wa[-1], wb[-1])
    if not surname:
        return ""
    pa, pb = wa[:-1], wb[:-1]
    for i, x in enumerate(pa):
        for j, y in enumerate(pb):
            if not _given_alike(x, y):
                continue
            ma, mb = pa[i + 1 :], pb[j + 1 :]
            if not (_subsequence(ma, mb) or _subsequence(mb, ma)):
                return ""
            titled = [_key(w) for w in pa[:i]] != [_key(w) for w in pb[:j]]
            if surname == "half":
                return "" if titled else "surname"
            if titled:
                return "title"
            if ma == mb and _key(x) == _key(y):
                return ""  # the same name: matching's business
            return "spelling"
    return ""


def fold_person_forms(res: Result) -> None:
    """Pair each added name with the dropped name that is the same person written in
    another form, as a change of the person's name (see the module's docstring)."""
    drops = [g for g in res.dropped if g.kind in _KINDS]
    adds = [f for f in res.added if f.kind in _KINDS]
    if not drops or not adds:
        return
    kept_src = [k.source.text for k in (*res.kept, *res.changed) if k.kind == "person"]
    kept_der = [k.derived.text for k in (*res.kept, *res.changed) if k.kind == "person"]
    pairs: dict[int, list[tuple[Fact, str]]] = {}
    back: dict[int, int] = {}
    for f in adds:
        for g in drops:
            if "person" not in (f.kind, g.kind):
                continue
            label = same_person(g.text, f.text)
            if label:
                pairs.setdefault(id(f), []).append((g, label))
                back[id(g)] = back.get(id(g), 0) + 1
    used: set[int] = set()
    done: set[int] = set()
    for f in adds:
        cands = pairs.get(id(f), [])
        if len(cands) != 1 or back[id(cands[0][0])] != 1:
            continue
        g, label = cands[0]
        if any(same_person(t, f.text) for t in kept_src) or any(
            same_person(g.text, t) for t in kept_der
        ):
            continue
        src = Fact("person", g.text, g.span, g.doc, g.value)
        der = Fact("person", f.text, f.span, f.doc, f.value)
        note = f"'{g.text}' written '{f.text}'"
        res.changed.append(FactLink("person", src, der, note, label, "", label == "surname"))
        used.add(id(g))
        done.add(id(f))
    if done:
        res.added[:] = [f for f in res.added if id(f) not in done]
        res.dropped[:] = [g for g in res.dropped if id(g) not in used]


def _closes(a: Fact, b: Fact) -> bool:
    """Does the name ``a`` close the mention ``b`` (a title written before it)?"""
    return a.doc == b.doc and b.span[0] <= a.span[0] and a.span[1] == b.span[1]


def one_change_per_mention(res: Result) -> None:
    """Drop a person's change whose two sides end, each, in the two sides of a
    ``surname`` change: one mention written otherwise, reported once."""
    names = [k for k in res.changed if k.kind == "person" and k.label == "surname"]
    if not names:
        return
    res.changed[:] = [
        k
        for k in res.changed
        if k.kind != "person"
        or k.label == "surname"
        or not any(
            n is not k and _closes(n.source, k.source) and _closes(n.derived, k.derived)
            for n in names
        )
    ]

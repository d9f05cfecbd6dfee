"""Long names of organisations and laws that the name extractor cuts into pieces, and an
organisation named the other way round in the other text.

The extractor joins capitalised words across "of" and "de" but not across "and", "for"
or "at", which also join two names ("Spain and Portugal"). A reported name is put back
together where the pieces can only be one name:

* an organisation's name (one holding an organisation word: "International Union",
  "Department of Information") going on after "for", "of", "on" or "and" with a
  capitalised name that is neither a person, a place, an acronym nor another
  organisation ("International Union for Conservation of Nature", "Department of
  Information and Communications Technology"), but not one closed by an organisation
  word of its own after "and" ("University of X and Y Agricultural College": two);
* the title of a law ("Health and Safety at Work etc. Act 1974"): a name ending in
  "Act", "Bill", "Treaty", "Convention", "Code" or "Directive", with the capitalised
  names before it joined by function words only, and the part of it cited before it
  ("Section 2(1) of the ...").

An organisation "X of Y" ("Central Bank of Iceland") is also written "Y's x" ("Iceland's
central bank"): the English genitive turned round (:func:`said_otherwise`).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..text.normalise import fold
from ..types import Fact
from .forms import collapse
from .items import Group
from .places import is_country, mentioned, place_ids
from .vocab import BODY_NOUNS, LEGAL_FORMS, ORG_WORDS

_ORG_GAPS = frozenset({" for ", " of ", " on ", " and ", " & "})
_LAW_WORDS = frozenset({"act", "bill", "treaty", "convention", "code", "directive"})
_LAW_GAP_RE = regex.compile(
    r"(?:[ \u00a0]+(?:and|&|at|of|the|for|on|in|to|etc\.?|(?:\(|\))))*[ \u00a0]+"
)
"""Function words (and "etc.") between the capitalised words of a law's title."""
_PART_GAP_RE = regex.compile(
    r"[ \u00a0]+[\dIVXivx]+[\p{L}\d().]*[ \u00a0]+of(?:[ \u00a0]+the)?[ \u00a0]+"
)
"""A number between the part of a law cited and the law ("Section 2(1) of the")."""
_YEAR_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++\d{4}\Z")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_OF_RE = regex.compile(
    r"(?:\G|(?<![^\n]))(?i:the[ \u00a0]+)?(.+?)(?:(?<![ \u00a0])|(?<=(?:^|\n|\G)[ \u00a0]))"
    r"[ \u00a0]++(?:of|in|at)[ \u00a0]+(.+)"
)


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD_RE.findall(text)]


def _has_org_word(f: Fact) -> bool:
    return any(w in ORG_WORDS for w in _words(f.text))


def _continues(prev: Fact, f: Fact, text: str) -> bool:
    """Does the organisation ``prev`` go on with ``f`` across the gap between them?"""
    if prev.kind != "organisation" or not _has_org_word(prev):
        return False
    gap = text[prev.span[1] : f.span[0]]
    if gap not in _ORG_GAPS:
        return False
    words = _words(f.text)
    if gap == " and " and len(words) >= 2 and words[-1] in ORG_WORDS:
        return False  # a second organisation named whole: "the X Institute and Y College"
    return (
        (f.kind in ("organisation", "entity") or (f.kind == "person" and _common_nouns(words)))
        and bool(words)
        and not f.text.isupper()
        and not any(w in ORG_WORDS for w in words[:1])
    )


_NOUN_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ics", "s")


def _common_nouns(words: list[str]) -> bool:
    """Are capitalised ``words`` that the name rules took for a person's name dictionary
    words, one with the ending of a plural or an abstract noun ("Coastal Planning",
    "Harbour Pilots")? People are seldom called that. (Never, without the model's
    dictionary.)"""
    from . import ner

    if not ner.enabled() or not words:
        return False
    return all(ner.is_common_word(w) for w in words) and any(
        w.endswith(_NOUN_ENDINGS) for w in words
    )


def _law_head(f: Fact) -> bool:
    words = _words(_YEAR_RE.sub("", f.text))
    return bool(words) and words[-1] in _LAW_WORDS


def _merge(a: Fact, b: Fact, text: str, kind: str) -> Fact:
    t = text[a.span[0] : b.span[1]]
    return Fact(kind, t, (a.span[0], b.span[1]), a.doc, collapse(fold(t)))


def join_pieces(facts: list[Fact], text: str) -> list[Fact]:
    """``facts`` (names of one text, in order) with the pieces of one organisation's or
    one law's name joined into one fact (see the module's rules)."""
    out: list[Fact] = []
    for f in facts:
        if out and _continues(out[-1], f, text):
            out[-1] = _merge(out[-1], f, text, out[-1].kind)
            continue
        if _law_head(f):
            first = len(out)
            while first > 0 and _LAW_GAP_RE.fullmatch(
                text,
                out[first - 1].span[1],
                (out[first].span[0] if first < len(out) else f.span[0]),
            ):
                first -= 1
            if first > 0 and _PART_GAP_RE.fullmatch(
                text, out[first - 1].span[1], out[first].span[0] if first < len(out) else f.span[0]
            ):
                first -= 1  # "Section 2(1) of the ...": the part of the law cited
            if first < len(out):
                f = _merge(out[first], f, text, "entity")
                del out[first:]
        out.append(f)
    return out


def said_otherwise(f: Fact, other: str) -> bool:
    """Does the ``other`` text name the organisation ``f`` "X of Y" as "Y's X" (any
    case: "Iceland's central bank" for "Central Bank of Iceland"), or "X in Y" / "X at
    Y" as "Y X" ("Invercargill District Court")? Or name ``f`` (of any kind) in capitals
    ("THE TIN ORCHARD"), one word of no known kind in lower case ("preorder" for
    "Preorders"), a company without its legal form ("Tarnwell" for "Tarnwell Ltd") or
    its trade's word ("Kestrel" for "Kestrel Airways"), a country's government by the country ("Portugal" for "Government of Portugal"), or
    with a word written short ("Labs" for "Laboratories")?"""
    if _said(f.text.upper(), other) and f.text != f.text.upper():
        return True
    if any(_said(v, other) for v in _abbreviated(f.text)):
        return True  # "Norbury Test Labs" for "Norbury Test Laboratories"
    if f.kind == "entity" and f.text[:1].isupper() and f.text[1:].islower():
        # one word of no known kind the other text writes in lower case, perhaps in the
        # singular ("Preorders open today" / "you can preorder now"): a common word
        low = f.text.lower()
        if _said(low, other) or (low.endswith("s") and _said(low[:-1], other)):
            return True
    if f.kind != "organisation":
        return False
    words = f.text.split()
    base = " ".join(words[:-1]).rstrip(",")
    if len(words) >= 2 and fold(words[-1].rstrip(".")) in LEGAL_FORMS and _said(base, other):
        return True
    if (
        len(words) >= 2
        and fold(words[-1]) in _BRAND_TAILS
        and len(base) >= 4
        and _said(base, other)
    ):
        return True  # a company by its brand alone: "Kestrel" for "Kestrel Airways"
    g = _GOVERNMENT_RE.fullmatch(f.text)
    if g is not None:
        ids = place_ids(g.group(1) or g.group(2))
        if is_country(ids) and ids & mentioned(other):
            return True
    m = _OF_RE.fullmatch(f.text)
    if m is None:
        return _turned(words, other)
    x, y = (regex.escape(g) for g in m.groups())
    y = _AFFAIRS_RE.sub("", y)  # "Ministry of Foreign Affairs": "the Foreign Ministry"
    pattern = rf"(?<![\p{{L}}\p{{N}}]){y}(?:['’]s)?(?:[ \u00a0]+Affairs)?[ \u00a0]+{x}(?![\p{{L}}\p{{N}}])"
    return regex.search(pattern, other, flags=regex.IGNORECASE) is not None


_AFFAIRS_RE = regex.compile(r"(?:\\?[ \u00a0])+Affairs$")


def _turned(words: list[str], other: str) -> bool:
    """Does ``other`` name the body "Y X" ("Foreign Ministry", "Health Department") as "X
    of Y" ("Ministry of Foreign Affairs", "Department of Health")?"""
    if len(words) < 2 or fold(words[-1]) not in ORG_WORDS:
        return False
    x, y = regex.escape(words[-1]), r"[ \u00a0]+".join(regex.escape(w) for w in words[:-1])
    pattern = (
        rf"(?<![\p{{L}}\p{{N}}]){x}[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?{y}"
        r"(?:[ \u00a0]+Affairs)?(?![\p{L}\p{N}])"
    )
    return regex.search(pattern, other) is not None


_THE_BEFORE_RE = regex.compile(r"(?<![\p{L}\p{N}])[Tt]he[ \u00a0]+$")


def body_by_its_noun(f: Fact, text: str, other: str) -> bool:
    """Is the organisation ``f`` of ``text`` a body named after "the" by dictionary words
    only, headed by a body's noun ("the City Council", "the Board of Directors", "the
    Pricing Committee"), that the ``other`` text calls by that noun in lower case ("the
    council", "a board member")? Such a name says what the body is, not which: the text
    names its owner elsewhere. (Never without the model's dictionary.)"""
    from . import ner

    if f.kind != "organisation" or not ner.enabled():
        return False
    if _THE_BEFORE_RE.search(text, max(0, f.span[0] - 5), f.span[0]) is None:
        return False
    words = [fold(x) for x in f.text.split()]
    ws = [w for w in words if w not in ("of", "the")]
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if len(ws) < 2 or head not in BODY_NOUNS:
        return False
    if not all(w.isalpha() and ner.is_common_word(w) for w in ws):
        return False
    return _said(head, other)


_WORD_SHORT_FORMS = {
    "laboratories": "labs",
    "laboratory": "lab",
    "international": "intl",
    "association": "assn",
    "department": "dept",
    "university": "univ",
    "national": "natl",
    "corporation": "corp",
    "brothers": "bros",
    "manufacturing": "mfg",
    "government": "govt",
    "institute": "inst",
}
"""Words of organisations' names written short ("Labs", "Intl", "Dept")."""
_WORD_LONG_FORMS = {v: k for k, v in _WORD_SHORT_FORMS.items()}


def _abbreviated(name: str) -> list[str]:
    """``name`` with one word written short or in full the other way ("Harbour Labs" /
    "Harbour Laboratories"), in the name's own capitals; none when no word has such a
    form."""
    words = name.split()
    out = []
    for i, w in enumerate(words):
        low = w.lower().rstrip(".")
        alt = _WORD_SHORT_FORMS.get(low) or _WORD_LONG_FORMS.get(low)
        if alt is None or len(words) < 2:
            continue
        alt = alt.upper() if w.isupper() else alt.capitalize() if w[:1].isupper() else alt
        out.append(" ".join([*words[:i], alt, *words[i + 1 :]]))
    return out


_BRAND_TAILS = frozenset(
    {"air", "airlines", "airways", "aviation", "group", "holdings", "motors", "industries"}
    | {"technologies", "systems", "labs", "pharmaceuticals", "energy", "media", "foods"}
)
"""Words after a company's brand that the company goes without ("Kestrel Airways" /
"Kestrel"); not a public body's ("Police", "Council"), named after its place."""
_GOVERNMENT_RE = regex.compile(
    r"(?i:(?:the[ \u00a0]+)?(?:government|authorities|administration)[ \u00a0]+of[ \u00a0]+"
    r"(?:the[ \u00a0]+)?)(.+)|(?:\G|(?<![^\n]))(.+?)(?:(?<![ \u00a0])|(?<=(?:^|\n|\G)[ \u00a0]))"
    r"[ \u00a0]++(?i:government|authorities|administration)"
)
"""A country's government by its name ("Government of Portugal", "Portuguese
Government"): the country acting, as a text says "Portugal has sent …"."""


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


def said(name: str, other: str, ignore_case: bool = False) -> bool:
    """Does ``other`` write ``name`` as a whole word (in any case with ``ignore_case``)?
    A plain search: a pattern compiled per name cost a long text read whole a second."""
    if ignore_case:
        return _said(name.lower(), _lowered(other))
    return _said(name, other)


def _said(name: str, other: str) -> bool:
    """Does ``other`` write ``name`` as it is (a whole word)?"""
    if not name:
        return False
    n = len(name)
    i = other.find(name)
    while i >= 0:
        before = other[i - 1] if i else " "
        after = other[i + n] if i + n < len(other) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = other.find(name, i + 1)
    return False


_ACRONYM_AFTER_RE = regex.compile(r"[ \u00a0]*\([ \u00a0]*(\p{Lu}{2,}[\p{Lu}\p{Ll}]*)[ \u00a0]*\)")


def acronym_after(g: Group, text: str) -> str:
    """The acronym given in brackets right after a mention of the name ``g`` ("UNICEF"
    of "United Nations Children's Fund (UNICEF)"); ``""`` when there is none."""
    for it in g.items:
        m = _ACRONYM_AFTER_RE.match(text, it.fact.span[1])
        if m is not None:
            return m.group(1)
    return ""


def short_form_kept(groups: list[Group], text: str, other: str, own: list[Group]) -> list[Group]:
    """``groups`` (names of ``text`` left unmatched) without those whose acronym, given
    in brackets after them, the ``other`` text writes as a word: it names the same
    organisation by its short form. An acronym that is one of the text's own names
    ``own`` is left to the leftover pairing, which keeps the two as an abbreviation."""
    out = []
    names = {g.first.letters for g in own}
    for g in groups:
        a = acronym_after(g, text)
        if a and fold(a) not in names and _said(a, other):
            continue
        out.append(g)
    return out

"""A passive statement of what was done to someone, said in one text and denied in the
other: "the tenants have been informed" / "the tenants have not been told". The claim
rules pair a negation with the words after it; here the subject comes before the
negation, and a rewrite often puts another verb of telling for the first ("informed",
"told", "notified"). So the passive clauses of both texts ("<noun> has/have/had/was/were
(not) been <participle>") are paired by their subject's noun, each written once so in
each text, and by their verb (the same stem, or two verbs of telling); a pair negated on
one side only is a claim ``reversed``.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink, Span
from .claim_rules import verb_stem
from .items import Result

_TELLING = frozenset(
    verb_stem(w)
    for w in [
        "told",
        "informed",
        "notified",
        "advised",
        "warned",
        "alerted",
        "briefed",
        "contacted",
        "consulted",
    ]
)
"""Verbs of telling someone something: one for another says the same."""

_PASSIVE_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(?<![\p{L}\p{M}]-)(\p{L}[\p{L}\p{M}\-]*)[ \t]+(?:has|have|had|was|were)"
    r"(n[’']t|[ \t]+not|[ \t]+never)?[ \t]+(?:(?:yet|also|already|now)[ \t]+)?been[ \t]+"
    r"(\p{Ll}+ed|told|sent|given|shown|taken|seen|paid|made)(?![\p{L}\p{M}])"
)
"""A passive clause. Its subject starts no match after a letter and a hyphen: the word
began before it and was tried whole (a run of thousands of hyphenated words, in an
untrusted document, would otherwise be read again from each of them)."""


def _clauses(text: str) -> dict[str, list[tuple[str, bool, Span]]]:
    """The passive clauses of ``text`` by their subject's stem: the verb's stem, whether
    the clause is negated, and its span."""
    out: dict[str, list[tuple[str, bool, Span]]] = {}
    for m in _PASSIVE_RE.finditer(text):
        noun = m.group(1)
        if not noun[:1].islower() and _char_before(text, m.start()) not in ("", *".!?\n"):
            continue  # a name: no subject read (a sentence's first word is read)
        out.setdefault(verb_stem(noun.lower()), []).append(
            (verb_stem(m.group(3)), bool(m.group(2)), m.span())
        )
    return out


def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is no space or tab ("" for none): read back
    from ``pos``, not by copying the text before it."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _same_verb(a: str, b: str) -> bool:
    return a == b or (a in _TELLING and b in _TELLING)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def reversed_notices(res: Result, texts: tuple[str, str], docs: tuple[int, int]) -> None:
    """Report each passive clause one text states and the other negates as ``reversed``
    (see the module's docstring); claims added or dropped over it go with the change."""
    src, der = _clauses(texts[0]), _clauses(texts[1])
    said = [(c.source.span, c.derived.span) for c in res.changed if c.kind == "claim"]
    for noun in sorted(src.keys() & der.keys()):
        if len(src[noun]) != 1 or len(der[noun]) != 1:
            continue
        (va, na, sa), (vb, nb, sb) = src[noun][0], der[noun][0]
        if na == nb or not _same_verb(va, vb):
            continue
        if any(_overlaps(sa, x) or _overlaps(sb, y) for x, y in said):
            continue
        s = Fact("claim", texts[0][sa[0] : sa[1]], sa, docs[0])
        d = Fact("claim", texts[1][sb[0] : sb[1]], sb, docs[1])
        note = f"negation {'dropped' if na else 'added'}"
        res.changed.append(FactLink("claim", s, d, note, "reversed"))
        res.added[:] = [f for f in res.added if f.kind != "claim" or not _overlaps(f.span, sb)]
        res.dropped[:] = [f for f in res.dropped if f.kind != "claim" or not _overlaps(f.span, sa)]

"""A job title said as the role someone takes ("since she became Director", "was elected
Chair", "joined as Treasurer") is no name.

A capitalised title after a verb of taking a role reads as a name of one word, and a text
that adds or drops the sentence seems to add or drop a name. It names no one: the person
is the sentence's subject, and the title is checked with them (:mod:`.roles`,
:mod:`.job_roles`). A one-word name that is a title or a job noun, right after such a verb
or "as" (perhaps with an article), is no fact added or dropped.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Result
from .roles import JOB_NOUNS
from .vocab import name_vocab

_NAME_KINDS = frozenset({"person", "organisation", "entity"})
_BEFORE_RE = regex.compile(
    r"(?i:\b(?:became|become|becomes|becoming|as|appointed|named|elected|made)"
    r"(?:[ \u00a0]+(?:a|an|the|our|its|their|his|her))?)[ \u00a0]+$"
)
"""A verb of taking a role, or "as", closing the text before the title."""
_REACH = 40


def _role(f: Fact, text: str, titles: frozenset[str]) -> bool:
    word = f.text.strip()
    if f.kind not in _NAME_KINDS or " " in word or not word[:1].isupper():
        return False
    low = word.lower()
    if low not in JOB_NOUNS and low not in titles:
        return False
    return _BEFORE_RE.search(text[max(0, f.span[0] - _REACH) : f.span[0]]) is not None


def drop_role_words(res: Result, texts: tuple[str, str], lang: str) -> None:
    """Forget each added or dropped one-word name of ``res`` that is a role taken, and
    each name that is a party's or an office's (:data:`_PARTIES`)."""
    titles = name_vocab(lang).titles
    res.added[:] = [f for f in res.added if not (_role(f, texts[1], titles) or _party(f))]
    res.dropped[:] = [f for f in res.dropped if not (_role(f, texts[0], titles) or _party(f))]


_PARTY_WORDS = """plaintiff plaintiffs defendant defendants respondent respondents claimant
claimants appellant appellants applicant applicants petitioner petitioners complainant
comparator editor-in-chief ambassador bishop archbishop directors"""
_PARTIES = frozenset(_PARTY_WORDS.split())
"""Words naming a party to a case, an arm of a trial or an office held ("Plaintiff",
"Defendants", "Comparator", "Editor-in-Chief", "Ambassador of the Republic of Norvalia",
"Bishop of Wrexford"): a capitalised role, not the name of anyone."""


def _party(f: Fact) -> bool:
    """Is the name ``f`` a party's or an office's: one of :data:`_PARTIES`, alone or before
    "of" ("Bishop of Wrexford")?"""
    words = f.text.split()
    if f.kind not in (*_NAME_KINDS, "place") or not words or words[0].lower() not in _PARTIES:
        return False
    return len(words) == 1 or words[1].lower() == "of"

"""A person's title with the initials of their employer written in front on one side only
("Commissioner Ann Roe" / "DMV Commissioner Ann Roe"): the same title. A reader told
once which body the person works for is told nothing new when the other text puts its
initials into the title, so long as that text names the body by those initials elsewhere
too; any other word that differs (a rank, another job) still makes a different title.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .items import Item
from .roles import Role

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*")
_INITIALS_RE = regex.compile(r"\p{Lu}{2,6}")
"""Initials of a body: two to six capital letters ("DMV", "NHS")."""


def _words(role: Role) -> list[str]:
    return _WORD_RE.findall(role.text)


def _named_elsewhere(initials: str, text: str, role: Role) -> bool:
    """Does ``text`` write ``initials`` as a word outside ``role``?"""
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(initials)}(?![\p{{L}}\p{{N}}])")
    return any(not role.start <= m.start() < role.end for m in pattern.finditer(text))


def _employer_only(longer: Role, shorter: Role, text: str) -> bool:
    """Is ``longer`` the title ``shorter`` with a body's initials in front, the body named
    elsewhere in ``text`` (the text of ``longer``)?"""
    a, b = _words(longer), _words(shorter)
    if (
        not b
        or len(a) <= len(b)
        or [w.casefold() for w in a[-len(b) :]] != [w.casefold() for w in b]
    ):
        return False
    extra = a[: len(a) - len(b)]
    return all(_INITIALS_RE.fullmatch(w) and _named_elsewhere(w, text, longer) for w in extra)


def employer_only(
    rs: Sequence[tuple[Role, Item]], rd: Sequence[tuple[Role, Item]], texts: tuple[str, str]
) -> bool:
    """Do the first roles two texts give a person differ only by a body's initials in
    front of one (see the module's docstring)?"""
    if not rs or not rd:
        return False
    s, d = rs[0][0], rd[0][0]
    return _employer_only(d, s, texts[1]) or _employer_only(s, d, texts[0])

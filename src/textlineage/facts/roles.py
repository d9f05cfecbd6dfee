"""The role a text gives a person: the words before a name that say what the person is
("Chief executive Anke Lorenz", "the former transport secretary Sir John Doe") or an
appositive after it ("Anke Lorenz, the chief executive, said").

A role ends in a role noun (a title such as "minister", "president", "Dr", "Sir", or a
job such as "executive", "MP"); the words before that noun are kept as its modifiers
("deputy regional president", "former health secretary") while they are words a noun
phrase may hold: never a function word, a verb of saying, a possessive or a word across
punctuation. Honorifics (Mr, Mrs, Ms) only say how a person is addressed and are no role.
:mod:`.match_name_changes` compares the roles of one person in two texts.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text.normalise import fold
from .vocab import STOP


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


HONORIFICS = _set(
    """mr mrs ms miss mx mister madam m mme monsieur madame herr frau señor señora sr sra
    don doña господин госпожа"""
)
"""Titles that only say how a person is addressed: never compared."""

JOB_NOUNS = _set(
    """executive ceo cfo coo cto mp mep mla msp coach manager officer head founder
    chairman chairwoman chair president vice minister secretary director governor"""
)
"""Nouns naming a job that a title list of names may lack ("chief executive", "MP")."""

_NOT_MODIFIERS = _set(
    """said says say told tells added adds according including includes included like
    named called dubbed whose"""
)
_PREV_WORD_RE = regex.compile(r"(\p{L}[\p{L}\p{M}\-]*)\.?[ \t\u00a0]+\Z")
_APPOSITIVE_OPEN_RE = regex.compile(r",[ \t\u00a0]+")
_WORD_RE = regex.compile(r"[\p{L}\p{M}\-]+|[^\s\p{L}\p{M}\-]")
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent")
_APPOSITIVE_END = _set("of at for in from and who which since with")
_ARTICLES = frozenset({"the", "a", "an"})
_MAX_MODIFIERS = 3
_MAX_WORDS = 6


@dataclass(frozen=True)
class Role:
    """A person's role in one mention: its words as written, where they stand (``start``,
    ``end``: the characters of the role before the name, or of the appositive) and the
    folded words compared (honorifics left out)."""

    text: str
    start: int
    end: int
    words: frozenset[str]


def _is_role_noun(word: str, titles: frozenset[str]) -> bool:
    return word in titles or word in JOB_NOUNS


def _modifier(word: str, raw: str) -> bool:
    """Can ``word`` modify a role noun ("deputy", "former", "health")? Not a function
    word, a verb of saying, a possessive or a participle."""
    return (
        word not in STOP
        and word not in _NOT_MODIFIERS
        and len(word) > 1
        and not raw.endswith(("'s", "’s"))
        and not word.endswith(("ed", "ing", "ly"))
    )


def role_before(text: str, start: int, titles: frozenset[str]) -> Role | None:
    """The role written right before the name at ``start`` on the same line, or None."""
    pos = start
    words: list[tuple[int, str]] = []  # (start, folded word), nearest the name first
    heads = modifiers = 0
    while len(words) < _MAX_WORDS:
        m = _PREV_WORD_RE.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        raw = m.group(1)
        w = fold(raw).replace("-", "")
        if _is_role_noun(w, titles):
            heads += 1
        elif heads and modifiers < _MAX_MODIFIERS and _modifier(w, raw):
            modifiers += 1
        else:
            break
        words.append((m.start(), w))
        pos = m.start()
    return _role(text, words, start)


def _role(text: str, words: list[tuple[int, str]], end: int) -> Role | None:
    informative = frozenset(w for _, w in words if w not in HONORIFICS)
    if not informative:
        return None
    at = words[-1][0]
    return Role(text[at:end].strip(), at, end, informative)


def role_after(text: str, end: int, titles: frozenset[str]) -> Role | None:
    """The role an appositive right after the name ending at ``end`` gives ("Anke
    Lorenz, the chief executive, said"; "…, chief executive of Brenner"; "…, a
    neuroscientist who …"), or None. Its last word is a role noun or an agent noun."""
    m = _APPOSITIVE_OPEN_RE.match(text, end)
    if m is None:
        return None
    words: list[tuple[int, int, str]] = []
    for w in _WORD_RE.finditer(text, m.end(), min(len(text), m.end() + 80)):
        f = fold(w.group()).replace("-", "")
        if not f.isalpha() or "\n" in text[words[-1][1] if words else m.end() : w.start()]:
            break  # punctuation (or a line break) ends the appositive
        if f in _APPOSITIVE_END:
            break
        words.append((w.start(), w.end(), f))
        if len(words) > _MAX_MODIFIERS + 2:
            return None
    if words and words[0][2] in _ARTICLES:
        words = words[1:]
    if not words or len(words) > _MAX_MODIFIERS + 1:
        return None
    last = words[-1][2]
    if not (_is_role_noun(last, titles) or last.endswith(_AGENT_ENDINGS)):
        return None
    if not all(_modifier(w, w) or _is_role_noun(w, titles) for _, _, w in words[:-1]):
        return None
    informative = frozenset(w for _, _, w in words if w not in HONORIFICS)
    if not informative:
        return None
    s, e = words[0][0], words[-1][1]
    return Role(text[s:e], s, e, informative)


def role_inside(text: str, span: tuple[int, int], titles: frozenset[str]) -> Role | None:
    """The titles an extractor kept at the start of the name at ``span`` ("Dr" of "Dr Omar
    Lind"), or None; the name's last word is never one."""
    words: list[tuple[int, int, str]] = []
    for m in _WORD_RE.finditer(text, span[0], span[1]):
        w = fold(m.group()).replace("-", "")
        if w == "." and words:
            continue
        if w not in titles:
            break
        words.append((m.start(), m.end(), w))
    else:
        words = words[:-1]
    informative = frozenset(w for _, _, w in words if w not in HONORIFICS)
    if not informative:
        return None
    return Role(text[words[0][0] : words[-1][1]], words[0][0], words[-1][1], informative)


def role_of(text: str, span: tuple[int, int], titles: frozenset[str]) -> Role | None:
    """The role of the name at ``span``: the words before it, with the titles opening it
    and an appositive after it joined in (their words and their reach)."""
    parts = [
        r
        for r in (
            role_before(text, span[0], titles),
            role_inside(text, span, titles),
            role_after(text, span[1], titles),
        )
        if r is not None
    ]
    if len(parts) < 2:
        return parts[0] if parts else None
    s, e = parts[0].start, parts[-1].end
    return Role(text[s:e], s, e, frozenset().union(*(r.words for r in parts)))

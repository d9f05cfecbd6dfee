"""The role a text gives a person: the words before a name that say what the person is
("Chief executive Anke Lorenz", "the former transport secretary Sir John Doe") or an
appositive after it ("Anke Lorenz, the chief executive, said").

A role ends in a role noun (a title such as "minister", "president", "Dr", "Sir", or a
job such as "executive", "MP"); the words before that noun are kept as its modifiers
("deputy regional president", "former health secretary") while they are words a noun
phrase may hold: never a function word, a verb of saying, a possessive or a word across
punctuation. Honorifics (Mr, Mrs, Ms) only say how a person is addressed and are no role.
Right before the name an agent noun of the dictionary is a role noun too ("head keeper",
"teacher"), a role may be set off by a comma ("the union's general secretary, Ola
Berg") or take an "of" complement ("head of reptiles Jonas Vik"); an appositive may open
with an owner ("the gallery's curator") and an age, and after an article any dictionary
noun heads it ("a 41-year-old nurse"). The lower-case words of a complement are compared
("director of programmes"), not the organisation's name ("chief executive of Brenner").
Words set off by commas are a description (:attr:`Role.loose`) that another text may
leave out. :mod:`.match_name_changes` compares the roles of one person in two texts.
"""

from __future__ import annotations

from collections.abc import Sequence
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

TITLE_ABBREVIATIONS = {
    "dr": "doctor",
    "prof": "professor",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "pres": "president",
    "rev": "reverend",
    "supt": "superintendent",
    "insp": "inspector",
    "cllr": "councillor",
    "cmdr": "commander",
    "adm": "admiral",
    "maj": "major",
    "cpl": "corporal",
    "det": "detective",
    "ven": "venerable",
    "engr": "engineer",
    "er": "engineer",
    "barr": "barrister",
}
"""Titles written short, and the word each stands for ("Dr." / "Doctor": one title)."""


def title_word(word: str) -> str:
    """A role's folded word with an abbreviated title written out ("dr" → "doctor")."""
    return TITLE_ABBREVIATIONS.get(word, word)


_NOT_MODIFIERS = _set(
    """said says say told tells added adds according including includes included like
    named called dubbed whose"""
)
_PREV_WORD_RE = regex.compile(r"(\p{L}[\p{L}\p{M}\-]*)\.?[ \t\u00a0]+\Z")
_LAST_WORD_RE = regex.compile(r"(\p{L}[\p{L}\p{M}\-]*)\Z")
_COMMA_BEFORE_RE = regex.compile(r",[ \t\u00a0]+\Z")
_OF_BEFORE_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(\p{L}+)[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?"
    r"((?:[\p{L}\p{M}\-]+[ \t\u00a0]+){1,3})\Z"
)
"""A role noun and an "of" complement of one to three words right before a name ("head of
hoofstock Callum Derry")."""
_APPOSITIVE_OPEN_RE = regex.compile(r",[ \t\u00a0]+")
_WORD_RE = regex.compile(r"[\p{L}\p{M}\-]+|[^\s\p{L}\p{M}\-]")
_APPOSITIVE_WORD_RE = regex.compile(
    r"(?<!\p{N})\p{N}++(?:-[\p{L}\p{N}]+)+|[\p{L}\p{M}\-]+(?:['’]s)?|[^\s\p{L}\p{M}\-]"
)
"""A word of an appositive: an age ("41-year-old"), a word with its possessive "'s"
("gallery's"), or a punctuation mark."""
_MAX_COMPLEMENT = 4
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
    loose: frozenset[str] = frozenset()
    """The words of the role set off by commas (an appositive, or a role before a comma):
    a description that another text may leave out without changing the person's title."""


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
        and not _verb_s(word)
    )


def _verb_s(word: str) -> bool:
    """Is ``word`` a verb's "-s" form, no noun of the dictionary ("succeeds", "joins")?"""
    from . import ner

    return (
        len(word) > 4
        and word.endswith("s")
        and not word.endswith("ss")
        and ner.enabled()
        and not ner.is_noun(word)
        and ner.is_common_word(word[:-1])
    )


def role_before(text: str, start: int, titles: frozenset[str]) -> Role | None:
    """The role written right before the name at ``start`` on the same line, or None: a
    role noun and its modifiers ("deputy regional president"), perhaps with an "of"
    complement ("head of hoofstock"), perhaps set off by a comma ("STAP's general
    secretary, Rui Fonseca"). Next to the name an agent noun of the dictionary is a role
    noun too ("head keeper", "teacher")."""
    pos = start
    comma = _COMMA_BEFORE_RE.search(text, max(0, pos - 3), pos)
    if comma is not None:
        pos = comma.start()
    words: list[tuple[int, str]] = []  # (start, folded word), nearest the name first
    extra: list[str] = []  # the lower-case words of an "of" complement
    of = _OF_BEFORE_RE.search(text, max(0, pos - 60), pos)
    if of is not None and _is_role_noun(fold(of.group(1)), titles):
        tail = _WORD_RE.findall(of.group(2))
        if all(_modifier(fold(w), w) for w in tail):
            # the complement's own words, and a title closing it ("head of care Dr")
            extra = [fold(w) for w in tail if w[:1].islower() or fold(w) in titles]
            pos = of.end(1)
    heads = modifiers = 0
    agent = False  # the head is an agent noun: no compound adjective modifies it
    while len(words) < _MAX_WORDS:
        # right before a comma or an "of", the word has no space after it
        word_re = _LAST_WORD_RE if pos != start and not words else _PREV_WORD_RE
        m = word_re.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        raw = m.group(1)
        w = fold(raw).replace("-", "")
        if text[m.end(1) : m.end(1) + 1] == "." and w not in titles:
            break  # a full stop ends the sentence before ("website. Spokesman ...")
        if _is_role_noun(w, titles):
            heads += 1
        elif not words and not extra and _is_agent_noun(w):
            heads, agent = heads + 1, True
        elif (
            heads
            and modifiers < _MAX_MODIFIERS
            and _modifier(w, raw)
            and not (agent and "-" in raw)  # "head keeper", not "little-known painter"
        ):
            modifiers += 1
        else:
            break
        words.append((m.start(), w))
        pos = m.start()
    if comma is not None and not heads:
        return None
    role = _role(text, words, start)
    if role is None:
        return role
    loose = role.words | frozenset(extra) if comma is not None else frozenset()
    return Role(role.text, role.start, role.end, role.words | frozenset(extra), loose)


def _is_agent_noun(word: str) -> bool:
    """Is ``word`` a dictionary noun for someone who does something ("keeper", "teacher",
    "curator", "scientist"), by its ending? Without the model's dictionary, never."""
    return len(word) >= 5 and word.endswith(_AGENT_ENDINGS) and _is_noun(word)


def _role(text: str, words: list[tuple[int, str]], end: int) -> Role | None:
    informative = frozenset(w for _, w in words if w not in HONORIFICS)
    if not informative:
        return None
    at = words[-1][0]
    return Role(text[at:end].strip().rstrip(",").rstrip(), at, end, informative)


def role_after(text: str, end: int, titles: frozenset[str]) -> Role | None:
    """The role an appositive right after the name ending at ``end`` gives ("Anke
    Lorenz, the chief executive, said"; "…, chief executive of Brenner"; "…, a
    neuroscientist who …"; "…, the gallery's senior curator of Flemish art, …"), or None.
    Its last word is a role noun or an agent noun, or, after an article or a possessor,
    any dictionary noun ("a 41-year-old nurse"). An owner ("the gallery's") and an age
    are not compared; of an "of" complement only the lower-case words are ("director of
    programmes"; not the organisation of "chief executive of Brenner")."""
    m = _APPOSITIVE_OPEN_RE.match(text, end)
    if m is None:
        return None
    words: list[tuple[int, int, str]] = []
    comp: list[tuple[int, int, str]] | None = None  # the "of" complement, once opened
    prev = m.end()
    for w in _APPOSITIVE_WORD_RE.finditer(text, m.end(), min(len(text), m.end() + 100)):
        raw = w.group()
        f = fold(raw).replace("-", "")
        if not any(c.isalpha() for c in f) or "\n" in text[prev : w.start()]:
            break  # punctuation (or a line break) ends the appositive
        if f == "of" and comp is None and words:
            comp = []
        elif f in _APPOSITIVE_END:
            break
        elif comp is not None:
            comp.append((w.start(), w.end(), raw))
        else:
            words.append((w.start(), w.end(), f))
            if len(words) > _MAX_MODIFIERS + 3:
                return None
        prev = w.end()
    if comp is not None and not 0 < len(comp) <= _MAX_COMPLEMENT:
        comp = None  # "of" ran on into the sentence: no complement of the role
    determined = bool(words) and words[0][2] in _ARTICLES
    if determined:
        words = words[1:]
    if words and words[0][2].endswith(("'s", "’s")):
        words, determined = words[1:], True  # the owner: "the gallery's"
    if not words or len(words) > _MAX_MODIFIERS + 1:
        return None
    last = words[-1][2]
    if not (
        _is_role_noun(last, titles)
        or last.endswith(_AGENT_ENDINGS)
        or (determined and _is_noun(last))
    ):
        return None
    if not all(_modifier(w, w) or _is_role_noun(w, titles) for _, _, w in words[:-1]):
        return None
    lower = [x for x in comp or () if x[2][:1].islower() and fold(x[2]) not in STOP]
    compared = [w for _, _, w in words if w not in HONORIFICS and w.isalpha()]
    compared += [fold(r) for _, _, r in lower]
    if not compared:
        return None
    s, e = words[0][0], (lower[-1][1] if lower else words[-1][1])
    return Role(text[s:e], s, e, frozenset(compared), frozenset(compared))


def _is_noun(word: str) -> bool:
    """Is ``word`` a noun of the model's dictionary (never, without the model)?"""
    from . import ner

    return word.isalpha() and word not in STOP and ner.enabled() and ner.is_noun(word)


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
    words = frozenset().union(*(r.words for r in parts))
    return Role(text[s:e], s, e, words, frozenset().union(*(r.loose for r in parts)))


def after_names(
    text: str, role: Role, name: tuple[int, int], names: Sequence[tuple[int, int]]
) -> Role | None:
    """``role`` of the name at ``name`` read from after the last other name written in
    it before the person's ("Nigerian striker", "STAP president": the nationality and the
    union are facts of their own, not words of the role); None when nothing is left."""
    cut = max(
        (e for s, e in names if role.start <= s and e <= name[0] and (s, e) != name), default=-1
    )
    if cut < 0:
        return role
    rest = {fold(w).replace("-", "") for w in _WORD_RE.findall(text, cut, role.end)}
    words = frozenset(w for w in role.words if w in rest)
    if not words:
        return None
    start = cut + len(text[cut : role.end]) - len(text[cut : role.end].lstrip())
    return Role(text[start : role.end], start, role.end, words, role.loose & words)

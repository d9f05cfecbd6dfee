"""Names: runs of capitalised words, and what kind of name each is.

Capitalised tokens outside the name mask are joined into runs (across spaces, name
particles such as "bin" or "de", and abbreviation dots after titles); sentence-initial
common words, titles and stop words are trimmed off. Each run is then a person, a place,
an organisation or another entity, by votes from the words around its occurrences
(organisation words, "in ...", "... said", lists of names), one kind per name in the
document.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text.normalise import fold
from ..types import Fact
from .forms import collapse
from .items import Item, overlaps
from .vocab import (
    DEMONYM_ENDINGS,
    ORG_WORDS,
    PARTICLES,
    PERSON_PREV,
    PLACE_ACRONYMS,
    PLACE_LIST_NOUNS,
    PLACE_OF,
    PLACE_PREV,
    SENTENCE_ABBREVS,
    WEAK_PLACE_PREV,
    WEEKDAYS,
    NameVocab,
    name_vocab,
)

# Context that makes a name a place or a person.
_PLACE_BEFORE_RE = regex.compile(
    r"(?i:\b(?:in|near|across|inside|outside|throughout|(?:city|town|province|capital|village"
    r"|region|county)\s+of|(?:cities|towns|provinces|countries|villages|places|regions)"
    r"\s+(?:such\s+as|like|of|including))\s+(?:the\s+)?)$"
)
_PLACE_AFTER_RE = regex.compile(
    r"^\s+(?i:province|city|county|district|region|state|village|town|governorate"
    r"|prefecture|municipality)\b"
)
_PERSON_AFTER_RE = regex.compile(
    r"^(?:\s*,\s*\(?\d{1,3}\)?\s*,)?\s+(?:said|says|told|wrote|added|stated|explained"
    r"|argued|noted|claimed|announced|tweeted|insisted|recalled|warned)\b"
)
_PLACE_NOUN_RE = regex.compile(
    r"(?i:\b(?:cities|city|towns|town|provinces|province|countries|country|villages"
    r"|regions|states|capitals|places|locations|areas|districts|neighbou?rhoods)\b)"
)
_ACRONYM_AFTER_RE = regex.compile(r"\s*\(\s*\p{Lu}{2,}(?:/\p{Lu}{2,})*\s*\)")

# Tokens, runs and lists.
_CAP_TOKEN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])"
    r"(?:\p{Lu}{2,}(?:/\p{Lu}{2,})+"
    r"|(?:[\p{Lu}\p{Lt}]|(?=[aeibAEIB])(?:al|el|ad|ar|as|at|an|ash|az|bin|ibn|abu)-(?=\p{Lu}))"
    r"[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)"
)
_LOWER_WORD_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])\p{Ll}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*"
)
_PARTICLE_GAP_RE = regex.compile(
    r"[ \u00a0](?:of[ \u00a0]the|of|al|el|bin|ibn|bint|de|da|di|do|dos|das|del|della|der|den"
    r"|van|von|le|la|du|zu|ul|ud)[ \u00a0]"
)
_BULLETS = frozenset("•·▪◦‣●○■□►➢-–—*+")
_LIST_GAP_RE = regex.compile(
    r"^[ \u00a0]*(?:[,;(][ \u00a0]*|\)[ \u00a0]*[,;]?[ \u00a0]*)*(?:(?:and|or|&)[ \u00a0]+)?(?:\([ \u00a0]*)?$"
)
_NAME_SPLIT_RE = regex.compile(r"[\s/\-]+")
_INNER_SPLIT_RE = regex.compile(r"[-'’]")
_APOS_RE = regex.compile(r"['’]")


@dataclass(slots=True)
class _Tok:
    """A capitalised token; ``core`` without a possessive "'s" (``poss``)."""

    start: int
    end: int
    core: str
    lower: str
    cap: bool
    allcaps: bool
    poss: bool


@dataclass(slots=True)
class _Cand:
    """A candidate name (a trimmed run) and the votes for its kind."""

    start: int
    end: int
    toks: list[_Tok]
    org: bool = False
    orgv: int = 0
    acronym: bool = False
    person: int = 0
    place: int = 0
    default_person: bool = False
    bullet: bool = False
    title: bool = False  # a title before a name ("Supreme Leader")
    kind: str = "entity"


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _base(word: str) -> str:
    """ "we've" -> "we"."""
    return _APOS_RE.split(word, maxsplit=1)[0]


@lru_cache(maxsize=100_000)
def _letters(s: str) -> str:
    return "".join(c for c in _strip_marks(fold(s)) if c.isalnum())


@lru_cache(maxsize=100_000)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in (_letters(p) for p in _NAME_SPLIT_RE.split(text)) if t)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch in "“«‘„":
            return True
        if ch == '"' and (i == 0 or text[i - 1].isspace()):
            return True
        if ch in " \t\u00a0\"'”»’([{•·▪◦‣●○■□►➢*-–—+":
            i -= 1
            continue
        break
    if i < 0:
        return True
    ch = text[i]
    if ch in "\n\r!?…":
        return True
    if ch == ".":
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = text[j + 1 : i]
        if len(word) == 1 and word.isupper():
            return False
        return word.lower() not in SENTENCE_ABBREVS
    return False


def _tokens(text: str, name_mask: bytearray, v: NameVocab) -> tuple[list[_Tok], set[str]]:
    """Capitalised tokens (name material) and the set of words seen in lower case."""
    lower_vocab = {w.lower() for w in _LOWER_WORD_RE.findall(text)}
    toks: list[_Tok] = []
    for m in _CAP_TOKEN_RE.finditer(text):
        raw = m.group()
        s, e = m.span()
        if overlaps(name_mask, s, e):
            continue
        core = raw
        poss = False
        if len(raw) > 2 and raw[-2] in "'’" and raw[-1] in "sS":
            core = raw[:-2]
            poss = True
        cap = True
        if "-" in core or "'" in core or "’" in core:
            parts = _INNER_SPLIT_RE.split(core)
            # "English-language", "President-elect": adjectives, not names
            if any(p[:1].islower() and len(p) >= 3 for p in parts[1:]):
                cap = False
        lower = core.lower()
        allcaps = core.isupper() and sum(c.isalpha() for c in core) >= 2
        if lower.rstrip(".") in v.months or lower in WEEKDAYS:
            cap = False  # month and weekday names break runs and are never names
        toks.append(_Tok(s, s + len(core), core, lower, cap, allcaps, poss))
    return toks, lower_vocab


def _joinable(text: str, a: _Tok, b_start: int, v: NameVocab) -> bool:
    """May the capitalised token ``a`` continue into the one at ``b_start``?"""
    if a.poss:
        return False
    gap = text[a.end : b_start]
    if gap in (" ", "\u00a0"):
        return True
    if gap in (". ", ".\u00a0"):
        return (
            a.lower in v.titles
            or a.lower in SENTENCE_ABBREVS
            or (len(a.core) == 1 and a.core.isupper())
        )
    return len(gap) <= 8 and _PARTICLE_GAP_RE.fullmatch(gap) is not None


def _is_org_word(tok: _Tok) -> bool:
    w = tok.lower.rstrip(".")
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)


def find_names(text: str, doc: int, name_mask: bytearray, lang: str = "und") -> list[Item]:
    """The names of ``text`` outside ``name_mask``, each with its kind. ``lang`` adds its
    function words, titles and month names to the English ones; a script without
    capitals (Persian, Arabic) has no names to find this way."""
    v = name_vocab(lang)
    toks, lower_vocab = _tokens(text, name_mask, v)
    if not toks:
        return []
    bullets = _bullet_spans(text)
    cands = _runs(text, toks, lower_vocab, bullets, v)
    cands = _classify(text, cands, lower_vocab, bullets, v)
    strong = {
        _letters(text[c.start : c.end])
        for c in cands
        if not c.title
        and (len(c.toks) > 1 or c.bullet or c.acronym or not _sentence_initial(text, c.start))
    }
    out = []
    for c in cands:
        t = text[c.start : c.end]
        value = collapse(fold(t))
        letters = _letters(t)
        if not letters:
            continue
        fact = Fact(c.kind, t, (c.start, c.end), doc, value)
        out.append(
            Item(
                fact,
                "name",
                (letters,),
                letters=letters,
                toks=_name_tokens(t),
                weak=letters not in strong,
            )
        )
    return out


def _bullet_spans(text: str) -> dict[int, tuple[int, int, int]]:
    """Bullet lines: content start -> (content end, line number, line start)."""
    out: dict[int, tuple[int, int, int]] = {}
    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        body = line.lstrip(" \t\u00a0")
        if len(body) < 3 or body[0] not in _BULLETS or body[1] not in " \t\u00a0":
            continue
        content = body[1:].strip(" \t\u00a0")
        content = content.rstrip(",;.").rstrip(" \t\u00a0")
        if not content:
            continue
        cs = start + line.index(content, len(line) - len(body) + 1)
        out[cs] = (cs + len(content), line_no, start)
    return out


def _prev_words(text: str, pos: int) -> list[str]:
    """Up to four lower-cased words right before ``pos`` on the same line."""
    chunk = text[max(0, pos - 40) : pos]
    if not chunk or not chunk[-1].isspace():
        return []
    nl = chunk.rfind("\n")
    if nl >= 0:
        chunk = chunk[nl + 1 :]
    words = chunk.lower().split()[-4:]
    if words and words[-1] == "the":
        words.pop()
    return words


def _place_cue(w: list[str]) -> bool:
    if not w:
        return False
    if w[-1] in PLACE_PREV:
        return True
    if len(w) >= 2 and w[-1] == "of" and w[-2] in PLACE_OF:
        return True
    if len(w) >= 2 and w[-1] in ("like", "including", "of") and w[-2] in PLACE_LIST_NOUNS:
        return True
    return len(w) >= 3 and w[-2:] == ["such", "as"] and w[-3] in PLACE_LIST_NOUNS


def _fails_initial(
    tok: _Tok,
    text: str,
    lower_vocab: set[str],
    cap_pos: dict[str, list[int]],
    v: NameVocab,
    alone: bool,
) -> bool:
    """Is a capitalised sentence opener a common word rather than a name? In another
    language than English, a word ``alone`` at the start of sentences only is taken for
    one: the English word endings below do not tell its verbs ("Murieron") apart."""
    base = _base(tok.lower)
    if base in v.stop:
        return True
    if tok.allcaps:
        return False
    # capitalised inside a sentence elsewhere: a name
    if any(p != tok.start and not _sentence_initial(text, p) for p in cap_pos[tok.lower][:20]):
        return False
    if v.strict and alone:
        return True
    if len(base) > 4 and base.endswith(("ly", "ing", "ed")):
        return True
    return tok.lower in lower_vocab


def _runs(
    text: str,
    toks: list[_Tok],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    v: NameVocab,
) -> list[_Cand]:
    n = len(toks)
    out: list[_Cand] = []
    cap_pos: dict[str, list[int]] = defaultdict(list)
    for t in toks:
        cap_pos[t.lower].append(t.start)
    i = 0
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        run = [toks[i]]
        j = i
        while j + 1 < n:
            cur, nxt = toks[j], toks[j + 1]
            if cur.poss:
                # "People's Mojahedin Organization": a possessive inside an organisation name
                ahead: list[_Tok] = []
                k = j + 1
                prev_end = cur.end + 2
                while k < n and toks[k].cap and text[prev_end : toks[k].start] in (" ", "\u00a0"):
                    ahead.append(toks[k])
                    if toks[k].poss:
                        break
                    prev_end = toks[k].end
                    k += 1
                if ahead and any(_is_org_word(t) for t in ahead):
                    cur.poss = False
                    run.extend(ahead)
                    j += len(ahead)
                    continue
                break
            if nxt.cap and _joinable(text, cur, nxt.start, v):
                run.append(nxt)
                j += 1
                continue
            break
        i = j + 1
        out.extend(_trim_run(text, run, lower_vocab, bullets, cap_pos, v))
    return out


def _trim_run(
    text: str,
    run: list[_Tok],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    cap_pos: dict[str, list[int]],
    v: NameVocab,
) -> list[_Cand]:
    bullet = bullets.get(run[0].start)
    is_bullet = bullet is not None
    initial = _sentence_initial(text, run[0].start)
    while run:
        t = run[0]
        base = _base(t.lower)
        if (base in v.stop and not t.allcaps) or not t.cap:
            run = run[1:]
            initial = False
            continue
        if (
            initial
            and not is_bullet
            and _fails_initial(t, text, lower_vocab, cap_pos, v, len(run) == 1)
        ):
            run = run[1:]
            initial = False
            continue
        break
    while run and not run[-1].cap:
        run = run[:-1]
    if (
        initial
        and len(run) > 1
        and not is_bullet
        and not run[0].allcaps
        and not _is_org_word(run[0])
        and run[0].lower.rstrip(".") not in v.titles
        and _PARTICLE_GAP_RE.fullmatch(text[run[0].end : run[1].start]) is not None
    ):
        run = run[1:]  # "Members of the X Union": a common noun opens the sentence
        initial = False
    if not run:
        return []
    if len(run) == 1:
        t = run[0]
        w = t.lower.rstrip(".")
        if w in v.titles or len(t.core) < 2:
            return []
        if initial and not t.allcaps and _is_org_word(t):
            return []  # "Police said ..." names no particular organisation
    # Title prefix: "Supreme Leader Ali Khamenei" -> person "Ali Khamenei".
    if not any(_is_org_word(t) for t in run):
        k = -1
        for idx, t in enumerate(run[:-1]):
            if t.lower.rstrip(".") in v.titles:
                k = idx
        if k >= 0 and _PARTICLE_GAP_RE.fullmatch(text[run[k].end : run[k + 1].start]) is None:
            out = []
            prefix, name = run[: k + 1], run[k + 1 :]
            if len(prefix) >= 2:
                out.append(_Cand(prefix[0].start, prefix[-1].end, prefix, title=True))
            c = _Cand(name[0].start, name[-1].end, name, person=2)
            out.append(c)
            return out
    c = _Cand(run[0].start, run[-1].end, run)
    if bullet is not None:
        # the whole bullet line (bar "The" or trailing punctuation) is this name
        c.bullet = text[run[-1].end : bullet[0]].strip(" .,;") == ""
        if c.bullet and c.start not in bullets:
            bullets[c.start] = bullet
    return [c]


def _classify(
    text: str,
    cands: list[_Cand],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    v: NameVocab,
) -> list[_Cand]:
    """Give every candidate a kind (one per name in the document); drop weak candidates."""
    for c in cands:
        if any(_is_org_word(t) for t in c.toks):
            c.org = True
        if len(c.toks) == 1 and c.toks[0].allcaps:
            c.acronym = True
        after = text[c.end : c.end + 40]
        if _ACRONYM_AFTER_RE.match(after):
            c.orgv += 2
        prev = _prev_words(text, c.start)
        if _place_cue(prev) or (len(c.toks) == 1 and prev and prev[-1] in WEAK_PLACE_PREV):
            c.place += 1
        if prev and prev[-1] in PERSON_PREV:
            c.person += 1
        if _PLACE_AFTER_RE.match(after):
            c.place += 2
        if _PERSON_AFTER_RE.match(after):
            c.person += 1
        words = [t for t in c.toks if t.lower not in PARTICLES]
        if 2 <= len(c.toks) <= 3 and not c.org and words:
            first = words[0].lower
            demonym = len(first) >= 6 and first.endswith(DEMONYM_ENDINGS)
            c.default_person = (
                len(words) >= 2
                and not demonym
                and not any(
                    t.allcaps or t.lower in lower_vocab or t.lower.rstrip(".") in v.titles
                    for t in words
                )
            )
    _list_cues(text, cands, bullets)

    # One kind per name in the document.
    votes: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        votes[_letters(text[c.start : c.end])].append(c)
    kinds: dict[str, str] = {}
    for key, cs in votes.items():
        person = sum(c.person for c in cs)
        place = sum(c.place for c in cs)
        orgv = sum(c.orgv for c in cs)
        if any(c.org for c in cs):
            kind = "organisation"
        elif any(c.acronym for c in cs):
            kind = "place" if key in PLACE_ACRONYMS else "organisation"
        elif orgv > max(person, place):
            kind = "organisation"
        elif person > place:
            kind = "person"
        elif place > 0:
            kind = "place"
        elif any(c.default_person for c in cs):
            kind = "person"
        else:
            kind = "entity"
        kinds[key] = kind
    # A single name equal to a part of a person's name is that person.
    person_parts: set[str] = set()
    for c in cands:
        if len(c.toks) >= 2 and kinds[_letters(text[c.start : c.end])] == "person":
            person_parts.add(_letters(c.toks[-1].core))
            person_parts.add(_letters(c.toks[0].core))
    out: list[_Cand] = []
    for key, cs in votes.items():
        kind = kinds[key]
        single = len(cs[0].toks) == 1
        if kind == "entity" and single and key in person_parts:
            kind = "person"
        # A lone capitalised common word ("the Presidential election"), not a name.
        if kind == "entity" and single and cs[0].toks[0].lower in lower_vocab:
            continue
        for c in cs:
            c.kind = kind
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _list_cues(text: str, cands: list[_Cand], bullets: dict[int, tuple[int, int, int]]) -> None:
    """Names listed together (comma lists, bullet lists) are mostly places."""
    chains: list[list[_Cand]] = []
    chain: list[_Cand] = []
    for c in cands:
        if chain:
            gap = text[chain[-1].end : c.start]
            if "\n" not in gap and gap.strip() and _LIST_GAP_RE.match(gap):
                chain.append(c)
                continue
            chains.append(chain)
        chain = [c]
    if chain:
        chains.append(chain)
    for ch in chains:
        if len(ch) < 3:
            continue
        before = text[max(0, ch[0].start - 60) : ch[0].start]
        for stop in ".!?\n":
            if stop in before:
                before = before[before.rfind(stop) + 1 :]
        _vote_list(ch, before)

    # Bullet lists: consecutive bullet lines holding just a name.
    bullet_cands = [c for c in cands if c.bullet]
    lines: dict[int, tuple[_Cand, int]] = {}
    for c in bullet_cands:
        _end, line_no, line_start = bullets[c.start]
        lines[line_no] = (c, line_start)
    groups: list[list[tuple[_Cand, int]]] = []
    for line_no in sorted(lines):
        if groups and line_no - 1 in lines and groups[-1][-1] is lines[line_no - 1]:
            groups[-1].append(lines[line_no])
        else:
            groups.append([lines[line_no]])
    for g in groups:
        if len(g) < 2:
            continue
        first_line_start = g[0][1]
        prev_nl = text.rfind("\n", 0, max(0, first_line_start - 1))
        context = text[max(0, prev_nl - 200) : first_line_start]
        _vote_list([c for c, _ in g], context)


def _vote_list(items: list[_Cand], context: str) -> None:
    cue = bool(_PLACE_NOUN_RE.search(context)) or bool(_PLACE_BEFORE_RE.search(context))
    plain = [c for c in items if not c.org and not c.acronym]
    singles = sum(1 for c in plain if len(c.toks) == 1)
    if cue or (plain and singles / len(items) >= 0.6):
        for c in plain:
            if c.person < 2:
                c.place += 2

"""What kind of name a name is: votes from the words around its occurrences, from the
lists it stands in, and from the named-entity model (:mod:`.ner`) where the words around
it do not tell.

The cues: organisation words inside the name, an acronym after it ("(PMOI)"), place words
before or after it ("in ...", "... province"), person cues ("... said", an age after it,
a title before it), lists of names (comma lists, bullet lists: mostly places). Each name
gets one kind per document. Names the cues leave unsettled (no cue at all, a weak one, a
word that only ever opens a sentence, an all-capitals word) are looked up in the model,
when it is installed: its kind joins the vote, and a weak candidate it finds no entity in
(a capitalised common word, a shouted headline word, a title) is no name.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from ..text.normalise import fold
from .vocab import (
    DEMONYM_ENDINGS,
    LANGUAGE_NAMES,
    NAME_HEADS,
    ORG_WORDS,
    PARTICLES,
    PERSON_PREV,
    PLACE_ACRONYMS,
    PLACE_LIST_NOUNS,
    PLACE_OF,
    PLACE_PREV,
    WEAK_PLACE_PREV,
    NameVocab,
)

MODEL_READS = 1
"""Occurrences of one name the model reads at most."""
MODEL_BUDGET = 20
"""Occurrences the model reads at most in one text (each costs it about ten words, some
2.5 ms); names past it keep the kind their cues give."""
MODEL_NAME_KINDS = frozenset({"person", "place", "organisation", "group", "language", "other"})
"""Model kinds that make a name (dates and quantities do not)."""

_PLACE_BEFORE_RE = regex.compile(
    r"(?i:\b(?:in|near|across|inside|outside|throughout|(?:city|town|province|capital|village"
    r"|region|county)\s+of|(?:cities|towns|provinces|countries|villages|places|regions)"
    r"\s+(?:such\s+as|like|of|including))\s+(?:the\s+)?)$"
)
_PLACE_AFTER_RE = regex.compile(
    r"^\s+(?i:province|city|county|district|region|state|village|town|governorate"
    r"|prefecture|municipality)\b"
)
PLACE_HEADS = frozenset(
    {"street", "road", "avenue", "square", "boulevard", "crescent", "terrace", "airport"}
    | {"station", "harbour", "harbor", "quay", "wharf", "motorway", "highway", "junction"}
)
"""Nouns that close a place's name ("Fenby Road", "Carrick Airport"), seldom a person's
(not "Lane", "Hill", "Park": surnames too)."""
_PLACE_OPENERS = frozenset(
    {"mount", "mt", "lake", "loch", "river", "cape", "gulf", "isle", "col", "glen", "strait"}
    | {"bay", "port", "fort", "mont", "monte", "lago", "rio", "sierra", "puerto", "ciudad"}
)
"""Nouns that open a place's name ("Lake Orrin", "Col de Vars", "Puerto Ayora")."""
_PLACE_COMPOUND_RE = regex.compile(r"^-(?:based|born|registered|flagged|headquartered)\b")
_PERSON_AFTER_RE = regex.compile(
    r"^(?:\s*,\s*\(?\d{1,3}\)?\s*,)?\s+(?:said|says|told|wrote|added|stated|explained"
    r"|argued|noted|claimed|announced|tweeted|insisted|recalled|warned)\b"
)
_PLACE_NOUN_RE = regex.compile(
    r"(?i:\b(?:cities|city|towns|town|provinces|province|countries|country|villages"
    r"|regions|states|capitals|places|locations|areas|districts|neighbou?rhoods)\b)"
)
_AGE_AFTER_RE = regex.compile(r"^(?:\s*+(?:,\s*+)?\(\s*+\d{1,3}\s*+\)|\s*+,\s*+\d{1,3}\s*+,)")
"""An age after a name ("Ferrand, 61,", "Hollman (29)"): a person."""
_AND_GAP_RE = regex.compile(r"(?:,|\G|(?<![ \u00a0]))[ \u00a0]++(?:and|or)[ \u00a0]+")
_ACRONYM_AFTER_RE = regex.compile(r"\s*\(\s*\p{Lu}{2,}(?:/\p{Lu}{2,})*\s*\)")
_LIST_GAP_RE = regex.compile(
    r"^[ \u00a0]*(?:[,;(][ \u00a0]*|\)[ \u00a0]*[,;]?[ \u00a0]*)*(?:(?:and|or|&)[ \u00a0]+)?(?:\([ \u00a0]*)?$"
)


@dataclass(slots=True)
class Tok:
    """A capitalised token; ``core`` without a possessive "'s" (``poss``)."""

    start: int
    end: int
    core: str
    lower: str
    cap: bool
    allcaps: bool
    poss: bool


@dataclass(slots=True)
class Cand:
    """A candidate name (a trimmed run) and the votes for its kind."""

    start: int
    end: int
    toks: list[Tok]
    org: bool = False
    orgv: int = 0
    acronym: bool = False
    person: int = 0
    place: int = 0
    default_person: bool = False
    bullet: bool = False
    title: bool = False  # a title, not a name ("Supreme Leader", "Judiciary Chief")
    initial: bool = False  # opens a sentence
    display: bool = False  # in a headline, a heading or a label (:mod:`.display`)
    heading: bool = False  # a line's one word, or a label's before its colon
    affiliation: bool = False  # after a person's "of": no person's name
    kind: str = "entity"
    group: bool = False  # a nationality or a language of no other kind (the model's word)
    spoken: str = ""  # the name as said, where written otherwise (:mod:`.name_shapes`)


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def letters(s: str) -> str:
    return "".join(c for c in _strip_marks(fold(s)) if c.isalnum())


def is_org_word(tok: Tok) -> bool:
    w = tok.lower.rstrip(".")
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)


_HONORIFICS = frozenset(
    ("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "shri", "smt", "hon")
)
"""Titles before a surname written in capitals ("Mr SMITH" in a transcript)."""


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


def classify(
    text: str,
    cands: list[Cand],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    v: NameVocab,
    use_model: bool = False,
) -> list[Cand]:
    """Give every candidate a kind (one per name in the document); drop weak candidates.
    ``use_model``: ask the named-entity model (:mod:`.ner`) about the names the cues leave
    unsettled."""
    for c in cands:
        _cues(text, c, lower_vocab, v)
    _list_cues(text, cands, bullets)

    # One kind per name in the document.
    votes: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        votes[letters(text[c.start : c.end])].append(c)
    said = _model_votes(text, votes) if use_model else {}
    parts = {letters(t.core) for c in cands if len(c.toks) >= 2 for t in (c.toks[0], c.toks[-1])}
    kinds: dict[str, str] = {}
    ruled: set[str] = set()  # names whose kind the cues tell without the model
    for key, cs in votes.items():
        kind = _tally(key, cs, None)
        if not kind:
            continue  # a title
        single = len(cs[0].toks) == 1 and key not in parts
        if single and kind == "entity" and cs[0].toks[0].lower in lower_vocab:
            continue  # a lone capitalised common word ("the Presidential election")
        acronym = any(c.acronym for c in cs)
        if use_model and single and not acronym and _never_a_name(cs):
            continue  # "Organisers said", "Huge fire destroys ..."
        if (
            single
            and (kind == "entity" or acronym)
            and key in said
            and _common_opener(cs, said[key])
        ):
            continue  # a common word where any word is capitalised ("Nobody", "EXPOSED")
        if _display_words(cs, said.get(key), v):
            continue  # "Battery Plant", "YOU HELP" in a headline; "Verdict" as a heading
        if _written_lower(text, cs, lower_vocab):
            continue  # "Chronic Migraine" in a headline, "chronic migraine" in the story
        if key in said and not acronym:
            kind = _tally(key, cs, said[key], _words_in_dictionary(cs[0]))
        kinds[key] = kind
        if kind != "entity" and kind == _tally(key, cs, None):
            ruled.add(key)
    _coordinated(text, cands, kinds)
    _compass_parts(votes, kinds)
    # A single name equal to a part of a person's name is that person.
    person_parts: set[str] = set()
    for c in cands:
        if len(c.toks) >= 2 and kinds.get(letters(text[c.start : c.end])) == "person":
            person_parts.add(letters(c.toks[-1].core))
            person_parts.add(letters(c.toks[0].core))
    out: list[Cand] = []
    for key, cs in votes.items():
        if key not in kinds:
            continue
        kind = kinds[key]
        if key not in ruled and len(cs[0].toks) == 1 and key in person_parts:
            kind = "person"
        group = kind == "entity" and said.get(key) in ("group", "language")
        for c in cs:
            c.kind = kind
            c.group = group
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _cues(text: str, c: Cand, lower_vocab: set[str], v: NameVocab) -> None:
    """The votes of the words in and around one occurrence."""
    if any(is_org_word(t) for t in c.toks):
        c.org = True
    prev = _prev_words(text, c.start)
    if len(c.toks) == 1 and c.toks[0].allcaps:
        if prev and prev[-1].rstrip(".") in _HONORIFICS:
            c.person += 2  # "Mr DAVENPORT-KYLE": a transcript's or a list's surname
        else:
            c.acronym = True
    after = text[c.end : c.end + 40]
    if _ACRONYM_AFTER_RE.match(after):
        c.orgv += 2
    language = len(c.toks) == 1 and c.toks[0].lower in LANGUAGE_NAMES
    weak_cue = len(c.toks) == 1 and prev and prev[-1] in WEAK_PLACE_PREV and not c.display
    if not language and (_place_cue(prev) or weak_cue):
        c.place += 1
    if prev and prev[-1] in PERSON_PREV:
        c.person += 1
    if _PLACE_AFTER_RE.match(after) or _PLACE_COMPOUND_RE.match(after):
        c.place += 2
    if (
        len(c.toks) >= 2
        and not c.org
        and (c.toks[-1].lower in PLACE_HEADS or c.toks[0].lower in _PLACE_OPENERS)
    ):
        c.place += 1  # "Fenby Road", "Carrick Airport", "Lake Orrin": a place's name
    if _PERSON_AFTER_RE.match(after):
        c.person += 1
    if _AGE_AFTER_RE.match(after):
        c.person += 2
    words = [t for t in c.toks if t.lower not in PARTICLES]
    if 2 <= len(c.toks) <= 3 and not c.org and not c.affiliation and words:
        first = words[0].lower
        demonym = len(first) >= 6 and first.endswith(DEMONYM_ENDINGS)
        c.default_person = (
            len(words) >= 2
            and not demonym
            and first not in NAME_HEADS  # "Old Trafford", "Great Depression": no given name
            and not any(
                t.allcaps or t.lower in lower_vocab or t.lower.rstrip(".") in v.titles
                for t in words
            )
        )


def _settled(c: Cand) -> bool:
    """Do the words around this occurrence tell its kind on their own?"""
    return c.org or c.bullet or bool(c.person or c.place or c.orgv)


def _weak(c: Cand) -> bool:
    """An occurrence that may well be no name: one word opening a sentence, one word in
    capitals, or a title."""
    if c.title or c.display:
        return True
    return len(c.toks) == 1 and not c.bullet and (c.initial or c.toks[0].allcaps)


def _never_a_name(cs: list[Cand]) -> bool:
    """Is a one-word name seen only where any word is capitalised the plural of a
    dictionary word ("Organisers said") or a word that is never a noun ("Huge fire ...")?
    Neither is a name, whatever the words around it say."""
    from . import ner

    if not all(_weak(c) for c in cs):
        return False
    word = cs[0].toks[0].core
    return ner.is_common_plural(word) or ner.is_never_a_noun(word)


def _common_opener(cs: list[Cand], model: str) -> bool:
    """Is a one-word name with no cue, seen only where any word is capitalised (opening a
    sentence, in capitals), a common word? Yes when the model finds no name there and the
    word is in the dictionary ("Nobody", "EXPOSED"), or when it is the plural of a
    dictionary word ("Families", "Monuments"), whatever the model says."""
    from . import ner

    if not all(_weak(c) for c in cs):
        return False
    word = cs[0].toks[0].core
    if model == "" and ner.is_common_word(word):
        return True
    if model == "person" and _bare_noun_opener(cs, word):
        return True
    return not cs[0].toks[0].allcaps and ner.is_common_plural(word)


def _bare_noun_opener(cs: list[Cand], word: str) -> bool:
    """Is a one-word "person" the model reads, with no cue around it, only ever opening a
    sentence, a dictionary noun? A story names a person in full before it calls them by
    one word, so a word never met in a full name is a common noun put first ("Attendance
    was low", "Litter collection resumes")."""
    from . import ner

    return (
        all(c.initial and not c.toks[0].allcaps for c in cs)
        and not any(c.person or c.place or c.orgv or c.default_person for c in cs)
        and ner.is_noun(word)
    )


def _model_votes(text: str, votes: dict[str, list[Cand]]) -> dict[str, str]:
    """The model's kind for the names whose cues tell nothing: the kind it gives most of
    the occurrences it reads (up to :data:`MODEL_READS` of each name, mid-sentence ones
    first), ``""`` when it finds no name in any (or only a date or a quantity).

    Asked, in this order, up to :data:`MODEL_BUDGET` occurrences in all: one-word names
    seen only where any word is capitalised and found in the dictionary (is it a name at
    all?), then the other names, the most frequent first. An acronym is asked only when
    it is a dictionary word ("EXPOSED"); it is an organisation otherwise."""
    from . import ner

    ranked: list[tuple[int, int, int, str]] = []
    for key, cs in votes.items():
        if any(_settled(c) or c.title for c in cs):
            continue
        single = len(cs[0].toks) == 1
        weak = all(_weak(c) for c in cs)
        common = single and weak and ner.is_common_word(cs[0].toks[0].core)
        if any(c.acronym for c in cs) and not common:
            continue
        ranked.append((0 if common else 1, -len(cs), cs[0].start, key))
    ranked.sort()
    asked: list[tuple[str, Cand]] = []
    for *_, key in ranked:
        cs = sorted(votes[key], key=lambda c: (_weak(c), c.start))[:MODEL_READS]
        if len(asked) + len(cs) > MODEL_BUDGET:
            break
        asked.extend((key, c) for c in cs)
    found = ner.kinds_at(text, [(c.start, c.end) for _, c in asked])
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, _), kind in zip(asked, found, strict=True):
        tally[key][kind if kind in MODEL_NAME_KINDS else ""] += 1
    out = {}
    for key, counts in tally.items():
        named = [(n, k) for k, n in counts.most_common() if k]
        out[key] = named[0][1] if named else ""
    return out


def _display_words(cs: list[Cand], model: str | None, v: NameVocab) -> bool:
    """Are the capitals of a name seen only in display lines (:mod:`.display`) those of
    the line's setting? Yes for a heading or a label word of the dictionary ("Verdict",
    "Specs:"), and for common words (dictionary or function words) the model reads no
    name in ("Battery Plant" in a title-case headline, "YOU HELP" in a shouted one,
    "HEALTH ADVISORY: ..." as a label)."""
    from . import ner

    if not all(c.display or c.heading for c in cs) or any(c.org or c.bullet for c in cs):
        return False
    words = [t.core for t in cs[0].toks]
    if all(c.heading for c in cs) and len(words) == 1 and ner.is_noun(words[0]):
        return True
    parts = [p for w in words for p in w.split("/")]
    if all(c.heading for c in cs) and all(t.allcaps for t in cs[0].toks) and len(words) > 1:
        # a shouted label of dictionary words ("PRECAUTIONARY/PREPAREDNESS ACTIONS...")
        return all(ner.is_common_word(p) for p in parts)
    if model != "":
        return False
    return all(ner.is_common_word(w) or w.lower() in v.stop for w in words)


def _written_lower(text: str, cs: list[Cand], lower_vocab: set[str]) -> bool:
    """Is a name seen only in display lines (a headline in title case) written with a
    word in lower case elsewhere in the text ("Trial of QX-114" in the headline, "trial
    of QX-114" in the story; "Board Change" over a section headed "Board change"; "FERRY
    PILOT" shouted over "a ferry pilot")? Its capitals are then the headline's, not a
    name's."""
    if not all(c.display for c in cs):
        return False
    c = cs[0]
    if not any(t.lower in lower_vocab for t in c.toks):
        return False  # none of its words is written in lower case anywhere
    words = [regex.escape(t.core) for t in c.toks]
    gaps = [regex.escape(text[a.end : b.start]) for a, b in pairwise(c.toks)]
    body = words[0] + "".join(g + w for g, w in zip(gaps, words[1:], strict=True))
    pattern = rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){body}(?![\p{{L}}\p{{M}}\p{{N}}])"
    name = text[c.start : c.end]
    return any(
        m.group() != name and any(w[:1].islower() for w in m.group().split())
        for m in regex.finditer(pattern, text, flags=regex.IGNORECASE)
    )


def _words_in_dictionary(c: Cand) -> bool:
    """Are all the words of a name dictionary words ("Red Cross"), unlike most persons'
    names ("Marcus Hale")?"""
    from . import ner

    return all(ner.is_common_word(t.core) for t in c.toks if t.lower not in PARTICLES)


def _tally(key: str, cs: list[Cand], model: str | None, dictionary: bool = False) -> str:
    """The kind of one name from the cues of its occurrences (three points each; one for
    a name shaped like a person's) and the model's word (two points: it beats the shape,
    breaks ties and fills in where there is no cue; a nationality or a language cancels a
    place cue). An organisation, the model's least sure kind, gets one point only against
    a person's shape with a word that is in no dictionary (``dictionary`` False: "Marcus
    Hale", not "Red Cross"). ``""``: a title, no name."""
    if any(c.org for c in cs):
        return "organisation"
    if any(c.acronym for c in cs):
        return "place" if key in PLACE_ACRONYMS else "organisation"
    if any(c.title for c in cs):
        return ""
    person = 3 * sum(c.person for c in cs) + any(c.default_person for c in cs)
    place = 3 * sum(c.place for c in cs)
    orgv = 3 * sum(c.orgv for c in cs)
    if model == "person" and not all(c.affiliation for c in cs):
        person += 2
    elif model == "place":
        place += 2
    elif model == "organisation":
        orgv += 1 if any(c.default_person for c in cs) and not dictionary else 2
    elif model == "" and dictionary:
        # dictionary words the model reads no name in ("Harvest Appeal", "Riverside
        # Ward"): shaped like a person's name, but none
        person -= any(c.default_person for c in cs)
    elif model in ("group", "language"):
        # a nationality ("Northern European") is shaped like a person's name, but is none
        place = max(0, place - 3)
        person -= any(c.default_person for c in cs)
    if orgv > max(person, place):
        return "organisation"
    if person > place:
        return "person"
    if place > 0:
        return "place"
    return "entity"


_COMPASS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern"}
    | {"western", "northeast", "northwest", "southeast", "southwest", "upper", "lower"}
    | {"greater", "inner", "outer"}
)


def _compass_parts(votes: dict[str, list[Cand]], kinds: dict[str, str]) -> None:
    """A place's name with a compass word before or after it ("Ostrava South", "Upper
    Lusatia": a part of the place, its station, its airport, its constituency) is a place
    too, whatever kind its shape or the model gives it."""
    for key, cs in votes.items():
        toks = cs[0].toks
        if len(toks) != 2 or kinds.get(key) not in ("person", "entity"):
            continue
        words = [t.lower.replace("-", "") for t in toks]
        for i in (0, 1):
            if words[i] in _COMPASS and words[1 - i] not in _COMPASS:
                if kinds.get(letters(toks[1 - i].core)) == "place":
                    kinds[key] = "place"
                break


def _coordinated(text: str, cands: list[Cand], kinds: dict[str, str]) -> None:
    """A one-word name of no known kind joined by "and" (or "or") to a person or a place
    is one too ("Ferrand and Hollman")."""
    for a, b in pairwise(cands):
        if len(a.toks) != 1 or len(b.toks) != 1:
            continue
        if _AND_GAP_RE.fullmatch(text, a.end, b.start) is None:
            continue
        ka, kb = (kinds.get(letters(text[c.start : c.end])) for c in (a, b))
        if ka == "entity" and kb in ("person", "place"):
            kinds[letters(text[a.start : a.end])] = kb
        elif kb == "entity" and ka in ("person", "place"):
            kinds[letters(text[b.start : b.end])] = ka


def _list_cues(text: str, cands: list[Cand], bullets: dict[int, tuple[int, int, int]]) -> None:
    """Names listed together (comma lists, bullet lists) are mostly places."""
    chains: list[list[Cand]] = []
    chain: list[Cand] = []
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
    lines: dict[int, tuple[Cand, int]] = {}
    for c in bullet_cands:
        _end, line_no, line_start = bullets[c.start]
        lines[line_no] = (c, line_start)
    groups: list[list[tuple[Cand, int]]] = []
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


def _vote_list(items: list[Cand], context: str) -> None:
    cue = bool(_PLACE_NOUN_RE.search(context)) or bool(_PLACE_BEFORE_RE.search(context))
    plain = [c for c in items if not c.org and not c.acronym]
    singles = sum(1 for c in plain if len(c.toks) == 1)
    if cue or (plain and singles / len(items) >= 0.6):
        for c in plain:
            if c.person < 2:
                c.place += 2

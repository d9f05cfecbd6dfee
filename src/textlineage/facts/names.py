"""Names: runs of capitalised words, and what kind of name each is.

Capitalised tokens outside the name mask are joined into runs (across spaces, name
particles such as "bin" or "de", and abbreviation dots after titles); sentence-initial
common words, titles and stop words are trimmed off (but "New Zealand", :func:`.name_head`).
Two runs joined by "and" are one organisation's name when the second closes it with an
organisation word or the two are dictionary words after a proper name ("Wealdmoor Fire and
Rescue Service", "Brackwell Fire and Rescue"). Each run is then a person, a place, an
organisation or another entity (:mod:`.name_kinds`: votes from the words around its
occurrences, the lists it stands in and, where those do not tell, the named-entity
model), one kind per name in the document.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from ..text.normalise import fold
from ..types import Fact
from . import ner
from .display import display_spans, field_start, in_spans, label_opener
from .forms import collapse
from .items import Item, overlaps
from .name_kinds import Cand, Tok, classify, is_org_word, letters
from .name_places import settle_places
from .name_shapes import (
    FOR_GAP_RE,
    closes_brackets,
    closes_org,
    common_acronyms,
    common_pair,
    common_tails,
    currency_word,
    join_inverted,
    join_nee,
    joined_by_and,
    name_head,
    plural_surnames,
    qa_marker,
    shouted_word,
    split_body_person,
)
from .role_heads import trim_job_heads
from .roles import JOB_NOUNS
from .vocab import (
    BODY_NOUNS,
    LEGAL_FORMS,
    SENTENCE_ABBREVS,
    SHIP_PREFIXES,
    SHOUTED_STOP,
    TIME_ZONES,
    WEEKDAYS,
    NameVocab,
    name_vocab,
)

# Tokens, runs and lists.
_CAP_TOKEN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])"
    r"(?:\p{Lu}{2,}(?:/\p{Lu}{2,})+"
    r"|(?:[\p{Lu}\p{Lt}]|(?=[aeibAEIB])(?:al|el|ad|ar|as|at|an|ash|az|bin|ibn|abu)-(?=\p{Lu}))"
    r"[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)"
)
_LOWER_WORD_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’@./-])\p{Ll}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*"
    r"(?![@/]|\.[\p{L}\p{N}])"
)  # a word in lower case, not in an address ("press@tarnwell.example": no "tarnwell")
_PARTICLE_GAP_RE = regex.compile(
    r"[ \u00a0](?:of[ \u00a0]the|v[ao]n[ \u00a0]d[eu][nrm]?|of|al|el|bin|ibn|bint|de|da|di|do|dos|das|del|della|der|den"
    r"|van|von|le|la|du|zu|ul|ud)[ \u00a0]"
)
MODEL_LANGUAGES = frozenset({"en", "und"})
"""Languages whose names the (English) named-entity model reads."""
_OF_GAP_RE = regex.compile(r"[ \u00a0]of(?:[ \u00a0]the)?[ \u00a0]")
_BULLETS = frozenset("•·▪◦‣●○■□►➢-–—*+")
_NAME_SPLIT_RE = regex.compile(r"[\s/\-]+")
_INNER_SPLIT_RE = regex.compile(r"[-'’]")
_APOS_RE = regex.compile(r"['’]")


_PARTICIPLE_RE = regex.compile(r"\p{Ll}{2,}ed|born|built|made|run|grown|bred")


def compound_head(word: str) -> str:
    """The name opening a compound adjective made with a participle ("Rotterdam-based",
    "Liberian-flagged", "Lagos-registered", "Kremlin-backed"), or "": the compound says
    the name as much as "based in Rotterdam" does."""
    head, sep, rest = word.partition("-")
    if not sep or not head[:1].isupper() or len(head) < 2 or "-" in rest or "'" in rest:
        return ""
    return head if _PARTICIPLE_RE.fullmatch(rest) else ""


def _base(word: str) -> str:
    """ "we've" -> "we"."""
    return _APOS_RE.split(word, maxsplit=1)[0]


@lru_cache(maxsize=100_000)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in (letters(p) for p in _NAME_SPLIT_RE.split(text)) if t)


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
    if ch == ":":  # after a short label opening its line ("Item 5: School fees rose")
        label = text[text.rfind("\n", 0, i) + 1 : i].split()
        return 0 < len(label) <= 3 and label[0][:1].isupper()
    if ch == ".":
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = text[j + 1 : i]
        if len(word) == 1 and word.isupper():
            return False
        return word.lower() not in SENTENCE_ABBREVS
    return False


def _weekdays(lower: str) -> bool:
    """Is a word a weekday's plural ("Tuesdays", "Sundays": every such day, a time)?"""
    return lower.endswith("s") and lower[:-1] in WEEKDAYS


_PLURAL_POSS_RE = regex.compile(r"['’][ \u00a0]")
"""The apostrophe of a plural's possessive ("the Workers' Union"), a space after it."""


def _tokens(text: str, name_mask: bytearray, v: NameVocab) -> tuple[list[Tok], set[str]]:
    """Capitalised tokens (name material) and the set of words seen in lower case."""
    lower_vocab = {w.lower() for w in _LOWER_WORD_RE.findall(text)}
    toks: list[Tok] = []
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
        elif len(raw) > 2 and raw[-1] in "sS" and _PLURAL_POSS_RE.match(text, e):
            poss = True  # "Rail Workers' Union": a plural's possessive
        cap = True
        if "-" in core or "'" in core or "’" in core:
            parts = _INNER_SPLIT_RE.split(core)
            head = compound_head(core)
            if head:
                core = head  # "Rotterdam-based": the name is "Rotterdam"
            # "English-language", "President-elect": adjectives, not names
            elif any(p[:1].islower() and len(p) >= 3 for p in parts[1:]):
                cap = False
        lower = core.lower()
        allcaps = core.isupper() and sum(c.isalpha() for c in core) >= 2
        if lower.rstrip(".") in v.months or lower in WEEKDAYS or _weekdays(lower):
            cap = False  # month and weekday names break runs and are never names
        toks.append(Tok(s, s + len(core), core, lower, cap, allcaps, poss))
    return toks, lower_vocab


def _joinable(text: str, a: Tok, b_start: int, v: NameVocab) -> bool:
    """May the capitalised token ``a`` continue into the one at ``b_start``?"""
    if a.poss:
        return False
    gap = text[a.end : b_start]
    if gap in (" ", "\u00a0"):
        return True
    if gap == ".":  # "U.S", "J.K": initials written together
        after = text[b_start + 1 : b_start + 2]
        return len(a.core) == 1 and a.core.isupper() and not (after.isalpha() or after.isdigit())
    if gap in (". ", ".\u00a0"):
        return (
            a.lower in v.titles
            or a.lower in SENTENCE_ABBREVS
            or (len(a.core) == 1 and a.core.isupper())
        )
    if FOR_GAP_RE.fullmatch(gap) is not None:
        return is_org_word(a) and not a.allcaps  # "Institute for Fiscal Studies"
    return len(gap) <= 10 and _PARTICLE_GAP_RE.fullmatch(gap) is not None


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
    cands = [
        c
        for c in cands
        if not (
            _no_name_alone(text, c)
            or shouted_word(text, c)
            or closes_brackets(text, c)
            or currency_word(text, c)
        )
    ]
    cands = split_body_person(text, _join_and(text, common_acronyms(text, cands)))
    cands = join_nee(text, join_inverted(text, cands))
    if lang in MODEL_LANGUAGES:
        for c in cands:
            m = _SURNAME_PARTICLE_RE.search(text, max(0, c.start - 12), c.start)
            if m is not None and not _sentence_initial(text, m.start()):
                c.start = m.start()  # "van Rooyen": the particle opens the surname
    display = display_spans(text)
    for c in cands:
        c.initial = _sentence_initial(text, c.start) or label_opener(text, c.start)
        c.display = in_spans(display, c.start)
        c.heading = _heading_word(text, c) or _label(text, c)
    use_model = lang in MODEL_LANGUAGES and ner.enabled()
    if use_model:
        cands = _split_person_of(text, cands)
        trim_job_heads(text, cands, v.titles)
    cands = classify(text, cands, lower_vocab, bullets, v, use_model=use_model)
    settle_places(text, cands)
    plural_surnames(text, cands)
    common_tails(text, cands)
    strong = {
        letters(c.spoken or text[c.start : c.end])
        for c in cands
        if not c.title and (len(c.toks) > 1 or c.bullet or c.acronym or not c.initial)
    }
    out = []
    for c in cands:
        t = text[c.start : c.end]
        said = c.spoken or t
        value = collapse(fold(said))
        key = letters(said)
        if not key:
            continue
        fact = Fact(c.kind, t, (c.start, c.end), doc, value)
        out.append(
            Item(
                fact,
                "name",
                (key,),
                letters=key,
                toks=_name_tokens(said),
                weak=key not in strong,
                group=c.group,
            )
        )
    return out


_AND_GAPS = frozenset({" and ", " & ", "\u00a0and\u00a0"})


def _join_and(text: str, cands: list[Cand]) -> list[Cand]:
    """Runs joined across "and" when the second closes an organisation's name the first
    holds no organisation word of ("Wealdmoor Fire" and "Rescue Service": "Wealdmoor Fire
    and Rescue Service"): two names joined by "and" would each be whole, and a name of
    capitalised common words before an organisation word is that organisation's."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and text[prev.end : c.start] in _AND_GAPS
            and not any(t.allcaps or len(t.core) == 1 for t in (*prev.toks, *c.toks))
            and (closes_org(prev, c) or common_pair(prev, c) or joined_by_and(text, prev, c))
        ):
            # common nouns joined by "and" inside a name: an organisation's, never a
            # person's ("Wealdmoor Fire and Rescue")
            out[-1] = Cand(prev.start, c.end, [*prev.toks, *c.toks], org=True)
            continue
        out.append(c)
    return out


_SURNAME_PARTICLE_RE = regex.compile(r"(?<![\p{L}\p{M}])v[ao]n(?:[ \u00a0]d[eu][nr]?)?[ \u00a0]$")
"""A Dutch or German surname particle written before the surname alone, in English text
("after van Rooyen was sent off"): part of the name."""
_TIME_BEFORE_RE = regex.compile(r"(?i:\d|[ap]\.?m\.?|noon|midnight)[ \u00a0]*$")
_PLURAL_ACRONYM_RE = regex.compile(r"\p{Lu}{2,}s")
_DEGREES_RE = regex.compile(r"(?i:\bdegrees?)[ \u00a0]+$")
_THE_RE = regex.compile(r"\b[Tt]he[ \u00a0]+$")
_DOTTED_BEFORE_RE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\.$")  # "M." glued before "Sc"
_LABEL_TAIL_RE = regex.compile(r"(?:\p{Ll}[\p{Ll}'’-]*+[ \u00a0]*){1,8}?:|:")  # "Type of:"
_DOTTED_AFTER_RE = regex.compile(r"\.\p{Lu}(?![\p{Ll}])")  # ".D" glued after "Ph"


def _no_name_alone(text: str, c: Cand) -> bool:
    """Is a one-word run no name of its own: a company form after the name and a comma
    ("Acme Systems, Inc."), a temperature scale after "degrees", a plural acronym ("MPs"),
    a body's generic noun after "the" (:data:`~.vocab.BODY_NOUNS`), or an organisation noun
    after "the" that ends a longer name in the text ("the Tribunal" where the text
    names the "Employment Tribunal": the house style of a text capitalising the body it
    has named in full)?"""
    if len(c.toks) != 1:  # "P.E.", "P.S.": initials alone; "Sdn. Bhd.": a company form
        return all(len(t.core) == 1 or t.lower.rstrip(".") in LEGAL_FORMS for t in c.toks)
    t = c.toks[0]
    before = text[max(0, c.start - 12) : c.start]
    w = t.lower.rstrip(".")
    if w in LEGAL_FORMS and before.endswith((", ", ",\u00a0", "(")):
        return True
    if _DEGREES_RE.search(before):
        return True
    if (_DOTTED_BEFORE_RE.search(before) or (w in ("retd", "rtd") and before.endswith("("))
            or (len(t.core) <= 3 and _DOTTED_AFTER_RE.match(text, c.end))):  # fmt: skip
        return True  # "M.Sc.", "Ph.D.", "IAS (Retd.)": a degree or a retired officer's mark
    if t.allcaps and w in TIME_ZONES and _TIME_BEFORE_RE.search(before) is not None:
        return True  # "noon CST", "6 PM EST": a clock's zone
    if _PLURAL_ACRONYM_RE.fullmatch(t.core):
        return True  # "MPs", "NGOs": a class of people or bodies, no one name
    m = _THE_RE.search(before)
    if not t.allcaps and w in BODY_NOUNS and m is not None:
        # "the Group", "the Board": a body the text names, or defines, otherwise ("The
        # Board" inside a sentence is the body's name written so)
        at = c.start - len(before) + m.start()
        if text[at] == "t" or _sentence_initial(text, at):
            return True
    return (
        not t.allcaps
        and is_org_word(t)
        and _THE_RE.search(before) is not None
        and regex.search(
            rf"(?!The\b)\p{{Lu}}[\p{{L}}\p{{M}}]+[ \u00a0]+{regex.escape(t.core)}\b", text
        )
        is not None
    )


def _heading_word(text: str, c: Cand) -> bool:
    """Is a one-word name a line of its own ("Verdict") or a label that opens its line or
    a field of it ("Specs: ...", "Type of authority: ...", "... | Power: 3 kW")?"""
    if len(c.toks) != 1:
        return False
    if text[field_start(text, c.start) : c.start].strip(" \t\u00a0"):
        return False
    end = text.find("\n", c.end)
    rest = text[c.end : end if end >= 0 else len(text)].strip(" \t\u00a0")
    return rest == "" or _LABEL_TAIL_RE.match(rest) is not None


def _label(text: str, c: Cand) -> bool:
    """Is a name of several words the whole of a label that opens its line ("HEALTH
    ADVISORY: ...", "PRECAUTIONARY ACTIONS...")?"""
    start = field_start(text, c.start)
    return not text[start : c.start].strip(" \t\u00a0") and text.startswith(
        (":", "...", "…"), c.end
    )


def _split_person_of(text: str, cands: list[Cand]) -> list[Cand]:
    """Split "Marie Lavoie of Alberta Wildfire" into a person and an organisation when the
    model reads a person ending before the "of" (the rules join names across "of" for "Bank
    of England" and "University of Oxford"). Asked only of runs with two or three words
    before the "of", none an organisation word."""
    asked: list[tuple[Cand, int]] = []
    for c in cands:
        for k in range(2, min(4, len(c.toks))):
            gap = text[c.toks[k - 1].end : c.toks[k].start]
            if _OF_GAP_RE.fullmatch(gap) and not any(is_org_word(t) for t in c.toks[:k]):
                asked.append((c, k))
                break
    if not asked:
        return cands
    kinds = ner.kinds_at(text, [(c.start, c.toks[k - 1].end) for c, k in asked])
    split = {id(c): k for (c, k), kind in zip(asked, kinds, strict=True) if kind == "person"}
    out: list[Cand] = []
    for c in cands:
        at = split.get(id(c))
        if at is None:
            out.append(c)
            continue
        head, tail = c.toks[:at], c.toks[at:]
        out.append(Cand(head[0].start, head[-1].end, head, person=1, initial=c.initial))
        out.append(Cand(tail[0].start, tail[-1].end, tail, affiliation=True))
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


def _fails_initial(
    tok: Tok,
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


def _common(run: list[Tok]) -> bool:
    """Are a run's words all dictionary words ("Returning Officer", "District
    Councillor"), as a job's name is and a person's seldom (never without the model)?"""
    return ner.enabled() and all(not t.allcaps and ner.is_common_word(t.core) for t in run)


_SURNAME_JOBS = frozenset({"head", "chair", "coach"})
"""Job nouns that are surnames too ("Murray Head"): not a job's name before a name."""


def _job(t: Tok, v: NameVocab) -> bool:
    """Is the token a title ("President") or a job's noun ("Manager", "Officer")?"""
    w = t.lower.rstrip(".")
    return w in v.titles or (w in JOB_NOUNS and w not in _SURNAME_JOBS)


def _runs(
    text: str,
    toks: list[Tok],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    v: NameVocab,
) -> list[Cand]:
    n = len(toks)
    out: list[Cand] = []
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
                ahead: list[Tok] = []
                k = j + 1
                prev_end = cur.end + (1 if _PLURAL_POSS_RE.match(text, cur.end) else 2)
                while k < n and toks[k].cap and text[prev_end : toks[k].start] in (" ", "\u00a0"):
                    ahead.append(toks[k])
                    if toks[k].poss:
                        break
                    prev_end = toks[k].end
                    k += 1
                if ahead and any(is_org_word(t) for t in ahead):
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
    run: list[Tok],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    cap_pos: dict[str, list[int]],
    v: NameVocab,
) -> list[Cand]:
    asked = qa_marker(text, run)
    if asked:
        run = run[1:]  # "Q. Can I ...": a question's mark, the word after it opens a sentence
    bullet = bullets.get(run[0].start)
    is_bullet = bullet is not None
    initial = asked or _sentence_initial(text, run[0].start)
    first = 0  # trimmed by index: a run of thousands of stop words is read in linear time
    while first < len(run):
        t = run[first]
        base = _base(t.lower)
        if (base in v.stop and (not t.allcaps or base in SHOUTED_STOP)) or not t.cap:
            if name_head(text, run, first, initial):  # "New Zealand", "the High Court"
                initial = False
                break
            first += 1
            initial = False
            continue
        if (
            initial
            and not (bullet and not text[run[-1].end : bullet[0]].strip(" .,;"))  # a name alone
            and _fails_initial(t, text, lower_vocab, cap_pos, v, len(run) - first == 1)
        ):
            first += 1
            initial = False
            continue
        break
    run = run[first:]  # a copy
    while run and not run[-1].cap:
        run.pop()
    if len(run) > 1 and run[0].allcaps and run[0].core in SHIP_PREFIXES:
        run = run[1:]  # "MV Island Rover": the vessel is "Island Rover", "MV" its type
    if (
        initial
        and len(run) > 1
        and not is_bullet
        and not run[0].allcaps
        and not is_org_word(run[0])
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
        if initial and not t.allcaps and is_org_word(t):
            return []  # "Police said ..." names no particular organisation
    # Title prefix: "Supreme Leader Ali Khamenei" -> person "Ali Khamenei" (a title is no
    # fact of its own); a job's name too ("Watch Manager Ruth Abara"), an
    # organisation's word in it ("Group") or not.
    orgs = [is_org_word(t) for t in run]
    if (
        not any(orgs)
        and _job(run[-1], v)
        and not (run[-1].allcaps and len(run) > 2 and not _job(run[-2], v))  # "… Lind MP"
        and (run[0].lower.rstrip(".") in v.titles or _common(run))
    ):
        c = Cand(run[0].start, run[-1].end, run)
        c.title = True  # "Chief Financial Officer": a title ending in a job, no name
        return [c]
    k = -1
    for idx, t in enumerate(run[:-1]):
        if _job(t, v):
            k = idx
    jobs = k >= 0 and run[k].lower.rstrip(".") in JOB_NOUNS
    if (
        k >= 0
        and not any(orgs[k + 1 :])
        and (jobs or not any(orgs))
        and _PARTICLE_GAP_RE.fullmatch(text[run[k].end : run[k + 1].start]) is None
    ):
        name = run[k + 1 :]
        shouted = len(name) == 1 and name[0].allcaps  # "Mayor EXPOSED": a headline
        return [Cand(name[0].start, name[-1].end, name, person=0 if shouted else 2)]
    c = Cand(run[0].start, run[-1].end, run)
    if run[-1].lower.rstrip(".") in v.titles and not any(is_org_word(t) for t in run):
        c.title = True  # "Judiciary Chief", "Prime Minister": a title, no name
    if bullet is not None:
        # the whole bullet line (bar "The" or trailing punctuation) is this name
        c.bullet = text[run[-1].end : bullet[0]].strip(" .,;") == ""
        if c.bullet and c.start not in bullets:
            bullets[c.start] = bullet
    return [c]

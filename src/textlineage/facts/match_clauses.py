"""Claims dropped or added whole: a clause of the source that the derived text does not
state in any words ("It had denied the charge throughout", "which is standard after a
grounding in Swedish waters", "subject to the company meeting its hiring targets"), and a
clause of the derived text that the source never states ("which environmental groups
fear could be harmed by the spill").

Numbers, dates, names and quotations dropped or added are facts of their own; what is left
is what a text says about them. So a clause is read only when no fact is reported inside
it (the fact stands for it), and a clause is taken for dropped when few of its content
words, by their stems, appear together in the other text: a rewrite keeps the words of
what it keeps (a name, a noun, a verb in another form) even when it reorders or merges
sentences, and a clause none of whose words survive is not there. A source clause is
looked for in any two neighbouring sentences of the derived text (a text on the same
topic holds its words scattered); a derived clause, anywhere in the source.

Only the part of each text that reuse touches is read: the sentences between the first
and the last aligned passage of that side (a summary that stops early has not dropped the
rest of the source sentence by sentence, and an added paragraph of background before the
reused part is one addition, not a list). Headlines (lines without a full stop), questions,
names (a clause whose every content word is capitalised), page furniture, quotations and a
quotation's attribution ("who led the survey, said:") and a letter saying what it is for
("We are writing to explain ...") are not read; nor is a pair with no aligned passage.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..text.normalise import fold, tokenize
from ..text.segment import split_sentences
from ..types import Fact, FactLink, Passage
from .claim_rules import verb_stem
from .forms import collapse
from .furniture import furniture_spans
from .items import Item, Result

Span = tuple[int, int]

MIN_CONTENT = 3
"""Content words a clause must have to be read: fewer say too little to be a claim."""
MIN_SHORT = 2
"""Content words a clause of the source with fewer than :data:`MIN_CONTENT` must still have
to be read as dropped: a predicate none of whose words the derived text holds ("was not
kept overnight", "has been freed on bail")."""
_PREDICATE_RE = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|be|been)\s+(?:not\s+|never\s+)"
    r"|\b(?:is|are|was|were|has|have|had|be|been)\s+(?:been\s+)?\p{L}{2,}(?:ed|en)\b",
    regex.IGNORECASE,
)
"""A negated auxiliary or a passive or perfect verb group ("was not kept", "has been
freed"): the clause states an event or its absence, not a passing judgment ("is
doubtful")."""
MAX_SHARED = 1 / 3
"""The largest share of a clause's content words the other text may hold for the clause to
be taken as not stated there."""
NEIGHBOUR = 0.6
"""The share of content words two neighbouring sentences must share to say the same."""
MAX_DRIFT = 0.25
"""How far apart, as a share of each text's length, a dropped and an added clause may
stand to be one statement replaced."""
WINDOW = 2
"""Neighbouring derived sentences read together when a source clause is looked for: a
rewrite may split a clause over two sentences."""
_MAX_CLAUSE = 220  # characters: a longer clause is a list or a run-on, not one claim

_OPENERS = (
    "and", "but", "which", "who", "whom", "whose", "while", "whereas", "although",
    "though", "after", "before", "because", "since", "as", "when", "where", "including",
    "subject", "provided", "unless", "if", "so", "yet", "with", "without",
    "mainly", "mostly", "largely", "partly", "chiefly", "primarily", "particularly",
    "especially", "probably", "possibly",
)  # fmt: skip
"""Words that open a clause, or a phrase that narrows or hedges the claim before it
(", mostly", ", probably"), after a comma."""
_OPENER_RE = "|".join(_OPENERS)
_BREAK_RE = regex.compile(
    rf"[;:()\u2013\u2014]|\s-\s|,\s+(?=(?:{_OPENER_RE})\b)"
    r"|\s(?=(?:while|whereas|although|because|unless|but|subject\s+to|provided\s+that)\b)"
    r"|\s(?=(?:and|or)\s+(?:that|would|will|could|should|may|might|must|has|have|had|is"
    r"|was|were|are|did|does|said|says)\b)",
    regex.IGNORECASE,
)
"""Where a clause ends inside a sentence: a semicolon, a colon, a dash or a bracket, a
comma before a word that opens a clause, a conjunction of contrast or condition, or "and"
before a second verb group or "that" clause ("was questioned but has not been detained",
"said it was relieved and would continue to invest")."""
_EDGE_WORDS = frozenset({"and", "but", "so", "yet", "or"})
_FRONTED_RE = regex.compile(
    r"(?:in|on|at|for|from|by|during|across|among|amid|under|over|within|throughout)\s",
    regex.IGNORECASE,
)
"""A preposition opening a sentence: the phrase up to its first break says where or when
the sentence's claim holds, and is read with it, not as a claim of its own."""
_EXAMPLES_RE = regex.compile(r"(?:including|such\s+as|among\s+them|notably)\b", regex.IGNORECASE)
_ATTRIBUTION_RE = regex.compile(
    r"(?:said|says|say|told\s+\p{L}+|tells\s+\p{L}+|added|adds|stated|states|explained"
    r"|wrote|writes|commented|remarked)[ \t]*[,:]?[ \t\n]*[\"“‘']",
    regex.IGNORECASE,
)
"""A verb of saying right before a quotation: the clause it closes ("who led the survey,
said: ...") introduces the quotation, which is a fact of its own."""
_SENTENCE_END_RE = regex.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WRITING_RE = regex.compile(
    r"(?:i|we)(?:\s+am|\s+are|['’]m|['’]re)\s+writing\s+to\s+(?:share|tell|let|inform|update"
    r"|explain|say|give)\b|(?:i|we)\s+(?:want(?:ed)?|would\s+like)\s+to\s+(?:share|let\s+you"
    r"\s+know|tell\s+you|update\s+you|inform\s+you)\b"
    r"|this\s+(?:letter|e-?mail|memo|note|message)\s+is\s+to\s+(?:inform|let|tell|confirm)\b"
    r"|(?-i:(?:I|We)(?:['’]m|['’]re|\s+am|\s+are)\s+writing\s+to\b)",
    regex.IGNORECASE,
)
"""A letter's or a memo's words about itself ("I'm writing to pass on some news", "We are
writing to explain ..."): what follows is the claim, the clause opening it none."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS = _words(
    """the and but for nor yet with from into onto over under about across after before
    during since until upon than that this these those there their theirs them they its
    his her hers him she he who whom whose which what when where while why how also not
    are was were been being has have had having does did doing will would shall should
    can could may might must our ours your yours you any all each every some such only
    very just even still then thus both either neither other another more most less least
    own same too much many few one"""
)
"""Words that carry no content of a claim (a fixed list: the name rules' stop words change
with what they must not read as names)."""


def _content_stems(text: str, start: int, end: int) -> list[str]:
    return [
        verb_stem(t.norm)
        for t in tokenize(text, start, end)
        if t.norm.isalpha() and len(t.norm) > 2 and t.norm not in _FUNCTION_WORDS
    ]


def _stems_of(text: str) -> frozenset[str]:
    return frozenset(verb_stem(t.norm) for t in tokenize(text) if t.norm.isalpha())


def _region(passages: Sequence[Passage], doc: int) -> tuple[int, int] | None:
    """From the first to the last character aligned on side ``doc``."""
    spans = [sp for p in passages if 0 <= doc < len(p.spans) for sp in p.spans[doc]]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``start:end``, trimmed of spaces, punctuation and a
    leading "and"/"but"."""
    cuts = [start]
    cuts += [m.start() + start for m in _BREAK_RE.finditer(text[start:end]) if m.start()]
    cuts.append(end)
    out = []
    for s, e in itertools.pairwise(cuts):
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip(" ,;:()\u2013\u2014-\n"))
        s += lead
        first = regex.match(r"\w+", text[s:e])
        if first is not None and first.group().lower() in _EDGE_WORDS:
            s += first.end()
            s += len(text[s:e]) - len(text[s:e].lstrip())
        while e > s and text[e - 1] in " ,;:.!?()\u2013\u2014-\n\"'”’":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _pieces(text: str, read: tuple[Span, ...] | None) -> tuple[Span, ...]:
    """The parts of a text that are read: the windows of a long text, else all of it."""
    return read if read is not None else ((0, len(text)),)


class _Taken:
    """What a clause may not overlap (quotations, facts already reported, furniture),
    sorted, with the furthest end so far, for a logarithmic test."""

    def __init__(self, spans: list[Span]) -> None:
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        far = -1
        for _, b in spans:
            far = max(far, b)
            self.reach.append(far)

    def free(self, span: Span) -> bool:
        s, e = span
        k = bisect.bisect_left(self.starts, e)
        return k == 0 or self.reach[k - 1] <= s


def _taken(
    items: Sequence[Item],
    facts: Sequence[Fact],
    text: str,
    lang: str,
    pieces: tuple[Span, ...],
) -> _Taken:
    spans = [it.fact.span for it in items if it.cls == "quote"]
    spans += [f.span for f in facts]
    for ps, pe in pieces:
        spans += [(a + ps, b + ps) for a, b in furniture_spans(text[ps:pe], lang)]
    return _Taken(spans)


def _sentences(text: str, pieces: tuple[Span, ...]) -> list[Span]:
    return [(x.start + s, x.end + s) for s, e in pieces for x in split_sentences(text[s:e])]


@dataclass(frozen=True)
class _Clause:
    """A clause not stated in the other text, and the content stems of the sentences
    before and after its own (empty at the text's edge)."""

    fact: Fact
    before: frozenset[str]
    after: frozenset[str]


def _unstated(
    text: str,
    doc: int,
    region: Span,
    taken: _Taken,
    other: frozenset[str],
    pieces: tuple[Span, ...],
    short: bool = False,
    local: _Windows | None = None,
) -> list[_Clause]:
    """The clauses of ``text`` inside ``region`` and the ``pieces`` read with no fact in
    them whose content words the other text (``other``: its stems) mostly does not
    hold, or (``local``) that no window of its sentences holds. ``short``: also read a
    short predicate none of whose words the other text holds (:data:`MIN_SHORT`; the
    source side only: a derived text's short remark is more often a rewording than an
    addition)."""
    out = []
    sentences = _sentences(text, pieces)
    for i, (ss, se) in enumerate(sentences):
        if se <= region[0] or ss >= region[1]:
            continue
        end = _SENTENCE_END_RE.search(text, ss, se)
        if end is None or "?" in end.group():
            continue  # a headline or a line of the page; a question states nothing
        for s, e in _clauses(text, ss, se):
            if e - s > _MAX_CLAUSE or not taken.free((s, e)) or _named(text, s, e):
                continue
            if _EXAMPLES_RE.match(text, s, e) or _WRITING_RE.match(text, s, e):
                continue  # examples listed ("including farmers"), a letter on itself: no claim
            if _ATTRIBUTION_RE.search(text, _last_words(text, s, e), e + 4):
                continue  # "who led the survey, said:": a quotation's attribution
            if s == ss and e < end.start() and _FRONTED_RE.match(text, s, e):
                continue  # "In a few subjects, ...": where the claim holds, not a claim
            stems = _content_stems(text, s, e)
            shared = local.shared(stems) if local is not None else sum(w in other for w in stems)
            if len(stems) < MIN_CONTENT and not (
                short
                and len(stems) >= MIN_SHORT
                and not shared
                and _PREDICATE_RE.search(text, s, e)
            ):
                continue  # too few words for a claim, unless a predicate wholly left out
            if shared / len(stems) > MAX_SHARED:
                continue
            t = text[s:e]
            prev = sentences[i - 1] if i else None
            nxt = sentences[i + 1] if i + 1 < len(sentences) else None
            out.append(
                _Clause(
                    Fact("claim", t, (s, e), doc, collapse(fold(t))),
                    _sentence_stems(text, prev) if prev else frozenset(),
                    _sentence_stems(text, nxt) if nxt else frozenset(),
                )
            )
    return out


class _Windows:
    """The derived text's sentences, :data:`WINDOW` at a time, looked up by stem: where a
    source clause's words are held together. A clause whose words the derived text holds
    only scattered over sentences apart (the same topic's words) is not stated there."""

    def __init__(self, text: str, pieces: tuple[Span, ...]) -> None:
        self.windows: dict[str, frozenset[int]] = {}
        seen: dict[str, set[int]] = {}
        for k, (s, e) in enumerate(_sentences(text, pieces)):
            for w in _stems_of(text[s:e]):
                seen.setdefault(w, set()).update(range(k, k + WINDOW))
        self.windows = {w: frozenset(ks) for w, ks in seen.items()}

    def shared(self, stems: Sequence[str]) -> int:
        """The most of ``stems`` (counted as often as they come) one window holds."""
        per: Counter[int] = Counter()
        for w in stems:
            per.update(self.windows.get(w, ()))
        return max(per.values(), default=0)


def _last_words(text: str, start: int, end: int) -> int:
    """Where the last two words of the clause ``start:end`` start."""
    words = list(regex.finditer(r"\p{L}+", text[start:end]))
    return start + (words[-2].start() if len(words) >= 2 else 0)


def _named(text: str, start: int, end: int) -> bool:
    """Is the clause ``start:end`` a name or a heading, every content word of it
    capitalised ("the United Nations Children's Fund")?"""
    words = [
        t for t in tokenize(text, start, end) if t.norm.isalpha() and t.norm not in _FUNCTION_WORDS
    ]
    return bool(words) and all(text[t.start].isupper() for t in words)


def _sentence_stems(text: str, sent: Span) -> frozenset[str]:
    """The content stems of a neighbouring sentence."""
    return frozenset(_content_stems(text, *sent))


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two neighbouring sentences that say the same: most of their content words shared."""
    return (
        len(a) >= MIN_CONTENT
        and len(b) >= MIN_CONTENT
        and len(a & b) >= NEIGHBOUR * min(len(a), len(b))
    )


def _restated(
    dropped: list[_Clause], added: list[_Clause], lengths: tuple[int, int]
) -> list[tuple[int, int]]:
    """Pairs (dropped, added) of clauses that stand in the same place of the two texts:
    the sentence before both, or after both, says the same, and the two stand at about
    the same share of their texts (:data:`MAX_DRIFT`; a text that repeats a sentence has
    it in two places). Only one-to-one pairs: a clause with two candidates is left as it
    is."""
    cands: dict[int, list[int]] = {}
    back: dict[int, list[int]] = {}
    for i, d in enumerate(dropped):
        for j, a in enumerate(added):
            drift = abs(d.fact.span[0] / max(1, lengths[0]) - a.fact.span[0] / max(1, lengths[1]))
            if drift > MAX_DRIFT:
                continue
            if _alike(d.before, a.before) or _alike(d.after, a.after):
                cands.setdefault(i, []).append(j)
                back.setdefault(j, []).append(i)
    return [(i, js[0]) for i, js in cands.items() if len(js) == 1 and len(back[js[0]]) == 1]


def diff_clauses(
    texts: tuple[str, str],
    docs: tuple[int, int],
    passages: Sequence[Passage],
    items: tuple[Sequence[Item], Sequence[Item]],
    languages: tuple[str, str],
    res: Result,
    read: tuple[tuple[Span, ...] | None, tuple[Span, ...] | None] = (None, None),
) -> None:
    """Add to ``res`` the clauses of the source the derived text does not state (dropped
    claims) and those of the derived text the source does not state (added claims), in
    the part of each text reuse touches; a dropped and an added clause standing in the
    same place (the sentence before or after both the same) are one claim ``restated``.
    ``items``: each text's facts; a clause holding one, or a fact already reported, is
    not read. ``read``: the windows of each text the fact diff read (None: all of it;
    :mod:`.scope`), the only parts of a long text read here too."""
    aligned = [p for p in passages if p.languages is None]
    if not aligned:
        return
    reported: tuple[list[Fact], list[Fact]] = (
        [*res.dropped, *(k.source for k in res.kept), *(c.source for c in res.changed)],
        [*res.added, *(k.derived for k in res.kept), *(c.derived for c in res.changed)],
    )
    pieces = (_pieces(texts[0], read[0]), _pieces(texts[1], read[1]))
    found: list[list[_Clause]] = []
    items_left: list[Fact] = []
    for n in (0, 1):
        region = _region(aligned, docs[n])
        if region is None:
            found.append([])
            continue
        side = [f for f in reported[n] if f.doc == docs[n]]
        taken = _taken(items[n], side, texts[n], languages[n], pieces[n])
        other = frozenset().union(*(_stems_of(texts[1 - n][a:b]) for a, b in pieces[1 - n]))
        local = _Windows(texts[1], pieces[1]) if n == 0 else None
        found.append(_unstated(texts[n], docs[n], region, taken, other, pieces[n], n == 0, local))
        if n == 0:
            block = _Taken([c.fact.span for c in found[0]])
            items_left = _items_left(texts[0], docs[0], region, taken, other, pieces[0], block)
    pairs = _restated(found[0], found[1], (len(texts[0]), len(texts[1])))
    paired = ({i for i, _ in pairs}, {j for _, j in pairs})
    for i, j in pairs:
        d, a = found[0][i].fact, found[1][j].fact
        note = "a statement replaced by another in its place"
        res.changed.append(FactLink("claim", d, a, note, "restated"))
    res.dropped.extend(c.fact for i, c in enumerate(found[0]) if i not in paired[0])
    res.dropped.extend(items_left)
    res.added.extend(c.fact for j, c in enumerate(found[1]) if j not in paired[1])


_VERBAL = _words(
    """is are was were be been being has have had having does did do will would shall should
    can could may might must to"""
)
"""Words of a verb group: a conjunct holding one is a second predicate, not a list item."""
_LAST_ITEM_RE = regex.compile(r"\s(?:and|or)\s+([^,;:()\"“”.!?]+)")
"""The last item of a list: what follows "and"/"or" up to the next punctuation."""
MIN_RETOLD = 0.5
"""The share of a sentence's content words the other text must hold for the sentence to be
taken as retold there."""


def _items_left(
    text: str,
    doc: int,
    region: Span,
    taken: _Taken,
    other: frozenset[str],
    pieces: tuple[Span, ...],
    block: _Taken,
) -> list[Fact]:
    """The last items of lists in retold sentences that the other text leaves out: in a
    sentence most of whose content words (:data:`MIN_RETOLD`) the other text holds, the
    noun phrase after "and"/"or" (two to five content words, no name, number or verb
    group) none of whose content words the other text holds (a head it shares with the
    item before aside: "day passes and season passes"), when the item before it is
    held there ("a fee and a refundable deposit" retold with the fee alone). ``block``:
    clauses already taken as dropped."""
    out: list[Fact] = []
    for ss, se in _sentences(text, pieces):
        if se <= region[0] or ss >= region[1]:
            continue
        end = _SENTENCE_END_RE.search(text, ss, se)
        if end is None or "?" in end.group():
            continue
        stems = _content_stems(text, ss, se)
        if len(stems) < MIN_CONTENT or sum(w in other for w in stems) < MIN_RETOLD * len(stems):
            continue
        for m in _LAST_ITEM_RE.finditer(text, ss, se):
            a, b = m.span(1)
            b = a + len(text[a:b].rstrip())
            toks = tokenize(text, a, b)
            if not toks or toks[0].norm.endswith(("ing", "ed")):
                continue  # a verb phrase: a second predicate, read as a clause
            if any(
                not t.norm.isalpha() or text[t.start].isupper() or t.norm in _VERBAL for t in toks
            ):
                continue  # a name, a number or a verb group: facts or a clause of their own
            mine = _content_stems(text, a, b)
            c = text.rfind(",", ss, m.start())
            before = _content_stems(text, c + 1 if c >= 0 else ss, m.start())
            own = [w for w in mine if w not in before]  # a head both items share is no loss
            if not 2 <= len(mine) <= 5 or not own or any(w in other for w in own):
                continue
            if not before or not all(w in other for w in before[-2:]):
                continue  # the item before it is not held either: not a list cut short
            if not taken.free((a, b)) or not block.free((a, b)):
                continue
            t = text[a:b]
            out.append(Fact("claim", t, (a, b), doc, collapse(fold(t))))
    return out

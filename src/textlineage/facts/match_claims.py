"""Claims that changed strength inside aligned passages: a hedge dropped or added ("police
reportedly arrested" → "police arrested"), a superlative changed ("second-most trending"
→ "second trending"), a qualifier in front of a quantity that is no number fact ("nearly
half" → "half"), one quantifier for another ("most voters" → "all voters").

These are words, not facts an extractor finds on its own: they only mean something against
the other text. So they are looked for where the two texts say the same thing, in the
aligned passages: the words of each passage's two sides are aligned (a longest-matching-
block alignment), and a small edit (at most :data:`MAX_EDIT` words a side) between words
the two sides share that adds, drops or replaces a marker word is a change. Each side of
the change is reported as a ``claim`` fact reaching from the shared word before the edit to
the shared word after it, so that it reads on both sides ("second-most trending" /
"second trending").

The best-aligned sentences are also read whole by :mod:`.claim_rules` (a hedged verb
stated elsewhere in the sentence, a negation dropped, a superlative's rank or scope, a
thing the source never names); a claim running into a changed number is reported once.

A qualifier before an extracted number and an edit inside a quotation are left to their
own diffs; translations and texts in languages the word lists do not cover are not read.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from ..text.normalise import Token, fold, tokenize
from ..text.segment import split_sentences
from ..types import Fact, FactLink, Passage
from .claim_beliefs import belief_shapes
from .claim_modals import MODAL_WORDS, modal_shapes
from .claim_numbers import merge_with_numbers
from .claim_opposites import scale_shapes
from .claim_rules import (
    AUX,
    CONSIDER,
    INTENT_VERBS,
    NEGATING_DETERMINERS,
    NEGATIONS,
    Shape,
    hedge_shapes,
    negation_shapes,
    none_shapes,
    object_shapes,
    superlative_shapes,
    verb_stem,
    with_conditions,
)
from .claim_rules import HEDGE_ADVERBS as RULE_HEDGE_ADVERBS
from .claim_rules import HEDGE_VERBS as RULE_HEDGE_VERBS
from .forms import collapse
from .items import Item, Result
from .vocab import QUAL_CLASS, SCALE_NUM, SMALL_NUM, TENS_NUM

CLAIM_LANGUAGES = frozenset({"en", "und"})
"""Languages whose hedges and quantifiers are listed here."""

MAX_EDIT = 4
"""The most words a side of an edit may have for it to be read as a change of strength."""
_MIN_CONTEXT = 3  # shared words around an edit, before and after together ...
_MIN_CONTEXT_OTHER = 4  # ... and in a sentence other than the one sharing most words
_MAX_SPAN = 160  # characters of a claim: an edit's words spread wider are not one claim
_MAX_TOKENS = 400  # words a sentence may have to be aligned word by word
_CANDIDATES = 3  # source sentences a derived sentence is aligned with
_UNTIL_WITHIN = 6  # words after a negation dropped in which "until" makes it a limit


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


HEDGES = _set(
    """may might could reportedly allegedly apparently purportedly possibly probably
    likely perhaps seemingly supposedly presumably alleged suspected unconfirmed
    rumoured rumored possible potential probable apparent partial preliminary provisional
    tentative usually"""
)
"""Words that make a claim tentative, partial or second-hand ("an investigation into
possible negligence", "a partial signature")."""
HEDGE_VERBS = _set(
    "said believed thought appears appear appeared seems seem seemed claimed reported"
)
"""Verbs that hedge when followed by "to" ("is said to have", "appears to be")."""
QUANTIFIERS = _set("all every most many some few several none majority minority")
"""Words that say how much of a whole a claim covers."""
_SCOPE_QUANTIFIERS = _set("all every most many some few several")
"""Quantifiers whose loss or gain before a noun widens or narrows a claim."""
_SCOPE_PREPOSITIONS = _set("in for among across at of")
_STOP_AFTER = _set("of the a an than more less other")
DEGREE = frozenset({"most", "least"})
"""Words that make a superlative of what follows ("second-most", "the least")."""
_ORDINALS = _set("first second third fourth fifth sixth seventh eighth ninth tenth the")
_ORDINAL_RE = regex.compile(r"(?:\G|(?<!\d))\d++(?:st|nd|rd|th)")
_ARTICLES = frozenset({"a", "an"})
QUANTITY_WORDS = frozenset(
    {
        "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority",
        "double", "twice", "triple", "dozen", "dozens", "hundreds", "thousands", "millions",
        "billions", *SMALL_NUM, *TENS_NUM, *SCALE_NUM,
    }
)  # fmt: skip
"""Words a qualifier ("nearly", "over") may stand before to make a claim of quantity."""
_QUALIFIERS: dict[tuple[str, ...], str] = {tuple(q.split()): c for q, c in QUAL_CLASS.items()}
_MARKERS = (
    HEDGES | HEDGE_VERBS | QUANTIFIERS | DEGREE | {q[0] for q in _QUALIFIERS}
    | RULE_HEDGE_ADVERBS | RULE_HEDGE_VERBS | INTENT_VERBS | CONSIDER
)  # fmt: skip
"""Words one of which an edit must touch to change a claim's strength."""


@dataclass(frozen=True)
class _Side:
    """A sentence of one side of a passage: its text, tokens, folded words (the month
    "May" told from the modal "may"), the spans of the facts that claim edits first
    (numbers, dates, quotations), and whether it holds a word that can change a claim's
    strength."""

    text: str
    doc: int
    tokens: list[Token]
    taken: list[tuple[int, int]]
    words: list[str]
    marked: bool


def _side(text: str, doc: int, tokens: list[Token], taken: list[tuple[int, int]]) -> _Side:
    lo, hi = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
    taken = [sp for sp in taken if sp[0] < hi and lo < sp[1]]  # those the sentence meets
    words = [
        "may (month)" if t.norm == "may" and text[t.start].isupper() else t.norm for t in tokens
    ]
    marked = not _MARKERS.isdisjoint(words) or any(
        w.endswith(("n't", "est")) or w in NEGATIONS or w in NEGATING_DETERMINERS for w in words
    )
    return _Side(text, doc, tokens, taken, words, marked)


def _hedges(words: Sequence[str], following: str) -> list[str]:
    """The hedges ``words`` hold ("reportedly"; a hedging verb with the "to" after it,
    which may be the ``following`` word)."""
    out = [w for w in words if w in HEDGES]
    seq = [*words, following]
    out += [f"{a} to" for a, b in itertools.pairwise(seq) if a in HEDGE_VERBS and b == "to"]
    return with_conditions(out, seq)


def _negations(words: Sequence[str]) -> int:
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't"))


def _rest(words: Sequence[str]) -> list[str]:
    """The words of an edit bar negations and auxiliaries: a negation dropped with other
    words ("who was not involved" → "") drops a clause, it does not reverse one."""
    return [w for w in words if w not in NEGATIONS and w not in AUX and not w.endswith("n't")]


def _qualifier(words: Sequence[str]) -> str | None:
    """The meaning class (``>``, ``<``, ``~``) of the qualifier ``words`` are, "" for no
    words, None when they are not a qualifier."""
    if not words:
        return ""
    return _QUALIFIERS.get(tuple(words))


def _is_quantity(word: str) -> bool:
    return word in QUANTITY_WORDS or word.replace(".", "").replace(",", "").isdigit()


def _degree(words: Sequence[str], before: str) -> bool:
    """Do ``words`` hold "most"/"least" making a superlative (after an ordinal or "the")?"""
    prev = before
    for w in words:
        if w in DEGREE and (prev in _ORDINALS or _ORDINAL_RE.fullmatch(prev)):
            return True
        prev = w
    return False


def _classify(
    a: Sequence[str], b: Sequence[str], before: str, after: str, bears_on: str
) -> tuple[str, str]:
    """What the edit of words ``a`` (source) into ``b`` (derived), between the shared
    words ``before`` and ``after``, does to a claim's strength: a ``(detail, note)`` pair,
    ``("", "")`` for nothing. ``bears_on``: the shared word a qualifier would qualify
    (``after``, or the word after an article)."""
    ha, hb = _hedges(a, after), _hedges(b, after)
    if len(ha) != len(hb):
        if len(ha) > len(hb):
            return "hedge_dropped", f"hedge '{' '.join(ha)}' dropped"
        return "hedge_added", f"hedge '{' '.join(hb)}' added"
    na, nb = _negations(a), _negations(b)
    if na != nb and _rest(a) == _rest(b):
        return "reversed", f"negation {'dropped' if na > nb else 'added'}"
    da, db = _degree(a, before), _degree(b, before)
    if da != db:
        word = next(w for w in (a if da else b) if w in DEGREE)
        return "degree", f"superlative '{word}' {'dropped' if da else 'added'}"
    if bears_on and _is_quantity(bears_on):
        qa, qb = _qualifier(a), _qualifier(b)
        if qa is not None and qb is not None and qa != qb:
            if qa and not qb:
                return "qualifier_dropped", f"qualifier '{' '.join(a)}' dropped"
            if qb and not qa:
                return "qualifier_added", f"qualifier '{' '.join(b)}' added"
            return "qualifier_changed", f"qualifier '{' '.join(a)}' → '{' '.join(b)}'"
    if len(a) == len(b) == 1 and a[0] != b[0] and a[0] in QUANTIFIERS and b[0] in QUANTIFIERS:
        return "quantifier", f"quantifier '{a[0]}' → '{b[0]}'"
    scope = _quantified_scope(a, b, after)
    if scope:
        return "quantifier", scope
    return "", ""


def _quantified_scope(a: Sequence[str], b: Sequence[str], after: str) -> str:
    """A quantifier dropped or added before a noun ("ban most private cars" → "ban
    private cars"), or a phrase of scope with a quantifier ("in most specialties")
    dropped or added whole: the claim covers another share of its subject. The note,
    "" for none."""
    if a and b:
        return ""
    words, gone = (a, True) if a else (b, False)
    how = "dropped" if gone else "added"
    if (
        len(words) == 1 and words[0] in _SCOPE_QUANTIFIERS and after.isalpha()
        and after not in QUANTITY_WORDS and after not in _STOP_AFTER
    ):  # fmt: skip
        return f"quantifier '{words[0]}' {how}"
    if (
        3 <= len(words) <= MAX_EDIT
        and words[0] in _SCOPE_PREPOSITIONS
        and words[1] in _SCOPE_QUANTIFIERS
        and words[-1].isalpha()
    ):  # fmt: skip  (a noun after the quantifier: "at all" is no scope)
        return f"scope '{' '.join(words)}' {how}"
    return ""


def _inside(pos: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(pos[0] < e and s < pos[1] for s, e in taken)


_CLAUSE_END_RE = regex.compile(r"[.!?;:\n]")


def _claim(side: _Side, lo: int, hi: int, before: bool, after: bool) -> Fact | None:
    """The claim fact of tokens ``lo:hi`` of a side: the edit with the shared words
    before and after it (``before``, ``after``: the first and last tokens are those), a
    shared word left out when a sentence ends between it and the edit."""
    toks = side.tokens
    if (
        before
        and hi - lo > 1
        and _CLAUSE_END_RE.search(side.text, toks[lo].end, toks[lo + 1].start)
    ):
        lo += 1
    if (
        after
        and hi - lo > 1
        and _CLAUSE_END_RE.search(side.text, toks[hi - 2].end, toks[hi - 1].start)
    ):
        hi -= 1
    if lo >= hi:
        return None
    s, e = toks[lo].start, toks[hi - 1].end
    if e - s > _MAX_SPAN or "\n\n" in side.text[s:e]:
        return None
    t = side.text[s:e]
    return Fact("claim", t, (s, e), side.doc, collapse(fold(t)))


_FILLERS = _set(
    """the a an to of in on at by for from with as and or that this these those it its
    their his her our , . ; : ' " ( ) - —"""
)
"""Words too common to anchor the word alignment of two sentences ("to" of "likely to
rise" taken for the "to" of "to reach" leaves "rise" unaligned); they are still aligned
next to words that anchor."""


def _is_filler(word: str) -> bool:
    return word in _FILLERS


def _passage_changes(src: _Side, der: _Side, min_context: int) -> list[FactLink]:
    """The changes of strength between two aligned sentences: small edits with at least
    ``min_context`` shared words around them, in the word alignment of all words and in
    the one anchored on words that are not fillers (:data:`_FILLERS`)."""
    out: list[FactLink] = []
    for junk in (None, _is_filler):
        for link in _edits(src, der, min_context, junk):
            if not any(
                _overlaps(link.source.span, {o.source.span})
                or _overlaps(link.derived.span, {o.derived.span})
                for o in out
            ):
                out.append(link)
    return out


def _edits(
    src: _Side, der: _Side, min_context: int, junk: Callable[[str], bool] | None
) -> list[FactLink]:
    """The changes of strength of one word alignment of two sentences (``junk``: the
    words that may not anchor it)."""
    a, b = src.words, der.words
    ops = SequenceMatcher(junk, a, b, autojunk=False).get_opcodes()
    out: list[FactLink] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal" or i2 - i1 > MAX_EDIT or j2 - j1 > MAX_EDIT:
            continue
        prev = ops[k - 1] if k > 0 else None
        nxt = ops[k + 1] if k + 1 < len(ops) else None
        if (prev is not None and prev[0] != "equal") or (nxt is not None and nxt[0] != "equal"):
            continue
        context = (prev[2] - prev[1] if prev else 0) + (nxt[2] - nxt[1] if nxt else 0)
        if context < min_context:
            continue
        # a shared word that is a fact of its own (a date, a number) is left out
        before = a[i1 - 1] if i1 > 0 and prev and not _taken_at(src, der, i1 - 1, j1 - 1) else ""
        after = a[i2] if i2 < len(a) and nxt and not _taken_at(src, der, i2, j2) else ""
        # the word a qualifier bears on: after an article ("nearly a third"), the next
        ahead = 2 if after in _ARTICLES and nxt and nxt[2] - nxt[1] >= 2 else 1
        bears_on = a[i2 + ahead - 1] if after else ""
        detail, note = _classify(a[i1:i2], b[j1:j2], before, after, bears_on)
        if not detail:
            continue
        if detail.startswith("hedge") and _verb_moved(a[i1:i2], b[j1:j2]):
            continue  # "may have been copied" dropped whole: the verb moved (claim_rules)
        if detail == "reversed" and "until" in (*a[i2 : i2 + _UNTIL_WITHIN], *b[j1:j2]):
            # "not available until 2029" → "available from 2029": a limit made a date
            detail, note = "not_until", f"'not … until' made a date ({note})"
        if not detail.startswith("qualifier"):
            ahead = 1
        if any(_inside(src.tokens[i][:2], src.taken) for i in range(i1, i2)) or any(
            _inside(der.tokens[j][:2], der.taken) for j in range(j1, j2)
        ):
            continue  # a number's qualifier, or words inside a quotation
        if detail.startswith("qualifier") and _inside(src.tokens[i2 + ahead - 1][:2], src.taken):
            continue
        lo_a, hi_a = i1 - (1 if before else 0), i2 + (ahead if after else 0)
        lo_b, hi_b = j1 - (1 if before else 0), j2 + (ahead if after else 0)
        sf = _claim(src, lo_a, hi_a, bool(before), bool(after))
        df = _claim(der, lo_b, hi_b, bool(before), bool(after))
        if sf is not None and df is not None:
            if detail == "reversed":
                out.append(FactLink("claim", sf, df, note, "reversed"))
            else:
                out.append(FactLink("claim", sf, df, note, "strength", detail))
    return out


def _verb_moved(a: Sequence[str], b: Sequence[str]) -> bool:
    """Does one side of an edit drop a hedge with the verb it hedges, the other side
    being empty (the verb stands elsewhere in the sentence)?"""
    words = [w for w in a or b if w not in " ".join(with_conditions([], a or b)).split()]
    if a and b:
        return False
    return any(
        w.isalpha() and w not in AUX and w != "to" and w not in HEDGES and w not in HEDGE_VERBS
        for w in words
    )


def _taken_at(src: _Side, der: _Side, i: int, j: int) -> bool:
    """Is token ``i`` of the source sentence, or ``j`` of the derived, inside a fact?"""
    return _inside(src.tokens[i][:2], src.taken) or _inside(der.tokens[j][:2], der.taken)


def diff_claims(
    texts: tuple[str, str],
    docs: tuple[int, int],
    passages: Sequence[Passage],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
    read: tuple[tuple[tuple[int, int], ...] | None, tuple[tuple[int, int], ...] | None] = (
        None,
        None,
    ),
) -> None:
    """Add to ``res`` the changes of strength found inside the aligned ``passages`` of a
    source and a derived text (``texts``, ``docs``: source first); ``items``: the facts of
    each text, whose numbers, dates and quotations edits must not touch.

    Inside a passage each derived sentence is aligned with the few source sentences that
    share most words with it (:data:`_CANDIDATES`; a rewrite reorders sentences and
    clauses, and an alignment of the whole passage would miss an edit whose sentence
    moved), and only when one of the two holds a word that can change a claim's strength.
    ``read``: the windows of a long text the fact diff read (None: all of it), the only
    part of it whose words count as named elsewhere."""
    taken = [
        [it.fact.span for it in side if it.cls in ("number", "date", "quote")] for side in items
    ]
    sentences = [[(x.start, x.end) for x in split_sentences(t)] for t in texts]
    claimed: tuple[set[tuple[int, int]], set[tuple[int, int]]] = (
        {c.source.span for c in res.changed if c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.derived.doc == docs[1]},
    )
    reported = (set(claimed[0]), set(claimed[1]))
    stems: tuple[frozenset[str], ...] | None = None
    for p in passages:
        if p.languages is not None or p.kind == "verbatim":
            continue
        if not all(0 <= d < len(p.spans) for d in docs):
            continue
        chunks = [
            [
                _side(texts[n], docs[n], toks, taken[n])
                for toks in _sentence_tokens(texts[n], p.spans[docs[n]], sentences[n])
            ]
            for n in (0, 1)
        ]
        index: dict[str, list[int]] = {}
        for k, src in enumerate(chunks[0]):
            for w in set(src.words):
                index.setdefault(w, []).append(k)
        one_pair = len(chunks[0]) == len(chunks[1]) == 1
        for der in chunks[1]:
            # one sentence each side: a pair the alignment made, read however few words
            # they share ("Power outages are possible" / "Widespread power outages expected")
            ranks = _sentences_by_overlap(der, index) or ([0] if one_pair else [])
            for rank, k in enumerate(ranks):
                src = chunks[0][k]
                marked = src.marked or der.marked
                if (not marked and rank) or src.words == der.words:
                    continue
                context = _MIN_CONTEXT if rank == 0 else _MIN_CONTEXT_OTHER
                links = _passage_changes(src, der, context) if marked else []
                if rank == 0:
                    if stems is None:
                        stems = tuple(
                            frozenset(
                                verb_stem(t.norm)
                                for a, b in (w or ((0, len(x)),))
                                for t in tokenize(x, a, b)
                            )
                            for x, w in zip(texts, read, strict=True)
                        )
                    links += _sentence_changes(src, der, stems, marked)
                elif marked:
                    # a sentence merging two: the modality of the second one's clause
                    links += _links(src, der, _modal_shapes(src, der))
                add_links(res, links, claimed)
    merge_with_numbers(res, texts)
    claimed = (claimed[0] - reported[0], claimed[1] - reported[1])
    if claimed[1]:
        # A name the claim's words hold ("Half" opening a sentence) is the claim's.
        res.added[:] = [f for f in res.added if not _within(f.span, claimed[1])]
        res.dropped[:] = [f for f in res.dropped if not _within(f.span, claimed[0])]


def add_links(
    res: Result,
    links: Sequence[FactLink],
    claimed: tuple[set[tuple[int, int]], set[tuple[int, int]]],
) -> None:
    """Report each link whose two sides overlap no claim reported before (``claimed``,
    the spans on each side, which it extends)."""
    for link in links:
        if _overlaps(link.source.span, claimed[0]) or _overlaps(link.derived.span, claimed[1]):
            continue
        claimed[0].add(link.source.span)
        claimed[1].add(link.derived.span)
        res.changed.append(link)


def _sentence_changes(
    src: _Side, der: _Side, stems: tuple[frozenset[str], ...], marked: bool
) -> list[FactLink]:
    """The changes the rules of :mod:`.claim_rules` find in two aligned sentences, bar
    those touching a number, a date or a quotation. ``stems``: the stems of the words of
    the whole source and derived text; ``marked``: does either sentence hold a hedge, a
    negation or a superlative (else only the things verbs act on are compared)?"""
    lower = tuple([side.text[t.start].islower() for t in side.tokens] for side in (src, der))
    shapes = object_shapes(src.words, der.words, (lower[0], lower[1]), (stems[0], stems[1]))
    shapes += belief_shapes(src.words, der.words, (_clauses(src), _clauses(der)))
    if marked:
        shapes += hedge_shapes(src.words, der.words)
        shapes += negation_shapes(src.words, der.words, (_clauses(src), _clauses(der)))
        shapes += none_shapes(src.words, der.words, (_clauses(src), _clauses(der)))
        shapes += _modal_shapes(src, der)
    blocked = (_blocked(src), _blocked(der))
    clauses = (_clauses(src), _clauses(der))
    pair = (stems[0], stems[1])
    shapes += scale_shapes(src.words, der.words, clauses, blocked, (lower[0], lower[1]), pair)
    out = _links(src, der, shapes)
    if not marked:
        return out
    # a superlative may hold a rank the number diff took ("third-fastest time"): its
    # own changes are kept apart by the spans already reported changed
    for sh in superlative_shapes(src.words, der.words, (_clauses(src), _clauses(der))):
        sf, df = _claim(src, *sh.src, False, False), _claim(der, *sh.der, False, False)
        if sf is not None and df is not None:
            out.append(FactLink("claim", sf, df, sh.note, sh.label, sh.detail))
    return out


def _blocked(side: _Side) -> list[bool]:
    """Whether each token of a sentence belongs to a number, a date or a quotation (the
    text's spans of those read once for the sentence, not once a token)."""
    if not side.tokens:
        return []
    lo, hi = side.tokens[0].start, side.tokens[-1].end
    near = [sp for sp in side.taken if sp[0] < hi and lo < sp[1]]
    return [_inside((t.start, t.end), near) for t in side.tokens]


def _modal_shapes(src: _Side, der: _Side, min_steps: int = 1) -> list[Shape]:
    """:func:`.claim_modals.modal_shapes` of two sentences, numbers, dates and quotations
    blocked."""
    if MODAL_WORDS.isdisjoint(src.words) or MODAL_WORDS.isdisjoint(der.words):
        return []  # (a modality on each side, or nothing to compare: most pairs, cheaply)
    blocked = tuple(_blocked(side) for side in (src, der))
    return modal_shapes(
        src.words,
        der.words,
        (_clauses(src), _clauses(der)),
        (blocked[0], blocked[1]),
        min_steps,
    )


def _links(src: _Side, der: _Side, shapes: list[Shape]) -> list[FactLink]:
    """The claim links of some shapes, bar those touching a number, a date or a
    quotation."""
    out: list[FactLink] = []
    for sh in shapes:
        if any(_inside(src.tokens[i][:2], src.taken) for i in range(*sh.src)) or any(
            _inside(der.tokens[j][:2], der.taken) for j in range(*sh.der)
        ):
            continue
        sf, df = _claim(src, *sh.src, False, False), _claim(der, *sh.der, False, False)
        if sf is not None and df is not None:
            unsupported = sh.label == "object" or sh.detail == "stage_up"
            out.append(FactLink("claim", sf, df, sh.note, sh.label, sh.detail, unsupported))
    return out


_CLAUSE_BREAK_RE = regex.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _clauses(side: _Side) -> list[int]:
    """The clause number of each token of a sentence: a new clause after punctuation
    that separates clauses, or at "but"."""
    out: list[int] = []
    n = 0
    for k, t in enumerate(side.tokens):
        if k and (
            _CLAUSE_BREAK_RE.search(side.text, side.tokens[k - 1].end, t.start)
            or side.words[k] == "but"
        ):
            n += 1
        out.append(n)
    return out


def _overlaps(span: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _sentence_tokens(
    text: str, spans: Sequence[tuple[int, int]], sentences: list[tuple[int, int]]
) -> list[list[Token]]:
    """The words of each sentence (cut to ``spans``) that ``spans`` cover."""
    out: list[list[Token]] = []
    for s, e in sorted(spans):
        pieces = []
        i = max(0, bisect.bisect_right(sentences, (s, len(text) + 1)) - 1)
        while i < len(sentences) and sentences[i][0] < e:
            lo, hi = max(s, sentences[i][0]), min(e, sentences[i][1])
            if lo < hi:
                pieces.append((lo, hi))
            i += 1
        for lo, hi in pieces or [(s, e)]:
            toks = tokenize(text, lo, hi)
            if 0 < len(toks) <= _MAX_TOKENS:
                out.append(toks)
    return out


def _sentences_by_overlap(der: _Side, index: dict[str, list[int]]) -> list[int]:
    """The source sentences (their numbers) sharing the most distinct words with ``der``,
    at least :data:`_MIN_CONTEXT`, most first: a derived sentence may join clauses of a
    few."""
    shared: Counter[int] = Counter()
    for w in set(der.words):
        shared.update(index.get(w, ()))
    best = heapq.nsmallest(_CANDIDATES, ((-n, k) for k, n in shared.items() if n >= _MIN_CONTEXT))
    return [k for _, k in best]


def _within(span: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)

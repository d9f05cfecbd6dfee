"""A question the source leaves open, settled by the derived text: the source says it does
not know, has not decided or cannot tell whether something is so ("the survey does not
show whether the scheme saved money", "it is unclear whether the bridge was damaged"), and
the derived text states it, or its opposite, as a fact ("the scheme saved money", "the
bridge was not damaged", "the scheme was uneconomic").

The open question is read at "whether" with a negation or an adjective of doubt
("unclear", "unknown") a few words before it in the same clause; what it asks is the
clause after "whether" up to its end or its first "or". A sentence of the derived text
that names two content words of the question (by their stems; a word against its
negative prefix, "safe" against "unsafe", counts) and holds no doubt of its own (no
"whether", "if", hedge or adjective of doubt) settles it: the two are reported as a claim
reversed, once a question. Words inside quotations are read too (a spokesperson's caveat
dropped from a quotation is still a caveat); numbers and dates stop the question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text.normalise import tokenize
from ..text.segment import split_sentences
from ..types import FactLink
from .claim_rules import AUX, NEGATIONS, verb_stem
from .items import Result
from .match_claims import _MAX_TOKENS, _blocked, _claim, _clauses, _overlaps, _Side, _side

Span = tuple[int, int]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DOUBT_ADJECTIVES = _set("unclear unknown uncertain undecided undetermined unresolved unsure")
"""Adjectives that leave a question open ("it is unclear whether")."""
_DOUBT = DOUBT_ADJECTIVES | _set(
    """whether if may might could possibly perhaps maybe likely unlikely probably possible
    reportedly allegedly suspected"""
)
"""Words that keep a derived sentence from settling anything."""
_BEFORE = 5  # words before "whether" in which the negation or the doubt stands
_QUESTION = 10  # words of the question read after "whether"
_MIN_LEN = 4  # letters of a content word
_MIN_SHARED = 2  # content words of the question the derived sentence must name
_MAX_ASKED = 100
"""Questions (sets of stems) read in one text at most: each is asked of every sentence
naming two of its stems, and a story leaves far fewer open."""
_NEGATIVE_PREFIXES = ("un", "in", "non", "im", "ir", "il", "dis")
_NOT_CONTENT = _set(
    """the this that these those there their them they with from into over under about
    after before during than also said says told according which what when where while
    more most less much many some such only very just even still then themselves itself
    people"""
)


def _content(w: str) -> bool:
    return w.isalpha() and len(w) >= _MIN_LEN and w not in _NOT_CONTENT and w not in AUX


def _stem(w: str) -> str:
    """The stem a word is compared by, a negative prefix taken off when what is left is
    still a word of some length ("unnecessary" → "necessary")."""
    for p in _NEGATIVE_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= _MIN_LEN + 2:
            return verb_stem(w[len(p) :])
    return verb_stem(w)


def open_questions(side: _Side) -> list[tuple[int, int, int]]:
    """(start, whether, end) of each open question of a sentence: the negation or doubt
    word, "whether", and the end (exclusive) of what it asks."""
    words = side.words
    clause = _clauses(side)
    blocked = _blocked(side)
    out = []
    for k, w in enumerate(words):
        if w != "whether" or k + 1 >= len(words) or words[k + 1] == "to":
            continue  # ("whether to appeal": a decision to take, not a fact)
        start = next(
            (
                i
                for i in range(k - 1, max(-1, k - 1 - _BEFORE), -1)
                if clause[i] == clause[k]
                and (
                    words[i] in NEGATIONS
                    or words[i].endswith("n't")
                    or words[i] in DOUBT_ADJECTIVES
                )
            ),
            None,
        )
        if start is None:
            continue
        end = k + 1
        while (
            end < len(words)
            and end - k <= _QUESTION
            and clause[end] == clause[k + 1]
            and words[end] != "or"
            and not blocked[end]
        ):
            end += 1
        if end > k + 1:
            out.append((start, k, end))
    return out


def settled_questions(
    texts: tuple[str, str],
    docs: tuple[int, int],
    taken: Sequence[list[Span]],
    res: Result,
    read: tuple[Sequence[Span] | None, Sequence[Span] | None] = (None, None),
) -> None:
    """Add to ``res`` the questions the source leaves open that the derived text settles
    (see the module's docstring), claims already reported on a side left alone.
    ``taken``: each side's number and date spans."""
    if "whether" not in texts[0].lower():
        return
    sentences = [[(x.start, x.end) for x in split_sentences(t)] for t in texts]
    questions = []
    for src in _sides(texts[0], docs[0], read[0], taken[0], sentences[0], _asking):
        for q in open_questions(src):
            stems = frozenset(_stem(w) for w in src.words[q[1] + 1 : q[2]] if _content(w))
            if len(stems) >= _MIN_SHARED:
                questions.append((src, q, stems))
    if not questions:
        return
    # claims reported on a side (a quotation changed around the question is another fact)
    claimed = (
        {c.source.span for c in res.changed if c.kind == "claim" and c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.kind == "claim" and c.derived.doc == docs[1]},
    )
    # each side's sentences read once; what settles a set of stems asked once
    reads = [_Reading(texts[i], docs[i], read[i], taken[i], sentences[i]) for i in (0, 1)]
    settling: dict[frozenset[str], tuple[list[_Settling], list[_Settling]]] = {}
    for src, (start, _, end), stems in questions:
        if stems not in settling:
            if len(settling) >= _MAX_ASKED:
                continue  # (a text of so many questions is not a story's)
            settling[stems] = (reads[0].settling(stems), reads[1].settling(stems))
        own, ders = settling[stems]
        if any(o[1].tokens[0].start != src.tokens[0].start for o in own):
            continue  # the source settles it itself elsewhere
        best = None
        for hit, der in ders:
            if best is None or hit[0] > best[0][0]:
                best = hit, der
        if best is None:
            continue
        (_, lo, hi), der = best
        sf, df = _claim(src, start, end, False, False), _claim(der, lo, hi, False, False)
        if sf is None or df is None:
            continue
        if _overlaps(sf.span, claimed[0]) or _overlaps(df.span, claimed[1]):
            continue
        claimed[0].add(sf.span)
        claimed[1].add(df.span)
        note = f"'{' '.join(src.words[start:end])}': an open question stated as settled"
        res.changed.append(FactLink("claim", sf, df, note, "reversed"))


_Settling = tuple[tuple[int, int, int], _Side]
"""A sentence settling a question, with what :meth:`_Reading.settles` found in it."""


class _Reading:
    """One side's sentences, each tokenized and read once, and indexed by the stems of
    their content words: a question is asked only of the sentences naming two of its stems,
    not of every sentence again."""

    def __init__(
        self,
        text: str,
        doc: int,
        read: Sequence[Span] | None,
        taken: list[Span],
        sentences: list[Span],
    ) -> None:
        self.lows = [text[s:e].lower() for s, e in sentences]
        self.by_stem: dict[str, list[int]] = {}
        self.sides: list[_Side | None] = []
        # each sentence's content words by stem: (word's index, its clause)
        self.words: list[dict[str, list[tuple[int, int]]]] = []
        spans = set(read or ((0, len(text)),))
        for n, (s, e) in enumerate(sentences):
            toks = tokenize(text, s, e)
            side = None
            words: dict[str, list[tuple[int, int]]] = {}
            if 0 < len(toks) <= _MAX_TOKENS and _overlaps((toks[0].start, toks[-1].end), spans):
                side = _side(text, doc, toks, taken)
                if _DOUBT.isdisjoint(side.words):  # (a sentence with doubt settles nothing)
                    clause = _clauses(side)
                    for i, w in enumerate(side.words):
                        if _content(w):
                            words.setdefault(_stem(w), []).append((i, clause[i]))
                for st in words:
                    self.by_stem.setdefault(st, []).append(n)
            self.sides.append(side)
            self.words.append(words)

    def settling(self, stems: frozenset[str]) -> list[_Settling]:
        """The sentences (in order) that name at least :data:`_MIN_SHARED` of ``stems`` (as
        parts of their words too) and settle them (:meth:`settles`)."""
        count: dict[int, int] = {}
        for st in stems:
            for n in self.by_stem.get(st, ()):
                count[n] = count.get(n, 0) + 1
        keep = _naming(stems)
        out = []
        for n in sorted(n for n, c in count.items() if c >= _MIN_SHARED):
            side = self.sides[n]
            if side is None or not keep(self.lows[n]):
                continue
            hit = self.settles(n, stems)
            if hit is not None:
                out.append((hit, side))
        return out

    def settles(self, n: int, stems: frozenset[str]) -> tuple[int, int, int] | None:
        """The clause of sentence ``n`` that names the most of ``stems`` (at least
        :data:`_MIN_SHARED`) with no doubt of its own: (words named, first, end)."""
        named = sorted((i, c, st) for st in stems for i, c in self.words[n].get(st, ()))
        by_clause: dict[int, list[tuple[int, str]]] = {}
        for i, c, st in named:
            by_clause.setdefault(c, []).append((i, st))
        best: tuple[int, int, int] | None = None
        for idx in by_clause.values():
            k = len({st for _, st in idx})
            if k >= _MIN_SHARED and (best is None or k > best[0]):
                best = k, idx[0][0], idx[-1][0] + 1
        return best


def _asking(low: str) -> bool:
    return "whether" in low


def _naming(stems: frozenset[str]) -> Callable[[str], bool]:
    """Does a sentence (lower-cased) hold at least :data:`_MIN_SHARED` of ``stems``, as
    parts of its words?"""
    return lambda low: sum(1 for st in stems if st in low) >= _MIN_SHARED


def _sides(
    text: str,
    doc: int,
    read: Sequence[Span] | None,
    taken: list[Span],
    sentences: list[Span],
    keep: Callable[[str], bool],
) -> list[_Side]:
    """The sentences of a text inside the parts read whose lower-cased text ``keep``s."""
    spans = set(read or ((0, len(text)),))
    out = []
    for s, e in sentences:
        if not keep(text[s:e].lower()):
            continue
        toks = tokenize(text, s, e)
        if 0 < len(toks) <= _MAX_TOKENS and _overlaps((toks[0].start, toks[-1].end), spans):
            out.append(_side(text, doc, toks, taken))
    return out

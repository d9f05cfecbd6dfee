"""Per-document matching features: alignment units and their content terms.

A *unit* is a sentence, or several when they belong together for matching: a run of list
items is one unit (with the line that introduces it), and a sentence with fewer than
``min_terms`` content terms is joined to the next. Content terms are folded tokens minus
stop words, stemmed; numbers are kept whole. This is a pure function of the text, so it can
be computed once per document and cached (the corpus index and the Spark job reuse it).

A document's tokens are kept column by column in one :class:`TokenTable` (the units' tokens
one after the other), and each unit is a slice of it: building a token object per word was
most of the cost of verifying a candidate pair.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from itertools import accumulate, compress, pairwise, repeat
from operator import eq, ge, is_, is_not, itemgetter
from typing import NamedTuple, cast

import numpy as np
import regex
import snowballstemmer

from .normalise import Token, fold, token_columns, tokenize
from .segment import split_sentences

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "shall",
        "may",
        "might",
        "must",
        "yet",
        "also",
        "s",
        "t",
        "don't",
        "can't",
        "won't",
        "it's",
        "i'm",
        "he's",
        "she's",
        "that's",
        "there's",
        "they're",
        "we're",
        "we've",
        "i've",
        "you're",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "doesn't",
        "didn't",
        "wouldn't",
        "couldn't",
        "shouldn't",
        "one",
        "ones",
        "us",
        "let",
    ]
)

_LIST_ITEM_RE = regex.compile(
    r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*\-\u2013]|\d{1,3}[.)])\s"
)

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """Stem a folded word; numbers and non-Latin words pass through."""
    if word[:1].isdigit() or not word.isascii():
        return word.replace(",", "")
    return str(_stemmer.stemWord(word.replace("'", "")))


def term_of(norm: str) -> str | None:
    """The content term of a folded token (its stem; a number whole), or None for a stop
    word or a single character."""
    if (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit():
        return stem(norm)
    return None


WORD, NAME, NUMBER = 1, 2, 3
"""Kinds of content token: a word, a capitalised word (a name inside a sentence), a number
(0: not a content token)."""

_TOKENS: dict[str, tuple[str, str | None, int]] = {}
_TOKEN_CACHE = 200_000
"""Distinct raw tokens whose folded form, term and kind are kept (then the cache starts
over)."""


def _token_info(raw: str) -> tuple[str, str | None, int]:
    """A raw token's folded form, content term and kind."""
    norm = raw.lower() if raw.isascii() else fold(raw)  # fold_token, without its cache
    term = term_of(norm)
    if term is None:
        kind = 0
    elif norm[:1].isdigit():
        kind = NUMBER
    else:
        kind = NAME if raw[:1].isupper() else WORD
    return norm, term, kind


def _tokens_info(raw: list[str]) -> tuple[list[str], list[str | None], list[int]]:
    """The folded form, the content term (:func:`term_of`) and the kind of each raw token,
    from one dictionary (a document's words are mostly known ones; one look-up each, as the
    table is large and each look-up a trip to memory)."""
    info = list(map(_TOKENS.get, raw))
    if None in info:
        new = set(compress(raw, map(is_, info, repeat(None))))
        if len(_TOKENS) + len(new) > _TOKEN_CACHE:
            _TOKENS.clear()
            new = set(raw)
        for r in new:
            _TOKENS[r] = _token_info(r)
        info = list(map(_TOKENS.__getitem__, raw))
    rows = cast("list[tuple[str, str | None, int]]", info)
    return (
        list(map(itemgetter(0), rows)),
        list(map(itemgetter(1), rows)),
        list(map(itemgetter(2), rows)),
    )


def span_terms(text: str, start: int, end: int) -> Counter[str]:
    """The content terms (:func:`term_of`) of ``text[start:end]``, counted."""
    terms = (term_of(t.norm) for t in tokenize(text, start, end))
    return Counter(term for term in terms if term is not None)


def content_terms(tokens: list[Token]) -> list[str]:
    return [
        stem(norm)
        for _, _, norm in tokens
        if (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit()
    ]


class TokenTable(NamedTuple):
    """The tokens of a document's units, in order, column by column."""

    starts: array[int]
    ends: array[int]
    norms: list[str]
    """Folded forms."""
    terms: list[str | None]
    """Each token's content term (None for a stop word)."""
    kinds: list[int]
    """Each token's kind: ``WORD``, ``NAME``, ``NUMBER`` or 0."""

    def __repr__(self) -> str:
        return f"TokenTable({len(self.norms)} tokens)"


class Unit(NamedTuple):
    """An alignment unit: a character range, its content terms, and its tokens, the slice
    ``first:stop`` of the document's :class:`TokenTable` (a unit's ``stop`` is the next
    unit's ``first``, so a run of units is one slice too)."""

    start: int
    end: int
    terms: tuple[str, ...]
    first: int
    stop: int
    table: TokenTable

    @property
    def tokens(self) -> tuple[Token, ...]:
        t, a, b = self.table, self.first, self.stop
        return tuple(map(Token._make, zip(t.starts[a:b], t.ends[a:b], t.norms[a:b], strict=True)))


_DENSE_KEYS = 1 << 16
"""Documents with at most this many (unit, term) cells count them in one array."""


class TermMatrix(NamedTuple):
    """A document's units as rows of term ids (ids in order of first use in the document),
    each row's distinct ids ascending with their counts, as CSR arrays."""

    vocab: dict[str, int]
    indptr: np.ndarray
    indices: np.ndarray
    counts: np.ndarray
    rows: np.ndarray
    """The row (unit) of each entry."""
    sizes: np.ndarray
    """Distinct terms of each unit."""


class Features:
    """Everything alignment needs from one document (immutable once built; what a pair
    needs of it beyond the units is computed on first use and kept)."""

    def __init__(self, text: str, units: tuple[Unit, ...], tokens: TokenTable) -> None:
        self.text = text
        self.units = units
        self.tokens = tokens

    def __repr__(self) -> str:
        return f"Features({len(self.text)} chars, {len(self.units)} units)"

    @cached_property
    def words_and_facts(self) -> tuple[list[set[str]], list[set[str]]]:
        """Each unit's content terms split into wording and facts (names and numbers: a
        number, or a capitalised word inside a sentence). Computed once per document and
        kept with its features, which a search or a discovery worker reuses across pairs."""
        t = self.tokens
        word = list(map(eq, t.kinds, repeat(WORD)))
        fact = list(map(ge, t.kinds, repeat(NAME)))
        for u in self.units:  # a unit's first word is capitalised as any sentence's is
            if u.first < u.stop and t.kinds[u.first] == NAME:
                word[u.first], fact[u.first] = True, False
        terms = cast("list[str]", t.terms)  # those picked are not None
        return (
            [set(compress(terms[u.first : u.stop], word[u.first : u.stop])) for u in self.units],
            [set(compress(terms[u.first : u.stop], fact[u.first : u.stop])) for u in self.units],
        )

    @cached_property
    def unit_df(self) -> tuple[Counter[str], Counter[str]]:
        """How many units use each word and each fact (of :attr:`words_and_facts`)."""
        words, facts = self.words_and_facts
        return (
            Counter(w for s in words for w in s),
            Counter(w for s in facts for w in s),
        )

    @cached_property
    def term_matrix(self) -> TermMatrix:
        """The units' terms as a :class:`TermMatrix` (what tf-idf vectors are built from)."""
        terms = self.tokens.terms
        every = cast("list[str]", list(compress(terms, map(is_not, terms, repeat(None)))))
        vocab = {t: i for i, t in enumerate(dict.fromkeys(every))}
        width = max(1, len(vocab))
        lengths = np.fromiter(map(len, (u.terms for u in self.units)), np.int64, len(self.units))
        unit_of = np.repeat(np.arange(len(self.units), dtype=np.int64), lengths)
        ids = np.fromiter(map(vocab.__getitem__, every), np.int64, len(every))
        if len(self.units) * width <= _DENSE_KEYS:  # count every (unit, term) cell at once
            per_key = np.bincount(unit_of * width + ids, minlength=len(self.units) * width)
            keys = np.flatnonzero(per_key)
            counts = per_key[keys]
        else:
            keys, counts = np.unique(unit_of * width + ids, return_counts=True)
        rows = keys // width
        sizes = np.bincount(rows, minlength=len(self.units))
        indptr = np.zeros(len(self.units) + 1, dtype=np.int64)
        np.cumsum(sizes, out=indptr[1:])
        return TermMatrix(vocab, indptr, keys % width, counts.astype(np.float32), rows, sizes)


def _is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM_RE.match(text))


def _groups(text: str) -> list[tuple[int, int]]:
    """Sentence spans joined where they belong together (a list with its introduction)."""
    groups: list[tuple[int, int]] = []
    in_list = False
    for s in split_sentences(text):
        item = _is_list_item(text[s.start : s.end])
        if item and groups and (in_list or text[groups[-1][1] - 1] == ":"):
            groups[-1] = (groups[-1][0], s.end)
        else:
            groups.append((s.start, s.end))
        in_list = item
    return groups


def build_units(text: str, min_terms: int = 3) -> tuple[list[Unit], TokenTable]:
    """A document's units and the table of their tokens.

    Sentence boundaries fall next to white space, which no token holds, so the tokens of a
    sentence group are those of the whole text that start inside it.
    """
    starts, ends, raw = token_columns(text)
    norms, terms, kinds = _tokens_info(raw)
    # Content tokens before each token: a group's term count is a difference of two.
    before = list(accumulate(map(is_not, terms, repeat(None)), initial=0))
    # Each unit: start, end, its groups' token ranges, its number of terms.
    spans: list[tuple[int, int, list[tuple[int, int]], int]] = []
    for start, end in _groups(text):
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        n_terms = before[hi] - before[lo]
        if spans and spans[-1][3] < min_terms:  # too short: joins this one
            start, _, ranges, pending = spans.pop()
            spans.append((start, end, [*ranges, (lo, hi)], pending + n_terms))
        else:
            spans.append((start, end, [(lo, hi)], n_terms))
    if len(spans) > 1 and spans[-1][3] < min_terms:  # a short last one joins the one before
        _, end, ranges, n_terms = spans.pop()
        s0, _, r0, n0 = spans.pop()
        spans.append((s0, end, r0 + ranges, n0 + n_terms))
    # The table: each unit's tokens after the previous unit's (a plain slice of the
    # document's tokens unless a span skips some, which only a sentence left out can do).
    flat = [r for _, _, ranges, _ in spans for r in ranges]
    if all(x[1] == y[0] for x, y in pairwise(flat)):
        lo, hi = (flat[0][0], flat[-1][1]) if flat else (0, 0)
        table = TokenTable(
            array("q", starts[lo:hi]),
            array("q", ends[lo:hi]),
            norms[lo:hi],
            terms[lo:hi],
            kinds[lo:hi],
        )
    else:
        keep = [k for lo, hi in flat for k in range(lo, hi)]
        table = TokenTable(
            array("q", [starts[k] for k in keep]),
            array("q", [ends[k] for k in keep]),
            [norms[k] for k in keep],
            [terms[k] for k in keep],
            [kinds[k] for k in keep],
        )
    content = list(map(is_not, table.terms, repeat(None)))
    units: list[Unit] = []
    at = 0
    for start, end, ranges, _ in spans:
        stop = at + sum(hi - lo for lo, hi in ranges)
        unit_terms = cast(
            "tuple[str, ...]", tuple(compress(table.terms[at:stop], content[at:stop]))
        )
        units.append(Unit(start, end, unit_terms, at, stop, table))
        at = stop
    return units, table


@lru_cache(maxsize=512)
def features(text: str, min_terms: int = 3) -> Features:
    """Compute the matching features of one document (cached: a search compares one query
    with many candidates, a candidate may recur across searches, and discovery verifies a
    document against each of its candidates in turn; about 30 KB a news-length document,
    80 KB once aligned)."""
    units, table = build_units(text, min_terms)
    return Features(text, tuple(units), table)

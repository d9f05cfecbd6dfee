"""Per-document matching features: alignment units and their content terms.

A *unit* is a sentence, or several when they belong together for matching: a run of list
items is one unit (with the line that introduces it), and a sentence with fewer than
``min_terms`` content terms is joined to the next. Content terms are folded tokens minus
stop words, stemmed; numbers are kept whole. This is a pure function of the text, so it can
be computed once per document and cached (the corpus index and the Spark job reuse it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex
import snowballstemmer

from .normalise import Token, tokenize
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


def content_terms(tokens: list[Token]) -> list[str]:
    return [
        stem(norm)
        for _, _, norm in tokens
        if (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit()
    ]


@dataclass(frozen=True)
class Unit:
    """An alignment unit: a character range, its tokens and its content terms."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Features:
    """Everything alignment needs from one document."""

    text: str
    units: tuple[Unit, ...]

    @cached_property
    def words_and_facts(self) -> tuple[list[set[str]], list[set[str]]]:
        """Each unit's content terms split into wording and facts (names and numbers: a
        number, or a capitalised word inside a sentence). Computed once per document and
        kept with its features, which a search or a discovery worker reuses across pairs."""
        words, facts = [], []
        text = self.text
        for u in self.units:
            w: set[str] = set()
            n: set[str] = set()
            for k, t in enumerate(u.tokens):
                norm = t.norm
                number = norm[:1].isdigit()
                if not number and (norm in STOPWORDS or len(norm) <= 1):
                    continue
                (n if number or (k > 0 and text[t.start].isupper()) else w).add(stem(norm))
            words.append(w)
            facts.append(n)
        return words, facts


def _is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM_RE.match(text))


def build_units(text: str, min_terms: int = 3) -> list[Unit]:
    sentences = split_sentences(text)
    groups: list[list[tuple[int, int]]] = []
    in_list = False
    for s in sentences:
        piece = text[s.start : s.end]
        item = _is_list_item(piece)
        if item and groups and (in_list or text[groups[-1][-1][1] - 1] == ":"):
            groups[-1].append((s.start, s.end))
        else:
            groups.append([(s.start, s.end)])
        in_list = item
    units: list[Unit] = []
    pending: tuple[int, int, list[Token], list[str]] | None = None
    for g in groups:
        start, end = g[0][0], g[-1][1]
        toks = tokenize(text, start, end)
        terms = content_terms(toks)
        if pending is not None:
            start = pending[0]
            toks = pending[2] + toks
            terms = pending[3] + terms
            pending = None
        if len(terms) < min_terms:
            pending = (start, end, toks, terms)
            continue
        units.append(Unit(start, end, tuple(toks), tuple(terms)))
    if pending is not None:
        start, end, toks, terms = pending
        if units:
            last = units.pop()
            units.append(
                Unit(last.start, end, last.tokens + tuple(toks), last.terms + tuple(terms))
            )
        else:
            units.append(Unit(start, end, tuple(toks), tuple(terms)))
    return units


@lru_cache(maxsize=512)
def features(text: str, min_terms: int = 3) -> Features:
    """Compute the matching features of one document (cached: a search compares one query
    with many candidates, a candidate may recur across searches, and discovery verifies a
    document against each of its candidates in turn; about 140 KB a news-length document)."""
    return Features(text, tuple(build_units(text, min_terms)))

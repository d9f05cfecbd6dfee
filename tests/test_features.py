"""A document's matching features (units, their tokens and terms) and its masking, each
checked against a plain reference implementation of the same rules: the fast versions
must give the same values."""

from __future__ import annotations

import string
import unicodedata

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DERIVED, SOURCE
from textlineage.corpus.boilerplate import mask_boilerplate, sentence_key
from textlineage.text.features import (
    STOPWORDS,
    Features,
    build_units,
    content_terms,
    features,
    stem,
)
from textlineage.text.normalise import (
    TOKEN_RE,
    Token,
    fold,
    fold_token,
    token_columns,
    tokenize,
)
from textlineage.text.segment import split_sentences

PIECES = [
    "The",
    "council",
    "said",
    "river",
    "Police",
    "U.S.",
    "Mr.",
    "3.5",
    "130,000",
    "1st",
    "we've",
    "Iran’s",
    "naïve",
    "ﬁle",
    "e\u0301",
    "\u0301",
    "²",
    "日本",
    "。",
    "—",
    ".",
    ". ",
    "! ",
    "? ",
    ":",
    "\n",
    "\n\n",
    "• ",
    "- ",
    "1. ",
    "«",
    "»",
    "“",
    "\t",
    "\u00a0",
    "`",
    " ",
    " ",
    "a",
    "I",
]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join) | st.text(max_size=200)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_LIST_ITEM = regex.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*\-\u2013]|\d{1,3}[.)])\s")


def _reference_units(text: str, min_terms: int = 3) -> list[tuple[int, int, tuple, tuple]]:
    """Units as first specified: sentence groups tokenized one by one, a group with fewer
    than ``min_terms`` terms joined to the next (the last to the one before)."""
    groups: list[list[tuple[int, int]]] = []
    in_list = False
    for s in split_sentences(text):
        item = bool(_LIST_ITEM.match(text[s.start : s.end]))
        if item and groups and (in_list or text[groups[-1][-1][1] - 1] == ":"):
            groups[-1].append((s.start, s.end))
        else:
            groups.append([(s.start, s.end)])
        in_list = item
    units: list[tuple[int, int, tuple, tuple]] = []
    pending = None
    for g in groups:
        start, end = g[0][0], g[-1][1]
        toks = [
            Token(m.start(), m.end(), fold_token(m.group()))
            for m in TOKEN_RE.finditer(text, start, end)
        ]
        terms = content_terms(toks)
        if pending is not None:
            start, toks, terms = pending[0], pending[2] + toks, pending[3] + terms
            pending = None
        if len(terms) < min_terms:
            pending = (start, end, toks, terms)
            continue
        units.append((start, end, tuple(toks), tuple(terms)))
    if pending is not None:
        start, end, toks, terms = pending
        if units:
            last = units.pop()
            units.append((last[0], end, last[2] + tuple(toks), last[3] + tuple(terms)))
        else:
            units.append((start, end, tuple(toks), tuple(terms)))
    return units


def _reference_words_and_facts(f: Features) -> tuple[list[set[str]], list[set[str]]]:
    words, facts = [], []
    for u in f.units:
        w: set[str] = set()
        n: set[str] = set()
        for k, t in enumerate(u.tokens):
            number = t.norm[:1].isdigit()
            if not number and (t.norm in STOPWORDS or len(t.norm) <= 1):
                continue
            (n if number or (k > 0 and f.text[t.start].isupper()) else w).add(stem(t.norm))
        words.append(w)
        facts.append(n)
    return words, facts


@SETTINGS
@given(texts)
def test_units_match_the_reference(text: str) -> None:
    units, table = build_units(text)
    assert [(u.start, u.end, u.tokens, u.terms) for u in units] == _reference_units(text)
    # Units are consecutive slices of one token table.
    assert [u.first for u in units[1:]] == [u.stop for u in units[:-1]]
    assert len(table.norms) == (units[-1].stop if units else 0)
    f = features(text)
    assert f.words_and_facts == _reference_words_and_facts(f)


def test_seed_units_match_the_reference() -> None:
    for path in (SOURCE, DERIVED):
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        units, _ = build_units(text)
        assert [(u.start, u.end, u.tokens, u.terms) for u in units] == _reference_units(text)


def test_a_sentence_left_out_leaves_its_tokens_out() -> None:
    # A "sentence" of combining marks has a token but no word: it is left out, and so are
    # its tokens, though they lie between two units.
    text = (
        "The police said the fire spread fast.\n\n\u0301\u0301 ...\n\n"
        "The city council met on Monday again."
    )
    units, table = build_units(text)
    assert [(u.start, u.end, u.tokens, u.terms) for u in units] == _reference_units(text)
    assert "\u0301\u0301" not in table.norms


@given(st.text(max_size=300))
def test_tokenize_matches_match_objects(text: str) -> None:
    want = [Token(m.start(), m.end(), fold_token(m.group())) for m in TOKEN_RE.finditer(text)]
    assert tokenize(text) == want
    mid = len(text) // 3
    part = [
        Token(m.start(), m.end(), fold_token(m.group()))
        for m in TOKEN_RE.finditer(text, mid, 2 * mid)
    ]
    assert tokenize(text, mid, 2 * mid) == part


@given(st.text(alphabet=string.printable + "’‘“”–—…«»\u00a0•·ʼé\u0301²", max_size=300))
@example("On the 1st and 22nd, 3.5% of 130,000 said: “Iran’s” — we've… 4th")
@example("The Iranʼs 2nd café")
def test_plain_text_tokens_are_the_same(text: str) -> None:
    # Text of ASCII and common punctuation takes a faster path (and any other character
    # the general one): the tokens are the same.
    want = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    starts, ends, raw = token_columns(text)
    assert list(zip(starts, ends, raw, strict=True)) == want


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_fold_of_ascii_is_the_general_fold(text: str) -> None:
    from textlineage.text.normalise import _TRANSLATE

    general = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    general = regex.sub(r"[\p{Zs}\t\u200b\u2060\ufeff]", " ", general).casefold()
    assert fold(text) == general


def _reference_mask(text: str, sentences: set[str]) -> tuple[str, int]:
    chars = list(text)
    masked = 0
    for s in split_sentences(text):
        if sentence_key(text[s.start : s.end]) in sentences:
            for k in range(s.start, s.end):
                if not chars[k].isspace():
                    chars[k] = " "
            masked += 1
    return ("".join(chars), masked) if masked else (text, 0)


@SETTINGS
@given(texts, st.integers(0, 5))
def test_masking_matches_the_reference(text: str, pick: int) -> None:
    keys = [sentence_key(text[s.start : s.end]) for s in split_sentences(text)]
    chosen = set(keys[pick::3]) | {"no such sentence here at all"}
    assert mask_boilerplate(text, chosen) == _reference_mask(text, chosen)

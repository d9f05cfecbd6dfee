"""Matching normalisation: variants fold together, tokens keep their original spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textlineage.text.normalise import fold, tokenize


def test_variants_fold_together() -> None:
    assert fold("mullahs’ regime") == fold("mullahs' regime")
    assert fold("when the\u00a0mullahs") == fold("when the mullahs")
    assert fold("“Quote” – dash") == fold('"quote" - dash')
    assert fold("ﬁle") == "file"


def test_tokens_carry_original_spans() -> None:
    t = "We’ve seen 130,000 tweets—in Iran’s cities."
    toks = tokenize(t)
    assert [x.norm for x in toks] == [
        "we've",
        "seen",
        "130,000",
        "tweets",
        "in",
        "iran's",
        "cities",
    ]
    for x in toks:
        assert fold(t[x.start : x.end]) == x.norm


def test_number_tokens_are_whole() -> None:
    assert [x.norm for x in tokenize("130,000 and 30,000")] == ["130,000", "and", "30,000"]


@given(st.text(max_size=300))
def test_token_spans_slice_original(t: str) -> None:
    # Tokens replace an offset map: each span slices the original text, and the token's
    # folded form is that slice folded, so matching needs no mapping back.
    for x in tokenize(t):
        assert 0 <= x.start < x.end <= len(t)
        assert x.norm
        assert x.norm == fold(t[x.start : x.end])

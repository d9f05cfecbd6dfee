"""Invariants of the pairwise engine on generated text (lexical stage, for speed)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textlineage import CompareConfig, SemanticConfig, compare, document_from_text

LEXICAL = CompareConfig(semantic=SemanticConfig(enabled=False))
WORDS = [
    "council",
    "budget",
    "river",
    "flood",
    "minister",
    "election",
    "school",
    "market",
    "price",
    "report",
    "village",
    "police",
    "storm",
    "court",
    "trade",
    "union",
    "hospital",
    "bridge",
    "the",
    "a",
    "of",
    "and",
    "in",
    "was",
    "on",
    "said",
    "new",
    "after",
    "Tuesday",
    "2021",
    "30,000",
    "Paris",
    "“quoted”",
    "mullahs’",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
text = st.lists(sentence, min_size=1, max_size=10).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text, text, st.integers(0, 3))
def test_swap_symmetry_and_valid_spans(a: str, b: str, shared: int) -> None:
    # Plant some shared sentences so that reuse is sometimes present.
    b = " ".join(a.split(". ")[:shared]) + (". " if shared else "") + b
    da, db = document_from_text(a, "a"), document_from_text(b, "b")
    r1, r2 = compare(da, db, LEXICAL), compare(db, da, LEXICAL)
    assert r1.verdict == r2.verdict
    assert (r1.source is None) == (r2.source is None)
    if r1.source is not None:
        assert r1.source == 1 - r2.source
    assert abs(r1.confidence - r2.confidence) < 1e-9
    assert r1.coverage == tuple(reversed(r2.coverage))
    for p in r1.passages:
        for side, doc in enumerate((da, db)):
            for s, e in p.spans[side]:
                assert 0 <= s < e <= len(doc.text)
    for group in (r1.facts.added, r1.facts.dropped):
        for f in group:
            doc = (da, db)[f.doc]
            assert doc.text[f.span[0] : f.span[1]] == f.text

"""A count whose number the derived text leaves out, keeping the things counted
(:mod:`textlineage.facts.match_bare_nouns`). The sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str) -> FactDiff:
    ps = (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=ps)


def test_a_count_made_its_things_unnumbered_is_one_change() -> None:
    d = _diff(
        "Three new rangers will patrol the northern moorland paths this winter.",
        "New rangers will patrol the northern moorland paths this winter.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("Three new rangers", "New rangers", "specificity")
    ]
    assert d.dropped == ()


def test_a_noun_alone_is_left_a_number_dropped() -> None:
    d = _diff(
        "Police said two cars were damaged outside the old cinema.",
        "Police said cars were damaged outside the old cinema.",
    )
    assert d.changed == ()
    assert [f.text for f in d.dropped] == ["two cars"]


def test_a_noun_counted_otherwise_is_not_left_bare() -> None:
    d = _diff(
        "Three new rangers will patrol the northern moorland paths this winter.",
        "Some new rangers will patrol the northern moorland paths this winter.",
    )
    assert not any(c.label == "specificity" and c.derived.text == "new rangers" for c in d.changed)


def test_many_counts_and_many_nouns_are_paired_quickly() -> None:
    """Each dropped count used to look for its noun afresh and test every hit against
    every span taken: 300 counts of one noun with 600 numbers taken took over 10 s."""
    import re
    import time

    from textlineage.facts.items import Result
    from textlineage.facts.match_bare_nouns import pair_bare_nouns
    from textlineage.types import Fact

    n = 300
    src = " ".join(f"Of the {120 + i} appeals, {52 + i} were granted." for i in range(n))
    der = " ".join(f"Nearly half of the appeals were granted in week {i}." for i in range(n))
    res = Result()
    res.dropped = [Fact("number", m.group(), m.span(), 0) for m in re.finditer(r"\d+ appeals", src)]
    res.added = [Fact("number", m.group(), m.span(), 1) for m in re.finditer(r"\d+", der)]
    res.added += [Fact("number", "x", (i, i + 1), 1) for i in range(0, len(der), 50)]
    started = time.perf_counter()
    pair_bare_nouns((src, der), 1, res)
    assert time.perf_counter() - started < 2.0
    # every sentence names the appeals alike: no one of them is the count's
    assert len(res.dropped) == n and res.changed == []


def test_a_count_among_many_taken_spans_is_still_paired() -> None:
    src = "Mayor said. " * 50 + "Three new rangers will patrol the northern moorland paths."
    der = "Mayor said. " * 50 + "New rangers will patrol the northern moorland paths."
    d = _diff(src, der)
    assert [(c.source.text, c.derived.text) for c in d.changed if c.label == "specificity"] == [
        ("Three new rangers", "New rangers")
    ]

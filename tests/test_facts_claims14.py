"""Claims on invented sentences: "cannot" written as "can't" is no reversal; a verb whose
object is expected to do something ("expects the ferry to carry") stated as certain
("the ferry will carry") is a hedge dropped, but not when said with "should"."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.claim_rules import hedge_shapes
from textlineage.types import FactDiff, Passage


def _aligned(source: str, derived: str) -> FactDiff:
    passage = Passage("paraphrase", 0.5, (((0, len(source)),), ((0, len(derived)),)), ())
    return diff_facts(source, derived, source_doc=0, derived_doc=1, passages=[passage])


def _claims(fd: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in fd.changed if c.kind == "claim"]


def test_cannot_contracted_is_no_change() -> None:
    src = "Tenants who cannot reach the office in person may write to the warden instead."
    der = "Tenants who can't reach the office in person may write to the warden instead."
    assert _claims(_aligned(src, der)) == []


def test_expected_object_stated_as_certain() -> None:
    src = (
        "The harbour board expects the new ferry to carry more cyclists across the "
        "estuary within its first summer."
    )
    der = (
        "Officials said the new ferry will carry more cyclists across the estuary within a summer."
    )
    found = _claims(_aligned(src, der))
    assert any("expects the new ferry to carry" in s and d.endswith("carry") for s, d, _ in found)


def test_expected_object_words_read() -> None:
    a = _split("the board expects the new ferry to carry cyclists")
    b = _split("the new ferry will carry cyclists")
    ((shape),) = hedge_shapes(a, b)
    assert (shape.src, shape.der, shape.detail) == ((2, 8), (3, 5), "hedge_dropped")


def test_expect_that_clause_is_no_object() -> None:
    a = _split("the board expects that ferries to the island will carry cyclists")
    b = _split("ferries to the island carried cyclists")
    assert [s for s in hedge_shapes(a, b) if "expects" in " ".join(a[s.src[0] : s.src[1]])] == []


def test_expected_and_should_are_one_strength() -> None:
    a = _split("the board expects the new ferry to sail in three weeks")
    b = _split("the new ferry should sail in three weeks")
    assert hedge_shapes(a, b) == []


def test_a_common_verb_hedged_then_stated() -> None:
    a = _split("the keeper is expected to sign a new contract on friday")
    b = _split("the keeper has signed a new contract")
    ((shape),) = hedge_shapes(a, b)
    assert (shape.src, shape.der, shape.detail) == ((2, 6), (2, 4), "hedge_dropped")


def _split(text: str) -> list[str]:
    return text.split()

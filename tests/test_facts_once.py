"""A derived name reached by two kept links is kept once, by the link matching it whole."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.once import one_link_per_span
from textlineage.types import Fact, FactLink

_SRC = "Milbrook Town Hall opened in May. Milbrook voted to keep it."
_DER = "Residents in Milbrook kept their hall."


def _at(text: str, sub: str, doc: int, kind: str, nth: int = 0) -> Fact:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return Fact(kind, sub, (i, i + len(sub)), doc)


def test_the_whole_name_link_is_kept_and_the_partial_one_goes() -> None:
    der = _at(_DER, "Milbrook", 1, "place")
    partial = FactLink(
        "place", _at(_SRC, "Milbrook Town Hall", 0, "organisation"), der, "partial", "partial"
    )
    whole = FactLink("place", _at(_SRC, "Milbrook", 0, "place", nth=1), der)
    res = Result(kept=[partial, whole])
    one_link_per_span(res)
    assert res.kept == [whole]


def test_links_to_different_spans_all_stay() -> None:
    a = FactLink("place", _at(_SRC, "Milbrook", 0, "place", 1), _at(_DER, "Milbrook", 1, "place"))
    b = FactLink("date", _at(_SRC, "May", 0, "date"), _at(_DER, "hall", 1, "date"))
    res = Result(kept=[a, b])
    one_link_per_span(res)
    assert res.kept == [a, b]


def test_a_persons_fuller_name_said_by_the_given_name_stays() -> None:
    src = "Rosa Maria Alves ran it. Rosa retired."
    der = "Rosa ran it for years."
    d = _at(der, "Rosa", 1, "person")
    fuller = FactLink("person", _at(src, "Rosa Maria Alves", 0, "person"), d, "partial", "partial")
    own = FactLink("person", _at(src, "Rosa", 0, "person", nth=1), d)
    res = Result(kept=[fuller, own])
    one_link_per_span(res)
    assert res.kept == [fuller, own]

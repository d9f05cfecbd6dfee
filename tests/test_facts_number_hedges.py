"""A count whose hedge word is dropped or added is a change of strength, not kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _strength(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in d.changed if c.kind == "number"]


def test_a_suspected_count_stated_as_fact_drops_a_hedge() -> None:
    d = _diff(
        "Nurses have logged eleven suspected mumps cases at the two colleges.",
        "Eleven mumps cases have been logged at the two colleges.",
    )
    ((src, der, detail),) = _strength(d)
    assert "suspected" in src and "suspected" not in der and detail == "hedge_dropped"
    assert "two colleges" in [k.derived.text for k in d.kept]


def test_a_hedge_added_and_a_hedge_on_both_sides() -> None:
    ((_, der, detail),) = _strength(
        _diff(
            "Rangers confirmed 14 lynx sightings this spring.",
            "Rangers had 14 possible lynx sightings this spring.",
        )
    )
    assert "possible" in der and detail == "hedge_added"
    d = _diff(
        "Police are examining 40 alleged thefts from cars.",
        "Officers are looking into 40 alleged thefts from cars.",
    )
    assert not d.changed and [k.derived.text for k in d.kept if k.kind == "number"]


def test_an_age_bound_said_as_older_or_younger_than_keeps_the_count() -> None:
    d = _diff(
        "The clinic vaccinates ferrets over eight months old and refers those under eight"
        " weeks to the city hospital.",
        "The clinic vaccinates ferrets older than eight months and refers those younger than"
        " eight weeks to the city hospital.",
    )
    assert not d.changed
    kept = [(k.source.text, k.derived.text) for k in d.kept if k.kind == "number"]
    assert ("over eight months", "older than eight months") in kept
    assert ("under eight weeks", "younger than eight weeks") in kept

"""A name given as a likeness ("-type", "-style") on one side only
(:mod:`textlineage.facts.likeness`): the name is the same, the claim made stronger or
weaker. The sentences are made up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts


def test_a_likeness_dropped_states_the_make() -> None:
    d = diff_facts(
        "Witnesses saw a silver Vauxhall Astra-type hatchback leave the car park at speed.",
        "Witnesses saw a silver Vauxhall Astra hatchback leave the car park at speed.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.derived.text, k.label, k.detail) for k in d.changed] == [
        ("Vauxhall Astra-type", "Vauxhall Astra", "strength", "hedge_dropped")
    ]


def test_a_likeness_on_both_sides_keeps_the_name() -> None:
    d = diff_facts(
        "Witnesses saw a silver Vauxhall Astra-type hatchback leave the car park at speed.",
        "A silver Vauxhall Astra-style hatchback was seen leaving the car park at speed.",
        source_doc=0,
        derived_doc=1,
    )
    assert not d.changed

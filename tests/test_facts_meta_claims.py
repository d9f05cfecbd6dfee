"""Statements that point at their own page ("The table below lists …") and counts of
"things" the writer will say are no facts added or dropped."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.items import Result
from textlineage.facts.meta_claims import drop_page_pointers
from textlineage.types import Fact


def _claim(text: str) -> Fact:
    return Fact("claim", text, (0, len(text)), 0, "")


def test_a_pointer_to_the_page_is_no_claim() -> None:
    res = Result()
    res.dropped.extend(
        [
            _claim("The table below lists the substances we detected"),
            _claim("while visiting the locations listed above"),
            _claim("Maize imports remain below normal"),
            _claim("the rate stayed above the board's own minimum"),
        ]
    )
    drop_page_pointers(res)
    assert [f.text for f in res.dropped] == [
        "Maize imports remain below normal",
        "the rate stayed above the board's own minimum",
    ]


def test_a_count_of_things_is_no_fact() -> None:
    facts = extract_facts("Two things stand out. Thieves took 40 bikes.", doc=0)
    assert [f.text for f in facts if f.kind == "number"] == ["40 bikes"]
    d = diff_facts(
        "Thieves took 40 bikes from the depot on Monday.",
        "Two things stand out: thieves took 40 bikes from the depot on Monday.",
        source_doc=0,
        derived_doc=1,
    )
    assert not [f for f in d.added if f.kind == "number"]


def test_advice_to_the_reader_added_is_no_claim_but_a_dropped_instruction_stays() -> None:
    advice = [
        "Pack warm layers",
        "please read if you have kids or pets",
        "If you're on blood thinners or pregnant, check with your doctor first",
        "Gardeners, keep your eyes open",
        "Better still, speak to a pharmacist",
    ]
    claims = [
        "Watch parties are planned across the city",
        "Check-in opens at 6am",
        "Keep Britain Tidy said the beach was clean",
        "Police may come and find you",
    ]
    res = Result()
    res.added.extend(_claim(t) for t in advice + claims)
    res.dropped.append(_claim("Do not drink the tap water"))
    drop_page_pointers(res)
    assert [f.text for f in res.added] == claims
    assert [f.text for f in res.dropped] == ["Do not drink the tap water"]

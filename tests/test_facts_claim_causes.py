"""A cause made stronger or weaker (facts.claim_causes): "contributed to" → "caused",
"mostly because of" → "blames", and the reverse; and wording that is no such change."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts.claim_causes import FULL, PARTIAL, _markers
from textlineage.types import FactDiff

INTRO = (
    "The harbour board published its yearly review on Tuesday morning after a long "
    "meeting with the ferry operators, the fishing cooperative and the marina tenants."
)
OUTRO = (
    "Copies of the review can be read at the harbour office and in the public library "
    "until the end of the month, the board said in a short statement."
)


def _facts(source: str, derived: str) -> FactDiff:
    doc = "{}\n\n{}\n\n{}\n"
    c = compare(Document("a", doc.format(INTRO, source, OUTRO)),
                Document("b", doc.format(INTRO, derived, OUTRO)))  # fmt: skip
    return c.facts


def _claims(fd: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in fd.changed if c.kind == "claim"]


@pytest.mark.parametrize(
    ("source", "derived", "src_word", "der_word", "detail"),
    [
        (
            "Engineers said the cracked sluice gate had contributed to the flooding of "
            "the lower quay last winter.",
            "Engineers said the cracked sluice gate had caused the flooding of the lower "
            "quay last winter.",
            "contributed",
            "caused",
            "hedge_dropped",
        ),
        (
            "Passenger numbers fell sharply, mostly because of the closure of the "
            "northern ferry pier.",
            "Passenger numbers fell sharply. The board blames the closure of the northern "
            "ferry pier.",
            "mostly",
            "blames",
            "hedge_dropped",
        ),
        (
            "Inspectors found the silted channel caused the grounding of the dredger "
            "outside the breakwater.",
            "Inspectors found the silted channel played a part in the grounding of the "
            "dredger outside the breakwater.",
            "caused",
            "played",
            "hedge_added",
        ),
    ],
)
def test_cause_strength(source: str, derived: str, src_word: str, der_word: str, detail: str):
    found = [c for c in _claims(_facts(source, derived)) if src_word in c[0].lower()]
    assert found, _claims(_facts(source, derived))
    assert der_word in found[0][1].lower()
    assert found[0][2] == detail


def test_same_strength_is_no_change():
    source = "The storm surge caused damage to the slipway and the boat sheds."
    derived = "Damage to the slipway and the boat sheds was caused by the storm surge."
    assert not [c for c in _claims(_facts(source, derived)) if "caus" in c[0].lower()]


def test_markers():
    text = "a good cause and partly due to rain in part because of wind"
    words = text.split(" ")
    assert [(lo, hi, s) for lo, hi, s in _markers(words)] == [(4, 7, PARTIAL), (8, 12, PARTIAL)]
    assert _markers(["it", "led", "to", "delays"]) == [(1, 3, FULL)]


def test_attribution_markers():
    words = _split("the board attributed the fall in fares partly to the new bridge")
    assert _markers(words) == [(2, 9, PARTIAL)]
    words = _split("the fall was attributed to the new bridge")
    assert _markers(words) == [(3, 5, FULL)]
    assert _markers(_split("she attributed nothing else")) == []


def test_attribution_in_part_stated_whole():
    source = (
        "The harbour master attributed the fall in ferry fares partly to the opening of "
        "the new toll bridge over the estuary."
    )
    derived = (
        "The harbour master said the fall in ferry fares was due to the opening of the "
        "new toll bridge over the estuary."
    )
    found = [c for c in _claims(_facts(source, derived)) if "attributed" in c[0]]
    assert found, _claims(_facts(source, derived))
    assert "due to" in found[0][1]
    assert found[0][2] == "hedge_dropped"


def _split(text: str) -> list[str]:
    return text.split()


def test_blame_for_what_was_caused_far_after_it():
    source = (
        "The growers' report points to a frost that lingered across the hop gardens from "
        "April to May; it may have contributed to the losses of young bines."
    )
    derived = (
        "The report blamed the frost that lingered across the hop gardens for the losses of "
        "young bines."
    )
    found = [c for c in _claims(_facts(source, derived)) if "contributed" in c[0]]
    assert found, _claims(_facts(source, derived))
    assert "blamed" in found[0][1]
    assert found[0][2] == "hedge_dropped"

"""Places in the fact diff (facts/places.py): another name of one place is kept (a
demonym, a region's adjective, a name in a compound adjective), a place made its country
or a part of it made the whole is one change of specificity, a place put for another is a
change of value, and a place the other text calls "the province" is neither added nor
dropped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.names import compound_head
from textlineage.facts.places import countries_of, part_of, place_ids
from textlineage.types import Fact, FactDiff

needs_data = pytest.mark.skipif(
    not place_ids("Switzerland"), reason="countryinfo (the facts extra) is not installed"
)


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def texts(facts: object) -> list[str]:
    return [f.text for f in facts]  # type: ignore[attr-defined]


def changed(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(k.source.text, k.derived.text, k.label) for k in d.changed if k.kind == "place"]


INTRO = "The ferry service resumed on Tuesday after a week of storms along the coast. "


@needs_data
def test_other_names_of_one_country_are_one_place() -> None:
    assert place_ids("Swiss") == place_ids("Switzerland")
    assert place_ids("Spaniard") == place_ids("Spain") == place_ids("Spanish")
    assert place_ids("Philippine") == place_ids("Philippines")
    assert place_ids("Briton") == place_ids("British") == place_ids("Britain")
    assert place_ids("European") == place_ids("Europe")
    assert place_ids("Roman") == frozenset()  # no country "Rom-"
    assert countries_of("Braga") == place_ids("Portugal")


@needs_data
def test_a_demonym_and_its_country_are_kept() -> None:
    d = diff(
        INTRO + "The Danish skipper said the crossing was rough but safe for the passengers.",
        INTRO + "The skipper from Denmark said the crossing was rough but safe for passengers.",
    )
    assert "Danish" not in texts(d.dropped) and "Denmark" not in texts(d.added)
    assert [(k.source.text, k.derived.text) for k in d.kept if k.label == "other_name"] == [
        ("Danish", "Denmark")
    ]


@needs_data
def test_a_region_and_its_adjective_are_kept() -> None:
    d = diff(
        INTRO + "The line runs 14 ferries from 6 ports across Europe this summer.",
        INTRO + "The line runs 14 ferries from 6 European ports this summer.",
    )
    assert not d.added and not d.dropped


def test_a_name_in_a_compound_adjective_is_read() -> None:
    assert compound_head("Antwerp-based") == "Antwerp"
    assert compound_head("Maltese-flagged") == "Maltese"
    assert compound_head("English-language") == ""  # a noun, no participle
    d = diff(
        INTRO + "The Antwerp-based operator said 40 crossings were cancelled.",
        INTRO + "The operator, based in Antwerp, said 40 crossings were cancelled.",
    )
    assert not d.added and not d.dropped
    d = diff(
        INTRO + "The Antwerp-based operator said 40 crossings were cancelled.",
        INTRO + "The operator said 40 crossings were cancelled.",
    )
    assert [(f.kind, f.text) for f in d.dropped] == [("place", "Antwerp")]


@needs_data
def test_a_city_made_its_country_is_one_change_of_specificity() -> None:
    d = diff(
        INTRO + "The new hulls were welded at a yard in Braga over the winter.",
        INTRO + "The new hulls were welded at a Portuguese yard over the winter.",
    )
    assert changed(d) == [("Braga", "Portuguese", "specificity")]
    assert not d.added and not d.dropped


@needs_data
def test_a_place_said_to_lie_elsewhere_is_no_place_of_that_country() -> None:
    d = diff(
        INTRO + "The spare engine came from a depot in Dornbach, Austria, in 2021.",
        INTRO + "The spare engine came from a depot in Italy in 2021.",
    )
    assert changed(d) == [("Dornbach, Austria", "Italy", "value")]
    assert not d.added and not d.dropped


def test_a_part_of_a_place_made_the_whole_is_a_change() -> None:
    d = diff(
        INTRO + "Power cuts hit parts of Nottingham on Monday night.",
        INTRO + "Power cuts hit Nottingham on Monday night.",
    )
    assert changed(d) == [("parts of Nottingham", "Nottingham", "specificity")]
    d = diff(
        INTRO + "The boats were moored east of Nottingham on Monday night.",
        INTRO + "The boats were moored east of Nottingham on Monday night.",
    )
    assert not d.changed


def test_a_count_of_parts_is_no_part_of_phrase() -> None:
    src = "Crews reached three parts of Ravensholt."
    start = src.index("Ravensholt")
    f = Fact("place", "Ravensholt", (start, start + 10), 0, "ravensholt")
    assert part_of(src, f) == ""
    src = "Crews reached the southern suburbs of Ravensholt."
    start = src.index("Ravensholt")
    f = Fact("place", "Ravensholt", (start, start + 10), 0, "ravensholt")
    assert part_of(src, f) == "the southern suburbs of"


def test_a_mark_dropped_in_one_mention_is_a_spelling_variant() -> None:
    d = diff(
        "Málaga port reopens. The ferry to Melilla left east of Málaga at dawn.",
        "Málaga port reopens. The ferry to Melilla left east of Malaga at dawn.",
    )
    assert [(k.source.text, k.derived.text) for k in d.kept if k.label == "spelling"] == [
        ("Málaga", "Malaga")
    ]
    src, der = "Crowds gathered in Łódź on Sunday.", "Crowds gathered in Lodz on Sunday."
    d = diff(src, der)
    assert not d.added and not d.dropped


@needs_data
def test_a_province_the_other_text_calls_the_province_is_not_added() -> None:
    d = diff(
        INTRO + "Ferries to the islands are the only link for 900 residents of the province.",
        INTRO + "Ferries to the islands are the only link for 900 residents of Manitoba.",
    )
    assert "Manitoba" not in texts(d.added)


def test_without_the_gazetteer_places_fall_back_to_their_spelling() -> None:
    code = (
        "import sys; sys.modules['countryinfo'] = None\n"
        "from textlineage.facts import diff_facts\n"
        "from textlineage.facts.places import place_ids\n"
        "assert place_ids('Swiss') == frozenset()\n"
        "d = diff_facts('The Swiss rider won in Lyon.', 'The rider from Switzerland won in "
        "Lyon.', source_doc=0, derived_doc=1, languages=('en', 'en'))\n"
        "print(sorted(f.text for f in (*d.added, *d.dropped)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # the country is added, not linked to the demonym (a nationality alone is reported
    # neither way: facts.name_kinds)
    assert out.strip() == "['Switzerland']"


def test_a_state_shortened_after_its_town_is_the_state() -> None:
    d = diff(
        "Beekeepers in Saskatchewan lost 41 colonies, said Anna Roy, who farms near Tisdale.",
        "Anna Roy, who farms near Tisdale, Sask., said 41 colonies were lost.",
    )
    assert not d.added and not d.dropped
    assert sorted((k.source.text, k.derived.text) for k in d.kept if k.kind == "place") == [
        ("Saskatchewan", "Sask"),
        ("Tisdale", "Tisdale"),
    ]
    # a short form that follows no town and comma is left as it was read
    found = extract_facts("Fans near Tisdale cheered Man. City won 4-1.", language="en")
    assert "manitoba" not in [f.value for f in found]

"""People, organisations and roles in the fact diff on sentences of no test corpus: a
surname respelled by one letter is a ``surname`` change (a doubled letter, other vowels
or marks are one name written two ways); a role given by an appositive, before a comma or
with an "of" complement is compared; a nationality is no person and no fact of its own;
an organisation's or a law's name cut into pieces is reported once, and an organisation
named by its acronym or with its genitive turned round is not dropped; a masthead over a
dateline is page furniture."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts.items import Group, Item
from textlineage.facts.match_names import respelled
from textlineage.facts.org_names import acronym_after, short_form_kept
from textlineage.types import Fact, FactDiff

SHARED = (
    "The inquiry heard evidence from engineers, residents and council officers over "
    "three weeks in the spring, and its report is due to be published in the autumn."
)
NAMES = ("person", "place", "organisation", "entity")


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    assert c.passages
    return c.facts


def _changed(fd: FactDiff) -> list[tuple[str, str, str]]:
    return [(k.source.text, k.derived.text, k.label) for k in fd.changed if k.kind in NAMES]


def _left(fd: FactDiff) -> tuple[list[str], list[str]]:
    return (
        [f.text for f in fd.added if f.kind in NAMES],
        [f.text for f in fd.dropped if f.kind in NAMES],
    )


@pytest.mark.parametrize(
    ("a", "b", "two"),
    [
        ("ellingsen", "ellingsten", True),  # a consonant put in
        ("holmbergs", "holmberg", True),  # a letter at the end
        ("brandvolde", "brandvold", True),
        ("tadesu", "tadessu", False),  # a doubled letter
        ("kowalski", "kowalsky", False),  # another vowel: a transliteration
        ("shustar", "shushtar", False),  # an "h"
        ("rahimi", "rahimy", False),
    ],
)
def test_respelled_tells_two_names_from_two_spellings(a: str, b: str, two: bool) -> None:
    assert respelled(a, b) is two


def test_a_surname_respelled_by_one_letter_is_a_surname_change() -> None:
    fd = _facts(
        "Inspector Tobias Ellingsen said the ferry left port late. Ellingsen called it rare.",
        "Inspector Tobias Ellingsten said the ferry left port late. Ellingsten called it rare.",
    )
    changed = _changed(fd)
    assert [c[2] for c in changed] == ["surname"]
    assert changed[0][0].endswith("Tobias Ellingsen")
    assert changed[0][1].endswith("Tobias Ellingsten")
    assert _left(fd) == ([], [])


def test_marks_and_doubled_letters_stay_one_name() -> None:
    fd = _facts(
        "The engineer Lena Bjørnstad and the mayor Tadesu Alemayehu opened the bridge.",
        "The engineer Lena Bjornstad and the mayor Tadessu Alemayehu opened the bridge.",
    )
    assert [c for c in _changed(fd) if c[2] == "surname"] == []
    assert _left(fd) == ([], [])


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # an owner before the role, an "of" complement after it
        (
            "Ilse Moerdijk, the museum's conservator of textiles, said the loan was agreed.",
            "Ilse Moerdijk, the museum's conservator, said the loan was agreed.",
        ),
        # a dictionary noun heads an appositive after an article; an age is no role word
        (
            "said Petra Lundqvist, a 52-year-old nurse who lives by the harbour.",
            "said Petra Lundqvist, a 52-year-old midwife who lives by the harbour.",
        ),
        # a role with an "of" complement before the name, an agent noun in the other
        (
            "said head of reptiles Jonas Vikander on Tuesday.",
            "said head keeper Jonas Vikander on Tuesday.",
        ),
        # a role set off by a comma before the name
        (
            "The strike will go ahead, said the union's general secretary, Ola Bergvik, "
            "on Tuesday evening in Bergen.",
            "The strike will go ahead, said union president Ola Bergvik on Tuesday "
            "evening in Bergen.",
        ),
    ],
)
def test_a_role_said_in_another_shape_is_compared(source: str, derived: str) -> None:
    fd = _facts(source, derived)
    assert [c[2] for c in _changed(fd)] == ["title"]


def test_a_description_between_commas_left_out_is_no_title_change() -> None:
    fd = _facts(
        "The study's lead author, Professor Kari Nesheim, said the results were clear.",
        "Professor Kari Nesheim said the results were clear.",
    )
    assert _changed(fd) == []


def test_a_nationality_is_no_person_and_no_fact_of_its_own() -> None:
    fd = _facts(
        "Dr Aino Rautio, the gallery's keeper of Northern European art, said the Danish "
        "courts would rule in June.",
        "Dr Aino Rautio, the gallery's keeper, said the courts would rule in June.",
    )
    assert _left(fd) == ([], [])
    assert [c[2] for c in _changed(fd)] == ["title"]


def test_an_organisation_or_a_law_cut_into_pieces_is_dropped_once() -> None:
    fd = _facts(
        "The Department of Water and Coastal Planning said the firm breached Section 4 "
        "of the Fire and Rescue at Sea etc. Act 1982, the European Federation for "
        "Harbour Pilots said.",
        "The firm broke the law, pilots said.",
    )
    dropped = _left(fd)[1]
    assert "Department of Water and Coastal Planning" in dropped
    assert "European Federation for Harbour Pilots" in dropped
    assert [d for d in dropped if "Act" in d] == [
        "Section 4 of the Fire and Rescue at Sea etc. Act"
    ]
    assert not {"Coastal Planning", "Harbour Pilots", "Rescue", "Act"} & set(dropped)


def test_an_organisation_named_by_its_acronym_or_the_other_way_round_is_kept() -> None:
    fd = _facts(
        "The Central Bank of Norway and the World Sailing Council (WSC) backed the plan.",
        "Norway's central bank and the WSC backed the plan.",
    )
    assert _left(fd)[1] == []


def test_a_place_closing_an_organisation_s_name_does_not_keep_it() -> None:
    fd = _facts(
        "Flights to Finland run daily, most of them with Aurora Airways Finland.",
        "Flights to Finland run daily.",
    )
    assert _left(fd)[1] == ["Aurora Airways Finland"]


def test_a_masthead_over_a_dateline_is_page_furniture() -> None:
    story = (
        "The harbour authority said on Monday that the new ferry terminal would open in "
        "the autumn after two years of delays caused by soft clay under the old quay."
    )
    source = f"Ports | Baltic\nTerminal delayed again\nNordic Freight Review\nTallinn, 4 May 2024 — 09:12 EET\n\n{story}"
    fd = _facts(source, story)
    assert _left(fd) == ([], [])


def test_a_name_whose_bracketed_acronym_the_other_text_uses_is_not_dropped() -> None:
    text = "Aid came from the Nordic Children's Relief Fund (NORCEF) on Monday."
    name = "Nordic Children's Relief Fund"
    at = text.index(name)
    fact = Fact("organisation", name, (at, at + len(name)), 0, name.lower())
    g = Group([Item(fact, "name", ("nordicchildrensrelieffund",), letters="x")])
    assert acronym_after(g, text) == "NORCEF"
    assert short_form_kept([g], text, "Aid came from NORCEF on Monday.", []) == []
    assert short_form_kept([g], text, "Aid came on Monday.", []) == [g]
    # the text's own acronym is left to the leftover pairing (an abbreviation kept)
    own = Group([Item(fact, "name", ("norcef",), letters="norcef")])
    assert short_form_kept([g], text, "Aid came from NORCEF on Monday.", [own]) == [g]

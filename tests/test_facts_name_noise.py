"""Names that are no facts of their own, or of another kind than their capitals suggest:
job titles after a name, words of an e-mail address, countries written by their
initials, addresses' places, plural acronyms, an organisation's bare noun."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.places import place_ids


def names(text: str) -> dict[str, str]:
    kinds = ("person", "place", "organisation", "entity")
    return {f.text: f.kind for f in extract_facts(text, language="en") if f.kind in kinds}


def test_a_job_title_after_a_name_is_no_person() -> None:
    found = names(
        "Ines Varga, Chief Operating Officer, will leave in May. Owen Pike, Chief "
        "Executive, said the ferries would run."
    )
    assert found["Ines Varga"] == "person" and found["Owen Pike"] == "person"
    assert not any("Officer" in n or n == "Executive" for n in found)


def test_a_jobs_name_before_a_name_is_no_part_of_it() -> None:
    found = names("Station Manager Ruth Abara said the crews stayed until noon.")
    assert found.get("Ruth Abara") == "person"
    found = names("Group Manager Ruth Abara said the crews stayed until noon.")
    assert found.get("Ruth Abara") == "person"


def test_words_of_an_e_mail_address_are_no_lower_case_words() -> None:
    text = (
        "Tarnwell Ferries PLC\n\nTarnwell Ferries PLC said sailings rose by a tenth.\n\n"
        "Contact: press@tarnwell.example\n"
    )
    assert "Tarnwell Ferries PLC" in names(text)
    assert "Ferries PLC" not in names(text)


def test_a_country_written_by_its_initials_is_that_country() -> None:
    assert place_ids("UAE") == place_ids("United Arab Emirates") != frozenset()
    assert place_ids("US") == place_ids("United States") == place_ids("U.S.")
    assert place_ids("UK") == place_ids("United Kingdom")
    assert place_ids("Us") == frozenset()
    res = diff_facts(
        "Sales open in the United States and the United Kingdom on 4 May.",
        "Sales open in the US and the UK on 4 May.",
        source_doc=0,
        derived_doc=1,
        languages=("en", "en"),
    )
    assert not [f for f in (*res.added, *res.dropped) if f.kind == "place"]


def test_an_addresss_places_and_a_country_are_places() -> None:
    found = names(
        "Ada Brill (1), Tomas Wey (2)\n(1) School of Marine Science, Port Elwen University, "
        "Erie, PA, United States\n(2) Wey Instruments LLC, Dayton, OH, United States\n\n"
        "The team counted seals on the coast for two summers and found fewer pups."
    )
    assert found["United States"] == "place"
    assert found["Dayton"] == "place" and found["OH"] == "place" and found["PA"] == "place"
    assert found["Wey Instruments LLC"] == "organisation"
    assert found["Ada Brill"] == "person"


def test_plural_acronyms_and_a_bodys_bare_noun_are_no_names() -> None:
    found = names(
        'MPs on the transport committee backed the plan. Tarn Ferries PLC ("the Group") '
        "said the Board would meet. The Group sold 40 boats."
    )
    assert "MPs" not in found and "Group" not in found and "Board" not in found
    assert "Tarn Ferries PLC" in found


def test_shouted_labels_and_time_zones_are_no_names() -> None:
    text = (
        "* WHAT...Heavy rain expected.\n* WHERE...Carlton and Tarn counties.\n"
        "* WHEN...From 6 PM Friday to noon CST Sunday.\n\nPRECAUTIONARY ACTIONS...\n\n"
        "Drivers should slow down on flooded roads and check the forecast before they leave."
    )
    found = names(text)
    assert not {"WHAT", "WHERE", "WHEN", "CST", "PRECAUTIONARY ACTIONS"} & set(found)
    assert "Carlton" in found


def test_headline_words_the_story_writes_in_lower_case_are_no_names() -> None:
    text = (
        "Harlow Biotics Reports Results from Trial of HB-12 in Adults with Chronic Asthma\n\n"
        "Harlow Biotics said the trial of HB-12 enrolled 200 adults with chronic asthma in "
        "Leeds and York."
    )
    found = names(text)
    assert not {"Trial of HB-12", "Adults", "Chronic Asthma"} & set(found)
    assert "Leeds" in found and "HB-12" in found


def _diff(source: str, derived: str) -> tuple[list[str], list[str]]:
    res = diff_facts(source, derived, source_doc=0, derived_doc=1, languages=("en", "en"))
    return [f.text for f in res.added], [f.text for f in res.dropped]


def test_one_name_written_otherwise_is_no_drop() -> None:
    _, dropped = _diff(
        "Two boats provided by the Government of Norway joined the search. Tarnwell Ferries "
        "Inc. said The Cold Harbour, its new film, opens on 4 May.",
        "Norway sent two boats for the search. Tarnwell Ferries said THE COLD HARBOUR opens "
        "on 4 May.",
    )
    assert not {"Government of Norway", "Tarnwell Ferries Inc", "Cold Harbour"} & set(dropped)


def test_a_one_word_name_and_a_trusts_name_are_one_organisation() -> None:
    _, dropped = _diff(
        "The Moorland and Upland Trust told us that a third of new trees die. Sales rose 4%.",
        "A charity says a third of new trees die. Sales rose 4%.",
    )
    assert "Moorland" not in dropped
    assert any("Upland Trust" in d for d in dropped)


def test_a_job_written_short_is_no_organisation() -> None:
    added, _ = _diff(
        "Nia Roberts, the senior vice president of sales, said prices rise in May.",
        "Nia Roberts, who runs sales as SVP, said prices rise in May.",
    )
    assert "SVP" not in added


def test_a_sentence_opener_the_other_text_writes_in_lower_case_is_no_drop() -> None:
    _, dropped = _diff(
        "Bookings open today in Leeds and York for the new ferry.",
        "You can make a booking now in Leeds and York for the new ferry.",
    )
    assert "Bookings" not in dropped


def test_a_headings_words_in_sentence_case_below_are_no_name() -> None:
    text = (
        "Half Year Sales Update and Fleet Change\n\nTarnwell Ferries sold 4,000 tickets "
        "in the half, up 9%, and expects a good summer on its routes.\n\nFleet change\n\n"
        "Its oldest ferry will be sold in May, the company said, after thirty years."
    )
    assert "Fleet Change" not in names(text)

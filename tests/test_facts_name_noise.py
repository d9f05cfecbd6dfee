"""Names that are no facts of their own, or of another kind than their capitals suggest:
job titles after a name, words of an e-mail address, countries written by their
initials, addresses' places, plural acronyms, an organisation's bare noun."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.places import ABBREVIATED_COUNTRIES, place_ids
from textlineage.facts.vocab import PLACE_ACRONYMS


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
    assert set(ABBREVIATED_COUNTRIES) == PLACE_ACRONYMS
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

"""Names in shapes of their own, on sentences of no test corpus: a surname in capitals
before the given names in a list of people, a surname made plural for a person's works,
a given name before a particle, a given name in its short form, weekdays in the plural."""

from __future__ import annotations

from test_facts_people import SHARED, _changed, _left  # the same sentences and readers
from textlineage import Document, compare
from textlineage.facts import extract_facts
from textlineage.types import FactDiff


def _facts(source: str, derived: str) -> FactDiff:
    # The shared story first: a short line above it would be the page's header.
    c = compare(Document("a", f"{SHARED}\n\n{source}\n"), Document("b", f"{SHARED}\n\n{derived}\n"))
    return c.facts


def _kinds(fd: FactDiff) -> dict[str, str]:
    return {f.text: f.kind for f in (*fd.added, *fd.dropped)}


def test_a_surname_in_capitals_before_the_given_names_is_one_person() -> None:
    fd = _facts(
        "Votes cast for each candidate:\n"
        "OKONJO, Grace Adaeze (Liberal Party): 812\n"
        "PRYCE, Tomos (Independent): 301\n"
        "McALLISTER, Ruairi (Harbour Party): 95\n\n"
        "Grace Adaeze Okonjo won the seat.",
        "Grace Adaeze Okonjo won the seat.",
    )
    kinds = _kinds(fd)
    assert kinds.get("PRYCE, Tomos") == "person"
    clan = [(k, v) for k, v in kinds.items() if k.startswith("McALLISTER")]
    assert len(clan) == 1 and clan[0][0].startswith("McALLISTER, Ruairi")
    assert clan[0][1] == "person"
    dropped = _left(fd)[1]
    assert "PRYCE" not in dropped and "Tomos" not in dropped
    assert not any("OKONJO" in d or "Adaeze" in d for d in dropped)  # said the other way


def test_a_surname_in_capitals_inside_a_sentence_is_not_joined() -> None:
    fd = _facts(
        "The report by NAVCOM, Tomos Pryce said, was late.",
        "The report was late.",
    )
    assert "NAVCOM, Tomos Pryce" not in _kinds(fd)


def test_a_surname_made_plural_after_a_count_is_the_same_name() -> None:
    fd = _facts(
        "The museum bought a seascape by Ingeborg Halvorsen, and three drawings by Halvorsen.",
        "The museum bought a seascape by Ingeborg Halvorsen, and three early Halvorsens.",
    )
    assert _changed(fd) == []
    assert _left(fd) == ([], [])


def test_a_given_name_before_a_particle_stands_for_the_whole_name() -> None:
    fd = _facts(
        "He ran the bakery with his sister, Rita dos Anjos, for thirty years. Rita retired in 2010.",
        "He ran the bakery with his sister Rita for thirty years. Rita retired in 2010.",
    )
    assert "Rita dos Anjos" not in _left(fd)[1]
    kept = [(k.source.text, k.derived.text) for k in fd.kept if k.kind == "person"]
    assert ("Rita dos Anjos", "Rita") in kept


def test_a_given_name_in_its_short_form_is_a_first_name_change() -> None:
    fd = _facts(
        "Samuel Okafor chaired the meeting. Okafor said the vote was close.",
        "Sam Okafor chaired the meeting. Okafor said the vote was close.",
    )
    assert [(a, b, label) for a, b, label in _changed(fd)] == [
        ("Samuel Okafor", "Sam Okafor", "first_name")
    ]
    assert _left(fd) == ([], [])


def test_weekdays_in_the_plural_are_no_names() -> None:
    fd = _facts(
        "The library is open from ten to four.",
        "The library is open Mondays to Thursdays, from ten to four.",
    )
    assert not any(k in ("Mondays", "Thursdays") for k in _kinds(fd))


def test_a_job_named_in_dictionary_words_is_no_name() -> None:
    fd = _facts(
        "I, Petra Lindqvist, being the Acting Officer, declare the poll closed. "
        "Yusuf Demir is elected as Councillor for Hartwell, a Parish Councillor until 2029.",
        "Yusuf Demir won Hartwell.",
    )
    dropped = _left(fd)[1]
    assert "Acting Officer" not in dropped
    assert "Councillor" not in dropped and "Parish Councillor" not in dropped
    assert "Petra Lindqvist" in dropped


def test_a_place_with_a_compass_word_is_a_place() -> None:
    fd = _facts(
        "The coach ran from Ledbury to Ostrava South, then on to Ostrava by rail.",
        "The coach ran from Ledbury.",
    )
    kinds = _kinds(fd)
    assert kinds.get("Ostrava South") == "place"
    assert kinds.get("Ostrava") == "place"


def test_a_list_of_places_put_for_one_that_holds_them_is_one_change() -> None:
    fd = _facts(
        "The survey interviewed 900 farmers in Arlow, Beckmoor and Crane Hollow last spring.",
        "The survey interviewed 900 farmers across Wexshire last spring.",
    )
    places = [(a, b, label) for a, b, label in _changed(fd)]
    assert places == [("Arlow, Beckmoor and Crane Hollow", "Wexshire", "specificity")]
    assert _left(fd) == ([], [])


def test_places_in_a_list_and_a_place_in_another_statement_stay_apart() -> None:
    fd = _facts(
        "The survey interviewed 900 farmers in Arlow, Beckmoor and Crane Hollow last spring.",
        "The survey interviewed 900 farmers last spring. Rain fell across Wexshire in June.",
    )
    assert _changed(fd) == []


def test_an_organisation_said_by_its_initials_is_kept() -> None:
    fd = _facts(
        "The patient was flown to Saint Aldhelm Hospital, where surgeons operated overnight.",
        "Surgeons at the SA operated overnight after he was flown in.",
    )
    kept = [(k.source.text, k.derived.text, k.label) for k in fd.kept]
    assert ("Saint Aldhelm Hospital", "SA", "abbreviation") in kept
    assert _left(fd) == ([], [])


def test_a_birth_surname_after_nee_is_a_part_of_the_name() -> None:
    fd = _facts(
        "She was the daughter of Tomas, a baker, and Greta (née Vilkaite), a seamstress.",
        "She was the daughter of Tomas, a baker.",
    )
    assert _left(fd)[1] == ["Greta (née Vilkaite)"]
    assert _kinds(fd)["Greta (née Vilkaite)"] == "person"


def test_names_joined_by_an_ampersand_are_one_name() -> None:
    fd = _facts(
        "The paper appeared in the journal Soil & Water Letters in March.",
        "The paper appeared in March.",
    )
    assert _left(fd)[1] == ["Soil & Water Letters"]


def test_the_facts_inside_a_quotation_dropped_whole_go_with_it() -> None:
    fd = _facts(
        'The mill closed in May. The foreman, Ned Royle, said: "We kept forty looms running '
        "for Hettie Marr right until the very end, through two bad winters and a flood. "
        'That is on all of us, and we will look at it again in the spring."',
        "The mill closed in May. The foreman Ned Royle admitted they lost it all.",
    )
    dropped = [(f.kind, f.text) for f in fd.dropped]
    assert [k for k, _ in dropped] == ["quote"]


def test_a_name_closed_by_a_street_or_an_airport_is_a_place() -> None:
    fd = _facts(
        "Marjorie Road reopened on Monday after the repairs.",
        "The repairs went on.",
    )
    assert _kinds(fd).get("Marjorie Road") == "place"


def test_a_common_word_shouted_is_no_name() -> None:
    fd = _facts(
        "The skipper sent a WAH-WAH signal, then a HALLOO, before a NATO ship answered.",
        "The skipper signalled before a ship answered.",
    )
    dropped = _left(fd)[1]
    assert "WAH-WAH" not in dropped and "HALLOO" not in dropped
    assert "NATO" in dropped


def test_a_place_said_by_a_common_noun_is_one_change_of_specificity() -> None:
    fd = _facts(
        "A grey lorry with a torn blue tarpaulin hit the barrier and did not stop. It was "
        "last seen heading north towards the A4 junction 12 slip road.",
        "The grey lorry, its blue tarpaulin torn, hit the barrier and drove on. It sped off "
        "towards the motorway.",
    )
    changed = _changed(fd)
    assert changed == [
        ("towards the A4 junction 12 slip road", "towards the motorway", "specificity")
    ]
    assert [f.text for f in fd.dropped if f.kind in ("place", "number")] == []


def test_a_place_and_a_common_noun_in_unrelated_sentences_stay_apart() -> None:
    fd = _facts(
        "The lorry was last seen heading north towards Kelvedon.",
        "Bakers sold bread. Farmers walked towards the town with their flocks.",
    )
    assert _changed(fd) == []


def test_dictionary_words_the_model_reads_no_name_in_are_no_person() -> None:
    fd = _facts(
        "Donations to the Harvest Appeal rose sharply this year.",
        "Volunteers met on Monday to count this year's donations.",
    )
    assert _kinds(fd).get("Harvest Appeal") not in (None, "person")


def test_a_noun_after_a_bracket_naming_the_place_is_no_name_of_its_own() -> None:
    fd = _facts(
        "The flight landed at Kell (Anna Varga) Airport after dark.",
        "The flight landed in Kell (Anna Varga) after dark.",
    )
    assert _left(fd) == ([], [])


def test_a_company_by_its_brand_alone_is_not_dropped() -> None:
    fd = _facts(
        "Robin Airways confirmed that the flight turned back over the sea.",
        "Robin A320 turned back over the sea, says the thread.",
    )
    assert "Robin Airways" not in _left(fd)[1]


def test_a_name_opened_by_a_place_noun_is_a_place() -> None:
    fd = _facts(
        "The riders crashed on the descent of the Col de Varsenne on Friday.",
        "The riders went on.",
    )
    assert _kinds(fd).get("Col de Varsenne") == "place"


def test_common_words_closing_a_longer_name_are_that_name_said_short() -> None:
    fd = _facts(
        "The count took place at Kelby Town Hall overnight.\n\n"
        "Signed: Ada Brandt, Clerk, Town Hall, Kelby",
        "The count took place overnight.",
    )
    dropped = _left(fd)[1]
    assert "Town Hall" not in dropped and "Kelby Town Hall" in dropped


def test_a_currency_is_no_name() -> None:
    fd = _facts(
        "The club was fined NOK 4,500 by the league on Monday.",
        "The league fined the club 4,500 Norwegian kroner on Monday.",
    )
    names = {f.text for f in (*fd.added, *fd.dropped) if f.kind != "number"}
    assert "NOK" not in names and "Norwegian" not in names
    assert not any("NOK" in k.source.text for k in fd.changed)


def test_a_plural_possessive_inside_an_organisation_name_is_one_name() -> None:
    fd = _facts(
        "The Harbour Pilots' Union called a strike on the quays.",
        "The Harbour Skippers' Union called a strike on the quays.",
    )
    assert [(k.source.text, k.derived.text) for k in fd.changed] == [
        ("Harbour Pilots' Union", "Harbour Skippers' Union")
    ]


def test_a_surname_respelled_after_post_nominal_letters_is_a_surname_change() -> None:
    fd = _facts(
        "Councillor support came from Petra Lindqvist-Moore MP on the ferry plan.",
        "Councillor support came from Petra Lindqvist-Moor on the ferry plan.",
    )
    assert [c[2] for c in _changed(fd)] == ["surname"]


def test_an_organisation_run_on_into_a_person_is_two_names() -> None:
    fd = _facts(
        "Fees rose, said Ilse Varga, who chairs the board.",
        "Fees rose, said the chair of the Harbour Board Ilse Varga on Monday.",
    )
    added, dropped = _left(fd)
    assert "Harbour Board" in added
    assert not any("Varga" in a for a in added) and not dropped


def test_initials_defined_for_common_words_are_no_name() -> None:
    fd = _facts(
        "We counted 3,210 visits to the minor injuries unit (MIU) in June. MIU staff coped.",
        "Nearly 3,300 people visited the walk-in clinic in June. The staff coped.",
    )
    _added, dropped = _left(fd)
    assert "MIU" not in dropped


def test_a_vessel_written_without_its_type_letters_is_the_same_name() -> None:
    fd = _facts(
        "The relief boat MV Harbour Lantern sailed from Portmorrow at noon.",
        "The relief boat, the Harbour Lantern, sailed from Portmorrow at noon.",
    )
    assert _left(fd) == ([], [])
    assert _changed(fd) == []
    found = extract_facts("Repairs kept HMS Brackenfell in dock at Portmorrow.", language="en")
    assert "Brackenfell" in [f.text for f in found]

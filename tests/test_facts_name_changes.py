"""Names changed, on sentences of no test corpus: a letter put in before a surname's last
is another name, and so is half of a double-barrelled surname; a particle written apart
and a middle initial left out are one name; a name the source writes with marks on a
line it reads no fact from is kept in another spelling; a role word written into the
name is a title; an organisation's name is read whole across "and"."""

from __future__ import annotations

from test_facts_people import SHARED, _changed, _left  # the same sentences and readers
from textlineage import Document, compare
from textlineage.facts.extract import extract_facts
from textlineage.facts.items import Item
from textlineage.facts.match_names import joined, respelled, within
from textlineage.facts.places import place_ids
from textlineage.facts.together import join_brackets
from textlineage.types import Fact, FactDiff


def _facts(source: str, derived: str) -> FactDiff:
    # (no passage asserted: some pairs here differ only in a name)
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    return c.facts


def test_a_letter_before_the_last_is_another_surname() -> None:
    assert respelled("pentreath", "pentreathe")
    assert respelled("carvossy", "carvossey")
    assert respelled("quddas", "quddis")  # one vowel put for another
    assert not respelled("kowalski", "kowalsky")  # "y" for "i": a transliteration
    assert not respelled("raisi", "raeisi")  # a vowel put in


def test_a_surname_with_a_letter_put_in_before_its_last_is_a_surname_change() -> None:
    fd = _facts(
        "Councillor Ewan Carvossy said the road would reopen in May.",
        "Councillor Ewan Carvossey said the road would reopen in May.",
    )
    assert [c[2] for c in _changed(fd)] == ["surname"]


def test_half_of_a_double_barrelled_surname_is_a_surname_change() -> None:
    fd = _facts(
        "The trial was led by Ingrid Solberg-Haave at the county hospital.",
        "The trial was led by Ingrid Solberg at the county hospital.",
    )
    changed = _changed(fd)
    assert [c[2] for c in changed] == ["surname"]
    assert changed[0][:2] == ("Ingrid Solberg-Haave", "Ingrid Solberg")
    assert _left(fd) == ([], [])


def test_a_particle_written_apart_and_an_initial_left_out_are_one_name() -> None:
    assert joined(("hollis", "r", "vanderbeek")) == ("hollis", "vanderbeek")
    assert joined(("hollis", "van", "der", "beek")) == ("hollis", "vanderbeek")
    fd = _facts(
        "The study by Maren K. Vanderbeek counted birds, Vanderbeek said.",
        "A team led by Maren Van Der Beek counted birds, Van Der Beek said.",
    )
    kept = [(k.source.text, k.derived.text) for k in fd.kept if k.kind == "person"]
    assert ("Maren K. Vanderbeek", "Maren Van Der Beek") in kept
    assert "Maren Van Der Beek" not in _left(fd)[0]
    assert "Van Der Beek" not in _left(fd)[0]


def test_a_name_with_marks_on_a_contact_line_is_kept_in_another_spelling() -> None:
    fd = _facts(
        "Floods closed the Pungwe road for three days.\n\n"
        "Contact: Joana Conceição Mabjaia, Head of Office, Beira",
        "Floods closed the Pungwe road for three days, said Joana Conceicao Mabjaia.",
    )
    kept = [(k.source.text, k.derived.text, k.label) for k in fd.kept if k.kind == "person"]
    assert ("Joana Conceição Mabjaia", "Joana Conceicao Mabjaia", "spelling") in kept
    assert _left(fd)[0] == []


def test_a_role_word_written_into_the_name_is_a_title_change() -> None:
    fd = _facts(
        "The depot will stay shut, said Area Manager Rohan Kulkarni on Monday.",
        "The depot will stay shut, said Depot Manager Rohan Kulkarni on Monday.",
    )
    assert [c[2] for c in _changed(fd)] == ["title"]


def test_an_organisation_is_read_whole_across_and() -> None:
    text = "On Sunday, Wealdmoor Fire and Rescue Service sent four crews to the mill."
    orgs = [f.text for f in extract_facts(text) if f.kind == "organisation"]
    assert orgs == ["Wealdmoor Fire and Rescue Service"]


def test_a_compass_point_before_a_place_left_out_is_a_change_of_specificity() -> None:
    fd = _facts(
        "Snow is expected in Carbury, West Haddon and Ollerton counties on Friday.",
        "Snow is expected in Carbury, Haddon and Ollerton counties on Friday.",
    )
    assert ("West Haddon", "Haddon", "specificity") in _changed(fd)


def test_an_organisation_of_common_nouns_joined_by_and_is_read_whole() -> None:
    text = "Crews from Brackwell Fire and Rescue were called at dawn."
    found = [(f.kind, f.text) for f in extract_facts(text)]
    assert ("organisation", "Brackwell Fire and Rescue") in found


def test_an_organisation_put_for_another_in_its_short_form_is_a_change() -> None:
    fd = _facts(
        "Wealdmoor Fire & Rescue\n\nOn Sunday, Wealdmoor Fire and Rescue Service sent four "
        "crews to the old mill on Quarry Lane.",
        "Crews from Brackwell Fire and Rescue went to the old mill on Quarry Lane on Sunday.",
    )
    changed = [c for c in _changed(fd) if c[1] == "Brackwell Fire and Rescue"]
    assert changed == [("Wealdmoor Fire and Rescue Service", "Brackwell Fire and Rescue", "name")]
    assert not [f for f in _left(fd)[1] if "Wealdmoor" in f]


def test_two_organisations_alike_in_one_word_only_stay_apart() -> None:
    fd = _facts(
        "The plan was backed by Harbour Traders at the meeting on Tuesday night.",
        "The plan was backed by Harbour Residents Group at the meeting on Tuesday night.",
    )
    assert _changed(fd) == []


def test_a_place_said_by_a_region_of_the_larger_place_is_less_specific() -> None:
    fd = _facts(
        "Bats of the Wexland Uplands: a field trial\n\n"
        "We fitted deterrents to 16 of 32 turbines at a wind facility in Carbury County, "
        "Wexland, and searched for carcasses every morning.",
        "Researchers fitted the devices to half of the turbines at a wind farm in the "
        "Wexland Uplands and searched for dead bats every morning.",
    )
    assert ("Carbury County, Wexland", "Wexland Uplands", "specificity") in _changed(fd)
    assert not [f for f in _left(fd)[1] if "Carbury" in f]


def test_a_country_written_as_its_initials_is_one_place() -> None:
    assert place_ids("UK") == place_ids("United Kingdom") != frozenset()
    assert place_ids("U.S.") == place_ids("USA") == place_ids("United States")
    assert place_ids("CH") == frozenset()  # a code, no initials of the name
    fd = _facts(
        "Preorders open today in the United States and the United Kingdom.",
        "Preorders open today in the US and the UK.",
    )
    assert _left(fd) == ([], [])


def _item(kind: str, text: str) -> Item:
    toks = tuple(w.lower() for w in text.split())
    return Item(
        Fact(kind, text, (0, len(text)), 0), "name", (text,), letters="".join(toks), toks=toks
    )


def test_a_company_and_its_legal_form_are_the_company_whatever_its_kind() -> None:
    assert within(_item("organisation", "Lumen Inc"), _item("place", "Lumen"))
    assert not within(_item("organisation", "Statistics Iceland"), _item("place", "Iceland"))
    assert not within(_item("organisation", "Iceland Air"), _item("place", "Iceland"))


def test_an_ordinal_put_for_another_before_one_noun_is_a_number_changed() -> None:
    fd = _facts(
        "Ilse Varga's fourth album was recorded in a barn outside Tromsø.",
        "Ilse Varga is back with her fifth album, recorded in a barn outside Tromsø.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("fourth album", "fifth album", "value") in changed


def test_the_only_ordinals_of_a_noun_said_of_different_things_are_no_change() -> None:
    fd = _facts(
        "Ferry fares rose for the third year running, and the harbour café closed.",
        "Brenton Rovers topped the village league for the sixth year in a row.",
    )
    assert not [k for k in fd.changed if "year" in k.source.text]


def test_an_ordinal_of_a_noun_counted_twice_is_left_alone() -> None:
    fd = _facts(
        "The first attempt failed and the second attempt was called off in the storm.",
        "The third attempt failed and the crew went home before the storm arrived.",
    )
    assert not [k for k in fd.changed if "attempt" in k.source.text]


def test_a_thing_of_one_owner_put_for_another_is_an_entity_changed() -> None:
    fd = _facts(
        "The fire started in her uncle's sawmill, near the river, before dawn.",
        "The fire began in her uncle's bakery, near the river, before dawn.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("her uncle's sawmill", "her uncle's bakery", "value") in changed


def test_two_people_of_one_owner_and_an_adjective_are_no_change() -> None:
    fd = _facts(
        "The ship's manager, a Hamburg firm, said the city's northern quay was shut.",
        "The ship's captain, a sailor of 54, said the city's eastern quay was shut.",
    )
    assert not [k for k in fd.changed if "'s" in k.source.text]


def test_an_origin_said_of_another_place_is_a_place_changed() -> None:
    fd = _facts(
        "Halvorsen, who grew up in Kirkenes and now lives in Bodø, wrote the book in a year.",
        "Halvorsen, born and raised in Bodø, wrote the book in a year.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("grew up in Kirkenes", "born and raised in Bodø", "value") in changed
    assert "Kirkenes" not in _left(fd)[1]


def test_an_age_said_in_other_words_is_a_number_changed() -> None:
    fd = _facts(
        "The story ends with the same fisherman, now 58, mending nets on the quay.",
        "The story ends when, aged 85, the fisherman is still mending nets on the quay.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("58", "85", "value") in changed


def test_things_of_one_owner_in_sentences_saying_other_things_are_no_change() -> None:
    fd = _facts(
        "Analysts said the company's shares fell sharply after the warning on Monday.",
        "Regulators will review the company's accounts before the annual meeting in June.",
    )
    assert not [k for k in fd.changed if "'s" in k.source.text]


def test_origins_of_two_people_are_no_change() -> None:
    fd = _facts(
        "Ines Moreau, who grew up in Lyon, directs the choir.",
        "The soloist, Piet Janssen, born in Ghent, sang the final aria.",
    )
    assert not [k for k in fd.changed if "Lyon" in k.source.text]


def test_origins_in_sentences_opening_alike_are_of_two_people() -> None:
    fd = _facts(
        "The conductor, who grew up in Lyon, directs the choir.",
        "The soloist, born in Ghent, sang the final aria.",
    )
    assert not [k for k in fd.changed if "Lyon" in k.source.text]


def test_a_job_said_with_as_put_for_another_is_a_title_change() -> None:
    fd = _facts(
        "Mr Okonkwo was employed as a harbour pilot at the port from 2015 until 2023.",
        "Okonkwo worked as a harbour inspector at the port from 2015 until 2023.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("harbour pilot", "harbour inspector", "title") not in changed  # "pilot": no role ending
    fd = _facts(
        "Mr Okonkwo was employed as a harbour planner at the port from 2015 until 2023.",
        "Okonkwo worked as a harbour inspector at the port from 2015 until 2023.",
    )
    changed = [(k.source.text, k.derived.text, k.label) for k in fd.changed]
    assert ("harbour planner", "harbour inspector", "title") in changed


def test_an_adjective_after_as_is_no_job() -> None:
    fd = _facts(
        "The harbour was seen as important for the town's trade in the winter months.",
        "The harbour was seen as essential for the town's trade in the winter months.",
    )
    assert not [k for k in fd.changed if k.label == "title"]


def test_a_surname_respelled_in_a_sentence_apart_is_a_surname_change() -> None:
    fd = _facts(
        "Claimant: Mr Oskar Holmqvist\n\n"
        "The ferry left the harbour late because of fog over the estuary.",
        "The ferry left the harbour late because of fog over the estuary.\n\n"
        "Oskar Holmquist rented a flat above the bakery for two years.",
    )
    changed = _changed(fd)
    assert [c[:2] for c in changed] == [("Oskar Holmqvist", "Oskar Holmquist")]
    assert _left(fd) == ([], [])


def test_a_surname_with_two_letters_respelled_in_a_passage_apart() -> None:
    """ "Ramdeen" / "Ramdin" (ratio 77): one person's surname respelled, paired although
    the two sentences share no passage, when neither name has another candidate."""
    copied = (
        "The ferry left the harbour late on Monday because of thick fog over the estuary and "
        "the pilots' strike.\nPassengers waited in the terminal building for most of the "
        "afternoon, the operator said in a statement.\nThe crossing usually takes forty "
        "minutes in calm weather, but the captain slowed to a crawl in the channel."
    )
    source = (
        f"Kwesi Ramdeen drew this year's costumes after two years of training in London.\n{copied}"
    )
    derived = (
        f"{copied}\nA singer will cross the stage on the last night, our friends at the band's "
        "office tell us, and Kwesi Ramdin will join her."
    )
    fd = compare(Document("a", source), Document("b", derived)).facts
    assert [(k.source.text, k.derived.text) for k in fd.changed] == [
        ("Kwesi Ramdeen", "Kwesi Ramdin")
    ]
    source = source.replace("Kwesi Ramdeen", "Warren Achison")  # not opening alike
    derived = derived.replace("Kwesi Ramdin", "Warren Aitchison")
    fd = compare(Document("a", source), Document("b", derived)).facts
    changed = [(k.source.text, k.derived.text) for k in fd.changed]
    assert changed == [("Warren Achison", "Warren Aitchison")]


def test_two_organisations_listed_in_brackets_are_dropped_one_by_one() -> None:
    fd = _facts(
        "The study pairs three colleges (Harrowgate, the University of Eastmarch and "
        "Fenbridge Agricultural College) with two councils.",
        "Harrowgate College leads the study with two other colleges and two councils.",
    )
    assert _left(fd)[1] == ["University of Eastmarch", "Fenbridge Agricultural College"]


def test_names_alone_in_brackets_stay_apart_and_a_gloss_joins_its_head() -> None:
    text = "Two ports (Arnhaven and Caldry) closed; four towns (Bexley Vale, Orrin) too."
    names = [Fact("place", w, (text.index(w), text.index(w) + len(w)), 0) for w in
             ("Arnhaven", "Caldry", "Bexley Vale", "Orrin")]  # fmt: skip
    head = Fact("number", "four towns", (text.index("four"), text.index(" (Bex")), 0)
    joined_up = join_brackets([*names, head], text, [])
    assert sorted(f.text for f in joined_up) == [
        "Arnhaven",
        "Caldry",
        "four towns (Bexley Vale, Orrin",
    ]


def test_a_body_named_by_common_words_and_called_by_its_noun_is_no_drop() -> None:
    fd = _facts(
        "The Quarry Trust sent its plans to the Finance Committee on Monday.",
        "The Quarry Trust sent its plans to the committee on Monday.",
    )
    assert _left(fd) == ([], [])
    # a body's own name, not after "the", is a fact of its own
    fd = _facts(
        "The Quarry Trust sent its plans to Brookvale Finance Committee on Monday.",
        "The Quarry Trust sent its plans to the committee on Monday.",
    )
    assert _left(fd) == ([], ["Brookvale Finance Committee"])


def test_a_name_with_a_word_written_short_is_no_drop() -> None:
    fd = _facts(
        "The cores were tested by Pellworth Assay Laboratories in March.",
        "The cores were tested by Pellworth Assay Labs in March.",
    )
    assert _left(fd) == ([], [])


def test_the_two_ends_of_a_dropped_route_are_one_fact() -> None:
    fd = _facts(
        "Boats on the Pellan - Skarrow route are cancelled. Trains from Avonby to Corsley "
        "run late. Buses leave Tarnmouth on time.",
        "Buses leave Tarnmouth on time.",
    )
    assert sorted(_left(fd)[1]) == ["Avonby to Corsley", "Pellan - Skarrow"]


def test_a_double_barrelled_surname_cut_to_its_first_half_alone_is_a_change() -> None:
    fd = _facts(
        "The ward was opened by Dr Alma Ferrante-Holt on Monday.",
        "The ward was opened by Dr Ferrante on Monday.",
    )
    changed = _changed(fd)
    assert [(c[0], c[2]) for c in changed] == [("Alma Ferrante-Holt", "surname")]
    assert _left(fd) == ([], [])

"""Names in shapes of their own, on sentences of no test corpus: a surname in capitals
before the given names in a list of people, a surname made plural for a person's works,
a given name before a particle, a given name in its short form, weekdays in the plural."""

from __future__ import annotations

from test_facts_people import SHARED, _changed, _left  # the same sentences and readers
from textlineage import Document, compare
from textlineage.types import FactDiff


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
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

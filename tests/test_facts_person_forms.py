"""One person named in two forms, on sentences of no test corpus: a rank and a middle name
left out, a given name cut to its initial, a title change over a mention that holds a
surname change (one fact); two people of one surname stay two."""

from __future__ import annotations

from test_facts_people import SHARED, _changed, _left  # the same sentences and readers
from textlineage import Document, compare
from textlineage.facts.items import Result
from textlineage.facts.person_forms import fold_person_forms, one_change_per_mention, same_person
from textlineage.types import Fact, FactDiff, FactLink


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    return c.facts


def test_the_forms_of_one_persons_name() -> None:
    assert same_person("Wing Commander Ilse Maria Brandt-Hollis", "Ilse Brandt-Hollis") == "title"
    assert same_person("Konrad Pell", "K. Pell") == "spelling"
    assert same_person("Konrad Aurel Pell", "Konrad Pell") == "spelling"
    assert same_person("Konrad Aurel Pell", "Konrad A. Pell") == "spelling"  # its initial
    assert same_person("K. Aurel Tomas Pell", "K. A. Tomas Pell") == "spelling"
    assert same_person("Dr Ilse Brandt-Hollis", "Dr Ilse Brandt") == "surname"
    assert same_person("Dr Ilse Brandt-Hollis", "Ilse Brandt") == ""  # title and surname
    assert same_person("Ilse Brandt-Hollis KC", "Ilse Brandt-Hollis") == ""  # the same name


def test_two_people_of_one_surname_are_not_one() -> None:
    assert same_person("Dr Ilse Brandt", "Dr Olaf Brandt") == ""
    assert same_person("Konrad Pell", "M. Pell") == ""
    assert same_person("Konrad Aurel Pell", "Konrad Tobias Pell") == ""
    assert same_person("Konrad Aurel Pell", "Konrad T. Pell") == ""
    assert same_person("Mr Pell", "Mrs Pell") == ""
    assert same_person("Konrad Pell", "Konrad Pellow") == ""


def _fact(kind: str, text: str, doc: int, start: int = 0) -> Fact:
    return Fact(kind, text, (start, start + len(text)), doc)


def test_a_dropped_and_an_added_name_of_one_person_are_one_change() -> None:
    res = Result()
    res.dropped.append(_fact("organisation", "Wing Commander Ilse Maria Brandt-Hollis", 0))
    res.added.append(_fact("person", "Ilse Brandt-Hollis", 1))
    fold_person_forms(res)
    assert (res.added, res.dropped) == ([], [])
    assert [(k.source.text, k.derived.text, k.label) for k in res.changed] == [
        ("Wing Commander Ilse Maria Brandt-Hollis", "Ilse Brandt-Hollis", "title")
    ]


def test_a_name_of_two_counterparts_is_left_alone() -> None:
    res = Result()
    res.dropped.append(_fact("person", "Konrad Pell", 0))
    res.dropped.append(_fact("person", "Karla Pell", 0, 40))
    res.added.append(_fact("person", "K. Pell", 1))
    fold_person_forms(res)
    assert res.changed == [] and len(res.dropped) == 2 and len(res.added) == 1


def test_an_initial_for_the_given_name_in_a_compare() -> None:
    fd = _facts(
        "The appeal was lodged on Monday, said Konrad Pell, the firm's general counsel.",
        "The appeal was lodged on Monday, said the firm's general counsel K. Pell.",
    )
    assert ("Konrad Pell", "K. Pell", "spelling") in _changed(fd)
    assert "K. Pell" not in _left(fd)[0]
    assert "Konrad Pell" not in _left(fd)[1]


def test_a_title_change_holding_a_surname_change_is_one_fact() -> None:
    src_outer = _fact("person", "Board chair Ilse Brandt-Hollis", 0)
    src_inner = Fact("person", "Ilse Brandt-Hollis", (12, 30), 0)
    der_outer = _fact("person", "chair Ilse Brandt", 1)
    der_inner = Fact("person", "Ilse Brandt", (6, 17), 1)
    res = Result()
    res.changed.append(FactLink("person", src_outer, der_outer, "", "title"))
    res.changed.append(FactLink("person", src_inner, der_inner, "", "surname"))
    one_change_per_mention(res)
    assert [k.label for k in res.changed] == ["surname"]


def test_a_title_change_beside_a_surname_change_stays() -> None:
    res = Result()
    res.changed.append(
        FactLink("person", _fact("person", "Vice Principal", 0), _fact("person", "Principal", 1))
    )
    res.changed.append(
        FactLink(
            "person",
            _fact("person", "Ilse Brandt-Hollis", 0, 40),
            _fact("person", "Ilse Brandt", 1, 40),
            "",
            "surname",
        )
    )
    one_change_per_mention(res)
    assert len(res.changed) == 2


def test_a_job_told_after_the_name_stays_a_fact_of_its_own() -> None:
    src_outer = _fact("person", "Ilse Brandt-Hollis, the board's director of finance", 0)
    der_outer = _fact("person", "Ilse Brandt, the board's director", 1)
    res = Result()
    res.changed.append(FactLink("person", src_outer, der_outer, "", "title"))
    res.changed.append(
        FactLink(
            "person",
            _fact("person", "Ilse Brandt-Hollis", 0),
            _fact("person", "Ilse Brandt", 1),
            "",
            "surname",
        )
    )
    one_change_per_mention(res)
    assert len(res.changed) == 2

"""A double surname cut to one part (:mod:`textlineage.facts.match_double_names`), a
surname in capitals after "Mr" (a transcript's speaker) and Indian honorifics."""

from __future__ import annotations

import pytest

from textlineage.facts.diff import diff_facts
from textlineage.facts.extract import extract_facts


def _diff(source: str, derived: str) -> tuple[list[tuple[str, str, str]], list[str], list[str]]:
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    changed = [(c.source.text, c.derived.text, c.label) for c in d.changed]
    return changed, [f.text for f in d.added], [f.text for f in d.dropped]


@pytest.mark.parametrize(
    ("source", "derived", "pair"),
    [
        (
            "Mr Davenport-Kyle said the ward would stay open.",
            "Health Minister Ross Davenport said the ward would stay open.",
            ("Davenport-Kyle", "Ross Davenport"),
        ),
        (
            "Mr DAVENPORT-KYLE: The ward will stay open until June.",
            "Health Minister Ross Davenport said the ward would stay open until June.",
            ("DAVENPORT-KYLE", "Ross Davenport"),
        ),
        (
            "The statement was issued by Shri Raghavendra Prasad Iyer-Menon, Joint Secretary, on Monday.",
            "Joint Secretary R. P. Iyer issued the statement on Monday.",
            ("Raghavendra Prasad Iyer-Menon", "R. P. Iyer"),
        ),
    ],
)
def test_a_double_surname_cut_is_one_person_changed(
    source: str, derived: str, pair: tuple[str, str]
) -> None:
    changed, added, dropped = _diff(source, derived)
    assert (*pair, "surname") in changed
    assert not added and not dropped


def test_two_people_of_one_family_stay_apart() -> None:
    changed, added, dropped = _diff(
        "Ana Ruiz-Vega and her brother Luis Ruiz-Vega opened the shop in May.",
        "The shop was opened in May by Carla Ruiz and Marta Ruiz.",
    )
    assert not changed
    assert sorted(added) == ["Carla Ruiz", "Marta Ruiz"]
    assert sorted(dropped) == ["Ana Ruiz-Vega", "Luis Ruiz-Vega"]


def test_another_surname_is_no_double_surname_cut() -> None:
    changed, _, _ = _diff(
        "Mr Davenport-Kyle said the ward would stay open.",
        "Health Minister Ross Keller said the ward would stay open.",
    )
    assert not any(label == "surname" and "Keller" in d for _, d, label in changed)


def _kinds(text: str) -> dict[str, str]:
    return {f.text: f.kind for f in extract_facts(text, language="en")}


def test_a_surname_in_capitals_after_mr_is_a_person_and_initials_stay_a_body() -> None:
    kinds = _kinds("Mr TREMAYNE-HOLT asked the question. The BBC reported it.")
    assert kinds["TREMAYNE-HOLT"] == "person"
    assert kinds["BBC"] == "organisation"


def test_indian_honorifics_open_a_persons_name_but_not_sri_lanka() -> None:
    kinds = _kinds("Shri Ram Nath Kovind and Smt Asha Rao flew to Sri Lanka.")
    assert kinds["Ram Nath Kovind"] == "person" and kinds["Asha Rao"] == "person"
    assert kinds["Sri Lanka"] == "place"


def test_hon_is_a_title_not_a_name() -> None:
    kinds = _kinds("Head of Mission Hon. Grace Wanjiru Odhiambo said the vote was calm.")
    assert kinds["Grace Wanjiru Odhiambo"] == "person"
    assert not any("Hon" in name for name in kinds)
    # a seat's letters after the name make no title of the whole ("Dr … MP")
    assert _kinds("The Hon. Ana Lind MP said the bill would pass.") == {"Ana Lind MP": "person"}
    assert _kinds("Dr Ana Lind MP said the bill would pass.") == {"Ana Lind MP": "person"}


def test_another_given_name_is_another_person() -> None:
    changed, added, dropped = _diff(
        "Ana Ruiz-Vega said the shop would open in May.",
        "Carla Ruiz said the shop would open in May.",
    )
    assert not changed
    assert (added, dropped) == (["Carla Ruiz"], ["Ana Ruiz-Vega"])


_FOUNDER = (
    "The charity's founder, {} Farrant-Hale, repaid the money in March. Mr Farrant-Hale "
    "said he regretted the loan."
)


def test_a_given_name_changed_behind_a_mention_by_surname_is_a_change() -> None:
    changed, added, dropped = _diff(_FOUNDER.format("Jonathan"), _FOUNDER.format("Jonty"))
    assert changed == [("Jonathan Farrant-Hale", "Jonty Farrant-Hale", "first_name")]
    assert not added and not dropped


@pytest.mark.parametrize("given", ["Jonathan", "J."])
def test_the_same_given_name_or_its_initial_is_no_change(given: str) -> None:
    assert _diff(_FOUNDER.format("Jonathan"), _FOUNDER.format(given)) == ([], [], [])


def test_two_of_one_family_are_left_apart() -> None:
    source = (
        "Founders Jonathan Farrant-Hale and Ruth Farrant-Hale repaid the money. Mr "
        "Farrant-Hale said he regretted the loan."
    )
    derived = (
        "Founder Jonty Farrant-Hale repaid the money. Mr Farrant-Hale said he regretted the loan."
    )
    changed, _, _ = _diff(source, derived)
    assert not [c for c in changed if c[2] == "first_name"]

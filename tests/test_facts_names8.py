"""Names, on sentences of no test corpus: a body's name holding its remit ("for ...",
"of ... and ...") is read whole, and its acronym in the other text keeps it."""

from __future__ import annotations

from test_facts_people import SHARED, _changed, _left  # the same sentences and readers
from textlineage import Document, compare
from textlineage.facts.extract import extract_facts
from textlineage.types import FactDiff


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    return c.facts


def _orgs(text: str) -> list[str]:
    return [f.text for f in extract_facts(text) if f.kind == "organisation"]


def test_a_body_named_for_its_remit_is_one_name() -> None:
    assert _orgs("Grants are paid by the Office for Rivers and Canals each spring.") == [
        "Office for Rivers and Canals"
    ]
    assert _orgs("A report by the Ministry of Farming and Rural Affairs came out.") == [
        "Ministry of Farming and Rural Affairs"
    ]


def test_two_bodies_joined_by_and_stay_two() -> None:
    orgs = _orgs("The Bank of Tarvia and Oldcastle Savings Union agreed a merger.")
    assert "Bank of Tarvia" in orgs
    assert "Bank of Tarvia and Oldcastle Savings Union" not in orgs


def test_a_body_named_for_its_remit_is_kept_by_its_acronym() -> None:
    fd = _facts(
        "Farmers must tell the Office for Rivers and Canals before they draw water.",
        "Farmers must tell the ORC before they draw water.",
    )
    added, dropped = _left(fd)
    assert not _changed(fd)
    assert not [x for x in (*dropped, *added) if x in ("ORC", "Rivers", "Canals")]

"""Roles of people (facts.roles) and the ``title`` changes they make: a role word added,
dropped or replaced before a name, or in an appositive after it, is a change; a role that
one side leaves out is not."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts import extract_facts
from textlineage.facts.roles import role_after, role_before, role_of
from textlineage.facts.vocab import TITLES

BODY = (
    "{} told reporters on Wednesday that the new harbour tunnel would open in the "
    "autumn. The project has run two years late and its budget was raised twice after "
    "engineers found soft clay under the old quay, the port authority said."
)


def _people(source: str, derived: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    c = compare(Document("a", BODY.format(source)), Document("b", BODY.format(derived)))
    assert c.passages
    changed = [(k.source.text, k.derived.text, k.label) for k in c.facts.changed]
    kept = [k.derived.text for k in c.facts.kept if k.kind == "person"]
    return changed, kept


@pytest.mark.parametrize(
    ("source", "derived", "s_text", "d_text"),
    [
        # a rank added to a role that shares its noun
        ("Finance minister Tomas Berg", "Deputy finance minister Tomas Berg",
         "Finance minister Tomas Berg", "Deputy finance minister Tomas Berg"),
        # a job title in lower case replaced by another
        ("Chief executive Mira Holt", "Chairwoman Mira Holt",
         "Chief executive Mira Holt", "Chairwoman Mira Holt"),
        # a knighthood dropped, the rest of the role kept
        ("The former interior minister Sir Alan Price", "The former interior minister Alan Price",
         "former interior minister Sir Alan Price", "former interior minister Alan Price"),
    ],
)  # fmt: skip
def test_a_changed_role_is_a_title_change(
    source: str, derived: str, s_text: str, d_text: str
) -> None:
    changed, kept = _people(source, derived)
    assert changed == [(s_text, d_text, "title")]
    assert kept == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("Health minister Ana Ruiz", "Ana Ruiz"),  # a role left out
        ("Ana Ruiz", "Health minister Ana Ruiz"),  # a role added where there was none
        ("Mr Omar Lindqvist", "Omar Lindqvist"),  # an honorific is no role
        # the same role, once before the name and once in an appositive
        ("Dr Omar Lindqvist, a geologist,", "Geologist Dr Omar Lindqvist"),
        # a title written short and in full; a role and its acronym
        ("Dr. Omar Lindqvist, the port's chief engineer,", "Chief engineer Doctor Omar Lindqvist"),
        ("Omar Lindqvist, chief financial officer,", "CFO Omar Lindqvist"),
        # an office's title written short
        ("Councillor Omar Lindqvist", "Cllr Omar Lindqvist"),
        # a job left out, the courtesy title before the name kept
        ("Head of geology Dr Omar Lindqvist", "Dr Omar Lindqvist"),
    ],
)
def test_a_role_left_out_or_said_otherwise_is_no_change(source: str, derived: str) -> None:
    changed, kept = _people(source, derived)
    assert changed == []
    assert len(kept) == 1


def test_role_before_takes_modifiers_of_a_role_noun_only() -> None:
    text = "Yesterday the deputy regional president Karin Voss said police arrested Jan Ek."
    r = role_before(text, text.index("Karin"), TITLES)
    assert r is not None
    assert (r.text, r.words) == (
        "deputy regional president",
        frozenset({"deputy", "regional", "president"}),
    )
    # "arrested" is no role noun, and a verb is no modifier
    assert role_before(text, text.index("Jan"), TITLES) is None
    assert role_before("Mrs Jane Roe", 4, TITLES) is None  # an honorific alone


def test_role_after_reads_an_appositive_up_to_its_end() -> None:
    text = "Anke Vogel, the chief executive of Brenner, said so. Jo Kim, who runs it, agreed."
    r = role_after(text, len("Anke Vogel"), TITLES)
    assert r is not None and r.words == frozenset({"chief", "executive"})
    assert role_after(text, text.index(", who"), TITLES) is None
    text = "Dr Ida Lund, a neuroscientist at the clinic, led it."
    both = role_of(text, (3, 11), TITLES)
    assert both is not None and both.words == frozenset({"dr", "neuroscientist"})


def test_an_acronym_title_and_doctor_are_no_words_of_the_name() -> None:
    c = compare(
        Document("a", BODY.format("Omar Lindqvist, chief executive officer,")),
        Document("b", BODY.format("CEO Omar Lindqvist")),
    )
    kept = [(k.source.text, k.derived.text) for k in c.facts.kept if k.kind == "person"]
    assert kept == [("Omar Lindqvist", "Omar Lindqvist")]
    assert not c.facts.changed and not c.facts.added
    found = extract_facts(BODY.format("Doctor Omar Lindqvist"), language="en")
    assert [f.text for f in found if f.kind == "person"] == ["Omar Lindqvist"]


def test_another_acronym_title_is_a_change() -> None:
    changed, _ = _people("Omar Lindqvist, chief executive officer,", "CFO Omar Lindqvist")
    assert [x[2] for x in changed] == ["title"]

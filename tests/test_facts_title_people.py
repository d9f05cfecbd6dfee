"""A title written next to a person's name on both sides, capitalised on one and in lower
case on the other ("Chief … Officer" / "… chief"), is the title kept in other words
(facts.title_rewords); two lower-case titles that differ only by the words before them
are not paired."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.title_rewords import _titles, reworded_titles
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, doc: int, kind: str = "person") -> Fact:
    at = text.index(part)
    return Fact(kind, part, (at, at + len(part)), doc, part.lower())


def _run(src: str, der: str, name: str) -> Result:
    res = Result()
    res.kept.append(FactLink("person", _fact(src, name, 0), _fact(der, name, 1)))
    reworded_titles(res, (src, der))
    return res


def test_chief_officer_written_as_a_chief_is_the_title_kept() -> None:
    src = "Sales rose, said Tavomar Chief Marketing Officer Ines Valbrook on Friday."
    der = "Its marketing chief, Ines Valbrook, said sales rose."
    res = _run(src, der, "Ines Valbrook")
    titles = [(k.source.text, k.derived.text) for k in res.kept if k.label == ""][1:]
    assert titles == [("Chief Marketing Officer", "marketing chief")]
    assert not res.changed


def test_chief_officer_is_a_title() -> None:
    text = "the Chief Data Officer of the bank"
    assert [text[s:e] for (s, e), _, _ in _titles(text)] == ["Chief Data Officer"]


def test_two_lower_case_titles_are_not_paired() -> None:
    src = "The firm's finance director Ines Valbrook said sales rose."
    der = "Sales rose, said finance director Ines Valbrook."
    res = _run(src, der, "Ines Valbrook")
    assert len(res.kept) == 1 and not res.changed

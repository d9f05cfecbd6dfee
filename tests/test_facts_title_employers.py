"""A title with the initials of the person's employer in front on one side only is the
same title (facts.title_employers); another word in front still makes another title."""

from __future__ import annotations

from textlineage.facts.roles import Role
from textlineage.facts.title_employers import _employer_only


def _role(text: str, at: int = 0) -> Role:
    return Role(text, at, at + len(text), frozenset(text.lower().split()))


def test_initials_named_elsewhere_only():
    text = "The RWB met. RWB Commissioner spoke."
    longer = _role("RWB Commissioner", text.index("RWB Commissioner"))
    assert _employer_only(longer, _role("Commissioner"), text)
    alone = "Then RWB Commissioner spoke."
    assert not _employer_only(_role("RWB Commissioner", 5), _role("Commissioner"), alone)


def test_another_word_in_front_is_another_title():
    text = "The RWB met. Deputy Commissioner spoke."
    longer = _role("Deputy Commissioner", text.index("Deputy"))
    assert not _employer_only(longer, _role("Commissioner"), text)
    assert not _employer_only(_role("Commissioner"), _role("RWB Commissioner"), text)

"""Letter grades, on sentences of no test corpus."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1)


def _grades(fd: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in fd.changed if c.note.startswith("grade")]


def test_a_grade_given_another_mark_is_a_value_change() -> None:
    src = 'Inspectors gave the kitchen a "B+" HygieneMark after the visit in March.'
    der = "Inspectors gave the kitchen an A HygieneMark after the visit in March."
    assert _grades(_diff(src, der)) == [('"B+" HygieneMark', "A HygieneMark")]


def test_a_grade_of_another_mark_after_of_is_a_value_change() -> None:
    src = "The school kept a rating of C in the spring review."
    der = "The school now has a rating of B after the spring review."
    assert _grades(_diff(src, der)) == [("rating of C", "rating of B")]


def test_the_same_grade_with_a_dash_for_the_minus_is_no_change() -> None:
    src = "Critics gave the opera an A– rating on its first night."
    der = "Critics gave the opera an A- rating on its opening night."
    assert not _grades(_diff(src, der))


def test_an_article_before_a_name_is_no_grade() -> None:
    src = "A Bellmoor Council report praised the scheme."
    der = "A Carrow Council report praised the scheme."
    assert not _grades(_diff(src, der))

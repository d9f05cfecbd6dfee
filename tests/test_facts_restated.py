"""A figure the derived text gives twice (two roundings, two wordings) is reported once:
the second mention is not an added number."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.restated import fold_restated
from textlineage.types import Fact, FactLink


def _added_numbers(src: str, der: str) -> list[str]:
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    return [f.text for f in d.added if f.kind == "number"]


def test_a_headline_rounding_of_a_changed_figure_is_not_added() -> None:
    added = _added_numbers(
        "The refund\n\nThe tribunal ordered the landlord to repay £6,240 to the two tenants "
        "within 28 days of the decision, it said in a ruling published on Friday.",
        "Tenants win back £6,200 from landlord\n\nTwo tenants have won back more than "
        "£6,000 in rent after a tribunal ruled against their landlord.",
    )
    assert "£6,200" not in added


def test_a_headline_repeat_of_a_changed_count_is_not_added() -> None:
    added = _added_numbers(
        "Summary\n\n- At least 27,000 people displaced in the two valleys\n\nHeavy rain over "
        "three days caused the river to burst its banks. Officials estimate that at least "
        "27,000 people have left their homes, most of them in the upper valley.",
        "Floods leave 30,000 homeless in the valleys\n\nAround 30,000 people have been "
        "driven from their homes by flooding in the two valleys, officials said.",
    )
    assert not added


def _num(text: str, value: str, doc: int, at: int) -> Fact:
    return Fact("number", text, (at, at + len(text)), doc, value)


def test_restatements_folded_and_other_figures_kept() -> None:
    res = Result()
    res.changed.append(
        FactLink(
            "number",
            _num("At least 27,000 residents", "27000", 0, 0),
            _num("About 30,000 residents", "30000", 1, 0),
            "",
            "value",
            "",
        )
    )
    res.kept.append(FactLink("number", _num("63%", "63", 0, 50), _num("63%", "63", 1, 50)))
    res.added.extend(
        [
            _num("30,000 evacuees", "30000", 1, 100),  # the changed figure again
            _num("nearly six in ten", "60", 1, 130),  # the kept share, in words
            _num("£30,000 grant", "30000", 1, 160),  # money, not the count
            _num("45 shelters", "45", 1, 190),  # a figure of its own
            _num("six", "6", 1, 220),  # too small to tell
        ]
    )
    fold_restated(res)
    assert [f.text for f in res.added] == ["£30,000 grant", "45 shelters", "six"]


def test_a_near_count_of_another_noun_is_a_figure_added() -> None:
    added = _added_numbers(
        "The school has 1,200 students and a new sports hall.",
        "The school has 1,200 students. Some 1,250 parents came to see the new sports hall.",
    )
    assert any("1,250 parents" in a for a in added)

"""A job title said as the role someone takes ("became Director") is no name added."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def _added(src: str, der: str) -> list[str]:
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    return [f.text for f in d.added]


def test_a_role_taken_is_no_name() -> None:
    added = _added(
        "Ms Lund was appointed in October 2019 and the museum has 840 members.",
        "Since I became Director in October 2019 the museum has grown to 840 members.",
    )
    assert "Director" not in added


def test_a_title_before_a_name_is_still_read() -> None:
    added = _added(
        "The school has 300 pupils.",
        "The school has 300 pupils, said Head Teacher Ruth Lund.",
    )
    assert any("Lund" in a for a in added)

"""A name and the acronym its text defines in brackets are one organisation: the other
text keeping either form keeps both."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def test_a_defined_acronym_left_out_is_kept_with_its_name() -> None:
    d = diff(
        "The Lowfield Water Quality Board (LWQB) tested 40 wells in March. The LWQB's "
        "chemist said three wells were above the limit.",
        "The Lowfield Water Quality Board tested 40 wells in March and found three above "
        "the limit.",
    )
    assert "LWQB" not in [f.text for f in d.dropped]
    assert ("LWQB", "Lowfield Water Quality Board") in [
        (k.source.text, k.derived.text) for k in d.kept if k.label == "abbreviation"
    ]


def test_an_acronym_not_defined_by_its_text_is_still_dropped() -> None:
    d = diff(
        "The Lowfield Water Quality Board tested 40 wells in March. The LWQB chemist said "
        "three wells were above the limit.",
        "The Lowfield Water Quality Board tested 40 wells in March and found three above "
        "the limit.",
    )
    assert "LWQB" in [f.text for f in d.dropped]


def test_a_name_with_its_closing_words_in_initials_is_kept() -> None:
    d = diff(
        "The cargo flight left Marrowby Air Force Base at dawn on Friday.",
        "The cargo flight left Marrowby AFB at dawn on Friday.",
    )
    assert not [f.text for f in d.dropped] and not [f.text for f in d.added]
    assert ("Marrowby Air Force Base", "Marrowby AFB") in [
        (k.source.text, k.derived.text) for k in d.kept if k.label == "abbreviation"
    ]


def test_a_time_zone_after_a_time_is_no_name() -> None:
    d = diff(
        "The hearing opens at 9:00 a.m. on Friday in Caldwell.",
        "The hearing opens at 9:00 a.m. ET on Friday in Caldwell.",
    )
    assert not [f.text for f in d.added if f.kind in ("organisation", "entity")]


def test_an_acronym_defined_after_a_later_mention_of_a_kept_name() -> None:
    # the name is kept by its headline mention; the acronym is defined at its second
    d = diff(
        "Prairie Growers' Association releases survey\n\nThe Prairie Growers' Association "
        "(PGA) says 41 farms closed. The PGA will meet in Brandon.",
        "Farms closed: 41 of them, according to the Prairie Growers' Association.",
    )
    assert "PGA" not in [f.text for f in d.dropped]
    assert ("PGA", "Prairie Growers' Association") in [
        (k.source.text, k.derived.text) for k in d.kept if k.label == "abbreviation"
    ]

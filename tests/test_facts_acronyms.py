"""A name and the acronym its text defines in brackets are one organisation: the other
text keeping either form keeps both."""

from __future__ import annotations

import time
from dataclasses import replace

from textlineage.facts import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.match_acronyms import fold_defined_acronyms
from textlineage.types import Fact, FactDiff, FactLink


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


def test_many_brackets_of_one_acronym_after_many_kept_names_are_read_at_once() -> None:
    n = 700
    names = [f"Name{i} Group" for i in range(n)]
    head = "".join(f"{name} met. " for name in names)
    text = head + "The Other Body (ABC) said. " * n
    kept, at = [], 0
    for name in names:
        f = Fact("organisation", name, (at, at + len(name)), 0, name.lower())
        kept.append(FactLink("organisation", f, replace(f, span=(0, len(name)), doc=1)))
        at += len(name) + len(" met. ")
    start = len(head) + len("The Other Body (")
    step = len("The Other Body (ABC) said. ")
    dropped = [
        Fact("organisation", "ABC", (start + j * step, start + j * step + 3), 0, "abc")
        for j in range(n)
    ]
    res = Result(kept=kept, dropped=dropped)
    started = time.perf_counter()
    fold_defined_acronyms((text, ""), res)
    assert time.perf_counter() - started < 5.0
    assert len(res.dropped) == n  # no kept name stands before the brackets

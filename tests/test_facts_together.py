"""Figures and dates dropped or added together in one phrase are one fact."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.together import join_together
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, kind: str, doc: int = 0, nth: int = 0) -> Fact:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Fact(kind, part, (start, start + len(part)), doc)


def _texts(res: Result) -> list[str]:
    return sorted(f.text for f in res.dropped)


def test_a_figure_and_its_restatement_are_one_dropped_fact() -> None:
    src = "The brewer made a loss of $12.5 million, or $0.14 per share, in the year."
    res = Result(dropped=[_fact(src, "$12.5 million", "number"), _fact(src, "$0.14", "number")])
    join_together(res, (src, "The brewer lost money."))
    assert _texts(res) == ["$12.5 million, or $0.14"]
    assert res.dropped[0].kind == "number"
    assert res.dropped[0].span == (src.index("$12.5"), src.index(" per share"))


def test_a_time_and_its_day_join_but_not_across_a_sentence() -> None:
    src = "The count was declared at 3.05am on Saturday 4 May 2024. 1,204 votes were void."
    res = Result(
        dropped=[
            _fact(src, "3.05am", "date"),
            _fact(src, "Saturday 4 May 2024", "date"),
            _fact(src, "1,204 votes", "number"),
        ]
    )
    join_together(res, (src, "The count ended overnight."))
    assert _texts(res) == ["1,204 votes", "3.05am on Saturday 4 May 2024"]


def test_names_in_a_list_stay_apart() -> None:
    src = "Delegates from Peru and Chile attended the talks in 2019."
    res = Result(dropped=[_fact(src, "Peru", "place"), _fact(src, "Chile", "place")])
    join_together(res, (src, "Delegates attended."))
    assert _texts(res) == ["Chile", "Peru"]


def test_a_run_going_on_into_a_kept_figure_stays_apart() -> None:
    src = "It sold 40 kilns in 2022, 55 kilns in 2023 and 61 kilns in 2024."
    der = "It sold 61 kilns in 2024."
    kept = FactLink(
        "number", _fact(src, "61 kilns", "number"), _fact(der, "61 kilns", "number", doc=1)
    )
    res = Result(
        kept=[kept],
        dropped=[_fact(src, "55 kilns", "number"), _fact(src, "2023", "date")],
    )
    join_together(res, (src, der))
    assert _texts(res) == ["2023", "55 kilns"]


def test_added_figures_join_on_the_derived_side() -> None:
    der = "Shares closed at 412p, up 3.5%, after the update."
    res = Result(added=[_fact(der, "412p", "number", 1), _fact(der, "3.5%", "number", 1)])
    join_together(res, ("The update was published.", der))
    assert [f.text for f in res.added] == ["412p, up 3.5%"]


def test_the_fact_diff_reports_a_dropped_comparison_once() -> None:
    src = "Output was 6% lower than in 2025. The plant employs 1,850 staff."
    der = "The plant employs 1,850 staff."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    dropped = [f.text for f in fd.dropped if f.kind in ("number", "date")]
    assert len(dropped) == 1, dropped
    assert dropped[0].startswith("6%") and dropped[0].endswith("2025")


def test_a_list_item_dropped_whole_is_one_fact() -> None:
    src = (
        "Pop-up clinics:\n"
        "- Harbour Sports Hall, Penwick: 3 May, 10am to 1pm\n"
        "- Old Mill Chapel, Tarrow: 5 May, 2pm to 5pm\n"
    )
    der = "Pop-up clinics: Harbour Sports Hall, Penwick on 3 May from 10am to 1pm."
    kept_src = _fact(src, "Harbour Sports Hall", "place")
    kept_der = _fact(der, "Harbour Sports Hall", "place", doc=1)
    res = Result(
        kept=[FactLink("place", kept_src, kept_der)],
        dropped=[
            _fact(src, "Old Mill Chapel", "place"),
            _fact(src, "Tarrow", "place"),
            _fact(src, "5 May", "date"),
            _fact(src, "2pm to 5pm", "date"),
        ],
    )
    join_together(res, (src, der))
    assert _texts(res) == ["Old Mill Chapel, Tarrow: 5 May, 2pm to 5pm"]
    assert next(f for f in res.dropped if f.text.startswith("Old")).kind == "place"


def test_a_long_line_opened_by_a_bullet_is_prose_not_an_item() -> None:
    src = (
        "- The harbour board met on 3 May and, after a long debate about dredging the "
        "channel and the cost of it, approved a budget of 40,000 pounds for the year.\n"
    )
    res = Result(dropped=[_fact(src, "3 May", "date"), _fact(src, "40,000 pounds", "number")])
    join_together(res, (src, "The board approved a budget."))
    assert _texts(res) == ["3 May", "40,000 pounds"]


def test_a_bracket_glossing_a_dropped_fact_goes_with_it() -> None:
    src = (
        "Sales fell in four coastal towns (Arley, Brene and Cole). "
        "The study was paid for by the Harlow Trust (grant HT-2021-77)."
    )
    res = Result(
        dropped=[
            _fact(src, "four coastal towns", "number"),
            _fact(src, "Arley", "place"),
            _fact(src, "Brene", "place"),
            _fact(src, "Cole", "place"),
            _fact(src, "Harlow Trust", "organisation"),
            _fact(src, "77", "number"),
        ]
    )
    join_together(res, (src, "Sales fell."))
    assert _texts(res) == [
        "Harlow Trust (grant HT-2021-77",
        "four coastal towns (Arley, Brene and Cole",
    ]


def test_a_bracket_with_a_kept_fact_stays_apart() -> None:
    src = "Yields rose on three farms (Dunmore, Ashby and Penn)."
    der = "Yields rose at Ashby."
    kept = FactLink("place", _fact(src, "Ashby", "place"), _fact(der, "Ashby", "place", doc=1))
    res = Result(
        kept=[kept],
        dropped=[
            _fact(src, "three farms", "number"),
            _fact(src, "Dunmore", "place"),
            _fact(src, "Penn", "place"),
        ],
    )
    join_together(res, (src, der))
    assert _texts(res) == ["Dunmore", "Penn", "three farms"]


def test_a_region_locating_a_kept_town_is_not_dropped() -> None:
    src = "The plant in Dayton, Ohio. It ships to Ayr, Troon and Irvine."
    der = "The plant in Dayton. It ships to Ayr and Troon."
    links = [
        FactLink("place", _fact(src, name, "place"), _fact(der, name, "place", doc=1))
        for name in ("Dayton", "Ayr", "Troon")
    ]
    res = Result(
        kept=links,
        dropped=[_fact(src, "Ohio", "place"), _fact(src, "Irvine", "place")],
    )
    join_together(res, (src, der))
    assert _texts(res) == ["Irvine"]


def test_a_place_after_a_comma_in_a_list_stays_dropped() -> None:
    src = "Orders cover Lanark, Biggar, Carluke and the glen."
    der = "Orders cover Biggar and the glen."
    kept = FactLink("place", _fact(src, "Biggar", "place"), _fact(der, "Biggar", "place", doc=1))
    res = Result(
        kept=[kept],
        dropped=[_fact(src, "Lanark", "place"), _fact(src, "Carluke", "place")],
    )
    join_together(res, (src, der))
    assert _texts(res) == ["Carluke", "Lanark"]


def test_a_place_just_before_a_date_goes_with_it() -> None:
    src = "The water samples were flown to Lorvik on 3 May for testing."
    res = Result(dropped=[_fact(src, "Lorvik", "place"), _fact(src, "3 May", "date")])
    join_together(res, (src, "Water was tested."))
    assert _texts(res) == ["Lorvik on 3 May"]
    assert res.dropped[0].kind == "date"


def test_a_person_or_a_place_after_a_count_stays_apart_from_a_date() -> None:
    src = "Ines Varga met them on 3 May. The gang hit 30 banks in Norland since 2021."
    res = Result(
        dropped=[
            _fact(src, "Ines Varga", "person"),
            _fact(src, "3 May", "date"),
            _fact(src, "30 banks", "number"),
            _fact(src, "Norland", "place"),
            _fact(src, "2021", "date"),
        ]
    )
    join_together(res, (src, "Nothing."))
    assert _texts(res) == ["2021", "3 May", "30 banks", "Ines Varga", "Norland"]


def test_a_region_before_a_bracket_locates_the_kept_town() -> None:
    src = "Calls stay the same: Ostrey, Dunmere (Friday); Ravensby, Marrick (Sunday)."
    der = "Calls stay the same: Ostrey Friday and Ravensby Sunday."
    links = [
        FactLink("place", _fact(src, name, "place"), _fact(der, name, "place", doc=1))
        for name in ("Ostrey", "Ravensby")
    ]
    res = Result(
        kept=links,
        dropped=[_fact(src, "Dunmere", "place"), _fact(src, "Marrick", "place")],
    )
    join_together(res, (src, der))
    assert _texts(res) == []

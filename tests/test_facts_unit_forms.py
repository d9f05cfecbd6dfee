"""One quantity in two forms, on sentences of no test corpus: a unit spelled out or by its
symbol (the micro sign as folding writes it), a number and a half in words before what it
counts; and an organisation named by a run from inside its long name."""

from __future__ import annotations

from textlineage import Document, compare
from textlineage.facts.extract import analysed
from textlineage.facts.items import Result
from textlineage.facts.org_parts import keep_short_orgs
from textlineage.types import Fact, FactDiff, FactLink

SHARED = (
    "The board met in the old town hall, heard from residents and staff over two evenings, "
    "and will publish its minutes once members have read them."
)


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    return c.facts


def _numbers(text: str) -> list[tuple[str, str, str]]:
    return [
        (i.fact.text, i.fact.value, i.unit) for i in analysed(text, 0, "en") if i.cls == "number"
    ]


def test_a_mass_by_its_micro_symbol_is_the_unit_spelled_out() -> None:
    assert _numbers("Lead in the tap water averaged 4.6 µg per litre.") == [
        ("4.6 µg", "4.6", "microgram")
    ]
    fd = _facts(
        "Lead in the tap water averaged 4.6 micrograms per litre last winter.",
        "Lead in the tap water averaged 4.6 µg/l last winter.",
    )
    assert [k for k in fd.changed if k.kind == "number"] == []


def test_a_number_and_a_half_before_what_it_counts() -> None:
    assert _numbers("The rate fell by three and a half percentage points.") == [
        ("three and a half percentage points", "3.5", "point")
    ]
    assert _numbers("They baked four and a half cakes.") == [
        ("four and a half cakes", "4.5", "cake")
    ]
    assert _numbers("She was three and a half when they moved.")[0][1] == "3"


def test_the_rate_in_words_and_in_digits_is_one_fact() -> None:
    fd = _facts(
        "The jobless rate fell by 3.5 percentage points over the winter.",
        "The jobless rate fell by three and a half percentage points over the winter.",
    )
    assert [k for k in fd.changed if k.kind == "number"] == []
    assert [f.text for f in (*fd.added, *fd.dropped) if f.kind == "number"] == []


def _org(text: str, doc: int, start: int) -> Fact:
    return Fact("organisation", text, (start, start + len(text)), doc)


def test_an_organisation_named_by_a_run_inside_its_name_is_kept() -> None:
    source = "Help came from the Northern Waters Rescue and Civil Alert Service overnight."
    derived = "Help came from Civil Alert overnight, the board said."
    res = Result()
    name = "Northern Waters Rescue and Civil Alert Service"
    res.dropped.append(_org(name, 0, source.index(name)))
    res.kept.append(FactLink("number", _org("x", 0, 0), _org("x", 1, 0)))
    keep_short_orgs(res, (source, derived))
    assert res.dropped == []
    assert [(k.source.text, k.derived.text, k.label) for k in res.kept[1:]] == [
        (name, "Civil Alert", "partial")
    ]


def test_a_run_the_source_names_apart_is_another_fact() -> None:
    source = (
        "Help came from the Northern Waters Rescue and Civil Alert Service overnight. "
        "Civil Alert volunteers also came."
    )
    derived = "Help came from Civil Alert overnight, the board said."
    res = Result()
    name = "Northern Waters Rescue and Civil Alert Service"
    res.dropped.append(_org(name, 0, source.index(name)))
    res.kept.append(FactLink("number", _org("x", 0, 0), _org("x", 1, 0)))
    keep_short_orgs(res, (source, derived))
    assert len(res.dropped) == 1


def test_a_point_in_time_told_in_another_unit_is_no_span_added() -> None:
    fd = _facts(
        "Membership of the rowing club rose to 212; a year earlier the rowing club had 180.",
        "Membership of the rowing club rose to 212; twelve months earlier the rowing club had 180.",
    )
    assert [f.text for f in (*fd.added, *fd.dropped) if f.kind == "number"] == []


def test_a_point_in_time_of_another_length_stays_a_fact() -> None:
    fd = _facts(
        "Membership of the rowing club rose to 212; a year earlier the rowing club had 180.",
        "Membership of the rowing club rose to 212; six months earlier the rowing club had 180.",
    )
    assert [f.text for f in fd.added if f.kind == "number"] == ["six months"]


def test_a_body_cut_at_its_and_before_a_council_of_a_place_is_one_name() -> None:
    fd = _facts(
        "The survey was paid for by the Marine Studies and Coastal Research Council of "
        "Erland, and ran for two summers.",
        "The survey ran for two summers.",
    )
    dropped = [f.text for f in fd.dropped if f.kind in ("organisation", "entity")]
    assert dropped == ["Marine Studies and Coastal Research Council of Erland"]


def _number_changes(source: str, derived: str) -> list[tuple[str, str]]:
    fd = _facts(source, derived)
    return [(k.source.text, k.derived.text) for k in fd.changed if k.kind == "number"]


def test_a_size_in_another_unit_is_the_same_size() -> None:
    source = "The painting, 152 x 213 cm, was sold to a private collector in the city."
    assert _number_changes(source, source.replace("152 x 213 cm", "1.52m by 2.13m")) == []
    assert _number_changes(source, source.replace("152 x 213 cm", "1.52m by 2.5m")) == [
        ("152 x 213 cm", "1.52m by 2.5m")
    ]


def test_a_fraction_of_a_unit_without_its_article() -> None:
    assert _numbers("The ferry stop is a quarter mile away.") == [
        ("a quarter mile", "0.25", "mile")
    ]
    assert _numbers("The bank cut its rate by a quarter point.") == [
        ("a quarter point", "0.25", "point")
    ]
    assert _numbers("The bank cut its rate by 0.25 percentage point.") == [
        ("0.25 percentage point", "0.25", "point")
    ]


def test_the_sign_of_another_currency_is_read() -> None:
    items = [i for i in analysed("Fines of ₱12.4m were paid.", 0, "en") if i.cls == "number"]
    assert [(i.fact.text, i.fact.value, i.cur) for i in items] == [("₱12.4m", "12400000", "₱")]
    assert (
        _number_changes(
            "Fines of ₱12.4 million were paid by the ferry companies last year.",
            "Fines of ₱12.4m were paid by the ferry companies last year.",
        )
        == []
    )

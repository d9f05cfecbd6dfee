"""The month table and the one date parser (textlineage.text.dates), and its callers."""

from __future__ import annotations

from datetime import date

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from textlineage.network.graph import DocInfo, Relation, build_clusters
from textlineage.text.dates import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    MonthNames,
    find_date,
    month_abbreviations,
    month_number,
    month_pattern,
    normalise_date,
    parse_date,
)
from textlineage.text.pubdate import PublicationDate
from textlineage.types import Document
from textlineage.verdict import document_date

JUNE_18 = date(2021, 6, 18)


@pytest.mark.parametrize(
    "value",
    [
        # ISO dates and date-times; the date is taken as written, whatever the zone
        "2021-06-18",
        " 2021-06-18\n",
        "2021-06-18T10:00:00Z",
        "2021-06-18T10:00:00.123456Z",
        "2021-06-18T23:30:00-05:00",
        "2021-06-18 00:30:00+09:00",
        "2021/6/18",
        "2021-6-18",
        "2021/06/18 10:00",
        "2021.06.18",
        "20210618",
        "20210618T100000Z",
        # month names, any order, weekday, ordinal, full stop, time
        "June 18, 2021",
        "June 18 2021",
        "18 June 2021",
        "Jun. 18 2021",
        "Jun 18, 2021",
        "18th June 2021",
        "June 18th, 2021",
        "18th of June, 2021",
        "Friday, 18 June 2021",
        "Fri, June 18, 2021",
        "2021 June 18",
        "JUNE 18, 2021",
        "june 18 2021",
        "June 18, 2021 10:00 AM",
        "June 18, 2021, 10:00 a.m. EDT",
        # RFC 2822, as in HTTP headers, e-mail and WARC records
        "Fri, 18 Jun 2021 10:00:00 GMT",
        "Fri, 18 Jun 2021 10:00:00 +0000",
        "18 Jun 2021 23:59:59 -0700",
        # digits of other scripts
        "۲۰۲۱-۰۶-۱۸",
        "٢٠٢١-٠٦-١٨",
        "18 June ۲۰۲۱",
    ],
)
def test_parse_date_reads(value: str) -> None:
    assert parse_date(value) == JUNE_18
    assert normalise_date(value) == "2021-06-18"


def test_sept_and_may() -> None:
    assert parse_date("Sept. 30, 2019") == date(2019, 9, 30)
    assert parse_date("Sep 30 2019") == date(2019, 9, 30)
    assert parse_date("1 May 2020") == date(2020, 5, 1)


@pytest.mark.parametrize(
    "value",
    [
        # empty and garbage
        "",
        "   ",
        "yesterday",
        "not a date",
        "1",
        "June",
        "Junk 18, 2021",
        # a year, or a year and a month, is not a date
        "2021",
        "Copyright 2021",
        "© 2021 Example News",
        "Spring 2021",
        "2021-06",
        "June 2021",
        "Jun. 2021",
        "June 18",
        # invalid dates
        "2021-02-30",
        "2021-13-01",
        "2021/13/01",
        "February 30, 2021",
        "32 June 2021",
        "0000-01-01",
        "2021-06-18x",
        "2021/06-18",
        # day-month order and two-digit years are not guessed
        "18/06/2021",
        "06/07/2021",
        "18.06.2021",
        "June 18, 21",
        # text around a date: not a metadata date
        "2021-06-18 (updated)",
        "Published June 18, 2021",
        "June 18, 2021 by Staff",
        "18 June 2021 - 20 June 2021",
    ],
)
def test_parse_date_rejects(value: str) -> None:
    assert parse_date(value) is None
    assert normalise_date(value) == value.strip()


@given(st.text(max_size=40))
def test_parse_date_never_raises(value: str) -> None:
    found = parse_date(value)
    if found is not None:
        assert normalise_date(value) == found.isoformat()
        assert parse_date(found.isoformat()) == found


# -- dates in text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, June 18, 2021 — The", JUNE_18),
        ("LONDON (Reuters), 18 June 2021: x", JUNE_18),
        ("Posted on Jun. 18, 2021No comments", JUNE_18),
        ("Posted by admin on June 18th, 2021", JUNE_18),
        ("Updated 2021-06-18T10:00 UTC", JUNE_18),
        ("Item 5, 2020 was filed; on June 18, 2021 it", JUNE_18),
        ("February 30, 2021 and June 18, 2021", JUNE_18),
        ("Copyright 2021 Example News", None),
        ("In June 2021 the council met", None),
        ("The Mayor 5, 2021 report", None),
        ("june 18, 2021", None),
        ("In 1850-06-18 terms", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


# -- the month table ---------------------------------------------------------------------


def test_month_numbers() -> None:
    assert month_number("January") == 1
    assert month_number("sept.") == 9
    assert month_number("SEP") == 9
    assert month_number("may") == 5
    assert month_number("Mayor") is None
    assert month_number("") is None
    assert sorted(set(MONTH_NUMBERS.values())) == list(range(1, 13))
    for table in MONTH_NAMES.values():
        for number in range(1, 13):
            for form in table.names[number - 1] + table.abbreviations[number - 1]:
                assert month_number(form) == number


def test_month_pattern() -> None:
    full = regex.compile(rf"{month_pattern(abbreviations=False)}\Z")
    both = regex.compile(rf"{month_pattern()}\Z")
    assert full.match("September") and full.match("May")
    assert not full.match("Sept")
    assert both.match("Sept.") and both.match("Jun") and both.match("December")
    assert not both.match("May.")  # May is a name, not an abbreviation
    assert not both.match("june")  # forms as written; wrap in (?i:...) for any case
    assert month_abbreviations() >= {"jan", "sep", "sept", "dec"}
    assert "may" not in month_abbreviations()


def test_month_names_need_twelve_months() -> None:
    with pytest.raises(ValueError, match="twelve"):
        MonthNames(names=(("Jan",),) * 11, abbreviations=((),) * 12)


# -- the callers agree ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["June 18, 2021", "2021-06-18T10:00:00Z", "Fri, 18 Jun 2021"])
def test_publication_date_reads_metadata_with_the_shared_parser(value: str) -> None:
    doc = Document(id="a", text="No dateline here.", meta={"date": value})
    assert document_date(doc) == PublicationDate(JUNE_18, "day", "metadata")


def test_publication_date_falls_back_to_dateline_not_footer() -> None:
    doc = Document(id="a", text="PARIS, 18 June 2021 — Text.", meta={"date": "June 2021"})
    assert document_date(doc) == PublicationDate(JUNE_18, "day", "dateline")
    footer = Document(id="b", text="Text of the story.\n\nCopyright 2021", meta={})
    assert document_date(footer) is None


def test_network_dates_read_with_the_shared_parser() -> None:
    docs = {
        1: DocInfo(1, "a", "a.com", "June 18, 2021"),
        2: DocInfo(2, "b", "b.com", "2021-06-20T08:00:00Z"),
        3: DocInfo(3, "c", "c.com", "2021-06"),
    }
    rels = [
        Relation(a, b, "derived", None, 0.9, (0.5, 0.5), (300, 300)) for a, b in ((1, 2), (2, 3))
    ]
    (cluster,) = build_clusters(docs, rels)
    assert (cluster.first_date, cluster.last_date) == ("2021-06-18", "2021-06-20")
    assert cluster.members == (1, 2, 3)  # 3 is undated: last


def test_a_dashed_range_of_days_may_stand_before_a_noun() -> None:
    from textlineage.facts.extract import extract_facts

    def dates(text: str) -> list[str]:
        return [f.value for f in extract_facts(text, language="en") if f.kind == "date"]

    assert dates("Its losses from the May 28–30 hailstorms rose.") == ["05-28", "05-30"]
    assert dates("Tickets for May 4 and 5 people went on sale.") == ["05-04"]
    assert dates("The May 3-4 per cent rise was expected.") == ["05-03"]
    assert dates("In May 20-30 people were hurt.") == ["05-20"]  # no determiner: a count
    assert dates("The fair runs June 8–12 in Leeds.") == ["06-08", "06-12"]

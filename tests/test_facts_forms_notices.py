"""Forms, notices and addresses: section numbers and field labels of a numbered notice,
postcodes, areas in "sq km", honorific titles and a company form in brackets are read as
what they are, not as names or counts."""

from __future__ import annotations

from facts_lines import furniture
from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.items import Result
from textlineage.facts.meta_claims import drop_page_pointers
from textlineage.types import Fact, FactDiff


def _diff(source: str, derived: str) -> FactDiff:
    return diff_facts(source, derived, source_doc=0, derived_doc=1)


NOTICE = (
    "Section II: Object\n"
    "II.1.1) Title: Supply and maintenance of refuse vehicles.\n"
    "II.1.3) Type of contract: Supplies.\n"
    "II.1.4) Short description: The Council wishes to buy 22 electric vehicles for its "
    "depot, with maintenance for eight years from delivery.\n"
    "II.2.7) Duration: 96 months.\n"
)


def test_section_numbers_of_a_notice_are_furniture() -> None:
    found = furniture(NOTICE)
    for label in ("II.1.1)", "II.1.3)", "II.1.4)", "II.2.7)"):
        assert label in found


def test_field_labels_are_no_names() -> None:
    facts = extract_facts(NOTICE, doc=0)
    names = {f.text for f in facts if f.kind in ("entity", "organisation", "person", "place")}
    assert not names & {"Title", "Type", "Short", "Duration", "II"}
    numbers = [f.text for f in facts if f.kind == "number"]
    assert numbers == ["22 electric vehicles", "eight years", "96 months"]


def test_a_postcode_is_no_name_or_number() -> None:
    facts = extract_facts("Send it to the Civic Centre, Ystrad Road, Caerphilly CF83 2XT.", doc=0)
    assert not [f for f in facts if "CF83" in f.text or f.kind == "number"]


def test_areas_in_square_units() -> None:
    d = _diff(
        "The catchments are each 50 sq km, and the flat is 99 sq m.",
        "The catchments are each 50 square kilometres, and the flat is 99 square metres.",
    )
    assert not d.changed and not d.added and not d.dropped and len(d.kept) == 2
    d = _diff("The flat is 99 sq m.", "The flat is 99 sq ft.")
    assert not d.kept  # another unit of area: no longer "the same count under another noun"


def test_honorifics_and_their_short_forms() -> None:
    d = _diff(
        "The review was led by the Venerable Thomas Okonjo, Archdeacon of Wrexford.",
        "The review was led by the Ven Thomas Okonjo, Archdeacon of Wrexford.",
    )
    assert not d.changed and not d.added and not d.dropped
    texts = [f.text for f in extract_facts("His Majesty's Inspector visited Leeds.", doc=0)]
    assert "Majesty" not in texts


def test_a_company_form_in_brackets_is_no_name() -> None:
    texts = [f.text for f in extract_facts("Amberleaf Botanicals (Pty) Ltd paid.", doc=0)]
    assert "Pty" not in texts


def test_a_greeting_is_no_claim() -> None:
    res = Result()
    for t in ("good afternoon, everyone", "Thank you very much", "good rates for everyone"):
        res.dropped.append(Fact("claim", t, (0, len(t)), 0, ""))
    drop_page_pointers(res)
    assert [f.text for f in res.dropped] == ["good rates for everyone"]


def test_a_time_after_a_dates_year() -> None:
    d = _diff(
        "Start: Monday 5 January 2032, 08:00. The towpath stays open.",
        "The works start on Monday 5 January 2032 at 8am. The towpath stays open.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_durations_said_in_words() -> None:
    pairs = [
        ("about 1 hour 40 minutes", "about an hour and 40 minutes"),
        ("roughly 45 minutes", "roughly three-quarters of an hour"),
        ("15 minutes", "a quarter of an hour"),
    ]
    for a, b in pairs:
        d = _diff(
            f"The walk takes {a} from the pier.",
            f"The walk takes {b} from the pier.",
        )
        assert [(k.source.text, k.derived.text) for k in d.kept] == [(a, b)], (a, b)


def test_comparatives_are_bounds() -> None:
    d = _diff(
        "The catchments are under 50 square kilometres.",
        "The catchments are smaller than 50 sq km.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_lakh_and_million_metric_tonnes() -> None:
    d = _diff(
        "Output is estimated at 38.9 LMT of pulses and 2.1 MMT of wheat.",
        "Output is estimated at 38.9 lakh tonnes of pulses and 2.1 million tonnes of wheat.",
    )
    assert not d.changed and not d.added and not d.dropped and len(d.kept) == 2


def test_festivals_are_dates_under_any_of_their_names() -> None:
    facts = extract_facts("Prices fall after Holi and before Christmas Day.", doc=0)
    assert [(f.kind, f.value) for f in facts] == [
        ("date", "holiday:holi"),
        ("date", "holiday:christmas"),
    ]
    d = _diff(
        "Air quality during Deepavali was better this year.",
        "Air quality during Diwali was better this year.",
    )
    assert not d.added and not d.dropped and len(d.kept) == 1
    assert not [f for f in extract_facts("Lent money was repaid.", doc=0) if f.kind == "date"]


def test_two_times_joined_by_and_are_no_span() -> None:
    facts = extract_facts("Workshops at 10 a.m. and 2 p.m.; open between 9am and 5pm.", doc=0)
    assert [f.value for f in facts] == ["time:10:00", "time:14:00", "time:09:00-17:00"]


def test_a_translators_note_is_furniture() -> None:
    note = (
        "[Unofficial translation from the Spanish original. In case of discrepancy, the "
        "Spanish text prevails.]"
    )
    story = (
        "The ministry said the crew of the trawler were detained on 27 November and would "
        "be visited by consular staff within 48 hours."
    )
    assert furniture(f"{story}\n\n{note}\n") == [note]


def test_a_ministry_named_the_other_way_round() -> None:
    for a, b in [
        ("The Ministry of Foreign Affairs", "The Foreign Ministry"),
        ("The Health Department", "The Department of Health"),
    ]:
        d = _diff(
            f"{a} said on Thursday that the crew would be released.",
            f"{b} said on Thursday that the crew would be released.",
        )
        assert not d.added and not d.dropped, (a, b)


REPORT = (
    "Pupils are happy at the school and most say they feel safe, and relationships between "
    "staff and pupils are warm, the inspectors found on their visit in October.\n"
)


def test_a_reference_field_in_a_column_and_a_long_paged_footer() -> None:
    head = "Unique reference number: 148823    Inspection dates: 14 and 15 October 2031\n\n"
    foot = "Ashcombe Vale Primary School — inspection report — 14 and 15 October 2031      Page {} of 3\n"
    text = head + REPORT + "\n" + foot.format(1) + "\n" + REPORT + "\n" + foot.format(2)
    found = furniture(text)
    assert "Unique reference number: 148823" in found
    assert foot.format(1).strip() in found and foot.format(2).strip() in found
    assert not [f for f in extract_facts(text, doc=0) if "148823" in f.text]


def test_a_numbers_noun_stops_at_a_column_gap() -> None:
    facts = extract_facts("Places: 40    Applications received: 120\n", doc=0)
    assert [f.text for f in facts if f.kind == "number"] == ["40", "120"]


def test_a_date_given_by_its_weekday() -> None:
    """27 November 2031 is a Thursday: "on Thursday" gives the date less precisely; "on
    Friday" is another day, and the date stays dropped."""
    src = "The trawler was detained on 27 November 2031 by a patrol boat, the ministry said."
    d = _diff(src, src.replace("27 November 2031", "Thursday"))
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("27 November 2031", "Thursday", "specificity")
    ]
    d = _diff(src, src.replace("27 November 2031", "Friday"))
    assert [f.text for f in d.dropped] == ["27 November 2031"] and not d.changed


def test_a_season_of_a_year_and_a_regions_short_name() -> None:
    for a, b in [
        ("in the summer of 2032", "in summer 2032"),
        ("from spring 2028", "from the spring of 2028"),
    ]:
        d = _diff(
            f"The museum will reopen {a}, the trust said.",
            f"The museum will reopen {b}, the trust said.",
        )
        assert not d.changed and not d.added and not d.dropped, (a, b)
    d = _diff(
        "Sales in Asia-Pacific rose 12% in the quarter, the company said.",
        "APAC sales rose 12% in the quarter, the company said.",
    )
    assert not d.added and not d.dropped


def test_a_troy_ounce_and_a_word_after_a_chats_sender() -> None:
    d = _diff(
        "Each coin is one troy ounce (31.1 grams) of silver, the mint said.",
        "Each coin is 1 oz (31.1 g) of silver, the mint said.",
    )
    assert not d.changed and not d.added and not d.dropped
    line = "[14/03/2032, 08:47] Gareth Bowen: Opens 1st April, closes 16th May.\n"
    assert "Opens" not in [f.text for f in extract_facts(line, doc=0)]


def test_parties_and_offices_are_no_names() -> None:
    from textlineage.facts.role_words import drop_role_words

    res = Result()
    for kind, t in [
        ("entity", "Plaintiff"),
        ("place", "Defendants"),
        ("organisation", "Bishop of Wrexford"),
        ("place", "Ambassador of the Republic of Norvalia"),
        ("organisation", "Bishop Auckland Town Council"),
        ("person", "Ambassador Theatre Group"),
    ]:
        res.dropped.append(Fact(kind, t, (0, len(t)), 0, t.lower()))
    drop_role_words(res, ("", ""), "en")
    assert [f.text for f in res.dropped] == [
        "Bishop Auckland Town Council",
        "Ambassador Theatre Group",
    ]


def test_a_verb_before_a_title_is_no_part_of_the_role() -> None:
    d = _diff(
        "She succeeds Sir Malcolm Ridley, who retires after eleven years.",
        "She takes over from Sir Malcolm Ridley, who retires after eleven years.",
    )
    assert not d.changed


def test_vulgar_fractions_and_hyphenated_halves() -> None:
    for a, b in [
        (
            "Hailstones up to 2.75 inches across fell.",
            "Hailstones as large as 2¾ inches across fell.",
        ),
        ("Expect outages of two and a half hours.", "Expect outages of two-and-a-half hours."),
    ]:
        d = _diff(a, b)
        assert not d.changed and not d.added and not d.dropped and len(d.kept) == 1, (a, b)


def test_a_reference_field_in_any_column() -> None:
    from textlineage.facts.furniture_kinds import line_spans

    line = "Inspection report    Unique reference number: 148823    Overall grade: good"
    assert [line[s:e] for s, e in line_spans(line, 0, len(line))] == [
        "Unique reference number: 148823"
    ]

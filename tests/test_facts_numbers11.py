"""Numbers, dates and times retold: split years, years told relative to the page's date,
a year retold with another year's value, long numbers in words, a part of a year, a share
told as "most", a time of day left out of its date."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.extract import extract_facts


def _changed(src: str, der: str) -> list[tuple[str, str, str, str]]:
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    return [(c.kind, c.source.text, c.derived.text, c.label) for c in d.changed]


def test_a_split_year_is_one_date() -> None:
    facts = extract_facts("The choir's 2033/34 season and the 2035-36 school year.")
    assert [(f.kind, f.text) for f in facts] == [("date", "2033/34"), ("date", "2035-36")]
    # not a split year: the second part is not the next year
    assert next(f.text for f in extract_facts("Part 2033-12 of the catalogue.")) == "2033"


def test_a_split_year_said_on_both_sides_is_kept() -> None:
    src = "Ticket sales for the 2033/34 season rose by a fifth, the theatre said."
    der = "The theatre sold a fifth more tickets for its 2033/34 season."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not d.dropped and not d.added
    assert "2033/34" in [k.source.text for k in d.kept]


def test_a_year_told_as_last_year_on_a_page_of_the_next_year_is_kept() -> None:
    src = (
        "Published 3 March 2042\n\n"
        "The ferry company carried 48,000 passengers across the loch in 2041, its busiest"
        " year so far."
    )
    der = (
        "Posted 5 March 2042\n\n"
        "The ferry company carried 48,000 passengers across the loch last year, its"
        " busiest year so far."
    )
    # "last year" on a page dated 2042 names 2041: a reader checking the fact finds the
    # same year, so it is kept, not made vaguer
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert ("2041", "last year") in [(k.source.text, k.derived.text) for k in d.kept]
    assert not [c for c in d.changed if c.kind == "date"]


def test_a_year_told_as_last_year_on_a_page_of_the_same_year_is_another_year() -> None:
    src = (
        "Published 3 March 2042\n\n"
        "The ferry company expects to carry 48,000 passengers across the loch in 2042,"
        " its busiest year so far."
    )
    der = (
        "Posted 5 March 2042\n\n"
        "The ferry company carried 48,000 passengers across the loch last year, its"
        " busiest year so far."
    )
    assert ("date", "2042", "last year", "value") in _changed(src, der)


def test_a_split_year_told_as_last_season() -> None:
    src = "Attendance at the rink rose by 12% in 2040/41, the skating club said in its report."
    der = "The skating club said in its report that attendance at the rink rose 12% last season."
    assert ("date", "2040/41", "last season", "specificity") in _changed(src, der)


def test_a_year_long_past_is_not_told_as_last_year() -> None:
    src = (
        "Published 3 March 2042\n\n"
        "The mill on the loch, built in 1790, carried grain for the ferry company and the"
        " village."
    )
    der = (
        "Posted 5 March 2042\n\n"
        "The ferry company and the village bought grain from the mill on the loch last"
        " year."
    )
    assert not [c for c in _changed(src, der) if c[2] == "last year"]


def test_a_year_retold_with_the_value_of_another_year_the_text_names() -> None:
    src = (
        "The new library wing is due to open before Founders' Day 2046. The 2045 book fair"
        " will move to the town hall while builders work."
    )
    der = (
        "The new library wing should open by Founders' Day 2045. The 2045 book fair will be"
        " at the town hall while builders work."
    )
    assert ("date", "2046", "2045", "value") in _changed(src, der)
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert "2045" in [k.source.text for k in d.kept]


def test_a_month_retold_as_the_year_the_text_names_again_is_made_vaguer() -> None:
    src = (
        "The inquiry into the gym chain began in March 2029 after 26 complaints. The fine"
        " is about 1.7 per cent of its turnover for 2029."
    )
    der = (
        "The inquiry into the gym chain opened in 2029 after 26 member complaints. The fine"
        " is around 1.7% of its 2029 turnover."
    )
    assert ("date", "March 2029", "2029", "specificity") in _changed(src, der)
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not d.dropped and "2029" in [k.source.text for k in d.kept]


def test_a_long_number_in_words_with_a_comma() -> None:
    facts = extract_facts("They planted two thousand, four hundred and six oak saplings.")
    assert [(f.text, f.value) for f in facts] == [
        ("two thousand, four hundred and six oak saplings", "2406")
    ]
    src = "Volunteers planted 2,406 oak saplings along the canal in one weekend."
    der = (
        "In one weekend, volunteers planted two thousand, four hundred and six oak"
        " saplings along the canal."
    )
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not d.changed and not d.added and not d.dropped


def test_a_month_told_as_a_part_of_its_year() -> None:
    src = "The observatory's new telescope saw first light in October 2043, the trust said."
    der = "The trust said the observatory's new telescope saw first light in late 2043."
    assert ("date", "October 2043", "late 2043", "specificity") in _changed(src, der)


def test_a_share_above_half_told_as_most() -> None:
    src = "Roughly three quarters of the orchard's pear trees were planted before the war."
    der = "Most of the orchard's pear trees were planted before the war."
    assert ("number", "Roughly three quarters", "Most", "rounding") in _changed(src, der)


def test_a_share_below_half_is_not_told_as_most() -> None:
    src = "Roughly a third of the orchard's pear trees were planted before the war."
    der = "Most of the orchard's pear trees were planted before the war."
    assert not [c for c in _changed(src, der) if c[2] == "Most"]


def test_the_most_is_no_quantifier() -> None:
    src = "Roughly three quarters of the orchard's pear trees were planted before the war."
    der = "The orchard's pear trees are the most admired, planted before the war."
    assert not [c for c in _changed(src, der) if c[2].lower() == "most"]


def test_a_deadline_s_time_of_day_left_out() -> None:
    src = (
        "Entries for the regatta must reach the rowing club by 6:30 p.m. Central Time on"
        " June 3, 2044, the club said."
    )
    der = "The club said entries for the regatta must reach the rowing club by June 3."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    dates = [(c.source.text, c.derived.text, c.label) for c in d.changed if c.kind == "date"]
    assert dates == [("6:30 p.m. Central Time on June 3, 2044", "June 3", "specificity")]
    assert not [f for f in d.dropped if f.kind == "date"]


def test_a_day_months_from_the_page_date_is_not_its_this_week() -> None:
    src = (
        "Published 9 September 2044\n\n"
        "The canal trust closed the towpath at Millbrook lock on 2 May for repairs, the"
        " trust said."
    )
    der = (
        "Posted 10 September 2044\n\n"
        "The canal trust said this week the towpath at Millbrook lock is closed for"
        " repairs."
    )
    assert not [c for c in _changed(src, der) if c[2] == "this week"]
    near = src.replace("2 May", "6 September")
    assert ("date", "6 September", "this week", "specificity") in _changed(near, der)


def test_to_top_a_sum_is_to_pass_it() -> None:
    src = "The lifeboat appeal is expected to pass £40,000 by the end of the summer."
    der = "By the end of the summer the lifeboat appeal is expected to top £40,000."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [c for c in d.changed if c.kind == "number"]


def test_a_deadline_told_as_its_month_end_without_its_year() -> None:
    src = "Members must renew their allotment plots by 31 March 2046, the society said."
    der = "The society said members must renew their allotment plots by the end of March."
    assert ("date", "31 March 2046", "the end of March", "specificity") in _changed(src, der)
    # a day without a year told as its month's end is the same day
    src = "Members must renew their allotment plots by 31 March, the society said."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [c for c in d.changed if c.kind == "date"]


def test_an_event_time_left_out_of_its_date_stays_apart() -> None:
    src = "The rowing club's regatta starts at 9:15 a.m. on June 3, 2044, the club said."
    der = "The rowing club said its regatta starts on June 3."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert "9:15 a.m." in [f.text for f in d.dropped if f.kind == "date"]


def test_two_days_of_a_range_told_as_their_month() -> None:
    src = "The quartet will play the new cycle at the abbey on 9 and 10 May 2041, it said."
    der = "The quartet said it will play the new cycle at the abbey in May 2041."
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    dates = [(c.source.text, c.derived.text, c.label) for c in d.changed if c.kind == "date"]
    assert dates == [("9 and 10 May 2041", "May 2041", "specificity")]
    assert not [f for f in d.dropped if f.kind == "date"]

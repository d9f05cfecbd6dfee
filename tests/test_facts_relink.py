"""A figure kept is paired with the mention whose words around it say the same thing; a
figure dropped is kept with a mention of its value that no report holds."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.items import Item, Result
from textlineage.facts.relink import relink_kept
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, doc: int, value: str, kind: str = "number") -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc, value)


def test_a_kept_figure_moves_to_the_mention_that_says_the_same() -> None:
    src = (
        "A roofer took deposits from seven retired tenants last spring. "
        "Orvell Danby admitted seven counts of theft at Hallow Court."
    )
    der = "Danby pocketed cash from seven pensioners. He admitted seven theft charges."
    tenants = _fact(src, "seven retired tenants", 0, "7")
    counts = _fact(src, "seven counts", 0, "7")
    pensioners = _fact(der, "seven pensioners", 1, "7")
    charges = _fact(der, "seven theft charges", 1, "7")
    res = Result(kept=[FactLink("number", counts, pensioners)], added=[charges], dropped=[tenants])
    relink_kept(res, (src, der))
    pairs = {(k.source.text, k.derived.text) for k in res.kept}
    assert pairs == {
        ("seven counts", "seven theft charges"),
        ("seven retired tenants", "seven pensioners"),
    }
    assert not res.added and not res.dropped


def test_a_kept_figure_naming_one_thing_stays() -> None:
    src = "Freight at the Orlan quay grew to roughly three times its old volume."
    der = "It grew about three times over. Freight at the Orlan quay is now grade 3 of 5."
    link = FactLink(
        "number", _fact(src, "roughly three times", 0, "3"), _fact(der, "about three times", 1, "3")
    )
    res = Result(kept=[link], added=[_fact(der, "grade 3", 1, "3")])
    relink_kept(res, (src, der))
    assert res.kept == [link]


def test_a_figure_given_twice_is_kept_where_its_words_agree() -> None:
    src = (
        "Corrin Vale landed 6 of 11 kicks for the Larks. "
        "Winger Imke Sorel scored 11 points and made 9 tackles in the win."
    )
    der = "Vale landed 6-of-11 off the tee. Imke Sorel added 11 and 9 in the win."
    diff = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [f.text for f in diff.dropped if f.value == "11"]


def test_a_tally_in_one_token_is_two_figures() -> None:
    from textlineage.facts.extract import analysed

    items = analysed("Pell went 4-of-9 and 2-for-5 from deep.", 0, "en")
    got = [(i.fact.text, i.unit) for i in items if i.fact.kind == "number"]
    assert got == [("4", ""), ("9", ""), ("2", ""), ("5", "")]


def test_a_change_moves_to_the_figure_its_new_value_rounds() -> None:
    src = (
        'Members on the roll: 7,640. The chair said: "Thank you to the 2,046 members who '
        'came to the ballot."'
    )
    der = "Over 2,000 members took part in the ballot, the club said."
    roll = _fact(src, "7,640", 0, "7640")
    came = _fact(src, "2,046 members", 0, "2046")
    over = _fact(der, "Over 2,000 members", 1, "2000")
    res = Result(changed=[FactLink("number", roll, over, "", "value")])
    from textlineage.facts.relink import nearer_changes

    nearer_changes(
        res, (src, der), [Item(came, "number", ("2046",)), Item(roll, "number", ("7640",))]
    )
    assert [(k.source.text, k.derived.text) for k in res.changed] == [
        ("2,046 members", "Over 2,000 members")
    ]
    assert res.dropped == [roll]


def test_a_change_to_a_small_figure_stays() -> None:
    from textlineage.facts.relink import nearer_changes

    src = "She hit two free throws in the last 40 seconds. They trail by one win."
    der = "She iced it with about a minute left."
    secs = _fact(src, "40 seconds", 0, "40")
    link = FactLink("number", secs, _fact(der, "about a minute", 1, "1"), "", "value")
    res = Result(changed=[link])
    one = _fact(src, "one win", 0, "1")
    nearer_changes(res, (src, der), [Item(one, "number", ("1",))])
    assert res.changed == [link]


def test_a_figure_summed_into_a_change_is_not_dropped_again() -> None:
    from textlineage.facts.relink import fold_summed

    src = "The firm recalled about 7,100 kettles sold in Wales and about 480 sold in Jersey."
    der = "More than 7,500 kettles were recalled."
    wales = _fact(src, "about 7,100 kettles", 0, "7100")
    jersey = _fact(src, "about 480 sold", 0, "480")
    other = _fact(src, "Wales", 0, "", "place")
    link = FactLink("number", wales, _fact(der, "More than 7,500 kettles", 1, "7500"), "", "value")
    res = Result(changed=[link], dropped=[jersey, other])
    fold_summed(res, src)
    assert res.dropped == [other]


def test_a_year_read_as_a_figure_and_as_a_date_is_kept() -> None:
    from textlineage.facts.relink import pair_years

    src = "Visits rose 9% over 2027, the trust said."
    der = "Visits were 9 percent up on 2027."
    lost = _fact(src, "over 2027", 0, "2027")
    new = _fact(der, "2027", 1, "2027", "date")
    res = Result(dropped=[lost], added=[new])
    pair_years(res)
    assert not res.dropped and not res.added
    assert [(k.source.text, k.derived.text) for k in res.kept] == [("over 2027", "2027")]

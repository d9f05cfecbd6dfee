"""A figure changed in a sentence retold around a figure it kept
(:mod:`textlineage.facts.match_anchored`)."""

from __future__ import annotations

from textlineage import Document, compare
from textlineage.facts.extract import analysed
from textlineage.facts.items import Item, Result
from textlineage.facts.match_anchored import pair_anchored
from textlineage.types import Fact

SOURCE = (
    "Our top pick, the Halvard AirCut, ran for 52 minutes on its two batteries and costs $449.\n\n"
    "For patios and short driveways, the Sweep is hard to beat. It managed 390 CFM and ran for "
    "28 minutes at full power, and at 6.4 pounds it's the lightest blower we tested. It "
    "struggled with wet leaves.\n\nThe Orbit lasted about 20 minutes in our test."
)


def _minutes(derived: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    fd = compare(Document("a", SOURCE), Document("b", derived)).facts
    changed = [(k.source.text, k.derived.text) for k in fd.changed if "minutes" in k.source.text]
    added = [f.text for f in fd.added if "minutes" in f.text]
    dropped = [f.text for f in fd.dropped if "minutes" in f.text]
    return changed, added, dropped


def test_a_kept_figure_anchors_the_change_beside_it() -> None:
    changed, added, dropped = _minutes(
        "Want something cheaper? The budget pick, the Pinebrook Sweep, weighs just 6.4 pounds, "
        "though it only runs for about 25 minutes. And if you need raw power, the Halvard "
        "AirCut pushes 820 CFM."
    )
    assert changed == [("28 minutes", "about 25 minutes")]
    assert added == [] and "28 minutes" not in dropped


def test_without_a_kept_figure_the_sentences_stay_apart() -> None:
    changed, _, _ = _minutes(
        "Want something cheaper? The budget pick, the Pinebrook Sweep, is light, though it "
        "only runs for about 25 minutes. And if you need raw power, the Halvard AirCut "
        "pushes 820 CFM."
    )
    assert ("28 minutes", "about 25 minutes") not in changed


def test_sentences_sharing_their_words_pair_their_figures_without_an_anchor() -> None:
    source = (
        "Mrs X complained that the council took 19 months to deal with her application for "
        "a grant to adapt her home."
    )
    derived = (
        "A mother waited almost two years while the council sat on her grant application. "
        "Her son has used a wheelchair for three years."
    )
    src, der = analysed(source, 0, "en"), analysed(derived, 1, "en")

    def fact(items: tuple[Item, ...], text: str) -> Fact:
        return next(it.fact for it in items if it.fact.text == text)

    res = Result(
        dropped=[fact(src, "19 months")],
        added=[fact(der, "almost two years"), fact(der, "three years")],
    )
    pair_anchored((source, derived), (src, der), res)
    assert [(k.source.text, k.derived.text) for k in res.changed] == [
        ("19 months", "almost two years")
    ]
    assert [f.text for f in res.added] == ["three years"]

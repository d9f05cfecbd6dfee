"""A figure told in a headline in capitals and again in the body: a change of it is
reported from the body's telling, which the headline only restates."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import Passage


def test_a_changed_figure_is_reported_from_the_body() -> None:
    src = (
        "LIGHTHOUSE APPEAL RAISES $3.4 MILLION\n\n"
        "The Marrowdene Trust said on Monday that its lighthouse appeal had raised an"
        " estimated $3.4 million from 9,740 donors since the spring."
    )
    der = (
        "Lighthouse appeal tops target\n\n"
        "The Marrowdene Trust says its lighthouse appeal has raised $4.35 million from 9,740"
        " donors since the spring."
    )
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    d = diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))
    changed = [(c.source.text, c.derived.text) for c in d.changed if c.kind == "number"]
    assert changed == [("an estimated $3.4 million", "$4.35 million")]

"""Attribution as direction evidence: a text presented as another's ("… wrote:",
"according to X,") marks the other as the origin; reported speech does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlineage import compare, document_from_text
from textlineage.types import Document
from textlineage.verdict import direction_evidence

GOLD = Path(__file__).parent / "data" / "facts_gold"

COPIED = (
    "Since the spring the network has documented more than forty closures of rural bus "
    "routes, most of them in districts where no train runs and where older residents "
    "depend on a single weekly service to reach a doctor."
)


def _attribution_reasons(before: str) -> list[str]:
    """The attribution reasons when document 1 introduces the copied text with ``before``
    and document 0 has it plain."""
    d0 = Document("report", f"Transport report.\n\n{COPIED}\n")
    text1 = f"Rural transport.\n\n{before}{COPIED}\n"
    d1 = Document("article", text1)
    s0 = d0.text.index(COPIED)
    s1 = text1.index(COPIED)
    spans = ([(s0, s0 + len(COPIED))], [(s1, s1 + len(COPIED))])
    n = len(COPIED)
    ev = direction_evidence((d0, d1), spans, (n, n), (0.9, 0.9), (0, 0))
    return [e.reason for e in ev if "attribution" in e.reason and e.weight > 0]


@pytest.mark.parametrize(
    "before",
    [
        "The Rural Transport Network wrote: ",
        "According to the Rural Transport Network, ",
        'In a statement, the network said: "',
        "The network reported on Monday that ",
        "The network wrote in its annual review:\n\n",
    ],
)
def test_a_text_presented_as_another_s_points_to_the_other(before: str) -> None:
    assert _attribution_reasons(before) == [
        "article introduces reused text with an attribution phrase"
    ]


@pytest.mark.parametrize(
    "before",
    [
        "The minister said ",
        "A spokesperson told reporters that ",
        "Published: 3 May 2024 | Share\n\n",
        "According to ",  # the source's name is part of the reused text
        "Figures were reported.\n\n",
    ],
)
def test_reported_speech_and_page_lines_are_no_attribution(before: str) -> None:
    assert _attribution_reasons(before) == []


@pytest.mark.parametrize("pair", ["10", "13", "19", "20"])
def test_news_rewrites_quoting_speech_are_not_reversed(pair: str) -> None:
    """News reports whose reworded copies moved "X said" around: the report is never
    named the copy (these pairs were, on the report's speech verbs)."""
    src = (GOLD / f"{pair}_source.txt").read_text(encoding="utf-8")
    der = (GOLD / f"{pair}_derived.txt").read_text(encoding="utf-8")
    c = compare(document_from_text(src, id="source"), document_from_text(der, id="derived"))
    assert c.source != 1

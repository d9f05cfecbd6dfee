"""Changes, precisely: each fact reported once, and each change with its label.

Every check goes through a real comparison (the library's ``compare`` or the CLI): a pair
written for these tests (an article and a rewrite of it that changes a surname, a title,
hedges, qualifiers and dates), the test corpora, and the seed pair with its gold
(``../shared/seeds/gold.json``, read at run time).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import SEEDS, cli_path
from facts_i18n_gold import diff_pair, load_gold
from textlineage import Document, compare
from textlineage.facts.match_name_changes import one_token_change
from textlineage.types import CHANGE_LABELS, KEPT_LABELS, FactDiff, FactLink

DATA = Path(__file__).resolve().parent / "data"

SOURCE = """\
The city council of Northbridge voted on Tuesday to close the old Harbour Street bridge \
for repairs, a decision that will divert traffic for months.

The study that led to the closure was written by Dr. Helen Marsh, an engineer at the \
Northbridge Institute. Marsh found that the main steel beams had lost nearly half of their \
strength since the last inspection in June 2021.

Police reportedly arrested three protesters outside the town hall during the vote, and \
thousands of residents signed a petition against the closure. The petition became the \
second-most shared post on the council's website.

Senator John Whitfield said the repairs may cost over 40 million pounds. The work is \
expected to start on March 3, 2025 and to last eight months.

Traffic will be sent through Shustar Road and the ring road while the bridge is closed. \
Local shops fear they could lose customers, and the chamber of commerce asked the council \
for support.
"""

# The rewrite: a surname, a title, two hedges, a superlative, two qualifiers, a vague
# quantity and two dates changed; a street's spelling varied; the rest kept.
DERIVED = (
    SOURCE.replace("The city council of Northbridge", "Northbridge's city council")
    .replace("Helen Marsh", "Helen March")
    .replace("Marsh found", "March found")
    .replace("lost nearly half", "lost half")
    .replace("in June 2021", "on June 18, 2021")
    .replace("Police reportedly arrested", "Police arrested")
    .replace("thousands of residents", "30,000 residents")
    .replace("second-most shared", "second shared")
    .replace("Senator John", "Governor John")
    .replace("may cost over 40", "will cost 40")
    .replace("on March 3, 2025", "in March 2025")
    .replace("Shustar Road", "Shushtar Road")
)


def _categories(fd: FactDiff) -> dict[tuple[int, tuple[int, int]], list[str]]:
    """Each reported fact (document, span) with the categories it is reported in; a link
    reports both its facts, and a derived fact may stand in one link only."""
    out: dict[tuple[int, tuple[int, int]], list[str]] = defaultdict(list)
    for name, links in (("kept", fd.kept), ("changed", fd.changed)):
        for link in links:
            out[(link.source.doc, link.source.span)].append(name)
            out[(link.derived.doc, link.derived.span)].append(name)
    for name, facts in (("added", fd.added), ("dropped", fd.dropped)):
        for f in facts:
            out[(f.doc, f.span)].append(name)
    derived = defaultdict(int)
    for link in (*fd.kept, *fd.changed):
        derived[(link.derived.doc, link.derived.span)] += 1
    for key, n in derived.items():
        if n > 1:
            out[key].append("another link")
    return out


def counted_twice(fd: FactDiff) -> list[tuple[tuple[int, tuple[int, int]], list[str]]]:
    """The facts reported in more than one category (or in two links on the derived side)."""
    return [(k, v) for k, v in _categories(fd).items() if len(set(v)) > 1 or "another link" in v]


@pytest.fixture(scope="module")
def rewrite() -> FactDiff:
    c = compare(Document("article", SOURCE), Document("rewrite", DERIVED))
    # (of one length, neither is told the source: the first is the reference)
    assert c.verdict == "derived" and c.facts.source_doc == 0
    return c.facts


def _change(fd: FactDiff, source: str, derived: str) -> FactLink:
    found = [c for c in fd.changed if c.source.text == source and c.derived.text == derived]
    assert len(found) == 1, [(c.source.text, c.derived.text, c.label) for c in fd.changed]
    return found[0]


# -- once -----------------------------------------------------------------------------


def test_each_fact_of_the_rewrite_is_reported_once(rewrite: FactDiff) -> None:
    assert counted_twice(rewrite) == []
    assert rewrite.added == () and rewrite.dropped == ()


def _corpus_pairs() -> list[tuple[Path, Path]]:
    rows = (DATA / "same_topic" / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]
    pairs = [
        (DATA / "same_topic" / r.split("\t")[0], DATA / "same_topic" / r.split("\t")[1])
        for r in rows
    ]
    pairs.append(
        (DATA / "crosslingual" / "measles_en.txt", DATA / "crosslingual" / "measles_es.txt")
    )
    if (SEEDS / "gold.json").exists():
        gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
        pairs.append((SEEDS / gold["source"], SEEDS / gold["derived"]))
    return pairs


def test_no_fact_is_counted_twice_on_the_test_corpora() -> None:
    """Every pair of the same-topic corpus (derived and independent), the cross-lingual
    pair, the seed pair, and the translated pairs of the i18n fact gold."""
    twice = {}
    for a, b in _corpus_pairs():
        c = compare(Document(a.name, a.read_text("utf-8")), Document(b.name, b.read_text("utf-8")))
        if found := counted_twice(c.facts):
            twice[f"{a.name} / {b.name}"] = found
    for pair in load_gold()["pairs"]:
        if found := counted_twice(diff_pair(pair)):
            twice[pair] = found
    assert twice == {}


# -- names ----------------------------------------------------------------------------


def test_a_surname_cut_short_by_the_extraction_is_a_surname_change(rewrite: FactDiff) -> None:
    c = _change(rewrite, "Helen Marsh", "Helen March")
    assert (c.label, c.unsupported) == ("surname", True)
    # the name is not also kept as a partial match, and its short form is not dropped
    assert not [k for k in rewrite.kept if "Marsh" in k.source.text]
    assert not [f for f in rewrite.dropped if "Marsh" in f.text]


def test_another_title_is_a_title_change(rewrite: FactDiff) -> None:
    c = _change(rewrite, "Senator John Whitfield", "Governor John Whitfield")
    assert c.label == "title" and c.note == "title 'Senator' → 'Governor'"


def test_a_spelling_variant_is_kept_with_its_label(rewrite: FactDiff) -> None:
    kept = [k for k in rewrite.kept if k.source.text == "Shustar Road"]
    assert [(k.derived.text, k.label) for k in kept] == [("Shushtar Road", "spelling")]


@pytest.mark.parametrize(
    ("source", "derived", "label"),
    [
        ("Judge Helen Marsh", "Judge Anna Marsh", "first_name"),
        ("Judge Helen Marsh", "Judge Helen Moreau", "surname"),
        ("Judge Helen Ruth Marsh", "Judge Helen Mary Marsh", "middle_name"),
    ],
)
def test_one_token_of_a_name_changed_inside_a_passage(
    source: str, derived: str, label: str
) -> None:
    body = (
        "{} will pass sentence on the former mayor next month, the court said on Monday. "
        "The trial lasted eleven weeks and heard from more than forty witnesses, most of "
        "them officials of the city's planning office and the contractors they hired."
    )
    c = compare(Document("a", body.format(source)), Document("b", body.format(derived)))
    assert c.passages
    names = [k for k in c.facts.changed if k.kind == "person"]
    assert [(k.label, k.unsupported) for k in names] == [(label, True)]
    assert not [f for f in (*c.facts.added, *c.facts.dropped) if f.kind == "person"]


def test_two_people_of_one_family_in_different_places_are_not_a_change() -> None:
    src = (
        "Maryam Rajavi addressed the rally in Paris on Saturday. The speech was broadcast "
        "live by several channels and watched by thousands of supporters across Europe."
    )
    der = src + (
        "\n\nIn an unrelated development, a court in another country heard a case about "
        "a disputed inheritance brought by Massoud Rajavi against a bank."
    )
    c = compare(Document("a", src), Document("b", der))
    assert c.passages
    assert not [k for k in c.facts.changed if k.kind == "person"]
    assert [f.text for f in c.facts.added if f.kind == "person"] == ["Massoud Rajavi"]


# -- strength and specificity -----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "kind", "detail"),
    [
        ("thousands of residents", "30,000 residents", "number", "vague_to_specific"),
        ("nearly half", "half", "number", "qualifier_dropped"),  # a share (facts.proportions)
        ("Police reportedly arrested", "Police arrested", "claim", "hedge_dropped"),
        # a hedge and a qualifier dropped in one verb phrase: one claim
        (
            "repairs may cost over 40 million pounds",
            "repairs will cost 40 million pounds",
            "claim",
            "hedge_dropped",
        ),
        # a rank (facts.ranks): a number whose superlative was dropped
        ("second-most shared post", "second shared post", "number", "degree"),
    ],
)
def test_changes_of_strength_are_labelled(
    rewrite: FactDiff, source: str, derived: str, kind: str, detail: str
) -> None:
    c = _change(rewrite, source, derived)
    assert (c.kind, c.label, c.detail) == (kind, "strength", detail)


def test_dates_made_more_or_less_specific_are_changes(rewrite: FactDiff) -> None:
    more = _change(rewrite, "June 2021", "June 18, 2021")
    assert (more.label, more.detail, more.unsupported) == ("specificity", "more_specific", True)
    less = _change(rewrite, "March 3, 2025", "March 2025")
    assert (less.label, less.detail, less.unsupported) == ("specificity", "less_specific", False)


def test_every_change_of_the_rewrite_has_a_known_label(rewrite: FactDiff) -> None:
    assert len(rewrite.changed) == 9
    assert {c.label for c in rewrite.changed} <= set(CHANGE_LABELS)
    assert {k.label for k in rewrite.kept} <= {"", *KEPT_LABELS}


def test_an_unchanged_rewrite_reports_no_change() -> None:
    der = SOURCE.replace("The city council of Northbridge", "Northbridge's city council")
    fd = compare(Document("a", SOURCE), Document("b", der)).facts
    assert fd.changed == () and fd.added == () and fd.dropped == ()


def test_the_cli_json_carries_the_labels(tmp_path: Path) -> None:
    a, b = tmp_path / "article.txt", tmp_path / "rewrite.txt"
    a.write_text(SOURCE, encoding="utf-8")
    b.write_text(DERIVED, encoding="utf-8")
    p = subprocess.run(
        [cli_path(), "compare", str(a), str(b), "--format", "json"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    changed = json.loads(p.stdout)["facts"]["changed"]
    by_text = {c["text"]: c for c in changed}
    surname = by_text["Helen Marsh → Helen March"]
    assert (surname["label"], surname["unsupported"]) == ("surname", True)
    hedge = by_text["Police reportedly arrested → Police arrested"]
    assert (hedge["kind"], hedge["label"], hedge["detail"]) == (
        "claim",
        "strength",
        "hedge_dropped",
    )
    assert "unsupported" not in hedge


# -- the seed pair ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[dict, str, str, FactDiff]:
    if not (SEEDS / "gold.json").exists():
        pytest.skip("../shared/seeds not present")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    src = (SEEDS / gold["source"]).read_text(encoding="utf-8")
    der = (SEEDS / gold["derived"]).read_text(encoding="utf-8")
    c = compare(Document(gold["source"], src), Document(gold["derived"], der))
    assert c.source == 0
    return gold["facts"], src, der, c.facts


def _overlaps(span: tuple[int, int], text: str, needle: str) -> bool:
    at = text.find(needle)
    while at >= 0:
        if span[0] < at + len(needle) and at < span[1]:
            return True
        at = text.find(needle, at + 1)
    return False


def test_seed_gold_facts_are_still_found(seed: tuple[dict, str, str, FactDiff]) -> None:
    """Added gold facts are reported added or as a change's unsupported new value; dropped
    ones dropped; changes changed; spelling variants kept with their label. (A gold fact
    that is a common noun, such as an object newly named, is for the extraction to find.)"""
    gold, src, der, fd = seed
    for g in gold["added_in_derived"]:
        if g["fact"].islower():
            continue
        assert any(_overlaps(f.span, der, g["fact"]) for f in fd.unsupported()), g
    for g in gold["dropped_from_source"]:
        assert any(_overlaps(f.span, src, g["fact"]) for f in fd.dropped), g
    for g in gold["changed"]:
        assert any(
            _overlaps(c.source.span, src, g["source"])
            and _overlaps(c.derived.span, der, g["derived"])
            for c in fd.changed
        ), g
    for g in gold["entity_variants"]:
        kept = [
            k for k in fd.kept if k.source.text == g["source"] and k.derived.text == g["derived"]
        ]
        assert [k.label for k in kept] == ["spelling"], g


def test_seed_changes_carry_their_labels(seed: tuple[dict, str, str, FactDiff]) -> None:
    _, _, _, fd = seed
    labels = {(c.source.text, c.derived.text): (c.label, c.detail) for c in fd.changed}
    assert labels[("over 310 areas", "310 areas")] == ("strength", "qualifier_dropped")
    assert labels[("thousands of political prisoners", "30,000 political prisoners")] == (
        "strength",
        "vague_to_specific",
    )
    assert ("specificity", "more_specific") in labels.values()
    assert ("strength", "degree") in labels.values()


def test_seed_keeps_no_name_with_one_token_changed(seed: tuple[dict, str, str, FactDiff]) -> None:
    """A kept pair of names of one length differing in one token would be a hidden change
    (the Marsh / March case)."""
    _, _, _, fd = seed

    def toks(t: str) -> tuple[str, ...]:
        return tuple("".join(ch for ch in w.lower() if ch.isalnum()) for w in t.split())

    hidden = [
        (k.source.text, k.derived.text)
        for k in fd.kept
        if k.kind != "quote"
        and one_token_change(toks(k.source.text), toks(k.derived.text)) is not None
    ]
    assert hidden == []


# -- the reports ------------------------------------------------------------------------


def _cli(*args: str) -> str:
    p = subprocess.run(
        [cli_path(), "compare", *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_the_text_report_puts_names_before_strength(tmp_path: Path) -> None:
    a, b = tmp_path / "article.txt", tmp_path / "rewrite.txt"
    a.write_text(SOURCE, encoding="utf-8")
    b.write_text(DERIVED, encoding="utf-8")
    lines = _cli(str(a), str(b)).splitlines()
    at = lines.index("    numbers, dates and names")
    assert lines[at + 1].startswith(
        "      ~ person: Helen Marsh → Helen March (not in the source)  [surname]"
    )
    assert (
        at
        < lines.index("    strength of claims")
        < lines.index("    precision of dates and places")
    )
    assert "  kept in another spelling (1): Shustar Road → Shushtar Road" in lines


def test_the_html_report_collapses_the_seed_city_list(tmp_path: Path) -> None:
    gold_path = SEEDS / "gold.json"
    if not gold_path.exists():
        pytest.skip("../shared/seeds not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = tmp_path / "r.html"
    _cli(
        str(SEEDS / gold["source"]),
        str(SEEDS / gold["derived"]),
        "--format",
        "html",
        "-o",
        str(out),
    )
    html = out.read_text(encoding="utf-8")
    m = re.search(
        r'<details class="kind-group"><summary>(\d+) of (\d+) listed places dropped</summary>'
        r"<ul>(.*?)</ul></details>",
        html,
        re.S,
    )
    assert m is not None
    # every dropped place is one click away, one button each
    assert m.group(3).count("f-dropped") == int(m.group(1)) >= 10
    city = next(g["fact"] for g in gold["facts"]["dropped_from_source"] if g["fact"] in m.group(3))
    assert f">{city}</button>" in m.group(3)

"""A long text's facts are read only around its reused passages (facts/scope.py)."""

from __future__ import annotations

import json
import random

from click.testing import CliRunner

from textlineage import CompareConfig, compare, document_from_text
from textlineage.cli import main
from textlineage.facts import extract_facts
from textlineage.facts.scope import MARGIN_CHARS, WHOLE_TEXT_CHARS, windows
from textlineage.types import Passage

_PLACES = ["Arnhem", "Bruges", "Lugano", "Kaunas", "Tartu", "Varna", "Split", "Graz"]


def _paragraph(i: int, rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    return (
        f"Report {i}. Inspectors in {place} counted {i * 37 + 11:,} damaged roofs after the "
        f"storm, and the regional office said {rng.randint(2, 90)} schools stayed closed "
        f"while crews cleared {rng.randint(100, 999)} fallen trees from the roads."
    )


def _long_source() -> str:
    rng = random.Random(7)
    paras = [_paragraph(i, rng) for i in range(1, 900)]
    text = "\n\n".join(paras)
    assert len(text) > WHOLE_TEXT_CHARS
    return text


def _derived(source: str) -> tuple[str, str]:
    """A short article that copies one paragraph of the middle, with one number changed,
    and the copied paragraph."""
    paras = source.split("\n\n")
    taken = paras[450]
    changed = taken.replace("damaged roofs", "damaged roofs (officials later said more)")
    first_number = taken.split("counted ")[1].split(" ")[0]
    changed = changed.replace(first_number, "20,000", 1)
    lead = (
        "Storm damage across the region was worse than first thought, according to "
        "figures released on Monday by the regional office."
    )
    return lead + "\n\n" + changed + "\n\n" + paras[451], taken


def test_short_texts_are_read_whole() -> None:
    p = Passage("verbatim", 1.0, (((0, 10),), ((0, 10),)))
    assert windows("x" * 5000, [p], 0) is None


def test_windows_cover_passages_with_margin_and_merge() -> None:
    text = ("word " * 40_000).strip()
    far = Passage("verbatim", 1.0, (((50_000, 50_100), (120_000, 120_050)), ((0, 100),)))
    near = Passage("verbatim", 1.0, (((50_500, 50_600),), ((100, 200),)))
    got = windows(text, [far, near], 0)
    assert got is not None and len(got) == 2  # the two near passages share one window
    (s1, e1), (s2, e2) = got
    assert s1 <= 50_000 - MARGIN_CHARS + 5 and e1 >= 50_600 + MARGIN_CHARS - 5
    assert s2 <= 120_000 - MARGIN_CHARS + 5 and e2 >= 120_050 + MARGIN_CHARS - 5
    # windows start and end at a break, never inside a word
    for s, e in got:
        assert text[s - 1] == " " and text[e] == " "
    assert windows(text, [], 0) == ()


def test_long_source_read_around_the_reused_passage() -> None:
    source = _long_source()
    derived, taken = _derived(source)
    cfg = CompareConfig()
    c = compare(
        document_from_text(source, id="report"),
        document_from_text(derived, id="article"),
        cfg,
    )
    fd = c.facts
    assert c.source == 0
    src_read, der_read = fd.read
    assert der_read is None  # the short text is read whole
    assert src_read is not None and fd.partial
    at = source.index(taken)
    assert any(s <= at < e for s, e in src_read)
    read_chars = sum(e - s for s, e in src_read)
    assert read_chars < len(source) / 10
    # Every fact reported lies in a window and keeps its offsets in the whole text.
    sides = [*fd.dropped, *(k.source for k in (*fd.kept, *fd.changed))]
    assert sides
    for f in sides:
        assert any(s <= f.span[0] and f.span[1] <= e for s, e in src_read)
        assert source[f.span[0] : f.span[1]] == f.text
    # The changed number is one change, and the far paragraphs' facts are not dropped.
    assert any(k.derived.text.startswith("20,000") for k in fd.changed)
    assert len(fd.dropped) < len(extract_facts(source)) / 10
    assert "Report 5." not in " ".join(f.text for f in fd.dropped)
    data = c.to_json()["facts"]
    assert data["read"]["derived"] is None
    assert data["read"]["source"] == [[s, e] for s, e in src_read]


def test_reports_say_the_text_was_read_in_part(tmp_path) -> None:
    source = _long_source()
    derived, _ = _derived(source)
    a, b = tmp_path / "report.txt", tmp_path / "article.txt"
    a.write_text(source, encoding="utf-8")
    b.write_text(derived, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["compare", str(a), str(b), "--no-semantic", "-q"])
    assert text.exit_code == 0, text.output
    assert "Facts read only around the reused passages" in text.output
    out = tmp_path / "r.json"
    res = runner.invoke(
        main, ["compare", str(a), str(b), "--no-semantic", "-q", "--format", "json", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text(encoding="utf-8"))["facts"]["read"]["source"]
    html = tmp_path / "r.html"
    res = runner.invoke(
        main,
        ["compare", str(a), str(b), "--no-semantic", "-q", "--format", "html", "-o", str(html)],
    )
    assert res.exit_code == 0, res.output
    assert "Facts read only around the reused passages" in html.read_text(encoding="utf-8")


def test_short_pair_json_has_no_read_key() -> None:
    a = "The council approved 14 new homes on Tuesday after a two-hour debate in the chamber."
    b = "The council approved 15 new homes on Tuesday after a two-hour debate in the chamber."
    c = compare(document_from_text(a, id="a"), document_from_text(b, id="b"), CompareConfig())
    assert not c.facts.partial
    assert "read" not in c.to_json()["facts"]

"""The synthetic corpus generator (benchmarks/gen_corpus.py): planted reuse is where the truth
file says, and the output is deterministic."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

N = 300
KINDS = {"verbatim", "light", "heavy", "partial", "chain", "chain_transitive", "sibling"}


@pytest.fixture(scope="module")
def gen(gen_corpus: ModuleType) -> ModuleType:
    return gen_corpus


@pytest.fixture(scope="module")
def corpus(gen: ModuleType, pan_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    gen.generate(N, out, seed=1, pan_dir=pan_dir)
    return out


@pytest.fixture(scope="module")
def docs(corpus: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(corpus / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            assert d["id"] not in out, f"duplicate id {d['id']}"
            out[d["id"]] = d
    return out


@pytest.fixture(scope="module")
def truth(gen: ModuleType, corpus: Path) -> list[dict[str, Any]]:
    return gen.load_truth(corpus / "truth.jsonl")


@pytest.fixture(scope="module")
def boilerplate(corpus: Path) -> dict[str, dict[str, str]]:
    return json.loads((corpus / "boilerplate.json").read_text(encoding="utf-8"))


def _body(doc: dict[str, Any], boilerplate: dict[str, dict[str, str]]) -> str:
    bp = boilerplate[doc["site"]]
    text = doc["text"]
    return text[len(bp["header"]) + 2 : len(text) - len(bp["footer"]) - 2]


def test_documents(docs: dict[str, dict[str, Any]]) -> None:
    assert len(docs) == N
    url = re.compile(r"https://([a-z0-9-]+\.example)/(\d{4})/(\d{2})/[a-z0-9-]+-\d+")
    for d in docs.values():
        assert re.fullmatch(r"d\d{6}", d["id"])
        m = url.fullmatch(d["url"])
        assert m, d["url"]
        assert m.group(1) == d["site"]
        date = dt.date.fromisoformat(d["date"])
        assert dt.date(2020, 1, 1) <= date <= dt.date(2024, 12, 31)
        assert (m.group(2), m.group(3)) == (f"{date.year:04d}", f"{date.month:02d}")
        assert d["title"].strip()
        assert len(d["text"].split()) > 150


def test_site_boilerplate(
    docs: dict[str, dict[str, Any]], boilerplate: dict[str, dict[str, str]]
) -> None:
    for d in docs.values():
        bp = boilerplate[d["site"]]
        assert d["text"].startswith(bp["header"] + "\n\n")
        assert d["text"].endswith("\n\n" + bp["footer"])
    assert len({d["site"] for d in docs.values()}) > 20


def test_relation_dates_and_sites(
    docs: dict[str, dict[str, Any]], truth: list[dict[str, Any]]
) -> None:
    assert truth
    for r in truth:
        assert r["kind"] in KINDS - {"sibling"}
        src, der = docs[r["source"]], docs[r["derived"]]
        assert (r["source_site"], r["derived_site"]) == (src["site"], der["site"])
        assert (r["source_date"], r["derived_date"]) == (src["date"], der["date"])
        assert r["chars"] > 0
        assert der["date"] > src["date"], r
        assert src["site"] != der["site"]


def test_siblings(
    gen: ModuleType,
    corpus: Path,
    docs: dict[str, dict[str, Any]],
    truth: list[dict[str, Any]],
) -> None:
    siblings = gen.load_truth(corpus / "siblings.jsonl")
    sources = {(r["source"], r["derived"]) for r in truth}
    for r in siblings:
        assert r["kind"] == "sibling"
        src, der = docs[r["source"]], docs[r["derived"]]
        assert der["date"] >= src["date"]
        assert (r["via"], r["source"]) in sources and (r["via"], r["derived"]) in sources


def test_verbatim_and_partial_reuse(
    docs: dict[str, dict[str, Any]],
    truth: list[dict[str, Any]],
    boilerplate: dict[str, dict[str, str]],
) -> None:
    kinds = {r["kind"] for r in truth}
    assert {"verbatim", "light", "heavy", "partial", "chain", "chain_transitive"} <= kinds
    for r in truth:
        src, der = docs[r["source"]], docs[r["derived"]]
        if "source_span" in r:
            a, b = r["source_span"]
            c, e = r["derived_span"]
            assert 0 <= a < b <= len(src["text"]) and 0 <= c < e <= len(der["text"])
        if r["kind"] == "verbatim":
            body = _body(src, boilerplate)
            assert body in der["text"]
            assert r["chars"] == len(body)
        if r["kind"] == "partial":
            paragraphs = _body(src, boilerplate).split("\n\n")
            assert any(p in der["text"] for p in paragraphs)
            a, b = r["source_span"]
            c, e = r["derived_span"]
            assert src["text"][a:b] == der["text"][c:e]
        if r["kind"] == "heavy":
            assert r["obfuscation"] in {"random", "translation", "summary"}
        if r["kind"] == "light":
            assert _body(src, boilerplate) != _body(der, boilerplate)


def test_chains(truth: list[dict[str, Any]]) -> None:
    hops = {(r["source"], r["derived"]) for r in truth if r["kind"] == "chain"}
    transitive = [r for r in truth if r["kind"] == "chain_transitive"]
    assert transitive
    for r in transitive:
        assert (r["source"], r["via"]) in hops
        assert (r["via"], r["derived"]) in hops


def test_stats_and_load_truth(gen: ModuleType, corpus: Path, truth: list[dict[str, Any]]) -> None:
    stats = json.loads((corpus / "stats.json").read_text(encoding="utf-8"))
    assert stats["n_docs"] == N and stats["seed"] == 1
    assert sum(stats["docs"].values()) == N
    assert stats["relations"]["verbatim"] == sum(r["kind"] == "verbatim" for r in truth)
    siblings = gen.load_truth(corpus / "siblings.jsonl")
    assert sum(stats["relations"].values()) == len(truth) + len(siblings)
    assert stats["relations"]["sibling"] == len(siblings)
    assert 0.6 <= (stats["docs"]["original"] + stats["docs"]["heavy_source"]) / N <= 0.8
    only = gen.load_truth(corpus, kinds=("partial",))
    assert only and all(r["kind"] == "partial" for r in only)


def test_deterministic(gen: ModuleType, pan_dir: Path, corpus: Path, tmp_path: Path) -> None:
    gen.generate(N, tmp_path / "same", seed=1, pan_dir=pan_dir)
    for name in ("docs.jsonl", "truth.jsonl", "siblings.jsonl", "boilerplate.json", "stats.json"):
        assert (tmp_path / "same" / name).read_bytes() == (corpus / name).read_bytes(), name
    gen.generate(N, tmp_path / "other", seed=2, pan_dir=pan_dir)
    assert (tmp_path / "other" / "docs.jsonl").read_bytes() != (corpus / "docs.jsonl").read_bytes()


def test_cli(gen: ModuleType, pan_dir: Path, tmp_path: Path) -> None:
    rc = gen.main(
        ["--docs", "60", "--out", str(tmp_path), "--sites", "10", "--pan-dir", str(pan_dir)]
    )
    assert rc == 0
    lines = (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 60
    assert len(json.loads((tmp_path / "boilerplate.json").read_text(encoding="utf-8"))) == 10


def _pieces(corpus: Path) -> list[dict[str, Any]]:
    with open(corpus / "provenance.jsonl", encoding="utf-8") as f:
        return [p for line in f for p in json.loads(line)["pieces"]]


def test_prose_from_source_documents_only(gen: ModuleType, pan_dir: Path, corpus: Path) -> None:
    """By default a suspicious document gives only its obfuscated PAN passages (the derived
    side of heavy relations), never prose: its other text holds reuse PAN does not annotate."""
    pieces = _pieces(corpus)
    assert pieces
    susp = [p for p in pieces if p["pan_file"].startswith("susp/")]
    assert all("case" in p for p in susp), [p for p in susp if "case" not in p][:3]


def test_suspicious_prose_on_request(gen: ModuleType, pan_dir: Path, tmp_path: Path) -> None:
    gen.generate(N, tmp_path, seed=1, pan_dir=pan_dir, susp_prose=True)
    prose = [p for p in _pieces(tmp_path) if p["pan_file"].startswith("susp/") and "case" not in p]
    assert prose

"""The planted-lineage generator (benchmarks/gen_lineage.py): mirrors are where and what the
truth says, every non-original has its true parent, and the output is deterministic."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from textlineage.text.sketch import text_key

N = 300
FILES = (
    "docs.jsonl",
    "truth.jsonl",
    "siblings.jsonl",
    "mirrors.jsonl",
    "lineage.jsonl",
    "provenance.jsonl",
    "boilerplate.json",
    "stats.json",
)


@pytest.fixture(scope="module")
def corpus(
    gen_lineage: ModuleType, pan_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("lineage")
    gen_lineage.generate(N, out, seed=3, pan_dir=pan_dir, p_mirrored=0.25)
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def docs(corpus: Path) -> list[dict[str, Any]]:
    return _jsonl(corpus / "docs.jsonl")


@pytest.fixture(scope="module")
def by_id(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {d["id"]: d for d in docs}
    assert len(out) == len(docs), "duplicate ids"
    return out


@pytest.fixture(scope="module")
def lineage(corpus: Path) -> list[dict[str, Any]]:
    return _jsonl(corpus / "lineage.jsonl")


@pytest.fixture(scope="module")
def boilerplate(corpus: Path) -> dict[str, dict[str, str]]:
    return json.loads((corpus / "boilerplate.json").read_text(encoding="utf-8"))


def test_every_non_original_has_its_parent(
    corpus: Path, by_id: dict[str, dict[str, Any]], lineage: list[dict[str, Any]]
) -> None:
    truth = _jsonl(corpus / "truth.jsonl")
    mirrors = _jsonl(corpus / "mirrors.jsonl")
    expected = {
        (r["derived"], r["source"], r["kind"]) for r in truth if r["kind"] != "chain_transitive"
    } | {(r["derived"], r["source"], r["kind"]) for r in mirrors}
    assert {(x["child"], x["parent"], x["kind"]) for x in lineage} == expected
    assert [x["child"] for x in lineage] == sorted(by_id.keys() & {x["child"] for x in lineage})
    stats = json.loads((corpus / "stats.json").read_text(encoding="utf-8"))
    assert stats["lineage"]["docs_total"] == len(by_id) == N + len(mirrors)
    parent = {x["child"]: x["parent"] for x in lineage}
    for x in lineage:
        c, p = by_id[x["child"]], by_id[x["parent"]]
        assert (x["child_site"], x["parent_site"]) == (c["site"], p["site"])
        assert (x["child_date"], x["parent_date"]) == (c["date"], p["date"])
        assert c["date"] > p["date"] and c["site"] != p["site"], x
        assert x["root"] not in parent
        up = x["child"]
        while up in parent:
            up = parent[up]
        assert up == x["root"]
    kinds = Counter(x["kind"] for x in lineage)
    assert set(kinds) == {
        "verbatim", "light", "heavy", "partial", "chain", "mirror-exact", "mirror-near"
    }  # fmt: skip


def test_mirrors(
    by_id: dict[str, dict[str, Any]],
    lineage: list[dict[str, Any]],
    boilerplate: dict[str, dict[str, str]],
) -> None:
    parent = {x["child"]: x["parent"] for x in lineage}
    per_parent: Counter[str] = Counter()
    for x in lineage:
        if not x["kind"].startswith("mirror"):
            continue
        per_parent[x["parent"]] += 1
        m, p = by_id[x["child"]], by_id[x["parent"]]
        lag = dt.date.fromisoformat(m["date"]) - dt.date.fromisoformat(p["date"])
        assert 1 <= lag.days <= 5
        assert m["title"] == p["title"]
        assert m["url"].startswith(f"https://{m['site']}/") and m["url"].endswith(
            f"-{int(m['id'][1:])}"
        )
        if x["kind"] == "mirror-exact":
            assert m["text"] == p["text"]
            continue
        own, theirs = boilerplate[m["site"]], boilerplate[p["site"]]
        body = p["text"][len(theirs["header"]) + 2 : len(p["text"]) - len(theirs["footer"]) - 2]
        assert m["text"].startswith(own["header"] + "\n\n")
        assert m["text"].endswith("\n\n" + own["footer"])
        inner = m["text"][len(own["header"]) + 2 : len(m["text"]) - len(own["footer"]) - 2]
        assert inner in (
            body,
            f"{body}\n\nSource: {theirs['name']}",
            f"Originally published at {p['url']}\n\n{body}",
        )
    assert per_parent and max(per_parent.values()) <= 4
    # mirrors of originals, of copies, and of the B and the C of chains
    kind = {x["child"]: x["kind"] for x in lineage}
    mirrored = set(per_parent)
    assert mirrored - parent.keys()
    assert {kind[d] for d in mirrored & parent.keys()} >= {"verbatim", "light", "partial", "chain"}
    chain = {d for d in mirrored if kind.get(d) == "chain"}
    assert any(parent[d] not in parent for d in chain) and any(parent[d] in parent for d in chain)


def test_exact_mirrors_are_the_only_duplicates(
    docs: list[dict[str, Any]], lineage: list[dict[str, Any]]
) -> None:
    """What the index keeps once (same folded words) is exactly a document and its exact
    mirrors; and for some of them a mirror comes first, so that the index's first copy is
    not the original."""
    groups: dict[bytes, list[str]] = defaultdict(list)
    for d in docs:
        groups[text_key(d["text"])].append(d["id"])
    exact = {x["child"]: x["parent"] for x in lineage if x["kind"] == "mirror-exact"}
    expected: dict[str, set[str]] = defaultdict(set)
    for child, parent in exact.items():
        expected[parent] |= {parent, child}
    found = sorted(sorted(g) for g in groups.values() if len(g) > 1)
    assert found == sorted(sorted(g) for g in expected.values())
    first = [g[0] for g in groups.values() if len(g) > 1]
    assert any(x in exact for x in first) and any(x not in exact for x in first)


def test_one_copy_per_site(gen: ModuleType, pan_dir: Path, tmp_path: Path) -> None:
    gen.generate(N, tmp_path, seed=3, pan_dir=pan_dir, one_copy_per_site=True)
    truth = gen.load_truth(tmp_path, kinds=("verbatim", "light", "partial"))
    pairs = Counter((r["source"], r["derived_site"]) for r in truth)
    assert truth and max(pairs.values()) == 1


@pytest.fixture(scope="module")
def gen(gen_corpus: ModuleType) -> ModuleType:
    return gen_corpus


def test_deterministic(
    gen_lineage: ModuleType, pan_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    gen_lineage.generate(N, tmp_path / "same", seed=3, pan_dir=pan_dir, p_mirrored=0.25)
    for name in FILES:
        assert (tmp_path / "same" / name).read_bytes() == (corpus / name).read_bytes(), name
    gen_lineage.generate(N, tmp_path / "other", seed=4, pan_dir=pan_dir, p_mirrored=0.25)
    other = (tmp_path / "other" / "lineage.jsonl").read_bytes()
    assert other != (corpus / "lineage.jsonl").read_bytes()


def test_provenance_follows_the_documents(corpus: Path, docs: list[dict[str, Any]]) -> None:
    prov = _jsonl(corpus / "provenance.jsonl")
    assert [p["id"] for p in prov] == [d["id"] for d in docs]
    pieces = {p["id"]: p["pieces"] for p in prov}
    for x in _jsonl(corpus / "mirrors.jsonl"):
        assert pieces[x["derived"]] == pieces[x["source"]]


def test_cli_and_load_lineage(gen_lineage: ModuleType, pan_dir: Path, tmp_path: Path) -> None:
    rc = gen_lineage.main(
        ["--docs", "60", "--out", str(tmp_path), "--sites", "12", "--pan-dir", str(pan_dir)]
    )
    assert rc == 0
    links = gen_lineage.load_lineage(tmp_path)
    assert links == gen_lineage.load_lineage(tmp_path / "lineage.jsonl")
    assert any(x["kind"].startswith("mirror") for x in links)
    with pytest.raises(ValueError, match="max_mirrors"):
        gen_lineage.generate(10, tmp_path / "bad", max_mirrors=0, pan_dir=pan_dir)


def _output_from(
    path: Path,
    by_id: dict[str, dict[str, Any]],
    parent_of: dict[str, str | None],
    mirrors: set[str],
) -> Path:
    """A discover output whose clusters are the lineages and whose parents are
    ``parent_of``; the site network is built from those links."""
    root: dict[str, str] = {}
    for d in parent_of:
        up = d
        while (above := parent_of.get(up)) is not None:
            up = above
        root[d] = up
    trees: dict[str, list[str]] = defaultdict(list)
    for d in sorted(parent_of):
        trees[root[d]].append(d)
    edges: Counter[tuple[str, str]] = Counter()
    path.mkdir()
    with open(path / "clusters.jsonl", "w", encoding="utf-8") as f:
        for k, members in enumerate(trees.values()):
            rows = []
            for d in members:
                p = parent_of[d]
                link = "origin" if p is None else "mirror" if d in mirrors else "derived"
                rows.append({"ext_id": d, "site": by_id[d]["site"], "link": link, "parent": p})
                if p is not None:
                    edges[(by_id[p]["site"], by_id[d]["site"])] += 1
            n = sum(r["link"] == "mirror" for r in rows)
            f.write(json.dumps({"id": k + 1, "members": rows, "mirrors": n}) + "\n")
    lines = ["source_site,derived_site,documents\n"]
    lines += [f"{a},{b},{n}\n" for (a, b), n in sorted(edges.items())]
    (path / "sites.csv").write_text("".join(lines), encoding="utf-8")
    return path


def test_scored_by_eval_lineage(
    corpus: Path, by_id: dict[str, dict[str, Any]], lineage: list[dict[str, Any]], tmp_path: Path
) -> None:
    """The truth itself, written as a discover output, scores 1 everywhere; linking every
    member to its lineage's root instead gets the C of chains and the mirrors of copies
    wrong, as ancestors."""
    from textlineage.eval import evaluate_lineage

    mirrors = {x["child"] for x in lineage if x["kind"].startswith("mirror")}
    truth: dict[str, str | None] = {x["child"]: x["parent"] for x in lineage}
    truth |= {x["root"]: None for x in lineage}
    ev = evaluate_lineage(corpus, _output_from(tmp_path / "right", by_id, truth, mirrors))
    assert ev.overall.accuracy == 1.0 and ev.overall.links == len(lineage)
    assert ev.links.precision == 1.0 and ev.links.sibling_links == 0
    assert ev.mirrors.exact_rate == 1.0 and ev.mirrors.reported == len(mirrors)
    assert ev.origins.accuracy == 1.0
    assert ev.site_edges is not None and ev.site_edges.precision == ev.site_edges.recall == 1.0

    star = {x["child"]: x["root"] for x in lineage} | {x["root"]: None for x in lineage}
    ev = evaluate_lineage(corpus, _output_from(tmp_path / "star", by_id, star, mirrors))
    skipping = [x for x in lineage if x["parent"] != x["root"]]
    assert skipping
    assert ev.overall.correct == len(lineage) - len(skipping)
    assert ev.links.categories["ancestor"] == len(skipping)
    assert ev.origins.accuracy == 1.0

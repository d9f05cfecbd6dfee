"""Corpus reuse network: clusters, origin, site edges, timeline and the written files."""

from __future__ import annotations

import csv
import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pytest

from textlineage.network import (
    Cluster,
    DocInfo,
    Relation,
    build_clusters,
    export,
    site_network,
    timeline,
    write_clusters_jsonl,
    write_graphml,
    write_network_svg,
    write_sites_csv,
    write_timeline_csv,
)

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
SVG = "{http://www.w3.org/2000/svg}"
NASTY = '<b>&"x'


def doc(doc_id: int, site: str, day: str = "", title: str = "") -> DocInfo:
    return DocInfo(doc_id, f"ext-{doc_id}", site, day, url=f"https://{site}/{doc_id}", title=title)


def rel(
    a: int,
    b: int,
    source: int | None,
    confidence: float = 0.9,
    chars: tuple[int, int] = (500, 400),
    containment: tuple[float, float] = (0.0, 0.0),
) -> Relation:
    return Relation(
        a, b, "derived", source, confidence, (0.5, 0.8), chars, ("verbatim",), containment
    )


def by_members(clusters: list[Cluster]) -> dict[tuple[int, ...], Cluster]:
    return {tuple(sorted(c.members)): c for c in clusters}


# --------------------------------------------------------------------------- clusters


def test_chain_is_one_cluster_with_earliest_origin_and_time_order() -> None:
    # Doc ids deliberately not in date order: C(1) is latest, A(3) earliest.
    docs = {
        3: doc(3, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-05"),
        1: doc(1, "c.com", "2021-02-10"),
    }
    relations = [rel(2, 3, 3), rel(1, 2, 2)]
    (cluster,) = build_clusters(docs, relations)
    assert cluster.members == (3, 2, 1)
    assert cluster.origin == 3
    assert "earliest publication date" in cluster.origin_reason
    assert cluster.roles == ("origin", "derived", "derived")
    assert cluster.role(1) == "derived"
    assert cluster.edges == 2
    assert cluster.sites == ("a.com", "b.com", "c.com")
    assert cluster.span_days == 40
    assert (cluster.first_date, cluster.last_date) == ("2021-01-01", "2021-02-10")


def test_no_chaining_without_a_relation() -> None:
    # 1-2 and 3-4 are verified pairs; 2 and 3 share a site and a date but no relation.
    docs = {
        1: doc(1, "x.com", "2020-01-01"),
        2: doc(2, "y.com", "2020-01-02"),
        3: doc(3, "y.com", "2020-01-02"),
        4: doc(4, "z.com", "2020-01-03"),
    }
    clusters = build_clusters(docs, [rel(1, 2, 1), rel(3, 4, None)])
    assert sorted(c.members for c in clusters) == [(1, 2), (3, 4)]
    assert [c.cluster_id for c in clusters] == [1, 2]
    second = by_members(clusters)[(3, 4)]
    assert second.origin == 3
    # direction unknown, derived by date order
    assert second.roles == ("origin", "derived")


def test_cluster_ids_rank_by_size_then_smallest_doc_id() -> None:
    docs = {i: doc(i, f"s{i}.com", f"2020-01-{i:02d}") for i in range(1, 8)}
    relations = [rel(1, 2, 1), rel(3, 4, 3), rel(4, 5, 4), rel(6, 7, 6)]
    clusters = build_clusters(docs, relations)
    assert [c.members for c in clusters] == [(3, 4, 5), (1, 2), (6, 7)]
    assert [c.cluster_id for c in clusters] == [1, 2, 3]


def test_clusters_do_not_depend_on_the_order_of_the_relations() -> None:
    # Two components of three (the tie goes to the one holding doc 1), one of two, and doc 7
    # in no relation, so in no cluster.
    docs = {i: doc(i, f"s{i}.com", f"2020-01-{i:02d}") for i in range(1, 10)}
    relations = [rel(3, 5, 3), rel(3, 9, 3), rel(1, 2, 1), rel(2, 8, 2), rel(4, 6, None)]
    want = build_clusters(docs, relations)
    assert [c.members for c in want] == [(1, 2, 8), (3, 5, 9), (4, 6)]
    rng = random.Random(0)
    for _ in range(20):
        shuffled = relations[:]
        rng.shuffle(shuffled)
        assert build_clusters(docs, shuffled) == want
    assert build_clusters(docs, []) == []


def test_undated_origin_decided_by_direction() -> None:
    # 5 is undated but confidently the source of both dated members.
    docs = {
        5: doc(5, "wire.com"),
        6: doc(6, "a.com", "2022-03-01"),
        7: doc(7, "b.com", "2022-03-04"),
    }
    relations = [rel(5, 6, 5, 0.9), rel(5, 7, 5, 0.8), rel(6, 7, None)]
    (cluster,) = build_clusters(docs, relations)
    assert cluster.origin == 5
    assert cluster.members == (6, 7, 5)  # undated last
    assert cluster.role(5) == "origin"
    assert cluster.role(6) == "derived"
    assert cluster.role(7) == "derived"  # by date order against 6
    assert "never derived" in cluster.origin_reason


def test_undated_member_without_evidence_does_not_beat_the_dated_one() -> None:
    docs = {1: doc(1, "a.com", "2022-01-01"), 2: doc(2, "b.com")}
    (cluster,) = build_clusters(docs, [rel(1, 2, None)])
    assert cluster.origin == 1
    assert cluster.role(2) == "related"
    assert cluster.span_days == 0


def test_same_date_tie_broken_by_confident_direction_then_in_degree() -> None:
    docs = {1: doc(1, "a.com", "2022-01-01"), 2: doc(2, "b.com", "2022-01-01")}
    (cluster,) = build_clusters(docs, [rel(1, 2, 2, 0.7)])
    assert cluster.origin == 2
    assert "share the earliest date" in cluster.origin_reason
    # A weak direction is not "confident" but still gives 1 an incoming link.
    (weak,) = build_clusters(docs, [rel(1, 2, 2, 0.3)])
    assert weak.origin == 2
    assert "fewest incoming" in weak.origin_reason


def test_all_undated_without_evidence_is_deterministic() -> None:
    docs = {4: doc(4, "a.com"), 9: doc(9, "b.com")}
    (cluster,) = build_clusters(docs, [rel(4, 9, None)])
    assert cluster.origin == 4
    assert cluster.span_days is None
    assert cluster.roles == ("origin", "related")


def test_unknown_doc_id_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown doc_id"):
        build_clusters({1: doc(1, "a.com")}, [rel(1, 2, 1)])


# --------------------------------------------------------------------------- site network


def corpus() -> tuple[dict[int, DocInfo], list[Relation]]:
    docs = {
        1: doc(1, "wire.com", "2023-01-01"),
        2: doc(2, "wire.com", "2023-01-10"),
        3: doc(3, "paper.com", "2023-01-03"),  # lag 2 from 1
        4: doc(4, "paper.com", "2023-01-20"),  # lag 10 from 2
        5: doc(5, "paper.com", "2023-02-05"),  # lag 35 from 1
        6: doc(6, "paper.com"),  # undated: counted, no lag
        7: doc(7, NASTY, "2023-03-01"),
        8: doc(8, "blog.net", "2023-03-02"),
        9: doc(9, "blog.net", "2023-03-02"),
    }
    relations = [
        rel(1, 3, 1, chars=(100, 90)),
        rel(2, 4, 2, chars=(200, 180)),
        rel(1, 5, 1, chars=(300, 250)),
        rel(2, 6, 2, chars=(50, 40)),
        rel(3, 7, None, chars=(70, 60)),  # no source: by date, paper → NASTY (lag 57)
        rel(1, 2, 1, chars=(10, 20)),  # wire copies itself
        rel(8, 9, None),  # same date, no source: skipped
        rel(7, 8, 8, confidence=0.7, chars=(33, 44)),  # blog.net → NASTY, derived is a
    ]
    return docs, relations


def test_site_edges_aggregate_with_median_lag() -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    edge = net.edge("wire.com", "paper.com")
    assert edge.documents == 4
    assert edge.mirrors == 0
    assert edge.reused_chars == 90 + 180 + 250 + 40  # derived side
    assert edge.median_lag_days == 10.0  # lags 2, 10, 35 → median 10
    assert (edge.first, edge.last) == ("2023-01-03", "2023-02-05")
    assert not edge.same_site

    by_date = net.edge("paper.com", NASTY)
    assert by_date.documents == 1
    assert by_date.median_lag_days == 57.0
    assert by_date.reused_chars == 60

    # Doc 7 (NASTY) has two candidate parents: 3 (earlier by date) and 8 (named the
    # source by its comparison, but dated later); the one holding more of 7's text wins,
    # so the network has no blog.net → NASTY edge: one parent per document.
    with pytest.raises(KeyError):
        net.edge("blog.net", NASTY)
    # 8 and 9: same date, no stated source; the link is kept, flagged undirected.
    own = net.edge("blog.net", "blog.net")
    assert own.documents == 1 and own.same_site
    assert net.undirected == 1
    assert len(net.edges) == 4


def test_even_count_median_is_the_mean_of_the_middle_two() -> None:
    docs = {
        1: doc(1, "a.com", "2023-01-01"),
        2: doc(2, "b.com", "2023-01-04"),
        3: doc(3, "b.com", "2023-01-08"),
    }
    net = site_network(docs, [rel(1, 2, 1), rel(1, 3, 1)])
    assert net.edge("a.com", "b.com").median_lag_days == 5.0  # (3 + 7) / 2
    docs[3] = doc(3, "b.com", "2023-01-09")
    net = site_network(docs, [rel(1, 2, 1), rel(1, 3, 1)])
    assert net.edge("a.com", "b.com").median_lag_days == 5.5


def test_same_site_flagged_and_site_totals() -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    own = net.edge("wire.com", "wire.com")
    assert own.same_site
    assert own.documents == 1
    wire = net.site("wire.com")
    assert (wire.docs, wire.copied_from, wire.copying, wire.self_reuse) == (2, 4, 0, 1)
    paper = net.site("paper.com")
    assert (paper.docs, paper.copied_from, paper.copying) == (4, 1, 4)
    blog = net.site("blog.net")
    assert blog.docs == 2
    assert (blog.copied_from, blog.copying, blog.self_reuse) == (0, 0, 1)
    assert net.sites[0].site == "paper.com"  # most documents involved


def test_timeline_by_derived_month_with_gaps_filled() -> None:
    docs, relations = corpus()
    events = timeline(docs, relations)
    # children of lineage links: 3, 2, 4 (Jan), 5 (Feb), 6 (undated: skipped), 7, 9 (Mar)
    assert events == [("2023-01", 3), ("2023-02", 1), ("2023-03", 2)]
    docs[5] = doc(5, "paper.com", "2023-05-05")
    assert [m for m, _ in timeline(docs, relations)] == [
        "2023-01",
        "2023-02",
        "2023-03",
        "2023-04",
        "2023-05",
    ]
    assert timeline(docs, []) == []


# --------------------------------------------------------------------------- files


def test_graphml_parses_with_right_counts_and_attributes(tmp_path: Path) -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    path = tmp_path / "sites.graphml"
    write_graphml(path, net)
    root = ET.parse(path).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = {k.get("id"): (k.get("for"), k.get("attr.type")) for k in root.iter(f"{GRAPHML}key")}
    for name in ("site", "docs", "copied_from", "copying"):
        assert keys[name][0] == "node"
    for name in ("documents", "mirrors", "reused_chars", "median_lag_days"):
        assert keys[name][0] == "edge"
    nodes = graph.findall(f"{GRAPHML}node")
    edges = graph.findall(f"{GRAPHML}edge")
    assert len(nodes) == len(net.sites) == 4
    assert len(edges) == len(net.edges) == 4

    def data(el: ET.Element) -> dict[str, str]:
        return {d.get("key", ""): d.text or "" for d in el.findall(f"{GRAPHML}data")}

    site_of = {n.get("id"): data(n)["site"] for n in nodes}
    assert NASTY in site_of.values()
    wire = next(data(n) for n in nodes if data(n)["site"] == "wire.com")
    assert (wire["docs"], wire["copied_from"], wire["copying"]) == ("2", "4", "0")
    main = next(
        data(e)
        for e in edges
        if (site_of[e.get("source")], site_of[e.get("target")]) == ("wire.com", "paper.com")
    )
    assert main["documents"] == "4"
    assert main["reused_chars"] == "560"
    assert float(main["median_lag_days"]) == 10.0
    assert main["same_site"] == "false"


def test_graphml_reads_in_networkx(tmp_path: Path) -> None:
    docs, relations = corpus()
    path = tmp_path / "sites.graphml"
    write_graphml(path, site_network(docs, relations))
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 4
    sites = {attrs["site"] for _, attrs in graph.nodes(data=True)}
    assert NASTY in sites
    docs_on_edges = sorted(attrs["documents"] for _, _, attrs in graph.edges(data=True))
    assert docs_on_edges == [1, 1, 1, 4]


def test_graphml_types_escaping_and_unsafe_text(tmp_path: Path) -> None:
    # Markup, a bidi override and characters XML does not allow, in a site name.
    evil = 'evil<&">\u202eexe\x01\ud800'
    docs = {
        1: doc(1, evil, "2023-01-01"),
        2: doc(2, "b.com", "2023-01-03"),
        3: doc(3, "b.com", "2023-01-04"),
    }
    # 3 holds more of 2 than of 1: its parent is 2, a same-site link.
    relations = [
        rel(1, 2, 1),
        rel(2, 3, 2, containment=(0.5, 0.9)),
        rel(1, 3, 1, containment=(0.5, 0.6)),
    ]
    net = site_network(docs, relations)
    path = tmp_path / "sites.graphml"
    write_graphml(path, net)
    raw = path.read_text(encoding="utf-8")
    assert "<&" not in raw and "\x01" not in raw and "&#" not in raw
    root = ET.fromstring(raw)
    kinds = {k.get("id"): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")}
    assert kinds == {
        "site": "string",
        "docs": "int",
        "copied_from": "int",
        "copying": "int",
        "self_reuse": "int",
        "mirroring": "int",
        "mirrored": "int",
        "documents": "int",
        "mirrors": "int",
        "reused_chars": "long",
        "median_lag_days": "double",
        "first": "string",
        "last": "string",
        "same_site": "boolean",
    }
    flags = sorted(d.text or "" for d in root.iter(f"{GRAPHML}data") if d.get("key") == "same_site")
    assert flags == ["false", "true"]  # XML Schema spelling, not Python's
    graph = nx.read_graphml(path)
    sites = {attrs["site"] for _, attrs in graph.nodes(data=True)}
    assert sites == {'evil<&">\u202eexe\ufffd\ufffd', "b.com"}  # bidi kept: it is data
    assert {(a["documents"], a["same_site"]) for *_, a in graph.edges(data=True)} == {
        (1, False),
        (1, True),
    }


def test_graphml_of_empty_network_is_still_valid(tmp_path: Path) -> None:
    path = tmp_path / "empty.graphml"
    write_graphml(path, site_network({}, []))
    graph = nx.read_graphml(path)
    assert graph.is_directed() and graph.number_of_nodes() == 0


def test_graphml_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    path = tmp_path / "sites.graphml"
    path.write_text("previous run\n", encoding="utf-8")

    def broken_dump(self: object, stream: BinaryIO) -> None:
        stream.write(b"<?xml version='1.0'?><graphml>")
        raise RuntimeError("disk gone")

    monkeypatch.setattr(export._GraphMLWriter, "dump", broken_dump)
    with pytest.raises(RuntimeError):
        write_graphml(path, net)
    assert path.read_text(encoding="utf-8") == "previous run\n"


def test_svg_is_xml_with_escaped_names_and_no_script(tmp_path: Path) -> None:
    docs, relations = corpus()
    path = tmp_path / "net.svg"
    write_network_svg(path, site_network(docs, relations))
    raw = path.read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    assert root.tag == f"{SVG}svg"
    assert "<script" not in raw.lower()
    assert "<b>" not in raw
    assert "&lt;b&gt;&amp;&quot;x" in raw
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for site in ("wire.com", "paper.com", NASTY):
        assert site in texts
    assert "blog.net" not in texts  # its only link is inside the site
    assert "arrow: source site → site that reused it" in texts
    assert not any("href" in k for el in root.iter() for k in el.attrib)
    # Same-site reuse is not drawn: one arrow per cross-site edge.
    arrows = [p for p in root.iter(f"{SVG}path") if p.get("marker-end")]
    assert len(arrows) == 2 + 1  # two links, plus the legend's sample arrow


def test_svg_limits_nodes_and_can_draw_same_site(tmp_path: Path) -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    path = tmp_path / "net.svg"
    write_network_svg(path, net, max_nodes=2, include_same_site=True)
    root = ET.parse(path).getroot()
    assert len(list(root.iter(f"{SVG}circle"))) == 2 + 3  # two sites + legend swatches
    raw = path.read_text(encoding="utf-8")
    assert "wire.com → wire.com" in raw


def test_svg_of_empty_network_is_still_valid(tmp_path: Path) -> None:
    path = tmp_path / "empty.svg"
    write_network_svg(path, site_network({}, []))
    ET.parse(path)


def test_jsonl_round_trip(tmp_path: Path) -> None:
    docs, relations = corpus()
    docs[1] = doc(1, "wire.com", "2023-01-01", title='Quote "this" & <that>')
    docs[10] = doc(10, "ünï.example", "2023-04-01")
    docs[11] = doc(11, "wire.com")
    relations.append(rel(10, 11, 10))
    clusters = build_clusters(docs, relations)
    path = tmp_path / "clusters.jsonl"
    write_clusters_jsonl(path, clusters, docs)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(clusters) == 2
    records = [json.loads(line) for line in lines]
    for record, cluster in zip(records, clusters, strict=True):
        assert record["id"] == cluster.cluster_id
        assert record["size"] == len(cluster.members)
        assert record["origin"]["doc_id"] == cluster.origin
        assert record["origin_reason"] == cluster.origin_reason
        assert [m["doc_id"] for m in record["members"]] == list(cluster.members)
        assert [m["role"] for m in record["members"]] == list(cluster.roles)
        assert record["sites"] == list(cluster.sites)
        assert record["span_days"] == cluster.span_days
        for m in record["members"]:
            d = docs[m["doc_id"]]
            assert (m["ext_id"], m["site"], m["date"], m["url"], m["title"]) == (
                d.ext_id,
                d.site,
                d.date,
                d.url,
                d.title,
            )
    big = records[0]
    assert big["origin"]["title"] == 'Quote "this" & <that>'
    assert big["origin"]["ext_id"] == "ext-1"
    assert {m["doc_id"] for m in big["members"]} == {1, 2, 3, 4, 5, 6, 7, 8, 9}
    assert records[1]["origin"]["site"] == "ünï.example"
    assert "ünï.example" in lines[1]  # written as UTF-8, not \u escapes


def test_csv_files(tmp_path: Path) -> None:
    docs, relations = corpus()
    net = site_network(docs, relations)
    sites = tmp_path / "sites.csv"
    write_sites_csv(sites, net)
    with open(sites, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "source_site",
        "derived_site",
        "documents",
        "mirrors",
        "reused_chars",
        "median_lag_days",
        "first",
        "last",
        "same_site",
    ]
    assert rows[0]["source_site"] == "wire.com" and rows[0]["derived_site"] == "paper.com"
    assert rows[0]["median_lag_days"] == "10"
    assert {r["derived_site"] for r in rows if r["same_site"] == "true"} == {"wire.com", "blog.net"}
    assert any(r["source_site"] == NASTY or r["derived_site"] == NASTY for r in rows)

    months = tmp_path / "timeline.csv"
    write_timeline_csv(months, timeline(docs, relations))
    assert months.read_text(encoding="utf-8").splitlines() == [
        "month,reuse_events",
        "2023-01,3",
        "2023-02,1",
        "2023-03,2",
    ]


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    def run(out: Path) -> dict[str, bytes]:
        out.mkdir()
        docs, relations = corpus()
        net = site_network(docs, relations)
        write_clusters_jsonl(out / "c.jsonl", build_clusters(docs, relations), docs)
        write_sites_csv(out / "s.csv", net)
        write_graphml(out / "s.graphml", net)
        write_network_svg(out / "s.svg", net)
        write_timeline_csv(out / "t.csv", timeline(docs, relations))
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}

    first = run(tmp_path / "one")
    second = run(tmp_path / "two")
    assert first == second
    # Relation order does not change the clusters either.
    docs, relations = corpus()
    assert build_clusters(docs, relations) == build_clusters(docs, relations[::-1])


def test_sites_csv_cannot_start_a_formula(tmp_path: Path) -> None:
    docs = {1: doc(1, "=HYPERLINK(1)", "2023-01-01"), 2: doc(2, "+paper.com", "2023-01-05")}
    write_sites_csv(tmp_path / "sites.csv", site_network(docs, [rel(1, 2, 1)]))
    with (tmp_path / "sites.csv").open(newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:2] == ["'=HYPERLINK(1)", "'+paper.com"]

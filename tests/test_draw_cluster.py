"""A cluster's timeline drawn as SVG: one dot per dated member, arrows along the lineage,
every text escaped and unable to reorder the labels around it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from textlineage.network import SiteEdge, SiteNetwork, SiteStats
from textlineage.network.draw import edge_label, render_network_svg
from textlineage.network.draw_cluster import date_ticks, render_cluster_timeline

SVG = "{http://www.w3.org/2000/svg}"
XSS = '<script>alert(1)</script><a href="javascript:x">"&'
RLO = "\u202e"


def member(
    doc_id: int,
    ext_id: str,
    date_: str,
    link: str,
    parent: int | None = None,
    site: str = "site.example",
    title: str = "",
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "ext_id": ext_id,
        "site": site,
        "date": date_,
        "title": title,
        "link": link,
        "parent": None if parent is None else f"d{parent}",
        "parent_doc_id": parent,
        "parent_reason": f"reason of {ext_id}",
    }


def record() -> dict[str, Any]:
    return {
        "id": 7,
        "members": [
            member(1, "d1", "2021-03-01", "origin", title="The original"),
            member(-1, "d-1", "2021-03-02", "mirror", 1, site=XSS),
            member(2, "d2", "2021-03-09", "derived", 1, title=f"{RLO}evil title"),
            member(3, "d3", "2021-04-20", "derived", 2),
            member(4, "d4", "", "unplaced", title="No date"),
        ],
    }


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def test_one_mark_per_dated_member_and_arrows_along_the_lineage() -> None:
    root = _parse(render_cluster_timeline(record()))
    marks = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "tl-mark"]
    assert [m.get("data-link") for m in marks] == ["origin", "mirror", "derived", "derived"]
    # Later dates lie further right.
    xs = [float(m.get("cx", 0)) for m in marks]
    assert xs[0] < xs[1] < xs[2] < xs[3]
    links = [p for p in root.iter(f"{SVG}path") if (p.get("marker-end") or "").startswith("url")]
    kinds = [(p.get("marker-end") or "").split("-arrow-")[1].rstrip(")") for p in links]
    assert kinds[:3] == ["mirror", "derived", "derived"]  # then the legend's sample arrow
    assert links[0].get("stroke-dasharray")  # a mirror's link is dashed
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "1 undated member not drawn" in texts
    assert "No date" not in texts


def test_document_text_is_escaped_and_cannot_reorder_labels() -> None:
    svg = render_cluster_timeline(record())
    root = _parse(svg)
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert RLO not in svg and "\ufffdevil title" in svg
    assert not any(el.tag.endswith("script") or el.tag.endswith("}a") for el in root.iter())
    assert not any("href" in k or k.startswith("on") for el in root.iter() for k in el.attrib)
    assert not any(k == "style" for el in root.iter() for k in el.attrib)  # CSP-safe


def test_deterministic_and_limited() -> None:
    assert render_cluster_timeline(record()) == render_cluster_timeline(record())
    small = _parse(render_cluster_timeline(record(), max_rows=2))
    marks = [c for c in small.iter(f"{SVG}circle") if c.get("class") == "tl-mark"]
    assert len(marks) == 2
    assert "2 more dated members not drawn" in ET.tostring(small, encoding="unicode")


def test_no_dated_member_is_still_an_svg() -> None:
    rec = {"id": 1, "members": [member(1, "a", "", "origin"), member(2, "b", "", "unplaced")]}
    root = _parse(render_cluster_timeline(rec))
    assert not [c for c in root.iter(f"{SVG}circle") if c.get("class") == "tl-mark"]


@pytest.mark.parametrize(
    ("lo", "hi", "first"),
    [
        (date(2021, 3, 3), date(2021, 3, 3), "2021-03-03"),
        (date(2021, 3, 3), date(2021, 3, 12), "2021-03-03"),
        (date(2021, 3, 3), date(2022, 5, 12), "2021-"),
        (date(1990, 7, 1), date(2022, 5, 12), "19"),
    ],
)
def test_date_ticks_are_few_ordered_and_inside(lo: date, hi: date, first: str) -> None:
    ticks = date_ticks(lo, hi)
    assert 1 <= len(ticks) <= 8
    days = [d for d, _ in ticks]
    assert days == sorted(days) and lo <= days[0] and days[-1] <= hi
    assert ticks[0][1].startswith(first)


def test_network_edge_label_counts_mirrors() -> None:
    assert edge_label(12, 0) == "12"
    assert edge_label(12, 5) == "12 (5 mirrors)"
    assert edge_label(1, 1) == "1 (1 mirror)"


def test_network_arrows_carry_their_weights() -> None:
    sites = (
        SiteStats("wire.example", 4, 3, 0, 0, 0, 2),
        SiteStats(f"{RLO}copy.example", 3, 0, 3, 0, 2, 0),
    )
    edge = SiteEdge("wire.example", f"{RLO}copy.example", 3, 2, 900, 1.0, "", "", False)
    svg = render_network_svg(SiteNetwork(sites=sites, edges=(edge,), undirected=0))
    root = _parse(svg)
    labels = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "weights" for t in g]
    assert labels == ["3 (2 mirrors)"]
    assert RLO not in svg and "\ufffdcopy.example" in svg
    assert svg == render_network_svg(SiteNetwork(sites=sites, edges=(edge,), undirected=0))

"""What the corpus pages show, shaped from cluster records: the lineage tree, a document's
place in its cluster, the CSV tables of the downloads."""

from __future__ import annotations

import csv
import io
from typing import Any

from test_draw_cluster import member, record
from textlineage.report.tables import CLUSTER_COLUMNS, cluster_rows, csv_table
from textlineage.web.views import Node, cluster_view, document_lineage, lineage_tree


def _shape(nodes: list[Node]) -> list[Any]:
    return [
        (n.member["ext_id"], _shape(n.children), [m.member["ext_id"] for m in n.mirrors])
        for n in nodes
    ]


def test_each_member_under_its_parent_mirrors_apart() -> None:
    tree = lineage_tree(record()["members"])
    assert _shape(tree) == [
        ("d1", [("d2", [("d3", [], [])], [])], ["d-1"]),
        ("d4", [], []),  # unplaced: a root of its own, after the origin
    ]


def test_a_loop_is_cut_and_no_member_is_lost() -> None:
    members = [
        member(1, "a", "2021-01-01", "origin"),
        member(2, "b", "2021-01-02", "derived", 3),
        member(3, "c", "2021-01-03", "derived", 2),
    ]
    tree = lineage_tree(members)
    seen: list[str] = []

    def walk(nodes: list[Node]) -> None:
        for n in nodes:
            seen.append(n.member["ext_id"])
            walk(n.children + n.mirrors)

    walk(tree)
    assert sorted(seen) == ["a", "b", "c"]


def test_document_lineage_picks_the_copy_by_its_id() -> None:
    rec = record()
    # An exact duplicate shares the number of the document with its text.
    mine = document_lineage(rec, 1, "d-1")
    assert mine is not None and mine["member"]["ext_id"] == "d-1"
    assert mine["parent"]["ext_id"] == "d1"
    origin = document_lineage(rec, 1, "d1")
    assert origin is not None and origin["parent"] is None
    assert [m["ext_id"] for m in origin["children"]] == ["d2"]
    assert [m["ext_id"] for m in origin["mirrors"]] == ["d-1"]
    assert document_lineage(rec, 99, "nope") is None


def test_records_from_before_lineage_still_show() -> None:
    old = {"id": 1, "members": [{"doc_id": 1, "ext_id": "a", "role": "origin"}]}
    view = cluster_view(old)
    assert view["members"][0]["link"] == "origin" and view["mirrors"] == 0
    assert view["members"][0]["parent_reason"] == ""


def test_cluster_table_defuses_formulas() -> None:
    rec = record()
    rec["members"][0]["site"] = "=HYPERLINK(1)"
    rows = list(csv.reader(io.StringIO(csv_table(CLUSTER_COLUMNS, cluster_rows(rec)))))
    assert rows[0] == list(CLUSTER_COLUMNS)
    assert [r[2] for r in rows[1:]] == ["d1", "d-1", "d2", "d3", "d4"]
    assert rows[1][4] == "'=HYPERLINK(1)"
    assert rows[2][1] == "-1"  # a number, not a formula

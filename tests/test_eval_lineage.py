"""`textlineage eval lineage`: reported parents, mirrors, origins and site edges scored
against a small hand-made truth of parents."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import cli_path
from textlineage.errors import InputError
from textlineage.eval import (
    ParentLink,
    Truth,
    classify_link,
    evaluate_lineage,
    format_lineage,
    read_lineage_output,
    read_lineage_truth,
)

# The planted lineages. A → B → C is a chain; A has an exact (A1) and a near (A2) mirror,
# C a near one (C1). O has two copies, S1 and S2 (siblings), and S1 a copy of its own, E.
# H was made from HS.
SITES = {
    "A": "a.example", "B": "b.example", "C": "c.example", "A1": "m1.example",
    "A2": "m2.example", "C1": "m1.example", "O": "o.example", "S1": "s1.example",
    "S2": "s2.example", "E": "e.example", "H": "h.example", "HS": "hs.example",
    "Z": "=z.example", "Y": "y.example",
}  # fmt: skip
TRUTH = [
    ("B", "A", "chain"),
    ("C", "B", "chain"),
    ("A1", "A", "mirror-exact"),
    ("A2", "A", "mirror-near"),
    ("C1", "C", "mirror-near"),
    ("S1", "O", "light"),
    ("S2", "O", "verbatim"),
    ("E", "S1", "partial"),
    ("H", "HS", "heavy"),
]


def write_truth(path: Path, rows: list[tuple[str, str, str]] = TRUTH) -> Path:
    lines = [
        {
            "child": c,
            "parent": p,
            "kind": k,
            "child_site": SITES.get(c, ""),
            "parent_site": SITES.get(p, ""),
        }
        for c, p, k in rows
    ]
    path.mkdir(parents=True, exist_ok=True)
    (path / "lineage.jsonl").write_text(
        "".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8"
    )
    return path


def member(
    ext_id: str, link: str | None, parent: str | None = None, role: str = ""
) -> dict[str, Any]:
    m: dict[str, Any] = {
        "doc_id": 1,
        "ext_id": ext_id,
        "site": SITES[ext_id],
        "date": "2021-01-01",
        "url": "",
        "role": role or ("origin" if link == "origin" else "derived"),
    }
    if link is not None:
        m |= {"link": link, "parent": parent, "parent_reason": "test"}
    return m


# What a right lineage looks like: every parent true, S1 and S2 both from O.
RIGHT = [
    [
        member("A", "origin"),
        member("A1", "mirror", "A"),
        member("A2", "mirror", "A"),
        member("B", "derived", "A"),
        member("C", "derived", "B"),
        member("C1", "mirror", "C"),
    ],
    [
        member("O", "origin"),
        member("S1", "derived", "O"),
        member("S2", "derived", "O"),
        member("E", "derived", "S1"),
    ],
]


def write_out(
    path: Path,
    clusters: list[list[dict[str, Any]]],
    mirrors: list[int | None] | None = None,
    sites: list[tuple[str, str, int, int]] | None = None,
) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    lines = []
    for k, members in enumerate(clusters):
        rec: dict[str, Any] = {"id": k + 1, "size": len(members), "members": members}
        if mirrors is not None and mirrors[k] is not None:
            rec["mirrors"] = mirrors[k]
        lines.append(json.dumps(rec) + "\n")
    (path / "clusters.jsonl").write_text("".join(lines), encoding="utf-8")
    if sites is not None:
        rows = ["source_site,derived_site,documents,reused_chars,mirrors\n"]
        rows += [f"{a},{b},{n},100,{m}\n" for a, b, n, m in sites]
        (path / "sites.csv").write_text("".join(rows), encoding="utf-8")
    return path


def site_edges(clusters: list[list[dict[str, Any]]]) -> list[tuple[str, str, int, int]]:
    """The site network the reported links imply (as a lineage-built sites.csv would be)."""
    site = {m["ext_id"]: m["site"] for c in clusters for m in c}
    edges: dict[tuple[str, str], list[int]] = {}
    for c in clusters:
        for m in c:
            if m.get("parent"):
                e = edges.setdefault((site[m["parent"]], m["site"]), [0, 0])
                e[0] += 1
                e[1] += m["link"] == "mirror"
    return [(a, b, n, k) for (a, b), (n, k) in sorted(edges.items())]


def test_right_lineage_scores_one(tmp_path: Path) -> None:
    truth = write_truth(tmp_path / "truth")
    out = write_out(tmp_path / "out", RIGHT, [3, 0], site_edges(RIGHT))
    ev = evaluate_lineage(truth, out)
    assert ev.lineage
    # H is in no cluster: wrong, and missing
    assert (ev.overall.links, ev.overall.correct, ev.overall.missing) == (9, 8, 1)
    assert ev.overall.accuracy == pytest.approx(8 / 9)
    kinds = {k.kind: k for k in ev.by_kind}
    assert kinds["heavy"].accuracy == 0.0 and kinds["heavy"].missing == 1
    assert all(kinds[k].accuracy == 1.0 for k in kinds if k != "heavy")
    assert ev.links.reported == 8 and ev.links.precision == 1.0
    assert ev.links.sibling_links == 0 and ev.links.parent_of_original == 0
    m = ev.mirrors
    assert (m.planted, m.reported, m.true_mirrors, m.mirrored_documents) == (3, 3, 3, 2)
    assert m.exact_rate == 1.0 and m.spurious_documents == 0
    assert (m.clusters, m.exact_clusters) == (1, 1)
    assert (ev.origins.clusters, ev.origins.correct, ev.origins.root_absent) == (2, 2, 0)
    s = ev.site_edges
    assert s is not None
    assert (s.edges, s.true_edges, s.planted_edges) == (8, 8, 9)
    assert (s.sibling_only, s.unsupported, s.mirrors) == (0, 0, 3)
    assert [w.child for w in ev.wrong] == []


def test_sibling_link_and_its_site_edge(tmp_path: Path) -> None:
    """S2 reported as copied from its sibling S1: a wrong parent, a sibling link, and the
    site edge s1 → s2 that only that link supports."""
    clusters = json.loads(json.dumps(RIGHT))
    clusters[1][2]["parent"] = "S1"
    ev = evaluate_lineage(
        write_truth(tmp_path / "t"),
        write_out(tmp_path / "o", clusters, [3, 0], site_edges(clusters)),
    )
    assert ev.overall.correct == 7
    assert {k.kind: k.accuracy for k in ev.by_kind}["verbatim"] == 0.0
    assert ev.links.precision == pytest.approx(7 / 8)
    assert ev.links.categories["sibling"] == 1 and ev.links.sibling_links == 1
    assert ev.links.sibling_with_mirror == 0
    s = ev.site_edges
    assert s is not None and s.sibling_only == 1
    assert s.sibling_only_examples == (("s1.example", "s2.example"),)
    assert (s.edges, s.true_edges) == (8, 7)
    (w,) = ev.wrong
    assert (w.child, w.parent, w.reported, w.category) == ("S2", "O", "S1", "sibling")
    assert "sibling links (sibling + collateral): 1" in format_lineage(ev)


def test_mirror_taken_for_the_original(tmp_path: Path) -> None:
    """The exact mirror A1 was indexed first and reported as the origin, A as its mirror:
    two wrong parents, a wrong origin, and A's mirror count off by one."""
    clusters = json.loads(json.dumps(RIGHT))
    clusters[0][0] = member("A", "mirror", "A1")
    clusters[0][1] = member("A1", "origin")
    ev = evaluate_lineage(write_truth(tmp_path / "t"), write_out(tmp_path / "o", clusters, [3, 0]))
    assert ev.overall.correct == 7  # A1 lost its parent; A is an original
    assert ev.links.categories["descendant"] == 1 and ev.links.parent_of_original == 1
    assert ev.links.precision == pytest.approx(7 / 8)
    m = ev.mirrors
    assert (m.reported, m.true_mirrors) == (3, 2)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert (m.exact_documents, m.spurious_documents) == (1, 1)  # C right, A not; A1 "has" one
    assert m.exact_clusters == 1  # the cluster's own count is still 3
    assert m.reported_kinds == {"mirror-near": 2, "original": 1}
    assert m.planted_links == {"mirror": 2, "origin": 1}
    assert (ev.origins.correct, ev.origins.clusters) == (1, 2)
    assert ev.site_edges is None


def test_cluster_mirror_count_and_missing_children(tmp_path: Path) -> None:
    """The cluster says 2 mirrors where 3 are planted; C1 was left out of every cluster."""
    clusters = json.loads(json.dumps(RIGHT))
    del clusters[0][5]
    ev = evaluate_lineage(write_truth(tmp_path / "t"), write_out(tmp_path / "o", clusters, [2, 0]))
    assert ev.overall.missing == 2 and ev.overall.correct == 7
    assert {k.kind: k.missing for k in ev.by_kind}["mirror-near"] == 1
    m = ev.mirrors
    assert (m.planted, m.reported, m.exact_documents) == (3, 2, 1)
    assert (m.clusters, m.exact_clusters) == (1, 1)  # 2 planted among the members, 2 said
    assert m.planted_links == {"missing": 1, "mirror": 2}
    ev = evaluate_lineage(write_truth(tmp_path / "t"), write_out(tmp_path / "o2", clusters, [1, 0]))
    assert ev.mirrors.exact_clusters == 0 and ev.mirrors.exact_cluster_rate == 0.0


def test_mirror_of_parent_counts_only_leniently(tmp_path: Path) -> None:
    clusters = json.loads(json.dumps(RIGHT))
    clusters[0][3]["parent"] = "A2"  # B from A's near mirror
    ev = evaluate_lineage(write_truth(tmp_path / "t"), write_out(tmp_path / "o", clusters, [3, 0]))
    chain = {k.kind: k for k in ev.by_kind}["chain"]
    assert (chain.correct, chain.correct_or_mirror) == (1, 2)
    assert ev.links.categories["mirror_of_parent"] == 1 and ev.links.sibling_links == 0


def test_classify_link() -> None:
    truth = Truth(read_truth_rows())
    cases = {
        ("B", "A"): "parent",
        ("B", "A2"): "mirror_of_parent",
        ("A2", "A1"): "mirror_of_parent",  # another mirror of the same document
        ("C", "A"): "ancestor",
        ("C", "A1"): "ancestor",  # a mirror of an ancestor
        ("A", "B"): "descendant",
        ("A", "A1"): "descendant",
        ("S2", "S1"): "sibling",
        ("A1", "B"): "sibling",
        ("E", "S2"): "collateral",
        ("S1", "C1"): "unrelated",
        ("O", "X9"): "unrelated",  # a document the truth does not know
    }
    assert {k: classify_link(*k, truth) for k in cases} == cases


def read_truth_rows() -> list[ParentLink]:
    return [ParentLink(i + 1, c, p, k) for i, (c, p, k) in enumerate(TRUTH)]


OLD = [  # clusters.jsonl from before lineage: roles only; S1 is a wrong origin
    [member("A", None, role="origin"), member("B", None), member("C", None), member("C1", None)],
    [member("O", None), member("S1", None, role="origin")],
]


def test_output_without_lineage(tmp_path: Path) -> None:
    ev = evaluate_lineage(write_truth(tmp_path / "t"), write_out(tmp_path / "o", OLD))
    assert not ev.lineage
    assert ev.overall.accuracy is None and ev.links.precision is None
    assert ev.overall.missing == 5  # A1, A2, S2, E, H
    assert ev.mirrors.reported is None and ev.mirrors.planted == 3
    assert (ev.origins.correct, ev.origins.clusters, ev.origins.from_links) == (1, 2, False)
    text = format_lineage(ev)
    assert text.startswith("no lineage in this output")
    assert json.loads(json.dumps(ev.to_dict()))["lineage"] is False


def test_member_with_parent_but_no_link_and_defused_sites(tmp_path: Path) -> None:
    truth = write_truth(tmp_path / "t", [("Y", "Z", "verbatim")])
    y = member("Y", None) | {"parent": "Z"}
    out = write_out(
        tmp_path / "o", [[member("Z", "origin"), y]], [0], [("'=z.example", "y.example", 1, 0)]
    )
    ev = evaluate_lineage(truth / "lineage.jsonl", out)
    assert ev.overall.accuracy == 1.0
    assert read_lineage_output(out).clusters[0].members[1].link == "derived"
    assert ev.site_edges is not None and ev.site_edges.true_edges == 1


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ([{"child": "A", "parent": "A", "kind": "light"}], "its own parent"),
        (
            [
                {"child": "A", "parent": "B", "kind": "x"},
                {"child": "A", "parent": "C", "kind": "x"},
            ],
            "already has a parent on line 1",
        ),
        (
            [
                {"child": "A", "parent": "B", "kind": "x"},
                {"child": "B", "parent": "A", "kind": "x"},
            ],
            "go in a circle",
        ),
        ([{"child": "A", "kind": "x"}], "'parent' must be a non-empty string"),
        ([], "no parents"),
    ],
)
def test_bad_truth(tmp_path: Path, lines: list[dict[str, str]], problem: str) -> None:
    path = tmp_path / "lineage.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_lineage_truth(path)


def test_bad_output(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"has link 'root' \(expected one of"):
        read_lineage_output(write_out(tmp_path / "a", [[member("A", "origin") | {"link": "root"}]]))
    with pytest.raises(InputError, match="already in the cluster on line 1"):
        read_lineage_output(
            write_out(tmp_path / "b", [[member("A", "origin")], [member("A", "origin")]])
        )
    with pytest.raises(InputError, match="no such directory"):
        read_lineage_output(tmp_path / "none")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=120)


def test_cli(tmp_path: Path) -> None:
    truth = write_truth(tmp_path / "t")
    out = write_out(tmp_path / "o", RIGHT, [3, 0], site_edges(RIGHT))
    r = run("eval", "lineage", "--truth", str(truth), "--out", str(out), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "textlineage.eval.lineage"
    assert data["parents"]["overall"]["correct"] == 8
    assert data["links"]["categories"]["parent"] == 8
    r = run(
        "eval", "lineage", "--truth", str(truth), "--out", str(write_out(tmp_path / "old", OLD))
    )
    assert r.returncode == 0 and r.stdout.startswith("no lineage in this output")
    r = run("eval", "lineage", "--truth", str(out), "--out", str(out))
    assert r.returncode == 2 and "lineage.jsonl: no such file" in r.stderr
    assert "Traceback" not in r.stderr

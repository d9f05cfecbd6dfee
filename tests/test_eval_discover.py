"""`textlineage eval discover`: a real index and discovery run scored against planted truth."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from conftest import cli_path
from eval_texts import (
    BEES,
    HARBOUR,
    HARBOUR_COPY,
    LIBRARY_REWORDED,
    ORCHARD_REPRINT,
    ORIGINALS,
)
from textlineage.errors import InputError
from textlineage.eval import (
    Discovery,
    ReportedPair,
    TruthRelation,
    adjusted_rand_index,
    bcubed,
    evaluate_discover,
    lineage_groups,
    read_truth,
    score_discovery,
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=300)


HARBOUR_DIGEST = (
    "Pier closure: what boat owners need to know\n\n"
    + HARBOUR.split("\n\n")[1]
    + "\n\nBoat owners with questions can call the harbour office on weekday mornings, or "
    "visit the information stand that will open beside the ferry terminal from next week."
)

# bees_copy is real reuse that the truth does not record; library_reworded shares few exact
# phrases but is found; chess -> railway is a claimed relation with no reuse behind it.
TRUTH_TSV = """\
# planted relations
source\tderived\tkind\tnote
harbour\tharbour_copy\tverbatim\tnew headline and sign-off
harbour_copy\tharbour_digest\tpartial\tone paragraph, via the copy
orchard\torchard_reprint\tpartial
library\tlibrary_reworded\treworded
chess\trailway\tclaimed
"""


@pytest.fixture(scope="module")
def discovered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small corpus indexed and discovered with the real CLI: (truth TSV, OUT_DIR)."""
    d = tmp_path_factory.mktemp("eval_discover")
    records = [
        {"id": name, "text": text, "site": "daily.example", "date": f"2021-03-0{k + 1}"}
        for k, (name, text) in enumerate(ORIGINALS.items())
    ]
    records += [
        {"id": "harbour_copy", "text": HARBOUR_COPY, "site": "mirror.example", "date": "2021-03-10"},
        {"id": "orchard_reprint", "text": ORCHARD_REPRINT, "site": "mirror.example", "date": "2021-03-11"},
        {"id": "library_reworded", "text": LIBRARY_REWORDED, "site": "weekly.example", "date": "2021-03-12"},
        {"id": "harbour_digest", "text": HARBOUR_DIGEST, "site": "weekly.example", "date": "2021-03-13"},
        {"id": "bees_copy", "text": "Honey news\n\n" + BEES, "site": "rural.example", "date": "2021-03-14"},
    ]  # fmt: skip
    docs = d / "docs.jsonl"
    docs.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db, out = d / "c.db", d / "out"
    p = run("index", "add", str(db), str(docs), "--no-semantic")
    assert p.returncode == 0, p.stderr
    p = run("discover", str(db), "--out", str(out), "-j", "1")
    assert p.returncode == 0, p.stderr
    truth = d / "truth.tsv"
    truth.write_text(TRUTH_TSV, encoding="utf-8")
    return truth, out


def test_discovery_found_what_the_scores_assume(discovered: tuple[Path, Path]) -> None:
    _, out = discovered
    pairs = [json.loads(x) for x in (out / "pairs.jsonl").read_text().splitlines()]
    found = {frozenset((p["a"]["id"], p["b"]["id"])): p["source"] for p in pairs}
    assert found == {
        frozenset(("harbour", "harbour_copy")): "harbour",
        frozenset(("harbour", "harbour_digest")): "harbour",
        frozenset(("harbour_copy", "harbour_digest")): "harbour_copy",
        frozenset(("orchard", "orchard_reprint")): "orchard",
        frozenset(("bees", "bees_copy")): "bees",
        frozenset(("library", "library_reworded")): "library",
    }


def test_cli_json_by_hand(discovered: tuple[Path, Path]) -> None:
    truth, out = discovered
    p = run("eval", "discover", str(truth), str(out), "--format", "json")
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["schema"] == "textlineage.eval.discover" and r["schema_version"] == "1.0"
    assert r["recall"]["by_kind"] == {
        "claimed": {"relations": 1, "found": 0, "recall": 0.0},
        "partial": {"relations": 2, "found": 2, "recall": 1.0},
        "reworded": {"relations": 1, "found": 1, "recall": 1.0},
        "verbatim": {"relations": 1, "found": 1, "recall": 1.0},
    }
    assert r["recall"]["overall"] == {"relations": 5, "found": 4, "recall": 0.8}
    # 6 reported: 4 planted, harbour-digest inside the harbour lineage, bees-copy outside.
    assert r["precision"] == {
        "reported_pairs": 6,
        "true_pairs": 4,
        "precision": pytest.approx(2 / 3, abs=1e-4),
        "lineage_pairs": 5,
        "lineage_precision": pytest.approx(5 / 6, abs=1e-4),
    }
    assert r["direction"] == {
        "evaluated": 4,
        "correct": 4,
        "accuracy": 1.0,
        "found_without_source": 0,
    }
    # 11 documents. Truth: {harbour, copy, digest} {orchard, reprint} {library, reworded}
    # {chess, railway} {bees} {bees_copy}; clusters: {harbour, copy, digest}
    # {orchard, reprint} {library, reworded} {bees, bees_copy} {chess} {railway}. Pair
    # counts: cells 3+1+1 = 5, truth rows 3+1+1+1 = 6, cluster columns 3+1+1+1 = 6,
    # C(11,2) = 55: ARI = (5 - 36/55) / (6 - 36/55) = 239/294.
    c = r["clusters"]
    assert (c["documents"], c["truth_groups"], c["clusters"]) == (11, 4, 4)
    assert c["ari"] == pytest.approx(239 / 294)
    # B-cubed: bees and bees_copy score 1/2 precision, chess and railway 1/2 recall.
    assert c["bcubed"]["precision"] == pytest.approx(10 / 11)
    assert c["bcubed"]["recall"] == pytest.approx(10 / 11)
    assert c["bcubed"]["f1"] == pytest.approx(10 / 11)
    assert r["missed"] == [{"line": 7, "source": "chess", "derived": "railway", "kind": "claimed"}]


def test_cli_text_report(discovered: tuple[Path, Path]) -> None:
    truth, out = discovered
    p = run("eval", "discover", str(truth), str(out))
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split() == ["kind", "relations", "found", "recall"]
    assert lines[5].split() == ["overall", "5", "4", "0.8000"]
    assert "precision 0.6667 (4 are truth relations); lineage precision 0.8333" in p.stdout
    assert "ARI 0.8129" in p.stdout
    assert "line 7: chess -> railway, claimed" in p.stdout


def test_adjusted_rand_index_and_bcubed_by_hand() -> None:
    # truth {1,2,3,4} {5}; predicted {1,2} {3} {4,5}
    truth = ["A", "A", "A", "A", "B"]
    pred = ["x", "x", "y", "z", "z"]
    # cells: A∩x 2, A∩y 1, A∩z 1, B∩z 1 -> Σ C(n_ij,2) = 1; rows 4, 1 -> 6; columns
    # 2, 1, 2 -> 2; C(5,2) = 10; expected 6 * 2 / 10 = 1.2; max (6 + 2) / 2 = 4.
    assert adjusted_rand_index(truth, pred) == pytest.approx((1 - 1.2) / (4 - 1.2))
    assert adjusted_rand_index(pred, truth) == pytest.approx(-1 / 14)
    b = bcubed(truth, pred)
    # precision per item: 1, 1, 1, 1/2, 1/2; recall: 2/4, 2/4, 1/4, 1/4, 1.
    assert b.precision == pytest.approx(0.8) and b.recall == pytest.approx(0.5)
    assert b.f1 == pytest.approx(8 / 13)
    swapped = bcubed(pred, truth)
    assert (swapped.precision, swapped.recall) == pytest.approx((0.5, 0.8))

    # truth {1,2,3} {4,5} {6}; predicted {1,2} {3,4,5} {6}: ARI 7/22, B-cubed 7/9 both.
    t2, p2 = [1, 1, 1, 2, 2, 3], [7, 7, 8, 8, 8, 9]
    assert adjusted_rand_index(t2, p2) == pytest.approx(7 / 22)
    assert (bcubed(t2, p2).precision, bcubed(t2, p2).recall) == pytest.approx((7 / 9, 7 / 9))

    # Identical partitions, whatever the names; the degenerate all-singletons and
    # one-group cases; no items.
    assert adjusted_rand_index(t2, ["p", "p", "p", "q", "q", "r"]) == 1.0
    assert adjusted_rand_index([1, 2, 3], ["a", "b", "c"]) == 1.0
    assert adjusted_rand_index([1, 1, 1], ["a", "a", "a"]) == 1.0
    assert adjusted_rand_index([1, 1, 1], ["a", "b", "c"]) == 0.0
    assert adjusted_rand_index([], []) is None
    assert bcubed([], []).f1 is None
    with pytest.raises(ValueError):
        adjusted_rand_index([1, 2], [1])


def test_lineage_groups_whatever_the_order_and_orientation() -> None:
    pairs = [("e", "c"), ("c", "i"), ("a", "b"), ("g", "g"), ("b", "h")]
    want = {"a": 0, "b": 0, "c": 1, "e": 1, "g": 2, "h": 0, "i": 1}
    rng = random.Random(0)
    for _ in range(20):
        flipped = [(d, s) if rng.random() < 0.5 else (s, d) for s, d in pairs]
        rng.shuffle(flipped)
        truth = [TruthRelation(n, s, d, "verbatim") for n, (s, d) in enumerate(flipped, 2)]
        groups = lineage_groups(truth)
        assert groups == want
        assert list(groups) == sorted(want)
    assert lineage_groups([]) == {}


def test_score_discovery_by_hand() -> None:
    truth = [
        TruthRelation(2, "s", "d1", "verbatim"),
        TruthRelation(3, "d1", "d2", "light"),
        TruthRelation(4, "t", "u", "light"),
        TruthRelation(5, "v", "w", "summary"),
    ]
    assert lineage_groups(truth) == {"d1": 0, "d2": 0, "s": 0, "t": 1, "u": 1, "v": 2, "w": 2}
    disc = Discovery(
        pairs=(
            ReportedPair("d1", "s", "d1"),  # found, wrong direction
            ReportedPair("d2", "d1", None),  # found, no direction
            ReportedPair("u", "t", "t"),  # found, right direction
            ReportedPair("t", "u", "t"),  # the same pair again: counted once
            ReportedPair("s", "d2", "s"),  # same lineage, not a relation
            ReportedPair("s", "x", "s"),  # unrelated
        ),
        clusters=(("s", "d1", "d2", "x"), ("t", "u")),
    )
    ev = score_discovery(truth, disc)
    assert [(k.kind, k.relations, k.found) for k in ev.by_kind] == [
        ("light", 2, 2),
        ("summary", 1, 0),
        ("verbatim", 1, 1),
    ]
    assert ev.overall.recall == 0.75
    assert (ev.reported_pairs, ev.true_pairs, ev.lineage_pairs) == (5, 3, 4)
    assert ev.precision == 0.6 and ev.lineage_precision == 0.8
    assert (ev.direction_evaluated, ev.direction_correct, ev.found_without_source) == (2, 1, 1)
    assert ev.direction_accuracy == 0.5
    assert [r.line for r in ev.missed] == [5]
    # Documents s d1 d2 t u v w x: truth {s,d1,d2} {t,u} {v,w} {x}, clusters
    # {s,d1,d2,x} {t,u} {v} {w}.
    docs = ["d1", "d2", "s", "t", "u", "v", "w", "x"]
    t = [0, 0, 0, 1, 1, 2, 2, 3]
    p = [0, 0, 0, 1, 1, 2, 3, 0]
    assert ev.clusters.documents == len(docs)
    assert ev.clusters.ari == pytest.approx(adjusted_rand_index(t, p))
    assert ev.clusters.bcubed == bcubed(t, p)
    assert ev.clusters.bcubed.precision == pytest.approx((3 * 3 / 4 + 2 + 1 + 1 + 1 / 4) / 8)
    j = ev.to_dict()
    json.dumps(j)
    assert j["direction"]["accuracy"] == 0.5 and j["missed"][0]["kind"] == "summary"

    nothing = score_discovery(truth, Discovery((), ()))
    assert nothing.precision is None and nothing.direction_accuracy is None
    assert nothing.overall.recall == 0.0


def test_library_reads_the_run(discovered: tuple[Path, Path]) -> None:
    truth, out = discovered
    ev = evaluate_discover(truth, out)
    assert ev.overall.found == 4 and ev.truth_file == str(truth)
    kinds = [r.kind for r in read_truth(truth)]
    assert kinds == ["verbatim", "partial", "partial", "reworded", "claimed"]


HEADER = "source\tderived\tkind\n"


@pytest.mark.parametrize(
    "content, needle",
    [
        ("source\tderived\n", "line 1: header lacks column 'kind'"),
        ("# nothing\n", "no header line"),
        (HEADER, "no relations"),
        (HEADER + "a\ta\tverbatim\n", "line 2: 'a' is its own source"),
        (HEADER + "a\tb\tverbatim\nb\ta\tlight\n", "line 3: b and a already related on line 2"),
        (HEADER + "a\t\tverbatim\n", "line 2: no value in column 'derived'"),
    ],
)
def test_bad_truth_one_line_exit_2(
    discovered: tuple[Path, Path], tmp_path: Path, content: str, needle: str
) -> None:
    _, out = discovered
    bad = tmp_path / "truth.tsv"
    bad.write_text(content, encoding="utf-8")
    p = run("eval", "discover", str(bad), str(out))
    assert p.returncode == 2, p.stdout
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    assert f"{bad}: {needle}" in lines[0], lines[0]


def test_bad_output_dir_one_line_exit_2(discovered: tuple[Path, Path], tmp_path: Path) -> None:
    truth, out = discovered
    cases: list[tuple[Path, str]] = [(tmp_path / "none", "no such directory")]
    (tmp_path / "empty").mkdir()
    cases.append((tmp_path / "empty", "pairs.jsonl: no such file"))
    broken = tmp_path / "broken"
    broken.mkdir()
    good = (out / "pairs.jsonl").read_text(encoding="utf-8")
    (broken / "pairs.jsonl").write_text(good + "{not json\n", encoding="utf-8")
    (broken / "clusters.jsonl").write_text("", encoding="utf-8")
    cases.append((broken, f"pairs.jsonl: line {good.count(chr(10)) + 1}: not JSON"))
    for where, needle in cases:
        p = run("eval", "discover", str(truth), str(where))
        assert p.returncode == 2, p.stdout
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], p.stderr
        assert str(where) in lines[0]
    p = run("eval", "discover", str(tmp_path / "missing.tsv"), str(out))
    assert p.returncode == 2 and "missing.tsv: no such file" in p.stderr


def test_reading_clusters_checks_members(tmp_path: Path) -> None:
    (tmp_path / "pairs.jsonl").write_text('{"a": {"id": "x"}, "b": {"id": "y"}, "source": "z"}\n')
    (tmp_path / "clusters.jsonl").write_text("")
    truth = tmp_path / "t.tsv"
    truth.write_text(HEADER + "x\ty\tverbatim\n")
    with pytest.raises(InputError, match=r"pairs.jsonl: line 1: source 'z' is neither a nor b"):
        evaluate_discover(truth, tmp_path)
    (tmp_path / "pairs.jsonl").write_text('{"a": {"id": "x"}, "b": {"id": "y"}, "source": "x"}\n')
    members = '{"members": [{"ext_id": "x"}, {"ext_id": "y"}]}\n'
    (tmp_path / "clusters.jsonl").write_text(members + members)
    with pytest.raises(InputError, match=r"clusters.jsonl: line 2: document 'x' already in"):
        evaluate_discover(truth, tmp_path)
    (tmp_path / "clusters.jsonl").write_text(members)
    assert evaluate_discover(truth, tmp_path).clusters.ari == 1.0

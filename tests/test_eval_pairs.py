"""`textlineage eval pairs`: labelled document pairs scored through the real comparison."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import cli_path
from eval_texts import (
    BEES,
    CHESS,
    HARBOUR,
    HARBOUR_COPY,
    LIBRARY,
    LIBRARY_REWORDED,
    ORCHARD,
    ORCHARD_REPRINT,
    RAILWAY,
)
from textlineage import CompareConfig, SemanticConfig
from textlineage.errors import InputError
from textlineage.eval import (
    LABELS,
    PairLabel,
    PairPrediction,
    evaluate_pairs,
    read_pair_labels,
    score_pairs,
)

LEXICAL = CompareConfig(semantic=SemanticConfig(enabled=False))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=300)


def _dated(text: str, day: int) -> str:
    # A dateline: the direction evidence reads it, so the earlier text is the source.
    return f"Published {day} March 2021.\n\n{text}"


DOCS = {
    "harbour.txt": _dated(HARBOUR, 2),
    "harbour_copy.txt": _dated(HARBOUR_COPY, 5),
    "orchard.txt": _dated(ORCHARD, 2),
    "orchard_reprint.txt": _dated(ORCHARD_REPRINT, 5),
    "library.txt": _dated(LIBRARY, 2),
    "library_reworded.txt": _dated(LIBRARY_REWORDED, 5),
    "chess.txt": CHESS,
    "railway.txt": RAILWAY,
    "bees.txt": BEES,
}

# Two labels are wrong on purpose: library's source (it is a, labelled b) and bees/harbour
# (unrelated, labelled derived with no source named).
LABELS_TSV = """\
# my labelled pairs; paths are relative to this file
a\tb\tlabel\tsource\tnote
docs/harbour.txt\tdocs/harbour_copy.txt\tderived\ta\tfull copy
docs/orchard_reprint.txt\tdocs/orchard.txt\tpartially_derived\tb\tone paragraph

docs/library.txt\tdocs/library_reworded.txt\tderived\tb\twrong source on purpose
docs/chess.txt\tdocs/railway.txt\tindependent\t\tunrelated
docs/bees.txt\tdocs/harbour.txt\tDerived
docs/chess.txt\tdocs/bees.txt\tindependent
"""


@pytest.fixture()
def labelled(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text(LABELS_TSV, encoding="utf-8")
    return labels


def _check_expected(r: dict) -> None:
    """The metrics worked out by hand for LABELS_TSV and the verdicts checked first."""
    got = [(p["line"], p["predicted"], p["predicted_source"]) for p in r["pairs"]]
    assert got == [
        (3, "derived", "a"),
        (4, "partially_derived", "b"),
        (6, "derived", "a"),
        (7, "independent", None),
        (8, "independent", None),
        (9, "independent", None),
    ]
    assert r["n"] == 6 and r["correct"] == 5
    assert r["accuracy"] == pytest.approx(5 / 6)
    assert r["confusion"]["labels"] == list(LABELS)
    assert r["confusion"]["matrix"] == [[2, 0, 1], [0, 1, 0], [0, 0, 2]]
    d, pd, ind = (r["classes"][k] for k in LABELS)
    assert (d["gold"], d["predicted"], d["correct"]) == (3, 2, 2)
    assert d["precision"] == 1.0 and d["recall"] == pytest.approx(2 / 3)
    assert d["f1"] == pytest.approx(0.8)
    assert pd["precision"] == pd["recall"] == pd["f1"] == 1.0
    assert ind["precision"] == pytest.approx(2 / 3) and ind["recall"] == 1.0
    assert ind["f1"] == pytest.approx(0.8)
    assert r["reuse"] == {
        "tp": 3,
        "fp": 0,
        "fn": 1,
        "tn": 2,
        "precision": 1.0,
        "recall": 0.75,
        "f1": pytest.approx(6 / 7),
        "accuracy": pytest.approx(5 / 6),
    }
    assert r["direction"] == {
        "evaluated": 3,
        "correct": 2,
        "accuracy": pytest.approx(2 / 3),
        "no_predicted_source": 0,
        "accuracy_when_named": pytest.approx(2 / 3),
        "gold_without_source": 1,
    }


def test_cli_json_scores_real_comparisons(labelled: Path) -> None:
    p = run("eval", "pairs", str(labelled), "--format", "json", "--no-semantic", "-j", "1")
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["schema"] == "textlineage.eval.pairs" and r["schema_version"] == "1.0"
    assert r["labels_file"] == str(labelled)
    assert r["pairs"][0]["a"] == "docs/harbour.txt" and r["pairs"][0]["source"] == "a"
    assert r["pairs"][4]["label"] == "derived"  # "Derived" in the file: case-insensitive
    _check_expected(r)


def test_cli_text_report(labelled: Path) -> None:
    p = run("eval", "pairs", str(labelled), "--no-semantic", "-j", "2")
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "pairs 6, correct 5, accuracy 0.8333" in out
    assert "confusion (rows: gold, columns: predicted)" in out
    assert "tp 3, fp 0, fn 1, tn 2" in out
    assert "direction: 2 of 3 correct (0.6667)" in out
    # The two disagreements are listed with their line numbers, nothing else.
    listed = [x.strip() for x in out.split("disagreements")[1].splitlines()[1:]]
    assert listed == [
        "line 6: docs/library.txt docs/library_reworded.txt: derived source b -> derived source a",
        "line 8: docs/bees.txt docs/harbour.txt: derived -> independent",
    ]


def test_library_pool_matches_one_process(labelled: Path) -> None:
    one = evaluate_pairs(labelled, config=LEXICAL, workers=1)
    seen: list[tuple[int, int]] = []
    two = evaluate_pairs(
        labelled, config=LEXICAL, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    _check_expected(one.to_dict())
    assert one.to_dict() == two.to_dict()
    assert seen and seen[-1] == (6, 6)


def _label(line: int, label: str, source: str | None = None) -> PairLabel:
    return PairLabel(line, f"a{line}", f"b{line}", label, source, f"a{line}", f"b{line}")


def test_score_pairs_by_hand() -> None:
    """A confusion worked out on paper, including undefined (0/0) measures."""
    gold = [
        _label(1, "derived", "a"),
        _label(2, "derived", "b"),
        _label(3, "derived"),
        _label(4, "partially_derived", "a"),
        _label(5, "independent"),
        _label(6, "independent"),
    ]
    predicted = [
        PairPrediction("derived", "a"),  # right, direction right
        PairPrediction("partially_derived", None),  # reuse, no source: direction wrong
        PairPrediction("independent", None),  # missed reuse
        PairPrediction("derived", "b"),  # reuse, direction wrong
        PairPrediction("derived", "a"),  # false reuse
        PairPrediction("independent", None),  # right
    ]
    ev = score_pairs(gold, predicted)
    assert ev.confusion == ((1, 1, 1), (1, 0, 0), (1, 0, 1))
    assert ev.n == 6 and ev.correct == 2 and ev.accuracy == pytest.approx(1 / 3)
    derived, partial, independent = ev.classes
    # derived: predicted 3 times (lines 1, 4, 5), right once; labelled 3 times.
    assert derived.precision == pytest.approx(1 / 3) and derived.recall == pytest.approx(1 / 3)
    assert derived.f1 == pytest.approx(1 / 3)
    # partially_derived: predicted once (wrongly), labelled once (missed): P = R = F1 = 0.
    assert (partial.precision, partial.recall, partial.f1) == (0.0, 0.0, 0.0)
    assert independent.precision == pytest.approx(1 / 2) and independent.recall == 0.5
    # reuse: tp = lines 1, 2, 4; fp = 5; fn = 3; tn = 6.
    r = ev.reuse
    assert (r.tp, r.fp, r.fn, r.tn) == (3, 1, 1, 1)
    assert r.precision == 0.75 and r.recall == 0.75 and r.accuracy == pytest.approx(4 / 6)
    d = ev.direction
    assert (d.evaluated, d.correct, d.no_predicted_source, d.gold_without_source) == (3, 1, 1, 1)
    assert d.accuracy == pytest.approx(1 / 3) and d.accuracy_when_named == 0.5

    empty = score_pairs([_label(1, "independent")], [PairPrediction("independent", None)])
    c = {x.label: x for x in empty.classes}
    assert c["derived"].precision is None and c["derived"].recall is None
    assert c["derived"].f1 is None
    assert empty.reuse.precision is None and empty.reuse.recall is None
    assert empty.direction.accuracy is None
    j = empty.to_dict()
    assert j["classes"]["derived"]["precision"] is None and j["direction"]["accuracy"] is None
    json.dumps(j)

    with pytest.raises(ValueError):
        score_pairs(gold, predicted[:-1])


def test_read_labels_resolves_against_the_tsv_folder(labelled: Path, tmp_path: Path) -> None:
    labels = read_pair_labels(labelled)
    assert [x.line for x in labels] == [3, 4, 6, 7, 8, 9]
    assert labels[0].path_a == str(tmp_path / "docs" / "harbour.txt")
    assert labels[3].source is None and labels[1].source == "b"
    absolute = tmp_path / "elsewhere" / "abs.tsv"
    absolute.parent.mkdir()
    absolute.write_text(
        f"label\tb\ta\nindependent\t{tmp_path}/docs/bees.txt\t../docs/chess.txt\n",
        encoding="utf-8",
    )
    (x,) = read_pair_labels(absolute)
    assert Path(x.path_a).resolve() == tmp_path / "docs" / "chess.txt"
    assert x.path_b == f"{tmp_path}/docs/bees.txt"


HEADER = "a\tb\tlabel\tsource\n"


@pytest.mark.parametrize(
    "content, needle",
    [
        ("a\tb\tverdict\n", "line 1: header lacks column 'label'"),
        ("a b label\ndocs/x.txt docs/y.txt derived\n", "separated by tabs"),
        ("# only a comment\n\n", "no header line"),
        (HEADER, "no pairs"),
        (HEADER + "docs/chess.txt\tdocs/bees.txt\tcopied\n", "line 2: unknown label 'copied'"),
        (HEADER + "\n# c\ndocs/chess.txt\tdocs/bees.txt\tderived\tc\n", "line 4: unknown source"),
        (
            HEADER + "docs/chess.txt\tdocs/bees.txt\tindependent\ta\n",
            "line 2: source 'a' named for an independent pair",
        ),
        (HEADER + "docs/chess.txt\t\tderived\n", "line 2: no value in column 'b'"),
        (HEADER + "docs/chess.txt\tdocs/bees.txt\tderived\ta\tx\n", "line 2: 5 fields"),
        (
            HEADER + "docs/chess.txt\tdocs/bees.txt\tindependent\ndocs/nope.txt\tdocs/bees.txt"
            "\tindependent\n",
            "line 3: docs/nope.txt: no such file",
        ),
        (HEADER + "docs/chess.txt\tdocs/empty.txt\tindependent\n", "line 2:"),
        (HEADER + "docs/chess.txt\tdocs\tindependent\n", "directory"),
        (b"a\tb\tlabel\n\xff\xfe\x00bad", "not utf-8"),
    ],
)
def test_bad_input_one_line_exit_2(
    labelled: Path, content: str | bytes, needle: str, tmp_path: Path
) -> None:
    (tmp_path / "docs" / "empty.txt").write_text("  \n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    p = run("eval", "pairs", str(bad), "--no-semantic", "-j", "1")
    assert p.returncode == 2, p.stdout
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert str(bad) in lines[0] and needle.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in p.stderr
    if "empty.txt" in str(content):
        assert "empty" in lines[0].split("line 2:")[1]


def test_missing_labels_file_and_pool_errors(tmp_path: Path, labelled: Path) -> None:
    p = run("eval", "pairs", str(tmp_path / "none.tsv"))
    assert p.returncode == 2 and p.stderr.count("\n") == 1
    assert f"{tmp_path / 'none.tsv'}: no such file" in p.stderr
    # An unreadable document is reported with its line from a worker process too.
    (tmp_path / "docs" / "bin.txt").write_bytes(bytes(range(256)) * 8)
    labels = tmp_path / "pool.tsv"
    rows = "".join("docs/chess.txt\tdocs/bees.txt\tindependent\n" for _ in range(5))
    labels.write_text(HEADER + rows + "docs/bin.txt\tdocs/bees.txt\tindependent\n")
    with pytest.raises(InputError) as exc:
        evaluate_pairs(labels, config=LEXICAL, workers=2)
    assert str(exc.value).startswith(f"{labels}: line 7: ") and "binary" in str(exc.value)

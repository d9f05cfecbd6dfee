"""Tests for the PAN runner and the PAN measures (textlineage.eval.pan)."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlineage.errors import InputError
from textlineage.eval.pan import (
    Detection,
    Detector,
    EvalRow,
    Evaluation,
    evaluate_pan,
    format_table,
    pair_xml_name,
    read_cases,
    read_pairs,
    read_text,
    run_pan,
    score,
    write_detections,
)

PAN13 = Path(__file__).resolve().parents[2] / "shared" / "data" / "pan13-train"

K = 50  # minimum shared substring length of the test detector


# --- test detectors (module level so that worker processes can unpickle them) -----------


def shared_substring_detector(susp: str, src: str) -> list[Detection]:
    """Brute force: maximal exact matches of at least K characters, left to right."""
    out: list[Detection] = []
    i = 0
    while i + K <= len(susp):
        j = src.find(susp[i : i + K])
        if j < 0:
            i += 1
            continue
        n = K
        while i + n < len(susp) and j + n < len(src) and susp[i + n] == src[j + n]:
            n += 1
        out.append((i, i + n, j, j + n))
        i += n
    return out


def failing_detector(susp: str, src: str) -> list[Detection]:
    raise ValueError("boom")


def out_of_range_detector(susp: str, src: str) -> list[Detection]:
    return [(0, len(susp) + 1, 0, 1)]


# --- synthetic corpus ---------------------------------------------------------------------


def _filler(rng: random.Random, letters: str, n: int) -> str:
    words = []
    size = 0
    while size < n:
        w = "".join(rng.choice(letters) for _ in range(rng.randint(2, 8)))
        words.append(w)
        size += len(w) + 1
    return " ".join(words)[:n]


def _truth_xml(susp: str, src: str, cases: Sequence[Detection]) -> str:
    lines = [f'<document reference="{susp}">']
    lines.append('<feature name="about" authors="x" title="y" lang="en" />')
    for s0, s1, r0, r1 in cases:
        lines.append(
            f'<feature name="plagiarism" obfuscation="none" source_length="{r1 - r0}" '
            f'source_offset="{r0}" source_reference="{src}" this_length="{s1 - s0}" '
            f'this_offset="{s0}" type="artificial" />'
        )
    lines.append('<feature name="md5" value="0123" />')
    lines.append("</document>")
    return "\n".join(lines) + "\n"


def _write_subcorpus(root: Path, name: str, truth: dict[tuple[str, str], list[Detection]]) -> None:
    sub = root / name
    sub.mkdir(parents=True)
    (sub / "pairs").write_text("".join(f"{a} {b}\n" for a, b in truth), encoding="utf-8")
    for (a, b), cases in truth.items():
        (sub / pair_xml_name(a, b)).write_text(_truth_xml(a, b, cases), encoding="utf-8")


def _write_doc(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Two sub-corpora: 01 (3 pairs, no cases) and 02 (4 pairs, verbatim cases).

    Suspicious filler uses letters a–m, source filler n–z, reused passages are upper
    case and digits, so exact matches of K characters are exactly the cases. Texts mix
    "\\r\\n" and non-ASCII characters to exercise offset handling.
    """
    rng = random.Random(7)
    root = tmp_path / "corpus"
    (root / "susp").mkdir(parents=True)
    (root / "src").mkdir()
    truth01: dict[tuple[str, str], list[Detection]] = {}
    truth02: dict[tuple[str, str], list[Detection]] = {}
    all_pairs = []
    for k in range(7):
        susp_name = f"suspicious-document{k:05d}.txt"
        src_name = f"source-document{k:05d}.txt"
        susp = _filler(rng, "abcdefghijklm\r\né", 400)
        src = _filler(rng, "nopqrstuvwxyzß", 500)
        cases: list[Detection] = []
        if k >= 3:
            n_cases = 1 if k < 6 else 2
            for c in range(n_cases):
                passage = _filler(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789Ü", 120 + 30 * c)
                s0 = 50 + c * 250
                r0 = 30 + c * 300
                # boundary characters differ, so matches cannot extend past a case
                susp = susp[: s0 - 1] + "a" + passage + "a" + susp[s0 - 1 :]
                src = src[: r0 - 1] + "n" + passage + "n" + src[r0 - 1 :]
                cases.append((s0, s0 + len(passage), r0, r0 + len(passage)))
            truth02[(susp_name, src_name)] = cases
        else:
            truth01[(susp_name, src_name)] = []
        _write_doc(root / "susp" / susp_name, susp)
        _write_doc(root / "src" / src_name, src)
        all_pairs.append((susp_name, src_name))
    _write_subcorpus(root, "01-no-plagiarism", truth01)
    _write_subcorpus(root, "02-no-obfuscation", truth02)
    (root / "pairs").write_text("".join(f"{a} {b}\n" for a, b in all_pairs), encoding="utf-8")
    return root


def _truth(root: Path) -> dict[tuple[str, str], list[Detection]]:
    out = {}
    for sub in sorted(root.glob("0*")):
        for a, b in read_pairs(sub / "pairs"):
            out[(a, b)] = read_cases(sub / pair_xml_name(a, b), source=b)
    return out


def _write_all(out: Path, dets: dict[tuple[str, str], list[Detection]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for (a, b), d in dets.items():
        write_detections(out / pair_xml_name(a, b), a, b, d)


def _row(ev: Evaluation, name: str) -> EvalRow:
    return next(r for r in ev.rows if r.name == name)


# --- file formats -------------------------------------------------------------------------


def test_read_pairs(tmp_path: Path) -> None:
    p = tmp_path / "pairs"
    p.write_text("a.txt b.txt\n\nc.txt  d.txt\n", encoding="utf-8")
    assert read_pairs(p) == [("a.txt", "b.txt"), ("c.txt", "d.txt")]
    p.write_text("a.txt b.txt c.txt\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_pairs(p)
    with pytest.raises(InputError):
        read_pairs(tmp_path / "nope")


def test_pair_xml_name() -> None:
    assert (
        pair_xml_name("suspicious-document00005.txt", "source-document01090.txt")
        == "suspicious-document00005-source-document01090.xml"
    )


def test_xml_round_trip_and_format(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    dets = [(10, 25, 3, 9), (40, 41, 100, 150)]
    write_detections(path, "suspicious-document00001.txt", "source-document00002.txt", dets)
    text = path.read_text(encoding="utf-8")
    assert text == (
        '<document reference="suspicious-document00001.txt">\n'
        '<feature name="detected-plagiarism" this_offset="10" this_length="15" '
        'source_reference="source-document00002.txt" source_offset="3" source_length="6" />\n'
        '<feature name="detected-plagiarism" this_offset="40" this_length="1" '
        'source_reference="source-document00002.txt" source_offset="100" source_length="50" />\n'
        "</document>\n"
    )
    assert read_cases(path, "detected-plagiarism") == dets
    # ground-truth features are not detections and vice versa
    assert read_cases(path, "plagiarism") == []


def test_xml_empty_and_escaping(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    write_detections(path, 'a&b<"c>.txt', "s&t.txt", [])
    text = path.read_text(encoding="utf-8")
    assert text == '<document reference="a&amp;b&lt;&quot;c&gt;.txt">\n</document>\n'
    write_detections(path, "a.txt", 's&"t.txt', [(0, 1, 2, 3)])
    assert read_cases(path, "detected-plagiarism", source='s&"t.txt') == [(0, 1, 2, 3)]
    # a feature naming another source document is ignored
    assert read_cases(path, "detected-plagiarism", source="other.txt") == []


def test_read_cases_ignores_other_features(tmp_path: Path) -> None:
    path = tmp_path / "t.xml"
    path.write_text(_truth_xml("s.txt", "r.txt", [(5, 15, 7, 27)]), encoding="utf-8")
    assert read_cases(path) == [(5, 15, 7, 27)]


def test_read_text_keeps_crlf(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_bytes("a\r\nb\rc é".encode())
    assert read_text(p) == "a\r\nb\rc é"


# --- measures -----------------------------------------------------------------------------

P = ("s.txt", "r.txt")


def test_perfect_detection() -> None:
    cases = {P: [(0, 100, 200, 300), (500, 520, 0, 30)]}
    sc = score(cases, cases)
    assert (sc.precision, sc.recall, sc.granularity, sc.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_case_detected_in_two_halves() -> None:
    cases = {P: [(0, 100, 200, 300)]}
    dets = {P: [(0, 50, 200, 250), (50, 100, 250, 300)]}
    sc = score(cases, dets)
    assert sc.precision == 1.0
    assert sc.recall == 1.0
    assert sc.granularity == 2.0
    assert sc.plagdet == 1 / math.log2(3)


def test_overlap_on_one_side_only_does_not_count() -> None:
    cases = {P: [(0, 100, 200, 300)]}
    dets = {P: [(0, 100, 400, 500)]}  # right suspicious span, wrong source span
    sc = score(cases, dets)
    assert sc.precision == 0.0
    assert sc.recall == 0.0
    assert sc.granularity == 1.0
    assert sc.plagdet == 0.0
    assert sc.false_positives == 1


def test_half_length_detection() -> None:
    cases = {P: [(0, 100, 200, 300)]}
    dets = {P: [(0, 50, 200, 250)]}
    sc = score(cases, dets)
    assert sc.precision == 1.0
    assert sc.recall == 0.5
    assert sc.granularity == 1.0
    assert sc.plagdet == pytest.approx(2 * 0.5 / 1.5)


def test_detection_twice_too_long() -> None:
    cases = {P: [(0, 100, 200, 300)]}
    dets = {P: [(0, 200, 200, 400)]}
    sc = score(cases, dets)
    assert sc.precision == 0.5
    assert sc.recall == 1.0


def test_pairs_do_not_interact() -> None:
    q = ("s.txt", "other.txt")
    cases = {P: [(0, 100, 0, 100)], q: []}
    dets = {q: [(0, 100, 0, 100)]}
    sc = score(cases, dets)
    assert sc.precision == 0.0 and sc.recall == 0.0 and sc.false_positives == 1


def test_no_detections_and_no_cases_conventions() -> None:
    sc = score({P: [(0, 10, 0, 10)]}, {})
    assert (sc.precision, sc.recall, sc.granularity, sc.plagdet) == (0.0, 0.0, 1.0, 0.0)
    sc = score({P: []}, {})
    assert (sc.precision, sc.recall, sc.plagdet) == (1.0, None, None)
    sc = score({P: []}, {P: [(0, 10, 0, 10)]})
    assert (sc.precision, sc.recall, sc.plagdet, sc.false_positives) == (0.0, None, None, 1)


def _naive(cases: list[Detection], dets: list[Detection]) -> tuple[float, float, float]:
    """Set-of-characters reference implementation for a single pair."""

    def chars(x: Detection) -> set[tuple[str, int]]:
        return {("s", i) for i in range(x[0], x[1])} | {("r", i) for i in range(x[2], x[3])}

    def detects(r: Detection, s: Detection) -> bool:
        return max(r[0], s[0]) < min(r[1], s[1]) and max(r[2], s[2]) < min(r[3], s[3])

    prec = (
        sum(
            len(set().union(*[chars(s) & chars(r) for s in cases if detects(r, s)])) / len(chars(r))
            for r in dets
        )
        / len(dets)
        if dets
        else 0.0
    )
    rec = sum(
        len(set().union(*[chars(s) & chars(r) for r in dets if detects(r, s)])) / len(chars(s))
        for s in cases
    ) / len(cases)
    hit = [sum(detects(r, s) for r in dets) for s in cases]
    hit = [h for h in hit if h]
    gran = sum(hit) / len(hit) if hit else 1.0
    return prec, rec, gran


def _span(draw: st.DrawFn) -> Detection:
    s0 = draw(st.integers(0, 60))
    r0 = draw(st.integers(0, 60))
    return (s0, s0 + draw(st.integers(1, 30)), r0, r0 + draw(st.integers(1, 30)))


spans = st.composite(_span)


@settings(max_examples=200, deadline=None)
@given(st.lists(spans(), min_size=1, max_size=4), st.lists(spans(), max_size=5))
def test_measures_match_set_definition(cases: list[Detection], dets: list[Detection]) -> None:
    sc = score({P: cases}, {P: dets})
    prec, rec, gran = _naive(cases, dets)
    assert sc.precision == pytest.approx(prec)
    assert sc.recall == pytest.approx(rec)
    assert sc.granularity == pytest.approx(gran)
    assert 0.0 <= sc.precision <= 1.0
    assert sc.recall is not None and 0.0 <= sc.recall <= 1.0


# --- evaluate_pan on a synthetic corpus ---------------------------------------------------


def test_evaluate_perfect(corpus: Path, tmp_path: Path) -> None:
    truth = _truth(corpus)
    _write_all(tmp_path / "det", truth)
    ev = evaluate_pan(corpus, tmp_path / "det")
    assert [r.name for r in ev.rows] == ["01-no-plagiarism", "02-no-obfuscation"]
    r02 = _row(ev, "02-no-obfuscation")
    assert (r02.pairs, r02.cases, r02.detections) == (4, 5, 5)
    assert (r02.precision, r02.recall, r02.granularity, r02.plagdet) == (1.0, 1.0, 1.0, 1.0)
    r01 = _row(ev, "01-no-plagiarism")
    assert (r01.pairs, r01.cases, r01.detections) == (3, 0, 0)
    assert (r01.precision, r01.recall, r01.plagdet) == (1.0, None, None)
    assert ev.overall.plagdet == 1.0 and ev.overall.pairs == 7
    assert ev.missing_detection_files == 0
    # a single sub-corpus directory can be evaluated on its own
    ev2 = evaluate_pan(corpus / "02-no-obfuscation", tmp_path / "det")
    assert [r.name for r in ev2.rows] == ["02-no-obfuscation"]
    assert ev2.overall.plagdet == 1.0


def test_evaluate_granularity_and_missing_files(corpus: Path, tmp_path: Path) -> None:
    truth = {k: v for k, v in _truth(corpus).items() if v}
    split = {}
    for pair, cases in truth.items():
        dets = []
        for s0, s1, r0, r1 in cases:
            sm, rm = (s0 + s1) // 2, (r0 + r1) // 2
            dets += [(s0, sm, r0, rm), (sm, s1, rm, r1)]
        split[pair] = dets
    _write_all(tmp_path / "det", split)  # no files at all for the 01 pairs
    ev = evaluate_pan(corpus, tmp_path / "det")
    r02 = _row(ev, "02-no-obfuscation")
    assert (r02.precision, r02.recall, r02.granularity) == (1.0, 1.0, 2.0)
    assert r02.plagdet == 1 / math.log2(3)
    assert ev.missing_detection_files == 3


def test_false_positive_in_no_plagiarism_lowers_overall_precision(
    corpus: Path, tmp_path: Path
) -> None:
    truth = _truth(corpus)
    dets = dict(truth)
    fp_pair = next(k for k, v in truth.items() if not v)
    dets[fp_pair] = [(0, 10, 0, 10)]
    _write_all(tmp_path / "det", dets)
    ev = evaluate_pan(corpus, tmp_path / "det")
    r01 = _row(ev, "01-no-plagiarism")
    assert (r01.detections, r01.false_positives, r01.precision) == (1, 1, 0.0)
    assert r01.recall is None and r01.plagdet is None
    r02 = _row(ev, "02-no-obfuscation")
    assert r02.plagdet == 1.0
    assert ev.overall.precision == 5 / 6
    assert ev.overall.recall == 1.0
    assert ev.overall.plagdet == pytest.approx(2 * (5 / 6) / (5 / 6 + 1))
    table = format_table(ev)
    assert "n/a" in table and "overall" in table and "0.8333" in table
    data = json.loads(json.dumps(ev.to_json()))
    assert data["overall"]["precision"] == 5 / 6
    assert data["subcorpora"][0]["recall"] is None


def test_evaluate_pairs_filter_and_subdirs(corpus: Path, tmp_path: Path) -> None:
    truth = _truth(corpus)
    chosen = [k for k, v in truth.items() if v][:2]
    det = tmp_path / "det" / "02-no-obfuscation"  # per-sub-corpus layout
    _write_all(det, {k: truth[k] for k in chosen})
    ev = evaluate_pan(corpus, tmp_path / "det", pairs=chosen)
    assert [r.name for r in ev.rows] == ["02-no-obfuscation"]
    assert ev.overall.pairs == 2 and ev.overall.plagdet == 1.0


def test_evaluate_rejects_non_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate_pan(tmp_path, tmp_path)


# --- run_pan ------------------------------------------------------------------------------


def test_run_pan_with_workers(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[tuple[int, int]] = []
    summary = run_pan(
        corpus / "pairs",
        corpus / "susp",
        corpus / "src",
        out,
        detector=shared_substring_detector,
        workers=2,
        chunk_size=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert summary.pairs == 7
    assert summary.detections == 5
    assert summary.seconds > 0 and summary.pairs_per_second > 0
    assert len(list(out.glob("*.xml"))) == 7
    assert seen[-1] == (7, 7) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    empty = out / pair_xml_name("suspicious-document00000.txt", "source-document00000.txt")
    assert empty.read_text(encoding="utf-8") == (
        '<document reference="suspicious-document00000.txt">\n</document>\n'
    )
    ev = evaluate_pan(corpus, out)
    assert ev.overall.precision == 1.0
    assert ev.overall.recall == 1.0
    assert ev.overall.plagdet == 1.0
    assert _row(ev, "01-no-plagiarism").false_positives == 0


def test_run_pan_in_process_matches(corpus: Path, tmp_path: Path) -> None:
    run_pan(
        corpus / "pairs",
        corpus / "susp",
        corpus / "src",
        tmp_path / "a",
        detector=shared_substring_detector,
        workers=1,
    )
    run_pan(
        corpus / "pairs",
        corpus / "susp",
        corpus / "src",
        tmp_path / "b",
        detector=shared_substring_detector,
        workers=3,
        chunk_size=1,
    )
    for f in sorted((tmp_path / "a").glob("*.xml")):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_run_pan_errors(corpus: Path, tmp_path: Path, workers: int) -> None:
    def run(detector: Detector, src_dir: Path) -> None:
        run_pan(
            corpus / "pairs",
            corpus / "susp",
            src_dir,
            tmp_path / "o",
            detector=detector,
            workers=workers,
            chunk_size=1,
        )

    with pytest.raises(RuntimeError, match="boom"):
        run(failing_detector, corpus / "src")
    with pytest.raises(ValueError, match="outside"):
        run(out_of_range_detector, corpus / "src")
    with pytest.raises(InputError, match="nowhere"):
        run(shared_substring_detector, tmp_path / "nowhere")


# --- real PAN 2013 ground truth -----------------------------------------------------------


def test_real_ground_truth_round_trip(tmp_path: Path) -> None:
    sub = PAN13 / "02-no-obfuscation"
    if not (sub / "pairs").is_file():
        pytest.skip(f"PAN 2013 training corpus not found at {PAN13}")
    pairs = read_pairs(sub / "pairs")[:20]
    truth = {}
    for susp, src in pairs:
        cases = read_cases(sub / pair_xml_name(susp, src), source=src)
        truth[(susp, src)] = cases
        susp_text = read_text(PAN13 / "susp" / susp)
        src_text = read_text(PAN13 / "src" / src)
        for s0, s1, r0, r1 in cases:
            # verbatim cases: the passages agree up to whitespace
            assert s1 <= len(susp_text) and r1 <= len(src_text)
            assert susp_text[s0:s1].split() == src_text[r0:r1].split()
    assert sum(len(c) for c in truth.values()) >= 20
    _write_all(tmp_path / "det", truth)
    ev = evaluate_pan(sub, tmp_path / "det", pairs=pairs)
    assert ev.overall.pairs == 20
    assert ev.overall.plagdet == 1.0
    assert ev.overall.precision == 1.0 and ev.overall.recall == 1.0
    assert ev.overall.granularity == 1.0

"""A PAN text-alignment corpus on disk: read it, run an aligner over it, score the run.

A PAN text-alignment corpus (PAN 2012–2015 layout) holds suspicious documents, source
documents and, per sub-corpus, a ``pairs`` file (one ``suspicious-documentXXXXX.txt
source-documentYYYYY.txt`` line per pair) plus one ground-truth XML per pair named
``suspicious-documentXXXXX-source-documentYYYYY.xml``. Each plagiarism case is a
``<feature name="plagiarism" this_offset=… this_length=… source_reference=…
source_offset=… source_length=…/>`` element; offsets are Python ``str`` indices into the
UTF-8 text read without newline translation.

:func:`run_pan` runs a :data:`Detector` on every pair (in worker processes) and writes
one detection XML per pair in PAN's output format. :func:`evaluate_pan` reads those files
and the ground truth and scores them with the measures of :mod:`.pan_score` (macro
precision and recall, granularity and plagdet), whose names are re-exported here.
"""

from __future__ import annotations

import logging
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engines.pool import process_pool
from ..errors import InputError
from ..outputs import ensure_dir, write_text
from .pan_score import (
    Detection,
    EvalRow,
    Evaluation,
    Pair,
    Scores,
    format_table,
    score,
)

__all__ = [
    "Detection",
    "Detector",
    "EvalRow",
    "Evaluation",
    "RunSummary",
    "Scores",
    "evaluate_pan",
    "format_table",
    "pair_xml_name",
    "read_cases",
    "read_pairs",
    "read_text",
    "run_pan",
    "score",
    "write_detections",
]

logger = logging.getLogger(__name__)

Detector = Callable[[str, str], Sequence[Detection]]
"""Takes ``(suspicious_text, source_text)`` and returns the detected passages."""

GROUND_TRUTH_FEATURE = "plagiarism"
DETECTION_FEATURE = "detected-plagiarism"


# ---------------------------------------------------------------------------------------
# Corpus files


def read_pairs(path: str | os.PathLike[str]) -> list[Pair]:
    """Read a PAN ``pairs`` file: one ``suspicious.txt source.txt`` line per pair.

    Blank lines are skipped; any other line that does not hold exactly two names raises
    :class:`~textlineage.errors.InputError`.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(p), f"cannot read pairs file ({exc.strerror or exc})") from exc
    pairs: list[Pair] = []
    for lineno, line in enumerate(lines, 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 2:
            raise InputError(str(p), f"line {lineno}: expected two file names, got {line!r}")
        pairs.append((fields[0], fields[1]))
    return pairs


def pair_xml_name(susp: str, src: str) -> str:
    """``suspicious-documentXXXXX-source-documentYYYYY.xml`` for a pair of file names."""
    return f"{_stem(susp)}-{_stem(src)}.xml"


def _stem(name: str) -> str:
    base = Path(name).name
    return base[:-4] if base.endswith(".txt") else Path(base).stem


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a corpus document as PAN offsets expect: UTF-8, no newline translation."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read document ({exc})") from exc


def read_cases(
    path: str | os.PathLike[str],
    feature: str = GROUND_TRUTH_FEATURE,
    source: str | None = None,
) -> list[Detection]:
    """Read the ``<feature name=feature …/>`` elements of a PAN XML file as detections.

    Other features (``about``, ``md5`` …) are ignored. When ``source`` is given, features
    whose ``source_reference`` names another document are ignored (with a warning); a
    feature without ``source_reference`` is taken to refer to the pair's source.
    """
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(str(p), f"cannot parse XML ({exc})") from exc
    out: list[Detection] = []
    for el in root.iter("feature"):
        if el.get("name") != feature:
            continue
        ref = el.get("source_reference")
        if source is not None and ref is not None and ref != source:
            logger.warning("%s: feature refers to %s, not %s; ignored", p, ref, source)
            continue
        try:
            t_off = int(el.get("this_offset", ""))
            t_len = int(el.get("this_length", ""))
            s_off = int(el.get("source_offset", ""))
            s_len = int(el.get("source_length", ""))
        except ValueError as exc:
            raise InputError(str(p), f"bad offset/length in {feature!r} feature") from exc
        if min(t_off, t_len, s_off, s_len) < 0:
            raise InputError(str(p), f"negative offset/length in {feature!r} feature")
        out.append((t_off, t_off + t_len, s_off, s_off + s_len))
    return out


def write_detections(
    path: str | os.PathLike[str],
    susp: str,
    src: str,
    detections: Iterable[Detection],
) -> None:
    """Write detections for one pair in PAN's output format (one feature per line).

    ``<document reference="susp">`` holds one ``<feature name="detected-plagiarism"
    this_offset this_length source_reference source_offset source_length/>`` per
    detection; with no detections the document element is empty.
    """
    root = ET.Element("document", {"reference": susp})
    root.text = "\n"
    for s0, s1, r0, r1 in detections:
        el = ET.SubElement(
            root,
            "feature",
            {
                "name": DETECTION_FEATURE,
                "this_offset": str(s0),
                "this_length": str(s1 - s0),
                "source_reference": src,
                "source_offset": str(r0),
                "source_length": str(r1 - r0),
            },
        )
        el.tail = "\n"
    data = ET.tostring(root, encoding="unicode") + "\n"
    write_text(path, data)


# ---------------------------------------------------------------------------------------
# Running a detector


@dataclass(frozen=True)
class RunSummary:
    """What :func:`run_pan` did."""

    pairs: int
    detections: int
    seconds: float
    pairs_per_second: float

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "detections": self.detections,
            "seconds": round(self.seconds, 3),
            "pairs_per_second": round(self.pairs_per_second, 3),
        }


def _resolve_detector(detector: Detector | None) -> Detector:
    if detector is not None:
        return detector
    # Imported here, in the worker: the aligner pulls in more than scoring needs.
    from ..compare import detect_reuse

    return detect_reuse


def _clean(raw: Sequence[Detection], n_susp: int, n_src: int, where: str) -> list[Detection]:
    """Check a detector's output; drop detections that are empty on both sides."""
    out: list[Detection] = []
    for det in raw:
        s0, s1, r0, r1 = (int(v) for v in det)
        if not (0 <= s0 <= s1 <= n_susp and 0 <= r0 <= r1 <= n_src):
            raise ValueError(
                f"{where}: detection {det!r} outside the documents "
                f"(suspicious has {n_susp} chars, source {n_src})"
            )
        if s0 == s1 and r0 == r1:
            continue
        out.append((s0, s1, r0, r1))
    return out


def _run_chunk(
    chunk: Sequence[Pair],
    susp_dir: str,
    src_dir: str,
    out_dir: str,
    detector: Detector | None,
) -> tuple[int, int]:
    """Run the detector on each pair of ``chunk`` and write its XML.

    Returns ``(pairs done, detections written)``; texts never cross process boundaries.
    """
    fn = _resolve_detector(detector)
    n_det = 0
    for susp, src in chunk:
        susp_text = read_text(os.path.join(susp_dir, susp))
        src_text = read_text(os.path.join(src_dir, src))
        where = f"{susp} {src}"
        try:
            raw = fn(susp_text, src_text)
        except Exception as exc:
            raise RuntimeError(f"detector failed on pair {where}: {exc!r}") from exc
        dets = sorted(_clean(raw, len(susp_text), len(src_text), where))
        write_detections(os.path.join(out_dir, pair_xml_name(susp, src)), susp, src, dets)
        n_det += len(dets)
    return len(chunk), n_det


def _run_chunk_in_worker(
    chunk: Sequence[Pair],
    susp_dir: str,
    src_dir: str,
    out_dir: str,
    detector: Detector | None,
) -> tuple[int, int, tuple[str, str] | None]:
    """:func:`_run_chunk` in a worker process; an :class:`InputError` is returned as
    ``(source, problem)`` so that the parent can raise it again (its constructor's
    signature keeps it from being pickled)."""
    try:
        n, d = _run_chunk(chunk, susp_dir, src_dir, out_dir, detector)
    except InputError as exc:
        return 0, 0, (exc.source, exc.problem)
    return n, d, None


def run_pan(
    pairs_file: str | os.PathLike[str],
    susp_dir: str | os.PathLike[str],
    src_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    detector: Detector | None = None,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
    chunk_size: int | None = None,
    start_method: str | None = None,
) -> RunSummary:
    """Run ``detector`` on every pair of ``pairs_file`` and write PAN detection XMLs.

    Pairs are processed in chunks by the local engine's process pool
    of ``workers`` processes (``workers=1`` runs in this process). Workers read the texts
    themselves and write ``out_dir/suspicious-…-source-….xml`` (see
    :func:`write_detections`); ``out_dir`` is created if needed. ``detector`` must be
    picklable (a module-level function); ``None`` means
    ``textlineage.compare.detect_reuse``, imported lazily in each worker.
    ``progress(done, total)`` is called in this process as chunks complete.
    ``chunk_size`` defaults to a size giving each worker about eight chunks (at most 32
    pairs each); ``start_method`` picks the multiprocessing context (default: the
    platform's).

    Detections must lie inside the documents (``ValueError`` otherwise); detections empty
    on both sides are dropped. An exception in the detector aborts the run.
    """
    pairs = read_pairs(pairs_file)
    total = len(pairs)
    out = Path(out_dir)
    ensure_dir(out)
    workers = max(1, int(workers))
    if chunk_size is None:
        chunk_size = min(32, total // (workers * 8))
    chunk_size = max(1, chunk_size)
    chunks = [pairs[i : i + chunk_size] for i in range(0, total, chunk_size)]
    args = (os.fspath(susp_dir), os.fspath(src_dir), os.fspath(out))
    logger.info("PAN run: %d pairs, %d chunks, %d worker(s)", total, len(chunks), workers)

    started = time.perf_counter()
    done = 0
    n_det = 0
    if workers == 1 or len(chunks) <= 1:
        for chunk in chunks:
            n, d = _run_chunk(chunk, *args, detector)
            done += n
            n_det += d
            if progress is not None:
                progress(done, total)
    else:
        with process_pool(workers, start_method=start_method) as pool:
            futures: list[Future[tuple[int, int, tuple[str, str] | None]]] = [
                pool.submit(_run_chunk_in_worker, chunk, *args, detector) for chunk in chunks
            ]
            try:
                for fut in as_completed(futures):
                    n, d, error = fut.result()
                    if error is not None:
                        raise InputError(*error)
                    done += n
                    n_det += d
                    if progress is not None:
                        progress(done, total)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    seconds = time.perf_counter() - started
    rate = total / seconds if seconds > 0 else 0.0
    logger.info("PAN run: %d pairs, %d detections in %.1f s", total, n_det, seconds)
    return RunSummary(pairs=total, detections=n_det, seconds=seconds, pairs_per_second=rate)


# ---------------------------------------------------------------------------------------
# Evaluating a run


def _is_subcorpus(path: Path) -> bool:
    return (path / "pairs").is_file() and any(path.glob("*.xml"))


def _subcorpora(corpus_dir: Path) -> list[Path]:
    subs = sorted(p for p in corpus_dir.iterdir() if p.is_dir() and _is_subcorpus(p))
    if subs:
        return subs
    if _is_subcorpus(corpus_dir):
        return [corpus_dir]
    raise InputError(
        str(corpus_dir), "no PAN sub-corpus here (a directory with a pairs file and XMLs)"
    )


def evaluate_pan(
    corpus_dir: str | os.PathLike[str],
    detections_dir: str | os.PathLike[str],
    *,
    pairs: Iterable[Pair] | None = None,
) -> Evaluation:
    """Score the detection XMLs in ``detections_dir`` against a PAN corpus's ground truth.

    ``corpus_dir`` is either a corpus whose sub-directories (``01-no-plagiarism`` …) each
    hold a ``pairs`` file and one ground-truth XML per pair, or one such sub-corpus. For
    each pair the detection file of the same name is looked up in
    ``detections_dir/<sub-corpus name>/`` if that directory exists, else directly in
    ``detections_dir``; a missing file means no detections. Only ``detected-plagiarism``
    features are read from detection files. With ``pairs`` given, only those pairs are
    scored and sub-corpora left without pairs are omitted.

    Measures are computed per sub-corpus and pooled over all of them (``overall``), so
    false positives in a sub-corpus without cases lower the overall precision; see
    :func:`score` for the definitions and conventions (no cases: recall and plagdet
    ``None``, precision 1.0 without detections, else 0.0, the detections being counted
    as false positives).
    """
    corpus = Path(corpus_dir)
    det_root = Path(detections_dir)
    wanted = set(pairs) if pairs is not None else None
    rows: list[EvalRow] = []
    overall = Scores()
    missing = 0
    for sub in _subcorpora(corpus):
        sub_pairs = read_pairs(sub / "pairs")
        if wanted is not None:
            sub_pairs = [p for p in sub_pairs if p in wanted]
            if not sub_pairs:
                continue
        det_dir = det_root / sub.name if (det_root / sub.name).is_dir() else det_root
        truth: dict[Pair, list[Detection]] = {}
        found: dict[Pair, list[Detection]] = {}
        for susp, src in sub_pairs:
            name = pair_xml_name(susp, src)
            truth_file = sub / name
            if not truth_file.is_file():
                raise InputError(str(truth_file), "ground-truth file missing")
            truth[(susp, src)] = read_cases(truth_file, GROUND_TRUTH_FEATURE, source=src)
            det_file = det_dir / name
            if det_file.is_file():
                found[(susp, src)] = read_cases(det_file, DETECTION_FEATURE, source=src)
            else:
                missing += 1
        sc = score(truth, found)
        overall.add(sc)
        rows.append(EvalRow.from_scores(sub.name, sc))
        logger.info(
            "%s: %d pairs, %d cases, %d detections", sub.name, sc.pairs, sc.cases, sc.detections
        )
    if missing:
        logger.info("%d pair(s) without a detection file (counted as no detections)", missing)
    return Evaluation(
        rows=rows,
        overall=EvalRow.from_scores("overall", overall),
        missing_detection_files=missing,
        meta={"corpus": str(corpus), "detections": str(det_root)},
    )

"""The PAN text-alignment measures: precision, recall, granularity and plagdet.

The character-level measures of Potthast, Stein, Barrón-Cedeño and Rosso (2010), "An
Evaluation Framework for Plagiarism Detection", over detections and ground-truth cases
given as character ranges (:data:`Detection`), and the tables that report them. Pure: no
files are read here (:mod:`.pan` reads a corpus and its detections and calls
:func:`score`). See :func:`score` for the exact definitions and the conventions chosen for
degenerate cases.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Detection",
    "EvalRow",
    "Evaluation",
    "Pair",
    "Scores",
    "format_table",
    "score",
]

Detection = tuple[int, int, int, int]
"""``(susp_start, susp_end, src_start, src_end)``: half-open character ranges."""

Pair = tuple[str, str]
"""``(suspicious file name, source file name)`` as listed in a ``pairs`` file."""

Interval = tuple[int, int]


# ---------------------------------------------------------------------------------------
# Measures


def _merged_length(intervals: list[Interval]) -> int:
    """Number of positions covered by a list of half-open intervals."""
    if not intervals:
        return 0
    intervals.sort()
    total = 0
    cur_s, cur_e = intervals[0]
    for s, e in intervals[1:]:
        if s > cur_e:
            total += cur_e - cur_s
            cur_s, cur_e = s, e
        elif e > cur_e:
            cur_e = e
    return total + cur_e - cur_s


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _detects(r: Detection, s: Detection) -> bool:
    return _overlaps(r[0], r[1], s[0], s[1]) and _overlaps(r[2], r[3], s[2], s[3])


@dataclass
class Scores:
    """Additive tallies of the PAN measures over a set of pairs, and the measures.

    ``precision_sum`` is Σ_r |⋃_s (s ⊓ r)| / |r| over the detections, ``recall_sum``
    the same over cases, ``granularity_sum`` Σ_{s ∈ S_R} |R_s|; ``false_positives``
    counts detections that detect no case.
    """

    pairs: int = 0
    cases: int = 0
    detections: int = 0
    detected_cases: int = 0
    false_positives: int = 0
    precision_sum: float = 0.0
    recall_sum: float = 0.0
    granularity_sum: int = 0

    def add(self, other: Scores) -> None:
        self.pairs += other.pairs
        self.cases += other.cases
        self.detections += other.detections
        self.detected_cases += other.detected_cases
        self.false_positives += other.false_positives
        self.precision_sum += other.precision_sum
        self.recall_sum += other.recall_sum
        self.granularity_sum += other.granularity_sum

    @property
    def precision(self) -> float:
        if self.detections == 0:
            return 1.0 if self.cases == 0 else 0.0
        return self.precision_sum / self.detections

    @property
    def recall(self) -> float | None:
        if self.cases == 0:
            return None
        return self.recall_sum / self.cases

    @property
    def granularity(self) -> float:
        if self.detected_cases == 0:
            return 1.0
        return self.granularity_sum / self.detected_cases

    @property
    def f1(self) -> float | None:
        rec = self.recall
        if rec is None:
            return None
        prec = self.precision
        if prec + rec == 0:
            return 0.0
        return 2 * prec * rec / (prec + rec)

    @property
    def plagdet(self) -> float | None:
        f1 = self.f1
        if f1 is None:
            return None
        return f1 / math.log2(1 + self.granularity)


def _score_pair(cases: Sequence[Detection], detections: Sequence[Detection]) -> Scores:
    cases = [c for c in cases if (c[1] - c[0]) + (c[3] - c[2]) > 0]
    detections = [r for r in detections if (r[1] - r[0]) + (r[3] - r[2]) > 0]
    sc = Scores(pairs=1, cases=len(cases), detections=len(detections))
    # hits[i][j]: detection j detects case i (they overlap on both sides)
    hits = [[_detects(r, s) for r in detections] for s in cases]
    for j, r in enumerate(detections):
        susp: list[Interval] = []
        src: list[Interval] = []
        for i, s in enumerate(cases):
            if hits[i][j]:
                susp.append((max(r[0], s[0]), min(r[1], s[1])))
                src.append((max(r[2], s[2]), min(r[3], s[3])))
        if not susp:
            sc.false_positives += 1
            continue
        covered = _merged_length(susp) + _merged_length(src)
        sc.precision_sum += covered / ((r[1] - r[0]) + (r[3] - r[2]))
    for i, s in enumerate(cases):
        susp = []
        src = []
        n_hits = 0
        for j, r in enumerate(detections):
            if hits[i][j]:
                n_hits += 1
                susp.append((max(r[0], s[0]), min(r[1], s[1])))
                src.append((max(r[2], s[2]), min(r[3], s[3])))
        if n_hits:
            sc.detected_cases += 1
            sc.granularity_sum += n_hits
            covered = _merged_length(susp) + _merged_length(src)
            sc.recall_sum += covered / ((s[1] - s[0]) + (s[3] - s[2]))
    return sc


def score(
    cases: Mapping[Pair, Sequence[Detection]],
    detections: Mapping[Pair, Sequence[Detection]],
) -> Scores:
    """PAN measures of ``detections`` against ``cases``, both keyed by pair.

    A case or detection is the set of its suspicious-side characters plus the set of its
    source-side characters, within its pair; items of different pairs never interact.
    Pairs are those of ``cases`` (detections of other pairs are ignored).

    * r *detects* s iff they overlap on the suspicious side and on the source side;
      s ⊓ r = s ∩ r if r detects s, else ∅; |·| counts the characters of both sides.
    * precision = 1/|R| Σ_{r∈R} |⋃_{s∈S} (s ⊓ r)| / |r|
    * recall = 1/|S| Σ_{s∈S} |⋃_{r∈R} (s ⊓ r)| / |s|
    * granularity = 1/|S_R| Σ_{s∈S_R} |R_s| (S_R: detected cases, R_s: detections that
      detect s), 1 if no case is detected
    * plagdet = F1(precision, recall) / log2(1 + granularity), F1 = 0 if both are 0.

    Conventions: with no detections precision is 0 if there are cases (PAN's convention)
    and 1 if there are none; with no cases recall, F1 and plagdet are undefined (``None``)
    and precision is 0 as soon as there is a detection (every detection is a false
    positive). Items with zero characters on both sides are ignored.
    """
    total = Scores()
    for pair, pair_cases in cases.items():
        total.add(_score_pair(pair_cases, detections.get(pair, ())))
    return total


# ---------------------------------------------------------------------------------------
# Reporting


@dataclass(frozen=True)
class EvalRow:
    """Measures for one sub-corpus (or ``overall``). ``None`` means undefined (no cases)."""

    name: str
    pairs: int
    cases: int
    detections: int
    false_positives: int
    precision: float
    recall: float | None
    granularity: float
    plagdet: float | None

    @classmethod
    def from_scores(cls, name: str, sc: Scores) -> EvalRow:
        return cls(
            name=name,
            pairs=sc.pairs,
            cases=sc.cases,
            detections=sc.detections,
            false_positives=sc.false_positives,
            precision=sc.precision,
            recall=sc.recall,
            granularity=sc.granularity,
            plagdet=sc.plagdet,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evaluation:
    """Per-sub-corpus rows and the pooled ``overall`` row."""

    rows: list[EvalRow]
    overall: EvalRow
    missing_detection_files: int = 0
    meta: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "subcorpora": [r.to_json() for r in self.rows],
            "overall": self.overall.to_json(),
            "missing_detection_files": self.missing_detection_files,
            "meta": dict(self.meta),
        }

    def to_json_str(self) -> str:
        return json.dumps(self.to_json(), indent=2)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def format_table(evaluation: Evaluation) -> str:
    """An aligned plain-text table of an :class:`Evaluation` (``n/a``: undefined)."""
    header = ["sub-corpus", "pairs", "cases", "dets", "FP", "precision", "recall", "gran"]
    header.append("plagdet")
    body = [
        [
            r.name,
            str(r.pairs),
            str(r.cases),
            str(r.detections),
            str(r.false_positives),
            _fmt(r.precision),
            _fmt(r.recall),
            _fmt(r.granularity),
            _fmt(r.plagdet),
        ]
        for r in [*evaluation.rows, evaluation.overall]
    ]
    widths = [max(len(row[k]) for row in [header, *body]) for k in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * len(line(header))
    out = [line(header), rule, *(line(row) for row in body[:-1]), rule, line(body[-1])]
    return "\n".join(out)

"""Score pairwise verdicts against the user's own labelled document pairs.

The labels are a TSV file (see ``docs/eval.md``) with columns ``a``, ``b`` (paths to the
two documents, relative paths taken from the TSV's folder), ``label`` (``derived``,
``partially_derived`` or ``independent``) and optionally ``source`` (``a``, ``b`` or
empty: which document the other one took from).

:func:`read_pair_labels` reads and checks that file, :func:`predict_pairs` runs
:func:`textlineage.compare` on every pair (in worker processes), and :func:`score_pairs`,
a pure function, turns gold labels and predictions into a :class:`PairsEvaluation`:
accuracy, per-class precision/recall/F1, the confusion matrix, direction accuracy and a
binary reuse-versus-none summary. :func:`evaluate_pairs` does all three.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engines.pool import process_pool
from ..errors import InputError
from ._tsv import f1, fmt, ratio, read_tsv, table

if TYPE_CHECKING:
    from ..compare import CompareConfig
    from ..types import Comparison

__all__ = [
    "LABELS",
    "BinaryScores",
    "ClassScores",
    "DirectionScores",
    "PairLabel",
    "PairOutcome",
    "PairPrediction",
    "PairsEvaluation",
    "evaluate_pairs",
    "format_pairs",
    "predict_pairs",
    "prediction_from",
    "read_pair_labels",
    "score_pairs",
]

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = ("derived", "partially_derived", "independent")
"""The verdicts, in the order of the confusion matrix's rows and columns."""

REUSE = frozenset({"derived", "partially_derived"})

SCHEMA = "textlineage.eval.pairs"
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class PairLabel:
    """One labelled pair: the TSV line, the paths as written and resolved, the gold."""

    line: int
    a: str
    b: str
    label: str
    source: str | None
    """``"a"`` or ``"b"``: the document the other one took from; None when not named."""
    path_a: str
    path_b: str


@dataclass(frozen=True)
class PairPrediction:
    """What the comparison said about a pair."""

    verdict: str
    source: str | None
    """``"a"``, ``"b"`` or None (independent, or direction not established)."""
    confidence: float = 0.0
    coverage: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class PairOutcome:
    """A labelled pair with its prediction."""

    gold: PairLabel
    predicted: PairPrediction

    @property
    def correct(self) -> bool:
        return self.gold.label == self.predicted.verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.gold.line,
            "a": self.gold.a,
            "b": self.gold.b,
            "label": self.gold.label,
            "source": self.gold.source,
            "predicted": self.predicted.verdict,
            "predicted_source": self.predicted.source,
            "confidence": round(self.predicted.confidence, 4),
            "coverage": [round(c, 4) for c in self.predicted.coverage],
        }


@dataclass(frozen=True)
class ClassScores:
    """One verdict treated as the positive class. ``None``: undefined (0/0)."""

    label: str
    gold: int
    predicted: int
    correct: int
    precision: float | None
    recall: float | None
    f1: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class BinaryScores:
    """Reuse (derived or partially_derived) against independent."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    @property
    def accuracy(self) -> float | None:
        return ratio(self.tp + self.tn, self.tp + self.fp + self.fn + self.tn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
        }


@dataclass(frozen=True)
class DirectionScores:
    """Direction over the pairs with a gold source that were predicted as reuse.

    ``evaluated`` counts those pairs, ``correct`` those whose predicted source is the gold
    one; a pair predicted as reuse without a source (``no_predicted_source``) counts as
    wrong. ``gold_without_source`` counts the pairs labelled as reuse with no source named
    (left out of the direction score).
    """

    evaluated: int
    correct: int
    no_predicted_source: int
    gold_without_source: int

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.evaluated)

    @property
    def accuracy_when_named(self) -> float | None:
        """Share correct among the evaluated pairs for which a source was predicted."""
        return ratio(self.correct, self.evaluated - self.no_predicted_source)

    def to_dict(self) -> dict[str, Any]:
        return {
            "evaluated": self.evaluated,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "no_predicted_source": self.no_predicted_source,
            "accuracy_when_named": self.accuracy_when_named,
            "gold_without_source": self.gold_without_source,
        }


@dataclass(frozen=True)
class PairsEvaluation:
    """Every measure of :func:`score_pairs`; :meth:`to_dict` is the documented JSON."""

    n: int
    correct: int
    classes: tuple[ClassScores, ...]
    confusion: tuple[tuple[int, ...], ...]
    """``confusion[i][j]``: pairs labelled ``LABELS[i]`` and predicted ``LABELS[j]``."""
    reuse: BinaryScores
    direction: DirectionScores
    outcomes: tuple[PairOutcome, ...]
    labels_file: str = ""

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "labels_file": self.labels_file,
            "n": self.n,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "classes": {c.label: c.to_dict() for c in self.classes},
            "confusion": {
                "labels": list(LABELS),
                "rows": "gold",
                "columns": "predicted",
                "matrix": [list(r) for r in self.confusion],
            },
            "reuse": self.reuse.to_dict(),
            "direction": self.direction.to_dict(),
            "pairs": [o.to_dict() for o in self.outcomes],
        }


# ---------------------------------------------------------------------------------------
# Reading the labels


def read_pair_labels(path: str | os.PathLike[str]) -> list[PairLabel]:
    """Read and check a labels TSV; paths are resolved against the file's folder.

    Raises :class:`InputError` (naming the file and line) for a missing file, header or
    column, an unknown label or source, a source named for an independent pair, or a file
    with no pairs. Documents are not opened here.
    """
    p = Path(path)
    rows = read_tsv(p, ("a", "b", "label"), ("source",), what="a labels TSV")
    base = p.parent
    out: list[PairLabel] = []
    for row in rows:
        label = row.fields["label"].lower()
        if label not in LABELS:
            raise InputError(
                str(p),
                f"line {row.line}: unknown label {row.fields['label']!r} "
                f"(expected {', '.join(LABELS)})",
            )
        source = row.fields["source"].lower() or None
        if source not in (None, "a", "b"):
            raise InputError(
                str(p),
                f"line {row.line}: unknown source {row.fields['source']!r} "
                "(expected a, b or an empty field)",
            )
        if source is not None and label == "independent":
            raise InputError(
                str(p), f"line {row.line}: source {source!r} named for an independent pair"
            )
        a, b = row.fields["a"], row.fields["b"]
        out.append(
            PairLabel(
                line=row.line,
                a=a,
                b=b,
                label=label,
                source=source,
                path_a=str(base / a),
                path_b=str(base / b),
            )
        )
    if not out:
        raise InputError(str(p), "no pairs below the header")
    return out


# ---------------------------------------------------------------------------------------
# Scoring (pure)


def score_pairs(
    gold: Sequence[PairLabel],
    predicted: Sequence[PairPrediction],
    *,
    labels_file: str = "",
) -> PairsEvaluation:
    """Score ``predicted[i]`` against ``gold[i]``.

    Per class c: precision = pairs predicted c and labelled c / pairs predicted c; recall =
    the same / pairs labelled c; F1 their harmonic mean (``None`` when undefined, 0 when
    both are 0). Reuse is derived or partially_derived. Direction: see
    :class:`DirectionScores`.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} labels but {len(predicted)} predictions")
    index = {label: k for k, label in enumerate(LABELS)}
    matrix = [[0] * len(LABELS) for _ in LABELS]
    tp = fp = fn = tn = 0
    evaluated = dir_correct = unnamed = gold_unnamed = 0
    outcomes: list[PairOutcome] = []
    for g, p in zip(gold, predicted, strict=True):
        if p.verdict not in index:
            raise ValueError(f"line {g.line}: unknown predicted verdict {p.verdict!r}")
        matrix[index[g.label]][index[p.verdict]] += 1
        g_reuse, p_reuse = g.label in REUSE, p.verdict in REUSE
        tp += g_reuse and p_reuse
        fp += p_reuse and not g_reuse
        fn += g_reuse and not p_reuse
        tn += not g_reuse and not p_reuse
        if g_reuse and g.source is None:
            gold_unnamed += 1
        if g.source is not None and p_reuse:
            evaluated += 1
            dir_correct += p.source == g.source
            unnamed += p.source is None
        outcomes.append(PairOutcome(g, p))
    classes = []
    for k, label in enumerate(LABELS):
        n_gold = sum(matrix[k])
        n_pred = sum(row[k] for row in matrix)
        hits = matrix[k][k]
        precision, recall = ratio(hits, n_pred), ratio(hits, n_gold)
        classes.append(
            ClassScores(label, n_gold, n_pred, hits, precision, recall, f1(precision, recall))
        )
    return PairsEvaluation(
        n=len(gold),
        correct=sum(matrix[k][k] for k in range(len(LABELS))),
        classes=tuple(classes),
        confusion=tuple(tuple(r) for r in matrix),
        reuse=BinaryScores(tp, fp, fn, tn),
        direction=DirectionScores(evaluated, dir_correct, unnamed, gold_unnamed),
        outcomes=tuple(outcomes),
        labels_file=labels_file,
    )


# ---------------------------------------------------------------------------------------
# Running the comparisons


def prediction_from(comparison: Comparison) -> PairPrediction:
    """The verdict, source (``"a"``/``"b"``), confidence and coverage of a comparison."""
    return PairPrediction(
        verdict=comparison.verdict,
        source=None if comparison.source is None else "ab"[comparison.source],
        confidence=comparison.confidence,
        coverage=(comparison.coverage[0], comparison.coverage[1]),
    )


_W: dict[str, Any] = {}


def _init_worker(config: CompareConfig | None) -> None:
    _W["config"] = config


def _predict_one(label: PairLabel, labels_file: str) -> PairPrediction:
    from ..compare import compare
    from ..ingest import read_document

    try:
        a, b = read_document(label.path_a), read_document(label.path_b)
        return prediction_from(compare(a, b, _W.get("config")))
    except InputError as exc:
        raise InputError(labels_file, f"line {label.line}: {exc}") from exc


def _predict_chunk(chunk: Sequence[PairLabel], labels_file: str) -> list[PairPrediction]:
    return [_predict_one(label, labels_file) for label in chunk]


def _chunks(items: Sequence[PairLabel], size: int) -> Iterator[Sequence[PairLabel]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def predict_pairs(
    labels: Sequence[PairLabel],
    *,
    config: CompareConfig | None = None,
    workers: int = 1,
    labels_file: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> list[PairPrediction]:
    """Compare every labelled pair, in ``workers`` processes (1: in this one).

    A document that cannot be read raises :class:`InputError` naming ``labels_file`` and
    the pair's line; a missing document is reported before any comparison runs.
    ``progress(done, total)`` is called in this process.
    """
    for label in labels:
        for shown, path in ((label.a, label.path_a), (label.b, label.path_b)):
            if not os.path.exists(path):
                raise InputError(labels_file, f"line {label.line}: {shown}: no such file")
    total = len(labels)
    out: list[PairPrediction] = []
    workers = max(1, min(int(workers), total))
    size = max(1, min(16, total // (workers * 4)))
    chunks = list(_chunks(labels, size))
    if workers == 1 or len(chunks) == 1:
        _init_worker(config)
        for chunk in chunks:
            out.extend(_predict_chunk(chunk, labels_file))
            if progress is not None:
                progress(len(out), total)
        return out
    with process_pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        try:
            results = pool.map(_predict_chunk, chunks, [labels_file] * len(chunks))
            for res in results:
                out.extend(res)
                if progress is not None:
                    progress(len(out), total)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return out


def evaluate_pairs(
    path: str | os.PathLike[str],
    *,
    config: CompareConfig | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> PairsEvaluation:
    """Read the labels TSV at ``path``, compare every pair and score the verdicts."""
    labels = read_pair_labels(path)
    log.info("eval pairs: %d labelled pairs, %d worker(s)", len(labels), workers)
    predicted = predict_pairs(
        labels, config=config, workers=workers, labels_file=str(path), progress=progress
    )
    return score_pairs(labels, predicted, labels_file=str(path))


# ---------------------------------------------------------------------------------------
# Text report


def _wrong_direction(o: PairOutcome) -> bool:
    scored = o.gold.source is not None and o.predicted.verdict in REUSE
    return scored and o.predicted.source != o.gold.source


def format_pairs(ev: PairsEvaluation) -> str:
    """A plain-text report of a :class:`PairsEvaluation` (``n/a``: undefined)."""
    out = [f"pairs {ev.n}, correct {ev.correct}, accuracy {fmt(ev.accuracy)}", ""]
    out += table(
        ["verdict", "gold", "predicted", "precision", "recall", "F1"],
        [
            [c.label, str(c.gold), str(c.predicted), fmt(c.precision), fmt(c.recall), fmt(c.f1)]
            for c in ev.classes
        ],
    )
    out += ["", "confusion (rows: gold, columns: predicted)"]
    out += table(
        ["", *LABELS],
        [[label, *map(str, row)] for label, row in zip(LABELS, ev.confusion, strict=True)],
    )
    r, d = ev.reuse, ev.direction
    out += [
        "",
        f"reuse vs independent: precision {fmt(r.precision)}, recall {fmt(r.recall)}, "
        f"F1 {fmt(r.f1)}, accuracy {fmt(r.accuracy)} "
        f"(tp {r.tp}, fp {r.fp}, fn {r.fn}, tn {r.tn})",
        f"direction: {d.correct} of {d.evaluated} correct ({fmt(d.accuracy)}) over pairs "
        f"with a gold source predicted as reuse; {d.no_predicted_source} without a predicted "
        f"source; {d.gold_without_source} reuse pair(s) labelled without a source",
    ]
    wrong = [o for o in ev.outcomes if not o.correct or _wrong_direction(o)]
    if wrong:
        out += ["", "disagreements (line: a b: gold -> predicted):"]
        for o in wrong:
            g = o.gold.label + (f" source {o.gold.source}" if o.gold.source else "")
            p = o.predicted.verdict + (
                f" source {o.predicted.source}" if o.predicted.source else ""
            )
            out.append(f"  line {o.gold.line}: {o.gold.a} {o.gold.b}: {g} -> {p}")
    return "\n".join(out)

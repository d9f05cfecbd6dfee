"""Evaluation on the user's own labelled data (formats in ``docs/eval.md``).

* :func:`evaluate_pairs`: compare every labelled document pair of a TSV file and score the
  verdicts (accuracy, per-class precision/recall/F1, confusion matrix, direction, reuse vs
  none); :func:`score_pairs` is the pure scorer underneath.
* :func:`evaluate_discover`: score a ``textlineage discover`` output directory against
  planted relations (recall per kind, precision, direction, cluster agreement as ARI and
  B-cubed); :func:`score_discovery`, :func:`adjusted_rand_index` and :func:`bcubed` are the
  pure scorers underneath.
* :func:`evaluate_translation`: cross-language reuse on the project's set of translated
  news passages (``tests/data/translation``): :func:`build_pairs` assembles the document
  pairs, :func:`score_translation` (pure) scores the comparisons (pair classification,
  English-side character precision and recall, direction, time).

Every result is a dataclass whose ``to_dict()`` is the JSON that ``textlineage eval``
prints with ``--format json``.
"""

from __future__ import annotations

from .discover import (
    BCubed,
    ClusterAgreement,
    DiscoverEvaluation,
    Discovery,
    KindRecall,
    ReportedPair,
    TruthRelation,
    adjusted_rand_index,
    bcubed,
    evaluate_discover,
    format_discover,
    lineage_groups,
    read_discovery,
    read_truth,
    score_discovery,
)
from .pairs import (
    LABELS,
    BinaryScores,
    ClassScores,
    DirectionScores,
    PairLabel,
    PairOutcome,
    PairPrediction,
    PairsEvaluation,
    evaluate_pairs,
    format_pairs,
    predict_pairs,
    prediction_from,
    read_pair_labels,
    score_pairs,
)
from .translation import (
    BuiltPair,
    TranslationSet,
    build_pairs,
    evaluate_translation,
    load_translation_set,
    pan13_paragraphs,
    run_pairs,
)
from .translation_score import (
    PairResult,
    TranslationEvaluation,
    format_translation,
    result_from,
    score_translation,
)

__all__ = [
    "LABELS",
    "BCubed",
    "BinaryScores",
    "BuiltPair",
    "ClassScores",
    "ClusterAgreement",
    "DirectionScores",
    "DiscoverEvaluation",
    "Discovery",
    "KindRecall",
    "PairLabel",
    "PairOutcome",
    "PairPrediction",
    "PairResult",
    "PairsEvaluation",
    "ReportedPair",
    "TranslationEvaluation",
    "TranslationSet",
    "TruthRelation",
    "adjusted_rand_index",
    "bcubed",
    "build_pairs",
    "evaluate_discover",
    "evaluate_pairs",
    "evaluate_translation",
    "format_discover",
    "format_pairs",
    "format_translation",
    "lineage_groups",
    "load_translation_set",
    "pan13_paragraphs",
    "predict_pairs",
    "prediction_from",
    "read_discovery",
    "read_pair_labels",
    "read_truth",
    "result_from",
    "run_pairs",
    "score_discovery",
    "score_pairs",
    "score_translation",
]

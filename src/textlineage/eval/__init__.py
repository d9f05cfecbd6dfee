"""Evaluation on the user's own labelled data (formats in ``docs/eval.md``).

* :func:`evaluate_pairs`: compare every labelled document pair of a TSV file and score the
  verdicts (accuracy, per-class precision/recall/F1, confusion matrix, direction, reuse vs
  none); :func:`score_pairs` is the pure scorer underneath.
* :func:`evaluate_discover`: score a ``textlineage discover`` output directory against
  planted relations (recall per kind, precision, direction, cluster agreement as ARI and
  B-cubed); :func:`score_discovery`, :func:`adjusted_rand_index` and :func:`bcubed` are the
  pure scorers underneath.
* :func:`evaluate_lineage`: score the lineage of a ``discover`` output (each member's
  reported parent, mirrors, origins, the site network) against planted parents
  (``lineage.jsonl``); :func:`score_lineage` and :func:`classify_link` are the pure
  scorers underneath.
* :func:`evaluate_translation`: cross-language reuse on the project's set of translated
  news passages (``tests/data/translation``): :func:`build_pairs` assembles the document
  pairs, :func:`score_translation` (pure) scores the comparisons (pair classification,
  English-side character precision and recall, direction, time).
* :func:`evaluate_facts`: the fact diff on hand-annotated source/derived pairs
  (``tests/data/facts_gold``, and the founding pair with ``seed=True``):
  :func:`load_facts_gold` and :func:`load_seed_gold` read the gold, :func:`score_pair`
  (pure) matches a diff's reports to it, :func:`aggregate` adds pairs up (precision and
  recall per change type and kind, noise reported, facts counted twice).

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
from .facts import FactScores, PairScore, aggregate, reported_facts, score_pair
from .facts_gold import GoldFact, GoldPair, load_facts_gold, load_seed_gold, locate
from .facts_report import format_facts
from .facts_run import FactsEvaluation, evaluate_facts
from .lineage import (
    LineageOutput,
    Member,
    ParentLink,
    ReportedCluster,
    SiteEdgeRow,
    Truth,
    classify_link,
    evaluate_lineage,
    read_lineage_output,
    read_lineage_truth,
    score_lineage,
)
from .lineage_report import format_lineage
from .lineage_types import LineageEvaluation
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
    "FactScores",
    "FactsEvaluation",
    "GoldFact",
    "GoldPair",
    "KindRecall",
    "LineageEvaluation",
    "LineageOutput",
    "Member",
    "PairLabel",
    "PairOutcome",
    "PairPrediction",
    "PairResult",
    "PairScore",
    "PairsEvaluation",
    "ParentLink",
    "ReportedCluster",
    "ReportedPair",
    "SiteEdgeRow",
    "TranslationEvaluation",
    "TranslationSet",
    "Truth",
    "TruthRelation",
    "adjusted_rand_index",
    "aggregate",
    "bcubed",
    "build_pairs",
    "classify_link",
    "evaluate_discover",
    "evaluate_facts",
    "evaluate_lineage",
    "evaluate_pairs",
    "evaluate_translation",
    "format_discover",
    "format_facts",
    "format_lineage",
    "format_pairs",
    "format_translation",
    "lineage_groups",
    "load_facts_gold",
    "load_seed_gold",
    "load_translation_set",
    "locate",
    "pan13_paragraphs",
    "predict_pairs",
    "prediction_from",
    "read_discovery",
    "read_lineage_output",
    "read_lineage_truth",
    "read_pair_labels",
    "read_truth",
    "reported_facts",
    "result_from",
    "run_pairs",
    "score_discovery",
    "score_lineage",
    "score_pair",
    "score_pairs",
    "score_translation",
]

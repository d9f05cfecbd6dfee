"""Scores of cross-language comparisons: pair classification, English-side character
precision and recall, direction and time.

Pure: :func:`score_translation` takes the built pairs
(:class:`~textlineage.eval.translation.BuiltPair`) and what each comparison reported
(:class:`PairResult`) and returns a :class:`TranslationEvaluation`; :func:`format_translation`
prints it. The measures, for a set of pairs (all, or one language):

* **Pair classification.** A pair is predicted as reuse when the comparison's verdict is
  not ``"independent"`` (``derived`` or ``partially_derived``); gold reuse is a positive
  pair (``from_foreign``, ``from_english``). ``accuracy`` = right / pairs.
* **English-side characters**, over the positive pairs. Let T be the English document's
  true span (the translation, or the English original) and F the foreign document's. A
  reported passage *touches the true span* when its foreign-side spans overlap F by at
  least one character; C is the union of the English-side spans of the touching passages.
  ``recall`` = Σ|C ∩ T| / Σ|T| and ``precision`` = Σ|C ∩ T| / Σ|C|, sums over the pairs
  (micro-averaged over characters; a pair with no touching passage adds |T| to the first
  denominator and nothing else). The anchor is the foreign side so that the English side
  is what is judged: a passage anchored on the true foreign span whose English side lies
  in filler counts against precision; a passage wholly in filler is left to the pair
  classification and to the plain precisions below. ``recall_macro`` and
  ``precision_macro`` average |C ∩ T| / |T| over the positive pairs and |C ∩ T| / |C|
  over the pairs with a touching passage (PAN's way: each case weighs the same).
  ``precision_all_passages`` is the plain English-side precision: A, the union of the
  English-side spans of *every* reported passage, in place of C (positive pairs);
  ``precision_all_pairs`` adds to its denominator the English characters reported on the
  negative pairs (all of them wrong). ``granularity`` = touching passages / pairs with one.
* **Direction**, over the positive pairs predicted as reuse: the predicted source is the
  document translated from (a pair without a predicted source counts as wrong).
* **Time**, per comparison, warm (models loaded, see
  :func:`~textlineage.eval.translation.run_pairs`): median and maximum in ms, over all
  pairs and over the pairs whose two documents both hold 900 to 1,100 words.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..types import Document, Span
from ._tsv import fmt, ratio, table
from .pairs import BinaryScores, DirectionScores

if TYPE_CHECKING:
    from ..types import Comparison

__all__ = [
    "TARGETS",
    "CharScores",
    "GroupScores",
    "PairResult",
    "TimingScores",
    "TranslationEvaluation",
    "TranslationOutcome",
    "format_translation",
    "result_from",
    "score_translation",
]

SCHEMA = "textlineage.eval.translation"
SCHEMA_VERSION = "1.0"

TARGETS: dict[str, float] = {
    "accuracy": 0.90,
    "recall": 0.80,
    "precision": 0.80,
    "median_ms_1000_words": 1000.0,
}
"""Issue 10's target: pair classification, English-side character recall and precision
(at least), and the warm time of a 1,000-word pair (at most)."""

_KINDS = ("from_foreign", "from_english", "unrelated", "same_topic")
_THOUSAND = (900, 1100)


@dataclass(frozen=True)
class BuiltPair:
    """Two documents, one foreign and one English, with what is known of them.

    ``planted[d]`` is where the inserted news passage lies in document ``d`` (every pair has
    one on each side); ``truth`` is the same spans when the two passages are a translation
    of each other and None otherwise.
    """

    id: str
    lang: str
    split: str
    kind: str
    documents: tuple[Document, Document]
    foreign: int
    """Index of the foreign-language document; the English one is ``1 - foreign``."""
    planted: tuple[Span, Span]
    truth: tuple[Span, Span] | None
    source: int | None
    """The document the other one was translated from (None for a negative pair)."""
    passages: tuple[str, str]
    """Ids of the passages planted in documents 0 and 1."""

    @property
    def reuse(self) -> bool:
        return self.truth is not None

    @property
    def english(self) -> int:
        return 1 - self.foreign

    @property
    def words(self) -> tuple[int, int]:
        return (len(self.documents[0].text.split()), len(self.documents[1].text.split()))


@dataclass(frozen=True)
class PairResult:
    """What a comparison reported about a pair, reduced to what is scored."""

    verdict: str
    source: int | None
    passages: tuple[tuple[tuple[Span, ...], tuple[Span, ...]], ...]
    """Per reported passage, its spans in documents 0 and 1."""
    kinds: tuple[str, ...] = ()
    seconds: float = 0.0


def result_from(comparison: Comparison, seconds: float = 0.0) -> PairResult:
    """The verdict, source and passage spans of ``comparison``, and its time."""
    return PairResult(
        verdict=comparison.verdict,
        source=comparison.source,
        passages=tuple((tuple(p.spans[0]), tuple(p.spans[1])) for p in comparison.passages),
        kinds=tuple(p.kind for p in comparison.passages),
        seconds=seconds,
    )


# ---------------------------------------------------------------------------------------
# Character ranges


def _union(spans: Sequence[Span]) -> list[Span]:
    """Sorted, disjoint, non-empty ranges covering the same characters as ``spans``."""
    out: list[Span] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _length(union: Sequence[Span]) -> int:
    return sum(e - s for s, e in union)


def _inside(union: Sequence[Span], span: Span) -> int:
    """Characters of ``union`` (disjoint ranges) inside ``span``."""
    return sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in union)


def _touches(spans: Sequence[Span], span: Span) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class TranslationOutcome:
    """One pair: what it is, what was reported, and its own character measures."""

    id: str
    lang: str
    kind: str
    words: tuple[int, int]
    reuse: bool
    verdict: str
    source_right: bool | None
    """Positive pairs predicted as reuse: whether the predicted source is right."""
    passages: int
    touching: int
    true_chars: int
    found_chars: int
    """|C ∩ T| (see the module's docstring); 0 for a negative pair."""
    reported_chars: int
    """|C| for a positive pair."""
    all_reported_chars: int
    """|A|: English characters of every reported passage."""
    all_found_chars: int
    ms: float
    kinds: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.reuse == (self.verdict != "independent")

    @property
    def recall(self) -> float | None:
        return ratio(self.found_chars, self.true_chars)

    @property
    def precision(self) -> float | None:
        return ratio(self.found_chars, self.reported_chars)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "kind": self.kind,
            "words": list(self.words),
            "reuse": self.reuse,
            "verdict": self.verdict,
            "correct": self.correct,
            "source_right": self.source_right,
            "passages": self.passages,
            "passage_kinds": list(self.kinds),
            "touching": self.touching,
            "recall": self.recall,
            "precision": self.precision,
            "english_chars_reported": self.all_reported_chars,
            "ms": round(self.ms, 1),
        }


@dataclass(frozen=True)
class CharScores:
    """English-side character tallies and measures (see the module's docstring)."""

    positives: int
    located: int
    touching: int
    true_chars: int
    found_chars: int
    reported_chars: int
    all_found_chars: int
    all_reported_chars: int
    negative_reported_chars: int
    recall_sum: float
    precision_sum: float

    @property
    def recall(self) -> float | None:
        return ratio(self.found_chars, self.true_chars)

    @property
    def precision(self) -> float | None:
        return ratio(self.found_chars, self.reported_chars)

    @property
    def recall_macro(self) -> float | None:
        return self.recall_sum / self.positives if self.positives else None

    @property
    def precision_macro(self) -> float | None:
        return self.precision_sum / self.located if self.located else None

    @property
    def precision_all_passages(self) -> float | None:
        return ratio(self.all_found_chars, self.all_reported_chars)

    @property
    def precision_all_pairs(self) -> float | None:
        return ratio(self.all_found_chars, self.all_reported_chars + self.negative_reported_chars)

    @property
    def granularity(self) -> float | None:
        return ratio(self.touching, self.located)

    def to_dict(self) -> dict[str, Any]:
        return {
            "positive_pairs": self.positives,
            "located_pairs": self.located,
            "recall": self.recall,
            "precision": self.precision,
            "recall_macro": self.recall_macro,
            "precision_macro": self.precision_macro,
            "precision_all_passages": self.precision_all_passages,
            "precision_all_pairs": self.precision_all_pairs,
            "granularity": self.granularity,
            "true_chars": self.true_chars,
            "found_chars": self.found_chars,
            "reported_chars": self.reported_chars,
            "all_found_chars": self.all_found_chars,
            "all_reported_chars": self.all_reported_chars,
            "negative_reported_chars": self.negative_reported_chars,
        }


@dataclass(frozen=True)
class TimingScores:
    """Milliseconds per comparison, over all pairs and the ~1,000-word ones."""

    n: int
    median_ms: float | None
    max_ms: float | None
    n_1000: int
    median_ms_1000: float | None
    max_ms_1000: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.n,
            "median_ms": self.median_ms,
            "max_ms": self.max_ms,
            "pairs_1000_words": self.n_1000,
            "median_ms_1000_words": self.median_ms_1000,
            "max_ms_1000_words": self.max_ms_1000,
        }


@dataclass(frozen=True)
class GroupScores:
    """Every measure over one set of pairs (``name``: ``all`` or a language code)."""

    name: str
    pairs: int
    classification: BinaryScores
    by_kind: tuple[tuple[str, int, int], ...]
    """(kind, pairs, classified right) for each pair kind present."""
    chars: CharScores
    direction: DirectionScores
    timing: TimingScores

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "classification": self.classification.to_dict(),
            "by_kind": {k: {"pairs": n, "correct": c} for k, n, c in self.by_kind},
            "chars": self.chars.to_dict(),
            "direction": self.direction.to_dict(),
            "timing": self.timing.to_dict(),
        }

    def targets(self) -> dict[str, bool | None]:
        """Each of :data:`TARGETS` met (True), missed (False) or not measurable (None)."""
        values = {
            "accuracy": self.classification.accuracy,
            "recall": self.chars.recall,
            "precision": self.chars.precision,
            "median_ms_1000_words": self.timing.median_ms_1000,
        }
        out: dict[str, bool | None] = {}
        for name, value in values.items():
            bound = TARGETS[name]
            if value is None:
                out[name] = None
            else:
                out[name] = value <= bound if name.endswith("ms_1000_words") else value >= bound
        return out


@dataclass(frozen=True)
class TranslationEvaluation:
    """:func:`score_translation`'s result; :meth:`to_dict` is the documented JSON."""

    split: str
    english_filler: str
    groups: tuple[GroupScores, ...]
    """``all`` first, then one per language present."""
    outcomes: tuple[TranslationOutcome, ...]

    def group(self, name: str) -> GroupScores:
        for g in self.groups:
            if g.name == name:
                return g
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "split": self.split,
            "english_filler": self.english_filler,
            "targets": dict(TARGETS),
            "targets_met": self.group("all").targets(),
            "groups": {g.name: g.to_dict() for g in self.groups},
            "pairs": [o.to_dict() for o in self.outcomes],
        }


# ---------------------------------------------------------------------------------------
# Scoring


def _outcome(pair: BuiltPair, result: PairResult) -> TranslationOutcome:
    e, f = pair.english, pair.foreign
    all_english = _union([s for p in result.passages for s in p[e]])
    true_chars = found = reported = all_found = touching = 0
    if pair.truth is not None:
        t_e, t_f = pair.truth[e], pair.truth[f]
        hits = [p for p in result.passages if _touches(p[f], t_f)]
        touching = len(hits)
        c = _union([s for p in hits for s in p[e]])
        true_chars, found, reported = t_e[1] - t_e[0], _inside(c, t_e), _length(c)
        all_found = _inside(all_english, t_e)
    predicted_reuse = result.verdict != "independent"
    source_right = None
    if pair.reuse and predicted_reuse:
        source_right = result.source is not None and result.source == pair.source
    return TranslationOutcome(
        id=pair.id,
        lang=pair.lang,
        kind=pair.kind,
        words=pair.words,
        reuse=pair.reuse,
        verdict=result.verdict,
        source_right=source_right,
        passages=len(result.passages),
        touching=touching,
        true_chars=true_chars,
        found_chars=found,
        reported_chars=reported,
        all_reported_chars=_length(all_english),
        all_found_chars=all_found,
        ms=result.seconds * 1000,
        kinds=result.kinds,
    )


def _group(name: str, outcomes: Sequence[TranslationOutcome]) -> GroupScores:
    pos = [o for o in outcomes if o.reuse]
    neg = [o for o in outcomes if not o.reuse]
    located = [o for o in pos if o.touching]
    tp = sum(o.correct for o in pos)
    tn = sum(o.correct for o in neg)
    chars = CharScores(
        positives=len(pos),
        located=len(located),
        touching=sum(o.touching for o in located),
        true_chars=sum(o.true_chars for o in pos),
        found_chars=sum(o.found_chars for o in pos),
        reported_chars=sum(o.reported_chars for o in pos),
        all_found_chars=sum(o.all_found_chars for o in pos),
        all_reported_chars=sum(o.all_reported_chars for o in pos),
        negative_reported_chars=sum(o.all_reported_chars for o in neg),
        recall_sum=sum(o.recall or 0.0 for o in pos),
        precision_sum=sum(o.precision or 0.0 for o in located),
    )
    judged = [o for o in pos if o.source_right is not None]
    direction = DirectionScores(
        evaluated=len(judged),
        correct=sum(bool(o.source_right) for o in judged),
        no_predicted_source=0,
        gold_without_source=0,
    )
    ms = [o.ms for o in outcomes]
    lo, hi = _THOUSAND
    ms_1000 = [o.ms for o in outcomes if all(lo <= w <= hi for w in o.words)]
    timing = TimingScores(
        n=len(ms),
        median_ms=statistics.median(ms) if ms else None,
        max_ms=max(ms) if ms else None,
        n_1000=len(ms_1000),
        median_ms_1000=statistics.median(ms_1000) if ms_1000 else None,
        max_ms_1000=max(ms_1000) if ms_1000 else None,
    )
    kinds = tuple(
        (k, sum(o.kind == k for o in outcomes), sum(o.kind == k and o.correct for o in outcomes))
        for k in _KINDS
        if any(o.kind == k for o in outcomes)
    )
    return GroupScores(
        name=name,
        pairs=len(outcomes),
        classification=BinaryScores(tp=tp, fp=len(neg) - tn, fn=len(pos) - tp, tn=tn),
        by_kind=kinds,
        chars=chars,
        direction=direction,
        timing=timing,
    )


def score_translation(
    pairs: Sequence[BuiltPair],
    results: Sequence[PairResult],
    *,
    split: str = "all",
    english_filler: str = "own",
) -> TranslationEvaluation:
    """Score ``results[i]`` against ``pairs[i]``: over all pairs, then per language."""
    if len(pairs) != len(results):
        raise ValueError(f"{len(pairs)} pairs but {len(results)} results")
    outcomes = [_outcome(p, r) for p, r in zip(pairs, results, strict=True)]
    langs = list(dict.fromkeys(o.lang for o in outcomes))
    groups = [_group("all", outcomes)]
    groups += [_group(lang, [o for o in outcomes if o.lang == lang]) for lang in langs]
    return TranslationEvaluation(split, english_filler, tuple(groups), tuple(outcomes))


# ---------------------------------------------------------------------------------------
# Text report


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def format_translation(ev: TranslationEvaluation) -> str:
    """A plain-text report: the measures per group, the target, the misclassified pairs."""
    out = [f"cross-language reuse: split {ev.split}, English filler {ev.english_filler}", ""]
    out += table(
        ["group", "pairs", "accuracy", "char R", "char P", "P all psg", "P all pairs",
         "gran", "direction", "ms med", "ms 1k med (n)", "ms 1k max"],
        [
            [
                g.name,
                str(g.pairs),
                fmt(g.classification.accuracy),
                fmt(g.chars.recall),
                fmt(g.chars.precision),
                fmt(g.chars.precision_all_passages),
                fmt(g.chars.precision_all_pairs),
                "n/a" if g.chars.granularity is None else f"{g.chars.granularity:.2f}",
                f"{g.direction.correct}/{g.direction.evaluated}",
                _ms(g.timing.median_ms),
                f"{_ms(g.timing.median_ms_1000)} ({g.timing.n_1000})",
                _ms(g.timing.max_ms_1000),
            ]
            for g in ev.groups
        ],
    )  # fmt: skip
    overall = ev.group("all")
    c = overall.classification
    out += [
        "",
        f"reuse vs none: tp {c.tp}, fp {c.fp}, fn {c.fn}, tn {c.tn}; right by kind: "
        + ", ".join(f"{k} {right}/{n}" for k, n, right in overall.by_kind),
        f"macro (per pair): recall {fmt(overall.chars.recall_macro)}, "
        f"precision {fmt(overall.chars.precision_macro)}; positive pairs with a passage on "
        f"the true foreign span: {overall.chars.located}/{overall.chars.positives}",
        "target: "
        + "; ".join(
            f"{name} {'>=' if not name.endswith('words') else '<='} {TARGETS[name]:g}: "
            + {True: "met", False: "missed", None: "n/a"}[met]
            for name, met in overall.targets().items()
        ),
    ]
    wrong = [o for o in ev.outcomes if not o.correct]
    if wrong:
        out += ["", "misclassified (id, kind: verdict; passages, touching, char R/P):"]
        out += [
            f"  {o.id} {o.kind}: {o.verdict}; {o.passages}, {o.touching}, "
            f"{fmt(o.recall)}/{fmt(o.precision)}"
            for o in wrong
        ]
    return "\n".join(out)

"""Scoring a fact diff against hand-annotated gold: precision and recall per change type
and per kind, noise reported, facts counted twice.

Pure functions of plain values: :func:`reported_facts` reads the ``facts`` section of
``compare``'s JSON (``docs/schema.md``); :func:`score_pair` matches those reports to a
:class:`~textlineage.eval.facts_gold.GoldPair`'s facts; :func:`aggregate` adds pairs up.
The rules (also in ``docs/eval.md``):

* **Where a fact is.** A gold fact occupies every word-bounded occurrence of its surface
  strings on its side(s) (:func:`~textlineage.eval.facts_gold.locate`). A report occupies
  its span(s): a changed fact its ``from`` span in the source and its ``to`` span in the
  derived text, a kept one both, an added one the derived span, a dropped one the source
  span.
* **A match.** A report can match a gold fact when its category is the fact's type or one
  of the fact's ``also`` categories, and on every side that both name their spans overlap
  by at least one character (there must be one such side). Lenient on boundaries
  (``"over 310 areas"`` matches ``"310"``), strict on identity (both sides of a change).
* **One to one.** Each gold fact is matched by at most one report and each report matches
  at most one gold fact: candidate pairs are taken greedily, a report in the fact's own
  type first, then by overlap (mean intersection over union of the spans), then in text
  order.
* **What an unmatched report is**, first that holds: ``noise`` (it overlaps a noise
  string), ``duplicate`` (it overlaps a gold fact that another report matched: the same
  fact said twice), ``mismatch`` (it overlaps a gold fact, but in a category the fact does
  not accept or with the wrong counterpart), ``optional`` (it overlaps optional text: not
  counted), ``unlisted`` (none of these). All but ``optional`` count against precision;
  on a pair whose gold is not exhaustive only the ``noise``, ``duplicate`` and
  ``mismatch`` reports are wrong and precision is not measured.
* **Recall** of a type: its gold facts matched (in any accepted category) over its gold
  facts. **Precision** of a category: its reports that matched over its counted reports.
  Per kind, recall groups by the gold's kind and precision by the reported kind.
* **Counted twice**: reports in different categories (kept included) whose spans overlap
  on a side are one fact reported in two categories; each such group is counted once.
* **Labels**: a changed gold fact found by a report whose ``label`` is one that
  :data:`LABELS_ACCEPTED` allows for the gold's label is *labelled right* (the gold's
  labels are finer than a report's: a rounding is a change of ``value``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..types import Span
from .facts_gold import CATEGORIES, SCORED, GoldFact, GoldPair, locate

__all__ = [
    "LABELS_ACCEPTED",
    "STATUSES",
    "FactOutcome",
    "FactScores",
    "PairScore",
    "ReportOutcome",
    "Reported",
    "aggregate",
    "reported_facts",
    "score_pair",
]

STATUSES: tuple[str, ...] = ("right", "noise", "duplicate", "mismatch", "optional", "unlisted")
"""What a scored report turned out to be (see the module's rules)."""

_WRONG_ALWAYS = frozenset({"noise", "duplicate", "mismatch"})

LABELS_ACCEPTED: Mapping[str, frozenset[str]] = {
    "rounding": frozenset({"rounding", "value", "strength"}),
    "qualifier": frozenset({"qualifier", "strength"}),
    "range": frozenset({"range", "strength", "value"}),
    "value": frozenset({"value"}),
    "specificity": frozenset({"specificity", "strength"}),
    "strength": frozenset({"strength"}),
    "reversed": frozenset({"reversed", "strength", "value"}),
    "surname": frozenset({"surname", "name"}),
    "title": frozenset({"title"}),
    "spelling": frozenset({"spelling", "transliteration"}),
    "wording": frozenset({"wording"}),
}
"""For each gold label of a change, the report labels that say the same kind of change
(``docs/schema.md`` names the report's labels: a rounding or a changed number is a change
of ``value``, a qualifier dropped or a vague quantity made specific one of ``strength``).
A quotation's change may always be labelled ``wording``."""


@dataclass(frozen=True)
class Reported:
    """One item of a fact diff: its category, position in its list, kind, text, spans on
    the source and derived side (None where the category has none) and ``label`` (what
    kind of change, or of spelling on a kept link; empty when the report gives none)."""

    category: str
    index: int
    kind: str
    text: str
    source: Span | None
    derived: Span | None
    label: str = ""
    unsupported: bool = False
    """A change whose new value the source never states (``docs/schema.md``): it stands for
    an added fact too."""

    def spans(self) -> dict[str, Span]:
        return {
            side: sp
            for side, sp in (("source", self.source), ("derived", self.derived))
            if sp is not None
        }


def _span(item: Any) -> Span | None:
    if not isinstance(item, Mapping):
        return None
    sp = item.get("span")
    if isinstance(sp, Sequence) and len(sp) == 2:
        return (int(sp[0]), int(sp[1]))
    return None


def reported_facts(facts: Mapping[str, Any]) -> list[Reported]:
    """The items of ``compare``'s JSON ``facts`` section, kept, changed, added, dropped in
    that order (their sides as ``docs/schema.md`` defines them). Keys other than the four
    lists are ignored, so that grouped or labelled reports are read as well."""
    out: list[Reported] = []
    for cat in CATEGORIES:
        for i, item in enumerate(facts.get(cat) or []):
            if cat == "changed":
                src, der = _span(item.get("from")), _span(item.get("to"))
            elif cat == "kept":
                src, der = _span(item.get("source")), _span(item)
            elif cat == "added":
                src, der = None, _span(item)
            else:
                src, der = _span(item), None
            out.append(
                Reported(
                    category=cat,
                    index=i,
                    kind=str(item.get("kind", "")),
                    text=str(item.get("text", "")),
                    source=src,
                    derived=der,
                    label=str(item.get("label") or ""),
                    unsupported=bool(item.get("unsupported", False)),
                )
            )
    return out


@dataclass(frozen=True)
class FactOutcome:
    """A gold fact and the report that matched it (``reported_as`` empty when missed)."""

    fact: GoldFact
    reported_as: str = ""
    reported_text: str = ""
    reported_kind: str = ""
    reported_label: str = ""
    seen_as: tuple[str, ...] = ()
    """For a missed fact, the reports that overlap it (``kept: Helen March``): how the
    diff saw it instead."""

    @property
    def found(self) -> bool:
        return bool(self.reported_as)

    @property
    def labelled_right(self) -> bool:
        """Found, with a report label that says the gold's kind of change."""
        if not self.found or not self.fact.label:
            return False
        if self.fact.kind == "quote" and self.reported_label == "wording":
            return True
        return self.reported_label in LABELS_ACCEPTED.get(self.fact.label, {self.fact.label})

    def to_dict(self) -> dict[str, Any]:
        out = self.fact.to_dict()
        out["found"] = self.found
        if self.found:
            out["reported"] = {
                "category": self.reported_as,
                "kind": self.reported_kind,
                "text": self.reported_text,
                "label": self.reported_label,
            }
            if self.fact.type == "changed":
                out["labelled_right"] = self.labelled_right
        elif self.seen_as:
            out["seen_as"] = list(self.seen_as)
        return out


@dataclass(frozen=True)
class ReportOutcome:
    """A report in a scored category and what it turned out to be (:data:`STATUSES`)."""

    category: str
    kind: str
    text: str
    status: str
    gold: int | None = None
    """Index of the matched (``right``) or overlapped (``duplicate``, ``mismatch``) gold
    fact in the pair's ``facts``."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "category": self.category,
            "kind": self.kind,
            "text": self.text,
            "status": self.status,
        }
        if self.gold is not None:
            out["gold"] = self.gold
        return out


@dataclass(frozen=True)
class PairScore:
    """One pair scored: its gold facts with their outcome, its scored reports with
    theirs, the facts counted twice (each the ``category: text`` of its reports) and
    the kept gold facts reported as kept."""

    pair: GoldPair
    facts: tuple[FactOutcome, ...]
    reports: tuple[ReportOutcome, ...]
    twice: tuple[tuple[str, ...], ...] = ()
    direction: str = "right"
    """``right`` (compare took the gold source as source), ``none`` (it named no source;
    the first document, the gold source, is then the reference) or ``wrong`` (it named
    the derived text; the runner diffed the facts again with the gold's roles)."""

    def counted(self, report: ReportOutcome) -> bool:
        """Whether the report counts towards precision: on an exhaustive pair, every
        report but an ``optional`` one; on another pair none (its noise, duplicates and
        mismatches are still counted apart)."""
        return self.pair.exhaustive and report.status != "optional"

    def wrong(self, report: ReportOutcome) -> bool:
        """Whether the report is wrong whatever the gold left out."""
        return report.status in _WRONG_ALWAYS or (
            self.pair.exhaustive and report.status == "unlisted"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair.id,
            "split": self.pair.split,
            "topic": self.pair.topic,
            "exhaustive": self.pair.exhaustive,
            "control": self.pair.control,
            "direction": self.direction,
            "facts": [f.to_dict() for f in self.facts],
            "reports": [r.to_dict() for r in self.reports],
            "counted_twice": [list(t) for t in self.twice],
        }


@dataclass(frozen=True)
class _Located:
    fact: GoldFact
    index: int
    spans: Mapping[str, tuple[Span, ...]]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _iou(a: Span, b: Span) -> float:
    inter = _overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _fit(r: Reported, g: _Located) -> float | None:
    """The mean overlap of a report with a gold fact on the sides both name; None when a
    side does not overlap, no side is shared, or the category is not accepted."""
    spans = r.spans()
    if r.category not in g.fact.accepts:
        # an unsupported change says its new value is added: it matches an added fact by
        # its derived side
        if not (r.unsupported and r.category == "changed" and "added" in g.fact.accepts):
            return None
        spans = {k: v for k, v in spans.items() if k == "derived"}
    scores = []
    for side, rs in spans.items():
        gs = g.spans.get(side, ())
        if not gs:
            continue
        best = max(_iou(rs, x) for x in gs)
        if best <= 0:
            return None
        scores.append(best)
    return sum(scores) / len(scores) if scores else None


def _touches(r: Reported, spans: Mapping[str, Iterable[Span]]) -> bool:
    return any(_overlap(rs, x) > 0 for side, rs in r.spans().items() for x in spans.get(side, ()))


def score_pair(
    pair: GoldPair,
    source_text: str,
    derived_text: str,
    facts: Mapping[str, Any],
    direction: str = "right",
) -> PairScore:
    """Match the reports of one fact diff (``compare``'s JSON ``facts``, with the gold's
    source as its source) to the pair's gold facts; see the module's rules."""
    texts = {"source": source_text, "derived": derived_text}
    gold = [
        _Located(
            f,
            i,
            {
                side: tuple(sorted({sp for s in getattr(f, side) for sp in locate(texts[side], s)}))
                for side in ("source", "derived")
            },
        )
        for i, f in enumerate(pair.facts)
    ]
    reports = reported_facts(facts)
    candidates = []
    for ri, r in enumerate(reports):
        for g in gold:
            fit = _fit(r, g)
            if fit is not None:
                candidates.append((r.category != g.fact.type, -fit, g.index, ri))
    candidates.sort()
    match_of_report: dict[int, int] = {}
    match_of_gold: dict[int, int] = {}
    for _, _, gi, ri in candidates:
        if ri in match_of_report or gi in match_of_gold:
            continue
        match_of_report[ri] = gi
        match_of_gold[gi] = ri

    noise = _spans_of(pair.noise, texts)
    optional = _spans_of(pair.optional, texts)
    outcomes = []
    for ri, r in enumerate(reports):
        if r.category not in SCORED:
            continue
        if ri in match_of_report:
            outcomes.append(ReportOutcome(r.category, r.kind, r.text, "right", match_of_report[ri]))
        else:
            near, status = _classify(r, gold, match_of_gold, noise, optional)
            outcomes.append(ReportOutcome(r.category, r.kind, r.text, status, near))

    fact_outcomes = []
    for g in gold:
        matched_by = match_of_gold.get(g.index)
        if matched_by is None:
            seen = tuple(f"{r.category}: {r.text}" for r in reports if _touches(r, g.spans))
            fact_outcomes.append(FactOutcome(g.fact, seen_as=seen))
        else:
            r = reports[matched_by]
            fact_outcomes.append(FactOutcome(g.fact, r.category, r.text, r.kind, r.label))
    return PairScore(
        pair=pair,
        facts=tuple(fact_outcomes),
        reports=tuple(outcomes),
        twice=_counted_twice(reports),
        direction=direction,
    )


def _spans_of(strings: Iterable[str], texts: Mapping[str, str]) -> dict[str, list[Span]]:
    return {side: [sp for s in strings for sp in locate(t, s)] for side, t in texts.items()}


def _classify(
    r: Reported,
    gold: Sequence[_Located],
    matched: Mapping[int, int],
    noise: Mapping[str, list[Span]],
    optional: Mapping[str, list[Span]],
) -> tuple[int | None, str]:
    """What an unmatched report is, and the gold fact it overlaps (if any)."""
    if _touches(r, noise):
        return None, "noise"
    touched = [g.index for g in gold if _touches(r, g.spans)]
    done = [gi for gi in touched if gi in matched]
    if done:
        return done[0], "duplicate"
    if touched:
        return touched[0], "mismatch"
    if _touches(r, optional):
        return None, "optional"
    return None, "unlisted"


def _counted_twice(reports: Sequence[Reported]) -> tuple[tuple[str, ...], ...]:
    """Groups of reports in two or more categories that are one fact: linked when their
    spans overlap on a side."""
    n = len(reports)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            a, b = reports[i], reports[j]
            if a.category == b.category:
                continue
            same_side = any(
                _overlap(sa, sb) > 0
                for side, sa in a.spans().items()
                if (sb := b.spans().get(side)) is not None
            )
            if same_side:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        if len({reports[i].category for i in members}) > 1:
            out.append(tuple(f"{reports[i].category}: {reports[i].text}" for i in members))
    return tuple(sorted(out))


# ---------------------------------------------------------------------------------------
# Adding pairs up


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    reported: int = 0
    right: int = 0

    def to_dict(self, with_precision: bool = True) -> dict[str, Any]:
        recall = _ratio(self.found, self.gold)
        out: dict[str, Any] = {"gold": self.gold, "found": self.found, "recall": recall}
        if with_precision:
            precision = _ratio(self.right, self.reported)
            out.update(
                reported=self.reported,
                right=self.right,
                precision=precision,
                f1=_f1(precision, recall),
            )
        return out


@dataclass(frozen=True)
class FactScores:
    """The measures over a group of pairs (``to_dict()`` is its JSON; see
    ``docs/eval.md``)."""

    pairs: int
    controls: int
    types: Mapping[str, Mapping[str, Any]]
    overall: Mapping[str, Any]
    kinds: Mapping[str, Mapping[str, Any]]
    labels: Mapping[str, Mapping[str, Any]]
    kept: Mapping[str, Any]
    statuses: Mapping[str, int]
    noise: tuple[str, ...]
    twice: tuple[str, ...]
    control_reports: int
    kind_agreement: float | None
    wrong_direction: int
    label_agreement: float | None = None
    exhaustive_pairs: int = 0
    missed: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "exhaustive_pairs": self.exhaustive_pairs,
            "controls": self.controls,
            "types": self.types,
            "overall": self.overall,
            "kinds": self.kinds,
            "labels": self.labels,
            "kept": self.kept,
            "statuses": self.statuses,
            "noise_reported": len(self.noise),
            "noise": list(self.noise),
            "counted_twice": len(self.twice),
            "twice": list(self.twice),
            "control_reports": self.control_reports,
            "kind_agreement": self.kind_agreement,
            "label_agreement": self.label_agreement,
            "wrong_direction": self.wrong_direction,
            "missed": list(self.missed),
        }


def aggregate(scores: Sequence[PairScore]) -> FactScores:
    """The measures over ``scores`` (precision over the exhaustive pairs only)."""
    types = {c: _Tally() for c in SCORED}
    overall = _Tally()
    kinds: dict[str, _Tally] = defaultdict(_Tally)
    labels: dict[str, _Tally] = defaultdict(_Tally)
    labelled: dict[str, int] = defaultdict(int)
    kept = _Tally()
    statuses = dict.fromkeys(STATUSES, 0)
    noise: list[str] = []
    twice: list[str] = []
    missed: list[str] = []
    agree = matched = control_reports = 0
    for ps in scores:
        pid = ps.pair.id
        for fo in ps.facts:
            f = fo.fact
            if f.type == "kept":
                kept.gold += 1
                kept.found += fo.found
                continue
            for t in (types[f.type], overall, kinds[f.kind]):
                t.gold += 1
                t.found += fo.found
            if f.type == "changed":
                labels[f.label or "unlabelled"].gold += 1
                labels[f.label or "unlabelled"].found += fo.found
                labelled[f.label or "unlabelled"] += fo.labelled_right
            if fo.found:
                matched += 1
                agree += fo.reported_kind == f.kind
            else:
                seen = f" (seen as {'; '.join(fo.seen_as)})" if fo.seen_as else ""
                missed.append(f"{pid}: {f.type} {f.kind} {f.describe()}{seen}")
        for ro in ps.reports:
            statuses[ro.status] += 1
            if ps.pair.control and ro.status != "optional":
                control_reports += 1
            if ro.status == "noise":
                noise.append(f"{pid}: {ro.category} {ro.kind} {ro.text!r}")
            if not ps.counted(ro):
                continue
            for t in (types[ro.category], overall, kinds[ro.kind]):
                t.reported += 1
                t.right += ro.status == "right"
        twice.extend(f"{pid}: " + " | ".join(t) for t in ps.twice)
    return FactScores(
        pairs=len(scores),
        exhaustive_pairs=sum(ps.pair.exhaustive for ps in scores),
        controls=sum(ps.pair.control for ps in scores),
        types={c: t.to_dict() for c, t in types.items()},
        overall=overall.to_dict(),
        kinds={k: kinds[k].to_dict() for k in sorted(kinds)},
        labels={
            k: {**labels[k].to_dict(with_precision=False), "labelled_right": labelled[k]}
            for k in sorted(labels)
        },
        label_agreement=_ratio(sum(labelled.values()), sum(t.found for t in labels.values())),
        kept=kept.to_dict(with_precision=False),
        statuses=statuses,
        noise=tuple(noise),
        twice=tuple(twice),
        control_reports=control_reports,
        kind_agreement=_ratio(agree, matched),
        wrong_direction=sum(ps.direction == "wrong" for ps in scores),
        missed=tuple(missed),
    )

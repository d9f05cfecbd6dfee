"""The fact-diff evaluation: compare every gold pair and score its fact diff.

:func:`evaluate_facts` reads the gold set (:func:`~textlineage.eval.facts_gold.load_facts_gold`,
by default the checkout's ``tests/data/facts_gold``), runs :func:`textlineage.compare` on
each pair (source first), and scores the ``facts`` of its JSON with
:func:`~textlineage.eval.facts.score_pair`; with ``seed=True`` it also scores the founding
pair from ``../shared/seeds`` (read in place, never copied). The fact diff is scored with
the gold's roles: when ``compare`` names the derived text as the source, its facts are
diffed again with the gold source as source (:func:`textlineage.compare.with_facts`), and
the pair is counted under ``wrong_direction``, so that a direction error (scored by
``eval pairs``) does not turn every added fact into a dropped one here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .facts import FactScores, PairScore, aggregate, score_pair
from .facts_gold import SCORED, SPLITS, GoldPair, load_facts_gold, load_seed_gold

if TYPE_CHECKING:
    from ..compare import CompareConfig

__all__ = [
    "TARGETS",
    "FactsEvaluation",
    "default_gold_dir",
    "default_seed_dir",
    "evaluate_facts",
    "run_pair",
]

TARGETS: Mapping[str, float] = {"precision": 0.90, "recall": 0.85}
"""Issue 12's targets for changed, added and dropped facts on the project's own gold; on
the founding pair: every gold fact found, no noise reported, no fact counted twice."""

_CHECKOUT = Path(__file__).resolve().parents[3]


def default_gold_dir() -> Path:
    """The gold set of the checkout this package runs from (``tests/data/facts_gold``)."""
    return _CHECKOUT / "tests" / "data" / "facts_gold"


def default_seed_dir() -> Path:
    """The founding pair beside the checkout (``../shared/seeds``)."""
    return _CHECKOUT.parent / "shared" / "seeds"


@dataclass(frozen=True)
class FactsEvaluation:
    """Every pair scored, the measures per group (``all``, ``dev``, ``test`` or the one
    split run; ``seed`` for the founding pair) and whether the targets are met."""

    split: str
    data_dir: str
    pairs: tuple[PairScore, ...]
    groups: Mapping[str, FactScores]
    seed: PairScore | None = None
    seed_dir: str = ""
    seconds: float = 0.0

    @property
    def main_group(self) -> str:
        """The group the gold targets are checked on: ``all``, or the split run."""
        return "all" if "all" in self.groups else self.split

    def targets_met(self) -> dict[str, bool | None]:
        """``gold``: precision and recall of changed, added and dropped at the targets on
        the main group; ``seed``: every seed fact found, no noise, nothing counted twice
        (None when not evaluated)."""
        out: dict[str, bool | None] = {"gold": None, "seed": None}
        g = self.groups.get(self.main_group)
        if g is not None and self.pairs:
            out["gold"] = all(
                (g.types[t]["precision"] or 0.0) >= TARGETS["precision"]
                and (g.types[t]["recall"] or 0.0) >= TARGETS["recall"]
                for t in SCORED
                if g.types[t]["gold"]
            )
        s = self.groups.get("seed")
        if s is not None:
            out["seed"] = s.overall["found"] == s.overall["gold"] and not s.noise and not s.twice
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "textlineage.eval.facts",
            "schema_version": "1.0",
            "split": self.split,
            "data_dir": self.data_dir,
            "seed_dir": self.seed_dir,
            "targets": dict(TARGETS),
            "targets_met": self.targets_met(),
            "seconds": round(self.seconds, 2),
            "groups": {name: g.to_dict() for name, g in self.groups.items()},
            "pairs": [p.to_dict() for p in self.pairs],
            "seed": None if self.seed is None else self.seed.to_dict(),
        }


def run_pair(pair: GoldPair, config: CompareConfig | None = None) -> PairScore:
    """Compare one gold pair (source first) and score its fact diff with the gold's
    roles."""
    from ..compare import compare, with_facts
    from ..ingest.documents import read_document

    a = read_document(str(pair.source_path))
    b = read_document(str(pair.derived_path))
    c = compare(a, b, config)
    direction = "none" if c.source is None else ("right" if c.source == 0 else "wrong")
    if c.facts.source_doc != 0:
        c = with_facts(replace(c, source=0))
    return score_pair(pair, a.text, b.text, c.facts.to_json(), direction)


def evaluate_facts(
    data_dir: str | Path | None = None,
    *,
    split: str | None = None,
    seed: bool = False,
    seed_dir: str | Path | None = None,
    config: CompareConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FactsEvaluation:
    """Compare and score the gold pairs of ``data_dir`` (default: :func:`default_gold_dir`),
    only the ``split`` half (``dev`` or ``test``; ``all`` or None for both) when given; with ``seed``, the founding
    pair of ``seed_dir`` too (default: :func:`default_seed_dir`). ``progress(done, total)``
    is called after each pair."""
    if split == "all":
        split = None
    if split is not None and split not in SPLITS:
        raise InputError(str(split), "unknown split (expected dev, test or all)")
    root = Path(data_dir) if data_dir is not None else default_gold_dir()
    pairs = load_facts_gold(root, split)
    seed_pair = None
    seeds = Path(seed_dir) if seed_dir is not None else default_seed_dir()
    if seed:
        seed_pair = load_seed_gold(seeds)
    todo: list[GoldPair] = [*pairs, *([seed_pair] if seed_pair else [])]
    t0 = time.perf_counter()
    scored: list[PairScore] = []
    for i, pair in enumerate(todo, 1):
        scored.append(run_pair(pair, config))
        if progress is not None:
            progress(i, len(todo))
    own = scored[: len(pairs)]
    seed_score = scored[len(pairs)] if seed_pair else None
    return FactsEvaluation(
        split=split or "all",
        data_dir=str(root),
        pairs=tuple(own),
        groups=group_scores(own, split, seed_score),
        seed=seed_score,
        seed_dir=str(seeds) if seed else "",
        seconds=time.perf_counter() - t0,
    )


def group_scores(
    pairs: Sequence[PairScore], split: str | None = None, seed: PairScore | None = None
) -> dict[str, FactScores]:
    """The measures of ``pairs`` as a whole (``all``) and per half, or of the one
    ``split`` run; ``seed`` alone as the group ``seed``."""
    groups: dict[str, FactScores] = {}
    if pairs:
        if split is None:
            groups["all"] = aggregate(pairs)
            for half in SPLITS:
                part = [p for p in pairs if p.pair.split == half]
                if part:
                    groups[half] = aggregate(part)
        else:
            groups[split] = aggregate(pairs)
    if seed is not None:
        groups["seed"] = aggregate([seed])
    return groups

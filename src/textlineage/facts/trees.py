"""Small learned models shipped as JSON: gradient-boosted trees read without any learning
library.

A model file in ``textlineage/data`` (written by a training script under ``benchmarks/``)
holds the names of the measures it reads, in order, its trees (each as the parallel lists
``feature``, ``threshold``, ``left``, ``right``, ``value`` of scikit-learn's trees; a
leaf has ``left`` -1), the starting score, the learning rate and the SHA-256 of its trees.
:func:`load_trees` checks the digest and the measures' names before a model is used: a
file edited by hand, or written for another version's measures, is refused.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any


def trees_digest(trees: Sequence[Mapping[str, Any]]) -> str:
    """The SHA-256 of a model's trees, as its file records it."""
    return hashlib.sha256(json.dumps(trees, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=8)
def load_trees(name: str, features: tuple[str, ...]) -> dict[str, Any]:
    """The model ``textlineage/data/<name>``, checked against its digest and the names of
    the measures this version computes (``features``, in order)."""
    raw = files("textlineage").joinpath("data", name).read_bytes()
    model: dict[str, Any] = json.loads(raw)
    if (
        tuple(model["features"]) != features
        or trees_digest(model["trees"]) != model["trees_sha256"]
    ):
        raise ValueError(f"{name}: the model does not match this version's measures")
    return model


def probability(model: Mapping[str, Any], row: Sequence[float]) -> float:
    """The model's probability of the positive class for one row of measures."""
    score = float(model["init"])
    rate = float(model["learning_rate"])
    for tree in model["trees"]:
        node = 0
        left = tree["left"]
        while left[node] >= 0:
            if row[tree["feature"][node]] <= tree["threshold"][node]:
                node = left[node]
            else:
                node = tree["right"][node]
        score += rate * tree["value"][node]
    return 1.0 / (1.0 + math.exp(-score))

"""Semantic seeds: paraphrased unit pairs found with sentence embeddings plus structure.

Cosine similarity alone confuses "two sentences about the same event" with "one sentence
rewritten from the other". A pair of units becomes a seed when its embedding similarity
is very high, or high *and* supported by structure: the two units are each other's best
match (mutual), they share specific tokens (names, numbers), or they share enough content
words. Several units of one side may seed with one unit of the other (many-to-one), which
is how merged sentences (compression) are found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..text.features import Features
from .evidence import LEXICAL_OFFSET
from .fragments import Seed, Vectors


@dataclass(frozen=True)
class SemanticConfig:
    """Thresholds on the embedding cosine; calibrated on MRPC (see benchmarks/)."""

    enabled: bool = True
    strong: float = 0.78
    """A seed on similarity alone at or above this."""
    strong_mutual: float = 0.65
    """A seed when the units are each other's best match and share some words."""
    weak_mutual: float = 0.5
    weak_shared_terms: float = 0.4
    weak_names: float = 0.5
    """Weak seeds (mutual best; several shared content terms; shared rare names) count only
    next to a fragment that strong seeds already established."""
    min_lexical: float = 0.08
    lexical_offset: float = LEXICAL_OFFSET
    """Lexical cosine + this offset puts tf-idf scores on the embedding scale."""
    max_units: int = 4000
    """Longer pairs (sentences, both documents) are aligned lexically only."""
    skip_lexical: float = 0.6
    """Units with a lexical match this close are not embedded (they are seeds already)."""
    embed_min_lexical: float = 0.05
    """Units whose best lexical match on the other side is below this are not embedded: a
    rewording keeps some content word. On the seed pair and 25 pairs each of PAN
    03-random and 05-summary obfuscation this lost 1 of 538 seeds (a weak one) and saves
    about half the encoding; 4 of the 59 seeds it lost among 25 no-plagiarism pairs."""


def _rare_specific(f: Features, idx: int, df: dict[str, int]) -> set[str]:
    """Names and numbers of a unit that occur in at most two units of the pair."""
    u = f.units[idx]
    out = set()
    for k, t in enumerate(u.tokens):
        if (t.is_number or (k > 0 and f.text[t.start].isupper() and len(t.norm) > 2)) and df.get(
            t.norm, 0
        ) <= 2:
            out.add(t.norm)
    return out


def unit_texts(f: Features) -> list[str]:
    return [" ".join(f.text[u.start : u.end].split()) for u in f.units]


def combined_scores(sim: np.ndarray, vec: Vectors, cfg: SemanticConfig) -> np.ndarray:
    """One similarity scale for both kinds of evidence."""
    return np.maximum(sim, np.minimum(1.0, vec.cosine + cfg.lexical_offset))


def semantic_seeds(
    fa: Features,
    fb: Features,
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    vec: Vectors,
    cfg: SemanticConfig,
) -> tuple[list[Seed], list[Seed]]:
    """Strong and weak seeds from embedding similarity with structural support."""
    if emb_a.shape[0] == 0 or emb_b.shape[0] == 0:
        return [], []
    sim = emb_a @ emb_b.T
    best_j = sim.argmax(axis=1)
    best_i = sim.argmax(axis=0)
    df: dict[str, int] = {}
    for f in (fa, fb):
        for u in f.units:
            for w in {t.norm for t in u.tokens}:
                df[w] = df.get(w, 0) + 1
    low = min(cfg.weak_mutual, cfg.weak_shared_terms, cfg.weak_names)
    strong: list[Seed] = []
    weak: list[Seed] = []
    for i, j in np.argwhere(sim >= low):
        i, j = int(i), int(j)
        s = float(sim[i, j])
        lex = float(vec.cosine[i, j])
        mutual = best_j[i] == j and best_i[j] == i
        if s >= cfg.strong or (mutual and s >= cfg.strong_mutual and lex >= cfg.min_lexical):
            strong.append(Seed(i, j, s, "semantic"))
            continue
        shared_terms = len(set(fa.units[i].terms) & set(fb.units[j].terms))
        if (
            (mutual and s >= cfg.weak_mutual and lex >= cfg.min_lexical)
            or (s >= cfg.weak_shared_terms and shared_terms >= 3)
            or (
                s >= cfg.weak_names
                and len(_rare_specific(fa, i, df) & _rare_specific(fb, j, df)) >= 2
            )
        ):
            weak.append(Seed(i, j, s, "semantic"))
    return strong, weak

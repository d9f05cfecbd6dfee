"""Semantic seeds: paraphrased unit pairs found with sentence embeddings plus structure.

Cosine similarity alone confuses "two sentences about the same event" with "one sentence
rewritten from the other". A pair of units becomes a seed when its embedding similarity
is very high, or high *and* supported by structure: the two units are each other's best
match (mutual), they share specific tokens (names, numbers), or they share enough content
words. Several units of one side may seed with one unit of the other (many-to-one), which
is how merged sentences (compression) are found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    embed_pair_lexical: float = 0.08
    embed_pair_terms: int = 3
    """Of those, a unit is embedded only when some such unit of the other side could pass a
    structural test of :func:`semantic_seeds` with it: their lexical cosine reaches
    ``embed_pair_lexical`` (``min_lexical``: what mutual seeds need) or they share
    ``embed_pair_terms`` content terms (what seeds on shared terms need). Only a seed on
    similarity alone (``strong``) can need neither; ``screen_strong`` covers those. On two
    samples of 150 PAN pairs (30 of each sub-corpus) with the 91 pairs of
    ``tests/data/same_topic``, this embedded 31% fewer word pieces and changed no
    comparison."""
    screen_similarity: float = 0.35
    screen_strong: float = 0.6
    """The screen, a static embedding about 100 times cheaper than the sentence model
    (:class:`~textlineage.embed_static.StaticEmbedder`). In the first round a pair that
    passes the structural test is embedded only when it also reaches ``screen_similarity``
    on the screen's cosine; one that reaches ``screen_strong`` is embedded whatever words
    it shares. Later rounds embed the other possible partners near strong seeds, where weak
    seeds count (see :class:`EmbedPlan`), so the screen only decides where strong seeds are
    looked for away from all others: at 0.35 it passes 96% of the pairs that made strong
    semantic seeds on the PAN sample (87% at 0.45). On the samples above this embedded
    62-67% fewer word pieces than neither test and changed no comparison; nor did it on
    the same-topic sets of ``benchmarks/same_topic.py`` (own, MRPC, PAN) or the seed pair.
    ``screen_similarity = 0`` turns the screen off."""


Screen = Callable[[Sequence[str]], np.ndarray]
"""Texts to L2-normalised vectors (cheap ones: a static embedding)."""


def unit_texts(f: Features) -> list[str]:
    """Each unit's text with its whitespace collapsed (what the models are given)."""
    return [_unit_text(f, i) for i in range(len(f.units))]


@dataclass(frozen=True)
class EmbedPlan:
    """Which units the semantic stage embeds (see :class:`SemanticConfig`), in two rounds.

    ``cand_a`` and ``cand_b`` are the units of each side in the embeddable range; ``gate``
    says which candidate pairs could pass a structural test of :func:`semantic_seeds`, and
    ``screened`` which of those also pass the screen. The first round embeds the units of
    screened pairs. Weak seeds count only next to a fragment of strong seeds, so each further
    round embeds the units of the other gate pairs that lie near a strong seed (lexical, or
    semantic from the rounds before), until none is new: the weak seeds that matter are
    found as without the screen. Everything depends on the pair alone.
    """

    cand_a: np.ndarray
    cand_b: np.ndarray
    gate: np.ndarray
    screened: np.ndarray

    def first(self) -> tuple[np.ndarray, np.ndarray]:
        """Units of each side in a screened pair."""
        return self.cand_a[self.screened.any(axis=1)], self.cand_b[self.screened.any(axis=0)]

    def near(self, anchors: Sequence[tuple[int, int]], reach: int) -> tuple[np.ndarray, np.ndarray]:
        """Units of each side in a gate pair whose units are both within ``reach`` units of
        an anchor's unit on their side (not necessarily the same anchor)."""
        if not anchors or self.gate.size == 0:
            return self.cand_a[:0], self.cand_b[:0]
        close_a = _within(self.cand_a, np.array([i for i, _ in anchors]), reach)
        close_b = _within(self.cand_b, np.array([j for _, j in anchors]), reach)
        ok = self.gate & close_a[:, None] & close_b[None, :]
        return self.cand_a[ok.any(axis=1)], self.cand_b[ok.any(axis=0)]


def _within(units: np.ndarray, anchors: np.ndarray, reach: int) -> np.ndarray:
    """For each unit, whether some anchor lies within ``reach`` of it."""
    ref = np.unique(anchors)
    k = np.searchsorted(ref, units)
    after = np.abs(ref[np.minimum(k, len(ref) - 1)] - units)
    before = np.abs(units - ref[np.maximum(k - 1, 0)])
    return np.minimum(after, before) <= reach


def plan_embedding(
    fa: Features,
    fb: Features,
    vec: Vectors,
    cfg: SemanticConfig,
    screen: Screen | None = None,
) -> EmbedPlan:
    """Which units are worth a sentence vector (see :class:`EmbedPlan`).

    A unit needs none when it is a near-copy of a unit of the other side (it seeds
    lexically), when it shares almost no content word with the other side, or when no such
    unit of the other side could seed with it.
    """
    lo, hi = cfg.embed_min_lexical, cfg.skip_lexical
    best_a, best_b = vec.cosine.max(axis=1), vec.cosine.max(axis=0)
    cand_a = np.flatnonzero((best_a < hi) & (best_a >= lo))
    cand_b = np.flatnonzero((best_b < hi) & (best_b >= lo))
    if len(cand_a) == 0 or len(cand_b) == 0:
        none = np.zeros((len(cand_a), len(cand_b)), dtype=bool)
        return EmbedPlan(cand_a, cand_b, none, none)
    lex = vec.cosine[np.ix_(cand_a, cand_b)]
    # Shared terms from the Dice overlap of the units' term sets: 2|A∩B| / (|A| + |B|).
    size_a = np.array([len(set(fa.units[i].terms)) for i in cand_a], dtype=np.float32)
    size_b = np.array([len(set(fb.units[j].terms)) for j in cand_b], dtype=np.float32)
    shared = np.rint(vec.dice[np.ix_(cand_a, cand_b)] * (size_a[:, None] + size_b[None, :]) / 2)
    gate = (lex >= cfg.embed_pair_lexical) | (shared >= cfg.embed_pair_terms)
    screened = gate
    if screen is not None and cfg.screen_similarity > 0:
        texts = [_unit_text(fa, int(i)) for i in cand_a] + [_unit_text(fb, int(j)) for j in cand_b]
        v = screen(texts)
        cos = v[: len(cand_a)] @ v[len(cand_a) :].T
        screened = (gate & (cos >= cfg.screen_similarity)) | (cos >= cfg.screen_strong)
        gate = gate | screened
    return EmbedPlan(cand_a, cand_b, gate, screened)


def _unit_text(f: Features, idx: int) -> str:
    u = f.units[idx]
    return " ".join(f.text[u.start : u.end].split())


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

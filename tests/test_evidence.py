"""Reuse evidence rules (textlineage.align.evidence.assess) on hand-made candidate passages."""

from __future__ import annotations

from dataclasses import replace

from textlineage.align.evidence import Candidate, EvidenceConfig, assess


def _cand(
    k: int, matched: int, region: float = 0.6, lexical: int = 4, region_id: int = 0
) -> Candidate:
    """A sentence-level match far from the others (no ordered run), in a similar region."""
    return Candidate(
        a=(10 * k, 10 * k),
        b=(10 * k + 3, 10 * k + 3),
        score=0.6,
        token_ratio=0.4,
        matched=matched,
        longest_run=3,
        wording=1,
        region=region,
        region_lexical=lexical,
        region_id=region_id,
    )


def test_local_match_needs_a_stretch_of_wording() -> None:
    cfg = EvidenceConfig()
    # Sentences on the same subject: a few shared words each, in one small place.
    topical = [_cand(0, 6), _cand(1, cfg.local_anchor_tokens - 1)]
    assert assess(topical, cfg, matched_share=0.05) == [(), ()]
    # A reworded passage keeps a stretch of its wording in order: the place counts, and so
    # do its weaker neighbours there.
    reused = [_cand(0, 6), _cand(1, cfg.local_anchor_tokens)]
    why = assess(reused, cfg, matched_share=0.05)
    assert all(w and w[0].startswith("local match") for w in why), why
    # Not when the texts match throughout (same subject, not a passage inside another text).
    assert assess(reused, cfg, matched_share=0.5) == [(), ()]
    # The anchor must itself be in a similar region with word-level seeds.
    weak = [_cand(0, 6), _cand(1, 20, region=0.2)]
    assert assess(weak, cfg, matched_share=0.05) == [(), ()]
    # The stretch of wording must be in the same place: it does not vouch for another one.
    elsewhere = [_cand(0, 6, region_id=1), _cand(1, cfg.local_anchor_tokens, region_id=2)]
    why = assess(elsewhere, cfg, matched_share=0.05)
    assert why[0] == () and why[1] and why[1][0].startswith("local match"), why
    # The setting is the rule: without an anchor requirement the topical pair counts.
    loose = replace(cfg, local_anchor_tokens=0)
    assert all(assess(topical, loose, matched_share=0.05))


def test_corpus_verification_asks_for_a_longer_stretch() -> None:
    from textlineage.align.evidence import CORPUS_LOCAL_ANCHOR
    from textlineage.compare import CompareConfig
    from textlineage.corpus.config import CorpusConfig

    corpus = CorpusConfig().compare.align.evidence.local_anchor_tokens
    pairwise = CompareConfig().align.evidence.local_anchor_tokens
    assert corpus == CORPUS_LOCAL_ANCHOR > pairwise

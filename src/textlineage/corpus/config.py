"""Settings of a corpus: indexing, search and discovery."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..align.evidence import CORPUS_LOCAL_ANCHOR, EvidenceConfig
from ..align.fragments import AlignConfig
from ..compare import CompareConfig
from ..text.claims import ClaimKeyConfig
from ..text.sketch import SketchConfig
from .windows import WindowConfig


def corpus_compare_config() -> CompareConfig:
    """The comparison settings a corpus verifies candidates with."""
    evidence = EvidenceConfig(local_anchor_tokens=CORPUS_LOCAL_ANCHOR)
    return CompareConfig(align=AlignConfig(evidence=evidence), facts=True)


@dataclass(frozen=True)
class CorpusConfig:
    """Settings for indexing and search; the sketch settings are fixed per index."""

    sketch: SketchConfig = field(default_factory=SketchConfig)
    claims: ClaimKeyConfig = field(default_factory=ClaimKeyConfig)
    """Sentence keys stored at ingest, for claim-length queries (fixed per index, but for
    ``query_terms``)."""
    batch_size: int = 500
    ingest_workers: int = 1
    """Processes computing sketches and document vectors during :meth:`Corpus.add` (1: in
    the calling process)."""
    min_shared: int = 2
    """Fingerprints a candidate must share with the query."""
    min_evidence: float = 1.25
    """Discovery: a pair is a candidate when the fingerprints it shares, each weighted
    ``2 / df``, add up to this (two fingerprints found nowhere else, or more that are
    commoner). On a 2,000-document synthetic corpus (benchmarks/bench_corpus.py) this kept
    35 of 38 random-obfuscation pairs that two shared fingerprints find, with a third of
    the candidates."""
    min_evidence_alone: float = 2.0
    """Discovery: a candidate with less fingerprint evidence than this is verified only when
    the window channel confirms it (``WindowConfig.confirm``; when the channel runs)."""
    max_df_share: float = 0.01
    max_df_floor: int = 50
    max_df_cap: int = 1000
    """Fingerprints in more than max(floor, min(share × documents, cap)) documents do not
    vote (in search they still do when no rarer one finds a candidate)."""
    verify: int = 20
    """Lexical candidates verified by alignment per search, most shared fingerprints first."""
    verify_patience: int = 6
    """Stop verifying lexical candidates after this many in a row turn out independent."""
    semantic_candidates: int = 10
    semantic_min: float = 0.55
    """Embedding neighbours (cosine at least this) also verified per search."""
    window_pool: int = 40
    """Search: the documents with the most fingerprint evidence (rare or not) that the
    window channel rescores …"""
    window_min: float = 0.25
    """… and verifies when their best window cosine is at least this, up to
    ``semantic_candidates`` of them, best first (the semantic stage: see
    ``semantic_verify``)."""
    semantic_verify: int = 1
    """Search: candidates that get the semantic stage after the lexical one, at most: those
    it does not find derived and that are close (window cosine at least ``windows.close``,
    or an embedding neighbour), closest first; the lexical verdict stands for the rest. The
    stage encodes the candidate's sentences (0.2–0.5 s for a news article on one core). On
    the 2,000-document corpus of ``benchmarks/bench_corpus.py``, 60 queries made of PAN
    obfuscations found their source 45 times with 0 or 3 (p50 196 against 989 ms); it is
    what finds the seed article's reworded paragraphs (tests/test_corpus.py). In an index
    without stored terms (no window channel) the candidates take their turn in lexical
    order. Verification stops early on the lexical verdicts (``verify_patience``)."""
    doc_embedding_tokens: int = 1024
    """A document's vector (``index add --embeddings``) averages its first this many tokens
    (about 750 words: a news article whole)."""
    multilingual_lead_chars: int = 1000
    """A document's multilingual vector (``index add --multilingual``) is that of its
    first whole sentences up to this many characters, and a query is embedded in chunks
    of this size (an index keeps the size it was built with). 1,000 characters: the
    weakest of four translated pairs written for the tests scores 0.85 with the original,
    the strongest of the other pairs in different languages 0.83 (at 600 the margin is
    the same for half the encoding time, but a lead that opens with an unrelated paragraph
    falls to 0.84; see :data:`~.multilingual.LEAD_FIGURES`)."""
    multilingual_min: float = 0.84
    """Cosine of two leads (or of a query chunk and a lead) in different languages from
    which they are a translation candidate: above every pair of texts on a similar event
    in different languages (at most 0.83) and every English PAN source against a
    non-English text (at most 0.82) that were measured, below every translated pair
    (0.85-0.93)."""
    multilingual_nearest_min: float = 0.80
    """From this cosine up, a lead that is the nearest of its language is a candidate too:
    in discovery when the two documents are each other's nearest in the other's language,
    in search when it is a query chunk's nearest. On the development set of
    tests/data/translation (10 translated passages and 3 same-event passages a language,
    Spanish, French, Persian, against the 10 English translations), mutual nearest from
    0.80 plus any pair from ``multilingual_min`` finds every translation with 1 other
    candidate in dev and 2 in test (``multilingual_min`` alone: recall 1.0 in dev, 0.93
    in test, where two Persian passages score 0.82-0.84; the nearest English passage is
    the translation for all 60)."""
    multilingual_candidates: int = 5
    """Search: translation candidates verified at most (the nearest first); each costs a
    multilingual encoding of the sentences of both texts (about 0.5 s per 1,000
    characters)."""
    multilingual_neighbours: int = 3
    """Discovery: each document's nearest leads in each other language that are
    candidates (when close enough)."""
    multilingual_query_chunks: int = 3
    """Search: the query's first this many chunks are embedded, each about 0.6 s on one
    core (an English PAN document against an index holding a few documents in other
    languages: about 1.8 s, against 3-4 s with 8 chunks); a translated text is found by
    its lead, a translated passage within the first 3,000 characters."""
    claim_max_chars: int = 300
    """Search: a query up to this long is claim-length (a sentence, a tweet, a headline):
    it is looked up by its sentences' keys (:mod:`.claims`) and by fingerprints, and
    verified lexically; the window, embedding and multilingual channels, which need more
    text to tell a rewording from a text on the same subject, are left out."""
    claim_own_limit: int = 1000
    """Search: rows read of each of a claim unit's own sentence keys (a copied sentence
    shares them); a key held by more sentences than this is passed over."""
    claim_key_limit: int = 50
    """...and of each key of another pair of its lowest terms (an edited copy's)."""
    claim_verify: int = 40
    """Search: indexed sentences, those sharing most keys with the query first, checked
    against it in words."""
    claim_check_share: float = 0.6
    """Share of a query sentence's words an indexed text must keep in order for its
    document to be verified (the pairwise engine then asks for its own share,
    :class:`~textlineage.align.evidence.ShortConfig`)."""
    compare: CompareConfig = field(default_factory=corpus_compare_config)
    """How candidates are verified: the calibrated pairwise settings, except that a local
    match needs a longer stretch of wording (:data:`~textlineage.align.evidence.CORPUS_LOCAL_ANCHOR`)."""
    windows: WindowConfig = field(default_factory=WindowConfig)
    """The window channel: reworded-passage candidates for discovery and search."""

    def max_df(self, n_documents: int) -> int:
        """Fingerprints held by more documents than this do not vote."""
        share = int(self.max_df_share * n_documents)
        return max(self.max_df_floor, min(share, self.max_df_cap))

"""Reuse evidence: what makes an aligned passage reuse rather than coverage of the same facts.

Two texts about one event share names, numbers, places and dates, and many of their
sentences are about the same thing: sentence by sentence they look like paraphrases. What
rewriting leaves and independent reporting does not is structure and wording. A passage
counts as reuse when it has at least one of:

- **copied wording**: a long run of identical words (a copied sentence or quote), or many
  words agreeing in order (a lightly or a heavily edited copy);
- **an ordered run**: it is one of several sentence-level matches that follow each other in
  the same order in both texts, close together, each close in meaning and sharing wording
  that neither text uses elsewhere (a rewriter walks through the source; two reporters
  ordering the same facts by importance match here and there, in their own words);
- **a place among reused passages**: it sits next to two passages that count, in both texts
  (a rewriter reorders sentences inside the stretch it rewrites);
- **a local match**: the texts match in one small place only, with shared words, and a
  passage there keeps a stretch of wording in order (a passage reused inside an otherwise
  unrelated text);
- **a short copy** (only when one of the texts is claim-length, :class:`ShortConfig`; found
  by :mod:`textlineage.align.claims`): the passage keeps nearly all the words of a sentence
  of the short text, in order (a claim, a tweet or a headline copied, lightly edited or
  not). Between two long texts a shared sentence is as often a stock phrase as a copy, so
  there it does not count alone.

A passage with none is left out: it is what two texts on the same subject look like. Each
kept passage carries its reasons, in words, so a reader can check them.

Pure functions of the candidate passages and of the documents' terms;
:func:`textlineage.align.passages.passages` calls them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.features import Features

LEXICAL_OFFSET = 0.35
"""Lexical (tf-idf) cosine plus this is on the scale of the embedding cosine (MRPC)."""


@dataclass(frozen=True)
class Candidate:
    """A passage before it is judged: unit ranges, similarity and copy measures."""

    a: tuple[int, int]
    """First and last unit of the passage in the first document (inclusive)."""
    b: tuple[int, int]
    score: float
    """Similarity of the passage: its best seed score or its best lexical cosine plus
    ``LEXICAL_OFFSET``, whichever is higher (one scale with or without embeddings)."""
    token_ratio: float
    """Share of tokens that agree in order (2 × LCS / total)."""
    matched: int
    """Tokens that agree in order (the LCS length)."""
    longest_run: int
    """The longest run of consecutive identical tokens."""
    parts: int = 1
    """Sentence-level matches joined in the passage (consecutive ones are merged)."""
    wording: int = 0
    """Words (not names or numbers) both sides use and neither text uses elsewhere."""
    facts: int = 0
    """Names and numbers both sides use and neither text uses elsewhere."""
    region: float = 0.0
    """Similarity of the aligned region (fragment) holding the passage."""
    region_lexical: int = 0
    """Word-level (lexical) seeds in that region."""
    region_id: int = -1
    """Which aligned region holds the passage (-1: none, or not known)."""


@dataclass(frozen=True)
class ShortConfig:
    """Claim-length texts: a sentence, a tweet, a headline.

    The rules for long texts ask for 12 identical words in a row, or for 120 reused
    characters before a pair is reuse at all: a whole claim is often shorter. When either
    text of a pair is at most ``max_chars`` long, a passage also counts when it keeps at
    least ``copy_share`` of the words of the claim-length side's sentences it covers, in
    order (a word changed, added or dropped, punctuation or case: still a copy), with at
    least ``min_tokens`` such words and ``min_chars`` characters on its longer side; the
    verdict's floor of reused characters drops to ``copy_share`` of ``min_chars`` (a
    40-character claim with a word dropped). Between two long texts nothing changes: a
    shared sentence there is as often a stock phrase as a copy.
    """

    max_chars: int = 300
    """Texts up to this long are claim-length (a tweet is at most 280 characters)."""
    min_chars: int = 40
    """The shortest reused text that counts (five to seven words): shorter matches are
    titles, names and set phrases as often as claims."""
    min_tokens: int = 5
    copy_share: float = 0.8
    """One edit in a claim of five to nine words, two in one of ten to fourteen."""

    def __post_init__(self) -> None:
        if not 0 < self.copy_share <= 1:
            raise ValueError(f"ShortConfig.copy_share must be in (0, 1], got {self.copy_share}")
        if self.min_chars < 1 or self.min_tokens < 1:
            raise ValueError(
                "ShortConfig.min_chars and min_tokens must be at least 1, got "
                f"{self.min_chars} and {self.min_tokens}"
            )

    def sides(self, chars: tuple[int, int]) -> tuple[bool, bool]:
        """Which of two texts of these lengths are claim-length."""
        return chars[0] <= self.max_chars, chars[1] <= self.max_chars

    @property
    def floor(self) -> int:
        """The verdict's floor of reused characters for a pair with a claim-length text."""
        return int(self.copy_share * self.min_chars)


@dataclass(frozen=True)
class EvidenceConfig:
    """When a passage counts as reuse.

    Calibrated with ``benchmarks/same_topic.py`` on: ``tests/data/same_topic`` (72 pairs of
    independent accounts of one event, 19 reworded derivatives), MRPC same-event
    pseudo-documents, 100 PAN 2013 pairs each of no-plagiarism, random and summary
    obfuscation (compared with the semantic stage), and the seed pair's gold passages, with
    the ONNX embedding runtime. ``run_score`` is on the combined similarity scale of
    :mod:`textlineage.align.semantic`; the rules lean on counts (words, matches, seeds) more than
    on cosine edges, so that small shifts of the vectors move few decisions.
    """

    copy_run_tokens: int = 12
    """A verbatim run of this many tokens is copied text on its own (shorter shared runs
    are stock phrases, names and titles: "in the second half of next year")."""
    copy_min_tokens: int = 12
    copy_ratio: float = 0.8
    """A passage with at least ``copy_min_tokens`` tokens in order that make up this share of
    its tokens is a lightly edited copy and counts on its own."""
    edited_min_tokens: int = 20
    edited_ratio: float = 0.5
    """...and so is a longer one with at least ``edited_min_tokens`` in order making up half
    of it: a copy with words shuffled, replaced or dropped (PAN random obfuscation: half of
    the pairs the ordered runs miss; no independent account in the dev set reaches it)."""
    min_run: float = 3
    """Passages in an ordered run of at least this many sentence-level matches count. Four
    loses partial rewrites of three sentences (the ``_m`` texts) and 3 of the seed pair's
    gold passages."""
    run_gap: int = 2
    """Units either text may skip between two consecutive passages of a run (a derivative
    drops sentences)."""
    gap_cost: float = 0.0
    """What a skipped unit takes off a run's length. 0.5 makes chance runs among shuffled
    same-event sentences rarer (MRPC events 0.78 -> 0.98 independent) but loses a
    condensed derivative that reorders what it keeps (10_oil_spill_d), so it is off."""
    run_score: float = 0.75
    """Passages below this score (embedding or lexical similarity) do not join runs."""
    run_wording: int = 3
    """Passages sharing fewer distinctive words (``Candidate.wording``) do not join runs:
    same-topic sentences match in meaning and facts, rewritten ones also in wording."""
    run_facts: int = 8
    """...unless they share at least this many names and numbers found nowhere else in
    either text (a copied list, as the seed pair's list of cities)."""
    local_share: float = 0.2
    local_similarity: float = 0.34
    local_lexical: int = 2
    """A local match: when the aligned regions cover at most ``local_share`` of one of the
    texts, a region with this similarity and this many word-level seeds counts. Two texts on
    one subject match throughout; a passage reused in an otherwise unrelated text matches
    in one place (PAN 2013: obfuscated copies and summaries inside long documents). One
    word-level seed, or a share of 0.35, lets in different-angle accounts."""
    local_anchor_tokens: int = 8
    """...and only when one of the passages there has at least this many words agreeing in
    order (``Candidate.matched``): a reused passage, however reworded, keeps a stretch of
    its wording, where a sentence of another text on the same subject shares a few words.
    The stretch must be in the region itself: it does not vouch for another place. Eight
    costs one of the 100 PAN random and one of the 100 summary pairs of
    ``benchmarks/same_topic.py`` (lexical stage: 91 and 84 found). Corpus verification
    asks for more (:data:`CORPUS_LOCAL_ANCHOR`)."""
    near_counted: int = 2
    """A passage within ``run_gap`` units (in both texts) of this many counted passages
    counts too: a rewriter reorders sentences inside the stretch it rewrites."""


CORPUS_LOCAL_ANCHOR = 13
"""``local_anchor_tokens`` when a corpus verifies its candidates (search and discovery).
There the window channel brings each document's most similar texts among many, so weak
local matches add up: on a 2,000-document corpus of PAN obfuscations
(``benchmarks/bench_corpus.py``) 111 same-subject pairs rested on a local match alone
against 11 planted ones. Thirteen words in order keeps 90 of the 100 planted reworded pairs
(91 with 8) and drops three quarters of those same-subject pairs; on PAN pairs compared
one by one it would lose 8 of 92 random and 10 of 85 summary obfuscations, which is why
``compare`` keeps the lower bar."""


def words_and_facts(f: Features) -> tuple[list[set[str]], list[set[str]]]:
    """Each unit's content terms split into wording and facts (names and numbers: a
    number, or a capitalised word inside a sentence); kept with the features."""
    return f.words_and_facts


def distinctive_shared(
    terms_a: Sequence[set[str]],
    terms_b: Sequence[set[str]],
    df_a: Counter[str],
    df_b: Counter[str],
    ga: set[int],
    gb: set[int],
) -> int:
    """Terms both sides of a passage use and neither document uses anywhere else (``df_*``
    counts the units of each document holding a term): for wording, words taken over
    rather than the vocabulary of the topic."""
    if len(ga) == 1 and len(gb) == 1:  # each term once on each side
        (i,), (j,) = ga, gb
        return sum(1 for w in terms_a[i] & terms_b[j] if df_a[w] == 1 and df_b[w] == 1)
    in_a: Counter[str] = Counter(w for i in ga for w in terms_a[i])
    in_b: Counter[str] = Counter(w for j in gb for w in terms_b[j])
    return sum(1 for w in in_a.keys() & in_b.keys() if in_a[w] == df_a[w] and in_b[w] == df_b[w])


def _follows(g: Candidate, h: Candidate, gap: int) -> bool:
    """``h`` comes after ``g`` in both texts, at most ``gap`` units further on.

    Starts must advance in both texts and ends may not go back (a passage that merges
    several sentences may share its last one with the next passage's first).
    """
    return (
        h.a[0] > g.a[0]
        and h.b[0] > g.b[0]
        and h.a[1] >= g.a[1]
        and h.b[1] >= g.b[1]
        and h.a[0] - g.a[1] - 1 <= gap
        and h.b[0] - g.b[1] - 1 <= gap
    )


def _distance(r: tuple[int, int], s: tuple[int, int]) -> int:
    """Units strictly between two unit ranges (0 when they touch or overlap)."""
    return max(0, s[0] - r[1] - 1, r[0] - s[1] - 1)


def _skip(g: Candidate, h: Candidate) -> int:
    """Units skipped between ``g`` and the following ``h`` (the larger of the two texts)."""
    return max(0, h.a[0] - g.a[1] - 1, h.b[0] - g.b[1] - 1)


def run_lengths(cands: Sequence[Candidate], cfg: EvidenceConfig) -> list[float]:
    """For each candidate, the length of the best ordered run through it: its sentence-level
    matches, less ``gap_cost`` per skipped unit; 0 when its score keeps it out of runs.
    Symmetric in the two documents."""
    idx = [
        k
        for k, c in enumerate(cands)
        if c.score >= cfg.run_score and (c.wording >= cfg.run_wording or c.facts >= cfg.run_facts)
    ]
    idx.sort(key=lambda k: (cands[k].a, cands[k].b))
    # Candidates further apart than this in the first text cannot follow each other.
    reach = cfg.run_gap + 1 + max((cands[k].a[1] - cands[k].a[0] for k in idx), default=0)
    fwd = {k: float(cands[k].parts) for k in idx}
    for p, k in enumerate(idx):
        for q in range(p - 1, -1, -1):
            g = idx[q]
            if cands[k].a[0] - cands[g].a[0] > reach:
                break
            if _follows(cands[g], cands[k], cfg.run_gap):
                step = fwd[g] - cfg.gap_cost * _skip(cands[g], cands[k]) + cands[k].parts
                fwd[k] = max(fwd[k], step)
    bwd = {k: float(cands[k].parts) for k in idx}
    for p in range(len(idx) - 1, -1, -1):
        k = idx[p]
        for q in range(p + 1, len(idx)):
            h = idx[q]
            if cands[h].a[0] - cands[k].a[0] > reach:
                break
            if _follows(cands[k], cands[h], cfg.run_gap):
                step = bwd[h] - cfg.gap_cost * _skip(cands[k], cands[h]) + cands[k].parts
                bwd[k] = max(bwd[k], step)
    out = [0.0] * len(cands)
    for k in idx:
        out[k] = fwd[k] + bwd[k] - cands[k].parts
    return out


def assess(
    cands: Sequence[Candidate], cfg: EvidenceConfig, matched_share: float = 1.0
) -> list[tuple[str, ...]]:
    """The reasons each candidate counts as reuse; an empty tuple when it does not.

    ``matched_share``: the share of units inside aligned regions, for the less covered text.
    """
    runs = run_lengths(cands, cfg)
    # Regions where the texts match in one small place, with a stretch of wording there.
    anchored = (
        {
            c.region_id
            for c in cands
            if c.matched >= cfg.local_anchor_tokens
            and c.region >= cfg.local_similarity
            and c.region_lexical >= cfg.local_lexical
        }
        if matched_share <= cfg.local_share
        else set()
    )
    out: list[list[str]] = []
    for c, run in zip(cands, runs, strict=True):
        why: list[str] = []
        if c.longest_run >= cfg.copy_run_tokens:
            why.append(f"copied wording: {c.longest_run} words in a row are identical")
        elif (c.token_ratio >= cfg.copy_ratio and c.matched >= cfg.copy_min_tokens) or (
            c.token_ratio >= cfg.edited_ratio and c.matched >= cfg.edited_min_tokens
        ):
            why.append(
                f"copied wording: {c.matched} words agree in order "
                f"({c.token_ratio:.0%} of the passage)"
            )
        if c.region_id in anchored:  # the region's similarity and seeds are its passages'
            why.append(
                f"local match: the texts match only here ({matched_share:.0%} of one of them), "
                f"with shared words (region similarity {c.region:.2f})"
            )
        if run >= cfg.min_run:
            why.append(
                f"in a run of {run:g} matches in the same order in both texts "
                f"(similarity {c.score:.2f})"
            )
        out.append(why)
    # Inside a reused stretch, a rewriter also reorders: a passage close to two counted
    # ones in both texts belongs to the stretch.
    counted = [k for k, why in enumerate(out) if why]
    for k, c in enumerate(cands):
        if out[k]:
            continue
        near = sum(
            1
            for m in counted
            if _distance(c.a, cands[m].a) <= cfg.run_gap
            and _distance(c.b, cands[m].b) <= cfg.run_gap
        )
        if near >= cfg.near_counted:
            out[k].append(
                f"among reused passages: within {cfg.run_gap} sentences of {near} of them "
                f"in both texts (similarity {c.score:.2f})"
            )
    return [tuple(why) for why in out]

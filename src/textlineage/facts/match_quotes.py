"""Matching quotations: the same words, an excerpt of a longer quote, or nearly the same
words; a quote whose words stand in the other text without quote marks is kept too.

Across languages the words differ: the quotes left over are paired by a sentence model's
similarity (``similarity``, a matrix of the two lists' similarities, as a multilingual
model gives it), best pairs first. With the E5 model a translation scores 0.84-0.95 (Persian
lowest), a quote reworded to say otherwise 0.82-0.88 (a changed number hardly moves it:
the numbers are compared as numbers), another quote on the same topic up to 0.84. So a
pair from 0.86 is kept; one from 0.78 with a margin of 0.03 over the runner-up on either
side is reported changed (a loose translation, or a quote reworded: a reader should
check). Without a model, a quote is reported added (dropped) only when the other text has
no quote left to be its translation.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ..text.normalise import tokenize
from ..types import Fact, FactLink
from .items import Group, Result, pair, shares
from .quote_sentences import (
    loose_excerpt,
    sentence_link,
    sentence_of,
    sentences,
    split_dropped,
    split_excerpt,
    split_joined,
    with_reported_rest,
)

_QUOTE_KEPT = 95.0  # similarity (0-100) for "the same quote"
_QUOTE_CHANGED = 60.0  # ... and for "this quote, altered"
_PLAIN_MIN_WORDS = 3  # words a quote needs to be found in the other text unquoted
_TRANSLATION_KEPT = 0.86  # model similarity for "the same quote, translated"
_TRANSLATION_CHANGED = 0.78  # ... and for "a translation, loosely or reworded"
_TRANSLATION_MARGIN = 0.03  # over the runner-up on either side

Similarity = Callable[[Sequence[str], Sequence[str]], np.ndarray]
"""Similarities (rows: the first list, columns: the second) of two lists of texts."""


@dataclass
class _TokenText:
    """The folded tokens of a text joined by spaces, to find a quote's words anywhere."""

    text: str
    spans: list[tuple[int, int]]
    joined: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> _TokenText:
        toks = tokenize(text)
        offsets: list[int] = []
        pos = 1
        for t in toks:
            offsets.append(pos)
            pos += len(t.norm) + 1
        joined = " " + " ".join(t.norm for t in toks) + " "
        return cls(text, [(t.start, t.end) for t in toks], joined, offsets)

    def find(self, value: str) -> tuple[int, int] | None:
        if not value:
            return None
        at = self.joined.find(" " + value + " ")
        if at < 0:
            return None
        first = bisect.bisect_left(self.offsets, at + 1)
        last = first + value.count(" ")
        if last >= len(self.spans):
            return None
        return self.spans[first][0], self.spans[last][1]


def _token_ratio(a: str, b: str) -> float:
    """Similarity (0-100) of two folded quotes, word by word (0 when clearly below use)."""
    wa, wb = a.split(), b.split()
    if 200 * min(len(wa), len(wb)) < _QUOTE_CHANGED * (len(wa) + len(wb)):
        return 0.0  # the lengths alone rule out a useful score
    return float(fuzz.ratio(wa, wb, score_cutoff=_QUOTE_CHANGED))


@dataclass(frozen=True)
class _Match:
    """The source quote closest to a derived one: ``how`` it relates (``excerpt``: the
    derived words are a run of the source quote's; ``extended``: the source quote's words
    are a run of the derived one's; ``""``: by word similarity) and a ``score`` (0-100,
    and half a point more inside a shared passage)."""

    score: float
    group: Group
    how: str


_RANK = {"excerpt": 2, "extended": 1, "": 0}


def _best_quote(
    S: list[Group], gd: Group, value: str, used: set[int] | frozenset[int] = frozenset()
) -> _Match | None:
    """The source quote closest to the derived quote ``value``, bar ``used``: an excerpt
    first, then a quote the derived one extends, then the most similar words."""
    best: _Match | None = None
    for g in S:
        if id(g) in used:
            continue
        sv = g.first.fact.value
        if f" {value} " in f" {sv} " and (_long(value) or _near(g, gd)):
            how, score = "excerpt", 100.0
        elif f" {sv} " in f" {value} ":
            how, score = "extended", 100.0
        else:
            how, score = "", _token_ratio(sv, value)
        if shares(g, gd):
            score += 0.5
        if best is None or (_RANK[how], score) > (_RANK[best.how], best.score):
            best = _Match(score, g, how)
    return best


def _near(gs: Group, gd: Group) -> bool:
    """May a word or two quoted be an excerpt of ``gs``: do the two share an aligned
    passage (or neither falls in one)? A word quoted alone is often said elsewhere."""
    return shares(gs, gd) or not (gs.pas or gd.pas)


def _covered(whole: str, parts: list[str]) -> bool:
    """Do the excerpts ``parts`` together give every word of the quote ``whole`` (a quote
    the derived text splits in two, or repeats in part)?"""
    words = whole.split()
    hit = [False] * len(words)
    for part in parts:
        n = part.count(" ") + 1
        pw = part.split()
        for i in range(len(words) - n + 1):
            if words[i : i + n] == pw:
                hit[i : i + n] = [True] * n
    return all(hit)


def _spelled_alike(a: str, b: str) -> bool:
    """Do two folded quotes differ only in the spelling of some words, one for one
    ("organise" / "organize")?"""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(
        x == y or (min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 80)
        for x, y in zip(wa, wb, strict=True)
    )


def _long(value: str) -> bool:
    """Is a folded quote long enough for its words found unquoted to be it? (One word
    found anywhere in the other text says nothing: "sham" is no quote of "sham
    elections".)"""
    return value.count(" ") + 1 >= _PLAIN_MIN_WORDS


def _trimmed(gs: Group, gd: Group, note: str) -> FactLink:
    sf, df = pair(gs, gd)
    return FactLink("quote", sf, df, note, "wording", "trimmed")


def diff_quotes(
    S: list[Group],
    D: list[Group],
    source_text: str,
    derived_text: str,
    res: Result,
    source_doc: int,
    derived_doc: int,
    *,
    across: bool = False,
    similarity: Similarity | None = None,
) -> None:
    """Match quotes by value, excerpt or similarity, then against the other's plain text;
    ``across`` languages, what is left by a sentence model's ``similarity``.

    A quote is kept when its words are the same (case, punctuation and quote marks aside),
    when it is an excerpt of a source quote the derived text gives whole elsewhere or in
    parts that cover it, or when its words stand in the other text without quote marks. A
    quote cut short is a change of ``wording`` with the detail ``trimmed`` (a reader must
    see what the speaker is no longer quoted as saying), one given more words ``extended``
    (the new words have no support), and one with words replaced a change of ``wording``.
    """
    left_d: list[Group] = []
    left_s: list[Group] = []
    by_value = {g.first.fact.value: g for g in S}
    derived_values = [g.first.fact.value for g in D]
    whole = {id(by_value[v]) for v in derived_values if v in by_value}
    used: set[int] = set()
    trimmed: set[int] = set()  # source quotes a change already reports cut short
    split: set[int] = set()  # source quotes read sentence by sentence
    src_tokens: _TokenText | None = None
    for gd in D:
        d = gd.first
        value = d.fact.value
        gs = by_value.get(value)
        if gs is not None:
            used.add(id(gs))
            sf, df = pair(gs, gd)
            res.kept.append(FactLink("quote", sf, df))
            continue
        best = _best_quote(S, gd, value)
        if best is not None and best.how == "excerpt":
            gs = best.group
            sv = gs.first.fact.value
            used.add(id(gs))
            parts = [v for v in derived_values if f" {v} " in f" {sv} "]
            if id(gs) in split and (head := sentence_of(gs.first.fact, value)) is not None:
                link = sentence_link(head, d.fact, derived_text)
                (res.changed if link.label else res.kept).append(link)
            elif id(gs) in whole or id(gs) in trimmed or _covered(sv, parts):
                sf, df = pair(gs, gd)
                res.kept.append(FactLink("quote", sf, df, "excerpt of a longer quote"))
            elif (
                sentence_split := split_excerpt(gs.first.fact, d.fact, derived_text, tuple(parts))
            ) is not None:
                trimmed.add(id(gs))
                split.add(id(gs))
                head_link, rest = sentence_split
                (res.kept if not head_link.label else res.changed).append(head_link)
                res.dropped.extend(rest)
            else:
                trimmed.add(id(gs))
                cut = sv.count(" ") - value.count(" ")
                note = f"quote cut short ({cut} of {sv.count(' ') + 1} words left out)"
                link = _trimmed(gs, gd, note)
                wide = with_reported_rest(link.source, link.derived, derived_text)
                res.changed.append(dataclasses.replace(link, derived=wide))
            continue
        if best is not None and not best.how and best.score >= _QUOTE_KEPT:
            gs = best.group
            if _spelled_alike(gs.first.fact.value, value):
                used.add(id(gs))
                sf, df = pair(gs, gd)
                res.kept.append(FactLink("quote", sf, df, "minor spelling differences"))
                continue
        if src_tokens is None:
            src_tokens = _TokenText.of(source_text)
        where = src_tokens.find(value) if _long(value) else None
        if where is not None:
            s, e = where
            sf = Fact("quote", source_text[s:e], (s, e), source_doc, value)
            res.kept.append(FactLink("quote", sf, d.fact, "quoted from the source's own text"))
            continue
        if best is not None and id(best.group) in used:
            # A source quote matched already is not also the source of a change.
            best = _best_quote(S, gd, value, used)
        if best is not None and (best.how or best.score >= _QUOTE_CHANGED):
            gs = best.group
            used.add(id(gs))
            sf, df = pair(gs, gd)
            if best.how == "extended" and _covered(value, [g.first.fact.value for g in S]):
                # The source's quote given in parts, joined: the same words.
                res.kept.append(FactLink("quote", sf, df, "parts of a quote joined"))
                used.update(id(g) for g in S if f" {g.first.fact.value} " in f" {value} ")
            elif best.how == "extended" and (joined := _run_together(d.fact, gs, S, used)):
                for link in joined:
                    (res.changed if link.label else res.kept).append(link)
            elif best.how == "extended":
                added = value.count(" ") - gs.first.fact.value.count(" ")
                note = f"quote given more words ({added} added)"
                res.changed.append(FactLink("quote", sf, df, note, "wording", "extended", True))
            elif (links := _by_sentence(sf, df)) is not None:
                for link in links:
                    (res.changed if link.label else res.kept).append(link)
            else:
                note = f"quote wording changed (similarity {min(best.score, 100) / 100:.2f})"
                res.changed.append(FactLink("quote", sf, df, note, "wording", "", True))
        elif (loose := _loose(S, value, used)) is not None:
            used.add(id(loose))
            note = "quote cut short, function words left out"
            res.changed.append(_trimmed(loose, gd, note))
        elif across:
            left_d.append(gd)
        else:
            res.added.append(d.fact)
    der_tokens: _TokenText | None = None
    for g in S:
        if id(g) in used:
            continue
        if der_tokens is None:
            der_tokens = _TokenText.of(derived_text)
        where = der_tokens.find(g.first.fact.value) if _long(g.first.fact.value) else None
        if where is not None:
            s, e = where
            df = Fact("quote", derived_text[s:e], (s, e), derived_doc, g.first.fact.value)
            res.kept.append(FactLink("quote", g.first.fact, df, "quote marks removed"))
            continue
        if across:
            left_s.append(g)
        else:
            res.dropped.extend(split_dropped(g.first.fact, derived_text) or [g.first.fact])
    if across:
        _pair_translations(left_s, left_d, similarity, res)


def _by_sentence(sf: Fact, df: Fact) -> list[FactLink] | None:
    """A quote reworded in two of its sentences or more, the same number of sentences on
    both sides and each like its partner, link by link: each sentence kept or changed on
    its own (a clause cut from one and a hedge taken out of another are two changes a
    reader checks apart); else None."""
    ss, ds = sentences(sf), sentences(df)
    if len(ss) < 2 or len(ss) != len(ds):
        return None
    pairs = list(zip(ss, ds, strict=True))
    if any(
        a.value != b.value and _token_ratio(a.value, b.value) < _QUOTE_CHANGED for a, b in pairs
    ):
        return None
    if sum(a.value != b.value for a, b in pairs) < 2:
        return None
    links = []
    for a, b in pairs:
        if a.value == b.value:
            links.append(FactLink("quote", a, b, "one sentence of a longer quote"))
        else:
            note = f"quote wording changed (similarity {_token_ratio(a.value, b.value) / 100:.2f})"
            links.append(FactLink("quote", a, b, note, "wording", "", True))
    return links


def _run_together(df: Fact, gs: Group, S: list[Group], used: set[int]) -> list[FactLink] | None:
    """Sentence by sentence, a derived quote that runs ``gs`` and other source quotes
    not matched yet together (:func:`.quote_sentences.split_joined`); marks them used."""
    pool = [g for g in S if g is gs or id(g) not in used]
    links = split_joined(df, [g.first.fact for g in pool])
    if links:
        used.update(id(g) for g in pool if any(k.source is g.first.fact for k in links))
    return links


def _loose(S: list[Group], value: str, used: set[int]) -> Group | None:
    """The source quote not matched yet that ``value`` is a loose excerpt of
    (:func:`.quote_sentences.loose_excerpt`), if one."""
    for g in S:
        if id(g) not in used and loose_excerpt(g.first.fact.value, value):
            return g
    return None


def _inner(f: Fact) -> str:
    """A quote's words without its quote marks."""
    return f.text[1:-1].strip()


def _pair_translations(
    S: list[Group], D: list[Group], similarity: Similarity | None, res: Result
) -> None:
    """Pair quotes of two languages by the model's similarity, mutual best matches
    first; report the rest when it can be told."""
    if similarity is None or not S or not D:
        # Without a model a quote is unmatched for sure only when the other side has none.
        if not S:
            res.added.extend(g.first.fact for g in D)
        if not D:
            res.dropped.extend(g.first.fact for g in S)
        return
    sims = np.asarray(
        similarity([_inner(g.first.fact) for g in S], [_inner(g.first.fact) for g in D]),
        dtype=np.float64,
    )
    if sims.shape != (len(S), len(D)):
        raise ValueError(
            f"similarity returned a {sims.shape} matrix for {len(S)} x {len(D)} quotes; "
            "it must give one row per text of the first list, one column per text of "
            "the second"
        )
    used_s: set[int] = set()
    used_d: set[int] = set()
    order = sorted(
        ((float(sims[i, j]), i, j) for i in range(len(S)) for j in range(len(D))),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    for score, i, j in order:
        if score < _TRANSLATION_CHANGED:
            break
        if i in used_s or j in used_d:
            continue
        runner_up = max(
            [float(sims[i, k]) for k in range(len(D)) if k != j and k not in used_d]
            + [float(sims[k, j]) for k in range(len(S)) if k != i and k not in used_s]
            + [0.0]
        )
        if score < _TRANSLATION_KEPT and score - runner_up < _TRANSLATION_MARGIN:
            continue  # a weak match among others as good: no telling
        used_s.add(i)
        used_d.add(j)
        sf, df = pair(S[i], D[j])
        if score >= _TRANSLATION_KEPT:
            res.kept.append(FactLink("quote", sf, df, f"translation (similarity {score:.2f})"))
        else:
            note = f"loose translation or reworded (similarity {score:.2f})"
            res.changed.append(FactLink("quote", sf, df, note, "wording"))
    res.added.extend(D[j].first.fact for j in range(len(D)) if j not in used_d)
    res.dropped.extend(S[i].first.fact for i in range(len(S)) if i not in used_s)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges with the overlapping ones joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(f: Fact, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, f.span[0]) - 1
    return k >= 0 and f.span[1] <= ranges[k][1]


def fold_inside_quotes(res: Result) -> None:
    """Leave out the facts (numbers, dates, names) that stand inside a quotation dropped
    (added) whole: the quotation is the fact dropped, and what it says goes with it, once."""
    for left in (res.dropped, res.added):
        ranges = _merged([f.span for f in left if f.kind == "quote"])
        if not ranges:
            continue
        starts = [a for a, _ in ranges]
        left[:] = [
            f for f in left if f.kind in ("quote", "claim") or not _inside(f, ranges, starts)
        ]

"""The fact diff of a source and a derived text: kept, changed, added and dropped facts.

Both texts are analysed (:mod:`.extract`), their items grouped by matching key per kind
and marked with the aligned passages they fall in, and each kind is matched by its own
rules (:mod:`.match_values`, :mod:`.match_name_changes` over :mod:`.match_names`,
:mod:`.match_quotes`); inside the passages, words that change a claim's strength are
looked for (:mod:`.match_claims`). Each fact ends in one list: a change is never reported
as added too.

A translation (the two texts in different languages, or scripts) is diffed by values that
do not depend on the language (numbers, dates, years of the Iranian calendar); the nouns
after numbers are left out of matching, names are matched by sound (:mod:`.match_xl`),
quotations by a sentence model when one is given, and numbers that changed are paired by
the sentences they stand in. In one language, the facts left over on both sides are
paired by the sentences they stand in too (:mod:`.match_leftovers`).
"""

from __future__ import annotations

import bisect
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..text.language import resolve_language, script_of
from ..types import Fact, FactDiff, Passage
from .added_folds import fold_added
from .claim_causes import diff_causes
from .claim_notices import reversed_notices
from .consolidate import consolidate
from .dropped_joins import join_dropped
from .frequency import pair_frequencies
from .furniture_facts import drop_furniture_facts
from .grades import changed_grades
from .items import Group, Item, Result
from .legal_forms import legal_form_mentions
from .line_model import drop_model_furniture
from .local_times import local_times
from .match_anchored import pair_anchored
from .match_bare_nouns import pair_bare_nouns
from .match_claims import CLAIM_LANGUAGES, diff_claims
from .match_clauses import diff_clauses
from .match_dates import diff_dates, diff_exact
from .match_double_names import given_name_changes, pair_double_surnames
from .match_leftovers import pair_leftovers
from .match_loose import fold_loose
from .match_modals_far import diff_far_modals
from .match_name_changes import diff_names
from .match_near import pair_near
from .match_phrases import phrase_changes
from .match_quotes import Similarity, diff_quotes, fold_inside_quotes
from .match_unread import after_leftovers, fold_unread
from .match_values import diff_numbers
from .match_xl import diff_names_across, pair_numbers_by_sentence
from .meta_claims import drop_page_pointers
from .month_ranges import month_ranges
from .names_lowered import drop_lowered, drop_own_name
from .negated_bounds import negated_bounds
from .number_hedges import hedged_counts
from .once import one_link_per_span
from .places import drop_generic
from .quote_parts import fold_quote_parts
from .relink import relink_kept
from .scope import read_items
from .story_lines import drop_added_off_story, drop_dropped_off_story
from .strength_moves import strength_moves
from .time_ends import span_ends
from .time_hedges import hedged_times
from .title_rewords import reworded_titles
from .together import join_together
from .topic_lines import drop_added_off_topic, drop_dropped_off_topic
from .vocab import name_vocab
from .whole_words import whole_shares
from .year_parts import part_years
from .years_still_stated import drop_years_still_stated

log = logging.getLogger(__name__)


READING_PAIR = "one sentence matched another (read by the fact diff only)"
"""The reason of a passage that is one sentence pair outside the passages of reuse
(:func:`textlineage.compare.compare` adds them for the fact diff): the two texts say the
same thing there, but one pair is too little to count as reuse."""


def _groups(items: Iterable[Item], cls: str) -> list[Group]:
    by_key: dict[tuple[object, ...], Group] = {}
    order: list[Group] = []
    for it in items:
        if it.cls != cls:
            continue
        g = by_key.get(it.key)
        if g is None:
            g = by_key[it.key] = Group()
            order.append(g)
        g.items.append(it)
        g.pas.update(it.pas)
    return order


def _assign_passages(items: list[Item], passages: Sequence[Passage], doc: int) -> None:
    if not items or not passages:
        return
    order = sorted(range(len(items)), key=lambda i: items[i].fact.span[0])
    starts = [items[i].fact.span[0] for i in order]
    maxlen = max(it.fact.span[1] - it.fact.span[0] for it in items)
    found: dict[int, set[int]] = defaultdict(set)
    for pi, p in enumerate(passages):
        if not 0 <= doc < len(p.spans):
            continue
        for rs, re_ in p.spans[doc]:
            lo = bisect.bisect_left(starts, rs - maxlen)
            hi = bisect.bisect_left(starts, re_)
            for k in range(lo, hi):
                i = order[k]
                s, e = items[i].fact.span
                if s < re_ and e > rs:
                    found[i].add(pi)
    for i, pis in found.items():
        items[i].pas = frozenset(pis)


def is_translation(ls: str, ld: str, source_text: str, derived_text: str) -> bool:
    """Are two texts in different languages? Both languages known and different, or the
    texts written in two different scripts. (An undetermined language is taken for the
    other's: the same-language diff is the default.)"""
    if "und" not in (ls, ld) and ls != ld:
        return True
    a, b = script_of(source_text), script_of(derived_text)
    return a != b and "other" not in (a, b)


def _drop_noun(it: Item) -> None:
    """Forget the noun after a number (not a percentage): "personas" is not "people"."""
    if it.cls == "number" and it.unit and it.unit != "%":
        it.unit = ""
        it.key = (it.fact.value, "", it.cur, it.qcls)


def diff_facts(
    source_text: str,
    derived_text: str,
    *,
    source_doc: int,
    derived_doc: int,
    passages: Sequence[Passage] = (),
    languages: tuple[str | None, str | None] | None = None,
    similarity: Similarity | None = None,
) -> FactDiff:
    """Compare the facts of a source and a derived text.

    ``passages`` (aligned reuse) make facts inside one passage pair up preferentially.
    ``languages``: the ISO 639-1 codes of the source and the derived text (None or
    ``"und"`` when unknown: guessed from the text). When they differ the texts are
    diffed as a translation. ``similarity`` (the similarities of two lists of texts, as a
    multilingual sentence model gives them, rows for the first list) pairs quotations
    across languages; without it a quote is only matched by its words.
    """
    given = languages if languages is not None else (None, None)
    ls = resolve_language(given[0], source_text)
    ld = resolve_language(given[1], derived_text)
    across = is_translation(ls, ld, source_text, derived_text)
    # Copies: matching marks items. A search diffs one query against many hits, so the
    # query's analysis is remembered.
    # A long text is read only around its reused passages (:mod:`.scope`).
    src, read_src = read_items(source_text, source_doc, ls, passages)
    der, read_der = read_items(derived_text, derived_doc, ld, passages)
    if across:
        for it in (*src, *der):
            _drop_noun(it)
    _assign_passages(src, passages, source_doc)
    _assign_passages(der, passages, derived_doc)
    res = Result()
    diff_numbers(
        _groups(src, "number"), _groups(der, "number"), res, by_noun=not across,
        texts=(source_text, derived_text),
    )  # fmt: skip
    diff_dates(
        _groups(src, "date"), _groups(der, "date"), res, aligned=bool(passages),
        texts=(source_text, derived_text),
    )  # fmt: skip
    if across:
        diff_names_across(
            _groups(src, "name"), _groups(der, "name"), source_text, derived_text,
            (ls, ld), (source_doc, derived_doc), res,
        )  # fmt: skip
    else:
        diff_names(
            _groups(src, "name"), _groups(der, "name"), res, (source_text, derived_text),
            name_vocab(ld).titles, aligned=bool(passages),
        )  # fmt: skip
        reworded_titles(res, (source_text, derived_text))
        legal_form_mentions(res, (source_text, derived_text))
        changed_grades(res, (source_text, derived_text), (source_doc, derived_doc))
    diff_exact(_groups(src, "hashtag"), _groups(der, "hashtag"), res)
    diff_quotes(
        _groups(src, "quote"), _groups(der, "quote"), source_text, derived_text, res,
        source_doc, derived_doc, across=across, similarity=similarity,
    )  # fmt: skip
    if across:
        pair_numbers_by_sentence(source_text, derived_text, src, der, res)
    elif ls in CLAIM_LANGUAGES and ld in CLAIM_LANGUAGES:
        diff_claims(
            (source_text, derived_text), (source_doc, derived_doc), passages, (src, der), res,
            (read_src, read_der),
        )  # fmt: skip
        diff_far_modals(
            (source_text, derived_text), (source_doc, derived_doc), passages, (src, der), res,
            (read_src, read_der),
        )  # fmt: skip
        diff_causes((source_text, derived_text), (source_doc, derived_doc), (src, der), res)
    if not across:
        pairs = frozenset(k for k, p in enumerate(passages) if READING_PAIR in p.reasons)
        fold_unread(
            (source_text, derived_text), (source_doc, derived_doc), (src, der), (ls, ld), res
        )
        pair_leftovers((source_text, derived_text), (src, der), res, pairs)
        pair_double_surnames(res)
        given_name_changes(res, src)
        after_leftovers((source_text, derived_text), (source_doc, derived_doc), (src, der), res)
        phrase_changes((source_text, derived_text), (source_doc, derived_doc), res)
        fold_loose(
            (source_text, derived_text), (source_doc, derived_doc), (src, der), (ls, ld), res
        )
        pair_near((source_text, derived_text), (src, der), res)
        pair_frequencies((source_text, derived_text), (source_doc, derived_doc), res)
        pair_bare_nouns((source_text, derived_text), derived_doc, res)
        part_years((source_text, derived_text), res)
        whole_shares((source_text, derived_text), derived_doc, res)
        drop_generic(res, (source_text, derived_text))
        drop_lowered(res, (source_text, derived_text))
        drop_own_name(res, derived_text, ld)
        if ls in CLAIM_LANGUAGES and ld in CLAIM_LANGUAGES:
            diff_clauses(
                (source_text, derived_text), (source_doc, derived_doc), passages, (src, der),
                (ls, ld), res, (read_src, read_der),
            )  # fmt: skip
        join_together(res, (source_text, derived_text))
        month_ranges(res, derived_text, ld)
        fold_quote_parts(res, (source_text, derived_text))
        hedged_counts(res)
        hedged_times(res, (source_text, derived_text))
        span_ends(res, (source_text, derived_text))
        local_times((source_text, derived_text), (src, der), res)
        fold_added(res, (source_text, derived_text), source_doc, ls)
        reversed_notices(res, (source_text, derived_text), (source_doc, derived_doc))
        strength_moves(res, (source_text, derived_text))
        negated_bounds(res, (source_text, derived_text))
        pair_anchored((source_text, derived_text), (src, der), res)
    one_link_per_span(res)

    fold_inside_quotes(res)
    relink_kept(res, (source_text, derived_text), (src, der))
    consolidate(res, (source_text, derived_text), across=across, source_doc=source_doc)
    drop_added_off_story(res, derived_text, der)
    drop_dropped_off_story(res, source_text, src)
    drop_added_off_topic(res, source_text, derived_text)
    drop_dropped_off_topic(res, source_text, derived_text)
    drop_model_furniture(res, (source_text, derived_text), (ls, ld))
    drop_furniture_facts(res, (source_text, derived_text), (ls, ld))
    join_dropped(res, (source_text, derived_text), derived_doc)
    drop_years_still_stated(res, derived_text)
    drop_page_pointers(res)

    def span_key(f: Fact) -> tuple[int, int, str]:
        return f.span[0], f.span[1], f.kind

    log.debug(
        "facts: %d source, %d derived; kept %d changed %d added %d dropped %d",
        len(src), len(der), len(res.kept), len(res.changed), len(res.added), len(res.dropped),
    )  # fmt: skip
    return FactDiff(
        source_doc=source_doc,
        derived_doc=derived_doc,
        kept=tuple(sorted(res.kept, key=lambda k: span_key(k.derived))),
        changed=tuple(sorted(res.changed, key=lambda k: span_key(k.derived))),
        added=tuple(sorted(res.added, key=span_key)),
        dropped=tuple(sorted(res.dropped, key=span_key)),
        read=(read_src, read_der),
    )

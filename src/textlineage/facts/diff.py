"""The fact diff of a source and a derived text: kept, changed, added and dropped facts.

Both texts are analysed (:mod:`.extract`), their items grouped by matching key per kind
and marked with the aligned passages they fall in, and each kind is matched by its own
rules (:mod:`.match_values`, :mod:`.match_names`, :mod:`.match_quotes`).
"""

from __future__ import annotations

import bisect
import copy
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..types import Fact, FactDiff, Passage
from .extract import analysed
from .items import Group, Item, Result
from .match_names import diff_names
from .match_quotes import diff_quotes
from .match_values import diff_dates, diff_exact, diff_numbers

log = logging.getLogger(__name__)


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


def diff_facts(
    source_text: str,
    derived_text: str,
    *,
    source_doc: int,
    derived_doc: int,
    passages: Sequence[Passage] = (),
) -> FactDiff:
    """Compare the facts of a source and a derived text.

    ``passages`` (aligned reuse) make facts inside one passage pair up preferentially.
    """
    # Copies: matching marks items. A search diffs one query against many hits, so the
    # query's analysis is remembered.
    src = [copy.copy(it) for it in analysed(source_text, source_doc)]
    der = [copy.copy(it) for it in analysed(derived_text, derived_doc)]
    _assign_passages(src, passages, source_doc)
    _assign_passages(der, passages, derived_doc)
    res = Result()
    diff_numbers(_groups(src, "number"), _groups(der, "number"), res)
    diff_dates(_groups(src, "date"), _groups(der, "date"), res)
    diff_names(_groups(src, "name"), _groups(der, "name"), res)
    diff_exact(_groups(src, "hashtag"), _groups(der, "hashtag"), res)
    diff_quotes(
        _groups(src, "quote"), _groups(der, "quote"), source_text, derived_text, res,
        source_doc, derived_doc,
    )  # fmt: skip

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
    )

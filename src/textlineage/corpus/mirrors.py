"""Exact duplicates as members of discovery's clusters.

The index does not index a text twice: a document whose text is already indexed is
recorded as a *duplicate* of it (its own id, site, URL and date, no text). For laundering
research those copies are the main evidence (many domains republishing one outlet's
articles word for word), so discovery gives each one a place in the reuse graph: a member
with a negative doc_id (``-rowid`` of its duplicates row, never a document's id) and a
relation to the indexed document with its text, every character reused. The lineage
(:mod:`textlineage.network.lineage`) then makes it a ``mirror``.

Every engine calls :func:`duplicate_members`, so their outputs stay the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..network import DocInfo
from ..text.dates import parse_date
from .store import Store
from .verify import VerifiedPair

__all__ = ["duplicate_members", "duplicate_pair"]


def duplicate_pair(dup: DocInfo, original: DocInfo) -> VerifiedPair:
    """The relation between an exact duplicate and the document with its text: all of
    both reused, verbatim; the earlier dated is the source (none on equal or missing
    dates)."""
    da, do = parse_date(dup.date), parse_date(original.date)
    source = None
    if da is not None and do is not None and da != do:
        source = dup.doc_id if da < do else original.doc_id
    n = original.chars
    return VerifiedPair(
        a=dup.doc_id,
        b=original.doc_id,
        verdict="derived",
        source=source,
        confidence=1.0,
        coverage=(1.0, 1.0),
        reused=(n, n),
        kinds=("verbatim",),
        reasons=(
            f"identical text: {dup.ext_id} was recorded as an exact duplicate of"
            f" {original.ext_id} when indexed",
        ),
        passages=(
            {"kind": "verbatim", "score": 1.0, "spans": [[[0, n]], [[0, n]]], "reasons": []},
        ),
        containment=(1.0, 1.0),
    )


def duplicate_members(
    duplicates: Store | Iterable[tuple[int, str, int, str, str, str]],
    infos: Mapping[int, DocInfo],
) -> tuple[dict[int, DocInfo], list[VerifiedPair]]:
    """Exact duplicates as members (keyed by their negative doc_ids) and their relations
    to the documents whose text they repeat. ``duplicates``: an index, or rows
    ``(rowid, ext_id, dup_of, url, site, date)`` as :meth:`.store.Store.iter_duplicates`
    gives them."""
    rows = duplicates.iter_duplicates() if isinstance(duplicates, Store) else duplicates
    members: dict[int, DocInfo] = {}
    pairs: list[VerifiedPair] = []
    for rowid, ext_id, dup_of, url, site, date in rows:
        original = infos.get(int(dup_of))
        if original is None:
            continue
        dup = DocInfo(
            doc_id=-int(rowid),
            ext_id=ext_id,
            site=site,
            date=date,
            url=url,
            title=original.title,
            chars=original.chars,
            language=original.language,
            mirror_of=original.doc_id,
        )
        members[dup.doc_id] = dup
        pairs.append(duplicate_pair(dup, original))
    return members, pairs

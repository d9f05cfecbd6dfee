"""Added facts that are no new facts, folded once matching is done: a figure the derived
text restates (:mod:`.restated`), a date the source gives in its page header
(:mod:`.header_dates`)."""

from __future__ import annotations

from .header_dates import keep_header_dates
from .items import Result
from .restated import fold_restated


def fold_added(res: Result, texts: tuple[str, str], source_doc: int, lang: str) -> None:
    """Fold the added facts of ``res`` that restate or repeat one of the source's."""
    fold_restated(res)
    keep_header_dates(res, texts, source_doc, lang)

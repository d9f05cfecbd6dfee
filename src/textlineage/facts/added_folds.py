"""Added facts that are no new facts, folded once matching is done: a figure the derived
text restates (:mod:`.restated`), a date the source gives in its page header
(:mod:`.header_dates`), a name that an added figure's phrase goes on to
(:mod:`.added_phrases`), a person whose title is given by its initials
(:mod:`.title_initials`) or whose name is written in another form (:mod:`.person_forms`), an
organisation named by a run of words from inside its name (:mod:`.org_parts`), a point in
time told by a span in another unit (:mod:`.time_points`); and a role taken ("became
Director"), a line in capitals or a contraction ("Don't") is no name at all
(:mod:`.role_words`, :mod:`.shouted`, :mod:`.contractions`)."""

from __future__ import annotations

from .added_phrases import fold_names_after
from .contractions import drop_contractions
from .header_dates import keep_header_dates
from .items import Result
from .org_parts import keep_short_orgs
from .person_forms import fold_person_forms
from .restated import fold_restated
from .role_words import drop_role_words
from .shouted import drop_shouted
from .time_points import fold_time_points
from .title_initials import keep_title_initials


def fold_added(res: Result, texts: tuple[str, str], source_doc: int, lang: str) -> None:
    """Fold the added facts of ``res`` that restate or repeat one of the source's."""
    fold_restated(res)
    keep_header_dates(res, texts, source_doc, lang)
    fold_names_after(res, texts[1])
    keep_title_initials(res, texts)
    fold_person_forms(res)
    keep_short_orgs(res, texts)
    fold_time_points(res, texts)
    drop_role_words(res, texts, lang)
    drop_shouted(res)
    drop_contractions(res)

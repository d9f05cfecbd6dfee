"""Changes read from phrases no fact extractor reads: an ordinal counting a thing
(:mod:`.ordinals`), a thing of one owner (:mod:`.possessions`) and a person's origin
(:mod:`.origins`), each put for another in the derived text; and an age said in other
words (:mod:`.ages`), a job said with "as" (:mod:`.job_roles`) and a range of dates
retold as its length (:mod:`.date_spans`), a match minute told by the clock
(:mod:`.match_minutes`) and a split vote told as unanimous (:mod:`.unanimity`)."""

from __future__ import annotations

from .ages import age_changes
from .date_spans import merge_range_changes, since_as_durations, spans_as_durations
from .items import Result
from .job_roles import job_changes
from .match_minutes import minute_changes
from .ordinals import ordinal_changes
from .origins import origin_changes
from .possessions import possession_changes
from .unanimity import unanimity_changes


def phrase_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Add to ``res`` the ordinals, owned things, origins, ages and date ranges the
    derived text changed."""
    spans_as_durations(texts, res)
    since_as_durations(texts, res)
    merge_range_changes(texts, res)
    minute_changes(texts, docs, res)
    ordinal_changes(texts, docs, res)
    possession_changes(texts, docs, res)
    origin_changes(texts, docs, res)
    age_changes(texts, res)
    job_changes(texts, docs, res)
    unanimity_changes(texts, docs, res)

"""A time in universal time told in "local time", when a text names the local zone: the
same moment kept, another moment a value changed."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff

_SRC = (
    "Bulletin sent at 06:40 UTC (08:40 local time, CEST).\n\n"
    "The port authority said the harbour will reopen to shipping at 07:20 UTC on Friday"
    " once divers have cleared the channel."
)


def _dates(der: str) -> FactDiff:
    return diff_facts(_SRC, der, source_doc=0, derived_doc=1)


def test_a_time_converted_rightly_is_kept() -> None:
    d = _dates(
        "The harbour will reopen to shipping at 9.20am local time on Friday once divers have"
        " cleared the channel, the port authority said."
    )
    assert ("07:20 UTC", "9.20am") in [(k.source.text, k.derived.text) for k in d.kept]
    assert not [c for c in d.changed if c.kind == "date"]
    assert "9.20am" not in [f.text for f in d.added]


def test_a_time_converted_wrongly_is_changed() -> None:
    d = _dates(
        "The harbour will reopen to shipping at 8.20am local time on Friday once divers have"
        " cleared the channel, the port authority said."
    )
    changed = [(c.source.text, c.derived.text, c.label) for c in d.changed if c.kind == "date"]
    assert changed == [("07:20 UTC", "8.20am", "value")]

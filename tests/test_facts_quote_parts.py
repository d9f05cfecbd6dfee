"""The facts inside a quotation go with it: kept figures fold into a quotation's change,
and a dropped quotation whose figures the derived text keeps is reported speech."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.quote_parts import fold_quote_parts
from textlineage.types import Fact, FactLink

_SRC = (
    'The pool will reopen soon. "We expect the repairs to take around nine weeks and we are'
    ' sorry for the disruption," the manager said.'
)


def _at(text: str, sub: str, doc: int, kind: str) -> Fact:
    i = text.index(sub)
    return Fact(kind, sub, (i, i + len(sub)), doc)


def _quote() -> Fact:
    start = _SRC.index('"We expect')
    end = _SRC.index('," the manager') + 1
    return Fact("quote", _SRC[start : end + 1], (start, end + 1), 0)


def test_a_dropped_quotation_whose_figure_is_kept_is_reported_speech() -> None:
    der = "The pool will reopen soon. The manager said repairs would take nine weeks."
    kept = FactLink(
        "number", _at(_SRC, "nine weeks", 0, "number"), _at(der, "nine weeks", 1, "number")
    )
    res = Result(kept=[kept], dropped=[_quote()])
    fold_quote_parts(res, (_SRC, der))
    assert res.dropped == [] and res.kept == []
    (change,) = res.changed
    assert change.kind == "quote" and change.label == "wording"
    assert change.derived.text == "repairs would take nine weeks"  # after "said"
    assert "reported speech" in change.note


def test_a_quotation_of_the_derived_sentence_is_left_out_of_the_retelling() -> None:
    der = (
        'The pool will reopen soon. "It is a shame," she said, adding that repairs take nine weeks.'
    )
    kept = FactLink(
        "number", _at(_SRC, "nine weeks", 0, "number"), _at(der, "nine weeks", 1, "number")
    )
    quoted = _at(der, '"It is a shame,"', 1, "quote")
    res = Result(kept=[kept], dropped=[_quote()], added=[quoted])
    fold_quote_parts(res, (_SRC, der))
    (change,) = res.changed
    assert change.derived.text == "adding that repairs take nine weeks"


def test_a_kept_name_alone_or_a_figure_inside_another_quotation_ties_nothing() -> None:
    src = '"The manager is right," said Ana Ruiz.'
    der = "Ana Ruiz agreed."
    name = FactLink("person", _at(src, "Ana Ruiz", 0, "person"), _at(der, "Ana Ruiz", 1, "person"))
    q = _at(src, '"The manager is right,"', 0, "quote")
    res = Result(kept=[name], dropped=[q])
    fold_quote_parts(res, (src, der))
    assert res.dropped == [q] and res.changed == []
    der2 = 'It said: "nine weeks at most".'
    kept = FactLink(
        "number", _at(_SRC, "nine weeks", 0, "number"), _at(der2, "nine weeks", 1, "number")
    )
    res = Result(
        kept=[kept], dropped=[_quote()], added=[_at(der2, '"nine weeks at most"', 1, "quote")]
    )
    fold_quote_parts(res, (_SRC, der2))
    assert res.changed == [] and res.kept == [kept]


def test_kept_facts_and_drops_inside_a_changed_quotation_go_with_it() -> None:
    der = 'The pool will reopen soon. "We expect the repairs to take nine weeks," she said.'
    qd = _at(der, '"We expect the repairs to take nine weeks,"', 1, "quote")
    change = FactLink("quote", _quote(), qd, "trimmed", "wording")
    kept = FactLink(
        "number", _at(_SRC, "nine weeks", 0, "number"), _at(der, "nine weeks", 1, "number")
    )
    inside = _at(_SRC, "disruption", 0, "claim")
    res = Result(kept=[kept], changed=[change], dropped=[inside])
    fold_quote_parts(res, (_SRC, der))
    assert res.kept == [] and res.dropped == [] and res.changed == [change]

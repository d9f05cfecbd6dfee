"""The searches that once compiled a pattern per name or number (``legal_forms``,
``match_unread``) now find the word with ``str.find`` and check its edges: they must find
exactly what the per-word pattern found."""

from __future__ import annotations

import regex

from textlineage.facts.forms import might_hold
from textlineage.facts.legal_forms import _FORM, _with_form
from textlineage.facts.match_unread import _number_places

TEXTS = [
    "Orvane Tiles Ltd. opened; Orvane Tiles, Inc said so. XOrvane Tiles Ltd no.",
    "Orvane Tiles plc's yard and Orvane Tiles Ltdx and Orvane Tiles  LLC.",
    "2,400 and 12,400 and 2,400.5 and 2,4001 and -2,400 and 2,400-odd, 2,400.",
    "Costs of 7.5 rose; 17.5 and 7.55 and 7.5% and 7.5, then 7.5.",
    "",
]


def _old_form(text: str, name: str) -> tuple[int, int] | None:
    m = regex.search(
        rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)},?[ \t\u00a0]+(?i:{_FORM})\.?(?![\p{{L}}\p{{M}}])",
        text,
    )
    return None if m is None else m.span()


def _old_numbers(text: str, number: str) -> list[tuple[int, int]]:
    pat = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.,-])(?i:{regex.escape(number)})(?![\p{{L}}\p{{N}}-]|[.,]\p{{N}})"
    )
    return [m.span() for m in pat.finditer(text)]


def test_legal_form_found_as_the_pattern_found_it() -> None:
    hits = 0
    for text in TEXTS:
        for name in ("Orvane Tiles", "Tiles", "Orvane"):
            assert _with_form(text, name) == _old_form(text, name), (text, name)
            hits += _with_form(text, name) is not None
    assert hits >= 3


def test_number_places_match_the_pattern() -> None:
    hits = 0
    for text in TEXTS:
        for number in ("2,400", "7.5", "400", "seven", "7"):
            assert list(_number_places(text, number)) == _old_numbers(text, number)
            hits += len(_old_numbers(text, number))
    assert hits >= 5


def test_might_hold_is_false_only_when_no_match_can_be() -> None:
    assert not might_hold("Three crates left.", "barrels")
    assert might_hold("Three CRATES left.", "crates")
    # outside ASCII case-blind matching may fold letters str.lower keeps apart
    assert might_hold("ſhips", "ships")
    assert regex.search("(?i:ships)", "ſhips") is not None

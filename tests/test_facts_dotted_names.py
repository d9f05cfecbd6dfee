"""Titles, degrees and dotted initials around names: "Engr. Musa Danjuma Bello" is one
person (not "Engr" and "Danjuma Bello"); "M.Sc." and "Ph.D." are no names; "U.S. Navy"
and "J.K. Rowling" keep their first initial."""

from __future__ import annotations

from textlineage.facts import extract_facts


def _names(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in extract_facts(text, doc=0) if f.kind != "number"]


def test_engineer_and_other_titles_open_a_persons_name() -> None:
    names = _names("The director, Engr. Musa Danjuma Bello, opened the archive in Abuja.")
    assert ("person", "Musa Danjuma Bello") in names
    assert not [n for n in names if n[1] in ("Engr", "Danjuma Bello")]
    names = _names("The bulletin was signed by Dr. Ir. Hendra Wicaksono Putra in Mataram.")
    assert ("person", "Hendra Wicaksono Putra") in names
    assert not [n for n in names if n[1] == "Ir"]


def test_degrees_and_a_retired_officers_mark_are_no_names() -> None:
    names = _names(
        "The chair, Dr. Sunanda V. Kulkarni, IAS (Retd.), met Dr. Hendra Putra, M.Sc., "
        "who holds a Ph.D. from Leeds."
    )
    texts = [t for _, t in names]
    assert "Sunanda V. Kulkarni" in texts and "Hendra Putra" in texts
    assert not {"Retd", "Sc", "Ph", "D"} & set(texts)


def test_dotted_initials_stay_with_the_name() -> None:
    texts = [t for _, t in _names("The U.S. Navy thanked J.K. Rowling in a letter.")]
    assert "U.S. Navy" in texts and "J.K. Rowling" in texts
    assert "S. Navy" not in texts and "K. Rowling" not in texts


def test_initials_do_not_join_two_names_across_and() -> None:
    texts = [t for _, t in _names("J.K. Rowling and U.N. Security Council officials met.")]
    assert "J.K. Rowling" in texts and "U.N. Security Council" in texts


def test_initials_alone_are_no_name() -> None:
    texts = [t for _, t in _names("The report was signed by Maria Lopez, P.E., in Leeds.")]
    assert texts == ["Maria Lopez", "Leeds"]

"""The named-entity model's vocabulary does not grow with the words it reads."""

from __future__ import annotations

import random
import string

import pytest

from textlineage.facts import ner


@pytest.mark.skipif(not ner.available(), reason="the facts extra is not installed")
def test_new_words_do_not_stay_in_the_vocabulary() -> None:
    ner.load()
    nlp = ner._pipeline()
    rng = random.Random(3)

    def nonsense() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(9)).capitalize()

    ner._run(["Warm up with Anna Berg in Lisbon."])
    before = len(nlp.vocab.strings)
    for _ in range(5):
        texts = [f"{nonsense()} {nonsense()} met {nonsense()} in {nonsense()}." for _ in range(40)]
        found = ner._run(texts)
        assert len(found) == len(texts)
    assert len(nlp.vocab.strings) - before < 50

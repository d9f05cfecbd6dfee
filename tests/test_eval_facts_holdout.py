"""The held-out fact-diff sets, written and annotated blind by twenty-four other annotators:
``tests/data/facts_holdout`` (fourteen pairs), ``tests/data/facts_holdout2``,
``tests/data/facts_holdout3``, ``tests/data/facts_holdout4``, ``tests/data/facts_holdout5``,
``tests/data/facts_holdout6``, ``tests/data/facts_holdout7``, ``tests/data/facts_holdout8``,
``tests/data/facts_holdout9``, ``tests/data/facts_holdout10``,
``tests/data/facts_holdout11``, ``tests/data/facts_holdout12``,
``tests/data/facts_holdout13``, ``tests/data/facts_holdout14``,
``tests/data/facts_holdout15``, ``tests/data/facts_holdout16``,
``tests/data/facts_holdout17``, ``tests/data/facts_holdout18``,
``tests/data/facts_holdout19``, ``tests/data/facts_holdout20``,
``tests/data/facts_holdout21``, ``tests/data/facts_holdout22``,
``tests/data/facts_holdout23`` and ``tests/data/facts_holdout24`` (twelve each).
Each must load with the scorer's loader (every annotated string in its text), and the real
``compare`` over it must stay above a floor pinned a little under the figures measured, so
that a change that only fits ``tests/data/facts_gold`` and costs here is caught."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from textlineage.eval import FactsEvaluation, evaluate_facts, load_facts_gold

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class HeldOut:
    folder: str
    pairs: int
    controls: tuple[str, ...]
    max_words: int
    f1_floor: float
    plain: tuple[str, ...] = ()  # sources without page furniture


# Measured with `textlineage eval facts --data tests/data/<folder> --split all`, changed,
# added and dropped together. Set 1: first blind score F1 0.51; after the number,
# quotation and pairing work tuned on the gold set, and page furniture found on this set,
# 0.64; after general rules for numbers, measures, times and dates tuned on this set
# (money and times in short, roundings paired by the nearest value, conversions, times of
# day, decades, centuries, seasons), 0.79. Set 2: first blind score 0.57; with the claim
# rules (still blind) 0.59; with page furniture found on it, 0.63; the rules tuned on set 1
# left it at 0.63. Then both were tuned on for places, names, roles, numbers and claims
# (dropped and added whole, wider hedges): set 1 0.90, set 2 0.85, so neither is blind any
# more. Floors 0.03 below; raise them as the diff improves. Set 3 (other genres): first blind score 0.38; with the
# page furniture of press releases, public bodies', investor and review pages found on it,
# 0.48; then tuned on (claims, names, places, numbers): 0.69. Set 4 (other genres again):
# blind, scored twice and never read: 0.36 with the code before this work on sets 2 and 3,
# 0.42 after it. Then set 4 was tuned on too (page furniture, names, places, numbers,
# dates, claims, quotations, and the sentence pairs compare matched outside its passages):
# set 3 0.74, set 4 0.76. Set 5 (other genres again, 1 December 2026): first blind score
# 0.45; with all of that work, its errors never read and only its total looked at, 0.53.
# Set 6 (other genres again, 1 December 2026): first blind score 0.50, on the code that
# scored set 5 at 0.53; 0.53 after set 5 was tuned on. Then sets 5 and 6 were tuned on
# (page furniture of posts, forums and press releases and by line shape; numbers, times
# and dates paired by their sentences' words; names in results tables, short names, kinds,
# lists and brackets; claims moved along a scale of stages, negations and hedges across
# unpaired sentences; figures dropped in one phrase and facts inside quotations as one):
# set 3 0.785, set 4 0.796, set 5 0.777, set 6 0.622. Set 7 (other genres again, written
# while set 6 was tuned on): first blind score 0.54; 0.55 with all of that, still blind.
# Then (2 December 2026) set 7 was tuned on (page furniture, numbers and dates, names and
# quotations; sentence pairs read by similarity, opposite words): 0.72; set 8 (written
# blind meanwhile: first blind score 0.51, 0.54 with the work on set 7) was tuned on the
# same way: 0.69. Set 9 (written blind while set 8 was tuned on): first blind score 0.59,
# 0.595 after the work on set 8, still blind. Set 10 (2 December 2026, written blind
# while set 9 was opened): first blind score 0.574; then set 9 was tuned on (page
# furniture of threads, ads and letterheads; numbers read against the other side's
# leftovers; names; claims; added figures restated): set 9 0.862, set 8 0.711, set 6
# 0.663, and set 10, still blind, 0.586. Set 11 (written blind at the end of that
# work): first blind score 0.575. Set 12 (written blind while set 10 was opened): first
# blind score 0.607. Then set 10 was tuned on (furniture of live blogs, contact blocks and
# datelines; hedged times, local times, scales; titles, grades, passive notices; a last
# pass reporting each mention once): set 10 0.800, set 7 0.734, set 6 0.670, set 5 0.792,
# set 1 0.906; sets 11 and 12, still blind, 0.590 and 0.616. Set 13 (2 December 2026,
# pages as a crawler gives them, furniture inside the story too): first blind score 0.49.
# Then set 11 was opened and tuned on (reader prompts and notices; lines that are no
# sentence; years retold, split years, numbers in words; causes, modals by clause; names
# put in another's place; clause tails): set 11 0.754, and, still blind, set 12 0.643 and
# set 13 0.561. Then set 12 was opened and tuned on (letter headers, sponsor and editorial
# notes, captions; bounds moved, own-year dates, zones; one dropped fact once, lists told
# as counts): set 12 0.731, set 11 0.759, set 10 0.818; set 13, still blind (its
# furniture's kinds named in its CHANGELOG entry), 0.579. Set 14 (2 December 2026, written
# blind, its CHANGELOG entry one line): first blind score 0.636. Then set 13 was opened
# and tuned on (furniture of notes, credits, imprints and closing blocks; relative days,
# ordinals, likeness, split votes; pieces of one dropped phrase joined, kept figures
# re-paired) and lines sharing (next to) no word with the other text were read as
# furniture: set 13 0.828, set 3 0.803, set 4 0.811, set 5 0.813, set 11 0.773, set 12
# 0.746; set 14, still blind, 0.656 (all of its gain from the shared-words rule). Set 15
# (2 December 2026, written blind, its CHANGELOG entry one line): first blind score 0.587.
# Then set 14 was opened and tuned on (furniture of scanned documents: running headers
# and footers, letterheads, columns; buttons, banners, market strips; changed times,
# shares, month ranges, years told as "a year earlier"; open questions settled, hedges of
# expectation; one person in two forms, organisations by a part of their name, units and
# halves): set 14 0.771, set 7 0.750, set 9 0.874; set 15, still blind, 0.589. Set 16
# (written blind meanwhile): first blind score 0.656. Then a model of furniture lines,
# trained on the lines of own gold and sets 1-14, was added: set 15 0.601, set 16 0.665,
# both still blind; the open sets unchanged. Sets 17 and 18 (written blind meanwhile):
# first blind scores 0.553 and 0.585 (on e4c5370). Then set 15 was opened (the line model
# retrained with it; a label line furniture when the model is sure; transcripts' time
# stamps; "New Zealand"; double surnames cut; zoned and military times; a quote's
# left-out sentence of eight words dropped): set 15 0.649, set 3 0.791; sets 16, 17, 18,
# still blind, 0.684, 0.556, 0.590. Sets 19 and 20 (2 December 2026, written blind):
# first blind scores 0.564 and 0.489 (on 5e36951). Then sets 16 and 17 were opened and
# tuned on (points told as per cent; states' short forms; acronyms defined late; summer
# time zones; middle initials; "Hon."; broadcast speaker labels; the line model's sure
# label lines at 0.93; a date retold less specifically; a job before a name read with the
# model; office addresses, regulators' notes and bracketed placeholders as furniture;
# negated bounds; ages after "who is"; period codes; next events): set 16 0.733, set 17 0.600, set 14
# 0.773; sets 18, 19, 20, still blind, 0.605, 0.571, 0.501. Then set 18 was opened and
# tuned on (widget furniture; South Asian digit grouping, lakh and crore; a given name
# changed behind a surname; dropped clauses looked for in neighbouring sentences): set 18
# 0.690, set 17 0.616; sets 19 and 20, still blind, 0.579 and 0.496 (set 20 lost 0.007
# to the lakh and crore scale words, its errors unread). Sets 21 and 22 (3 December 2026,
# written blind by two helper sessions): first blind scores 0.600 and 0.519 (on d4c300a;
# 0.596 and 0.513 with the code of a72495f, before that session). Then sets 19 and 20
# were opened and tuned on (naira, ringgit and ppm; titles, degrees and dotted initials;
# notice sections and field labels; postcodes; festivals as dates; parties and offices
# no names; durations in words; distribution lines, translators' notes, serial labels and
# dot-leader contents lines as furniture): set 19 0.624, set 20 0.555, set 18 0.710; sets
# 21 and 22, still blind, 0.600 and 0.521. Sets 23 and 24 (3 December 2026, written
# blind by two more helper sessions): first blind scores 0.661 and 0.566, the same with
# the code of d83a8be (before that session's work). Then sets 21 and 22 were opened and
# tuned on (an encyclopedia's marks and a transcript's timecodes as furniture; Caribbean
# and African currencies; surnames respelled by two letters; Asian company forms; scores
# as one fact; untyped dictionary words no names; bounds and basis points in other
# words; a figure changed beside one kept; a day's year from its text; a rewrite's advice
# to its readers no claim): set 21 0.657, set 22 0.585, set 20 0.562; sets 23 and 24,
# still blind, 0.660 and 0.569 (ten
# of set 24's reports were once seen by mistake; nothing was tuned on them).
SETS = (
    HeldOut("facts_holdout", 14, ("06", "13"), 600, 0.87),
    HeldOut("facts_holdout2", 12, ("06", "11"), 550, 0.83),
    HeldOut("facts_holdout3", 12, ("06", "11"), 550, 0.76),
    HeldOut("facts_holdout4", 12, ("05", "10"), 400, 0.76, plain=("12",)),
    HeldOut("facts_holdout5", 12, ("05", "10"), 600, 0.75, plain=("07", "11")),
    HeldOut("facts_holdout6", 12, ("06", "10"), 450, 0.63, plain=("05", "12")),
    HeldOut("facts_holdout7", 12, ("05", "10"), 300, 0.69, plain=("04", "08")),
    HeldOut("facts_holdout8", 12, ("06", "10"), 350, 0.68, plain=("08", "12")),
    HeldOut("facts_holdout9", 12, ("05", "10"), 300, 0.83, plain=("08", "11")),
    HeldOut("facts_holdout10", 12, ("06", "10"), 350, 0.78, plain=("08",)),
    HeldOut("facts_holdout11", 12, ("04", "07"), 360, 0.73),
    HeldOut("facts_holdout12", 12, ("06", "10"), 400, 0.70),
    HeldOut("facts_holdout13", 12, ("06", "10"), 310, 0.80),
    HeldOut("facts_holdout14", 12, ("06", "10"), 580, 0.74, plain=("08", "10", "11", "12")),
    HeldOut("facts_holdout15", 12, ("06", "11"), 580, 0.62, plain=("05", "08", "11", "12")),
    HeldOut("facts_holdout16", 12, ("04", "10"), 560, 0.70, plain=("06", "08", "10", "12")),
    HeldOut("facts_holdout17", 12, ("10", "12"), 580, 0.59, plain=("04", "07", "10", "12")),
    HeldOut("facts_holdout18", 12, ("06", "12"), 700, 0.68, plain=("04", "08", "10", "11")),
    HeldOut("facts_holdout19", 12, ("02", "06"), 590, 0.59, plain=("04", "06", "08", "10")),
    HeldOut("facts_holdout20", 12, ("06", "12"), 590, 0.52, plain=("10", "12")),
    HeldOut("facts_holdout21", 12, ("02", "10"), 560, 0.62, plain=("08", "11")),
    HeldOut("facts_holdout22", 12, ("05", "11"), 540, 0.54, plain=("03", "09")),
    HeldOut("facts_holdout23", 12, ("09", "11"), 400, 0.63, plain=("04", "12")),
    HeldOut("facts_holdout24", 12, ("05", "09"), 450, 0.53, plain=("08", "12")),
)


@pytest.mark.parametrize("held", SETS, ids=lambda h: h.folder)
def test_the_set_loads_and_is_news_sized(held: HeldOut) -> None:
    pairs = load_facts_gold(DATA / held.folder)
    assert [p.id for p in pairs] == [f"{n:02d}" for n in range(1, held.pairs + 1)]
    assert {p.split for p in pairs} == {"test"}  # held out: nothing here is for tuning
    assert all(p.exhaustive for p in pairs)
    assert tuple(p.id for p in pairs if p.control) == held.controls
    assert len({p.topic for p in pairs}) == held.pairs
    for p in pairs:
        words = len(p.source_path.read_text(encoding="utf-8").split())
        assert 250 <= words <= held.max_words, (p.id, words)
        assert bool(p.noise) != (p.id in held.plain), p.id  # most carry page furniture
    facts = [f for p in pairs for f in p.facts if f.type != "kept"]
    assert {f.type for f in facts} == {"changed", "added", "dropped"}
    assert {"number", "date", "person", "place", "organisation", "quote", "claim"} <= {
        f.kind for f in facts
    }


@pytest.fixture(scope="module", params=SETS, ids=lambda h: h.folder)
def scored(request: pytest.FixtureRequest) -> tuple[HeldOut, FactsEvaluation]:
    held: HeldOut = request.param
    return held, evaluate_facts(DATA / held.folder, split="all")


def test_the_fact_diff_generalises_to_the_set(scored: tuple[HeldOut, FactsEvaluation]) -> None:
    held, evaluation = scored
    g = evaluation.groups["all"]
    assert g.pairs == held.pairs and g.controls == len(held.controls)
    assert g.overall["gold"] == sum(g.types[t]["gold"] for t in ("changed", "added", "dropped"))
    assert g.overall["f1"] >= held.f1_floor, g.overall

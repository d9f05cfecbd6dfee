"""Checkable facts of a document and how they differ between a source and a derived text.

Extraction finds numbers with their qualifier and noun (spelled out, ranges, ranks), dates,
names (persons, places, organisations, other capitalised entities), hashtags and
quotations, by rules; a named-entity model (:mod:`.ner`, spaCy's small English pipeline,
when installed) types the names the words around them leave open and tells capitalised
common words from names. Page furniture (ad sizes, bylines, datelines, counters,
copyright lines: :mod:`.furniture`) holds no facts, and a short quotation is one fact with
the names and numbers inside it.
Every :class:`~textlineage.types.Fact` has a ``span`` into the text it came from with
``text[span[0]:span[1]] == fact.text``.

The diff compares *values*, never substrings: ``"30,000"`` is not found inside
``"130,000"``. Names match by folded text, by spelling variant (``"Shahre Kord"`` /
``"Shahrekord"``) or by one being a token run of the other (``"Raisi"`` /
``"Ebrahim Raisi"``); names that differ in one token or in their title are changes
(:mod:`.match_name_changes`). Each fact is reported once, in one of kept, changed, added and
dropped; a change has a label (:data:`~textlineage.types.CHANGE_LABELS`): a new ``value``,
a claim's ``strength`` (a qualifier dropped, a vague quantity made specific, and, inside
aligned passages, a hedge or superlative dropped: :mod:`.match_claims`), a date's
``specificity``, a ``surname`` or ``title``, a quotation's ``wording`` (cut short:
``trimmed``)..., and is marked ``unsupported`` when its new value has no support in the
source. A fact left dropped and one left added of one kind in two sentences saying the
same thing are paired last (:mod:`.match_leftovers`).

Across languages (``diff_facts(..., languages=("fa", "en"))``, or texts whose guessed
languages or scripts differ) numbers, dates and Iranian-calendar years are read the way
each language writes them (:mod:`.numeric`, :mod:`.locales`) and compared by value; names
are matched by their sound across scripts (:mod:`.translit`, :mod:`.match_xl`); a changed
number is paired by the sentences that translate each other; quotations pair with their
translation through a sentence model's ``similarity`` when one is given.

Modules: :mod:`.extract` runs the extractors (:mod:`.furniture` with
:mod:`.furniture_kinds` and :mod:`.furniture_posts`, :mod:`.dates`,
:mod:`.numbers`, :mod:`.ranks`, :mod:`.quotes`, :mod:`.names` with :mod:`.name_kinds` and
:mod:`.ner`) over the word lists of :mod:`.vocab` and the normal forms of :mod:`.forms`;
:mod:`.diff` groups the facts of two texts and matches them kind by kind
(:mod:`.match_values`, :mod:`.match_names` and :mod:`.match_name_changes`,
:mod:`.match_quotes`, :mod:`.match_claims`); :mod:`.items` holds the records they pass
between them.
"""

from .diff import diff_facts
from .extract import extract_facts
from .items import NAME_KINDS

__all__ = ["NAME_KINDS", "diff_facts", "extract_facts"]

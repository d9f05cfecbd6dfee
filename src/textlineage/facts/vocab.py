"""Word lists and tables the fact extractors read.

Weekday and number words (with the regex alternations built from them; month names are in
:mod:`textlineage.text.dates`), the qualifiers in
front of a number and what they claim, the words that end the noun after a number, and the
cue words that tell names, titles, organisations, places and persons apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text.dates import month_numbers
from ..text.language import FUNCTION_WORDS


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# -- dates and numbers ---------------------------------------------------------------

_ORDINALS_TEXT = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
twentieth twenty-first"""
ORDINAL_WORDS = _ORDINALS_TEXT.split()
"""Ordinal numbers in words, in order (the first is 1)."""
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Qualifiers in front of a number and what they claim about the true value.
QUAL_CLASS = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "at least": ">", "just over": ">", "well over": ">", "no fewer than": ">",
    "longer than": ">", "shorter than": "<", "older than": ">", "younger than": "<",
    "larger than": ">", "bigger than": ">", "greater than": ">", "smaller than": "<",
    "exceed": ">", "exceeds": ">", "exceeding": ">", "exceeded": ">", "to pass": ">",
    "surpass": ">", "surpasses": ">", "surpassing": ">", "surpassed": ">",
    "no less than": ">", "not less than": ">", "not fewer than": ">",
    "not more than": "<", "not exceed": "<", "not exceeding": "<", "not to exceed": "<", "no greater than": "<",
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "at most": "<",
    "up to": "<", "as many as": "<", "just under": "<", "no more than": "<",
    "to top": ">",
    "as much as": "<", "as high as": "<", "as long as": "<", "as large as": "<",
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "approximately": "~",
    "approx.": "~", "roughly": "~", "some": "~", "close to": "~", "an estimated": "~",
    "estimated": "~", "circa": "~", "perhaps": "~", "an expected": "~",
    "maybe": "~", "limited to": "<", "a maximum of": "<", "maximum of": "<",
    "a minimum of": ">", "minimum of": ">",
}  # fmt: skip
QUAL = "|".join(
    regex.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUAL_CLASS, key=len, reverse=True)
)

SMALL_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_NUM = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_NUM = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "dozen": 12, "bn": 10**9, "m": 10**6, "k": 1000, "tn": 10**12,
    "b": 10**9, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}  # fmt: skip
"""Scale words (with South Asia's lakh, 100,000, and crore, 10,000,000), and their short
forms ("bn"; "m", "k", "b" and "tn", in either case, only straight after an amount of
money: "€18m" and "$650M" are millions, "18m" alone 18 metres)."""
_UNIT_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
SPELLED = (
    rf"(?:{'|'.join(TENS_NUM)})(?:[-\s](?:{_UNIT_DIGITS}))?"
    rf"|{'|'.join(sorted(SMALL_NUM, key=len, reverse=True))}"
)
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?"
_SCALED = rf"(?:(?:{SPELLED})|an?)(?:[\s-]+(?:{_SCALE_WORDS}))+"
SPELLED_NUMBER = (
    rf"(?:{_SCALED}(?:\s+and\s+|[\s-]+|(?<=thousand|million|billion|trillion),\s+)"
    rf"(?=(?:{SPELLED}|an?\s)))*"
    rf"(?:{_SCALED}|(?:{SPELLED}))"
)
"""A number in words, scale words and all: "three hundred thousand", "two hundred and
fifty", "one million two hundred thousand", "a hundred", "twenty-five". A part joins the
next only after a scale word, so "one two" is two numbers; after a comma only past a scale
of a thousand or more, where long numbers in words put one ("two thousand, four hundred
and six")."""
VAGUE = (
    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
    r"|(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)"
    r"(?:\s+(?:thousand|million|billion)\b)?"
    r"|scores(?=\s+of\b)|dozens|hundreds|thousands|millions|billions"
)
VAGUE_BASE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
    "billions": 10**9,
}  # fmt: skip

# Words that end the noun phrase after a number.
UNIT_STOP = _words(
    """of in on at to from by for with and or but nor the a an than per as is are was were
    be been being has have had will would can could should may might must shall do does did
    that which who whom whose this these those it its their his her our my your there here
    when where while since ago each more less after before during until into over under
    about between among against within without also only just not no so if then
    respectively later earlier while whereas through throughout across around toward towards
    via along beside upon onto"""
)
NOT_UNITS = _words(
    "died fell rose said went came saw got made took gave ran left won lost fled "
    "fewer higher lower greater larger smaller bigger"
)
"""Words that are never what a number counts when they stand alone after it: verbs of
what happened, and comparatives ("about four fewer": fewer of what was counted before)."""
IRREGULAR_PLURALS = _words(
    "people men women children police staff personnel cattle feet teeth mice geese data "
    "media crew troops"
)

# -- names ---------------------------------------------------------------------------

# Capitalised words that are not names when they lead a capitalised run.
STOP = _words(
    """the a an this that these those in on at by for from to of with without as and but or
    nor so yet if when while where why how what which who whom whose it its he she we they i
    you his her our their my your me us them anyone anybody everyone everybody someone
    somebody nobody everything anything something nothing also since here there then thus therefore
    however meanwhile moreover furthermore although though after before during despite only
    all some many most several every each any no not yes such other another both either
    fewer
    neither now today yesterday tomorrow later earlier just even still indeed instead over
    under according among between through until upon about above below against within let
    across around along amid behind beneath beside beyond inside outside throughout toward
    towards into onto
    please dear more less few first second third last next finally overall once again
    because unless whether whatever whoever whenever wherever nevertheless nonetheless
    otherwise hence accordingly besides likewise similarly consequently perhaps maybe
    rather quite very too much little am is are was were be been do does did has have had will
    would can could should must may might shall down up out off long live no yes oh
    well new old good great big high low top full free read click share see watch follow
    photo video image source sources update editor note notes related comments reporting
    subscribe advertisement home news sign log join get make take give keep help look come
    go stop put tell ask find show try use need want think know feel seem leave call turn
    start move run bring hold stand set learn change lead understand speak write"""
)
NAME_HEADS = frozenset(("new", "old", "great", "high"))
"""Common words that open many proper names ("New Zealand", "Old Trafford", "Great
Britain", "the High Court"); no given name, so a name they open is no person's."""
SHOUTED_STOP = _words(
    "i you he she we they me him them my your our their what when where why how which whom whose"
)
"""Pronouns and question words that are no name in capitals either ("CAN YOU HELP?",
"WHERE...Carlton"); "US", "IT" and "WHO" may be."""
SENTENCE_ABBREVS = _words(
    "mr mrs ms dr prof hon st gen col sen rep lt sgt capt rev jr sr inc co corp ltd vs etc no "
    "mt ft gov pres sec dept univ engr ir er barr retd sdn bhd pte pvt tbk"
)
TITLES = _words(
    """mr mrs ms miss mx dr doctor prof professor hon honourable honorable sir dame lord lady
    shri smt president vice
    engr ir er barr alhaji alhaja datuk dato venerable ven majesty highness excellency
    prime minister
    chancellor premier governor mayor councillor councilor cllr alderman senator sen rep
    representative congressman congresswoman general gen colonel col captain capt lt
    lieutenant sergeant sgt admiral
    judge justice chief king queen prince princess emperor sheikh shaikh sheik ayatollah
    imam mullah rabbi pope cardinal bishop archbishop father rev reverend pastor ambassador
    secretary commissioner director chairman chairwoman chairperson chair leader speaker
    councillor cllr alderman alderwoman
    spokesman spokeswoman spokesperson ceo cfo coo cto svp evp vp"""
)
ORG_WORDS = _words(
    """organization organisation council ministry party unit union commission agency
    company co corp corporation inc ltd llc plc gmbh bhd tbk university college institute
    foundation association committee department bank group army guard corps court tribunal
    parliament assembly congress senate federation front movement network society centre
    center office bureau authority board police force service news times post press
    television tv radio channel school hospital church club team league alliance coalition
    fund trust programme program initiative embassy consulate administration cabinet
    government motors automotive airlines airways industries holdings technologies systems labs
    pharmaceuticals electric energy petroleum media entertainment partners capital
    brigade brigades regiment division command navy airforce"""
)
TIME_ZONES = _words(
    """utc gmt bst ist cet cest eet eest wet west msk est edt cst cdt mst mdt pst pdt akst
    akdt hst ast adt nst ndt aest aedt acst acdt awst nzst nzdt jst kst hkt sgt sast wat
    cat eat et ct mt pt"""
)
"""Time zones' abbreviations, no names after a time of day ("noon CST")."""
SHIP_PREFIXES = frozenset(
    {"MV", "MS", "MY", "SS", "RMS", "HMS", "USS", "USNS", "HMCS", "HMAS", "HMNZS", "RV", "FV"}
)
"""Letters written before a vessel's name for its type or navy ("MV", "HMS"): a text may
leave them out ("the Island Rover")."""
BODY_NOUNS = _words(
    """group company board committee council department trust fund bank agency society
    association organisation organization office authority service team unit institute
    foundation commission ministry university college school hospital club network
    programme program partners holdings"""
)
"""Organisation words a body calls itself by, capitalised, after "the" ("the Group", "the
Board", "the Company"): a reference to a body named (or defined) otherwise, no name. The
words that name one body of a country alone ("the Senate", "the Army", "the Government")
are not among them."""
LEGAL_FORMS = _words(
    "inc ltd llc llp lp plc corp co gmbh ag sa nv bv pty srl spa sdn bhd pte pvt tbk"
)
"""Company forms written after the name, often after a comma ("Acme Systems, Inc.", "Kelana
Motors Sdn. Bhd.", "Marlow Foods Pte. Ltd.")."""
PARTICLES = _words(
    "of al el bin ibn bint de da di do dos das del della der den van von le la du zu ul ud"
)  # fmt: skip
LANGUAGE_NAMES = _words(
    """english french german spanish italian portuguese dutch russian ukrainian polish
    czech greek turkish arabic persian farsi dari pashto urdu hindi bengali punjabi tamil
    kurdish hebrew chinese mandarin cantonese japanese korean vietnamese thai indonesian
    malay swahili swedish norwegian danish finnish hungarian romanian armenian georgian
    azerbaijani azeri latin"""
)
"""Names of languages: "in Persian" is a language, not a place."""
PLACE_ACRONYMS = frozenset({"us", "usa", "uk", "uae", "drc", "prc", "dprk", "rok"})
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic")

# Words right before a name that make it a place or a person.
PLACE_PREV = _words("in near across inside outside throughout")
WEAK_PLACE_PREV = _words("from at to into toward towards")
PLACE_OF = _words(
    "city town province capital village region county parts outskirts suburbs north south east west"
)  # "... of X": X a place (a part of it: "parts of", "the north of")
PLACE_LIST_NOUNS = _words("cities towns provinces countries villages places regions")
PERSON_PREV = _words(
    """leader leaders candidate candidates activist activists spokesman spokeswoman
    spokesperson student students journalist journalists founder author writer poet actor
    actress singer cleric dissident dissidents prisoner prisoners son sons daughter daughters
    wife husband brother brothers sister sisters mother father colleague colleagues lawyer
    lawyers defendant defendants"""
)

# Other languages: words that never open a name (beside their function words,
# text.language.FUNCTION_WORDS) and titles before one, lower case.
NAME_STOP: dict[str, frozenset[str]] = {
    "es": _words(
        """según este esta estos estas ese esa eso durante tras después antes además sin
        embargo aunque cuando mientras hoy ayer así otro otra otros todos todas cada uno
        una unos unas nosotros ellos ellas él ella aquí allí cuyo"""
    ),
    "fr": _words(
        """selon depuis après avant pendant cependant ce cet cette ces nous ils elles on
        aujourd'hui hier lors ainsi alors tous toutes chaque à dans malgré toutefois
        enfin donc puis"""
    ),
    "de": _words(
        """nach laut am im seit bei doch wir ihr diese dieser dieses heute gestern wie was
        wer wenn während trotz zudem außerdem damit dabei jedoch denn dort hier man jeder
        jede jedes kein keine viele alle"""
    ),
    "ru": _words(
        """после однако также этот эта эти этого мы они сегодня вчера когда где при во со
        кроме между об тогда здесь там все всё каждый"""
    ),
}
NAME_TITLES: dict[str, frozenset[str]] = {
    "es": _words("presidente ministro ministra señor señora sr sra don doña ayatolá jeque"),
    "fr": _words("président présidente ministre m mme monsieur madame ayatollah cheikh"),
    "de": _words("präsident präsidentin minister ministerin kanzler kanzlerin herr frau"),
    "ru": _words("президент министр господин госпожа аятолла"),
}


@dataclass(frozen=True)
class NameVocab:
    """The words of a text's language that shape its names: words that never open one,
    titles before one, and month names (never names). ``strict``: a word alone at the
    start of sentences only is no name (another language than English)."""

    stop: frozenset[str]
    titles: frozenset[str]
    months: frozenset[str]
    strict: bool = False


@lru_cache(maxsize=16)
def name_vocab(lang: str) -> NameVocab:
    """The :class:`NameVocab` of ``lang`` (English for a language without its own)."""
    if lang not in NAME_STOP:
        return NameVocab(STOP, TITLES, frozenset(month_numbers(("en",))))
    return NameVocab(
        STOP | FUNCTION_WORDS.get(lang, frozenset()) | NAME_STOP[lang],
        TITLES | NAME_TITLES.get(lang, frozenset()),
        frozenset(month_numbers(("en", lang))),
        strict=True,
    )


POST_NOMINALS = frozenset(
    {"mp", "mep", "msp", "mla", "mpp", "td", "qc", "kc", "obe", "mbe", "cbe", "kbe"}
    | {"dbe", "phd", "frs", "jr", "sr", "esq"}
)
"""Letters written after a person's name for a seat, an honour or a degree ("MP", "KC",
"OBE"): no part of the name."""

"""How each language writes numbers and the words around them: decimal marks, scale words
("millones", "Milliarden", "میلیون"), percent words, qualifiers ("más de" means "more
than"), vague quantities ("miles de", "هزاران") and small number words.

English lives in :mod:`.vocab` (its tables predate this module and shape the English
patterns exactly); :mod:`.numbers` builds one set of patterns per language from both.
Month names are in :mod:`textlineage.text.dates`.
"""

from __future__ import annotations

from collections.abc import Mapping

COMMA_DECIMAL = frozenset({"es", "fr", "de", "ru"})
"""Languages that write "1,5" for one and a half and group thousands with "." or a space."""

COMMA_THOUSANDS_TOO = frozenset({"es"})
"""Comma-decimal languages whose writers also group thousands with commas ("30,000" in
Mexico and the United States): there, a comma before exactly three digits groups."""

SCALES: Mapping[str, Mapping[str, int]] = {
    "es": {
        "mil millones": 10**9, "mil": 1000, "millón": 10**6, "millon": 10**6,
        "millones": 10**6, "millardo": 10**9, "millardos": 10**9, "billón": 10**12,
        "billones": 10**12,
    },
    "fr": {
        "mille": 1000, "million": 10**6, "millions": 10**6, "milliard": 10**9,
        "milliards": 10**9, "billion": 10**12, "billions": 10**12,
    },
    "de": {
        "tausend": 1000, "million": 10**6, "millionen": 10**6, "mio.": 10**6, "mio": 10**6,
        "milliarde": 10**9, "milliarden": 10**9, "mrd.": 10**9, "mrd": 10**9,
        "billion": 10**12, "billionen": 10**12,
    },
    "ru": {
        "тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тыс.": 1000, "тыс": 1000,
        "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6, "млн": 10**6,
        "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9, "млрд": 10**9,
        "триллион": 10**12, "триллиона": 10**12, "триллионов": 10**12, "трлн": 10**12,
    },
    "fa": {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9, "تریلیون": 10**12},
    "ar": {
        "ألف": 1000, "الف": 1000, "آلاف": 1000, "الاف": 1000, "مليون": 10**6,
        "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9, "ترليون": 10**12,
    },
}  # fmt: skip
"""Scale words after a number, lower case. ("billion" is a thousand millions in English,
a million millions in French, Spanish and German.)"""

PERCENT: Mapping[str, tuple[str, ...]] = {
    "es": ("por ciento",),
    "fr": ("pour cent",),
    "de": ("prozent",),
    "ru": ("процентов", "процента", "процент"),
    "fa": ("درصد",),
    "ar": ("بالمئة", "بالمائة", "في المئة", "في المائة"),
}
"""Words for "per cent" after a number."""

QUALIFIERS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "más de": ">", "mas de": ">", "al menos": ">", "por lo menos": ">",
        "menos de": "<", "casi": "~", "cerca de": "~", "alrededor de": "~",
        "aproximadamente": "~", "unos": "~", "unas": "~", "en torno a": "~",
    },
    "fr": {
        "plus de": ">", "au moins": ">", "moins de": "<", "près de": "~", "presque": "~", "environ": "~", "quelque": "~", "quelques": "~",
        "autour de": "~",
    },
    "de": {
        "mehr als": ">", "über": ">", "mindestens": ">", "weniger als": "<", "unter": "<",
        "bis zu": "<", "fast": "~", "beinahe": "~", "knapp": "~", "rund": "~", "etwa": "~",
        "ungefähr": "~", "circa": "~", "ca.": "~",
    },
    "ru": {
        "более": ">", "больше": ">", "свыше": ">", "не менее": ">", "по меньшей мере": ">",
        "менее": "<", "меньше": "<", "почти": "~", "около": "~", "примерно": "~",
        "порядка": "~", "приблизительно": "~",
    },
    "fa": {
        "بیش از": ">", "بیشتر از": ">", "دست‌کم": ">", "دستکم": ">", "دست کم": ">",
        "حداقل": ">", "کمتر از": "<", "حداکثر": "<", "حدود": "~", "حدوداً": "~",
        "تقریباً": "~", "تقریبا": "~", "نزدیک به": "~", "قریب به": "~",
    },
    "ar": {
        "أكثر من": ">", "اكثر من": ">", "ما لا يقل عن": ">", "أقل من": "<", "اقل من": "<",
        "نحو": "~", "حوالي": "~", "حوالى": "~", "قرابة": "~", "زهاء": "~",
        "ما يقرب من": "~", "ما يناهز": "~",
    },
}  # fmt: skip
"""Qualifiers before a number and what they claim, as :data:`.vocab.QUAL_CLASS` does for
English: ``>`` more than, ``<`` at most, ``~`` about. Words that also mean "until" ("hasta",
"до", "تا") are left out: before a year they would make it a count."""

VAGUE: Mapping[str, Mapping[str, int]] = {
    "es": {
        "decenas de miles": 10**4, "cientos de miles": 10**5, "centenares de miles": 10**5,
        "miles de millones": 10**9, "decenas": 12, "cientos": 100, "centenares": 100,
        "miles": 1000, "millones": 10**6,
    },
    "fr": {
        "dizaines de milliers": 10**4, "centaines de milliers": 10**5, "dizaines": 12,
        "centaines": 100, "milliers": 1000, "millions": 10**6, "milliards": 10**9,
    },
    "de": {
        "zehntausende": 10**4, "hunderttausende": 10**5, "dutzende": 12, "hunderte": 100,
        "tausende": 1000, "millionen": 10**6, "milliarden": 10**9,
    },
    "ru": {
        "десятки тысяч": 10**4, "десятков тысяч": 10**4, "сотни тысяч": 10**5,
        "сотен тысяч": 10**5, "десятки": 12, "десятков": 12, "сотни": 100, "сотен": 100,
        "тысячи": 1000, "тысяч": 1000, "миллионы": 10**6, "миллионов": 10**6,
    },
    "fa": {
        "ده‌ها هزار": 10**4, "دهها هزار": 10**4, "صدها هزار": 10**5, "ده‌ها": 12,
        "دهها": 12, "صدها": 100, "هزاران": 1000, "میلیون‌ها": 10**6, "میلیونها": 10**6,
    },
    "ar": {
        "عشرات الآلاف": 10**4, "عشرات الالاف": 10**4, "مئات الآلاف": 10**5,
        "مئات الالاف": 10**5, "عشرات": 12, "مئات": 100, "آلاف": 1000, "الاف": 1000,
        "ملايين": 10**6,
    },
}  # fmt: skip
"""Vague quantities and the order of magnitude they claim, as English "thousands of" is
``~1000s``. "Tens" counts as "dozens" (12): translators render one as the other."""

NUMBER_WORDS: Mapping[str, Mapping[str, int]] = {
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30,
        "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
        "noventa": 90, "cien": 100,
    },
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30,
        "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
        "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
        "vierzig": 40, "fünfzig": 50, "hundert": 100,
    },
    "ru": {
        "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4,
        "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
        "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
        "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
    },
    "fa": {
        "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
        "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "صد": 100,
    },
    "ar": {
        "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7,
        "ثمانية": 8, "تسعة": 9, "عشرة": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
        "ثلاثون": 30, "مائة": 100, "مئة": 100,
    },
}  # fmt: skip
"""Small numbers written as words. Words that are also common other words are left out
(Persian "نه" nine / no, "ده" ten / village; "one" everywhere: an article)."""

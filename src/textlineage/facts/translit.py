"""Names across scripts: a sound skeleton that "Ebrahim Raisi", "ابراهیم رئیسی" and
"Эбрахим Раиси" share, and a search for a name's skeleton in a text of another script.

Every word becomes a string of sound classes: consonants merged where transliterations
disagree (b/p, f/v/w, t/d, s/z, and so on), ``V`` for a vowel and ``h`` for what one
script writes and another drops (h, kh, ayn, hamza, y). Arabic script is read letter by
letter (its long vowels written, its short ones not); other scripts are transliterated by
``anyascii`` first and read by Latin spelling rules, which depend on the language
(Spanish "j" and German "ch" are "kh"). A word's :class:`Key` is its consonant skeleton
with two flags that short vowels cannot blur: whether it opens weakly (a vowel or an
``h``) and whether it ends in a vowel ("Raisi" / "رئیسی", not "رئیس", "president").

:class:`TokenIndex` finds the words of a text (in a cased script, capitalised ones only)
whose skeleton matches a name's: all its tokens in a row (possibly written as fewer or more
words: "محمدجواد" for "Mohammad Javad"), or its last token alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from ..text.language import FUNCTION_WORDS
from .vocab import PARTICLES

_ARABIC_LETTERS: dict[str, str] = {
    **dict.fromkeys("اآأإٱىة", "V"),
    **dict.fromkeys("ءئؤعحخه", "h"),
    "ب": "b",
    "پ": "p",
    **dict.fromkeys("تطد", "t"),
    **dict.fromkeys("ثسصزذضظ", "s"),
    "ش": "x",
    **dict.fromkeys("جچژ", "j"),
    **dict.fromkeys("قکكگغ", "k"),
    "ف": "f",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ر": "r",
}
_ARABIC_VOWEL_LETTERS = frozenset("اآأإىیيوة")
_ARABIC_SKIP = frozenset("\u200c\u200d\u0640") | frozenset(chr(c) for c in range(0x064B, 0x0660))
_LATIN_VOWELS = frozenset("aeiou")
_VOWELS = frozenset("VUIaeiou")  # V: any vowel; U, I: Arabic-script و and ی as vowels
_WEAK = _VOWELS | {"h"}

# Latin spellings, longest first; a value None means "depends on the language".
_LATIN_MULTI: tuple[tuple[str, str | None], ...] = (
    ("tsch", "j"), ("dsch", "j"), ("shch", "x"),
    ("sch", "x"), ("dzh", "j"),
    ("zh", "j"), ("kh", "h"), ("gh", "k"), ("ph", "f"), ("th", "t"), ("dh", "s"),
    ("sh", "x"), ("ch", None), ("ts", "s"), ("tz", "s"), ("ck", "k"), ("qu", "k"),
    ("dj", "j"), ("ou", "u"),
)  # fmt: skip
_LATIN_SINGLE: dict[str, str] = {
    "b": "b",
    "p": "p",
    **dict.fromkeys("fv", "f"),
    **dict.fromkeys("td", "t"),
    **dict.fromkeys("sz", "s"),
    **dict.fromkeys("kgq", "k"),
    "l": "l",
    "m": "m",
    "n": "n",
    "r": "r",
    "h": "h",
    "'": "h",
    "`": "h",
    "x": "ks",
}
_CH = {"fr": "x", "de": "h"}  # "Chirac", "Chamenei"; elsewhere "ch" as in "Chavez"
_J = {"es": "h", "de": "h"}
_SILENT_E = frozenset({"en", "und", "fr"})  # "Jamenei" (Khamenei), "Jelzin" (Yeltsin)
# Russian case endings, longest first.
_RU_ENDINGS = (
    "ами", "ями", "ого", "его", "ему", "ому", "ой", "ей", "ом", "ем", "ым", "им", "ов", "ев",
    "ах", "ях", "а", "я", "у", "ю", "е", "ы",
)  # fmt: skip
_AR_CONJUNCTIONS = ("و", "ف")
_AR_PREPOSITIONS = ("ب", "ل")
_AR_ARTICLES = ("وال", "فال", "بال", "لل", "ال")


# Frequent words of news text that a name's skeleton may happen to share ("روز", day, is
# "Ross"; "وقال", and he said, "Vogel"): never taken for a name.
def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_NOT_NAMES = frozenset().union(*FUNCTION_WORDS.values()) | _words(
    """روز سال ماه گفت گفته کرد کردند شد شده است بود هزار میلیون میلیارد درصد رئیس ریاست
    دولت مردم کشور مجلس بازار قرار خطر اعلام ساله زندگی میزان مهار باطل دادگاه
    قال وقال رئيس الرئيس عام يوم ألف الف مليون مليار بالمئة دولار أكثر نحو بلغت حسب بحسب
    مارس بيان وزير
    около глава более менее после также когда однако кроме"""
)
_CYRILLIC_RE = regex.compile(r"\p{Cyrillic}")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+(?:[\u200c\u200d\u0640'’][\p{L}\p{M}]+)*")


class Key(NamedTuple):
    """The comparable part of a word or name: consonant skeleton and two flags."""

    opens_weak: bool
    skeleton: str
    ends_vowel: bool


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def _arabic_symbols(word: str) -> str:
    letters = [c for c in word if c not in _ARABIC_SKIP]
    out: list[str] = []
    n = len(letters)
    for i, c in enumerate(letters):
        nxt = letters[i + 1] if i + 1 < n else ""
        last = i == n - 1
        if c == "و":
            out.append("f" if i == 0 or nxt in _ARABIC_VOWEL_LETTERS else "U")
        elif c in "یيى":
            out.append("V" if last else "I" if i > 0 and nxt not in "اآ" else "h")
        elif c == "ه" and last and n > 1:
            out.append("V")
        else:
            out.append(_ARABIC_LETTERS.get(c, ""))
    return "".join(out)


@lru_cache(maxsize=1)
def _anyascii() -> object:
    from anyascii import anyascii

    return anyascii


def _latin_symbols(word: str, lang: str) -> str:
    if not word.isascii():
        word = _anyascii()(word)  # type: ignore[operator]
    w = word.lower()
    out: list[str] = []
    i = 0
    n = len(w)
    while i < n:
        for spelling, sound in _LATIN_MULTI:
            if w.startswith(spelling, i):
                if sound is None:
                    sound = _CH.get(lang, "j")
                out.append(sound)
                i += len(spelling)
                break
        else:
            c = w[i]
            nxt = w[i + 1] if i + 1 < n else ""
            if c in _LATIN_VOWELS:
                out.append(c)
            elif c == "y":
                out.append("h" if nxt in _LATIN_VOWELS else "i")
            elif c == "w":
                out.append("f" if nxt in _LATIN_VOWELS else "u")
            elif c == "c":
                out.append("s" if nxt in ("e", "i", "y") else "k")
            elif c == "j":
                out.append(_J.get(lang, "j"))
            else:
                out.append(_LATIN_SINGLE.get(c, ""))
            i += 1
    if lang in _SILENT_E and len(w) > 3 and w.endswith("e") and w[-2] not in _LATIN_VOWELS:
        out[-1] = ""  # "Rice", "Macrone": a written vowel, not a sound
    return "".join(out)


def symbols(word: str, lang: str = "en") -> str:
    """The sound classes of ``word``: Arabic script letter by letter, any other script
    transliterated and read by the Latin rules of ``lang``."""
    if any(_is_arabic(c) for c in word[:3]):
        return _arabic_symbols(word)
    return _latin_symbols(word, lang)


def key_of(syms: str, merge_bp: bool = False) -> Key:
    """The :class:`Key` of a string of sound classes (``merge_bp``: against Arabic, which
    writes "p" as "b")."""
    if merge_bp:
        syms = syms.replace("p", "b")
    skel: list[str] = []
    for c in syms:
        if c in _WEAK:
            continue
        if not skel or skel[-1] != c:
            skel.append(c)
    strong = syms.replace("h", "")
    return Key(bool(syms) and syms[0] in _WEAK, "".join(skel), strong[-1:] in _VOWELS)


def _gaps(syms: str) -> list[set[str]]:
    """The vowels between consecutive consonants of the skeleton (first: before the first
    consonant)."""
    gaps: list[set[str]] = [set()]
    prev = ""
    for c in syms:
        if c in _VOWELS:
            gaps[-1].add(c)
        elif c != "h" and c != prev:
            gaps.append(set())
            prev = c
    return gaps


def vowels_agree(written: str, latin: str) -> bool:
    """Do the long vowels an Arabic-script word writes stand where the Latin spelling has
    one like them? (و inside a word is o or u, ی is i or e: "بوتين" is not "Biden".) Both
    strings must have the same skeleton."""
    for a, b in zip(_gaps(written), _gaps(latin), strict=False):
        if "U" in a and not b & {"o", "u"}:
            return False
        if "I" in a and not b & {"i", "e"}:
            return False
    return True


@dataclass(frozen=True)
class _Word:
    """A word of a text: its span and the sound strings it may stand for (as written,
    without a clitic or a case ending), each flagged when an Arabic article was cut."""

    start: int
    end: int
    cap: bool
    arabic: bool
    particle: bool
    common: bool
    forms: tuple[tuple[str, bool], ...]


@lru_cache(maxsize=100_000)
def _common(word: str) -> bool:
    low = word.lower().replace("\u200c", "")
    return low in _NOT_NAMES or (low[:1] == "و" and low[1:] in _NOT_NAMES)


@lru_cache(maxsize=100_000)
def _word_forms(word: str, lang: str) -> tuple[tuple[str, bool], ...]:
    if _is_arabic(word[0]):
        clitics = _AR_CONJUNCTIONS if lang == "fa" else _AR_CONJUNCTIONS + _AR_PREPOSITIONS
        for article in _AR_ARTICLES:
            if word.startswith(article) and len(word) > len(article) + 2:
                # the name without its article, or a name that begins so ("Eltahawy")
                return (
                    (_arabic_symbols(word[len(article) :]), True),
                    (_arabic_symbols(word), False),
                )
        forms = [(_arabic_symbols(word), False)]
        if word[0] in clitics and len(word) > 3:
            rest = word[1:]
            forms.append((_arabic_symbols(rest), False))
            if rest[0] in clitics and rest[0] in _AR_PREPOSITIONS and len(rest) > 3:
                forms.append((_arabic_symbols(rest[1:]), False))
        return tuple(dict.fromkeys(forms))
    if not _CYRILLIC_RE.match(word):
        return ((_latin_symbols(word, lang), False),)
    # Russian: a case ending may follow a name ("Путина"), and "г" stands for an "h" of
    # other languages ("Тегеран", Tehran).
    stems = [word]
    low = word.lower()
    for ending in _RU_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stems.append(word[: -len(ending)])
            break
    out = []
    for stem in stems:
        out.append((_latin_symbols(stem, "ru"), False))
        if "г" in stem.lower():
            out.append((_latin_symbols(stem.replace("г", "х").replace("Г", "Х"), "ru"), False))
    return tuple(dict.fromkeys(out))


class Found(NamedTuple):
    """Where a name was found: the span, whether the skeletons matched exactly, whether
    only the name's last token was found."""

    start: int
    end: int
    exact: bool
    partial: bool


class TokenIndex:
    """The words of one text, to look names up by skeleton."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        words: list[_Word] = []
        for m in _WORD_RE.finditer(text):
            w = m.group()
            words.append(
                _Word(
                    m.start(),
                    m.end(),
                    w[0].isupper(),
                    _is_arabic(w[0]),
                    w.lower() in PARTICLES,
                    _common(w),
                    _word_forms(w, lang),
                )
            )
        self.words = words
        self.cased = any(w.cap for w in words)
        # Arabic writes "p" as "b"; Persian has a letter for each.
        self.merge_bp = lang != "fa" and any(w.arabic for w in words)
        self._by_first: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(words):
            firsts = {key_of(syms, self.merge_bp).skeleton[:1] for syms, _ in w.forms}
            for f in firsts - {""}:
                self._by_first[f].append(i)

    def find(
        self,
        tokens: Sequence[str],
        name_lang: str,
        *,
        person: bool = True,
        acronym: bool = False,
        near: float = 0.0,
        approximate: bool = True,
    ) -> Found | None:
        """Where the name made of ``tokens`` (as extracted: folded letters, particles
        included) is written; of several places the one nearest to ``near`` (a fraction
        of the text: where the name stands in its own).

        The whole name must be written with the same skeleton (as more or fewer words:
        "محمدجواد" for "Mohammad Javad"), or, with ``approximate``, word for word with one
        word the same and each other one consonant apart. A person is found by the last
        name alone too. Arabic writes places and organisations with an article
        ("العراق", Iraq), not persons ("الرئيسي" is "the main", not Raisi): a ``person``
        needs the article exactly where the name has an "al-". A short word (two
        consonants) or an ``acronym`` is found only as such a word written the same way.
        """
        parts = _name_parts(tuple(tokens), name_lang)
        if not parts:
            return None
        if acronym and len(key_of("".join(s for s, _ in parts)).skeleton) < 3:
            return None
        hits = self._find(parts, person, approximate)
        partial = False
        last = key_of(parts[-1][0], self.merge_bp)
        if not hits and person and len(parts) > 1 and (len(last.skeleton) > 2 or last.ends_vowel):
            # the last name alone; a short one only if it ends in a vowel ("Raisi", not
            # "Ross": fewer common words do)
            hits = [f for f in self._find(parts[-1:], person, False) if f.exact]
            partial = True
        if not hits:
            return None
        size = max(1, len(self.text))
        best = min(hits, key=lambda f: (abs(f.start / size - near), f.start))
        return best._replace(partial=partial)

    def _window(self, i: int, width: int) -> list[_Word] | None:
        """The words ``i`` to ``i + width`` bar particles, if they may make one name."""
        window = self.words[i : i + width]
        if len(window) < width:
            return None
        for k, w in enumerate(window):
            if w.arabic and w.end - w.start < 2:
                return None  # "و" (and) is no part of a name
            if w.common and not w.particle:
                return None
            if self.cased and not w.cap and not (w.particle and 0 < k < width - 1):
                return None
            if k and w.start - window[k - 1].end > 2:
                return None  # across punctuation
        kept = [w for w in window if not (w.particle and self.cased)]
        return kept or None

    def _find(
        self, parts: tuple[tuple[str, bool], ...], person: bool, approximate: bool
    ) -> list[Found]:
        """Every place the name is written exactly, else every place it nearly is."""
        name_syms = "".join(s for s, _ in parts)
        target = key_of(name_syms, self.merge_bp)
        if len(target.skeleton) < 2:
            return []
        n = len(parts)
        exacts: list[Found] = []
        nears: list[Found] = []
        for i in self._by_first.get(target.skeleton[0], ()):
            exact: Found | None = None
            # Persian may split a word ("خامنه ای") or join two ("محمدجواد"); a cased
            # script writes a one-word name as one word.
            widest = n + 2 if not self.cased else n + 1
            for width in range(max(1, n - 1), widest + 1):
                window = self._window(i, width)
                if window is None:
                    if i + width > len(self.words):
                        break
                    continue
                end = self.words[i + width - 1].end
                if self._exact(window, target, name_syms, parts[0][1], person, n):
                    exact = Found(self.words[i].start, end, True, False)  # the widest
                elif (
                    approximate
                    and not exacts
                    and exact is None
                    and self._near(window, parts, person)
                    and (not nears or nears[-1].start != self.words[i].start)
                ):
                    nears.append(Found(self.words[i].start, end, False, False))
            if exact is not None:
                exacts.append(exact)
        return exacts or nears

    def _forms(self, window: Sequence[_Word], k: int, article: bool, person: bool) -> list[str]:
        """The sound strings word ``k`` of a window may stand for: the first word with the
        article the name calls for, the last with its endings cut, the others as written."""
        w = window[k]
        if k == 0:
            return [s for s, art in w.forms if art == article or not (person or article)]
        if k == len(window) - 1:
            return [s for s, _ in w.forms]
        return [w.forms[0][0]]

    def _exact(
        self,
        window: Sequence[_Word],
        target: Key,
        name_syms: str,
        article: bool,
        person: bool,
        n_parts: int,
    ) -> bool:
        """Is the window, its words run together, the name's skeleton?"""
        firsts = self._forms(window, 0, article, person)
        last = len(window) - 1
        if last == 0:
            joined = firsts
        else:
            middle = "".join(self._forms(window, k, article, person)[0] for k in range(1, last))
            lasts = self._forms(window, last, article, person)
            joined = [f + middle + x for f in firsts for x in lasts]
        for syms in joined:
            k = key_of(syms, self.merge_bp)
            if k != target:
                continue
            if len(k.skeleton) == 2 and last == 0 and not self._long_word(window[0], syms):
                continue
            if self.cased and len(window) > n_parts and len(k.skeleton) < 5:
                continue  # two capitalised words for one short name: a chance likeness
            if not window[0].arabic or vowels_agree(
                syms.replace("p", "b") if self.merge_bp else syms,
                name_syms.replace("p", "b") if self.merge_bp else name_syms,
            ):
                return True
        return False

    def _long_word(self, word: _Word, syms: str) -> bool:
        """Is a two-consonant word more than a common short word? In Arabic script it must
        write a long vowel ("ایران", not "من", from); elsewhere be more than an acronym."""
        if word.arabic:
            return any(c in "VUI" for c in syms[1:])
        return not self.text[word.start : word.end].isupper()

    def _near(
        self, window: Sequence[_Word], parts: tuple[tuple[str, bool], ...], person: bool
    ) -> bool:
        """Word for word: one word exact, each other one consonant apart."""
        if len(window) != len(parts) or len(parts) < 2:
            return False
        exact = 0
        for k, (name_syms, article) in enumerate(parts):
            want = key_of(name_syms, self.merge_bp)
            keys = [key_of(s, self.merge_bp) for s in self._forms(window, k, article, person)]
            if want in keys:
                exact += 1
                continue
            if not any(
                (kk.opens_weak, kk.ends_vowel) == (want.opens_weak, want.ends_vowel)
                and kk.skeleton[:1] == want.skeleton[:1]
                and Levenshtein.distance(kk.skeleton, want.skeleton) <= 1
                for kk in keys
            ):
                return False
        return exact > 0


@lru_cache(maxsize=20_000)
def _name_parts(tokens: tuple[str, ...], lang: str) -> tuple[tuple[str, bool], ...]:
    """A name's tokens as sound strings, particles dropped; each flagged when an Arabic
    article ("al-", "el-") stood before it."""
    out: list[tuple[str, bool]] = []
    article = False
    for t in tokens:
        if t in PARTICLES:
            article = t in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an")
            continue
        syms = symbols(t, lang)
        if syms:
            out.append((syms, article))
        article = False
    return tuple(out)

"""Page furniture: the parts of a web page that are no claim of the article's.

An article copied from the web brings lines that belong to the page, not to the story: an
ad slot's size ("728 x 90"), a byline ("Reporting by ..."), a dateline ("Iran, June 1,
2021—" opening the first paragraph, a date alone on a line above it, "Updated 10:32 am"),
share and like counters ("1.2K Shares"), a copyright line. A fact checker does not check
those, and a derived text that leaves them out has dropped nothing: :func:`furniture_spans`
finds them, and the extractors take no fact from inside them.

Every rule is about the shape of a whole line (or of the opening of the first paragraph),
never about a word inside running text, so a sentence of the story is never furniture.
"""

from __future__ import annotations

import regex

from ..text.dates import month_pattern

_MON = month_pattern(languages=("en",))
_DATE = (
    rf"(?:(?i:{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MON}),?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?i:{_MON})\s+\d{{4}})"
)
_WEEKDAY = r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?"
_STAMP_WORDS = r"(?i:published|updated|last\s+updated|posted|modified|first\s+published|date)"

_AD_SIZE_RE = regex.compile(r"\d{2,4}\s*[x×X]\s*\d{2,4}")
_AD_WORD_RE = regex.compile(r"(?i:advertisement|sponsored(?:\s+content)?|ad)")
_NAMES = r"\p{Lu}[\p{L}\p{M}.'’/-]*(?:(?:\s*[,|&]\s*|\s+(?:and|in|for|of|the|de|van|von)\s+|\s+)\p{Lu}[\p{L}\p{M}.'’/-]*)*"
_BYLINE_RE = regex.compile(
    r"(?i:(?:additional\s+)?(?:reporting|reported|written|words|edited|editing|story|text"
    rf"|compiled|translated|photos?|photographs?|images?|video)\s+by|by)\s+{_NAMES}[.,]?"
    r"|(?i:photo|photograph|image|picture|credit|source|author)s?\s*:\s*\S.*"
)
_BYLINE_MAX_WORDS = 12
_STAMP_RE = regex.compile(
    rf"(?:{_STAMP_WORDS}\s*:?\s*)?(?:{_WEEKDAY},?\s+)?{_DATE}"
    rf"(?:\s*(?:[,|•·–-]|at)?\s*{_TIME})?(?:\s*\|.*)?"
    rf"|{_STAMP_WORDS}\s*:?\s*(?:{_TIME}|\S.{{0,40}})"
)
_DATELINE_BEFORE_RE = regex.compile(r"[\p{L}\p{M}.'’ -]{1,40}[,،]\s*|")
_DATELINE_AFTER_RE = regex.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:[—–-]{1,2}\s*|\.\s+)")
_AGENCY_DATELINE_RE = regex.compile(
    r"\p{Lu}[\p{Lu} .,'’-]{1,40}\s*\([\p{L} .&]{1,30}\)\s*[—–-]{1,2}\s*"
)
_DATELINE_CHARS = 80
_COUNTER_WORDS = (
    r"(?i:shares?|likes?|comments?|views?|tweets?|retweets?|reactions?|reads?|pins?"
    r"|followers?|claps?|votes?|replies|reply|responses?)"
)
_COUNT = r"\d+(?:[.,]\d+)?\s*[KkMm]?"
_COUNTER_RE = regex.compile(
    rf"(?:(?:{_COUNT}\s*{_COUNTER_WORDS}|{_COUNTER_WORDS}\s*:?\s*{_COUNT})[\s|•·,]*)+"
)
_COPYRIGHT_RE = regex.compile(r"(?i:.*(?:©|\(c\)\s*\d{4}|\bcopyright\b|all\s+rights\s+reserved).*)")
_COPYRIGHT_MAX_WORDS = 25
_REPORTING_RE = regex.compile(r"\((?i:(?:additional\s+)?reporting\s+by)\s[^()\n]{1,200}\)")

HEADER_WORDS = 20
"""A line of at least this many words is the first paragraph of the story; the lines
above it are the page's header, where a date alone on a line is the page's date."""


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's content span (without surrounding white space), blank lines left out."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start] in " \t\r\u00a0•*>-|":
            start += 1
        while end > start and text[end - 1] in " \t\r\u00a0|":
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def furniture_spans(text: str, lang: str = "und") -> list[tuple[int, int]]:
    """The spans of ``text`` that are page furniture, in order; ``lang``: how its dates
    are written (any language when undetermined)."""
    out: list[tuple[int, int]] = []
    header = True
    for s, e in _lines(text):
        words = len(text[s:e].split())
        if _furniture_line(text, s, e, words, header):
            out.append((s, e))
        elif header and words >= HEADER_WORDS:
            header = False
            end = _dateline_end(text, s, e, lang)
            if end is not None:
                out.append((s, end))
    out.extend(m.span() for m in _REPORTING_RE.finditer(text))
    return sorted(out)


def _furniture_line(text: str, s: int, e: int, words: int, header: bool) -> bool:
    """Is the line ``s:e`` (of ``words`` words; above the story when ``header``) furniture?"""
    if _AD_SIZE_RE.fullmatch(text, s, e) or _AD_WORD_RE.fullmatch(text, s, e):
        return True
    if words <= _BYLINE_MAX_WORDS and _BYLINE_RE.fullmatch(text, s, e):
        return True
    if _COUNTER_RE.fullmatch(text, s, e):
        return True
    if words <= _COPYRIGHT_MAX_WORDS and _COPYRIGHT_RE.fullmatch(text, s, e):
        return True
    return bool(_STAMP_RE.fullmatch(text, s, e)) and (header or _stamp_word(text, s))


def _dateline_end(text: str, s: int, e: int, lang: str) -> int | None:
    """Where the dateline opening the paragraph ``s:e`` ends: a place (at most 40
    characters, then a comma) and a date, in the text's language, before a dash or a full
    stop ("Iran, June 1, 2021—", "MADRID, 18 de junio de 2021. "), or a place and a news
    agency ("WASHINGTON (Reuters) - "). None without one."""
    m = _AGENCY_DATELINE_RE.match(text, s, e)
    if m is not None:
        return m.end()
    from .dates import find_dates

    head = text[s : min(e, s + _DATELINE_CHARS)]
    n = len(head)
    for it in find_dates(head, 0, bytearray(n), bytearray(n), lang):
        a, b = it.fact.span
        if not _DATELINE_BEFORE_RE.fullmatch(head, 0, a):
            continue
        after = _DATELINE_AFTER_RE.match(head, b)
        if after is not None and (a > 0 or not after.group().strip().startswith(".")):
            return s + after.end()
    return None


def _stamp_word(text: str, s: int) -> bool:
    return regex.match(_STAMP_WORDS, text[s : s + 20]) is not None

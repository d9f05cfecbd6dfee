"""Page furniture: the parts of a web page that are no claim of the article's.

An article copied from the web brings lines that belong to the page, not to the story: an ad
slot's size ("728 x 90"), a byline ("Reporting by ..."), a dateline ("Iran, June 1, 2021—"
opening the first paragraph, a date alone on a line above it, "Updated 10:32 am"), share and
like counters ("1.2K Shares"), a copyright line. A fact checker does not check those, and a
derived text that leaves them out has dropped nothing: :func:`furniture_spans` finds them,
and the extractors take no fact from inside them.

Every rule is about the shape of a whole line (or of the opening of the first paragraph),
never about a word inside running text, so a sentence of the story is never furniture.
"""

from __future__ import annotations

import functools

import regex

from ..text.dates import month_pattern
from ..types import Span
from . import furniture_blocks as blocks
from . import furniture_entries as entries
from . import furniture_kinds as kinds
from . import furniture_lines as shapes
from . import furniture_notes as notes
from . import furniture_posts as posts
from . import furniture_prompts as prompts
from . import furniture_threads as threads
from . import furniture_widgets as widgets

_MON = month_pattern(languages=("en",))
_DATE = (
    rf"(?:(?i:{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MON}),?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?i:{_MON})\s+\d{{4}})"
)
_WEEKDAY = r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?"
_STAMP_WORDS = (
    r"(?i:(?:(?:page|article|story|post)\s+)?(?:(?:first\s+|last\s+|originally\s+)?(?:published|updated|modified|posted)"
    r"|last\s+(?:reviewed|revised|checked))(?:\s+on)?|date"
    r"|next\s+(?:update|bulletin|issue|edition|report|briefing))"
)
_DATED_WORDS = (
    rf"(?:{_STAMP_WORDS}|(?i:(?:notice|advert|ad)\s+placed|uploaded|issued|released)(?:\s+(?:on|at))?"
    r"|(?:\p{L}+\s+){1,2}(?i:updated?|published|modified|revised|reviewed)\s*:)"
)
"""Words before a page's date: "Issued", "Released", "Notice placed" only with a date
after them; a label ending in "update" only with its colon ("Last Map Update:")."""
_AGE = (
    r"(?:\d{1,3}\s*(?i:s|m|h|d|w|y|mo|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|months?"
    r"|yrs?|years?)(?:\s+(?i:ago))?|(?i:just\s+now|yesterday))"
)
"""A post's age as a social network shows it ("2h", "5 mins ago", "yesterday")."""

_AD_SIZE = r"\d{2,4}\s*[x×X]\s*\d{2,4}"
_AD_RE = regex.compile(
    rf"(?i:advertisement|advert|sponsored(?:\s+content)?|ad)(?:\s*[:(]?\s*{_AD_SIZE}\)?)?"
    rf"|\(?{_AD_SIZE}\)?"
)
_NAME = r"(?:\p{Lu}[\p{L}\p{M}.'’/-]*+|[\"“]\p{Lu}[\p{L}\p{M}.'’ -]{0,20}[\"”])"
_NAMES = rf"{_NAME}(?:(?:\s*[,&@]\s*|\s+(?:and|in|at|for|of|the|de|van|von)\s+|\s+){_NAME}){{0,40}}"
_BYLINE_RE = regex.compile(
    rf"(?<!\p{{L}})(?i:(?:(?:[\p{{L}}]++\s+){{0,2}}(?:{kinds.BY_WORDS})\s+)?by)\s*:?\s+"
    rf"{_NAMES}(?:,\s*[\p{{L}}\p{{M}} ]{{1,40}})?[.,]?"
    rf"|(?:(?i:posted|written|published|filed)\s+)?(?:by\s+{_NAMES}\s+on\s+{_DATE}|(?i:on\s+)?{_DATE}\s+by\s+(?i:the\s+)?{_NAMES}(?:\s+\d{{1,6}}\s*(?i:comments?|replies|responses))?)"
    rf"(?:,?\s+(?:at\s+)?{_TIME})?"
    r"(?:\s+in\s+\p{Lu}[\p{L}\p{M}'’ &-]{0,30}(?:,\s*\p{Lu}[\p{L}\p{M}'’ &-]{0,30}){0,5})?"
    rf"|(?<![\p{{L}}\p{{M}}.'’/-]){_NAMES},\s*(?:[\p{{L}}-]++\s+){{0,2}}(?i:editor|reporter|correspondent|writer|columnist"
    r"|contributor|producer)"
    r"|(?i:(?:(?:photo|image|picture)\s+)?credit|photo|photograph|image|picture|source|author"
    r"|editor|reporter|writer"
    r"|correspondent|forecaster|producer|presenter|translator|illustrator|photographer"
    r"|compiler|contributor|music|theme\s+music|artwork|cover\s+art|sound)s?\s*:\s*\S.*"
    r"|(?<!\p{L})(?i:(?:from|(?:[\p{L}]++\s+)?by)\s+(?:our|a|the)\s+(?:[\p{L}\p{M}\p{N}'’-]++\s+){0,4}"
    r"(?:desk|correspondents?|reporters?|staff|team|newsroom)(?:\s+in\s+\p{Lu}[\p{L}\p{M}'’-]*)?)"
    r"|(?:[—–-]{1,2}\s*)?(?i:the)\s+(?:[\p{L}\p{M}\p{N}'’-]++\s+){0,4}(?i:desk|team|staff|newsroom)"
)
_BYLINE_MAX_WORDS = 12
_LINE_LABEL_MAX_WORDS = 40
_CALL_RE = regex.compile(
    r"(?i:(?:sign\s+up|subscribe|register|follow\s+us|read\s+more|share\s+(?:this|on)"
    r"|listen\s+to|print\s+(?:this|the)\s+\w+|email\s+this|see\s+also|continue\s+reading|copy\s+link"
    r"|please\s+(?:share|retweet|repost)|(?:write|leave|add|post)\s+a\s+(?:comment|reply)"
    r"|jump\s+to|got\s+an?\s+(?:[\p{L}-]+\s+){0,2}(?:story|tip|update|question|photo|picture|video)\b\??"
    r"|listen\s+live|on\s+air(?:\s+now)?|now\s+playing|get\s+(?:\S+\s+){1,5}(?:straight\s+)?(?:to|in)\s+your\s+inbox"
    r"|buy\s+(?:me|us)\s+a\s+(?:coffee|drink)|forward\s+(?:this\s+\w+\s+)?to\s+a\s+(?:friend|colleague))\b.{0,60}"
    r"|follow\s+.{1,40}\s+on\s+[\p{L}]+|comments\s+are\s+(?:closed|open|(?:pre-?)?moderated)\b.{0,40}"
    r"|support\s+(?:the|this|our)\s+(?:blog|site|page|work|journalism|podcast|newsletter)\b.{0,60}"
    r"|(?:share|related|more|read\s+next|watch|newsletter)\s*:.{0,60})"
)
_LABEL_RE = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'’.-]*|&)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|&)){0,3}")
"""A section or site name in a page's header ("Local News", "WORLD NEWS", "Ridgeway
Herald"): at most four capitalised words."""
_SHORT_PART_RE = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}\p{N}'’.&/-]*|\d{1,2}:\d\d)(?:\s+[\p{L}\p{M}\p{N}'’.&/-]+){0,3}"
    r"(?:\s+\(\p{Lu}[\p{L}\p{M}'’-]*\))?"
)
"""A short phrase beside other furniture on a header line ("Race report"), perhaps with a
channel's or a bulletin's number ("WKRT NEWS 4", "07:30 bulletin", "Notice 14/2027") or a
status in parentheses ("Minutes (Draft)")."""
_LONG_LABEL_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+[\p{L}\p{M}'’.&-]+){0,5}")
"""A site's or a newsletter's name beside a date or a button ("Troutbeck Bridge & District
Parish News | October 2025 | Issue 118"): up to six words."""
_ICON_RE = regex.compile(r"^[^\p{L}\p{N}(\[]+|[\[\]]")
_EMOJI_RE = regex.compile(r"[\p{So}\p{Sk}\uFE0F\u200D]+")
_SEPARATOR_RE = regex.compile(
    r"(?:\G|(?<!\s))(?:\s*+[|·•›»]\s*|[ \t]{4,}+)|(?:\G|(?<!\s))\s++(?:[—–-]\s+|(?:(?![®©™℠])[\p{So}\uFE0F\u200D])+\s+(?=[\p{L}|·•›»]))|,\s+(?=(?i:issue|vol(?:ume)?\.?|edition|no\.)\s*\d)"
)
"""What splits a line of furniture into parts: bars, dots, a PDF's gap of four spaces or
more between columns, spaced dashes, a spaced symbol before a word ("Kite Club ★ Events";
not a trademark sign), and the comma between a newsletter's name and its issue."""
_STAMP_RE = regex.compile(
    rf"(?:{_DATED_WORDS}\s*:?\s*)?(?:{_TIME}(?:,|\s+on)?\s*)?(?:{_WEEKDAY},?\s+)?{_DATE}"
    rf"(?:\s*(?:[,–-]|at)?\s*{_TIME}(?:\s*\(\s*{_TIME}[^()\n]{{0,30}}\))?)?"
    rf"|{_STAMP_WORDS}\s*:?\s*(?:{_TIME}|(?![^\n]*,\s+\p{{Ll}})\S.{{0,40}})"
    r"|\d{1,2}:\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?"
    rf"|(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MON})|(?i:{_MON})\s+\d{{1,2}})"
    rf",?\s*(?:at\s+)?{_TIME}"
)
_DATELINE_BEFORE_RE = regex.compile(
    r"(?<![\p{L}\p{M}.'’ -])[\p{L}\p{M}.'’ -]{1,40}+(?:,\s*+\p{Lu}[\p{L}\p{M}.'’ -]{0,30}+)?(?:[,،]\s*|\s*+(?P<open>\())|"
)
_DATELINE_AFTER_RE = regex.compile(
    r"(?:\G|(?<!\s))\s*+(?:\([^()\n]{1,30}\)\s*+|/[^/\n]{1,30}/\s*+)?(?:[—–-]{1,2}\s*|\.\s+)"
)
"""What closes a dateline: an agency in brackets or a wire between slashes, then a dash."""
_DATELINE_CLOSE_RE = regex.compile(r"\)\s*[—–-]{1,2}\s*")
"""A dateline's date in parentheses after the place ("SELBY, Yorks. (May 2, 2027) —")."""
_PLACE_DATELINE_RE = regex.compile(
    r"\p{Lu}{2}[\p{Lu}\p{M} .'’-]*(?:,\s*\p{Lu}[\p{L}\p{M}.'’ ]{0,25})?\s*(?:—|–|--)\s*"
)
"""A place in capitals, perhaps with its state, and a long dash opening a release's first
paragraph without a date ("NORTHFIELD, Vt. — ", "CARDIFF — ")."""
_AGENCY_DATELINE_RE = regex.compile(
    r"\p{Lu}[\p{Lu} .,'’-]{1,40}(?:,\s*[\p{L}\p{N} .]{1,30})?\s*\([\p{L} .&]{1,30}\)\s*[—–-]{1,2}\s*"
)
"""A place in capitals, perhaps a date, and a news agency: "WASHINGTON (Reuters) - ",
"LISBON, April 2 (IPA) -"."""
_DATELINE_CHARS = 80
_BULLETS = "•·▪◦‣●○■□►➢*>-–—+"
_COUNTER_WORDS = (
    r"(?i:shares?|likes?|comments?|views?|tweets?|retweets?|reposts?|reactions?|reads?|pins?"
    r"|followers?|members?|subscribers?|claps?|votes?|replies|reply|responses?|quotes|bookmarks|saves"
    r"|applicants|backers|downloads|installs|ratings|watchers|facebook|twitter|x|linkedin|whatsapp"
    r"|reddit|telegram|pinterest|threads|bluesky|viewed)"
)
"""What a page counts beside an article (shares, likes, views: "Viewed 80 times")."""
_COUNT = r"(?:\d+(?:[.,]\d+)?\s*[KkMm]?|\(\d+(?:[.,]\d+)?\s*[KkMm]?\))"
_COUNTER_RE = regex.compile(
    rf"(?:(?:{_COUNT}\s*{_COUNTER_WORDS}|{_COUNTER_WORDS}\s*:?\s*{_COUNT}(?i:\s+times)?)[\s|•·,]*)+"
    rf"|{_COUNT}\s*(?i:min(?:ute)?s?(?:\s+(?:read|listen|watch))?|people\s+(?:shared|liked|read)\s+this)"
    rf"|(?i:reading\s+time)\s*:?\s*{_COUNT}\s*(?i:min(?:ute)?s?)"
    rf"|(?i:listen|watch|read|video|audio)\s*[,:]\s*(?:{_COUNT}\s*(?i:min(?:ute)?s?|secs?)|(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}})"
    rf"|(?i:share\s+this(?:\s+article|\s+story)?)\s*:?\s*{_COUNT}\s*{_COUNTER_WORDS}?"
)
_LINK_RE = regex.compile(
    r"(?i:privacy(?:\s+(?:settings|policy|notice|centre|center))?"
    r"|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions))?"
    r"|cookies?(?:\s+(?:settings|policy|preferences|notice|choices))?"
    r"|(?:accept|reject|allow|decline)(?:\s+(?:all|cookies))?|manage\s+(?:preferences|cookies)"
    r"|save|print|e-?mail|comments?|tweet|share|copy\s+link|learn\s+more|ok|contact(?:\s+us)?"
    r"|reply|quote|permalink"
    r"|about\s+us|download\s+(?:our|the)\s+app)(?:\s*\(\d+\))?"
)
"""A page's link or button label standing alone in a line of them ("Cookie policy | Terms
of use", "Accept | Reject", "2.1K shares · Print · Email")."""
_REACTIONS_RE = regex.compile(
    r"(?:\G|(?<![\p{So}\p{Sk}\uFE0F\u200D]))(?:[\p{So}\p{Sk}\uFE0F\u200D]++\s*+\d+(?:[.,]\d+)?\s*+(?:[KkMm]\s*+)?)+"
)
"""A line of reaction counts behind icons ("👍 1.2k  💬 348")."""
_PLACE_DATE_RE = regex.compile(
    rf"\p{{Lu}}[\p{{L}}\p{{M}}.'’ -]{{1,30}},\s*{_DATE}(?:\s*(?:[,–—-]|at)?\s*{_TIME})?"
)
"""A wire dateline on a line of the page's header ("Klagenfurt, 2 March 2025")."""
_MASTHEAD_MAX_WORDS = 4
_TITLE_WORD = r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*"
_TITLE_LOW = r"(?:of|the|and|at|for|in|on|from|by|de|du|des|la|le|van|von|der|&)"
_TITLE_RE = regex.compile(
    rf"{_TITLE_WORD}(?:\s+(?:{_TITLE_LOW}\s+)*{_TITLE_WORD})*(?:,\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})?)?"
    r"(?:\s+\(\p{Lu}{2,8}\))?"
)
"""A name in title case: capitalised words, perhaps joined by small words, perhaps with
a place after a comma ("The Eastern Review of Poetry", "From the Shelves at Quayside Books,
Hull"), perhaps with its initials in parentheses ("Holm Sound Ferries (HSF)")."""
_TITLE_MAX_WORDS = 8
_BYLINE_LEAD_RE = regex.compile(r"^(?:(?:[\p{L}]+\s+){0,2}(?i:by)\s+)")
_ECHO_MIN_WORDS = 2
_ECHO_MAX_WORDS = 30
_COPYRIGHT_RE = regex.compile(
    r"©|(?i:\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|all\s+rights\s+reserved"
    r"|\bcrown\s+copyright\b(?=\s*(?:\d{4}\b|[.,|·]|\n|$))"
    r"|\b(?:all\s+)?trade\s*marks?\s+(?:are|is)\s+(?:the\s+)?property\s+of)"
)
_COPYRIGHT_MAX_WORDS = 25
_SENTENCE_END_RE = regex.compile(r"[.!?]\s")
_AGE_RE = regex.compile(_AGE)
_REPORTING_RE = regex.compile(r"\((?i:(?:additional\s+)?reporting\s+by)\s[^()\n]{1,200}\)")

HEADER_WORDS = 20
"""A line of at least this many words is the first paragraph of the story; the lines
above it are the page's header, where a date alone on a line is the page's date."""


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Each line's content span (without surrounding white space, or a bullet before it)
    and whether it is a list item; blank lines left out."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start] in " \t\r\u00a0":
            start += 1
        item = start < end and text[start] in _BULLETS
        while start < end and text[start] in " \t\r\u00a0|" + _BULLETS:
            start += 1
        while end > start and text[end - 1] in " \t\r\u00a0|":
            end -= 1
        if end > start:
            out.append((start, end, item))
    return out


def furniture_spans(text: str, lang: str = "und") -> list[tuple[int, int]]:
    """The spans of ``text`` that are page furniture, in order; ``lang``: how its dates
    are written (any language when undetermined). Above the story's first paragraph (a
    line of :data:`HEADER_WORDS` words or more) short section names and dates alone are
    furniture too; a text without such a paragraph has no header. The last few texts'
    spans are kept: several stages of one comparison ask for them."""
    return list(_furniture_spans(text, lang))


@functools.lru_cache(maxsize=8)
def _furniture_spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    lines = _lines(text)
    story = next((i for i, (s, e, _) in enumerate(lines) if _prose(text[s:e])), None)
    for i, (s, e, item) in enumerate(lines):
        header = story is not None and i < story and not item
        c = _COPYRIGHT_RE.search(text, s, e)
        if c is not None and len(text[c.start() : e].split()) <= _COPYRIGHT_MAX_WORDS:
            # A copyright notice runs to the end of its line; a short line is the
            # notice whole, with the owner's name before the sign ("Velo Wire © 2025").
            owner = text[s : c.start()]
            parts = owner.rstrip(" |·•")  # the page's links or a registration beside it
            short = len(text[s:e].split()) <= _BYLINE_MAX_WORDS
            whole = (short and prompts.owner_notice(owner, blocks.reuse_notice)) or (
                parts != owner.rstrip()
                and _furniture_line(text, s, s + len(parts), len(parts.split()), header)
            )
            out.extend([(s if whole else c.start(), e), *kinds.line_spans(text, s, e)])
            continue
        if i == story:
            dateline = _dateline(text, s, e, lang)
            if dateline is not None:
                out.append(dateline)
                s = dateline[1]
        elif _furniture_line(text, s, e, len(text[s:e].split()), header):
            out.append((s, e))
            continue
        sender = shapes.sender_span(text, s, e)
        if sender is not None:  # a chat's sender line; the message after it is the story
            out.append(sender)
            s = sender[1]
        out.extend(kinds.line_spans(text, s, e))
        out.extend(threads.inline_spans(text, s, e))
    out.extend(_mastheads(text, lines, story, out))
    out.extend(_echoes(text, lines, story, out))
    out.extend(posts.mail_header_spans(text, lines, out))
    out.extend(shapes.block_spans(text, lines, out))
    out.extend(shapes.letter_spans(text, lines))
    out.extend(shapes.about_spans(text, lines))
    out.extend(shapes.repeated_spans(text, lines))
    out.extend(threads.reply_spans(text, lines, HEADER_WORDS, _dated))
    out.extend(threads.ad_block_spans(text, lines, out))
    out.extend(entries.stamp_spans(text, lines))
    out.extend(blocks.contact_block_spans(text, lines))
    out.extend(widgets.widget_spans(text, lines))
    if story is not None:
        last = max(i for i, (s, e, _) in enumerate(lines) if len(text[s:e].split()) >= HEADER_WORDS)
        out.extend(posts.foot_spans(text, lines, story, last, out, _dated_field))
        out.extend(threads.letterhead_spans(text, lines, story, last, out))
        out.extend(notes.page_spans(text, lines, (story, last), out))
    out.extend(prompts.header_spans(text, lines, story, out))
    out.extend(m.span() for m in _REPORTING_RE.finditer(text))
    return tuple(sorted(out))


def _prose(line: str) -> bool:
    """A line of the story: :data:`HEADER_WORDS` words or more, no cookie banner or
    disclosure (a post's line of date, topics and affiliate notice stands above it)."""
    n = len(line.split())
    return (
        n >= HEADER_WORDS and not kinds.consent_line(line, n) and not kinds.disclosure_line(line, n)
    )


def _mastheads(
    text: str, lines: list[tuple[int, int, bool]], story: int | None, found: list[Span]
) -> list[Span]:
    """The site's name on a line of its own between the headline and the byline or date
    line ("Baltic Times" over "By our correspondent · 22 October 2025"): at most
    :data:`_MASTHEAD_MAX_WORDS` capitalised words, after a headline in title case or
    the page's section line, never after another headline. A longer name in title case
    (:data:`_TITLE_RE`) is one over the site's menu, between the section line and a
    headline with its byline below, or a group's over a post's byline with its age."""
    if story is None:
        return []
    starts = {s for s, _ in found}
    out = []
    for i in range(story - 1):
        s, e, item = lines[i]
        line = " ".join(_EMOJI_RE.sub(" ", text[s:e]).split())  # "Harbour Walkers 🌊"
        if item or s in starts:
            continue
        ns, ne, _ = lines[i + 1]
        after_headline = i > 0 and lines[i - 1][0] not in starts
        if (
            i == 0
            and ns in starts
            and (posts.tagline(line) or _named_over_menu(text, line, ns, ne))
        ):
            out.append((s, e))  # the site's name and its tagline over the page's
            continue
        if _titled(line) and not after_headline:
            if ns in starts and (_is_navigation(text[ns:ne]) or (i == 0 and _posted(text[ns:ne]))):
                out.append((s, e))  # over the site's menu, or a group's over a post
                continue
            if i == 0 and threads.document_head(text, lines, starts, _is_byline_or_stamp):
                out.append((s, e))  # an issuer's name over its document's title lines
                continue
            if ns not in starts and i + 2 < story and _headline_over_byline(text, lines, i, starts):
                out.append((s, e))  # the site's name, then a headline and its byline
                continue
        if len(line.replace("&", " ").split()) > _MASTHEAD_MAX_WORDS:
            continue
        if not (_LABEL_RE.fullmatch(line) and ns in starts):
            continue
        if after_headline and _is_byline_or_stamp(text, ns, ne):
            out.append((s, e))
        elif not after_headline and _is_navigation(text[ns:ne]):
            out.append((s, e))  # the site's name over its menu or breadcrumb trail
        elif i == 0 and shapes.ISSUE_RE.search(text[ns:ne]):
            out.append((s, e))  # a newsletter's name over its issue line
    return out


def _echoes(
    text: str, lines: list[tuple[int, int, bool]], story: int | None, found: list[Span]
) -> list[Span]:
    """Lines closing the page after its last paragraph that open with a name the page's
    header gave as furniture: a station's ident ("Dale 98.6, news on the hour." below
    "DALE 98.6 NEWS · 07:30 bulletin"), the author's note ("Ann Royle farms in
    Cumbria …" below the byline "Ann Royle")."""
    if story is None:
        return []
    starts = {s for s, _ in found}
    names: set[tuple[str, ...]] = set()
    for s, e, _ in lines[:story]:
        if s in starts:
            for part in _SEPARATOR_RE.split(text[s:e]):
                run = _lead_name(_BYLINE_LEAD_RE.sub("", _ICON_RE.sub("", part).strip()))
                names.update(run[:n] for n in range(_ECHO_MIN_WORDS, len(run) + 1))
    if not names:
        return []
    last = max(i for i, (s, e, _) in enumerate(lines) if len(text[s:e].split()) >= HEADER_WORDS)
    out = []
    for s, e, _ in lines[last + 1 :]:
        line = text[s:e]
        lead = _lead_name(line)
        if s not in starts and len(lead) < len(line.split()) <= _ECHO_MAX_WORDS and lead in names:
            out.append((s, e))  # the name and more: a name alone is a section's
    return out


def _lead_name(line: str) -> tuple[str, ...]:
    """The capitalised words (or numbers) opening ``line``, in lower case, up to the first
    other word or punctuation; empty unless at least :data:`_ECHO_MIN_WORDS`."""
    words = []
    for w in line.split():
        core = w.rstrip(",.:;!?")
        if not core or not (core[0].isupper() or core[0].isdigit()):
            break
        words.append(core.casefold())
        if core != w:
            break
    return tuple(words) if len(words) >= _ECHO_MIN_WORDS else ()


def _titled(line: str) -> bool:
    """A name in title case of at most :data:`_TITLE_MAX_WORDS` words."""
    return len(line.split()) <= _TITLE_MAX_WORDS and _TITLE_RE.fullmatch(line) is not None


def _aged(line: str) -> bool:
    """A byline giving a post's age ("Posted by Lorna Jago · 2h")."""
    parts = [_ICON_RE.sub("", p).strip(" .,:") for p in _SEPARATOR_RE.split(line)]
    return any(_BYLINE_RE.fullmatch(p) for p in parts) and any(_AGE_RE.fullmatch(p) for p in parts)


def _posted(line: str) -> bool:
    """A post's byline with its age, its header, a group's member count, or a document's
    number ("Claim no. 4471"): what a group's or an issuer's name stands over."""
    return (
        _aged(line)
        or posts.post_header(line, _dated)
        or _group_line(line)
        or kinds.number_line(_ICON_RE.sub("", line))
    )


def _group_line(line: str) -> bool:
    parts = [_ICON_RE.sub("", p).strip(" .,:") for p in _SEPARATOR_RE.split(line)]
    return any(_COUNTER_RE.fullmatch(p) for p in parts) and all(
        _COUNTER_RE.fullmatch(p) or _SHORT_PART_RE.fullmatch(p) for p in parts if p
    )


def _headline_over_byline(
    text: str, lines: list[tuple[int, int, bool]], i: int, starts: set[int]
) -> bool:
    """Is line ``i`` below the page's section line (or the page's first), line ``i + 1``
    a headline longer than it and line ``i + 2`` a byline or a date line?"""
    s, e, _ = lines[i]
    hs, he, _ = lines[i + 1]
    bs, be, _ = lines[i + 2]
    return (
        i > 0
        and lines[i - 1][0] in starts
        and bs in starts
        and len(text[hs:he].split()) > len(text[s:e].split())
        and not text[hs:he].endswith(".")  # a standfirst, not a headline, below it
        and _is_byline_or_stamp(text, bs, be)
    )


def _is_navigation(line: str) -> bool:
    return kinds.breadcrumb(line) or kinds.menu_line(line)


def _is_byline_or_stamp(text: str, s: int, e: int) -> bool:
    parts = [_ICON_RE.sub("", p).strip(" .,:") for p in _SEPARATOR_RE.split(text[s:e])]
    first = next((p for p in parts if p), "")
    return bool(
        _BYLINE_RE.fullmatch(first) or _STAMP_RE.fullmatch(first) or _PLACE_DATE_RE.fullmatch(first)
    )


def _furniture_line(text: str, s: int, e: int, words: int, header: bool) -> bool:
    """Is the line ``s:e`` (of ``words`` words; above the story when ``header``) furniture?
    A line of parts ("By Colin Hartigan | 27 April 2022 | 3 min read") is when every part
    is; a section name counts as one only above the story."""
    line = _ICON_RE.sub("", text[s:e])
    if words <= _LINE_LABEL_MAX_WORDS and kinds.LINE_LABEL_RE.fullmatch(line):
        return True
    if (
        posts.release_line(line)
        or posts.registration_line(line, words)
        or posts.call_line(line, words)
        or notes.line(line, words, header)
    ):
        return True
    if posts.reactions(text[s:e]) or posts.post_header(text[s:e], _dated):
        return True
    if posts.thread_line(line, words, _dated) or posts.press_contact(line, words):
        return True
    if threads.line(line, words, _dated):
        return True
    if (
        shapes.ad_line(text[s:e], words)
        or shapes.shape_line(line)
        or shapes.promo_line(line, words)
    ):
        return True
    if header and shapes.header_field(line):
        return True
    if kinds.contact_line(line, words) or kinds.disclosure_line(line, words):
        return True
    if widgets.widget_line(text[s:e], words):
        return True
    if prompts.prompt_line(line, words) or prompts.boilerplate_line(line, words):
        return True
    if kinds.breadcrumb(line, header) or (words <= _BYLINE_MAX_WORDS and kinds.slug_line(line)):
        return True
    if (header or words <= _BYLINE_MAX_WORDS) and _PLACE_DATELINE_RE.fullmatch(line.strip()):
        return True
    if kinds.consent_line(line, words):
        return True
    if (header or words <= _BYLINE_MAX_WORDS) and _AGENCY_DATELINE_RE.fullmatch(line.strip()):
        return True
    parts = [_ICON_RE.sub("", p).strip(" .,:") for p in _SEPARATOR_RE.split(line)]
    parts = [p for p in parts if p]
    if len(parts) > 1:  # a bare count there stood after an icon ("🗨 38")
        if kinds.menu_line(line) or kinds.metadata_line(line, _dated):
            return True
        strong = [_furniture_part(p, header, labels=False) for p in parts]
        # Beside a byline, a stamp or a button in a line split by bars or dots, a short
        # phrase is a label of the page's.
        piped = any(strong) and kinds.piped(line)
        labels = header or piped
        return all(
            ok
            or _furniture_part(p, header, labels)
            or regex.fullmatch(_COUNT, p)
            or kinds.LINE_LABEL_RE.fullmatch(p)  # "Filed under: Savings" beside a byline
            or (piped and _LONG_LABEL_RE.fullmatch(p))
            for ok, p in zip(strong, parts, strict=True)
        )
    if header and len(line.replace("&", " ").split()) <= 2 and _LABEL_RE.fullmatch(line):
        return True
    if _REACTIONS_RE.fullmatch(text[s:e].strip()):
        return True
    if words <= _BYLINE_MAX_WORDS and kinds.page_line(line):
        return True
    if "  " in line.strip() and kinds.menu_line(line):
        return True
    return words <= _BYLINE_MAX_WORDS and _furniture_part(line, header, labels=False, alone=True)


def _furniture_part(part: str, header: bool, labels: bool, alone: bool = False) -> bool:
    """An ad, a byline, a date or time stamp (below the story only when it says so), a
    counter or a call to action; with ``labels``, a section or site name too."""
    if _AD_RE.fullmatch(part) or _BYLINE_RE.fullmatch(part) or _COUNTER_RE.fullmatch(part):
        return True
    if posts.reactions(part):
        return True
    if _STAMP_RE.fullmatch(part):
        return header or _stamp_word(part)
    if header and (
        _PLACE_DATE_RE.fullmatch(part)
        or shapes.address_line(part)
        or shapes.labelled_date(part, not alone)
    ):
        return True
    if _CALL_RE.fullmatch(part) or _LINK_RE.fullmatch(part) or kinds.page_part(part, alone):
        return True
    if posts.release_line(part) or (not alone and posts.status_field(part)):
        return True
    if _AGE_RE.fullmatch(part) and (not alone or part.casefold().endswith(" ago")):
        return True  # beside a byline: "Posted by Lorna Jago · 2h"
    return labels and _SHORT_PART_RE.fullmatch(part) is not None


def _dated(value: str) -> bool:
    """Is ``value`` a date or time stamp ("18 November 2025")?"""
    return _STAMP_RE.fullmatch(value.strip(" .,")) is not None


def _dateline(text: str, s: int, e: int, lang: str) -> Span | None:
    """The dateline opening the paragraph ``s:e``: a place (at most 40 characters, then a
    comma) and a date, in the text's language, before a dash or a full stop ("Iran, June 1,
    2021—", "MADRID, 18 de junio de 2021. "), or a place and a news agency ("WASHINGTON
    (Reuters) - "), or a place and a date in parentheses ("SELBY, Yorks. (May 2, 2027) — ").
    None without one."""
    m = _AGENCY_DATELINE_RE.match(text, s, e) or _PLACE_DATELINE_RE.match(text, s, e)
    if m is not None:
        return s, m.end()
    from .dates import find_dates

    head = text[s : min(e, s + _DATELINE_CHARS)]
    n = len(head)
    for it in find_dates(head, 0, bytearray(n), bytearray(n), lang):
        a, b = it.fact.span
        before = _DATELINE_BEFORE_RE.fullmatch(head, 0, a)
        if before is None:
            continue
        if before.group("open"):
            after = _DATELINE_CLOSE_RE.match(head, b)
            if after is not None:
                return s, s + after.end()
            continue
        after = _DATELINE_AFTER_RE.match(head, b)
        if after is not None and (a > 0 or not after.group().strip().startswith(".")):
            return s, s + after.end()
    return None


def _named_over_menu(text: str, line: str, ns: int, ne: int) -> bool:
    """The page's first line, a name and a phrase split by a spaced dash ("THE DALE
    COURIER — Free weekly since 1974"), over the site's menu or an issue line."""
    nxt = text[ns:ne]
    parts = regex.split(r"(?<!\s)\s++[—–]\s++", line, maxsplit=1)
    return (
        len(parts) == 2
        and len(line.split()) <= _BYLINE_MAX_WORDS
        and posts.site_name(parts[0])
        and not _SENTENCE_END_RE.search(line + " ")
        and (_is_navigation(nxt) or shapes.ISSUE_RE.search(nxt) is not None)
    )


def _dated_field(value: str) -> bool:
    """A date or time stamp, or a document's dated field ("Next issue: June 2027")."""
    return _dated(value) or shapes.labelled_date(value)


def _stamp_word(part: str) -> bool:
    return regex.match(_DATED_WORDS, part) is not None

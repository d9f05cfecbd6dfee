"""Page furniture of posts and of a page's foot: forum and social-media post headers,
reaction bars, a thread's links and counts and its posters' profile fields, a site's
name with its tagline, a company's registration notice, a press release's embargo line
and its press office's contact line, a business's bare call line, a paper's history of
dates, and the lines below the story's last paragraph that are the page's (notes to
editors and what follows them, a signature, a sign-off, the document's closing date).

Each rule is about the shape of a whole line, or of a line's place below the story; a
sentence of the story never matches. :mod:`.furniture` uses them beside its own rules.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .furniture_kinds import PHONE_RE, is_phone

_ICONS = r"[\p{So}\p{Sk}\uFE0F\u200D]"
_ICON_RE = regex.compile(_ICONS)
_EMOJI_RE = regex.compile(r"\p{So}")
_TIME_RE = regex.compile(r"\d[:.]\d\d")
_WORD_RE = regex.compile(r"\p{L}{2,}")
_SENTENCE_END_RE = regex.compile(r"[.!?]\s")
_HISTORY_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s*+[;|]\s*")
_THREAD_MAX_WORDS = 20
_COUNT = r"\d++(?:[.,]\d++)?\s*+[KkMm]?"
"""A count (possessive: a long run of digits or spaces is read one way only)."""
_REACTION_WORDS = (
    r"(?i:likes?|comments?|shares?|reposts?|retweets?|replies|reactions?|views?|votes?|upvotes?"
    r"|points?|members?|followers?|subscribers?|quotes|bookmarks)"
)
_COUNTED_RE = regex.compile(rf"{_COUNT}\s*{_REACTION_WORDS}")
_REACTIONS_RE = regex.compile(
    rf"(?:\G|(?<!{_ICONS}))(?:{_ICONS}++\s*+)*+{_COUNT}(?:\s*{_REACTION_WORDS})?(?:\s*(?:{_ICONS}++\s*+)*+{_COUNT}"
    rf"(?:\s*{_REACTION_WORDS})?)*"
)
"""A bar of reaction counts, each behind an icon or before a word ("👍 41  💬 9 comments
↗ 3 shares", "🔁 12 ❤️ 80"); :func:`reactions` wants an icon in it."""

_POST_SEP_RE = regex.compile(r"\s{2,}|\s*[|·•]\s*")
_POST_NUMBER_RE = regex.compile(r"(?i:(?:post|reply|comment)\s*)?#\d{1,6}")
_HANDLE = r"@?(?:[ru]/)?[\p{L}\p{N}][\p{L}\p{N}_.-]{1,30}"
_HANDLE_RE = regex.compile(_HANDLE)
_USER_RE = regex.compile(r"^@|^[ru]/|_|\p{N}|\p{Ll}\p{Lu}")
"""A handle no word or name is written as: "@gull", "u/gull", "Gull_Wing", "gull77",
"GullWing"."""
_AGE_RE = regex.compile(
    r"\d{1,3}\s*(?i:s|m|h|d|w|y|mo|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|months?|yrs?"
    r"|years?)\.?(?:\s+(?i:ago))?|(?i:just\s+now|yesterday)"
)
"""A post's age as a social network shows it ("5h", "5 hr. ago")."""
_POSTED_RE = regex.compile(
    rf"(?i:posted|shared|submitted)\s+(?i:by)\s+{_HANDLE}(?:\s+(?:{_AGE_RE.pattern}))?"
)
"""A post's byline by a handle, perhaps with its age ("Posted by u/gullwing 5 hours ago")."""
_MEMBER_RE = regex.compile(
    r"\(\s*[^()]{0,60}(?i:\bmember|\bposts?\b|\bjoined\b|\bmoderator|\badmin|\bkarma\b|\brank\b)"
    r"[^()]{0,60}\)"
)
"""A poster's rank and count beside the handle ("(Regular, Posts: 212)")."""
_AUDIENCE_RE = regex.compile(
    r"(?i:(?:public|private|closed|open)(?:\s+group)?|(?:(?:group\s+)?admin(?:istrator)?|moderator"
    r"|author)(?:\s+post)?|(?:top|new|senior|junior)\s+(?:member|contributor|fan)|edited|friends)"
)
"""Who sees a post, or the poster's role, as a social network labels it."""
_HEADER_MAX_WORDS = 14
_ON_RE = regex.compile(r"(?<!\s)\s++(?i:on|at)\s*+:\s*+")
"""A stamp's "on:" or "at:" label (tried at the start of a run of spaces only: from inside
one, a long run was scanned to its end again at each space)."""
_THREAD_RE = regex.compile(
    r"(?i:view|see|show|load|read)\s+(?i:all\s+)?(?:\d[\d,]*\s+)?"
    r"(?i:(?:more|previous|earlier|older)\s+)?(?i:comments?|replies|answers|posts|reactions)"
    r"|(?i:seen\s+by)\s+\d[\d,.]*\s*[KkMm]?(?:\s+(?i:people|members))?"
    r"|(?i:liked\s+by)\s+\S+(?:\s+(?i:and)\s+\d[\d,.]*\s*[KkMm]?\s+(?i:others?|more))?"
    r"|\d[\d,]*\s+(?i:responses?|comments?|replies|thoughts)\s+(?i:to|on)\s+[\"“‘'].{1,100}"
)
"""A thread's own links and counts: "View 14 more replies", "Seen by 210", "3 responses
to “…”"."""
_PROFILE_RE = regex.compile(
    r"(?i:joined|posts|messages|thanks|reputation|karma|reaction\s+score|likes\s+received"
    r"|trophy\s+points)\s*:\s*[\p{L}\p{N}][\p{L}\p{N}.,/ ]{0,20}"
    r"|(?i:member\s+since|joined(?:\s+in)?)\s*:?\s*[\p{L}\p{N}][\p{L}\p{N}.,/ ]{0,20}"
    r"|\d[\d,.]*\s*[KkMm]?\s+(?i:posts|messages|reputation|karma|points)"
)
"""A field of a poster's profile beside a forum post ("Joined: Mar 2019", "Posts: 88")."""
_RANK_RE = regex.compile(
    r"(?:\p{L}+\s+)?(?i:member|moderator|admin|regular|newbie|contributor)"
    r"|(?i:location|from)\s*:\s*\p{L}[\p{L}\p{N}.,'’ -]{0,30}"
)
"""A poster's rank ("Premium member") or place ("Location: Hull"), beside the profile's
other fields, never alone."""
_EDITED_RE = regex.compile(
    rf"(?i:(?:last|originally)\s+)?(?i:edited|posted|quoted|written)\s+(?i:by)\s+{_HANDLE}[;,]?\s*"
    rf"(?i:on\s+)?|(?i:quote\s+from)\s*:?\s+{_HANDLE}\s+(?i:on\s+)?"
)
"""An edit or quotation note by a handle, before its stamp ("Last edited by GullWing;
…", "Originally posted by GullWing on …", "Quote from GullWing on …")."""
_HISTORY_RE = regex.compile(
    r"(?i:received|accepted|revised|submitted|(?:first\s+)?published(?:\s+online)?)\s*:?\s*(?i:on\s+)?"
)
_SAID_RE = regex.compile(
    rf"{_HANDLE}\s+(?i:said|wrote)\s*:|(?i:on)\s+\S.{{4,100}}\s(?i:wrote)\s*:"
    r"|(?i:edited)\s+\d{1,3}\s+(?i:times?)|#?[\p{L}_][\p{L}\p{N}_]*(?:\s+#[\p{L}_][\p{L}\p{N}_]*)+"
)
"""A quoted post's or e-mail's attribution ("GullWing said:", "On 3 May 2026, Ann Lee
<ann@…> wrote:"), an edit count, a line of hashtags (its first "#" perhaps taken off
as an icon)."""
_MAIL_HEADER_RE = regex.compile(r"(?i:from|sent|to|cc|bcc|subject|date|reply-to)\s*:\s*\S")
_MAIL_SENDER_RE = regex.compile(r"(?i:from|sent)\s*:")
_PEOPLE = (
    r"\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}"
    r"(?:(?:,\s*|\s+(?i:and)\s+)\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3})*"
    r"(?:\s+(?i:in)\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)?)?"
)
_CREDIT = r"(?i:(?:additional\s+)?reporting|writing|editing|compiled)\s+(?i:by)\s+"
_WIRE_CREDIT_RE = regex.compile(rf"{_CREDIT}{_PEOPLE}(?:\s*;\s*{_CREDIT}{_PEOPLE})*")
"""A wire's credit line ("Reporting by Ann Lee; Editing by Tom Hart")."""

_TAGLINE_SEP_RE = regex.compile(
    r"(?:\G|(?<!\s))\s++[—–-]\s+|(?:\G|(?<!\s))\s*+:\s+|(?:\G|(?<!\s))\s*+\|\s*"
)
_NAME_RE = regex.compile(
    r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*"
    r"(?:\s+(?:(?i:of|the|and|for|on|in|at|&)\s+)*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*){1,5}"
)
"""A site's name: two to six capitalised words, perhaps joined by small words."""
_ONE_NAME_RE = regex.compile(
    r"\p{Lu}{2,}[\p{Lu}\p{N}&-]*|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+"
    r"|[\p{L}\p{N}][\p{L}\p{N}-]{1,40}(?:\.\p{Ll}{2,10}){1,2}"
)
_TAGLINE_RE = regex.compile(r"\p{Ll}[\p{L}\p{M}\p{N}'’,&-]*(?:\s+[\p{L}\p{M}\p{N}'’,&-]+){1,11}")
"""A site's tagline: a phrase in lower case after its name ("Harbour Notes — a blog about
boats and the people who sail them")."""

_RELEASE_RE = regex.compile(
    r"(?i:for\s+(?:immediate\s+)?release|embargoed|under\s+embargo|embargo"
    r"|not\s+for\s+(?:publication|release|broadcast)(?:\s+before)?)"
    r"\s*(?:[:–—-]\s*)?(?i:(?:until|till|to|on|before|at|:)\s*)?"
)
"""A press release's release or embargo label, with a date or time after it."""
_STAMP_ITEM = (
    r"(?>[\p{N}:.,/–-]++|\p{Lu}{2,}+(?!\p{Ll})"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}*+\.?"
    r"|(?i:am|pm|a\.m\.|p\.m\.|at|on|local|time|hours|hrs|noon|midnight)(?!\p{Ll})"
    r"|(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?(?!\p{Ll}))"
)
"""One item of a release's date or time, read whole (a run of letters is not split among
items): digits, a word in capitals (a time zone), a month, a time word or a weekday."""
_STAMPISH_RE = regex.compile(rf"{_STAMP_ITEM}(?:\s*+{_STAMP_ITEM})*+")
"""What may follow a release label: digits, months, weekdays, a time zone."""

_REGISTERED_RE = regex.compile(
    r"(?i:registered\s+(?:in\s+\p{Lu}[\p{L}\p{M} ]{1,40}?|office|address|charity|society)?\s*"
    r"(?:,\s*)?(?:company\s+)?(?:no\.?|number|reg(?:istration)?\.?\s+(?:no\.?|number))"
    r"|company\s+(?:registration\s+)?(?:no\.?|number)|vat\s+(?:registration\s+)?(?:no\.?|number)"
    r"|\bis\s+a\s+registered\s+(?:charity|company|society)(?:\s+in\s+\p{Lu}[\p{L}\p{M} ]{1,40}?)?"
    r"\s*[,(]?\s*(?:no\.?|number)?)"
    r"\s*:?\s*[\p{Lu}]{0,3}\s*\d[\d\s]{3,12}\)?\.?"
    r"(?:\s+(?i:registered\s+(?:office|address))\s*:\s*[^\n]{1,80})?$"
)
"""A company's or a charity's registration notice closing a line ("Registered in Scotland
No. SC123456", "Company number 04412345", "… is a registered charity (no. 1012345).")."""
_REGISTERED_MAX_WORDS = 35
_OFFICE_RE = regex.compile(
    r"(?i:(?:regd\.?|registered|head|corporate|principal|administrative)\s+(?:office|address)"
    r"|registered\s+and\s+head\s+office)\s*[:\-–]\s*\S[^\n]*"
)
"""A company's office address given under its label ("Regd. Office: DCA Stadium, Uppal
Road, Hyderabad – 500 039", "Head office: 4 Quay Road, Brackwick"): the issuer's
letterhead or footer."""
_OFFICE_MAX_WORDS = 25
_STATUS_RE = regex.compile(
    r"(?i:\bis\s+an?\s+(?:registered\s+)?(?:501\s*\(c\)\s*\(\d{1,2}\)|tax[- ]exempt)\s+"
    r"(?:non-?profit|not-for-profit|charity|charitable|public\s+charity)"
    r"(?:\s+(?:organi[sz]ation|corporation|foundation))?)\.?$"
)
"""A US charity's tax status closing its line."""

_NOTES_RE = regex.compile(
    r"(?i:notes?\s+(?:to|for)\s+(?:editors?|news\s+desks?|journalists)|editors?['’]?s?\s+notes?"
    r"|-*\s*ends\s*-*|-*\s*30\s*-+)[\s.:-]*|#\s*#\s*#"
)
"""A press release's end mark or the heading of its notes to editors: the lines below it
are the issuer's notes, not the story."""
_SIGNATURE_PART_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+[\p{L}\p{M}'’.&-]+){0,4}")
_SIGNATURE_MIN_PARTS = 3
_FOOT_MAX_WORDS = 19
_SIGN_OFF_MAX_WORDS = 3
_CALL_RE = regex.compile(
    r"(?i:call|phone|ring|tel(?:ephone)?|text)(?:\s+(?:us|now|today))?(?:\s+(?:on|at))?\s*:?\s*"
)
"""A bare call to a number: "Call 01632 960 404", "Ring us on …"."""
_SENTENCE_SPLIT_RE = regex.compile(r"(?<=[.!?])\s+")
_CALL_LINE_MAX_WORDS = 16
_PRESS_RE = regex.compile(
    r"(?i:for\s+(?:media|press|news)\s+(?:enquiries|inquiries|information|contacts?)"
    r"|for\s+(?:further|more)\s+(?:information|details)(?=\s*,?\s*(?:please\s+)?contact\b)"
    r"|for\s+(?:interviews?|comment|high-resolution\s+images|images|photos|photographs)"
    r"(?:\s+[\p{L}-]+){0,3}?)\s*,?\s*(?i:please\s+)?(?i:contact|call|email|e-mail|ring|write\s+to)\b"
)
_PRESS_MAX_WORDS = 30
_EMAIL_RE = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CALL_OTHER_MAX_WORDS = 8


def reactions(line: str) -> bool:
    """A bar of reaction counts with an icon in it (:data:`_REACTIONS_RE`)."""
    line = line.strip()
    return _REACTIONS_RE.fullmatch(line) is not None and _ICON_RE.search(line) is not None


def post_header(line: str, dated: Callable[[str], bool]) -> bool:
    """A forum or social post's header: a post number, a handle, a poster's rank, an
    audience label and a date or time stamp (``dated``), split by runs of spaces or
    bars ("#3  GullWing  (Member, Posts: 88)  2 May 2026, 09:14"), with a stamp and a
    post number or a rank, or a stamp beside an audience label ("4 May at 08:10 · Public"),
    or a stamp with its time beside a user name of a handle's shape ("Gull_Wing  2 May
    2026, 09:14": :data:`_USER_RE`)."""
    words = sum(any(c.isalnum() for c in w) for w in line.split())  # no bars or dots
    if words > _HEADER_MAX_WORDS or not any(c.isdigit() for c in line):
        return False  # (a stamp has digits)
    parts = [p.strip(" ,") for p in _POST_SEP_RE.split(_ON_RE.sub("  ", line.strip()))]
    parts = [p for p in parts if _ICON_RE.sub("", p).strip()]  # an audience's icon ("🌐")
    kinds = []
    timed = False
    for p in parts:
        if _POST_NUMBER_RE.fullmatch(p):
            kinds.append("number")
        elif _MEMBER_RE.fullmatch(p) or _PROFILE_RE.fullmatch(p):  # "Posts: 88"
            kinds.append("rank")
        elif _POSTED_RE.fullmatch(p):
            kinds.append("stamp" if any(c.isdigit() for c in p) else "posted")
            kinds.append("posted")
        elif dated(p) or _aged(p):
            kinds.append("stamp")
            timed = timed or _TIME_RE.search(p) is not None
        elif _AUDIENCE_RE.fullmatch(p):
            kinds.append("audience")
        elif _COUNTED_RE.fullmatch(p):
            kinds.append("count")
        elif _HANDLE_RE.fullmatch(p):
            user = _USER_RE.search(p) and any(c.isalpha() for c in p)
            kinds.append("user" if user else "handle")
        else:
            return False
    if "stamp" not in kinds or len(parts) < 2:
        return False
    return (
        "number" in kinds
        or "count" in kinds
        or "rank" in kinds
        or "posted" in kinds
        or ("audience" in kinds and "handle" not in kinds)
        or ("user" in kinds and timed)
    )


def _aged(part: str) -> bool:
    """A post's age: "5h", "3 days ago", not "5 hours" (a duration)."""
    return _AGE_RE.fullmatch(part) is not None and (
        part.endswith("ago") or not _WORD_RE.search(part) or part.isalpha()
    )


def thread_line(line: str, words: int, dated: Callable[[str], bool]) -> bool:
    """A thread's link or count (:data:`_THREAD_RE`), a line of a poster's profile fields
    (perhaps after the poster's handle, with the poster's rank and place beside them),
    an edit note with its stamp (``dated``: "Last edited by GullWing; 2 May 2026 at
    09:30."), or a paper's history of dates ("Received 3 May 2026; accepted 12 June
    2026"); at most :data:`_THREAD_MAX_WORDS` words."""
    if words > _THREAD_MAX_WORDS:
        return False
    line = line.strip()
    if _THREAD_RE.fullmatch(line) or _SAID_RE.fullmatch(line):
        return True
    if _WIRE_CREDIT_RE.fullmatch(line.rstrip(".")):
        return True
    parts = [p.strip(" ,") for p in _POST_SEP_RE.split(line) if p.strip(" ,")]
    if parts and all(_PROFILE_RE.fullmatch(p) for p in parts):
        return True
    fields = parts[1:] if parts and _HANDLE_RE.fullmatch(parts[0]) else parts
    if (
        len(parts) >= 2
        and any(_PROFILE_RE.fullmatch(p) for p in fields)
        and all(_PROFILE_RE.fullmatch(p) or _RANK_RE.fullmatch(p) for p in fields)
    ):
        return True  # the poster's handle and rank before the profile's fields
    m = _EDITED_RE.match(line)
    if m is not None and (m.end() == len(line) or dated(line[m.end() :].strip(" ."))):
        return True
    return _history(line, dated)


def _history(line: str, dated: Callable[[str], bool]) -> bool:
    """A paper's history line: "Received 3 May 2026; accepted 12 June 2026"."""
    parts = [p.strip() for p in _HISTORY_SEP_RE.split(line.rstrip(".")) if p.strip()]
    for p in parts:
        m = _HISTORY_RE.match(p)
        if m is None or not dated(p[m.end() :].strip(" .,")):
            return False
    return bool(parts)


def press_contact(line: str, words: int) -> bool:
    """A press office's contact line: for interviews, media enquiries or images, whom to
    reach, with a phone number or an e-mail address."""
    return (
        words <= _PRESS_MAX_WORDS
        and _PRESS_RE.match(line.strip()) is not None
        and (
            _EMAIL_RE.search(line) is not None
            or any(is_phone(m.group()) for m in PHONE_RE.finditer(line))
        )
    )


def mail_header_spans(
    text: str, lines: list[tuple[int, int, bool]], found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """An e-mail's header block quoted in a page: two lines or more in a row of "From:",
    "Sent:", "To:", "Subject:" …, one of them the sender's or the sending date's."""
    starts = {s for s, _ in found}
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for s, e, _ in [*lines, (len(text), len(text), False)]:
        if s < len(text) and _MAIL_HEADER_RE.match(text, s, e):
            run.append((s, e))
            continue
        if len(run) >= 2 and any(_MAIL_SENDER_RE.match(text, a, b) for a, b in run):
            out.extend(span for span in run if span[0] not in starts)
        run = []
    return out


def tagline(line: str) -> bool:
    """A site's or a newsletter's name and its tagline in lower case ("Harbour Notes — a
    blog about boats"), no sentence."""
    line = " ".join(_ICON_RE.sub(" ", line).split())  # "Harbour Notes ⚓ | a blog about boats"
    parts = _TAGLINE_SEP_RE.split(line.strip().rstrip(".!"), maxsplit=1)
    return (
        len(parts) == 2
        and _NAME_RE.fullmatch(parts[0].strip()) is not None
        and _TAGLINE_RE.fullmatch(parts[1].strip()) is not None
        and not _SENTENCE_END_RE.search(line)
    )


def site_name(part: str) -> bool:
    """A site's or a newsletter's name: two to six capitalised words, one in capitals or
    in camel case ("FareHawk"), or its domain ("farehawk.com")."""
    part = part.strip()
    return _NAME_RE.fullmatch(part) is not None or _ONE_NAME_RE.fullmatch(part) is not None


def release_line(line: str) -> bool:
    """A press release's release or embargo line with its date ("Embargoed until 00:01 GMT
    Monday 3 May 2027", "For immediate release: 3 May 2027")."""
    m = _RELEASE_RE.match(line.strip())
    if m is None:
        return False
    rest = line.strip()[m.end() :].strip(" .")
    return not rest or (any(c.isdigit() for c in rest) and _STAMPISH_RE.fullmatch(rest) is not None)


_FIELD_RE = regex.compile(
    r"(?:\p{L}+\s+){0,2}(?i:status|version|revision|stage|classification)\s*:\s*"
    r"[\p{L}\p{N}.-]+(?:\s+[\p{L}\p{N}.-]+){0,2}"
)
"""A document's status or version field ("Report status: draft", "Version: 2.1")."""


def status_field(part: str) -> bool:
    """A document's status or version field, a part of a header line beside a date."""
    return _FIELD_RE.fullmatch(part.strip()) is not None


def registration_line(line: str, words: int) -> bool:
    """A company's name, address and registration notice, the notice closing the line, a
    charity's tax status ("… is a registered 501(c)(3) nonprofit."), or its office's
    address under its label (:data:`_OFFICE_RE`)."""
    if words <= _OFFICE_MAX_WORDS and _OFFICE_RE.fullmatch(line.strip()) is not None:
        return True
    return words <= _REGISTERED_MAX_WORDS and (
        _REGISTERED_RE.search(line.strip()) is not None
        or _STATUS_RE.search(line.strip()) is not None
    )


def foot_spans(
    text: str,
    lines: list[tuple[int, int, bool]],
    story: int,
    last: int,
    found: list[tuple[int, int]],
    dated: Callable[[str], bool],
) -> list[tuple[int, int]]:
    """Furniture below the story's last paragraph (line ``last``; its first is line
    ``story``): a signature of three capitalised parts or more split by commas ("Ann Lee,
    Clerk, Parish Council, Wells"), a sign-off of a few words and an emoji ("Go on the
    Blues! 💙"), and a date alone closing the text (only furniture below it): the
    document's, as a letter or a judgment closes. From a notes-to-editors heading or an
    end mark below the story's first paragraph down, every line is the issuer's (when
    they are fewer characters than the story above: a mark mid-story is a break). A line
    telling readers whom to call stays: an appeal's number is a fact."""
    starts = {s for s, _ in found}
    out: list[tuple[int, int]] = []
    notes = False
    date = None
    for i, (s, e, _) in enumerate(lines):
        line = text[s:e]
        if notes:
            if not any(a <= s and e <= b for a, b in found):
                out.append((s, e))
            continue
        if i <= story:
            continue
        if _NOTES_RE.fullmatch(line) and len(text) - e < s - lines[story][0]:
            notes = True  # below the release's body, and shorter than it
            out.append((s, e))
            continue
        if i <= last or s in starts or len(line.split()) > _FOOT_MAX_WORDS:
            continue
        if _signature(line) or _sign_off(line):
            out.append((s, e))
        elif dated(line.strip(" .")):
            date = (s, e)
    if date is not None:
        taken = starts | {s for s, _ in out}
        if all(s in taken for s, _, _ in lines if s > date[0]):
            out.append(date)
    return sorted(out)


def call_line(line: str, words: int) -> bool:
    """A business's call line: a bare call to a phone number ("Call 01632 960 404."),
    perhaps beside a short sentence without a number ("Open Monday to Saturday."). An
    appeal naming whom to call and why ("Anyone who saw it should call the police on
    …") is a sentence of the story, not this."""
    if words > _CALL_LINE_MAX_WORDS:
        return False
    calls = 0
    for sentence in _SENTENCE_SPLIT_RE.split(line.strip()):
        m = _CALL_RE.match(sentence)
        number = sentence[m.end() :].rstrip(" .!") if m is not None else ""
        if number and PHONE_RE.fullmatch(number) and is_phone(number):
            calls += 1
        elif any(c.isdigit() for c in sentence) or len(sentence.split()) > _CALL_OTHER_MAX_WORDS:
            return False
    return calls > 0


def _sign_off(line: str) -> bool:
    """A post's sign-off: a cheer of a few words and an emoji, no number."""
    return (
        sum(any(c.isalpha() for c in w) for w in line.split()) <= _SIGN_OFF_MAX_WORDS
        and _EMOJI_RE.search(line) is not None
        and not any(c.isdigit() for c in line)
    )


def _signature(line: str) -> bool:
    """A name of two words or more, then capitalised parts after commas: a role, an
    office, an address."""
    parts = [p.strip() for p in line.rstrip(" .").split(",")]
    return (
        len(parts) >= _SIGNATURE_MIN_PARTS
        and len(parts[0].split()) >= 2
        and all(_SIGNATURE_PART_RE.fullmatch(p) for p in parts)
    )

"""More shapes of page furniture, each told by a line's shape and place, never by a site's
words: an ad with its label in brackets, a stock ticker, a chat app's forwarding mark,
sender line and read receipt, a citation line, a legal notice under its heading, and a
"provided by" label over the name it introduces; an ad with a colon label, a sponsor's
line, an imprint, a teaser closed by an arrow, a letter's salutation, close and the
writer's title, a postal address, a dated field, a report's number line and a company's
"About" boilerplate."""

from __future__ import annotations

import itertools

import regex

Span = tuple[int, int]

_AD_WORDS = (
    r"(?i:sponsored|sponsor|advertisement|advert|promoted|paid\s+(?:content|post|partnership)"
    r"|partner\s+content)"
)
_AD_LABEL_RE = regex.compile(
    rf"(?:\G|(?<!\s))\s*+(?:[\[(](?:{_AD_WORDS}|(?i:ad))[\])]\s*:?|(?:{_AD_WORDS}|AD|Ad)(?:\s*[·•|:]|\s+[—–-]\s)"
    rf"|{_AD_WORDS}\.(?=\s))"
    r"\s*\S.*"
)
"""An ad's label in brackets before its text ("[Promoted] Try our app free"), or one
split from it by a dot, a bar, a colon or a spaced dash ("Sponsored · Kelp Kayaks — hire
from $20", "ADVERTISEMENT — Kelp Kayaks from $20"), or closed by a full stop
("Advertisement. Kelp Kayaks: hire from $20.")."""
_AD_MAX_WORDS = 30
_TICKER_RE = regex.compile(
    r"(?:\p{Lu}{2,10}\s*:\s*)?\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?\s+[$€£]?\d+[.,]\d{2,4}\s*"
    r"(?:[▲▼△▽↑↓+−-]\s*\d+[.,]\d+\s*(?:\(\s*[+−-]?\d+(?:[.,]\d+)?\s*%\s*\))?"
    r"|\(\s*[+−-]\d+(?:[.,]\d+)?\s*%\s*\))"
)
"""A stock ticker: a symbol in capitals, a price and its move, perhaps the exchange
before it ("NYSE: QRT 12.40 ▼ 0.31 (2.4%)"); the price and the move with decimals (a
standard's number, "ISO 3166-2", is no ticker)."""
_FORWARDED_RE = regex.compile(
    r"[^\p{L}\p{N}]*(?i:forwarded(?:\s+(?:many\s+times|message|as\s+attachment))?)[^\p{L}\p{N}]*"
)
"""A chat app's or a mail's forwarding mark standing alone ("↪ Forwarded")."""
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?"
_CHAT_SENDER_RE = regex.compile(
    rf"\[\s*\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}},?\s+{_CLOCK}\s*\]\s*"
    r"[^\n:\[\]]{1,60}:\s*"
)
"""A chat export's sender line: the date and time in brackets, then the sender and a
colon ("[3/4/25, 08:15] Ola (Choir):"); the message after it is not furniture."""
_RECEIPT_RE = regex.compile(
    rf"(?:\G|(?<!\s))[✓✔☑√]{{0,2}}\s*+(?i:read|seen|delivered|sent)(?:\s++(?:at|by\s+\d+))?\s*+(?:{_CLOCK}\s*+)?[✓✔]{{0,2}}"
)
"""A chat's read receipt ("✓✓ Seen 14:02")."""
_CITE_RE = regex.compile(
    r"(?i:cite\s+this(?:\s+(?:article|paper|page|report|study|item))?|how\s+to\s+cite"
    r"|suggested\s+citation|citation|doi)\s*:\s*\S.*"
)
"""A journal's citation line ("Cite this article: Lee J, et al. …")."""
_NOTICE_HEAD_RE = regex.compile(
    r"(?i:(?:cautionary\s+(?:note|statement)\s+(?:regarding|on|about)\s+)?forward[- ]looking\s+statements?"
    r"|safe\s+harbou?r(?:\s+statement)?)\s*:?"
)
"""A securities notice's heading: the paragraph below it is boilerplate, not the story
(a bare "Disclaimer" may head anything, and is left alone)."""
_PROVIDED_RE = regex.compile(
    r"(?i:(?:news|content|story|article|release|photos?|data|report)\s+(?:provided|supplied"
    r"|distributed|issued|brought\s+to\s+you|sponsored)\s+by)\s*:?"
)
"""A label over the name of who supplied the page ("CONTENT SUPPLIED BY")."""
_NAME_LINE_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:\s+[\p{L}\p{M}\p{N}'’.&-]+|,\s*[\p{L}\p{M}.]+){0,6}"
)
_HEAD_MAX_WORDS = 8
_LINKS_HEAD_RE = regex.compile(
    r"(?i:(?:related|more|other|latest|further|recommended|popular|trending)(?:\s+[\p{L}'’-]+){0,2}"
    r"\s+(?:stories|story|articles?|news|reading|posts?|links|coverage|videos?|podcasts?|features?)"
    r"|more\s+(?:from|on|in|about)(?:\s+[\p{L}'’-]+){1,4}|related|recommended|trending|read\s+next"
    r"|see\s+also|also\s+read|most\s+(?:read|popular|shared|viewed)"
    r"|(?:you\s+)?(?:may|might)\s+also\s+(?:like|enjoy))\s*:"
    r"|(?i:(?:also|elsewhere)\s+in(?:\s+[\p{L}'’-]+){1,3}"
    r"|(?:inside|in)\s+(?:this|today['’]s)\s+(?:issue|edition|newsletter|briefing|digest))\s*:?"
)
"""The heading of a list of links to other pages ("More from the archive:"), or of a
newsletter's other items ("Also in this week's letter", "In this issue")."""
_LINK_ITEM_MAX_WORDS = 15
_SIGN_UP_RE = regex.compile(
    r".{1,80}\s+[—–-]\s+(?i:sign\s+up|subscribe)(?:\s+[\p{L}'’]+){0,3}[.!]?"
)
"""An offer closed by its button ("Weekly deals in your inbox - subscribe now")."""
_SIGN_UP_MAX_WORDS = 12
_LISTED_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}'’.,&-]*(?:\s+[\p{L}\p{M}\p{N}'’.,&-]+){0,7}\s*\(\s*"
    r"\p{Lu}{2,10}(?:[-.]\p{Lu}{1,3})?(?:\s\p{Lu}{2,10})?\s*:\s*\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?"
    r"(?:\s*[;,]\s*\p{Lu}{2,10}(?:[-.]\p{Lu}{1,3})?(?:\s\p{Lu}{2,10})?\s*:\s*\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?)*"
    r"\s*\)"
)
"""An issuer's name over its release with its listing closing the line ("HARLOW
MINERALS INC. (ASX: HML; OTCQB: HRLWF)"): the exchange's and the symbol's letters are
no quantity, and the listing is the page's, not the news."""
_NOTICE_LINE_RE = regex.compile(rf"(?:{_NOTICE_HEAD_RE.pattern})\s*:\s*\S.*".replace(":?)", ")"))
"""A securities notice's heading with its text run on after the colon, on one line."""
_CODE = r"(?=[\p{Lu}/.-]{0,80}+\p{N})(?=[\p{N}/.-]{0,80}+\p{Lu})[\p{N}\p{Lu}]+(?:[/.-][\p{N}\p{Lu}]+){2,}"
_REFERENCE_LINE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’-])\p{{Lu}}[\p{{L}}\p{{M}}'’-]{{0,40}}(?:\s+[\p{{L}}\p{{M}}'’-]{{1,40}}){{0,5}}\s*+(?::\s*+)?"
    rf"(?:\p{{Ll}}{{1,40}}\s+)?{_CODE}"
    r"(?:,?\s+(?i:rev(?:ision)?|v(?:ersion)?|issue)\.?\s*\d{1,3}(?:\.\d{1,3})?)?"
)
"""A document's label and its reference, a code of three parts or more with digits and
capitals split by slashes, dots or hyphens ("Licensing notice: permit 25/00412/LIC"):
the code is an address for a file, not a quantity or a date; perhaps with its revision
("HSF-OPS-0142 rev. 3")."""
_REFERENCE_MAX_WORDS = 9
_REFERENCE_MAX_CHARS = 160
"""A reference line is short: a longer one is not read (its pattern backtracks on a long
run of capitals)."""
_HOUR = r"\d{1,2}(?:[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?|\s*(?i:[ap]\.?m\.?))"
_CLOCK_RANGE = (
    rf"(?:(?i:from\s+)?{_HOUR}\s*(?:[-–—]|to|until|till)\s*{_HOUR}"
    r"|24\s*(?:hours|/\s*7)(?:\s+a\s+day)?)"
)
_DAY = r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?s?\.?"
_DAYS = (
    rf"(?:(?i:from\s+)?{_DAY}(?:\s*(?:[-–—]|to|and)\s*{_DAY})?(?:\s*(?:,|and|&)\s*{_DAY})*"
    r"|(?i:daily|every\s+day|weekdays|seven\s+days\s+a\s+week|(?:at\s+)?weekends))"
)
_HOURS_RE = regex.compile(
    r"(?i:(?:our\s+)?(?:customer\s+(?:services?|support|care|contact\s+cent(?:re|er))|(?:phone|telephone"
    r"|our)\s+lines|lines|(?:help|advice|contact|booking|call|enquiry)\s*(?:line|desk|cent(?:re|er)|team)s?"
    r"|(?:our\s+)?(?:ticket\s+|booking\s+|box\s+)?offices?)\s+(?:are|is)\s+(?:open|available|staffed))\s+"
    rf"(?:{_CLOCK_RANGE},?\s*{_DAYS}?|{_DAYS},?\s*{_CLOCK_RANGE})\s*[.!]?"
)
"""A contact service's opening hours ("Our helpline is open 8am to 6pm, Monday to
Friday."): when to call, not a claim of the story. A place's own opening hours in a
story ("The museum will be open 10:00-17:00 daily") are a fact and stay."""


def ad_line(raw: str, words: int) -> bool:
    """An ad: its label in brackets, then its text, in a line of at most
    :data:`_AD_MAX_WORDS` words."""
    return words <= _AD_MAX_WORDS and _AD_LABEL_RE.fullmatch(raw) is not None


def shape_line(line: str) -> bool:
    """A stock ticker, a forwarding mark, a read receipt, a citation line, a short
    offer closed by a sign-up button, an issuer's listing line, a securities notice run
    on after its heading, a contact service's opening hours or a document's reference."""
    line = line.strip()
    return bool(
        (len(line.split()) <= _SIGN_UP_MAX_WORDS and _SIGN_UP_RE.fullmatch(line))
        or _TICKER_RE.fullmatch(line)
        or _FORWARDED_RE.fullmatch(line)
        or (_RECEIPT_RE.fullmatch(line) and any(c.isdigit() or c in "✓✔☑√" for c in line))
        or _CITE_RE.fullmatch(line)
        or _LISTED_RE.fullmatch(line)
        or _NOTICE_LINE_RE.fullmatch(line)
        or _HOURS_RE.fullmatch(line)
        or (
            len(line.split()) <= _REFERENCE_MAX_WORDS
            and len(line) <= _REFERENCE_MAX_CHARS
            and _REFERENCE_LINE_RE.fullmatch(line)
        )
    )


def sender_span(text: str, s: int, e: int) -> Span | None:
    """The sender part opening a chat export's line, or None."""
    m = _CHAT_SENDER_RE.match(text, s, e)
    return None if m is None else (s, m.end())


def block_spans(text: str, lines: list[tuple[int, int, bool]], found: list[Span]) -> list[Span]:
    """A legal notice's heading and the paragraph below it; a "provided by" label alone
    on its line and the short name on the next; the short list items below the heading
    of a list of links (:data:`_LINKS_HEAD_RE`, its colon or not) or a row of them split by
    bars."""
    starts = {s for s, _ in found}
    out: list[Span] = []
    for i, (s, e, _) in enumerate(lines):
        line = text[s:e].strip()
        if _LINKS_HEAD_RE.fullmatch(line.rstrip(":") + ":"):
            head: Span | None = (s, e)
            for ls, le, item in lines[i + 1 :]:
                if not (item or _link_row(text[ls:le])):
                    break
                if item and len(text[ls:le].split()) > _LINK_ITEM_MAX_WORDS:
                    break
                out.extend([head, (ls, le)] if head else [(ls, le)])
                head = None
        if len(line.split()) > _HEAD_MAX_WORDS or i + 1 >= len(lines):
            continue
        ns, ne, _ = lines[i + 1]
        nxt = text[ns:ne]
        notice = _NOTICE_HEAD_RE.fullmatch(line) and len(nxt.split()) > _HEAD_MAX_WORDS
        if notice or (
            _PROVIDED_RE.fullmatch(line)
            and ns not in starts
            and len(nxt.split()) <= _HEAD_MAX_WORDS
            and _NAME_LINE_RE.fullmatch(nxt.strip())
        ):
            out.extend([(s, e), (ns, ne)])
    return out


def _link_row(line: str) -> bool:
    """Links to other stories in a row under their heading: three titles or more split by
    bars, none longer than a list item or closed by a full stop."""
    parts = [p.strip() for p in line.split("|")]
    return len(parts) >= 3 and all(
        p and len(p.split()) <= _LINK_ITEM_MAX_WORDS and not p.endswith(".") for p in parts
    )


_SPONSOR_RE = regex.compile(
    r"(?i:sponsored|advertisement|advert|promoted|paid\s+(?:content|post|partnership)|partner\s+content"
    r"|(?:this|today|tonight)(?:\s+(?:week|month|issue|episode|edition))?['’]s\s+sponsors?)"
    r"\s*:\s*\S.*"
    r"|(?i:(?:(?:our|official|headline|principal|main|title|kit|shirt)\s+){0,2}(?:partners?|sponsors?)"
    r"|(?:sponsored|supported|powered|presented)\s+by|in\s+(?:association|partnership)\s+with)"
    r"\s*:?\s*(?:(?i:the)\s+)?\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*"
    r"(?:\s+(?:(?:and|of|the|&)\s+)?\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*){0,5}"
    r"(?:\s*[,|·]\s*\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*){0,5})*\.?"
)
"""An ad's label and a colon before its text ("Paid content: Try our app free", "Today's
sponsor: Kelp Kayaks. Hire one free."), or a
sponsor's line: a partner's or sponsor's label and the names of the sponsors alone, in
title case ("Official sponsor: Northgate Tyres", "Official Main Partner: Northgate Tyres",
"Supported by Lowfield Trust")."""
_TEASER_RE = regex.compile(
    r"(?<!\s)(?=[^.!?→➔➜⇒»›▶]{0,120}+\s*+[→➔➜⇒»›▶])[^.!?]{3,120}(?:(?<=\S)\s++)?[→➔➜⇒»›▶]\s*"
)
"""A link's teaser closed by an arrow ("Cheap flights to Oslo from $49 →")."""
_TEASER_MAX_WORDS = 15
_SALUTATION_RE = regex.compile(
    r"(?i:dear|hello|hi|to)\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}"
    r"|(?i:sir\s+or\s+madam|sir/madam|colleagues|friends|all|members|residents?|tenants?|customers?"
    r"|parents?|neighbours?|neighbors?))\s*[,:]"
    r"|(?i:to\s+whom\s+it\s+may\s+concern)\s*[,:]?"
)
"""A letter's salutation alone on its line ("Dear Tenant,", "Dear Customer Services,")."""
_NAMED_RE = regex.compile(r"(?i:dear|hello|hi|to)\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}")
"""A salutation that names its addressee ("Dear Ms Ferrand"): who a letter is written to
is a fact of it, not furniture."""
_CLOSE_RE = regex.compile(
    r"(?i:yours\s+(?:faithfully|sincerely|truly|ever)|(?:with\s+)?(?:kind|best|warm|many)\s+"
    r"(?:regards|wishes|thanks)|regards|sincerely|best)\s*,?"
)
"""A letter's close alone on its line ("Yours sincerely,")."""
_COPY_TO_RE = regex.compile(
    r"(?i:copy(?:\s+(?:forwarded|sent))?\s+to|copies\s+to|c\.?c\.?|distribution)\s*:[^\n]{1,400}"
)
"""An official letter's or note's distribution line ("Copy to: (1) P.S. to Hon'ble
Minister; (2) All Regional Officers; (3) Guard file.")."""
_ABOUT_RE = regex.compile(
    r"(?i:about)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}\p{M}\p{N}'’.&,-]*(?:\s+[\p{Lu}&][\p{L}\p{M}\p{N}'’.&,-]*){0,5})"
)
_IS_A_RE = regex.compile(r"^(?:\S+\s+){1,8}?(?:is|are)\s+(?:an?|the)\s")
_ABOUT_MAX_WORDS = 120
_FIRST_SENTENCE_RE = regex.compile(r"[.!?](?=\s+\p{Lu})")
_DENIAL_RE = regex.compile(r"(?i:\b(?:not|no|never|nor|cannot|yet|only)\b|n['’]t\b)")
ISSUE_RE = regex.compile(r"(?i:\b(?:issue|vol(?:ume)?\.?|edition|no\.)\s*#?\d)")
_ISSUE_PART_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:,?\s+[\p{L}\p{M}\p{N}'’.&-]+){0,6}"
)
_ISSUE_LINE_MAX_WORDS = 12
_SIGNED_MAX_LINES = 3
_SIGNED_MAX_WORDS = 6
_SIGNED_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.&-]*(?:,?\s+[\p{L}\p{M}'’.&-]+){0,5}")
_PART = r"\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:\s+(?:(?:of|the|and|on|upon|&)\s+)?[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*){0,4}"
_STREET = rf"\d{{1,4}}[A-Za-z]?\s+{_PART}"
_BOX = r"(?i:p\.?\s?o\.?\s+box|post\s+office\s+box|private\s+bag|locked\s+bag)\s+\d{1,6}"
_ADDRESS_RE = regex.compile(rf"(?:{_PART},\s*){{0,2}}(?:{_BOX}|{_STREET})(?:,\s*{_PART}){{1,3}}\.?")
"""A postal address: perhaps a name (and a department's), then a house number and a
street or a post office box, then a town and perhaps a postcode, split by commas
("Ashdale Trust, 14 Mill Lane, Bury BL9 1AA", "Members' Office, PO Box 88, Bury")."""
_REF_RE = regex.compile(
    r"(?i:(?:your|our|my|account|customer|policy|case|claim|order|booking|member(?:ship)?|unique)\s+)?"
    r"(?i:ref(?:erence)?(?:\s+(?:no|number))?|account\s+(?:no|number)|sort\s+code)\.?\s*:\s*"
    r"(?=[^\n]*\d)[\p{N}\p{Lu}*xX•][\p{N}\p{Lu}*xX•/.-]*(?:\s+[\p{N}\p{Lu}*xX•][\p{N}\p{Lu}*xX•/.-]*){0,3}"
)
"""A letter's reference field: a reference or an account's number, perhaps masked, after
its label ("Our ref: KT/4471", "Account number: ****2231")."""
_IMPRINT_RE = regex.compile(
    r"(?:(?:\p{Lu}[\p{L}'’-]*\s+)?(?i:edited|compiled|produced|designed|written|delivered)\s+(?i:by)"
    r"(?:\s+[\p{L}\p{M}'’&-]+){1,6}\.\s+)?"
    r"(?i:(?:printed|published|promoted)(?:\s+and\s+(?:printed|published|promoted))?)\s+(?i:by)\s+"
    rf"{_PART}(?:,\s*(?:{_STREET}|{_PART}))*\.?"
)
"""A leaflet's imprint: who printed or published it and perhaps their address, in title
case ("Printed and published by Ashdale Trust, 14 Mill Lane, Bury."), perhaps after who
made it ("Pamphlet compiled by the friends' group. Printed by …")."""
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WHEN = (
    rf"(?:(?:{_DAY}\s*(?:[–—-]|to)\s*)?{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+{_DAY}(?:\s*(?:[–—-]|to)\s*{_DAY})?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}})"
)
_WEEKDAY = r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?"
_LABELLED_DATE_RE = regex.compile(
    rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+[\p{{L}}'’-]+){{0,2}}\s*:\s*(?P<day>{_WEEKDAY},?\s+)?{_WHEN}(?:\s*(?:[–—-]|to)\s*{_WHEN})?\.?"
)
"""A document's dated field: a label of at most three words and a date or a period,
perhaps with its weekday ("Period covered: 3–9 May 2027", "Hearing date: Monday, 3 May
2027"; only beside other parts of a line: alone on its line, a field such as "Start date:
Sunday, 9 Aug. 2026" is a data sheet's, a fact)."""


def header_field(line: str) -> bool:
    """A field of a page's or a letter's header alone on its line: a postal address, a
    dated field, an issue's number and subject, a reference or an account's number."""
    line = line.strip()
    return (
        address_line(line)
        or labelled_date(line)
        or issue_line(line)
        or _REF_RE.fullmatch(line) is not None
    )


def issue_line(line: str) -> bool:
    """A report's or a newsletter's name with its number, and its subject, split by bars
    or spaced long dashes ("Field Bulletin No. 7 | Drought, Northern Kenya"): no sentence
    in it."""
    parts = [
        p.strip()
        for p in regex.split(r"(?:\G|(?<!\s))\s*+\|\s*+|(?<!\s)\s++[—–]\s++", line)
        if p.strip()
    ]
    return (
        len(parts) > 1
        and len(line.split()) <= _ISSUE_LINE_MAX_WORDS
        and any(ISSUE_RE.search(p) for p in parts)
        and all(_ISSUE_PART_RE.fullmatch(p) for p in parts)
    )


def promo_line(line: str, words: int) -> bool:
    """An ad with its label and a colon, a sponsor's line, a leaflet's imprint, or a
    short link teaser closed by an arrow."""
    line = line.strip()
    return words <= _AD_MAX_WORDS and bool(
        _SPONSOR_RE.fullmatch(line)
        or _IMPRINT_RE.fullmatch(line)
        or (words <= _TEASER_MAX_WORDS and _TEASER_RE.fullmatch(line))
    )


def address_line(line: str) -> bool:
    """A postal address alone on its line."""
    return _ADDRESS_RE.fullmatch(line.strip()) is not None


def labelled_date(line: str, weekday: bool = False) -> bool:
    """A document's dated field alone on its line (:data:`_LABELLED_DATE_RE`), with a
    weekday only when ``weekday``."""
    m = _LABELLED_DATE_RE.fullmatch(line.strip())
    return m is not None and (weekday or not m.group("day"))


_ABOUT_RUN_ON_RE = regex.compile(rf"(?:{_ABOUT_RE.pattern})\s*:\s+")
"""An "About" heading run on before its paragraph ("About Fenwick Mills: Fenwick Mills
is …")."""


def about_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """A company's boilerplate: an "About" heading with its name, and the first sentence
    of the paragraph below it (or run on after its colon) when that opens with the name
    and says what it is ("About Fenwick Mills" over "Fenwick Mills is a family-owned maker
    of …", "About FM: The Fenwick Mills company is …"), with the sentences after it that
    name no year (:func:`_boilerplate_sentences`), unless one denies or limits
    something: they may say what a product is not yet (not approved, not for sale), and
    then they stay."""
    out: list[Span] = []
    for i, (s, e, _) in enumerate(lines):
        m = _ABOUT_RE.fullmatch(text[s:e].strip())
        if m is None:
            m = _ABOUT_RUN_ON_RE.match(text, s, e)
            if m is None:
                continue
            s, e, ns, ne = s, m.end(), m.end(), e  # the heading, then its paragraph
        elif i + 1 < len(lines):
            ns, ne, _ = lines[i + 1]
        else:
            continue
        para = text[ns:ne]
        words = para.split()
        name = m.group(1).split()
        if (
            words
            and len(words) <= _ABOUT_MAX_WORDS
            and _named(words, name[0])
            and _IS_A_RE.search(para)
        ):
            out.append((s, e))
            out.extend((ns + a, ns + b) for a, b in _boilerplate_sentences(para))
    return out


_YEAR_RE = regex.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def _boilerplate_sentences(para: str) -> list[tuple[int, int]]:
    """The spans of an About paragraph that are boilerplate: its first sentence, and each
    sentence after it without a year (which says more of what the body is: "It employs 85
    staff"), unless one of them denies or limits something. A later sentence with a year
    tells an event of the body's ("It was founded in 1961", "It merged with … in 2019")
    and stays, as the body's own fact."""
    ends = [m.start() + 1 for m in _FIRST_SENTENCE_RE.finditer(para)]
    if not ends:
        return [(0, len(para))]
    if _DENIAL_RE.search(para, ends[0]) is not None:
        return [(0, ends[0])]
    out = [(0, ends[0])]
    for a, b in itertools.pairwise([*ends, len(para)]):
        sentence = para[a:b]
        if _YEAR_RE.search(sentence) is None:
            lead = len(sentence) - len(sentence.lstrip())
            out.append((a + lead, b))
    return out


def _named(words: list[str], name: str) -> bool:
    """Does a paragraph of ``words`` open with ``name``, perhaps after "The", or with the
    words whose initials it is ("The Kestrel Valley Trust" for "KVT")?"""
    if words[0] == name or (words[0] in ("The", "the") and words[1:2] == [name]):
        return True
    if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
        return False
    initials = ""
    for w in words[1:] if words[0] == "The" else words:
        if w[:1].isupper():
            initials += w[0]
        elif w not in ("of", "and", "for", "&"):
            break
    return initials == name


def letter_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """A letter's salutation, its distribution line ("Copy to: …"), its close and the
    writer's title below the name under the close (up to :data:`_SIGNED_MAX_LINES` short lines in title case without a number).
    The name stays: who signed a letter is whom it quotes."""
    out: list[Span] = []
    for i, (s, e, _) in enumerate(lines):
        line = text[s:e].strip()
        if (_SALUTATION_RE.fullmatch(line) and not _NAMED_RE.match(line)) or (
            _COPY_TO_RE.fullmatch(line)
        ):
            out.append((s, e))
        elif _CLOSE_RE.fullmatch(line):
            out.append((s, e))
            for ns, ne, _ in lines[i + 2 : i + 2 + _SIGNED_MAX_LINES]:
                signed = text[ns:ne].strip()
                if (
                    len(signed.split()) > _SIGNED_MAX_WORDS
                    or any(c.isdigit() for c in signed)
                    or not _SIGNED_RE.fullmatch(signed)
                ):
                    break
                out.append((ns, ne))
    return out


_DIGITS_RE = regex.compile(r"\d+")
_PAGE_WORD_RE = regex.compile(r"(?i)\b(?:page|pg\.?|p\.)\s*+$")
_REPEAT_MAX_WORDS = 15
_PAGE_OF_RE = regex.compile(
    r"(?i:\bpage)[ \u00a0]+\d{1,4}[ \u00a0]+(?i:of)[ \u00a0]+\d{1,4}[ \t]*$"
)
_REPEAT_PLAIN_MAX_WORDS = 8
_REPEAT_PLAIN_MIN_WORDS = 3


def repeated_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """A document's running header or footer: a short line printed again on each page.
    Either the same line of three to eight words without a figure or a full stop, twice
    or more ("Ashdale Homes PLC"; a section's name of a word or two may head two parts),
    or the same line but for a page number that goes up by one each time ("Annual Review
    2030 · 7" then "… · 8"). The page number is the line's last figure or follows "page"
    or "p."; every other figure stays the same, and no two of the lines are next to each
    other. A value repeated or changed by more than one ("Turnout: 41%", "Turnout: 52%"),
    or rows of a table one under another ("2040: 455 ships", "2041: 498 ships"), are a
    table's, not a page's."""
    groups: dict[str, list[tuple[int, int, int, list[regex.Match[str]]]]] = {}
    for i, (s, e, item) in enumerate(lines):
        line = text[s:e]
        paged = _PAGE_OF_RE.search(line) is not None  # "… 14 and 15 October 2031   Page 1 of 3"
        if item or len(line.split()) > _REPEAT_MAX_WORDS + (5 if paged else 0):
            continue
        numbers = list(_DIGITS_RE.finditer(line))
        groups.setdefault(_DIGITS_RE.sub("#", line), []).append((i, s, e, numbers))
    out: list[Span] = []
    for key, found in groups.items():
        if len(found) < 2:
            continue
        if "#" not in key:
            plain = _REPEAT_PLAIN_MIN_WORDS <= len(
                key.split()
            ) <= _REPEAT_PLAIN_MAX_WORDS and not key.rstrip().endswith(".")
            if plain:
                out.extend((s, e) for _, s, e, _ in found)
            continue
        if any(b[0] - a[0] == 1 for a, b in itertools.pairwise(found)):
            continue
        if any(_page_counter(text, found, j) for j in range(len(found[0][3]))):
            out.extend((s, e) for _, s, e, _ in found)
    return out


def _page_counter(
    text: str, found: list[tuple[int, int, int, list[regex.Match[str]]]], j: int
) -> bool:
    """Is the ``j``-th figure of the lines in ``found`` a page number: up by one from line
    to line, every other figure the same, and the line's last figure or after "page"?"""
    rows = [[m.group() for m in numbers] for _, _, _, numbers in found]
    if any(len(row[j]) > 4 for row in rows):
        return False
    column = [int(row[j]) for row in rows]
    if any(b - a != 1 for a, b in itertools.pairwise(column)):
        return False
    if any(row[:j] + row[j + 1 :] != rows[0][:j] + rows[0][j + 1 :] for row in rows):
        return False
    for _, s, e, numbers in found:
        m = numbers[j]
        line = text[s:e]
        last = j == len(numbers) - 1 and not any(c.isalnum() for c in line[m.end() :])
        if not last and _PAGE_WORD_RE.search(line, 0, m.start()) is None:
            return False
    return True

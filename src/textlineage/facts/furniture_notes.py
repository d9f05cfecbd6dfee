"""Page furniture that a publisher prints beside the story, told by a line's shape, its
opening words and its place on the page, never by a site's words (:func:`line`):

- a caption under its label, however long ("Photo: …", "Image: …"), or under a label
  and a comma as a crawler reads a figure ("Image source, …");
- a banner's call to buy or give with its offer after a colon ("Book now: seats from
  $10"), a line with no sentence mark at its end; a priced subscription offer;
- a header line of a schedule: short parts split by dots or bars, one with a clock
  time, none a sentence ("Mass at 9 and 11 a.m. · Tea in the hall"); a weather widget;
- a registration line of sentences that each give a body's tax status or its tax or
  registration number ("… is a 501(c)(3) nonprofit. EIN 00-0000000.");
- the page speaking of itself: a wire's contribution credit, a share or view count, a
  note on its corrections or its series, a form's "you agree to our terms", a call to
  write to the reporter, a post's section and date, a release's number, a reading time,
  a line closed by a web address.

Over several lines (:func:`page_spans`): a list of links under its heading ("Most
read"), the rest of a menu one item a line above the story; below the story's last
paragraph an imprint or the credits (who printed, published, promoted or paid for the
page, "on behalf of" whom, at what address; who wrote or edited it), a body's membership
or regulator ("… is a member of the Guild of …"), its owner ("Part of the … Group"), its
postal address, an author's note, an event's next date, and the page's closing block: the
lines after the last blank line when the last is a copyright line or a page number and
none is prose (those without a figure: a date or a sum there may be the story's).

None of these is a claim of the story: the same lines stand on every page or issue.
"""

from __future__ import annotations

import regex

from . import furniture_lines as shapes

Span = tuple[int, int]

_CAPTION_RE = regex.compile(
    r"[\[(]?(?i:(?:photo|image|picture|video)\s+)?(?i:photo(?:graph)?|image|picture|pic|pictured"
    r"|caption|illustration|graphic|gallery|slideshow)s?\s*:\s*\S.*"
)
"""A caption's or a photo's label with its text after the colon ("Image: The new bridge
at dusk. Photo: council", "Gallery: 9 pictures of the parade")."""
_CAPTION_MAX_WORDS = 40
_CREDIT_RE = regex.compile(
    r"(?=.*\p{Ll})(?!.*\.\.)\(?(?:\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,3}\s*/\s*){1,2}"
    r"\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,3}\)?"
    r"|(?:\p{Lu}[\p{L}.'’&-]*\s+){1,3}(?:Images|Photos|Pictures|Photography|Stock\s+Photo)"
)
"""A photo's credit alone on its line: an agency and a photographer split by a slash
("AP Photo/Ann Lee", "Ann Lee/Wendle Press"), or a picture agency's name ("Wendle
Images")."""
_VOTES_RE = regex.compile(
    r"(?:(?:(?i:upvotes?|downvotes?|points?|karma|score)\s*:?\s*-?\d[\d,.]*\s*[KkMm]?"
    r"|-?\d[\d,.]*\s*[KkMm]?\s+(?i:upvotes?|downvotes?|points?)"
    r"|(?i:edited|posted|updated)?\s*\d{1,3}\s*(?i:mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+(?i:ago))(?:\s*[·•|]\s*|\s*$))+"
)
"""A post's votes, points and age ("Upvote 54 · Downvote 2", "12 points · 3 hours ago",
"Edited 2 hours ago")."""
_REPUBLISHED_RE = regex.compile(
    r"(?:(?i:this)\s+(?i:article|story|post|piece|column|review)\s+)?(?i:originally|first)\s+"
    r"(?i:appeared|ran|posted|published|run)\s+(?i:on|in|at|by)\s+(?:(?i:the)\s+)?\p{Lu}[^,.!?\n]{0,80}"
    r"[.!]?|(?i:republished|reprinted|reproduced)\s+"
    r"(?i:with|by)\s+(?i:kind\s+)?(?i:permission)\b[^\n]{0,80}"
)
"""A republication note ("This article originally appeared on …", "Republished with
permission.")."""
_METER_RE = regex.compile(
    r"(?i:this\s+is\s+your\s+(?:last|final|first|second|third|only)\s+free\s+(?:article|story|read|page)"
    r"|you(?:['’]ve|\s+have)\s+(?:reached|hit|used\s+up)\s+(?:your|the)\s+(?:\w+\s+)?(?:limit|allowance"
    r"|quota)\s+of\s+free\s+(?:articles|stories|reads|pages)"
    r"|you(?:['’]ve|\s+have)\s+(?:reached|hit)\s+(?:your|the)\s+(?:\w+\s+)?free\s+(?:article|story)\s+limit)"
    r"\b[^.!?\n]{0,40}[.!]?"
)
"""A paywall's meter ("This is your last free article this month.")."""
_SPONSOR_THANKS_RE = regex.compile(
    r"(?i:thanks|thank\s+you)\s+(?i:to)\s+(?i:our)\s+(?:[\p{L}-]+\s+)?(?i:sponsors?|partners?)\b"
    r"[^.!?\n]{0,80}[.!]?"
)
"""A publication's thanks to its own sponsor ("Thanks to our sponsor, Kelp Kayaks.")."""
_ROTA_RE = regex.compile(
    r"\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}\s+(?i:this|next)\s+(?i:week|sunday|month)\s*:\s*[^\d\n]+"
    r"|(?i:(?:sunday\s+)?(?:service|mass|worship)\s+times|services|(?:sunday\s+)?worship|office\s+hours)"
    r"\s*:\s*(?P<times>[^\n]+)"
)
"""A newsletter's or a bulletin's weekly rota under its label, names with no figure
("Readers this week: the Amberley family"), its service times or its office's hours
under theirs, with a clock time ("Service times: Sunday 9:30am")."""
_ROTA_MAX_WORDS = 15
_MEDIA_LABEL_RE = regex.compile(
    r"(?i:image|media|video|photo|picture)\s+(?i:caption|source|copyright|credit)\s*[,:]\s*\S.*"
)
"""A caption's or a picture's source under a label and a comma, as a crawler reads a
page's figure ("Image source, Wendle Press", "Media caption, Crews training")."""
_CONTRIBUTED_RE = regex.compile(
    r"[^.!?\n]{3,160}\s(?i:contributed(?:\s+(?:reporting|research|to\s+this\s+(?:report|story|article)))+)"
    r"(?:\s+(?i:from|in)\s+\p{Lu}[\p{L}\p{M}'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}\p{M}.'’ ]{1,20})?)?\."
)
"""A wire's credit to who helped with the story ("Ann Lee in Boise contributed to this
report.")."""
_SHARED_RE = regex.compile(
    r"(?i:this|the)\s+(?i:story|article|post|page|video|notice)\s+(?i:has\s+been|was)\s+"
    r"(?i:shared|viewed|read|watched|liked)\s+\d[\d,.]*\s*[KkMm]?\s+(?i:times)\.?"
    r"|(?i:page\s+views|views)\s*:\s*\d[\d,.]*\s*[KkMm]?"
)
"""A page's count of its readers or shares in a sentence or under a label."""
_AMENDED_RE = regex.compile(
    r"(?i:this)\s+(?i:article|story|post|piece|page)\s+(?i:was|has\s+been)\s+"
    r"(?i:amended|updated|corrected|edited|changed)\b[^\n]{0,240}"
    r"|(?i:this)\s+(?i:article|story|post|piece|page|episode)\s+(?i:is|was|forms)\s+(?:(?i:part|one)\s+of"
    r"\s+(?i:a|an|our|the|its)\s+(?:[\p{L}-]+\s+){0,3}(?i:series|project|collaboration|partnership"
    r"|package|investigation|coverage|initiative)|(?i:the\s+(?:first|second|third|fourth|latest|last"
    r"|final)\s+(?:part|instalment|installment)\s+(?:of|in)))\b[^\n]{0,200}"
    r"|(?i:correction|clarification|update|editor['’]s\s+note)\s*:\s*(?i:an\s+)?"
    r"(?i:earlier|previous|original)\s+version\s+of\s+this\b[^\n]{0,240}"
)
"""A page's note on its own corrections or its series ("This article was amended on 4 May
to correct …", "Correction: An earlier version of this story …", "This story is part of
our series on …")."""
_AMENDED_MAX_WORDS = 45
_LINK_LINE_RE = regex.compile(r"(?P<before>[^\d\n]{3,120}?)[\s:]\s*(?:https?://|www\.)\S+")
"""A line closed by a web address, with no figure and no name before it ("Photos are
available at https://…", "View the source version on this wire: https://…"; a name there
may be the story's)."""
_LINK_LINE_MAX_WORDS = 20
_AGREE_RE = regex.compile(
    r"(?i:\byou\s+(?:agree|consent)\s+to\s+(?:our|its)\s+(?:[\p{L}-]+\s+){0,2}"
    r"(?:terms|privacy|cookie|data|user)\b)"
)
"""A form's small print: by signing up "you agree to our Terms and Privacy Policy"."""
_AGREE_MAX_WORDS = 35
_PRICED_OFFER_RE = regex.compile(
    r"(?:\p{Lu}[^:\n]{0,40}:\s*)?(?i:subscribe|sign\s+up|join|become\s+a\s+(?:member|subscriber|friend))"
    r"\b[^.!?\n]{0,40}?(?i:from|for|at|only)\s+(?:just\s+)?\p{Sc}\s?\d[\d.,]*[^.!?\n]{0,30}[.!]?"
)
"""A subscription's priced offer, perhaps under a label ("Subscribe from £1 a week")."""
_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}\.?,?\s+\d{4}|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_FILED_RE = regex.compile(
    r"(?i:posted|filed|published)\s+(?i:in|under)\s+\p{Lu}[\p{L}\p{M}'’&-]*(?:\s+[\p{L}\p{M}'’&-]+){0,3}"
    rf"(?:,\s*\p{{Lu}}[\p{{L}}\p{{M}}'’&-]*(?:\s+[\p{{L}}\p{{M}}'’&-]+){{0,3}})*\s+(?i:on)\s+{_DATE}"
    r"(?:\s+(?i:by)\s+\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3})?\.?"
)
"""A post's section, date and author on one line ("Posted in Local News on 6 May 2026 by
Ann Lee")."""
_RELEASE_NO_RE = regex.compile(
    r"(?i:(?:press|news|media)\s+release)\s*(?i:no\.?|number|#)?\s*:?\s*\p{N}[\p{N}/.-]*"
)
"""A release's number ("News release 2026/114")."""
_READ_TIME_RE = regex.compile(
    r"\d{1,3}[- ]?(?i:min(?:ute)?s?)\s+(?i:read|listen|watch)"
    r"|(?i:listen|watch|play)(?:\s+(?i:to|now))?(?:\s+(?i:this|the))?(?:\s+(?i:article|story|episode|video"
    r"|audio|podcast|report))?\s*[·|•:-]?\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?"
    r"|(?i:newsletter)\s+(?i:sign[- ]?up)\s*:.*"
)
"""A reading or a playing time ("4-minute read", "Listen to this article · 4:32"), a
newsletter's sign-up box under its label."""
_WEATHER_RE = regex.compile(
    r"(?:(?i:weather|now|today)\s*:?\s*)?-?\d{1,3}\s*°\s*[CFcf]?(?:\s*[,·|]?\s*[\p{L}][\p{L} ]{0,24})?"
)
"""A page header's weather widget ("Weather: 14°C, light rain")."""
_BUY_VERBS = (
    r"(?i:buy|give|donate|book|shop|order|subscribe|join|renew|upgrade|reserve|sign\s+up|get)"
)
"""Verbs a page's banner uses to sell or to ask for money or sign-ups."""
_BANNER_RE = regex.compile(
    rf"{_BUY_VERBS}(?:\s+[\p{{L}}'’-]+){{0,4}}\s+(?i:now|today|online|here)\s*:\s*[^.!?\n]{{1,80}}"
)
"""A banner's call with its offer: "Give now: $10 feeds a family", "Book tickets today:
shows from $12" (no sentence mark at its end)."""
_BANNER_MAX_WORDS = 16
_PART_SEP_RE = regex.compile(r"(?<!\s)\s++[·•|]\s++")
_CLOCK_RE = regex.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?i:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d{2}\b|(?i:\bnoon\b)"
)
_SCHEDULE_PART_WORDS = 6
_SENTENCE_SPLIT_RE = regex.compile(r"(?<=[\p{L}\p{N}]{2}[.!?]|[)\d][.!?])\s+(?=\S)")
"""Where a sentence ends: a stop after a word of two letters or more, a digit or a
bracket, then a space (not after an initial: "A. Lee")."""
_STATUS_RE = regex.compile(
    r"(?:\S+\s+){1,10}?(?i:is|are)\s+(?i:an?\s+)?(?i:registered\s+)?"
    r"(?:501\s*\(c\)\s*\(\d{1,2}\)|(?i:tax[- ]exempt|tax[- ]deductible))\s+"
    r"(?i:non-?profit|not-for-profit|charity|charitable|public\s+charity|organi[sz]ation)"
    r"(?:\s+(?i:organi[sz]ation|corporation|foundation))?\.?"
)
"""A body's tax status ("The Fund is a 501(c)(3) nonprofit.")."""
_CHARITY_RE = regex.compile(
    r"(?:\S+\s+){1,10}?(?i:is|are)\s+(?i:a|an)\s+(?i:registered\s+)?(?i:charity|charitable\s+\w+|company)"
    r"\s+(?i:registered\s+in\s+)?\p{Lu}[\p{L} ]{1,40}?\s*[(,]?\s*(?i:no\.?|number)?\s*:?\s*\p{Lu}{0,3}\d{5,9}\)?\.?"
)
"""A body's registration in one sentence ("The Trust is a charity registered in England
and Wales (1099999).")."""
_TAX_NUMBER_RE = regex.compile(
    r"(?:(?i:federal\s+)?(?:EIN|(?i:tax\s+id(?:entification)?|employer\s+identification)"
    r"(?:\s+(?i:no\.?|number))?)|ABN|(?i:charity|company|registration|vat)\s+(?i:no\.?|number)"
    r"|(?i:registered\s+charity)(?:\s+(?i:no\.?|number))?)\s*[:#]?\s*\p{Lu}{0,3}\s*\d[\d -]{3,14}\d\.?"
)
"""A tax or registration number under its label ("EIN 00-0000000", "Charity no. 123456")."""
_REG_MAX_WORDS = 35
_IMPRINT_RE = regex.compile(
    r"(?i:(?:printed|published|promoted|produced|designed|typeset|distributed|paid\s+for"
    r"|authori[sz]ed|approved|edited|written|compiled|illustrated|hosted|presented|music)"
    r"(?:\s*(?:,|and)\s*(?:printed|published|promoted|produced|designed|distributed|paid\s+for"
    r"|edited|written|compiled|illustrated|hosted|presented))*)\s+(?i:by)\s+\S.*"
)
"""A sentence of an imprint or of the credits: who printed, published, promoted, paid
for, wrote or edited the page
("Promoted by A. Lee on behalf of the Ashdale Party, both at 4 Mill Lane, Bury.")."""
_MEMBER_RE = regex.compile(
    r"(?:\S+\s+){1,8}?(?i:is|are)\s+(?:(?i:a|an|the)\s+)?(?:(?i:proud|full|founding|accredited"
    r"|registered|corporate)\s+)?(?:(?i:members?\s+of|(?:authori[sz]ed\s+and\s+)?regulated\s+by|authori[sz]ed\s+by"
    r"|accredited\s+by|licensed\s+by|affiliated\s+(?:to|with)|a\s+member\s+firm\s+of))\s+"
    r"(?:(?i:the)\s+)?\p{Lu}[^.!?]{1,120}\.?"
)
"""A body's membership of a trade association or its regulator ("Ashdale Homes is a
member of the Guild of Builders.", "… are authorised and regulated by the …")."""
_FOOT_MAX_WORDS = 40
_NOTE_NUMBER_RE = regex.compile(r"^\d{1,2}[.)]\s+")
"""A note's number opening its line ("2. Hartwell Building Society is authorised by …")."""
_FIRM_NUMBER_RE = regex.compile(
    r"\(?(?i:frn|firm\s+reference\s+(?:no\.?|number)|(?:financial\s+services\s+)?register"
    r"\s+(?:no\.?|number))\s*:?\s*\d{5,9}\)?\.?"
)
"""A regulated firm's reference number, a sentence of its regulator's notice ("FRN
100432.")."""
_OWN_CHANNEL_RE = regex.compile(
    r"\b(?i:(?:our|this)\s+(?:(?:free|daily|weekly|morning|evening)\s+)*(?:newsletters?|website|site"
    r"|homepage|app|podcast|(?:youtube\s+)?channel|facebook\s+page|comments?\s+section)|your\s+inbox)\b"
)
"""The publisher's own channels named in its voice ("our newsletter", "our homepage",
"your inbox")."""
_CALL_OPENING_RE = regex.compile(
    r"(?i:sign\s+up|subscribe|get|find|watch|listen|follow|join|read|visit|download|leave|have"
    r"\s+your\s+say|catch\s+up|keep\s+up|never\s+miss|don['’]t\s+miss|stay\s+up\s+to\s+date)\b"
)
"""A call to the reader opening a sentence: a promotion of the page's own channels is a
call ("Sign up to our newsletter", "Find more on our homepage"); a statement that a report
is on "our website" is the issuer's, and may be a fact of the story."""
_QUOTED_RE = regex.compile(r"[\"“”«»]")
_BIO_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}\s+(?i:is|was)\s+(?i:a|an|the|our)\s+"
    r"(?:[\p{L}-]+\s+){0,3}(?i:reporter|writer|correspondent|editor|columnist|journalist|contributor"
    r"|photographer|producer|critic|blogger|freelancer)s?\b[^.!?]{0,160}[.!]?"
)
"""An author's note under the story: who the writer is ("Ann Lee is a reporter covering
schools for the Courier.")."""
_HIS_RE = regex.compile(
    r"(?i:he|she|they)\s+(?i:lives|live|covers|cover|writes|write|joined|has|have|previously"
    r"|worked|work|is|are)\b[^.!?]{0,160}[.!]?"
)
_REACH_RE = regex.compile(
    r"(?i:reach|contact|email|e-mail|write\s+to|follow)\s+(?:(?i:him|her|them|me)|(?i:the)\s+"
    r"(?i:reporter|writer|author|newsroom|editor|columnist)s?)\s+(?i:at|on|via|by)\s+"
    r"(?:[\w.+-]+@|@|\+?\d|(?i:https?://|www\.)|\p{Lu})[^!?]{0,100}"
)
"""A call to write to the author at an address, a handle, a number or a network ("Reach the
reporter at ann@….", "Follow her on Bluesky")."""
_BEAT_RE = regex.compile(
    r"\b(?i:covering|covers|who\s+covers|writes\s+about|who\s+writes|based\s+in)\b"
)
"""What tells an author's note of one sentence from a story's: the writer's beat or base."""
_IMPRINT_COMMA_RE = regex.compile(r",\s*+(?![\p{Lu}\p{N}]|(?i:both|all|each|and|of|on|at)\b)")
"""A comma in an imprint is followed by a name, a number or a word joining addresses; one
followed by another clause ("Printed in 1887, the book …") is a story's."""
_REACH_MAX_WORDS = 20
_NEXT_RE = regex.compile(
    r"(?i:next)\s+(?:(?i:year|season|month|week)['’]s\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s*:\s*"
    r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)(?i:day),?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)"
    r"\s+\d{4}\.?"
    r"|(?i:next|upcoming|coming\s+up)\s+(?i:events?|match|game|fixture|meeting|issue|edition"
    r"|round|race|show|episode|tournament)\s*:\s*\p{Lu}[^\n]{2,120}"
)
"""The date of an event's next edition below the story ("Next year's fair: Saturday 3
June 2028"), or the next event under its label ("Next event: Aurora Cup, February 18–22,
Lloydminster")."""
_END_MARK_RE = regex.compile(
    r".{0,60}(?:©|(?i:\bcopyright\b|\(c\)\s*\d{4}|all\s+rights\s+reserved)).{0,80}"
    r"|(?i:page)\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]"
)
"""What closes a page's foot: its copyright line or its page number."""
_BLOCK_MIN_LINES = 3
_PART_OF_RE = regex.compile(
    r"(?i:(?:a\s+)?(?:part|member)\s+of)\s+(?:(?i:the)\s+)?\p{Lu}[\p{L}\p{M}'’.&-]*"
    r"(?:\s+(?:(?:of|and|&)\s+)?\p{Lu}[\p{L}\p{M}'’.&-]*){0,5}\.?"
)
"""A publication's owner below the story ("Part of the Wendle Media Group")."""
_LIST_HEAD_RE = regex.compile(
    r"(?i:most\s+(?:read|popular|shared|viewed|commented|watched)|related(?:\s+[\p{L}'’-]+){0,2}"
    r"|trending(?:\s+[\p{L}'’-]+){0,2}|(?:you\s+)?(?:might|may)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
    r"|more\s+(?:from|on|in|about)(?:\s+[\p{L}'’-]+){1,4}|recommended(?:\s+for\s+you)?|read\s+(?:more|next)"
    r"|further\s+reading|(?:latest|top|popular|other)\s+(?:stories|news|headlines|articles|posts|threads)"
    r"|editor['’]s\s+picks|around\s+the\s+web|promoted\s+stories|see\s+also)\s*[:.]?"
)
"""The heading of a list of links to other pages ("Most read", "You might also like:")."""
_LIST_ITEM_MAX_WORDS = 15
_LIST_NUMBER_RE = regex.compile(r"^\s*\d{1,2}[.)]\s+")
_MENU_MIN_LINES = 3
_MENU_ITEM_WORDS = 4
_MENU_LINK_WORDS = 3
_NAV_RE = regex.compile(
    r"(?i:home(?:\s*page)?|news|latest|about(?:\s+us)?|contact(?:\s+us)?|search|menu|log\s*in"
    r"|sign\s*in|register|subscribe|donate|events|shop|jobs|sport|opinion|blog|faqs?|help)"
)
"""A site's navigation link, as every site's menu has one ("Home", "Contact us")."""
_BRACKETED_RE = regex.compile(r"[\[(][^\[\]()\n]{0,20}[\])]")
_PROSE_WORDS = 20


def line(line: str, words: int, header: bool) -> bool:
    """Is ``line`` (of ``words`` words; above the story when ``header``) a caption under
    its label, a banner's call, a schedule in the page's header or a registration line?"""
    stripped = line.strip()
    if words <= _CAPTION_MAX_WORDS and (
        _CAPTION_RE.fullmatch(stripped) or _MEDIA_LABEL_RE.fullmatch(stripped)
    ):
        return True
    if words <= _AMENDED_MAX_WORDS and (
        _CONTRIBUTED_RE.fullmatch(stripped)
        or _SHARED_RE.fullmatch(stripped)
        or _AMENDED_RE.fullmatch(stripped)
        or (words <= _AGREE_MAX_WORDS and _AGREE_RE.search(stripped))
    ):
        return True
    link = _LINK_LINE_RE.fullmatch(stripped) if words <= _LINK_LINE_MAX_WORDS else None
    if link is not None and not any(w[:1].isupper() for w in link.group("before").split()[1:]):
        return True
    if words <= _LINK_LINE_MAX_WORDS and _PRICED_OFFER_RE.fullmatch(stripped):
        return True
    if header and _WEATHER_RE.fullmatch(stripped):
        return True
    rota = _ROTA_RE.fullmatch(stripped) if words <= _ROTA_MAX_WORDS else None
    if rota is not None and (not rota.group("times") or _CLOCK_RE.search(rota.group("times"))):
        return True
    if words <= _REACH_MAX_WORDS and (
        _METER_RE.fullmatch(stripped)
        or _SPONSOR_THANKS_RE.fullmatch(stripped)
        or _REACH_RE.fullmatch(stripped)
        or _CREDIT_RE.fullmatch(stripped)
        or _VOTES_RE.fullmatch(stripped)
        or _REPUBLISHED_RE.fullmatch(stripped)
        or _FILED_RE.fullmatch(stripped)
        or _RELEASE_NO_RE.fullmatch(stripped)
        or _READ_TIME_RE.fullmatch(stripped)
    ):
        return True
    if words <= _BANNER_MAX_WORDS and _BANNER_RE.fullmatch(stripped):
        return True
    if header and _schedule(stripped):
        return True
    return words <= _REG_MAX_WORDS and _registration(stripped)


def _schedule(line: str) -> bool:
    """Short parts split by dots or bars, none a sentence, one with a clock time."""
    parts = _PART_SEP_RE.split(line)
    return (
        len(parts) > 1
        and all(
            len(p.split()) <= _SCHEDULE_PART_WORDS and _CLOCK_RE.sub("0", p)[-1:] not in ".!?"
            for p in parts
        )
        and any(_CLOCK_RE.search(p) for p in parts)
    )


def _registration(line: str) -> bool:
    """Sentences that each give a tax status or a tax or registration number, one of them
    a number."""
    sentences = _SENTENCE_SPLIT_RE.split(line)
    numbered = False
    for s in sentences:
        if _TAX_NUMBER_RE.fullmatch(s) or _CHARITY_RE.fullmatch(s):
            numbered = True
        elif not _STATUS_RE.fullmatch(s):
            return False
    return numbered


def _foot_line(line: str) -> bool:
    """An imprint or the credits, or a body's membership or regulator (every sentence of
    the line), the publisher calling readers to its own channels (every sentence), an author's note
    (who the writer is, then more of them or how to reach them), the date of an event's
    next edition, the publication's owner or a postal address."""
    line = line.strip()
    if _NEXT_RE.fullmatch(line) or _PART_OF_RE.fullmatch(line) or shapes.address_line(line):
        return True
    sentences = _SENTENCE_SPLIT_RE.split(line)
    if not _QUOTED_RE.search(line) and all(
        _CALL_OPENING_RE.match(s) and _OWN_CHANNEL_RE.search(s) for s in sentences
    ):
        return True  # the publisher calling readers to its own channels, no one quoted
    if _BIO_RE.fullmatch(sentences[0]):  # an author's note: who, then how to reach them
        return (len(sentences) > 1 or _BEAT_RE.search(line) is not None) and all(
            _HIS_RE.fullmatch(s) or _REACH_RE.fullmatch(s) for s in sentences[1:]
        )
    sentences = _SENTENCE_SPLIT_RE.split(_NOTE_NUMBER_RE.sub("", line, count=1))
    return all(
        (_IMPRINT_RE.fullmatch(s) and not _IMPRINT_COMMA_RE.search(s))
        or _MEMBER_RE.fullmatch(s)
        or _FIRM_NUMBER_RE.fullmatch(s)
        for s in sentences
    ) and bool(_MEMBER_RE.fullmatch(sentences[0]) or _IMPRINT_RE.fullmatch(sentences[0]))


def page_spans(
    text: str, lines: list[tuple[int, int, bool]], story: tuple[int, int], found: list[Span]
) -> list[Span]:
    """Lists of links to other pages under their heading, anywhere (:func:`_list_spans`);
    the rest of a menu above the story's first paragraph (line ``story[0]``) one of whose
    items is a link (:func:`_menu_spans`); and lines below the story's last paragraph
    (line ``story[1]``) that are the page's (:func:`_foot_line`: an imprint, the credits,
    a membership or a regulator's notice, the owner, a postal address, an author's note,
    an event's next date), and the closing block (after the last blank line, of at least
    :data:`_BLOCK_MIN_LINES` lines) when its last line is furniture (``found``) that
    closes a page, a copyright line or a page number: its lines without a figure."""
    taken = {s for s, _ in found}
    out = [sp for sp in _list_spans(text, lines) if sp[0] not in taken]
    taken.update(s for s, _ in out)
    out.extend(_menu_spans(text, lines[: story[0]], taken))
    taken.update(s for s, _ in out)
    last = story[1]
    while last >= 0 and _foot_line(text[lines[last][0] : lines[last][1]]):
        last -= 1  # a long imprint below the story is no paragraph of it
    ends = {s: e for s, e, _ in lines}
    whole = {s for s, e in (*found, *out) if e >= ends.get(s, e)}  # lines taken whole
    for s, e, _ in lines[last + 1 :]:
        if s not in whole and len(text[s:e].split()) <= _FOOT_MAX_WORDS and _foot_line(text[s:e]):
            out.append((s, e))  # (a note's number taken alone leaves its line to read)
            taken.add(s)
    first = len(lines) - 1
    while first > last + 1 and not _blank_between(text, lines[first - 1][1], lines[first][0]):
        first -= 1
    block = lines[first:]
    if (
        first > last
        and len(block) >= _BLOCK_MIN_LINES
        and _blank_between(text, lines[first - 1][1], lines[first][0])
        and block[-1][0] in taken
        and _END_MARK_RE.fullmatch(text[block[-1][0] : block[-1][1]].strip())
        and all(len(text[s:e].split()) < _PROSE_WORDS for s, e, _ in block)
    ):
        # a line with a figure may be the story's last (a date, a time, a sum): only
        # another rule takes it
        out.extend(
            (s, e)
            for s, e, _ in block
            if s not in taken and not any(c.isdigit() for c in text[s:e])
        )
    return out


def _list_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """A heading of a list of links to other pages alone on its line, and the lines right
    below it (no blank line between) that read as links: at most
    :data:`_LIST_ITEM_MAX_WORDS` words each, perhaps numbered, none closed by a full stop
    or an exclamation mark (a headline may ask a question)."""
    out: list[Span] = []
    i = 0
    while i < len(lines):
        s, e, _ = lines[i]
        i += 1
        if not _LIST_HEAD_RE.fullmatch(text[s:e].strip()):
            continue
        items: list[Span] = []
        prev = e
        while i < len(lines):
            ls, le, _ = lines[i]
            item = _LIST_NUMBER_RE.sub("", text[ls:le]).strip()
            if (
                _blank_between(text, prev, ls)
                or len(item.split()) > _LIST_ITEM_MAX_WORDS
                or item[-1:] in ".!"
            ):
                break
            items.append((ls, le))
            prev = le
            i += 1
        if items:
            out.extend([(s, e), *items])
    return out


def _menu_spans(text: str, lines: list[tuple[int, int, bool]], taken: set[int]) -> list[Span]:
    """The items of a menu one a line, above the story: a run of at least
    :data:`_MENU_MIN_LINES` lines with no blank line between, each of at most
    :data:`_MENU_ITEM_WORDS` words with no sentence mark and no figure outside brackets,
    one of them a navigation link (:data:`_NAV_RE`), or, in a run of more lines, one of
    them furniture already, of :data:`_MENU_LINK_WORDS` words at most (a masthead and a
    byline round a short headline are no menu)."""
    out: list[Span] = []
    run: list[tuple[int, int, bool]] = []
    for s, e, item in [*lines, (-1, -1, False)]:
        line = _BRACKETED_RE.sub("", text[s:e]).strip() if s >= 0 else ""
        joined = bool(run) and s >= 0 and not _blank_between(text, run[-1][1], s)
        short = (
            0 < len(line.replace("&", " ").split()) <= _MENU_ITEM_WORDS
            and line[-1:] not in ".!?:"
            and not any(c.isdigit() for c in line)
        )
        if short and (joined or not run):
            run.append((s, e, item))
            continue
        linked = any(_NAV_RE.fullmatch(text[rs:re_].strip()) for rs, re_, _ in run) or (
            len(run) > _MENU_MIN_LINES
            and any(
                rs in taken and len(text[rs:re_].split()) <= _MENU_LINK_WORDS for rs, re_, _ in run
            )
        )
        if len(run) >= _MENU_MIN_LINES and linked:
            out.extend((rs, re_) for rs, re_, _ in run if rs not in taken)
        run = [(s, e, item)] if short else []
    return out


def _blank_between(text: str, a: int, b: int) -> bool:
    """Is there a blank line between the end ``a`` of one line and the start ``b`` of the
    next?"""
    return text.count("\n", a, b) >= 2

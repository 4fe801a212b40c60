"""Document structure: headline, dateline, body, "About …" boilerplate, forward-looking
statements and contacts, each split into sentences with character offsets into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.dates import DATE_PATTERN, parse_date
from kg.documents import Document
from kg.unwrap import LIST_MARK

HEADLINE, DATELINE, BODY, ABOUT, FORWARD_LOOKING, CONTACTS, BOILERPLATE = (
    "headline", "dateline", "body", "about", "forward-looking", "contacts", "boilerplate")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    section: str
    paragraph: int


@dataclass(frozen=True)
class Dateline:
    city: str
    date: str | None
    wire: str


@dataclass
class Structure:
    """What the extractors need to know about the layout of one document."""

    document: Document
    headline: str
    dateline: Dateline | None
    sentences: list[Sentence] = field(default_factory=list)
    about_titles: list[str] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        """Where the text after the headline begins."""
        return next((s.start for s in self.sentences if s.section != HEADLINE), 0)

    def in_section(self, *names: str) -> list[Sentence]:
        return [s for s in self.sentences if s.section in names]


WIRES = r"GLOBE ?NEWSWIRE|PR ?NEWSWIRE|BUSINESS ?WIRE|ACCESSWIRE|NEWMEDIAWIRE|ACCESS ?NEWSWIRE|" \
        r"MARKETWIRED|MARKETWIRE|EQS[- ]NEWS|NEWSFILE CORP\.?|CNW|NEWSWIRE|Newsfile|NEWS DIRECT"
# the release time after a date: `17 November 2025, 7:30 am CET –` (European releases),
# `October 14, 2025 07:00 AM Eastern Daylight Time` (as wire pages print it)
CLOCK_TIME = (r"(?:,?\s+(?:at\s+)?\d{1,2}[:.h]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
              r"(?:\s*\(?(?:(?:[A-Z][a-z]+\s+){1,3}Time|[A-Z]{2,4}|UTC[+-]\d{1,2})\)?(?![\w-]))?)?")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
DATELINE_RE = re.compile(
    rf"^(?P<city>[A-Z][^\n()]{{1,80}}?)\s*(?:\((?P<source>[^()\n]{{2,40}})\)\s*)?[,–—-]*\s*"
    rf"(?:{WEEKDAY})?(?P<date>{DATE_PATTERN}){CLOCK_TIME}"
    rf"\s*(?:/?\(?(?P<wire>{WIRES})\)?/?|/(?P<tag>[A-Za-z][\w .-]{{1,30}})/"
    rf"|\((?P<agency>[A-Z][\w .-]{{1,30}})\))?\s*(?:[-–—:.@]+|\s*$|(?=[A-Z]))",
    re.IGNORECASE)
# the wire between the city and the date: `VANCOUVER, BC / ACCESSWIRE / July 22, 2025 /`,
# `TORONTO, Ontario--(Newsfile Corp. - May 2, 2024) -`
WIRE_FIRST_DATELINE_RE = re.compile(
    rf"^(?P<city>[A-Z][^\n/()]{{1,60}}?)\s*(?:/\s*(?P<wire>[A-Za-z][\w .-]{{1,30}}?)\s*/|"
    rf"[-–—]+\s*\((?P<paren>[A-Za-z][\w .-]{{1,30}}?)\s+[-–—]\s*)\s*(?:{WEEKDAY})?"
    rf"(?P<date>{DATE_PATTERN})\s*(?:/|\)\s*[-–—:]|\s*$)", re.IGNORECASE)
PLACE_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|of|de|del|la|am|upon|on|sur|and|&),?$")
WIRE_DATELINE_RE = re.compile(rf"^(?P<city>[A-Z][^\n()]{{1,60}}?)\s*[-–—]+\s*\(?(?P<wire>{WIRES})"
                              rf"\)?\s*[-–—]+", re.IGNORECASE)
ABOUT_RE = re.compile(r"^about (?:the )?(?P<name>[^\n.]{2,80})$", re.IGNORECASE)
FLS_RE = re.compile(r"^(?:cautionary (?:note|statement)|forward[- ]looking statements?|"
                    r"safe harbor|this (?:news |press )?(?:release|article|announcement|"
                    r"communication|document|report) (?:contains|may contain|includes|"
                    r"may include)\b[^.]{0,60}?[“\"]?forward[- ]looking)", re.IGNORECASE)
CONTACT_RE = re.compile(r"^(?:(?:media|investors?|company|press)(?: relations)?(?: and \w+)?"
                        r"(?: contacts?| enquiries| inquiries)?|contacts?|enquiries|inquiries|"
                        r"for (?:more|further|additional) information"
                        r"(?:,? (?:please )?contact(?: us)?)?|investor relations|"
                        r"media inquiries)\s*:?\s*$", re.IGNORECASE)
# `Investor Contact: Jane Roe, Fjord Advisors, jane@…`: a labelled contact line starts the
# contacts where no heading does
LABELLED_CONTACT_RE = re.compile(r"^(?i:(?:media|investors?|press)(?: relations)?"
                                 r"(?: contacts?| enquiries| inquiries)?|contacts?)\s*:\s*"
                                 r"(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][a-z]+\s+[A-Z]")
FILING_COVER_RE = re.compile(r"^(?:SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION|FORM\s+[86]-K)$",
                             re.IGNORECASE)
DATELINE_LINES = 9  # a release's dateline is among its first lines
HEADING_MAX = 90
PROSE_WORDS = 12
FEED_FOOTER_RE = re.compile(r"^(?:The post .{5,300} appeared first on .{2,80}|Related Links|"
                            r"More News From .{2,80}|Related News|View source version on .{2,80}|"
                            r"Share this article)$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; lines are the unit of layout in all our inputs."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def structure(document: Document) -> Structure:
    """Split a document into its sections and sentences."""
    text = document.text
    spans = paragraphs(text)
    headline_index = find_headline(text, spans)
    headline = document.headline_hint or (
        text[slice(*spans[headline_index])] if headline_index is not None else "")
    result = Structure(document, headline, None)
    section = BODY
    body_started = False
    dateline_lines = len(spans) if is_filing(text, spans) else DATELINE_LINES
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        section = next_section(line, section, result, body_started)
        kind = HEADLINE if index == headline_index else section
        if kind == BODY and result.dateline is None and index < dateline_lines:
            dateline = match_dateline(line)
            if dateline:
                result.dateline = dateline
        result.sentences.extend(split_sentences(text, start, end, kind, index))
        body_started = body_started or result.dateline is not None or is_prose(line)
    if result.dateline is None or result.dateline.date is None:
        standalone = first_standalone_date(text, spans)
        if result.dateline is None:
            result.dateline = standalone
        elif standalone is not None:  # `CITY--(BUSINESS WIRE)--` under a date line of its own
            result.dateline = Dateline(result.dateline.city, standalone.date,
                                       result.dateline.wire)
    return result


def is_filing(text: str, spans: list[tuple[int, int]]) -> bool:
    """An SEC filing's cover page (`FORM 8-K`): the release it carries as an exhibit, with
    its dateline, comes after the items and the signature."""
    return any(FILING_COVER_RE.match(text[start:end].strip()) for start, end in spans[:12])


def is_prose(line: str) -> bool:
    """A line of running text: a long one, or a sentence. Before the first one (or the
    dateline) a release has not begun: "Contact" or "About Us" there is a web page's menu,
    not a section heading."""
    words = len(line.split())
    return words >= PROSE_WORDS or (words >= 3 and line.rstrip().endswith((".", "!", "?")))


FILING_LABEL_RE = re.compile(
    r"^(?:Ex(?:hibit)?[\s.-]*\d+(?:\.\d+)?|EX-\d+(?:\.\d+)?|for\s+immediate\s+release|"
    r"(?:press|news)\s+release|media\s+release|page\s+\d+(?:\s+of\s+\d+)?)\s*:?$",
    re.IGNORECASE)


def find_headline(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The first line that is not a bare date, a byline or an image."""
    for index, (start, end) in enumerate(spans[:6]):
        line = text[start:end]
        if parse_date(line.strip()) and len(line) < 40:
            continue
        if re.match(r"^by\s+[A-Z]", line) and len(line) < 60:
            continue
        if FILING_LABEL_RE.match(line.strip()):
            continue
        if match_dateline(line) or WIRE_DATELINE_RE.match(line):
            return None
        return index
    return None


def next_section(line: str, current: str, result: Structure, body_started: bool) -> str:
    """Headings switch sections; a section lasts until the next heading. About and contact
    headings count only once the release has begun (`is_prose`)."""
    stripped = line.strip().rstrip(":")
    if body_started and len(stripped) <= HEADING_MAX:
        about = ABOUT_RE.match(stripped)
        if about:
            result.about_titles.append(about.group("name").strip())
            return ABOUT
        if CONTACT_RE.match(stripped):
            return CONTACTS
    if body_started and LABELLED_CONTACT_RE.match(stripped):
        return CONTACTS
    if FLS_RE.match(stripped):
        return FORWARD_LOOKING
    if FEED_FOOTER_RE.match(stripped):
        return BOILERPLATE
    return current


def match_dateline(line: str) -> Dateline | None:
    wire_first = WIRE_FIRST_DATELINE_RE.match(line)
    if wire_first:
        date = parse_date(wire_first.group("date"))
        city = wire_first.group("city").strip(" ,")
        if date and all(PLACE_WORD.match(w) for w in city.split()):
            return Dateline(city, date, normalise_wire(wire_first.group("wire")
                                                       or wire_first.group("paren")))
    match = DATELINE_RE.match(line)
    if not match:
        wire_only = WIRE_DATELINE_RE.match(line)
        if wire_only:
            return Dateline(wire_only.group("city").strip(" ,"), None,
                            normalise_wire(wire_only.group("wire")))
        return None
    date = parse_date(match.group("date"))
    city = match.group("city").strip(" ,-–—")
    if not date or len(city.split()) > 8 or not all(PLACE_WORD.match(w) for w in city.split()):
        return None
    wire = (match.group("wire") or match.group("tag") or match.group("agency")
            or match.group("source") or "")
    return Dateline(city, date, normalise_wire(wire))


def first_standalone_date(text: str, spans: list[tuple[int, int]]) -> Dateline | None:
    """A date alone on one of the first lines, or ending a short 'City, Country, date' line."""
    for start, end in spans[:8]:
        line = text[start:end].strip()
        if len(line) > 80:
            continue
        match = re.search(rf"(?P<date>{DATE_PATTERN}){CLOCK_TIME}\s*$", line, re.IGNORECASE)
        if match and parse_date(match.group("date")):
            city = line[: match.start()].strip(" ,-–—")
            city = city if len(city.split()) <= 6 else ""
            return Dateline(city, parse_date(match.group("date")), "")
    return None


def normalise_wire(raw: str) -> str:
    key = re.sub(r"[^a-z]", "", raw.lower())
    names = {"globenewswire": "GlobeNewswire", "prnewswire": "PR Newswire",
             "businesswire": "Business Wire", "accesswire": "ACCESSWIRE",
             "newmediawire": "NewMediaWire", "accessnewswire": "ACCESS Newswire"}
    return names.get(key, raw.strip())


ABBREVIATIONS = (
    "inc", "corp", "co", "ltd", "llc", "plc", "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "st",
    "no", "vs", "etc", "approx", "e.g", "i.e", "u.s", "u.k", "ph.d", "m.d", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "al", "dept", "mt",
    "n.v", "s.a", "b.v", "wis", "mass", "calif", "fla", "penn", "conn", "md", "ga", "va", "wash",
    "ariz", "colo", "ill", "minn", "tenn", "ind", "ky", "la", "mich", "mo", "nev", "okla",
    "ore", "pa", "tex", "n.j", "n.y", "n.c", "d.c", "s.c", "ft", "vol", "est", "cf", "resp",
)
SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|[.!?]+[\"”’)]*$")


def split_sentences(text: str, start: int, end: int, section: str, paragraph: int
                    ) -> list[Sentence]:
    """Split one line into sentences, not breaking after abbreviations, initials or decimals."""
    bullet = BULLET.match(text, start, end)
    if bullet and (start == 0 or text[start - 1] == "\n"):
        start = bullet.end()  # a line's bullet is no part of its sentence
    out, cursor = [], start
    line = text[start:end]
    for match in SENTENCE_END.finditer(line):
        stop = start + match.end()
        if is_abbreviation(text, start + match.start(), cursor):
            continue
        out.append(make_sentence(text, cursor, stop, section, paragraph))
        cursor = stop
    if cursor < end:
        out.append(make_sentence(text, cursor, end, section, paragraph))
    return [s for s in out if s.text]


ABBREVIATION_WINDOW = 40


def is_abbreviation(text: str, dot: int, sentence_start: int) -> bool:
    if text[dot] != ".":
        return False
    # the word before the dot; a bounded look back keeps long lines linear
    word = re.search(r"([A-Za-z.]+)$", text[max(sentence_start, dot - ABBREVIATION_WINDOW):dot])
    if not word:
        return False
    token = word.group(1).lower().lstrip(".")
    initials = re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)
    if len(token) == 1 and LABELLED_BEFORE.search(text, max(sentence_start, dot - 20), dot - 1):
        return False  # `… was 51% in Cohort C. AB-101 also …`: a label, not an initial
    return token in ABBREVIATIONS or len(token) == 1 or bool(initials)


LABELLED_BEFORE = re.compile(r"\b(?:[Cc]ohorts?|[Aa]rms?|[Pp]arts?|[Gg]roups?|[Ll]evels?|[Tt]ype|"
                             r"[Cc]lass|[Gg]rade|[Ss]tage|[Pp]hase|[Vv]itamin|[Ff]actor)\s$")


BULLET = re.compile(rf"{LIST_MARK}[ \t]+(?=\S)")  # `- `, `• `, `1. ` opening a line


def make_sentence(text: str, start: int, end: int, section: str, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], section, paragraph)

"""People and their roles: quote attributions ("said Jane Roe, Chief Executive Officer of
Acme"), appointments ("the appointment of Jane Roe as CFO"), contact blocks and bylines."""

from __future__ import annotations

import re

from kg.extract.companies import INSTITUTION, organization_names
from kg.extract.context import Context
from kg.facts import Organization, RoleAssignment
from kg.sections import Sentence

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zà-öø-ÿ"
# `MacLeod`, `McKay`, `O’Brien`, `DiNapoli`: a surname prefix before a capital
NAME_WORD = (rf"(?:(?:Mc|Mac|O['’]|D['’]|Di|De|La|Le|Van)(?=[{UPPER}]))?[{UPPER}][{LOWER}]+"
             rf"(?:[-'’][{UPPER}]?[{LOWER}]+)?")
# a headline's verb is no first name (`Acme Names Jane Roe Chief Financial Officer`)
HEADLINE_VERB = (r"(?:Names|Appoints|Promotes|Welcomes|Hires|Elects|Adds|Taps|Announces|"
                 r"Strengthens|Expands|Reports|Joins|Bolsters)\b")
# `Dr.`, `Associate Professor`: a title before a name, not part of it
NAME_TITLE = (r"(?:(?:Associate|Assistant|Clinical)\s+)?(?:Dr|Prof|Professor|professor|Mr|Ms|"
              r"Mrs)\.?\s+")
NAME = (rf"(?:{NAME_TITLE})?(?!{HEADLINE_VERB}){NAME_WORD}"
        rf"(?:\s+[{UPPER}]\.)?"
        rf"(?:\s+(?:van|de|von|der|da|di|le|la|del)(?:\s+der)?)?(?:\s+{NAME_WORD}){{1,2}}")
CREDENTIALS = r"(?:,?\s*(?:Ph\.?\s?D\.?|M\.?\s?D\.?|MBA|M\.?B\.?A\.?|Pharm\.?\s?D\.?|J\.?D\.?|" \
              r"R\.?N\.?|FRCP|MSc|M\.?S\.?|DVM|MPH|Jr\.?|Sr\.?|III|II|" \
              r"(?!(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|CCO|SVP|EVP|VP|IR|PR)\b)[A-Z]{2,5}\.?(?=[,\s])))*"
SAY = r"(?:said|says|commented|comments|stated|states|added|adds|noted|notes|explained|" \
      r"remarked|concluded|continued)"
ROLE_WORDS = re.compile(
    r"\b(?:officer|ceo|cfo|coo|cmo|cso|cbo|cto|cco|president|founder|co-founder|director|"
    r"chair(?:man|woman|person)?|head|vice|vp|svp|evp|professor|investigator|manager|partner|"
    r"scientist|physician|executive|member|analyst|counsel|editor|author|contact|lead|leader|"
    r"principal|fellow|advisor|adviser|consultant|secretary|treasurer|oncologist|surgeon|"
    r"chief|relations|dean|chairman|owner|general|academician|\w+ologist|\w+iatrist|"
    r"clinician)s?\b", re.IGNORECASE)
ATTRIBUTION_AFTER = re.compile(  # initials (`the R.J. Kline Center`) do not end the role
    rf"{SAY}\s*,?\s+(?P<name>{NAME}){CREDENTIALS},\s+"
    rf"(?P<role>(?:[^.“”\"]|(?<=\b[A-Z])\.(?=[A-Z]|\s+[A-Z][a-z])){{3,140}}?)"
    rf"\s*(?=(?<!\b[A-Z])\.|[”\"]|$|,\s+(?:in|at|during|adding|who)\b|,\s+and\s+[a-z])")
ATTRIBUTION_BEFORE = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},\s+(?P<role>[^.“”\"]{{3,140}}?),?\s+{SAY}\b")
ORG_ROLE_NAME = re.compile(rf"(?P<role>(?:[A-Z][\w&\-]{0,30}\s+){{0,4}}(?:CEO|CFO|COO|CMO|CSO|"
                           rf"Chief [A-Z]\w+ Officer|President|Chairman|Founder))\s+"
                           rf"(?P<name>{NAME}){CREDENTIALS}\s*,?\s+{SAY}\b")
# the role an appointment gives, up to the clause's end
APPOINTED_ROLE = (r"(?:its\s+(?:new\s+)?|the\s+(?:company['’]s\s+)?|our\s+)?"
                  r"(?P<role>[^.,;]{3,80}?)(?=[.,;]|\s+(?:effective|to|where|with|in|who)\b|"
                  r"\s+and\b(?!\s+(?:Chief|President|CEO|CFO|COO|Head|Treasurer|Secretary|"
                  r"Chair\w*|General\s+Counsel)\b))")  # `President and Chief Executive Officer`
APPOINTMENT = re.compile(
    rf"(?:(?i:appointment\s+of|appointed|appoints|names|named|welcomes|hired|hires|promoted|"
    rf"promotion\s+of|addition\s+of|elected|elects|election\s+of))\s+(?P<name>{NAME})"
    rf"{CREDENTIALS}(?:,\s+(?:the\s+|a\s+)?(?:former|current|retired|(?=[A-Z]))[^,;]{{3,80}}?,)?"
    rf",?\s+(?:as|to(?:\s+the\s+role\s+of)?)\s+"  # `appointed A, the former CFO of X, as …`
    + APPOINTED_ROLE)
ROLE_START = (r"(?:(?:formerly|previously|most\s+recently|currently)\s+)?(?:the\s+)?"
              r"(?:(?:company|firm)['’]s\s+|(?:its|our)\s+)?"
              r"(?:(?:new|former|interim|acting|co-|founding|senior|executive|non-executive|independent|"
              r"associate|assistant|deputy|global|"
              r"managing|general|lead|leading|principal|presenting)\s*)*(?:chief|ceo|cfo|coo|cmo|"
              r"cso|cbo|cto|cco|president|founder|co-founder|chair(?:man|woman|person)?|director|"
              r"head|vice|vp|svp|evp|professor|investigator|manager|partner|scientist|"
              r"physician|member|counsel|dean|author|executive|fellow|advisor|adviser|"
              r"academician)\b")
ROLE_APPOSITION = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},\s+(?P<role>(?:an?\s+)?(?i:{ROLE_START})[^.;:“”\"()]{{0,140}}?)"
    rf"(?=,\s+(?:[a-z]|{SAY})|\.(?:\s|$)|;|\s+(?:{SAY}|will|who|is|has|was|expressed|"
    rf"added|presented|commented)\b|$)")
# a list of members, one a line: `Jane Roe, Ph.D. (Chair) – Professor of Medicine at X, …`
ROLE_AFTER_DASH = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?P<name>{NAME}){CREDENTIALS}(?:\s*\([^()]{{1,30}}\))?\s*[–—]\s*"
    rf"(?P<role>(?i:{ROLE_START})[^.;:“”\"()]{{0,140}}?)"
    rf"(?=,\s+(?:[a-z]|currently)|\.(?:\s|$)|;|\s+and\s+(?i:{ROLE_START})|$)")
TITLE_BEFORE_NAME = re.compile(
    rf"(?:^|[,;:(]\s*|\b(?:and|by|with)\s+)(?P<role>(?:[A-Z][\w&\-]{0,30}\s+){{0,3}}(?:CEO|CFO|COO|"
    rf"CMO|CSO|CBO|CTO|Chief\s+[A-Z]\w+\s+Officer|President|Chairman|Founder|Principal\s+"
    rf"Investigator))\s*,?\s+(?:Dr\.\s+|Prof(?:essor)?\.?\s+)?(?P<name>{NAME}){CREDENTIALS}"
    rf"(?=\s*[,.]|\s+[a-z])")
SHORT_NAME = rf"(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+{NAME_WORD}"
PAST_ADVERB = r"(?:(?:previously|formerly|most\s+recently|also|earlier)\s+)?"
IS_ROLE = re.compile(
    rf"(?P<name>{NAME}|{SHORT_NAME}){CREDENTIALS},?\s+{PAST_ADVERB}"
    rf"(?:is|was|will\s+(?:serve|be)\s+as|"
    rf"serves\s+as|"
    rf"served\s+as|has\s+served\s+as|(?:most\s+recently\s+)?served\s+as)\s+"
    rf"(?P<role>(?:the|a|an)?\s*(?i:{ROLE_START})[^.;:“”\"()]{{0,100}}?)"
    rf"(?=,|\.(?:\s|$)|;|\s+(?:and|where|who|since|from)\b|$)")
# `… joins from Tern Pharmaceuticals, where she served as SVP of Finance`; `Previously, she
# was a Managing Director at Gullwing Capital`: a past role of the person the text is about
WHERE_SERVED = re.compile(
    rf"\bfrom\s+(?P<org>[A-Z][^,;]{{2,60}}?),\s+where\s+(?:she|he|they)\s+{PAST_ADVERB}"
    rf"(?:served|has\s+served|was|worked)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
    rf"(?P<role>(?i:{ROLE_START})[^.;:()]{{0,80}}?)(?=,|\.(?:\s|$)|;|\s+(?:and|since|from|"
    rf"where|until)\b|$)")
PRONOUN_ROLE = re.compile(
    rf"(?:^|[,;]\s+|\band\s+)"
    rf"(?:(?:Previously|Before\s+that|Earlier|Prior\s+to\s+[^,]{{2,60}}),\s+)?"
    rf"(?:[Ss]he|[Hh]e|[Tt]hey)\s+{PAST_ADVERB}(?:served|has\s+served|was|held\s+the\s+(?:role|"
    rf"position)\s+of)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
    rf"(?P<role>(?i:{ROLE_START})[^.;:()]{{0,80}}?\s+(?:at|of|with)\s+[A-Z][^.;:()]{{1,60}}?)"
    rf"(?=,|\.(?:\s|$)|;|\s+(?:and|since|from|where|until)\b|$)")
# `she currently serves on the board of directors of Tern Genomics`: a seat on another board
OTHER_BOARD = re.compile(
    r"\b(?:[Ss]he|[Hh]e|[Tt]hey)\s+(?:(?:also|currently|previously)\s+)*(?:serves|served|sits|"
    r"sat|has\s+served)\s+on\s+the\s+boards?\s+(?:of\s+directors\s+)?of\s+"
    r"(?P<org>[A-Z][^.;:,]{1,60}?)(?=[.;,]|\s+(?:and|since|where|from|until)\b|$)")
AND_AS_ROLE = re.compile(
    r"^\s+and\s+as\s+(?:an?\s+|the\s+)?(?P<role>[A-Z][^.;:,]{2,60}?)\s+(?:at|of)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,3}(?P<org>[A-Z][^.;:,]{2,60}?)(?=[.;,]|\s+(?:and|where|who)\b|$)")
# `appointed A as President and a member of the Board, and B as …`: A's seat on the board,
# a role besides the title, then B
AND_BOARD_SEAT = re.compile(r"^,?\s+and\s+(?:as\s+)?(?:an?\s+)?(?P<seat>member\s+of\s+(?:the|"
                            r"its)\s+Board(?:\s+of\s+Directors)?|director)\b")
AND_ROLE_AT = re.compile(
    rf"^,?\s+and\s+(?:an?\s+|the\s+)?(?P<role>(?:[a-z]|(?i:{ROLE_START}))[^.;:,]{{2,60}}?)"
    r"\s+at\s+(?:the\s+)?"
    r"(?P<org>[A-Z][^.;:,]{2,60}?)(?=[.;,]|\s+(?:and|where|who)\b|$)")
# A division or department is part of an institution, not an organisation of its own.
SUBUNIT = re.compile(r"^(?:Division|Department|Section|Unit|Laboratory|Program)\b")
LISTED_NAME = rf"(?:Dr\.\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}"
NAME_LIST_ROLE = re.compile(
    rf"(?P<role>(?:[A-Z][a-z]+\s+)?(?:Principal\s+)?Investigators?|Co-Investigators?),?\s+"
    rf"(?P<names>{LISTED_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){LISTED_NAME})+)"
    rf"\s+(?:from|of|at)\s+(?:the\s+)?(?P<org>[A-Z][^.;:,]{{2,60}}?)(?=[.;,]|$)")
ROLE_IS = re.compile(
    rf"\b[Tt]he\s+(?P<role>(?i:{ROLE_START})[^.;:,]{{0,60}}?)\s+(?:for\s+[^.;]{{0,60}}?\s+)?"
    rf"is\s+(?:Dr\.\s+)?(?P<name>{NAME}){CREDENTIALS},?\s+(?P<org>(?:of|at)\s+[^.;]{{3,80}})?")
JOINED = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS}(?:,[^.]{{0,160}}?,)?\s+(?:has\s+)?(?:joined|will\s+join)\s+"
    rf"(?:[^.]|\.(?=,|\s+as\b)){{0,40}}?\s+as\s+(?:its\s+|our\s+)?(?:new\s+)?"
    rf"(?P<role>[^.,;]{{3,60}}?)"
    rf"(?=[.,;]|\s+(?:and|effective|to|where|with|in)\b)")
ROLE_SPLIT = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])")
INSTITUTION_WORDS = (r"University|Institute|Hospital|Cent(?:er|re)|College|School|Clinic|"
                     r"Foundation|Academy")
ROLE_INSTITUTION = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},\s+(?P<role>(?i:{ROLE_START})[^.;:“”\"()]{{0,100}}?),\s+"
    rf"(?P<org>(?:[Tt]he\s+)?[A-Z][^,;()]{{0,60}}?(?:{INSTITUTION_WORDS})[^,;()]{{0,50}}?)"
    rf"(?=\s*[,;(.]|\s+and\b|$)")

# `said Professor A of the Department of X, B Hospital, the principal investigator of Y`
ATTRIBUTION_OF = re.compile(
    rf"{SAY}\s+(?P<name>{NAME}){CREDENTIALS}\s+of\s+(?:the\s+)?"
    rf"(?:(?:Department|Division|School)\s+of\s+[^,;()]{{3,60}},\s+)?"
    rf"(?P<org>[A-Z][^,;()“”\"]{{2,80}}?(?:{INSTITUTION_WORDS})[^,;()“”\"]{{0,40}}?)"
    rf"(?:,\s+[A-Z][^,;()“”\"]{{2,60}}?(?:{INSTITUTION_WORDS}))?,\s+"
    rf"(?:the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}investigator\b[^.,;“”\"]{{0,60}}?)"
    rf"(?=\s*[.,;”\"]|$)")


def people(ctx: Context) -> None:
    read: list[Sentence] = []  # the sentences before: `she` and `he` refer to a person in them
    for sentence in ctx.structure.sentences:
        if sentence.section in ("forward-looking", "contacts", "boilerplate"):
            continue
        read.append(sentence)
        seen: set[str] = set()
        if not ROLE_WORDS.search(sentence.text) and "Board" not in sentence.text:
            continue
        for pattern in PATTERNS:
            hints = PATTERN_HINTS.get(pattern)
            if hints and not any(hint in sentence.text for hint in hints):
                continue
            for match in pattern.finditer(sentence.text):
                name = resolve_name(ctx, match.group("name"))
                if name in seen and pattern not in NEW_ROLE_PATTERNS:
                    continue
                org = match.group("org") if "org" in pattern.groupindex else None
                if add_person(ctx, sentence, name, role_of(pattern, match), org,
                              another=pattern in ROLE_CHANGE_PATTERNS):
                    seen.add(name)
                    rest = sentence.text[match.end():]
                    more = AND_AS_ROLE.match(rest) or AND_ROLE_AT.match(rest)
                    if more and add_person(ctx, sentence, name, more.group("role"),
                                           more.group("org")):
                        move_from_subunit(ctx, sentence, name)
                    seat = AND_BOARD_SEAT.match(rest) if pattern is APPOINTMENT else None
                    if seat:  # the appointee's seat on the board, besides the title
                        add_person(ctx, sentence, name, seat.group("seat"), another=True)
                    if pattern is APPOINTMENT:
                        passed = more or seat
                        also_appointed(ctx, sentence,
                                       match.end() + (passed.end() if passed else 0), seen)
        name_lists(ctx, sentence)
        left_board(ctx, sentence)
        career_roles(ctx, sentence, read)
    byline(ctx)
    signatures(ctx)


# `A, a Partner at X, and B, M.D., have resigned from the Board of Directors`
LEFT_BOARD = re.compile(r"\s+(?:have|has)\s+(?:resigned|stepped\s+down|retired)\s+from\s+"
                        r"(?:the|its)\s+Board\b")
BOARD_LEAVER = re.compile(rf"(?:^|\bthat\s+|,\s+and\s+|\s+and\s+)(?P<name>{NAME}){CREDENTIALS}"
                          r"(?=\s*,|\s+(?:and|have|has)\b)")


# `Per Holm, who is retiring from the Board after nine years`
WHO_LEAVES_BOARD = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},?\s+who\s+(?:is\s+(?:retiring|stepping\s+down|leaving)|"
    rf"will\s+(?:retire|step\s+down|leave)|(?:has\s+)?(?:retired|resigned|stepped\s+down))\s+"
    rf"from\s+(?:the|its)\s+Board\b")


def left_board(ctx: Context, sentence: Sentence) -> None:
    """The directors a sentence says left the issuer's board: directors until then."""
    left = LEFT_BOARD.search(sentence.text)
    for match in BOARD_LEAVER.finditer(sentence.text, 0, left.start()) if left else ():
        add_person(ctx, sentence, resolve_name(ctx, match.group("name")), "director")
    for match in WHO_LEAVES_BOARD.finditer(sentence.text):
        add_person(ctx, sentence, resolve_name(ctx, match.group("name")), "director")


PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Tt]hey)\b")
SUBJECT_REACH = 6  # sentences back to the person a pronoun refers to


def role_of(pattern: re.Pattern, match: re.Match) -> str:
    """The role a match names, in the words a role is written in (`co-founded` → co-founder,
    `will chair the Audit Committee` → chair of the Audit Committee)."""
    role = match.group("role")
    if pattern is WHO_FOUNDED:
        return "co-founder" if role.lower().startswith("co") else "founder"
    if pattern is COMMITTEE_CHAIR:
        return "chair of " + re.sub(r"^its\s+", "the ", role)
    if pattern is APPOINTMENT and BODY_ALONE.fullmatch(role.strip()):
        return f"member of the {role.strip()}"  # `appointed A to the Board of Directors`
    return role


def person_named(ctx: Context, text: str) -> str:
    """The first person the text names whom the document gives a role, by full name or by
    surname (`Ms. Lind`)."""
    known = {f.person for f in ctx.extraction.of_type(RoleAssignment)}
    for match in re.finditer(rf"{NAME}|{SHORT_NAME}", text):
        name = resolve_name(ctx, match.group(0))
        if name in known:
            return name
    return ""


def career_roles(ctx: Context, sentence: Sentence, read: list[Sentence]) -> None:
    """Past roles told of the person the text is about (`… joins from X, where she served
    as …`), and the people an appointment names in pairs."""
    subject = None
    patterns = (WHERE_SERVED, PRONOUN_ROLE, OTHER_BOARD) if PRONOUN.search(sentence.text) else ()
    for pattern in patterns:
        for match in pattern.finditer(sentence.text):
            if subject is None:  # the person the sentence, or the nearest before it, names
                subject = next((found for earlier in reversed(read[-SUBJECT_REACH:])
                                if (found := person_named(ctx, earlier.text))), "")
            org = match.group("org") if "org" in pattern.groupindex else None
            role = match.group("role") if "role" in pattern.groupindex else "director"
            if subject:
                add_person(ctx, sentence, subject, role, org)
    for match in PAIR_APPOINTMENT.finditer(sentence.text):
        role = singular_role(match.group("role"))
        for name in (match.group("name"), match.group("second")):
            add_person(ctx, sentence, resolve_name(ctx, name), role)


def singular_role(role: str) -> str:
    """`independent directors` → `independent director`, `members of the Board` → `member
    of the Board`: the role each of several people holds."""
    return re.sub(r"\b(\w{3,}?)s\b(?=\s+(?:of|on)\b|\s*$)", r"\1", role.strip(), count=1)


# `the appointment of A as Chief Medical Officer and (of) B as Chief Financial Officer`
ALSO_APPOINTED = re.compile(rf",?\s+and\s+(?:of\s+)?(?P<name>{NAME}){CREDENTIALS},?\s+as\s+"
                            rf"(?:an?\s+)?{APPOINTED_ROLE}")


def also_appointed(ctx: Context, sentence: Sentence, end: int, seen: set[str]) -> None:
    """The people an appointment names after the first, each with the role given to them."""
    match = ALSO_APPOINTED.match(sentence.text, end)
    while match:
        name = resolve_name(ctx, match.group("name"))
        if add_person(ctx, sentence, name, match.group("role"), None):
            seen.add(name)
        match = ALSO_APPOINTED.match(sentence.text, match.end())


def move_from_subunit(ctx: Context, sentence: Sentence, name: str) -> None:
    """`chief of the Division of Oncology …, and investigator at Harbor Health`: the role
    held in a division belongs to the institution the sentence names next."""
    here = ctx.evidence(sentence, "kg.people.v1")
    roles = [f for f in ctx.extraction.of_type(RoleAssignment)
             if f.person == name and here in f.evidence]
    last = roles[-1] if roles else None
    held = [f for f in roles[:-1] if f.organization and SUBUNIT.match(f.organization.name)]
    if not held or last.organization is None:
        return
    evidence = [e for f in (*held, last) for e in f.evidence]
    for fact in (*held, last):
        ctx.extraction.remove(fact)
    parts = [f"{f.role} of the {f.organization.name}" for f in held] + [last.role]
    merged = RoleAssignment(name, " and ".join(parts), last.organization)
    for item in dict.fromkeys(evidence):
        ctx.extraction.add(merged, item)


def resolve_name(ctx: Context, name: str) -> str:
    """`Dr. Roe` → the full name (`Jane Roe`) the document uses for that surname."""
    bare = re.sub(f"^{NAME_TITLE}", "", name.strip())
    if " " in bare:
        return bare
    people_ = [f.person for f in ctx.extraction.facts if isinstance(f, RoleAssignment)]
    return next((p for p in people_ if p.split()[-1] == bare), bare)


# the word a job title ends with: `interim Chief Financial Officer Kari Moe` ends at `Officer`
ROLE_END = (r"(?i:(?:co-)?(?:officer|ceo|cfo|coo|cmo|cso|cto|cbo|president|founder|"
            r"chair(?:man|woman|person)?|director|head|executive|advisor|adviser|member|"
            r"scientist|counsel|secretary|treasurer|controller|partner))")
# `Dr. Dahl succeeds co-founder Ola Nes`, `She replaces interim CFO Kari Moe`
SUCCEEDS = re.compile(
    rf"\b(?:succeeds|succeeding|replaces|replacing|will\s+(?:succeed|replace))\s+(?:the\s+)?"
    rf"(?P<role>(?:[A-Za-z-]+\s+){{0,5}}?{ROLE_END})\s+(?P<name>{NAME}){CREDENTIALS}"
    rf"(?=\s*[,.;]|\s+(?:who|as|in|on|at)\b|$)")
# `succeeds Jane Roe, who has served as Interim Chief Executive Officer since 2024`, `…, who
# is retiring as CFO after ten years`, `…, who co-founded Skua in 2012 and has served as its
# President since`: a role held until now
WHO_SERVED = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},?\s+who\s+(?:(?:co-?)?founded\s+[^,.;]{{1,60}}?\s+and\s+)?"
    rf"(?:has\s+|had\s+)?(?:served|serves|was\s+serving|"
    rf"is\s+(?:retiring|stepping\s+down)|will\s+(?:retire|step\s+down)|retires|retired)"
    rf"\s+as\s+(?:the\s+company['’]s\s+|its\s+|our\s+|an?\s+)?(?P<role>[^.,;]{{3,60}}?)"
    rf"(?=\s+(?:since|from|until|for|and|after|at\s+the\s+end)\b|[.,;])")
# `said Skua's chief executive, Per Holm`, `said Skua chair Eva Dahl`; not `New CEO Per Holm`
TITLE_ADJECTIVE = r"(?:New|Former|Interim|Acting|Founding|Incoming|Outgoing|Our|Its|The)\b"
TITLE_POSSESSIVE = re.compile(
    rf"(?:^|[,;:(]\s*|\b(?:said|and|by|with|added)\s+)(?!{TITLE_ADJECTIVE})"
    rf"(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}}?)(?:['’]s)?\s+"
    rf"(?P<role>(?i:chief\s+executive(?:\s+officer)?|chief\s+[a-z]+\s+officer|"
    rf"chair(?:man|woman|person)?|president|founder|co-founder|ceo|cfo|coo|cmo|cso))\s*,?\s+"
    rf"(?P<name>{NAME}){CREDENTIALS}(?=\s*[,.;]|\s+[a-z]|$)")
# an appointment without `as`: `Acme Names Jane Roe Chief Financial Officer and Appoints
# John Doe Chief Medical Officer`, `the board named Jane Roe Chief Executive Officer`
HEADLINE_APPOINTMENT = re.compile(
    rf"\b(?:Names|Appoints|Promotes|Taps|Hires|Elects|named|appointed|names|appoints)\s+"
    rf"(?P<name>{NAME}){CREDENTIALS},?\s+"
    rf"(?:as\s+|to\s+)?(?P<role>(?i:{ROLE_START})[^,;:]{{0,80}}?)"
    rf"(?=\s+and\s+{HEADLINE_VERB}|\s*[,;:]|\.(?:\s|$)|\s+(?:to|for|as|effective|in)\b|$)")
# `the addition of Eva Dahl and Jon Berg, M.D., as independent directors`
PAIR_APPOINTMENT = re.compile(
    rf"(?i:appointments?|addition|election)\s+of\s+(?P<name>{NAME}){CREDENTIALS}\s+and\s+"
    rf"(?P<second>{NAME}){CREDENTIALS},?\s+as\s+{APPOINTED_ROLE}")


# `Jane Roe has been promoted to Chief Commercial Officer`
PASSIVE_APPOINTMENT = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},?\s+(?:has\s+been|have\s+been|was|were|will\s+be|is)\s+"
    rf"(?:appointed|named|promoted|elected)\s+(?:(?:as|to)\s+(?:the\s+role\s+of\s+)?|"
    rf"(?=(?i:{ROLE_START})))" + APPOINTED_ROLE)  # `has been appointed Chief Medical Officer`
# `Dr. Moe will become Executive Chair of the Board on June 1`, `Eva Dahl, who has served as
# Chair since 2019, will become Lead Independent Director`, `Dr Lind will succeed him as CSO`,
# `Dr Moe will continue to support the Company as Chair of its Scientific Advisory Board`
WILL_BECOME = re.compile(
    rf"(?P<name>{NAME}|{SHORT_NAME}){CREDENTIALS}(?:,\s+[^.;]{{1,120}}?,)?\s+"
    rf"(?:will\s+(?:become|assume\s+the\s+role\s+of|transition\s+to(?:\s+the\s+role\s+of)?|"
    rf"succeed\s+(?:him|her|them|{NAME}|{SHORT_NAME})\s+as|(?:continue|remain)\s+(?:with\s+the\s+"
    rf"[Cc]ompany\s+|to\s+\w+(?:\s+the\s+[Cc]ompany)?\s+)?as)|(?:has\s+)?became|becomes)\s+"
    rf"(?:the\s+company['’]s\s+|its\s+|our\s+|an?\s+)?"
    rf"(?P<role>(?i:{ROLE_START})[^.;:,“”\"()]{{0,80}}?)"
    rf"(?=,|\.(?:\s|$)|;|\s+(?:on|effective|upon|following|after|when|once|and|at\s+the|"
    rf"in\s+\d)\b|$)")
# `Jane Roe, who co-founded Skua in 2012`
WHO_FOUNDED = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},?\s+who\s+(?P<role>co-?founded|founded)\s+"
    rf"(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,4}})")
# `Ms. Vik will chair the Audit Committee`
COMMITTEE_CHAIR = re.compile(
    rf"(?P<name>{NAME}|{SHORT_NAME}){CREDENTIALS}\s+will\s+(?:also\s+)?(?:chair|lead)\s+"
    rf"(?P<role>(?:the|its)\s+(?:[A-Z][\w&-]*,?\s+(?:and\s+)?){{1,5}}Committee)\b")
PATTERNS = (ROLE_INSTITUTION, ATTRIBUTION_OF, ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE,
            ORG_ROLE_NAME, APPOINTMENT, HEADLINE_APPOINTMENT, PASSIVE_APPOINTMENT,
            ROLE_APPOSITION, ROLE_AFTER_DASH, TITLE_BEFORE_NAME, TITLE_POSSESSIVE, IS_ROLE,
            ROLE_IS, JOINED, SUCCEEDS, WHO_SERVED, WILL_BECOME, WHO_FOUNDED, COMMITTEE_CHAIR)
# words without which a pattern cannot match: most sentences skip the pattern
PATTERN_HINTS = {WHO_SERVED: (" who ",), WHO_FOUNDED: ("founded",),
                 WILL_BECOME: ("will ", "becam", "becomes"), COMMITTEE_CHAIR: ("Committee",)}
# a role besides the one the person holds now in the same organisation: the one held until a
# change, the one a change brings, a founder's, a committee's chair
ROLE_CHANGE_PATTERNS = (WHO_SERVED, WILL_BECOME, WHO_FOUNDED, COMMITTEE_CHAIR)


# a new role, besides the one the sentence describes
NEW_ROLE_PATTERNS = (APPOINTMENT, HEADLINE_APPOINTMENT, PASSIVE_APPOINTMENT, JOINED,
                     *ROLE_CHANGE_PATTERNS)


def split_role(ctx: Context, role: str) -> tuple[str, Organization | None]:
    """`Professor of Medicine at Acme University` → (role, Acme University); `CEO of Acme Bio`
    → (CEO, Acme Bio); a role with no organisation belongs to the issuer."""
    role = " ".join(role.split()).strip(" ,")
    role = re.sub(r"^(?:formerly|previously|most\s+recently|currently)\s+", "", role)
    role = re.sub(r"^(?:the\s+)?(?:(?:company|firm)['’]s|its|our)\s+", "", role)  # the issuer's
    at = list(re.finditer(r"\s+at\s+(?:the\s+)?(?=[A-Z])", role))
    if at and ROLE_WORDS.search(role[:at[-1].start()]):
        return role[:at[-1].start()].strip(" ,"), organization_of(ctx, role[at[-1].end():])
    for match in re.finditer(r"\s+of\s+(?:the\s+)?(?=[A-Z])", role):
        rest = role[match.end():]
        if COMPANY_BODY.match(rest):
            continue  # `Chair of the Board of Directors of Acme`: the board is Acme's
        if BODY_ALONE.fullmatch(rest):
            break  # `Chair of the Board`, `chair of the Audit Committee`: the issuer's
        if ROLE_WORDS.search(re.split(r"\s+of\s+", rest)[0]) and LATER_OF.search(rest):
            continue  # `President of U.S. Operations and Chief Medical Officer of Acme`
        names = organization_names(rest)
        title = role[:match.start()].strip(" ,")
        if (names and names[0][0] == 0) or INSTITUTION.search(rest.split(",")[0]) \
                or is_issuer_name(ctx, rest) or named_in_text(ctx, rest) \
                or EXECUTIVE_TITLE.search(title):
            return title, organization_of(ctx, rest)
    names = organization_names(role)
    if names and names[0][0] == 0 and not re.match(ROLE_START, role, re.IGNORECASE):
        rest = re.sub(r"^(?:[’']s)?[\s,]*", "", role[names[0][1]:])
        if ROLE_WORDS.search(rest):
            return rest, Organization(names[0][2])
    if ctx.issuer:
        for alias in sorted({ctx.issuer.name, *ctx.issuer.aliases}, key=len, reverse=True):
            if role.startswith(alias + " ") and ROLE_WORDS.search(role[len(alias):]):
                return re.sub(r"^(?:[’']s)?[\s,]*", "", role[len(alias):]), ctx.issuer
    return role, ctx.issuer


COMPANY_BODY = re.compile(r"(?:(?:(?:Supervisory|Management|Scientific\s+Advisory|Executive|"
                          r"Audit)\s+)?(?:Board|Committee)(?:\s+of\s+Directors)?|Directors)"
                          r"\s+of\s+")
LATER_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
BODY_ALONE = re.compile(r"(?:(?:Supervisory|Management|Scientific\s+Advisory|Executive)\s+)?"
                        r"Board(?:\s+of\s+Directors)?|(?:[A-Z][\w&-]*,?\s+(?:and\s+)?){1,5}"
                        r"Committee")
EXECUTIVE_TITLE = re.compile(r"(?:\b(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|President|Founder|Chairman|"
                             r"Chair)|Officer)$", re.IGNORECASE)


def named_in_text(ctx: Context, text: str) -> bool:
    """Is `text` (or its first word) the start of an organisation the document names?"""
    first = text.split(",")[0].split()[0] if text.split() else ""
    return bool(first) and any(n.split()[0] == first for _s, _e, n in org_names(ctx))


def org_names(ctx: Context):
    return organization_names(ctx.text)


def is_issuer_name(ctx: Context, text: str) -> bool:
    if not ctx.issuer:
        return False
    return any(text.startswith(a) for a in (ctx.issuer.name, *ctx.issuer.aliases))


def organization_of(ctx: Context, text: str) -> Organization:
    text = re.split(r"\s+at\s+(?:the\s+)?(?=[A-Z])", text)[-1]
    name = clean_org(re.split(r",|\s+\(", text)[0])
    if is_issuer_name(ctx, name):
        return ctx.issuer
    fuller = [n for _s, _e, n in org_names(ctx) if n.split()[0] == name.split()[0]
              and len(n) > len(name) and len(name.split()) == 1]
    if fuller:
        return Organization(fuller[0])
    return Organization(name, is_company=bool(organization_names(name)))


# `… Centre in Toronto and Canadian lead investigator for X`: where it is, then another role
ORG_TAIL = re.compile(r"\s+(?:and|who|which|where|in|since|from)\s+[a-z]|"
                      r"\s+in\s+[A-Z][a-z]+(?=$|,|\s+and\s)|"
                      r"\s+and\s+(?=(?:[\w-]+\s+){0,3}(?:investigator|director|professor|chair|"
                      r"head|member)\b)")


def clean_org(text: str) -> str:
    return ORG_TAIL.split(text)[0].strip(" ,")


PHONE = r"\+?\(?\d[\d\s().-]{6,}"  # a telephone number, `+1 (617) 555-0100`
CONTACT_DETAILS = re.compile(rf",\s*(?:{PHONE}|[\w.+-]+@|Tel\b|Phone\b|E-?mail\b)")


# a title's first word that a name without `as` after it took for a surname
TITLE_TAIL = re.compile(r"\s+(Chief|Senior|Executive|Vice|Interim|Acting|Deputy|Head)$")


def add_person(ctx: Context, sentence: Sentence, name: str, role_text: str,
               org_text: str | None = None, *, another: bool = False) -> bool:
    """Record a person's role; False when the match is not a usable role. A person has one
    role in an organisation, the first the text gives, unless the role is `another` (one
    held before a change, or besides the title)."""
    name = re.sub(f"^{NAME_TITLE}", "", name.strip())
    tail = TITLE_TAIL.search(name)  # `named Nora Lind Chief Executive Officer`
    if tail and len(name[:tail.start()].split()) >= 2:
        name, role_text = name[:tail.start()], f"{tail.group(1)} {role_text}"
    if org_text:
        org_text = re.sub(r"^(?:of|at)\s+(?:the\s+)?", "", org_text.strip())
        role, org = " ".join(role_text.split()), organization_of(ctx, org_text)
    else:
        role, org = split_role(ctx, role_text)
    role = re.sub(r"^(?:an?|the)\s+", "", role)
    role = CONTACT_DETAILS.split(role)[0]  # `Vice President, IR, 650-555-0100, ir@…`
    if not ROLE_WORDS.search(role) or len(role.split()) > 12 or organization_names(name) \
            or INSTITUTION.search(name) or len(name.split()) < 2 or FUNCTION_NAME.fullmatch(name):
        return False  # `National University Hospital, principal investigator`: no person
    org = issuer_if_same(ctx, org)
    org_name = org.name if org else ""
    if any(f.person == name and (f.organization.name if f.organization else "") == org_name
           and (not another or f.role.casefold() == role.casefold())
           for f in ctx.extraction.of_type(RoleAssignment)):
        return True
    ctx.extraction.add(RoleAssignment(name, role, org), ctx.evidence(sentence, "kg.people.v1"))
    return True


# `Senior Vice President, Clinical Development at X`: a function of the company, no person
FUNCTION_WORD = (r"(?:Clinical|Development|Operations|Regulatory|Affairs|Medical|Research|"
                 r"Relations|Investor|Business|Corporate|Communications|Strategy|Finance|"
                 r"Manufacturing|Quality|Commercial|Technical|Scientific|Legal|Human|Resources|"
                 r"Discovery|Translational|Portfolio|Global|Product|Marketing|Public)")
FUNCTION_NAME = re.compile(rf"{FUNCTION_WORD}(?:\s+(?:and\s+)?{FUNCTION_WORD})+")


def issuer_if_same(ctx: Context, org: Organization | None) -> Organization | None:
    """The issuer for a short form of its name (`Skua` for `Skua Bio, Inc.`), else `org`."""
    if org and ctx.issuer and org.name != ctx.issuer.name and same_org(org, ctx.issuer):
        return ctx.issuer
    return org


def same_org(a: Organization, b: Organization) -> bool:
    names = {n.lower() for n in (b.name, *b.aliases)}
    return a.name.lower() in names or any(a.name.lower().startswith(n) for n in names)


def name_lists(ctx: Context, sentence: Sentence) -> None:
    """`Principal Investigators, Dr. A B, Dr. C D and Dr. E F from the X Center`."""
    for match in NAME_LIST_ROLE.finditer(sentence.text):
        names = re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group("names"))
        for name in names:
            add_person(ctx, sentence, resolve_name(ctx, name.strip()), match.group("role"),
                       match.group("org"))


# an SEC filing's signature: `By: /s/ Jane Roe`, then `Name: Jane Roe` and `Title: CFO`, or
# the name and the title alone on the lines below
SIGNED = re.compile(rf"/s/\s*(?P<name>{NAME})")
TITLE_LABEL = re.compile(r"^(?:Title|Its)\s*:\s*(?P<title>.{3,80})$")


def signatures(ctx: Context) -> None:
    """The officer who signed the filing, with the title under the signature; the
    registrant is the issuer."""
    sentences = ctx.structure.sentences
    for index, sentence in enumerate(sentences):
        signed = SIGNED.search(sentence.text)
        if not signed:
            continue
        for below in sentences[index + 1:index + 4]:
            text = re.sub(r"^Name\s*:\s*", "", below.text.strip())
            if text == signed.group("name"):
                continue  # the name typed under the signature
            labelled = TITLE_LABEL.match(text)
            if labelled or (ROLE_WORDS.search(text) and len(text.split()) <= 10
                            and not re.search(r"\d|@", text)):
                role = labelled.group("title") if labelled else text
                ctx.extraction.add(RoleAssignment(signed.group("name"), role.strip(" ,"),
                                                  ctx.issuer),
                                   ctx.evidence(sentence, "kg.people.v1"))
                break


BYLINE = re.compile(rf"^By\s+(?P<name>{NAME})\s*(?:(?:,|\s/|\s[|–—-])\s*"
                    rf"(?P<rest>[A-Z][\w&.,\- ]{{1,80}}))?$")
# `By Jane Roe, Senior Biotech Reporter`: the author's title, not the outlet
REPORTER = re.compile(r"\b(?:reporter|writer|editor|correspondent|columnist|journalist|"
                      r"contributor|analyst)\b", re.IGNORECASE)


def byline(ctx: Context) -> None:
    """`By Jane Roe`, `By Jane Roe, Senior Correspondent, Pharma Ledger`, `By Jane Roe /
    Pharma Ledger`: the author, with the title and the outlet the byline gives."""
    for sentence in ctx.structure.sentences[:6]:
        match = BYLINE.match(sentence.text)
        if match:
            parts = [p.strip() for p in (match.group("rest") or "").split(",") if p.strip()]
            titles = [p for p in parts if REPORTER.search(p)]
            outlets = [p for p in parts if not REPORTER.search(p)]
            role = titles[0] if titles else "author"
            org = Organization(outlets[0], is_company=False) if outlets else None
            ctx.extraction.add(RoleAssignment(match.group("name"), role, org),
                               ctx.evidence(sentence, "kg.people.v1"))
            return

"""Contact blocks: the media and investor contacts a release ends with, in the layouts wires
and companies use: a name alone on a line with its title and organisation on the lines
around it, a labelled line (`Media: Jane Roe, Fjord Media, jane@…`), an agency heading over
its people (`Fjord Securities (Nominated Adviser)` then `Jane Roe / John Doe`), and lines
glued together where a page's markup was lost."""

from __future__ import annotations

import re

from kg.extract.companies import organization_names
from kg.extract.context import Context
from kg.extract.people import (
    CONTACT_DETAILS,
    CREDENTIALS,
    INSTITUTION_WORDS,
    NAME,
    PHONE,
    is_issuer_name,
    issuer_if_same,
    organization_of,
    resolve_name,
)
from kg.facts import Organization, RoleAssignment
from kg.sections import CONTACT_RE

CONTACT_LABEL = re.compile(
    rf"^(?:(?:Media|Investor|Press)\s+)?Contacts?(?:\s*(?:Details|Information|Info))?\s*:?\s*"
    rf"(?P<name>{NAME}){CREDENTIALS}\s*$")
GLUED_CONTACT = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS}(?:\s*\([A-Z]{{2,6}}\))?"
    rf"(?P<role>(?:Chief|CEO|CFO|COO|President|Director|Head|"
    rf"Managing|Manager|Senior|Vice|VP|SVP|Investor|Media|Partner|International|"
    rf"Communications)[^\n@]{{0,60}}?)(?=Tel\b|Tel\.|E-?mail|Email|Phone|Mobile|Office|"
    rf"[PET]:|\+?\d|$)")


CONTACT_NAME = re.compile(rf"^(?P<name>{NAME}){CREDENTIALS}\s*$")


INSTITUTION_NAME = re.compile(
    rf"(?:[Tt]he\s+)?(?:[A-Z][\w&\-]{0,30}\s+){{0,4}}(?:{INSTITUTION_WORDS})(?:\s+(?:of|for)\s+"
    rf"(?:[A-Z][\w&\-]{0,30}\s*){{1,4}})?")


def institution_names(text: str) -> list[tuple[int, int, str]]:
    """Universities, hospitals, institutes: organisations without a legal suffix."""
    return [(m.start(), m.end(), m.group(0).strip()) for m in INSTITUTION_NAME.finditer(text)]


def glued_contacts(ctx: Context) -> None:
    """Contact lines whose line breaks were lost in conversion: `Jane RoeDirector IRTel.: …`,
    with the organisation named on the same line."""
    for sentence in ctx.structure.sentences:
        for match in GLUED_CONTACT.finditer(sentence.text):
            if match.group("name").split()[-1] == match.group("role").split()[0]:
                continue
            role = match.group("role").strip(" ,")
            names = sorted(organization_names(sentence.text) + institution_names(sentence.text))
            before = [n for n in names if n[1] <= match.start()]
            after = []
            if "," in role and organization_names(role.split(",", 1)[1]):
                role, rest = role.split(",", 1)
                after = organization_names(rest)
            chosen = after[:1] or before[-1:]
            org = organization_of(ctx, chosen[0][2]) if chosen else ctx.issuer
            name = resolve_name(ctx, match.group("name"))
            ctx.extraction.add(RoleAssignment(name, role.strip(), org),
                               ctx.evidence(sentence, "kg.people.v1"))


# Agencies in contact blocks are named without a legal suffix: `Anand Communications`
# (`is_agency`: a DEPARTMENT has the same shape)
AGENCY = re.compile(r"^(?:[A-Z][\w&.'’\-]*\s+){1,4}(?:Communications|Partners|Group|Advisors|"
                    r"Advisers|Associates|Consulting|Consultants|Relations|Strategies|Agency|"
                    r"Collective|Worldwide|Global|Media|PR|IR|Markets|Capital|Advisory)$")
# A contact's job title on a line of its own: `Vice President, Investor Relations`
TITLE_LINE = re.compile(r"\b(?:officer|president|director|chief|vice|manager|executive|head|"
                        r"ceo|cfo|coo|cmo|cso|cbo|vp|svp|evp|chair(?:man|woman|person)?|"
                        r"founder|counsel|secretary|treasurer|associate|specialist|"
                        r"coordinator|representative)\b", re.IGNORECASE)
# `Investor Relations` alone: the company's department, neither a person nor an agency
DEPARTMENT = re.compile(r"^(?:Investor|Media|Public|Corporate|External|Internal|Shareholder|"
                        r"Government|Scientific|Medical)\s+(?:Relations|Communications|Affairs)"
                        r"(?:\s+(?:and|&)\s+[A-Z]\w+(?:\s+\w+)?)?$")


def is_agency(text: str) -> bool:
    return bool(AGENCY.match(text)) and not DEPARTMENT.match(text)


# `Jane Roe, Chief Executive Officer`, `Jane Roe, SVP, Investor Relations, +1 555 0100`,
# `Jane Roe, Fjord Media`: a contact's name and title or agency on one line
CONTACT_NAME_ROLE = re.compile(rf"^(?P<name>{NAME}){CREDENTIALS},\s*(?P<role>[^@\d]{{3,100}}?)"
                               rf"(?:,?\s*(?:{PHONE}|[\w.+-]+@\S+|Tel\b.*|"
                               r"Phone\b.*|E-?mail\b.*))*$")
# `Investors: Jane Roe, jane@example.com, +1 555 0100`: a label, a name, then details
LABELLED_CONTACT = re.compile(
    rf"^(?:Investors?|Media|Press|Investor\s+Relations|Media\s+Relations|IR|PR|"
    rf"(?i:contacts?(?:\s*(?:details|information|info))?))"
    rf"(?:\s+(?:Contacts?|Inquiries|Enquiries|Relations))?\s*:\s*(?P<name>{NAME}){CREDENTIALS}"
    rf"\s*(?:,\s*(?P<details>.*))?$")


def title_and_org(line: str) -> tuple[str, Organization | None]:
    """`Managing Director, Birchline Advisors`: the title and the firm after its last comma;
    `Vice President, Investor Relations` is a title alone."""
    title, _, last = line.rpartition(",")
    org = contact_org(last) if title and is_title(title) else None
    return (title.strip(), org) if org else (line, None)


def contact_org(text: str) -> Organization | None:
    """The organisation a contact line names: a company, or an agency (`X Communications`)."""
    names = organization_names(text)
    if names:
        return Organization(names[0][2], is_company=True)
    for part in re.split(r"\s*[,|]\s*", text.strip()):
        if is_agency(part):
            return Organization(part, is_company=True)
    return None


# `Investor Relations:`, `Media Contact`, `Media & Investor Relations:` alone on a line: what
# the contacts under it are for
KIND_LABEL = re.compile(
    r"^(?:(?P<investors>Investors?|Investor\s+Relations|IR)|(?P<media>Media|Press|"
    r"Media\s+Relations|PR)|(?P<both>(?:Media|Press)\s*(?:&|and|/)\s*Investors?(?:\s+Relations)?|"
    r"Investors?(?:\s+Relations)?\s*(?:&|and|/)\s*(?:Media|Press)(?:\s+Relations)?))"
    r"(?:\s+(?:Contacts?|Inquiries|Enquiries))?(?:\s*\([^()]{1,30}\))?\s*:?\s*$", re.IGNORECASE)


def contact_kind(line: str) -> str:
    """The role a contact label gives the contacts under it, in its words (`Investor
    Relations:` → `investor relations contact`, `Investors` → `investor contact`), else ''."""
    label = KIND_LABEL.match(line.strip())
    if not label:
        return ""
    words = re.sub(r"\s*\([^()]*\)|\s+(?:Contacts?|Inquiries|Enquiries)\s*:?\s*$|\s*:\s*$", "",
                   line.strip(), flags=re.IGNORECASE)
    words = " ".join(words.lower().split())
    for short, long in (("investors", "investor"), ("ir", "investor relations"), ("pr", "media")):
        words = re.sub(rf"\b{short}\b", long, words)
    return f"{words.replace('&', 'and').replace('/', 'and')} contact"


def contacts(ctx: Context) -> None:
    """A name alone on a line in the contacts block, with the organisation on a nearby line;
    a labelled line with the name and its details; the people under an organisation's
    heading line (`Fjord Securities (Nominated Adviser)` then `Jane Roe / John Doe`)."""
    for sentence in ctx.structure.sentences:
        labelled = CONTACT_LABEL.match(sentence.text)
        if labelled and not (sentence.section == "contacts"  # read below, with its label
                             and LABELLED_CONTACT.match(sentence.text)):
            ctx.extraction.add(RoleAssignment(resolve_name(ctx, labelled.group("name")),
                                              "contact", None),
                               ctx.evidence(sentence, "kg.people.v1"))
    lines = ctx.structure.in_section("contacts")
    heading: tuple[Organization, str] | None = None  # over the lines up to a blank one
    kind = ""  # what a label over the lines up to a blank one says they are for
    taken: set[int] = set()  # lines read as a contact's organisation
    for index, sentence in enumerate(lines):
        if index and blank_line_between(ctx.text, lines[index - 1], sentence):
            heading, kind = None, ""
        if index in taken:
            continue
        labelled_kind = contact_kind(sentence.text)
        if labelled_kind:
            kind = labelled_kind
            continue
        over = heading or (None, kind)
        inline = LABELLED_CONTACT.match(sentence.text)
        if inline and not is_agency(inline.group("name")):
            details = inline.group("details") or ""
            title = CONTACT_DETAILS.split(details)[0].strip(" ,")  # up to the phone or e-mail
            org = contact_org(details) or named_org(title)
            role = title if title and is_title(title) else over[1] or label_kind(inline) \
                or "contact"
            ctx.extraction.add(RoleAssignment(resolve_name(ctx, inline.group("name")), role,
                                              issuer_if_same(ctx, org) or over[0] or ctx.issuer),
                               ctx.evidence(sentence, "kg.people.v1"))
            continue
        names = [] if is_issuer_name(ctx, sentence.text.strip()) else listed_names(sentence.text)
        if not names:  # `Skua Radiopharma` over its people is the issuer, not a person
            heading = organization_heading(sentence.text) or heading
            continue
        role = names[0][1] if len({role for _, role in names}) == 1 else ""
        org = contact_org(role) if role and not is_title(role) else None
        role = role if org is None else ""
        for at in range(index + 1, min(index + 4, len(lines))) if org is None else ():
            following = lines[at]
            if CONTACT_RE.match(following.text) or (
                    over[0] and blank_line_between(ctx.text, lines[at - 1], following)):
                break  # the next group of contacts
            if contact_name(following.text)[0]:  # the next contact, or an agency's name
                org = spelled_by_address(following.text, lines[at + 1:at + 3])
                taken.update([at] if org else [])
                break
            if not role and is_title(following.text):
                role, org = title_and_org(following.text.strip())
                if org:
                    break
                continue
            org = contact_org(following.text)
            if org:
                break
        if not (role or org or over[0] or over[1] or any(
                DETAILS.search(line.text) for line in lines[index:index + 4])):
            continue  # a name-shaped line with nothing of a contact about it
        for each, _ in names:
            ctx.extraction.add(RoleAssignment(resolve_name(ctx, each),
                                              role or over[1] or "contact",
                                              issuer_if_same(ctx, org or over[0]) or ctx.issuer),
                               ctx.evidence(sentence, "kg.people.v1"))


def label_kind(inline: re.Match) -> str:
    """`Investors: Jane Roe, …`: the role its label gives."""
    return contact_kind(inline.group(0)[:inline.start("name")].strip())


def blank_line_between(text: str, before, after) -> bool:
    return bool(re.search(r"\n[ \t]*\n", text[before.end:after.start]))


def listed_names(line: str) -> list[tuple[str, str]]:
    """The people a contacts line names: one (with a title or agency after a comma), or
    several with nothing else (`Jane Roe / John Doe`, `Jane Roe and John Doe`)."""
    shared = WITH_ROLE.match(line.strip())  # `Jane Roe / John Doe (Corporate Finance)`
    parts = re.split(r"\s+(?:/|and|&)\s+|\s*;\s*", shared.group("who") if shared
                     else line.strip())
    if len(parts) > 1:
        found = [contact_name(part) for part in parts]
        if all(name and not role for name, role in found):
            return [(name, shared.group("role") if shared else "") for name, _ in found]
    name, role = contact_name(line)
    return [(name, role)] if name else []


def named_org(text: str) -> Organization | None:
    """`Real Chemistry` among a labelled contact's details: a capitalised name that is no
    title is the agency the contact works for."""
    for part in re.split(r"\s*,\s*", text):
        if ORG_PHRASE.fullmatch(part) and not is_title(part) and not CONTACT_RE.match(part):
            return Organization(part, is_company=True)
    return None


ORG_PHRASE = re.compile(r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|&|of|and|de|la)){0,5}")
TRAILING_PHONE = re.compile(rf"\s+(?:Tel\.?:?\s*)?{PHONE}\s*$")
# `Fjord Securities (Nominated Adviser and Joint Broker)`: an organisation over its people;
# `Jane Roe / John Doe (Corporate Finance)`: people sharing a role
WITH_ROLE = re.compile(r"^(?P<who>[^()]{3,80}?)\s*\((?P<role>[^()\d@]{3,60})\)\s*$")


def organization_heading(line: str) -> tuple[Organization, str] | None:
    """(organisation, role) of a line that names an organisation alone, with the role its
    people have in parentheses."""
    line = TRAILING_PHONE.sub("", line)  # `Fjord Securities (Broker)   +44 (0)20 7946 0520`
    match = WITH_ROLE.match(line.strip())
    text, role = (match.group("who"), match.group("role")) if match else (line.strip(), "")
    if re.search(r"@|\d{3}|:", text) or is_title(text) or CONTACT_RE.match(text):
        return None
    names = organization_names(text)
    if names and names[0][0] <= 1 and len(text) - names[0][1] <= 6:  # a suffix may follow
        return Organization(text, is_company=True), role
    if is_agency(text) or (match and ORG_PHRASE.fullmatch(text)):
        return Organization(text, is_company=True), role
    return None


def spelled_by_address(line: str, after) -> Organization | None:
    """`Cannings Purple` over `kate@canningspurple.example`: a name-shaped line that the
    e-mail domain below it spells is the contact's agency, not a second person."""
    key = re.sub(r"[^a-z]", "", line.lower())
    for sentence in after:
        for domain in re.findall(r"@([\w.-]+)", sentence.text):
            if len(key) >= 5 and key in re.sub(r"[^a-z]", "", domain.lower()):
                return Organization(line.strip(), is_company=True)
    return None


DETAILS = re.compile(rf"@|{PHONE}\d")  # an e-mail address, a telephone number


def contact_name(line: str) -> tuple[str, str]:
    """(name, title or agency) of a contacts-block line naming a person, alone or with the
    title or agency after a comma; ("", "") for any other line (a title, an organisation,
    details)."""
    match = CONTACT_NAME.match(line) or CONTACT_NAME_ROLE.match(line)
    name = match.group("name") if match else ""
    if not match or CONTACT_RE.match(line) or AGENCY.match(name) or DEPARTMENT.match(name) \
            or TITLE_LINE.search(name) or organization_names(name):
        return "", ""
    role = (match.groupdict().get("role") or "").strip(" ,")
    if role and not is_title(role) and contact_org(role) is None:
        return "", ""
    return match.group("name"), role


def is_title(line: str) -> bool:
    """A job title alone: title words, and no organisation, e-mail or phone number."""
    return bool(TITLE_LINE.search(line)) and not organization_names(line) \
        and not re.search(r"@|\d{3}", line)

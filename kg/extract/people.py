"""People and their roles: quote attributions ("said Jane Roe, Chief Executive Officer of
Acme"), appointments ("the appointment of Jane Roe as CFO"), contact blocks and bylines."""

from __future__ import annotations

import re

from kg.extract.companies import organization_names
from kg.extract.context import Context
from kg.facts import Organization, RoleAssignment
from kg.sections import Sentence

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zà-öø-ÿ"
NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)?"
NAME = (rf"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?{NAME_WORD}(?:\s+[{UPPER}]\.)?"
        rf"(?:\s+(?:van|de|von|der|da|di|le|la|del)(?:\s+der)?)?(?:\s+{NAME_WORD}){{1,2}}")
CREDENTIALS = r"(?:,?\s*(?:Ph\.?\s?D\.?|M\.?\s?D\.?|MBA|M\.?B\.?A\.?|Pharm\.?\s?D\.?|J\.?D\.?|" \
              r"R\.?N\.?|FRCP|MSc|M\.?S\.?|DVM|MPH|Jr\.?|Sr\.?|III|II))*"
SAY = r"(?:said|says|commented|comments|stated|states|added|adds|noted|notes|explained|" \
      r"remarked|concluded|continued)"
ROLE_WORDS = re.compile(
    r"\b(?:officer|ceo|cfo|coo|cmo|cso|cbo|cto|cco|president|founder|co-founder|director|"
    r"chair(?:man|woman|person)?|head|vice|vp|svp|evp|professor|investigator|manager|partner|"
    r"scientist|physician|executive|member|analyst|counsel|editor|author|contact|lead|leader|"
    r"principal|fellow|advisor|adviser|consultant|secretary|treasurer|oncologist|surgeon|"
    r"chief|relations|dean|chairman|owner|general)\b", re.IGNORECASE)
ATTRIBUTION_AFTER = re.compile(
    rf"{SAY}\s*,?\s+(?P<name>{NAME}){CREDENTIALS},\s+(?P<role>[^.“”\"]{{3,140}}?)"
    rf"\s*(?=[.”\"]|$|,\s+(?:in|at|during|adding|who)\b)")
ATTRIBUTION_BEFORE = re.compile(
    rf"(?P<name>{NAME}){CREDENTIALS},\s+(?P<role>[^.“”\"]{{3,140}}?),?\s+{SAY}\b")
ORG_ROLE_NAME = re.compile(rf"(?P<role>(?:[A-Z][\w&\-]*\s+){{0,4}}(?:CEO|CFO|COO|CMO|CSO|"
                           rf"Chief [A-Z]\w+ Officer|President|Chairman|Founder))\s+"
                           rf"(?P<name>{NAME}){CREDENTIALS}\s*,?\s+{SAY}\b")
APPOINTMENT = re.compile(
    rf"(?:appointment\s+of|appointed|appoints|names|named|welcomes|hired|hires|promoted|"
    rf"promotion\s+of)\s+(?P<name>{NAME}){CREDENTIALS},?\s+(?:as|to(?:\s+the\s+role\s+of)?)\s+"
    rf"(?:its\s+(?:new\s+)?|the\s+(?:company['’]s\s+)?|our\s+)?(?P<role>[^.,;]{{3,80}}?)"
    rf"(?=[.,;]|\s+(?:effective|and|to|where|with|in|who)\b)")
ROLE_SPLIT = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])")


def people(ctx: Context) -> None:
    for sentence in ctx.structure.sentences:
        if sentence.section in ("forward-looking", "contacts"):
            continue
        for pattern in (ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE, ORG_ROLE_NAME, APPOINTMENT):
            for match in pattern.finditer(sentence.text):
                add_person(ctx, sentence, match.group("name"), match.group("role"))
    contacts(ctx)
    byline(ctx)


def split_role(ctx: Context, role: str) -> tuple[str, Organization | None]:
    """`Chief Executive Officer of Acme Bio` → (role, Acme Bio); else the issuer."""
    role = " ".join(role.split()).strip(" ,")
    parts = ROLE_SPLIT.split(role, maxsplit=1)
    if len(parts) == 2 and ROLE_WORDS.search(parts[0]):
        return parts[0].strip(" ,"), Organization(clean_org(parts[1]))
    names = organization_names(role)
    if names and names[0][0] == 0:
        rest = re.sub(r"^(?:[’']s)?[\s,]*", "", role[names[0][1]:])
        if ROLE_WORDS.search(rest):
            return rest, Organization(names[0][2])
    if ctx.issuer:
        for alias in sorted({ctx.issuer.name, *ctx.issuer.aliases}, key=len, reverse=True):
            if role.startswith(alias + " ") and ROLE_WORDS.search(role[len(alias):]):
                return re.sub(r"^(?:[’']s)?[\s,]*", "", role[len(alias):]), ctx.issuer
    return role, ctx.issuer


def clean_org(text: str) -> str:
    return re.split(r"\s+(?:and|who|which|where|in|since|from)\s+[a-z]", text)[0].strip(" ,")


def add_person(ctx: Context, sentence: Sentence, name: str, role_text: str) -> None:
    name = re.sub(r"^(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+", "", name.strip())
    role, org = split_role(ctx, role_text)
    if not ROLE_WORDS.search(role) or len(role.split()) > 12 or organization_names(name):
        return
    if org and ctx.issuer and org.name != ctx.issuer.name and same_org(org, ctx.issuer):
        org = ctx.issuer
    ctx.extraction.add(RoleAssignment(name, role, org), ctx.evidence(sentence, "kg.people.v1"))


def same_org(a: Organization, b: Organization) -> bool:
    names = {n.lower() for n in (b.name, *b.aliases)}
    return a.name.lower() in names or any(a.name.lower().startswith(n) for n in names)


CONTACT_NAME = re.compile(rf"^(?P<name>{NAME}){CREDENTIALS}\s*$")


def contacts(ctx: Context) -> None:
    """A name alone on a line in the contacts block, with the organisation on a nearby line."""
    lines = ctx.structure.in_section("contacts")
    for index, sentence in enumerate(lines):
        match = CONTACT_NAME.match(sentence.text)
        if not match or organization_names(sentence.text):
            continue
        org = None
        for following in lines[index + 1:index + 3]:
            names = organization_names(following.text)
            if names:
                org = Organization(names[0][2], is_company=True)
                break
        ctx.extraction.add(RoleAssignment(match.group("name"), "contact", org or ctx.issuer),
                           ctx.evidence(sentence, "kg.people.v1"))


BYLINE = re.compile(rf"^By\s+(?P<name>{NAME})\s*$")


def byline(ctx: Context) -> None:
    for sentence in ctx.structure.sentences[:6]:
        match = BYLINE.match(sentence.text)
        if match:
            ctx.extraction.add(RoleAssignment(match.group("name"), "author", None),
                               ctx.evidence(sentence, "kg.people.v1"))
            return

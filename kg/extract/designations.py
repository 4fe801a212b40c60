"""Regulatory designations a drug holds: the designation, the agency (named, or the one that
runs the programme), the indication, and whether it was granted or given a positive opinion.
Designations only planned, applied for or explained in general are not facts; a marketing
application accepted with priority review or accelerated assessment holds that status."""

from __future__ import annotations

import re
from functools import cache

from kg import vocab
from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.indications import indications_in, padded_words
from kg.facts import Designation
from kg.sections import Sentence

NOT_HELD = re.compile(
    r"\b(?:plans?|planning|intends?|intend(?:s|ed)?|expects?|hopes?|aims?|seeks?|seeking|will|"
    r"would|could|may|might)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:apply|submit|file|seek|request|"
    r"pursue|obtain|receive|qualify|be\s+eligible)|\bapplied\s+for\b|"
    r"\bapplications?\s+for\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:designation|status)\b|"
    r"\bsubmitted\s+(?:an?\s+)?(?:request|application)\b|"
    r"\bif\s+granted\b|\bno\s+assurance\b",
    re.IGNORECASE)
HELD = re.compile(  # not inside a hyphenated name (`Kim Jae-won`)
    r"(?<!-)\b(?:grant(?:ed|s|ing)?|receiv(?:ed|es|ing)|award(?:ed|s)?|obtain(?:ed|s)?|"
    r"hold(?:s|ing)?|held|designated|ha(?:s|ve|d)\s+(?:\w+\s+){0,3}?(?:designation|status)|"
    r"existing|previously|secured|achieved|earned|adopted|positive\s+opinion|"
    r"recommend(?:ed|s|ation)|gets|got|won|wins|bestowed|conferred|"
    r"with\s+(?:\w+\s+){0,3}?(?:designation|status))\b",
    re.IGNORECASE)
POSITIVE_OPINION = re.compile(r"\bpositive\s+opinion\b|\brecommend", re.IGNORECASE)
GENERAL = re.compile(r"^\s*(?:The\s+)?(?:FDA(?:['’]s)?\s+)?[\w\s-]{0,40}?\b(?:designation|"
                     r"program|programme|status)\s+(?:is|was|provides|offers|allows|enables|"
                     r"grants|aims|helps|may)\b", re.IGNORECASE)


RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
REFERS_TO_DRUG = re.compile(r"^(?:It|Its|This|The\s+(?:drug|candidate|compound|product|therapy|"
                            r"program))\b")
LIST_GAP = re.compile(r"^\s*(?:,|and|or|, and|, or|as well as)(?:\s+(?:select|selected|other|"
                      r"certain))?\s*$")


def designations(ctx: Context) -> None:
    for sentence in ctx.fact_sentences():
        if not lexicon.designations().find(sentence.text) or not is_held(sentence.text):
            continue
        if not ctx.own_mentions(sentence) and not REFERS_TO_DRUG.match(sentence.text):
            if THE_APPLICATION.search(sentence.text):
                application_status(ctx, sentence)
            continue
        offset = 0
        for segment in re.split(r"(;)", sentence.text):
            if segment != ";":
                read_segment(ctx, sentence, segment, offset)
            offset += len(segment)
    drop_unspecified(ctx)


THE_APPLICATION = re.compile(r"\b(?:the|this)\s+(?:application|s?BLA|s?NDA|MAA|filing|"
                             r"submission)\b")
APPLICATION = re.compile(r"\b(?:[Aa]pplication|s?BLA|s?NDA|MAA)\b")


def application_status(ctx: Context, sentence: Sentence) -> None:
    """`The FDA granted the application Priority Review` after a sentence naming the
    application (`accepted the BLA for AB-1 for the treatment of X`): AB-1's status for X."""
    previous = ctx.sentence_before(sentence)
    named = previous and APPLICATION.search(previous.text)
    if not named or not ctx.own_mentions(previous):
        return
    drug = ctx.drug_near(previous, named.end())
    found = indications_in(previous.text, ctx.acronyms)
    indication = next((i for i in found if i.start > named.end()
                       and FOR_BEFORE.search(previous.text[:i.start])), None)
    agencies = lexicon.agencies().find(sentence.text)
    evidence = ctx.evidence(sentence, "kg.designations.v1")
    for match in lexicon.designations().find(sentence.text):
        if match.key in APPLICATION_STATUSES and drug:
            text = ctx.indication_text(indication.text) if indication else ""
            for agency in agency_for(ctx, sentence, match, agencies):
                ctx.extraction.add(Designation(drug, match.key, agency, text, "granted"),
                                   evidence)


def is_held(text: str) -> bool:
    return bool(HELD.search(text)) and not NOT_HELD.search(text) and not GENERAL.match(text)


def read_segment(ctx: Context, sentence: Sentence, segment: str, offset: int) -> None:
    """One `;`-separated part of a sentence: its designations share its agency and indication."""
    matches = lexicon.designations().find(segment)
    agencies = lexicon.agencies().find(segment)
    found = indications_in(segment, ctx.acronyms)
    status = "positive-opinion" if POSITIVE_OPINION.search(segment) else "granted"
    evidence = ctx.evidence(sentence, "kg.designations.v1")
    for match in matches:
        before = segment[max(0, match.start - 60):match.start]
        if PATHWAY_AFTER.match(segment[match.end:]) or (
                SOUGHT_BEFORE.search(before[-40:]) and not ADMITTED_BEFORE.search(before)):
            continue
        drug = ctx.drug_near(sentence, offset + match.start)
        if not drug:
            continue
        drugs = coordinated_drugs(ctx, sentence, drug, offset + match.start)
        listed = (indication_list(segment, found, match.end, NEW_CLAUSE)
                  or antecedent_list(segment, found, match.start)
                  or application_indication(segment, found, match))
        texts = [ctx.indication_text(i.text) for i in listed] or (
            same_indication(ctx, drug) if SAME_INDICATION.search(segment) else []) or [""]
        if len(drugs) == len(texts) > 1 and RESPECTIVELY.search(segment):
            pairs = list(zip(drugs, texts, strict=True))  # `to A and B for X and Y, respectively`
        else:
            pairs = [(each, text) for text in texts for each in drugs]
        pairs += further_recipients(ctx, sentence, segment, offset, drugs, found)
        for agency in agency_for(ctx, sentence, match, agencies, drug):
            for each, text in pairs:
                ctx.extraction.add(Designation(each, match.key, agency, text, status), evidence)


AND_TO_BEFORE = re.compile(r"(?:,\s*|\s)and\s+to\s+(?:its\s+)?$")


def further_recipients(ctx: Context, sentence: Sentence, segment: str, offset: int, drugs,
                       found) -> list[tuple]:
    """`granted Fast Track to A for X and to B for Y`: B with its own indication."""
    out = []
    for mention in ctx.own_mentions(sentence):
        local = mention.start - sentence.start - offset
        if mention.drug in drugs or not 0 <= local < len(segment) \
                or not AND_TO_BEFORE.search(segment[:local]):
            continue
        after = [i for i in found if i.start >= local + len(mention.text)
                 and FOR_AHEAD.fullmatch(segment, local + len(mention.text), i.start)]
        out.append((mention.drug, ctx.indication_text(after[0].text) if after else ""))
    return out


def coordinated_drugs(ctx: Context, sentence: Sentence, drug, position: int) -> list:
    """The drug with the drugs listed with it (`granted AB-1 and AB-2 each Fast Track`)."""
    mentions = ctx.own_mentions(sentence)
    at = [i for i, m in enumerate(mentions) if m.drug == drug]
    if not at:
        return [drug]
    local = position + sentence.start
    index = min(at, key=lambda i: abs(mentions[i].start - local))
    first = last = index
    while first > 0 and LIST_GAP.match(ctx.text[mentions[first - 1].end:mentions[first].start]):
        first -= 1
    while last + 1 < len(mentions) and LIST_GAP.match(
            ctx.text[mentions[last].end:mentions[last + 1].start]):
        last += 1
    return list(dict.fromkeys(m.drug for m in mentions[first:last + 1]))


SAME_INDICATION = re.compile(r"\b(?:for|in)\s+(?:the\s+)?same\s+(?:indication|disease|"
                             r"condition)\b", re.IGNORECASE)


def same_indication(ctx: Context, drug) -> list[str]:
    """`… received Orphan Drug Designation for the same indication`: the indication of the
    drug's designation named before."""
    earlier = [d.indication for d in ctx.extraction.of_type(Designation)
               if d.drug == drug and d.indication]
    return earlier[-1:]


# `targeting an accelerated approval pathway`: a route the company hopes for, not one it holds.
# `the EMA granted AB-52 eligibility for its PRIME scheme`: admitted, not hoping to be
ADMITTED_BEFORE = re.compile(r"\b(?:grant\w*|receiv\w*|obtain\w*|award\w*|confirm\w*)\s+"
                             r"(?:[\w-]+\s+){0,3}eligib", re.IGNORECASE)
PATHWAY_AFTER = re.compile(r"^\s*(?:regulatory\s+)?(?:pathway|path|route)\b", re.IGNORECASE)
# `eligible for Priority Review` is a hope, wherever the sentence's other designations stand;
# `granted PRIME eligibility`, the EMA's wording of admission to its scheme, is held.
SOUGHT_BEFORE = re.compile(r"\b(?:(?:targeting|pursu(?:e|es|ing)|toward(?:s)?|discuss(?:es|ing)?|"
                           r"potential|possible)\s+(?:an?\s+|the\s+)|eligib(?:le|ility)\s+(?:for|"
                           r"to)\s+(?:an?\s+|the\s+)?)(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


NEW_CLAUSE = re.compile(r"\b(?:and|but|while|which|who|where)\s+(?:\w+\s+)?(?:is|was|are|were|has|"
                        r"have|had|will|currently|being)\b|\b(?:trial|study|studies)\b",
                        re.IGNORECASE)


def indication_list(text: str, found, position: int, stop: re.Pattern | None = None):
    """The first indication after a position (not past a `stop` match), with the ones listed
    right after it."""
    after = [i for i in found if i.start >= position]
    if not after or (stop and stop.search(text[position:after[0].start])):
        return []
    chosen = [after[0]]
    for item in after[1:]:
        same_list = item.start < chosen[-1].end
        if not same_list and not LIST_GAP.match(text[chosen[-1].end:item.start]):
            break
        chosen.append(item)
    return chosen


RELATIVE = re.compile(r"\b(?:indications?|diseases?|conditions?|cancers?)?\s*[-–—,]?\s*"
                      r"(?:to|for|in)\s+(?:each\s+of\s+)?which\b|"
                      r",\s+where\s+(?:it|they|\w+)\s+(?:has\s+|have\s+|also\s+)?(?:received|"
                      r"was\s+granted|were\s+granted|holds?|obtained)\b")


# statuses a marketing application gets: `accepted the BLA for X for gMG and granted
# Priority Review` names the indication before the status
APPLICATION_STATUSES = {"priority-review", "accelerated-assessment", "accelerated-approval"}
FOR_INDICATION = (r"(?:for|in)\s+(?:the\s+treatment\s+of\s+)?(?:(?:adult|pediatric|paediatric|"
                  r"adolescent)\s+)?(?:(?:patients|adults|children|people)\s+with\s+)?")
FOR_BEFORE = re.compile(rf"\b{FOR_INDICATION}$", re.IGNORECASE)
FOR_AHEAD = re.compile(rf"\s*{FOR_INDICATION}", re.IGNORECASE)


def application_indication(text: str, found, match) -> list:
    """The indication an application names before the status it was granted."""
    if match.key not in APPLICATION_STATUSES:
        return []
    before = [i for i in found if i.end <= match.start and FOR_BEFORE.search(text[:i.start])]
    return before[-1:]


def antecedent_list(text: str, found, position: int):
    """`HCC, SCLC and gliomas – indications to which X has been granted ODD`, `in prurigo
    nodularis, where it received Fast Track designation`: the list the relative clause
    holding the designation refers back to."""
    relative = [m for m in RELATIVE.finditer(text, 0, position)]
    if not relative:
        return []
    before = [i for i in found if i.end <= relative[-1].start() + 1]
    if not before or text[before[-1].end:relative[-1].start()].strip(" ,–—-"):
        return []
    chosen = [before[-1]]
    for item in reversed(before[:-1]):
        if item.end > chosen[0].start or not LIST_GAP.match(text[item.end:chosen[0].start]):
            break
        chosen.insert(0, item)
    return chosen


def drop_unspecified(ctx: Context) -> None:
    """One designation said several ways is one fact: without indication, with an indication
    contained in a fuller one, or only in the headline when the body states it."""
    facts = ctx.extraction.of_type(Designation)
    for fact in facts:
        same = [f for f in facts if f is not fact and f in ctx.extraction.facts
                and (f.drug.name, f.designation, f.agency)
                == (fact.drug.name, fact.designation, fact.agency)]
        mine = padded_words(fact.indication)
        fuller = [padded_words(f.indication) for f in same]
        if any(not fact.indication and f.indication for f in same) \
                or any(mine in other and mine != other for other in fuller) \
                or (in_headline(ctx, fact) and any(not in_headline(ctx, f) and overlaps(fact, f)
                                                   for f in same)):
            ctx.extraction.remove(fact)


GENERIC_WORDS = {"cancer", "cancers", "disease", "diseases", "tumor", "tumors", "tumour", "tumours",
                 "carcinoma", "syndrome", "disorder", "of", "the", "and", "or", "with", "in"}


def overlaps(a: Designation, b: Designation) -> bool:
    """Do two wordings of an indication share a specific word (`pancreatic`)?"""
    shared = set(padded_words(a.indication).split()) & set(padded_words(b.indication).split())
    return bool(shared - GENERIC_WORDS)


def in_headline(ctx: Context, fact: Designation) -> bool:
    return all(e.start < ctx.structure.body_start for e in fact.evidence)


def agency_adjective(text: str, position: int) -> str:
    """`European orphan status`, `U.S. Fast Track`: a country adjective right before it."""
    for row in vocab.table("agencies"):
        for adjective in vocab.split(row.get("adjectives", "")):
            window = text[max(0, position - 20):position]
            if re.search(rf"(?<![\w.]){re.escape(adjective)}\s+$", window):
                return row["key"]
    return ""


def agency_for(ctx: Context, sentence: Sentence, match, agencies, drug=None) -> list[str]:
    """The agency named nearest before the designation, else after, else the one that gave
    the drug this designation earlier in the text, else the programme's; with the agencies
    coordinated with it (`by the EMA and the FDA`: both granted it)."""
    adjective = agency_adjective(sentence.text, match.start)
    if adjective:
        return [adjective]
    before = [a for a in agencies if a.end <= match.start]
    last = last_listed(sentence.text, match)
    after_list = [a for a in agencies if a.start >= last.end]
    if after_list and FROM_AGENCY.match(sentence.text[last.end:after_list[0].start]):
        return coordinated(sentence.text, after_list, 0)  # `… designation from the EC`
    after = [a for a in agencies if a.start >= match.end]
    adjacent = region_agencies(sentence.text, match.end, adjacent=True)
    if adjacent and (not before or CLAUSE_GAP.search(sentence.text, before[-1].end,
                                                      match.start)):
        return adjacent  # `Following MFDS approval, the orphan designation in Japan …`
    if before:
        return coordinated(sentence.text, before, len(before) - 1)
    if after:
        return coordinated(sentence.text, after, 0)
    in_regions = region_agencies(sentence.text, match.end)
    if in_regions:
        return in_regions  # `holds Orphan Drug Designation … in both the U.S. and the EU`
    stated = {f.agency for f in ctx.extraction.of_type(Designation)
              if drug is not None and f.drug.name == drug.name and f.designation == match.key}
    if len(stated) == 1:  # `Receiving Breakthrough Therapy Designation …` after it was told
        return list(stated)
    default = vocab.by_key("designations")[match.key].get("default_agency", "")
    if default:
        return [default]
    earlier = [a for s in ctx.structure.sentences if s.start < sentence.start
               for a in lexicon.agencies().find(s.text)]
    return [earlier[-1].key] if earlier else []


def last_listed(text: str, match):
    """The last designation of the list `match` starts or stands in (itself when none)."""
    last = match
    for other in lexicon.designations().find(text):
        if other.start >= last.end and LISTED_NEXT.match(text[last.end:other.start]):
            last = other
    return last


def region_agencies(text: str, end: int, *, adjacent: bool = False) -> list[str]:
    """The agencies of the regions a designation is said to hold in (`in the U.S. and the EU`,
    `in Japan`), named after it in the sentence; `adjacent`: right after it."""
    found = region_pattern().match(text, LEAD_WORD.match(text, end).end()) if adjacent \
        else region_pattern().search(text, end)
    if not found:
        return []
    agencies = region_agency()
    return list(dict.fromkeys(agencies[name.lower()] for name in re.findall(
        region_names(), found.group(0), re.IGNORECASE)))


@cache
def region_agency() -> dict[str, str]:
    return {name.lower(): row["key"] for row in vocab.table("agencies")
            for name in vocab.split(row.get("regions", ""))}


@cache
def region_names() -> str:
    names = sorted(region_agency(), key=len, reverse=True)
    return r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"


@cache
def region_pattern() -> re.Pattern:
    one = rf"(?:the\s+)?{region_names()}"
    return re.compile(rf"\bin\s+(?:both\s+)?{one}(?:\s*(?:,|,?\s*and|as\s+well\s+as)\s+"
                      rf"(?:in\s+)?{one})*", re.IGNORECASE)


CLAUSE_GAP = re.compile(r"[,;]")
LEAD_WORD = re.compile(r"\s*(?:designation|status)?\s*")  # `orphan drug [designation] in Japan`
# `orphan designation from the European Commission`: the agency named right after it
FROM_AGENCY = re.compile(r"^\s*\)?\s*(?:\([^()]{1,20}\)\s*)?(?:(?:designations?|status)\s+)?"
                         r"(?:from|by)\s+(?:the\s+)?(?:U\.S\.\s+|[A-Z][a-z]+['’]s\s+)?$",
                         re.IGNORECASE)
# `Orphan Drug Designation, Rare Pediatric Disease Designation and RMAT designation from the
# FDA`: between one designation of a list and the next
LISTED_NEXT = re.compile(r"^\s*(?:designations?|status)?\s*(?:,\s*(?:and\s+)?|and\s+|"
                         r"as\s+well\s+as\s+|\()\s*$", re.IGNORECASE)
# `the EMA and the FDA`, `the European Medicines Agency (EMA) and the FDA`
AGENCY_AND = re.compile(r"^\s*(?:\(|\)?\s*(?:,|and|or|, and|as well as)\s+(?:the\s+)?"
                        r"(?:U\.S\.\s+)?)$")


def coordinated(text: str, agencies: list, index: int) -> list[str]:
    """The agency at `index` and those joined to it by `and`/commas on either side."""
    first = last = index
    while first > 0 and AGENCY_AND.match(text[agencies[first - 1].end:agencies[first].start]):
        first -= 1
    while last + 1 < len(agencies) and AGENCY_AND.match(
            text[agencies[last].end:agencies[last + 1].start]):
        last += 1
    return list(dict.fromkeys(a.key for a in agencies[first:last + 1]))



"""Regulatory designations a drug holds: the designation, the agency (named, or the one that
runs the programme), the indication, and whether it was granted or given a positive opinion.
Designations only planned, applied for or explained in general are not facts."""

from __future__ import annotations

import re

from kg import vocab
from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.indications import indications_in
from kg.facts import Designation
from kg.sections import Sentence

NOT_HELD = re.compile(
    r"\b(?:plans?|planning|intends?|intend(?:s|ed)?|expects?|hopes?|aims?|seeks?|seeking|will|"
    r"would|could|may|might)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:apply|submit|file|seek|request|"
    r"pursue|obtain|receive|qualify|be\s+eligible)|\bapplications?\s+for\b|\bapplied\s+for\b|"
    r"\beligib(?:le|ility)\b|\bsubmitted\s+(?:an?\s+)?(?:request|application)\b|"
    r"\bif\s+granted\b|\bno\s+assurance\b",
    re.IGNORECASE)
HELD = re.compile(
    r"\b(?:grant(?:ed|s|ing)?|receiv(?:ed|es|ing)|award(?:ed|s)?|obtain(?:ed|s)?|hold(?:s|ing)?|"
    r"held|designated|ha(?:s|ve|d)\s+(?:\w+\s+){0,3}?(?:designation|status)|existing|previously|"
    r"secured|achieved|earned|adopted|positive\s+opinion|recommend(?:ed|s|ation)|"
    r"gets|got|bestowed|conferred|with\s+(?:\w+\s+){0,3}?(?:designation|status))\b",
    re.IGNORECASE)
POSITIVE_OPINION = re.compile(r"\bpositive\s+opinion\b|\brecommend", re.IGNORECASE)
GENERAL = re.compile(r"^\s*(?:The\s+)?(?:FDA(?:['’]s)?\s+)?[\w\s-]{0,40}?\b(?:designation|"
                     r"program|programme|status)\s+(?:is|was|provides|offers|allows|enables|"
                     r"grants|aims|helps|may)\b", re.IGNORECASE)


def designations(ctx: Context) -> None:
    for sentence in ctx.fact_sentences():
        matches = lexicon.designations().find(sentence.text)
        if not matches or not is_held(sentence.text):
            continue
        agencies = lexicon.agencies().find(sentence.text)
        for index, match in enumerate(matches):
            segment_end = matches[index + 1].start if index + 1 < len(matches) else None
            read_designation(ctx, sentence, match, agencies, segment_end)


def is_held(text: str) -> bool:
    return bool(HELD.search(text)) and not NOT_HELD.search(text) and not GENERAL.match(text)


def read_designation(ctx: Context, sentence: Sentence, match, agencies, segment_end) -> None:
    agency = agency_for(ctx, sentence, match, agencies)
    drug = ctx.drug_near(sentence, match.start)
    if not agency or not drug:
        return
    status = "positive-opinion" if POSITIVE_OPINION.search(sentence.text) else "granted"
    found = indications_in(sentence.text)
    after = [i for i in found if i.start >= match.end and
             (segment_end is None or i.start < segment_end or not following(found, segment_end))]
    chosen = after or [i for i in found if i.end <= match.start][-1:]
    evidence = ctx.evidence(sentence, "kg.designations.v1")
    for indication in chosen or [None]:
        text = indication.text if indication else ""
        ctx.extraction.add(Designation(drug, match.key, agency, text, status), evidence)


def following(found, segment_end: int) -> bool:
    return any(i.start >= segment_end for i in found)


def agency_for(ctx: Context, sentence: Sentence, match, agencies) -> str:
    """The agency named nearest before the designation, else after, else the programme's."""
    before = [a for a in agencies if a.end <= match.start]
    after = [a for a in agencies if a.start >= match.end]
    if before:
        return before[-1].key
    if after:
        return after[0].key
    default = vocab.by_key("designations")[match.key].get("default_agency", "")
    if default:
        return default
    earlier = [a for s in ctx.structure.sentences if s.start < sentence.start
               for a in lexicon.agencies().find(s.text)]
    return earlier[-1].key if earlier else ""



"""Extraction: one Document → one Extraction (the disclosure and its facts).

Each fact family has its own module and a versioned extractor name recorded on its evidence
(`kg.designations.v1` …), so output of an old rule can be found and replaced after a change.
"""

from __future__ import annotations

import re

from kg.dates import DATE_PATTERN, parse_date
from kg.documents import Document
from kg.extract.acronyms import defined_acronyms
from kg.extract.changes import change_outcomes, listed_changes
from kg.extract.companies import find_issuer
from kg.extract.contacts import contacts, glued_contacts
from kg.extract.context import Context
from kg.extract.designations import designations
from kg.extract.drugs import developments, find_drugs
from kg.extract.measures import doses, outcomes
from kg.extract.people import people
from kg.extract.platforms import platforms_and_payloads
from kg.extract.ratios import drop_unnamed_ratios, hazard_ratios
from kg.extract.tables import table_doses, table_outcomes
from kg.extract.trials import trials
from kg.facts import Disclosure, Extraction
from kg.sections import Structure, structure


def extract(document: Document) -> Extraction:
    """Read every kind of fact the ontology holds from one document."""
    layout = structure(document)
    issuer, listings = find_issuer(layout)
    disclosure = Disclosure(
        source_file=document.source_file, content_hash=document.content_hash,
        headline=layout.headline, date=release_date(layout),
        dateline_city=layout.dateline.city if layout.dateline else "",
        wire=layout.dateline.wire if layout.dateline else "", issuer=issuer, listings=listings)
    ctx = Context(layout, Extraction(disclosure), issuer,
                  acronyms=defined_acronyms(document.text))
    find_drugs(ctx, {listing.ticker.upper() for listing in listings})
    for step in (developments, designations, trials, doses, table_doses, outcomes,
                 change_outcomes, listed_changes, hazard_ratios, table_outcomes,
                 drop_unnamed_ratios, platforms_and_payloads, people, contacts, glued_contacts):
        step(ctx)
    return ctx.extraction


def release_date(layout: Structure) -> str | None:
    """The dateline's date, else an "On <date>," opening the first body sentence."""
    if layout.dateline and layout.dateline.date:
        return layout.dateline.date
    body = layout.in_section("body")[:2]
    for sentence in body:
        match = re.match(rf"^On\s+(?P<date>{DATE_PATTERN})", sentence.text)
        if match:
            return parse_date(match.group("date"))
    return None

"""Hostile text for the injection tests: names and texts full of characters that mean
something in Turtle, N-Quads, JSON-LD and SPARQL (written for the tests)."""

from __future__ import annotations

from decimal import Decimal

from kg.facts import (
    Cohort,
    Designation,
    Disclosure,
    Dose,
    Drug,
    DrugDevelopment,
    Evidence,
    Extraction,
    Listing,
    Organization,
    Outcome,
    Payload,
    PayloadUse,
    PlatformUse,
    Quantity,
    RoleAssignment,
    Trial,
)

NASTY = 'x "} . ?s ?p ?o { <http://evil.test/> \\ \\u0022 # @en ^^xsd:string DROP ALL ;\n'
FILE_NAME = 'acme "q" <b> {c} #@ \\u0022 DROP ALL.txt'
def hostile_extraction() -> Extraction:
    """Every string the emitter writes, made of hostile text (facts made by hand, since the
    extractor would not take most of these as names)."""
    evidence = Evidence(3, 250, NASTY + " the sentence", "kg.test.v1")
    company = Organization(f"Acme {NASTY} Inc.", (f"Acme {NASTY}", '"{}"'))
    drug = Drug(f"AX-{NASTY}", (f"alias {NASTY}",), (f"AX-{NASTY}",), (f"ax{NASTY}mab",),
                (f"AXO{NASTY}™",))
    cohort = Cohort(drug, f"cohort {NASTY}")
    extraction = Extraction(Disclosure(
        source_file=FILE_NAME, content_hash="c0ffee" * 10 + "abcd", headline=NASTY,
        date="2024-03-03", dateline_city=NASTY, wire=NASTY, issuer=company,
        listings=(Listing("ACME", "nasdaq", f"Nasdaq {NASTY}"),)))  # tickers: [A-Z0-9.-]
    for fact in (
        DrugDevelopment(company, drug),
        PlatformUse(drug, f"Link{NASTY}"),
        PayloadUse(drug, Payload(f"toxin {NASTY}")),
        PayloadUse(drug, Payload("iodine-131", "I", "131")),
        Designation(drug, "orphan-drug", "fda", f"leukemia {NASTY}", "granted"),
        Trial((drug,), "1b/2", (f"glioma {NASTY}",), "ongoing", "NCT01234567",
              f"TRIAL {NASTY}"),
        cohort,
        Dose(cohort, Quantity(Decimal("4.5"), f"mg/kg {NASTY}")),
        Outcome(drug, cohort, f"response {NASTY}", Quantity(Decimal("-0.25"), f"% {NASTY}")),
        RoleAssignment(f"Jane {NASTY}", f"CEO {NASTY}", Organization(f"Uni {NASTY}",
                                                                       is_company=False)),
    ):
        extraction.add(fact, evidence)
    return extraction

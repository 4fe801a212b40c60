"""The SHACL shapes, pair by pair: a small valid graph conforms, and each broken variant (one
SPARQL Update away from it) is reported with the node and the property at fault."""

from __future__ import annotations

import pytest
import rdflib

from kg.validate import ValidationReport, Violation, load_shapes, validate_graph, validate_quads

ID = "https://w3id.org/biotech-kg/id/"
BKG = "https://w3id.org/biotech-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
QUDT = "http://qudt.org/schema/qudt/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

# One header for Turtle and SPARQL Update: relative IRIs are resolved against id:.
HEADER = """BASE <https://w3id.org/biotech-kg/id/>
PREFIX bkg: <https://w3id.org/biotech-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

HASH = "0123456789abcdef" * 4
DISC = "disclosure/" + HASH[:20]
HASH2 = "fedcba9876543210" * 4
DISC2 = "disclosure/" + HASH2[:20]
EV1 = f"{DISC}/evidence/0-60"
EV2 = f"{DISC}/evidence/61-140"
SEL1 = f"{EV1}/selector"
DEV = f"{DISC}/development/0000000000000001"
PLAT = f"{DISC}/platform-use/0000000000000002"
PAY = f"{DISC}/payload-use/0000000000000003"
DES = f"{DISC}/designation/0000000000000004"
TRIAL = f"{DISC}/trial/0000000000000005"
COH = f"{DISC}/cohort/0000000000000006"
DOSE = f"{DISC}/dose/0000000000000007"
OUT = f"{DISC}/outcome/0000000000000008"
ROLE = f"{DISC}/role/0000000000000009"
FACTS = (DEV, PLAT, PAY, DES, TRIAL, COH, DOSE, OUT, ROLE)

DISCLOSURE = f"""
<{DISC}> a bkg:Disclosure ;
    bkg:sourceFile "acme-2024-05-01.txt" ;
    bkg:contentHash "{HASH}" ;
    schema:headline "Acme Bio receives orphan drug designation for AB-123"@en ;
    schema:datePublished "2024-05-01"^^xsd:date ;
    bkg:datelineCity "Boston" ;
    bkg:wire "GlobeNewswire" ;
    bkg:issuer <company/acme-bio> ;
    bkg:primaryListing <listing/nasdaq/acmb> ;
    bkg:extractorVersion "0.1.0" .
"""

ENTITIES = """
<company/acme-bio> a bkg:Company, bkg:Organization ;
    skos:prefLabel "Acme Bio" ; skos:altLabel "Acme Bio, Inc." ;
    bkg:hasListing <listing/nasdaq/acmb> .
<listing/nasdaq/acmb> a bkg:Listing ;
    schema:tickerSymbol "ACMB" ; bkg:exchange "nasdaq" ; bkg:exchangeName "Nasdaq" .
<person/jane-doe> a bkg:Person ; skos:prefLabel "Jane Doe" .
<drug/ab123> a bkg:DrugCandidate ;
    skos:prefLabel "AB-123" ; skos:altLabel "acmetinib" ;
    bkg:codeName "AB-123" ; bkg:genericName "acmetinib" ; bkg:brandName "Acmexa" .
<platform/pdc> a bkg:TechnologyPlatform ; skos:prefLabel "PDC" .
<payload/iodine-131> a bkg:Radioisotope, bkg:Payload ;
    skos:prefLabel "iodine-131" ;
    skos:exactMatch <http://purl.obolibrary.org/obo/NCIT_C1639> ;
    bkg:element "iodine" ; bkg:massNumber 131 .
<indication/multiple-myeloma> a bkg:Indication ;
    skos:prefLabel "multiple myeloma" ;
    skos:exactMatch <http://purl.obolibrary.org/obo/MONDO_0009693> .
<agency/fda> a bkg:RegulatoryAgency ;
    skos:prefLabel "FDA" ; skos:exactMatch <http://www.wikidata.org/entity/Q204711> .
<designation-type/orphan-drug> a bkg:DesignationType ; skos:prefLabel "orphan drug" .
<phase/1b-2> a bkg:TrialPhase ;
    skos:prefLabel "1b/2" ; skos:exactMatch <http://purl.obolibrary.org/obo/NCIT_C15694> .
<endpoint/median-overall-survival> a bkg:Endpoint ;
    skos:prefLabel "median overall survival" ; skos:altLabel "mOS" .
"""

EVIDENCE = f"""
<{EV1}> a bkg:Evidence ; oa:hasSource <{DISC}> ; oa:hasSelector <{SEL1}> .
<{SEL1}> a oa:TextQuoteSelector, oa:TextPositionSelector ;
    oa:exact "The FDA granted orphan drug designation to AB-123 in myeloma."@en ;
    oa:start "0"^^xsd:nonNegativeInteger ; oa:end "60"^^xsd:nonNegativeInteger .
<{EV2}> a bkg:Evidence ; oa:hasSource <{DISC}> ; oa:hasSelector <{EV2}/selector> .
<{EV2}/selector> a oa:TextQuoteSelector, oa:TextPositionSelector ;
    oa:exact "Patients given 0.5 mCi/kg had a median overall survival of 11.2 months."@en ;
    oa:start "61"^^xsd:nonNegativeInteger ; oa:end "140"^^xsd:nonNegativeInteger .
"""


def fact(iri: str, cls: str, extractor: str, evidence: str, body: str) -> str:
    """A fact in Turtle with the parts every fact shares."""
    return (f"<{iri}> a bkg:Fact, bkg:{cls} ; bkg:statedIn <{DISC}> ;\n"
            f"    prov:wasDerivedFrom <{evidence}> ; bkg:extractor \"{extractor}\" ;\n"
            f"    {body} .\n")


FACT_TURTLE = "".join((
    fact(DEV, "DrugDevelopment", "kg.development.v1", EV1,
         "bkg:company <company/acme-bio> ; bkg:drug <drug/ab123>"),
    fact(PLAT, "PlatformUse", "kg.platforms.v1", EV1,
         "bkg:drug <drug/ab123> ; bkg:platform <platform/pdc>"),
    fact(PAY, "PayloadUse", "kg.payloads.v1", EV1,
         "bkg:drug <drug/ab123> ; bkg:payload <payload/iodine-131>"),
    fact(DES, "RegulatoryDesignation", "kg.designations.v1", EV1,
         "bkg:drug <drug/ab123> ; bkg:designationType <designation-type/orphan-drug> ;"
         " bkg:agency <agency/fda> ; bkg:indication <indication/multiple-myeloma> ;"
         ' bkg:designationStatus "granted"'),
    fact(TRIAL, "ClinicalTrial", "kg.trials.v1", EV2,
         "a schema:MedicalTrial ; bkg:drug <drug/ab123> ; bkg:phase <phase/1b-2> ;"
         ' bkg:indication <indication/multiple-myeloma> ; bkg:trialStatus "ongoing" ;'
         ' bkg:nctId "NCT01234567" ; schema:name "CLOVER-1"'),
    fact(COH, "Cohort", "kg.cohorts.v1", EV2,
         f'bkg:drug <drug/ab123> ; bkg:cohortLabel "0.5 mCi/kg" ; bkg:inTrial <{TRIAL}>'),
    fact(DOSE, "Dose", "kg.doses.v1", EV2,
         f"bkg:cohort <{COH}> ; bkg:drug <drug/ab123> ; qudt:numericValue 0.5 ;"
         ' bkg:unitText "mCi/kg" ; bkg:ucumCode "mCi/kg"'),
    fact(OUT, "OutcomeMeasurement", "kg.outcomes.v1", EV2,
         f"bkg:drug <drug/ab123> ; bkg:cohort <{COH}> ;"
         " bkg:endpoint <endpoint/median-overall-survival> ; qudt:numericValue 11.2 ;"
         ' bkg:unitText "months" ; bkg:ucumCode "mo" ;'
         " qudt:unit <http://qudt.org/vocab/unit/MO> ; bkg:isInterim true"),
    fact(ROLE, "RoleAssignment", "kg.roles.v1", EV1,
         'bkg:person <person/jane-doe> ; bkg:roleTitle "Chief Executive Officer" ;'
         " bkg:organization <company/acme-bio>"),
))

VALID = HEADER + DISCLOSURE + ENTITIES + EVIDENCE + FACT_TURTLE

# A second, valid disclosure in the same graph, for the "evidence from another disclosure" cases.
SECOND_DISCLOSURE = f"""INSERT DATA {{
    <{DISC2}> a bkg:Disclosure ; bkg:sourceFile "other.txt" ;
        bkg:contentHash "{HASH2}" ; bkg:extractorVersion "0.1.0" .
    <{DISC2}/evidence/0-60> a bkg:Evidence ; oa:hasSource <{DISC2}> ;
        oa:hasSelector <{DISC2}/evidence/0-60/selector> .
    <{DISC2}/evidence/0-60/selector> a oa:TextQuoteSelector, oa:TextPositionSelector ;
        oa:exact "Another release."@en ;
        oa:start "0"^^xsd:nonNegativeInteger ; oa:end "60"^^xsd:nonNegativeInteger .
}} ;
"""


def valid_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=VALID, format="turtle")


def broken_graph(update: str) -> rdflib.Graph:
    graph = valid_graph()
    graph.update(HEADER + update)
    return graph


def replace(subject: str, predicate: str, new_object: str) -> str:
    """A SPARQL Update that sets one property of `subject` to `new_object` (Turtle syntax)."""
    return (f"DELETE {{ <{subject}> {predicate} ?o }} INSERT {{ <{subject}> {predicate} "
            f"{new_object} }} WHERE {{ OPTIONAL {{ <{subject}> {predicate} ?o }} }}")


def remove(subject: str, predicate: str) -> str:
    return f"DELETE WHERE {{ <{subject}> {predicate} ?o }}"


def add(subject: str, predicate: str, new_object: str) -> str:
    return f"INSERT DATA {{ <{subject}> {predicate} {new_object} }}"


# (case id, SPARQL Update breaking the valid graph, expected focus node, expected path).
# Focus and path are relative to id: and the namespaces above; path "" is a node-level check.
CASES = [
    # Disclosure
    ("disclosure-no-source-file", remove(DISC, "bkg:sourceFile"), DISC, BKG + "sourceFile"),
    ("disclosure-two-source-files", add(DISC, "bkg:sourceFile", '"b.txt"'), DISC,
     BKG + "sourceFile"),
    ("disclosure-no-content-hash", remove(DISC, "bkg:contentHash"), DISC, BKG + "contentHash"),
    ("disclosure-hash-not-hex", replace(DISC, "bkg:contentHash", '"' + "Z" * 64 + '"'), DISC,
     BKG + "contentHash"),
    ("disclosure-iri-not-from-hash", replace(DISC, "bkg:contentHash", f'"{HASH2}"'), DISC,
     BKG + "contentHash"),
    ("disclosure-headline-no-language", replace(DISC, "schema:headline", '"Acme news"'), DISC,
     SCHEMA + "headline"),
    ("disclosure-headline-not-english", replace(DISC, "schema:headline", '"Nouvelles"@fr'),
     DISC, SCHEMA + "headline"),
    ("disclosure-two-headlines", add(DISC, "schema:headline", '"Other"@en'), DISC,
     SCHEMA + "headline"),
    ("disclosure-date-not-xsd-date", replace(DISC, "schema:datePublished", '"May 1, 2024"'),
     DISC, SCHEMA + "datePublished"),
    ("disclosure-dateline-not-string", replace(DISC, "bkg:datelineCity", "42"), DISC,
     BKG + "datelineCity"),
    ("disclosure-two-wires", add(DISC, "bkg:wire", '"PR Newswire"'), DISC, BKG + "wire"),
    ("disclosure-issuer-not-company", replace(DISC, "bkg:issuer", "<person/jane-doe>"), DISC,
     BKG + "issuer"),
    ("disclosure-primary-listing-not-listing",
     replace(DISC, "bkg:primaryListing", "<company/acme-bio>"), DISC, BKG + "primaryListing"),
    ("disclosure-primary-listing-not-the-issuers",
     'INSERT DATA { <listing/nyse/xyz> a bkg:Listing ; schema:tickerSymbol "XYZ" ;'
     ' bkg:exchange "nyse" ; bkg:exchangeName "NYSE" } ;'
     + replace(DISC, "bkg:primaryListing", "<listing/nyse/xyz>"), DISC, BKG + "primaryListing"),
    ("disclosure-no-extractor-version", remove(DISC, "bkg:extractorVersion"), DISC,
     BKG + "extractorVersion"),
    ("disclosure-bad-iri",
     "INSERT DATA { <disclosure/ACME> a bkg:Disclosure ; bkg:sourceFile \"x.txt\" ;"
     f' bkg:contentHash "{HASH2}" ; bkg:extractorVersion "0.1.0" }}', "disclosure/ACME", ""),
    # Organisations, listings, people
    ("company-no-label", remove("company/acme-bio", "skos:prefLabel"), "company/acme-bio",
     SKOS + "prefLabel"),
    ("company-two-labels", add("company/acme-bio", "skos:prefLabel", '"ACME"'),
     "company/acme-bio", SKOS + "prefLabel"),
    ("company-label-language-tagged",
     replace("company/acme-bio", "skos:prefLabel", '"Acme Bio"@en'), "company/acme-bio",
     SKOS + "prefLabel"),
    ("company-alt-label-not-string", add("company/acme-bio", "skos:altLabel", "7"),
     "company/acme-bio", SKOS + "altLabel"),
    ("company-listing-not-listing",
     replace("company/acme-bio", "bkg:hasListing", "<person/jane-doe>"), "company/acme-bio",
     BKG + "hasListing"),
    ("company-bad-iri", 'INSERT DATA { <company/Acme_Bio> a bkg:Company ; skos:prefLabel "A" }',
     "company/Acme_Bio", ""),
    ("organization-no-label",
     "INSERT DATA { <organization/mayo-clinic> a bkg:Organization }",
     "organization/mayo-clinic", SKOS + "prefLabel"),
    ("listing-no-ticker", remove("listing/nasdaq/acmb", "schema:tickerSymbol"),
     "listing/nasdaq/acmb", SCHEMA + "tickerSymbol"),
    ("listing-ticker-lower-case", replace("listing/nasdaq/acmb", "schema:tickerSymbol", '"acmb"'),
     "listing/nasdaq/acmb", SCHEMA + "tickerSymbol"),
    ("listing-exchange-not-a-key", replace("listing/nasdaq/acmb", "bkg:exchange", '"NASDAQ"'),
     "listing/nasdaq/acmb", BKG + "exchange"),
    ("listing-exchange-not-in-iri", replace("listing/nasdaq/acmb", "bkg:exchange", '"nyse"'),
     "listing/nasdaq/acmb", BKG + "exchange"),
    ("listing-no-exchange-name", remove("listing/nasdaq/acmb", "bkg:exchangeName"),
     "listing/nasdaq/acmb", BKG + "exchangeName"),
    ("person-no-label", remove("person/jane-doe", "skos:prefLabel"), "person/jane-doe",
     SKOS + "prefLabel"),
    # Drugs, platforms, payloads, indications
    ("drug-no-label", remove("drug/ab123", "skos:prefLabel"), "drug/ab123", SKOS + "prefLabel"),
    ("drug-code-name-not-string", add("drug/ab123", "bkg:codeName", "123"), "drug/ab123",
     BKG + "codeName"),
    ("drug-generic-name-empty", add("drug/ab123", "bkg:genericName", '""'), "drug/ab123",
     BKG + "genericName"),
    ("drug-brand-name-not-string", add("drug/ab123", "bkg:brandName", "true"), "drug/ab123",
     BKG + "brandName"),
    ("drug-bad-iri", 'INSERT DATA { <drug/AB%20123> a bkg:DrugCandidate ; skos:prefLabel "X" }',
     "drug/AB%20123", ""),
    ("platform-no-label", remove("platform/pdc", "skos:prefLabel"), "platform/pdc",
     SKOS + "prefLabel"),
    ("payload-no-label", remove("payload/iodine-131", "skos:prefLabel"), "payload/iodine-131",
     SKOS + "prefLabel"),
    ("payload-exact-match-literal",
     replace("payload/iodine-131", "skos:exactMatch", '"NCIT:C1639"'), "payload/iodine-131",
     SKOS + "exactMatch"),
    ("radioisotope-mass-number-string",
     replace("payload/iodine-131", "bkg:massNumber", '"131"'), "payload/iodine-131",
     BKG + "massNumber"),
    ("radioisotope-mass-number-zero", replace("payload/iodine-131", "bkg:massNumber", "0"),
     "payload/iodine-131", BKG + "massNumber"),
    ("radioisotope-two-elements", add("payload/iodine-131", "bkg:element", '"I"'),
     "payload/iodine-131", BKG + "element"),
    ("indication-no-label", remove("indication/multiple-myeloma", "skos:prefLabel"),
     "indication/multiple-myeloma", SKOS + "prefLabel"),
    ("indication-exact-match-literal",
     replace("indication/multiple-myeloma", "skos:exactMatch", '"MONDO:0009693"'),
     "indication/multiple-myeloma", SKOS + "exactMatch"),
    # Regulators and vocabularies
    ("agency-no-label", remove("agency/fda", "skos:prefLabel"), "agency/fda",
     SKOS + "prefLabel"),
    ("agency-exact-match-literal", replace("agency/fda", "skos:exactMatch", '"Q204711"'),
     "agency/fda", SKOS + "exactMatch"),
    ("designation-type-label-not-in-list",
     replace("designation-type/orphan-drug", "skos:prefLabel", '"Orphan Drug Designation"'),
     "designation-type/orphan-drug", SKOS + "prefLabel"),
    ("designation-type-close-match-literal",
     add("designation-type/orphan-drug", "skos:closeMatch", '"orphan"'),
     "designation-type/orphan-drug", SKOS + "closeMatch"),
    ("phase-label-not-in-list", replace("phase/1b-2", "skos:prefLabel", '"Phase 1b/2"'),
     "phase/1b-2", SKOS + "prefLabel"),
    ("phase-label-integer", replace("phase/1b-2", "skos:prefLabel", "2"), "phase/1b-2",
     SKOS + "prefLabel"),
    ("endpoint-no-label", remove("endpoint/median-overall-survival", "skos:prefLabel"),
     "endpoint/median-overall-survival", SKOS + "prefLabel"),
    ("endpoint-alt-label-not-string",
     replace("endpoint/median-overall-survival", "skos:altLabel", "1"),
     "endpoint/median-overall-survival", SKOS + "altLabel"),
    # What every fact has
    ("fact-no-stated-in", remove(DES, "bkg:statedIn"), DES, BKG + "statedIn"),
    ("fact-stated-in-not-disclosure", replace(DES, "bkg:statedIn", "<company/acme-bio>"), DES,
     BKG + "statedIn"),
    ("fact-without-evidence", remove(DES, "prov:wasDerivedFrom"), DES,
     PROV + "wasDerivedFrom"),
    ("fact-evidence-not-evidence", replace(DES, "prov:wasDerivedFrom", "<drug/ab123>"), DES,
     PROV + "wasDerivedFrom"),
    ("fact-evidence-from-other-disclosure",
     SECOND_DISCLOSURE + replace(DES, "prov:wasDerivedFrom", f"<{DISC2}/evidence/0-60>"), DES,
     PROV + "wasDerivedFrom"),
    ("fact-iri-not-under-its-disclosure",
     SECOND_DISCLOSURE + replace(DES, "bkg:statedIn", f"<{DISC2}>"), DES, BKG + "statedIn"),
    ("fact-no-extractor", remove(DES, "bkg:extractor"), DES, BKG + "extractor"),
    ("fact-extractor-not-versioned", replace(DES, "bkg:extractor", '"designations"'), DES,
     BKG + "extractor"),
    ("fact-extractor-not-string", add(DES, "bkg:extractor", "2"), DES, BKG + "extractor"),
    ("fact-iri-wrong-kind", replace(DEV, "a", "bkg:ClinicalTrial"), DEV, ""),
    # Evidence and selector
    ("evidence-no-source", remove(EV1, "oa:hasSource"), EV1, OA + "hasSource"),
    ("evidence-source-not-disclosure", replace(EV1, "oa:hasSource", "<drug/ab123>"), EV1,
     OA + "hasSource"),
    ("evidence-from-other-disclosure",
     SECOND_DISCLOSURE + replace(EV1, "oa:hasSource", f"<{DISC2}>"), EV1, OA + "hasSource"),
    ("evidence-no-selector", remove(EV1, "oa:hasSelector"), EV1, OA + "hasSelector"),
    ("evidence-selector-iri-mismatch", replace(SEL1, "oa:start", '"5"^^xsd:nonNegativeInteger'),
     EV1, OA + "hasSelector"),
    ("evidence-bad-iri",
     f"INSERT DATA {{ <{DISC}/evidence/x> a bkg:Evidence ; oa:hasSource <{DISC}> }}",
     f"{DISC}/evidence/x", ""),
    ("selector-not-quote-selector",
     f"DELETE DATA {{ <{SEL1}> a oa:TextQuoteSelector }}", SEL1, RDF + "type"),
    ("selector-not-position-selector",
     f"DELETE DATA {{ <{SEL1}> a oa:TextPositionSelector }}", SEL1, RDF + "type"),
    ("selector-no-exact", remove(SEL1, "oa:exact"), SEL1, OA + "exact"),
    ("selector-exact-no-language", replace(SEL1, "oa:exact", '"A sentence."'), SEL1,
     OA + "exact"),
    ("selector-no-start", remove(SEL1, "oa:start"), SEL1, OA + "start"),
    ("selector-start-wrong-datatype", replace(SEL1, "oa:start", "\"0\""), SEL1, OA + "start"),
    ("selector-start-negative", replace(SEL1, "oa:start", '"-1"^^xsd:nonNegativeInteger'), SEL1,
     OA + "start"),
    ("selector-no-end", remove(SEL1, "oa:end"), SEL1, OA + "end"),
    ("selector-end-equals-start", replace(SEL1, "oa:end", '"0"^^xsd:nonNegativeInteger'), SEL1,
     OA + "start"),
    ("selector-end-before-start", replace(SEL1, "oa:start", '"90"^^xsd:nonNegativeInteger'),
     SEL1, OA + "start"),
    # Fact classes
    ("development-no-company", remove(DEV, "bkg:company"), DEV, BKG + "company"),
    ("development-company-not-company", replace(DEV, "bkg:company", "<drug/ab123>"), DEV,
     BKG + "company"),
    ("development-no-drug", remove(DEV, "bkg:drug"), DEV, BKG + "drug"),
    ("development-two-drugs",
     'INSERT DATA { <drug/ab456> a bkg:DrugCandidate ; skos:prefLabel "AB-456" } ;'
     + add(DEV, "bkg:drug", "<drug/ab456>"), DEV, BKG + "drug"),
    ("development-drug-not-described", replace(DEV, "bkg:drug", "<drug/unknown>"), DEV,
     BKG + "drug"),
    ("platform-use-no-platform", remove(PLAT, "bkg:platform"), PLAT, BKG + "platform"),
    ("platform-use-platform-not-platform", replace(PLAT, "bkg:platform", "<drug/ab123>"), PLAT,
     BKG + "platform"),
    ("payload-use-no-payload", remove(PAY, "bkg:payload"), PAY, BKG + "payload"),
    ("payload-use-payload-not-payload",
     replace(PAY, "bkg:payload", "<indication/multiple-myeloma>"), PAY, BKG + "payload"),
    ("designation-no-type", remove(DES, "bkg:designationType"), DES, BKG + "designationType"),
    ("designation-no-agency", remove(DES, "bkg:agency"), DES, BKG + "agency"),
    ("designation-agency-not-agency", replace(DES, "bkg:agency", "<company/acme-bio>"), DES,
     BKG + "agency"),
    ("designation-indication-not-indication", replace(DES, "bkg:indication", "<drug/ab123>"),
     DES, BKG + "indication"),
    ("designation-two-indications",
     'INSERT DATA { <indication/nhl> a bkg:Indication ; skos:prefLabel "NHL" } ;'
     + add(DES, "bkg:indication", "<indication/nhl>"), DES, BKG + "indication"),
    ("designation-status-not-in-list", replace(DES, "bkg:designationStatus", '"pending"'), DES,
     BKG + "designationStatus"),
    ("designation-no-status", remove(DES, "bkg:designationStatus"), DES,
     BKG + "designationStatus"),
    ("trial-no-drug", remove(TRIAL, "bkg:drug"), TRIAL, BKG + "drug"),
    ("trial-phase-not-phase", replace(TRIAL, "bkg:phase", "<indication/multiple-myeloma>"),
     TRIAL, BKG + "phase"),
    ("trial-status-not-in-list", replace(TRIAL, "bkg:trialStatus", '"recruiting"'), TRIAL,
     BKG + "trialStatus"),
    ("trial-nct-id-too-short", replace(TRIAL, "bkg:nctId", '"NCT1234567"'), TRIAL,
     BKG + "nctId"),
    ("trial-nct-id-lower-case", replace(TRIAL, "bkg:nctId", '"nct01234567"'), TRIAL,
     BKG + "nctId"),
    ("trial-two-nct-ids", add(TRIAL, "bkg:nctId", '"NCT07654321"'), TRIAL, BKG + "nctId"),
    ("trial-name-not-string", replace(TRIAL, "schema:name", "1"), TRIAL, SCHEMA + "name"),
    ("trial-indication-not-indication", add(TRIAL, "bkg:indication", "<drug/ab123>"), TRIAL,
     BKG + "indication"),
    ("cohort-no-drug", remove(COH, "bkg:drug"), COH, BKG + "drug"),
    ("cohort-in-trial-not-trial", replace(COH, "bkg:inTrial", f"<{DOSE}>"), COH,
     BKG + "inTrial"),
    ("cohort-two-labels", add(COH, "bkg:cohortLabel", '"Cohort B"'), COH, BKG + "cohortLabel"),
    ("dose-no-cohort", remove(DOSE, "bkg:cohort"), DOSE, BKG + "cohort"),
    ("dose-no-value", remove(DOSE, "qudt:numericValue"), DOSE, QUDT + "numericValue"),
    ("dose-value-double", replace(DOSE, "qudt:numericValue", "0.5e0"), DOSE,
     QUDT + "numericValue"),
    ("dose-value-string", replace(DOSE, "qudt:numericValue", '"0.5"'), DOSE,
     QUDT + "numericValue"),
    ("dose-no-unit-text", remove(DOSE, "bkg:unitText"), DOSE, BKG + "unitText"),
    ("dose-qudt-unit-literal", add(DOSE, "qudt:unit", '"mCi/kg"'), DOSE, QUDT + "unit"),
    ("dose-qudt-unit-not-qudt", add(DOSE, "qudt:unit", "<http://example.org/mci>"), DOSE,
     QUDT + "unit"),
    ("dose-two-ucum-codes", add(DOSE, "bkg:ucumCode", '"mCi"'), DOSE, BKG + "ucumCode"),
    ("outcome-no-endpoint", remove(OUT, "bkg:endpoint"), OUT, BKG + "endpoint"),
    ("outcome-endpoint-not-endpoint", replace(OUT, "bkg:endpoint", "<drug/ab123>"), OUT,
     BKG + "endpoint"),
    ("outcome-cohort-not-cohort", replace(OUT, "bkg:cohort", f"<{TRIAL}>"), OUT,
     BKG + "cohort"),
    ("outcome-no-value", remove(OUT, "qudt:numericValue"), OUT, QUDT + "numericValue"),
    ("outcome-two-units", add(OUT, "qudt:unit", "<http://qudt.org/vocab/unit/DAY>"), OUT,
     QUDT + "unit"),
    ("outcome-interim-not-boolean", replace(OUT, "bkg:isInterim", '"yes"'), OUT,
     BKG + "isInterim"),
    ("role-no-person", remove(ROLE, "bkg:person"), ROLE, BKG + "person"),
    ("role-person-not-person", replace(ROLE, "bkg:person", "<company/acme-bio>"), ROLE,
     BKG + "person"),
    ("role-organization-not-organization",
     replace(ROLE, "bkg:organization", "<person/jane-doe>"), ROLE, BKG + "organization"),
    ("role-title-not-string", replace(ROLE, "bkg:roleTitle", "3"), ROLE, BKG + "roleTitle"),
    # Blank nodes
    ("blank-node-value", replace(DEV, "bkg:drug", '[ a bkg:DrugCandidate ; skos:prefLabel "X" ]'),
     DEV, BKG + "drug"),
    ("blank-node-evidence",
     replace(DES, "prov:wasDerivedFrom", f"[ a bkg:Evidence ; oa:hasSource <{DISC}> ]"), DES,
     PROV + "wasDerivedFrom"),
]


def expand(node: str) -> str:
    """Case notation → full IRI: absolute IRIs stay, paths relative to id: are resolved."""
    return node if "://" in node or not node else ID + node


def violations_at(report: ValidationReport, focus: str, path: str) -> list[Violation]:
    return [v for v in report.violations if v.focus == expand(focus) and v.path == path]


def describe(report: ValidationReport) -> str:
    return "\n".join(str(v) for v in report.violations) or "(no violations)"


def test_valid_graph_conforms() -> None:
    report = validate_graph(valid_graph())
    assert report.conforms, describe(report)
    assert report.violations == ()


def test_valid_graph_covers_every_fact_class() -> None:
    graph = valid_graph()
    fact_classes = {o for s, o in graph.subject_objects(rdflib.RDF.type)
                    if str(s) in {expand(f) for f in FACTS} and str(o).startswith(BKG)}
    assert {str(c).removeprefix(BKG) for c in fact_classes} == {
        "Fact", "DrugDevelopment", "PlatformUse", "PayloadUse", "RegulatoryDesignation",
        "ClinicalTrial", "Cohort", "Dose", "OutcomeMeasurement", "RoleAssignment"}


@pytest.mark.parametrize(("update", "focus", "path"),
                         [pytest.param(u, f, p, id=i) for i, u, f, p in CASES])
def test_broken_graph_is_reported(update: str, focus: str, path: str) -> None:
    report = validate_graph(broken_graph(update))
    assert not report.conforms
    assert violations_at(report, focus, path), (
        f"expected a violation at {expand(focus)} {path or '(node)'}; got:\n{describe(report)}")


def test_blank_node_subject_is_reported() -> None:
    graph = broken_graph('INSERT DATA { [] a bkg:Person ; skos:prefLabel "Anonymous" }')
    report = validate_graph(graph)
    assert not report.conforms
    assert any(v.focus.startswith("_:") and "blank node" in v.message
               for v in report.violations), describe(report)


def test_fact_found_by_two_rule_families_conforms() -> None:
    """bkg:extractor is 1..n: one value per rule family that found the fact."""
    report = validate_graph(broken_graph(add(DES, "bkg:extractor", '"kg.trials.v1"')))
    assert report.conforms, describe(report)


def test_every_violation_has_a_message() -> None:
    report = validate_graph(broken_graph(remove(DES, "bkg:agency") + " ; "
                                         + replace(TRIAL, "bkg:nctId", '"NCT1"')))
    assert report.violations
    assert all(v.message and v.severity == "Violation" for v in report.violations)


def test_violations_are_sorted_and_printable() -> None:
    report = validate_graph(broken_graph(remove(TRIAL, "bkg:nctId") + " ; "
                                         + replace(TRIAL, "bkg:nctId", '"X"') + " ; "
                                         + remove(DES, "bkg:agency")))
    assert list(report.violations) == sorted(report.violations)
    lines = [str(v) for v in report.violations]
    assert f"id:{DES} bkg:agency: " in "\n".join(lines)
    assert all("\n" not in line for line in lines)


def test_violation_str_without_path() -> None:
    violation = Violation(focus=ID + "drug/X", path="", message="bad IRI", severity="Violation")
    assert str(violation) == "id:drug/X: bad IRI"


def test_shapes_are_loaded_once() -> None:
    assert load_shapes() is load_shapes()
    assert len(load_shapes()) > 0


# Datasets: each named graph is validated alone.

def second_graph_turtle(drug_label: str = "AB-123", describe_drug: bool = True) -> str:
    """A second disclosure's graph: one drug-development fact, self-contained."""
    ev = f"{DISC2}/evidence/0-30"
    drug = (f'<drug/ab123> a bkg:DrugCandidate ; skos:prefLabel "{drug_label}" .'
            if describe_drug else "")
    return HEADER + f"""
<{DISC2}> a bkg:Disclosure ; bkg:sourceFile "b.txt" ; bkg:contentHash "{HASH2}" ;
    bkg:extractorVersion "0.1.0" .
<company/acme-bio> a bkg:Company ; skos:prefLabel "Acme Bio" .
{drug}
<{ev}> a bkg:Evidence ; oa:hasSource <{DISC2}> ; oa:hasSelector <{ev}/selector> .
<{ev}/selector> a oa:TextQuoteSelector, oa:TextPositionSelector ;
    oa:exact "Acme Bio develops AB-123."@en ;
    oa:start "0"^^xsd:nonNegativeInteger ; oa:end "30"^^xsd:nonNegativeInteger .
<{DISC2}/development/00000000000000aa> a bkg:Fact, bkg:DrugDevelopment ;
    bkg:statedIn <{DISC2}> ; prov:wasDerivedFrom <{ev}> ; bkg:extractor "kg.development.v1" ;
    bkg:company <company/acme-bio> ; bkg:drug <drug/ab123> .
"""


def dataset(*graphs: tuple[str, str]) -> rdflib.Dataset:
    data = rdflib.Dataset()
    for name, turtle in graphs:
        data.graph(rdflib.URIRef(ID + name)).parse(data=turtle, format="turtle")
    return data


def test_dataset_of_valid_graphs_conforms() -> None:
    report = validate_graph(dataset((DISC, VALID), (DISC2, second_graph_turtle())))
    assert report.conforms, describe(report)


def test_dataset_graph_must_be_self_contained() -> None:
    """The union describes the drug, but the second graph alone does not: a violation."""
    data = dataset((DISC, VALID), (DISC2, second_graph_turtle(describe_drug=False)))
    report = validate_graph(data)
    assert not report.conforms
    assert violations_at(report, f"{DISC2}/development/00000000000000aa", BKG + "drug")


def test_dataset_graphs_may_label_an_entity_differently() -> None:
    """Graphs are validated one by one, not as a union: two releases may name the same drug
    differently, and each graph still gives it exactly one skos:prefLabel."""
    data = dataset((DISC, VALID), (DISC2, second_graph_turtle(drug_label="AB 123")))
    report = validate_graph(data)
    assert report.conforms, describe(report)


def test_dataset_reports_only_the_broken_graph() -> None:
    """A fact without bkg:extractor in the second graph: one violation, from that graph."""
    broken = second_graph_turtle().replace('bkg:extractor "kg.development.v1" ;', "")
    data = dataset((DISC, VALID), (DISC2, broken))
    report = validate_graph(data)
    assert [v.path for v in report.violations] == [BKG + "extractor"]


def test_validate_quads_reads_pyoxigraph_quads() -> None:
    pyoxigraph = pytest.importorskip("pyoxigraph")
    graph = pyoxigraph.NamedNode(ID + DISC)
    good = [pyoxigraph.Quad(t.subject, t.predicate, t.object, graph)
            for t in pyoxigraph.parse(VALID, format=pyoxigraph.RdfFormat.TURTLE)]
    assert validate_quads(good).conforms
    bad = [q for q in good if q.predicate.value != BKG + "contentHash"]
    report = validate_quads(bad)
    assert not report.conforms
    assert violations_at(report, DISC, BKG + "contentHash")


def test_empty_input_conforms() -> None:
    assert validate_quads([]) == ValidationReport(True, ())

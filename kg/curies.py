"""CURIEs of the vocabulary files (as the bioregistry writes them) → IRIs."""

from __future__ import annotations

import re

PREFIXES = {
    "NCIT": "http://purl.obolibrary.org/obo/NCIT_",
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "UO": "http://purl.obolibrary.org/obo/UO_",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "OBI": "http://purl.obolibrary.org/obo/OBI_",
    "STATO": "http://purl.obolibrary.org/obo/STATO_",
    "EFO": "http://www.ebi.ac.uk/efo/EFO_",
    "wikidata": "http://www.wikidata.org/entity/",
    "wd": "http://www.wikidata.org/entity/",
    "biolink": "https://w3id.org/biolink/vocab/",
    "unit": "http://qudt.org/vocab/unit/",
    "MIC": "https://www.iso20022.org/market-identifier-codes#",
}
CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):([A-Za-z0-9_.\-]+)$")


def expand(curie: str) -> str | None:
    """The IRI of a CURIE with a known prefix, else None (unknown prefixes are never guessed)."""
    match = CURIE.match(curie.strip())
    if not match:
        return None
    base = PREFIXES.get(match.group(1)) or PREFIXES.get(match.group(1).upper())
    return base + match.group(2) if base else None

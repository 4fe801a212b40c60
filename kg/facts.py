"""Plain fact objects passed from extraction to the RDF emitter: no RDF, no regexes here.

A fact's identity is its content (`key()`); the evidence saying it is attached separately, so
the same fact said twice in a document is one fact with two pieces of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: a sentence's character span in the document text."""

    start: int
    end: int
    quote: str
    extractor: str


@dataclass(frozen=True)
class Drug:
    name: str
    aliases: tuple[str, ...] = ()
    code_names: tuple[str, ...] = ()
    generic_names: tuple[str, ...] = ()
    brand_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...] = ()
    is_company: bool = True


@dataclass(frozen=True)
class Listing:
    ticker: str
    exchange: str
    exchange_name: str


@dataclass(frozen=True)
class Payload:
    label: str
    element: str = ""
    mass: str = ""
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    ucum: str = ""
    qudt: str = ""


@dataclass
class Fact:
    """Base of every fact: its evidence list grows as the same fact is found again."""

    evidence: list[Evidence] = field(default_factory=list, compare=False, kw_only=True)

    kind = "fact"

    def key(self) -> tuple:
        raise NotImplementedError


@dataclass
class DrugDevelopment(Fact):
    company: Organization
    drug: Drug
    kind = "development"

    def key(self) -> tuple:
        return (self.company.name, self.drug.name)


@dataclass
class PlatformUse(Fact):
    drug: Drug
    platform: str
    kind = "platform-use"

    def key(self) -> tuple:
        return (self.drug.name, self.platform)


@dataclass
class PayloadUse(Fact):
    drug: Drug
    payload: Payload
    kind = "payload-use"

    def key(self) -> tuple:
        return (self.drug.name, self.payload.label)


@dataclass
class Designation(Fact):
    drug: Drug
    designation: str
    agency: str
    indication: str
    status: str
    kind = "designation"

    def key(self) -> tuple:
        return (self.drug.name, self.designation, self.agency, self.indication.lower())


@dataclass
class Trial(Fact):
    drugs: tuple[Drug, ...]
    phase: str
    indications: tuple[str, ...]
    status: str = ""
    nct_id: str = ""
    name: str = ""
    kind = "trial"

    def key(self) -> tuple:
        return (tuple(d.name for d in self.drugs), self.phase, self.nct_id, self.name,
                tuple(i.lower() for i in self.indications))


@dataclass
class Cohort(Fact):
    drug: Drug
    label: str
    kind = "cohort"

    def key(self) -> tuple:
        return (self.drug.name, self.label)


@dataclass
class Dose(Fact):
    cohort: Cohort
    quantity: Quantity
    kind = "dose"

    def key(self) -> tuple:
        return (self.cohort.key(), str(self.quantity.value), self.quantity.unit)


@dataclass
class Outcome(Fact):
    drug: Drug
    cohort: Cohort | None
    endpoint: str
    quantity: Quantity
    interim: bool = False
    kind = "outcome"

    def key(self) -> tuple:
        cohort = self.cohort.key() if self.cohort else ()
        return (self.drug.name, cohort, self.endpoint.lower(), str(self.quantity.value),
                self.quantity.unit)


@dataclass
class RoleAssignment(Fact):
    person: str
    role: str
    organization: Organization | None
    kind = "role"

    def key(self) -> tuple:
        org = self.organization.name if self.organization else ""
        return (self.person, self.role.lower(), org)


@dataclass
class Disclosure:
    """Document-level facts: what the release is and who issues it."""

    source_file: str
    content_hash: str
    headline: str = ""
    date: str | None = None
    dateline_city: str = ""
    wire: str = ""
    issuer: Organization | None = None
    listings: tuple[Listing, ...] = ()


@dataclass
class Extraction:
    """Everything read from one document: the unit the emitter turns into one named graph."""

    disclosure: Disclosure
    facts: list[Fact] = field(default_factory=list)
    _index: dict[tuple, Fact] = field(default_factory=dict, repr=False)
    _said: set[tuple] = field(default_factory=set, repr=False)

    def add(self, fact: Fact, evidence: Evidence) -> Fact:
        """Add a fact, merging it with an equal one already found; returns the kept fact."""
        identity = (type(fact).__name__, fact.key())
        existing = self._index.setdefault(identity, fact)
        if existing is fact:
            self.facts.append(fact)
        if (identity, evidence) not in self._said:
            self._said.add((identity, evidence))
            existing.evidence.append(evidence)
        return existing

    def remove(self, fact: Fact) -> None:
        self.facts.remove(fact)
        del self._index[(type(fact).__name__, fact.key())]

    def of_type(self, cls: type) -> list:
        return [f for f in self.facts if isinstance(f, cls)]

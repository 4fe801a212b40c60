"""What the extractors share while reading one document: its structure, the issuer, the
drugs found so far and the sentence being read."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.facts import Drug, Evidence, Extraction, Organization
from kg.sections import Sentence, Structure


@dataclass
class DrugMention:
    drug: Drug
    start: int
    end: int
    text: str


@dataclass
class Context:
    structure: Structure
    extraction: Extraction
    issuer: Organization | None = None
    organizations: list[Organization] = field(default_factory=list)
    drugs: dict[str, Drug] = field(default_factory=dict)
    drug_mentions: dict[int, list[DrugMention]] = field(default_factory=dict)
    focus_drug: Drug | None = None

    @property
    def text(self) -> str:
        return self.structure.document.text

    def evidence(self, sentence: Sentence, extractor: str) -> Evidence:
        return Evidence(sentence.start, sentence.end, sentence.text, extractor)

    def mentions_in(self, sentence: Sentence) -> list[DrugMention]:
        return self.drug_mentions.get(sentence.start, [])

    def fact_sentences(self) -> list[Sentence]:
        """Sentences that may state facts: not the legal boilerplate or the contact block."""
        return [s for s in self.structure.sentences
                if s.section not in ("forward-looking", "contacts")]

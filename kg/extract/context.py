"""What the extractors share while reading one document: its structure, the issuer, the
drugs found so far and the sentence being read."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.facts import Drug, Evidence, Extraction, Organization
from kg.sections import Sentence, Structure

HEADING_REACH = 4  # paragraphs under a heading that it still names the topic of
HEADING_WORDS = 12


def is_heading(sentence: Sentence) -> bool:
    """A short line of its own that does not end as a sentence does."""
    text = sentence.text.strip()
    return len(text.split()) <= HEADING_WORDS and not text.endswith((".", "!", "?", ":", ";"))


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
    owned: set[str] = field(default_factory=set)
    # drugs the text gives to other companies only: not the drug under study of a dose or
    # a result (`Osprey's OSP-77 reported an ORR of 28%` is a benchmark)
    others: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)
    _own: dict[int, list[DrugMention]] = field(default_factory=dict, repr=False)
    _starts: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _index: dict[int, int] = field(default_factory=dict, repr=False)  # sentence start → index

    @property
    def text(self) -> str:
        return self.structure.document.text

    def indication_text(self, text: str) -> str:
        """An indication with the acronyms the document defines written out."""
        from kg.extract.acronyms import expand

        return expand(text, self.acronyms)

    def evidence(self, sentence: Sentence, extractor: str) -> Evidence:
        return Evidence(sentence.start, sentence.end, sentence.text, extractor)

    def mentions_in(self, sentence: Sentence) -> list[DrugMention]:
        return self.drug_mentions.get(sentence.start, [])

    def own_mentions(self, sentence: Sentence) -> list[DrugMention]:
        """Mentions of the company's own drugs (not comparators or combination partners),
        in text order; computed once per sentence."""
        key = sentence.start
        if key not in self._own:
            self._own[key] = [m for m in self.mentions_in(sentence) if m.drug.name in self.owned]
        return self._own[key]

    def own_starts(self, sentence: Sentence) -> list[int]:
        """Where the own mentions of a sentence start (text offsets), for bisecting."""
        key = sentence.start
        if key not in self._starts:
            self._starts[key] = [m.start for m in self.own_mentions(sentence)]
        return self._starts[key]

    def drug_near(self, sentence: Sentence, position: int) -> Drug | None:
        """The company's drug named nearest to a position of the sentence, else the focus."""
        mentions = self.own_mentions(sentence)
        if not mentions:
            return self.topic_drug(sentence)
        local = position + sentence.start
        index = bisect.bisect_left(self.own_starts(sentence), local)
        near = mentions[max(0, index - 1):index + 1]
        return min(near, key=lambda m: (abs(m.start - local), m.start)).drug

    def topic_drug(self, sentence: Sentence) -> Drug | None:
        """The drug a sentence that names none is about: the one its paragraph named last
        before it, else the one a heading over its paragraph names (`AB-214 – a bispecific
        antibody` over a pipeline entry), else the drug the release is about."""
        sentences = self.structure.sentences
        paragraphs_back = 0
        for earlier in reversed(sentences[:self.index_of(sentence)]):
            own = self.own_mentions(earlier)
            if earlier.paragraph == sentence.paragraph:
                if own:
                    return own[-1].drug
                continue
            named = {m.drug.name for m in own}
            if is_heading(earlier) and len(named) == 1:
                return own[0].drug
            paragraphs_back += 1
            if named or earlier.section != sentence.section or paragraphs_back > HEADING_REACH:
                break
        return self.focus_drug

    def index_of(self, sentence: Sentence) -> int:
        """The sentence's position in the document's sentences."""
        if not self._index:
            self._index.update((s.start, i) for i, s in enumerate(self.structure.sentences))
        return self._index.get(sentence.start, 0)

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        index = self.index_of(sentence)
        return self.structure.sentences[index - 1] if index else None

    def fact_sentences(self) -> list[Sentence]:
        """Sentences that may state facts: not the legal boilerplate or the contact block."""
        return [s for s in self.structure.sentences
                if s.section not in ("forward-looking", "contacts", "boilerplate")]

"""Indication phrases: a disease head word ("cancer", "lymphoma", "disease") with the
modifiers in front of it ("relapsed or refractory multiple myeloma"), lists split
("lung, pancreatic and prostate cancers" → three), and names from the vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import lexicon

HEADS = (
    r"cancers?|carcinomas?|carcinomatos[ie]s|tumou?rs?|lymphomas?|leuka?emias?|myelomas?|"
    r"sarcomas?|melanomas?|gliomas?|glioblastomas?|blastomas?|mesotheliomas?|malignanc(?:y|ies)|"
    r"neoplasms?|diseases?|disorders?|syndromes?|sclerosis|diabetes|osteoarthritis|arthritis|"
    r"fibrosis|dystroph(?:y|ies)|atroph(?:y|ies)|infections?|deficienc(?:y|ies)|failure|"
    r"hypertension|obesity|steatohepatitis|hepatitis|asthma|dermatitis|psoriasis|colitis|"
    r"encephalopathy|epilepsy|seizures|anemia|anaemia|thrombocytopenia|neutropenia|"
    r"GvHD|GVHD|aGvHD|cGvHD|NSCLC|SCLC|AML|MDS|CLL|DLBCL|HCC|PDAC|mCRPC|ALS|DMD|NASH|MASH|IPF|"
    r"OA|adenocarcinomas?|myelofibrosis|retinopathy|neuropathy|nephropathy|cardiomyopathy|"
    r"dementia|lupus(?:\s+erythematosus)?|ischemia|stroke|injury|inflammation|pain|eczema|"
    r"pneumonia|acne|gout|migraine|urticaria|alopecia|vitiligo|rosacea|schizophrenia|insomnia|"
    r"sepsis|nodularis|ataxias?"
)
# One-word disease names by their medical suffix (`cholangiocarcinoma`, `uveitis`,
# `amyloidosis`, `phenylketonuria`, `achondroplasia`, `hemophilia`, `hyperinsulinism`,
# `alpha-mannosidosis`), less the common words that share one (`diagnosis`, `academia`,
# `empathy`)
SUFFIXED = (r"(?!(?:diagnos|prognos|apoptos|osmos|hypnos|mitos|meios|symbios|necros|"
            r"academ|empath|sympath|telepath)\w*)"
            r"(?:[A-Za-z]{2,8}-)?[A-Za-z][a-z]{2,}(?:carcinoma|blastoma|sarcoma|glioma|cytoma|"
            r"thelioma|ngioma|"
            r"denoma|itis|pathy|pathies|uria|plasia|philia|emia|aemia|osis|oses|iasis)s?|"
            r"(?:[Hh]yper|[Hh]ypo)[a-z]{3,}ism")
HEAD = re.compile(rf"(?<![\w-])(?:{HEADS}|{SUFFIXED})(?![\w-])")
NOT_INDICATION_AFTER = re.compile(
    r"^\s*(?:cells?|microenvironment|growth|types?(?!\s+(?:\d|[IVX]+[a-dA-D]?\b|[A-D]\b))|"
    r"antigens?|targeting|stem|models?|"
    r"lines?|biology|research|centers?|centres?|institute|society|foundation|associations?|"
    r"care|burden|awareness|specialists?|drugs?|therap(?:y|ies)|treatments?|progression|"
    r"regression|volume|reduction|samples?|tissue|killing|immunity|specific)\b", re.IGNORECASE)
STOP = {
    "the", "a", "an", "of", "in", "for", "with", "to", "and", "or", "patients", "patient",
    "subjects", "participants", "people", "adults", "children", "treatment", "treating", "treat",
    "including", "such", "as", "its", "our", "their", "this", "that", "these", "those", "is",
    "are", "was", "were", "be", "has", "have", "been", "from", "by", "at", "on", "who", "whose",
    "whom", "which",
    "all", "other", "many", "most", "several", "various", "against", "across", "than",
    "designation", "status", "trial", "study", "phase", "data", "therapy", "drug", "candidate",
    "program", "indication", "indications", "like", "both", "each", "either", "into", "known",
    "called", "named", "certain", "some", "any", "more", "less", "type", "forms", "form", "cause",
    "causes", "caused", "living", "suffering", "diagnosed", "affected", "affecting", "hard",
    "prevalent", "serious", "life-threatening", "rare", "common", "unmet", "need", "needs",
    "sufficient", "evidence", "benefit", "efficacy", "safety", "results", "positive",
    "developing", "developed", "focused", "targeting", "targeted", "potential", "new", "novel",
    "fight", "help", "over", "under", "about", "among", "between", "without", "within", "one",
    "two", "three", "four", "first", "second", "third", "lead", "investigational", "global",
    "clinical", "cancer-related", "deaths", "death", "cases", "select", "selected", "trials",
    "studies", "designations", "manage", "managing", "prevent", "preventing", "cure", "address",
    "addressing", "combat", "improve", "reduce", "reducing", "slow", "stop", "halt", "reverse",
    "it", "treats", "treated", "helps", "dedicated", "additional", "separate", "expansion",
}
# Words that say how bad a disease is, not which: "this disabling disease" names none.
SEVERITY_WORDS = {
    "disabling", "debilitating", "devastating", "incapacitating", "progressive", "chronic",
    "severe", "fatal", "deadly", "aggressive", "painful", "degenerative", "underlying",
    "difficult-to-treat", "hard-to-treat", "complex", "terrible", "rapidly",
}
INVARIANT_HEADS = {"diabetes"}  # `type 1 and type 2 diabetes`: one word for one and many
MAX_MODIFIERS = 6
COMPOUND_MODIFIERS = {"relapsed or refractory", "relapsed and refractory", "refractory or relapsed",
                      "head and neck", "relapsed and/or refractory", "moderately to severely",
                      "moderate to severe", "mild to moderate", "mildly to moderately"}


@dataclass(frozen=True)
class Indication:
    text: str
    start: int
    end: int


def indications_in(text: str, acronyms: dict[str, str] | None = None) -> list[Indication]:
    """Indication phrases in a sentence, left to right, without overlaps. Acronyms the
    document defines as a disease count as indications; a vocabulary acronym the document
    defines as something else (`FTD` for a designation) does not."""
    acronyms = acronyms or {}
    found = [hit for match in HEAD.finditer(text) for hit in phrase_at(text, match)]
    for term in lexicon.indications().find(text):
        if term.text in acronyms and not HEAD.search(acronyms[term.text]):
            continue
        found.append(Indication(term.text, term.start, term.end))
    diseases = [a for a, long_form in acronyms.items() if HEAD.search(long_form)]
    if diseases:
        pattern = "|".join(re.escape(a) for a in sorted(diseases, key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w/-])(?:{pattern})(?![\w/-])", text):
            found.append(Indication(match.group(0), match.start(), match.end()))
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    found = list(dict.fromkeys(found))
    out: list[Indication] = []
    for item in found:
        same_list = out and (item.start, item.end) == (out[-1].start, out[-1].end)
        if out and item.start < out[-1].end and not same_list:
            continue
        if item not in out:
            out.append(item)
    return out


WORD = re.compile(r"[A-Za-z0-9][\w/'’\-]*")
LIST_BEFORE = re.compile(r"((?:[A-Za-z][\w\-]*,\s+)*[A-Za-z][\w\-]*,?\s+(?:and|or)\s+)$")


def modifiers_before(left: str) -> int:
    """Where the modifiers in front of a head word start (walking back over plain words)."""
    cursor, count = len(left), 0
    for word in reversed(list(WORD.finditer(left))):
        if word.start() >= cursor:
            continue
        gap = left[word.end():cursor]
        if gap.strip() == ")" and "(" in left[:word.start() + 1]:
            opening = left.rfind("(", 0, word.end())
            if 0 < cursor - opening <= 16 and count:
                cursor = opening
                continue
        lower = word.group(0).lower()
        following = left[word.end():].split()[:1]
        preceding = left[:word.start()].split()[-1:]
        joins_refractory = lower in ("and", "or", "to") and following and preceding and (
            f"{preceding[0].lower()} {lower} {following[0].lower()}" in COMPOUND_MODIFIERS)
        if gap.strip() or count >= MAX_MODIFIERS:
            break
        if (lower in STOP and not joins_refractory) or re.fullmatch(r"\d+%?", lower) \
                or re.fullmatch(r"[A-Z]{3,}-[A-Z0-9]+", word.group(0)):
            break
        cursor, count = word.start(), count + 1
    return cursor


def phrase_at(text: str, head: re.Match) -> list[Indication]:
    """The phrase ending at a head word; a plural head after a list gives one per item."""
    if NOT_INDICATION_AFTER.match(text[head.end():]):
        return []
    start = modifiers_before(text[:head.start()])
    end = extend_right(text, head.end())
    if is_generic(head.group(0)) and all(
            w.lower().strip(",") in SEVERITY_WORDS for w in text[start:head.start()].split()):
        return []
    phrase = " ".join(re.sub(r"\s*\([^()]{1,14}\)", "", text[start:end]).split())
    listed = LIST_BEFORE.search(text[:start])
    word = head.group(0)
    plural = word.endswith("s") and not word.isupper() \
        and not word.lower().endswith(("is", "ss", "us"))  # `gangliosidosis`, `lupus`
    if listed and plural and start < head.start() \
            and not HEAD.search(listed.group(1)):
        singular = word if word.lower() in INVARIANT_HEADS else re.sub(
            r"(ie)?s$", lambda m: "y" if m.group(1) else "", word)
        items = [i for i in re.split(r",\s*|\s+(?:and|or)\s+", listed.group(1)) if i.strip()]
        items = [i.strip() for i in items if i.strip().lower() not in STOP]
        last = " ".join(text[start:head.start()].split())
        return [Indication(f"{item} {singular}", listed.start(), end)
                for item in [*items, last]]
    return [Indication(phrase, start, end)]


def extend_right(text: str, end: int) -> int:
    """Keep `of the knee`, `type 2E`, `(NSCLC)` after the head."""
    rest = text[end:]
    match = re.match(r"^\s+of\s+the\s+(?:knee|hip|liver|lung|breast|skin|brain|pancreas|"
                     r"prostate|bladder|kidney|colon|head and neck)\b", rest)
    if match:
        end += match.end()
        rest = text[end:]
    subtype = re.match(r"^\s+type\s+(?:\d{1,2}[A-Za-z]?|[IVX]{1,4}[a-dA-D]?|[A-D])\b", rest)
    if subtype:  # `primary hyperoxaluria type 3`, `glycogen storage disease type Ia`
        end += subtype.end()
        rest = text[end:]
    acronym = re.match(r"^\s*\((?:[A-Za-z0-9/\-]{2,12})\)", rest)
    return end + acronym.end() if acronym else end


def is_generic(head: str) -> bool:
    return head.lower() in {"cancer", "cancers", "tumor", "tumors", "tumour", "tumours",
                            "disease", "diseases", "disorder", "disorders", "malignancies",
                            "malignancy", "infection", "infections", "injury", "pain",
                            "inflammation", "failure", "syndrome", "syndromes", "neoplasms"}


def padded_words(text: str) -> str:
    """An indication as lower-case words between spaces, so that `in` tests whole words
    (`" multiple myeloma "` in `" relapsed or refractory multiple myeloma "`)."""
    return f" {' '.join(re.sub(r'[^a-z0-9]+', ' ', text.lower()).split())} "


def padded_stems(text: str) -> str:
    """`padded_words` with a plural `s` dropped from each word, so that `solid tumor` is
    found in `refractory solid tumors`."""
    return " ".join(re.sub(r"(?<=[a-z]{3})s$", "", w) for w in padded_words(text).split(" "))

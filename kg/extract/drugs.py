"""Drug names: code names (`AB-123`, `XY 45`), INN/generic names (by USAN stem), brand names
(® / ™), the alias pairs the text defines (`AB-123 (examplimab)`), and who develops them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import iris, vocab
from kg.extract.companies import LEGAL_SUFFIX
from kg.extract.context import Context, DrugMention
from kg.extract.lexicon import element_symbols
from kg.facts import Drug, DrugDevelopment, Organization

CODE = re.compile(
    r"(?<![\w\-\]/.])(?P<code>(?:\[\d{2,3}[A-Z][a-z]?\]|\d{2,3}[A-Z][a-z]?[- ]|"
    r"[A-Z][a-z]?-\d{2,3}m?-)?"
    r"[A-Z][A-Za-z]{0,5}(?:-[A-Z][A-Za-z]{0,5})?(?:[- ]?\d[\dA-Za-z]*|-[A-Z][a-z]?\d+)"
    r"(?:-\d+[A-Za-z]?)?(?: \d{1,2}[A-Z](?![\w-]))?)"
    r"(?!(?!-(?:treated|based|related|mediated|induced|containing|loaded)\b)[\w-]*\w)"
    r"(?!\s*%)")
# `64Cu-SAR-bisPSMA`, `64Cu/67Cu-SAR-bisPSMA`, `[177Lu]Lu-XYZ`: a radiolabelled name is a drug
# even when the name after the isotope has no digits.
ISOTOPE_PREFIX = r"(?:\[\d{2,3}[A-Z][a-z]?\]|\d{2,3}[A-Z][a-z]?(?:/\d{2,3}[A-Z][a-z]?)?-)"
RADIOLABELLED = re.compile(
    rf"(?<![\w\]/.\-])(?P<name>{ISOTOPE_PREFIX}[A-Za-z][A-Za-z0-9]{{1,15}}"
    rf"(?:-[A-Za-z0-9]{{1,15}}){{0,3}})(?![\w-])")
ISIN = re.compile(r"[A-Z]{2}[A-Z0-9]{9}\d")
INN = re.compile(r"(?<![\w-])(?P<inn>[A-Za-z][a-z]{4,}(?:-[a-z]+)?)(?![\w-])")
MODIFIER = re.compile(
    r"^\s+(?P<mod>[a-z]*(?:vedotin|dotin|tesirine|tecan|ozogamicin|emtansine|mertansine|"
    r"satetraxetan|tetraxetan|adenovec|vec|pegol|alfa|beta|tansine|govitecan|soravtansine|"
    r"leucel|temcel))\b",
    re.IGNORECASE)  # `Orvatuzumab Tirtecan` in a title
# `cilta-cel`, `beti-cel`, `eli-vec`: the short form a cell or gene therapy's two-word name
# goes by
NICKNAME = re.compile(r"(?<![\w-])(?P<name>[A-Za-z][a-z]{1,6}-(?:cel|vec))(?![\w-])")
BRAND = re.compile(r"(?<![\w-])(?P<brand>[A-Z][A-Za-z0-9\-]{2,}|[A-Z]{3,})\s?(?:®|™|\(R\))")
ALIAS = re.compile(r"^\s?(?:®|™|\(R\)|\(TM\))?\s*\(\s*(?:(?:also known as|also called|aka|"
                   r"a\.k\.a\.|formerly|previously|"
                   r"(?:formerly|previously) (?:known|identified|referred to) as|or)\s+)?"
                   r"(?P<alias>[^()]{2,60}?)\s*\)")
KNOWN_AS = re.compile(r"\b(?:is|are|was)\s+(?:also\s+)?(?:known|marketed|referred\s+to|"
                      r"developed)\s+as\s+$")
ALIAS_SEPARATOR = re.compile(r"^\s*(?:,|;|/|or|and)?\s*$")
CAPS_NAME = re.compile(r"(?<![\w-])(?![IVX]{1,4}[A-D]?(?![\w-]))[A-Z]{4,8}(?![\w-]*\w)"
                       r"(?!\s*[®™])")  # `MPS IIIB`: a roman-numbered type is no name
APPOSITIVE = re.compile(
    r"\b(?:lead|investigational|novel|proprietary|clinical[- ]stage)?\s*(?:product |drug |"
    r"therapeutic |clinical )?(?:candidate|compound|asset|drug|program|therapy|product)"
    r"\s*[,:]?\s+(?P<name>[A-Za-z][A-Za-z0-9\-]{2,}(?:\s?(?:®|™))?)(?=[\s,.;:)])")
NOT_INN = {"oncogene", "transgene", "antigene", "progene", "thermostat", "hemostat", "rheostat",
           "peptide", "polypeptide", "nucleotide", "oligonucleotide", "dipeptide", "concept",
           "except", "accept", "percept", "intercept", "excel", "parcel", "cancel", "pixel",
           "hotel", "channel", "panel", "model", "travel", "level", "label", "novel", "vessel",
           "tunnel", "marvel", "gospel", "barrel", "kernel", "fennel", "flannel", "tinsel",
           "chapel", "kestrel", "mongrel", "cartel", "pastel", "morsel", "satchel", "hostel",
           "lapel", "expel", "compel", "dispel", "propel", "repel", "chisel", "easel", "strudel",
           "quarrel", "squirrel", "cudgel", "snorkel", "yodel", "diesel", "weasel", "tassel",
           "vassal", "statin", "stating", "station", "hepatitis", "deprecept", "nucleotides"}
# a year a release names (`ASCO-2025`, `FY 2024`); `PLB-2044` or `XYZ-1944` is a code
YEAR = re.compile(r"199\d|20[0-3]\d")
TRIAL_WORD = re.compile(r"^\s*(?:(?:Phase|phase)\s+\S+\s+)?(?:clinical\s+)?(?:trial|study|studies|"
                        r"Trial|Study)\b|^,\s+(?:an?|the)\s+"
                        r"(?:(?:[Pp]hase\s+[\w/.-]+|\w+)\s+){0,3}?(?:trial|study)\b")
# `a second Phase 2 trial, VANTA-F4, is evaluating …`: the name set off after `trial,`
TRIAL_WORD_BEFORE = re.compile(r"\b(?:trial|study)\s*(?:,|\(|\s(?:called|named|known\s+as))\s*$")
# serum tumour markers (`CA 19-9`, `CA-125`): assay names, not drugs
TUMOUR_MARKER = re.compile(r"CA[- ]?(?:19-9|125|15-3|27[-.]29|72-4|242)")
SKIP_SECTIONS = ("forward-looking", "contacts", "boilerplate")


@dataclass(frozen=True)
class Candidate:
    text: str
    start: int
    end: int
    kind: str


@cache
def inn_stems() -> tuple[str, ...]:
    return tuple(sorted((r["stem"] for r in vocab.table("inn_stems")), key=len, reverse=True))


@cache
def not_drug_prefixes() -> frozenset[str]:
    return frozenset(r["prefix"].upper() for r in vocab.table("not_drug_codes"))


@cache
def vocabulary_acronyms() -> frozenset[str]:
    """Capitalised words the vocabularies define (indications, endpoints, agencies, …)."""
    words = set()
    for table in ("agencies", "designations", "endpoints", "exchanges", "indications", "platforms",
                  "units", "roles", "cytotoxic_agents"):
        for row in vocab.table(table):
            for cell in row.values():
                words.update(w for w in re.findall(r"[A-Z]{3,8}", cell) if w.isupper())
    return frozenset(words)


def code_prefix(code: str) -> str:
    code = strip_isotope(code)
    return re.match(r"[A-Za-z]*", code).group(0).upper()


def is_code_name(code: str, tickers: set[str]) -> bool:
    """A product code: two or more capitals, digits, and not a gene, registry id, form or year."""
    if ISIN.fullmatch(code) or TUMOUR_MARKER.fullmatch(code):
        return False
    bare = strip_isotope(code)
    letters = re.match(r"[A-Za-z]+", bare)
    if not letters or sum(c.isupper() for c in letters.group(0)) < 2:
        return False
    prefix = code_prefix(code)
    if prefix in not_drug_prefixes() or bare.upper() in tickers:
        return False
    digits = re.findall(r"\d+", bare)
    if not digits:
        return False
    if " " in bare and (YEAR.fullmatch(digits[0]) or len(digits[0]) < 2):
        return False
    letter_segments = re.findall(r"[A-Za-z]+", bare)
    if sum(len(d) for d in digits) < 2 and len(letter_segments) < 2:
        return False
    gene_like = re.fullmatch(r"[A-Z]{2,3}\d{1,2}[A-Z]?", bare) and not digits[0].startswith("0")
    if gene_like:
        return False
    return not YEAR.fullmatch(bare.split("-")[-1]) or "-" not in bare


SHORT_CODE = re.compile(r"[A-Z]{2,4}-?[1-9][a-z]?")


def is_short_code(code: str, tickers: set[str]) -> bool:
    """`OV7`, `GRM-5`: a code with one digit, shaped like a gene's name (`IL6`, `CD3`) too, so
    a drug only where the sentence says so (`short_code_context`)."""
    return bool(SHORT_CODE.fullmatch(code)) and code_prefix(code) not in not_drug_prefixes() \
        and code.upper() not in tickers


# `About OV7`, `granted PRIME to OV7`, `a trial of OV7`, `OV7 (velorasib)`, `OV7 is an
# investigational …`: what makes a one-digit code a drug's name
SHORT_CODE_BEFORE = re.compile(r"(?:\b(?:its|our|lead|investigational|candidates?|About|"
                               r"(?:designations?|status|passport|PRIME)\s+(?:for|to)|"
                               r"(?:trials?|study|studies)\s+of|dosed\s+with)\s*$)")
SHORT_CODE_AFTER = re.compile(r"\s*(?:\(\s*[a-z]{6,}(?:\s+[a-z]{4,})?\s*\)|,?\s+(?:is|was)\s+"
                              r"(?:an?\s+)?(?:investigational|oral|novel|first-in-class|once-|"
                              r"subcutaneous|small[- ]molecule|selective))")


def short_code_context(text: str, cand: Candidate) -> bool:
    return bool(SHORT_CODE_BEFORE.search(text, max(0, cand.start - 40), cand.start)
                or SHORT_CODE_AFTER.match(text, cand.end))


def is_inn(word: str) -> bool:
    lower = word.lower()
    if lower in NOT_INN or len(lower) < 7:
        return False
    if word[0].isupper() and word[1:].lower() != word[1:]:
        return False
    return bool(inn_ending().search(lower))


@cache
def inn_ending() -> re.Pattern:
    """A word of at least three letters before one of the INN stems."""
    stems = "|".join(re.escape(stem) for stem in inn_stems())
    return re.compile(rf"^[a-z\-]{{3,}}(?:{stems})$")


def candidates(text: str, tickers: set[str] | frozenset[str]) -> list[Candidate]:
    """Every drug-name candidate in a piece of text, left to right, without overlaps."""
    return list(_candidates(text, frozenset(tickers)))


# `(Abstract #LBA4002)`, `Poster B123`: a meeting's number for a presentation, not a code
MEETING_NUMBER_BEFORE = re.compile(r"\b(?:[Aa]bstracts?|[Pp]osters?|[Pp]resentations?|"
                                   r"[Ss]essions?|[Bb]oard)\s*(?:#|[Nn]o\.?|[Nn]umber)?\s*:?\s*$")


@lru_cache(maxsize=4096)
def _candidates(text: str, tickers: frozenset[str]) -> tuple[Candidate, ...]:
    found: list[Candidate] = []
    for match in CODE.finditer(text):
        code = match.group("code")
        if MEETING_NUMBER_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        if is_code_name(code, tickers) and not is_trial_name(text, match.end(), code):
            found.append(Candidate(code, match.start(), match.end(), "code"))
        elif is_short_code(code, tickers):
            found.append(Candidate(code, match.start(), match.end(), "short"))
    for match in RADIOLABELLED.finditer(text):
        name = match.group("name")
        symbols = re.findall(r"\d{2,3}([A-Z][a-z]?)", name.split("-")[0] + "-")
        bare = strip_isotope(name)
        if bare != name and all(sym in element_symbols() for sym in symbols) \
                and sum(c.isupper() for c in bare) >= 2:
            found.append(Candidate(name, match.start(), match.end(), "code"))
    for match in INN.finditer(text):
        if is_inn(match.group("inn")):
            end = match.end()
            modifier = MODIFIER.match(text[end:])
            if modifier:
                end += modifier.end()
            found.append(Candidate(text[match.start():end], match.start(), end, "generic"))
    for match in NICKNAME.finditer(text):
        found.append(Candidate(match.group("name"), match.start(), match.end(), "generic"))
    for match in CAPS_NAME.finditer(text):
        if match.group(0) not in vocabulary_acronyms() and match.group(0) not in tickers \
                and code_prefix(match.group(0)) not in not_drug_prefixes():
            found.append(Candidate(match.group(0), match.start(), match.end(), "brand"))
    for match in BRAND.finditer(text):
        found.append(Candidate(match.group("brand"), match.start(), match.start("brand")
                               + len(match.group("brand")), "brand"))
    return tuple(without_overlaps(found))


def looks_like_trial_name(code: str) -> bool:
    """A word of four letters or more with a short number (`GLORA-4`, `CREST-2B`): how
    studies are named, where drug codes take three digits or more (`ABC-123`)."""
    digits = re.findall(r"\d+", code)
    return bool(digits) and len(digits[-1]) <= 2 and len(code_prefix(code)) >= 4


def is_trial_name(text: str, end: int, code: str) -> bool:
    """`GLORA-4 trial`, `the ABC-12 study`, `a Phase 2 trial, GLORA-4, is …`: an
    all-letter word with a short number."""
    if not looks_like_trial_name(code):
        return False
    start = end - len(code)
    return bool(TRIAL_WORD.match(text[end:end + 60])) or (
        bool(TRIAL_WORD_BEFORE.search(text, max(0, start - 30), start))
        and bool(re.match(r"\s*[,)]", text[end:end + 2])))


# `ZEN-101 (NCT06512345) is a two-part …`: a name given a registry number is a study's
REGISTRY_AFTER = re.compile(r"\s*\(\s*NCT\d{8}")
ABOUT_HEADING = re.compile(r"About\s+\S+(?:\s+\S+)?")  # says nothing of what it is about
# `its AB-101 trial`, `Acme's Phase 2 AB-101 study`: the trial of the owner's drug
OWNER_BEFORE = re.compile(r"\b(?:its|our|their|[A-Z][\w-]+['’]s?)\s+(?:(?:ongoing|pivotal|"
                          r"global|randomi[sz]ed|first-in-human|Phase\s+\S+)\s+)*$")


STUDY_WORD = re.compile(r"\b(?:[Tt]rials?|[Ss]tud(?:y|ies))\b")
# `ZETA-201, a global Phase 1/2 trial in patients …`, `ZETA-201: a Phase 2 trial of AB-1`, `the
# Phase 1 ZETA-101 trial of AB-1`: a code defined as a study (the words between describe it)
DESCRIBING = r"(?:an?|the)\s+(?:(?!(?:in|of|for|with|from|as)\b)[\w/-]+,?\s+){0,6}?"
DEFINED_AS_STUDY = re.compile(
    rf"\s*,\s+{DESCRIBING}(?:trial|study)\s+(?:of|in|evaluating|investigating|testing)\s"
    rf"|(?:\s*:\s+{DESCRIBING}|\s+)(?:clinical\s+)?(?:trial|study)\s+(?:of|evaluating|"
    r"investigating|testing)\s(?!(?:the|its)\b)", re.IGNORECASE)
# `the Phase 3 trial of AB-1, a randomized study in …`: the apposition describes the trial
TRIAL_OF_BEFORE = re.compile(r"\b(?:trials?|stud(?:y|ies))\s+(?:of|with|evaluating)\s+$",
                             re.IGNORECASE)
# `the Phase 1 trial (AB-1-101)`: a study's protocol number in parentheses after the study
STUDY_BEFORE_PARENTHESIS = re.compile(r"\b(?:trial|study)\s*\(\s*$", re.IGNORECASE)


def trial_names(sentences, tickers: set[str]) -> tuple[set[str], set[str]]:
    """Codes that only ever name a study (`ABC-101 trial`, `ABC-101, a Phase 2 study`), and
    names in capitals or shaped like a study's that once do (`the CASCADE trial`, `the
    GLORA-4 trial`); with, apart, the codes the text once defines as a study
    (`defined_as_study`), which stay studies whatever drug shares their prefix."""
    followed: dict[str, list[bool]] = {}
    capitals: set[str] = set()  # a name in capitals named once as a study is the study's
    defined: set[str] = set()
    for sentence in sentences:
        for cand in candidates(sentence.text, tickers):
            if cand.kind == "code" and defined_as_study(sentence.text, cand):
                defined.add(iris.drug_key(cand.text))
            if cand.kind == "code" and not ABOUT_HEADING.fullmatch(sentence.text.strip()):
                key = iris.drug_key(cand.text)
                followed.setdefault(key, []).append(
                    bool(TRIAL_WORD.match(sentence.text[cand.end:cand.end + 60])
                         or REGISTRY_AFTER.match(sentence.text, cand.end))
                    and not OWNER_BEFORE.search(sentence.text, max(0, cand.start - 60),
                                                cand.start))
            elif cand.kind == "brand" and cand.text.isupper() and cand.text.isalpha() \
                    and TRIAL_WORD.match(sentence.text[cand.end:cand.end + 60]):
                capitals.add(iris.drug_key(cand.text))  # `the CASCADE trial`
        # `the CREST-2B trial` (no candidate there, `is_trial_name`) once, `CREST-2B enrolled`
        for match in CODE.finditer(sentence.text) if STUDY_WORD.search(sentence.text) else ():
            if is_trial_name(sentence.text, match.end(), match.group("code")):
                capitals.add(iris.drug_key(match.group("code")))
    return {key for key, flags in followed.items() if all(flags)} | capitals | defined, defined


def defined_as_study(text: str, cand) -> bool:
    """`ZETA-201, a Phase 2 trial of AB-1`, `the Phase 1 trial (AB-1-101)`."""
    if TRIAL_OF_BEFORE.search(text, max(0, cand.start - 30), cand.start):
        return False
    return bool(DEFINED_AS_STUDY.match(text, cand.end)) or (
        bool(STUDY_BEFORE_PARENTHESIS.search(text, max(0, cand.start - 30), cand.start))
        and text[cand.end:cand.end + 3].lstrip().startswith(")"))


def same_family(names: set[str], drugs: set[str]) -> set[str]:
    """The names that share their code's prefix with one of the drugs: a company's codes
    share one (`ALP-17`, `ALP-52`), so `the ALP-52 Phase 2 study` names a drug's study."""
    prefixes = {code_prefix(d) for d in drugs if re.search(r"\d", d)}
    return {n for n in names if re.search(r"\d", n) and code_prefix(n) in prefixes}


def protocol_numbers(names: set[str], drugs: set[str]) -> dict[str, str]:
    """`the RDG-455-101 trial` beside the drug RDG-455: a drug's code and a study number
    (`-101`, `-201`) name that drug's study, whatever `same_family` says; each such name →
    the drug's."""
    return {n: d for n in sorted(names) for d in sorted(drugs)
            if n.startswith(d) and re.fullmatch(r"\d{3}", n[len(d):])}


def doubled(accepted: set[str]) -> set[str]:
    """`THIOTHIO`: a name glued to itself where a line break was lost is not a new drug."""
    return {key for key in accepted if len(key) % 2 == 0 and key[:len(key) // 2] * 2 == key
            and key[:len(key) // 2] in accepted}


def named_after_drugs(accepted: set[str]) -> set[str]:
    """`ABC-101` where `ABC` is itself a drug name: a study named after the drug."""
    out = set()
    for key in accepted:
        match = re.fullmatch(r"([a-z]{4,})(\d{3})", key)
        if match and match.group(1) in accepted:
            out.add(key)
    return out


def without_overlaps(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for cand in found:
        if out and cand.start < out[-1].end:
            continue
        out.append(cand)
    return out


def strip_isotope(name: str) -> str:
    """`[177Lu]AB-12`, `177Lu-AB-12`, `Lu-177-AB-12`, `64Cu/67Cu-AB-12` → `AB-12` (the isotope is
    the payload, not the name)."""
    match = re.match(r"^(?:\[\d{2,3}(?P<a>[A-Z][a-z]?)\]\s*|\d{2,3}(?P<b>[A-Z][a-z]?)"
                     r"(?:/\d{2,3}[A-Z][a-z]?)?[- ](?=[A-Za-z])|(?P<c>[A-Z][a-z]?)-\d{2,3}m?-"
                     r"(?=[A-Za-z]))", name)
    if match and (match.group("a") or match.group("b") or match.group("c")) in element_symbols():
        return name[match.end():]
    return name


def find_drugs(ctx: Context, tickers: set[str]) -> None:
    """Fill ctx.drugs, ctx.drug_mentions, ctx.owned and ctx.focus_drug for the document."""
    sentences = [s for s in ctx.structure.sentences if s.section not in SKIP_SECTIONS]
    accepted = accepted_names(sentences, tickers)
    studies, defined = trial_names(sentences, tickers)
    drugs = accepted - studies
    protocols = protocol_numbers(studies, drugs)
    studies -= same_family(studies - defined - set(protocols), drugs)
    accepted -= studies | named_after_drugs(accepted) | doubled(accepted)
    accepted -= {iris.drug_key(short) for short in organization_acronyms(ctx.acronyms)
                 | disease_acronyms(ctx.acronyms)} | payload_keys()
    accepted -= organization_heads(ctx.text)
    groups = alias_groups(sentences, tickers, accepted)
    names = known_names(groups)
    for sentence in sentences:
        mentions = []
        found = candidates(sentence.text, tickers) + context_names(sentence.text, tickers)
        found += [Candidate(m.group(0), m.start(), m.end(), "brand")
                  for m in names.finditer(sentence.text)] if names else []
        for cand in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
            key = iris.drug_key(strip_isotope(cand.text))
            drug = groups.get(key) or groups.get(protocols.get(key, ""))  # its study's number
            if drug and not (mentions and sentence.start + cand.start < mentions[-1].end):
                mentions.append(DrugMention(drug, sentence.start + cand.start,
                                            sentence.start + cand.end, cand.text))
        if mentions:
            ctx.drug_mentions[sentence.start] = sorted(mentions, key=lambda m: m.start)
    ctx.drugs = {iris.drug_key(d.name): d for d in groups.values()}
    ctx.owned = owned_drugs(ctx)
    ctx.focus_drug = focus_drug(ctx)
    if ctx.focus_drug:
        ctx.owned.add(ctx.focus_drug.name)


@cache
def payload_keys() -> frozenset[str]:
    """The cytotoxic payloads the vocabulary names (`SN-38`, `DM1`, `DXd`): what a conjugate
    carries, not a drug of its own."""
    return frozenset(iris.drug_key(name) for row in vocab.table("cytotoxic_agents")
                     for name in (row["label"], *vocab.split(row["names"])))


def disease_acronyms(acronyms: dict[str, str]) -> set[str]:
    """Acronyms the document defines for a disease (`idiopathic pulmonary fibrosis (IPF)`,
    `limb-girdle muscular dystrophy type 2E (LGMD2E)`): never drug names."""
    from kg.extract.indications import HEAD

    return {short for short, long_form in acronyms.items() if HEAD.search(long_form)}


def organization_acronyms(acronyms: dict[str, str]) -> set[str]:
    """Acronyms the document defines for an organisation (`the University of California Los
    Angeles (“UCLA”)`, `Acme Biologics (AB)`): never drug names."""
    from kg.extract.companies import INSTITUTION, organization_names

    return {short for short, long_form in acronyms.items()
            if INSTITUTION.search(long_form) or organization_names(long_form)}


def organization_heads(text: str) -> set[str]:
    """`LAVA` where the text names `LAVA Therapeutics N.V.`, `Veratide` where it names
    `Veratide, Inc.`: an all-capitals or drug-like word that opens an organisation's name is
    that organisation's short name, not a drug."""
    from kg.extract.companies import organization_names

    heads = {name.split()[0].rstrip(",") for _s, _e, name in organization_names(text)}
    return {iris.drug_key(h) for h in heads if CAPS_NAME.fullmatch(h) or is_inn(h)}


def known_names(groups: dict[str, Drug]) -> re.Pattern | None:
    """Every written form of the accepted drugs, to find all their mentions."""
    forms = {form for drug in groups.values() for form in (drug.name, *drug.aliases)}
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-]*\w)")


CONTEXT_NAME = re.compile(
    r"(?:\b(?:dose|doses|dosing|treatment|administration|infusion|injection)s?\s+(?:of|with)\s+"
    r"(?P<a>[A-Z][A-Za-z0-9]{0,20}(?:-[A-Z0-9][A-Za-z0-9]{0,12}){1,3}|[A-Z]{3,12}[0-9]{0,4})\b)|"
    r"(?:\b(?P<b>[A-Z][A-Za-z0-9]{0,20}(?:-[A-Z0-9][A-Za-z0-9]{0,12}){1,3}|[A-Z]{3,12}[0-9]{0,4})"
    r"\s+(?:was|is|were)\s+"
    r"(?:given|administered|dosed|well\s+tolerated|being\s+evaluated)\b)")


def context_names(text: str, tickers: set[str] | frozenset[str]) -> list[Candidate]:
    """Made-up names the sentence uses as drugs: `a dose of Xyzimab-A`, `XYZ was given`,
    and a generic name before its code, `celvaprant (MG-1187)`, whatever its stem."""
    return list(_context_names(text, frozenset(tickers)))


@lru_cache(maxsize=4096)
def _context_names(text: str, tickers: frozenset[str]) -> tuple[Candidate, ...]:
    out = []
    for match in CONTEXT_NAME.finditer(text):
        group = "a" if match.group("a") else "b"
        name = match.group(group)
        if name.upper() in tickers or code_prefix(name) in not_drug_prefixes() \
                or name in vocabulary_acronyms():  # `for the treatment of AML`
            continue
        out.append(Candidate(name, match.start(group), match.end(group), "brand"))
    for match in NAME_BEFORE_CODE.finditer(text) if "(" in text else ():
        code = CODE.match(text, match.end())
        if code and is_code_name(code.group("code"), tickers) and is_generic_shaped(
                match.group("name")) and not is_inn(match.group("name")) \
                and not MODIFIER.match(" " + match.group("name").lower()):
            out.append(Candidate(match.group("name"), match.start("name"), match.end("name"),
                                 "generic"))
    return tuple(out)


NAME_BEFORE_CODE = re.compile(r"(?<![\w-])(?P<name>[A-Za-z][a-z]{6,24})\s+\((?=[A-Z\[\d])")
# the words a release puts before a code that are no drug's name (`an inhibitor (AB-1)`)
DESCRIPTOR = re.compile(
    r"(?:inhibitor|antibody|antibodies|agonist|antagonist|conjugate|candidate|compound|molecule|"
    r"therapy|therapeutic|vaccine|degrader|modulator|programme|program|product|formulation|"
    r"peptide|protein|enzyme|analog|analogue|treatment|tablet|capsule|injection|solution|"
    r"infusion|ligand|radioligand|radiopharmaceutical|construct|oligonucleotide|biologic|"
    r"biosimilar|blocker|activator|engager|medicine|implant|platform|technology|suspension|"
    r"vector|bispecific|nanobody|fragment|receptor|prodrug|combination|regimen|version|"
    r"variant|portfolio|pipeline|partner|collaboration|company|subsidiary|affiliate|asset|"
    r"agent|drug|trial|study|cohort|therapies|candidates|compounds|molecules|products|"
    r"programs|vaccines|assets|designation|approval|application|submission)",
    re.IGNORECASE)
ENGLISH_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ing|ed|ics|ogy|ship|ies|ally|ward|"
                            r"wise|able|ible|ful|less|ous|ive|ism|ist)$")


def is_generic_shaped(word: str) -> bool:
    """A lower-case word that may be a drug's generic name: no descriptor, no English
    ending, not a word of the shared vocabulary."""
    lower = word.lower()
    return (word[1:].islower() and not DESCRIPTOR.fullmatch(lower)
            and not ENGLISH_ENDING.search(lower) and lower not in NOT_INN
            and lower not in vocab.words("common_words"))


# `the X platform`, and `the X bispecific platform`: up to two lower-case descriptive words
# (never a preposition, article or pronoun) between the name and the class noun
DESCRIBED = (r"^\s*(?:®|™)?\s*(?:(?!(?:in|on|of|for|and|or|with|to|from|by|using|our|its|"
             r"their|the|an?|is|was|are)\b)[a-z][\w-]*\s+){0,2}")
GENERIC_NOUN_AFTER = re.compile(DESCRIBED + r"(?i:compounds?|platforms?|technolog(?:y|ies)|"
                                r"conjugates?|portfolio|pipeline|"
                                r"delivery|carrier|family|class)\b")
PLATFORM_AFTER = re.compile(DESCRIBED + r"(?i:platforms?|technolog(?:y|ies))\b")
# `a GPRC5D x CD3 bispecific`, `GPRC5D-directed`, `CDH17-positive`: the code names a target
# (`HDP-104 targeting gastrointestinal tumors` is a drug: a space before `targeting` says nothing)
TARGET_AFTER = re.compile(r"\s*[x×]\s*CD\d|-(?i:targeting|targeted|directed)\b|[- ](?i:positive|"
                          r"negative|expressing|expression|mutant|mutated|mutations?|"
                          r"amplified|amplification|inhibitors?|degraders?|knockout)\b|"
                          r"\s+(?:gene|genes|protein|receptor|pathway|locus)\b|"
                          r",\s+an?\s+(?:[\w-]+\s+){0,2}(?:bio)?markers?\b")  # `X, a marker of …`


def accepted_names(sentences, tickers: set[str]) -> set[str]:
    """Codes and generic names; brand names only in a drug context; never a word used as a
    modifier (`the X platform`, `X compounds`) or a code once named as a target."""
    accepted: set[str] = set()
    modifiers: set[str] = set()
    for sentence in sentences:
        for cand in candidates(sentence.text, tickers) + context_names(sentence.text, tickers):
            if cand.kind in ("code", "short") and TARGET_AFTER.match(sentence.text, cand.end):
                modifiers.add(iris.drug_key(cand.text))
                continue
            if cand.kind == "short" and not short_code_context(sentence.text, cand):
                continue
            if cand.kind != "code" and is_modifier(sentence.text, cand):
                if PLATFORM_AFTER.match(sentence.text[cand.end:]):
                    modifiers.add(iris.drug_key(cand.text))
                continue
            if cand.kind != "brand" or in_drug_context(sentence.text, cand):
                accepted.add(iris.drug_key(strip_isotope(cand.text)))
        for name in appositive_names(sentence.text, tickers):
            accepted.add(iris.drug_key(name))
    return accepted - modifiers  # `the Gammabody® platform`, a target, anywhere: never a drug


def appositive_names(text: str, tickers: set[str] | frozenset[str]) -> list[str]:
    """`its lead product candidate, XYZ`: the name after a drug noun (a whole code if one
    starts there)."""
    return list(_appositive_names(text, frozenset(tickers)))


@lru_cache(maxsize=4096)
def _appositive_names(text: str, tickers: frozenset[str]) -> tuple[str, ...]:
    matches = list(APPOSITIVE.finditer(text))
    if not matches:
        return ()
    out = []
    starts = {c.start: c.text for c in candidates(text, tickers)}
    for match in matches:
        name = starts.get(match.start("name")) or re.sub(r"\s?(?:®|™)$", "", match.group("name"))
        if name[0].islower() and match.start("name") not in starts:
            continue
        if name.upper() not in tickers and not re.fullmatch(r"[A-Z][a-z]+", name):
            out.append(name)
    return tuple(out)


def is_modifier(text: str, cand: Candidate) -> bool:
    """`the X platform`, `X compounds`, a plural brand: a name used for a class, not a drug."""
    plural_word = cand.kind == "brand" and cand.text.endswith("s") and cand.text[:-1].isalpha()
    return plural_word or bool(GENERIC_NOUN_AFTER.match(text[cand.end:]))


OWN_CONTEXT = re.compile(
    r"(?:\b(?:its|our|their|lead|investigational|candidate|compound|of|with|designation for|"
    r"granted|dosed|administered|receive[sd]?|evaluating|evaluate|treatment with|trial of|"
    r"study of|studies of)\s*$)", re.IGNORECASE)
AFTER_CONTEXT = re.compile(r"^\s*(?:®|™)?\s*(?:\(|is an?\b|was\b|has\b|showed|achieved|"
                           r"demonstrated|received|in combination|plus|monotherapy|treatment)",
                           re.IGNORECASE)


def in_drug_context(text: str, cand: Candidate) -> bool:
    before = text[max(0, cand.start - 40):cand.start]
    after = text[cand.end:cand.end + 40]
    return bool(OWN_CONTEXT.search(before) or AFTER_CONTEXT.match(after))


def alias_groups(sentences, tickers: set[str], accepted: set[str]) -> dict[str, Drug]:
    """Join `A (B)` pairs into one drug named by its first-named form."""
    import networkx as nx

    graph = nx.Graph()
    first_seen: dict[str, tuple[int, str, str]] = {}
    for sentence in sentences:
        cands = candidates(sentence.text, tickers) + context_names(sentence.text, tickers)
        for cand in sorted(cands, key=lambda c: c.start):
            key = iris.drug_key(strip_isotope(cand.text))
            if key not in accepted:
                continue
            graph.add_node(key)
            first_seen.setdefault(key, (sentence.start + cand.start, cand.text, cand.kind))
            alias = ALIAS.match(sentence.text[cand.end:])
            for other in alias_names(alias.group("alias"), tickers) if alias else []:
                okey = iris.drug_key(strip_isotope(other.text))
                graph.add_edge(key, okey)
                position = sentence.start + cand.end + alias.start("alias") + other.start
                first_seen.setdefault(okey, (position, other.text, other.kind))
        named = [c for c in cands if iris.drug_key(strip_isotope(c.text)) in accepted]
        known = [c for c in named if KNOWN_AS.search(sentence.text[:c.start])]
        for cand in known:  # `rights to AB-1 in China, where the product is known as XY-2`
            before = [c for c in named if c.end <= cand.start]
            if len({iris.drug_key(strip_isotope(c.text)) for c in before}) == 1:
                graph.add_edge(iris.drug_key(strip_isotope(before[0].text)),
                               iris.drug_key(strip_isotope(cand.text)))
    groups: dict[str, Drug] = {}
    for component in nx.connected_components(graph):
        drug = make_drug(sorted(first_seen[k] for k in component))
        for key in component:
            groups[key] = drug
    return groups


def alias_names(inner: str, tickers: set[str]) -> list[Candidate]:
    """The names in a parenthetical that holds only names (`aka AB-1 or CD-2`), else none."""
    found = [c for c in candidates(inner, tickers) if c.kind != "brand" or inner.strip(" ®™")
             == c.text]
    cursor = 0
    for cand in found:
        if not ALIAS_SEPARATOR.match(inner[cursor:cand.start]):
            return []
        cursor = cand.end
    return found if found and not inner[cursor:].strip(" ®™") else []


def make_drug(forms: list[tuple[int, str, str]]) -> Drug:
    name = forms[0][1]
    names = [f[1] for f in forms]
    by_kind = {kind: tuple(n for _, n, k in forms if k == kind or (k, kind) == ("short", "code"))
               for kind in ("code", "generic", "brand")}
    return Drug(name, tuple(n for n in names if n != name), by_kind["code"], by_kind["generic"],
                by_kind["brand"])


POSSESSIVE_BEFORE = re.compile(
    r"(?:\b(?:its|our|their|lead|investigational|proprietary|company['’]s|[A-Z]\w+['’]s?)"
    r"(?:\s+[\w-]+){0,3}\s*,?\s*$)")
# `granted Orphan Drug Designation to sparsentan`, `is also developing ralufermin`: a name
# the release gives a regulatory status or says it develops
OWN_ACTION_BEFORE = re.compile(r"\b(?:designations?|status|review|voucher)\s+(?:to|for)\s+$|"
                               r"\b(?:is|are|also|currently|now)\s+(?:\w+\s+)?(?:developing|"
                               r"advancing|evaluating|commercializing)\s+$", re.IGNORECASE)
STUDY_OF_BEFORE = re.compile(r"\b(?:trials?|stud(?:y|ies)|doses?|dosing|"
                             r"patients?\s+(?:treated|given))\s+(?:of|with)\s+$", re.IGNORECASE)
COMPARATOR_BEFORE = re.compile(r"(?:combination with|combined with|plus|versus|vs\.?|compared "
                               r"(?:with|to)|failed|prior|previous(?:ly)?|after|standard|"
                               r"and|or|,)\s*(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def owned_drugs(ctx: Context) -> set[str]:
    """The drugs the release presents as the company's own: code names, names the text pairs
    with another (`code (generic)`), and names said with a possessive or `lead`."""
    owned = set()
    for mentions in ctx.drug_mentions.values():
        for mention in mentions:
            if mention.drug.code_names:
                owned.add(mention.drug.name)
    for sentence in ctx.structure.sentences:
        for mention in ctx.mentions_in(sentence):
            local = mention.start - sentence.start
            before = sentence.text[max(0, local - 50):local]
            if COMPARATOR_BEFORE.search(before):
                continue
            if POSSESSIVE_BEFORE.search(before) or sentence.section == "headline" \
                    or STUDY_OF_BEFORE.search(before):
                owned.add(mention.drug.name)
            elif OWN_ACTION_BEFORE.search(before):  # `is developing X and Y`: both
                owned.update(m.drug.name for m in coordinated(sentence, ctx.mentions_in(sentence),
                                                              mention))
        for name in appositive_names(sentence.text, set()):
            drug = ctx.drugs.get(iris.drug_key(name))
            if drug:
                owned.add(drug.name)
    return owned


def coordinated(sentence, mentions: list[DrugMention], first: DrugMention
                ) -> list[DrugMention]:
    """The mention and those listed with it after it (`X, Y and Z`)."""
    out = [first]
    for mention in mentions:
        if mention.start > out[-1].end and re.fullmatch(
                r"[\s®™]*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)",
                sentence.text[out[-1].end - sentence.start:mention.start - sentence.start]):
            out.append(mention)
    return out


def focus_drug(ctx: Context) -> Drug | None:
    """The drug the release is about: named in the headline, else the most mentioned."""
    counts: dict[str, int] = {}
    first: dict[str, Drug] = {}
    for mentions in ctx.drug_mentions.values():
        for mention in mentions:
            name = mention.drug.name
            counts[name] = counts.get(name, 0) + (2 if name in ctx.owned else 1)
            first.setdefault(name, mention.drug)
    if not counts:
        return None
    headline = [m for s in ctx.structure.in_section("headline") for m in ctx.mentions_in(s)
                if m.drug.name in ctx.owned]
    if headline:
        return headline[0].drug
    return first[max(counts, key=lambda n: (counts[n], -list(first).index(n)))]


def developments(ctx: Context) -> None:
    """Who develops each drug: the organisation the text gives it to (`Acme Bio's AB-12`, or a
    code named after the company, `ACME-12`), else the issuer for the drugs it presents as its
    own."""
    from kg.extract.companies import organization, organization_names

    orgs = {name: organization(name, ctx.structure)
            for name in dict.fromkeys(n for _s, _e, n in organization_names(ctx.text))}
    marks = trademark_owners(ctx, orgs)
    done: set[tuple[str, str]] = set()
    for sentence in ctx.fact_sentences():
        for mention in ctx.mentions_in(sentence):
            if mention.drug.name in marks:  # the owner's, wherever the text names it
                owner = marks[mention.drug.name]
            else:
                owner = developer(ctx, sentence, mention, orgs)
            for holder in (owner, *licensees(ctx, sentence, mention, orgs)):
                if holder is None or (holder.name, mention.drug.name) in done:
                    continue
                done.add((holder.name, mention.drug.name))
                ctx.extraction.add(DrugDevelopment(holder, mention.drug),
                                   ctx.evidence(sentence, "kg.drugs.v1"))
    issuer = ctx.issuer.name if ctx.issuer else None
    held = {drug for holder, drug in done if holder == issuer}
    ctx.others = {drug for _holder, drug in done if drug not in held} - (
        {ctx.focus_drug.name} if ctx.focus_drug else set())


ORG_WORDS = (r"(?P<org>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-.]*){0,4})"
             rf"(?:,?\s+{LEGAL_SUFFIX}(?=[\s,]))?")
# `granting Kestrel worldwide rights to develop and commercialize ORB-12`,
# `licensed ORB-12 to Kestrel Pharma`: the licensee develops the drug too
RIGHTS_GRANTED = re.compile(rf"\b(?:grant(?:s|ed|ing)?|giv(?:es|ing)|gave|transfer(?:s|red|ring)?)"
                            rf"\s+{ORG_WORDS}(?:[’']s)?\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,4}}?"
                            r"(?:rights?|licen[cs]e)\s+(?:to|for|in)\s+(?P<rest>[^.;]{0,160})")
LICENSED_TO = re.compile(rf"\b(?:out-)?licens(?:ed|es|ing)\s+(?P<rest>[^.;]{{1,80}}?)\s+to\s+"
                         rf"{ORG_WORDS}")
RIGHTS_RECEIVED = re.compile(rf"{ORG_WORDS}(?:\s*\([^()]{{0,40}}\))?,?\s+(?:which\s+|that\s+)?"
                             r"(?:has\s+|will\s+|shall\s+)?(?:also\s+|now\s+)?"
                             r"(?:obtain|receive|acquire|hold|"
                             r"gain|in-license|license)[sd]?\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                             r"(?:rights?\s+to|license\s+to)\s+(?P<rest>[^.;]{0,160})")

# `holds Canadian rights to ORB-12 under a license agreement with Kestrel Pharma`,
# `in-licensed ORB-12 from Kestrel`: the licensor owns the drug
LICENSED_FROM = re.compile(rf"\b(?:rights?\s+to|in-licens(?:ed|es|ing)|licens(?:ed|es|ing))\s+"
                           rf"(?P<rest>[^.;]{{1,80}}?)\s+(?:from|(?:under|through|via)\s+(?:an?|"
                           r"the|its)\s+(?:[\w-]+\s+){0,3}?(?:licen[cs]e|licensing|collaboration)"
                           rf"\s+agreement\s+with)\s+(?:the\s+)?{ORG_WORDS}")

# `holds rights to ORB-12 outside China, where the rights are licensed to Kestrel Pharma`
RIGHTS_LICENSED_TO = re.compile(
    rf"\brights?\s+to\s+(?P<rest>[^.;]{{1,120}}?),?\s+(?:where|which|and)\s+[^.;]{{0,80}}?"
    rf"\b(?:are|is|have\s+been|has\s+been)\s+(?:exclusively\s+)?(?:sub)?licensed\s+to\s+"
    rf"{ORG_WORDS}")
# `ORB-12, … co-developed with Kestrel Pharma`: the partner develops the drugs named before
# it in the clause (a pattern without `rest` covers the clause up to the match)
CO_DEVELOPED = re.compile(rf"\bco-develop(?:ed|ing|s)?\s+(?:\w+\s+)?with\s+{ORG_WORDS}")
# `a license agreement with Kestrel Pharma (HKEX: 1234) … for ORB-12`: the licensor's drug
AGREEMENT_FOR = re.compile(rf"\blicen[cs](?:e|ing)\s+agreement\s+with\s+{ORG_WORDS}"
                           r"(?:\s*\([^()]{0,40}\))?(?:,[^;.]{0,120}?,)?\s+(?:for|covering)\s+"
                           r"(?P<rest>[^.;]{1,120})")
# `Under the agreement, Kestrel Bio will develop and commercialize ORB-12 in Asia`
WILL_DEVELOP = re.compile(rf"{ORG_WORDS}\s+(?:will|shall|is\s+to|agreed\s+to|has\s+agreed\s+to)"
                          r"\s+(?:\w+\s+)?(?:develop|commerciali[sz]e|market)"
                          r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?:develop|commerciali[sz]e|market|"
                          r"manufacture|register|distribute|sell)){0,3}\s+(?P<rest>[^.;]{0,160})")


def licensees(ctx: Context, sentence, mention, orgs: dict) -> list[Organization]:
    """Organisations a licence in the sentence gives rights to the drug, or has them from
    (besides the issuer)."""
    local = mention.start - sentence.start
    found = []
    for pattern in (RIGHTS_GRANTED, LICENSED_TO, RIGHTS_RECEIVED, WILL_DEVELOP, LICENSED_FROM,
                    RIGHTS_LICENSED_TO, CO_DEVELOPED, AGREEMENT_FOR):
        for match in pattern.finditer(sentence.text):
            start, end = (match.span("rest") if "rest" in pattern.groupindex
                          else (clause_start(sentence.text, match.start()), match.start()))
            if start <= local < end:
                org = named_org(ctx, match.group("org"), orgs)
                if org is not None and org not in found:
                    found.append(org)
    return found


def clause_start(text: str, end: int) -> int:
    """Where the clause ending at `end` starts: after the last `.` or `;` before it."""
    return max(text.rfind(".", 0, end), text.rfind(";", 0, end)) + 1


def named_org(ctx: Context, text: str, orgs: dict) -> Organization | None:
    """The issuer, or an organisation the release names, that `text` names: in full, with
    more after it (`… of Merck Sharp & Dohme LLC and …`), or by the first words of its
    name (`Kestrel` for `Kestrel Pharma AG`); the longest name first."""
    def names(name: str) -> bool:
        return text.startswith(name) or name.startswith((text + " ", text + ","))

    if ctx.issuer and any(map(names, (ctx.issuer.name, *ctx.issuer.aliases))):
        return ctx.issuer
    return next((org for name, org in sorted(orgs.items(), key=lambda item: -len(item[0]))
                 if names(name)), None)


POSSESSIVE_ORG = re.compile(r"(?:[’']s)\s*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,4}"
                            r"(?:\([^()]{0,10}\)\s*)?$")


PARTNER_BEFORE = re.compile(r"(?:combination with|combined with|plus|versus|vs\.?|compared "
                            r"(?:with|to))\s*(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
SELF_DESCRIPTION = re.compile(r"^(?:,[^,]{0,80},)?\s+(?:is|was)\s+an?\s+[^.;]{0,80}?"
                              r"\b(?:company|developer|biotech|biopharma)\w*\b")


def self_described(sentence, orgs: dict) -> Organization | None:
    """`Orbis Biologics B.V. is a biotechnology company that has developed … OB-101`: the
    organisation a sentence describes, which develops the drugs it names."""
    for name, org in sorted(orgs.items(), key=lambda item: -len(item[0])):
        if sentence.text.startswith(name) and SELF_DESCRIPTION.match(sentence.text[len(name):]):
            return org
    return None


# `KEYTRUDA® (pembrolizumab) is a registered trademark of Merck Sharp & Dohme LLC`
TRADEMARK_OF = re.compile(r"^\s*[®™]?\s*(?:\([^()]{0,60}\)\s*)?(?:is|are)\s+(?:a\s+)?"
                          r"(?:registered\s+)?trademarks?\s+(?:\w+\s+){0,3}?of\s+(?P<org>.{3,120})")


def trademark_owners(ctx: Context, orgs: dict) -> dict[str, Organization | None]:
    """Drug names a trademark notice gives to an organisation (None when the text names it
    no other way), from any sentence, the notices at the foot of a release included."""
    found: dict[str, Organization | None] = {}
    for sentence in ctx.structure.sentences:
        for mention in ctx.mentions_in(sentence):
            notice = TRADEMARK_OF.match(sentence.text[mention.end - sentence.start:])
            if notice:
                found[mention.drug.name] = named_org(ctx, notice.group("org"), orgs)
    return found


def developer(ctx: Context, sentence, mention, orgs: dict) -> Organization | None:
    described = self_described(sentence, orgs)
    local = mention.start - sentence.start
    if described is not None and not PARTNER_BEFORE.search(
            sentence.text[max(0, local - 50):local]):
        issuer_names = (ctx.issuer.name, *ctx.issuer.aliases) if ctx.issuer else ()
        return ctx.issuer if described.name in issuer_names else described
    before = sentence.text[max(0, local - 120):local]
    possessive = POSSESSIVE_ORG.search(before)
    if possessive:
        head = before[:possessive.start()]
        issuer_names = (ctx.issuer.name, *ctx.issuer.aliases) if ctx.issuer else ()
        if any(head.endswith(name) for name in issuer_names):
            return ctx.issuer
        for name, org in orgs.items():
            if head.endswith(name) and org.name != (ctx.issuer.name if ctx.issuer else None):
                return org
    prefix = code_prefix(mention.drug.code_names[0]) if mention.drug.code_names else ""
    issuer = ctx.issuer.name if ctx.issuer else None
    if len(prefix) >= 3:
        for name, org in orgs.items():
            if name.split()[0].upper() == prefix and org.name != issuer:
                return org
    return ctx.issuer if mention.drug.name in ctx.owned else None

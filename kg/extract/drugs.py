"""Drug names: code names (`AB-123`, `XY 45`), INN/generic names (by USAN stem), brand names
(® / ™), the alias pairs the text defines (`AB-123 (examplimab)`), and who develops them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import iris, vocab
from kg.extract.context import Context, DrugMention
from kg.extract.lexicon import element_symbols
from kg.facts import Drug, DrugDevelopment

CODE = re.compile(
    r"(?<![\w\-\]/.])(?P<code>(?:\[\d{2,3}[A-Z][a-z]?\]|\d{2,3}[A-Z][a-z]?[- ])?"
    r"[A-Z][A-Za-z]{0,5}(?:-[A-Z][A-Za-z]{0,5})?(?:[- ]?\d[\dA-Za-z]*|-[A-Z][a-z]?\d+)"
    r"(?:-\d+[A-Za-z]?)?)(?![\w-]*\w)(?!\s*%)")
INN = re.compile(r"(?<![\w-])(?P<inn>[A-Za-z][a-z]{4,}(?:-[a-z]+)?)(?![\w-])")
MODIFIER = re.compile(
    r"^\s+(?P<mod>[a-z]+(?:vedotin|dotin|tesirine|tecan|ozogamicin|emtansine|mertansine|"
    r"satetraxetan|tetraxetan|adenovec|vec|pegol|alfa|beta|tansine|govitecan|soravtansine))\b")
BRAND = re.compile(r"(?<![\w-])(?P<brand>[A-Z][A-Za-z0-9\-]{2,}|[A-Z]{3,})\s?(?:®|™|\(R\))")
ALIAS = re.compile(r"^\s*\(\s*(?:also known as |formerly |or )?(?P<alias>[^()]{2,60}?)\s*\)")
APPOSITIVE = re.compile(
    r"\b(?:lead|investigational|novel|proprietary|clinical[- ]stage)?\s*(?:product |drug |"
    r"therapeutic |clinical )?(?:candidate|compound|asset|drug|program|therapy|product)"
    r"\s*[,:]?\s+(?P<name>[A-Z][A-Za-z0-9\-]{2,}(?:\s?(?:®|™))?)(?=[\s,.;:)])")
NOT_INN = {"oncogene", "transgene", "antigene", "progene", "thermostat", "hemostat", "rheostat",
           "peptide", "polypeptide", "nucleotide", "oligonucleotide", "dipeptide", "concept",
           "except", "accept", "percept", "intercept", "excel", "parcel", "cancel", "pixel",
           "hotel", "channel", "panel", "model", "travel", "level", "label", "novel", "vessel",
           "tunnel", "marvel", "gospel", "barrel", "kernel", "fennel", "flannel", "tinsel",
           "chapel", "kestrel", "mongrel", "cartel", "pastel", "morsel", "satchel", "hostel",
           "lapel", "expel", "compel", "dispel", "propel", "repel", "chisel", "easel", "strudel",
           "quarrel", "squirrel", "cudgel", "snorkel", "yodel", "diesel", "weasel", "tassel",
           "vassal", "statin", "stating", "station", "hepatitis", "deprecept", "nucleotides"}
YEAR = re.compile(r"(?:19|20)\d\d")
TRIAL_WORD = re.compile(r"^\s*(?:(?:Phase|phase)\s+\S+\s+)?(?:trial|study|studies|Trial|Study)\b")
SKIP_SECTIONS = ("forward-looking", "contacts")


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


def code_prefix(code: str) -> str:
    code = re.sub(r"^(?:\[\d+[A-Za-z]+\]|\d{2,3}[A-Z][a-z]?[- ])", "", code)
    return re.match(r"[A-Za-z]*", code).group(0).upper()


def is_code_name(code: str, tickers: set[str]) -> bool:
    """A product code: two or more capitals, digits, and not a gene, registry id, form or year."""
    bare = re.sub(r"^(?:\[\d+[A-Za-z]+\]|\d{2,3}[A-Z][a-z]?[- ])", "", code)
    letters = re.match(r"[A-Za-z]+", bare)
    if not letters or sum(c.isupper() for c in letters.group(0)) < 2:
        return False
    prefix = code_prefix(code)
    if prefix in not_drug_prefixes() or prefix in tickers or bare.upper() in tickers:
        return False
    digits = re.findall(r"\d+", bare)
    if not digits:
        return False
    if " " in bare and (YEAR.fullmatch(digits[0]) or len(digits[0]) < 2):
        return False
    if re.fullmatch(r"[A-Z]{2,}\d{1,2}[A-Z]?", bare) and len(letters.group(0)) <= 3:
        return False
    return not YEAR.fullmatch(bare.split("-")[-1]) or "-" not in bare


def is_inn(word: str) -> bool:
    lower = word.lower()
    if lower in NOT_INN or len(lower) < 7:
        return False
    if word[0].isupper() and word[1:].lower() != word[1:]:
        return False
    return any(lower.endswith(stem) and len(lower) - len(stem) >= 3 for stem in inn_stems())


def candidates(text: str, tickers: set[str]) -> list[Candidate]:
    """Every drug-name candidate in a piece of text, left to right, without overlaps."""
    found: list[Candidate] = []
    for match in CODE.finditer(text):
        code = match.group("code")
        if is_code_name(code, tickers) and not is_trial_name(text, match.end(), code):
            found.append(Candidate(code, match.start(), match.end(), "code"))
    for match in INN.finditer(text):
        if is_inn(match.group("inn")):
            end = match.end()
            modifier = MODIFIER.match(text[end:])
            if modifier:
                end += modifier.end()
            found.append(Candidate(text[match.start():end], match.start(), end, "generic"))
    for match in BRAND.finditer(text):
        found.append(Candidate(match.group("brand"), match.start(), match.start("brand")
                               + len(match.group("brand")), "brand"))
    return without_overlaps(found)


def is_trial_name(text: str, end: int, code: str) -> bool:
    """`GLORA-4 trial`, `the ABC-12 study`: an all-letter word with a short number."""
    bare = code_prefix(code)
    digits = re.findall(r"\d+", code)
    return (len(bare) >= 4 and digits and len(digits[-1]) <= 2
            and bool(TRIAL_WORD.match(text[end:end + 40])))


def without_overlaps(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for cand in found:
        if out and cand.start < out[-1].end:
            continue
        out.append(cand)
    return out


def strip_isotope(name: str) -> str:
    """`[177Lu]AB-12`, `177Lu-AB-12` → `AB-12` (the isotope is the payload, not the name)."""
    stripped = re.sub(r"^(?:\[\d{2,3}[A-Z][a-z]?\]\s*|\d{2,3}[A-Z][a-z]?[- ](?=[A-Za-z]))", "",
                      name)
    symbol = re.match(r"^\[?\d{2,3}([A-Z][a-z]?)", name)
    return stripped if symbol and symbol.group(1) in element_symbols() else name


def find_drugs(ctx: Context, tickers: set[str]) -> None:
    """Fill ctx.drugs and ctx.drug_mentions from the whole document."""
    sentences = [s for s in ctx.structure.sentences if s.section not in SKIP_SECTIONS]
    accepted = accepted_names(ctx, sentences, tickers)
    groups = alias_groups(ctx, sentences, tickers, accepted)
    for sentence in sentences:
        mentions = []
        for cand in candidates(sentence.text, tickers):
            drug = groups.get(iris.drug_key(strip_isotope(cand.text)))
            if drug:
                mentions.append(DrugMention(drug, sentence.start + cand.start,
                                            sentence.start + cand.end, cand.text))
        if mentions:
            ctx.drug_mentions[sentence.start] = mentions
    ctx.drugs = {iris.drug_key(d.name): d for d in groups.values()}
    ctx.focus_drug = focus_drug(ctx)


def accepted_names(ctx: Context, sentences, tickers: set[str]) -> set[str]:
    """Code names always; generic and brand names only in a drug context or an alias pair."""
    accepted: set[str] = set()
    for sentence in sentences:
        for cand in candidates(sentence.text, tickers):
            if cand.kind == "code" or in_drug_context(sentence.text, cand):
                accepted.add(iris.drug_key(strip_isotope(cand.text)))
        for match in APPOSITIVE.finditer(sentence.text):
            name = re.sub(r"\s?(?:®|™)$", "", match.group("name"))
            if name.upper() not in tickers and not re.fullmatch(r"[A-Z][a-z]+", name):
                accepted.add(iris.drug_key(name))
    return accepted


OWN_CONTEXT = re.compile(
    r"(?:\b(?:its|our|their|lead|investigational|candidate|compound|of|with|designation for|"
    r"granted|dosed|administered|receive[sd]?|evaluating|evaluate|treatment with|trial of|"
    r"study of|studies of)\s*$)", re.IGNORECASE)
AFTER_CONTEXT = re.compile(r"^\s*(?:®|™)?\s*(?:\(|is an?\b|was\b|has\b|showed|achieved|demonstrated|"
                           r"received|in combination|plus|monotherapy|treatment)", re.IGNORECASE)


def in_drug_context(text: str, cand: Candidate) -> bool:
    before = text[max(0, cand.start - 40):cand.start]
    after = text[cand.end:cand.end + 40]
    return bool(OWN_CONTEXT.search(before) or AFTER_CONTEXT.match(after)) or cand.kind == "brand" \
        and bool(re.search(r"\b(?:trial|study|dose|patients|treat)", text, re.IGNORECASE))


def alias_groups(ctx: Context, sentences, tickers: set[str], accepted: set[str]
                 ) -> dict[str, Drug]:
    """Join `A (B)` pairs into one drug named by its first-named form."""
    import networkx as nx

    graph = nx.Graph()
    first_seen: dict[str, tuple[int, str, str]] = {}
    for sentence in sentences:
        cands = candidates(sentence.text, tickers)
        for cand in cands:
            key = iris.drug_key(strip_isotope(cand.text))
            if key not in accepted:
                continue
            graph.add_node(key)
            first_seen.setdefault(key, (sentence.start + cand.start, cand.text, cand.kind))
            alias = ALIAS.match(sentence.text[cand.end:])
            if alias:
                other = [c for c in candidates(alias.group("alias"), tickers)]
                if len(other) == 1 and other[0].text == alias.group("alias").strip(" ®™"):
                    okey = iris.drug_key(strip_isotope(other[0].text))
                    graph.add_edge(key, okey)
                    first_seen.setdefault(okey, (sentence.start + cand.end, other[0].text,
                                                 other[0].kind))
    groups: dict[str, Drug] = {}
    for component in nx.connected_components(graph):
        forms = sorted(first_seen[k] for k in component)
        drug = make_drug(forms)
        for key in component:
            groups[key] = drug
    return groups


def make_drug(forms: list[tuple[int, str, str]]) -> Drug:
    name = forms[0][1]
    names = [f[1] for f in forms]
    by_kind = {kind: tuple(n for _, n, k in forms if k == kind) for kind in
               ("code", "generic", "brand")}
    return Drug(name, tuple(n for n in names if n != name), by_kind["code"], by_kind["generic"],
                by_kind["brand"])


def focus_drug(ctx: Context) -> Drug | None:
    """The drug the release is about: named in the headline, else the most mentioned."""
    counts: dict[str, int] = {}
    for mentions in ctx.drug_mentions.values():
        for mention in mentions:
            counts[mention.drug.name] = counts.get(mention.drug.name, 0) + 1
    if not counts:
        return None
    headline = [m for s in ctx.structure.in_section("headline") for m in ctx.mentions_in(s)]
    if headline:
        return headline[0].drug
    name = max(sorted(counts), key=lambda n: counts[n])
    return next(m.drug for ms in ctx.drug_mentions.values() for m in ms if m.drug.name == name)


COMPARATOR_BEFORE = re.compile(r"(?:combination with|combined with|plus|versus|vs\.?|compared "
                               r"(?:with|to)|failed|prior|previous(?:ly)?|after|standard|"
                               r"and|or|,)\s*(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def developments(ctx: Context) -> None:
    """A company develops the drugs the release presents as its own."""
    if not ctx.issuer:
        return
    owned: dict[str, tuple] = {}
    for sentence in ctx.fact_sentences():
        for mention in ctx.mentions_in(sentence):
            local = mention.start - sentence.start
            before = sentence.text[max(0, local - 40):local]
            own = mention.drug.code_names or not COMPARATOR_BEFORE.search(before)
            if own and mention.drug.name not in owned:
                owned[mention.drug.name] = (mention.drug, sentence)
    for drug, sentence in owned.values():
        ctx.extraction.add(DrugDevelopment(ctx.issuer, drug),
                           ctx.evidence(sentence, "kg.drugs.v1"))

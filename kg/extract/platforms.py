"""What a drug is built on and what it delivers: technology platforms (`antibody-drug
conjugate`, "its X platform") and payloads (radioisotopes as `element-mass`, cytotoxic agents)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract import lexicon
from kg.extract.context import Context
from kg.facts import Payload, PayloadUse, PlatformUse


@dataclass(frozen=True)
class Local:
    """A drug mention's offsets within its sentence."""

    local_start: int
    local_end: int

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
NAMED_PLATFORM = re.compile(
    r"(?<![\w’'])(?P<phrase>(?:[\w\-®™℠]+(?:\((?:TM|R|SM)\))?\s+){1,5}?)"
    r"(?:\([A-Z][A-Za-z]{1,6}\)\s+)?"
    r"(?:technology\s+|delivery\s+)?(?:platforms?|technology)\b")
PLATFORM_CANDIDATE = re.compile(
    r"\b(?:an?|the|our|its|second|first|lead|next)\s+(?:\w+\s+)?(?P<p>[A-Z]{2,6})\s?[®™]?\s+"
    r"(?:candidates?|compounds?|molecules?|programs?|products?)\b")
DEFINED_TECHNOLOGY = re.compile(
    r"(?<![\w’'])(?P<phrase>(?:[\w\-]+\s+){0,3}[\w\-]*(?:conjugates?|vectors?|viruses|virus|"
    r"nanoparticles?|particles?))\s*[®™]?\s*\((?P<acronym>[A-Z][A-Za-z]{1,5}s?)[®™]?\)")
PLATFORM_NOISE = {"its", "our", "the", "a", "an", "company's", "company’s", "proprietary",
                  "patented", "novel", "unique", "innovative", "versatile", "their", "this",
                  "of", "on", "upon", "and", "is", "leading", "differentiated", "clinically",
                  "validated", "clinical-stage", "based", "built", "using", "with", "optimized",
                  "new", "next-generation", "broad", "powerful", "in", "from", "by", "to", "for"}
ISOTOPE_FORMS = [
    re.compile(r"(?<![\w-])(?P<el>[A-Za-z]{1,10})[- ]?(?P<mass>\d{1,3}m?)(?![\w])"),
    re.compile(r"(?<![\w-])\[?(?P<mass>\d{1,3}m?)\]?(?P<el>[A-Z][a-z]?)\]?(?![a-z])"),
]
PAYLOAD_CONTEXT = re.compile(r"\b(?:payloads?|conjugat\w*|warheads?|linked|delivers?|"
                             r"deliver(?:ing|ed)|carr(?:y|ies|ying)|armed|loaded|compris\w*|"
                             r"contain(?:s|ing)?|consist\w*|composed|formulat\w*)\b",
                             re.IGNORECASE)


IMAGING_USE = re.compile(r"^[\s,]*(?:which|that)?\s*(?:serves?|is|are|used|being)?\s*(?:used\s+)?"
                         r"(?:to|for)\s+(?:\w+\s+){0,3}?(?:imaging|select\w*|dosimetry|"
                         r"diagnos\w*|detect\w*|PET|SPECT|scans?)\b", re.IGNORECASE)


# no radionuclide a drug carries is lighter (carbon-11 and fluorine-18 are the lightest used
# in medicine); `C5` (a complement protein), `type 2C` and fibrosis stage `F2` name none
MIN_MASS = 10


def isotopes_in(text: str) -> list[tuple[int, Payload]]:
    """(position, payload) of radioisotopes: `iodine-131`, `I-131`, `177Lu`, `[212Pb]`; not
    one the text gives an imaging use (`203Pb, which serves to select patients …`)."""
    text = text.translate(SUPERSCRIPTS)
    out = []
    for pattern in ISOTOPE_FORMS:
        for match in pattern.finditer(text):
            element = isotope_element(match.group("el"))
            mass = match.group("mass")
            if IMAGING_USE.match(text[match.end():match.end() + 80]):
                continue
            if element and MIN_MASS <= int(mass.rstrip("m")) <= 300:
                identifiers = lexicon.isotope_ids().get((element, mass.lower()), ())
                label = f"{element}-{mass}"
                out.append((match.start(), Payload(label, element, mass, identifiers)))
    return sorted(out, key=lambda item: item[0])


def isotope_element(text: str) -> str:
    """An element written as its name (any case) or its exact symbol."""
    symbols = lexicon.element_symbols()
    if text in symbols:
        return symbols[text]
    lower = text.lower()
    return lower if lower in lexicon.elements() and len(lower) > 2 else ""


@lru_cache(maxsize=512)
def platform_phrases(text: str) -> tuple[tuple[int, str, int], ...]:
    """(position, name, rank) of platforms named in a sentence; a lower rank is more specific:
    a named platform, then a technology the text defines with an acronym, then a modality."""
    out = [(m.start, m.key, 2) for m in lexicon.platforms().find(text)]
    named = NAMED_PLATFORM.finditer(text) if names_technology(text) else ()
    for match in named:
        words = match.group("phrase").split()
        noise = [i for i, w in enumerate(words) if w.lower().strip("®™") in PLATFORM_NOISE]
        words = words[noise[-1] + 1:] if noise else words
        if words:
            out.append((match.start(), clean(" ".join(words)), 0))
    for match in PLATFORM_CANDIDATE.finditer(text):
        out.append((match.start("p"), match.group("p"), 0))
    for match in DEFINED_TECHNOLOGY.finditer(text):
        words = match.group("phrase").split()
        noise = [i for i, w in enumerate(words) if w.lower() in PLATFORM_NOISE]
        words = words[noise[-1] + 1:] if noise else words
        if words:
            out.append((match.start(), clean(" ".join(words)), 1))
    return tuple(sorted(set(out)))


def clean(text: str) -> str:
    return re.sub(r"[®™℠]|\((?:TM|R|SM)\)", "", text).strip()


MODALITY_TIE = re.compile(r"^\s*[®™]?\s*(?:,\s*|\s+(?:is|was|are)\s+)(?:an?\s+|the\s+)?"
                          r"(?:[\w-]+\s+){0,4}$")
COMPANY_PLATFORM = re.compile(r"\b(?:[Tt]he\s+[Cc]ompany[’']s|[Ii]ts|[Oo]ur|[A-Z]\w+[’']s)\s+"
                              r"(?:proprietary\s+|patented\s+|novel\s+)?|\bproprietary\b")


def tied_to_drug(text: str, mentions, position: int) -> bool:
    """A modality (`an antibody-drug conjugate`) describes the drug only in an apposition or
    after a copula right after the drug's name, or just before it."""
    for mention in mentions:
        start, end = mention.local_start, mention.local_end
        if end <= position and MODALITY_TIE.match(text[end:position]):
            return True
        if 0 <= start - position <= 60 and len(text[position:start].split()) <= 5:
            return True
    return False


# `AB-2, a NORDLYS-derived binder`, `the first conjugate from NORDLYS`: a drug said to come
# from a platform the release names (by the platform's first word)
DERIVED = r"(?:™|®|\(TM\))?-(?:derived|based|enabled|engineered|generated)\b"


def platform_brands(ctx: Context) -> dict[str, str]:
    """The first word of each named platform (`NORDLYS` of `NORDLYS peptide`) → the name,
    when the word is written as a brand (capitals, or a capital inside it)."""
    brands: dict[str, str] = {}
    for sentence in ctx.fact_sentences():
        if not names_technology(sentence.text):
            continue
        for _pos, name, rank in platform_phrases(sentence.text):
            first = name.split()[0].strip("®™") if name.split() else ""
            if rank == 0 and len(first) >= 3 and first[0].isupper() \
                    and any(c.isupper() for c in first[1:]):  # `NORDLYS`, `CycloTrace`
                brands.setdefault(first, name)
    return brands


def names_technology(text: str) -> bool:
    lower = text.lower()
    return "platform" in lower or "technolog" in lower

# `the same X`, `its X`, `Wren's X`: who or which platform, before its brand
OWNER = r"(?:the\s+(?:same\s+)?|its\s+|our\s+|[A-Z]\w+[’']s\s+)?"
# `Wren's second X programme, AB-2`: a drug set after the brand's programme
PROGRAMME_OF = (r"(?P<brand>{names})(?:™|®|\(TM\))?\s+(?:programmes?|programs?|candidates?|"
                r"assets?),\s+$")
# `Using its X platform, Wren is developing A and B`: the drugs the clause goes on to name
USING_PLATFORM = (r"\b(?:[Uu]sing|[Ww]ith|[Oo]n)\s+(?:its|our|the|[A-Z]\w+[’']s)\s+"
                  r"(?P<brand>{names})(?:™|®|\(TM\))?(?:\s+platform)?,\s+[^,;]{{0,40}}?\b"
                  r"(?:is|are)\s+(?:developing|advancing)\b")


def derived_pattern(brands: dict[str, str]) -> re.Pattern | None:
    """`X-derived`, `from X` or `is a X GalNAc-siRNA` for any of the brands; None without
    brands."""
    if not brands:
        return None
    names = brand_names(brands)
    return re.compile(rf"(?<![\w-])(?P<b>{names}){DERIVED}|\bfrom\s+(?:its\s+|the\s+|our\s+)?"
                      rf"(?P<f>{names})(?:™|®|\(TM\))?(?![\w-])|"
                      rf"\b(?:is|are|was)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?P<c>{names})"
                      rf"(?:™|®|\(TM\))?(?![\w-])|"
                      rf"\b(?:built|based|designed|developed|constructed|generated|made)\s+(?:on|"
                      rf"with|using|from)\s+{OWNER}(?P<v>{names})(?![\w-])|"
                      rf"\b(?:uses?|using|employs?|leverages?)\s+{OWNER}(?P<u>{names})(?![\w-])")


def after_patterns(brands: dict[str, str]) -> tuple[re.Pattern, re.Pattern] | None:
    """PROGRAMME_OF and USING_PLATFORM for the brands; None without brands."""
    if not brands:
        return None
    names = brand_names(brands)
    return re.compile(PROGRAMME_OF.format(names=names)), \
        re.compile(USING_PLATFORM.format(names=names))


def after_brands(patterns: tuple[re.Pattern, re.Pattern] | None, sentence, mentions
                 ) -> list[tuple[str, object]]:
    """(brand, mention) for drugs named after a brand's programme (`second X programme, AB-2`)
    or after `Using its X platform, Wren is developing A and B` (`after_patterns`)."""
    if not patterns or not mentions:
        return []
    programme_of, using_platform = patterns
    out = []
    for mention in mentions:
        programme = programme_of.search(sentence.text, 0, mention.start - sentence.start)
        if programme:
            out.append((programme.group("brand"), mention))
    for match in using_platform.finditer(sentence.text):
        end = CLAUSE_BREAK.search(sentence.text, match.end())
        stop = end.start() if end else len(sentence.text)
        out += [(match.group("brand"), m) for m in mentions
                if match.end() <= m.start - sentence.start < stop]
    return out


def brand_names(brands: dict[str, str]) -> str:
    return "|".join(re.escape(b) for b in sorted(brands, key=len, reverse=True))


def included_pattern(brands: dict[str, str]) -> re.Pattern | None:
    """`programs built on X include A, B and C`: the drugs listed after it are X's; None
    without brands."""
    if not brands:
        return None
    return re.compile(rf"\b(?:built|based)\s+on\s+(?:the\s+|its\s+|our\s+)?"
                      rf"(?P<b>{brand_names(brands)})(?:™|®|\(TM\))?(?:\s+platform)?,?\s+"
                      r"(?:include|includes|are|comprise)\b")


def platforms_and_payloads(ctx: Context) -> None:
    found: dict[str, list] = {}
    brands = platform_brands(ctx)
    derived, included = derived_pattern(brands), included_pattern(brands)
    after = after_patterns(brands)
    for sentence in ctx.fact_sentences():
        mentions = ctx.own_mentions(sentence)
        evidence = ctx.evidence(sentence, "kg.platforms.v1")
        labelled = set()
        for mention in mentions:
            for _pos, payload in isotopes_in(mention.text):
                labelled.add(mention.drug.name)
                ctx.extraction.add(PayloadUse(mention.drug, payload), evidence)
        drug = mentions[0].drug if mentions else about_drug(ctx, sentence)
        if not drug:
            company_platforms(ctx, sentence, evidence, found)
            continue
        local = [Local(m.start - sentence.start, m.end - sentence.start) for m in mentions]
        for pos, name, rank in platform_phrases(sentence.text):
            listed = listed_after(sentence.text, mentions, sentence.start, pos) if rank == 0 else []
            for listed_drug in listed:
                found.setdefault(listed_drug.name, []).append(
                    (rank, sentence.start, name, listed_drug, evidence))
            if listed or (rank == 2 and not tied_to_drug(sentence.text, local, pos)):
                continue
            for each in subject_drugs(ctx, mentions, sentence.start + pos) or [drug]:
                found.setdefault(each.name, []).append((rank, sentence.start, name, each,
                                                        evidence))
        for match in derived.finditer(sentence.text) if derived else ():
            at = sentence.start + match.start()
            nearest = [m for m in mentions if m.end <= at]
            if nearest and not CLAUSE_BREAK.search(ctx.text, nearest[-1].end, at):
                found.setdefault(nearest[-1].drug.name, []).append(
                    (0, sentence.start, brands[next(g for g in match.groups() if g)],
                     nearest[-1].drug, evidence))
        for brand, mention in after_brands(after, sentence, mentions):
            found.setdefault(mention.drug.name, []).append(
                (0, sentence.start, brands[brand], mention.drug, evidence))
        for match in included.finditer(sentence.text) if included else ():
            end = sentence.text.find(";", match.end())
            end = len(sentence.text) if end < 0 else end
            for mention in mentions:
                if match.end() <= mention.start - sentence.start < end:
                    found.setdefault(mention.drug.name, []).append(
                        (0, sentence.start, brands[match.group("b")], mention.drug, evidence))
        if drug.name not in labelled:
            for pos, payload in isotopes_in(sentence.text):
                if not PRIOR_TREATMENT.search(sentence.text[max(0, pos - 60):pos]):
                    described = described_drug(sentence.text, mentions, sentence.start, pos)
                    ctx.extraction.add(PayloadUse(described or drug, payload), evidence)
        if PAYLOAD_CONTEXT.search(sentence.text):
            for agent in named_agents(sentence.text):
                ctx.extraction.add(PayloadUse(drug, Payload(agent.key)), evidence)
    for candidates in found.values():
        _rank, _start, name, drug, evidence = min(candidates, key=lambda c: c[:3])
        ctx.extraction.add(PlatformUse(drug, name), evidence)


# `…, B and C, an actinium-225-labeled therapy`: an apposition describes the drug before it
APPOSITION_BEFORE = re.compile(r",\s+(?:an?|the)\s+$")


def described_drug(text: str, mentions, offset: int, position: int):
    """The drug an apposition holding `position` describes (`C, an actinium-225-labeled
    therapy` → C), else None."""
    before = [m for m in mentions if m.end - offset <= position]
    if before and APPOSITION_BEFORE.fullmatch(text, before[-1].end - offset, position):
        return before[-1].drug
    return None


# `a topoisomerase I inhibitor payload, exatecan`: the class the text names the agent by
AGENT_APPOSITION = re.compile(r"^\s*(?:payloads?|warheads?)?\s*(?:[,(:]|--|—)\s*"
                              r"(?:called\s+|named\s+|known\s+as\s+)?$", re.IGNORECASE)


# `exatecan, a topoisomerase I inhibitor payload`: the class after the agent it describes
CLASS_APPOSITION = re.compile(r"^\s*,\s*(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def named_agents(text: str) -> list:
    """Cytotoxic agents of a sentence; a mechanism class (`topoisomerase I inhibitor`)
    next to the agent it describes is that agent, not a second payload."""
    agents = lexicon.cytotoxic_agents().find(text)
    return [a for a in agents if not (a.key.endswith("inhibitor") and any(
        (b.start >= a.end and AGENT_APPOSITION.match(text[a.end:b.start]))
        or (b.end <= a.start and CLASS_APPOSITION.match(text[b.end:a.start]))
        for b in agents if not b.key.endswith("inhibitor")))]


# `patients who progressed after prior lutetium-177 PSMA therapy`: another, earlier treatment
PRIOR_TREATMENT = re.compile(r"\b(?:prior|previous(?:ly)?|earlier|after|following|"
                             r"progressed\s+on|refractory\s+to)\s+(?:[\w-]+\s+){0,3}$",
                             re.IGNORECASE)


PLATFORM_WORD = re.compile(r"\b(?:platforms?|technolog(?:y|ies))\b")
INCLUDING = re.compile(r"\s*[®™]?\s*[,(]?\s*(?:including|such\s+as)\b")


def listed_after(text: str, mentions, offset: int, position: int) -> list:
    """The drugs a named platform lists right after it (`its X® platform, including A,
    targeting …, and B`), to the end of the clause; none when it lists none."""
    word = PLATFORM_WORD.search(text, position, position + 80)
    key = word and INCLUDING.match(text, word.end())
    if not key:
        return []
    end = text.find(";", key.end())
    end = len(text) if end < 0 else end
    return list(dict.fromkeys(m.drug for m in mentions
                              if key.end() <= m.start - offset < end))


# `A and B`, `A, B and C`: drugs named together as one subject
DRUG_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|&)\s*$")
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|whereas)\s")


def subject_drugs(ctx: Context, mentions, position: int) -> list:
    """The drugs named last before a platform in its clause, with those listed with them:
    `A and B are built on the X platform` gives both; `A uses X, and B is built on Y` gives
    each its own."""
    before = [m for m in mentions if m.end <= position]
    if not before or CLAUSE_BREAK.search(ctx.text, before[-1].end, position):
        return []
    group = [before[-1]]
    for mention in reversed(before[:-1]):
        if not DRUG_LIST_GAP.match(ctx.text[mention.end:group[0].start]):
            break
        group.insert(0, mention)
    return list(dict.fromkeys(m.drug for m in group))


def company_platforms(ctx: Context, sentence, evidence, found: dict) -> None:
    """`The Company's X platform …` with no drug named: the platform of the focus drug, used
    only when no sentence ties the drug to a platform itself."""
    if not ctx.focus_drug:
        return
    for pos, name, rank in platform_phrases(sentence.text):
        if rank == 0 and COMPANY_PLATFORM.search(sentence.text[max(0, pos - 40):pos + 40]):
            found.setdefault(ctx.focus_drug.name, []).append(
                (3, sentence.start, name, ctx.focus_drug, evidence))


def about_drug(ctx: Context, sentence):
    """In an "About <drug>" section, "It …" and "The molecule …" sentences are about that
    drug; elsewhere they are about the drug that opened the sentence before them, in their
    paragraph (`AB-1 is a radioligand. The molecule is built on the X platform.`)."""
    if not re.match(r"^(?:It|The (?:drug|compound|candidate|molecule|product|therapy|antibody|"
                    r"conjugate|radioligand|agent))\b", sentence.text):
        return None
    if sentence.section == "about":
        return ctx.focus_drug
    before = ctx.sentence_before(sentence)
    if before and before.paragraph == sentence.paragraph:
        opening = ctx.own_mentions(before)
        if opening and opening[0].start - before.start <= OPENING_REACH:
            return opening[0].drug
    return None


OPENING_REACH = 4  # a drug named this close to its sentence's start is its subject

"""A synthetic corpus for scale benchmarks: N press releases in varied shapes.

    .venv/bin/python benchmarks/generate_corpus.py OUT_DIR --documents 10000 [--seed 7]

Every text is made here from our own templates and made-up vocabularies (no corpus text):
a few hundred companies on several exchanges, their drug codes and generic names, eight kinds
of release (designation granted, clinical results with cohorts, doses and outcomes, trial
start, quarterly pipeline update, leadership appointment, conference abstract, partnership,
financing), with About, forward-looking statements and contacts, written as .txt, .md and
wire-style .html, in year/company folders. The same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import html
import random
from pathlib import Path

SYLLABLES = ["al", "bri", "cor", "dun", "el", "fen", "gal", "hal", "iv", "jor", "kel", "lum",
             "mar", "nor", "or", "pel", "quin", "ros", "sel", "tor", "ul", "ver", "wes", "xan",
             "yar", "zen", "cap", "dra", "len", "mo", "ni", "sa", "te", "vo"]
ENDINGS = ["a", "ex", "ion", "ova", "ia", "is", "on", "ara", "eo", "yx"]
KINDS = ["Therapeutics", "Biosciences", "Oncology", "Pharma", "Bio", "Biotherapeutics",
         "Medicines", "Genomics", "Biologics", "Immunotherapies"]
LEGAL = ["Inc.", "Inc.", "Corp.", "Ltd.", "plc", "AG", "N.V.", "Inc."]
EXCHANGES = ["Nasdaq", "Nasdaq", "Nasdaq", "NYSE", "NYSE American", "TSX", "ASX", "HKEX",
             "Euronext"]
CITIES = ["CAMBRIDGE, Mass.", "SAN DIEGO, Calif.", "BOSTON, Mass.", "SOUTH SAN FRANCISCO, "
          "Calif.", "TORONTO, Ontario", "PRINCETON, N.J.", "SEATTLE, Wash.", "BASEL, "
          "Switzerland", "LONDON, United Kingdom", "MELBOURNE, Australia", "LEIDEN, "
          "Netherlands", "GAITHERSBURG, Md.", "NEW YORK", "RALEIGH, N.C."]
WIRES = ["GLOBE NEWSWIRE", "PRNewswire", "BUSINESS WIRE"]
DESIGNATIONS = [
    ("Orphan Drug Designation", "U.S. Food and Drug Administration (FDA)"),
    ("Fast Track designation", "U.S. Food and Drug Administration (FDA)"),
    ("Breakthrough Therapy Designation", "U.S. Food and Drug Administration (FDA)"),
    ("Rare Pediatric Disease Designation", "U.S. Food and Drug Administration (FDA)"),
    ("Regenerative Medicine Advanced Therapy (RMAT) designation",
     "U.S. Food and Drug Administration (FDA)"),
    ("orphan medicinal product designation", "European Commission"),
    ("PRIority MEdicines (PRIME) designation", "European Medicines Agency (EMA)"),
    ("Innovation Passport", "UK Medicines and Healthcare products Regulatory Agency (MHRA)"),
]
INDICATIONS = [
    "acute myeloid leukemia", "glioblastoma", "pancreatic cancer", "multiple myeloma",
    "Duchenne muscular dystrophy", "neuroblastoma", "hepatocellular carcinoma",
    "diffuse large B-cell lymphoma", "non-small cell lung cancer", "triple-negative breast "
    "cancer", "metastatic castration-resistant prostate cancer", "ovarian cancer",
    "amyotrophic lateral sclerosis", "cystic fibrosis", "sickle cell disease",
    "idiopathic pulmonary fibrosis", "myelodysplastic syndromes", "follicular lymphoma",
    "mantle cell lymphoma", "head and neck squamous cell carcinoma", "renal cell carcinoma",
    "soft tissue sarcoma", "Ewing sarcoma", "hemophilia A", "Fabry disease",
    "neuroendocrine tumors", "small cell lung cancer", "urothelial carcinoma",
    "chronic lymphocytic leukemia", "Huntington's disease"]
PHASES = ["Phase 1", "Phase 1b", "Phase 1/2", "Phase 1b/2", "Phase 2", "Phase 2a", "Phase 2b",
          "Phase 3"]
STEMS = ["mab", "tinib", "ciclib", "lisib", "parib", "tamab", "zumab", "degib", "rafenib",
         "stat"]
PLATFORMS = ["antibody-drug conjugate", "bispecific antibody", "radioligand therapy",
             "CAR-T cell therapy", "small molecule", "antisense oligonucleotide",
             "gene therapy", "monoclonal antibody"]
PAYLOADS = ["lutetium-177", "actinium-225", "iodine-131", "MMAE", "exatecan", "SN-38"]
PLATFORM_NAMES = ["TandemLink", "PrecisionCore", "OptiBody", "VeloCAR", "Helix", "NovaConj",
                  "TriStar", "PulseRL"]
FIRST = ["Helen", "Tomas", "Priya", "Owen", "Lucia", "Martin", "Aiko", "Daniel", "Sofia",
         "Rahul", "Grace", "Felix", "Nadia", "Victor", "Elena", "Samuel", "Ingrid", "Marcus"]
LAST = ["Marsh", "Varga", "Raman", "Castell", "Bennett", "Okafor", "Lindqvist", "Moreau",
        "Tanaka", "Weiss", "Hughes", "Costa", "Novak", "Brennan", "Iverson", "Delgado"]
ROLES = ["Chief Executive Officer", "Chief Medical Officer", "Chief Scientific Officer",
         "President and Chief Executive Officer", "Chief Financial Officer",
         "Head of Research and Development", "Chief Operating Officer"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ENDPOINTS = [("overall response rate", "%"), ("complete response rate", "%"),
             ("disease control rate", "%"), ("median progression-free survival", " months"),
             ("median overall survival", " months"), ("median duration of response", " months")]
DOSE_UNITS = ["mg/kg", "mg", "mg/m2", "mCi", "MBq/kg", "µg/kg"]
CONFERENCES = ["American Society of Clinical Oncology (ASCO) Annual Meeting",
               "European Society for Medical Oncology (ESMO) Congress",
               "American Society of Hematology (ASH) Annual Meeting",
               "American Association for Cancer Research (AACR) Annual Meeting",
               "Society for Neuro-Oncology (SNO) Annual Meeting"]

FORWARD_LOOKING = (
    "This press release contains forward-looking statements within the meaning of the Private "
    "Securities Litigation Reform Act of 1995, including statements regarding the timing of "
    "clinical trials, the potential of {drug} to treat {indication}, regulatory submissions "
    "and the sufficiency of cash resources. Words such as \"anticipate,\" \"believe,\" "
    "\"expect,\" \"intend,\" \"may,\" \"plan,\" \"potential\" and \"will\" identify such "
    "statements. Actual results may differ materially due to risks and uncertainties, "
    "including those described under \"Risk Factors\" in the company's most recent annual "
    "report. {short} undertakes no obligation to update these statements, except as "
    "required by law.")


class Company:
    """A made-up issuer: name, ticker, exchange, city, its drugs and people."""

    def __init__(self, index: int, rng: random.Random) -> None:
        stem = (SYLLABLES[index % len(SYLLABLES)]
                + SYLLABLES[(index // len(SYLLABLES) + 7) % len(SYLLABLES)]
                + ENDINGS[(index // 3) % len(ENDINGS)]).capitalize()
        self.short = f"{stem} {KINDS[index % len(KINDS)]}"
        self.name = f"{self.short}, {LEGAL[index % len(LEGAL)]}"
        self.ticker = (stem[:3] + KINDS[index % len(KINDS)][0] + str(index % 10)).upper()
        self.ticker = "".join(c for c in self.ticker if c.isalpha())[:4].ljust(4, "X")
        self.exchange = EXCHANGES[index % len(EXCHANGES)]
        self.city = CITIES[index % len(CITIES)]
        prefix = (stem[:2] + KINDS[index % len(KINDS)][0]).upper()
        self.drugs = [(f"{prefix}-{100 + 37 * k + index % 50}",
                       (stem[:3] + rng.choice(["ti", "ra", "lo", "ze", "mi"])
                        + rng.choice(STEMS)).lower()) for k in range(3)]
        self.platform = PLATFORMS[index % len(PLATFORMS)]
        self.platform_name = PLATFORM_NAMES[index % len(PLATFORM_NAMES)]
        self.payload = PAYLOADS[index % len(PAYLOADS)]
        self.people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", ROLES[k]) for k in range(3)]
        self.indications = rng.sample(INDICATIONS, 4)


def companies(count: int, seed: int) -> list[Company]:
    rng = random.Random(seed)
    return [Company(i, rng) for i in range(count)]


def release(i: int, firms: list[Company], seed: int) -> tuple[str, str, str]:
    """(folder, file stem, text) of the i-th release."""
    rng = random.Random(seed * 1_000_003 + i)
    firm = firms[rng.randrange(len(firms))]
    code, generic = rng.choice(firm.drugs)
    year, month, day = 2016 + i % 9, rng.randrange(12), 1 + rng.randrange(28)
    values = {
        "short": firm.short, "company": firm.name, "ticker": firm.ticker,
        "exchange": firm.exchange, "city": firm.city, "wire": rng.choice(WIRES),
        "date": f"{MONTHS[month]} {day}, {year}", "drug": code, "generic": generic,
        "indication": rng.choice(firm.indications), "phase": rng.choice(PHASES),
        "nct": f"NCT{rng.randrange(10**7, 10**8):08d}", "platform": firm.platform,
        "platform_name": firm.platform_name, "payload": firm.payload,
        "person": firm.people[0][0], "role": firm.people[0][1],
        "person2": firm.people[1][0], "role2": firm.people[1][1],
        "conference": rng.choice(CONFERENCES), "amount": rng.choice([25, 40, 75, 120, 250]),
        "employees": rng.randrange(20, 400),
    }
    shape = SHAPES[i % len(SHAPES)]
    body = shape(values, rng, firm)
    text = (f"{body}\n\nAbout {firm.short}\n\n{firm.short} is a clinical-stage "
            f"biopharmaceutical company developing {firm.platform} medicines, including "
            f"{code}, for patients with {values['indication']} and other serious diseases. "
            f"For more information, please visit the company's website.\n\n"
            f"Forward-Looking Statements\n\n{FORWARD_LOOKING.format(**values)}\n\n"
            f"Investor Contact:\n{firm.people[2][0]}\n{firm.short}\nir@example.com\n")
    folder = f"{year}/{firm.ticker.lower()}"
    stem = f"{firm.ticker.lower()}-{year}-{month + 1:02d}-{day:02d}-{shape.__name__}-{i}"
    return folder, stem, text


def designation(v: dict, rng: random.Random, firm: Company) -> str:
    kind, agency = rng.choice(DESIGNATIONS)
    return (
        f"{v['short']} Receives {kind} for {v['drug']} in {v['indication'].title()}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}), a clinical-stage biopharmaceutical company, today announced that the "
        f"{agency} has granted {kind} to {v['drug']} ({v['generic']}) for the treatment of "
        f"{v['indication']}.\n\n"
        f"{v['drug']} is a {v['platform']} being evaluated in an ongoing {v['phase']} clinical "
        f"trial ({v['nct']}) in patients with relapsed or refractory {v['indication']}.\n\n"
        f"\"This designation underscores the need for new options for patients,\" said "
        f"{v['person']}, {v['role']} of {v['short']}.")


def results(v: dict, rng: random.Random, firm: Company) -> str:
    unit = rng.choice(DOSE_UNITS)
    cohorts = []
    for n in range(1, rng.randrange(2, 5)):
        endpoint, suffix = rng.choice(ENDPOINTS)
        value = rng.randrange(15, 80) if suffix == "%" else round(rng.uniform(3, 30), 1)
        cohorts.append(f"In Cohort {n}, patients received {rng.randrange(1, 20) / 2:g} "
                       f"{unit} of {v['drug']} and the {endpoint} was {value}{suffix}.")
    return (
        f"{v['short']} Reports Positive Data from {v['phase']} Trial of {v['drug']} in "
        f"{v['indication'].title()}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today announced interim results from its ongoing {v['phase']} "
        f"clinical trial ({v['nct']}) of {v['drug']} in patients with {v['indication']}.\n\n"
        + " ".join(cohorts) + f" {v['drug']} was generally well tolerated, with no "
        f"dose-limiting toxicities reported.\n\n"
        f"\"We are encouraged by these data,\" said {v['person']}, {v['role']} of "
        f"{v['short']}. The company plans to present additional data at the "
        f"{v['conference']}.")


def trial_start(v: dict, rng: random.Random, firm: Company) -> str:
    return (
        f"{v['short']} Doses First Patient in {v['phase']} Trial of {v['drug']}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today announced that the first patient has been dosed in its "
        f"{v['phase']} clinical trial ({v['nct']}) evaluating {v['drug']}, a "
        f"{v['platform']} built on the company's proprietary {v['platform_name']} platform "
        f"and carrying {v['payload']}, in patients with {v['indication']}.\n\n"
        f"The trial will enroll approximately {rng.randrange(20, 300)} patients at "
        f"{rng.randrange(5, 60)} sites in the United States and Europe. The primary endpoint "
        f"is safety; secondary endpoints include overall response rate and progression-free "
        f"survival.\n\n"
        f"\"Dosing the first patient is an important milestone,\" said {v['person2']}, "
        f"{v['role2']} of {v['short']}.")


def quarterly(v: dict, rng: random.Random, firm: Company) -> str:
    lines = []
    for code, generic in firm.drugs:
        phase = rng.choice(PHASES)
        lines.append(f"- {code} ({generic}): the {phase} trial in "
                     f"{rng.choice(firm.indications)} is enrolling patients.")
    kind, agency = rng.choice(DESIGNATIONS)
    lines.append(f"- In the quarter, the {agency} granted {kind} to {v['drug']} for the "
                 f"treatment of {v['indication']}.")
    return (
        f"{v['short']} Reports Financial Results and Provides Business Update\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today reported financial results for the quarter and highlighted "
        f"progress across its pipeline.\n\nPipeline Highlights\n\n" + "\n".join(lines)
        + f"\n\nFinancial Results\n\nCash and cash equivalents were ${v['amount']}.4 million. "
        f"Research and development expenses were ${rng.randrange(5, 60)}.2 million, and the "
        f"net loss was ${rng.randrange(5, 80)}.9 million. The company had {v['employees']} "
        f"employees.\n\n\"We made strong progress this quarter,\" said {v['person']}, "
        f"{v['role']}.")


def appointment(v: dict, rng: random.Random, firm: Company) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    role = rng.choice(ROLES)
    return (
        f"{v['short']} Appoints {first} {last}, M.D., Ph.D., as {role}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today announced the appointment of {first} {last}, M.D., Ph.D., as "
        f"{role}, effective immediately. Dr. {last} joins from a global pharmaceutical "
        f"company, where {first} led the development of several oncology medicines.\n\n"
        f"\"{first} brings deep experience in {v['platform']} development as we advance "
        f"{v['drug']} toward registration,\" said {v['person']}, {v['role']} of "
        f"{v['short']}.")


def abstract(v: dict, rng: random.Random, firm: Company) -> str:
    return (
        f"{v['short']} to Present Data on {v['drug']} at the {v['conference']}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today announced that an abstract describing clinical data from the "
        f"{v['phase']} trial of {v['drug']} in {v['indication']} has been accepted for "
        f"poster presentation at the {v['conference']}.\n\n"
        f"Title: {v['drug']} in patients with {v['indication']}: results from a "
        f"{v['phase']} study\nPresenter: {v['person2']}\nSession: Poster Session "
        f"{rng.randrange(1, 9)}\n\n"
        f"The poster will be available on the company's website after the presentation.")


def partnership(v: dict, rng: random.Random, firm: Company) -> str:
    partner = rng.choice(["Northgate Pharmaceuticals", "Kestrel Biopharma", "Aurum Life "
                          "Sciences", "Meridian Therapeutics"])
    return (
        f"{v['short']} and {partner} Enter Collaboration on {v['drug']}\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) and {partner} today announced an exclusive license and collaboration "
        f"agreement to develop {v['drug']}, {v['short']}'s {v['platform']}, for "
        f"{v['indication']}. Under the agreement, {v['short']} will receive an upfront payment "
        f"of ${v['amount']} million and is eligible for up to ${v['amount'] * 8} million in "
        f"milestones.\n\n\"This collaboration validates our {v['platform_name']} platform,\" "
        f"said {v['person']}, {v['role']} of {v['short']}.")


def financing(v: dict, rng: random.Random, firm: Company) -> str:
    return (
        f"{v['short']} Announces Pricing of ${v['amount']} Million Public Offering\n\n"
        f"{v['city']}, {v['date']} ({v['wire']}) -- {v['company']} ({v['exchange']}: "
        f"{v['ticker']}) today announced the pricing of an underwritten public offering of "
        f"{rng.randrange(2, 20)},000,000 shares of its common stock at ${rng.randrange(4, 40)}"
        f".00 per share. The company intends to use the net proceeds to fund the {v['phase']} "
        f"trial of {v['drug']} in {v['indication']} and for general corporate purposes.")


SHAPES = [designation, results, trial_start, quarterly, appointment, abstract, partnership,
          financing]


def as_markdown(text: str) -> str:
    head, _, rest = text.partition("\n\n")
    return f"# {head}\n\n" + rest.replace("Pipeline Highlights", "## Pipeline Highlights")


def as_html(text: str) -> str:
    head, _, rest = text.partition("\n\n")
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in rest.split("\n\n"))
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(head)}</title></head><body>\n"
            f"<nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav>\n"
            f"<article><h1>{html.escape(head)}</h1>\n{paragraphs}\n</article>\n"
            f"<footer>Distributed by the wire. All rights reserved.</footer></body></html>\n")


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` releases under folder (year/ticker/…); returns their paths."""
    firms = companies(max(20, min(400, count // 25)), seed)
    paths = []
    for i in range(count):
        sub, stem, text = release(i, firms, seed)
        kind = i % 20
        if kind < 4:
            name, data = f"{stem}.html", as_html(text)
        elif kind < 7:
            name, data = f"{stem}.md", as_markdown(text)
        else:
            name, data = f"{stem}.txt", text
        path = folder / sub / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.folder, args.documents, args.seed)
    print(f"{len(paths)} releases → {args.folder}")


if __name__ == "__main__":
    main()

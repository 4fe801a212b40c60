"""Synthetic disclosures written for the tests and the load benchmark (never corpus text).

`write_corpus(folder, n)` writes n short press releases, each combining a different made-up
company, drug, designation, indication, trial phase, dose and result, so every saved query
has rows to return.
"""

from __future__ import annotations

from pathlib import Path

COMPANIES = [
    ("Aldermoor Therapeutics, Inc.", "ALDM", "Nasdaq", "CAMBRIDGE, Mass."),
    ("Brightwater Oncology Corp.", "BWON", "NYSE American", "SAN DIEGO, Calif."),
    ("Corvane Biosciences Ltd.", "CRVB", "Nasdaq", "TORONTO, Ontario"),
    ("Dunmore Pharma, Inc.", "DNMP", "Nasdaq", "PRINCETON, N.J."),
    ("Elsworth Bio, Inc.", "ELSB", "NYSE", "SEATTLE, Wash."),
]
DESIGNATIONS = [
    ("Orphan Drug Designation", "U.S. Food and Drug Administration (FDA)"),
    ("Fast Track designation", "U.S. Food and Drug Administration (FDA)"),
    ("Rare Pediatric Disease Designation", "U.S. Food and Drug Administration (FDA)"),
    ("Breakthrough Therapy Designation", "U.S. Food and Drug Administration (FDA)"),
]
INDICATIONS = [
    "acute myeloid leukemia", "glioblastoma", "pancreatic cancer", "multiple myeloma",
    "Duchenne muscular dystrophy", "neuroblastoma", "hepatocellular carcinoma",
]
PHASES = ["Phase 1", "Phase 1b/2", "Phase 2", "Phase 2b", "Phase 3"]
PEOPLE = ["Helen Marsh", "Tomas Varga", "Priya Raman", "Owen Castell", "Lucia Bennett"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

TEMPLATE = """\
{short} Announces {designation} for {drug} in {indication_title}

{city}, {month} {day}, {year} (GLOBE NEWSWIRE) -- {company} ({exchange}: {ticker}), a \
clinical-stage biopharmaceutical company, today announced that the {agency} has granted \
{designation} to {drug} for the treatment of {indication}.

{drug} is being evaluated in an ongoing {phase} clinical trial (NCT{nct:08d}) in patients with \
relapsed or refractory {indication}. In Cohort {cohort}, patients received {dose} mg/kg of \
{drug} and the overall response rate was {orr}%.

"This designation is an important step for patients," said {person}, Chief Executive Officer \
of {short}.

About {short}

{short} is a clinical-stage company developing targeted therapies for rare cancers.

Forward-Looking Statements

This press release contains forward-looking statements.
"""


def disclosure(i: int) -> str:
    """The i-th synthetic press release; every i gives a different text."""
    company, ticker, exchange, city = COMPANIES[i % len(COMPANIES)]
    designation, agency = DESIGNATIONS[i % len(DESIGNATIONS)]
    indication = INDICATIONS[i % len(INDICATIONS)]
    short = company.split(",")[0].replace(" Corp.", "").replace(" Ltd.", "")
    return TEMPLATE.format(
        short=short, company=company, ticker=ticker, exchange=exchange, city=city,
        designation=designation, agency=agency, indication=indication,
        indication_title=indication.title(), drug=f"{ticker[:2]}-{100 + i}",
        phase=PHASES[i % len(PHASES)], nct=10_000_000 + i, cohort=1 + i % 3,
        dose=f"{1 + i % 9}.5", orr=20 + i % 60, person=PEOPLE[i % len(PEOPLE)],
        month=MONTHS[i % 12], day=1 + i % 28, year=2019 + i % 6)


def write_corpus(folder: Path, n: int) -> list[Path]:
    """Write n synthetic disclosures into folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"synthetic-{i:05d}.txt"
        path.write_text(disclosure(i), encoding="utf-8")
        paths.append(path)
    return paths

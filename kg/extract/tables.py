"""Results tables: rows of cells separated by ` | ` (HTML tables come out of `kg.html_text`
this way, and plain-text releases write them so), the first row a header.

A column headed by a dose and its unit (`AB-1 dose (µg/kg)`) gives each row's cohort its dose.

Either the rows are endpoints and the columns cohorts (`Endpoint | Cohort A | Cohort B`,
`ORR | 29% | 48%`), or the rows are cohorts and the columns endpoints (`Cohort | Dose | ORR |
Median PFS`, `A | 100 mg | 14% | 5.5 months`). A cell's value takes its unit from the cell
(`9.8 months`, `29%`) or from its endpoint's (`Median OS (months)`).
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.indications import indications_in
from kg.extract.measures import (
    CONTROL,
    INTERVAL,
    RESPONSE,
    TABLE_CELLS,
    add_outcome,
    cohort_mentions,
    count_endpoint,
    decimal,
    dose_label,
    dose_text,
    is_safety,
    merge_unlabelled_doses,
    or_better,
    quantity,
    unit_fits,
)
from kg.extract.ratios import RATIO
from kg.facts import Cohort, Dose
from kg.sections import Sentence

MIN_CELLS = 2
COUNTED = re.compile(rf"^(?:(?:number\s+of\s+)?(?:{RESPONSE})|responders)\s*(?:\(n\))?$",
                     re.IGNORECASE)
# `Median OS (months)`, `Median PFS, months`, `mPFS, months (95% CI)`
UNIT_IN_LABEL = re.compile(r"\((?P<u>months?|weeks?|days?|years?|%)\)|,\s*(?P<after>months?|"
                           r"weeks?|days?|years?|%)(?:\s*\([^()]*\))?$", re.IGNORECASE)
RATIO_LABEL = re.compile(r"\bhazard\s+ratio\b|\bHR\b", re.IGNORECASE)
RATIO_CELL = re.compile(rf"^(?P<v>{RATIO})")
COUNT_AND_SHARE = re.compile(r"^\d+\s*\(\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<pct>%)?\s*\)$")
N_PERCENT = re.compile(r"\bn\s*\(\s*%\s*\)")  # `Responders, n (%)`: cells `2 (33)`
# a results row named in the table's own words, not by the endpoint vocabulary: `Mean change
# in BCVA (letters)`, `TETRAS-ADL, LS mean change (points)`, `Responders (>=30%)`, `Patients
# free of rescue, n (%)`; never a p-value, a confidence interval or a baseline figure
RESULT_LABEL = re.compile(r"\b(?:chang\w*|reduc\w*|improv\w*|increas\w*|decreas\w*|"
                          r"differen\w*|respon\w*|remission|cure|free\s+of|achiev\w*|gain\w*|"
                          r"fold|GMFR|GMT|seroconversion)",
                          re.IGNORECASE)
NOT_RESULT_LABEL = re.compile(r"\bp[- ]?values?\b|\bCI\b|\bconfidence\b|(?<!from\s)\bbaseline\b"
                              r"(?!\s+(?:to|in)\b)|\bn\s*=", re.IGNORECASE)
# what follows the words of a row's label: `(points)`, `(>=30%)`, `, n (%)`, a footnote mark
LABEL_NOTES = re.compile(r"(?:\s*(?:\([^()]*\)|,\s*n\s*\(%\)|[*†‡§¶]+|\s[a-z]))+\s*$")
FOLD_RISE = re.compile(r"\bfold[- ](?:rise|increase|change)|\bGMFR\b", re.IGNORECASE)
UNIT_KINDS = ("percent", "score", "time", "length", "mass")
# a value cell: a sign, the value, a unit, then footnote marks or a parenthesis (`+4.2*`,
# `−67.4%**`, `7.2 (5.5–9.1)`)
VALUE_CELL = r"^(?P<v>[-+−]?\d{{1,5}}(?:\.\d{{1,3}})?)\s*(?P<u>{unit})?[*†‡§¶]*(?:\s*\(.*\))?$"
DOSE_HEADER = re.compile(r"^(?:dose|dose\s+level|dosage)$", re.IGNORECASE)  # cells give the unit
UNIT_AFTER_COMMA = re.compile(r",\s*(?P<u>[^,()\d]{1,12}?)\s*$")
COUNT_ROW = re.compile(r"^\(?\s*[nN]\s*=\s*\d+\s*\)?$")
LABEL = re.compile(r"^(?:(?:cohorts?|arms?|groups?|parts?|dose\s+levels?)\s+)?"
                   r"(?P<label>[A-Z0-9]{1,3}[a-z]?)$", re.IGNORECASE)


def rows_of(ctx: Context) -> list[list[tuple[Sentence, list[str]]]]:
    """Tables: runs of consecutive lines with the same number of cells (two or more)."""
    tables: list[list[tuple[Sentence, list[str]]]] = []
    previous = None
    for sentence in ctx.fact_sentences():
        if TABLE_CELLS not in sentence.text:
            previous = None
            continue
        cells = cells_of(sentence.text)
        if len(cells) < MIN_CELLS:
            previous = None
            continue
        if previous is not None and sentence.paragraph == previous.paragraph + 1 \
                and all(COUNT_ROW.match(cell) for cell in cells if cell):
            previous = sentence  # `(n=60) | (n=61)` under the header: not a row
            continue
        if previous is not None and sentence.paragraph == previous.paragraph + 1 \
                and len(cells) == len(tables[-1][0][1]):
            tables[-1].append((sentence, cells))
        else:
            tables.append([(sentence, cells)])
        previous = sentence
    return [t for t in tables if len(t) > 1]


def cells_of(line: str) -> list[str]:
    """`| Cohort 3 | Cohort 4`: a header whose corner cell is empty keeps that empty cell."""
    return [cell.strip() for cell in line.strip().rstrip("|").split("|")]


def cohort_label(cell: str) -> str:
    """`Cohort A 80 mg (n=24)` → A; `1` → 1; `Ovarian cancer` → itself; `Overall` → ""."""
    found = cohort_mentions(cell)
    if found:
        return found[0][1]
    dose = dose_text().search(cell)
    if dose:  # `AB-1 10 mg (n=51)`: the arm given that dose
        return dose_label(dose)
    bare = LABEL.match(cell.strip())
    if bare:
        return bare.group("label")
    named = indications_in(cell)  # `Endometrial cancer`: a basket trial's cohort by its tumour
    text = " ".join(cell.split())
    return text if named and len(named[0].text) >= len(text) - 12 and len(text.split()) <= 6 \
        else ""


SCHEDULE = re.compile(rf"\s*(?P<s>{INTERVAL})\b")


def arm_labels(cells: list[str]) -> list[str]:
    """The cohort label of each cell; an arm named by its dose keeps the schedule written
    after it (`AB-1 300 mg Q12W` beside `AB-1 300 mg Q4W`: the dose alone names neither)."""
    labels = [cohort_label(cell) for cell in cells]
    for i, cell in enumerate(cells):
        dose = dose_text().search(cell) if labels[i] else None
        schedule = dose and SCHEDULE.match(cell, dose.end())
        if schedule and labels[i] == dose_label(dose):
            labels[i] = f"{labels[i]} {schedule.group('s')}"
    return labels


def endpoint_of(cell: str):
    """The endpoint a header or first cell names, by the vocabulary."""
    found = lexicon.endpoints().find(cell)
    return or_better(cell, found[0]) if found else None


def own_words_endpoint(label: str) -> tuple[lexicon.TermMatch, str] | None:
    """(endpoint, unit the label gives or '') of a row whose label names a result in its own
    words (`Mean change in BCVA (ETDRS letters)` → `Mean change in BCVA`, letters)."""
    if not RESULT_LABEL.search(label) or NOT_RESULT_LABEL.search(label):
        return None
    unit = ""
    after_comma = UNIT_AFTER_COMMA.search(label)  # `Mean change in BCVA, letters`
    if after_comma:
        row = unit_row_of(after_comma.group("u"))
        if row:
            unit, label = row["unit"], label[:after_comma.start()]
    notes = LABEL_NOTES.search(label)
    words = " ".join((label[:notes.start()] if notes else label).split()).strip(" ,")
    if not words or is_safety(words):
        return None
    for note in re.findall(r"\(([^()]*)\)", notes.group(0) if notes else ""):
        row = unit_row_of(note) or unit_row_of(note.split()[-1] if note.split() else "")
        if row:
            unit = row["unit"]
    if not unit and FOLD_RISE.search(words):
        unit = "fold"  # `neutralizing antibody, geometric mean fold rise`: a ratio of titers
    return lexicon.TermMatch("measure", 0, len(label), words), unit


def unit_row_of(text: str) -> dict | None:
    """The units vocabulary's row for a unit written in a label, when it is a result's unit."""
    row = lexicon.unit_forms().get(text.strip().lower())
    return row if row and row["kind"] in UNIT_KINDS else None


def control_columns(ctx: Context, sentence: Sentence, header: list[str]) -> set[int]:
    """The columns of a control arm: one the header names as such (`Placebo`), and, when a
    column names the company's drug, each column naming no drug, cohort or dose of it
    (`Chemotherapy (n=270)` beside `AB-101 (n=271)`)."""
    spans = []
    at = 0
    for cell in header:
        at = sentence.text.find(cell, at)
        spans.append((sentence.start + at, sentence.start + at + len(cell)))
        at += len(cell)
    own = {column for column, (start, end) in enumerate(spans) if column and any(
        start <= mention.start < end for mention in ctx.own_mentions(sentence))}
    control = {column for column, cell in enumerate(header) if column and CONTROL.search(cell)}
    if own:
        control |= {column for column, cell in enumerate(header) if column and column not in own
                    and not cohort_label(cell) and not dose_text().search(cell)}
    return control


def table_doses(ctx: Context) -> None:
    """`Dose level | AB-1 dose (µg/kg) | …` then `DL1 | 3 | …`, or `Cohort | Dose | …` then
    `A | 2.0 mg/kg | …`: each cohort's dose."""
    unit = lexicon.unit_regex(("dose",))
    if not unit:
        return
    dose_column = re.compile(rf"\bdoses?\b[^()]*\(\s*(?P<u>{unit})(?![\w/])", re.IGNORECASE)
    dose_cell = re.compile(rf"^(?P<v>\d+(?:\.\d+)?)(?:\s*(?P<u>{unit})(?![\w/]))?$",
                           re.IGNORECASE)
    for table in rows_of(ctx):
        header_sentence, header = table[0]
        for column, cell in enumerate(header[1:], start=1):
            found = dose_column.search(cell)
            if not found and not DOSE_HEADER.match(cell):
                continue
            drug = ctx.drug_near(header_sentence, header_sentence.text.find(cell))
            if not drug or drug.name in ctx.others:
                continue
            for sentence, cells in table[1:]:
                label = cohort_label(cells[0])
                dose = dose_cell.match(cells[column])
                dose_unit = dose and (dose.group("u") or (found and found.group("u")))
                if label and dose_unit:
                    evidence = ctx.evidence(sentence, "kg.doses.v1")
                    cohort = ctx.extraction.add(Cohort(drug, label), evidence)
                    ctx.extraction.add(Dose(cohort, quantity(decimal(dose.group("v")),
                                                             dose_unit)), evidence)
        arms_by_dose(ctx, table)
    merge_unlabelled_doses(ctx)  # the row's dose, read from its text without the cohort


# `AB-1 150 mg Q12W (n=61)`, `0.8 mg/kg`: a cell that names an arm by its dose alone
ARM_BY_DOSE = re.compile(r"^(?:(?!\d)[\w-]+\s+){0,2}(?P<dose>\S.*?)\s*(?:\([^()]*\)\s*)*$")


def arms_by_dose(ctx: Context, table: list[tuple[Sentence, list[str]]]) -> None:
    """Rows or columns of a table headed by a dose (`0.8 mg/kg | 3 | 0 (0%)`, `Placebo |
    AB-1 150 mg Q12W`): each is a dose level of the drug, its label the dose, unless one of
    the drug's cohorts the text named already has that dose."""
    header_sentence, header = table[0]
    cells = [(header_sentence, cell) for cell in header[1:]]
    if DOSE_HEADER.match(header[0].split("(")[0].strip()) or all(
            dose_only(row[0]) for _, row in table[1:]):
        cells = [(sentence, row[0]) for sentence, row in table[1:]]
    labels = arm_labels([cell for _, cell in cells])
    for (sentence, cell), label in zip(cells, labels, strict=True):
        dose = dose_only(cell)
        if not dose or not label.startswith(dose_label(dose)) \
                or CONTROL.search(cell):
            continue
        drug = ctx.drug_near(sentence, sentence.text.find(cell))
        if not drug or drug.name in ctx.others:
            continue
        given = quantity(decimal(dose.group("v")), dose.group("u"))
        if any(d.cohort.drug == drug and d.quantity == given and d.cohort.label
               and d.cohort.label not in labels for d in ctx.extraction.of_type(Dose)):
            continue
        evidence = ctx.evidence(sentence, "kg.doses.v1")
        cohort = ctx.extraction.add(Cohort(drug, label), evidence)
        ctx.extraction.add(Dose(cohort, given), evidence)


def dose_only(cell: str) -> re.Match | None:
    """The dose of a cell that names nothing else but a drug, a schedule and notes."""
    arm = ARM_BY_DOSE.match(cell.strip())
    dose = arm and dose_text().match(arm.group("dose"))
    if not dose or cohort_mentions(cell):
        return None
    rest = arm.group("dose")[dose.end():]
    return dose if not rest or SCHEDULE.fullmatch(rest) else None


def table_outcomes(ctx: Context) -> None:
    """Each value of each results table, with its endpoint and cohort."""
    value = re.compile(VALUE_CELL.format(unit=lexicon.unit_regex(UNIT_KINDS)), re.IGNORECASE)
    for table in rows_of(ctx):
        header = table[0][1]
        by_column = [endpoint_of(cell) for cell in header[1:]]
        # `Cohort | Dose | Mean % reduction in Lp(a), Day 28`: endpoints in their own words
        own_by_column = [None if found else own_words_endpoint(cell)
                         for found, cell in zip(by_column, header[1:], strict=True)]
        endpoints_across = any(by_column) or any(own_by_column)
        control = set() if endpoints_across else control_columns(ctx, *table[0])
        arms = arm_labels([cells[0] for _, cells in table[1:]] if endpoints_across
                          else header)
        for row, (sentence, cells) in enumerate(table[1:]):
            if endpoints_across and CONTROL.search(cells[0]):
                continue  # `Placebo | 18.2% | …`: a control arm's row
            for column, cell in enumerate(cells[1:], start=1):
                if column in control:
                    continue
                ratio = RATIO_CELL.match(cell)
                named = cells[0] if not endpoints_across else header[column]
                if ratio and RATIO_LABEL.search(named):  # `PFS hazard ratio (95% CI) | 0.52 (…)`
                    at = sentence.text.find(cell)
                    term = lexicon.TermMatch("hazard-ratio", at, at + len(cell),
                                             " ".join(re.sub(r"\(.*?\)", "", named).split()))
                    add_outcome(ctx, sentence, term, decimal(ratio.group("v")), "",
                                arms[row] if endpoints_across else arms[column])
                    continue
                share = COUNT_AND_SHARE.match(cell)  # `3 (27%)`: the share is the rate
                if share and not share.group("pct") and not N_PERCENT.search(named):
                    share = None
                match = value.match(f"{share.group('v')}%" if share else cell)
                if not match:
                    continue
                if endpoints_across:
                    endpoint, endpoint_cell = by_column[column - 1], header[column]
                    own = own_by_column[column - 1]
                else:
                    endpoint, endpoint_cell = endpoint_of(cells[0]), cells[0]
                    own = None if endpoint else own_words_endpoint(endpoint_cell)
                if own:
                    endpoint = own[0]
                if endpoint is None:
                    continue
                in_label = UNIT_IN_LABEL.search(endpoint_cell)
                unit = match.group("u") or (in_label.group("u") or in_label.group("after")
                                            if in_label else "") or (own[1] if own else "")
                if not unit and match.group("v").isdigit() and COUNTED.search(endpoint_cell):
                    unit = "patients"  # `Partial responses | 2`: a count of patients
                elif not unit or not (own or unit_fits(endpoint.key, unit)):
                    continue
                at = sentence.text.find(cell)
                name = count_endpoint(endpoint.text) if unit == "patients" else endpoint.text
                term = lexicon.TermMatch(endpoint.key, at, at + len(cell), name)
                add_outcome(ctx, sentence, term, decimal(match.group("v").replace("−", "-")),
                            unit, arms[row] if endpoints_across else arms[column])

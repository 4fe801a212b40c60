"""Cohorts, doses and outcome measurements in people: `Cohort 2 … 18.75 mCi/m²`,
`a median overall survival of 26.2 months`, `ORR of 45%`, `one complete response`.
Values quoted for other therapies, control arms, ranges, animals and cells are left out."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg import grounding
from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.drugs import is_inn
from kg.facts import Cohort, Dose, Outcome, Quantity
from kg.sections import Sentence
from kg.text_tables import TABLE_CELLS

ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
            "sixth": "6", "seventh": "7", "eighth": "8", "1st": "1", "2nd": "2", "3rd": "3",
            "4th": "4", "5th": "5", "6th": "6"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# `Cohorts A, B and C`: each further label, never a number with a unit (`Cohort 1 and
# 150 mCi`: a dose), a count (`At dose level 3, 7 of 9 patients`) or a code (`In Cohort 2,
# AB-101 …`)
MORE_COHORT = (r"\s*(?:,\s*and|,|and|&)\s*[A-Z0-9]{1,3}\b(?![-–][\w])"
               r"(?!\s*(?:(?:[mµnkMG]?(?:g|Ci|Bq)|mcg|mL|ml|IU|units?)\b|[%.]\d?))"
               r"(?!\s+(?:of|patients|participants|subjects|people)\b)")
COHORT_NAMED = re.compile(
    r"\b(?i:cohorts?|arms?|dose\s+levels?|dose\s+groups?|groups?|parts?)\s+(?P<label>[A-Z0-9]"
    rf"{{1,3}}[a-z]?)\b(?![-–]\w)(?P<more>(?:{MORE_COHORT}){{0,6}})")
DOSE_LEVEL_SHORT = re.compile(r"\bDL-?(?P<label>\d{1,2})\b")  # `at DL2`: dose level 2
COHORT_ORDINAL = re.compile(
    rf"\b(?P<label>{'|'.join(ORDINALS)}|last|final|highest|lowest|high|low|middle|"
    r"high-dose|low-dose|mid-dose)\s+(?:dose\s+)?(?P<noun>cohort|arm|dose\s+group|"
    r"dosing\s+regimen|dose\s+level|dose\s+cohort)\b", re.IGNORECASE)
COHORT_SETTING = re.compile(
    r"\b(?P<label>(?:first|second|third|fourth|later|1st|2nd|3rd|4th)[- ]line|"
    r"recommended\s+phase\s+(?:2|II)\s+dose|RP2D|maximum[- ]tolerated\s+dose|MTD|"
    r"phase\s+(?:2|II)\s+dose\s+level)\b|"
    r"\b(?P<level>low|lower|lowest|high|higher|highest|middle|mid|starting|selected)"
    r"(?=(?:-|\s+)(?:\([^()]{1,20}\)\s+)?dose\b)",
    re.IGNORECASE)
# `across all dose levels`, `in all cohorts`: a result pooled over the groups, of none of them
POOLED = re.compile(r"\b(?:across|in|at|for)\s+(?:all\s+|both\s+)?(?:the\s+)?(?:dose\s+levels|"
                    r"doses|cohorts|arms|dose\s+groups|groups|parts)\b", re.IGNORECASE)
# `in the subgroup of patients with PTCL`, `the PD-L1-high subgroup`
SUBGROUP = re.compile(r"\bsubgroup\s+of\s+(?P<who>(?:patients|participants|subjects)\s+(?:with|"
                      r"who|aged)\s+[^,;()]{2,40}?)(?=\s*[,;(]|\s+(?:the|was|were|who)\b)|"
                      r"\b(?:the|a)\s+(?!(?:pre-?specified|pre-?defined|exploratory)\b)"
                      r"(?P<what>[\w+-]+(?:\s+[\w+-]+){0,2})\s+subgroup\b(?!\s+of\b)")
# `In the PRRT-naive cohort, …`, `in the pancreatic cancer cohort`: a cohort named by who
# is in it
DESCRIBED_COHORT = re.compile(r"\b(?:[Ii]n|[Ff]or|[Aa]mong|[Aa]cross)\s+the\s+(?P<label>"
                              r"(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?P<noun>cohort|arm|subgroup|"
                              r"population)\b")
GENERIC_COHORT = re.compile(r"^(?:\w+\s+)?(?:overall|entire|whole|total|treatment|treated|"
                            r"efficacy|safety|evaluable|study|trial|expansion|escalation|"
                            r"dose[- ]escalation|dose[- ]expansion|placebo|control|sham|active|"
                            r"same|first|second|third|fourth|fifth|last|final|highest|lowest|"
                            r"high|low|middle|high-dose|low-dose|mid-dose|intent-to-treat|ITT|"
                            r"mITT|comparator|monotherapy|combination|randomi[sz]ed|pivotal|"
                            r"this|that|each|every|other|[A-Z0-9]{1,3})$|\b(?:cohort|dose|"
                            r"level)\b", re.IGNORECASE)
# `- Adults aged 60 to 74 years: VE of 84.2%`: a list line whose label is a population
LISTED_GROUP = re.compile(r"^\s*(?:[-*•]\s*)?(?P<who>(?:adults|patients|participants|subjects|"
                          r"children|adolescents|infants|people|women|men)\s+(?:aged|with|who|"
                          r"of|over|under|older|younger|\d)[^:]{1,50}?):\s", re.IGNORECASE)
SEGMENT_BREAK = re.compile(r";|,\s+(?:and|while|whereas)\b|\s+and\s+(?=(?:at|in|to|for)\b)")
NOT_HUMAN = re.compile(r"\b(?:mice|mouse|murine|rats?|xenografts?|in vitro|animal|"
                       r"cell lines?|(?<!\bT\s)(?<!\bNK\s)(?<!CAR-T\s)(?<!CAR\+\s)cells\b|"
                       r"primates?|preclinical|pre-clinical|dogs?)\b",
                       re.IGNORECASE)
# `control` as an arm, not in an endpoint (`disease control rate`, `local tumor control`)
CONTROL = re.compile(r"\b(?:placebo|(?<!disease\s)(?<!tumor\s)(?<!tumour\s)(?<!local\s)"
                     r"(?<!symptom\s)control(?!\s+rates?\b)|standard\s+of\s+care|comparator|for\s+comparison|"
                     r"by\s+comparison|historic(?:al)?|benchmark|would\s+be\s+expected|"
                     r"expected\s+(?:in|with)|approved\s+(?:\w+\s+){0,3}therap|"
                     r"other\s+therap|typically|in\s+comparable)\b", re.IGNORECASE)
CONTRAST = (r"\b(?:versus|vs\.?|compared\s+(?:with|to)|whereas|while|in\s+contrast|"
            r"(?:far\s+)?(?:exceeding|surpassing|outperforming)|(?:better|higher|greater)\s+than)\b")
CLAUSE_SPLIT = re.compile(rf"{CONTRAST}|;", re.IGNORECASE)
CONTRAST_START = re.compile(CONTRAST, re.IGNORECASE)
NUMBER = r"\d{1,3}(?:,\d{3}){1,3}(?:\.\d{1,6})?|\d{1,9}(?:\.\d{1,6})?"
SIGNED = rf"(?:(?<![\w.])[-−](?=\d))?(?:{NUMBER})"
# whole words only: `said that 47%` is no threshold (`at`)
THRESHOLD_BEFORE = re.compile(r"(?:\b(?:surpass\w*|exceed\w*|more\s+than|over|beyond|at\s+least|"
                              r"greater\s+than|less\s+than|fewer\s+than|under|below|above|up\s+to|at|"
                              r"after|by|within)|[<>≤≥])\s*$", re.IGNORECASE)


def decimal(text: str) -> Decimal | None:
    """`1,250` → 1250; `3E13` (a dose read as `3 x 10^13`) → 30000000000000, written out,
    as an xsd:decimal must be."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    return Decimal(format(value, "f")) if value.as_tuple().exponent > 0 else value


def cohort_mentions(text: str) -> list[tuple[int, str]]:
    """(position, label) of every cohort named in a sentence."""
    return list(_cohort_mentions(text))


@lru_cache(maxsize=1024)
def _cohort_mentions(text: str) -> tuple[tuple[int, str], ...]:
    out = []
    for match in COHORT_NAMED.finditer(text):
        out.append((match.start(), match.group("label")))
        for more in re.finditer(r"[A-Z0-9]{1,3}\b", match.group("more")):
            out.append((match.start("more") + more.start(), more.group(0)))
    for match in DOSE_LEVEL_SHORT.finditer(text):
        out.append((match.start(), match.group("label")))
    for match in COHORT_ORDINAL.finditer(text):
        label = match.group("label").lower()
        out.append((match.start(), ORDINALS.get(label, " ".join(match.group(0).split()))))
    for match in dose_arm().finditer(text) if GROUP_WORD.search(text) else ():
        out.append((match.start(), " ".join(match.group("label").split())))
    taken = {pos for pos, _label in out}
    for match in COHORT_SETTING.finditer(text):
        if match.start() not in taken:
            out.append((match.start(), " ".join((match.group("label") or match.group("level"))
                                                .split())))
    return tuple(sorted(out))


def result_groups(text: str) -> list[tuple[int, str]]:
    """(position, label) of every group a result can be about: the cohorts, the subgroups
    (`in the subgroup of patients with PTCL`) and the pooled groups, labelled '' (`across all
    dose levels`). Subgroups are not dosed: doses take `cohort_mentions`."""
    return list(_result_groups(text))


@lru_cache(maxsize=1024)
def _result_groups(text: str) -> tuple[tuple[int, str], ...]:
    out = list(_cohort_mentions(text))
    for match in SUBGROUP.finditer(text):
        out.append((match.start(), match.group("who") or match.group("what")))
    listed = LISTED_GROUP.match(text)
    if listed:
        out.append((listed.start("who"), " ".join(listed.group("who").split())))
    taken = {at for at, _label in out}
    for match in DESCRIBED_COHORT.finditer(text):
        words = match.group("label")
        if match.start() not in taken and not GENERIC_COHORT.search(words) \
                and not dose_text().search(words):
            out.append((match.start(), f"{words} {match.group('noun').lower()}"))
    for match in POOLED.finditer(text):
        out.append((match.start(), ""))
    return tuple(sorted(out))


@lru_cache(maxsize=256)
def cohort_lists(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(position, labels) of each list of cohorts named together (`Cohorts A, B and C`)."""
    return tuple((match.start(), (match.group("label"),
                                  *re.findall(r"[A-Z0-9]{1,3}\b", match.group("more"))))
                 for match in COHORT_NAMED.finditer(text) if match.group("more"))


def listed_doses(text: str, label: str, position: int, values: tuple[str, ...]
                 ) -> list[tuple[str, str]]:
    """(value, cohort) for each value of a dose list whose cohort was named in a list of
    cohorts: `Cohorts 1, 2 and 3 received 1, 3 and 10 mg` pairs them in order, and
    `Cohorts A and B received 5 mg` gives the dose to each; any other list is the cohort's."""
    before = [labels for at, labels in cohort_lists(text) if label in labels and at < position]
    group = before[-1] if before else next(
        (labels for _at, labels in cohort_lists(text) if label in labels), ())
    if len(group) > 1 and len(values) == len(group):
        return list(zip(values, group, strict=True))
    if len(group) > 1 and len(values) == 1:
        return [(values[0], each) for each in group]
    return [(value, label) for value in values]


GROUP_WORD = re.compile(r"\b(?:arm|cohort|group)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def dose_text() -> re.Pattern:
    """`10 mg`, `3 mg/kg`: a value with a dose unit of the vocabulary."""
    unit = lexicon.unit_regex(("dose",)) or r"(?!x)x"
    return re.compile(rf"(?P<v>{NUMBER})\s*(?P<u>{unit})(?![\w/])", re.IGNORECASE)


def dose_label(dose: re.Match) -> str:
    """`10 mg` for a match of `dose_text`: how a group named by its dose is labelled."""
    return f"{dose.group('v')} {dose.group('u')}"


def dose_labels(text: str, doses: list[re.Match]) -> list[str]:
    """The labels of groups named by these doses (matches of `dose_text` in `text`): the dose
    alone, with the schedule written after it (`100 mg BID`, `300 mg every 24 weeks`) when
    two groups of one dose differ only in their schedule."""
    labels = [dose_label(d) for d in doses]
    if len(set(labels)) == len(labels):
        return labels
    out = []
    for label, dose in zip(labels, doses, strict=True):
        schedule = SCHEDULE_AFTER.match(text, dose.end("u"))
        out.append(f"{label} {schedule_words(schedule.group('s'))}" if schedule else label)
    return out


def schedule_words(schedule: str) -> str:
    """`every-24-week` → `every 24 weeks`; `QD`, `once daily` as written."""
    words = " ".join(schedule.replace("-", " ").split())
    return re.sub(r"^(every (?:\d{2,}|[2-9]|two|three|four|six|eight|twelve) (?:day|week|month))$",
                  r"\1s", words)


# `Q4W`, `QW`, `QOD`: a dosing interval that tells apart arms of one dose, kept in their
# labels (a daily `QD` or `BID` is not: the dose names that arm)
INTERVAL = r"Q\d{1,2}[WDMH]|QW|QOD"
# `once daily`, `every 12 weeks`, `every-24-week`: a schedule in words after an arm's dose,
# kept in its label only where it tells apart arms of one dose (`dose_labels`)
WORDED_SCHEDULE = (r"(?:(?:once|twice)[- ](?:a[- ])?(?:daily|weekly|monthly|day|week|month)|"
                   r"every[- ](?:other[- ])?(?:(?:\d{1,2}|two|three|four|six|eight|twelve)[- ])?"
                   r"(?:days?|weeks?|months?)|QD|BID)")
SCHEDULE_AFTER = re.compile(rf"\s+(?P<s>{WORDED_SCHEDULE}|(?-i:{INTERVAL}))\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def dose_arm() -> re.Pattern:
    """`the 100 mg arm`, `the 3 mg/kg cohort`, `the 300 mg Q4W arm`: a group named by its dose
    (and the schedule abbreviated after it, as a table's arm keeps it)."""
    unit = lexicon.unit_regex(("dose",)) or r"(?!x)x"
    return re.compile(rf"(?<![\w.])(?P<label>{NUMBER}\s*(?:{unit})(?:\s+(?-i:{INTERVAL})\b)?)"
                      rf"\s+(?:{WORDED_SCHEDULE}\s+)?"
                      r"(?:arm|cohort|group|dose\s+group)\b", re.IGNORECASE)


BACK_REFERENCE = re.compile(r"\b(?:these|those)\s+(?:patients|participants|subjects)\b|"
                            r"\bthis\s+(?:cohort|group|arm|population)\b", re.IGNORECASE)


COMPARING = re.compile(r"\b(?:exceed\w*|than|compared|versus|vs|typically|seen\s+with)\b",
                       re.IGNORECASE)


def carried_cohort(ctx: Context, sentence: Sentence) -> list[tuple[int, str]]:
    """`these patients` refers to the cohort the sentence before named."""
    if not BACK_REFERENCE.search(sentence.text):
        return []
    before = ctx.sentence_before(sentence)
    previous = cohort_mentions(before.text) if before else []
    return [(0, previous[-1][1])] if previous else []


@lru_cache(maxsize=256)
def segment_bounds(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in SEGMENT_BREAK.finditer(text)), len(text) + 1)


# what stands between a value and the cohort named after it that it belongs to: `… in
# Cohort 2`, `… at dose level 2`, `40 x 10^6 CAR+ T cells (dose level 1`
VALUE_IN = re.compile(r"[^,;()]{0,25}?\s(?:in|for|at)\s+(?:the\s+)?|[^,;()]{0,30}?\s\(\s*",
                      re.IGNORECASE)


PAREN_REACH = 20  # a cohort named this close before a parenthesis owns the values in it


def in_group_parenthesis(cohorts: list[tuple[int, str]], position: int, text: str) -> bool:
    """`a low-dose arm (100 mg once daily), a high-dose arm (200 mg) or placebo`: the value
    stands in a parenthesis right after a group the sentence names, so it is that group's,
    whatever control the clause also lists."""
    opened = text.rfind("(", 0, position)
    return opened >= 0 and ")" not in text[opened:position] and any(
        opened - PAREN_REACH <= at < opened for at, _label in cohorts)


def nearest_cohort(cohorts: list[tuple[int, str]], position: int, text: str) -> str:
    """The cohort named in the same clause as the position (the last before it, else the
    first after it), else the last one before it, else the first after it — never one named
    after a comparison (`exceeding … in third-line`). Cohorts come sorted by position."""
    if not cohorts:
        return ""
    positions = [pos for pos, _label in cohorts]
    if position in positions:  # `the 100 mg arm`: the dose names its own group
        return cohorts[positions.index(position)][1]
    bounds = segment_bounds(text)
    index = bisect.bisect_right(bounds, position) - 1
    start, end = bounds[index], bounds[min(index + 1, len(bounds) - 1)]
    after = bisect.bisect_right(positions, position)
    opened = text.rfind("(", 0, position)
    if after and opened >= 0 and ")" not in text[opened:position] \
            and positions[after - 1] >= opened - PAREN_REACH:
        return cohorts[after - 1][1]  # `dose level 1 (DL1; 5 x 10^7 cells)`: its own dose
    if after < len(cohorts) and VALUE_IN.fullmatch(text, position, positions[after]):
        return cohorts[after][1]  # `… and 150 mCi in Cohort 2`: the cohort it is given in
    usable_after = after < len(cohorts) and not COMPARING.search(text, position, positions[after])
    if after and positions[after - 1] >= start:
        return cohorts[after - 1][1]
    if usable_after and positions[after] < end:
        return cohorts[after][1]
    if after:
        return cohorts[after - 1][1]
    return cohorts[after][1] if usable_after else ""


def unit_row(text: str) -> dict[str, str]:
    return lexicon.unit_forms().get(text.lower(), {"unit": text, "ucum": "", "qudt": ""})


def quantity(value: Decimal, unit_text: str) -> Quantity:
    row = unit_row(unit_text)
    from kg.curies import expand

    return Quantity(value, row["unit"], row.get("ucum", ""), expand(row.get("qudt", "")) or "")


# `no dose-limiting toxicities below a daily dose of 280 mg`: a bound, not a dose given.
DOSE_LIMIT_BEFORE = re.compile(
    r"\b(?:below|above|under|exceeding|less\s+than|more\s+than|greater\s+than|at\s+least)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:daily|total|single|weekly|cumulative)\s+)?(?:doses?\s+(?:level\s+)?"
    r"of\s+)?$", re.IGNORECASE)


# `3 x 10^13 vg/kg`, `3×10^13`, `40 x 10^6 CAR+ T cells`, `3e13 vg/kg`
EXPONENT = r"(?:\s*[x×]\s*10\s*(?:\^|\*\*)\s*(?P<exp>\d{1,2})|[eE]\+?(?P<eexp>\d{1,2}))"


def doses(ctx: Context) -> None:
    unit = lexicon.unit_regex(("dose",))
    if not unit:
        return
    pattern = re.compile(rf"(?<![\w.])(?P<value>{NUMBER}){EXPONENT}?\s*(?P<unit>{unit})"
                         r"(?![\w/])", re.IGNORECASE)
    arms = dose_named_arms(ctx, pattern)
    for sentence in ctx.fact_sentences():
        if NOT_HUMAN.search(sentence.text) or not re.search(r"\d", sentence.text):
            continue
        cohorts = cohort_mentions(sentence.text)
        randomised_to = randomised_arms(sentence.text, pattern)
        for match in dose_lists(sentence.text, pattern):
            if is_range(sentence.text, match) or (
                    in_control_clause(ctx, sentence, match.start())
                    and not in_group_parenthesis(cohorts, match.start(), sentence.text)) \
                    or DOSE_LIMIT_BEFORE.search(sentence.text[max(0, match.start() - 50):
                                                              match.start()]):
                continue
            drug = ctx.drug_near(sentence, match.start())
            if not drug or drug.name in ctx.others or other_drug_before(ctx, sentence,
                                                                        match.start()):
                continue
            nearest = nearest_cohort(cohorts, match.start(), sentence.text)
            pairs = listed_doses(sentence.text, nearest, match.start(), match.values)
            if (not nearest or nearest in study_parts(cohorts, sentence.text)
                    or dose_text().fullmatch(nearest)) and any(
                    dose_key(raw, match.unit) in arms | randomised_to for raw in match.values):
                pairs = [(raw, f"{raw} {match.unit}") for raw in match.values]
            for raw, label in pairs:
                value = decimal(raw)
                if value is None:
                    continue
                evidence = ctx.evidence(sentence, "kg.doses.v1")
                cohort = ctx.extraction.add(Cohort(drug, label), evidence)
                ctx.extraction.add(Dose(cohort, quantity(value, match.group("unit"))), evidence)
    merge_unlabelled_doses(ctx)


# `… in the 5 mg, 10 mg and 20 mg arms`: the doses just before it name groups
ARM_AFTER = re.compile(r"\s*(?:(?:once|twice)[- ](?:daily|weekly)\s+|QD\s+|BID\s+)?"
                       r"(?:dose\s+)?(?:arms?|cohorts?|groups?)\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
GROUPS_WORD = re.compile(r"\b(?:arm|cohort|group)s?\b", re.IGNORECASE)
LIST_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")
RANDOMISED_TO = re.compile(r"\brandomi[sz]ed\b[^.;]{0,40}?\bto\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[;.](?:\s|$)")


def dose_named_arms(ctx: Context, pattern: re.Pattern) -> set[tuple[Decimal | None, str]]:
    """The doses the release names its arms by (`the 10 mg arm`, `the 5 mg and 10 mg
    groups`), as `dose_key`s: a trial randomised to `5 mg, 10 mg or 20 mg` has those arms."""
    arms = set()
    for sentence in ctx.structure.sentences:
        if not GROUPS_WORD.search(sentence.text) or not DIGIT.search(sentence.text):
            continue
        run: list[DoseList] = []
        for listed in dose_lists(sentence.text, pattern):
            if run and not LIST_JOIN.fullmatch(sentence.text, run[-1].end(), listed.start()):
                run = []
            run.append(listed)
            if ARM_AFTER.match(sentence.text, listed.end()):
                arms.update(dose_key(raw, each.unit) for each in run for raw in each.values)
    return arms


def randomised_arms(text: str, pattern: re.Pattern) -> set[tuple[Decimal | None, str]]:
    """The doses a sentence says patients were randomised to (`randomized to AB-1 150 mg or
    300 mg, or placebo`), as `dose_key`s, when two or more of one unit (a comparator's dose
    has another): each is an arm."""
    randomised = RANDOMISED_TO.search(text)
    if not randomised:
        return set()
    end = CLAUSE_END.search(text, randomised.end())
    doses = [dose_key(raw, each.unit) for each in dose_lists(text, pattern)
             if randomised.end() <= each.start() < (end.start() if end else len(text))
             for raw in each.values]
    return {key for key in doses if len({v for v, unit in doses if unit == key[1]}) >= 2}


def study_parts(cohorts: list[tuple[int, str]], text: str) -> set[str]:
    """The labels of a study's parts (`Part B randomised … to 1 mg, 3 mg or 10 mg`): a part
    holds arms, and an arm named by its dose is the dose's group."""
    return {label for at, label in cohorts if re.match(r"[Pp]arts?\b", text[at:])}


def dose_key(raw: str, unit: str) -> tuple[Decimal | None, str]:
    return decimal(raw), unit.lower()


def other_drug_before(ctx: Context, sentence: Sentence, position: int) -> bool:
    """`… or docetaxel 75 mg/m2`: the dose follows the name of a drug that is not the
    company's (a comparator or a partner's)."""
    before = sentence.text[max(0, position - 40):position]
    named = re.search(r"([A-Za-z][\w-]{2,})(?:\s+at)?\s+$", before)
    if not named:
        return False
    start = sentence.start + position - len(before) + named.start(1)
    for mention in ctx.mentions_in(sentence):
        if mention.start <= start < mention.end:
            return mention.drug.name not in ctx.owned or mention.drug.name in ctx.others
    return is_inn(named.group(1))


def merge_unlabelled_doses(ctx: Context) -> None:
    """`patients in third-line receiving 180 mg` and later `41 patients for the 180 mg dose`:
    a dose stated without a cohort is the same dose as one of the drug's cohorts at that
    value, whose evidence it joins."""
    labelled = {}
    for dose in ctx.extraction.of_type(Dose):
        if dose.cohort.label:
            labelled.setdefault((dose.cohort.drug.name, dose.quantity), dose)
    for dose in ctx.extraction.of_type(Dose):
        kept = labelled.get((dose.cohort.drug.name, dose.quantity))
        if not dose.cohort.label and kept is not None:
            kept.evidence.extend(e for e in dose.evidence if e not in kept.evidence)
            ctx.extraction.remove(dose)


@dataclass(frozen=True)
class DoseList:
    """`3.0 and 5.0 mCi`: the values that share one unit, and where they stand."""

    first: int
    last: int
    values: tuple[str, ...]
    unit: str

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last

    def group(self, name: str) -> str:
        return self.unit


LIST_TAIL = re.compile(rf"(?:(?:{NUMBER})\s*(?:,|and|or)\s*){{1,6}}$")


# `AB-101, 3 mg/kg and 10 mg/kg`, `Cohort 1 and 150 mCi`: a number that ends a code or
# follows a label is no dose of the list after it
NOT_LISTED_BEFORE = re.compile(r"(?:[\w\-/.]|\b(?:[Cc]ohorts?|[Pp]arts?|[Aa]rms?|[Gg]roups?|"
                               r"[Ll]evels?|[Dd]ays?|[Ww]eeks?|[Cc]ycles?|[Pp]hases?)\s)$")


def dose_lists(text: str, pattern: re.Pattern) -> list[DoseList]:
    """Each value with its unit, plus the values listed just before it without a unit; the
    list is read back from a bounded window, so long runs of numbers stay linear."""
    out = []
    for match in pattern.finditer(text):
        window = text[max(0, match.start() - 60):match.start()]
        tail = LIST_TAIL.search(window)
        while tail and NOT_LISTED_BEFORE.search(window, 0, tail.start()):
            item = re.match(rf"(?:{NUMBER})\s*(?:,|and|or)\s*", window[tail.start():])
            tail = LIST_TAIL.search(window, tail.start() + item.end())
        listed = re.findall(NUMBER, tail.group(0)) if tail else []
        first = match.start() - (len(tail.group(0)) if tail else 0)
        exponent = match.groupdict().get("exp") or match.groupdict().get("eexp")
        value = f"{match.group('value')}E{exponent}" if exponent else match.group("value")
        out.append(DoseList(first, match.end(), (*listed, value), match.group("unit")))
    return out


def is_range(text: str, match) -> bool:
    """`11.9 — 18.6 months`, `from 5 to 10 mg`, `from 50 mg to 400 mg`: a range is not one
    value."""
    before = text[max(0, match.start() - 20):match.start()]
    after = text[match.end():match.end() + 12]
    return bool(re.search(rf"(?:{NUMBER})\s*(?:[a-zA-Zµ/%²]{{1,8}}\s*)?(?:[-–—]|to)\s*$", before) or
                re.match(rf"^\s*(?:[-–—]|to)\s*(?:{NUMBER})", after) or
                re.search(r"\bfrom\s*$", before))


@lru_cache(maxsize=256)
def clauses(text: str) -> tuple[tuple[int, int, bool, bool], ...]:
    """(start, end, opens with a contrast word, mentions a control) for each clause."""
    bounds = [0] + [m.start() for m in CLAUSE_SPLIT.finditer(text)] + [len(text)]
    return tuple((start, end, start > 0 and bool(CONTRAST_START.match(text, start)),
                  bool(CONTROL.search(text, start, end)))
                 for start, end in itertools.pairwise(bounds))


@lru_cache(maxsize=256)
def clause_starts(text: str) -> list[int]:
    return [clause[0] for clause in clauses(text)]


def in_control_clause(ctx: Context, sentence: Sentence, position: int) -> bool:
    """Is the position inside a clause about a control arm or another therapy? A clause that
    names the company's drug, or one of the study's cohorts (`while Cohort 4 received
    800 mg`), is about that drug, even when it compares."""
    found = clauses(sentence.text)
    index = bisect.bisect_right(clause_starts(sentence.text), position) - 1
    if index < 0:
        return False
    start, end, contrast, control = found[index]
    mentions = ctx.own_starts(sentence)
    first = bisect.bisect_left(mentions, start + sentence.start)
    names_drug = first < len(mentions) and mentions[first] < end + sentence.start
    if contrast:
        names_cohort = any(start <= at < end for at, _ in cohort_mentions(sentence.text))
        return control or not (names_drug or names_cohort)
    return control and not names_drug


@dataclass
class Topic:
    """Which sentences a results step reads, in order: one naming an own drug or a trial
    opens a topic; the lines listed under a lead ending in `:` (`As of the cutoff:`) carry
    it on, and so do the later sentences of its paragraph and the paragraph after it when
    the step lets them."""

    paragraph: int | None = None  # the last paragraph in the topic
    listing: bool = False  # it ends with `:`, and the lines after it are its list

    def follows(self, ctx: Context, sentence: Sentence, *,
                same_paragraph: Callable[[], bool] = lambda: True,
                next_paragraph: Callable[[], bool] = lambda: False) -> bool:
        at = sentence.paragraph
        opens = ctx.own_mentions(sentence) or TRIAL_CONTEXT.search(sentence.text)
        if not opens and (self.paragraph is None or not (
                (self.listing and at in (self.paragraph, self.paragraph + 1))
                or (at == self.paragraph + 1 and next_paragraph())
                or (at == self.paragraph and same_paragraph()))):
            self.listing = False
            return False
        self.paragraph = at
        self.listing = self.listing or sentence.text.rstrip().endswith(":")
        return True


def outcomes(ctx: Context) -> None:
    time_units = lexicon.unit_regex(("time", "percent"))
    value = re.compile(rf"(?P<v>{SIGNED})(?:\s*|-)(?P<u>{time_units})(?![\w])", re.IGNORECASE)
    topic = Topic()
    arms = dose_arms(ctx)
    for sentence in ctx.fact_sentences():
        if TABLE_CELLS in sentence.text:
            continue  # a table's row: `kg.extract.tables` reads it against its header
        text = sentence.text
        if not topic.follows(  # `The ORR was 62%.` counts after its paragraph named the study
                ctx, sentence, same_paragraph=lambda t=text: bool(REPORTED.search(t)),
                next_paragraph=lambda t=text: bool(  # a paragraph of results after the study's
                    REPORTED.search(t) and endpoints_in(t) and not BACKGROUND.search(t))):
            continue
        if NOT_HUMAN.search(sentence.text) or not re.search(r"\d", sentence.text):
            continue
        cohorts = result_groups(sentence.text) or dose_arms_named(arms, sentence.text) \
            or carried_cohort(ctx, sentence)
        adjusted = placebo_adjusted(ctx, sentence, cohorts)
        endpoints = endpoints_in(sentence.text)
        if not endpoints:
            proportions(ctx, sentence, cohorts)
            continue
        landmarks = {e.start for e in endpoints if e.key == "proportion"}
        shares = {m.start("v") for m in SHARE_WITH.finditer(sentence.text)}
        values = [m for m in with_listed_values(sentence.text, list(value.finditer(sentence.text)))
                  if not is_range(sentence.text, m)
                  and not THRESHOLD_BEFORE.search(sentence.text[max(0, m.start() - 14):m.start()])
                  and not any(0 <= start - m.end() <= 2 for start in landmarks)
                  and m.start() not in shares  # `33% of patients achieved HbA1c <7%`
                  and m.start() not in adjusted
                  and not FOLLOW_UP_BEFORE.search(sentence.text, max(0, m.start() - 30),
                                                  m.start())]
        used: set[int] = set()
        for endpoint in endpoints:
            if BASELINE_BEFORE.search(sentence.text, max(0, endpoint.start - 30), endpoint.start):
                continue
            match = pair_value(sentence.text, endpoint, values, endpoints, used)
            if match is None or in_control_clause(ctx, sentence, match.start()):
                continue
            series = respective_values(sentence.text, match, values)
            labels = series_labels(sentence.text, series)
            for index, item in enumerate(series):
                used.add(item.start())
                label = labels[index] if labels else nearest_cohort(
                    cohorts, max(item.start(), endpoint.start), sentence.text)
                add_outcome(ctx, sentence, endpoint, decimal(item.group("v")), item.group("u"),
                            label)
        counts(ctx, sentence, cohorts)
        proportions(ctx, sentence, cohorts)


# `30% in Cohort A and 55% in Cohort B`: one endpoint, a value for each group named after it
# (`… and 79% in the high-dose group`, `… at dose level 2 and …`)
IN_GROUP_AND = re.compile(r"\s+(?:in|for|at)\s+(?:the\s+)?"
                          r"(?:(?i:cohort|arm|group|part|dose\s+level)\s+[A-Z0-9]{1,3}[a-z]?"
                          r"|(?i:[a-z]+[- ]dose\s+(?:cohort|arm|group)))\s*(?:,\s*and|,|and)\s+")


@dataclass(frozen=True)
class ListedValue:
    """`1.3` in `by 1.3, 1.7 and 2.0 percentage points`: a value whose unit is written once,
    after the list's last value; read like a match of the value pattern."""

    at: int
    number: str
    unit: str

    def start(self, _group: str = "") -> int:
        return self.at

    def end(self, _group: str = "") -> int:
        return self.at + len(self.number)

    def group(self, name: str) -> str:
        return self.number if name == "v" else self.unit


SHARED_UNIT_TAIL = re.compile(rf"(?:(?<![\w.,])(?:{SIGNED})\s*(?:,\s*and|,|and)\s*){{1,6}}$")


def with_listed_values(text: str, matches: list) -> list:
    """The value matches, plus the values listed before one without their unit (each takes
    the unit written after the last), in order of position."""
    out = []
    for match in matches:
        tail = SHARED_UNIT_TAIL.search(text, max(0, match.start() - 60), match.start())
        if tail and not NOT_LISTED_BEFORE.search(text, 0, tail.start()):
            out += [ListedValue(tail.start() + m.start(), m.group(0), match.group("u"))
                    for m in re.finditer(SIGNED, tail.group(0))]
        out.append(match)
    return sorted(out, key=lambda m: m.start())


def respective_values(text: str, first: re.Match, values) -> list[re.Match]:
    """`were 14%, 36% and 56%, respectively`: the list that starts at the first value; and
    `30% in Cohort A and 55% in Cohort B`, each value followed by its group."""
    series = [first]
    if not re.search(r"\brespectively\b", text):
        for match in values:
            if match.start() > series[-1].end() and match.group("u") == first.group("u") and (
                    IN_GROUP_AND.fullmatch(text, series[-1].end(), match.start())
                    or ((dose := dose_after(text, series[-1].end()))
                        and LIST_AND.fullmatch(text, dose.end(), match.start()))
                    or (GROUP_IN_PARENS_AND.fullmatch(text, series[-1].end(), match.start())
                    and paren_group(text, series[-1].end()))):
                series.append(match)
        return series
    for match in values:  # (a p-value or interval in brackets may follow each)
        if match.start() > series[-1].end() and re.fullmatch(
                r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|and|, and)\s*",
                text[series[-1].end():match.start()]):
            series.append(match)
    return series


# `58% (10 mg), 66% (20 mg) and 74% (40 mg)`: each value followed by its group in parentheses
GROUP_IN_PARENS = re.compile(r"\s*\((?P<label>[^()]{1,24})\)")
GROUP_IN_PARENS_AND = re.compile(r"\s*\([^()]{1,24}\)\s*(?:,\s*and|,|and)\s+")


LIST_AND = re.compile(r"\s*(?:,\s*and|,|and)\s+")


@lru_cache(maxsize=1)
def dose_after_pattern() -> re.Pattern:
    """` with 20 mg/day`, ` in the AB-1 10 mg arm`: a group named by its dose after a value."""
    return re.compile(r"\s+(?:in|for|at|with|on)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+)?"
                      + dose_text().pattern
                      + rf"(?:\s+{WORDED_SCHEDULE})?(?:\s+(?:arm|cohort|group|dose))?")


def dose_after(text: str, end: int) -> re.Match | None:
    return dose_after_pattern().match(text, end)


def dose_arms(ctx: Context) -> set[str]:
    """The labels (lower case) of the cohorts named by their dose (`randomized to AB-1 10
    mg/day or 20 mg/day`): read once per step, not per sentence."""
    return {c.label.lower() for c in ctx.extraction.of_type(Cohort)
            if dose_text().fullmatch(c.label)}


def dose_arms_named(arms: set[str], text: str) -> list[tuple[int, str]]:
    """(position, label) of the doses in a sentence that name one of `arms` (`dose_arms`)."""
    found = []
    for match in dose_text().finditer(text) if arms else ():
        label = dose_label(match)
        if label.lower() in arms:
            found.append((match.start(), label))
    return found


def paren_group(text: str, end: int) -> str:
    """The group named in parentheses just after a value (`(10 mg)`, `(Cohort B)`), else ''."""
    match = GROUP_IN_PARENS.match(text, end)
    if not match:
        return ""
    label = " ".join(match.group("label").split())
    dose = dose_text().fullmatch(label)
    if dose:
        return dose_label(dose)
    named = cohort_mentions(label)
    return named[0][1] if len(named) == 1 and named[0][0] == 0 else ""


def series_labels(text: str, series: list) -> list[str]:
    """The group of each value of a series: named in parentheses after each, or by its dose
    after each (`52% with 20 mg/day and 41% with 10 mg/day`), else the groups a `respectively`
    list refers to; [] when none."""
    in_parens = [paren_group(text, item.end()) for item in series]
    if all(in_parens):
        return in_parens
    doses = [dose_after(text, item.end()) for item in series]
    if len(series) > 1 and all(doses):
        return dose_labels(text, doses)
    return respective_cohorts(text, len(series)) if len(series) > 1 else []


def respective_cohorts(text: str, count: int) -> list[str]:
    """The cohorts a `respectively` list refers to: as many named cohorts or dose levels."""
    named = [label for _pos, label in cohort_mentions(text)]
    if len(named) == count and len(set(named)) == count:
        return named
    doses = list(dose_text().finditer(text))
    return dose_labels(text, doses) if len(doses) == count else []


def pair_value(text: str, endpoint, values, endpoints, used):
    """The value that belongs to an endpoint: just after it (`mOS of 15.4 months`) or just
    before it (`26.2-month mOS`, `45% ORR`), never across another endpoint."""
    best, best_gap = None, (240 if endpoint.key == "proportion" else 80)
    for match in values:
        if match.start() in used or not unit_fits(endpoint.key, match.group("u")):
            continue
        if match.start() >= endpoint.end and endpoint.key == "proportion":
            continue
        if match.start() >= endpoint.end:
            gap = match.start() - endpoint.end
            between = text[endpoint.end:match.start()]
        elif match.end() <= endpoint.start:
            gap = (endpoint.start - match.end()) * 2
            between = text[match.end():endpoint.start]
        else:
            continue
        if any(e is not endpoint and e.start >= min(match.end(), endpoint.end)
               and e.end <= max(match.start(), endpoint.start) for e in endpoints):
            continue
        if re.search(r"[;:]|\bversus\b|\bvs\b", between) or NOT_REACHED.search(between):
            continue
        if gap < best_gap:
            best, best_gap = match, gap
    return best


# `median DoR had not been reached at a median follow-up of 9.1 months`: the value is the
# follow-up's, the endpoint has none
NOT_REACHED = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?reached\b|\bfollow-?up\b",
                         re.IGNORECASE)
# `At a median follow-up of 9.2 months, …`: the value of a follow-up, never a result
FOLLOW_UP_BEFORE = re.compile(r"\bfollow[- ]?up(?:\s+time)?\s+(?:of|was|is)\s+(?:about\s+)?$",
                              re.IGNORECASE)
# `Mean baseline HbA1c was 8.1%`: where patients started, not a result
BASELINE_BEFORE = re.compile(r"\b(?:baseline|pre-?treatment|screening)\s+(?:(?:mean|median)\s+)?$",
                             re.IGNORECASE)
TIME_WORDS = ("survival", "duration", "time", "os", "pfs", "efs", "dfs", "dor", "ttp")


def unit_fits(endpoint_key: str, unit_text: str) -> bool:
    """Survival and durations take time units; rates take percentages."""
    kind = lexicon.unit_forms().get(unit_text.lower(), {}).get("kind", "")
    key = endpoint_key.lower()
    is_time = any(word in key for word in TIME_WORDS) and "rate" not in key
    if kind == "score" and unit_text.lower().startswith("percentage"):
        return any(word in key for word in CHANGE_WORDS)  # `HbA1c fell 1.3 percentage points`
    return kind == ("time" if is_time else "percent")


CHANGE_WORDS = ("reduction", "change", "improvement", "difference", "decrease", "increase",
                "lowering", "loss")


RESPONSE = (r"complete\s+(?:metabolic\s+)?(?:responses?|remissions?)|partial\s+(?:metabolic\s+)?"
            r"responses?|stable\s+diseases?|objective\s+responses?")
COUNT = re.compile(rf"\b(?P<n>\d+|{'|'.join(NUMBER_WORDS)}|an?)\s+(?:(?:confirmed|unconfirmed|"
                   rf"durable|additional)\s+)?(?P<ep>{RESPONSE})\b(?!\s+rates?)", re.IGNORECASE)
# `3 of 8 patients achieved a partial response`, `two patients had a complete response`
COUNT_ACHIEVED = re.compile(
    rf"(?<![\w.-])(?<!of )(?P<n>\d+|{'|'.join(NUMBER_WORDS)})(?:\s+of\s+(?:the\s+)?(?:\d+|"
    rf"{'|'.join(NUMBER_WORDS)}))?(?:\s+(?:evaluable\s+|"
    r"treated\s+)?(?:patients|participants|subjects))?\s+(?:achieved|had|experienced|showed|"
    rf"attained)\s+(?:an?\s+)?(?:(?:confirmed|durable)\s+)?(?P<ep>{RESPONSE})\b(?!\s+rates?)"
    r"(?!\s*\(?\d)", re.IGNORECASE)
PLURAL_SUBJECT = re.compile(r"\b(?:patients|participants|subjects|people|individuals)\b",
                            re.IGNORECASE)
ACHIEVED_BEFORE = re.compile(r"\b(?:achieved|had|showed|experienced|obtained|reached|attained)"
                             r"\s*$", re.IGNORECASE)
TRIAL_CONTEXT = re.compile(r"\b(?:patients?|participants?|subjects?|cohorts?|arms?|trials?|"
                           r"stud(?:y|ies)|treated|treatment|dos(?:e|es|ed|ing)|enrolled|data|"
                           r"results)\b",
                           re.IGNORECASE)
# words of a paragraph about a disease or other medicines, not about the study's results
BACKGROUND = re.compile(r"\b(?:population|medicines|therapies|treatments|drugs|typically|"
                        r"historically|usually|generally|literature|expected|standard)\b",
                        re.IGNORECASE)
# A result is reported in the past; `the five-year survival rate for this cancer is 28%` is
# what the disease does, not what a study found.
REPORTED = re.compile(r"\b(?:was|were|achieved|showed|demonstrated|observed|reached|improved|"
                      r"reduced|decreased|increased)\b", re.IGNORECASE)
NOT_A_RESULT_AFTER = re.compile(r"^\s*(?:\([^()]{1,12}\)\s*)?(?:cut-?off|follow-?up)\b",
                                re.IGNORECASE)
THRESHOLD_AFTER = re.compile(r"^\s*(?:\([^()]{1,12}\)\s*)?(?:threshold|benchmark|landmark)\b",
                             re.IGNORECASE)


def endpoints_in(text: str) -> list:
    """Endpoints of a sentence; `the 5.8-month OS threshold` becomes the share of patients
    beyond that landmark (a percentage), and follow-up times are no endpoint at all."""
    out = []
    shares = [m for m in SHARE_REACHING.finditer(text) if not is_safety(m.group("ep"))]
    for share in shares:
        out.append(lexicon.TermMatch("share", share.start(), share.end(),
                                     " ".join(share.group("ep").split())))
    for term in lexicon.endpoints().find(text):
        if any(share.start() <= term.start < share.end() for share in shares):
            continue  # `HbA1c` in `the share of patients reaching an HbA1c below 7%`
        after = text[term.end:]
        if NOT_A_RESULT_AFTER.match(after):
            continue
        term = landmark_rate(text, term)
        if THRESHOLD_AFTER.match(after):
            landmark = re.search(r"(\d[\w.\-]*)\s*$", text[:term.start])
            prefix = f"{landmark.group(1)} " if landmark else ""
            out.append(lexicon.TermMatch("proportion", term.start, term.end,
                                         f"patients beyond the {prefix}{term.text} threshold"))
        else:
            out.append(or_better(text, term))
    return sorted(out, key=lambda term: term.start)


OR_BETTER = re.compile(r"\s+or\s+(?:better|greater|higher)\b", re.IGNORECASE)


def or_better(text: str, term: lexicon.TermMatch) -> lexicon.TermMatch:
    """`complete response or better` is its own endpoint (CR and sCR counted together), not
    the complete response the vocabulary names."""
    more = OR_BETTER.match(text, term.end)
    return lexicon.TermMatch(term.key, term.start, more.end(), text[term.start:more.end()]) \
        if more else term


# `the proportion of participants reaching an HbA1c below 7.0% was 58%`: the endpoint is
# what the share of patients reached, its value the one stated after
SHARE_REACHING = re.compile(
    r"\b(?:proportion|share|percentage|percent)\s+of\s+(?:[\w-]+\s+)?(?:patients|participants|"
    r"subjects)\s+(?:who\s+)?(?:reaching|reached|achieving|achieved|attaining|attained|with)\s+"
    r"(?:an?\s+|the\s+)?(?P<ep>(?:[^.;:]|\.(?=\d)){3,80}?)(?=\s+(?:was|were|is|are)\b)",
    re.IGNORECASE)


RATE_AFTER = re.compile(r"^\s+rates?\b", re.IGNORECASE)
LANDMARK_BEFORE = re.compile(r"(?:\b\d+|\bone|\btwo|\bthree|\bfive)[-\s](?:months?|years?|weeks?)"
                             r"\s*$", re.IGNORECASE)


def landmark_rate(text: str, term):
    """`12-month event-free survival rate`: a survival endpoint followed by `rate` is the
    share alive (a percentage) at the landmark before it, not a time."""
    after = RATE_AFTER.match(text[term.end:])
    if not after or "rate" in term.key:
        return term
    landmark = LANDMARK_BEFORE.search(text[:term.start])
    start = landmark.start() if landmark else term.start
    end = term.end + after.end()
    return lexicon.TermMatch(f"{term.key}-rate", start, end, " ".join(text[start:end].split()))


SHARE = r"(?:\d+\s*/\s*\d+\s*)?\(?(?P<v>\d+(?:\.\d+)?)\s?%\)?\s*(?:\(\d+\s*/\s*\d+\)\s*)?"
POPULATION = (r"of\s+(?:the\s+|all\s+|these\s+)?(?:[\w-]+\s+)?"
              r"(?:patients|participants|subjects)")
# `58% of patients receiving AB-1 20 mg once daily achieved …`: who they were, then the verb
TREATED = (r"(?:\s+(?:receiving|treated\s+with|given|taking|on)\s+[^,.;:]{1,60}?|"
           r"\s+in\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm|cohort))?")
# `… of participants seroconverted against three serotypes`: a verb that is itself the result
RESULT_VERBS = {"seroconverted": "seroconversion", "responded": "response"}
SHARE_WITH = re.compile(
    rf"{SHARE}{POPULATION}{TREATED}\s+(?:(?:having|had|showing|showed|achieving|achieved|"
    rf"experiencing|experienced|developing|developed|demonstrating|demonstrated)\s+"
    rf"|(?P<verb>{'|'.join(RESULT_VERBS)})\b\s*)(?P<ep>[^.;:]{{3,80}}?)"
    rf"(?=\s+(?:at(?!\s+(?:least|most)\b)|in|after|during|following|by|with|compared|"
    rf"versus|vs)\b|[,.;]|$)", re.IGNORECASE)
SHARE_IN = re.compile(rf"(?P<lead>[^.;:]{{3,160}}?)\s+(?:in|by)\s+{SHARE}{POPULATION}",
                      re.IGNORECASE)
# `… in 38% of patients in Cohort 1, 63% of patients in Cohort 2 and 75% in Cohort 3`
SHARE_MORE = re.compile(r"(?:\s+(?:in|at)\s+(?:the\s+)?[^,;()]{1,40}?)?\s*(?:,\s*(?:and\s+)?|"
                        r"\s+and\s+)(?P<v>\d+(?:\.\d+)?)\s?%(?:\s+of\s+(?:the\s+)?patients)?"
                        r"(?=\s+(?:in|at)\s)", re.IGNORECASE)


ACHIEVED_BY = re.compile(r"\b(?:achieved|reached|attained|met|observed|seen)\s+by\s*$",
                         re.IGNORECASE)  # `was achieved by 41% of patients`: no threshold


def shares_listed_after(text: str, end: int) -> list[re.Match]:
    """The shares listed after a first one, each with the group it is for."""
    found = []
    match = SHARE_MORE.match(text, end)
    while match:
        found.append(match)
        match = SHARE_MORE.match(text, match.end())
    return found
LEAD_TRIM = re.compile(r"^.*\b(?:an?|the|were\s+observed|was\s+observed|observed|seen|"
                       r"increased|generated|induced|showed|produced|elicited|with)\s+",
                       re.IGNORECASE)


POPULATION_WORD = re.compile(r"\b(?:patients|participants|subjects)\b", re.IGNORECASE)
# `achieved an improvement of at least four points` + ` in the Itch Rating Scale (IRS)`
CHANGE_END = re.compile(r"\b(?:points?|improvement|reduction|decrease|increase|change)$",
                        re.IGNORECASE)
SCALE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?P<scale>[^.;,()]{3,60}?)(?=\s*(?:[.;,(]|$|\s+(?:at|"
                         r"from|by|after|compared|versus|vs|with)\b))", re.IGNORECASE)


def scale_after(text: str, end: int) -> str:
    """` in <scale>` after a result phrase ending in a change of points, else ''."""
    if not CHANGE_END.search(text[:end]):
        return ""
    scale = SCALE_AFTER.match(text, end)
    return f" in {scale.group('scale')}" if scale and not POPULATION_WORD.search(
        scale.group("scale")) else ""


CONTROL_WORDS = re.compile(r"\b(?:vs\.?|versus|placebo|control|compared)\b", re.IGNORECASE)


def proportions(ctx: Context, sentence: Sentence, cohorts) -> None:
    """`66.7% of evaluable patients had both CD8+ and CD4+ responses`, `an immune response in
    100% of patients`: a share of patients with a result the text names in its own words."""
    text = sentence.text
    if "%" not in text or not POPULATION_WORD.search(text):
        return
    # (phrase, match, its words that must not name an adverse event: a scale may, `Itch`)
    found = []
    for m in SHARE_WITH.finditer(text):
        phrase = share_phrase(m) + scale_after(text, m.end("ep"))
        found.append((phrase, m, m.group("ep")))
        other = SHARE_VERSUS.match(text, m.end("ep"))
        if other and not CONTROL.search(other.group("group")):
            found.append((phrase, other, m.group("ep")))
    for match in SHARE_IN.finditer(text):
        if is_safety(match.group("lead")):
            continue  # `Injection site reactions, all mild, occurred in 6% of patients`
        lead = LEAD_TRIM.sub("", match.group("lead")).strip(" ,")
        lead = re.sub(r"^(?:and|but|while|whereas)\s+", "", lead.split(", ")[-1],
                      flags=re.IGNORECASE)
        lead = re.sub(r"\s+(?:(?:were|was|is|are)\s+(?:observed|seen|reported|noted|found|"
                      r"achieved|reached|attained|met)(?:\s+by)?|occurred)$", "", lead)
        if 1 <= len(lead.split()) <= 12 and not CONTROL_WORDS.search(lead):
            found.append((lead, match, lead))
            found += [(lead, more, lead) for more in shares_listed_after(text, match.end())]
    for phrase, match, own_words in found:
        if is_safety(own_words):
            continue  # `grade 3 neutropenia occurred in 14% of patients`: a safety rate
        before = text[max(0, match.start("v") - 20):match.start("v")]
        if in_control_clause(ctx, sentence, match.start("v")) or (
                THRESHOLD_BEFORE.search(before) and not ACHIEVED_BY.search(before)):
            continue
        endpoint = lexicon.TermMatch("proportion", match.start("v"), match.end("v"),
                                     " ".join(phrase.split()))
        add_outcome(ctx, sentence, endpoint, decimal(match.group("v")), "%",
                    nearest_cohort(cohorts, match.start("v"), text))


# `…, compared with 91.7% in the low-dose group`: the same result in another arm
SHARE_VERSUS = re.compile(r"[^.;:]{0,80}?,?\s+(?:compared\s+with|versus|vs\.?)\s+"
                          r"(?P<v>\d+(?:\.\d+)?)\s?%\s+(?:of\s+\w+\s+)?in\s+the\s+"
                          r"(?P<group>[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm|cohort))\b",
                          re.IGNORECASE)


def share_phrase(match: re.Match) -> str:
    """What the share of patients achieved: the words after `achieved`, or the noun of a verb
    that is the result itself (`seroconverted against X` → `seroconversion against X`)."""
    verb = match.group("verb")
    return f"{RESULT_VERBS[verb.lower()]} {match.group('ep')}" if verb else match.group("ep")


# `a placebo-adjusted reduction of 4.2 points in the MADRS total score`, `a placebo-adjusted
# weight loss of 12.5%`: the difference from placebo is the drug's result, not the control's
PLACEBO_ADJUSTED = re.compile(
    rf"\bplacebo[- ](?:adjusted|corrected|subtracted)\s+(?P<ep>(?:mean\s+)?[a-z][\w -]{{2,40}}?)"
    rf"\s+(?:of\s+)?(?P<v>{SIGNED})\s*(?P<u>percentage\s+points?|points?|%)"
    rf"(?:\s+(?:in|on)\s+(?:the\s+)?(?![^.;,()]*\b(?:arm|group|cohort)\b)"
    rf"(?P<scale>[A-Za-z][^.;,()]{{2,59}}?))?(?=\s*(?:[.;,(]|$|\s+(?:at|"
    rf"from|by|after|compared|versus|vs)\b))", re.IGNORECASE)


BOUND_AFTER = re.compile(r"\b(?:up\s+to|as\s+much\s+as|more\s+than|over|at\s+least)$",
                         re.IGNORECASE)


def placebo_adjusted(ctx: Context, sentence: Sentence, cohorts) -> set[int]:
    """Add each placebo-adjusted result; returns where their values start."""
    found = set()
    for match in PLACEBO_ADJUSTED.finditer(sentence.text):
        found.add(match.start("v"))
        if BOUND_AFTER.search(match.group("ep")):
            continue  # `placebo-adjusted reductions of up to 13.9 points`: the best of several
        ep = re.sub(r"\s+(?:was|were|is|are)$", "", " ".join(match.group("ep").split()))
        phrase = f"placebo-adjusted {ep}"
        if match.group("scale"):
            phrase += f" in {' '.join(match.group('scale').split())}"
        endpoint = lexicon.TermMatch("placebo-adjusted", match.start(), match.end(), phrase)
        series, labels = adjusted_series(ctx, sentence, match)
        for index, item in enumerate(series):
            found.add(item.start("v"))
            label = labels[index] if labels else nearest_cohort(cohorts, item.start("v"),
                                                                sentence.text)
            add_outcome(ctx, sentence, endpoint, decimal(item.group("v").replace("−", "-")),
                        item.group("u"), label)
    return found


ADJUSTED_VALUE = re.compile(rf"(?P<v>{SIGNED})\s*(?P<u>percentage\s+points?|points?|%)",
                            re.IGNORECASE)


def adjusted_series(ctx: Context, sentence: Sentence, match: re.Match
                    ) -> tuple[list[re.Match], list[str]]:
    """`The placebo-adjusted differences were -8.7 points (p=0.002), -11.4 points and -13.9
    points, respectively`: the values of the list and the groups they are for (named in the
    sentence, else in the one before); the one value, and no groups, without `respectively`."""
    text = sentence.text
    values = list(ADJUSTED_VALUE.finditer(text))
    first = next((v for v in values if v.start() == match.start("v")), None)
    if first is None or not re.search(r"\brespectively\b", text):
        return [match], []
    series = respective_values(text, first, values)
    return series, series_labels(text, series) or groups_before(ctx, sentence, series)


def groups_before(ctx: Context, sentence: Sentence, series: list) -> list[str]:
    """`… was 68.9% and 82.5%, respectively.` naming no groups: the groups the sentence
    before named, when it names as many."""
    before = ctx.sentence_before(sentence)
    if len(series) < 2 or not before or not re.search(r"\brespectively\b", sentence.text):
        return []
    return respective_cohorts(before.text, len(series))


SAFETY_WORDS = re.compile(r"\b(?:grade\s*(?:[≥>]=?\s*)?[1-5]|serious|treatment[- ](?:related|"
                          r"emergent)|discontinu\w*|dose\s+(?:reductions?|interruptions?))\b",
                          re.IGNORECASE)


def is_safety(phrase: str) -> bool:
    """A result phrase that names an adverse event or a safety measure."""
    return bool(SAFETY_WORDS.search(phrase) or lexicon.adverse_events().find(phrase))


def count_endpoint(text: str) -> str:
    """`Partial  Responses` → `partial response`: what a count of patients counts."""
    return re.sub(r"s$", "", " ".join(text.lower().split()))


# `… in 2 of 9 patients in Cohort 2, 4 of 11 in Cohort 3 and 3 of 12 in Cohort 4`
COUNT_IN_GROUP = re.compile(
    rf"(?<![\w.-])(?P<n>\d+|{'|'.join(NUMBER_WORDS)})\s+of\s+(?:the\s+)?\d+(?:\s+(?:evaluable\s+|"
    r"treated\s+)?(?:patients|participants|subjects))?(?:\s*\(\d+(?:\.\d+)?\s*%\))?\s+"
    r"(?:treated\s+)?(?:in|at)\s+(?:the\s+)?", re.IGNORECASE)


def cohort_counts(ctx: Context, sentence: Sentence, cohorts) -> bool:
    """Counts of patients with a response, one for each group a sentence lists them for;
    False when it lists none."""
    text = sentence.text
    starts = {pos: label for pos, label in cohorts}
    items = [(m, starts[m.end()]) for m in COUNT_IN_GROUP.finditer(text) if m.end() in starts]
    responses = list(re.finditer(rf"\b(?:{RESPONSE})\b", text, re.IGNORECASE))
    if len(items) < 2 or not responses:
        return False
    first = items[0][0].start()
    named = min(responses, key=lambda r: (r.start() > first, abs(r.start() - first)))
    endpoint = count_endpoint(named.group(0))
    term = lexicon.TermMatch(endpoint, named.start(), named.end(), endpoint)
    for match, label in items:
        if in_control_clause(ctx, sentence, match.start()):
            continue
        raw = match.group("n").lower()
        add_outcome(ctx, sentence, term, Decimal(NUMBER_WORDS.get(raw, 0) or raw), "patients",
                    label)
    return True


def counts(ctx: Context, sentence: Sentence, cohorts) -> None:
    """"one complete response and one partial response", "3 of 8 patients achieved a partial
    response" → counts of patients."""
    if cohort_counts(ctx, sentence, cohorts):
        return
    achieved = list(COUNT_ACHIEVED.finditer(sentence.text))
    taken = {m.start("ep") for m in achieved}
    for match in [*achieved, *(m for m in COUNT.finditer(sentence.text)
                               if m.start("ep") not in taken)]:
        if in_control_clause(ctx, sentence, match.start()):
            continue
        raw = match.group("n").lower()
        before = sentence.text[:match.start()]
        if raw in ("a", "an") and (not ACHIEVED_BEFORE.search(before) or PLURAL_SUBJECT.search(
                re.split(r"[;:]|,\s+(?:and|while|whereas)\b", before)[-1])):
            continue  # `12 of 20 patients achieved a partial response`: not one response
        value = Decimal(1 if raw in ("a", "an") else NUMBER_WORDS.get(raw, 0) or raw)
        endpoint = count_endpoint(match.group("ep"))
        term = lexicon.TermMatch(endpoint, match.start("ep"), match.end("ep"), endpoint)
        add_outcome(ctx, sentence, term, value, "patients",
                    nearest_cohort(cohorts, match.start(), sentence.text))


def add_outcome(ctx: Context, sentence: Sentence, endpoint, value, unit_text: str, label: str
                ) -> None:
    if value is None:
        return
    drug = ctx.drug_near(sentence, endpoint.start)
    if not drug or drug.name in ctx.others:
        return
    evidence = ctx.evidence(sentence, "kg.outcomes.v1")
    cohort = ctx.extraction.add(Cohort(drug, label), evidence) if label else None
    interim = bool(re.search(r"\b(?:interim|to date|ongoing|preliminary|initial|so far)\b",
                             sentence.text, re.IGNORECASE))
    # the same endpoint written two ways (`mOS`, `Median Overall Survival`) is one fact
    term, amount = grounding.endpoint(endpoint.text), quantity(value, unit_text)
    outcome = Outcome(drug, cohort, rate_name(term, amount), amount, interim)
    said = next((o for o in ctx.extraction.of_type(Outcome)
                 if o.key() != outcome.key() and same_change(outcome, o)), None)
    if said is not None:  # `a body weight reduction of 4.2%` in the text, `-4.2` in its table
        if not fuller(outcome, said):
            return
        ctx.extraction.remove(said)  # the fuller wording names it: `OS hazard ratio`
    kept = ctx.extraction.add(outcome, evidence)
    if said is not None:
        kept.evidence.extend(e for e in said.evidence if e not in kept.evidence)


# responses whose share of patients is named as a rate (`complete response rate`)
RATES_OF = {"objective-response-rate", "complete-response", "partial-response"}


def rate_name(term, amount: Quantity) -> str:
    """The endpoint's label; a response given as a share of patients (`a complete response
    in 40%`) is its rate, `complete response rate`, and a count keeps `complete response`."""
    label = term.label
    if term.key not in RATES_OF or amount.unit != "%" or not RESPONSE_NAME.search(label):
        return label
    return RESPONSE_NAME.sub(lambda m: f"{m.group(1)} rate", label)


RESPONSE_NAME = re.compile(r"\b(response|remission)s?$", re.IGNORECASE)


CHANGE_WORDING = re.compile(r"\b(?:mean|median|average|change|changes|reduction|reductions|"
                            r"decrease|increase|improvement|in|of|from|baseline|the)\b",
                            re.IGNORECASE)


def same_change(new: Outcome, old: Outcome) -> bool:
    """Is `new` the change `old` states, in other words, with either sign (`Change in body
    weight` -4.2% and `body weight reduction` 4.2%; `88% reduction in injection burden` and a
    table's `Reduction in injection burden vs prior year (%)` 88)?"""
    if abs(new.quantity.value) != abs(old.quantity.value) or new.drug != old.drug \
            or not same_group(new.cohort, old.cohort) or new.quantity.unit != old.quantity.unit:
        return False
    mine, theirs = measure_words(new.endpoint), measure_words(old.endpoint)
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def fuller(new: Outcome, old: Outcome) -> bool:
    """Does `new` word the result `old` states more fully: more words naming the measure, or
    the same and its group's schedule (`300 mg Q4W` for `300 mg`)?"""
    mine, theirs = measure_words(new.endpoint), measure_words(old.endpoint)
    return mine > theirs or (mine == theirs and new.cohort is not None and old.cohort is not None
                             and len(new.cohort.label) > len(old.cohort.label))


def same_group(one: Cohort | None, other: Cohort | None) -> bool:
    """One group, or one named with its schedule and without (`300 mg Q4W`, `300 mg`)."""
    if one is None or other is None:
        return one is other
    short, long = sorted((one.label, other.label), key=len)
    return one == other or (one.drug == other.drug and long.startswith(f"{short} ")
                            and bool(SCHEDULE_AFTER.fullmatch(long, len(short))))


def measure_words(endpoint: str) -> frozenset[str]:
    """The words naming what changed (`body-weight` is `body weight`)."""
    return frozenset(re.split(r"[\s-]+", CHANGE_WORDING.sub(" ", endpoint.lower()).strip())
                     ) - {""}

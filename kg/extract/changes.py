"""Results stated as a change in a measure, in the text's own words: `reduced mean urinary
oxalate by 67% from baseline`, `proteinuria fell by 78%`, `a 54% reduction in LDL
cholesterol`, `the mean reduction in UPCR was 38% in Cohort B and 51% in Cohort C`.

The endpoint is the change and the measure as written (`reduction in mean urinary oxalate`),
with the value as stated; a measure the endpoint vocabulary knows takes its label
(`reduction in HbA1c` → `HbA1c reduction`). Biomarker and function results are most of what
non-oncology releases report, and rarely use a fixed endpoint name."""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.measures import (
    NOT_HUMAN,
    SIGNED,
    THRESHOLD_BEFORE,
    Topic,
    add_outcome,
    decimal,
    dose_arms,
    dose_arms_named,
    groups_before,
    is_safety,
    nearest_cohort,
    respective_values,
    result_groups,
    series_labels,
    with_listed_values,
)
from kg.extract.tables import cohort_label
from kg.facts import Outcome

UNIT = r"%|percent\b|per\s+cent\b|percentage[- ]points?\b|points?\b|-?fold\b"
VALUE = re.compile(rf"(?P<v>{SIGNED})\s*(?P<u>{UNIT})", re.IGNORECASE)
MEASURE = r"(?P<measure>[A-Za-z][\w+/()\-’' ]{1,60}?)"
# `a mean of`, `a placebo-adjusted mean of`, `a placebo-adjusted`
QUALIFIER = (r"(?:an?\s+)?(?:(?:mean|median|average|placebo[- ]adjusted|least[- ]squares)\s+)"
             r"{0,2}(?:of\s+)?")
LOWER = r"reduc\w*|lower\w*|decreas\w*|cut|fell|declin\w*|dropp\w*"
RAISE = r"increas\w*|rais\w*|rose|elevat\w*"
BETTER = r"improv\w*"
CHANGE_VERB = rf"(?P<verb>{LOWER}|{RAISE}|{BETTER})"
CHANGE_NOUN = (r"(?P<noun>reductions?|decreases?|declines?|drops?|increases?|improvements?|"
               r"changes?|lowering)")
AFTER_MEASURE = (r"(?=\s+(?:from|at|after|by|compared|versus|vs\.?|relative|over|through|in|"
                 r"among|with|for|was|were|of|and|is|are|on)\b|\s*[,;.:()]|\s*$)")
FRAMES = (
    # `SLX-091 reduced mean urinary oxalate by 67%`
    # (`slowed decline in X by 5 points`: `decline` is a noun there, and X no measure of it)
    re.compile(rf"\b{CHANGE_VERB}\s+(?:the\s+|their\s+)?(?!in\s){MEASURE}\s+by\s+"
               rf"{QUALIFIER}(?:approximately\s+|about\s+|up\s+to\s+)?(?={SIGNED})",
               re.IGNORECASE),
    # `mean proteinuria fell by 78%`
    re.compile(rf"(?:^|[,;:]\s*|\b(?:and|while|whereas|where)\s+|\b(?:the|a|an)\s+)"
               rf"(?!(?:the|a|an)\b){MEASURE}\s+(?:levels?\s+)?"
               rf"(?P<verb>fell|declined|dropped|decreased|rose|increased|improved)\s+"
               rf"(?:from\s+baseline\s+)?(?:by\s+)?{QUALIFIER}(?={SIGNED})", re.IGNORECASE),
    # `ALT was reduced from baseline by 38%`
    re.compile(rf"(?:^|[,;:]\s*|\b(?:and|while|whereas|where)\s+|\b(?:the|a|an)\s+)"
               rf"(?!(?:the|a|an)\b){MEASURE}\s+(?:was|were)\s+(?:significantly\s+)?"
               rf"{CHANGE_VERB}\s+(?:from\s+baseline\s+)?by\s+{QUALIFIER}"
               rf"(?={SIGNED})", re.IGNORECASE),
    # `a 54% reduction in LDL cholesterol`
    re.compile(rf"(?={SIGNED}\s*(?:{UNIT})\s+{CHANGE_NOUN}\s+(?:from\s+baseline\s+)?in\s)",
               re.IGNORECASE),
    # `the mean reduction in UPCR was 38%`
    re.compile(rf"\b{CHANGE_NOUN}\s+(?:from\s+baseline\s+)?in\s+(?:the\s+)?{MEASURE}"
               rf"\s+(?:from\s+baseline\s+)?(?:\([^()]{{1,30}}\)\s+)?(?:was|were|of|reached)\s+"
               rf"{QUALIFIER}(?:approximately\s+|about\s+)?(?={SIGNED})", re.IGNORECASE),
)
NOUN_AFTER = re.compile(rf"\s+{CHANGE_NOUN}\s+(?:from\s+baseline\s+)?in\s+"
                        rf"(?:the\s+)?{MEASURE}{AFTER_MEASURE}", re.IGNORECASE)
# every frame has one of these words: sentences without one are not read further
CHANGE_HINT = re.compile(rf"\b(?:{LOWER}|{RAISE}|{BETTER}|chang\w*)", re.IGNORECASE)
NOUN_OF_VERB = {"lower": "reduction", "raise": "increase", "better": "improvement"}
# `placebo-adjusted` qualifies the drug's own change: it names no control group
CONTROL_SUBJECT = re.compile(r"\b(?:placebo|control|standard\s+of\s+care|comparator)\b"
                             r"(?![-\s](?:adjusted|corrected|subtracted)\b)", re.IGNORECASE)
NOT_A_MEASURE = re.compile(r"\b(?:risk|likelihood|odds|chance|hazard|price|shares?|revenue|"
                           r"costs?|expenses?|cash|sales|enrollment|headcount|loss|net)\b",
                           re.IGNORECASE)


def change_outcomes(ctx: Context) -> None:
    stated = {(e.start, o.quantity.value) for o in ctx.extraction.of_type(Outcome)
              for e in o.evidence}
    arms = dose_arms(ctx)
    topic = Topic()
    for sentence in ctx.fact_sentences():
        text = sentence.text
        if not topic.follows(ctx, sentence):  # `At week 24:` then one result a line
            continue
        if not CHANGE_HINT.search(text) or not VALUE.search(text) or NOT_HUMAN.search(text):
            continue
        values = with_listed_values(text, list(VALUE.finditer(text)))
        for endpoint, first in changes_in(text, values):
            series = respective_values(text, first, values)
            labels = series_labels(text, series) or groups_before(ctx, sentence, series)
            for index, item in enumerate(series):
                value = decimal(item.group("v").replace("−", "-"))
                if value is None or (sentence.start, value) in stated:
                    continue
                label = labels[index] if labels else nearest_cohort(
                    result_groups(text) or dose_arms_named(arms, text), item.start(), text)
                add_outcome(ctx, sentence, endpoint, value, unit_text(item.group("u")), label)


# `Mean maximum reductions from baseline were:` then `Cohort 1 (0.3 mg/kg): 41%` a line: the
# lead names the change, with its measure or after a sentence that does
LEAD = re.compile(rf"(?P<qualifier>(?:(?:mean|median|average|maximum|max|peak)\s+){{0,3}})"
                  rf"{CHANGE_NOUN}(?:\s+(?:from\s+baseline\s+)?in\s+(?:the\s+)?{MEASURE})?"
                  r"(?:\s+from\s+baseline)?(?:\s+\([^()]*\))?\s+(?:were|was)\s*:\s*$",
                  re.IGNORECASE)
LEAD_MEASURE = re.compile(rf"{CHANGE_NOUN}\s+(?:from\s+baseline\s+)?in\s+(?:the\s+)?"
                          rf"{MEASURE}{AFTER_MEASURE}", re.IGNORECASE)
LIST_ITEM = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<label>[^:]{{1,60}}):\s*(?P<v>{SIGNED})\s*"
                       rf"(?P<u>{UNIT})\s*\.?\s*$", re.IGNORECASE)
MAX_ITEMS = 12


def listed_changes(ctx: Context) -> None:
    """A change named by a lead ending in a colon, then one value a line, each line's label
    naming its group."""
    sentences = ctx.fact_sentences()
    for index, lead in enumerate(sentences):
        match = LEAD.search(lead.text) if lead.text.rstrip().endswith(":") else None
        if not match:
            continue
        measure = match.group("measure") or measure_before(ctx, lead)
        phrase = measure and endpoint_phrase(match.group("noun"), measure)
        if not phrase:
            continue
        phrase = " ".join(f"{match.group('qualifier').lower()}{phrase}".split())
        for item in sentences[index + 1:index + 1 + MAX_ITEMS]:
            listed = LIST_ITEM.match(item.text)
            if not listed:
                break
            term = lexicon.TermMatch("change", listed.start("v"), listed.end("u"), phrase)
            add_outcome(ctx, item, term, decimal(listed.group("v").replace("−", "-")),
                        unit_text(listed.group("u")), cohort_label(listed.group("label")))


def measure_before(ctx: Context, lead) -> str:
    """The measure of the change the sentence before the lead names (`… produced reductions
    in serum TTR protein.`), '' when it names none."""
    before = ctx.sentence_before(lead)
    found = LEAD_MEASURE.search(before.text) if before else None
    return found.group("measure") if found else ""


def changes_in(text: str, values: list[re.Match]) -> list[tuple[lexicon.TermMatch, re.Match]]:
    """(endpoint, first value) of each change the sentence states."""
    out = []
    taken: set[int] = set()
    for frame in FRAMES:
        for match in frame.finditer(text):
            value = next((v for v in values if v.start() == match.end()), None)
            if value is None or value.start() in taken:
                continue
            if "measure" in frame.groupindex:
                noun, measure = change_noun(match), match.group("measure")
            else:  # `a 54% reduction in …`: the change is named after its value
                after = NOUN_AFTER.match(text, value.end())
                if not after or THRESHOLD_BEFORE.search(text, max(0, value.start() - 14),
                                                        value.start()):
                    continue
                noun, measure = after.group("noun"), after.group("measure")
            phrase = endpoint_phrase(noun, measure)
            if not phrase or control_subject(text, match.start()) \
                    or CONTROL_SUBJECT.search(phrase):  # `Lp(a) in the placebo group rose`
                continue
            taken.add(value.start())
            out.append((lexicon.TermMatch("change", match.start(), value.end(), phrase), value))
    return out


def control_subject(text: str, start: int) -> bool:
    """`Placebo reduced X by 5%`: the change is the control arm's (a control named before
    it in the same clause)."""
    window = text[max(0, start - 40):start + 1]
    controls = list(CONTROL_SUBJECT.finditer(window))
    return bool(controls) and not re.search(r"[,;]|\b(?:and|while|whereas|but)\b",
                                            window[controls[-1].end():])


def change_noun(match: re.Match) -> str:
    if "noun" in match.groupdict() and match.group("noun"):
        return match.group("noun")
    verb = match.group("verb").lower()
    for kind, pattern in (("lower", LOWER), ("raise", RAISE), ("better", BETTER)):
        if re.fullmatch(pattern, verb):
            return NOUN_OF_VERB[kind]
    return "change"


# `from week 12 through week 36`, `from baseline to Week 36`: when the change was measured,
# not what was measured
PERIOD_AFTER = re.compile(
    r"(?:^|\s+)(?:(?:from\s+(?:baseline|(?:week|day|month)\s+\d+)(?:\s+(?:to|through|until)"
    r"\s+(?:week|day|month)\s+\d+)?|(?:at|through|by)\s+(?:week|day|month)\s+\d+)|levels?)$",
    re.IGNORECASE)


def endpoint_phrase(noun: str, measure: str) -> str:
    """`reduction in mean urinary oxalate`, or nothing when the measure is no measure of
    patients (a risk, a price, an adverse event)."""
    measure = PERIOD_AFTER.sub("", " ".join(measure.split()))
    measure = re.sub(r"^(?:the|their|its|patients[’']?)\s+", "", measure, flags=re.IGNORECASE)
    words = measure.split()
    if not 1 <= len(words) <= 8 or NOT_A_MEASURE.search(measure) or is_safety(measure):
        return ""
    return f"{re.sub(r's$', '', noun.lower())} in {measure}"


def unit_text(raw: str) -> str:
    """`percentage-points` → `percentage points`; the units vocabulary reads the rest
    (`percent` → `%`)."""
    return " ".join(raw.replace("-", " ").split())

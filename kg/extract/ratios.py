"""Hazard ratios: `reduced the risk of death by 29% (HR 0.71; 95% CI 0.57–0.88)`, `a hazard
ratio for progression-free survival of 0.52`. A ratio has no unit; its endpoint is named by
the survival endpoint it compares (`hazard ratio for overall survival`) when the sentence
says which, else `hazard ratio`. It compares the drug's arm with the control's, so, unlike
other values, one stated in a `versus` clause is still the drug's result."""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.context import Context
from kg.extract.measures import (
    NOT_HUMAN,
    TIME_WORDS,
    TRIAL_CONTEXT,
    add_outcome,
    decimal,
    nearest_cohort,
    result_groups,
)
from kg.facts import Outcome

RATIO = r"[0-3]?\.\d{1,3}(?![\d%])"
HAZARD_RATIO = re.compile(
    rf"\bhazard\s+ratio(?:\s*[([]HR[)\]])?(?:\s+for\s+(?P<what>[a-z][\w -]{{2,40}}?))?"
    rf"(?:\s*(?:was|of|=|:|,)\s*|\s+)(?:approximately\s+)?(?P<spelled>{RATIO})|"
    rf"\bHR\s*(?:=|:|of)?\s*(?P<short>{RATIO})", re.IGNORECASE)
# a ratio quoted for other therapies, not the drug's
OTHER_THERAPY = re.compile(r"\b(?:approved|historical(?:ly)?|benchmark|other\s+therap\w*|"
                           r"standard\s+of\s+care\s+(?:has|have|showed))\b", re.IGNORECASE)


def hazard_ratios(ctx: Context) -> None:
    for sentence in ctx.fact_sentences():
        text = sentence.text
        if "HR" not in text and "azard" not in text:
            continue
        if NOT_HUMAN.search(text) or OTHER_THERAPY.search(text) \
                or not (ctx.own_mentions(sentence) or TRIAL_CONTEXT.search(text)):
            continue
        subgroups = SUBGROUPS.search(text)
        for match in HAZARD_RATIO.finditer(text):
            value = match.group("spelled") or match.group("short")
            endpoint = lexicon.TermMatch("hazard-ratio", match.start(), match.end(),
                                         ratio_name(text, match))
            named = subgroups and subgroups.end() < match.start() and SUBGROUP_BEFORE.search(
                text, subgroups.end(), match.start())
            add_outcome(ctx, sentence, endpoint, decimal(value), "",
                        " ".join(named.group("who").split()) if named else nearest_cohort(
                            result_groups(text), match.start(), text))


# `consistent across subgroups, including patients with PD-L1 TPS of 50% or greater (HR 0.44)
# and squamous histology (HR 0.47)`: each ratio's subgroup is the phrase just before it
SUBGROUPS = re.compile(r"\bsubgroups\b", re.IGNORECASE)
SUBGROUP_BEFORE = re.compile(r"(?:,|\band|\bwith|\bincluding|\bin)\s+(?:including\s+)?"
                             r"(?:(?:patients|those)\s+(?:with|who\s+had)\s+)?"
                             r"(?P<who>(?!(?:and|or)\b)[^,;()]{2,50}?)\s*\(\s*$")


def ratio_name(text: str, match: re.Match) -> str:
    """`hazard ratio for overall survival`: the endpoint named in the ratio, else the last
    survival endpoint before it in the sentence, else `hazard ratio`."""
    if match.group("what"):
        return f"hazard ratio for {match.group('what')}"
    survival = [term for term in lexicon.endpoints().find(text[:match.start()])
                if any(word in term.key for word in TIME_WORDS)]
    if not survival:
        return "hazard ratio"
    name = re.sub(r"^(?:median|mean)\s+", "", survival[-1].text, flags=re.IGNORECASE)
    return f"hazard ratio for {name}"


def drop_unnamed_ratios(ctx: Context) -> None:
    """`(HR 0.71)` in the headline and `OS hazard ratio | 0.71` in the table are one result:
    a ratio named only `hazard ratio` goes when the drug has the same ratio named fuller."""
    ratios = [o for o in ctx.extraction.of_type(Outcome) if not o.quantity.unit]
    for outcome in ratios:
        if outcome.endpoint == "hazard ratio" and any(
                other.endpoint != "hazard ratio" and (other.drug, other.cohort, other.quantity)
                == (outcome.drug, outcome.cohort, outcome.quantity) for other in ratios):
            ctx.extraction.remove(outcome)

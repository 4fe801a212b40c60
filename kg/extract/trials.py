"""Clinical trials: phase (`Phase 1b/2`, `Phase IIa`), drug, indications, status, NCT id and
name. A "phase" that is not followed by trial words (a financing or construction phase) is
not a trial; preclinical and animal studies are not trials."""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.designations import indication_list
from kg.extract.drugs import COMPARATOR_BEFORE
from kg.extract.indications import indications_in, padded_stems
from kg.facts import Trial
from kg.sections import Sentence

ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
PHASE_ITEM = r"(?:[1-4]|iv|iii|ii|i)[ab]?"
PHASE = re.compile(
    rf"\b(?:phase|ph\.)\s*(?P<p>{PHASE_ITEM}(?:\s*[/\-–]\s*(?:phase\s*)?{PHASE_ITEM})?)(?![\w])",
    re.IGNORECASE)
TRIAL_AFTER = re.compile(
    r"^[\s\w/\-–,()]{0,100}?\b(?:trials?|stud(?:y|ies)|programs?|portion|part|cohorts?|"
    r"dose[- ]escalation|expansion|data|results|readout|clinical|registrational|pivotal|"
    r"enrollment|patients?|evaluation|development|testing|investigation|setting)\b",
    re.IGNORECASE)
TRIAL_BEFORE = re.compile(r"\b(?:trials?|stud(?:y|ies)|clinical)\b[^.]{0,40}$", re.IGNORECASE)
NOT_CLINICAL = re.compile(r"\b(?:preclinical|pre-clinical|mice|mouse|murine|rats?|xenograft|"
                          r"in vitro|in vivo|animal|cell lines?|primates?)\b", re.IGNORECASE)
NCT = re.compile(r"\bNCT\d{8}\b")
TRIAL_NAME = re.compile(r"\b(?P<name>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\s+(?:\(\w+\)\s+)?"
                        r"(?:Phase\s+\S+\s+)?(?:clinical\s+)?(?:trial|study)\b")
PLANNED = re.compile(r"\b(?:will|plans?\s+to|planned|expects?\s+to|intends?\s+to|to\s+initiate|"
                     r"upcoming|anticipate[sd]?|to\s+begin|to\s+start|to\s+advance)\b", re.I)
COMPLETED = re.compile(r"\b(?:completed|concluded|finished|now\s+completed)\b", re.I)
ONGOING = re.compile(r"\b(?:ongoing|enrolling|currently|under\s+way|underway|being\s+evaluated|"
                     r"recruiting|dosed|initiated|began|first\s+patient)\b", re.I)


def normalise_phase(raw: str) -> str:
    parts = re.split(r"\s*[/\-–]\s*(?:phase\s*)?", raw.lower())
    out = []
    for part in parts:
        match = re.fullmatch(r"(iv|iii|ii|i|[1-4])([ab]?)", part.strip())
        if match:
            out.append(ROMAN.get(match.group(1), match.group(1)) + match.group(2))
    return "/".join(out)


UNPHASED = re.compile(r"\b(?P<p>)(?:clinical\s+)(?:trials?|stud(?:y|ies)|program)\s+"
                      r"(?:of\s+[^,;.]{2,40}?\s+)?(?:in|for)\b", re.IGNORECASE)
# `… and in an investigator-sponsored study in patients with X`: a further study the sentence
# names without a phase, after a phased one; it ends the phased trial's part of the sentence.
ANOTHER_STUDY = re.compile(r"\b(?P<p>)(?:an?|another)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\s+"
                           r"(?:in|for)\b", re.IGNORECASE)


def trials(ctx: Context) -> None:
    for sentence in ctx.fact_sentences():
        phases = trial_phases(sentence.text)
        others = [m for m in ANOTHER_STUDY.finditer(sentence.text)
                  if phases and m.start() > phases[0].start() and not PHASE.search(m.group(0))
                  and is_further_study(sentence.text, phases, m)]
        starts = sorted([m.start() for m in phases + others] + [len(sentence.text)])
        for match in phases + others:
            end = next(s for s in starts if s > match.start())
            begin = max((m.end() for m in phases + others if m.end() <= match.start()), default=0)
            read_trial(ctx, sentence, match, end, needs_indication=match in others,
                       begin=begin)
        if not phases:
            for match in UNPHASED.finditer(sentence.text):
                read_trial(ctx, sentence, match, len(sentence.text))
        if COHORTS_LISTED.search(sentence.text):
            listed_cohorts(ctx, sentence)
    merge_indications(ctx)
    merge_refined_phases(ctx)


# `… is enrolling patients in three disease-specific cohorts:` then one indication a line
COHORTS_LISTED = re.compile(r"\b(?:cohorts|indications|tumou?r\s+types|populations)\s*:\s*$",
                            re.IGNORECASE)
MAX_LISTED = 8


def listed_cohorts(ctx: Context, sentence: Sentence) -> None:
    """Each indication listed a line under a sentence that introduces a trial's cohorts, for
    the trial that sentence or the one before it in its paragraph names."""
    named = trial_named(ctx, [s for s in (sentence, ctx.sentence_before(sentence))
                              if s and s.paragraph == sentence.paragraph])
    if not named:
        return
    drugs, found = named
    phase = normalise_phase(found.group("p")) if found.group("p") else ""
    index = ctx.index_of(sentence)
    last_paragraph = sentence.paragraph
    for item in ctx.structure.sentences[index + 1:index + 1 + MAX_LISTED]:
        if item.paragraph != last_paragraph + 1:
            break
        last_paragraph = item.paragraph
        found = indications_in(item.text, ctx.acronyms)
        if not found or found[0].start > 2:
            break
        evidence = ctx.evidence(item, "kg.trials.v1")
        for drug in drugs:
            ctx.extraction.add(Trial((drug,), phase, (ctx.indication_text(found[0].text),)),
                               evidence)


def trial_named(ctx: Context, sentences: list[Sentence]) -> tuple[list, re.Match] | None:
    """(drugs, phase) of the first of the sentences that names a trial with its phase."""
    for sentence in sentences:
        phases = trial_phases(sentence.text)
        drugs = trial_drugs(ctx, sentence) if phases else []
        if drugs:
            return drugs, phases[0]
    return None


def trial_phases(text: str) -> list[re.Match]:
    """The phases in a sentence that name a trial's (not a business phase, not a dose)."""
    return [m for m in PHASE.finditer(text) if is_trial_phase(text, m)]


FURTHER = re.compile(r"^(?:another|a\s+second|a\s+separate|an?\s+additional)\b", re.I)
ALSO_TESTED = re.compile(r"\b(?:and|also|as\s+well\s+as)\b[^;]{0,40}?\b(?:evaluated|tested|studied|"
                         r"investigated|assessed|enrolling|enrolled)\b", re.IGNORECASE)


def is_further_study(text: str, phases: list[re.Match], match: re.Match) -> bool:
    """`… and is also being tested in an investigator-sponsored study in …` or `another
    study`: a study of its own, not `Phase 3 trial of X, a randomized study in …`, which
    describes the phased one."""
    if FURTHER.match(match.group(0)):
        return True
    previous = max(p.end() for p in phases if p.start() < match.start())
    return bool(ALSO_TESTED.search(text[previous:match.start()]))


# `the recommended Phase 2 dose`: a dose named for a phase, no trial of it
PHASE_DOSE_AFTER = re.compile(r"^\s+dos(?:e|es|ing)\b(?![- ]escalation)", re.IGNORECASE)


def is_trial_phase(text: str, match: re.Match) -> bool:
    after = text[match.end():match.end() + 200]
    if PHASE_DOSE_AFTER.match(after):
        return False
    if re.match(r"^\s+of\s+(?:the\s+|its\s+|our\s+)?(?!(?:the\s+)?(?:trial|study|clinical))"
                r"[a-z]*\s*[A-Z]?[a-z]+\s+(?:plan|project|construction|program)", after):
        return False
    before = text[max(0, match.start() - 60):match.start()]
    return bool(TRIAL_AFTER.match(after) or TRIAL_BEFORE.search(before)
                or (IN_PHASE_BEFORE.search(before) and FOR_INDICATION_AFTER.match(after)))


# `X, an oral JAK1 inhibitor in Phase 3 for rheumatoid arthritis`: a pipeline's way of
# naming the trial a drug is in
IN_PHASE_BEFORE = re.compile(r"\b(?:in|into|entering|entered|enters|advanc(?:e|ed|es|ing)\s+"
                             r"(?:to|into))\s+$", re.IGNORECASE)
FOR_INDICATION_AFTER = re.compile(r"^\s+(?:clinical\s+)?(?:development\s+)?(?:for|in)\s+"
                                  r"(?:the\s+treatment\s+of\s+|patients\s+with\s+)?[a-zA-Z]")


def read_trial(ctx: Context, sentence: Sentence, match: re.Match, segment_end: int,
               needs_indication: bool = False, begin: int = 0) -> None:
    if NOT_CLINICAL.search(sentence.text) and not re.search(r"\bpatients?\b", sentence.text):
        return
    drugs = phase_drugs(ctx, sentence, match, begin, segment_end) or trial_drugs(ctx, sentence)
    if not drugs:
        return
    phase = normalise_phase(match.group("p")) if match.group("p") else ""
    found = [i for i in indications_in(sentence.text, ctx.acronyms) if i.start < segment_end]
    listed = indication_list(sentence.text, found, match.start()) or indication_before(
        sentence.text, found, match.start())
    if not listed and len(found) == 1 and len(drugs) == 1 and FOR_INDICATION_BEFORE.search(
            sentence.text, 0, found[0].start) and len(PHASE.findall(sentence.text)) == 1 \
            and A_TRIAL_AFTER.match(sentence.text, match.end()):
        listed = found  # `an IND for AB-1 for X …, and plans to begin a Phase 1 trial`
    chosen = [ctx.indication_text(i.text) for i in listed]
    if needs_indication and not chosen:
        return
    nct = NCT.search(sentence.text)
    name = TRIAL_NAME.search(sentence.text)
    status = trial_status(sentence.text)
    evidence = ctx.evidence(sentence, "kg.trials.v1")
    for drug in drugs:
        for indication in chosen or [""]:
            ctx.extraction.add(
                Trial((drug,), phase, (indication,) if indication else (), status,
                      nct.group(0) if nct else "", name.group("name") if name else ""),
                evidence)


A_TRIAL_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies))\b", re.IGNORECASE)
# `for AB-1 for`, `in patients with`: what the sentence's one indication is said for
FOR_INDICATION_BEFORE = re.compile(r"\b(?:for|in)\s+(?:the\s+treatment\s+of\s+|(?:adult\s+)?"
                                   r"(?:patients|participants|people|adults|children)\s+with\s+)?"
                                   r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|but|while|which|who|based|is|was|are|were|has|have)\b")


def indication_before(text: str, found, position: int):
    """`the first AML patient dosed in a Phase 1/2 trial`: an indication just before the phase,
    in the same clause."""
    before = [i for i in found if i.end <= position and position - i.end <= 80]
    if before and not CLAUSE_BREAK.search(text[before[-1].end:position]):
        return [before[-1]]
    return []


STUDY_OF_AFTER = re.compile(r"^[\s\w/-]{0,40}?\b(?:trials?|stud(?:y|ies))\s+(?:of|with|"
                            r"evaluating|testing|investigating)\s+$", re.IGNORECASE)


def phase_drugs(ctx: Context, sentence: Sentence, match: re.Match, begin: int, end: int):
    """The company's drugs of one phase's trial when a sentence names several trials (`AB-1
    is in a Phase 3 study in X, and AB-2 in a Phase 1 study in Y`): those its own part names
    before the phase, or after it when the trial is said to be `of` them; [] when the
    sentence names one trial or none of its drugs in that part."""
    if begin == 0 and end == len(sentence.text):
        return []
    own = [m for m in ctx.own_mentions(sentence) if begin <= m.start - sentence.start < end]
    after = [m for m in own if m.start - sentence.start >= match.end()]
    before = [m for m in own if m.start - sentence.start < match.start()]
    if after and STUDY_OF_AFTER.match(sentence.text[match.end():after[0].start - sentence.start]):
        chosen = after[:1]
    else:
        chosen = before or after
    return list(dict.fromkeys(m.drug for m in chosen))


def trial_drugs(ctx: Context, sentence: Sentence):
    """The drugs under study: those named in the sentence, not combination partners."""
    own = list(dict.fromkeys(m.drug for m in ctx.own_mentions(sentence)))
    if own:
        return own
    others = [m for m in ctx.mentions_in(sentence)
              if not COMPARATOR_BEFORE.search(sentence.text[:m.start - sentence.start][-50:])]
    if others:
        return list(dict.fromkeys(m.drug for m in others))
    topic = ctx.topic_drug(sentence)
    return [topic] if topic else []


def trial_status(text: str) -> str:
    if COMPLETED.search(text):
        return "completed"
    if PLANNED.search(text):
        return "planned"
    if ONGOING.search(text):
        return "ongoing"
    return ""


def phase_digits(phase: str) -> set[str]:
    return {part[0] for part in phase.split("/") if part}


def phases_overlap(a: str, b: str) -> bool:
    """`1` and `1/2a` can name the same trial; `2` and `3` cannot."""
    return a == b or bool(a and b and phase_digits(a) & phase_digits(b))


def one_within_the_other(a: str, b: str) -> bool:
    """`AML` and `relapsed/refractory AML`, in either order, plural or not."""
    a, b = padded_stems(a), padded_stems(b)
    return a in b or b in a


def merge_indications(ctx: Context) -> None:
    """Within one drug and phase, an indication contained in a longer one is the same trial;
    a trial without indication is one of the drug's trials of an overlapping phase; `previous
    clinical trials of X` (no phase, indication, NCT id or name) says nothing of a trial."""
    trials_ = ctx.extraction.of_type(Trial)
    for trial in trials_:
        if not (trial.phase or trial.indications or trial.nct_id or trial.name):
            ctx.extraction.remove(trial)
    trials_ = ctx.extraction.of_type(Trial)
    for trial in trials_:
        if (not trial.indications and any(
                t.drugs == trial.drugs and t.indications and phases_overlap(t.phase, trial.phase)
                for t in trials_)) or (not trial.phase and trial.indications and any(
                t.drugs == trial.drugs and t.phase and t.indications
                and one_within_the_other(trial.indications[0], t.indications[0])
                for t in trials_)):
            ctx.extraction.remove(trial)
    trials_ = ctx.extraction.of_type(Trial)
    for trial in trials_:
        if trial not in ctx.extraction.facts:
            continue
        same = [t for t in trials_ if t is not trial and t.drugs == trial.drugs
                and t.phase == trial.phase and t in ctx.extraction.facts]
        mine = padded_stems(trial.indications[0]) if trial.indications else " "
        for other in same:
            theirs = padded_stems(other.indications[0]) if other.indications else " "
            reordered = set(theirs.split()) == set(mine.split())  # refractory/relapsed
            if mine.strip() and theirs != mine and (not theirs.strip() or theirs in mine
                                                    or reordered):
                trial.evidence.extend(e for e in other.evidence if e not in trial.evidence)
                ctx.extraction.remove(other)


def merge_refined_phases(ctx: Context) -> None:
    """`a Phase 2 trial in PDAC` and later `our Phase 2b trial in metastatic PDAC`: one trial,
    under the finer phase, when one wording of the indication holds the other."""
    trials_ = ctx.extraction.of_type(Trial)
    for coarse in trials_:
        for fine in trials_:
            if fine is coarse or fine not in ctx.extraction.facts \
                    or coarse not in ctx.extraction.facts:
                continue
            if (fine.drugs == coarse.drugs and fine.phase != coarse.phase
                    and fine.phase.rstrip("ab") == coarse.phase
                    and coarse.indications and fine.indications
                    and one_within_the_other(coarse.indications[0], fine.indications[0])):
                fine.evidence.extend(e for e in coarse.evidence if e not in fine.evidence)
                ctx.extraction.remove(coarse)

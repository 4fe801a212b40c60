"""Clinical trials: phases, indications, status, identifiers; texts written for the tests."""

import pytest

from kg.extract.trials import normalise_phase
from kg.facts import Trial
from tests.conftest import read_text

OPENING = "Headline\n\nSEATTLE, Wash., July 9, 2024 -- Heron Oncology, Inc. (Nasdaq: HRON) "


def trials(text: str) -> list[Trial]:
    return read_text(OPENING + text + "\n").of_type(Trial)


@pytest.mark.parametrize(("raw", "phase"), [
    ("1", "1"), ("Ib", "1b"), ("1b/2", "1b/2"), ("I/II", "1/2"), ("IIa", "2a"),
    ("2b/3", "2b/3"), ("III", "3"), ("1/2a", "1/2a"), ("1a/1b", "1a/1b"),
])
def test_phase_forms(raw, phase):
    assert normalise_phase(raw) == phase


def test_trial_with_phase_indication_nct_and_status():
    [trial] = trials("announced the first patient was dosed in its Phase 1b/2 trial "
                     "(NCT01234567) of HR-440 in patients with metastatic melanoma.")
    assert trial.phase == "1b/2"
    assert trial.indications == ("metastatic melanoma",)
    assert trial.nct_id == "NCT01234567"
    assert trial.status == "ongoing"
    assert trial.drugs[0].name == "HR-440"


def test_indication_list_gives_one_trial_each():
    found = trials("said HR-202 is in a Phase 2 study in lung, ovarian and bladder cancers.")
    assert sorted(t.indications[0] for t in found) == [
        "bladder cancer", "lung cancer", "ovarian cancer"]


def test_a_business_phase_is_not_a_trial():
    assert trials("said HR-303 is progressing and Phase 1 of its office construction plan "
                  "is complete.") == []


def test_planned_trial():
    [trial] = trials("plans to initiate a Phase 3 trial of HR-808 in psoriasis next year.")
    assert trial.status == "planned"
    assert trial.indications == ("psoriasis",)


def test_animal_study_is_not_a_trial():
    assert trials("said HR-505 shrank tumors in mice in a preclinical Phase 1 study model.") == []


def test_shorter_indication_of_the_same_trial_is_merged():
    found = trials("said its Phase 2 trial of HR-606 in relapsed or refractory multiple myeloma "
                   "is enrolling. The Phase 2 trial of HR-606 in multiple myeloma will report.")
    assert [t.indications for t in found] == [("relapsed or refractory multiple myeloma",)]


def test_indication_just_before_the_phase_in_the_same_clause():
    [trial] = trials("announced the first gout patient dosed with HR-707 in a new Phase 1/2 "
                     "study.")
    assert trial.indications == ("gout",)


def test_drug_named_as_lead_asset_in_lower_case_is_the_trial_drug():
    found = trials("said its lead asset, velorinib, is in a Phase 3 trial for chronic myeloid "
                   "leukemia.")
    assert [(t.drugs[0].name, t.indications) for t in found] == [
        ("velorinib", ("chronic myeloid leukemia",))]


def test_head_and_neck_is_one_indication():
    [trial] = trials("said HR-909 is in a Phase 1 trial in head and neck cancers.")
    assert trial.indications == ("head and neck cancers",)


def test_phase_mention_without_indication_joins_the_drugs_trial():
    found = trials("said its Phase 1/2a trial of HR-111 in multiple myeloma is enrolling. The "
                   "Phase 1 part of the HR-111 trial is complete.")
    assert [(t.phase, t.indications) for t in found] == [("1/2a", ("multiple myeloma",))]


def test_acronym_heads_are_not_plural_lists():
    found = trials("said HR-222 was tested in two Phase 2 studies, BRAVE-ALS and NOBLE ALS "
                   "Platform Trials, in ALS.")
    assert all("BRAVE" not in i for t in found for i in t.indications)


def test_clinical_trial_without_a_phase():
    found = trials("said HR-333 is being evaluated in clinical trials in pancreatic and ovarian "
                   "cancers.")
    assert sorted((t.phase, t.indications[0]) for t in found) == [
        ("", "ovarian cancer"), ("", "pancreatic cancer")]


def test_long_study_description_after_the_phase():
    [trial] = trials("completed a Phase 1 multiple ascending dose safety, tolerability, and "
                     "pharmacokinetics study of HR-444 in patients with refractory solid tumors.")
    assert (trial.phase, trial.indications) == ("1", ("refractory solid tumors",))


def test_reordered_indication_wording_is_one_trial():
    found = trials("said its Phase 1 study of HR-555 in relapsed/refractory lymphoma is "
                   "complete. The Phase 1 study of HR-555 in refractory/relapsed lymphoma was "
                   "published.")
    assert len(found) == 1


def test_a_later_study_without_phase_in_the_same_sentence_is_its_own_trial():
    found = trials("said HR-666 is in a Phase 2 trial in gastric cancer and is also being "
                   "tested in an investigator-sponsored study in patients with either "
                   "pancreatic cancer or ovarian cancer.")
    assert sorted((t.phase, t.indications[0]) for t in found) == [
        ("", "ovarian cancer"), ("", "pancreatic cancer"), ("2", "gastric cancer")]


def test_a_study_without_phase_or_indication_is_no_trial():
    found = trials("said a study in the journal Cell described how HR-667 binds its target.")
    assert found == []


def test_singular_and_plural_wordings_of_one_trial_are_one():
    found = trials("said its Phase 1 study of HR-777 in refractory solid tumors is complete. "
                   "The Phase 1 study of HR-777 in patients with a solid tumor enrolled 30.")
    assert [(t.phase, t.indications) for t in found] == [("1", ("refractory solid tumors",))]


def test_an_unphased_mention_of_a_phased_trial_with_a_fuller_wording_is_that_trial():
    found = trials("said HR-778 entered a Phase 1/2 trial in acute myeloid leukemia. The "
                   "clinical trial in relapsed/refractory acute myeloid leukemia opened today.")
    assert [(t.phase, t.indications) for t in found] == [("1/2", ("acute myeloid leukemia",))]


def test_a_study_describing_the_phased_trial_is_the_same_trial():
    found = trials("dosed the first patient in its Phase 3 trial of HR-779, a randomized "
                   "double-blind study in patients with acute myeloid leukemia.")
    assert [(t.phase, t.indications) for t in found] == [("3", ("acute myeloid leukemia",))]


def test_a_trial_named_by_nothing_but_the_word_is_no_trial():
    assert trials("said HR-880 was well tolerated, as in previous clinical trials of HR-880 "
                  "in patients.") == []
    [named] = trials("said HR-881 is in the KESTREL clinical trial in patients.")
    assert named.name == "KESTREL"


def test_a_finer_phase_of_the_same_trial_is_one_trial():
    found = trials("said HR-990 is in a Phase 2 trial in pancreatic cancer. Enrollment in our "
                   "Phase 2b trial of HR-990 in metastatic pancreatic cancer ends soon.")
    assert [(t.phase, t.indications) for t in found] == [("2b", ("metastatic pancreatic cancer",))]


def test_a_drug_in_a_phase_for_an_indication_is_in_a_trial():
    found = trials("said HR-880, an oral JAK1 inhibitor in Phase 3 for rheumatoid arthritis, "
                   "is on track, and that Phase 2 of its building project is done.")
    assert [(t.drugs[0].name, t.phase, t.indications) for t in found] == [
        ("HR-880", "3", ("rheumatoid arthritis",))]


def test_a_dose_named_for_a_phase_is_no_trial_and_a_cohort_adjective_no_indication():
    found = trials("said HR-440 moves into a Phase 1b expansion at the recommended Phase 2 "
                   "dose of 300 mg, including a dedicated melanoma cohort.")
    assert [(t.phase, t.indications) for t in found] == [("1b", ("melanoma",))]


def test_a_sentence_naming_no_drug_is_about_its_paragraphs_or_headings_drug():
    text = ("reported a pipeline update.\n\nHR-101 (KIT inhibitor)\n\nHR-101 is in a Phase 2 "
            "trial in mastocytosis.\n\nHR-214 – an antibody-drug conjugate\n\nThe Phase 1 trial "
            "in patients with sarcoma has dosed its first cohort.\n\nHR-305 is in preclinical "
            "work. HR-306 is ready. The Phase 1 trial in glioma opened.")
    found = sorted((t.drugs[0].name, t.phase, t.indications) for t in trials(text))
    assert found == [("HR-101", "2", ("mastocytosis",)), ("HR-214", "1", ("sarcoma",)),
                     ("HR-306", "1", ("glioma",))]


def test_each_trial_of_a_sentence_naming_two_goes_to_its_own_drug():
    found = sorted((t.drugs[0].name, t.phase, t.indications) for t in trials(
        "said HR-17 is enrolling patients in its Phase 3 study in myasthenia gravis, and HR-88 "
        "is in a Phase 1b/2a study in lupus nephritis. The HR-52 Phase 2 study in IgA "
        "nephropathy is enrolling."))
    assert found == [("HR-17", "3", ("myasthenia gravis",)),
                     ("HR-52", "2", ("IgA nephropathy",)),
                     ("HR-88", "1b/2a", ("lupus nephritis",))]


def test_a_planned_trial_takes_the_one_indication_its_sentence_gives_the_drug():
    [trial] = trials("filed an IND for HR-515 for systemic lupus erythematosus in May and "
                     "plans to begin a Phase 1 trial this year.")
    assert (trial.phase, trial.indications) == ("1", ("systemic lupus erythematosus",))


def test_phase_data_are_no_trial_to_give_the_sentences_indication():
    assert [t.indications for t in trials(
        "plans to seek orphan status for HR-515 in mesothelioma this year and will seek "
        "more should the Phase 2 data warrant it.")] == [()]


def test_a_trials_cohorts_listed_a_line_each_under_a_colon_are_its_indications():
    found = trials("reported data.\n\nHR-440 is in a Phase 1/2 trial in advanced solid tumors. "
                   "Part B enrolls patients in two disease-specific cohorts:\n"
                   "- gastric cancer after two prior lines;\n- biliary tract cancer.\n\n"
                   "Enrollment continues.")
    assert sorted((t.phase, t.indications) for t in found) == [
        ("1/2", ("advanced solid tumors",)), ("1/2", ("biliary tract cancer",)),
        ("1/2", ("gastric cancer",))]


def test_a_study_numbered_after_a_drug_is_that_drugs_trial_and_no_drug():
    found = trials("develops HR-310 and HR-455. Enrollment in the Phase 1/2 HR-455-101 trial "
                   "in patients with gastric cancer is complete.")
    assert [([d.name for d in t.drugs], t.phase, t.indications) for t in found] == [
        (["HR-455"], "1/2", ("gastric cancer",))]

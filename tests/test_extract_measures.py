"""Cohorts, doses and outcomes; texts written for the tests."""

from decimal import Decimal

from kg.facts import Dose, Outcome
from tests.conftest import read_text

OPENING = "Headline\n\nCHICAGO, Ill., Aug. 1, 2024 -- Plover Therapeutics, Inc. (Nasdaq: PLVR) "


def doses(text: str):
    return sorted((d.cohort.label, d.quantity.value, d.quantity.unit)
                  for d in read_text(OPENING + text + "\n").of_type(Dose))


def outcomes(text: str):
    return sorted(((o.cohort.label if o.cohort else ""), o.endpoint, o.quantity.value,
                   o.quantity.unit) for o in read_text(OPENING + text + "\n").of_type(Outcome))


def test_doses_go_to_the_nearest_cohort():
    assert doses("reported that in its PL-505 trial the first cohort received 1.5 mg/kg and "
                 "Cohort 2 received 3 mg/kg of PL-505.") == [
        ("1", Decimal("1.5"), "mg/kg"), ("2", Decimal("3"), "mg/kg")]


def test_dose_units_are_normalised_to_the_vocabulary_spelling():
    assert doses("said patients in Cohort B received PL-505 at 40 µCi/kg and 12.5 mCi/m².") == [
        ("B", Decimal("12.5"), "mCi/m2"), ("B", Decimal("40"), "µCi/kg")]


def test_animal_doses_are_not_doses():
    assert doses("said mice given PL-505 at 10 mg/kg lived longer.") == []


def test_outcome_value_after_and_before_the_endpoint():
    assert outcomes("said PL-505 achieved a median overall survival of 14.2 months and a "
                    "37% ORR in Cohort 1.") == [
        ("1", "median overall survival", Decimal("14.2"), "months"),
        ("1", "objective response rate", Decimal("37"), "%")]


def test_benchmarks_for_other_therapies_and_control_arms_are_not_outcomes():
    result = outcomes("said PL-505 showed a median PFS of 9.0 months versus 4.1 months in the "
                      "placebo arm. For comparison, approved therapies show a median PFS of "
                      "3 months.")
    assert result == [("", "median PFS", Decimal("9.0"), "months")]


def test_thresholds_and_ranges_are_not_values():
    # the share of patients beyond the landmark is the result, not the 12 months
    assert outcomes("said 60% of PL-505 patients had overall survival beyond 12 months, and "
                    "response rates range from 20 - 30% in the field.") == [
        ("", "overall survival beyond 12 months", Decimal("60"), "%")]


def test_counts_of_responses():
    assert outcomes("said PL-505 produced two complete responses and one partial response in "
                    "the high-dose cohort.") == [
        ("high-dose cohort", "complete response", Decimal("2"), "patients"),
        ("high-dose cohort", "partial response", Decimal("1"), "patients")]


def test_respectively_lists_pair_values_with_dose_levels():
    assert outcomes("said that in cohorts dosed with PL-505 at 0.5 mg/kg, 1.0 mg/kg and "
                    "2.0 mg/kg, overall response rates were 10%, 20% and 40%, respectively.") == [
        ("0.5 mg/kg", "overall response rate", Decimal("10"), "%"),
        ("1.0 mg/kg", "overall response rate", Decimal("20"), "%"),
        ("2.0 mg/kg", "overall response rate", Decimal("40"), "%")]


def test_a_semicolon_clause_is_not_a_control_arm():
    assert outcomes("said 2 mg/kg of PL-505 was the top dose; this group reached a 50% "
                    "overall response rate.") == [
        ("", "overall response rate", Decimal("50"), "%")]


def test_each_dose_takes_the_cohort_of_its_own_clause():
    assert doses("said PL-505 was given at 0.25 mg/kg to patients in the first cohort and at "
                 "0.50 mg/kg to those in the second cohort.") == [
        ("1", Decimal("0.25"), "mg/kg"), ("2", Decimal("0.50"), "mg/kg")]


def test_dose_level_adjectives_name_the_cohort():
    assert doses("said the trial moves to a lower (1.5 mg) dose of PL-505 after the low dose "
                 "(3.0 mg) was cleared.") == [
        ("low", Decimal("3.0"), "mg"), ("lower", Decimal("1.5"), "mg")]


def test_follow_up_times_and_population_rates_are_not_results():
    assert outcomes("said the median survival follow-up time was 9.1 months for PL-505. The "
                    "five-year survival rate for this cancer is 28%.") == []


def test_share_of_patients_beyond_a_landmark_is_the_result_not_the_landmark():
    assert outcomes("said 65% of PL-505 patients surpassed the 5.8-month OS threshold.") == [
        ("", "patients beyond the 5.8-month OS threshold", Decimal("65"), "%")]


def test_a_single_response_is_a_count_of_one():
    assert outcomes("said a patient with lymphoma achieved a partial response on "
                    "PL-505.") == [("", "partial response", Decimal("1"), "patients")]


def test_an_aim_to_achieve_a_response_is_not_a_result():
    assert outcomes("said the PL-505 trial in 90 patients is designed to test whether "
                    "patients achieve a complete response.") == []


def test_share_of_patients_with_a_named_result():
    assert outcomes("said 66.7% (4/6) of evaluable patients had both CD8+ and CD4+ responses "
                    "after PL-505. Tumor marker reductions were observed in 5/7 (71%) of "
                    "evaluable patients.") == [
        ("", "Tumor marker reductions", Decimal("71"), "%"),
        ("", "both CD8+ and CD4+ responses", Decimal("66.7"), "%")]


def test_share_of_a_population_with_a_condition_is_not_a_result():
    assert outcomes("said more than 75% of patients with MDS present comorbidities, and 40% of "
                    "patients with gout vs placebo.") == []


def test_these_patients_refers_to_the_cohort_before():
    assert outcomes("said Cohort B received PL-505 at 2 mg. Notably, 80% of these patients "
                    "crossed the 6-month PFS threshold.") == [
        ("B", "patients beyond the 6-month PFS threshold", Decimal("80"), "%")]


def test_cohort_named_after_the_value_unless_a_comparison_intervenes():
    assert outcomes("said the DCR for PL-505 was 80%, far exceeding the 30% DCR typically seen "
                    "with chemotherapy in third-line treatment. Responses were seen in 3/6 (50%) "
                    "of patients at the 2 mg Phase 2 dose level.") == [
        ("", "disease control rate", Decimal("80"), "%"),
        ("Phase 2 dose level", "Responses", Decimal("50"), "%")]


def test_one_endpoint_written_two_ways_is_one_fact():
    extraction = read_text(OPENING + "said Median Overall Survival of 20.1 months was reached in "
                           "Cohort 1 of PL-505. In Cohort 1, the 20.1-month mOS held.\n")
    [outcome] = extraction.of_type(Outcome)
    assert (outcome.endpoint, len(outcome.evidence)) == ("median overall survival", 2)


def test_share_of_patients_named_by_their_treatment_with_a_threshold_result():
    assert outcomes("said 41% of PL-505-treated patients achieved LDL-C <70 mg/dL at Week 12 "
                    "vs 9% with placebo.") == [("", "LDL-C <70 mg/dL", Decimal("41"), "%")]


def test_a_dose_restated_without_its_cohort_is_the_cohorts_dose():
    assert doses("said patients in Cohort B received PL-505 at 180 mg daily. The trial has "
                 "enrolled 41 patients at the 180 mg dose of PL-505.") == [
        ("B", Decimal("180"), "mg")]


def test_a_bound_on_the_dose_is_not_a_dose():
    assert doses("said PL-505 caused no dose-limiting toxicities below a daily dose of 280 mg, "
                 "and Cohort 2 received PL-505 at 120 mg.") == [("2", Decimal("120"), "mg")]


def test_a_result_sentence_belongs_to_the_study_its_paragraph_named():
    assert outcomes("said its Phase 2 study of PL-505 finished. The median progression-free "
                    "survival was 9.1 months. At the 3 mg/kg dose level, the objective "
                    "response rate was 48%.") == [
        ("", "median progression-free survival", Decimal("9.1"), "months"),
        ("", "objective response rate", Decimal("48"), "%")]


def test_a_rate_in_a_paragraph_that_names_no_study_is_no_result():
    assert outcomes("said PL-505 is in a Phase 2 study.\n\nIn the general population, the "
                    "objective response rate to older medicines was 20%.") == []


def test_a_survival_rate_at_a_landmark_is_a_share_not_a_time():
    assert outcomes("said that in Cohort 2, patients treated with PL-505 had an 18-month "
                    "event-free survival rate of 66%.") == [
        ("2", "18-month event-free survival rate", Decimal("66"), "%")]


def test_many_patients_achieving_a_response_are_not_one_response():
    assert outcomes("said 9 of 15 patients (60%) treated with PL-505 achieved a partial "
                    "response.") == [("", "partial response rate", Decimal("60"), "%")]
    assert outcomes("said one patient treated with PL-505 achieved a complete response.") == [
        ("", "complete response", Decimal("1"), "patients")]


def test_a_contrast_between_two_cohorts_of_the_study_keeps_both_doses():
    assert doses("said Cohort A received PL-505 at 300 mg twice daily, while Cohort B "
                 "received 450 mg once daily.") == [
        ("A", Decimal("300"), "mg"), ("B", Decimal("450"), "mg")]
    assert doses("said Cohort A received PL-505 at 300 mg, while the control arm received "
                 "100 mg of aspirin.") == [("A", Decimal("300"), "mg")]


def test_a_share_of_patients_may_say_what_they_received_before_the_result():
    assert outcomes("said that 47% of patients receiving PL-505 40 mg once daily achieved "
                    "clinical remission, compared with 11% of patients on placebo.") == [
        ("", "clinical remission", Decimal("47"), "%")]


def test_doses_and_values_each_followed_by_their_cohort():
    assert doses("said PL-505 was given at 100 mCi in Cohort 1 and 150 mCi in Cohort 2.") == [
        ("1", Decimal("100"), "mCi"), ("2", Decimal("150"), "mCi")]
    assert outcomes("said the objective response rate with PL-505 was 30% in Cohort A and 55% "
                    "in Cohort B.") == [
        ("A", "objective response rate", Decimal("30"), "%"),
        ("B", "objective response rate", Decimal("55"), "%")]


def test_the_number_ending_a_drug_code_is_not_a_listed_dose():
    assert doses("said it tests two dose levels of PL-505, 3 mg/kg and 10 mg/kg.") == [
        ("", Decimal("3"), "mg/kg"), ("", Decimal("10"), "mg/kg")]


def test_disease_control_is_an_endpoint_not_a_control_arm():
    assert outcomes("said PL-505 is in a Phase 2 study. Among 20 patients, the objective "
                    "response rate was 35% and the disease control rate was 85%.") == [
        ("", "disease control rate", Decimal("85"), "%"),
        ("", "objective response rate", Decimal("35"), "%")]


def test_a_count_after_a_named_cohort_is_no_second_cohort():
    assert outcomes("reported PL-505 data: at dose level 2, 5 of 8 patients (63%) achieved a "
                    "complete response.") == [
        ("2", "complete response rate", Decimal("63"), "%")]


def test_a_respectively_list_over_three_named_cohorts():
    assert outcomes("said the PL-505 objective response rate was 18%, 44% and 12% in Cohorts "
                    "A, B and C, respectively.") == [
        ("A", "objective response rate", Decimal("18"), "%"),
        ("B", "objective response rate", Decimal("44"), "%"),
        ("C", "objective response rate", Decimal("12"), "%")]


def test_each_value_followed_by_its_dose_level_or_dose_group():
    assert outcomes("said the PL-505 objective response rate was 70% at dose level 1, 85% at "
                    "dose level 2 and 90% at dose level 3, and the disease control rate was "
                    "80% in the low-dose group and 95% in the high-dose group.") == [
        ("1", "objective response rate", Decimal("70"), "%"),
        ("2", "objective response rate", Decimal("85"), "%"),
        ("3", "objective response rate", Decimal("90"), "%"),
        ("high", "disease control rate", Decimal("95"), "%"),
        ("low", "disease control rate", Decimal("80"), "%")]


def test_a_share_of_patients_with_an_adverse_event_is_no_outcome():
    assert outcomes("reported PL-505 data. Grade 3 or higher neutropenia occurred in 14% of "
                    "patients, nausea was observed in 20% of participants, serious events were "
                    "seen in 6% of patients, and disease stabilization occurred in 44% of "
                    "patients.") == [("", "disease stabilization", Decimal("44"), "%")]


def test_a_comparators_dose_is_not_the_drugs():
    assert doses("said 300 patients in its Phase 3 trial were randomized to PL-505 200 mg once "
                 "daily or docetaxel 75 mg/m2 every three weeks.") == [
        ("", Decimal("200"), "mg")]


def test_another_companys_drug_quoted_as_a_benchmark_gives_no_outcome():
    assert outcomes("reported that PL-505 achieved an objective response rate of 41%. By "
                    "comparison, Osprey Bio's EGFR inhibitor OSP-77 reported an objective "
                    "response rate of 28% last year.") == [
        ("", "objective response rate", Decimal("41"), "%")]


def test_doses_written_as_powers_of_ten():
    assert doses("said that in the Phase 1 trial of PL-505, Cohort 1 received 3 x 10^13 vg/kg "
                 "and Cohort 2 received 1e14 vg/kg.") == [
        ("1", Decimal("30000000000000"), "vg/kg"), ("2", Decimal("100000000000000"), "vg/kg")]


def test_cell_doses_with_their_dose_level_in_parentheses():
    assert doses("said patients received PL-505 at 50 x 10^6 CAR+ T cells (dose level 1) or "
                 "150 x 10^6 CAR+ T cells (dose level 2).") == [
        ("1", Decimal("50000000"), "cells"), ("2", Decimal("150000000"), "cells")]


def test_a_placebo_adjusted_difference_is_the_drugs_result():
    assert outcomes("said patients on PL-505 20 mg had a mean fall of 5.0 points versus 2.1 "
                    "points on placebo, a placebo-adjusted reduction of 2.9 points (p=0.01), "
                    "and PL-505 gave a placebo-adjusted weight loss of 9.5% at week 24.") == [
        ("", "placebo-adjusted reduction", Decimal("2.9"), "points"),
        ("", "placebo-adjusted weight loss", Decimal("9.5"), "%")]


def test_counts_of_patients_who_achieved_a_response():
    assert outcomes("reported PL-505 data: of the 8 evaluable patients, 3 achieved a partial "
                    "response and 1 achieved a complete response. In Cohort 2, 5 of 9 "
                    "patients achieved an objective response.") == [
        ("", "complete response", Decimal("1"), "patients"),
        ("", "partial response", Decimal("3"), "patients"),
        ("2", "objective response", Decimal("5"), "patients")]


def test_an_endpoint_not_reached_takes_no_follow_up_time():
    assert outcomes("reported that the median duration of response to PL-505 had not been "
                    "reached at a median follow-up of 9.1 months.") == []


def test_results_listed_one_a_line_after_a_lead_in_belong_to_the_study():
    found = sorted((o.endpoint, o.quantity.value) for o in read_text(
        OPENING + "reported data for PL-505 in 40 patients. As of the data cutoff:\n\n"
        "The objective response rate was 45%;\n\nMedian progression-free survival was 7.2 "
        "months.\n\nThe company moved its offices.\n\nHeadcount was 12% higher.\n"
    ).of_type(Outcome))
    assert found == [("Median progression-free survival", Decimal("7.2")),
                     ("objective response rate", Decimal("45"))]


def test_shares_listed_by_group_and_a_result_achieved_by_a_share():
    assert outcomes("said a PSA50 response to PL-505 was observed in 30% of patients in "
                    "Cohort 1, 55% of patients in Cohort 2 and 70% of patients in Cohort 3. "
                    "In the Phase 2 trial, PASI 75 was achieved by 41% of patients in the "
                    "100 mg arm and 27% in the 50 mg arm.") == [
        ("1", "PSA50 response to PL-505", Decimal("30"), "%"),
        ("100 mg", "PASI 75", Decimal("41"), "%"),
        ("2", "PSA50 response to PL-505", Decimal("55"), "%"),
        ("3", "PSA50 response to PL-505", Decimal("70"), "%"),
        ("50 mg", "PASI 75", Decimal("27"), "%")]


def test_doses_listed_against_a_list_of_cohorts_pair_up():
    assert doses("said Cohorts 1, 2 and 3 received 1, 3 and 10 mg of PL-505, respectively.") == [
        ("1", Decimal("1"), "mg"), ("2", Decimal("3"), "mg"), ("3", Decimal("10"), "mg")]


def test_one_dose_given_to_a_list_of_cohorts_is_each_cohorts_dose():
    assert doses("said Cohorts A and B received 5 mg of PL-505 and Cohort C received 10 mg.") == [
        ("A", Decimal("5"), "mg"), ("B", Decimal("5"), "mg"), ("C", Decimal("10"), "mg")]


def test_a_follow_up_time_before_an_endpoint_not_reached_is_no_result():
    assert outcomes("reported PL-505 data. At a median follow-up of 9.2 months, the median "
                    "duration of response had not been reached.") == []


def test_baseline_values_and_adverse_events_are_not_results():
    assert outcomes("reported PL-505 data. Mean baseline HbA1c was 8.1% in patients given "
                    "PL-505. Injection site reactions, all mild, occurred in 6% of "
                    "participants treated with PL-505.") == []


def test_a_paragraph_of_results_after_the_studys_paragraph_is_the_studys():
    assert outcomes("reported data from the Phase 2 trial of PL-505.\n\nThe objective "
                    "response rate was 41%, and the disease control rate was 90%.\n\nThe "
                    "company's revenue was 12% higher.") == [
        ("", "disease control rate", Decimal("90"), "%"),
        ("", "objective response rate", Decimal("41"), "%")]


def test_counts_of_responses_listed_for_each_cohort_or_dose_level():
    assert outcomes("reported PL-505 data: partial responses were observed in 2 of 9 patients "
                    "in Cohort 2, 4 of 11 in Cohort 3 and 3 of 12 in Cohort 4.") == [
        ("2", "partial response", Decimal("2"), "patients"),
        ("3", "partial response", Decimal("4"), "patients"),
        ("4", "partial response", Decimal("3"), "patients")]
    assert outcomes("reported PL-505 data: complete responses were seen in 2 of 4 patients at "
                    "DL1 and 4 of 7 patients at DL2.") == [
        ("1", "complete response", Decimal("2"), "patients"),
        ("2", "complete response", Decimal("4"), "patients")]


def test_a_count_written_in_words_of_a_total_in_words():
    assert outcomes("reported PL-505 data: five of six patients achieved a partial "
                    "response.") == [("", "partial response", Decimal("5"), "patients")]


def test_cell_doses_given_in_parentheses_after_their_dose_level():
    assert doses("said PL-505 patients received dose level 1 (DL1; 5 x 10^7 CAR+ cells) or "
                 "dose level 2 (DL2; 1 x 10^8 CAR+ T cells).") == [
        ("1", Decimal("50000000"), "cells"), ("2", Decimal("100000000"), "cells")]


def test_doses_of_arms_the_release_names_by_their_dose_are_those_arms():
    text = ("said its PL-808 trial randomized 300 adults to PL-808 5 mg, 10 mg or 20 mg once "
            "daily, or to placebo. Body weight fell by 6%, 9% and 12% in the 5 mg, 10 mg and "
            "20 mg arms, respectively.")
    assert doses(text) == [("10 mg", Decimal("10"), "mg"), ("20 mg", Decimal("20"), "mg"),
                           ("5 mg", Decimal("5"), "mg")]
    assert doses("said its PL-808 trial gave adults PL-808 5 mg once daily.") == [
        ("", Decimal("5"), "mg")]


TRIAL = ("said PL-808, its oral GLP-1 agonist, was studied in a Phase 2 trial that randomized "
         "adults to PL-808 5 mg, 10 mg or 20 mg, or to placebo. ")


def test_values_listed_with_one_unit_after_the_last_take_that_unit():
    assert outcomes(TRIAL + "Mean HbA1c fell from baseline by 1.3, 1.7 and 2.0 percentage "
                    "points in the 5 mg, 10 mg and 20 mg arms, respectively.") == [
        ("10 mg", "reduction in Mean HbA1c", Decimal("1.7"), "percentage points"),
        ("20 mg", "reduction in Mean HbA1c", Decimal("2.0"), "percentage points"),
        ("5 mg", "reduction in Mean HbA1c", Decimal("1.3"), "percentage points")]
    assert outcomes(TRIAL + "The median PFS was 5.1, 6.3 and 8.0 months in Cohorts A, B and "
                    "C, respectively.") == [
        ("A", "median PFS", Decimal("5.1"), "months"),
        ("B", "median PFS", Decimal("6.3"), "months"),
        ("C", "median PFS", Decimal("8.0"), "months")]


def test_each_value_followed_by_its_group_in_parentheses():
    assert outcomes(TRIAL + "The objective response rate was 58% (5 mg), 66% (10 mg) and "
                    "74% (Cohort C).") == [
        ("10 mg", "objective response rate", Decimal("66"), "%"),
        ("5 mg", "objective response rate", Decimal("58"), "%"),
        ("C", "objective response rate", Decimal("74"), "%")]
    assert outcomes(TRIAL + "The disease control rate was 90% (18 of 20 patients).") == [
        ("", "disease control rate", Decimal("90"), "%")]


def test_the_share_of_patients_reaching_a_target_is_that_targets_result():
    assert outcomes(TRIAL + "The proportion of participants reaching an HbA1c below 6.5% was "
                    "41%, versus 12% on placebo.") == [
        ("", "HbA1c below 6.5%", Decimal("41"), "%")]


def test_hazard_ratios_are_unitless_results_named_by_their_endpoint():
    assert outcomes("said PL-505 extended median overall survival to 16.4 months versus 12.1 "
                    "months with docetaxel (HR 0.71; 95% CI 0.57-0.88), and the hazard ratio "
                    "for progression-free survival was 0.52. Approved therapies showed a hazard "
                    "ratio of 0.80.") == [
        ("", "hazard ratio for overall survival", Decimal("0.71"), ""),
        ("", "hazard ratio for progression-free survival", Decimal("0.52"), ""),
        ("", "median overall survival", Decimal("16.4"), "months")]


def test_a_dose_in_parentheses_after_its_arm_is_that_arms_beside_a_placebo_arm():
    assert doses("said PL-505 was tested in a Phase 2 trial. Patients were randomised to a "
                 "low-dose arm (100 mg once daily), a high-dose arm (200 mg once daily) or "
                 "placebo for 12 weeks.") == [("high-dose arm", Decimal("200"), "mg"),
                                              ("low-dose arm", Decimal("100"), "mg")]


def test_a_range_with_its_unit_after_both_ends_is_no_dose():
    assert doses("said PL-505 was given at doses ranging from 50 mg to 400 mg, and Cohort 2 "
                 "received 200 mg of PL-505.") == [("2", Decimal("200"), "mg")]


def test_a_study_parts_arms_named_by_their_doses_and_a_biomarker_code():
    text = ("said Part B of its Phase 2 trial randomised adults to PL-505 1 mg, 3 mg or 10 mg, or "
            "placebo. FVC rose in the 3 mg and 10 mg arms; the 1 mg arm did not separate. "
            "Serum KX-C7, a marker of fibrosis, fell in the 10 mg arm.")
    assert doses(text) == [("1 mg", Decimal("1"), "mg"), ("10 mg", Decimal("10"), "mg"),
                           ("3 mg", Decimal("3"), "mg")]


def test_a_result_pooled_across_dose_levels_has_no_cohort():
    assert outcomes("said its Phase 1 trial of PL-101 read out: a 62% overall response rate "
                    "and 35% complete response rate across all dose levels, with 80% ORR at "
                    "dose level 3.\n\nThe median duration of response across dose levels was "
                    "8.1 months; it was not reached at DL3.") == [
        ("", "complete response rate", Decimal("35"), "%"),
        ("", "median duration of response", Decimal("8.1"), "months"),
        ("", "overall response rate", Decimal("62"), "%"),
        ("3", "objective response rate", Decimal("80"), "%")]


def test_a_subgroup_is_the_results_cohort():
    assert outcomes("said in its Phase 2 trial of PL-101 the ORR was 41%. In the subgroup of "
                    "patients with ovarian cancer (n=17), the ORR was 56%, and in the "
                    "PD-L1-high subgroup the ORR was 60%. In the prespecified subgroup of "
                    "patients aged 70 or older, the ORR was 38%.") == [
        ("", "objective response rate", Decimal("41"), "%"),
        ("PD-L1-high", "objective response rate", Decimal("60"), "%"),
        ("patients aged 70 or older", "objective response rate", Decimal("38"), "%"),
        ("patients with ovarian cancer", "objective response rate", Decimal("56"), "%")]


def test_a_subgroup_is_not_a_dosed_cohort():
    text = ("said in its Phase 1 trial of PL-101, patients received 100 mg or 200 mg. In the "
            "subgroup of patients aged 75 years or older who received 200 mg, the ORR was 40%.")
    assert doses(text) == [("", Decimal("100"), "mg"), ("", Decimal("200"), "mg")]
    assert outcomes(text) == [
        ("patients aged 75 years or older", "objective response rate", Decimal("40"), "%")]


def test_the_doses_patients_are_randomised_to_are_the_arms():
    assert doses("said its Phase 2 trial of PL-101 enrolled 284 patients, randomized to PL-101 "
                 "150 mg or 300 mg every 24 weeks, or placebo.") == [
        ("150 mg", Decimal("150"), "mg"), ("300 mg", Decimal("300"), "mg")]


def test_randomised_arms_do_not_name_the_doses_of_another_study():
    assert doses("said its Phase 2 trial of PL-101 randomized patients to PL-101 150 mg or 300 mg, "
                 "or placebo. An earlier Phase 1 study of PL-101 gave single doses of 30, 100, "
                 "300 or 600 mg.") == [
        ("", Decimal("30"), "mg"), ("", Decimal("100"), "mg"), ("", Decimal("600"), "mg"),
        ("150 mg", Decimal("150"), "mg"), ("300 mg", Decimal("300"), "mg")]



def test_arms_named_by_a_daily_dose_are_the_doses_patients_were_randomised_to():
    assert doses("today reported Phase 2 results for PL-505. Adults were randomized 1:1:1 to "
                 "PL-505 25 mg/day, PL-505 50 mg/day, or placebo for eight weeks.") == [
        ("25 mg/day", Decimal("25"), "mg/day"), ("50 mg/day", Decimal("50"), "mg/day")]


def test_results_given_with_an_arm_named_by_its_dose_belong_to_that_arm():
    assert outcomes("today reported Phase 2 results for PL-505. Adults were randomized 1:1:1 to "
                    "PL-505 25 mg/day, PL-505 50 mg/day, or placebo for eight weeks.\n\nAt Week 8,"
                    " the response rate was 52.4% with 50 mg/day and 41.0% with 25 mg/day, "
                    "compared with 30.6% with placebo. Participants receiving PL-505 50 mg/day "
                    "showed a mean reduction in MADRS total score of 15.8 points.") == [
        ("25 mg/day", "response rate", Decimal("41.0"), "%"),
        ("50 mg/day", "reduction in MADRS total score", Decimal("15.8"), "points"),
        ("50 mg/day", "response rate", Decimal("52.4"), "%")]


def test_vaccine_efficacy_and_a_list_line_labelled_by_its_population():
    assert outcomes("today reported Phase 3 results for PL-505, a vaccine. PL-505 met the "
                    "primary endpoint, with a VE of 78.0% (95% CI: 60.1%, 88.2%). Efficacy was "
                    "seen in both age groups:\n\n- Adults aged 60 to 69 years: VE of 81.5%\n\n"
                    "- Adults aged 70 years and older: VE of 70.2%") == [
        ("", "vaccine efficacy", Decimal("78.0"), "%"),
        ("Adults aged 60 to 69 years", "vaccine efficacy", Decimal("81.5"), "%"),
        ("Adults aged 70 years and older", "vaccine efficacy", Decimal("70.2"), "%")]


def test_a_share_achieving_at_least_some_points_on_a_scale_names_the_scale():
    assert outcomes("reported Phase 2 results for PL-505 in eczema. With PL-505, 38.5% of "
                    "patients achieved an improvement of at least four points in the Worst "
                    "Itch Numeric Rating Scale, compared with 12.0% on placebo.") == [
        ("", "an improvement of at least four points in Worst Itch Numeric Rating Scale",
         Decimal("38.5"), "%")]


def test_one_dose_of_a_single_arm_trial_keeps_an_empty_cohort():
    assert doses("reported that in the single-arm PL-505 Phase 2 study patients received "
                 "PL-505 at 5 mCi.") == [("", Decimal("5"), "mCi")]


def test_a_cohort_named_by_who_is_in_it_takes_its_results_but_a_generic_one_does_not():
    assert outcomes("reported Phase 2 results for PL-505. In the treatment-naive cohort, the "
                    "objective response rate was 48%. In the overall population, the disease "
                    "control rate was 80%.") == [
        ("", "disease control rate", Decimal("80"), "%"),
        ("treatment-naive cohort", "objective response rate", Decimal("48"), "%")]


def test_hazard_ratios_across_subgroups_each_take_the_subgroup_named_before_them():
    assert outcomes("reported Phase 3 results for PL-505. The PFS benefit held across "
                    "prespecified subgroups, including patients with liver metastases (HR 0.61) "
                    "and patients with bone-only disease (HR 0.58).") == [
        ("bone-only disease", "hazard ratio for PFS", Decimal("0.58"), ""),
        ("liver metastases", "hazard ratio for PFS", Decimal("0.61"), "")]


def test_an_arm_named_by_dose_and_dosing_interval_keeps_the_interval_but_not_a_daily_one():
    assert outcomes("reported Phase 2 results for PL-505. In the 200 mg Q4W arm, the objective "
                    "response rate was 41%. In the 100 mg QD arm, the objective response rate "
                    "was 30%.") == [
        ("100 mg", "objective response rate", Decimal("30"), "%"),
        ("200 mg Q4W", "objective response rate", Decimal("41"), "%")]


def test_a_response_given_as_a_share_is_its_rate_and_a_count_stays_responses():
    assert outcomes("reported PL-505 data. In Cohort 2, the objective response was 45%, a "
                    "complete response was seen in 20% of patients and 3 patients had a complete "
                    "response.") == [
        ("2", "complete response", Decimal("3"), "patients"),
        ("2", "complete response rate", Decimal("20"), "%"),
        ("2", "objective response rate", Decimal("45"), "%")]


def test_a_hazard_ratio_with_its_abbreviation_in_square_brackets():
    assert outcomes("reported PL-505 data. Median PFS was 8.3 months with PL-505 versus 5.1 "
                    "months with docetaxel (hazard ratio [HR] 0.62; 95% CI, 0.50-0.77).") == [
        ("", "Median PFS", Decimal("8.3"), "months"),
        ("", "hazard ratio for PFS", Decimal("0.62"), "")]


def test_a_share_whose_verb_is_the_result_in_one_arm_and_in_the_other():
    assert outcomes("reported PL-505 data in adults. Four weeks after the booster, 94.2% of "
                    "participants in the 30 µg group seroconverted against both strains, compared "
                    "with 88.5% in the 10 µg group; 71% of patients in the 30 µg group responded "
                    "to the second dose, versus 12% in the placebo group.") == [
        ("10 µg", "seroconversion against both strains", Decimal("88.5"), "%"),
        ("30 µg", "response to the second dose", Decimal("71"), "%"),
        ("30 µg", "seroconversion against both strains", Decimal("94.2"), "%")]


def test_placebo_adjusted_differences_listed_with_p_values_for_the_arms_named_before():
    assert outcomes("reported PL-505 data. The mean change was -15.2 in the 20 mg QD arm, "
                    "-18.0 in the 40 mg QD arm and -19.5 in the 40 mg BID arm. The "
                    "placebo-adjusted differences were -6.1 points (p=0.01), -8.9 points "
                    "(p<0.001) and -10.4 points (p<0.001), respectively.") == [
        ("20 mg QD", "placebo-adjusted differences", Decimal("-6.1"), "points"),
        ("40 mg BID", "placebo-adjusted differences", Decimal("-10.4"), "points"),
        ("40 mg QD", "placebo-adjusted differences", Decimal("-8.9"), "points")]


def test_a_placebo_adjusted_bound_over_several_arms_is_not_a_result():
    assert outcomes("reported PL-505 data. PL-505 gave placebo-adjusted reductions in the "
                    "itch score of up to 9.2 points.") == []

"""Results stated as a change in a measure, in the text's own words; texts written for the
tests."""

from decimal import Decimal

from tests.test_extract_measures import outcomes


def test_a_drug_that_lowered_a_measure_by_a_share():
    assert outcomes("reported that in Cohort 2, PL-505 lowered mean serum uric acid by 61% from "
                    "baseline.") == [("2", "reduction in mean serum uric acid", Decimal("61"), "%")]


def test_a_measure_that_fell_and_a_change_named_after_its_value():
    assert outcomes("reported PL-505 data: in treated patients, mean albuminuria fell by 44%, "
                    "and PL-505 produced a 30% reduction in liver fat content.") == [
        ("", "reduction in liver fat content", Decimal("30"), "%"),
        ("", "reduction in mean albuminuria", Decimal("44"), "%")]


def test_a_change_given_for_each_cohort_and_a_placebo_adjusted_score():
    assert outcomes("reported PL-505 data. The mean reduction in urine albumin-to-creatinine "
                    "ratio was 35% in Cohort A and 49% in Cohort B. PL-505 improved the "
                    "walking distance score by a placebo-adjusted 3.1 points.") == [
        ("", "improvement in walking distance score", Decimal("3.1"), "points"),
        ("A", "reduction in urine albumin-to-creatinine ratio", Decimal("35"), "%"),
        ("B", "reduction in urine albumin-to-creatinine ratio", Decimal("49"), "%")]


def test_changes_on_placebo_in_risks_or_in_the_market_are_not_results():
    assert outcomes("reported PL-505 data in patients. Placebo reduced serum uric acid by 6%. "
                    "High uric acid increases the risk of gout flares by 40%. Shares rose by "
                    "12% and enrollment increased by 20%.") == []


def test_a_measure_that_was_reduced_from_baseline_in_each_arm():
    assert outcomes("reported PL-505 data in patients: alanine aminotransferase (ALT) was "
                    "reduced from baseline by 38% and 47% in the 25 mg and 50 mg arms, "
                    "respectively.") == [
        ("25 mg", "reduction in alanine aminotransferase (ALT)", Decimal("38"), "%"),
        ("50 mg", "reduction in alanine aminotransferase (ALT)", Decimal("47"), "%")]


def test_a_change_by_a_placebo_adjusted_mean_of_values_listed_for_arms():
    assert outcomes("said PL-505 reduced LDL cholesterol by a placebo-adjusted mean of 41% and "
                    "55% in the 10 mg and 20 mg arms, respectively.") == [
        ("10 mg", "reduction in LDL cholesterol", Decimal("41"), "%"),
        ("20 mg", "reduction in LDL cholesterol", Decimal("55"), "%")]


def test_a_change_led_by_a_colon_then_one_value_a_line_for_each_cohort():
    assert outcomes("today reported Phase 1 results. PL-505 produced dose-dependent "
                    "reductions in serum TTR protein. Mean maximum reductions from baseline "
                    "were:\n\nCohort 1 (0.3 mg/kg): 41%\n\nCohort 2 (1.0 mg/kg): 68%\n\nThe "
                    "drug was well tolerated, with 12% of patients reporting headache.") == [
        ("1", "mean maximum reduction in serum TTR protein", Decimal("41"), "%"),
        ("2", "mean maximum reduction in serum TTR protein", Decimal("68"), "%")]


def test_changes_listed_under_the_trials_lead_in_count_but_the_placebo_groups_do_not():
    assert outcomes("reported that in its Phase 2 trial of PL-505 patients received 50 mg or "
                    "placebo. At week 12:\n\n- Serum urate fell by 48% in the 50 mg group.\n"
                    "- Serum urate in the placebo group rose by 2%.") == [
        ("50 mg", "reduction in Serum urate", Decimal("48"), "%")]

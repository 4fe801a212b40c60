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


def test_a_placebo_adjusted_change_in_a_bracketed_measure_for_arms_on_a_schedule():
    """`placebo-adjusted` names no control group, `Lp(a)` keeps its brackets, and an arm's
    schedule in words (`every-8-week group`) ends its dose."""
    assert outcomes("reported QT-77 data in patients. At Week 20, QT-77 gave placebo-adjusted "
                    "mean reductions in Lp(a) from baseline of 70.5% in the 50 mg every-8-week "
                    "group and 88.1% in the 100 mg every-8-week group.") == [
        ("100 mg", "reduction in Lp(a)", Decimal("88.1"), "%"),
        ("50 mg", "reduction in Lp(a)", Decimal("70.5"), "%")]


def test_a_respectively_list_takes_the_arms_of_the_sentence_before_and_drops_the_period():
    assert outcomes("reported QT-77 data in patients. QT-77 lowered apoB by a mean of 31% and "
                    "44% in the 20 mg and 40 mg arms, respectively. The time-averaged reduction "
                    "in apoB from week 4 through week 20 was 27% and 39%, respectively.") == [
        ("20 mg", "reduction in apoB", Decimal("27"), "%"),
        ("20 mg", "reduction in apoB", Decimal("31"), "%"),
        ("40 mg", "reduction in apoB", Decimal("39"), "%"),
        ("40 mg", "reduction in apoB", Decimal("44"), "%")]


def test_arms_of_one_dose_keep_the_schedules_that_tell_them_apart():
    assert outcomes("reported QT-77 data in patients. QT-77 was well tolerated. The mean "
                    "reduction in apoB at Week 20 was 41% with 60 mg every 12 weeks, 52% with "
                    "120 mg every 12 weeks and 49% with 120 mg every-24-week dosing.") == [
        ("120 mg every 12 weeks", "reduction in apoB", Decimal("52"), "%"),
        ("120 mg every 24 weeks", "reduction in apoB", Decimal("49"), "%"),
        ("60 mg every 12 weeks", "reduction in apoB", Decimal("41"), "%")]


def test_a_placebo_adjusted_result_in_an_arm_does_not_take_the_arm_for_its_scale():
    assert outcomes("reported QT-77 data in patients. QT-77 gave placebo-adjusted mean percent "
                    "reductions in LDL-C from baseline of 51.2% in the 75 mg group and 63.6% in "
                    "the 150 mg group.") == [
        ("150 mg", "LDL-C reduction", Decimal("63.6"), "%"),
        ("75 mg", "LDL-C reduction", Decimal("51.2"), "%")]


def test_slowing_a_decline_in_a_score_is_not_a_change_in_a_measure_named_in():
    assert outcomes("reported QT-77 data in patients. QT-77 slowed decline in the motor score by "
                    "3.4 points versus placebo.") == []


def test_a_fold_change_is_a_change_in_the_fold_unit():
    assert outcomes("reported QT-77 data in patients. QT-77 raised plasma enzyme activity by "
                    "6.5-fold in Cohort 2, and Cohort 3 showed a 9.1-fold increase in plasma "
                    "enzyme activity.") == [
        ("2", "increase in plasma enzyme activity", Decimal("6.5"), "fold"),
        ("3", "increase in plasma enzyme activity", Decimal("9.1"), "fold")]

"""Results tables, from HTML and plain text; texts written for the tests."""

from decimal import Decimal

from kg.documents import document_from_bytes
from kg.extract import extract
from kg.facts import Dose, Outcome

OPENING = ("<html><body><article><h1>Plover Reports Data</h1><p>CHICAGO, Aug. 1, 2024 -- "
           "Plover Therapeutics, Inc. (Nasdaq: PLVR) today reported Phase 1 results for "
           "PL-505 in leukemia.</p>")


def outcomes(name: str, markup: str):
    extraction = extract(document_from_bytes(name, markup.encode()))
    return sorted(((o.cohort.label if o.cohort else ""), o.endpoint, o.quantity.value,
                   o.quantity.unit) for o in extraction.of_type(Outcome))


def test_an_html_table_of_endpoints_by_cohort():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th>Endpoint</th><th>Cohort A<br>80 mg</th><th>Cohort B<br>120 mg</th>"
        "</tr><tr><td>Overall response rate</td><td>46%</td><td>66%</td></tr><tr><td>Median "
        "OS (months)</td><td>6.1</td><td>9.8</td></tr></table></article></body></html>")) == [
        ("A", "Median OS", Decimal("6.1"), "months"),
        ("A", "Overall response rate", Decimal("46"), "%"),
        ("B", "Median OS", Decimal("9.8"), "months"),
        ("B", "Overall response rate", Decimal("66"), "%")]


def test_a_plain_text_table_of_cohorts_by_endpoint():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. "
            "(Nasdaq: PLVR) today reported Phase 1 results for PL-505 in leukemia.\n\n"
            "Cohort | Dose | n | ORR | Median PFS\n1 | 100 mg | 14 | 14% | 5.5 months\n"
            "2 | 200 mg | 12 | 33% | 7.0 months\n")
    assert outcomes("r.txt", text) == [
        ("1", "Median PFS", Decimal("5.5"), "months"),
        ("1", "objective response rate", Decimal("14"), "%"),
        ("2", "Median PFS", Decimal("7.0"), "months"),
        ("2", "objective response rate", Decimal("33"), "%")]


def test_cells_are_kept_apart_and_a_row_stays_one_line():
    text = document_from_bytes("r.html", (OPENING + "<table><tr><td>ORR</td><td>29%</td><td>"
                                          "48%</td></tr></table></article></body></html>"
                                          ).encode()).text
    assert "ORR | 29% | 48%" in text.split("\n")


def test_a_space_aligned_table_of_tumour_type_cohorts():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. "
            "(Nasdaq: PLVR) today reported Phase 2 results for PL-505 by cohort:\n\n"
            "  Tumour type          Evaluable   ORR          Median DoR\n"
            "  Gastric cancer       18          44% (8/18)   8.1 months\n"
            "  Biliary tract cancer  20         35% (7/20)   not reached\n")
    assert outcomes("r.txt", text) == [
        ("Biliary tract cancer", "objective response rate", Decimal("35"), "%"),
        ("Gastric cancer", "duration of response", Decimal("8.1"), "months"),
        ("Gastric cancer", "objective response rate", Decimal("44"), "%")]


def test_a_table_of_response_counts_by_cohort():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. "
            "(Nasdaq: PLVR) today reported Phase 1 results for PL-505 in leukemia:\n\n"
            "Cohort | Dose | Complete responses | CR rate\n1 | 100 mg | 2 | 25%\n"
            "2 | 200 mg | 4 | 50%\n")
    assert outcomes("r.txt", text) == [
        ("1", "CR rate", Decimal("25"), "%"), ("1", "complete response", Decimal("2"), "patients"),
        ("2", "CR rate", Decimal("50"), "%"), ("2", "complete response", Decimal("4"), "patients")]


def test_a_header_with_an_empty_corner_cell_and_a_markdown_table():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th>&nbsp;</th><th>Cohort 1<br>(n=8)</th><th>Cohort 2<br>(n=9)</th></tr>"
        "<tr><td>Overall response rate</td><td>25%</td><td>44%</td></tr></table></article>"
        "</body></html>")) == [
        ("1", "Overall response rate", Decimal("25"), "%"),
        ("2", "Overall response rate", Decimal("44"), "%")]
    assert outcomes("r.md", "# Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover "
                    "Therapeutics, Inc. (Nasdaq: PLVR) today reported Phase 1 results for "
                    "PL-505 in leukemia.\n\n| Endpoint | Cohort 1 | Cohort 2 |\n|---|---|---|\n"
                    "| Overall response rate | 25% | 44% |\n") == [
        ("1", "Overall response rate", Decimal("25"), "%"),
        ("2", "Overall response rate", Decimal("44"), "%")]


def test_a_control_arms_column_is_not_the_drugs_result():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th>Endpoint</th><th>PL-505 (n=120)</th><th>Docetaxel (n=118)</th></tr>"
        "<tr><td>Median PFS, months</td><td>7.2</td><td>4.0</td></tr>"
        "<tr><td>Objective response rate</td><td>38%</td><td>14%</td></tr></table>"
        "<p>In the PL-505 Phase 2 trial:</p>"
        "<table><tr><th>Endpoint</th><th>Cohort A</th><th>Placebo</th></tr>"
        "<tr><td>Disease control rate</td><td>71%</td><td>30%</td></tr></table>"
        "</article></body></html>")) == [
        ("", "Median PFS", Decimal("7.2"), "months"),
        ("", "Objective response rate", Decimal("38"), "%"),
        ("A", "Disease control rate", Decimal("71"), "%")]


def test_a_dose_column_gives_each_cohort_its_dose_and_count_share_cells_their_rate():
    markup = OPENING + (
        "<table><tr><th>Dose level</th><th>PL-505 dose (mg/kg)</th><th>ORR, n (%)</th></tr>"
        "<tr><td>DL1</td><td>0.5</td><td>1 (20%)</td></tr>"
        "<tr><td>DL2</td><td>1.5</td><td>3 (50%)</td></tr></table></article></body></html>")
    extraction = extract(document_from_bytes("r.html", markup.encode()))
    assert sorted((d.cohort.label, d.quantity.value, d.quantity.unit)
                  for d in extraction.of_type(Dose)) == [("1", Decimal("0.5"), "mg/kg"),
                                                         ("2", Decimal("1.5"), "mg/kg")]
    assert outcomes("r.html", markup) == [("1", "objective response rate", Decimal("20"), "%"),
                                          ("2", "objective response rate", Decimal("50"), "%")]


def test_a_hazard_ratio_row_gives_a_unitless_result_once():
    assert outcomes("r.html", OPENING.replace("Data</h1>", "Data (HR 0.64)</h1>") + (
        "<table><tr><th>Endpoint</th><th>PL-505 (n=120)</th><th>Docetaxel (n=118)</th></tr>"
        "<tr><td>OS hazard ratio (95% CI)</td><td>0.64 (0.50-0.82); p=0.001</td><td>-</td></tr>"
        "</table></article></body></html>")) == [("", "OS hazard ratio", Decimal("0.64"), "")]


def test_rows_named_in_the_tables_own_words_with_footnote_marks_and_a_count_row():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th>Endpoint</th><th>Placebo</th><th>PL-505 10 mg</th></tr>"
        "<tr><td>(n=50)</td><td>(n=51)</td></tr>"
        "<tr><td>Mean change in grip strength (points)</td><td>&minus;0.8</td>"
        "<td>+4.2*</td></tr>"
        "<tr><td>Tremor score responders (&gt;=30%)</td><td>12%</td><td>40%**</td></tr>"
        "<tr><td>p-value</td><td>--</td><td>0.004</td></tr>"
        "<tr><td>Baseline grip strength (points)</td><td>31.0</td><td>30.2</td></tr>"
        "</table><p>* p&lt;0.01</p></article></body></html>")) == [
        ("10 mg", "Mean change in grip strength", Decimal("4.2"), "points"),
        ("10 mg", "Tremor score responders", Decimal("40"), "%")]


def test_a_plain_text_table_with_a_blank_corner_and_changes_in_letters():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. (Nasdaq: "
            "PLVR) today reported results of the PL-505 Phase 1 trial.\n\n"
            "                                   Cohort 1     Cohort 2\n"
            "  Mean change in BCVA (letters)     +1.5         +3.9\n"
            "  Patients free of rescue, n (%)    2 (33)       4 (50)\n")
    extraction = extract(document_from_bytes("r.txt", text.encode()))
    assert sorted((o.cohort.label, o.endpoint, o.quantity.value, o.quantity.unit)
                  for o in extraction.of_type(Outcome)) == [
        ("1", "Mean change in BCVA", Decimal("1.5"), "letters"),
        ("1", "Patients free of rescue", Decimal("33"), "%"),
        ("2", "Mean change in BCVA", Decimal("3.9"), "letters"),
        ("2", "Patients free of rescue", Decimal("50"), "%")]


def test_a_change_the_text_states_as_a_reduction_and_its_table_as_a_negative_is_one_result():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. (Nasdaq: "
            "PLVR) today reported results of the PL-505 Phase 2 trial.\n\n"
            "PL-505 achieved a mean body weight reduction of 5.1% in Cohort 1 and 7.3% in "
            "Cohort 2.\n\n"
            "                                   Cohort 1     Cohort 2\n"
            "  Change in body weight (%)         -5.1         -7.3\n")
    extraction = extract(document_from_bytes("r.txt", text.encode()))
    assert sorted((o.cohort.label, abs(o.quantity.value))
                  for o in extraction.of_type(Outcome)) == [("1", Decimal("5.1")),
                                                            ("2", Decimal("7.3"))]


def test_a_result_the_text_and_its_table_word_differently_is_kept_once():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. (Nasdaq: "
            "PLVR) today reported results of the PL-505 Phase 1 trial.\n\n"
            "PL-505 led to a 61% reduction in yearly clinic visits in Cohort 1.\n\n"
            "                                   Cohort 1     Cohort 2\n"
            "  Reduction in yearly clinic\n"
            "    visits vs prior year (%)        61           75\n")
    extraction = extract(document_from_bytes("r.txt", text.encode()))
    assert sorted((o.cohort.label, o.quantity.value) for o in extraction.of_type(Outcome)) == [
        ("1", Decimal("61")), ("2", Decimal("75"))]


def test_cohort_rows_with_a_dose_column_confirmed_orr_and_a_median_with_its_interval():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. "
            "(Nasdaq: PLVR) today reported Phase 2 results for PL-505 by cohort:\n\n"
            "Cohort  Tumour              Dose       n    cORR, %   mPFS, months (95% CI)\n"
            "------  ------------------  ---------  ---  -------   ---------------------\n"
            "A       Gastric cancer      1.5 mg/kg  30   40.0      7.1 (5.0-9.2)\n"
            "B       Biliary cancer      2.5 mg/kg  22   27.3      NR (4.4-NR)\n")
    extraction = extract(document_from_bytes("r.txt", text.encode()))
    assert sorted((d.cohort.label, d.quantity.value, d.quantity.unit)
                  for d in extraction.of_type(Dose)) == [("A", Decimal("1.5"), "mg/kg"),
                                                         ("B", Decimal("2.5"), "mg/kg")]
    assert outcomes("r.txt", text) == [
        ("A", "median progression-free survival", Decimal("7.1"), "months"),
        ("A", "objective response rate", Decimal("40.0"), "%"),
        ("B", "objective response rate", Decimal("27.3"), "%")]


def test_row_labels_that_give_their_unit_after_a_comma_and_a_gain_of_letters():
    markup = OPENING + (
        "<table><tr><th>Week 24 endpoint</th><th>PL-505 4 mg (n=60)</th><th>Sham (n=58)</th>"
        "</tr><tr><td>Mean change from baseline in BCVA, letters</td><td>+10.4</td><td>+1.9</td>"
        "</tr><tr><td>Patients gaining ≥15 letters, %</td><td>35.0</td><td>8.6</td></tr>"
        "<tr><td>p-value vs. sham</td><td>&lt;0.001</td><td>—</td></tr>"
        "<tr><td>Mean change in central subfield thickness, µm</td><td>−170</td><td>−38</td>"
        "</tr></table></article></body></html>")
    assert outcomes("r.html", markup) == [
        ("4 mg", "Mean change from baseline in BCVA", Decimal("10.4"), "letters"),
        ("4 mg", "Mean change in central subfield thickness", Decimal("-170"), "µm"),
        ("4 mg", "Patients gaining ≥15 letters", Decimal("35.0"), "%")]


def test_a_hyphenated_measure_in_the_text_and_the_tables_fuller_wording_are_one_result():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. (Nasdaq: "
            "PLVR) today reported results of the PL-505 Phase 2 trial.\n\n"
            "PL-505 achieved a mean body-weight reduction of 6.2% in Cohort 1.\n\n"
            "                                            Cohort 1     Cohort 2\n"
            "  Mean change in body weight at week 36, %    -6.2         -8.4\n")
    assert outcomes("r.txt", text) == [
        ("1", "Mean change in body weight at week 36", Decimal("-6.2"), "%"),
        ("2", "Mean change in body weight at week 36", Decimal("-8.4"), "%")]


def test_columns_headed_by_results_in_their_own_words_with_a_cell_not_yet_available():
    markup = OPENING + (
        "<table><tr><th>Cohort</th><th>PL-505 dose (mg/kg)</th><th>Participants (n)</th>"
        "<th>Mean % reduction in ANGPTL3, Day 28</th><th>Mean % reduction in ANGPTL3, Day 90"
        "</th></tr><tr><td>1</td><td>0.2</td><td>3</td><td>22%</td><td>25%</td></tr>"
        "<tr><td>2</td><td>0.6</td><td>4</td><td>58%</td><td>Not yet available</td></tr>"
        "</table></article></body></html>")
    day28, day90 = "Mean % reduction in ANGPTL3, Day 28", "Mean % reduction in ANGPTL3, Day 90"
    assert outcomes("r.html", markup) == [("1", day28, Decimal("22"), "%"),
                                          ("1", day90, Decimal("25"), "%"),
                                          ("2", day28, Decimal("58"), "%")]


def test_a_placebo_row_of_a_table_of_arms_by_endpoint_is_not_the_drugs_result():
    text = ("Plover Reports Data\n\nCHICAGO, Aug. 1, 2024 -- Plover Therapeutics, Inc. "
            "(Nasdaq: PLVR) today reported Phase 2 results for PL-505 in migraine.\n\n"
            "  Arm              Responder rate     Median reduction in migraine days\n"
            "  Placebo          21.0%              18.2%\n"
            "  PL-505 25 mg     44.5%              39.9%\n")
    assert outcomes("r.txt", text) == [
        ("25 mg", "Median reduction in migraine days", Decimal("39.9"), "%"),
        ("25 mg", "Responder rate", Decimal("44.5"), "%")]


def test_arms_named_by_dose_and_schedule_keep_the_schedule_in_their_labels():
    assert outcomes("r.html", OPENING + (
        "<table><tr><td></td><td>PL-505 100 mg Q2W</td><td>PL-505 100 mg Q4W</td>"
        "<td>PL-505 200 mg Q4W</td></tr>"
        "<tr><td>Objective response rate</td><td>40%</td><td>35%</td><td>52%</td></tr>"
        "</table></article></body></html>")) == [
        ("100 mg Q2W", "Objective response rate", Decimal("40"), "%"),
        ("100 mg Q4W", "Objective response rate", Decimal("35"), "%"),
        ("200 mg Q4W", "Objective response rate", Decimal("52"), "%")]


def test_a_row_of_changes_from_baseline_is_a_result_and_a_row_of_baseline_values_is_not():
    assert outcomes("r.html", OPENING + (
        "<table><tr><td></td><td>Placebo</td><td>PL-505 50 mg</td></tr>"
        "<tr><td>Mean percent change in itch score from baseline</td><td>-20.5%</td>"
        "<td>-48.0%</td></tr>"
        "<tr><td>Mean itch score at baseline</td><td>7.1</td><td>7.3</td></tr>"
        "</table></article></body></html>")) == [
        ("50 mg", "Mean percent change in itch score from baseline", Decimal("-48.0"), "%")]


def test_rows_headed_by_a_dose_are_the_drugs_dose_levels():
    markup = OPENING + (
        "<table><tr><th>Dose level (Q3W)</th><th>Treated</th><th>ORR, n (%)</th></tr>"
        "<tr><td>1.5 mg/kg</td><td>4</td><td>1 (25%)</td></tr>"
        "<tr><td>3.0 mg/kg</td><td>6</td><td>3 (50%)</td></tr></table></article></body></html>")
    extraction = extract(document_from_bytes("r.html", markup.encode()))
    assert sorted((d.cohort.label, d.quantity.value, d.quantity.unit)
                  for d in extraction.of_type(Dose)) == [
        ("1.5 mg/kg", Decimal("1.5"), "mg/kg"), ("3.0 mg/kg", Decimal("3.0"), "mg/kg")]


def test_columns_headed_by_the_drug_and_a_dose_are_its_arms_but_placebo_is_not():
    markup = OPENING + (
        "<table><tr><td></td><td>Placebo (n=30)</td><td>PL-505 100 mg Q2W (n=31)</td>"
        "<td>PL-505 100 mg Q4W (n=29)</td></tr>"
        "<tr><td>Objective response rate</td><td>5%</td><td>40%</td><td>35%</td></tr>"
        "</table></article></body></html>")
    extraction = extract(document_from_bytes("r.html", markup.encode()))
    assert sorted((d.cohort.label, d.quantity.value, d.quantity.unit)
                  for d in extraction.of_type(Dose)) == [
        ("100 mg Q2W", Decimal("100"), "mg"), ("100 mg Q4W", Decimal("100"), "mg")]


def test_rows_of_fold_rises_in_titers_are_results_in_fold():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th></th><th>PL-505 10 µg</th><th>PL-505 30 µg</th></tr>"
        "<tr><td>Neutralizing antibody, geometric mean fold rise (GMFR)</td><td>4.1</td>"
        "<td>6.3</td></tr></table></article></body></html>")) == [
        ("10 µg", "Neutralizing antibody, geometric mean fold rise", Decimal("4.1"), "fold"),
        ("30 µg", "Neutralizing antibody, geometric mean fold rise", Decimal("6.3"), "fold")]


def test_a_row_of_responses_or_better_is_its_own_endpoint_and_a_response_share_is_a_rate():
    assert outcomes("r.html", OPENING + (
        "<table><tr><th>Endpoint</th><th>Cohort A</th><th>Cohort B</th></tr>"
        "<tr><td>Complete response or better</td><td>25%</td><td>40%</td></tr>"
        "<tr><td>Complete response</td><td>10%</td><td>20%</td></tr>"
        "</table></article></body></html>")) == [
        ("A", "Complete response or better", Decimal("25"), "%"),
        ("A", "Complete response rate", Decimal("10"), "%"),
        ("B", "Complete response or better", Decimal("40"), "%"),
        ("B", "Complete response rate", Decimal("20"), "%")]


def test_a_sentence_result_for_an_arm_without_its_schedule_is_the_tables_result():
    assert outcomes("r.html", OPENING + (
        "<p>In the trial, 41.5% of patients in the 200 mg arm achieved PASI-90.</p>"
        "<table><tr><th>Endpoint</th><th>100 mg Q4W</th><th>200 mg Q4W</th></tr>"
        "<tr><td>PASI-90 at Week 16</td><td>22.0%</td><td>41.5%</td></tr>"
        "</table></article></body></html>")) == [
        ("100 mg Q4W", "PASI-90", Decimal("22.0"), "%"),
        ("200 mg Q4W", "PASI-90", Decimal("41.5"), "%")]

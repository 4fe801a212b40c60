"""Tables laid out with spaces in plain text; texts written for the tests."""

from kg.text_tables import piped_tables


def test_a_space_aligned_table_becomes_rows_of_cells():
    text = ("Results by cohort:\n\n  Cohort        Patients   DCR\n  Low dose      6          50%"
            "\n  High dose     8          75% (6/8)\n\nThe end.\n")
    assert piped_tables(text).split("\n")[2:5] == [
        "Cohort | Patients | DCR", "Low dose | 6 | 50%", "High dose | 8 | 75% (6/8)"]


def test_prose_with_two_spaces_after_a_full_stop_is_no_table():
    text = ("The trial enrolled 40 patients.  Dosing is complete.\nThe company has 12 staff.  "
            "It is based in Oslo.\n")
    assert piped_tables(text) == text


def test_a_single_aligned_line_or_a_block_without_figures_is_no_table():
    text = "Investor Contact      Media Contact\nJane Roe              John Doe\n"
    assert piped_tables(text) == text


def test_a_header_indented_over_the_row_labels_gets_an_empty_corner_cell():
    text = ("Week 12 results\n\n"
            "                              Placebo    AB-1 10 mg\n"
            "                              (n=40)     (n=41)\n"
            "  Change in score (points)    -1.2       -4.5\n"
            "  Responders                  20%        48%\n")
    assert piped_tables(text).split("\n")[2:6] == [
        " | Placebo | AB-1 10 mg", " | (n=40) | (n=41)",
        "Change in score (points) | -1.2 | -4.5", "Responders | 20% | 48%"]


def test_a_row_label_wrapped_onto_a_second_line_is_one_cell():
    text = ("                               Cohort 1   Cohort 2\n"
            "  Mean change in score (%)       -12        -20\n"
            "  Reduction in yearly visits\n"
            "    vs prior year (%)            40         55\n")
    assert piped_tables(text).split("\n")[:3] == [
        " | Cohort 1 | Cohort 2", "Mean change in score (%) | -12 | -20",
        "Reduction in yearly visits vs prior year (%) | 40 | 55"]


def test_a_header_stacked_over_three_lines_of_uneven_cells_is_one_header_row():
    text = ("Week 24 results\n\n"
            "                                 Sham      AB-1      AB-1\n"
            "                                 (n=50)    2 mg      4 mg\n"
            "                                           (n=51)    (n=52)\n"
            "  Mean change in score, points   -1.0      -4.2      -6.3\n"
            "  Responders, %                  12        31        44\n")
    assert piped_tables(text).split("\n")[2:5] == [
        " | Sham (n=50) | AB-1 2 mg (n=51) | AB-1 4 mg (n=52)",
        "Mean change in score, points | -1.0 | -4.2 | -6.3", "Responders, % | 12 | 31 | 44"]


def test_a_rule_line_between_the_header_and_the_rows_keeps_them_one_table():
    text = ("Results by arm\n\n"
            "                               Arm 1          Arm 2\n"
            "                               1 mg/kg        2 mg/kg\n"
            "   ------------------------------------------------------\n"
            "   Response rate               30.0%          45.5%\n"
            "   Median PFS                  4.1 months     6.0 months\n"
            "   ======================================================\n"
            "   PFS = progression-free survival\n")
    assert piped_tables(text).split("\n")[2:6] == [
        " | Arm 1 | Arm 2", " | 1 mg/kg | 2 mg/kg",
        "Response rate | 30.0% | 45.5%", "Median PFS | 4.1 months | 6.0 months"]


def test_a_header_cell_wrapped_onto_a_second_line_joins_its_column():
    text = ("Week 8 results\n\n"
            "  Group          Mean drop in weekly        Responders\n"
            "                 attack count\n"
            "  Placebo        10.5%                      12.0%\n"
            "  AB-1 5 mg      30.2%                      41.3%\n")
    assert piped_tables(text).split("\n")[2:5] == [
        "Group | Mean drop in weekly attack count | Responders",
        "Placebo | 10.5% | 12.0%", "AB-1 5 mg | 30.2% | 41.3%"]

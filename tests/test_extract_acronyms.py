"""Acronyms defined in a document are written out in indications."""

from kg.extract.acronyms import defined_acronyms, expand
from kg.facts import Trial
from tests.conftest import read_text


def test_definitions_need_matching_initials():
    found = defined_acronyms("in chronic kidney disease (CKD) and in the trial (STAR) and "
                             "relapsed or refractory (R/R) disease")
    assert found == {"CKD": "chronic kidney disease", "R/R": "relapsed or refractory"}


def test_expansion_is_whole_word_only():
    acronyms = {"CKD": "chronic kidney disease"}
    assert expand("late CKD", acronyms) == "late chronic kidney disease"
    assert expand("CKDs and XCKD", acronyms) == "CKDs and XCKD"


def test_trial_indication_uses_the_long_form():
    extraction = read_text("Headline\n\nLIMA, Ohio, May 1, 2024 -- Tern Bio, Inc. (Nasdaq: TRN) "
                           "develops TB-310 for chronic kidney disease (CKD). A Phase 2 trial of "
                           "TB-310 in advanced CKD is enrolling.\n")
    assert [t.indications for t in extraction.of_type(Trial)] == [
        ("chronic kidney disease",)]


def test_acronym_letters_may_come_from_inside_a_word():
    found = defined_acronyms("pancreatic ductal adenocarcinoma (PDAC) and knee osteoarthritis "
                             "(OA)")
    assert found == {"PDAC": "pancreatic ductal adenocarcinoma", "OA": "osteoarthritis"}


def test_one_letter_per_word_is_preferred():
    assert defined_acronyms("relapsed or refractory (R/R)") == {"R/R": "relapsed or refractory"}


def test_an_acronym_ending_with_the_number_of_a_type():
    assert defined_acronyms("a therapy for autosomal dominant hypocalcemia type 1 (ADH1), not "
                            "for claudin 6 (CLDN6), not in 2024 (FY24)") == {
        "ADH1": "autosomal dominant hypocalcemia type 1"}


def test_a_definition_may_go_on_after_a_comma_and_end_in_a_roman_numbered_type():
    assert defined_acronyms("in boys with hypophosphatasia type IIA (HPP IIA, also called "
                            "juvenile HPP) and spinal ataxia type 6 (SA6; a rare form)") == {
        "HPP IIA": "hypophosphatasia type IIA", "SA6": "spinal ataxia type 6"}

"""Indication phrases in a sentence; texts written for the tests."""

from kg.extract.indications import indications_in


def texts(sentence: str) -> list[str]:
    return [i.text for i in indications_in(sentence)]


def test_modifiers_in_front_of_the_head_word_are_kept():
    assert texts("It treats relapsed or refractory multiple myeloma.") == [
        "relapsed or refractory multiple myeloma"]


def test_a_plural_head_after_a_list_gives_one_indication_each():
    assert texts("It is tested in lung, ovarian and bladder cancers.") == [
        "lung cancer", "ovarian cancer", "bladder cancer"]


def test_a_disease_named_only_by_how_bad_it_is_is_no_indication():
    assert texts("It helps people living with this incapacitating, disabling disease.") == []
    assert texts("Patients with progressive disease or a debilitating chronic disorder left.") == []


def test_a_specific_word_keeps_a_severe_disease():
    assert texts("It treats severe chronic kidney disease.") == [
        "severe chronic kidney disease"]


def test_a_severity_range_stays_in_front_of_the_disease():
    assert texts("It is tested in moderately to severely active Crohn's disease.") == [
        "moderately to severely active Crohn's disease"]


def test_one_word_diseases_by_their_medical_suffix():
    assert texts("It treats congenital hyperinsulinism, cholangiocarcinoma, uveitis, "
                 "transthyretin amyloidosis and phenylketonuria.") == [
        "congenital hyperinsulinism", "cholangiocarcinoma", "uveitis",
        "transthyretin amyloidosis", "phenylketonuria"]


def test_common_words_with_a_disease_suffix_are_no_indications():
    assert texts("Its diagnosis, prognosis and apoptosis data from academia show empathy.") \
        == []


def test_subtypes_hyphenated_names_and_skin_and_lung_diseases():
    found = [i.text for i in indications_in(
        "It treats primary hyperoxaluria type 3, alpha-mannosidosis, glycogen storage disease "
        "type Ia, chronic hand eczema and hospital-acquired bacterial pneumonia.")]
    assert found == ["primary hyperoxaluria type 3", "alpha-mannosidosis",
                     "glycogen storage disease type Ia", "chronic hand eczema",
                     "hospital-acquired bacterial pneumonia"]


def test_a_subtype_by_roman_numeral_and_letter_or_by_letter_stays_with_the_disease():
    assert texts("It treats neuronal ceroid lipofuscinosis type IIB and Hunter syndrome type "
                 "A, not a type B question.") == [
        "neuronal ceroid lipofuscinosis type IIB", "Hunter syndrome type A"]


def test_an_ataxia_is_a_disease():
    assert texts("in adults with spinocerebellar ataxia type 6") == [
        "spinocerebellar ataxia type 6"]


def test_a_singular_disease_ending_in_s_after_a_list_of_modifiers_is_not_split():
    assert texts("for juvenile and adult-onset Pompe glycogenosis and for low- or "
                 "intermediate-risk myelofibrosis") == [
        "adult-onset Pompe glycogenosis", "intermediate-risk myelofibrosis"]


def test_lupus_erythematosus_is_one_disease():
    assert texts("in adults with cutaneous lupus erythematosus") == [
        "cutaneous lupus erythematosus"]


def test_a_disease_does_not_reach_back_over_whose_to_the_one_before():
    assert texts("for patients with advanced biliary tract cancer (BTC) whose disease "
                 "progressed after gemcitabine") == ["advanced biliary tract cancer"]

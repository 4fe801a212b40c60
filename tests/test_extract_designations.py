"""Regulatory designations: held vs planned, agencies, indications; texts written for tests."""

from kg.facts import Designation
from tests.conftest import read_text

OPENING = "Headline\n\nAUSTIN, Texas, June 5, 2024 -- Wren Bio, Inc. (Nasdaq: WRNB) "


def rows(text: str) -> list[tuple]:
    extraction = read_text(OPENING + text + "\n")
    return sorted((d.drug.name, d.designation, d.agency, d.indication, d.status)
                  for d in extraction.of_type(Designation))


def test_granted_designation_with_agency_and_indication():
    assert rows("announced that the FDA has granted Orphan Drug Designation to WB-101 for "
                "the treatment of Fabry disease.") == [
        ("WB-101", "orphan-drug", "fda", "Fabry disease", "granted")]


def test_programme_agency_is_implied():
    assert rows("announced that WB-701 received Fast Track designation for idiopathic "
                "pulmonary fibrosis.") == [
        ("WB-701", "fast-track", "fda", "idiopathic pulmonary fibrosis", "granted")]


def test_positive_opinion_from_the_committee():
    assert rows("announced that the EMA's COMP adopted a positive opinion recommending "
                "orphan designation for WB-301 in Duchenne muscular dystrophy.") == [
        ("WB-301", "orphan-drug", "ema", "Duchenne muscular dystrophy", "positive-opinion")]


def test_planned_or_eligible_designations_are_not_facts():
    assert rows("announced that it plans to apply for Breakthrough Therapy designation for "
                "WB-901 in gout.") == []
    assert rows("said WB-901 may be eligible for Priority Review.") == []


def test_general_description_of_a_programme_is_not_a_fact():
    assert rows("said WB-201 is advancing. The Fast Track program is designed to speed up "
                "the review of drugs.") == []


def test_segments_keep_their_own_agencies():
    result = rows("said WB-501 has received FDA Orphan Drug Designation for Pompe disease; "
                  "Orphan Drug Designation by the European Medicines Agency for Pompe disease.")
    assert ("WB-501", "orphan-drug", "fda", "Pompe disease", "granted") in result
    assert ("WB-501", "orphan-drug", "ema", "Pompe disease", "granted") in result
    assert len(result) == 2


def test_indication_of_a_later_clause_is_not_the_designations():
    assert rows("said WB-601 has been designated an orphan drug by the FDA and is being "
                "studied in a Phase 2 trial in patients with sickle cell disease.") == [
        ("WB-601", "orphan-drug", "fda", "", "granted")]


def test_disease_acronym_defined_in_the_text_is_an_indication():
    result = rows("develops WB-808 for hypoxic ischemic encephalopathy (HIE). WB-808 received "
                  "Orphan Drug Designation by the European Medicines Agency for HIE.")
    assert result == [("WB-808", "orphan-drug", "ema", "hypoxic ischemic encephalopathy",
                       "granted")]


def test_an_acronym_the_text_defines_otherwise_is_not_an_indication():
    result = rows("said the FDA granted Fast Track Designation (FTD) to WB-909 in gout. The "
                  "FTD was granted to WB-909 quickly.")
    assert result == [("WB-909", "fast-track", "fda", "gout", "granted")]


def test_country_adjective_names_the_agency():
    assert rows("said WB-111 won European orphan status for Fabry disease.") == [
        ("WB-111", "orphan-drug", "ema", "Fabry disease", "granted")]


def test_feed_footer_is_not_a_statement():
    assert rows("said WB-112 is in development.\n\nThe post Wren Bio Gets Orphan Status For "
                "WB-112 In Gout appeared first on SomeFeed.") == []


def test_one_designation_said_several_ways_is_one_fact():
    result = rows("said WB-121 has RMAT designation for T-cell lymphoma. The RMAT designation "
                  "for WB-121 in relapsed/refractory CD7-positive T-cell lymphoma was granted "
                  "by the FDA.")
    assert result == [("WB-121", "rmat", "fda", "relapsed/refractory CD7-positive T-cell "
                       "lymphoma", "granted")]


def test_nested_acronyms_are_written_out():
    result = rows("treats graft-versus-host disease (GvHD). In acute GvHD (aGvHD), WB-131 "
                  "received FDA Orphan Drug Designation for aGvHD.")
    assert result == [("WB-131", "orphan-drug", "fda", "acute graft-versus-host disease",
                       "granted")]


def test_relative_clause_refers_back_to_the_indications():
    result = rows("plans to test WB-141 in gout, lupus and psoriasis, indications for which "
                  "WB-141 has been granted Orphan Drug Designation by the FDA.")
    assert [r[3] for r in result] == ["gout", "lupus", "psoriasis"]


def test_a_pathway_the_company_targets_is_not_a_designation_it_holds():
    found = rows("said new KT-710 data went to the FDA to guide the granted FDA Type C meeting "
                 "planned for the third quarter to discuss an accelerated approval regulatory "
                 "pathway.")
    assert found == []


def test_a_drug_that_targets_a_protein_keeps_its_designation():
    found = rows("said KT-720, an antibody that targets TROP2 received Fast Track designation "
                 "from the FDA for gastric cancer.")
    assert [(f[0], f[1]) for f in found] == [("KT-720", "fast-track")]


def test_admission_to_a_scheme_worded_as_eligibility_is_held():
    assert rows("said the EMA granted PRIME eligibility to WB-404 for Fabry disease.") == [
        ("WB-404", "prime", "ema", "Fabry disease", "granted")]


def test_a_designation_the_drug_is_only_eligible_for_is_left_out_of_a_held_one():
    assert rows("said WB-505 received Fast Track designation and is eligible for Priority "
                "Review.") == [("WB-505", "fast-track", "fda", "", "granted")]


def test_a_designation_granted_by_two_agencies_is_one_row_each():
    assert rows("said WB-606 was granted orphan drug status by the European Medicines "
                "Agency (EMA) and the FDA for Fabry disease.") == [
        ("WB-606", "orphan-drug", "ema", "Fabry disease", "granted"),
        ("WB-606", "orphan-drug", "fda", "Fabry disease", "granted")]


def test_a_designation_for_the_same_indication_takes_the_one_named_before():
    assert rows("said the FDA granted Orphan Drug Designation to WR-12 for the treatment of "
                "Wolman disease. WR-12 also received Rare Pediatric Disease Designation for "
                "the same indication.") == [
        ("WR-12", "orphan-drug", "fda", "Wolman disease", "granted"),
        ("WR-12", "rare-pediatric-disease", "fda", "Wolman disease", "granted")]


def test_drugs_listed_together_share_the_designation_and_each_agency_counts():
    assert rows("said the FDA has granted WR-101 and WR-202 each Fast Track designation for "
                "Canavan disease. WR-303 received Orphan Drug Designation from the FDA and "
                "orphan designation from the European Commission for Krabbe disease.") == [
        ("WR-101", "fast-track", "fda", "Canavan disease", "granted"),
        ("WR-202", "fast-track", "fda", "Canavan disease", "granted"),
        ("WR-303", "orphan-drug", "ema", "Krabbe disease", "granted"),
        ("WR-303", "orphan-drug", "fda", "Krabbe disease", "granted")]


def test_a_marketing_application_accepted_with_priority_review_holds_it():
    assert rows("announced that the FDA has accepted the Biologics License Application for "
                "WB-512 for generalized myasthenia gravis and granted Priority Review. The "
                "company has not applied for Breakthrough Therapy designation for WB-512.") == [
        ("WB-512", "priority-review", "fda", "generalized myasthenia gravis", "granted")]


def test_eligibility_the_agency_granted_for_its_scheme_is_held_and_a_hoped_for_one_not():
    assert rows("announced that the EMA granted WB-52 eligibility for its PRIME scheme for "
                "IgA nephropathy. WB-60 may be eligible for Priority Review.") == [
        ("WB-52", "prime", "ema", "IgA nephropathy", "granted")]


def test_two_drugs_designated_for_two_indications_respectively_pair_up():
    assert rows("announced that the European Commission granted orphan drug designations to "
                "WB-301 and WB-415 for methylmalonic acidemia and propionic acidemia, "
                "respectively.") == [
        ("WB-301", "orphan-drug", "ema", "methylmalonic acidemia", "granted"),
        ("WB-415", "orphan-drug", "ema", "propionic acidemia", "granted")]


def test_a_designation_granted_to_one_drug_for_one_indication_and_to_another_for_another():
    assert rows("announced that the FDA granted Fast Track designation to WB-510 for small "
                "cell lung cancer and to WB-520 for neuroendocrine prostate cancer.") == [
        ("WB-510", "fast-track", "fda", "small cell lung cancer", "granted"),
        ("WB-520", "fast-track", "fda", "neuroendocrine prostate cancer", "granted")]


def test_a_designation_held_in_named_regions_is_their_agencies():
    assert rows("said WB-101 holds Orphan Drug Designation for Fabry disease in both the U.S. "
                "and the EU, and WB-202 holds orphan status in Japan.") == [
        ("WB-101", "orphan-drug", "ema", "Fabry disease", "granted"),
        ("WB-101", "orphan-drug", "fda", "Fabry disease", "granted"),
        ("WB-202", "orphan-drug", "pmda", "", "granted")]


def test_a_status_granted_to_the_application_the_sentence_before_named():
    assert rows("said the FDA accepted for filing its BLA for WB-101 for the treatment of "
                "adult patients with Fabry disease. The FDA granted the application Priority "
                "Review. The company applied for Breakthrough status.") == [
        ("WB-101", "priority-review", "fda", "Fabry disease", "granted")]


def test_the_indication_a_where_clause_holding_the_designation_refers_back_to():
    assert rows("said it is also developing WB-101 in prurigo nodularis, where it received Fast "
                "Track designation from the FDA in May, and where a Phase 2 study is "
                "enrolling.") == [
        ("WB-101", "fast-track", "fda", "prurigo nodularis", "granted")]


def test_a_region_right_after_the_designation_beats_an_agency_in_another_clause():
    assert rows("said WB-101 met its goal. Following MFDS approval in Korea, the company "
                "received orphan drug designation in Japan for WB-101 in May.") == [
        ("WB-101", "orphan-drug", "pmda", "", "granted")]


def test_a_word_inside_a_hyphenated_name_does_not_make_a_designation_held():
    assert rows("said WB-101 met its goal.\n\nCEO Kim Jae-won said, \"The orphan drug "
                "designation in Japan is an important milestone for WB-101.\"") == []


def test_a_roman_numbered_subtype_is_no_drug_and_stays_in_the_indication():
    assert rows("announced that WB-101 received Orphan Drug Designation from the FDA for "
                "mucopolysaccharidosis type IVA (MPS IVA, Morquio syndrome). Fast Track "
                "designation for MPS IVA followed.") == [
        ("WB-101", "orphan-drug", "fda", "mucopolysaccharidosis type IVA", "granted")]


def test_a_list_of_designations_takes_the_agency_it_is_said_to_come_from():
    assert rows("said WB-101 holds orphan designation from the European Commission for "
                "Fabry disease, and has received Orphan Drug Designation and Rare Pediatric "
                "Disease Designation from the U.S. FDA for Fabry disease.") == [
        ("WB-101", "orphan-drug", "ema", "Fabry disease", "granted"),
        ("WB-101", "orphan-drug", "fda", "Fabry disease", "granted"),
        ("WB-101", "rare-pediatric-disease", "fda", "Fabry disease", "granted")]


def test_an_agency_after_a_country_possessive_and_a_later_unattributed_mention():
    assert rows("said WB-12 was granted PRIME designation by the European Medicines Agency "
                "and Breakthrough Therapy Designation by China's NMPA for the treatment of "
                "gastric cancer. \"Receiving Breakthrough Therapy Designation so soon is "
                "encouraging for WB-12,\" said the CEO.") == [
        ("WB-12", "breakthrough-therapy", "nmpa", "gastric cancer", "granted"),
        ("WB-12", "prime", "ema", "gastric cancer", "granted")]

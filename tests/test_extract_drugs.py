"""Drug names: what counts as a drug, aliases, ownership; short texts written for the tests."""

from kg.facts import DrugDevelopment
from tests.conftest import read_text


def developed(text: str) -> list[tuple[str, str]]:
    extraction = read_text(text)
    return sorted((f.company.name, f.drug.name) for f in extraction.of_type(DrugDevelopment))


OPENING = "Headline\n\nBOSTON, April 1, 2024 -- Kestrel Therapeutics, Inc. (Nasdaq: KSTR) today "


def test_code_names_in_their_variants_are_one_drug():
    rows = developed(OPENING + "announced that KT 210 was well tolerated. KT-210 and KT210 "
                     "are the same compound.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT 210")]


def test_alias_pair_is_one_drug_named_by_its_first_form():
    extraction = read_text(OPENING + "said its candidate KT-301 (velotamab) entered a trial.\n")
    [dev] = extraction.of_type(DrugDevelopment)
    assert dev.drug.name == "KT-301"
    assert "velotamab" in dev.drug.aliases
    assert dev.drug.generic_names == ("velotamab",)


def test_aka_lists_join_all_names():
    extraction = read_text(OPENING + "reported that rimastat (aka KT-707 or ABC12345) was "
                           "dosed in the first patient.\n")
    [dev] = extraction.of_type(DrugDevelopment)
    assert dev.drug.name == "rimastat"
    assert set(dev.drug.code_names) == {"KT-707", "ABC12345"}


def test_genes_tickers_trial_names_and_conferences_are_not_drugs():
    rows = developed(OPENING + "announced that KT-555 targets HER2 and PD-1 and will be "
                     "presented at ASCO 2025. The ORBIT-3 trial of KT-555 continues. KSTR shares "
                     "rose.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555")]


def test_combination_partner_is_not_the_companys_drug():
    rows = developed(OPENING + "announced that its drug KT-900 in combination with "
                     "pembrolizumab was active.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-900")]


def test_study_named_after_the_drug_is_not_a_drug():
    rows = developed(OPENING + "said its lead candidate, ZORA, showed activity. The ZORA-101 "
                     "trial enrolled 40 patients treated with ZORA.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "ZORA")]


def test_a_word_used_as_a_platform_name_is_not_a_drug():
    rows = developed(OPENING + "said its Lumex™ platform produced KT-44. Lumex™ compounds "
                     "are potent.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-44")]


def test_securities_ids_assay_metrics_and_dates_are_not_drugs():
    rows = developed(OPENING + "said KT-612 had IC50s below 5 nM in the assay. Its shares "
                     "(ISIN US1234567890) traded on DEC 12 as usual.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-612")]


def test_drug_of_another_company_by_possessive_or_code_prefix():
    rows = developed(OPENING + "said its drug KT-333 will be combined with Borealis Pharma "
                     "Inc.'s (NYSE: BRL) checkpoint inhibitor nivolumab. Under a license, "
                     "Gannet Biologics develops GANNET-101 in Asia.\n")
    assert rows == [("Borealis Pharma Inc.", "nivolumab"), ("Gannet Biologics", "GANNET-101"),
                    ("Kestrel Therapeutics, Inc.", "KT-333")]


def test_a_name_glued_to_itself_is_not_a_new_drug():
    rows = developed(OPENING + "said its lead candidate, ZORA, is dosed.\n\nLead Candidate: "
                     "ZORAZORA is a first-in-class agent. Patients treated with ZORA did well.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "ZORA")]


def test_drugs_in_another_companys_self_description_are_that_companys():
    rows = developed(OPENING + "agreed to acquire Orbis Biologics B.V.\n\nAbout Orbis "
                     "Biologics\n\nOrbis Biologics B.V. is a clinical-stage biotechnology company "
                     "that has developed several antibodies, including OB-101, targeting CD20, "
                     "and OB-202.\n")
    assert rows == [("Orbis Biologics B.V.", "OB-101"), ("Orbis Biologics B.V.", "OB-202")]


def test_a_combination_partner_in_a_self_description_is_not_the_companys():
    rows = developed(OPENING + "reported data.\n\nAbout Orbis Biologics\n\nOrbis Biologics B.V. "
                     "is a biotechnology company developing OB-101 in combination with "
                     "pembrolizumab.\n")
    assert ("Orbis Biologics B.V.", "pembrolizumab") not in rows
    assert ("Orbis Biologics B.V.", "OB-101") in rows


def test_a_code_in_a_treated_compound_is_the_drug():
    rows = developed(OPENING + "said 41% of KT-880-treated patients responded.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-880")]


def test_an_acronym_the_text_defines_for_an_institution_is_not_a_drug():
    rows = developed(OPENING + "signed an agreement with UNOH to develop its vaccine with "
                     "the University of Northern Ohio (“UNOH”). The vaccine KT-12 is dosed.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-12")]


def test_a_platform_name_is_never_a_drug_and_a_company_head_word_is_no_drug():
    rows = developed(OPENING + "agreed to buy ORVO Biologics B.V., which uses its Zentrix® "
                     "platform to make KT-61. Zentrix® is a registered trademark. More on ORVO "
                     "is at its website, and ORVO was founded in 2015.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-61")]


def test_a_radiolabelled_name_is_a_drug_even_without_digits():
    rows = developed(OPENING + "completed a cohort of its trial of 64Cu/67Cu-KES-bisPSMA. "
                     "Imaging with 64Cu-KES-bisPSMA selects patients for 67Cu-KES-bisPSMA.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "64Cu/67Cu-KES-bisPSMA")]


def test_a_drug_named_once_with_its_portfolio_is_still_a_drug():
    rows = developed(OPENING + "said its tislumab portfolio is growing. The Phase 3 trial of "
                     "tislumab met its primary endpoint.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "tislumab")]


def test_a_name_described_as_a_platform_is_not_a_drug():
    rows = developed(OPENING + "announced that KT-330 is built on its HALYARD bispecific "
                     "platform.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-330")]


def test_a_trademark_notice_gives_the_name_to_the_trademarks_owner():
    rows = developed(OPENING + "announced that KT-330 is in a Phase 1 trial with "
                     "ZORVEX® (tenolimab).\n\nZORVEX® (tenolimab) is a registered trademark "
                     "of Larkspur Pharma, Inc.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-330"), ("Larkspur Pharma, Inc.", "ZORVEX")]


def test_a_clinical_score_with_its_threshold_is_not_a_drug():
    rows = developed(OPENING + "announced that 41% of patients treated with KT-330 reached "
                     "PASI 75 and EASI-90 at week 16.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-330")]


def test_the_label_of_an_sec_exhibit_is_not_a_drug():
    rows = developed("EX-99.1\n2\nexhibit991.htm\n\nExhibit 99.1\n\n" + OPENING
                     + "announced that KT-330 is in a Phase 1 trial.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-330")]


def test_a_licensee_given_rights_to_the_drug_develops_it_too():
    text = (OPENING + "announced a license agreement with Plover Pharma AG granting Plover "
            "worldwide rights to develop KT-330.\n\nPlover Pharma AG will also obtain "
            "exclusive rights to KT-440 in Japan.\n")
    assert developed(text) == [
        ("Kestrel Therapeutics, Inc.", "KT-330"), ("Kestrel Therapeutics, Inc.", "KT-440"),
        ("Plover Pharma AG", "KT-330"), ("Plover Pharma AG", "KT-440")]


def test_a_collaborator_who_only_tests_the_drug_is_no_licensee():
    assert developed(OPENING + "announced a collaboration with Plover Pharma AG to evaluate "
                     "KT-330 in combination with Plover's approved therapy.\n") == [
        ("Kestrel Therapeutics, Inc.", "KT-330")]


def test_a_code_that_begins_with_the_issuers_ticker_is_its_drug():
    rows = developed("Headline\n\nTORONTO, May 5, 2025 -- Halden Isotopes Inc. (TSX: HALD) "
                     "today announced that the first patient received HALD-204, its lead "
                     "radioconjugate, in a Phase 1 study. HALD shares rose.\n")
    assert rows == [("Halden Isotopes Inc.", "HALD-204")]


def test_a_partner_that_will_develop_and_commercialize_the_drug_develops_it():
    text = (OPENING + "announced an agreement with Plover Pharma AG. Under the agreement, "
            "Plover Pharma AG will develop and commercialize KT-550 in Asia.\n")
    assert developed(text) == [
        ("Kestrel Therapeutics, Inc.", "KT-550"), ("Plover Pharma AG", "KT-550")]


def test_meeting_abstract_numbers_and_a_drug_like_company_name_are_no_drugs():
    rows = developed("Headline\n\nBOSTON, April 1, 2025 -- Veratide, Inc. (Nasdaq: VRTD) today "
                     "said VRT-101 met its goal. Veratide will present the data at the meeting "
                     "(Abstract LBA4002, Poster #TPS3145, Abstract 3021).\n")
    assert rows == [("Veratide, Inc.", "VRT-101")]


def test_a_code_whose_number_could_be_a_year_long_past_or_far_ahead_is_a_code():
    rows = developed(OPENING + "said KT-2044 and KT-1944 entered the clinic, as planned for "
                     "ASCO-2025.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-1944"),
                    ("Kestrel Therapeutics, Inc.", "KT-2044")]


def test_trials_named_in_apposition_are_not_drugs():
    rows = developed(OPENING + "announced that KT-555 is being studied in ORBIT-101, a Phase "
                     "1b/2 trial in gastric cancer. A second Phase 2 trial, VANTA-F4, is "
                     "evaluating KT-555 in colorectal cancer.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555")]


def test_serum_tumour_markers_and_8k_rule_citations_are_not_drugs():
    rows = developed("Check the box if the filing is soliciting material pursuant to Rule "
                     "14a-12 (17 CFR 240.14a-12)\n\n" + OPENING + "announced that in patients "
                     "given KT-555, CA 19-9 and CA-125 levels fell.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555")]


def test_money_in_a_currency_code_is_not_a_drug():
    rows = developed(OPENING + "reported cash of CHF 148.6 million and SEK 12 million; KT-555 "
                     "remains in a Phase 2 trial.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555")]


def test_generic_names_of_newer_stems_and_of_any_stem_before_their_code():
    rows = developed(OPENING + "announced that the FDA granted Orphan Drug Designation to "
                     "sparsentan for IgA nephropathy. Kestrel is also developing efruxifermin "
                     "and larvocitug. Separately, celvaprant (KT-1187) entered a Phase 2 trial; "
                     "the inhibitor (KT-2200) is preclinical.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", name) for name in
                    ("KT-2200", "celvaprant", "efruxifermin", "larvocitug", "sparsentan")]


def test_disease_acronyms_payloads_and_capitalised_trial_names_are_not_drugs():
    rows = developed(OPENING + "announced that KT-555 is in the Phase 2 HORIZON trial in "
                     "idiopathic pulmonary fibrosis (IPF) and holds Orphan Drug Designation "
                     "for the treatment of IPF and of AML. KT-610 carries SN-38. Enrollment in "
                     "HORIZON is complete.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555"), ("Kestrel Therapeutics, Inc.",
                                                              "KT-610")]


def test_a_partner_that_will_develop_manufacture_and_commercialize_develops_it():
    rows = developed(OPENING + "announced a license: Qinghe Biopharma will develop, manufacture "
                     "and commercialize KT-555 in Greater China.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-555"), ("Qinghe Biopharma", "KT-555")]


def test_a_conjugates_two_word_name_in_title_case_is_one_drug():
    rows = developed("Kestrel Presents Data for Velotuzumab Dotecan\n\nBOSTON, April 1, 2024 -- "
                     "Kestrel Therapeutics, Inc. (Nasdaq: KSTR) today said velotuzumab dotecan "
                     "(KT-950) shrank tumours in a Phase 1 trial.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "Velotuzumab Dotecan")]


def test_a_code_named_as_a_target_is_no_drug():
    rows = developed(OPENING + "said KT-640, a GRPC7A x CD3 bispecific antibody, and KT-650, a "
                     "MATX4-directed conjugate, entered trials; KT-660 targeting liver tumours "
                     "follows, with rash expected with GRPC7A blockade.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-640"), ("Kestrel Therapeutics, Inc.",
                                                                 "KT-650"),
                    ("Kestrel Therapeutics, Inc.", "KT-660")]


def test_a_name_shaped_like_a_study_named_once_as_one_is_never_a_drug():
    rows = developed("Kestrel Reports Phase 2 HARBOR-3B Trial Results\n\nBOSTON, April 1, 2024 "
                     "-- Kestrel Therapeutics, Inc. (Nasdaq: KSTR) today said HARBOR-3B enrolled "
                     "90 adults given KT-210. HARBOR-3B met its primary endpoint.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-210")]


def test_a_one_digit_code_is_a_drug_where_the_text_says_so():
    rows = developed(OPENING + "announced that the FDA granted Fast Track designation to QX7. "
                     "QX7 lowered KM2 levels in the trial. Mutations in the TRB5 gene cause the "
                     "disease.\n\nAbout KT-9\nKT-9 is an investigational oral inhibitor.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-9"), ("Kestrel Therapeutics, Inc.", "QX7")]


def test_a_code_named_as_a_gene_is_no_drug():
    rows = developed(OPENING + "said KT-700, a gene therapy, restores the PLXG26 gene; after "
                     "dosing with KT-700, PLXG26 levels rose.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-700")]


def test_a_code_only_named_in_its_owners_trial_is_a_drug():
    assert developed(OPENING + "said its PL-505 trial and the ORCA-101 trial read out.\n") == [
        ("Kestrel Therapeutics, Inc.", "PL-505")]


def test_a_code_given_a_registry_number_and_called_a_trial_is_a_study():
    rows = developed(OPENING + "reported data from ORC-101, the Phase 1 trial of KT-88.\n\n"
                     "About ORC-101\nORC-101 (NCT01234567) is a two-part study.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-88")]


def test_a_cell_therapys_two_word_name_and_its_short_form_are_one_drug():
    extraction = read_text(OPENING + "said velocabtagene autoleucel (velo-cel; KT-219), its CAR T "
                           "cell therapy, was dosed. Velo-cel was well tolerated.\n")
    [dev] = extraction.of_type(DrugDevelopment)
    assert dev.drug.name == "velocabtagene autoleucel"
    assert {"velo-cel", "KT-219"} <= set(dev.drug.aliases)


def test_a_calendar_year_is_no_code():
    rows = developed(OPENING + "said KT-210 enters a Phase 2 trial in CY2026, after CY2025 "
                     "data.\n")
    assert rows == [("Kestrel Therapeutics, Inc.", "KT-210")]


def test_a_code_defined_as_a_trial_or_given_as_one_in_parentheses_is_no_drug():
    rows = developed(OPENING + "reported data. Cohort A of ZETA-201, a Phase 2 trial of "
                     "KT-210 in lung cancer, enrolled 30 patients. The interim ZETA-201 data "
                     "were strong. The Phase 1 trial (KT-210-101) is a randomized study of "
                     "KT-210 in healthy volunteers.\n")
    assert [drug for _company, drug in rows] == ["KT-210"]


def test_a_code_described_as_a_trial_after_a_colon_or_before_trial_of_is_no_drug():
    rows = developed(OPENING + "reported data. KT-210 is being evaluated in NOVA-301, a global "
                     "Phase 1/2 trial in patients with lung cancer. Posters: the Phase 1 "
                     "ORBIT-101 trial of KT-210, and ORBIT-201: a Phase 2 trial of KT-210 in "
                     "lung cancer. Highlights from the ORBIT-101 abstract follow. KT-305, a "
                     "drug in a Phase 2 trial in asthma, is dosed. Over 200 patients were "
                     "treated with KT-407: a Phase 1/2 dose escalation study in sarcomas and a "
                     "Phase 2 study in breast cancer.\n")
    assert [drug for _company, drug in rows] == ["KT-210", "KT-305", "KT-407"]


def test_a_brand_marked_as_a_trademark_before_its_generic_name_is_one_drug():
    extraction = read_text(OPENING + "said the FDA accepted its filing for FELVARA™ "
                           "(rimozitinib) for the treatment of myelofibrosis.\n")
    [dev] = extraction.of_type(DrugDevelopment)
    assert (dev.drug.name, dev.drug.generic_names) == ("FELVARA", ("rimozitinib",))


def test_the_licensor_of_an_in_licensed_drug_and_a_licensee_that_holds_rights_develop_it():
    assert developed(OPENING + "said it holds exclusive rights to KT-520 under a 2022 license "
                     "agreement with Osprey Biosciences, Inc. Heron Pharma Co., Ltd. "
                     "(\"Heron\"), which holds commercialization rights to KT-520 in Japan, "
                     "where the product is known as HP-77, plans a Phase 3 trial of HP-77.\n") == [
        ("Heron Pharma Co., Ltd.", "KT-520"), ("Kestrel Therapeutics, Inc.", "KT-520"),
        ("Osprey Biosciences, Inc.", "KT-520")]


def test_rights_licensed_to_a_partner_a_co_developer_and_a_licensor_named_for_the_drug():
    assert developed(OPENING + "said it holds rights to KT-610 outside Korea, where the "
                     "rights are licensed to Gannet Pharma Co., Ltd. KT-720, built on its "
                     "platform and co-developed with Petrel Bio, Inc., entered Phase 2. Kestrel "
                     "signed an exclusive license agreement with Skua Biologics Ltd. (HKEX: "
                     "9999), a company based in Hangzhou, China, for SK-33.\n") == [
        ("Gannet Pharma Co., Ltd.", "KT-610"), ("Kestrel Therapeutics, Inc.", "KT-610"),
        ("Kestrel Therapeutics, Inc.", "KT-720"), ("Kestrel Therapeutics, Inc.", "SK-33"),
        ("Petrel Bio, Inc.", "KT-720"), ("Skua Biologics Ltd.", "SK-33")]

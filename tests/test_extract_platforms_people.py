"""Platforms, payloads and people; texts written for the tests."""

from kg.extract.platforms import isotopes_in
from kg.facts import PayloadUse, PlatformUse, RoleAssignment
from tests.conftest import read_text

OPENING = "Headline\n\nOSLO, Norway, 3 March 2022 -- Skua Radiopharma ASA (OSE: SKUA) "


def test_isotope_forms_fold_to_element_mass():
    text = "Lu-177, 225Ac, [212Pb], iodine-125 and Y 90 but not COVID-19 or In 2021."
    assert [p.label for _, p in isotopes_in(text)] == [
        "lutetium-177", "actinium-225", "lead-212", "iodine-125", "yttrium-90"]


def test_a_complement_protein_a_subtype_or_a_fibrosis_stage_is_no_isotope():
    assert [p.label for _, p in isotopes_in("It blocks C5 in LGMD type 2C with F2-F3 fibrosis "
                                            "(F4), unlike F-18.")] == ["fluorine-18"]


def test_payload_and_platform_of_the_drug():
    extraction = read_text(OPENING + "said SK-77 uses its proprietary Halo platform to "
                           "deliver lutetium-177 to tumour cells.\n")
    assert [(p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)] == [
        ("SK-77", "lutetium-177")]
    assert [(p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)] == [
        ("SK-77", "Halo")]


def test_a_drug_gets_one_platform_the_most_specific():
    extraction = read_text(OPENING + "said SK-909 is an antibody-drug conjugate built on the "
                           "Corvid linker technology.\n")
    assert [p.platform for p in extraction.of_type(PlatformUse)] == ["Corvid linker"]


def roles(text: str):
    extraction = read_text(OPENING + text + "\n")
    return sorted((r.person, r.role, r.organization.name if r.organization else "")
                  for r in extraction.of_type(RoleAssignment))


def test_quote_attribution_with_organisation():
    assert roles('announced data. "We are pleased," said Ingrid Dahl, Ph.D., Chief Executive '
                 "Officer of Skua Radiopharma.") == [
        ("Ingrid Dahl", "Chief Executive Officer", "Skua Radiopharma ASA")]


def test_role_at_an_institution():
    assert roles("said Dr. Lars Berg, Professor of Oncology at Nordic University Hospital, "
                 "will lead the study.") == [
        ("Lars Berg", "Professor of Oncology", "Nordic University Hospital")]


def test_appointment_and_title_before_name():
    result = roles("announced the appointment of Maja Lund, M.D., as Chief Medical Officer. "
                   "CEO Per Holm welcomed her.")
    assert ("Maja Lund", "Chief Medical Officer", "Skua Radiopharma ASA") in result
    assert ("Per Holm", "CEO", "Skua Radiopharma ASA") in result


def test_isotope_in_the_drug_name_is_its_payload_not_other_labels():
    extraction = read_text(OPENING + "said [212Pb]SK-310 can also carry 203Pb for imaging, and "
                           "I-131-SK404 entered a trial.\n")
    assert sorted((p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)) == [
        ("I-131-SK404", "iodine-131"), ("[212Pb]SK-310", "lead-212")]


def test_named_drug_found_everywhere_once_recognised():
    extraction = read_text(OPENING + "said a dose of Skuamab-B was given. Skuamab-B uses the "
                           "radioisotope actinium-225 to kill cells.\n")
    assert [(p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)] == [
        ("Skuamab-B", "actinium-225")]


def test_chemotherapy_agents_a_drug_is_composed_of():
    extraction = read_text(OPENING + "said SK-230 is comprised of cisplatin and vinblastine "
                           "with a penetration enhancer.\n")
    assert sorted(p.payload.label for p in extraction.of_type(PayloadUse)) == [
        "cisplatin", "vinblastine"]


def test_role_then_institution_apposition():
    assert roles("said Anna Berg, MD, Chair of the Department of Surgery, The University of "
                 "Bergen Hospital (UBH), and others.") == [
        ("Anna Berg", "Chair of the Department of Surgery", "The University of Bergen Hospital")]


def test_professor_prefix_and_unknown_credentials():
    assert roles('noted "Good," said professor Eva Lind, MHCM., the leading principal '
                 "investigator for this trial.") == [
        ("Eva Lind", "leading principal investigator for this trial",
         "Skua Radiopharma ASA")]  # a role is stored without its article


def test_former_role_at_another_company():
    assert roles("said Tor Aas, formerly CEO of Fjord, a device company, has joined.") == [
        ("Tor Aas", "CEO", "Fjord")]


def test_contact_line_without_line_breaks():
    assert roles("said more. Media contact: Skua Radiopharma ASA Ola NordmannDirector Investor "
                 "RelationsTel.: +47 123") == [
        ("Ola Nordmann", "Director Investor Relations", "Skua Radiopharma ASA")]


def platforms(text: str):
    return [(p.drug.name, p.platform)
            for p in read_text(OPENING + text + "\n").of_type(PlatformUse)]


def test_a_modality_counts_only_when_it_describes_the_drug():
    assert platforms("said SK-515, an oncolytic viruses candidate, is dosed.") == [
        ("SK-515", "oncolytic virus")]
    assert platforms("said SK-515 is dosed while the field of antibody-drug conjugates "
                     "grows.") == []


def test_the_companys_named_platform_is_the_lead_drugs():
    assert platforms("said its lead candidate, SK-616, is dosed. The Company's Nordlys peptide "
                     "platform produced it.") == [("SK-616", "Nordlys peptide")]


def test_a_list_of_investigators_shares_role_and_institution():
    result = roles("runs a study under Principal Investigators, Dr. Ann Lee, Dr. Bo Kim and Dr. "
                   "Cy De Vries from the Fjord Medical Center.")
    assert result == [
        ("Ann Lee", "Principal Investigators", "Fjord Medical Center"),
        ("Bo Kim", "Principal Investigators", "Fjord Medical Center"),
        ("Cy De Vries", "Principal Investigators", "Fjord Medical Center")]


def test_earlier_roles_with_surname_reference():
    result = roles("announced the appointment of Ida Moe, Ph.D., as Chief Scientific Officer. "
                   "Dr. Moe most recently served as Chief Scientific Officer at Tern Therapeutics "
                   "and as an Executive in Residence at the studio Gull Ventures.")
    assert ("Ida Moe", "Chief Scientific Officer", "Tern Therapeutics") in result
    assert ("Ida Moe", "Executive in Residence", "Gull Ventures") in result


def test_labelled_contact_line():
    assert roles("said hello.\n\nContact Details: Per Lie\n") == [("Per Lie", "contact", "")]


def test_platform_acronym_before_candidate():
    assert platforms("said a second HALO candidate, SK-717, entered the clinic.") == [
        ("SK-717", "HALO")]


def test_proprietary_platform_in_a_company_sentence():
    assert platforms("said its lead candidate, SK-818, is dosed. Products are based on "
                     "the proprietary TTQ nanoparticle platform.") == [
        ("SK-818", "TTQ nanoparticle")]


def test_joined_as_after_a_long_apposition():
    result = roles("announced that Tor Aas, formerly CEO of Fjord, a device company, has joined "
                   "the Company as its new CEO and will lead it.")
    assert ("Tor Aas", "CEO", "Fjord") in result
    assert ("Tor Aas", "CEO", "Skua Radiopharma ASA") in result


def test_a_platform_belongs_to_the_drugs_it_lists():
    extraction = read_text(OPENING + "has developed several antibodies using its proprietary "
                           "Zentrix® platform, including SK-101, targeting CD20, and SK-202, "
                           "targeting HER2.\n")
    assert sorted((p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)) == [
        ("SK-101", "Zentrix"), ("SK-202", "Zentrix")]


def test_a_drug_named_before_a_listing_platform_does_not_take_it():
    extraction = read_text(OPENING + "said SK-300 and its proprietary Zentrix platform, "
                           "including SK-101 and SK-202, are its focus.\n")
    assert sorted((p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)) == [
        ("SK-101", "Zentrix"), ("SK-202", "Zentrix")]


def test_a_role_in_a_division_belongs_to_the_institution_named_next():
    extraction = read_text(OPENING + "reported data. “The data are encouraging,” said Pat Q. "
                           "Morrow, M.D., chief of the Division of Medical Oncology and the R.J. "
                           "Kline Cancer Center, and scientific investigator at Harbor Health.\n")
    assert [(r.person, r.role, r.organization.name)
            for r in extraction.of_type(RoleAssignment)] == [
        ("Pat Q. Morrow", "chief of the Division of Medical Oncology and scientific "
         "investigator", "Harbor Health")]


def test_an_isotope_for_imaging_is_not_a_payload():
    text = ("SK-12 can carry 203Pb, which serves to select patients and assess dosimetry, or "
            "212Pb, which is used for alpha particle therapy; 68Ga for PET imaging is separate.")
    assert [p.label for _, p in isotopes_in(text)] == ["lead-212"]


def test_a_small_molecule_is_a_drug_class_not_a_platform():
    extraction = read_text(OPENING + "said SK-31 is an oral small molecule inhibitor of KRAS.\n")
    assert extraction.of_type(PlatformUse) == []


def test_an_including_list_of_diseases_does_not_take_the_platform():
    extraction = read_text(OPENING + "said its Zentrix platform yielded SK-101 for cancers "
                           "including AML, alone or with SK-202.\n")
    assert [(p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)] == [
        ("SK-101", "Zentrix")]


def test_a_division_role_from_another_sentence_stays_where_it_was():
    extraction = read_text(OPENING + "reported data. “We are pleased,” said Pat Q. Morrow, "
                           "M.D., chief of the Division of Surgery and the Kline Cancer Center. "
                           "“The data are strong,” said Pat Q. Morrow, M.D., professor of "
                           "surgery, and investigator at Harbor Health.\n")
    roles = {(r.role, r.organization.name) for r in extraction.of_type(RoleAssignment)}
    assert ("chief", "Division of Surgery") in roles


def test_a_role_with_an_article_in_apposition():
    extraction = read_text(OPENING + "will have the results presented by Jane Doe, MD, a "
                           "professor at Foo University, in June. Dr. Ann Roe, an associate "
                           "professor of medicine at Bar College, will chair the session.\n")
    assert sorted((r.person, r.role, r.organization.name)
                  for r in extraction.of_type(RoleAssignment)) == [
        ("Ann Roe", "associate professor of medicine", "Bar College"),
        ("Jane Doe", "professor", "Foo University")]


def test_contact_lines_with_label_name_and_details_and_an_agency():
    assert roles("said hello.\n\nContacts\nInvestors: Mari Holm, mari@skua.example, "
                 "+47 555 01 234\nMedia: Lars Berg, Fjord Communications, lars@fjord.example\n"
                 ) == [("Lars Berg", "media contact", "Fjord Communications"),
                       ("Mari Holm", "investor contact", "Skua Radiopharma ASA")]


def test_an_agency_line_under_a_contact_is_the_contacts_organisation_not_a_person():
    assert roles("said hello.\n\nMedia Contact:\nLars Berg\nFjord Communications\n"
                 "lars@fjord.example\n") == [("Lars Berg", "media contact", "Fjord Communications")]


def test_a_role_ends_where_the_telephone_number_starts():
    assert roles("said hello.\n\nCONTACT: Mari Holm, Vice President, Investor Relations, "
                 "+47 555 01 234, ir@skua.example\n") == [
        ("Mari Holm", "Vice President, Investor Relations", "Skua Radiopharma ASA")]


def test_a_payload_class_followed_by_the_agent_it_introduces_is_one_payload():
    extraction = read_text(OPENING + "said SK-310 is an antibody-drug conjugate carrying a "
                           "topoisomerase I inhibitor payload, exatecan, to tumours. SK-311 is "
                           "an ADC with a tubulin inhibitor payload.\n")
    assert sorted((p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)) == [
        ("SK-310", "exatecan"), ("SK-311", "tubulin inhibitor")]


def test_an_appointment_in_a_bullet_that_opens_with_the_verb():
    assert roles("reported results.\n\n• Appointed Maja Berg, Ph.D., as Chief Operating "
                 "Officer.\n") == [("Maja Berg", "Chief Operating Officer",
                                    "Skua Radiopharma ASA")]


def test_a_promotion_in_the_passive_and_a_role_held_as_the_companys():
    assert roles("said Maja Berg has been promoted to Chief Commercial Officer. Dr. Lars "
                 "Holm, the company's founder and Chief Scientific Officer, will speak.") == [
        ("Lars Holm", "founder and Chief Scientific Officer", "Skua Radiopharma ASA"),
        ("Maja Berg", "Chief Commercial Officer", "Skua Radiopharma ASA")]


def test_a_title_line_under_a_contact_is_the_contacts_role_not_a_person():
    assert roles("said hello.\n\nInvestor Contact:\nMari Holm\nVice President, Investor "
                 "Relations\nSkua Radiopharma ASA\nir@skua.example\n\nMedia Contact:\nLars "
                 "Berg\nChief Communications Officer\nlars@skua.example\n") == [
        ("Lars Berg", "Chief Communications Officer", "Skua Radiopharma ASA"),
        ("Mari Holm", "Vice President, Investor Relations", "Skua Radiopharma ASA")]


def test_a_contact_named_with_the_title_on_one_line_and_a_media_agency():
    assert roles("said hello.\n\nContacts\nSkua Radiopharma ASA\nPer Lie, Chief Financial "
                 "Officer\nper@skua.example\n\nMedia enquiries:\nAnna Vik\nFjordlys Media\n"
                 "+47 555 01 999\n") == [("Anna Vik", "media contact", "Fjordlys Media"),
                                         ("Per Lie", "Chief Financial Officer",
                                          "Skua Radiopharma ASA")]



def test_ascii_trademark_signs_keep_the_platform_name_whole():
    extraction = read_text(OPENING + "said SK-31 is built on its NordLink(TM) ADC platform. "
                           "SK-32 uses the Polar(R) technology.\n")
    assert sorted((p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)) == [
        ("SK-31", "NordLink ADC"), ("SK-32", "Polar")]


def test_a_platform_named_with_its_acronym_after_a_possessive():
    extraction = read_text(OPENING + "said SK-40 is built on Skua’s Tumour Seeking Ligand "
                           "(TSL) platform.\n")
    assert [(p.drug.name, p.platform) for p in extraction.of_type(PlatformUse)] == [
        ("SK-40", "Tumour Seeking Ligand")]


def test_surnames_with_an_inner_capital():
    assert roles('said hello. "Good," said Dr. Ewan MacKay, Chief Scientific Officer of Skua '
                 "Radiopharma. Siobhan O’Brien, Chief Financial Officer, agreed.") == [
        ("Ewan MacKay", "Chief Scientific Officer", "Skua Radiopharma ASA"),
        ("Siobhan O’Brien", "Chief Financial Officer", "Skua Radiopharma ASA")]


def test_a_byline_with_the_authors_title_names_no_outlet_or_company():
    extraction = read_text("Daily Pharma Wire\n\nQuill's pill passes its test, with questions "
                           "left open\n\nBy Nora Quist, Senior Biotech Reporter\n\nMay 2, 2025"
                           "\n\nQuill Biosciences said Friday that QL-77 met its goal in a "
                           "Phase 2 study.\n")
    assert [(r.person, r.role, r.organization) for r in extraction.of_type(RoleAssignment)] \
        == [("Nora Quist", "Senior Biotech Reporter", None)]
    assert extraction.disclosure.issuer.name == "Quill Biosciences"


def test_an_isotope_of_a_prior_treatment_is_no_payload_nor_a_class_after_its_agent():
    extraction = read_text(OPENING + "said SK-50 delivers lutetium-177 to patients who "
                           "progressed after prior treatment with an actinium-225 radioligand. "
                           "SK-60 is an antibody-"
                           "drug conjugate that delivers exatecan, a topoisomerase I inhibitor "
                           "payload.\n")
    assert sorted((p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)) == [
        ("SK-50", "lutetium-177"), ("SK-60", "exatecan")]


def test_enquiries_headings_titles_with_commas_agencies_and_departments():
    assert roles("said hello.\n\nInvestor enquiries:\nMads Berg, SVP, Investor Relations, "
                 "+47 555 01 234\nInvestors: Ane Lau, Chief Financial Officer, ane@skua.example"
                 "\n\nMedia enquiries:\nLuis Vik, Fjordlys Partners\nInvestor Relations\n"
                 "Corporate Communications\n") == [
        ("Ane Lau", "Chief Financial Officer", "Skua Radiopharma ASA"),
        ("Luis Vik", "media contact", "Fjordlys Partners"),
        ("Mads Berg", "SVP, Investor Relations", "Skua Radiopharma ASA")]


def test_related_links_after_the_contacts_name_nobody():
    assert roles("said hello.\n\nMedia Contact:\nLars Berg\nFjord Communications\n\nRelated "
                 "Links\n\nSkua Radiopharma Website\n\nMore News From Skua Radiopharma\n") == [
        ("Lars Berg", "media contact", "Fjord Communications")]


def test_an_appointment_of_several_people_gives_each_their_role():
    assert roles("announced the appointment of Ane Lie, M.D., as Chief Medical Officer and Per "
                 "Dahl as Chief Financial Officer, and of Dr. Ola Vik as a Non-Executive "
                 "Director.") == [
        ("Ane Lie", "Chief Medical Officer", "Skua Radiopharma ASA"),
        ("Ola Vik", "Non-Executive Director", "Skua Radiopharma ASA"),
        ("Per Dahl", "Chief Financial Officer", "Skua Radiopharma ASA")]


def test_a_labelled_contacts_agency_without_a_sector_word():
    assert roles("said hello.\n\nContacts\nMedia: Anna Vik, Nordlys Kommunikasjon, "
                 "anna@nordlys.example\n") == [
        ("Anna Vik", "media contact", "Nordlys Kommunikasjon")]


def test_a_contact_heading_is_nobody_and_an_agency_spelled_by_the_address_is_nobody():
    assert roles("said hello.\n\nInvestor Contact\nMari Holm\nTidewater Lane\n"
                 "mari@tidewaterlane.example\n") == [
        ("Mari Holm", "investor contact", "Tidewater Lane")]


def test_people_under_an_organisations_heading_line():
    assert roles("said hello.\n\nContacts\n\nHarbour Row Securities (Nominated Adviser)\n"
                 "Alice Grant / Tom Reid\n\nVesterhav Biotech AS\nMedia: Lars Berg, Director "
                 "of Public Affairs\nlars@vesterhav.example\n") == [
        ("Alice Grant", "Nominated Adviser", "Harbour Row Securities"),
        ("Lars Berg", "Director of Public Affairs", "Vesterhav Biotech AS"),
        ("Tom Reid", "Nominated Adviser", "Harbour Row Securities")]


def test_bylines_with_a_title_and_an_outlet_or_an_outlet_after_a_slash():
    for line, expected in (("By Lee Min-jun, Senior Correspondent, Asia Pharma Ledger",
                            ("Lee Min-jun", "Senior Correspondent", "Asia Pharma Ledger")),
                           ("By Nora Quist / Harbour Report",
                            ("Nora Quist", "author", "Harbour Report"))):
        extraction = read_text(f"Daily Pharma Wire\n\nQuill's pill passes\n\n{line}\n\nMay 2, "
                               "2025\n\nQuill Biosciences said Friday that QL-77 met its goal "
                               "in a Phase 2 study.\n")
        assert [(r.person, r.role, r.organization.name if r.organization else "")
                for r in extraction.of_type(RoleAssignment)] == [expected]


def test_a_label_over_a_group_of_contacts_gives_their_role():
    assert roles("said hello.\n\nInvestor Relations:\nMari Holm\nHarbour Row Capital Markets\n"
                 "mari@harbourrow.example\n\nMedia & Investor Relations\nLars Berg\n"
                 "lars@skua.example\n") == [
        ("Lars Berg", "media and investor relations contact", "Skua Radiopharma ASA"),
        ("Mari Holm", "investor relations contact", "Harbour Row Capital Markets")]


def test_drugs_listed_as_one_subject_share_a_platform_and_each_clause_has_its_own():
    assert platforms("said SK-71 and SK-72 are built on Skua's Tern(TM) chelator platform. "
                     "SK-80 was engineered using its Gull bispecific platform, and SK-90 was "
                     "built on its Kite conjugation platform.") == [
        ("SK-71", "Tern chelator"), ("SK-72", "Tern chelator"), ("SK-80", "Gull bispecific"),
        ("SK-90", "Kite conjugation")]


def test_labelled_contact_lines_without_a_contacts_heading_after_the_safe_harbour():
    assert roles("said hello.\n\nForward-Looking Statements\nThis release has forward-looking "
                 "statements about the future of the company.\n"
                 "Investor Contact: Mari Holm, Tern Advisors, mari@tern.example, +47 555 01 234\n"
                 "Media Contact: Lars Berg, Skua Radiopharma, lars@skua.example\n") == [
        ("Lars Berg", "media contact", "Skua Radiopharma ASA"),
        ("Mari Holm", "investor contact", "Tern Advisors")]


def test_contacts_under_a_please_contact_heading_and_a_label_with_a_region():
    assert roles("said hello.\n\nFor further information, please contact:\n\nSkua Radiopharma\n"
                 "Mari Holm, Director of Investor Relations\n+47 555 01 234\n\n"
                 "Media (international)\nLars Berg\nFjord Partners\n+47 555 09 876\n") == [
        ("Lars Berg", "media contact", "Fjord Partners"),
        ("Mari Holm", "Director of Investor Relations", "Skua Radiopharma ASA")]


def test_a_link_under_the_contacts_is_no_person():
    assert roles("said hello.\n\nFor more information, please contact:\n\nMari Holm\n"
                 "mari@skua.example\n\n[Social Post](https://social.example/p/1)\n") == [
        ("Mari Holm", "contact", "Skua Radiopharma ASA")]


def test_a_name_shaped_line_without_title_agency_or_details_under_the_contacts_is_no_person():
    assert roles("said hello.\n\nFor more information, please contact:\n\nMari Holm\n"
                 "mari@skua.example\n\n\n\n\nSocial Post\n") == [
        ("Mari Holm", "contact", "Skua Radiopharma ASA")]


def test_a_drug_derived_from_a_named_platform_takes_it():
    assert sorted(platforms("said SK-616 was engineered on its NORDLYS™ peptide platform. Its "
                            "pipeline also includes SK-620, a NORDLYS-derived binder, and SK-630, "
                            "the first conjugate from NORDLYS.")) == [
        ("SK-616", "NORDLYS peptide"), ("SK-620", "NORDLYS peptide"),
        ("SK-630", "NORDLYS peptide")]


def test_a_platform_marked_tm_in_parentheses_in_a_sentence_opened_by_it():
    assert platforms("announced news. SK-515 is a radioligand therapy. It is built on Skua's "
                     "proprietary LatchCage(TM) chelation platform, which holds the isotope.") == [
        ("SK-515", "LatchCage chelation")]
    assert platforms("announced news. SK-515 is a radioligand therapy. Its partner, Tern, "
                     "sells kits. It is built on Tern's ZoomCage(TM) platform.") == [
        ("SK-515", "radioligand therapy")]


def test_an_appointees_board_seat_and_an_appointment_to_the_board():
    result = roles("announced that its Board has appointed Maja Lund, M.D., as President and "
                   "Chief Executive Officer and as a member of the Board, effective May 1. It "
                   "also announced the appointment of Eva Dahl, Ph.D., the Berg Professor of "
                   "Chemistry at Lund University, to the Board of Directors.")
    skua = "Skua Radiopharma ASA"
    assert ("Maja Lund", "President and Chief Executive Officer", skua) in result
    assert ("Maja Lund", "member of the Board", skua) in result
    assert ("Eva Dahl", "member of the Board of Directors", skua) in result


def test_an_organisations_heading_with_its_telephone_and_names_sharing_a_role():
    assert roles("said hello, in a paragraph long enough that nobody could take this short "
                 "release for text wrapped at a fixed width by an e-mail program or EDGAR."
                 "\n\nEnquiries:\n\nSkua Radiopharma ASA      +47 22 00 00 00\n"
                 "Dr Maja Lund, Chief Executive Officer\n\n"
                 "Harbour Row Securities (Nominated Adviser)     +44 (0)20 7000 0000\n"
                 "Alice Grant / Tom Reid (Corporate Finance)\n\n"
                 "Quayside Communications (Financial PR)     +44 (0)20 7000 0001\n"
                 "Jon Ek\n") == [
        ("Alice Grant", "Corporate Finance", "Harbour Row Securities"),
        ("Jon Ek", "Financial PR", "Quayside Communications"),
        ("Maja Lund", "Chief Executive Officer", "Skua Radiopharma ASA"),
        ("Tom Reid", "Corporate Finance", "Harbour Row Securities")]


def test_programs_listed_as_built_on_a_camel_case_brand_and_one_said_to_be_a_brand_product():
    assert sorted(platforms(
        "announced news. Skua's SnapCage™ chelator platform yields stable ligands; programs "
        "built on SnapCage include SK-515, SK-520 and SK-530, a preclinical therapy. Its "
        "second program, SK-610, is a SnapCage peptide for imaging.")) == [
        ("SK-515", "SnapCage chelator"), ("SK-520", "SnapCage chelator"),
        ("SK-530", "SnapCage chelator"), ("SK-610", "SnapCage chelator")]


def test_an_isotope_in_an_apposition_is_the_payload_of_the_drug_it_describes():
    extraction = read_text(OPENING + "said programs built on its platform include SK-515, "
                           "SK-520 and SK-530, an actinium-225-labeled therapy in IND-enabling "
                           "studies.\n")
    assert [(p.drug.name, p.payload.label) for p in extraction.of_type(PayloadUse)] == [
        ("SK-530", "actinium-225")]


def test_drugs_tied_to_a_camel_case_brand_by_a_verb_a_programme_or_a_using_clause():
    assert sorted(platforms(
        "announced news. SK-515 is built with Skua's LockStep™ chelator technology, which "
        "holds the isotope. Its companion agent, SK-516, uses the same LockStep chelator. "
        "Skua's second LockStep programme, SK-610, enters the clinic next year. Using its "
        "LockStep platform, Skua is developing SK-701 and SK-702, a preclinical conjugate.")) == [
        ("SK-515", "LockStep chelator"), ("SK-516", "LockStep chelator"),
        ("SK-610", "LockStep chelator"), ("SK-701", "LockStep"), ("SK-702", "LockStep chelator")]


def test_the_molecule_of_the_next_sentence_is_the_drug_that_opened_the_one_before():
    assert platforms("announced news. SK-515 is a radioligand for prostate cancer. The "
                     "molecule was designed using the Company's SeaLink(TM) ligand "
                     "platform.") == [("SK-515", "SeaLink ligand")]


def test_a_quoted_specialist_with_an_academic_title_where_the_centre_is_and_a_second_role():
    assert roles('reported data. "It works," said Associate Professor Ana Lind, radiologist at '
                 'Bergen Cancer Centre in Bergen and national lead investigator for SK-515. '
                 '"More soon."') == [("Ana Lind", "radiologist", "Bergen Cancer Centre")]


def test_a_contacts_title_line_ending_with_the_firm_gives_title_and_firm():
    assert roles("said hello.\n\nInvestor Contact:\nLars Berg\nManaging Director, Fjord Partners\n"
                 "lars@fjord.example\n\nMedia Contact:\nMari Holm\nVice President, Corporate "
                 "Communications\nmari@skua.example\n") == [
        ("Lars Berg", "Managing Director", "Fjord Partners"),
        ("Mari Holm", "Vice President, Corporate Communications", "Skua Radiopharma ASA")]


def test_a_quoted_investigator_of_a_hospital_with_the_role_after_it():
    assert roles('reported data. "It works," said Professor Kim Dae-ho of the Department of '
                 'Oncology, Busan Central Hospital, the lead investigator of the SK-515 '
                 'study.') == [
        ("Kim Dae-ho", "lead investigator of the SK-515 study", "Busan Central Hospital")]


def test_a_list_of_members_each_with_a_role_after_a_dash():
    assert roles("formed a clinical advisory board. Its members are:\n\n"
                 "- Ada Quist, Ph.D. – Associate Professor of Oncology at Fjord University, "
                 "whose group studies tumour immunity.\n"
                 "- Per Holm, M.D. (Chair) – Director of the Sarcoma Center at Vik Hospital and "
                 "Professor of Surgery at Fjord University.\n") == [
        ("Ada Quist", "Associate Professor of Oncology", "Fjord University"),
        ("Per Holm", "Director of the Sarcoma Center", "Vik Hospital"),
        ("Per Holm", "Professor of Surgery", "Fjord University")]


def test_a_company_function_after_a_title_is_no_person():
    assert roles("said the data will be presented by Ola Berg, M.D., Executive Vice "
                 "President, Clinical Development at Skua, at a meeting.\n") == [
        ("Ola Berg", "Executive Vice President, Clinical Development", "Skua Radiopharma ASA")]

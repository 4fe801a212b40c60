"""Appointments and the careers they describe: joins, successions, past roles, titles
before names; texts written for the tests."""

from kg.facts import RoleAssignment
from tests.conftest import read_text

OPENING = "Skua Bio News\n\nBOSTON, March 3, 2022 -- Skua Bio, Inc. (Nasdaq: SKUA) "


def roles(text: str, headline: str = "Skua Bio News"):
    extraction = read_text(OPENING.replace("Skua Bio News", headline) + text + "\n")
    return sorted((r.person, r.role, r.organization.name if r.organization else "")
                  for r in extraction.of_type(RoleAssignment))


def test_a_person_who_joined_the_company_with_a_legal_suffix():
    assert roles("announced that Nora Lind has joined Skua Bio, Inc. as Chief Financial "
                 "Officer.") == [("Nora Lind", "Chief Financial Officer", "Skua Bio, Inc.")]


def test_past_roles_where_she_served_and_previously_held():
    assert roles("named Nora Lind Chief Financial Officer. Ms. Lind joins from Tern "
                 "Pharmaceuticals, where she served as Senior Vice President of Finance. "
                 "Previously, she was a Managing Director at Gullwing Capital. Per Holm "
                 "previously served as Vice President at Osprey Therapeutics.") == [
        ("Nora Lind", "Chief Financial Officer", "Skua Bio, Inc."),
        ("Nora Lind", "Managing Director", "Gullwing Capital"),
        ("Nora Lind", "Senior Vice President of Finance", "Tern Pharmaceuticals"),
        ("Per Holm", "Vice President", "Osprey Therapeutics")]


def test_a_headline_that_names_two_appointees_without_as():
    assert roles("announced the changes.", headline="Skua Bio Names Nora Lind Chief Financial "
                 "Officer and Appoints Per Holm Chief Medical Officer") == [
        ("Nora Lind", "Chief Financial Officer", "Skua Bio, Inc."),
        ("Per Holm", "Chief Medical Officer", "Skua Bio, Inc.")]


def test_titles_before_the_name_with_the_company_first():
    assert roles("reported results, said Skua's chief executive, Per Holm. \"We grew,\" said "
                 "Skua chair Eva Dahl.") == [("Eva Dahl", "chair", "Skua Bio, Inc."),
                                             ("Per Holm", "chief executive", "Skua Bio, Inc.")]


def test_two_people_added_as_directors_and_the_people_a_successor_replaces():
    assert roles("announced the addition of Eva Dahl and Jon Berg, M.D., as independent "
                 "directors. Dr. Dahl succeeds co-founder Ola Nes, Ph.D., who will remain an "
                 "advisor. She replaces interim Chief Financial Officer Kari Moe.") == [
        ("Eva Dahl", "independent director", "Skua Bio, Inc."),
        ("Jon Berg", "independent director", "Skua Bio, Inc."),
        ("Kari Moe", "interim Chief Financial Officer", "Skua Bio, Inc."),
        ("Ola Nes", "co-founder", "Skua Bio, Inc.")]


def test_the_officer_who_signed_an_8k_with_the_title_under_the_signature():
    for block in ("By: /s/ Nora Lind\nName: Nora Lind\nTitle: Chief Financial Officer",
                  "Date: March 3, 2022 By: /s/ Nora Lind\nNora Lind\nChief Financial Officer"):
        assert roles("reported results.\n\nSIGNATURE\n\nSKUA BIO, INC.\n\n" + block) == [
            ("Nora Lind", "Chief Financial Officer", "Skua Bio, Inc.")]


def test_the_chair_of_the_board_of_directors_of_the_company_is_the_companys():
    assert roles('reported results. "We grew," said Eva Dahl, Chair of the Board of Directors '
                 "of Skua Bio, Inc.") == [
        ("Eva Dahl", "Chair of the Board of Directors", "Skua Bio, Inc.")]


def test_two_appointees_one_with_two_titles_and_a_board_seat():
    assert roles("announced that its Board has appointed Nora Lind, Ph.D., as President and "
                 "Chief Executive Officer and a member of the Board, and Per Holm as Chief "
                 "Financial Officer, each effective June 1.") == [
        ("Nora Lind", "President and Chief Executive Officer", "Skua Bio, Inc."),
        ("Nora Lind", "member of the Board", "Skua Bio, Inc."),
        ("Per Holm", "Chief Financial Officer", "Skua Bio, Inc.")]


def test_the_person_succeeded_with_the_role_they_have_served_in():
    assert roles("named Nora Lind as Chief Executive Officer. Ms. Lind succeeds Eva Dahl, M.D., "
                 "who has served as Interim Chief Executive Officer since May.") == [
        ("Eva Dahl", "Interim Chief Executive Officer", "Skua Bio, Inc."),
        ("Nora Lind", "Chief Executive Officer", "Skua Bio, Inc.")]


def test_an_appointee_described_by_a_former_role_and_directors_who_left_the_board():
    assert roles("said the Board appointed Ida Berg, the former Chief Commercial Officer of "
                 "Tern Biologics, as an independent director. Ole Moe, a Partner at Gull "
                 "Ventures, and Kari Vik, M.D., have resigned from the Board.") == [
        ("Ida Berg", "former Chief Commercial Officer", "Tern Biologics"),
        ("Ida Berg", "independent director", "Skua Bio, Inc."),
        ("Kari Vik", "director", "Skua Bio, Inc."),
        ("Ole Moe", "Partner", "Gull Ventures"),
        ("Ole Moe", "director", "Skua Bio, Inc.")]


def test_a_title_named_without_as_is_not_part_of_the_name():
    assert roles("has named Nora Lind Chief Executive Officer, effective June 1.") == [
        ("Nora Lind", "Chief Executive Officer", "Skua Bio, Inc.")]


def test_a_patient_groups_director_is_the_groups():
    assert roles("said hello. \"A milestone,\" said Eva Dahl, Executive Director of the Fjord "
                 "Family Alliance.") == [
        ("Eva Dahl", "Executive Director", "Fjord Family Alliance")]


def test_a_capitalised_title_after_the_companys_possessive_names_the_speaker():
    assert roles("reported data. \"We will keep going,\" added Skua's Chief Medical Officer, "
                 "Eva Dahl, M.D.") == [("Eva Dahl", "Chief Medical Officer", "Skua Bio, Inc.")]


def test_the_person_succeeded_who_is_retiring_from_a_role():
    assert roles("named Nora Lind as Chief Medical Officer. She succeeds Dr. Ole Moe, who is "
                 "retiring as Chief Medical Officer after nine years with the Company.") == [
        ("Nora Lind", "Chief Medical Officer", "Skua Bio, Inc."),
        ("Ole Moe", "Chief Medical Officer", "Skua Bio, Inc.")]


def test_an_adjective_before_a_capitalised_title_is_no_organisation():
    assert roles("named a chief.\n\nNew CEO Nora Lind will lead the company.") == []


def test_a_predecessor_who_founded_the_company_and_will_become_its_chair():
    assert roles("named Nora Lind as Chief Executive Officer. She succeeds Ole Moe, Ph.D., who "
                 "co-founded Skua in 2012 and has served as its President since inception. "
                 "Dr. Moe will become Executive Chair of the Board on the same date.") == [
        ("Nora Lind", "Chief Executive Officer", "Skua Bio, Inc."),
        ("Ole Moe", "Executive Chair of the Board", "Skua Bio, Inc."),
        ("Ole Moe", "President", "Skua Bio, Inc."),
        ("Ole Moe", "co-founder", "Skua Bio, Inc.")]


def test_a_chair_who_has_served_since_a_year_and_a_director_retiring_from_the_board():
    assert roles("reshaped its board.\n\nEva Dahl, who has served as Chair of the Board since "
                 "2019, will become Lead Independent Director. Kari Vik fills the seat of Per "
                 "Holm, Ph.D., who is retiring from the Board after nine years.") == [
        ("Eva Dahl", "Chair of the Board", "Skua Bio, Inc."),
        ("Eva Dahl", "Lead Independent Director", "Skua Bio, Inc."),
        ("Per Holm", "director", "Skua Bio, Inc.")]


def test_a_director_who_will_chair_a_committee_and_sits_on_another_board():
    assert roles("appointed Kari Vik as an independent director. Ms. Vik will chair the Audit "
                 "Committee. She currently serves on the board of directors of Tern Genomics.") \
        == [("Kari Vik", "chair of the Audit Committee", "Skua Bio, Inc."),
            ("Kari Vik", "director", "Tern Genomics"),
            ("Kari Vik", "independent director", "Skua Bio, Inc.")]


def test_an_appointment_without_as_and_successors_named_by_their_current_roles():
    assert roles("announced board changes.\n\nDr Nora Lind has been appointed Chief Medical "
                 "Officer with effect from 3 February. Dr Eva Dahl, currently Senior Independent "
                 "Director, will succeed him as Non-Executive Chair. Professor Ole Moe will "
                 "continue to support the Company as Chair of its Scientific Advisory Board.") \
        == [("Eva Dahl", "Non-Executive Chair", "Skua Bio, Inc."),
            ("Eva Dahl", "Senior Independent Director", "Skua Bio, Inc."),
            ("Nora Lind", "Chief Medical Officer", "Skua Bio, Inc."),
            ("Ole Moe", "Chair of its Scientific Advisory Board", "Skua Bio, Inc.")]


def test_an_institutions_name_before_a_role_is_no_person():
    assert roles("reported data. Professor Ji Park of the Department of Oncology at Busan "
                 "National University Hospital, principal investigator of the trial, said, "
                 "\"It works.\"") == []


def test_a_title_of_a_unit_and_another_title_of_the_company():
    assert roles("reported data. \"It works,\" said Ole Moe, M.D., President of U.S. Operations "
                 "and Chief Medical Officer of Skua.") == [
        ("Ole Moe", "President of U.S. Operations and Chief Medical Officer", "Skua Bio, Inc.")]

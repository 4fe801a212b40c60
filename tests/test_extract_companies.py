"""Issuer, listings and organisation names, on short texts written for these tests."""

from kg.documents import document_from_bytes
from kg.extract.companies import find_issuer, find_listings, organization_names
from kg.sections import structure


def issuer_of(text: str):
    return find_issuer(structure(document_from_bytes("t.txt", text.encode())))


def test_listing_forms():
    cases = {
        "(Nasdaq: ABCD)": [("ABCD", "nasdaq")],
        "(NASDAQ:XYZ)": [("XYZ", "nasdaq")],
        "(NYSE American: QRS)": [("QRS", "nyse-american")],
        "(TSX-V: LMN; OTCQB: LMNOF)": [("LMN", "tsxv"), ("LMNOF", "otc")],
        "(1234.HK)": [("1234.HK", "hkex")],
        "(Euronext Paris: ABCD – FR0000000001)": [("ABCD", "euronext")],
    }
    for text, expected in cases.items():
        [mention] = find_listings(text)
        assert [(lst.ticker, lst.exchange) for lst in mention.listings] == expected, text


def test_parenthesis_without_exchange_is_not_a_listing():
    assert find_listings("(see: Appendix)") == []
    assert find_listings("(the Company)") == []


def test_issuer_is_the_company_before_the_listing():
    org, listings = issuer_of(
        "Quill Bio Reports Data\n\nDENVER, Colo., May 2, 2023 (GLOBE NEWSWIRE) -- Quillon "
        "Therapeutics, Inc. (Nasdaq: QLLN), a clinical-stage company, today announced data.\n")
    assert org.name == "Quillon Therapeutics, Inc."
    assert [(lst.ticker, lst.exchange_name) for lst in listings] == [("QLLN", "Nasdaq")]


def test_issuer_name_does_not_reach_into_the_headline():
    org, _ = issuer_of("# Big News For Cancer Drug AB-12\n\nOrlan Biosciences Inc. (NYSE: ORL) "
                       "today announced results.\n")
    assert org.name == "Orlan Biosciences Inc."


def test_issuer_without_listing_is_the_first_company_named():
    org, listings = issuer_of("Headline here\n\nPetrel Pharmaceuticals, a private company, "
                              "announced a financing.\n")
    assert org.name == "Petrel Pharmaceuticals"
    assert listings == ()


def test_organization_names_need_a_suffix_or_sector_word():
    names = [n for _, _, n in organization_names(
        "Data from Acme Oncology and Borealis Health AG were shared with Steven Smith.")]
    assert names == ["Acme Oncology", "Borealis Health AG"]


def dateline_of(line: str):
    from kg.sections import match_dateline

    return match_dateline(line)


def test_datelines_with_weekday_and_source_in_parentheses():
    found = dateline_of("Provo, Utah (Wirefeed.io) Monday Feb 3, 2025 @ 9:00 AM — Acme Bio said")
    assert (found.city, found.date) == ("Provo, Utah", "2025-02-03")


def test_a_sentence_with_a_date_is_not_a_dateline():
    assert dateline_of("Webinar to be hosted on 11 November 2025 at 05:00 pm CET") is None


def test_issuer_before_a_parenthetical_alias_and_listing():
    org, listings = issuer_of('Head\n\nTORONTO -- Maple Biologics, Inc. ("Maple" or the '
                              '"Company") (TSX: MPL), a company, today said.\n')
    assert org.name == "Maple Biologics, Inc."
    assert [lst.ticker for lst in listings] == ["MPL"]


def test_an_organization_name_wraps_a_line_but_never_a_blank_line():
    names = [n for _, _, n in organization_names(
        "About Orbis Biologics\n\nOrbis Biologics B.V. is a partner of Acme Bio,\nInc. today.")]
    assert names == ["Orbis Biologics", "Orbis Biologics B.V.", "Acme Bio, Inc."]


def test_long_runs_of_spaces_between_capitalised_words_are_read_at_once():
    # each gap could be split between the space patterns in many ways: exponential before
    text = " ".join(["Alpha" + " " * 24] * 7) + "Therapeutics"
    assert [n for _, _, n in organization_names(text)] == ["Alpha Alpha Alpha Alpha Therapeutics"]


def test_a_company_limited_by_two_suffixes_keeps_both_and_its_listing():
    org, listings = issuer_of(
        "Heron Data\n\nSUZHOU, China, May 2, 2023 -- Heron Biologics Co., Ltd. (HKEX: 6123) "
        "today announced data.\n")
    assert org.name == "Heron Biologics Co., Ltd."
    assert [(lst.ticker, lst.exchange) for lst in listings] == [("6123", "hkex")]


def test_a_wire_dateline_without_a_date_takes_the_release_time_line_above_it():
    from kg.sections import structure as structure_of

    found = structure_of(document_from_bytes("t.txt", (
        b"Lark Bio Reports Data\n\nMarch 9, 2025 07:00 AM Eastern Daylight Time\n\n"
        b"DENVER--(BUSINESS WIRE)--Lark Bio, Inc. (Nasdaq: LRKB) today reported data.\n"
    ))).dateline
    assert (found.city, found.date, found.wire) == ("DENVER", "2025-03-09", "Business Wire")


def test_a_company_name_with_accented_letters_is_whole():
    issuer, listings = issuer_of("Headline\n\nLYON, France, 3 March 2025 -- Brûlée "
                                 "Thérapeutique SA (Euronext: BRUL) today said BRU-12 began.\n")
    assert issuer.name == "Brûlée Thérapeutique SA"
    assert [listing.ticker for listing in listings] == ["BRUL"]


def test_a_sentence_ending_after_an_undotted_suffix_keeps_its_period_out():
    assert [n for _s, _e, n in organization_names("We signed with Plover Pharma AG. "
                                                   "Acme Inc. agreed.")] == [
        "Plover Pharma AG", "Acme Inc."]


def test_a_place_the_company_is_based_in_is_not_part_of_its_name():
    org, _ = issuer_of("Kestrel Reports\n\nPERTH, Australia, May 2, 2023 -- Perth-based Kestrel "
                       "Biotech Ltd (ASX: KBL) today announced results.\n")
    assert org.name == "Kestrel Biotech Ltd"


def test_of_two_equally_full_forms_the_issuer_is_named_by_the_first_used():
    first = issuer_of("Skua News\n\nOSLO, March 3, 2022 -- Skua Bio, Inc (Nasdaq: SKUA) said "
                      "hello. Skua Bio Inc. is based in Oslo.\n")
    second = issuer_of("Skua News\n\nOSLO, March 3, 2022 -- Skua Bio Inc. (Nasdaq: SKUA) said "
                       "hello. Skua Bio, Inc is based in Oslo.\n")
    assert (first[0].name, second[0].name) == ("Skua Bio, Inc", "Skua Bio Inc.")

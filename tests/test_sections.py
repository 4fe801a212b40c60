"""Document layout: headline, dateline, sentences with offsets, and the sections that follow
the body ("About …", forward-looking statements, contacts)."""

from __future__ import annotations

import pytest
from conftest import RELEASE
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.documents import document_from_bytes
from kg.sections import (
    ABOUT,
    BODY,
    BULLET,
    CONTACTS,
    FORWARD_LOOKING,
    HEADLINE,
    Dateline,
    match_dateline,
    split_sentences,
    structure,
)


def layout(text: str):
    return structure(document_from_bytes("t.txt", text.encode("utf-8")))


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, 0, len(text), BODY, 0)]


@pytest.mark.parametrize(("line", "expected"), [
    ("MADISON, Wis., Nov. 07, 2017 (GLOBE NEWSWIRE) -- Acme Inc. today announced",
     Dateline("MADISON, Wis.", "2017-11-07", "GlobeNewswire")),
    ("ATLANTA, GA - September 15, 2025 (NEWMEDIAWIRE) - Acme today announced",
     Dateline("ATLANTA, GA", "2025-09-15", "NewMediaWire")),
    ("Oslo, Norway, 22 June 2021", Dateline("Oslo, Norway", "2021-06-22", "")),
    ("Oslo, Norway, 22 June 2021 - Acme ASA today announced",
     Dateline("Oslo, Norway", "2021-06-22", "")),
    ("NEW YORK, Jan. 5, 2023 /PRNewswire/ -- Acme announced",
     Dateline("NEW YORK", "2023-01-05", "PR Newswire")),
    ("SAN DIEGO--(BUSINESS WIRE)--March 3, 2024--Acme announced",
     Dateline("SAN DIEGO", "2024-03-03", "Business Wire")),
    ("Cambridge, UK, 3rd March 2024: Acme announced",
     Dateline("Cambridge, UK", "2024-03-03", "")),
    ("Boston, MA, 2024-03-03 -- Acme announced", Dateline("Boston, MA", "2024-03-03", "")),
    ("DENVER and TOKYO, Feb. 2, 2025 /PRNewswire/ -- Acme announced",
     Dateline("DENVER and TOKYO", "2025-02-02", "PR Newswire")),
    ("Lyon, France, 17 November 2025, 7:30 am CET – Acme SA today announced",
     Dateline("Lyon, France", "2025-11-17", "")),
    ("Basel, Switzerland, March 4, 2025 at 07.00 (CET) - Acme AG announced",
     Dateline("Basel, Switzerland", "2025-03-04", "")),
    ("SEOUL, South Korea, March 4, 2025 /EINPresswire.com/ -- Acme Co. announced",
     Dateline("SEOUL, South Korea", "2025-03-04", "EINPresswire.com")),
    ("Paris, France, 27.08.2024 -- Acme SA announced", Dateline("Paris, France", "2024-08-27", "")),
    ("VANCOUVER, BC / ACCESSWIRE / July 22, 2025 / Acme Bio Inc. is pleased to announce",
     Dateline("VANCOUVER, BC", "2025-07-22", "ACCESSWIRE")),
    ("TORONTO, Ontario--(Newsfile Corp. - May 2, 2024) - Acme Corp. announced",
     Dateline("TORONTO, Ontario", "2024-05-02", "Newsfile Corp.")),
])
def test_datelines_in_the_usual_wire_forms(line: str, expected: Dateline):
    assert match_dateline(line) == expected


@pytest.mark.parametrize("line", [
    "The trial began on March 3, 2024 in Boston.",
    "BOSTON, Mass., Feb. 30, 2024 (GLOBE NEWSWIRE) -- an impossible date",
    "Acme Bio Announces Results",
])
def test_lines_that_are_not_datelines(line: str):
    assert match_dateline(line) is None


def test_the_release_date_comes_from_the_dateline_in_the_body():
    text = "Acme Announces Results\n\nMADISON, Wis., Nov. 07, 2017 (GLOBE NEWSWIRE) -- Acme " \
           "Inc. today announced results.\n"
    assert layout(text).dateline == Dateline("MADISON, Wis.", "2017-11-07", "GlobeNewswire")


def test_a_bare_date_line_is_skipped_as_headline_and_used_as_the_date():
    result = layout("22 June 2021\n\nAcme Announces Results\n\nAcme today announced results.\n")
    assert result.headline == "Acme Announces Results"
    assert result.dateline == Dateline("", "2021-06-22", "")


@pytest.mark.parametrize(("text", "expected"), [
    ("Acme Bio, Inc. today announced results. The company grew.",
     ["Acme Bio, Inc. today announced results.", "The company grew."]),
    ("Dr. Smith joined. Mr. Jones left.", ["Dr. Smith joined.", "Mr. Jones left."]),
    ("The U.S. Food and Drug Administration agreed. It was quick.",
     ["The U.S. Food and Drug Administration agreed.", "It was quick."]),
    ("Patients received 4.5 mg/kg. Shares rose 3.2% to $1.50. Done.",
     ["Patients received 4.5 mg/kg.", "Shares rose 3.2% to $1.50.", "Done."]),
    ("Jane Roe, Ph.D., spoke. J. R. Smith, M.D., agreed.",
     ["Jane Roe, Ph.D., spoke.", "J. R. Smith, M.D., agreed."]),
    ("It works, e.g. here and i.e. there. Next one.",
     ["It works, e.g. here and i.e. there.", "Next one."]),
    ('"We are pleased." Did it work? Yes! (See Fig. 2.) End.',
     ['"We are pleased."', "Did it work?", "Yes!", "(See Fig. 2.)", "End."]),
    ("Acme Corp. and Beta Ltd. signed. No. 5 won.", ["Acme Corp. and Beta Ltd. signed.",
                                                      "No. 5 won."]),
    ("Version 2.0 is out... Really.", ["Version 2.0 is out...", "Really."]),
    ("no final stop", ["no final stop"]),
    ("The ORR was 51% in Cohort C. AB-101 was well tolerated in Arm B. Next.",
     ["The ORR was 51% in Cohort C.", "AB-101 was well tolerated in Arm B.", "Next."]),
])
def test_sentence_splitting(text: str, expected: list[str]):
    assert sentences(text) == expected


def test_sections_of_a_release():
    result = layout(RELEASE)
    by_section: dict[str, list[str]] = {}
    for sentence in result.sentences:
        by_section.setdefault(sentence.section, []).append(sentence.text)
    assert by_section[HEADLINE] == [result.headline]
    assert result.headline.startswith("Northwind Bio Announces Orphan Drug Designation")
    assert by_section[BODY][0].startswith("BOSTON, Mass., March 3, 2024 (GLOBE NEWSWIRE)")
    assert any("overall response rate was 42%" in s for s in by_section[BODY])
    assert by_section[ABOUT][0] == "About Northwind Biotherapeutics"
    assert result.about_titles == ["Northwind Biotherapeutics"]
    assert by_section[FORWARD_LOOKING][0] == "Forward-Looking Statements"
    assert any("Fast Track" in s for s in by_section[FORWARD_LOOKING])
    assert by_section[CONTACTS] == ["Media Contact:", "Sam Patel", "Harbor Communications LLC"]


def test_a_menus_contact_and_about_items_before_the_release_are_no_headings():
    result = layout("News\n\nAbout Us\n\nContact\n\nBOSTON, March 3, 2025 -- Acme Bio, "
                    "Inc. today said its trial began.\n\nMedia Contact:\n\nSam Patel\n")
    assert result.dateline is not None and result.dateline.city == "BOSTON"
    by_section = {s.text: s.section for s in result.sentences}
    assert by_section["BOSTON, March 3, 2025 -- Acme Bio, Inc. today said its trial began."] \
        == BODY
    assert by_section["Sam Patel"] == CONTACTS
    assert result.about_titles == []


@pytest.mark.parametrize("heading", [
    "Cautionary Note Regarding Forward-Looking Statements", "Safe Harbor Statement",
    "Forward Looking Statements",
    "This press release contains forward-looking statements within the meaning of the law.",
    "This article includes certain disclosures that contain “forward-looking statements” "
    "within the meaning of the law, including the timing of data.",
    "This announcement may contain forward-looking statements about the company.",
])
def test_forward_looking_headings(heading: str):
    result = layout(f"Acme Announces\n\nAcme did well.\n\n{heading}\n\nIt may not last.\n")
    assert [s.section for s in result.sentences][-1] == FORWARD_LOOKING


def test_a_body_sentence_naming_forward_looking_statements_later_is_not_a_heading():
    result = layout("Acme Announces\n\nAcme did well. This release has new data that the "
                    "company expects to grow, though results and plans may differ from any "
                    "forward-looking statements made before.\n")
    assert FORWARD_LOOKING not in {s.section for s in result.sentences}


@pytest.mark.parametrize("heading", ["Investor Contact:", "Media Contacts", "Contact:",
                                     "Investor Relations", "For more information contact:"])
def test_contact_headings(heading: str):
    result = layout(f"Acme Announces\n\nAcme did well.\n\n{heading}\n\nJane Roe\n")
    assert result.sentences[-1].section == CONTACTS


def test_about_heading_is_a_section_only_on_its_own_line():
    result = layout("Acme Announces\n\nAbout 40 patients were treated.\n\nAbout Acme Bio\n\n"
                    "Acme Bio makes medicines.\n")
    assert [s.section for s in result.sentences] == [HEADLINE, BODY, ABOUT, ABOUT]


def test_every_sentence_is_its_span_of_the_text():
    result = layout(RELEASE)
    text = result.document.text
    for sentence in result.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text


PIECES = st.sampled_from([*"Aa1. ,!?\"'()-\n", "Inc.", "U.S.", "Dr.", "4.5", "Ph.D."])


@given(st.lists(PIECES, max_size=120).map("".join))
@settings(max_examples=200, deadline=None)
def test_sentences_cover_each_line_in_order_on_any_text(raw: str):
    text = raw.strip() + "\n"
    if not raw.strip():
        return
    result = structure(document_from_bytes("t.txt", text.encode()))
    source = result.document.text
    previous_end = 0
    for sentence in result.sentences:
        assert source[sentence.start:sentence.end] == sentence.text
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end
    covered = "".join(s.text for s in result.sentences)
    unbulleted = "".join(BULLET.sub("", line, count=1) if BULLET.match(line) else line
                         for line in source.split("\n"))  # a line's bullet is no text
    assert covered.replace(" ", "") == unbulleted.replace(" ", "")


@pytest.mark.parametrize("unit", ["A. B. ", "Dr. A ", "Inc. ", "U.S. ", "1.5 ", "... ", "x ",
                                  "March 3, 2024 ", "? ", "."])
def test_a_long_line_of_abbreviations_initials_and_decimals_is_one_sentence(unit: str):
    # none of these ends a sentence; the time per size is in benchmarks/extract_worst_case.py
    line = unit * (20_000 // len(unit))
    document = document_from_bytes("long.txt", f"Headline\n\n{line}\n".encode())
    assert [s.text for s in structure(document).sentences] == ["Headline", line.strip()]


def test_filing_labels_before_the_headline_are_skipped():
    from kg.documents import document_from_bytes
    from kg.sections import structure

    text = "Exhibit 99.1\n\nFOR IMMEDIATE RELEASE\n\nTern Bio Doses First Patient\n\nBody.\n"
    assert structure(document_from_bytes("ex99.txt", text.encode())).headline == (
        "Tern Bio Doses First Patient")


def test_a_bullet_opening_a_line_is_not_part_of_its_sentence():
    result = layout("Headline\n\nBOSTON, May 2, 2023 -- Acme Bio, Inc. reported:\n"
                    "- The ORR was 40%.\n• DCR was 90%.\n2. No change - none.\n")
    assert [s.text for s in result.sentences][-3:] == [
        "The ORR was 40%.", "DCR was 90%.", "No change - none."]


def test_an_8k_takes_its_date_from_the_exhibits_dateline_not_the_cover_page():
    cover = ("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\n"
             "FORM 8-K\n\nCURRENT REPORT\n\nDate of Report (Date of earliest event reported): "
             "March 2, 2025\n\nAcme Bio, Inc.\n(Exact name of registrant)\n\nItem 8.01 Other "
             "Events.\n\nOn March 3, 2025, the Company issued a press release.\n\n"
             "Exhibit 99.1\n\nAcme Announces Results\n\n")
    text = cover + ("BOSTON, March 3, 2025 (GLOBE NEWSWIRE) -- Acme Bio, Inc. today announced "
                    "results.\n")
    assert layout(text).dateline == Dateline("BOSTON", "2025-03-03", "GlobeNewswire")

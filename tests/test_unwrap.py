"""Plain text wrapped at a fixed width is read one paragraph a line; texts written for the tests."""

from kg.documents import document_from_bytes
from kg.unwrap import unwrapped

WRAPPED = """Kestrel Wins Designation

TORONTO, Feb. 20, 2024 (GLOBE NEWSWIRE) -- Kestrel Immunotherapies
Corp. (TSX: KIC) today announced that the U.S. Food and Drug
Administration has granted Regenerative Medicine Advanced Therapy
designation to KT-19, its autologous CAR-T cell therapy for adults
with relapsed large B-cell lymphoma. The designation follows clinical-
stage data presented at a meeting in December of last year.

Highlights:
- KT-19 was well tolerated at every dose level tested so far in the
  ongoing study.
- Enrollment in the expansion cohort of the trial will begin soon in
  the second quarter.

Contact:
Jane Roe
Kestrel Immunotherapies Corp.
"""


def test_a_wrapped_release_has_one_line_a_paragraph():
    lines = unwrapped(WRAPPED).split("\n")
    assert lines[2] == (
        "TORONTO, Feb. 20, 2024 (GLOBE NEWSWIRE) -- Kestrel Immunotherapies Corp. (TSX: KIC) "
        "today announced that the U.S. Food and Drug Administration has granted Regenerative "
        "Medicine Advanced Therapy designation to KT-19, its autologous CAR-T cell therapy for "
        "adults with relapsed large B-cell lymphoma. The designation follows clinical-stage "
        "data presented at a meeting in December of last year.")
    assert lines[5].startswith("- KT-19 was well tolerated") and lines[5].endswith("study.")
    assert lines[6].startswith("- Enrollment") and lines[6].endswith("quarter.")
    assert lines[-4:-1] == ["Contact:", "Jane Roe", "Kestrel Immunotherapies Corp."]


def test_text_written_a_paragraph_a_line_is_left_as_it_is():
    text = "\n".join(["Headline"] + [f"Paragraph {n} " + "word " * (15 + 7 * n) for n in
                                     range(10)]) + "\n"
    assert unwrapped(text) == text


def test_plain_text_documents_are_unwrapped_and_markup_is_not():
    assert "Immunotherapies Corp. (TSX: KIC)" in document_from_bytes(
        "r.txt", WRAPPED.encode()).text
    assert "Immunotherapies\nCorp." in document_from_bytes("r.md", WRAPPED.encode()).text

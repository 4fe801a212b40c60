"""Pathological text (issue 7): the extractor must finish on any input, and what it emits
must be RDF that rdflib and pyoxigraph read as the same graph and that conforms.

How the time grows with the size of such inputs is measured by
benchmarks/extract_worst_case.py (results in benchmarks/WORST_CASE.md), never by timed tests.
"""

from __future__ import annotations

import pytest
import rdfcheck
from conftest import RELEASE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.documents import document_from_bytes, read_document
from kg.errors import KgError
from kg.extract import extract
from kg.rdf import quads_for
from kg.sections import structure
from kg.validate import validate_quads

WORDS = ["Phase", "Phase 1b/2", "Inc.", "Corp.", "FDA", "EMA", "mg/kg", "mCi/m2", "months",
         "%", "Cohort", "Dr.", "U.S.", "NCT01234567", "Orphan Drug Designation", "granted",
         "(Nasdaq: ABCD)", "About", "said", "CEO", "AB-123", "I-131", "ORR", "median", "of",
         "and", "the", "treatment", "trial", "\n", "\n\n", ", ", ". ", "; ", " -- ", '"', "“",
         "’s", "™", "®", "α", "µg"]
RUNS = st.sampled_from(["1", "9.", ".", "A", "-", "(", ")", "[", "]", "/", ",", " ", "0,",
                        "AB", "Z-", "%", "'", '"'])


@st.composite
def adversarial_text(draw) -> str:
    """Words of releases mixed with runs of digits, dots, capitals, hyphens and brackets."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(WORDS),
        st.tuples(RUNS, st.integers(2, 40)).map(lambda run: run[0] * run[1]),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
        st.from_regex(r"[A-Z]{1,4}-?\d{1,4}", fullmatch=True),
        st.from_regex(r"\d{1,3}(\.\d{1,2})? ?(mg/kg|mg|%|months|weeks|patients)",
                      fullmatch=True),
    ), min_size=1, max_size=60))
    return draw(st.sampled_from(["", "Acme Bio Announces Results\n\n"])) + " ".join(pieces)


@given(adversarial_text())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_extracts_to_rdf_that_reads_back_and_conforms(text: str):
    try:
        document = document_from_bytes("fuzz.txt", text.encode("utf-8"))
    except KgError:
        return  # refused as empty: the reader said why
    quads = quads_for(extract(document))
    for suffix in (".nq", ".trig"):
        rdfcheck.assert_reads_back(quads, suffix)
    report = validate_quads(quads)
    assert report.conforms, "\n".join(map(str, report.violations))


def one_line(unit: str, size: int) -> str:
    return "Headline\n\n" + unit * max(1, size // len(unit)) + "\n"


RELEASE_LINE = " ".join(RELEASE.split("\n")) + " "
LONG_LINES = {  # id → unit repeated on one line: the extraction units of the benchmark
    "digits": "1", "digits-commas": "1,", "digits-dots": "1.2.", "digits-spaces": "1 2 ",
    "dots": ".", "hyphens": "-", "capitals": "ABCDEFGHIJ", "caps-hyphen": "AB-",
    "code-names": "AB-12 ", "brackets": "(((x)))[[y]]", "words": "Phase Inc. FDA mg/kg months ",
    "doses": "5 mg/kg ", "percent": "42% ", "mixed": "Phase 1b/2 AB-12 4.5 mg/kg 42% FDA Inc. ",
    "cap-words": "Alpha Beta Gamma ", "upper-words": "ALPHA BETA ", "quotes": '"a" ',
    "prose": "The committee met again and reviewed the plans. ", "release-line": RELEASE_LINE,
}


@pytest.mark.parametrize("unit", [pytest.param(unit, id=name) for name, unit in LONG_LINES.items()])
def test_a_long_line_extracts_to_rdf_that_reads_back_and_conforms(unit: str):
    # 20,000 characters on one line; the time per size is measured by
    # benchmarks/extract_worst_case.py, not here
    document = document_from_bytes("line.txt", one_line(unit, 20_000).encode())
    quads = quads_for(extract(document))
    rdfcheck.assert_reads_back(quads, ".nq")
    report = validate_quads(quads)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_a_single_long_line_is_read_and_split_into_its_sentences(tmp_path):
    sentence = "The committee met again in the spring and reviewed the plans. "
    count = 40_000 // len(sentence)
    path = tmp_path / "one-line.txt"
    path.write_text("Headline\n\n" + sentence * count + "\n")
    layout = structure(read_document(path))
    assert [s.text for s in layout.sentences] == ["Headline"] + [sentence.strip()] * count

"""Shared helpers: short disclosures written for the tests (never corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import document_from_bytes
from kg.extract import extract
from kg.facts import Extraction

ROOT = Path(__file__).resolve().parent.parent


def read_text(text: str, name: str = "test-release.txt") -> Extraction:
    """Extract facts from a short text written for a test."""
    return extract(document_from_bytes(name, text.encode("utf-8")))


RELEASE = """\
Northwind Bio Announces Orphan Drug Designation for NWB-220 in Acute Myeloid Leukemia

BOSTON, Mass., March 3, 2024 (GLOBE NEWSWIRE) -- Northwind Biotherapeutics, Inc. (Nasdaq: NWBX), \
a clinical-stage company, today announced that the U.S. Food and Drug Administration (FDA) has \
granted Orphan Drug Designation to NWB-220 for the treatment of acute myeloid leukemia (AML).

NWB-220 is being evaluated in an ongoing Phase 1b/2 clinical trial (NCT01234567) in patients with \
relapsed or refractory AML. In Cohort 2, patients received 4.5 mg/kg of NWB-220 and the overall \
response rate was 42%.

"This designation is an important step," said Maria Lopez, Ph.D., Chief Executive Officer of \
Northwind Biotherapeutics.

About Northwind Biotherapeutics

Northwind Biotherapeutics is building antibody-drug conjugates on its proprietary LinkSure \
platform.

Forward-Looking Statements

This press release contains forward-looking statements. The company plans to apply for Fast Track \
designation for NWB-220.

Media Contact:
Sam Patel
Harbor Communications LLC
"""


@pytest.fixture
def release_file(tmp_path: Path) -> Path:
    path = tmp_path / "northwind-2024-03-03.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


@pytest.fixture
def oxigraph(tmp_path: Path):
    """A running `oxigraph serve` on 127.0.0.1 (free port) over an empty folder of its own;
    stopped by PID at the end. See tests/servers.py."""
    from servers import OxigraphServer

    server = OxigraphServer(tmp_path / "oxigraph-data").start()
    yield server
    server.stop()

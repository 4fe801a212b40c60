"""Short releases written for the resolution, timeline and entity-graph tests (never corpus
text): one made-up company reporting on one made-up drug over three dates, first named by its
code with the generic name in parentheses, then the other way round, then by generic alone."""

from __future__ import annotations

from pathlib import Path

FIRST = """\
Acme Bio Reports Interim Phase 2 Results for AB-123 in Multiple Myeloma

BOSTON, March 1, 2023 (GLOBE NEWSWIRE) -- Acme Bio, Inc. (Nasdaq: ACMB), a clinical-stage \
biopharmaceutical company, today announced interim results from its Phase 2 clinical trial of \
AB-123 (examplimab) in patients with relapsed or refractory multiple myeloma.

Patients treated with AB-123 had a median overall survival of 15.4 months.

The U.S. Food and Drug Administration (FDA) has granted Orphan Drug Designation to AB-123 for \
the treatment of multiple myeloma.

"These results are encouraging," said Jane Doe, Chief Executive Officer of Acme Bio.

About Acme Bio

Acme Bio, Inc. is a clinical-stage company developing antibodies for blood cancers.
"""

SECOND = """\
Acme Bio Reports Final Phase 2 Results for Examplimab in Multiple Myeloma

BOSTON, June 10, 2024 (GLOBE NEWSWIRE) -- Acme Bio (Nasdaq: ACMB), a clinical-stage \
biopharmaceutical company, today announced final results from its Phase 2 clinical trial of \
examplimab (AB-123) in patients with relapsed or refractory multiple myeloma.

Patients treated with examplimab had a median overall survival of 26.2 months.

"The survival benefit has matured," said Jane Doe, Chief Executive Officer of Acme Bio.

About Acme Bio

Acme Bio is a clinical-stage company developing antibodies for blood cancers.
"""

THIRD = """\
Acme Bio Doses First Patient in Phase 3 Trial of Examplimab

BOSTON, Sept. 2, 2024 (GLOBE NEWSWIRE) -- Acme Bio, Inc. (Nasdaq: ACMB), a clinical-stage \
biopharmaceutical company, today announced that the first patient has been dosed in its \
Phase 3 clinical trial of examplimab in patients with multiple myeloma.

About Acme Bio

Acme Bio, Inc. is a clinical-stage company developing antibodies for blood cancers.
"""

RELEASES = {"acme-2023-03-01.txt": FIRST, "acme-2024-06-10.txt": SECOND,
            "acme-2024-09-02.txt": THIRD}


def write_releases(folder: Path, *names: str) -> list[Path]:
    """Write the named releases (all three by default) into folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or RELEASES:
        path = folder / name
        path.write_text(RELEASES[name], encoding="utf-8")
        paths.append(path)
    return paths

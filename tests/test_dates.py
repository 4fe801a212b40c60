"""Release dates in the forms wires write them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import DATE_PATTERN, parse_date


@pytest.mark.parametrize(("text", "iso"), [
    ("Nov. 07, 2017", "2017-11-07"),
    ("November 7, 2017", "2017-11-07"),
    ("Nov 7 2017", "2017-11-07"),
    ("Sept. 3, 2024", "2024-09-03"),
    ("Sep. 3, 2024", "2024-09-03"),
    ("September 15, 2025", "2025-09-15"),
    ("22 June 2021", "2021-06-22"),
    ("3rd March 2024", "2024-03-03"),
    ("March 1st, 2024", "2024-03-01"),
    ("2025-07-18", "2025-07-18"),
    ("  May   5,\n2020 ", "2020-05-05"),
    ("february 29, 2024", "2024-02-29"),
    ("27.08.2024", "2024-08-27"),
    ("27/08/2024", "2024-08-27"),
    ("08/27/2024", "2024-08-27"),
])
def test_usual_forms(text: str, iso: str):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "Feb. 30, 2021", "February 29, 2023", "2021-13-01", "2021-00-10", "32 May 2020",
    "Smarch 3, 2024", "March 2024", "3/4/2024", "31.02.2024", "", "Nov. 07, 2017 (GLOBE NEWSWIRE)",
])
def test_not_a_date(text: str):
    assert parse_date(text) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)),
       st.sampled_from(["%B %d, %Y", "%b. %d, %Y", "%b %d %Y", "%d %B %Y", "%Y-%m-%d"]))
@settings(max_examples=200, deadline=None)
def test_every_real_date_reads_back(date: dt.date, form: str):
    written = date.strftime(form).replace("Sep.", "Sept.")
    assert parse_date(written) == date.isoformat()
    assert re.fullmatch(DATE_PATTERN, written, re.IGNORECASE)


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_none_or_an_iso_date(text: str):
    result = parse_date(text)
    assert result is None or dt.date.fromisoformat(result).isoformat() == result

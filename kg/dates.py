"""Release dates as written in datelines ("Nov. 07, 2017", "22 June 2021", "2025-07-18")."""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May\.?|Jun(?:e|\.)?|"
          r"Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|"
          r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
DATE_PATTERN = (rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
                rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
                r"\d{1,2}[./]\d{1,2}[./]\d{4}")
_MDY = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.IGNORECASE)
_DMY = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# `27.08.2024` (day first, as dotted dates are written); `27/08/2024` and `08/27/2024`
# when the day makes the order plain
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_date(text: str) -> str | None:
    """ISO date (YYYY-MM-DD) of a date written in one of the usual forms, or None."""
    text = " ".join(text.split())
    if m := _MDY.match(text):
        return _iso(m.group(3), MONTHS[m.group(1)[:3].lower()], m.group(2))
    if m := _DMY.match(text):
        return _iso(m.group(3), MONTHS[m.group(2)[:3].lower()], m.group(1))
    if m := _ISO.match(text):
        return _iso(m.group(1), int(m.group(2)), m.group(3))
    if m := _NUMERIC.match(text):
        first, second = int(m.group(1)), int(m.group(2))
        if "/" in text and max(first, second) <= 12:
            return None  # `3/4/2024`: March 4 or 3 April, the text does not say
        day, month = (second, first) if second > 12 and "/" in text else (first, second)
        return _iso(m.group(3), month, str(day))
    return None


def _iso(year: str, month: int, day: str) -> str | None:
    from datetime import date

    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None

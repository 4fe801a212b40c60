"""Plain text wrapped at a fixed width, as e-mail and EDGAR copies of releases are, back to
one line per paragraph.

Every later stage takes a line for a paragraph, and no sentence crosses a line: a release
wrapped at 72 characters loses the ticker that follows the company name on the next line,
the designation whose name is cut in two and every role that runs on. A text is taken for
wrapped when most of its lines end near one width; a line that ends near that width then
runs on into the next one, unless the next one starts a list item. Short lines (headings,
contact lines, the last line of a paragraph) end their paragraph, as they do now.
"""

from __future__ import annotations

import re

from kg.text_tables import TABLE_CELLS

# `• item`, `- item`, `* item`, `1. item`, `(a) item`: a list item starts its own line
LIST_MARK = r"(?:[•·▪◦‣●*–—-]|\d{1,2}[.)]|\([a-z0-9]\))"
ITEM_START = re.compile(rf"^\s*{LIST_MARK}\s")
MIN_LINES = 8
WIDTHS = range(50, 101)  # widths at which text is wrapped
NEAR = 16  # a line this close to the width was broken by the wrap, not by the writer
SHARE_NEAR = 0.45  # of the lines that are not short, how many end near the width


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it was not."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width not in WIDTHS or lengths[-1] > width + NEAR:
        return None
    near = sum(1 for n in lengths if width - NEAR <= n <= width)
    longish = sum(1 for n in lengths if n >= 30)
    return width if longish and near >= SHARE_NEAR * longish else None


def unwrapped(text: str) -> str:
    """The text with each wrapped paragraph on one line; unwrapped text is returned as is."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    runs_on = False
    for line in lines:
        if runs_on and line.strip() and not ITEM_START.match(line) and TABLE_CELLS not in line:
            previous = out[-1].rstrip()
            glue = "" if re.search(r"\w-$", previous) and line[:1].islower() else " "
            out[-1] = previous + glue + line.strip()
        else:
            out.append(line)
        runs_on = len(line) >= width - NEAR and bool(line.strip()) and TABLE_CELLS not in line
    return "\n".join(out)

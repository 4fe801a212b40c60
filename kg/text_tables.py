"""Tables that a plain-text release lays out with spaces or tabs, or in Markdown, rewritten as
` | ` rows.

    Expansion cohort     Evaluable   ORR           Median DoR
    Endometrial cancer   18          44% (8/18)    8.1 months

Later stages read one line as one paragraph and collapse runs of spaces, which would glue
the cells of such a row into one sentence (`Endometrial cancer 18 44% (8/18) 8.1 months`);
a row written `Endometrial cancer | 18 | 44% (8/18) | 8.1 months` is read against its
header by `kg.extract.tables`, as HTML tables are. A block is a table when two or more
consecutive lines split into the same number of short cells at runs of two or more spaces
(or tabs), and one of its lines holds a figure; prose with two spaces after a full stop does
not split into short cells.
"""

from __future__ import annotations

import re

TABLE_CELLS = " | "  # between the cells of a table's row, here and in HTML tables (kg.html_text)
GAP = re.compile(r"\t+|[ \t]{2,}")
MAX_CELL = 48  # characters: a cell is a label or a figure, not a clause
MIN_ROWS = 2


def cells_of(line: str) -> list[str]:
    """The cells of a line that may be a table row, else []."""
    cells = GAP.split(line.strip())
    if len(cells) < 2 or any(len(cell) > MAX_CELL for cell in cells):
        return []
    if any(cell.endswith(".") and not cell[:-1].replace(".", "").isdigit() for cell in cells):
        return []  # `… the end.  Next sentence`: prose
    return cells


# `| Endpoint | Cohort 1 |` and its rule `|---|:---:|` (a Markdown table)
MARKDOWN_ROW = re.compile(r"^[ \t]*\|(?P<cells>.*\|.*)\|[ \t]*\r?$")
MARKDOWN_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?\r?$")


def markdown_tables(text: str) -> str:
    """The text with each Markdown table row written as ` | `-separated cells, its rule
    line dropped."""
    if "|" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        row = MARKDOWN_ROW.match(line)
        if row:
            lines.append(TABLE_CELLS.join(cell.strip() for cell in row.group("cells").split("|")))
        elif not (lines and TABLE_CELLS in lines[-1] and MARKDOWN_RULE.match(line)):
            lines.append(line)
    return "\n".join(lines)


def piped_tables(text: str) -> str:
    """The text with each Markdown or space-aligned table's rows written as ` | `-separated
    cells."""
    text = markdown_tables(text)
    if "  " not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    split = [cells_of(line.rstrip("\r")) for line in lines]
    lines, split = without_rules(lines, split)
    lines, split = with_wrapped_labels(lines, split)
    lines, split = with_wrapped_header_cells(lines, split)
    lines, split = with_stacked_headers(lines, split)
    with_corner_cells(lines, split)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and split[end] and len(split[end]) == len(split[start]):
            end += 1
        if end - start >= MIN_ROWS and any(re.search(r"\d", lines[i]) for i in range(start, end)):
            for i in range(start, end):
                lines[i] = TABLE_CELLS.join(split[i])
        start = max(end, start + 1)
    return "\n".join(lines)


RULE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|_{3,})[ \t]*\r?$")


def without_rules(lines: list[str], split: list[list[str]]
                  ) -> tuple[list[str], list[list[str]]]:
    """A rule line of dashes between a table's header and its rows dropped, so they stay
    one block of lines."""
    kept = [i for i, line in enumerate(lines)
            if not (RULE.match(line) and 0 < i < len(lines) - 1 and split[i - 1]
                    and split[i + 1])]
    return [lines[i] for i in kept], [split[i] for i in kept]


CORNER_INDENT = 8  # spaces a header line stands further in than the row labels under it


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def with_corner_cells(lines: list[str], split: list[list[str]]) -> None:
    """Header lines set over the value columns, one cell short of the rows under them (the
    corner over the row labels left blank), get an empty first cell, in place."""
    for i, cells in enumerate(split):
        if not cells or indent(lines[i]) < CORNER_INDENT:
            continue
        below = i + 1
        while below < len(lines) and split[below] and indent(lines[below]) >= CORNER_INDENT \
                and len(split[below]) == len(cells):
            below += 1  # another header line: `(n=40)  (n=41)`
        if below < len(lines) and len(split[below]) == len(cells) + 1 \
                and indent(lines[below]) + CORNER_INDENT <= indent(lines[i]):
            split[i] = ["", *cells]


MAX_HEADER_LINES = 4
CELL = re.compile(r"\S+(?: \S+)*")  # a cell and where it stands: words one space apart


def with_stacked_headers(lines: list[str], split: list[list[str]]
                         ) -> tuple[list[str], list[list[str]]]:
    """A header stacked over several lines set over the value columns, whose lines hold
    different numbers of cells (`Placebo  AB-1  AB-1` over `(n=78)  2.5 mg  5 mg` over
    `(n=78)  (n=78)`), made one header row: each cell joins the column of the row under it
    that stands nearest, the corner over the row labels left empty."""
    out_lines, out_split = list(lines), list(split)
    row = len(lines) - 1
    while row > 0:
        top = row
        while top > 0 and row - top < MAX_HEADER_LINES and split[top - 1] \
                and indent(lines[top - 1]) >= CORNER_INDENT \
                and indent(lines[top - 1]) >= indent(lines[row]) + CORNER_INDENT \
                and len(split[top - 1]) < len(split[row]):
            top -= 1
        stack = range(top, row)
        if len(stack) >= 2 and len(split[row]) >= 3 \
                and any(len(split[i]) != len(split[row]) - 1 for i in stack):
            header = stacked_header(lines[row], [lines[i] for i in stack])
            out_lines[top:row] = [TABLE_CELLS.join(header)]  # kept as a line of cells
            out_split[top:row] = [header]
        row = top - 1 if len(stack) >= 2 else row - 1
    return out_lines, out_split


def stacked_header(row: str, stack: list[str], first: int = 1) -> list[str]:
    """The header cells of `stack`'s lines joined by the column of `row` nearest each, from
    column `first` on (1: the corner over the row labels stays empty)."""
    centres = [(m.start() + m.end()) / 2 for m in CELL.finditer(row)]
    columns: list[list[str]] = [[] for _ in centres]
    for line in stack:
        for cell in CELL.finditer(line):
            middle = (cell.start() + cell.end()) / 2
            nearest = min(range(first, len(centres)), key=lambda c: abs(centres[c] - middle))
            columns[nearest].append(cell.group(0))
    return [" ".join(words) for words in columns]


def with_wrapped_header_cells(lines: list[str], split: list[list[str]]
                              ) -> tuple[list[str], list[list[str]]]:
    """A header cell wrapped onto the line under the header (`Median change in` over
    `monthly seizure count`, set under its own column, the row labels' column empty there)
    joined into the cell of the column it stands under."""
    out_lines, out_split = [], []
    i = 0
    while i < len(lines):
        cells, below = split[i], i + 1
        if (cells and (i == 0 or not split[i - 1]) and below + 1 < len(lines)
                and not split[below] and lines[below].strip()
                and indent(lines[below]) > indent(lines[i])
                and len(split[below + 1]) == len(cells)):
            cells = stacked_header(lines[i], [lines[i], lines[below]], first=0)
            out_lines.append(TABLE_CELLS.join(cells))
            out_split.append(cells)
            i += 2
            continue
        out_lines.append(lines[i])
        out_split.append(cells)
        i += 1
    return out_lines, out_split


def with_wrapped_labels(lines: list[str], split: list[list[str]]
                        ) -> tuple[list[str], list[list[str]]]:
    """A row label wrapped onto the next line (`Reduction in yearly visits` over `  vs prior
    year (%)   40   55`, between two rows of the table) joined into the row's first cell."""
    joined_lines, joined_split = [], []
    for i, line in enumerate(lines):
        below = i + 1
        if (not split[i] and line.strip() and joined_split and joined_split[-1]
                and below < len(lines) and split[below]
                and len(split[below]) - len(joined_split[-1]) in (0, 1)  # a header's: 1
                and indent(lines[below]) > indent(line)):
            split[below] = [f"{line.strip()} {split[below][0]}", *split[below][1:]]
            continue
        joined_lines.append(line)
        joined_split.append(split[i])
    return joined_lines, joined_split

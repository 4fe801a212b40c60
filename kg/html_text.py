"""HTML pages of wires and company sites → plain text with block structure kept as newlines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.text_tables import TABLE_CELLS

SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg",
           "iframe",
           "button", "select", "template", "head"}
BLOCKS = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
          "ol", "tr", "table", "br", "hr", "blockquote", "pre", "dd", "dt", "title", "main",
          "aside", "figure", "figcaption"}
CELLS = {"td", "th"}  # a table row is one line, its cells separated by " | "
SECTIONING = {"article", "section", "main"}  # a <header> inside one heads content: kept
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
        "track", "wbr"}
MAX_DEPTH = 10_000


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []
        self.headline: list[str] = []
        self.title: list[str] = []
        self.current: str | None = None
        self.sectioning = 0  # open article, section and main elements
        self.superscript = False
        self.dated = self.in_time = False  # the first <time> of the page's chrome is kept
        self.cells = 0  # cells of the table row so far
        self.in_cell = 0  # open td/th elements: their blocks are spaces, the row one line

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SECTIONING:
            self.sectioning += 1
        if tag in SKIPPED and tag not in VOID and len(self.skip_stack) < MAX_DEPTH and not (
                tag == "header" and self.sectioning and not self.skip_stack):
            self.skip_stack.append(tag)
        if tag == "tr":
            self.cells = self.in_cell = 0  # cells a page left unclosed end with their row
        if tag in CELLS:
            self.parts.append(TABLE_CELLS if self.cells else "\n\n")
            self.cells += 1
            self.in_cell += 1
        elif tag in BLOCKS:
            self.parts.append(" " if self.in_cell else "\n\n" if tag != "br" else "\n")
        if tag in {"h1", "title"}:
            self.current = tag
        if tag == "sup":
            self.superscript = True
        if tag == "time" and self.skip_stack and not self.dated:
            self.dated = self.in_time = True  # the release's date, in a page header
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SECTIONING and self.sectioning:
            self.sectioning -= 1
        if self.skip_stack and tag == self.skip_stack[-1]:
            self.skip_stack.pop()
        if tag in {"tr", "table"}:
            self.in_cell = 0
        if tag in CELLS and self.in_cell:
            self.in_cell -= 1
        elif tag in BLOCKS:
            self.parts.append(" " if self.in_cell else "\n\n")
        if tag == self.current:
            self.current = None
        if tag == "sup":
            self.superscript = False
        if tag == "time" and self.in_time:
            self.in_time = False
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.current == "title":
            self.title.append(data)
            return
        if self.skip_stack and not self.in_time:
            return
        if self.current == "h1":
            self.headline.append(data)
        if self.superscript and data[:1].isdigit() and self.after_word():
            data = "^" + data  # `10<sup>13</sup>` is 10^13 and `m<sup>2</sup>` m^2, not 1013, m2
        self.parts.append(data.replace("\n", " "))


    def after_word(self) -> bool:
        """Whether the text so far ends in a letter or digit: a superscript there is a power;
        elsewhere (`[<sup>225</sup>Ac]`, ` <sup>177</sup>Lu`) it is an isotope's mass."""
        last = next((part for part in reversed(self.parts) if part), "")
        return last[-1:].isalnum()


def html_to_text(markup: str) -> tuple[str, str]:
    """Return (text, headline): visible text without navigation, scripts or styles."""
    collector = _TextCollector()
    collector.feed(defuse(markup))
    collector.close()
    headline = " ".join("".join(collector.headline).split()) or " ".join(
        "".join(collector.title).split())
    return "".join(collector.parts), headline


# A "<" that never reaches a ">" before the next "<": the start of a tag cut short (dropped,
# as browsers do) or a less-than sign in text ("p<0.05", "3 < 4": kept as text).
CUT_TAG = re.compile(r"<[A-Za-z/!?][^<>]*(?=<|$)")
STRAY_LT = re.compile(r"<(?=[^<>]*(?:<|$))")


def defuse(markup: str) -> str:
    """Markup the standard parser reads in linear time, showing the same text.

    html.parser rescans the rest of the input for every "<" that does not end a tag, and for
    every unclosed comment: thousands of them (`<a href="<a href="…`) take minutes. Comments
    go first (an unclosed one runs to the end, as in browsers), then tags cut short, then a
    stray "<" becomes "&lt;", which is how a browser shows it anyway.
    """
    return STRAY_LT.sub("&lt;", CUT_TAG.sub("", without_comments(markup)))


def without_comments(markup: str) -> str:
    parts, pos = [], 0
    while (start := markup.find("<!--", pos)) != -1:
        parts.append(markup[pos:start])
        end = markup.find("-->", start + 4)
        pos = len(markup) if end == -1 else end + 3
    parts.append(markup[pos:])
    return "".join(parts)

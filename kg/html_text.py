"""HTML pages of wires and company sites → plain text with block structure kept as newlines."""

from __future__ import annotations

from html.parser import HTMLParser

SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "form", "svg", "iframe",
           "button", "select", "template", "head"}
BLOCKS = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
          "ol", "tr", "table", "br", "hr", "blockquote", "pre", "dd", "dt", "title", "main",
          "aside", "figure", "figcaption"}
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

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED and tag not in VOID and len(self.skip_stack) < MAX_DEPTH:
            self.skip_stack.append(tag)
        if tag in BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        if tag in {"h1", "title"}:
            self.current = tag

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack and tag == self.skip_stack[-1]:
            self.skip_stack.pop()
        if tag in BLOCKS:
            self.parts.append("\n\n")
        if tag == self.current:
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current == "title":
            self.title.append(data)
            return
        if self.skip_stack:
            return
        if self.current == "h1":
            self.headline.append(data)
        self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> tuple[str, str]:
    """Return (text, headline): visible text without navigation, scripts or styles."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    headline = " ".join("".join(collector.headline).split()) or " ".join(
        "".join(collector.title).split())
    return "".join(collector.parts), headline

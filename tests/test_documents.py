"""Reading disclosures: .txt/.md/.html to one normalised text, decoding, and the files the
reader refuses (each with one line naming the file and the reason)."""

from __future__ import annotations

import hashlib
import pathlib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import documents
from kg.documents import Document, document_from_bytes, normalise, read_document
from kg.errors import KgError

PLAIN = "Acme Bio Reports Results\n\nBOSTON, Mass., March 3, 2024 -- Acme Bio, Inc. today " \
        "reported results.\n"


def test_plain_text_keeps_its_lines_and_hashes_the_raw_bytes():
    data = PLAIN.encode("utf-8")
    document = document_from_bytes("acme.txt", data)
    assert document == Document("acme.txt", PLAIN, hashlib.sha256(data).hexdigest(), "")


def test_read_document_uses_the_base_name(tmp_path: Path):
    path = tmp_path / "sub" / "acme.txt"
    path.parent.mkdir()
    path.write_text(PLAIN, encoding="utf-8")
    assert read_document(path).source_file == "acme.txt"


def test_markdown_syntax_is_dropped_and_blocks_stay_lines():
    markdown = (
        "# Acme Bio Reports Results\n\n"
        "**BOSTON, Mass., March 3, 2024** -- Acme Bio, Inc. today [reported](https://x.test/a) "
        "results ![logo](logo.png).\n\n"
        "- first point\n"
        "  * second point\n"
        "> a quoted line\n\n"
        "Closing __words__ and a #hashtag.\n"
    )
    text = document_from_bytes("acme.md", markdown.encode()).text
    assert text == (
        "Acme Bio Reports Results\n\n"
        "BOSTON, Mass., March 3, 2024 -- Acme Bio, Inc. today reported results .\n\n"
        "first point\nsecond point\na quoted line\n\n"
        "Closing words and a #hashtag.\n"
    )


HTML = b"""<!DOCTYPE html>
<html><head><title>Page title | Wire</title>
<style>p { color: red }</style>
<script>var s = "<p>script text</p>";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header>Site header</header>
<h1>Acme &amp; Co. Reports <em>Results</em></h1>
<p>BOSTON, Mass., March 3, 2024 -- Acme &quot;Bio&quot; today&nbsp;reported results.</p>
<ul><li>First</li><li>Second</li></ul>
<script>document.write("<p>more script</p>")</script>
<noscript>Enable JavaScript</noscript>
<form><button>Subscribe</button></form>
<footer>Copyright Acme</footer>
</body></html>"""


def test_html_keeps_visible_text_and_takes_the_h1_as_headline():
    document = document_from_bytes("acme.html", HTML)
    assert document.headline_hint == "Acme & Co. Reports Results"
    assert document.text == ("Acme & Co. Reports Results\n\n"
                             "BOSTON, Mass., March 3, 2024 -- Acme \"Bio\" today reported "
                             "results.\n\nFirst\n\nSecond\n")
    for hidden in ("script text", "more script", "color", "Home", "Site header", "Enable",
                   "Subscribe", "Copyright", "Page title"):
        assert hidden not in document.text


def test_html_without_h1_takes_the_title_as_headline():
    page = b"<html><head><title> Acme  Reports </title></head><body><p>Body.</p></body></html>"
    assert document_from_bytes("a.htm", page).headline_hint == "Acme Reports"


def test_html_is_recognised_by_content_when_the_suffix_says_nothing():
    page = b"<!doctype html><html><body><p>Acme <b>text</b>.</p></body></html>"
    assert document_from_bytes("release", page).text == "Acme text.\n"


@pytest.mark.parametrize(("data", "expected"), [
    ("caf\u00e9 \u201cquoted\u201d \u2013 \u20ac5".encode("cp1252"), "café “quoted” – €5"),
    ("Z\u00fcrich, \u00c5land, \u00a9".encode("latin-1"), "Zürich, Åland, ©"),
    ("\ufeffBOM caf\u00e9".encode("utf-8"), "BOM café"),
    ("caf\u00e9 \u201cq\u201d".encode("utf-16"), "café “q”"),  # with its BOM
    ("\ufeffcaf\u00e9".encode("utf-16-be"), "café"),
], ids=["cp1252", "latin-1", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"])
def test_text_encodings_are_decoded(data: bytes, expected: str):
    assert document_from_bytes("a.txt", data).text == expected + "\n"


def test_normalise_line_ends_spaces_controls_and_blank_lines():
    raw = "one\r\ntwo\u00a0 \t three\x07\x1b\u200b\r\r\n\n\n\nfour\x0c  \n"
    assert normalise(raw) == "one\ntwo three\n\nfour\n"


def test_normalise_turns_ascii_trademark_signs_into_signs():
    assert normalise("TopoLink(TM) ADC, Polar(R) and Care(SM); (R) alone and R (R) stay\n") \
        == "TopoLink™ ADC, Polar® and Care℠; (R) alone and R (R) stay\n"


def test_normalise_composes_accents():
    decomposed = unicodedata.normalize("NFD", "Société Générale")
    assert normalise(decomposed) == "Société Générale\n"


@given(st.text())
@settings(max_examples=100, deadline=None)
def test_normalised_text_is_a_fixed_point_without_controls(raw: str):
    text = normalise(raw)
    assert normalise(text) == text
    assert text.endswith("\n")
    assert not documents.CONTROL.search(text)
    assert "\r" not in text and "\n\n\n" not in text


# --- what the reader refuses: one line, naming the file --------------------------------------

@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b" \n\t\r\n", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary file"),
    (b"\x7fELF\x02\x01\x01", "binary file"),
    (b"Acme text\x00\x01\x02 and more", "binary file"),
    ("Acme text".encode("utf-16-le"), "binary file"),  # UTF-16 without a BOM: NULs
], ids=["empty", "blank", "pdf", "png", "zip", "gzip", "elf", "nul-early", "utf16-no-bom"])
def test_refused_content_names_the_file_and_the_reason(data: bytes, reason: str):
    with pytest.raises(KgError) as caught:
        document_from_bytes("bad.txt", data)
    message = str(caught.value)
    assert message.startswith("bad.txt: ") and reason in message and "\n" not in message


def test_html_with_no_visible_text_is_refused():
    page = b"<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"
    with pytest.raises(KgError, match=r"^empty\.html: no text in file$"):
        document_from_bytes("empty.html", page)


def test_invalid_utf16_after_a_bom_is_refused():
    with pytest.raises(KgError, match=r"^bad\.txt: invalid UTF-16"):
        document_from_bytes("bad.txt", b"\xff\xfeA\x00\x00\xd8")  # a lone surrogate


def test_nul_bytes_after_the_first_8_kb_are_stripped_not_refused():
    data = b"Acme text. " * 1000 + b"\x00\x00 late NUL.\x01"
    text = document_from_bytes("late.txt", data).text
    assert "\x00" not in text and text.endswith("late NUL.\n")


def test_a_missing_file_is_one_line(tmp_path: Path):
    with pytest.raises(KgError, match=r"^.*gone\.txt: file not found$"):
        read_document(tmp_path / "gone.txt")


def test_a_directory_is_one_line(tmp_path: Path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(KgError, match=r"folder\.txt: is a directory$"):
        read_document(folder)


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch):
    # the tests run as root, for whom chmod 000 does not stop a read: simulate it
    path = tmp_path / "locked.txt"
    path.write_text(PLAIN)
    real_open = pathlib.Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(KgError, match=r"locked\.txt: permission denied$"):
        read_document(path)


def test_other_read_errors_give_the_systems_reason(tmp_path: Path, monkeypatch):
    path = tmp_path / "flaky.txt"
    path.write_text(PLAIN)

    def broken(self, *args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(pathlib.Path, "open", broken)
    with pytest.raises(KgError, match=r"flaky\.txt: cannot read \(Input/output error\)$"):
        read_document(path)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1001)
    monkeypatch.setattr(pathlib.Path, "open", lambda *a, **k: pytest.fail("file was opened"))
    with pytest.raises(KgError, match=r"big\.txt: file too large \(1001 bytes; limit 1000\)$"):
        read_document(path)


def test_a_file_at_the_limit_is_read(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * 999 + b"\n")
    assert len(read_document(path).text) == 1000


def test_a_file_that_grows_past_the_limit_is_cut_while_reading(monkeypatch):
    # /dev/zero says it is empty and never ends: the read must stop at the limit
    monkeypatch.setattr(documents, "MAX_BYTES", 4096)
    with pytest.raises(KgError, match="over 4096 bytes"):
        read_document(Path("/dev/zero"))


def test_the_default_limit_leaves_room_for_large_releases():
    assert documents.MAX_BYTES >= 20 * 1024 * 1024

"""Reading disclosures: bytes on disk → one normalised plain text with its source metadata.

Every character offset in the graph points into `Document.text`, the text produced here, so
this module is the only place that decides how a file becomes text.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.html_text import html_to_text
from kg.text_tables import piped_tables
from kg.unwrap import unwrapped

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_BYTES = 50 * 1024 * 1024
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b",
                b"\x7fELF")


@dataclass(frozen=True)
class Document:
    """A disclosure as text: what every later stage reads."""

    source_file: str
    text: str
    content_hash: str
    headline_hint: str = ""


def read_document(path: Path) -> Document:
    """Read one file into a Document, or raise KgError naming the file and the problem."""
    try:
        data = read_bytes(path, MAX_BYTES)
    except FileNotFoundError:
        raise KgError(f"{path}: file not found") from None
    except PermissionError:
        raise KgError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise KgError(f"{path}: is a directory") from None
    except OSError as err:
        raise KgError(f"{path}: cannot read ({reason(err)})") from None
    return document_from_bytes(path.name, data, where=str(path))


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refused beyond `limit`: the size is checked before reading, and the
    read stops after `limit + 1` bytes, so a file that grows meanwhile (or a device) is
    refused too instead of filling memory."""
    size = path.stat().st_size
    if size > limit:
        raise KgError(f"{path}: file too large ({size} bytes; limit {limit})")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise KgError(f"{path}: file too large (over {limit} bytes)")
    return data


def reason(err: OSError) -> str:
    """An OSError as the system's sentence ("No space left on device")."""
    if err.strerror:
        return err.strerror
    if err.errno:
        return os.strerror(err.errno)
    return str(err) or type(err).__name__


def document_from_bytes(name: str, data: bytes, *, where: str = "") -> Document:
    """Decode, convert markup to text and normalise; the content hash is over the raw bytes.
    Errors name `where` (the path read), else the file name."""
    where = where or name
    text = decode(where, data)
    headline = ""
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm"} or (suffix not in SUFFIXES and looks_like_html(text)):
        text, headline = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(piped_tables(text))
    else:
        # plain text: tables laid out with spaces keep their cells; a fixed-width copy is
        # unwrapped to one line a paragraph
        text = unwrapped(normalise(piped_tables(text)))
    text = normalise(text)
    if not text.strip():
        raise KgError(f"{where}: no text in file")
    return Document(name, text, hashlib.sha256(data).hexdigest(), headline)


def decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252; binary files are refused."""
    if not data.strip():
        raise KgError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise KgError(f"{name}: invalid UTF-16 text") from None
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise KgError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")


# `TopoLink(TM)`: the ASCII trademark signs of plain-text wires, glued to the name they mark
ASCII_MARK = re.compile(r"(?<=\w)\((TM|R|SM)\)")
MARKS = {"TM": "™", "R": "®", "SM": "℠"}


def normalise(text: str) -> str:
    """NFC, Unix newlines, no control characters, trademark signs as signs, single spaces,
    at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text)
    text = ASCII_MARK.sub(lambda m: MARKS[m.group(1)], text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# Spans are bounded, so that a line of unclosed "[" or "**" is read in linear time.
MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)")
MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
MD_EMPHASIS = re.compile(r"(\*\*|__)(\S(?:[^\n]{0,300}?\S)?)\1")
MD_PREFIX = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|[*+-][ \t]+|>[ \t]?)", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    """Drop markdown syntax; headings and bullets become their own lines."""
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_EMPHASIS.sub(r"\2", text)
    return MD_PREFIX.sub("", text)

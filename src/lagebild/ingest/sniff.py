"""What kind of input a byte string is, judged from its content (the file name only breaks ties).

Formats: ``gzip`` (look inside after decompressing), ``warc``, ``jsonl`` (also a JSON array of
records or one JSON object), ``feed`` (RSS, Atom, RDF), ``html`` and ``text``. Binary content
(NUL bytes, many control bytes, or the magic number of a known non-text format) is refused with
:class:`~lagebild.errors.UnsupportedInput` naming what it looks like.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from lagebild.errors import UnsupportedInput

Format = Literal["gzip", "warc", "jsonl", "feed", "html", "text"]

# How much of the start of an input the sniffers look at. Enough for a long <head> before the
# <body> (news pages put 20-60 kB of scripts there) and for the first record of a JSON Lines file.
SNIFF_BYTES = 64 * 1024

# Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which
# a NUL-free input is taken as binary. Text files, even legacy-encoded ones, have none.
MAX_CONTROL_BYTE_SHARE = 0.1

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of formats people drop into a news folder by mistake, with the advice to give.
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document); unpack or export it as text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive; decompress it first (Lagebild reads gzip itself)"),
    (b"\xfd7zXZ\x00", "an xz archive; decompress it first (Lagebild reads gzip itself)"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive; decompress it first (Lagebild reads gzip itself)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"

_FEED_ROOT = re.compile(rb"<(?:[a-zA-Z][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_HTML_START = re.compile(
    rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|header|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body)[\s>]|<!doctype\s+html", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"</(?:p|div|article|span|a|h[1-6]|li|section)>", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonlines")


def sniff(head: bytes, name: str = "") -> Format:
    """The format of an input whose first bytes are ``head`` (at least :data:`SNIFF_BYTES`).

    Raises :class:`UnsupportedInput` for binary content.
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.lstrip().startswith((b"WARC/1.", b"WARC/0.")):
        return "warc"  # before the binary test: archives hold images
    check_not_binary(head)
    body = _strip_bom(head).lstrip()
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if body.startswith((b"{", b"[")) and _looks_like_json(body, lower):
        return "jsonl"
    if body.startswith(b"<"):
        xml_head = body[:4096]
        feed = _FEED_ROOT.search(xml_head)
        html = _HTML_ANYWHERE.search(xml_head)
        if feed and (html is None or feed.start() < html.start()):
            return "feed"
        if _HTML_START.match(body) or html:
            return "html"
    if _HTML_ANYWHERE.search(body[:8192]):
        return "html"
    if lower.endswith(_HTML_SUFFIXES) and _HTML_TAGS.search(body):
        return "html"
    return "text"


def check_not_binary(head: bytes) -> None:
    """Raise :class:`UnsupportedInput` if ``head`` is the start of a binary (non-text) input."""
    for magic, what in _KNOWN_BINARY:
        if head.startswith(magic):
            raise UnsupportedInput(f"binary content: this looks like {what}")
    if head.startswith(_TEXT_BOMS) or head.startswith(b"\x00\x00\xfe\xff"):
        return  # UTF-16/32 text has NUL bytes; the decoder handles it
    sample = head[:8192]
    if b"\x00" in sample:
        raise UnsupportedInput(
            "binary content (NUL bytes), not text; Lagebild reads plain text, HTML, RSS/Atom, "
            "WARC and JSON Lines (optionally gzipped)"
        )
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if sample and controls > MAX_CONTROL_BYTE_SHARE * len(sample):
        raise UnsupportedInput(
            f"binary content ({controls} control bytes in the first {len(sample)}), not text; "
            "Lagebild reads plain text, HTML, RSS/Atom, WARC and JSON Lines (optionally gzipped)"
        )


def _strip_bom(data: bytes) -> bytes:
    for bom in _TEXT_BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def _looks_like_json(body: bytes, lower_name: str) -> bool:
    """True for JSON Lines, a JSON array of records, or one JSON object.

    A named JSON file is JSON even if its first line is broken (the reader reports the line);
    otherwise one of the first lines must parse as an object.
    """
    if lower_name.endswith(_JSON_SUFFIXES):
        return True
    lines = [line for line in body.split(b"\n", 6)[:6] if line.strip()]
    for line in lines[:-1] or lines:  # the last line of a sniffed head may be cut off
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    if body.startswith(b"["):
        return bool(re.match(rb"\[\s*(\{|\])", body))
    return False

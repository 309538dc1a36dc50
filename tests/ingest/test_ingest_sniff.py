"""Formats are recognised by content; the file name only breaks ties."""

from __future__ import annotations

import gzip

import pytest

from lagebild.errors import UnsupportedInput
from lagebild.ingest.sniff import sniff


@pytest.mark.parametrize(
    "head, expected",
    [
        (gzip.compress(b"irgendwas"), "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"id": 1, "text": "Hallo"}\n{"id": 2, "text": "Welt"}\n', "jsonl"),
        (b'[{"id": 1, "text": "Hallo"}]', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b"<!DOCTYPE html>\n<html><head>", "html"),
        (b"  <html lang='de'><body>", "html"),
        (b"<div><p>Ein Absatz.</p></div>", "html"),
        (b"\xef\xbb\xbf<!doctype html><html>", "html"),
        (b"Ein ganz normaler Text mit <spitzen> Klammern.", "text"),
        (b"{Klammer} am Anfang, aber kein JSON.", "text"),
    ],
)
def test_content_decides(head, expected):
    assert sniff(head, "eingabe") == expected


def test_a_broken_first_line_in_a_named_json_lines_file_is_still_json_lines():
    assert sniff(b'{"id": 1, "text": "kaputt\n{"id": 2}\n', "korpus.jsonl") == "jsonl"


def test_html_fragment_is_html_only_when_named_so():
    head = b"Vorspann ohne Tag\n<p>Dann ein Absatz.</p>"
    assert sniff(head, "seite.html") == "html"
    assert sniff(head, "seite.txt") == "text"


@pytest.mark.parametrize(
    "head", [b"\x00\x01\x02binary", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04xx", bytes(range(1, 32)) * 20]
)
def test_binary_is_unsupported(head):
    with pytest.raises(UnsupportedInput):
        sniff(head, "x.txt")


def test_utf16_text_is_not_binary():
    assert sniff(b"\xff\xfe" + "Hallo Welt".encode("utf-16-le"), "x.txt") == "text"

"""Decoding: BOMs, UTF-8, legacy German encodings, mojibake repair, newlines, NFC."""

from __future__ import annotations

import codecs

import pytest

from lagebild.errors import EncodingInputError
from lagebild.ingest.encoding import decode

GERMAN = "Die Gespräche über Müllgebühren – „heute“ sagte er… Straße kostet 5 €."


def test_utf8_is_read_as_is():
    result = decode(GERMAN.encode("utf-8"))
    assert (result.text, result.encoding, result.repaired) == (GERMAN, "utf-8", False)


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks_decide(bom, codec):
    assert decode(bom + GERMAN.encode(codec)).text == GERMAN


def test_cp1252_german_text_is_decoded_right():
    result = decode(GERMAN.encode("cp1252"))
    assert result.text == GERMAN
    assert result.encoding == "cp1252"


def test_latin1_german_text_is_decoded_right():
    text = "Bürger in Köln äußern Ärger über Straßenbau."
    assert decode(text.encode("latin-1")).text == text


def test_mojibake_is_repaired():
    result = decode("Die GesprÃ¤che in KÃ¶ln gehen weiter.".encode("utf-8"))
    assert result.text == "Die Gespräche in Köln gehen weiter."
    assert result.repaired


def test_german_quotes_survive_mojibake_repair():
    broken = "Er sagte: „Wir sind bereit.“ Die GesprÃ¤che laufen.".encode("utf-8")
    assert decode(broken).text == "Er sagte: „Wir sind bereit.“ Die Gespräche laufen."


def test_a_few_broken_bytes_in_utf8_are_replaced_not_the_whole_text_misread():
    data = (
        ("Müller und Schröder über Äpfel, Öl und Übermut; " * 3).encode()
        + b"\xff"
        + "Grüße".encode()
    )
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.replaced == 1
    assert result.text.endswith("\ufffdGrüße")


def test_cyrillic_legacy_text_is_not_forced_into_cp1252():
    text = "Переговоры в Стамбуле продолжаются уже второй день подряд"
    assert decode(text.encode("cp1251")).text == text


def test_newlines_and_unicode_normal_form():
    result = decode("Zeile eins\r\nZeile zwei\rZeile drei Cafe\u0301".encode())
    assert result.text == "Zeile eins\nZeile zwei\nZeile drei Café"


def test_declared_charset_is_used_for_non_utf8_bytes():
    text = "Die Straße nach Kraków ist gesperrt, sagte der Sprecher."
    assert decode(text.encode("iso-8859-2"), declared="ISO-8859-2").text == text


def test_bytes_that_are_no_text_in_any_encoding_are_refused():
    garbage = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02]) * 40
    with pytest.raises(EncodingInputError, match="convert the file to UTF-8"):
        decode(garbage)

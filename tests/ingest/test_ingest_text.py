"""Plain-text articles: title line, date prefix, header block, identity and source."""

from __future__ import annotations

from pathlib import Path

from ingest_samples import ARTICLE

from lagebild.ingest import read, read_bytes


def read_one(path: Path):
    [doc] = list(read([path]))
    return doc


def test_plain_text_keeps_the_title_line_in_the_text(tmp_path):
    path = tmp_path / "bruecke.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert doc.format == "text"
    assert doc.title == "Neue Brücke über den Fluss eröffnet"
    assert doc.text.startswith("Neue Brücke über den Fluss eröffnet\n\nNach drei Jahren")
    assert doc.text.endswith("das Ergebnis.")
    assert doc.source == str(path)
    assert doc.identity == str(path.resolve())
    assert doc.published is None and doc.html is None


def test_relative_source_is_kept_as_given_and_identity_is_absolute(tmp_path, monkeypatch):
    (tmp_path / "bruecke.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = read_one(Path("bruecke.txt"))
    assert doc.source == "bruecke.txt"
    assert doc.identity == str((tmp_path / "bruecke.txt").resolve())


def test_a_first_line_that_is_a_sentence_is_not_a_title():
    text = "Die Stadt hat am Montag den Haushalt beschlossen.\n\nDer Rat stimmte zu."
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.title is None


def test_a_short_first_line_without_blank_line_after_it_is_not_a_title():
    text = "Kurze Zeile\nund gleich weiter im Text, ohne Leerzeile dazwischen."
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.title is None


def test_date_prefix_on_the_first_line_becomes_published_and_leaves_the_text():
    text = (
        " date 2025-06 Stadtfest mit Rekordbesuch\n\nMehr als 40.000 Menschen kamen am Wochenende."
    )
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.published == "2025-06"
    assert doc.title == "Stadtfest mit Rekordbesuch"
    assert doc.text.startswith("Stadtfest mit Rekordbesuch\n\nMehr als")


def test_date_prefix_followed_directly_by_the_body():
    text = " date 2025-07 Die Stadt hat am Montag den Haushalt beschlossen. Der Rat stimmte zu."
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.published == "2025-07"
    assert doc.text == "Die Stadt hat am Montag den Haushalt beschlossen. Der Rat stimmte zu."


def test_header_block_fills_fields_and_is_removed_from_the_text():
    text = (
        "title: Stadtfest mit Rekordbesuch\n"
        "date: 2025-06-07T18:00:00+02:00\n"
        "url: https://beispielblatt.example/stadtfest\n"
        "outlet: Beispielblatt\n"
        "language: de\n"
        "rubrik: Lokales\n"
        "\n"
        "Mehr als 40.000 Menschen kamen am Wochenende zum Stadtfest.\n"
    )
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.title == "Stadtfest mit Rekordbesuch"
    assert doc.published == "2025-06-07T18:00:00+02:00"
    assert doc.url == "https://beispielblatt.example/stadtfest"
    assert doc.outlet == "Beispielblatt"
    assert doc.language == "de"
    assert doc.metadata["rubrik"] == "Lokales"
    assert doc.text == "Mehr als 40.000 Menschen kamen am Wochenende zum Stadtfest."


def test_a_dateline_with_colon_is_not_mistaken_for_a_header():
    text = "Berlin: Die Regierung hat am Montag beraten.\n\nWeitere Details folgen."
    [doc] = read_bytes(text.encode(), "x.txt")
    assert doc.text.startswith("Berlin: Die Regierung")
    assert doc.metadata == {}


def test_windows_newlines_become_unix_newlines():
    [doc] = read_bytes("Titel der Meldung\r\n\r\nErster Absatz.\r\nZweite Zeile.".encode(), "x.txt")
    assert doc.text == "Titel der Meldung\n\nErster Absatz.\nZweite Zeile."
    assert doc.title == "Titel der Meldung"


def test_header_block_may_start_with_the_date():
    text = "date: 2025-06-07\ntitle: Stadtfest mit Rekordbesuch\n\nMehr als 40.000 Menschen kamen."
    [doc] = read_bytes(text.encode(), "x.txt")
    assert (doc.published, doc.title) == ("2025-06-07", "Stadtfest mit Rekordbesuch")
    assert doc.text == "Mehr als 40.000 Menschen kamen."

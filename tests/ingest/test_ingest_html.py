"""HTML pages: main text with structure, metadata from <meta> and JSON-LD, live-blog entries."""

from __future__ import annotations

from ingest_samples import FIXTURES, article_html

from lagebild.ingest import read, read_bytes
from lagebild.model import RawDocument, Rejection


def test_article_page_text_metadata_and_raw_html():
    [doc] = list(read([FIXTURES / "article.html"]))
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.url == "https://beispielblatt.example/lokal/radweg-123.html"
    assert doc.identity == doc.url  # a page with a URL is identified by it, not by its path
    assert doc.title == "Stadtrat beschließt neuen Radweg"
    assert doc.published == "2025-03-14T09:30:00+01:00"
    assert doc.updated == "2025-03-14T11:05:00+01:00"
    assert doc.outlet == "Beispielblatt"
    assert doc.language == "de"
    assert doc.metadata["author"] == "Erika Musterfrau"
    assert doc.metadata["description"].startswith("Nach langer Debatte")
    assert doc.html is not None and "<nav>" in doc.html


def test_paragraphs_are_separated_by_blank_lines_and_subheadings_stand_alone():
    [doc] = list(read([FIXTURES / "article.html"]))
    blocks = doc.text.split("\n\n")
    assert "Baubeginn im Herbst" in blocks
    assert blocks[blocks.index("Baubeginn im Herbst") + 1].startswith("Nach Angaben der Verwaltung")
    assert any(block.startswith("Die Entscheidung fiel mit 23 zu 11 Stimmen.") for block in blocks)


def test_boilerplate_and_teaser_lists_are_not_article_text():
    [doc] = list(read([FIXTURES / "article.html"]))
    for boilerplate in ("Neue Ampel am Markt", "Mehr zum Thema", "Impressum", "Alle Rechte"):
        assert boilerplate not in doc.text


def test_live_blog_entries_come_from_json_ld():
    [doc] = list(read([FIXTURES / "liveblog.html"]))
    assert doc.outlet == "Beispielblatt Online"  # publisher.name wins over og:site_name
    assert doc.published == "2025-05-02T06:00:00+02:00"
    assert doc.language == "de"  # from lang="de-DE"
    assert doc.metadata["author"] == "Jonas Probe, Mia Test"
    assert doc.metadata["jsonld_type"] == "LiveBlogPosting"
    assert [entry.headline for entry in doc.live_entries] == [
        "Pegel in Dresden steigt weiter",
        "Straßen in Meißen gesperrt",
        None,
    ]
    assert doc.live_entries[1].body == (
        "In der Altstadt von Meißen sind mehrere Straßen gesperrt.\n\n"
        "Anwohner werden gebeten, ihre Autos umzuparken."
    )
    assert doc.live_entries[0].published == "2025-05-02T14:10:00+02:00"
    assert "Der Pegel in Dresden hat am Mittag" in doc.text


def test_without_meta_date_htmldate_reads_the_page():
    html = article_html().replace(
        '<meta property="article:published_time" content="2025-06-07T10:00:00+02:00">', ""
    )
    html = html.replace("<h1>", '<time datetime="2025-06-05">5. Juni 2025</time><h1>')
    [doc] = read_bytes(html.encode(), "seite.html")
    assert doc.published == "2025-06-05"


def test_page_without_url_is_identified_by_its_path(tmp_path):
    path = tmp_path / "seite.html"
    path.write_text(article_html(), encoding="utf-8")
    [doc] = list(read([path]))
    assert doc.url is None
    assert doc.identity == str(path.resolve())
    assert doc.title == "Neue Brücke über den Fluss eröffnet | Beispielblatt"  # <title> as is


def test_format_is_sniffed_from_content_not_extension(tmp_path):
    path = tmp_path / "seite.txt"
    path.write_text(article_html(), encoding="utf-8")
    [doc] = list(read([path]))
    assert doc.format == "html"
    assert "<p>" not in doc.text and "Fußgängerbrücke" in doc.text


def test_declared_legacy_charset_is_honoured():
    html = article_html().replace('charset="utf-8"', 'charset="windows-1252"')
    [doc] = read_bytes(html.encode("cp1252"), "seite.html")
    assert "„Tag der Freude“" in doc.text
    assert "Fußgängerbrücke" in doc.text


def test_html_without_article_text_is_rejected_with_a_reason():
    html = (
        b"<html><head><title>Start</title></head><body><nav><ul>"
        b"<li><a href='/a'>Politik</a></li><li><a href='/b'>Sport</a></li></ul></nav></body></html>"
    )
    [item] = read_bytes(html, "start.html")
    assert isinstance(item, Rejection)
    assert item.source == "start.html"
    assert "no article text" in item.reason

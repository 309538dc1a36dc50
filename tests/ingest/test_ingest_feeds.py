"""RSS and Atom feeds: one document per item, content before summary, dates as ISO 8601."""

from __future__ import annotations

from ingest_samples import FIXTURES

from lagebild.ingest import read, read_bytes
from lagebild.model import RawDocument, Rejection


def test_rss_items_become_documents_and_a_title_only_item_is_reported():
    items = list(read([FIXTURES / "feed.rss"]))
    assert [type(item) for item in items] == [RawDocument, RawDocument, Rejection]
    bus, bad_freibad, headline_only = items[0], items[1], items[2]
    assert bus.source == f"{FIXTURES / 'feed.rss'}#bb-2025-0077"  # guid
    assert bus.identity == bus.url == "https://beispielblatt.example/lokal/buslinie-77.html"
    assert bus.title == "Neue Buslinie verbindet Nord und Süd"
    assert bus.published == "2025-03-10T08:15:00+01:00"
    assert bus.outlet == "Beispielblatt"  # the section suffix of the feed title is not the outlet
    assert bus.language == "de"
    assert bus.format == "feed"
    assert bus.metadata["text_from"] == "content"
    # the full content, with its paragraphs, not the one-line description
    assert bus.text.split("\n\n")[1].startswith("Die Verkehrsbetriebe rechnen")
    assert bad_freibad.source.endswith("feed.rss#2")  # no guid: the item's position
    assert bad_freibad.metadata["text_from"] == "summary"
    assert headline_only.source.endswith("feed.rss#3")
    assert "no text" in headline_only.reason and "ueberschrift-79" in headline_only.reason


def test_atom_entries_with_html_content_and_summary():
    first, second = list(read([FIXTURES / "feed.atom"]))
    assert first.text == (
        "In diesem Jahr brüten in der Region deutlich mehr Störche als im Vorjahr."
        "\n\nDie Vogelschützer führen das auf feuchte Wiesen zurück."
    )
    assert first.published == "2025-04-02T09:00:00+02:00"
    assert first.updated == "2025-04-03T10:00:00+02:00"
    assert first.outlet == "Beispielblatt Wissenschaft"
    assert second.url is None
    assert second.identity == "urn:beispielblatt:wissen:502"  # no link: the guid
    assert second.updated is None


def test_a_feed_never_fetches_anything_even_when_bytes_look_like_a_url():
    items = list(read_bytes(b"https://example.invalid/feed.xml", "feed-url.txt"))
    assert len(items) == 1 and items[0].format == "text"


def test_a_broken_feed_is_rejected():
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Kaputt</title><item><tit'
    [item] = read_bytes(data, "kaputt.rss")
    assert isinstance(item, Rejection)
    assert "feed" in item.reason

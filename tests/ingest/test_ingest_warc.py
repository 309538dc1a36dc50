"""WARC archives: HTML responses become documents; truncated archives keep what was read."""

from __future__ import annotations

from ingest_samples import article_html, make_warc

from lagebild.ingest import read, read_bytes
from lagebild.model import RawDocument, Rejection

PAGES = [
    ("https://beispielblatt.example/a.html", article_html().encode(), "text/html; charset=utf-8"),
    ("https://beispielblatt.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
    (
        "https://beispielblatt.example/b.html",
        article_html(title="Zweite Meldung zur Brücke").encode("cp1252"),
        "text/html; charset=windows-1252",
    ),
]


def test_warc_html_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(make_warc(PAGES))
    items = list(read([path]))
    assert [type(item) for item in items] == [RawDocument, RawDocument]
    first, second = items
    assert first.format == "warc"
    assert first.url == first.identity == "https://beispielblatt.example/a.html"
    assert first.source == f"{path}#https://beispielblatt.example/a.html"
    assert first.published == "2025-06-07T10:00:00+02:00"  # the page's own date wins
    assert "Fußgängerbrücke" in second.text  # decoded with the HTTP charset
    assert second.title == "Zweite Meldung zur Brücke | Beispielblatt"
    assert first.metadata["warc_record_id"].startswith("<urn:uuid:")


def test_warc_date_is_the_fallback_publication_date():
    html = article_html().replace(
        '<meta property="article:published_time" content="2025-06-07T10:00:00+02:00">', ""
    )
    data = make_warc([("https://beispielblatt.example/c.html", html.encode(), "text/html")])
    [doc] = read_bytes(data, "crawl.warc")
    assert doc.published == "2025-06-07T12:00:00Z"


def test_gzipped_warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(PAGES, gzip=True))
    assert [item.url for item in read([path])] == [
        "https://beispielblatt.example/a.html",
        "https://beispielblatt.example/b.html",
    ]


def test_warc_gzipped_as_one_member_is_read_too(tmp_path):
    import gzip

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(make_warc(PAGES)))
    assert [type(item) for item in read([path])] == [RawDocument, RawDocument]


def test_truncated_warc_yields_the_records_read_then_a_rejection_with_the_offset(tmp_path):
    data = make_warc(PAGES, extra_records=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 500])  # cuts into the last page
    items = list(read([path]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Rejection)
    assert items[-1].source == str(path)
    assert "truncated" in items[-1].reason and "offset" in items[-1].reason
    assert sum(isinstance(item, RawDocument) for item in items) == 1


def test_truncated_gzipped_warc(tmp_path):
    data = make_warc(PAGES, gzip=True, extra_records=False)
    for cut in (len(data) - 300, len(data) - 900):
        path = tmp_path / f"cut{cut}.warc.gz"
        path.write_bytes(data[:cut])
        items = list(read([path]))
        assert isinstance(items[0], RawDocument), cut
        assert isinstance(items[-1], Rejection), cut
        assert "truncated" in items[-1].reason


def test_warc_cut_inside_record_headers_is_reported(tmp_path):
    data = make_warc(PAGES[:1], extra_records=False) + b"WARC/1.0\r\nWARC-Type: resp"
    [doc, rejection] = read_bytes(data, "cut.warc")
    assert isinstance(doc, RawDocument) and isinstance(rejection, Rejection)
    assert "truncated" in rejection.reason


def test_a_page_without_article_text_inside_a_warc_is_rejected_on_its_own():
    empty = b"<html><body><nav><a href='/'>Start</a></nav></body></html>"
    data = make_warc([("https://beispielblatt.example/leer.html", empty, "text/html"), PAGES[0]])
    rejection, doc = read_bytes(data, "crawl.warc")
    assert rejection.source == "crawl.warc#https://beispielblatt.example/leer.html"
    assert "no article text" in rejection.reason
    assert isinstance(doc, RawDocument)

"""Shared inputs for the ingest tests: German articles written for these tests, and builders
for containers (WARC, gzip, JSON Lines) made on the fly in ``tmp_path``."""

from __future__ import annotations

import io
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
WIKINEWS = REPO.parent / "shared" / "data" / "spkatt2023-news" / "train"

ARTICLE = (
    "Neue Brücke über den Fluss eröffnet\n"
    "\n"
    "Nach drei Jahren Bauzeit ist die neue Fußgängerbrücke in Musterstadt am Samstag "
    "eröffnet worden. Oberbürgermeisterin Anna Beispiel sprach von einem „Tag der Freude“.\n"
    "\n"
    "Die Brücke kostete nach Angaben der Stadt rund 4,1 Millionen Euro. Anwohner hatten "
    "sich über den Lärm der Bauarbeiten beschwert, begrüßten aber das Ergebnis.\n"
)


def article_html(body: str = "", *, title: str = "Neue Brücke über den Fluss eröffnet") -> str:
    """A small news page with boilerplate around the article."""
    paragraphs = body or (
        "<p>Nach drei Jahren Bauzeit ist die neue Fußgängerbrücke in Musterstadt am Samstag "
        "eröffnet worden. Oberbürgermeisterin Anna Beispiel sprach von einem „Tag der Freude“.</p>"
        "<p>Die Brücke kostete nach Angaben der Stadt rund 4,1 Millionen Euro. Anwohner hatten "
        "sich über den Lärm der Bauarbeiten beschwert, begrüßten aber das Ergebnis.</p>"
        "<p>Der Verkehr auf der alten Straßenbrücke soll dadurch spürbar abnehmen, hofft die "
        "Verwaltung. Eine Zählung ist für den Herbst geplant.</p>"
    )
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{title} | Beispielblatt</title>"
        '<meta property="article:published_time" content="2025-06-07T10:00:00+02:00">'
        '</head><body><nav><ul><li><a href="/">Start</a></li><li><a href="/lokal">Lokales</a>'
        f"</li></ul></nav><article><h1>{title}</h1>{paragraphs}</article>"
        '<footer><a href="/impressum">Impressum</a></footer></body></html>'
    )


def make_warc(
    pages: list[tuple[str, bytes, str]], *, gzip: bool = False, extra_records: bool = True
) -> bytes:
    """A WARC archive of (url, payload, content type) responses, plus a request and an image."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, payload, content_type in pages:
        if extra_records:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        record.rec_headers.replace_header("WARC-Date", "2025-06-07T12:00:00Z")
        writer.write_record(record)
    return buffer.getvalue()

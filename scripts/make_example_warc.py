"""Build examples/archive.warc.gz from the readable pages in scripts/example-warc-src/.

The archive is reproducible: every WARC-Date, WARC-Record-ID and HTTP Date is fixed here, and
warcio's per-record gzip members carry no timestamp, so running this script twice yields
byte-identical output. Run it after editing a page in example-warc-src/ and commit both:

    .venv/bin/python scripts/make_example_warc.py

The archive holds one ``warcinfo`` record (which ingest must skip) and two HTML ``response``
records, as a crawler such as wget or Heritrix would have written them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "example-warc-src"
ARCHIVE = HERE.parent / "examples" / "archive.warc.gz"

# (page in example-warc-src/, target URI, capture time, fixed record id)
PAGES: tuple[tuple[str, str, str, str], ...] = (
    (
        "talks-ended.html",
        "https://www.nordsee-bote.example/politik/istanbul-gespraeche-beendet-gefangenenaustausch-2025-07-23",
        "2025-07-23T20:31:07Z",
        "<urn:uuid:6f1c2a52-3d0e-4b7a-9a51-0c7d2e8b1a01>",
    ),
    (
        "mirage-crash.html",
        "https://www.nordsee-bote.example/panorama/ukraine-mirage-kampfjet-verloren-2025-07-23",
        "2025-07-23T20:31:12Z",
        "<urn:uuid:6f1c2a52-3d0e-4b7a-9a51-0c7d2e8b1a02>",
    ),
)
WARCINFO_ID = "<urn:uuid:6f1c2a52-3d0e-4b7a-9a51-0c7d2e8b1a00>"
WARCINFO_DATE = "2025-07-23T20:31:00Z"


def _http_date(warc_date: str) -> str:
    """RFC 7231 date for the HTTP header, from the fixed ISO capture time (always a Wednesday)."""
    day, time = warc_date.rstrip("Z").split("T")
    year, month, mday = day.split("-")
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"Wed, {mday} {months[int(month) - 1]} {year} {time} GMT"


def build(out: io.BufferedIOBase) -> None:
    """Write the warcinfo record and one response record per page to ``out``."""
    writer = WARCWriter(out, gzip=True, warc_version="1.0")
    info = (
        "software: lagebild scripts/make_example_warc.py (warcio)\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: Example pages written for the Lagebild project; not real articles.\r\n"
    ).encode("utf-8")
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": WARCINFO_ID,
                "WARC-Date": WARCINFO_DATE,
                "WARC-Filename": ARCHIVE.name,
            },
        )
    )
    for name, uri, date, record_id in PAGES:
        body = (SOURCE_DIR / name).read_bytes()
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Date", _http_date(date)),
                ("Server", "nginx"),
            ],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": date},
        )
        writer.write_record(record)


def main() -> int:
    with ARCHIVE.open("wb") as out:
        build(out)
    print(f"wrote {ARCHIVE.relative_to(HERE.parent)} ({ARCHIVE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""WARC archives (plain or gzipped per record, as crawlers write them): their HTML pages.

Each ``response`` record with HTTP status 200 and an HTML content type (and each ``resource``
record of HTML) goes through the HTML path with the record's ``WARC-Target-URI`` as URL and its
``WARC-Date`` as the publication date of last resort. Other records (requests, metadata, images,
redirects, revisits) are skipped without a word: they are part of every crawl.

The archive is streamed, never read whole, so the size limit applies to each record rather than
to the archive. A truncated or damaged archive yields the pages read so far, then one
:class:`Rejection` naming the byte offset where reading stopped.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterator
from typing import BinaryIO

from lagebild.errors import EmptyInput, InputError
from lagebild.ingest.encoding import decode
from lagebild.ingest.html import declared_charset, parse_html
from lagebild.ingest.limits import too_large
from lagebild.model import RawDocument, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse_warc(
    stream: BinaryIO,
    size: int | None,
    source: str,
    *,
    max_bytes: int,
    gzipped_whole: bool = False,
) -> Iterator[RawDocument | Rejection]:
    """The HTML pages of a WARC archive read from ``stream`` (``size`` bytes long, if known)."""
    from warcio.exceptions import ArchiveLoadFailed

    # ``gzipped_whole``: one gzip member around the whole archive (``gzip file.warc``), which
    # warcio does not read itself; crawlers write one member per record, which it does.
    tolerant: _EndAtTruncation | None = None
    if gzipped_whole:
        tolerant = _EndAtTruncation(gzip.GzipFile(fileobj=stream))
        stream = tolerant  # type: ignore[assignment]
        size = None
    iterator = _quiet_iterator_class()(stream)
    complete = 0
    yielded = 0
    last_good_end = 0
    try:
        for record in iterator:
            offset = iterator.offset
            item = _record_document(record, source, max_bytes)
            iterator.read_to_end()
            announced = record.rec_headers.get_header("Content-Length") or ""
            if record.raw_stream.limit > 0 or not announced.strip().isdigit():
                # fewer bytes than its Content-Length announced, or headers cut off
                yield _truncated(source, offset, complete, gzipped_whole)
                return
            if item is not None:
                yielded += 1
                yield item
            complete += 1
            last_good_end = iterator.offset
        if tolerant is not None and (tolerant.truncated or tolerant.read(1) or tolerant.truncated):
            yield _truncated(source, last_good_end, complete, True, "the gzip stream ends early")
            return
    except ArchiveLoadFailed as err:
        yield _truncated(source, last_good_end, complete, gzipped_whole, str(err))
        return
    except (EOFError, OSError, ValueError, AttributeError, TypeError, KeyError, IndexError) as err:
        # warcio's parser fails in many ways on cut-off data
        yield _truncated(
            source, last_good_end, complete, gzipped_whole, f"{type(err).__name__}: {err}"
        )
        return
    end = iterator.offset or last_good_end
    if size is not None and end < size and _has_data_after(stream, end):
        yield _truncated(source, end, complete, gzipped_whole)
    elif complete == 0:
        yield Rejection(source, "the WARC archive holds no records")
    elif yielded == 0:
        yield Rejection(
            source,
            f"the WARC archive holds no HTML pages (status 200, text/html) "
            f"among its {complete} records",
        )


@functools.cache
def _quiet_iterator_class():
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        # warcio prints a warning to stderr for each record not followed by blank lines; the
        # damage that matters is reported as a Rejection instead
        INC_RECORD = ""

    return QuietArchiveIterator


class _EndAtTruncation:
    """A gzip stream that ends quietly where its data was cut off, and remembers that it was.

    warcio reads ahead in blocks; an EOFError from the gzip layer inside one of those reads would
    lose the records already decompressed in that block.
    """

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self.truncated = False

    def read(self, size: int = -1) -> bytes:
        if self.truncated:
            return b""
        if size is None or size < 0:
            chunks = []
            while chunk := self.read(1 << 16):
                chunks.append(chunk)
            return b"".join(chunks)
        try:
            # read1: one decompression step; read() would drop what it had when the end is cut off
            return self._stream.read1(size)
        except EOFError:
            self.truncated = True
            return b""


def _has_data_after(stream: BinaryIO, offset: int) -> bool:
    try:
        stream.seek(offset)
        return bool(stream.read(4096).strip())
    except (OSError, ValueError):
        return True


def _truncated(
    source: str, offset: int, complete: int, uncompressed: bool, detail: str | None = None
) -> Rejection:
    what = f" ({detail})" if detail else ""
    where = "uncompressed byte offset" if uncompressed else "byte offset"
    return Rejection(
        source,
        f"the WARC archive is truncated or damaged at {where} {offset}{what}; the {complete} "
        f"record{'s' if complete != 1 else ''} before it were read; "
        "re-download or repair the archive",
    )


def _record_document(record, source: str, max_bytes: int) -> RawDocument | Rejection | None:
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    item_source = f"{source}#{uri}" if uri else source
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return None
    length = record.length or 0
    if length > max_bytes:
        return Rejection(item_source, too_large("the record", length, max_bytes))
    data = record.content_stream().read(max_bytes + 1)
    if record.raw_stream.limit > 0:
        return None  # cut off: the caller reports the truncation
    if len(data) > max_bytes:
        return Rejection(item_source, too_large("the record", len(data), max_bytes))
    charset = _charset_param(content_type) or declared_charset(data[:8192])
    try:
        decoded = decode(data, charset, normalize=False)
        metadata = {"warc_record_id": record.rec_headers.get_header("WARC-Record-ID")}
        return parse_html(
            decoded.text,
            item_source,
            default_identity=uri or item_source,
            url=uri,
            published=record.rec_headers.get_header("WARC-Date"),
            format="warc",
            metadata={k: v for k, v in metadata.items() if v},
        )
    except EmptyInput as err:
        return Rejection(item_source, str(err))
    except InputError as err:
        return Rejection(item_source, str(err))


def _charset_param(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None

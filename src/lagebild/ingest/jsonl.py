"""JSON Lines corpora: one article per line (also a JSON array of articles, or one object).

A record carries ``id``, ``url``, ``title``, ``text`` or ``html``, ``published``, ``updated``,
``outlet``, ``language`` (a few common aliases are understood, see :data:`FIELD_ALIASES`);
every other field is kept in ``metadata``. A record with ``html`` but no ``text`` goes through
the HTML path; the record's own fields win over what the page says about itself.

The file is streamed line by line, so the size limit applies to each line. A broken line (not
JSON, not an object, no text) is its own :class:`Rejection` with its line number; the good lines
around it are read as usual.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any, BinaryIO

from lagebild.errors import EmptyInput, InputError, MalformedInput
from lagebild.ingest.encoding import decode_raw, normalize_text
from lagebild.ingest.html import parse_html
from lagebild.ingest.limits import too_large
from lagebild.model import RawDocument, Rejection

# Field names used by common corpus formats, mapped to the record fields they stand for.
FIELD_ALIASES: Mapping[str, str] = {
    "id": "id",
    "_id": "id",
    "doc_id": "id",
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "text": "text",
    "body": "text",
    "content": "text",
    "maintext": "text",
    "html": "html",
    "raw_html": "html",
    "published": "published",
    "date": "published",
    "date_publish": "published",
    "datePublished": "published",
    "published_at": "published",
    "updated": "updated",
    "date_modify": "updated",
    "dateModified": "updated",
    "outlet": "outlet",
    "source": "outlet",
    "source_domain": "outlet",
    "site": "outlet",
    "publisher": "outlet",
    "language": "language",
    "lang": "language",
}
_STRING_FIELDS = ("id", "url", "title", "text", "html", "outlet", "language")


def read_record(
    record: Mapping[str, Any],
    source: str,
    line: int | None = None,
    *,
    identity_base: str | None = None,
) -> RawDocument:
    """One article record as a :class:`RawDocument`; raise :class:`InputError` if unusable.

    ``source`` names the container (a path or upload name); the document's source is
    ``source#id`` (or ``source#line<n>``). Its identity is its URL, else ``<base>#<id>``, else
    ``<base>#line<n>``, where ``<base>`` is ``identity_base`` (the resolved path) or ``source``.
    """
    where = f"line {line}: " if line is not None else ""
    if not isinstance(record, Mapping):
        raise MalformedInput(
            f"{where}a record must be a JSON object, not {_json_type(record)}; "
            "write one article object per line"
        )
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        target = FIELD_ALIASES.get(str(key))
        if target and target not in fields and value is not None and value != "":
            fields[target] = value
        else:
            extra[str(key)] = value

    for name in _STRING_FIELDS:
        value = fields.get(name)
        if name == "id" and isinstance(value, (int, float)) and not isinstance(value, bool):
            fields[name] = value = str(value)
        if name == "outlet" and isinstance(value, Mapping):  # {"publisher": {"name": ...}}
            fields[name] = value = value.get("name")
        if value is not None and not isinstance(value, str):
            raise MalformedInput(
                f"{where}field '{name}' must be a string, not {_json_type(value)}; fix the record"
            )

    base = identity_base or source
    record_id = (fields.get("id") or "").strip() or None
    url = (fields.get("url") or "").strip() or None
    key = record_id or (f"line{line}" if line is not None else None)
    item_source = f"{source}#{key}" if key else source
    identity = url or (f"{base}#{key}" if key else base)

    published = _date(fields.get("published"), "published", where)
    updated = _date(fields.get("updated"), "updated", where)
    title = _clean_line(fields.get("title"))
    outlet = _clean_line(fields.get("outlet"))
    language = (fields.get("language") or "").strip().lower() or None
    text = fields.get("text")
    html = fields.get("html")

    if text is not None and text.strip():
        return RawDocument(
            source=item_source,
            identity=identity,
            text=normalize_text(text.strip()),
            html=html,
            url=url,
            title=title,
            published=published,
            updated=updated,
            outlet=outlet,
            language=language,
            format="jsonl",
            metadata=extra,
        )
    if html is not None and html.strip():
        try:
            page = parse_html(
                html,
                item_source,
                default_identity=identity,
                url=url,
                published=published,
                format="jsonl",
                metadata=extra,
            )
        except EmptyInput as err:
            raise EmptyInput(f"{where}{err}") from None
        return RawDocument(
            source=item_source,
            identity=url or page.identity,
            text=page.text,
            html=html,
            url=url or page.url,
            title=title or page.title,
            published=published or page.published,
            updated=updated or page.updated,
            outlet=outlet or page.outlet,
            language=language or page.language,
            format="jsonl",
            metadata=page.metadata,
            live_entries=page.live_entries,
        )
    raise EmptyInput(f"{where}the record has no text: give it a non-empty 'text' or 'html' field")


def parse_lines(
    stream: BinaryIO, source: str, identity_base: str, *, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Records of a JSON Lines stream, a Rejection for each broken line, in line order."""
    number = 0
    yielded = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            yielded += 1
            yield Rejection(
                source, f"line {number}: {too_large('the line', size, max_bytes)}", number
            )
            continue
        if not raw.strip():
            continue
        yielded += 1
        yield _line_document(raw, source, identity_base, number)
    if yielded == 0:
        raise EmptyInput("the file has no records (only blank lines)")


def parse_json_document(
    data: bytes, source: str, identity_base: str
) -> Iterator[RawDocument | Rejection]:
    """A whole JSON file: an array of article objects, or one object."""
    text, _ = decode_raw(data)
    try:
        value = json.loads(text)
    except ValueError as err:
        raise MalformedInput(
            f"not valid JSON ({err}); fix the file or write one record per line"
        ) from None
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise MalformedInput(
            f"a JSON file must hold an article object or an array of them, not {_json_type(value)}"
        )
    if not value:
        raise EmptyInput("the JSON array is empty")
    for index, item in enumerate(value, start=1):
        try:
            yield read_record(
                item, source, None if len(value) == 1 else index, identity_base=identity_base
            )
        except InputError as err:
            yield Rejection(source, str(err).replace("line ", "item ", 1), index)


def looks_like_single_json(head: bytes) -> bool:
    """True if a JSON file starts with an array, or with an object spread over several lines."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"["):
        return True
    first = body.split(b"\n", 1)[0]
    try:
        json.loads(first)
        return False
    except ValueError:
        return body.startswith(b"{")


def _line_document(
    raw: bytes, source: str, identity_base: str, number: int
) -> RawDocument | Rejection:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text, _ = decode_raw(raw)
        except InputError as err:
            return Rejection(source, f"line {number}: {err}", number)
    try:
        value = json.loads(text)
    except ValueError as err:
        message = getattr(err, "msg", str(err))
        column = getattr(err, "colno", None)
        at = f" at column {column}" if column else ""
        return Rejection(
            source, f"line {number}: not valid JSON ({message}{at}); fix or remove the line", number
        )
    try:
        return read_record(value, source, number, identity_base=identity_base)
    except InputError as err:
        return Rejection(source, str(err), number)


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(1024 * 1024)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _date(value: Any, name: str, where: str) -> str | None:
    """A date field as found (clean normalises it); epoch seconds become ISO 8601 UTC."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise MalformedInput(f"{where}field '{name}' must be a date string, not a boolean")
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds, as JavaScript writes
        try:
            stamp = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise MalformedInput(
                f"{where}field '{name}' is not a usable timestamp: {value}"
            ) from None
        return stamp.isoformat().replace("+00:00", "Z")
    if isinstance(value, str):
        return value.strip() or None
    raise MalformedInput(f"{where}field '{name}' must be a date string, not {_json_type(value)}")


def _clean_line(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    return normalize_text(" ".join(value.split()))


def _json_type(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "null"
    return type(value).__name__

"""RSS, Atom and RDF feeds: each item becomes a :class:`RawDocument`.

feedparser reads the bytes (wrapped in a stream, so that it never takes them for a URL or a
file name and never fetches anything). An item's text is its full content where the feed carries
it, else its summary (``metadata["text_from"]`` says which); HTML in either is reduced to text
with its paragraphs kept. Items without any text are reported, not silently dropped: a feed of
headlines only is a feed whose articles Lagebild has not seen.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from lagebild.errors import EmptyInput, MalformedInput
from lagebild.ingest.encoding import normalize_text
from lagebild.ingest.html import extract_main_text, fragment_text, load_tree
from lagebild.model import RawDocument, Rejection

_ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_FULL_PAGE = re.compile(r"<(html|body)[\s>]", re.IGNORECASE)
_TAGS = re.compile(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#\d+;")


def parse_feed(data: bytes, source: str, identity_base: str) -> Iterator[RawDocument | Rejection]:
    """Items of a feed; raise :class:`MalformedInput` or :class:`EmptyInput` for the whole feed."""
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except (UnicodeError, ValueError, LookupError) as err:  # feedparser fails so on damaged prologs
        raise MalformedInput(
            f"not a readable RSS/Atom feed ({type(err).__name__}: {err}); check "
            "that the file is complete and well-formed XML"
        ) from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise MalformedInput(
                f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check that the "
                "file is complete and well-formed XML"
            )
        raise EmptyInput("the feed has no items")

    feed = parsed.get("feed", {})
    outlet = _outlet(feed.get("title"))
    language = _language(feed.get("language"))
    for index, entry in enumerate(entries, start=1):
        guid = entry.get("id") or None
        key = guid or str(index)
        item_source = f"{source}#{key}"
        link = entry.get("link") or None
        if link and not link.startswith(("http://", "https://")):
            link = None  # feedparser falls back to a non-URL guid (urn:...) for link-less items
        text, text_from = _entry_text(entry)
        title = _clean(entry.get("title"))
        if not text:
            yield Rejection(
                item_source,
                "feed item has no text (neither content nor summary)"
                + (f"; its article is at {link}" if link else ""),
            )
            continue
        # Atom entries often carry only <updated>: it is then also the best publication date
        updated = _iso_date(entry, "updated")
        published = _iso_date(entry, "published") or _iso_date(entry, "created") or updated
        metadata: dict[str, Any] = {"text_from": text_from}
        if guid:
            metadata["guid"] = guid
        author = _clean(entry.get("author"))
        if author:
            metadata["author"] = author
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            metadata["tags"] = tags
        yield RawDocument(
            source=item_source,
            identity=link or guid or f"{identity_base}#{index}",
            text=text,
            url=link,
            title=title,
            published=published,
            updated=updated,
            outlet=outlet,
            language=_language(entry.get("language")) or language,
            format="feed",
            metadata=metadata,
        )


def _entry_text(entry: Any) -> tuple[str, str]:
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        text = _to_text(best.get("value") or "", best.get("type") or "")
        if text:
            return text, "content"
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return _to_text(summary, detail.get("type") or ""), "summary"
    return "", "none"


def _to_text(value: str, mime: str) -> str:
    if "html" in mime or _TAGS.search(value):
        if _FULL_PAGE.search(value):
            return extract_main_text(load_tree(value))
        return fragment_text(value)
    return normalize_text(value.strip())


def _clean(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return normalize_text(" ".join(value.split()))


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip())[0].lower() or None


# A feed's title often names the section after a dash or bar: "Elbe-Kurier – Politik".
_SECTION_SUFFIX = re.compile(r"\s+[–—|:-]\s+[^–—|:]{2,40}$")


def _outlet(title: Any) -> str | None:
    """The publication's name from a feed title, without the section suffix."""
    name = _clean(title)
    if name:
        name = _SECTION_SUFFIX.sub("", name) or name
    return name


def _iso_date(entry: Any, field: str) -> str | None:
    """An item's date as ISO 8601, keeping the feed's UTC offset where the string has one."""
    raw = dict.get(entry, field)  # not entry.get: feedparser maps a missing field to another
    if isinstance(raw, str) and raw.strip():
        raw = raw.strip()
        if _ISO_DATE.match(raw):
            return raw
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    parsed = dict.get(entry, f"{field}_parsed")
    if parsed:
        stamp = calendar.timegm(parsed)
        return datetime.fromtimestamp(stamp, tz=timezone.utc).isoformat().replace("+00:00", "Z")
    return None

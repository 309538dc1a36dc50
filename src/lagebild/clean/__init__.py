"""The clean stage: a :class:`~lagebild.model.RawDocument` becomes a :class:`Document` and its
:class:`Segment` list.

One pure function, :func:`clean`. The order of its steps is the stage's design:

1. paragraphs (:mod:`.paragraphs`): one normal form, one paragraph a line;
2. header (:mod:`.metadata`): title, kicker, byline, date stamps, reading time are read and
   taken out of the body;
3. boilerplate (:mod:`.boilerplate`): page furniture removed by named rules, captions moved out;
4. credits (:mod:`.metadata`): dateline, agency signatures and "Mit Material von" read and taken
   out (after boilerplate, so that the article's own last paragraph is found);
5. segments (:mod:`.segments`): live-blog entries or sub-headed sections, laid out into
   ``Document.text`` (paragraphs separated by ``"\\n\\n"``, headlines on their own line) with
   each segment's span.

Where ingest found JSON-LD live-blog entries (``raw.live_entries``) they are the segments, in
page order, each with its own time. Timestamps are ISO 8601 with offset; a German outlet's clock
times without a zone are read in Europe/Berlin.
"""

from __future__ import annotations

import html

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Sequence

from lagebild.clean.boilerplate import RULES, Cleaned, Rule, strip_boilerplate
from lagebild.clean.dates import BERLIN, Stamp, at_clock, more_precise, normalise_iso
from lagebild.clean.metadata import (
    detect_language,
    is_german_outlet,
    normalise_language,
    outlet_from_url,
    outlet_name,
    read_credits,
    read_header,
    split_kicker,
    title_from_furniture,
)
from lagebild.clean.paragraphs import split_paragraphs
from lagebild.clean.segments import (
    Part,
    drop_trailing_headline,
    find_headlines,
    is_live_blog,
    layout,
    plan_parts,
    take_time_lines,
)
from lagebild.errors import EmptyInput
from lagebild.model import Document, RawDocument, Segment, content_hash

__all__ = ["clean", "RULES", "Rule", "strip_boilerplate", "Cleaned", "detect_language"]

# " date 2025-06 Newsblog ..." as some scrapers write it; ingest strips it too, clean keeps the
# guard so that a RawDocument built by hand behaves the same.
_DATE_PREFIX = re.compile(r"\A\s*date\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+")
_HTML_HEADING = re.compile(r"<h[2-4][^>]*>(?P<text>.*?)</h[2-4]>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _html_headings(html: str | None) -> list[str]:
    """h2-h4 texts of the page: sub-headings that plain text lost the mark-up of."""
    if not html:
        return []
    import html as html_lib

    # inline tags (<b>, <a>) sit inside words and phrases: drop them without a space
    return [" ".join(html_lib.unescape(_TAG.sub("", m["text"])).split())
            for m in _HTML_HEADING.finditer(html)]


def _entry_time(match: re.Match[str], reference: Stamp | None, zone: tzinfo) -> str | None:
    """An entry's printed time on the day it belongs to: its own date, else the document's.

    Live blogs run newest first from the stamp they were updated at: an entry time later than
    that stamp's clock belongs to the day before.
    """
    if match["d"]:
        year = int(match["y"]) if match["y"] else (int(reference.value[:4]) if reference else None)
        if year is None:
            return None
        try:
            day = date(year, int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    elif reference is not None and reference.precision in ("day", "hour", "minute"):
        day = date.fromisoformat(reference.value[:10])
        if reference.precision == "minute":
            clock = datetime.fromisoformat(reference.value).time()
            if (int(match["H"]), int(match["M"])) > (clock.hour, clock.minute):
                day -= timedelta(days=1)
    else:
        return None
    try:
        return at_clock(day, time(int(match["H"]), int(match["M"])), zone)
    except ValueError:
        return None


def _live_parts(raw: RawDocument, lead: Sequence[str], zone: tzinfo,
                captions: list[str], removed: list[tuple[str, str]]) -> list[Part]:
    """Segments from JSON-LD live-blog entries; the page's teaser before them as the lead."""
    parts: list[Part] = []
    firsts: set[str] = set()
    for entry in raw.live_entries:
        cleaned = strip_boilerplate(split_paragraphs(entry.body))
        captions.extend(cleaned.captions)
        removed.extend(cleaned.removed)
        if not cleaned.paragraphs:
            continue  # a headline without body is a truncated entry
        headline = " ".join((entry.headline or "").split()) or None
        paragraphs = ((headline,) if headline else ()) + cleaned.paragraphs
        firsts.add(paragraphs[0])
        firsts.add(cleaned.paragraphs[0])
        stamp = normalise_iso(entry.published, zone=zone)
        parts.append(Part("entry", paragraphs, 0 if headline else None,
                          stamp.value if stamp else None))
    cut = next((i for i, p in enumerate(lead) if p in firsts), None)
    if cut:
        parts.insert(0, Part("lead", tuple(lead[:cut])))
    elif teaser := _visible_description(raw):
        # Extraction kept neither the teaser nor the entries' text: the page's description is
        # its lead where the page shows it as body text, not only in its meta tags.
        parts.insert(0, Part("lead", (teaser,)))
    return parts


def _visible_description(raw: RawDocument) -> str | None:
    description = raw.metadata.get("description")
    if not description or not raw.html:
        return None
    start = " ".join(str(description).split())[:60]
    return str(description) if re.search(r">\s*" + re.escape(start), raw.html) else None


_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _html_captions(raw: RawDocument) -> list[str]:
    """Picture captions and credits the page marks up as <figcaption>: kept, out of the body."""
    if not raw.html or "figcaption" not in raw.html.lower():
        return []
    found = []
    for match in _FIGCAPTION.finditer(raw.html):
        text = " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())
        if text and text not in found:
            found.append(text)
    return found


def _declared_live(raw: RawDocument) -> bool:
    """The page's JSON-LD type (as ingest records it) says LiveBlogPosting."""
    declared = raw.metadata.get("jsonld_type") or raw.metadata.get("@type") or ""
    return "liveblog" in str(declared).lower()


def _dedupe(*groups: Sequence[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for group in groups:
        seen.extend(item for item in group if item not in seen)
    return tuple(seen)


def clean(raw: RawDocument) -> tuple[Document, tuple[Segment, ...]]:
    """The cleaned document and its segments. Pure; raises :class:`EmptyInput` when nothing of
    the article is left after page furniture is removed."""
    text = raw.text or ""
    prefix_date = None
    if match := _DATE_PREFIX.match(text):
        prefix_date, text = match["date"], text[match.end():]
    paragraphs = split_paragraphs(text)
    if not paragraphs and not raw.live_entries:
        raise EmptyInput(f"{raw.source}: the document has no text; check that the source holds"
                         " an article and that extraction found its main text")

    language = normalise_language(raw.language) or detect_language("\n".join(paragraphs[:20]))
    url_outlet = outlet_from_url(raw.url)
    german = language == "de" or is_german_outlet(outlet_name(raw.outlet, url_outlet), raw.url)
    zone: tzinfo = BERLIN if german else timezone.utc

    header, paragraphs = read_header(paragraphs, raw_title=raw.title, zone=zone)
    cleaned = strip_boilerplate(paragraphs)
    credits, paragraphs = read_credits(cleaned.paragraphs, cleaned.removed)
    captions = list(cleaned.captions)
    captions.extend(c for c in _html_captions(raw) if c not in captions)
    removed = list(cleaned.removed)

    published = more_precise(normalise_iso(raw.published or prefix_date, zone=zone),
                             header.published)
    updated = more_precise(normalise_iso(raw.updated, zone=zone), header.updated)
    title = header.title or title_from_furniture(removed)
    kicker = header.kicker
    if title and not header.title:
        kicker, title = split_kicker(title)

    metadata: dict[str, Any] = dict(raw.metadata)
    parts = _live_parts(raw, paragraphs, zone, captions, removed) if raw.live_entries else []
    live = bool(parts)
    if not parts:  # no JSON-LD entries (or none with a body): segments from the text
        paragraphs, times = take_time_lines(paragraphs)
        paragraphs, truncated = drop_trailing_headline(paragraphs)
        if truncated:
            metadata["truncated"] = True
        headlines = find_headlines(paragraphs, _html_headings(raw.html))
        live = is_live_blog(" ".join(filter(None, (kicker, title))), paragraphs, headlines,
                            has_dateline=credits.dateline is not None) or _declared_live(raw)
        reference = updated or published
        entry_times = {}
        for index, time_match in times.items():
            value = _entry_time(time_match, reference, zone)
            if value:
                entry_times[index] = value
        parts = plan_parts(paragraphs, headlines, live=live, times=entry_times)
    if not parts:
        raise EmptyInput(f"{raw.source}: nothing of the article is left after removing page"
                         " furniture (share bars, link lists, comments); check the extraction")

    document_id = Document.make_id(raw.identity)
    body, segments = layout(document_id, parts)
    for key, value in (("kicker", kicker), ("authors", list(header.authors) or None),
                       ("reading_minutes", header.reading_minutes),
                       ("dateline_credit", credits.dateline_credit),
                       ("signature", credits.signature),
                       ("agency_services", list(credits.services) or None)):
        if value is not None:
            metadata[key] = value
    if live:
        metadata["live_blog"] = True
    if removed:
        counts: dict[str, int] = {}
        for rule, _ in removed:
            counts[rule] = counts.get(rule, 0) + 1
        metadata["removed"] = counts

    document = Document(
        id=document_id,
        source=raw.source,
        identity=raw.identity,
        text=body,
        url=raw.url,
        outlet=outlet_name(raw.outlet, header.outlet, credits.outlet, url_outlet),
        agency=_dedupe(header.agencies, credits.agencies),
        dateline=credits.dateline,
        published=published.value if published else None,
        updated=updated.value if updated else None,
        date_precision=published.precision if published else None,
        language=language,
        title=title,
        format=raw.format,
        content_hash=content_hash(body),
        metadata=metadata,
        captions=tuple(captions),
    )
    return document, segments

"""German temporal expressions, normalised against the document date; document dates inferred.

The stage in three steps, one module each:

* :mod:`.rules` recognises expressions with a compiled-regex cascade (what they mean, unanchored);
* :mod:`.docdate` finds the day the document was written: ``published`` when firm, else the
  ``updated`` stamp, else a range inferred from the text (and from the story, in the corpus pass);
* :mod:`.normalise` resolves each expression against that day, in the direction its clause points
  (:mod:`.context`), to a TIMEX3 value.

When the document day is a range, every expression is resolved for each candidate day (after the
weekday-consistency solver has pruned the range). Readings that agree give the value; readings
that differ keep what they share and write X for the rest ("2025-07-XX" for a Wednesday in an
unknown week of July 2025), with the anchor naming the range ("2025-07-07/2025-07-29"): the value
never claims more than the text and the metadata support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ...model import Anchor, Document, DocumentDate, Parsed, Segment, TimeExpression
from .context import Sentences, direction, sentence_spans
from .docdate import (
    consistent_days,
    firm_date,
    infer_from_hits,
    parse_iso,
    refine_with_story,
    weekday_refs,
)
from .lexicon import PLACE_ADJECTIVES, PLACE_ZONES
from .normalise import merge_values, resolve
from .rules import Hit, recognise

__all__ = ["extract_times", "infer_document_date", "refine_with_story"]

# Ranges of more candidate days than this are sampled evenly for resolution: their readings of
# any weekday differ anyway, and the time stage has about 3 ms per article.
MAX_ENUMERATED_DAYS = 16
# A day named in the text stays the reference of later bare times ("am Abend", "13 Uhr",
# "am Vortag") for this many following sentences (tuned on the Wikinews gold set and the examples).
REF_SENTENCES = 2
# How far back "Ortszeit" looks for the place it is the local time of (characters).
PLACE_LOOKBACK = 400

# Kinds whose value depends on the document day.
_RELATIVE = {"weekday", "relday", "refday", "part", "relunit", "offset", "refoffset"}
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_PLACE_RE = re.compile(
    r"\b("
    + "|".join(re.escape(p) for p in PLACE_ZONES)
    + r")\b|\b("
    + "|".join(PLACE_ADJECTIVES)
    + r")(?:e[nmrs]?)?\b"
)


def _sentences(document: Document, parsed: Parsed | None) -> Sentences:
    if parsed is not None and parsed.sentences:
        return Sentences([(s.start, s.end) for s in parsed.sentences])
    return Sentences(sentence_spans(document.text))


def _document_date(document: Document, hits: Sequence[Hit], sentences: Sentences) -> DocumentDate:
    firm = firm_date(document.published, document.date_precision)
    if firm is not None:
        return DocumentDate(
            firm[0].isoformat(),
            firm[0].isoformat(),
            firm[1],
            "published",
            (f"published {document.published}",),
        )
    updated = firm_date(document.updated)
    if updated is not None:
        return DocumentDate(
            updated[0].isoformat(),
            updated[0].isoformat(),
            updated[1],
            "updated",
            (f"updated {document.updated}",),
        )
    return infer_from_hits(
        hits, document.text, sentences, document.published, document.date_precision
    )


def infer_document_date(
    document: Document,
    parsed: Parsed | None = None,
    segments: Sequence[Segment] = (),
    *,
    story_dates: Sequence[DocumentDate] = (),
) -> DocumentDate:
    """The day ``document`` was written: firm from its metadata, else a range inferred from its text.

    ``story_dates`` (optional) are the dates of other documents of the same story; firm ones narrow
    an inferred range before the weekday solver runs (see :mod:`.docdate`).
    """
    hits = recognise(document.text)
    sentences = _sentences(document, parsed)
    found = _document_date(document, hits, sentences)
    if story_dates and found.earliest != found.latest or (story_dates and not found.earliest):
        return infer_from_hits(
            hits, document.text, sentences, document.published, document.date_precision, story_dates
        )
    return found


def _candidates(
    doc_date: DocumentDate, hits: Sequence[Hit], text: str, sentences: Sentences
) -> list[date | None]:
    if not doc_date.earliest:
        return [None]
    lo, hi = date.fromisoformat(doc_date.earliest), date.fromisoformat(doc_date.latest)
    if lo == hi:
        return [lo]
    days = consistent_days(weekday_refs(hits, text, sentences), lo, hi) or [lo]
    if len(days) > MAX_ENUMERATED_DAYS:
        step = (len(days) - 1) / (MAX_ENUMERATED_DAYS - 1)
        days = [days[round(i * step)] for i in range(MAX_ENUMERATED_DAYS)]
    return list(days)


def _segment_anchor(segments: Sequence[Segment], start: int) -> tuple[date, str] | None:
    for segment in segments:
        if segment.start <= start < segment.end and segment.published:
            parsed = parse_iso(segment.published)
            if parsed and parsed[0] == parsed[1]:
                return parsed[0], segment.id
    return None


def _segment_id(segments: Sequence[Segment], start: int) -> str | None:
    for segment in segments:
        if segment.start <= start < segment.end:
            return segment.id
    return None


def _past_day(value: str, day: date | None) -> date | None:
    if not _DAY_VALUE.match(value):
        return None
    try:
        found = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return found if day is None or found <= day else None


def _place_before(text: str, start: int) -> str | None:
    window = text[max(0, start - PLACE_LOOKBACK) : start]
    found = None
    for m in _PLACE_RE.finditer(window):
        found = m[1] or PLACE_ADJECTIVES[m[2]]
    return found


def _direction_field(hit: Hit, dirn: str) -> str:
    spec = hit.spec
    if spec.shift in (-1, 1) and spec.kind in ("weekday", "relunit", "season"):
        return "past" if spec.shift == -1 else "future"
    if spec.kind in ("relday", "refday", "offset", "refoffset") and spec.n:
        return "past" if spec.n < 0 else "future"
    return dirn


def extract_times(
    document: Document,
    parsed: Parsed | None = None,
    segments: Sequence[Segment] = (),
    *,
    anchor: DocumentDate | None = None,
) -> tuple[TimeExpression, ...]:
    """All temporal expressions of ``document``, normalised against its date.

    ``anchor`` overrides the document date (the corpus pass passes a story-refined range);
    without it the date comes from :func:`infer_document_date`. A segment with its own
    ``published`` stamp (a live-blog entry) anchors the expressions inside it.
    """
    text = document.text
    hits = recognise(text)
    if not hits:
        return ()
    sentences = _sentences(document, parsed)
    doc_date = anchor if anchor is not None else _document_date(document, hits, sentences)
    candidates = _candidates(doc_date, hits, text, sentences)
    if candidates == [None]:
        doc_anchor = None
    elif len(candidates) == 1:
        doc_anchor = Anchor(candidates[0].isoformat(), doc_date.method)  # type: ignore[union-attr]
    else:
        doc_anchor = Anchor(f"{candidates[0]}/{candidates[-1]}", doc_date.method)  # type: ignore[str-bytes-safe]

    refs: list[date | None] = list(candidates)
    ref_until = -1
    ref_segment: str | None = None
    results: list[TimeExpression] = []
    for i, hit in enumerate(hits):
        spec = hit.spec
        sentence = sentences.around(hit.start)
        sentence_index = sentences.index(hit.start)
        segment_id = _segment_id(segments, hit.start) if segments else None
        if sentence_index > ref_until or segment_id != ref_segment:
            refs = list(candidates)  # the narrative's day has faded: back to the document day
            ref_segment = segment_id
        needs_direction = spec.kind in ("weekday", "date", "month", "season", "relunit") and (
            spec.year is None
        )
        dirn = direction(text, hit.start, hit.end, sentence) if needs_direction else "none"
        place = _place_before(text, hit.start) if spec.zone == "Ortszeit" else None
        seg = _segment_anchor(segments, hit.start) if segments else None
        if seg is not None:
            days: list[date | None] = [seg[0]]
            hit_anchor = Anchor(seg[0].isoformat(), "segment")
            hit_refs: list[date | None] = [seg[0]]
        else:
            days, hit_anchor, hit_refs = candidates, doc_anchor, refs
        values = [resolve(spec, d, dirn, r, place) for d, r in zip(days, hit_refs)]
        value = merge_values(values)
        if seg is None and spec.kind in ("date", "weekday", "relday", "refday"):
            # a day the report has reached becomes the reference of "am Abend", "13 Uhr", "am
            # Vortag"; an announced day (after the document day) does not
            explicit = spec.kind == "date"  # a date written out stays the reference until the next
            new_refs = [_past_day(v, None if explicit else d) for v, d in zip(values, days)]
            if any(r is not None for r in new_refs):
                refs = [n or r for n, r in zip(new_refs, refs)]
                ref_until = len(text) if explicit else sentence_index + REF_SENTENCES
        relative = spec.kind in _RELATIVE or (
            spec.kind in ("date", "month", "season", "quarter", "time") and spec.year is None
        )
        results.append(
            TimeExpression(
                id=f"{document.id}-x{i}",
                document_id=document.id,
                start=hit.start,
                end=hit.end,
                text=text[hit.start : hit.end],
                type=spec.type,  # type: ignore[arg-type]
                value=value,
                anchor=hit_anchor if relative else None,
                direction=_direction_field(hit, dirn),  # type: ignore[arg-type]
                mod=spec.mod if spec.mod in _TIMEX_MODS else None,
            )
        )
    return tuple(results)


_TIMEX_MODS = {
    "START",
    "MID",
    "END",
    "APPROX",
    "MORE_THAN",
    "LESS_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "BEFORE",
    "AFTER",
}

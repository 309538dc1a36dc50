"""CSV exports for spreadsheets: one row per event, one row per quote.

Events: ``id, story_id, type, label, date, place, participants, status, outcome,
independent_sources, sources`` (sources as ``document_id:start-end`` joined by ``;``). Quotes:
``id, document_id, outlet, published, start, end, kind, speaker, anonymous, via, cue, text``.
With ``story_id``, only that story's events and quotes.
"""

from __future__ import annotations

import csv
from typing import TextIO

EVENT_FIELDS = ("id", "story_id", "type", "label", "date", "place", "participants", "status",
                "outcome", "independent_sources", "sources")
QUOTE_FIELDS = ("id", "document_id", "outlet", "published", "start", "end", "kind", "speaker",
                "anonymous", "via", "cue", "text")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # a cell starting with = + - @ runs as a formula in spreadsheets: news text is untrusted
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def write_events(store, stream: TextIO, story_id: str | None = None) -> None:
    events = store.corpus("events")
    if story_id is not None:
        from lagebild.corpus.timeline import story_events, story_spans

        story = store.corpus_record("stories", story_id)
        events = story_events(events, story, story_spans(store, story))
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(EVENT_FIELDS)
    for e in sorted(events, key=lambda e: (e.date or "9999", e.id)):
        writer.writerow([_cell(v) for v in (
            e.id, e.story_id, e.type, e.label, e.date, e.place, "; ".join(e.participants),
            e.status, e.outcome, e.independent_sources,
            ";".join(f"{r.document_id}:{r.start}-{r.end}" for r in e.sources))])


def write_quotes(store, stream: TextIO, story_id: str | None = None) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(QUOTE_FIELDS)
    if story_id is not None:
        from lagebild.corpus.timeline import story_spans

        story = store.corpus_record("stories", story_id)
        spans = story_spans(store, story)
        doc_ids = list(story.document_ids)
    else:
        spans, doc_ids = {}, [d.id for d in store.documents()]
    for doc_id in doc_ids:
        doc = store.document(doc_id)
        for q in store.records("quotes", doc_id):
            if spans.get(doc_id) and not any(a <= q.start < b for a, b in spans[doc_id]):
                continue
            s = q.speaker
            writer.writerow([_cell(v) for v in (
                q.id, q.document_id, doc.outlet, doc.published, q.start, q.end, q.kind,
                s.text if s else None, bool(s and s.anonymous), "; ".join(q.via), q.cue,
                " ".join(q.text.split()))])


def write(store, stream: TextIO, story_id: str | None = None) -> None:
    """The events CSV (the default of ``lagebild export --format csv``)."""
    write_events(store, stream, story_id)

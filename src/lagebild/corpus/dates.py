"""The dates stage of the corpus pass: date documents that lack a firm date from their story.

An agency report without a date line, or a page dated only "2025-07", gets a range from its own
text in the per-document pass (weekdays that must fit one week, durations since a known start).
Here the other documents of the same story narrow that range: their firm dates bound when the
story happened (:func:`lagebild.extract.times.refine_with_story`). When the range changes, the
document's time expressions and event reports are resolved again against the narrower range,
and the range with how it was inferred is kept on the document (``Document.inferred_date``).

Candidates come from the story index (``story_members``), never from a scan of all documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from lagebild.model import Document, DocumentDate

# Precisions of a published/updated stamp that count as a firm date of writing.
FIRM_PRECISIONS = ("minute", "hour", "day")
# A story bigger than this lends its dates from its most recent members only: enough to bound
# the days, and it keeps the cost of one update flat however long a story runs.
MAX_PEERS = 200
# How long after its original a rewrite may appear (the seeds' rewrite came the same day).
REWRITE_DELAY_DAYS = 1


def firm_date(doc: Document) -> DocumentDate | None:
    """The day a document was written, where its metadata states it to the day."""
    if doc.published and doc.date_precision in FIRM_PRECISIONS and len(doc.published) >= 10:
        day = doc.published[:10]
        return DocumentDate(day, day, "day", "published")
    if doc.updated and len(doc.updated) >= 10:
        day = doc.updated[:10]
        return DocumentDate(day, day, "day", "updated")
    return None


def _story_peers(store, document_id: str) -> list[str]:
    rows = store.db.execute(
        "SELECT m2.document_id FROM story_members m1 "
        "JOIN story_members m2 ON m2.story_id = m1.story_id "
        "WHERE m1.document_id = ? AND m2.document_id != ? "
        "GROUP BY m2.document_id ORDER BY MAX(m2.day) DESC, m2.document_id LIMIT ?",
        (document_id, document_id, MAX_PEERS),
    ).fetchall()
    return [row[0] for row in rows]


def _lineage_date(store, document_id: str) -> DocumentDate | None:
    """The date range of the report this document copies or rewrites, a day of delay allowed.

    A rewrite appears at the same time as its original or shortly after, so an undated rewrite
    takes its original's date (firm or inferred) rather than the wider window of the story.
    """
    from datetime import date, timedelta

    rows = store.db.execute(
        "SELECT DISTINCT derived_from FROM lineage_edges WHERE document_id = ? ORDER BY derived_from",
        (document_id,)).fetchall()
    for (source_id,) in rows:
        if source_id == document_id:
            continue
        source = store.document(source_id)
        known = firm_date(source) or source.inferred_date
        if known is None or not known.earliest or not known.latest:
            continue
        latest = date.fromisoformat(known.latest) + timedelta(days=REWRITE_DELAY_DAYS)
        return DocumentDate(known.earliest, latest.isoformat(), "day" if known.earliest == latest.isoformat()
                            else "week", "lineage", (f"derived from {source_id}",))
    return None


def _undated_in_stories_of(store, document_ids: Iterable[str]) -> set[str]:
    """Documents sharing a story with ``document_ids``: a new firm date may narrow their range."""
    found: set[str] = set()
    for document_id in document_ids:
        found.update(_story_peers(store, document_id))
    return found


def refresh_document(store, document_id: str) -> bool:
    """Re-date one document from its story; True when its times were resolved again."""
    from lagebild.extract.events import extract_events
    from lagebild.extract.times import extract_times, infer_document_date
    from lagebild.language import parse

    if firm_date(store.document(document_id)) is not None:
        return False
    analysis = store.analysis(document_id)
    doc = analysis.document
    story_dates = []
    for peer_id in _story_peers(store, document_id):
        peer = firm_date(store.document(peer_id))
        if peer is not None:
            story_dates.append(peer)
    parsed = replace(parse(doc, analysis.segments, with_entities=False),
                     mentions=analysis.mentions)
    inferred = infer_document_date(doc, parsed, analysis.segments, story_dates=tuple(story_dates))
    from_source = _lineage_date(store, document_id)
    if from_source is not None and _narrower(from_source, inferred):
        inferred = from_source
    if inferred == doc.inferred_date:
        return False
    times = extract_times(doc, parsed, analysis.segments, anchor=inferred)
    events = extract_events(doc, parsed, analysis.segments, times, analysis.quotes, analysis.claims)
    with store.transaction():
        store.update_document(replace(doc, inferred_date=inferred))
        store.replace_document_records("times", document_id, times)
        store.replace_document_records("event_mentions", document_id, events)
    return True


def _narrower(a: DocumentDate, b: DocumentDate) -> bool:
    if not b.earliest or not b.latest:
        return True
    return (a.earliest, a.latest) != (b.earliest, b.latest) and b.earliest <= a.earliest and a.latest <= b.latest


def _derived(store, document_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM lineage_edges WHERE document_id = ? LIMIT 1",
                            (document_id,)).fetchone() is not None


def update_store(store, changed: Sequence[str]) -> None:
    candidates = set(changed) | _undated_in_stories_of(store, changed)
    # Originals first: a rewrite takes its original's date once that is known.
    for document_id in sorted(candidates, key=lambda d: (_derived(store, d), d)):
        refresh_document(store, document_id)

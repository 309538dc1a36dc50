"""Timeline and summary per story: the stage that writes ``Story.timeline`` and ``Story.summary``.

:func:`build_timeline` is pure: dated entries for the story's events (label, status, outcome,
disputed points) and its key statements (direct and indirect quotes of named speakers, at most
:data:`MAX_STATEMENTS`, one per speaker and day), in date order, each with its sources. Undated
events have no place on a timeline; the brief lists them apart.

:func:`story_units` reads a story's sentences from the store for :mod:`lagebild.corpus.summary`;
:func:`update_store` is the corpus stage: it refreshes timeline and summary of every story in a
storyline that changed, after the events stage.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from lagebild.corpus.summary import Unit, summarise
from lagebild.model import Conflict, Event, Quote, SourceRef, Story, TimelineEntry

# --------------------------------------------------------------------------- tuned constants
# Tuned by reading the timelines of the example corpus and the July seed story.

MAX_STATEMENTS = 8  # more drowns the events
MAX_STATEMENT_CHARS = 280  # longer quotes are cut at a word boundary
STATUS_DE = {"happened": "stattgefunden", "planned": "geplant", "announced": "angekündigt",
             "cancelled": "abgesagt"}


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def event_text(event: Event, conflicts: Sequence[Conflict] = ()) -> str:
    """One line for an event: "3. Gesprächsrunde … (stattgefunden): Gefangenenaustausch vereinbart"."""
    text = event.label
    if event.status:
        text += f" ({STATUS_DE.get(event.status, event.status)})"
    if event.outcome:
        text += f": {event.outcome}"
    disputed = [c for c in conflicts if c.event_id == event.id]
    if disputed:
        parts = []
        for c in disputed:
            values = " gegen ".join(f"{v.value} ({v.sources[0]['attribution'] if v.sources else '?'})"
                                    for v in c.values[:3])
            parts.append(f"{attribute_de(c.attribute)} umstritten: {values}")
        text += ". " + "; ".join(parts)
    return text


def attribute_de(attribute: str) -> str:
    if attribute.startswith("count:"):
        noun = attribute[6:]
        return f"Zahl der {noun}n" if noun.endswith("e") else f"Zahl der {noun}"
    return {"date": "Datum", "duration": "Dauer", "place": "Ort", "cancelled": "Stattfinden",
            "participants": "Beteiligte"}.get(attribute, attribute)


def _speaker_key(quote: Quote) -> str | None:
    """Named speakers only: a person or an institution, not "er" or "Medienberichten"."""
    s = quote.speaker
    if s is None or s.anonymous or not s.text or not s.text[:1].isupper():
        return None
    if s.kind not in {"person", "institution"} and not s.entity_id:
        return None
    return s.entity_id or s.text.split()[-1]


def build_timeline(
    events: Sequence[Event],
    conflicts: Sequence[Conflict] = (),
    quotes: Sequence[tuple[Quote, date | None]] = (),
) -> tuple[TimelineEntry, ...]:
    """Dated entries of a story in date order: its events, then its key statements. Pure."""
    entries: list[tuple[str, int, TimelineEntry]] = []
    for event in events:
        if not event.date:
            continue
        entries.append((event.date, 0, TimelineEntry(
            date=event.date, text=event_text(event, conflicts), event_id=event.id,
            sources=event.sources)))
    # key statements: the speakers quoted most, their longest statement per day
    speakers = Counter(k for q, _ in quotes if (k := _speaker_key(q)))
    best: dict[tuple[str, str], Quote] = {}
    for quote, day in quotes:
        key = _speaker_key(quote)
        if key is None or day is None or quote.kind not in {"direct", "indirect", "mixed"}:
            continue
        slot = (key, day.isoformat())
        if slot not in best or len(quote.text) > len(best[slot].text):
            best[slot] = quote
    ranked = sorted(best.items(), key=lambda kv: (-speakers[kv[0][0]], -len(kv[1].text), kv[0]))
    for (key, day), quote in ranked[:MAX_STATEMENTS]:
        said = _short(quote.text.strip().strip("„“\"»«‚‘").strip(), MAX_STATEMENT_CHARS)
        text = f"{quote.speaker.text}: „{said}“" if quote.kind == "direct" else f"{quote.speaker.text}: {said}"
        entries.append((day, 1, TimelineEntry(
            date=day, text=text, event_id=None,
            sources=(SourceRef(quote.document_id, quote.start, quote.end),))))
    entries.sort(key=lambda e: (_sort_day(e[0]), e[1], e[0]))
    return tuple(e[2] for e in entries)


def _sort_day(value: str) -> str:
    from lagebild.extract.events import parse_date

    parsed = parse_date(value)
    return parsed.start.isoformat() if parsed is not None and parsed.start else value[:10]


# --------------------------------------------------------------------------- the store edge


def story_units(store, story: Story, events: Sequence[Event] = ()) -> list[Unit]:
    """The sentences of a story's segments, as summary candidates."""
    from lagebild.corpus.events import independence_groups
    from lagebild.extract.events import document_day

    segments_wanted = set(story.segment_ids)
    event_spans = {(r.document_id, r.start) for e in events for r in e.sources}
    groups = independence_groups(store, list(story.document_ids))
    units: list[Unit] = []
    for doc_id in story.document_ids:
        doc = store.document(doc_id)
        segments = {s.id: s for s in store.records("segments", doc_id)}
        position: dict[str | None, int] = defaultdict(int)
        for sentence in store.records("sentences", doc_id):
            if segments_wanted and sentence.segment_id not in segments_wanted:
                continue
            segment = segments.get(sentence.segment_id or "")
            text = doc.text[sentence.start:sentence.end]
            if segment is not None and segment.headline and text.strip() == segment.headline.strip():
                continue
            group = groups.get(sentence.segment_id or "") or groups.get(doc_id, doc_id)
            units.append(Unit(
                text=text, ref=SourceRef(doc_id, sentence.start, sentence.end),
                day=document_day(doc, segment), position=position[sentence.segment_id],
                group=group, original=group == doc_id,
                event=(doc_id, sentence.start) in event_spans, segment_id=sentence.segment_id))
            position[sentence.segment_id] += 1
    return units


def story_quotes(store, story: Story) -> list[tuple[Quote, date | None]]:
    from lagebild.extract.events import document_day

    wanted = set(story.segment_ids)
    out = []
    for doc_id in story.document_ids:
        doc = store.document(doc_id)
        segments = {s.id: s for s in store.records("segments", doc_id)}
        for quote in store.records("quotes", doc_id):
            seg = quote.segment_id or next((s.id for s in segments.values()
                                            if s.start <= quote.start < s.end), None)
            if wanted and seg not in wanted:
                continue
            out.append((quote, document_day(doc, segments.get(seg or ""))))
    return out


def story_events(events: Sequence[Event], story: Story,
                 spans: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> list[Event]:
    """Events with a report inside the story: in its segments where ``spans`` (document ->
    segment spans) is given, else anywhere in its documents."""
    docs = set(story.document_ids)

    def inside(ref: SourceRef) -> bool:
        if ref.document_id not in docs:
            return False
        if not spans or ref.document_id not in spans:
            return True
        return any(a <= ref.start < b for a, b in spans[ref.document_id])

    return [e for e in events if e.story_id == story.id or any(inside(r) for r in e.sources)]


def story_spans(store, story: Story) -> dict[str, list[tuple[int, int]]]:
    wanted = set(story.segment_ids)
    out: dict[str, list[tuple[int, int]]] = {}
    for doc_id in story.document_ids:
        out[doc_id] = [(s.start, s.end) for s in store.records("segments", doc_id)
                       if not wanted or s.id in wanted]
    return out


def picture(store, story: Story, events: Sequence[Event] | None = None,
            conflicts: Sequence[Conflict] | None = None) -> Story:
    """The story with its timeline and summary recomputed from the store."""
    mine = story_events(store.corpus("events") if events is None else events, story,
                        story_spans(store, story))
    ids = {e.id for e in mine}
    disputed = [c for c in (store.corpus("conflicts") if conflicts is None else conflicts)
                if c.event_id in ids]
    timeline = build_timeline(mine, disputed, story_quotes(store, story))
    summary = summarise(story_units(store, story, mine))
    return replace(story, timeline=timeline, summary=summary)


def update_store(store, changed: Sequence[str]) -> None:
    """Refresh timeline and summary of the stories in the storylines that changed."""
    from lagebild.corpus.events import storylines

    lines = storylines(store, changed)
    if not any(lines.values()):
        return
    updated = []
    for line, stories in lines.items():
        events, conflicts = storyline_picture(store, line, stories)
        updated.extend(picture(store, story, events, conflicts) for story in stories)
    store.upsert_corpus("stories", updated)


def storyline_picture(store, line: str, stories: Sequence[Story]) -> tuple[list[Event], list[Conflict]]:
    """The events and conflicts of one storyline, by index, never a read of all events: the
    ones the events stage merged for it (its state) and any filed under one of its stories."""
    from lagebild.corpus.events import _in
    from lagebild.store import codec

    db = store.db
    state = store.get_state(f"picture:events:{line}", {}) or {}
    event_rows = _in(db, "SELECT data FROM events WHERE id IN ({marks})", state.get("events", []))
    event_rows += _in(db, "SELECT data FROM events WHERE json_extract(data, '$.story_id') IN ({marks})",
                      [s.id for s in stories])
    events = {e.id: e for e in (codec.loads(Event, d) for d in event_rows)}
    conflicts = [codec.loads(Conflict, d) for d in _in(
        db, "SELECT data FROM conflicts WHERE json_extract(data, '$.event_id') IN ({marks})", events)]
    return [events[i] for i in sorted(events)], sorted(conflicts, key=lambda c: c.id)

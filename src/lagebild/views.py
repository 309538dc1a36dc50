"""Read functions over the store for the views: the HTTP API, the web pages and the CLI alike.

Owns every query a view needs: paginated, filtered lists (stories, entities, quotes, documents),
the whole picture of one story, one document with its text split into highlightable pieces, one
entity with its mentions across stories. The web layer only renders what these return; nothing
is computed in a route handler. Results are typed records (:class:`Page`, :class:`StoryRow`,
:class:`StoryPicture`, ...); :func:`lagebild.model.to_json` turns them into JSON.

Queries go through indexes (story members, lineage edges, the FTS index, the expression indexes
on events and conflicts of store migration 4), so a story page costs the same with a hundred
documents in the store or a hundred thousand. A story's web page is cheaper still: the corpus
pass stores :func:`story_page_data` per story (:mod:`lagebild.corpus.pages`), and
:func:`stored_story_page` reads it back as one row.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lagebild.errors import NotFound
from lagebild.model import (
    Conflict,
    Document,
    Entity,
    Event,
    Lineage,
    Mention,
    Quote,
    Segment,
    Story,
    TimeExpression,
)
from lagebild.store import codec

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
CONTEXT_CHARS = 80  # characters shown on each side of an entity mention


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: its items, how many there are in all, and where the page starts."""

    items: tuple[Any, ...]
    total: int
    limit: int
    offset: int


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class StoryRow:
    story: Story
    independent_sources: int
    conflicts: int  # disputed points among the story's events
    new_documents: int = 0  # documents added or revised since the time asked about


def _story_ids_for_entity(store, entity: str) -> set[str]:
    rows = store.db.execute(
        "SELECT id FROM entities WHERE id=? OR json_extract(data, '$.name') = ? COLLATE NOCASE",
        (entity, entity)).fetchall()
    ids = {r[0] for r in rows}
    docs: set[str] = set()
    for entity_id in ids:
        docs.update(m.document_id for m in store.corpus_record("entities", entity_id).mentions)
    return _story_ids_for_documents(store, docs)


def _story_ids_for_documents(store, document_ids: Sequence[str] | set[str]) -> set[str]:
    ids = list(document_ids)
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out.update(r[0] for r in store.db.execute(
            f"SELECT DISTINCT story_id FROM story_members WHERE document_id IN "
            f"({','.join('?' * len(chunk))})", chunk))
    return out


def conflict_counts(store, story_ids: Sequence[str]) -> dict[str, int]:
    """Number of disputed points per story (conflicts on the events assigned to it)."""
    out: dict[str, int] = {}
    for story_id in story_ids:
        # two lookups through the expression indexes of store migration 4 (as one query with a
        # subquery, SQLite's planner scans the conflicts instead)
        events = [r[0] for r in store.db.execute(
            "SELECT id FROM events WHERE json_extract(data, '$.story_id') = ?", (story_id,))]
        out[story_id] = store.db.execute(
            f"SELECT COUNT(*) FROM conflicts WHERE json_extract(data, '$.event_id') IN "
            f"({','.join('?' * len(events))})", events).fetchone()[0] if events else 0
    return out


def stories(store, *, since: str | None = None, entity: str | None = None,
            outlet: str | None = None, q: str | None = None,
            limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Stories, newest activity first, filtered by last activity at or after ``since``, by an
    entity (id or name), an outlet, and a text query (every word, any inflected form)."""
    from lagebild.corpus.lineage import independent_sources

    where, params = [], []
    wanted: set[str] | None = None
    if entity:
        wanted = _story_ids_for_entity(store, entity)
    if outlet:
        docs = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE outlet=?", (outlet,))]
        found = _story_ids_for_documents(store, docs)
        wanted = found if wanted is None else wanted & found
    if q:
        from lagebild import search

        match = search.fts_query(q)
        found = set()
        if match:
            search.sync(store)
            found = {r[0] for r in store.db.execute(
                "SELECT DISTINCT m.story_id FROM search_segments f "
                "JOIN search_rows r ON r.rowid = f.rowid "
                "JOIN story_members m ON m.segment_id = r.segment_id "
                "WHERE search_segments MATCH ?", (match,))}
        wanted = found if wanted is None else wanted & found
    if wanted is not None:
        if not wanted:
            return Page((), 0, limit, offset)
        where.append(f"id IN ({','.join('?' * len(wanted))})")
        params.extend(sorted(wanted))
    if since:
        where.append("json_extract(data, '$.last_seen') >= ?")
        params.append(since)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = store.db.execute(f"SELECT COUNT(*) FROM stories {clause}", params).fetchone()[0]
    rows = store.db.execute(
        f"SELECT data FROM stories {clause} "
        # undated stories come last: NULL sorts lowest; the index stories_last_seen serves this
        "ORDER BY json_extract(data, '$.last_seen') DESC, id DESC "
        "LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    found_stories = [codec.loads(Story, r[0]) for r in rows]
    counts = conflict_counts(store, [s.id for s in found_stories])
    fresh = set(store.changes_since(since)) if since else set()
    items = tuple(
        StoryRow(s, len(independent_sources(store, s.document_ids)), counts.get(s.id, 0),
                 sum(1 for d in s.document_ids if d in fresh))
        for s in found_stories)
    return Page(items, total, limit, offset)


class _StoryScope:
    """The store as one story sees it: ``corpus("events")`` and ``corpus("conflicts")`` hold
    only that story's records (read by index), ``corpus("entities")`` only the speakers of its
    quotes (name, type and roles, cut out by SQLite: an entity record carries all its mentions,
    thousands for a head of state), and documents and their records are read once each however
    often the brief and the page ask; everything else is the store itself. Lets the brief
    builder run unchanged on a corpus of any size."""

    def __init__(self, store, story_id: str):
        self._store = store
        self._story_id = story_id
        self._events = [codec.loads(Event, r[0]) for r in store.db.execute(
            "SELECT data FROM events WHERE json_extract(data, '$.story_id') = ?", (story_id,))]
        ids = [e.id for e in self._events]
        self._conflicts = [codec.loads(Conflict, r[0]) for r in store.db.execute(
            f"SELECT data FROM conflicts WHERE json_extract(data, '$.event_id') IN "
            f"({','.join('?' * len(ids))})", ids)] if ids else []
        self._documents: dict[str, Document] = {}
        self._records: dict[tuple[str, str | None], list[Any]] = {}

    def corpus(self, table: str) -> list[Any]:
        if table == "events":
            return list(self._events)
        if table == "conflicts":
            return list(self._conflicts)
        if table == "entities":
            story = self.corpus_record("stories", self._story_id)
            speakers = {q.speaker.entity_id for d in story.document_ids
                        for q in self.records("quotes", d) if q.speaker and q.speaker.entity_id}
            return _entity_headers(self._store, speakers)
        return self._store.corpus(table)

    def document(self, document_id: str) -> Document:
        if document_id not in self._documents:
            self._documents[document_id] = self._store.document(document_id)
        return self._documents[document_id]

    def records(self, table: str, document_id: str | None = None) -> list[Any]:
        key = (table, document_id)
        if key not in self._records:
            self._records[key] = self._store.records(table, document_id)
        return list(self._records[key])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _entity_headers(store, ids) -> list[Entity]:
    """Entities by id with their name, type and roles only (``mentions`` and ``aliases`` left
    empty): what a story page names them by, without decoding every mention they have."""
    ids = sorted(i for i in ids if i)
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for entity_id, type_, name, roles in store.db.execute(
                "SELECT id, json_extract(data, '$.type'), json_extract(data, '$.name'), "
                f"json_extract(data, '$.roles') FROM entities WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            out.append(Entity(entity_id, type_, name, roles=tuple(json.loads(roles or "[]"))))
    return out


@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: Entity
    mentions: int  # mentions inside the story (or document)


@dataclass
class StoryPicture:
    """Everything a story page shows: the brief (summary, timeline, who said what, disputed
    points, sources folded by lineage) and the records underneath it."""

    story: Story
    brief: Any  # lagebild.export.brief.Brief
    entries: list[Any]  # lagebild.corpus.stories.StoryEntry: segments, copies folded
    documents: dict[str, Document]
    entities: list[EntityCount]
    quotes: list[Quote]
    times: list[TimeExpression]
    lineage: list[Lineage]
    independent_sources: int
    segments: list[Segment] = field(default_factory=list)
    derived: dict[str, tuple[str, str]] = field(default_factory=dict)  # copy -> (original, kind)


def _in_spans(start: int, spans: Sequence[tuple[int, int]] | None) -> bool:
    return not spans or any(a <= start < b for a, b in spans)


def story_picture(store, story_id: str, since: str | None = None) -> StoryPicture:
    """The whole picture of one story; raises :class:`NotFound` for an unknown id.

    Entities in the picture carry id, type, name and roles only (see :func:`_entity_headers`).
    """
    from lagebild.corpus.lineage import independent_sources, lineage_of
    from lagebild.corpus.stories import story_entries
    from lagebild.export.brief import build

    scope = _StoryScope(store, story_id)
    brief = build(scope, story_id, since)
    story = brief.story
    wanted = set(story.segment_ids)
    documents: dict[str, Document] = {}
    segments: list[Segment] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id in story.document_ids:
        documents[doc_id] = scope.document(doc_id)
        mine = [s for s in scope.records("segments", doc_id) if not wanted or s.id in wanted]
        segments.extend(mine)
        spans[doc_id] = [(s.start, s.end) for s in mine]
    quotes, times, mention_counts = [], [], Counter()
    for doc_id in story.document_ids:
        quotes.extend(q for q in scope.records("quotes", doc_id) if _in_spans(q.start, spans[doc_id]))
        times.extend(t for t in scope.records("times", doc_id) if _in_spans(t.start, spans[doc_id]))
        # counted from two columns, not decoded mention records: a long article has hundreds
        mention_counts.update(entity_id for entity_id, start in store.db.execute(
            "SELECT json_extract(data, '$.entity_id'), start FROM mentions WHERE document_id=?",
            (doc_id,)) if entity_id and _in_spans(start, spans[doc_id]))
    entities = [EntityCount(e, mention_counts[e.id]) for e in _entity_headers(store, mention_counts)]
    entities.sort(key=lambda ec: (-ec.mentions, ec.entity.name))
    lineage = lineage_of(store, story.document_ids)
    derived: dict[str, tuple[str, str]] = {}
    for record in lineage:
        if record.document_id in documents and record.derived_from in documents:
            derived.setdefault(record.document_id, (record.derived_from, record.kind))
    return StoryPicture(
        story=story, brief=brief, entries=story_entries(scope, story_id), documents=documents,
        entities=entities, quotes=quotes, times=times,
        lineage=lineage, independent_sources=len(independent_sources(store, story.document_ids)),
        segments=segments, derived=derived)


def story_json(picture: StoryPicture) -> dict[str, Any]:
    """The story picture as the API returns it (documents without their text)."""
    from lagebild.model import to_json

    brief = picture.brief
    return {
        "story": to_json(picture.story),
        "independent_sources": picture.independent_sources,
        "summary": to_json(brief.summary),
        "timeline": to_json(brief.timeline),
        "events": to_json(brief.events),
        "conflicts": to_json(brief.conflicts),
        "statements": [{"speaker": speaker, "statements": [
            {"text": s.text, "kind": s.kind, "via": list(s.via), "source": to_json(s.ref)}
            for s in items]} for speaker, items in brief.statements.items()],
        "segments": to_json(picture.segments),
        "sources": to_json(picture.entries),
        "documents": [{k: v for k, v in to_json(d).items() if k not in {"text", "metadata"}}
                      for d in picture.documents.values()],
        "entities": [{"id": ec.entity.id, "name": ec.entity.name, "type": ec.entity.type,
                      "mentions": ec.mentions} for ec in picture.entities],
        "quotes": to_json(picture.quotes),
        "times": to_json(picture.times),
        "lineage": to_json(picture.lineage),
        "since": brief.since,
        "new_documents": list(brief.new_documents),
        "new_summary": to_json(brief.new_summary),
    }


PAGE_ENTITIES = 40  # entities a story page lists, most mentioned first


def story_page_data(picture: StoryPicture) -> dict[str, Any]:
    """What a story's web page shows, as plain JSON data (``p`` in ``story.html``; ``p["brief"]``
    is ``b``): the brief, the story's documents by id (title and outlet), copies with their
    originals, the most mentioned entities. :mod:`lagebild.corpus.pages` stores it per story."""
    from lagebild.model import to_json

    b = picture.brief

    def doc(d: Document) -> dict[str, Any]:
        return {"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published,
                "updated": d.updated}

    def source(node) -> dict[str, Any]:
        return {"number": node.number, "kind": node.kind, "document": doc(node.document),
                "copies": [source(c) for c in node.copies]}

    s = picture.story
    return {
        "story": {"id": s.id, "label": s.label, "document_ids": list(s.document_ids),
                  "first_seen": s.first_seen, "last_seen": s.last_seen},
        "independent_sources": picture.independent_sources,
        "documents": {d.id: doc(d) for d in picture.documents.values()},
        "derived": {k: list(v) for k, v in picture.derived.items()},
        "entities": [{"entity": {"id": ec.entity.id, "name": ec.entity.name, "type": ec.entity.type},
                      "mentions": ec.mentions} for ec in picture.entities[:PAGE_ENTITIES]],
        "brief": {
            "numbers": dict(b.numbers),
            "summary": to_json(b.summary),
            "timeline": to_json(b.timeline),
            "events": [{"id": e.id, "label": e.label, "date": e.date, "sources": to_json(e.sources)}
                       for e in b.events],
            "conflicts": to_json(b.conflicts),
            "statements": {speaker: [{"text": st.text, "kind": st.kind, "via": list(st.via),
                                      "ref": to_json(st.ref)} for st in items]
                           for speaker, items in b.statements.items()},
            "sources": {outlet: [source(n) for n in nodes] for outlet, nodes in b.sources.items()},
            "since": b.since,
            "new_documents": list(b.new_documents),
            "new_summary": to_json(b.new_summary),
        },
    }


def stored_story_page(store, story_id: str, *,
                      object_hook: Callable[[dict], Any] | None = None) -> dict[str, Any] | None:
    """The stored :func:`story_page_data` of one story (one read by primary key), or None when
    the story has no page row. A row is only used while its story exists (a story merged away
    leaves no ghost page). ``object_hook`` makes each JSON object (as :func:`json.loads` does)."""
    try:
        row = store.db.execute(
            "SELECT p.data FROM story_pages p JOIN stories s ON s.id = p.story_id "
            "WHERE p.story_id = ?", (story_id,)).fetchone()
    except sqlite3.OperationalError:  # a store opened read-only before migration 7: compute
        return None
    return None if row is None else json.loads(row[0], object_hook=object_hook)


def story_page(store, story_id: str, since: str | None = None, *,
               object_hook: Callable[[dict], Any] | None = None) -> dict[str, Any]:
    """:func:`story_page_data` of one story: the stored row when there is one and no ``since``
    is asked, else computed from :func:`story_picture` (raises :class:`NotFound`)."""
    if since is None:
        page = stored_story_page(store, story_id, object_hook=object_hook)
        if page is not None:
            return page
    data = story_page_data(story_picture(store, story_id, since))
    return json.loads(json.dumps(data), object_hook=object_hook) if object_hook else data


def story_last_change(store, story_id: str) -> str | None:
    """When a document of the story was last added or revised (UTC ISO time), or None."""
    story = store.corpus_record("stories", story_id)
    ids = list(story.document_ids)
    if not ids:
        return None
    return store.db.execute(
        f"SELECT MAX(at) FROM changes WHERE document_id IN ({','.join('?' * len(ids))})",
        ids).fetchone()[0]


def story_export(store, story_id: str, format: str) -> tuple[str, str]:
    """One story exported as ``md`` (the brief), ``timelinejs`` or ``csv`` (its events):
    the text and its media type."""
    import io

    if format == "md":
        from lagebild.export.brief import markdown

        return markdown(story_picture(store, story_id).brief), "text/markdown; charset=utf-8"
    if format == "timelinejs":
        from lagebild.export import timelinejs

        return (json.dumps(timelinejs.build(store, story_id), ensure_ascii=False, indent=1),
                "application/json")
    if format == "csv":
        from lagebild.export import csv as csv_export

        stream = io.StringIO()
        csv_export.write_events(_StoryScope(store, story_id), stream, story_id)
        return stream.getvalue(), "text/csv; charset=utf-8"
    raise ValueError(f"unknown export format {format!r}; choose md, timelinejs or csv")


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a document's text with the same marks: the unit a page escapes and wraps."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...] = ()  # "entity-PER", "quote", "time", ...
    entity_id: str | None = None
    highlight: bool = False  # inside the span a citation asked to highlight


def pieces(text: str, spans: Sequence[tuple[int, int, str, str | None]],
           highlight: tuple[int, int] | None = None) -> list[Piece]:
    """Split ``text`` at every span boundary; each piece carries the kinds of the spans that
    cover it. Spans may overlap and nest (a name inside a quote); pieces never do, so the page
    can wrap each in its own element and escape it on its own. Out-of-range spans are clipped."""
    n = len(text)
    marks = [(max(0, min(a, n)), max(0, min(b, n)), kind, ref) for a, b, kind, ref in spans]
    marks = [m for m in marks if m[0] < m[1]]
    hl = None
    if highlight:
        a, b = max(0, min(highlight[0], n)), max(0, min(highlight[1], n))
        hl = (a, b) if a < b else None
    cuts = {0, n}
    for a, b, _, _ in marks:
        cuts.update((a, b))
    if hl:
        cuts.update(hl)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        kinds = tuple(sorted({m[2] for m in active}))
        entity = next((m[3] for m in active if m[2].startswith("entity") and m[3]), None)
        out.append(Piece(a, b, text[a:b], kinds, entity, bool(hl and hl[0] <= a and b <= hl[1])))
    return out


@dataclass
class DocumentView:
    document: Document
    segments: list[Segment]
    pieces: list[Piece]
    mentions: list[Mention]
    quotes: list[Quote]
    times: list[TimeExpression]
    lineage: list[tuple[Lineage, Document | None]]  # each record with the other document
    stories: list[Story]
    revisions: int
    highlight: tuple[int, int] | None = None


def document_view(store, document_id: str, highlight: tuple[int, int] | None = None) -> DocumentView:
    """One document with its records and its text cut into pieces for highlighting."""
    from lagebild.corpus.lineage import lineage_of

    doc = store.document(document_id)
    mentions = store.records("mentions", document_id)
    quotes = store.records("quotes", document_id)
    times = store.records("times", document_id)
    spans = [(m.start, m.end, f"entity-{m.type}", m.entity_id) for m in mentions]
    spans += [(q.start, q.end, "quote", None) for q in quotes]
    spans += [(t.start, t.end, "time", None) for t in times]
    lineage = []
    for record in lineage_of(store, [document_id]):
        other_id = record.derived_from if record.document_id == document_id else record.document_id
        try:
            other = store.document(other_id)
        except NotFound:
            other = None
        lineage.append((record, other))
    story_ids = _story_ids_for_documents(store, [document_id])
    return DocumentView(
        document=doc, segments=store.records("segments", document_id),
        pieces=pieces(doc.text, spans, highlight), mentions=mentions, quotes=quotes, times=times,
        lineage=lineage, stories=[store.corpus_record("stories", s) for s in sorted(story_ids)],
        revisions=store.db.execute("SELECT COUNT(*) FROM revisions WHERE document_id=?",
                                   (document_id,)).fetchone()[0], highlight=highlight)


def document_json(view: DocumentView) -> dict[str, Any]:
    from lagebild.model import to_json

    return {
        "document": to_json(view.document),
        "segments": to_json(view.segments),
        "mentions": to_json(view.mentions),
        "quotes": to_json(view.quotes),
        "times": to_json(view.times),
        "lineage": [to_json(r) for r, _ in view.lineage],
        "stories": [{"id": s.id, "label": s.label} for s in view.stories],
        "revisions": view.revisions,
    }


def documents(store, *, outlet: str | None = None, limit: int = DEFAULT_LIMIT,
              offset: int = 0) -> Page:
    """Documents, newest first (metadata; the text is on the document itself)."""
    clause, params = ("WHERE outlet=?", [outlet]) if outlet else ("", [])
    total = store.db.execute(f"SELECT COUNT(*) FROM documents {clause}", params).fetchone()[0]
    rows = store.db.execute(
        f"SELECT data FROM documents {clause} ORDER BY COALESCE(published, updated) IS NULL, "
        "COALESCE(published, updated) DESC, id LIMIT ? OFFSET ?", (*params, limit, offset))
    return Page(tuple(codec.loads(Document, r[0]) for r in rows), total, limit, offset)


# --------------------------------------------------------------------------- entities


def entities(store, *, q: str | None = None, type: str | None = None,
             limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Entities with the most mentions first; ``q`` matches a name or alias (substring)."""
    where, params = [], []
    if q:
        where.append("(json_extract(data, '$.name') LIKE ? ESCAPE '\\' "
                     "OR json_extract(data, '$.aliases') LIKE ? ESCAPE '\\')")
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    if type:
        where.append("json_extract(data, '$.type') = ?")
        params.append(type)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = store.db.execute(f"SELECT COUNT(*) FROM entities {clause}", params).fetchone()[0]
    rows = store.db.execute(
        f"SELECT data FROM entities {clause} "
        "ORDER BY json_array_length(data, '$.mentions') DESC, id LIMIT ? OFFSET ?",
        (*params, limit, offset))
    return Page(tuple(codec.loads(Entity, r[0]) for r in rows), total, limit, offset)


@dataclass(frozen=True, slots=True)
class MentionInContext:
    document_id: str
    start: int
    end: int
    before: str
    text: str
    after: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass
class EntityView:
    entity: Entity
    stories: list[Story]
    mentions: Page  # of MentionInContext


def entity_view(store, entity_id: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> EntityView:
    """One entity: its record, the stories it appears in, its mentions in context (paged)."""
    entity = store.corpus_record("entities", entity_id)
    doc_ids = list(dict.fromkeys(m.document_id for m in entity.mentions))
    story_ids = _story_ids_for_documents(store, doc_ids)
    found = [store.corpus_record("stories", s) for s in sorted(story_ids)]
    found.sort(key=lambda s: (s.last_seen or "", s.id), reverse=True)
    chosen = entity.mentions[offset : offset + limit]
    docs: dict[str, Document] = {}
    items = []
    for m in chosen:
        if m.document_id not in docs:
            try:
                docs[m.document_id] = store.document(m.document_id)
            except NotFound:
                continue
        d = docs[m.document_id]
        items.append(MentionInContext(
            m.document_id, m.start, m.end,
            " ".join(d.text[max(0, m.start - CONTEXT_CHARS) : m.start].split()),
            d.text[m.start : m.end],
            " ".join(d.text[m.end : m.end + CONTEXT_CHARS].split()),
            d.title, d.outlet, d.published or d.updated))
    return EntityView(entity, found, Page(tuple(items), len(entity.mentions), limit, offset))


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True, slots=True)
class QuoteRow:
    quote: Quote
    title: str | None
    outlet: str | None
    published: str | None


def quotes(store, *, speaker: str | None = None, story: str | None = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Quotes with their speakers; ``speaker`` matches the speaker's words or entity id,
    ``story`` keeps the quotes inside that story's segments."""
    if story:
        picture_story = store.corpus_record("stories", story)
        wanted = set(picture_story.segment_ids)
        found: list[Quote] = []
        for doc_id in picture_story.document_ids:
            segs = [s for s in store.records("segments", doc_id) if not wanted or s.id in wanted]
            spans = [(s.start, s.end) for s in segs]
            found.extend(q for q in store.records("quotes", doc_id) if _in_spans(q.start, spans))
        if speaker:
            needle = speaker.casefold()
            found = [q for q in found if q.speaker and (
                needle in q.speaker.text.casefold() or q.speaker.entity_id == speaker)]
        total, chosen = len(found), found[offset : offset + limit]
    else:
        where, params = "", []
        if speaker:
            pattern = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where = ("WHERE json_extract(data, '$.speaker.text') LIKE ? ESCAPE '\\' "
                     "OR json_extract(data, '$.speaker.entity_id') = ?")
            params = [pattern, speaker]
        total = store.db.execute(f"SELECT COUNT(*) FROM quotes {where}", params).fetchone()[0]
        chosen = [codec.loads(Quote, r[0]) for r in store.db.execute(
            f"SELECT data FROM quotes {where} ORDER BY document_id, start LIMIT ? OFFSET ?",
            (*params, limit, offset))]
    docs: dict[str, Document] = {}
    items = []
    for q in chosen:
        if q.document_id not in docs:
            docs[q.document_id] = store.document(q.document_id)
        d = docs[q.document_id]
        items.append(QuoteRow(q, d.title, d.outlet, d.published or d.updated))
    return Page(tuple(items), total, limit, offset)


# --------------------------------------------------------------------------- search


def search(store, q: str, *, limit: int = 20, offset: int = 0) -> Page:
    """Segments matching every word of ``q`` in any inflected form (:mod:`lagebild.search`)."""
    from lagebild import search as fts

    hits, total = fts.search(store, q, limit=limit, offset=offset)
    return Page(tuple(hits), total, limit, offset)


def outlets(store) -> list[tuple[str, int]]:
    """Outlets with their number of documents, most first."""
    return [(r[0], r[1]) for r in store.db.execute(
        "SELECT outlet, COUNT(*) FROM documents WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY COUNT(*) DESC, outlet")]

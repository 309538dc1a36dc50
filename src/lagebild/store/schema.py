"""Schema versions of the store and the migrations between them.

``MIGRATIONS[n]`` takes a database from version ``n - 1`` to ``n``. A migration is only ever
added, never edited once released: stored corpora upgrade step by step when opened.
"""

from __future__ import annotations

SCHEMA_VERSION = 7

_DOCUMENT_RECORD_TABLES = ("segments", "sentences", "mentions", "times", "quotes", "claims")
_CORPUS_TABLES = ("entities", "lineage", "stories", "events", "conflicts")

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            identity TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            published TEXT,
            updated TEXT,
            title TEXT,
            language TEXT,
            content_hash TEXT NOT NULL,
            raw_hash TEXT NOT NULL,
            revision INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX documents_published ON documents (published)",
        "CREATE INDEX documents_content_hash ON documents (content_hash)",
        """CREATE TABLE revisions (
            document_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            raw_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (document_id, revision)
        )""",
        *[
            f"""CREATE TABLE {table} (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                data TEXT NOT NULL
            )"""
            for table in _DOCUMENT_RECORD_TABLES
        ],
        *[f"CREATE INDEX {table}_document ON {table} (document_id, start)" for table in _DOCUMENT_RECORD_TABLES],
        *[f"CREATE TABLE {table} (id TEXT PRIMARY KEY, data TEXT NOT NULL)" for table in _CORPUS_TABLES],
        """CREATE TABLE rejections (
            source TEXT NOT NULL,
            line INTEGER NOT NULL DEFAULT -1,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (source, line)
        )""",
        "CREATE TABLE changes (document_id TEXT NOT NULL, revision INTEGER NOT NULL, at TEXT NOT NULL)",
        "CREATE INDEX changes_at ON changes (at)",
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # 2: the corpus indexes of lineage and stories (lagebild.corpus.index). Candidates come
    # from these B-tree lookups (term, entity, LSH band, day), never from a scan of everything.
    2: [
        "CREATE TABLE term_df (scope TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, "
        "PRIMARY KEY (scope, term)) WITHOUT ROWID",
        """CREATE TABLE lineage_docs (
            document_id TEXT PRIMARY KEY,
            day INTEGER,
            text_hash TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX lineage_docs_hash ON lineage_docs (text_hash)",
        "CREATE TABLE lineage_bands (band TEXT NOT NULL, document_id TEXT NOT NULL, "
        "PRIMARY KEY (band, document_id)) WITHOUT ROWID",
        "CREATE INDEX lineage_bands_document ON lineage_bands (document_id)",
        "CREATE TABLE lineage_terms (term TEXT NOT NULL, day INTEGER NOT NULL, "
        "document_id TEXT NOT NULL, PRIMARY KEY (term, day, document_id)) WITHOUT ROWID",
        "CREATE INDEX lineage_terms_document ON lineage_terms (document_id)",
        """CREATE TABLE lineage_edges (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            derived_from TEXT NOT NULL,
            segment_id TEXT,
            derived_from_segment TEXT,
            kind TEXT NOT NULL
        )""",
        "CREATE INDEX lineage_edges_document ON lineage_edges (document_id)",
        "CREATE INDEX lineage_edges_source ON lineage_edges (derived_from)",
        """CREATE TABLE story_state (
            story_id TEXT PRIMARY KEY,
            first_day REAL NOT NULL,
            last_day REAL NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE story_members (
            segment_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            day REAL NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX story_members_story ON story_members (story_id, day)",
        "CREATE INDEX story_members_document ON story_members (document_id)",
        "CREATE TABLE story_terms (term TEXT NOT NULL, story_id TEXT NOT NULL, "
        "day REAL NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID",
        "CREATE INDEX story_terms_day ON story_terms (term, day)",
        "CREATE TABLE story_entities (entity TEXT NOT NULL, story_id TEXT NOT NULL, "
        "day REAL NOT NULL, PRIMARY KEY (entity, story_id)) WITHOUT ROWID",
        "CREATE INDEX story_entities_day ON story_entities (entity, day)",
    ],
    # 3: per-document event reports (lagebild.extract.events); the corpus pass merges them
    # into the corpus table "events".
    3: [
        """CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX event_mentions_document ON event_mentions (document_id, start)",
    ],
    # 4: full-text search over segments (lagebild.search): FTS5 rows of German stems, and which
    # segment and document each row belongs to (FTS5 cannot index an UNINDEXED column).
    4: [
        "CREATE VIRTUAL TABLE search_segments USING fts5(terms, tokenize='unicode61 remove_diacritics 2')",
        "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, segment_id TEXT NOT NULL, "
        "document_id TEXT NOT NULL)",
        "CREATE INDEX search_rows_document ON search_rows (document_id)",
        # the views (lagebild.views) read one story's events and their conflicts by these
        "CREATE INDEX events_story ON events (json_extract(data, '$.story_id'))",
        "CREATE INDEX conflicts_event ON conflicts (json_extract(data, '$.event_id'))",
    ],
    # 5: the stories list (lagebild.views.stories) pages through stories by last activity
    5: [
        "CREATE INDEX stories_last_seen ON stories (json_extract(data, '$.last_seen'))",
    ],
    # 6: the entity stage's blocking index (lagebild.corpus.entity_pass): adding a document
    # loads only the entities its mentions can match, never all of them; and the storylines
    # (stories by parent) the events and picture stages re-merge, found without a full read.
    6: [
        "CREATE TABLE entity_keys (key TEXT NOT NULL, entity_id TEXT NOT NULL, "
        "PRIMARY KEY (key, entity_id)) WITHOUT ROWID",
        "CREATE INDEX entity_keys_entity ON entity_keys (entity_id)",
        "CREATE TABLE entity_state (entity_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
        "data TEXT NOT NULL)",
        "CREATE TABLE entity_documents (document_id TEXT NOT NULL, entity_id TEXT NOT NULL, "
        "forms TEXT NOT NULL, PRIMARY KEY (document_id, entity_id)) WITHOUT ROWID",
        "CREATE INDEX stories_parent ON stories (json_extract(data, '$.parent'))",
        # Story postings keyed (term, day, story): a new posting lands at the end of its term's
        # range, not at a random place in it, so a commit dirties about one page per term
        # whatever the corpus size (story_terms/story_entities, keyed by story, did not).
        "CREATE TABLE story_term_days (term TEXT NOT NULL, day REAL NOT NULL, story_id TEXT NOT NULL, "
        "PRIMARY KEY (term, day, story_id)) WITHOUT ROWID",
        "CREATE TABLE story_entity_days (entity TEXT NOT NULL, day REAL NOT NULL, "
        "story_id TEXT NOT NULL, PRIMARY KEY (entity, day, story_id)) WITHOUT ROWID",
        "INSERT INTO story_term_days (term, day, story_id) SELECT term, day, story_id FROM story_terms",
        "INSERT INTO story_entity_days (entity, day, story_id) SELECT entity, day, story_id FROM story_entities",
        "DELETE FROM story_terms",
        "DELETE FROM story_entities",
    ],
    # 7: story pages (lagebild.corpus.pages): what a story's web page shows, as one JSON row
    # per story written by the last corpus stage, so serving a page reads one row.
    7: [
        "CREATE TABLE story_pages (story_id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    ],
}

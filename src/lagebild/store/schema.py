"""Schema versions of the store and the migrations between them.

``MIGRATIONS[n]`` takes a database from version ``n - 1`` to ``n``. A migration is only ever
added, never edited once released: stored corpora upgrade step by step when opened.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

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
}

"""The SQLite store: the default, embedded home of a corpus and its picture.

One database file holds documents (with every revision), the per-document analyses, the corpus
state (entities, lineage, stories, events, conflicts) and the rejected inputs. Each document is
written in one transaction, so an ingest killed midway leaves a consistent database and a rerun
completes the work: inputs already stored with the same content are skipped before any analysis.

Records are stored as their JSON form (:mod:`lagebild.store.codec`) next to the columns that
queries filter on; the JSON is the source of truth, the columns are indexes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from lagebild.errors import NotFound, SchemaVersionError, StoreError
from lagebild.model import (
    Analysis,
    Claim,
    Conflict,
    Document,
    Entity,
    Event,
    EventMention,
    Lineage,
    Mention,
    Quote,
    Rejection,
    Segment,
    Sentence,
    Story,
    TimeExpression,
)
from lagebild.store import codec
from lagebild.store.schema import MIGRATIONS, SCHEMA_VERSION

T = TypeVar("T")

# Per-document record kinds: table name -> record class. Each such table has the columns
# id, document_id, start, "end", data (the record's JSON), plus what its queries filter on.
DOCUMENT_RECORDS: dict[str, type] = {
    "segments": Segment,
    "sentences": Sentence,
    "mentions": Mention,
    "times": TimeExpression,
    "quotes": Quote,
    "claims": Claim,
    "event_mentions": EventMention,
}


# Page cache and memory map of the store: sized so a 100k-segment corpus keeps its index pages
# in memory (bench/bench_stories.py scale: the 100k/1k cost ratio).
CACHE_KIB = 256 * 1024
MMAP_BYTES = 1 << 30


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteStore:
    """A corpus in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike = "lagebild.db"):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}; check the path") from exc
        self.db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        # The corpus pass probes its indexes at random; SQLite's default 2 MB page cache made
        # the cost of adding a segment grow with the store (bench/bench_stories.py scale).
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self._migrate()

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this Lagebild "
                f"({SCHEMA_VERSION}); upgrade lagebild to read it"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[target]:
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(target),)
                )

    def transaction(self) -> "_Transaction":
        return _Transaction(self)

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    # ------------------------------------------------------------------ documents

    def stored_hash(self, identity: str) -> str | None:
        """The raw-content hash stored for an identity, to skip unchanged inputs early."""
        row = self.db.execute(
            "SELECT raw_hash FROM documents WHERE identity=?", (identity,)
        ).fetchone()
        return row[0] if row else None

    def put_analysis(self, analysis: Analysis, raw_hash: str) -> str:
        """Store one document's analysis in one transaction.

        Returns ``"added"``, ``"revised"`` (a changed version of a stored document: the old
        revision is kept in ``revisions``) or ``"unchanged"`` (identical content: nothing written).
        """
        doc = analysis.document
        with self.transaction():
            row = self.db.execute(
                "SELECT revision, raw_hash FROM documents WHERE id=?", (doc.id,)
            ).fetchone()
            if row and row["raw_hash"] == raw_hash:
                return "unchanged"
            outcome = "added"
            if row:
                outcome = "revised"
                doc = replace(doc, revision=row["revision"] + 1)
                analysis = replace(analysis, document=doc)
                for table in DOCUMENT_RECORDS:
                    self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (doc.id,))
                self.db.execute("DELETE FROM documents WHERE id=?", (doc.id,))
            self._insert_document(doc, raw_hash)
            self.db.execute(
                "INSERT INTO revisions (document_id, revision, raw_hash, ingested_at, data) "
                "VALUES (?,?,?,?,?)",
                (doc.id, doc.revision, raw_hash, _now(), codec.dumps(doc)),
            )
            for table, records in (
                ("segments", analysis.segments),
                ("sentences", analysis.sentences),
                ("mentions", analysis.mentions),
                ("times", analysis.times),
                ("quotes", analysis.quotes),
                ("claims", analysis.claims),
                ("event_mentions", analysis.events),
            ):
                self._insert_records(table, records)
            self.db.execute(
                "INSERT INTO changes (document_id, revision, at) VALUES (?,?,?)",
                (doc.id, doc.revision, _now()),
            )
        return outcome

    def _insert_document(self, doc: Document, raw_hash: str) -> None:
        self.db.execute(
            "INSERT INTO documents (id, identity, source, url, outlet, published, updated, "
            "title, language, content_hash, raw_hash, revision, ingested_at, data) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, doc.identity, doc.source, doc.url, doc.outlet, doc.published,
                doc.updated, doc.title, doc.language, doc.content_hash, raw_hash, doc.revision,
                _now(), codec.dumps(doc),
            ),
        )

    def _insert_records(self, table: str, records: Sequence[Any]) -> None:
        if not records:
            return
        self.db.executemany(
            f'INSERT OR REPLACE INTO {table} (id, document_id, start, "end", data) '
            "VALUES (?,?,?,?,?)",
            [(r.id, r.document_id, r.start, r.end, codec.dumps(r)) for r in records],
        )

    def document(self, document_id: str) -> Document:
        row = self.db.execute("SELECT data FROM documents WHERE id=?", (document_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id!r}; `lagebild docs` lists the stored ids")
        return codec.loads(Document, row[0])

    def documents(self) -> list[Document]:
        """All current documents, by publication date (undated last), then id."""
        rows = self.db.execute(
            "SELECT data FROM documents ORDER BY COALESCE(published, updated) IS NULL, "
            "COALESCE(published, updated), id"
        )
        return [codec.loads(Document, row[0]) for row in rows]

    def revisions(self, document_id: str) -> list[Document]:
        rows = self.db.execute(
            "SELECT data FROM revisions WHERE document_id=? ORDER BY revision", (document_id,)
        )
        return [codec.loads(Document, row[0]) for row in rows]

    def count(self, table: str) -> int:
        if table not in {"documents", "revisions", "rejections", *DOCUMENT_RECORDS, *CORPUS_RECORDS}:
            raise ValueError(f"unknown table {table}")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------------ per-document records

    def records(self, table: str, document_id: str | None = None) -> list[Any]:
        """Records of one kind (``"segments"``, ``"quotes"``, ...), in document and text order."""
        cls = DOCUMENT_RECORDS[table]
        if document_id is None:
            rows = self.db.execute(f"SELECT data FROM {table} ORDER BY document_id, start, id")
        else:
            rows = self.db.execute(
                f"SELECT data FROM {table} WHERE document_id=? ORDER BY start, id", (document_id,)
            )
        return [codec.loads(cls, row[0]) for row in rows]

    def analysis(self, document_id: str) -> Analysis:
        """The stored per-document analysis, as the pipeline produced it."""
        return Analysis(
            document=self.document(document_id),
            segments=tuple(self.records("segments", document_id)),
            sentences=tuple(self.records("sentences", document_id)),
            mentions=tuple(self.records("mentions", document_id)),
            times=tuple(self.records("times", document_id)),
            quotes=tuple(self.records("quotes", document_id)),
            claims=tuple(self.records("claims", document_id)),
            events=tuple(self.records("event_mentions", document_id)),
        )

    def update_document(self, doc: Document) -> None:
        """Replace the stored record of the current revision (the corpus pass adds inferred dates)."""
        with self.transaction():
            self.db.execute("UPDATE documents SET data=? WHERE id=?", (codec.dumps(doc), doc.id))
            self.db.execute("UPDATE revisions SET data=? WHERE document_id=? AND revision=?",
                            (codec.dumps(doc), doc.id, doc.revision))

    def replace_document_records(self, table: str, document_id: str, records: Sequence[Any]) -> None:
        """Replace all records of one kind of one document (times re-resolved by the corpus pass)."""
        DOCUMENT_RECORDS[table]  # a KeyError names an unknown kind before anything is deleted
        with self.transaction():
            self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (document_id,))
            self._insert_records(table, list(records))

    def update_records(self, table: str, records: Iterable[Any]) -> None:
        """Replace per-document records in place (the corpus pass sets entity ids this way)."""
        with self.transaction():
            self._insert_records(table, list(records))

    # ------------------------------------------------------------------ corpus state

    def replace_corpus(self, table: str, records: Iterable[Any]) -> None:
        """Replace all records of a corpus-level kind (entities, lineage, stories, ...)."""
        cls = CORPUS_RECORDS[table]
        with self.transaction():
            self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(
                f"INSERT INTO {table} (id, data) VALUES (?, ?)",
                [(r.id, codec.dumps(r)) for r in records if isinstance(r, cls)],
            )

    def upsert_corpus(self, table: str, records: Iterable[Any]) -> None:
        with self.transaction():
            self.db.executemany(
                f"INSERT OR REPLACE INTO {table} (id, data) VALUES (?, ?)",
                [(r.id, codec.dumps(r)) for r in records],
            )

    def delete_corpus(self, table: str, ids: Iterable[str]) -> None:
        """Remove corpus records by id (a stage replacing the part of the picture it recomputed)."""
        CORPUS_RECORDS[table]  # unknown tables fail here, before any SQL is built
        with self.transaction():
            self.db.executemany(f"DELETE FROM {table} WHERE id=?", [(i,) for i in ids])

    def corpus(self, table: str) -> list[Any]:
        cls = CORPUS_RECORDS[table]
        rows = self.db.execute(f"SELECT data FROM {table} ORDER BY id")
        return [codec.loads(cls, row[0]) for row in rows]

    def corpus_record(self, table: str, record_id: str) -> Any:
        cls = CORPUS_RECORDS[table]
        row = self.db.execute(f"SELECT data FROM {table} WHERE id=?", (record_id,)).fetchone()
        if row is None:
            singular = {"entities": "entity", "stories": "story", "lineage": "lineage record"}
            name = singular.get(table, table.rstrip("s"))
            raise NotFound(f"no {name} {record_id!r}; `lagebild {table}` lists the stored ids")
        return codec.loads(cls, row[0])

    def get_state(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_state(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    # ------------------------------------------------------------------ rejections

    def add_rejection(self, rejection: Rejection) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO rejections (source, line, reason, at) VALUES (?,?,?,?)",
                (rejection.source, rejection.line if rejection.line is not None else -1,
                 rejection.reason, _now()),
            )

    def clear_rejection(self, source: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM rejections WHERE source=?", (source,))

    def rejections(self) -> list[Rejection]:
        rows = self.db.execute("SELECT source, line, reason FROM rejections ORDER BY source, line")
        return [
            Rejection(source=r["source"], reason=r["reason"], line=None if r["line"] < 0 else r["line"])
            for r in rows
        ]

    def corpus_backlog(self) -> tuple[list[str], int]:
        """Documents stored since the last completed corpus pass, in the order they were stored,
        and the position in the change log up to which they reach (for :meth:`mark_corpus_done`)."""
        done = int(self.get_state("corpus_done_change", 0))
        rows = self.db.execute(
            "SELECT rowid, document_id FROM changes WHERE rowid > ? ORDER BY rowid", (done,)
        ).fetchall()
        ids = list(dict.fromkeys(row[1] for row in rows))
        return ids, (rows[-1][0] if rows else done)

    def mark_corpus_done(self, upto: int) -> None:
        self.set_state("corpus_done_change", upto)

    def changes_since(self, since: str) -> list[str]:
        """Ids of documents added or revised at or after ``since`` (ISO 8601, UTC)."""
        rows = self.db.execute(
            "SELECT document_id FROM changes WHERE at >= ? GROUP BY document_id ORDER BY MIN(at)",
            (since,)
        )
        return [row[0] for row in rows]


CORPUS_RECORDS: dict[str, type] = {
    "entities": Entity,
    "lineage": Lineage,
    "stories": Story,
    "events": Event,
    "conflicts": Conflict,
}


class _Transaction:
    """Re-entrant BEGIN IMMEDIATE ... COMMIT; rolls back on any exception."""

    def __init__(self, store: SQLiteStore):
        self.store = store

    def __enter__(self) -> None:
        store = self.store
        store._lock.acquire()
        depth = getattr(store, "_depth", 0)
        if depth == 0:
            store.db.execute("BEGIN IMMEDIATE")
        store._depth = depth + 1

    def __exit__(self, exc_type: object, *rest: object) -> None:
        store = self.store
        store._depth -= 1
        try:
            if store._depth == 0:
                store.db.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            store._lock.release()


def open_store(location: str | os.PathLike = "lagebild.db") -> SQLiteStore:
    """Open (creating and migrating as needed) the store at ``location``."""
    location = str(location)
    if location.startswith(("postgresql://", "postgres://")):
        from lagebild.store.postgres import open_postgres  # needs the extra [postgres]

        return open_postgres(location)
    parent = Path(location).parent
    if not parent.exists():
        raise StoreError(f"cannot create {location}: folder {parent} does not exist")
    return SQLiteStore(location)


def iter_ids(store: SQLiteStore, table: str) -> Iterator[str]:
    for row in store.db.execute(f"SELECT id FROM {table} ORDER BY id"):
        yield row[0]

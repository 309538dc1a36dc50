"""The persistent indexes behind lineage and stories, kept in the store's SQLite file.

Owns the tables of schema version 2 (see :mod:`lagebild.store.schema`): document frequencies
per scope (``term_df``), MinHash LSH bands of documents (``lineage_bands``), rare-term postings
of documents by day (``lineage_terms``), and the postings of stories by term and by entity with
the story's last day (``story_term_days``, ``story_entity_days``, schema version 6). Every query is a B-tree lookup on
a key plus a day range, so the cost of finding candidates does not grow with the corpus; the
indexes live in the database, so a restarted process continues where the last one stopped.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

# Counter rows live in term_df under this key (no lemma contains a NUL character).
_COUNT_KEY = "\x00count"


def _chunks(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class TermStats:
    """Document frequencies of lemmas within one scope ("segments", "documents")."""

    def __init__(self, db: sqlite3.Connection, scope: str):
        self.db = db
        self.scope = scope

    def count(self) -> int:
        """How many units (segments or documents) the frequencies were counted over."""
        row = self.db.execute(
            "SELECT df FROM term_df WHERE scope=? AND term=?", (self.scope, _COUNT_KEY)
        ).fetchone()
        return int(row[0]) if row else 0

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        """Document frequency of each term (0 for unseen terms)."""
        unique = list(dict.fromkeys(terms))
        found: dict[str, int] = dict.fromkeys(unique, 0)
        for chunk in _chunks(unique):
            marks = ",".join("?" * len(chunk))
            for term, df in self.db.execute(
                f"SELECT term, df FROM term_df WHERE scope=? AND term IN ({marks})",
                (self.scope, *chunk),
            ):
                found[term] = df
        return found

    def add(self, terms: Iterable[str], sign: int = 1) -> None:
        """Count one unit with these (distinct) terms; ``sign=-1`` takes a unit out again."""
        rows = [(self.scope, t, sign) for t in dict.fromkeys(terms)]
        rows.append((self.scope, _COUNT_KEY, sign))
        self.db.executemany(
            "INSERT INTO term_df (scope, term, df) VALUES (?,?,?) "
            "ON CONFLICT(scope, term) DO UPDATE SET df = df + excluded.df",
            rows,
        )


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[str]:
    """LSH band keys of a MinHash signature: band number + a hash of its rows."""
    keys = []
    for b in range(bands):
        chunk = np.ascontiguousarray(signature[b * rows : (b + 1) * rows]).tobytes()
        keys.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


class MinHashBands:
    """MinHash LSH buckets of documents: two documents sharing one band key are candidates."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def add(self, document_id: str, keys: Sequence[str]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO lineage_bands (band, document_id) VALUES (?,?)",
            [(k, document_id) for k in keys],
        )

    def candidates(self, keys: Sequence[str], limit: int, day: int | None = None,
                   window: int | None = None) -> list[str]:
        """Documents sharing a band, most shared bands first; with ``day`` and ``window``
        only those published within ``window`` days of it (or undated)."""
        marks = ",".join("?" * len(keys))
        if day is None or window is None:
            rows = self.db.execute(
                f"SELECT document_id, COUNT(*) AS n FROM lineage_bands WHERE band IN ({marks}) "
                "GROUP BY document_id ORDER BY n DESC, document_id LIMIT ?",
                (*keys, limit),
            )
        else:
            rows = self.db.execute(
                f"SELECT b.document_id, COUNT(*) AS n FROM lineage_bands b JOIN lineage_docs d "
                f"ON d.document_id = b.document_id WHERE b.band IN ({marks}) "
                "AND (d.day IS NULL OR d.day BETWEEN ? AND ?) "
                "GROUP BY b.document_id ORDER BY n DESC, b.document_id LIMIT ?",
                (*keys, day - window, day + window, limit),
            )
        return [r[0] for r in rows]

    def remove(self, document_id: str) -> None:
        self.db.execute("DELETE FROM lineage_bands WHERE document_id=?", (document_id,))


class DocumentTerms:
    """Rare-term postings of documents by day: where rewrites (low shingle overlap) are found."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def add(self, document_id: str, day: int, terms: Sequence[str]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO lineage_terms (term, day, document_id) VALUES (?,?,?)",
            [(t, day, document_id) for t in terms],
        )

    def candidates(self, terms: Sequence[str], day: int | None, window: int, min_shared: int,
                   limit: int) -> list[tuple[str, int]]:
        """Documents within ``window`` days sharing at least ``min_shared`` of ``terms``."""
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        if day is None:
            where, args = "", ()
        else:
            where, args = " AND day BETWEEN ? AND ?", (day - window, day + window)
        rows = self.db.execute(
            f"SELECT document_id, COUNT(*) AS n FROM lineage_terms WHERE term IN ({marks})"
            f"{where} GROUP BY document_id HAVING n >= ? ORDER BY n DESC, document_id LIMIT ?",
            (*terms, *args, min_shared, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def remove(self, document_id: str) -> None:
        self.db.execute("DELETE FROM lineage_terms WHERE document_id=?", (document_id,))


class StoryPostings:
    """Stories by term and by entity: a posting (key, day, story) for each day a segment of
    the story posted the key, the day being the story's last day then.

    Keyed by day before story, so postings are appended at the end of each key's range (the
    stream comes in publication order) and a query reads one day range per key; a story counts
    once per key however often it posted it."""

    _TABLES = {"term": "story_term_days", "entity": "story_entity_days"}

    def __init__(self, db: sqlite3.Connection, kind: str):
        self.db = db
        self.table = self._TABLES[kind]
        self.column = kind

    def post(self, story_id: str, keys: Iterable[str], day: float) -> None:
        self.db.executemany(
            f"INSERT OR IGNORE INTO {self.table} ({self.column}, day, story_id) VALUES (?,?,?)",
            [(k, day, story_id) for k in dict.fromkeys(keys)],
        )

    def candidates(self, keys: Sequence[str], since: float, limit: int,
                   until: float | None = None) -> list[tuple[str, int]]:
        """Stories that posted keys of the query since ``since`` (until ``until``), most
        shared keys first."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        upper, args = ("", ()) if until is None else (" AND day <= ?", (until,))
        rows = self.db.execute(
            f"SELECT story_id, COUNT(DISTINCT {self.column}) AS n FROM {self.table} "
            f"WHERE {self.column} IN ({marks}) AND day >= ?{upper} "
            f"GROUP BY story_id ORDER BY n DESC, story_id LIMIT ?",
            (*keys, since, *args, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def remove_story(self, story_id: str, keys: Iterable[str], first_day: float, last_day: float) -> None:
        """Drop a story's postings (all lie between its first and last day)."""
        self.db.executemany(
            f"DELETE FROM {self.table} WHERE {self.column}=? AND day BETWEEN ? AND ? AND story_id=?",
            [(k, first_day, last_day, story_id) for k in dict.fromkeys(keys)],
        )

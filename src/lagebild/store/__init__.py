"""Persistence: one store holds documents, their analyses and the corpus picture.

SQLite is the embedded default (:class:`SQLiteStore`); :func:`open_store` picks the backend from
the location: a file path, or a ``postgresql://`` URL (:class:`PostgresStore`, extra ``[postgres]``,
imported only when used).
"""

from lagebild.store.sqlite import CORPUS_RECORDS, DOCUMENT_RECORDS, SQLiteStore, open_store

Store = SQLiteStore

__all__ = ["CORPUS_RECORDS", "DOCUMENT_RECORDS", "PostgresStore", "SQLiteStore", "Store", "open_store"]


def __getattr__(name: str):
    if name == "PostgresStore":  # psycopg loads only when PostgreSQL is used
        from lagebild.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(name)

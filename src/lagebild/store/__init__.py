"""Persistence: one store holds documents, their analyses and the corpus picture.

SQLite is the embedded default (:class:`SQLiteStore`); :func:`open_store` picks the backend from
the location (a file path, or a ``postgresql://`` URL once the ``[postgres]`` extra lands).
"""

from lagebild.store.sqlite import CORPUS_RECORDS, DOCUMENT_RECORDS, SQLiteStore, open_store

Store = SQLiteStore

__all__ = ["CORPUS_RECORDS", "DOCUMENT_RECORDS", "SQLiteStore", "Store", "open_store"]

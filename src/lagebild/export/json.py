"""The JSON export: one object, ``"schema": "lagebild/1"``, with a top-level array per record kind.

This is a public contract (README, "Export schema"): within ``lagebild/1`` fields and arrays may be
added, never renamed or removed. Every record has an ``id``; every extracted record points into a
document's ``text`` with ``document_id``, ``start`` and ``end``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, TextIO

from lagebild import __version__
from lagebild.model import SCHEMA, Document, to_json

# Order of the top-level arrays; all are present, empty where nothing was found.
ARRAYS = ("documents", "segments", "entities", "quotes", "claims", "times", "events",
          "conflicts", "lineage", "stories")

DOCUMENT_FIELDS = ("id", "source", "url", "outlet", "agency", "dateline", "published", "updated",
                   "date_precision", "language", "title", "text", "revision", "captions",
                   "metadata", "inferred_date")


def document_json(doc: Document) -> dict[str, Any]:
    data = to_json(doc)
    return {name: data[name] for name in DOCUMENT_FIELDS}


def build(store) -> dict[str, Any]:
    """The whole corpus and its picture as one JSON-ready object."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": f"lagebild {__version__}",
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    out["documents"] = [document_json(doc) for doc in store.documents()]
    for table in ("segments", "quotes", "claims", "times"):
        out[table] = [to_json(r) for r in store.records(table)]
    for table in ("entities", "events", "conflicts", "lineage", "stories"):
        out[table] = [to_json(r) for r in store.corpus(table)]
    return {key: out[key] for key in ("schema", "generator", "generated", *ARRAYS)}


def write(store, stream: TextIO) -> None:
    json.dump(build(store), stream, ensure_ascii=False, indent=1)
    stream.write("\n")

"""The corpus pass keeps its indexes in the store: a restarted process continues where the last
one stopped, and two halves ingested by two processes give the picture of one ingest of all."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from equivalence import (  # noqa: E402
    EXAMPLES,
    export,
    first_difference,
    ingest_examples,
)

from lagebild import ingest  # noqa: E402
from lagebild.model import RawDocument  # noqa: E402
from lagebild.pipeline import Pipeline  # noqa: E402
from lagebild.store import open_store  # noqa: E402


def _inputs_in_publication_order() -> list[RawDocument]:
    raws = [item for item in ingest.read([EXAMPLES]) if isinstance(item, RawDocument)]
    return sorted(raws, key=lambda r: (r.published or "9999", r.identity))


def ingest_in_two_sessions(location) -> dict:
    """The examples' first half (by publication date), store closed, then the second half."""
    raws = _inputs_in_publication_order()
    half = len(raws) // 2
    for part in (raws[:half], raws[half:]):  # a fresh store object each time: nothing in memory
        with open_store(location) as store:
            Pipeline(store, workers=1).ingest_items(part)
    with open_store(location) as store:
        return export(store)


def comparable(data: dict) -> dict:
    """What must agree between ingests batched differently: all of the export (the entity stage
    no longer depends on batching; tests/store/test_postgres.py imports this)."""
    return data


def test_ingesting_in_two_sessions_equals_ingesting_at_once(tmp_path):
    at_once = ingest_examples(tmp_path / "all.db", workers=1)
    in_halves = ingest_in_two_sessions(tmp_path / "halves.db")
    assert in_halves == at_once, first_difference(in_halves, at_once)


def test_entities_do_not_depend_on_how_the_documents_were_batched(tmp_path):
    """The entity stage resolves in publication order and keeps the resolver's whole state
    (form counts, first-seen order) in the store: ids, names, aliases, roles and the order of
    mentions are those of one batch."""
    at_once = ingest_examples(tmp_path / "all.db", workers=1)
    in_halves = ingest_in_two_sessions(tmp_path / "halves.db")
    assert in_halves["entities"] == at_once["entities"]


def test_entities_by_one_document_at_a_time_equal_one_batch(tmp_path):
    """The worst case of batching: every document its own corpus pass, in publication order."""
    at_once = ingest_examples(tmp_path / "all.db", workers=1)
    with open_store(tmp_path / "all.db") as store:  # publication dates as the cleaner found them
        order = [doc.identity for doc in store.documents()]
    raws = {raw.identity: raw for raw in _inputs_in_publication_order()}
    with open_store(tmp_path / "one.db") as store:
        for identity in order:
            Pipeline(store, workers=1).ingest_items([raws[identity]])
        one_by_one = export(store)
    assert one_by_one["entities"] == at_once["entities"]


def test_the_corpus_indexes_are_tables_in_the_store(tmp_path):
    ingest_examples(tmp_path / "x.db", workers=1)
    with open_store(tmp_path / "x.db") as store:
        filled = {table: store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("term_df", "lineage_docs", "lineage_bands", "lineage_terms",
                                "story_state", "story_members", "story_term_days", "story_entity_days",
                                "entity_keys", "entity_state", "entity_documents")}
    assert all(filled.values()), filled

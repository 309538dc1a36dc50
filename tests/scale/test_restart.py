"""The corpus pass keeps its indexes in the store: a restarted process continues where the last
one stopped, and two halves ingested by two processes give the picture of one ingest of all."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from equivalence import (  # noqa: E402
    EXAMPLES,
    export,
    first_difference,
    ingest_examples,
    without_entity_ids,
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
    """The export minus what depends on batching today: the entity stage
    (lagebild.corpus.entity_pass) picks entity ids, mention and role order from the batch it is
    given, so entity ids (also in quotes, claims, events) are replaced by the entity's first
    mention and the entity records themselves are compared by the xfail test below."""
    out = without_entity_ids(data)
    out.pop("entities")
    return out


def test_ingesting_in_two_sessions_equals_ingesting_at_once(tmp_path):
    at_once = comparable(ingest_examples(tmp_path / "all.db", workers=1))
    in_halves = comparable(ingest_in_two_sessions(tmp_path / "halves.db"))
    assert in_halves == at_once, first_difference(in_halves, at_once)


@pytest.mark.xfail(reason="entity resolution depends on how documents are batched (corpus/entity_pass.py)",
                   strict=False)
def test_entities_do_not_depend_on_how_the_documents_were_batched(tmp_path):
    at_once = ingest_examples(tmp_path / "all.db", workers=1)
    in_halves = ingest_in_two_sessions(tmp_path / "halves.db")
    assert in_halves["entities"] == at_once["entities"]


def test_the_corpus_indexes_are_tables_in_the_store(tmp_path):
    ingest_examples(tmp_path / "x.db", workers=1)
    with open_store(tmp_path / "x.db") as store:
        filled = {table: store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("term_df", "lineage_docs", "lineage_bands", "lineage_terms",
                                "story_state", "story_members", "story_terms", "story_entities")}
    assert all(filled.values()), filled

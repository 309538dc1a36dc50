"""The process pool gives the same picture as one process: same export, record for record."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "scale"))

from equivalence import first_difference, ingest_examples  # noqa: E402


def test_two_workers_give_the_same_export_as_one(tmp_path):
    one = ingest_examples(tmp_path / "one.db", workers=1)
    two = ingest_examples(tmp_path / "two.db", workers=2)
    assert one == two, first_difference(one, two)


def test_results_are_stored_in_input_order_whatever_the_workers(tmp_path):
    from lagebild.store import open_store

    ingest_examples(tmp_path / "one.db", workers=1)
    ingest_examples(tmp_path / "two.db", workers=2)
    orders = []
    for name in ("one.db", "two.db"):
        with open_store(tmp_path / name) as store:
            orders.append([r[0] for r in store.db.execute("SELECT document_id FROM changes ORDER BY rowid")])
    assert orders[0] == orders[1]

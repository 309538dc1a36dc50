"""bench/make_wikinews_jsonl.py turns the task's token files into a JSON Lines corpus."""

from __future__ import annotations

import importlib.util
import json

from ingest_samples import REPO

from lagebild.ingest import read


def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_wikinews_jsonl", REPO / "bench" / "make_wikinews_jsonl.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_builds_one_record_per_article_that_ingest_reads(tmp_path):
    data = tmp_path / "train"
    data.mkdir()
    article = {
        "DocumentName": "42 - Neue Brücke eröffnet (2005-08-05)",
        "Annotations": [],
        "Sentences": [
            {"SentenceId": 0, "Tokens": ["Die", "Brücke", "ist", "offen", "."]},
            {"SentenceId": 1, "Tokens": ["„", "Endlich", "“", ",", "sagte", "sie", "."]},
        ],
    }
    (data / "42 - Neue Brücke eröffnet (2005-08-05).json").write_text(
        json.dumps(article), encoding="utf-8"
    )
    out = tmp_path / "wikinews.jsonl"
    assert load_script().main([str(out), "--data", str(data)]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record == {
        "id": "42",
        "title": "Neue Brücke eröffnet",
        "text": "Die Brücke ist offen. „Endlich“, sagte sie.",
        "published": "2005-08-05",
        "outlet": "Wikinews",
        "language": "de",
    }
    [doc] = list(read([out]))
    assert doc.published == "2005-08-05" and doc.outlet == "Wikinews"

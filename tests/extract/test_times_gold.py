"""Eval gate of the time stage: extent F1 and value accuracy on the hand-checked gold set.

``tests/golden/times_gold.jsonl`` holds 464 expressions read and valued by hand (guidelines in
``bench/bench_times.py``): 41 from the project's example corpus (text in the repo, scored
always) and 423 from 92 Wikinews articles of ../shared/data (scored where that folder exists;
only offsets and surfaces are stored, the licence does not allow the text). ``split``: "dev"
rows were used to develop the rules (after a first blind run), "test" rows (71, 14 articles)
were annotated afterwards and scored once, blind; they are not to be tuned on. The floors sit a
little under the figures reached; lowering one is a deliberate act, and so is changing the gold
(its hash is pinned: update both together, with the reason in the commit).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

import pytest

from lagebild.extract.time.evaluate import add, gold_document, gold_spans, score, summarise
from lagebild.extract.times import extract_times

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "times_gold.jsonl"
WIKINEWS = REPO.parent / "shared" / "data" / "spkatt2023-news" / "train"

GOLD_SHA1 = "752e9a1782d51a624dd826c0692892a568c4dfa6"
# Reached with the rules as committed (bench/bench_times.py): examples strict 0.952 relaxed 0.976
# value 1.000; Wikinews dev strict 0.963 relaxed 0.992 value 0.997; Wikinews test (blind) strict
# 0.929 relaxed 0.957 value 0.887. HeidelTime on the same sets: see bench/bench_times.py output.
FLOORS = {
    "examples": {"strict_f1": 0.93, "relaxed_f1": 0.95, "value_accuracy": 0.95},
    "dev": {"strict_f1": 0.94, "relaxed_f1": 0.97, "value_accuracy": 0.97},
    "test": {"strict_f1": 0.90, "relaxed_f1": 0.93, "value_accuracy": 0.86},
}


def _rows() -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc[row["doc"]].append(row)
    return by_doc


def _evaluate(texts: dict[str, str], rows: dict[str, list[dict]]) -> dict[str, float]:
    total: dict[str, int] = {}
    for name, text in texts.items():
        found = extract_times(gold_document(name, text, rows[name][0]["anchor"]), None)
        add(total, score(gold_spans(text, rows[name]), [(t.start, t.end, t.value) for t in found]))
    return summarise(total)


def test_gold_set_is_the_pinned_one():
    assert hashlib.sha1(GOLD.read_bytes()).hexdigest() == GOLD_SHA1
    rows = [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert len(rows) >= 300
    assert {"doc", "text", "start", "type", "value", "anchor"} <= set(rows[0])


def test_examples_part_meets_the_floors():
    rows = {name: r for name, r in _rows().items() if name.startswith("examples/")}
    texts = {name: (REPO / name).read_text(encoding="utf-8") for name in rows}
    for name, text in texts.items():  # the example texts are in the repo: offsets are exact
        for row in rows[name]:
            assert text[row["start"] : row["start"] + len(row["text"])] == row["text"]
    figures = _evaluate(texts, rows)
    for metric, floor in FLOORS["examples"].items():
        assert figures[metric] >= floor, (metric, figures)


@pytest.mark.shared
@pytest.mark.skipif(
    not WIKINEWS.exists(), reason="needs the Wikinews data in ../shared/data/spkatt2023-news"
)
@pytest.mark.parametrize("split", ["dev", "test"])
def test_wikinews_part_meets_the_floors(split):
    from lagebild.ingest.detok import detokenize

    rows = {}
    for name, doc_rows in _rows().items():
        kept = [r for r in doc_rows if not name.startswith("examples/") and r.get("split") == split]
        if kept:
            rows[name] = kept
    texts = {}
    for name in rows:
        data = json.loads((WIKINEWS / name).read_text(encoding="utf-8"))
        texts[name] = detokenize([s["Tokens"] for s in data["Sentences"]]).text
    figures = _evaluate(texts, rows)
    for metric, floor in FLOORS[split].items():
        assert figures[metric] >= floor, (metric, figures)

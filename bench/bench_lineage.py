"""Lineage: precision and recall of copy/rewrite detection on generated rewrites of real articles.

    .venv/bin/python bench/bench_lineage.py

Takes the 700 Wikinews articles of ../shared/data/spkatt2023-news/train (read here, never copied
into the project) and writes, for 300 of them, a derived version two hours later: sentences
reordered, words swapped for synonyms (with clauses dropped), or a shortened copy. All 1,000
texts go through the lineage stage. A found record is right when it links a derived text to
its original in that direction; every other record (between unrelated articles, or between
articles of one story) is a false alarm. Exits 2 when the data is absent.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stories import TRAIN, analysis, wikinews  # noqa: E402

GENERATED = 300
SEED = 7

# Everyday news words and a synonym each (the rewriter's favourite moves).
SYNONYMS = {
    "sagte": "erklärte", "erklärte": "sagte", "teilte": "gab", "berichtete": "meldete",
    "Montag": "Wochenbeginn", "Regierung": "Staatsführung", "Polizei": "Beamten",
    "Menschen": "Personen", "Unternehmen": "Konzern", "Firma": "Unternehmen", "Land": "Staat",
    "Stadt": "Kommune", "ersten": "anfänglichen", "großen": "bedeutenden", "neue": "frische",
    "neuen": "frischen", "wichtig": "bedeutsam", "wichtige": "bedeutsame", "schnell": "rasch",
    "bekannt": "öffentlich", "gab": "teilte", "Angaben": "Informationen", "mehr": "über",
    "zahlreiche": "viele", "viele": "zahlreiche", "Jahr": "Kalenderjahr", "Woche": "Kalenderwoche",
    "Experten": "Fachleute", "Kritik": "Widerspruch", "Ziel": "Vorhaben", "Plan": "Vorhaben",
    "Problem": "Schwierigkeit", "Probleme": "Schwierigkeiten", "begann": "startete",
    "beginnt": "startet", "erhielt": "bekam", "fordert": "verlangt", "forderte": "verlangte",
    "kündigte": "stellte", "Entscheidung": "Beschluss", "Bericht": "Report", "Unfall": "Unglück",
    "getötet": "ums Leben gekommen", "verletzt": "verwundet", "Präsident": "Staatschef",
    "Minister": "Ressortchef", "Bundesregierung": "Regierung in Berlin", "jedoch": "allerdings",
    "aber": "doch", "außerdem": "zudem", "bisher": "bislang", "derzeit": "momentan",
    "sollen": "müssen", "wurde": "ist", "zwei": "beide", "Zeit": "Phase",
}


def _swap(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    out = [SYNONYMS.get(w, w) if rng.random() < 0.9 else w for w in words]
    text = " ".join(out)
    if "," in text and rng.random() < 0.5:  # drop a trailing clause
        head = text.rsplit(",", 1)[0]
        if len(head) > 40:
            text = head + "."
    return text


def derive(sentences: list[str], mode: str, rng: random.Random) -> list[str]:
    if mode == "reorder":
        out = sentences[:]
        rng.shuffle(out)
        return out
    if mode == "synonyms":
        out = [_swap(s, rng) for s in sentences]
        for i in range(0, len(out) - 1, 3):  # and some neighbouring sentences swapped
            out[i], out[i + 1] = out[i + 1], out[i]
        return out
    keep = max(3, int(len(sentences) * 0.6))  # shortened: the first 60 %, a sentence dropped
    out = sentences[:keep]
    if len(out) > 4:
        del out[rng.randrange(1, len(out))]
    return out


def main() -> int:
    if not TRAIN.exists():
        print(f"needs {TRAIN} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    from lagebild.corpus import lineage
    from lagebild.store import open_store

    rng = random.Random(SEED)
    articles = wikinews()
    chosen = sorted(rng.sample(range(len(articles)), GENERATED))
    modes = ("reorder", "synonyms", "shortened")
    truth: dict[str, tuple[str, str]] = {}  # derived document id -> (original id, mode)
    items = []
    for key, date, title, sentences in articles:
        items.append(analysis(key, date, title, sentences))
    for n, i in enumerate(chosen):
        key, date, title, sentences = articles[i]
        if len(sentences) < 3 or date.startswith("0001"):
            continue
        mode = modes[n % 3]
        a = analysis(key, date, title, derive(sentences, mode, rng), outlet="Nachdruck",
                     identity=f"derived:{key}")
        a = replace(a, document=replace(a.document, published=f"{date}T14:00:00+00:00"))
        truth[a.document.id] = (items[i].document.id, mode)
        items.append(a)
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "l.db")) as store:
        for a in items:
            store.put_analysis(a, a.document.id)
        t0 = time.perf_counter()
        lineage.update_store(store, [a.document.id for a in items])
        seconds = time.perf_counter() - t0
        records = [r for r in store.corpus("lineage") if r.segment_id is None]
    found = Counter()
    right = 0
    wrong = []
    for r in records:
        expected = truth.get(r.document_id)
        if expected and expected[0] == r.derived_from:
            right += 1
            found[expected[1]] += 1
        else:
            wrong.append((r.document_id, r.derived_from, r.kind, r.similarity))
    per_mode = Counter(mode for _, mode in truth.values())
    result = {
        "texts": len(items), "derived": len(truth), "records": len(records),
        "precision": round(right / len(records), 4) if records else 1.0,
        "recall": round(right / len(truth), 4),
        "recall_by_mode": {m: round(found[m] / per_mode[m], 4) for m in modes},
        "kinds": dict(Counter(r.kind for r in records)),
        "false_alarms": wrong[:10],
        "ms_per_document": round(seconds * 1000 / len(items), 2),
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

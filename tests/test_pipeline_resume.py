"""An ingest killed midway leaves a consistent store, and running it again completes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from lagebild.pipeline import Pipeline
from lagebild.store import open_store

ROOT = Path(__file__).resolve().parent.parent

TOWNS = ["Hamburg", "Bremen", "Kiel", "Rostock", "Lübeck", "Husum", "Emden", "Wismar", "Stade", "Leer"]


def write_corpus(folder: Path, count: int) -> None:
    for i in range(count):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"meldung-{i:03d}.txt").write_text(
            f"Stadtrat in {town} berät Haushalt {i}\n\n"
            f"Der Stadtrat von {town} hat am Dienstag über den Haushalt für das Jahr {2000 + i} beraten. "
            f"Die Bürgermeisterin sagte, die Stadt müsse sparen. Eine Entscheidung soll am Freitag fallen.\n",
            encoding="utf-8")


def stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_killed_ingest_is_consistent_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, 80)
    db = tmp_path / "news.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus), "--db", str(db), "--workers", "1", "--quiet"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.monotonic() + 120
    while stored_documents(db) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = stored_documents(db)
    assert 0 < partial, "the ingest stored nothing before it was killed"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM segments s WHERE s.document_id = d.id)").fetchone()[0]
        assert orphans == 0, "every stored document has its segments: one transaction per document"

    with open_store(db) as store:
        report = Pipeline(store).ingest([corpus])
        assert len(report.unchanged) == partial
        assert len(report.added) == 80 - partial
        assert store.count("documents") == 80
        assert store.corpus_backlog()[0] == []
        in_stories = {d for story in store.corpus("stories") for d in story.document_ids}
        assert len(in_stories) == 80, "documents stored by the killed run join the corpus pass too"

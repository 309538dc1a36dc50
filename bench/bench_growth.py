"""Growth: time and memory of the corpus pass per added document as the store fills up.

    .venv/bin/python bench/bench_growth.py [--sizes 1000,10000] [--backends sqlite,postgres]
                                           [--probe 50] [--fill-batch 500] [--stride 1] [--json]

Data: the 700 German Wikinews articles, analysed once by the per-document pass (cached in
bench/work/wikinews-analyses-<hash of model.py>.jsonl), then multiplied into as many stored
documents as needed: variant k of an article gets its own identity and ids, every ISO date in
its records shifted by ``7 * stride * k`` days, and its digits rotated (light rewording that
keeps every character span valid). The store is filled through the real corpus pass in batches
of ``--fill-batch`` documents.

Two shapes of growth: ``--stride 1`` (copies a week apart) makes every copy of an article join the
same storyline, so the stories grow with the store (a stress case: one story per article, endlessly
retold); ``--stride 1000`` (copies 19 years apart, each copy a fresh stretch of time) keeps the
news per day and the story sizes those of the real articles while the store grows (an archive).
At each size of ``--sizes`` a probe batch of ``--probe`` new documents is added and its corpus
pass timed (per stage), and the Python memory it allocates at its peak is measured with
tracemalloc on a second, smaller probe.

PostgreSQL runs on a throwaway local server (lagebild.scale.pgserver; fsync off, so the figures
are the corpus pass's own cost, not the disk's). Sizes beyond what finishes here are
extrapolated from the measured points by the caller, and must be stated as such.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORK, wikinews_jsonl  # noqa: E402

from lagebild import corpus  # noqa: E402
from lagebild.model import Analysis, Document  # noqa: E402
from lagebild.store import codec, open_store  # noqa: E402

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DIGITS = str.maketrans("0123456789", "1234567890")
_KINDS = ("segments", "sentences", "mentions", "times", "quotes", "claims", "events")


def _cache_path() -> Path:
    """The cache is keyed by the records' definition: a changed model.py analyses afresh."""
    import hashlib

    import lagebild.model

    digest = hashlib.sha1(Path(lagebild.model.__file__).read_bytes()).hexdigest()[:10]
    return WORK / f"wikinews-analyses-{digest}.jsonl"


def base_analyses() -> list[Analysis]:
    """The 700 Wikinews articles through the per-document pass (both cores), cached as JSON."""
    cache = _cache_path()
    if cache.exists():
        out = []
        for line in cache.open(encoding="utf-8"):
            row = json.loads(line)
            fields = {kind: tuple(codec.loads(cls, r) for r in row[kind]) for kind, cls in _kind_classes().items()}
            out.append(Analysis(document=codec.loads(Document, row["document"]), **fields))
        return out
    from concurrent.futures import ProcessPoolExecutor

    from lagebild import ingest
    from lagebild.model import RawDocument
    from lagebild.pipeline import _analyse_or_reject, default_workers

    raws = [r for r in ingest.read([wikinews_jsonl()]) if isinstance(r, RawDocument)]
    with ProcessPoolExecutor(default_workers()) as pool:
        results = [r for r in pool.map(_analyse_or_reject, raws, chunksize=8) if isinstance(r, Analysis)]
    results = [replace(a, timings={}) for a in results]
    with cache.open("w", encoding="utf-8") as out:
        for a in results:
            row = {"document": codec.dumps(a.document)}
            row.update({kind: [codec.dumps(r) for r in getattr(a, kind)] for kind in _KINDS})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return results


def _kind_classes() -> dict[str, type]:
    from lagebild.model import (
        Claim,
        EventMention,
        Mention,
        Quote,
        Segment,
        Sentence,
        TimeExpression,
    )

    return {"segments": Segment, "sentences": Sentence, "mentions": Mention, "times": TimeExpression,
            "quotes": Quote, "claims": Claim, "events": EventMention}


def _shift(text: str, days: int) -> str:
    def one(m: re.Match) -> str:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + timedelta(days=days)
        except ValueError:
            return m.group(0)
        return d.isoformat() if d.year < 10000 else m.group(0)

    return _ISO_DATE.sub(one, text)


def variant(analysis: Analysis, k: int) -> Analysis:
    """Copy ``k`` of an analysis: new identity and ids, dates shifted by 7k days, digits rotated."""
    if k == 0:
        return analysis
    old = analysis.document
    identity = f"{old.identity}#variant-{k}"
    new_id = Document.make_id(identity)

    def convert(record, cls):
        text = codec.dumps(record).replace(old.id, new_id)
        text = _shift(text, 7 * k)
        if k % 2:
            text = re.sub(r'("text": ")((?:[^"\\]|\\.)*)"',
                          lambda m: m.group(1) + m.group(2).translate(_DIGITS) + '"', text)
        return codec.loads(cls, text)

    document = convert(old, Document)
    document = replace(document, identity=identity, source=f"{old.source}#variant-{k}")
    fields = {kind: tuple(convert(r, type(r)) for r in getattr(analysis, kind)) for kind in _KINDS}
    return Analysis(document=document, timings={}, **fields)


def documents(bases: list[Analysis], stride: int = 1):
    """An endless stream of distinct stored documents: all bases, then variant ``stride`` of each,
    then variant ``2 * stride``, ..."""
    k = 0
    while True:
        for a in bases:
            yield variant(a, stride * k)
        k += 1


def add(store, stream, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        a = next(stream)
        store.put_analysis(a, f"growth-{a.document.id}")
        ids.append(a.document.id)
    return ids


def _server_cpu(store) -> float | None:
    """CPU seconds of the PostgreSQL backend serving this store (a local server), else None."""
    if not hasattr(store.db, "connection"):
        return None
    pid = store.db.execute("SELECT pg_backend_pid()").fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def probe(store, stream, n: int) -> dict:
    ids = add(store, stream, n)
    t0, c0, s0 = time.perf_counter(), time.process_time(), _server_cpu(store)
    stages = corpus.update(store, ids)
    seconds, cpu, s1 = time.perf_counter() - t0, time.process_time() - c0, _server_cpu(store)
    small = add(store, stream, max(1, n // 5))
    tracemalloc.start()
    corpus.update(store, small)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # CPU time of this process too: the machines are shared, wall time depends on the neighbours;
    # for PostgreSQL the server backend's CPU time comes separately.
    out = {"ms_per_doc": round(1000 * seconds / n, 2), "cpu_ms_per_doc": round(1000 * cpu / n, 2),
           "stage_ms_per_doc": {k: round(1000 * v / n, 2) for k, v in stages.items()},
           "peak_mb_per_batch": round(peak / 2**20, 1), "batch": len(small)}
    if s0 is not None and s1 is not None:
        out["server_cpu_ms_per_doc"] = round(1000 * (s1 - s0) / n, 2)
    return out


def run_backend(location: str, bases: list[Analysis], sizes: list[int], probe_n: int,
                fill_batch: int, stride: int = 1, size_of=None) -> dict:
    out = {}
    stream = documents(bases, stride)
    stored = 0
    fill_started = time.perf_counter()
    with open_store(location) as store:
        for size in sizes:
            while stored < size:
                n = min(fill_batch, size - stored)
                ids = add(store, stream, n)
                corpus.update(store, ids)
                stored += n
            fill_s = time.perf_counter() - fill_started
            figures = probe(store, stream, probe_n)
            stored += probe_n + figures["batch"]
            figures["fill_s"] = round(fill_s, 1)
            figures["stored"] = size
            figures["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            if size_of is not None:
                figures["db_mb"] = round(size_of() / 1e6, 1)
            out[size] = figures
            print(f"  {size:>8} stored: {figures}", file=sys.stderr, flush=True)
    return out


def _pg_size(dsn: str) -> int:
    import psycopg

    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="stored documents at which to probe")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--probe", type=int, default=50, help="documents added per probe")
    parser.add_argument("--fill-batch", type=int, default=500, help="documents per corpus pass while filling")
    parser.add_argument("--stride", type=int, default=1,
                        help="copy k is shifted by 7*stride*k days (1: stories grow; 1000: archive)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bases = base_analyses()
    results: dict = {"base_articles": len(bases), "probe": args.probe, "fill_batch": args.fill_batch,
                     "copy_shift_days": 7 * args.stride}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            print(f"{backend}:", file=sys.stderr, flush=True)
            if backend == "sqlite":
                db = Path(tmp) / "growth.db"
                results[backend] = run_backend(str(db), bases, sizes, args.probe, args.fill_batch,
                                               args.stride, lambda: db.stat().st_size)
            elif backend == "postgres":
                from lagebild.scale.pgserver import TemporaryPostgres, unavailable_reason

                reason = unavailable_reason()
                if reason:
                    results[backend] = {"skipped": reason}
                    continue
                with TemporaryPostgres() as server:
                    dsn = server.create_database()
                    results[backend] = run_backend(dsn, bases, sizes, args.probe, args.fill_batch,
                                                   args.stride, lambda: _pg_size(dsn))
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for backend in args.backends.split(","):
        for size, fig in results[backend].items():
            print(f"{backend:9} {size:>8} stored: corpus pass {fig['ms_per_doc']:.1f} ms/added doc "
                  f"(client CPU {fig['cpu_ms_per_doc']:.1f} ms"
                  + (f", server CPU {fig['server_cpu_ms_per_doc']:.1f} ms" if "server_cpu_ms_per_doc" in fig else "")
                  + f") "
                  f"{fig['stage_ms_per_doc']}; peak {fig['peak_mb_per_batch']} MB per batch of {fig['batch']}")


if __name__ == "__main__":
    main()

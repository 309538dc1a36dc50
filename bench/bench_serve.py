"""Load figures of `lagebild serve`: story page and search latency at 50 concurrent clients.

Two steps, both on 127.0.0.1 only:

1. ``build``: a store of N documents (default 100,000) made by cloning the example corpus with
   shifted dates. The examples are ingested once through the pipeline; then each clone round
   copies every document and the records the views read (segments, mentions, times, quotes,
   revisions, the change log), the corpus state (stories with their members, events, conflicts,
   lineage with its edges) and the search rows, with fresh ids and dates moved back by a day
   per round, written directly through the store's connection in one transaction per round.
   The story pages (``story_pages``, written by the corpus pass) are cloned the same way.
   Sentences, claims and event reports are not cloned (no page reads them); entities keep the
   mentions of the originals.
2. ``load``: `lagebild serve` in a subprocess, then bounded request loops from an asyncio httpx
   client: C concurrent clients, each sending R requests back to back (closed loop, no think
   time) to random story pages, then to searches from a fixed list of queries.

    .venv/bin/python bench/bench_serve.py build --docs 100000 --db /tmp/bench100k.db
    .venv/bin/python bench/bench_serve.py load --db /tmp/bench100k.db --clients 50 --requests 40
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = ("*.txt", "*.html", "*.jsonl", "*.rss", "*.atom", "*.warc.gz")
QUERIES = ["Istanbul", "Gespräche", "Gefangenenaustausch", "Kreml Sprecher", "Delegation Kiew",
           "Waffenruhe", "Verhandlungen Mittwoch", "Selenskyj", "Peskow", "Umerow Gefangene",
           "Hitzewarnung", "Starkregen", "Mirage Absturz", "Transfer Fortuna", "Patriot-Systeme",
           "dritte Runde", "Memoranden", "Türkei", "Bosporus", "Unterhändler"]
DATE_KEYS = ("published", "updated", "first_seen", "last_seen")


def _new_id(old: str, k: int) -> str:
    prefix = old[:2] if old.startswith("st") else old[:1]
    return prefix + hashlib.sha1(f"{old}#{k}".encode()).hexdigest()[: len(old) - len(prefix)]


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        day = datetime.fromisoformat(value[:10]) - timedelta(days=days)
    except ValueError:
        return value
    return day.strftime("%Y-%m-%d") + value[10:]


def build(db: Path, docs: int, seed_db: Path | None = None) -> None:
    from lagebild import search
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    if db.exists():
        sys.exit(f"{db} exists; remove it first")
    started = time.perf_counter()
    if seed_db is not None:  # a store of the examples built before (`lagebild ingest`)
        import sqlite3

        with sqlite3.connect(seed_db) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
    store = open_store(db)
    if seed_db is None:
        files = sorted(p for pattern in EXAMPLE_FILES for p in (ROOT / "examples").glob(pattern))
        Pipeline(store).ingest(files)
    search.sync(store)
    conn = store.db
    from lagebild.corpus.pages import refresh  # a seed store made before the pages stage

    refresh(store, [r[0] for r in conn.execute(
        "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_pages)")])
    base_docs = [dict(r) for r in conn.execute("SELECT * FROM documents")]
    tables = {t: [tuple(r) for r in conn.execute(f'SELECT id, document_id, start, "end", data FROM {t}')]
              for t in ("segments", "mentions", "times", "quotes")}
    corpus = {t: [tuple(r) for r in conn.execute(f"SELECT id, data FROM {t}")]
              for t in ("stories", "events", "conflicts", "lineage")}
    members = [tuple(r) for r in conn.execute("SELECT segment_id, story_id, document_id, day, data FROM story_members")]
    story_pages = [tuple(r) for r in conn.execute("SELECT story_id, data FROM story_pages")]
    edges = [tuple(r) for r in conn.execute(
        "SELECT id, document_id, derived_from, segment_id, derived_from_segment, kind FROM lineage_edges")]
    fts = [tuple(r) for r in conn.execute(
        "SELECT r.segment_id, r.document_id, f.terms FROM search_rows r JOIN search_segments f ON f.rowid = r.rowid")]
    per_round = len(base_docs)
    rounds = max(0, (docs - per_round + per_round - 1) // per_round)
    # Only document and corpus ids get new ids; a record id inside a document ("d…-s0") follows
    # its document's (so the id column and the id in the record's JSON agree, as they must
    # for a story's segment_ids to find their segments).
    ids = [d["id"] for d in base_docs] + [r[0] for t in corpus.values() for r in t]
    print(f"examples: {per_round} documents ingested in {time.perf_counter() - started:.1f} s; "
          f"cloning {rounds} rounds", flush=True)

    # Record ids inside a document start with the document id ("d…-s0"), so replacing document
    # and corpus ids as substrings remaps every id in every record's JSON.
    base_ids = [d["id"] for d in base_docs] + [r[0] for t in corpus.values() for r in t]
    id_re = re.compile("|".join(re.escape(i) for i in sorted(base_ids, key=len, reverse=True)))
    for k in range(1, rounds + 1):
        mapping = {old: _new_id(old, k) for old in ids}

        def fast(text: str) -> str:
            return id_re.sub(lambda m: mapping[m.group()], text)

        def remap(text: str) -> str:
            data = json.loads(text)

            def walk(value, key=None):
                if isinstance(value, dict):
                    return {kk: walk(vv, kk) for kk, vv in value.items()}
                if isinstance(value, list):
                    return [walk(v) for v in value]
                if isinstance(value, str):
                    if key in DATE_KEYS:
                        return _shift(value, k)
                    if value in mapping:
                        return mapping[value]
                    head, sep, tail = value.partition("-")  # "d…-s0": record ids inside documents
                    if sep and head in mapping:
                        return mapping[head] + sep + tail
                return value

            return json.dumps(walk(data), ensure_ascii=False, separators=(",", ":"))

        def rid(old: str) -> str:
            head, sep, tail = old.partition("-")
            return mapping.get(old) or (mapping[head] + sep + tail if head in mapping else old)

        with store.transaction():
            now = datetime.now().isoformat(timespec="seconds")
            for d in base_docs:
                new = mapping[d["id"]]
                data = remap(d["data"])
                conn.execute(
                    "INSERT INTO documents (id, identity, source, url, outlet, published, updated, title, "
                    "language, content_hash, raw_hash, revision, ingested_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (new, f"{d['identity']}#{k}", d["source"], d["url"], d["outlet"],
                     _shift(d["published"], k), _shift(d["updated"], k), d["title"], d["language"],
                     d["content_hash"], f"{d['raw_hash']}#{k}", 1, now, data))
                conn.execute("INSERT INTO revisions VALUES (?,?,?,?,?)", (new, 1, d["raw_hash"], now, data))
                conn.execute("INSERT INTO changes (document_id, revision, at) VALUES (?,?,?)", (new, 1, now))
            for table, rows in tables.items():
                conn.executemany(f'INSERT INTO {table} (id, document_id, start, "end", data) VALUES (?,?,?,?,?)',
                                 [(rid(i), mapping[doc], a, b, fast(data)) for i, doc, a, b, data in rows])
            for table, rows in corpus.items():
                conn.executemany(f"INSERT INTO {table} (id, data) VALUES (?,?)",
                                 [(mapping[i], remap(fast(data)))
                                  for i, data in rows])
            conn.executemany("INSERT INTO story_members VALUES (?,?,?,?,?)",
                             [(rid(seg), mapping[st], mapping[doc], day - k, fast(data))
                              for seg, st, doc, day, data in members])
            # a page holds document ids as keys too (citation numbers): replace every id first
            conn.executemany("INSERT INTO story_pages (story_id, data) VALUES (?,?)",
                             [(mapping[sid], remap(fast(data))) for sid, data in story_pages])
            conn.executemany("INSERT INTO lineage_edges VALUES (?,?,?,?,?,?)",
                             [(mapping[i], mapping[d], mapping[f], s and rid(s), fs and rid(fs), kind)
                              for i, d, f, s, fs, kind in edges])
            for seg, doc, terms in fts:
                cur = conn.execute("INSERT INTO search_rows (segment_id, document_id) VALUES (?, ?)",
                                   (rid(seg), mapping[doc]))
                conn.execute("INSERT INTO search_segments (rowid, terms) VALUES (?, ?)", (cur.lastrowid, terms))
        if k % 500 == 0:
            print(f"  {per_round * (k + 1)} documents, {time.perf_counter() - started:.0f} s", flush=True)
    last = conn.execute("SELECT MAX(rowid) FROM changes").fetchone()[0]
    store.set_state(search.STATE_KEY, last)  # the clones' search rows were copied, not re-stemmed
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    n = store.count("documents")
    store.close()
    print(f"built {db}: {n} documents, {time.perf_counter() - started:.0f} s, "
          f"{db.stat().st_size / 1e9:.2f} GB", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def _start_server(db: Path, workers: int | None, env: dict | None = None, log=subprocess.DEVNULL):
    """``lagebild serve`` on a free port of 127.0.0.1, once it answers: (process, base URL)."""
    import httpx

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db", str(db),
                               "--host", "127.0.0.1", "--port", str(port), *_workers(workers)],
                              stdout=subprocess.DEVNULL, stderr=log, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/static/style.css", timeout=1)
            return server, base
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                sys.exit("server did not start")
            time.sleep(0.2)



async def _run(base: str, urls: list[str], clients: int, per_client: int) -> tuple[list[float], int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            for _ in range(per_client):
                url = rng.choice(urls)
                t0 = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - t0) * 1000)
                if response.status_code != 200:
                    errors += 1

        await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies, errors


async def _run_each(base: str, urls: list[str], clients: int) -> None:
    import httpx

    queue = list(reversed(urls))
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        async def worker() -> None:
            while queue:
                await client.get(queue.pop())

        await asyncio.gather(*(worker() for _ in range(clients)))


def _figures(name: str, latencies: list[float], errors: int, seconds: float) -> str:
    q = statistics.quantiles(latencies, n=100)
    return (f"{name}: {len(latencies)} requests, {errors} errors, {len(latencies) / seconds:.0f} req/s, "
            f"p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms, max {max(latencies):.1f} ms")


def _workers(workers: int | None) -> list[str]:
    return ["--workers", str(workers)] if workers else []


def load(db: Path, clients: int, requests: int, stories: int, warm: bool,
         workers: int | None = None) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    story_ids = [r[0] for r in conn.execute(
        "SELECT id FROM stories ORDER BY random() LIMIT ?", (stories,))]
    docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    conn.close()
    server, base = _start_server(db, workers, log=open("/tmp/bench_serve_server.log", "w"))
    try:
        import httpx

        print(f"store: {docs} documents; {clients} clients × {requests} requests each; "
              f"{len(story_ids)} distinct stories, {len(QUERIES)} distinct queries; "
              f"{'warmed' if warm else 'cold'} cache; load average before: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs", flush=True)
        for name, urls in (("baseline (CSS file)", ["/static/style.css"]),
                           ("story page", [f"/stories/{s}" for s in story_ids]),
                           ("search page", [f"/search?q={q}" for q in QUERIES]),
                           ("search API", [f"/api/search?q={q}" for q in QUERIES])):
            if warm:  # every URL twice (first visit, then with the last-visit cookie), so the
                # measured loop reads from the response cache
                asyncio.run(_run_each(base, urls + urls, clients))
            t0 = time.perf_counter()
            latencies, errors = asyncio.run(_run(base, urls, clients, requests))
            print(_figures(name, latencies, errors, time.perf_counter() - t0), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def load_wrk(db: Path, clients: int, seconds: int, stories: int, warm: bool = True,
             workers: int | None = None) -> None:
    """The same scenarios driven by Debian's wrk (C, so the load generator takes little of the
    CPU the server needs). Warm: each scenario's paths are asked for once first. Cold: many
    distinct stories and two-word queries, no warm-up, and the server's response cache off
    (``LAGEBILD_CACHE_ENTRIES=0``), so every request is computed."""
    import shutil
    import sqlite3
    import tempfile

    import httpx

    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk not found: apt-get install -y wrk")
    conn = sqlite3.connect(db)
    story_ids = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT ?", (stories,))]
    docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    conn.close()
    # cold: the server's response cache is off, so every request is computed (the worst case)
    env = {**os.environ, **({} if warm else {"LAGEBILD_CACHE_ENTRIES": "0"})}
    server, base = _start_server(db, workers, env)
    try:
        print(f"store: {docs} documents; {workers or os.cpu_count()} server processes; "
              f"wrk -t2 -c{clients} -d{seconds}s; {len(story_ids)} distinct "
              f"stories; {'warmed' if warm else 'cold'} cache; load average before: "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
        script = Path(__file__).with_name("wrk_paths.lua")
        queries = QUERIES if warm else [f"{a} {b}" for a in QUERIES for b in QUERIES if a != b]
        for name, paths in (("baseline (CSS file)", ["/static/style.css"]),
                            ("story page", [f"/stories/{s}" for s in story_ids]),
                            ("search page", [f"/search?q={q}" for q in queries]),
                            ("search API", [f"/api/search?q={q}" for q in queries])):
            with httpx.Client(base_url=base, timeout=60) as client:
                for path in paths if warm else ():
                    client.get(path)
            with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
                f.write("\n".join(str(httpx.URL(base + p).raw_path, "ascii") for p in paths) + "\n")
            out = subprocess.run([wrk, "-t2", f"-c{clients}", f"-d{seconds}s", "-s", str(script), base],
                                 capture_output=True, text=True, env={**os.environ, "WRK_PATHS": f.name})
            line = next((x for x in out.stdout.splitlines() if x.startswith("WRK ")), out.stdout + out.stderr)
            rate = next((x.split()[1] for x in out.stdout.splitlines() if x.startswith("Requests/sec")), "?")
            print(f"{name}: {line[4:]} req/s={rate} (ms)", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def cold(db: Path, samples: int) -> None:
    """Single-request latency with no cache: each story and query asked for the first time."""
    import sqlite3

    from lagebild import views
    from lagebild.store import open_store

    conn = sqlite3.connect(db)
    story_ids = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT ?", (samples,))]
    conn.close()
    store = open_store(db)
    for name, calls in (("story_picture (cold)", [lambda s=s: views.story_picture(store, s) for s in story_ids]),
                        ("stored story page (cold)", [lambda s=s: views.stored_story_page(store, s)
                                                      for s in story_ids[::-1]]),
                        ("search (cold)", [lambda q=q: views.search(store, q) for q in QUERIES])):
        times = []
        for call in calls:
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        q = statistics.quantiles(times, n=20)
        print(f"{name}: {len(times)} calls, median {statistics.median(times):.1f} ms, "
              f"p95 {q[18]:.1f} ms, max {max(times):.1f} ms", flush=True)


def pages(db: Path, batch: int = 500) -> None:
    """Fill ``story_pages`` for the stories that have no page yet (a store built before the
    pages stage existed): the same rows the corpus pass writes, in batches of ``batch``."""
    from lagebild.corpus.pages import refresh
    from lagebild.store import open_store

    store = open_store(db)
    missing = [r[0] for r in store.db.execute(
        "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_pages) ORDER BY id")]
    started = time.perf_counter()
    print(f"{len(missing)} stories without a page", flush=True)
    for i in range(0, len(missing), batch):
        refresh(store, missing[i : i + batch])
        done = min(i + batch, len(missing))
        print(f"  {done} pages, {time.perf_counter() - started:.0f} s", flush=True)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    print(f"wrote {len(missing)} pages in {time.perf_counter() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a large store by cloning the examples")
    b.add_argument("--db", type=Path, required=True)
    b.add_argument("--docs", type=int, default=100_000)
    b.add_argument("--seed-db", type=Path, help="clone this store of the examples instead of ingesting them")
    ld = sub.add_parser("load", help="load-test a running `lagebild serve` on 127.0.0.1")
    ld.add_argument("--db", type=Path, required=True)
    ld.add_argument("--clients", type=int, default=50)
    ld.add_argument("--requests", type=int, default=40, help="requests per client per scenario")
    ld.add_argument("--stories", type=int, default=200, help="distinct story pages asked for")
    ld.add_argument("--warm", action="store_true", help="ask for every URL once before measuring")
    ld.add_argument("--workers", type=int, help="server processes (default: as `lagebild serve`)")
    w = sub.add_parser("wrk", help="the load scenarios driven by Debian's wrk")
    w.add_argument("--db", type=Path, required=True)
    w.add_argument("--clients", type=int, default=50)
    w.add_argument("--seconds", type=int, default=15)
    w.add_argument("--stories", type=int, default=200)
    w.add_argument("--cold", action="store_true", help="no warm-up, response cache off; 380 distinct two-word queries")
    w.add_argument("--workers", type=int, help="server processes (default: as `lagebild serve`)")
    c = sub.add_parser("cold", help="uncached library latency of story pictures and searches")
    c.add_argument("--db", type=Path, required=True)
    c.add_argument("--samples", type=int, default=40)
    pg = sub.add_parser("pages", help="fill story_pages for a store built before the pages stage")
    pg.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "build":
        build(args.db, args.docs, args.seed_db)
    elif args.command == "wrk":
        load_wrk(args.db, args.clients, args.seconds, args.stories, not args.cold, args.workers)
    elif args.command == "pages":
        pages(args.db)
    elif args.command == "load":
        load(args.db, args.clients, args.requests, args.stories, args.warm, args.workers)
    else:
        cold(args.db, args.samples)


if __name__ == "__main__":
    main()

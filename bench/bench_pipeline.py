"""Speed of ingest, clean and store, and of the whole per-document pass, on Wikinews articles.

    .venv/bin/python bench/bench_pipeline.py [--limit N] [--workers 1,2]

Data: the 700 German Wikinews articles of ../shared/data/spkatt2023-news/train, detokenised into
JSON Lines (bench/make_wikinews_jsonl.py). Figures:

1. ingest + clean + store (one core): the JSON Lines file read by the ingest stage, cleaned, and
   each document stored in its own transaction. Goal >= 200 documents/s.
2. the whole per-document pass (ingest, clean, language layer, times, quotes) plus store, with
   1 and N worker processes. Standing goal >= 50 articles/s with both cores; 2 workers >= 1.8x one.

Each is also given as a ratio to the baseline workload (bench/common.py: a naive tokenise-and-
lemmatise pass over the same texts) run in the same command, so machines can be compared.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import baseline_work, limited_jsonl, peak_rss_mb, timed  # noqa: E402

from lagebild import ingest  # noqa: E402
from lagebild.clean import clean  # noqa: E402
from lagebild.model import Analysis, RawDocument  # noqa: E402
from lagebild.pipeline import Pipeline, raw_hash  # noqa: E402
from lagebild.store import open_store  # noqa: E402


def ingest_clean_store(path: Path, db: Path) -> int:
    count = 0
    with open_store(db) as store:
        for item in ingest.read([path]):
            if not isinstance(item, RawDocument):
                continue
            document, segments = clean(item)
            store.put_analysis(Analysis(document=document, segments=segments), raw_hash(item))
            count += 1
    return count


def whole_pass(path: Path, db: Path, workers: int) -> tuple[int, dict[str, float]]:
    with open_store(db) as store:
        report = Pipeline(store, workers=workers, corpus_pass=False).ingest([path])
    return len(report.added), report.stage_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = limited_jsonl(args.limit, folder)
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        n_tokens = sum(len(t.split()) for t in texts)
        baseline_work(texts[:20])  # warm simplemma's tables
        baseline = timed(lambda: baseline_work(texts), repeat=3)

        t0 = time.perf_counter()
        n = ingest_clean_store(path, folder / "ics.db")
        ics = time.perf_counter() - t0

        results = {
            "articles": n, "tokens": n_tokens,
            "baseline_s": round(baseline, 3), "baseline_articles_per_s": round(n / baseline, 1),
            "ingest_clean_store_s": round(ics, 3),
            "ingest_clean_store_docs_per_s": round(n / ics, 1),
            "ingest_clean_store_ratio_to_baseline": round(ics / baseline, 2),
            "whole_pass": {},
        }
        for workers in [int(w) for w in args.workers.split(",")]:
            t0 = time.perf_counter()
            count, stages = whole_pass(path, folder / f"whole-{workers}.db", workers)
            seconds = time.perf_counter() - t0
            results["whole_pass"][workers] = {
                "seconds": round(seconds, 3),
                "articles_per_s": round(count / seconds, 1),
                "ratio_to_baseline": round(seconds / baseline, 2),
                "stage_ms_per_article": {k: round(1000 * v / max(count, 1), 2) for k, v in stages.items()},
            }
        whole = results["whole_pass"]
        if 1 in whole and len(whole) > 1:
            top = max(whole)
            results["speedup"] = round(whole[1]["seconds"] / whole[top]["seconds"], 2)
        results["peak_rss_mb"] = round(peak_rss_mb(), 1)

    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"{n} Wikinews articles, {n_tokens} tokens")
    print(f"baseline (naive tokenise+lemmatise): {baseline:.2f} s = {n / baseline:.0f} articles/s")
    print(f"ingest+clean+store, 1 core: {ics:.2f} s = {n / ics:.0f} docs/s "
          f"({ics / baseline:.2f}x baseline time)")
    for workers, fig in whole.items():
        print(f"whole per-document pass, {workers} worker(s): {fig['seconds']:.2f} s = "
              f"{fig['articles_per_s']:.1f} articles/s ({fig['ratio_to_baseline']:.2f}x baseline time); "
              f"ms/article by stage: {fig['stage_ms_per_article']}")
    if "speedup" in results:
        print(f"speed-up {max(whole)} workers vs 1: {results['speedup']:.2f}x")
    print(f"peak RSS of the parent process: {results['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()

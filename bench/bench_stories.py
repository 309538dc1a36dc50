"""Story clustering: quality on the hand-grouped Wikinews set, and cost per added segment.

    .venv/bin/python bench/bench_stories.py quality      # B-cubed and pairwise P/R/F1
    .venv/bin/python bench/bench_stories.py scale        # ms per added segment at 1k/10k/100k
    .venv/bin/python bench/bench_stories.py growth       # whole corpus pass per added document, 1k/10k

Reads ../shared/data/spkatt2023-news/train (CC BY-NC-SA: read here, never copied into the
project); the grouping is tests/golden/stories_gold.json. Exits 2 when the data is absent.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"
GOLD = ROOT / "tests" / "golden" / "stories_gold.json"

from lagebild.model import Analysis, Document, Segment, Sentence  # noqa: E402

_NO_SPACE_BEFORE = set(".,;:!?)]}“»%")
_NO_SPACE_AFTER = set("([{„»")


def detokenise(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if out and tok not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += tok
    return out


def wikinews() -> list[tuple[str, str, str, list[str]]]:
    """(file id, date, title, sentences) of every Wikinews article, in file-id order."""
    out = []
    for path in sorted(TRAIN.glob("*.json"), key=lambda p: int(p.name.split(" - ")[0])):
        key, rest = path.stem.split(" - ", 1)
        title, date = rest.rsplit(" (", 1)
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = [detokenise(s["Tokens"]) for s in data["Sentences"]]
        out.append((key, date.rstrip(")"), title, sentences))
    return out


def analysis(key: str, date: str, title: str, sentences: list[str], *, outlet: str = "Wikinews",
             identity: str | None = None) -> Analysis:
    """A Wikinews article as a stored analysis: title line, then its sentences; one segment."""
    identity = identity or f"wikinews:{key}"
    doc_id = Document.make_id(identity)
    text = title + "\n\n"
    spans = [(0, len(title))]
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append((start, start + len(sentence)))
    text = text.rstrip()
    published = None if date.startswith("0001") else f"{date}T12:00:00+00:00"
    doc = Document(id=doc_id, source=identity, identity=identity, text=text, outlet=outlet,
                   published=published, title=title, language="de")
    seg_id = f"{doc_id}-s0"
    segment = Segment(seg_id, doc_id, 0, "article", 0, len(text), headline=title)
    sents = tuple(Sentence(f"{doc_id}-t{i}", doc_id, a, b, seg_id) for i, (a, b) in enumerate(spans))
    return Analysis(document=doc, segments=(segment,), sentences=sents)


# --------------------------------------------------------------------------- quality


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, c in pred.items():
        by_pred[c].add(item)
    for item, c in gold.items():
        by_gold[c].add(item)
    p = r = 0.0
    for item in gold:
        same = by_pred[pred[item]] & by_gold[gold[item]]
        p += len(same) / len(by_pred[pred[item]])
        r += len(same) / len(by_gold[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups = defaultdict(list)
        for item, c in labels.items():
            groups[c].append(item)
        return {(a, b) for g in groups.values() for a in g for b in g if a < b}

    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluster_wikinews(db_path: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Ingest every Wikinews article, run lineage and stories; (predicted, gold, titles)."""
    from lagebild.corpus import lineage, stories
    from lagebild.store import open_store

    gold_docs = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    gold = {d["file"]: d["story"] for d in gold_docs}
    articles = wikinews()
    doc_of: dict[str, str] = {}
    titles: dict[str, str] = {}
    with open_store(db_path) as store:
        ids = []
        for key, date, title, sentences in articles:
            a = analysis(key, date, title, sentences)
            store.put_analysis(a, key)
            ids.append(a.document.id)
            doc_of[a.document.id] = key
            titles[key] = f"{date} {title}"
        lineage.update_store(store, ids)
        stories.update_store(store, ids)
        pred = {}
        for story in store.corpus("stories"):
            for d in story.document_ids:
                pred[doc_of[d]] = story.id
    for key in gold:  # an article that joined no story counts as its own
        pred.setdefault(key, "none-" + key)
    return pred, gold, titles


def quality() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        pred, gold, titles = cluster_wikinews(os.path.join(tmp, "q.db"))
        seconds = time.perf_counter() - t0
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    if "-v" in sys.argv:
        groups = defaultdict(list)
        for k, c in pred.items():
            groups[c].append(k)
        for c, ks in groups.items():
            if len(ks) > 1 or len({gold[k] for k in ks}) > 1:
                print("pred", c, [titles[k][:70] for k in ks])
        ggroups = defaultdict(list)
        for k, c in gold.items():
            ggroups[c].append(k)
        for c, ks in ggroups.items():
            if len({pred[k] for k in ks}) > 1:
                print("split gold", c, [titles[k][:60] for k in ks])
    return {"documents": len(gold), "gold_stories": len(set(gold.values())),
            "predicted_stories": len(set(pred.values())),
            "bcubed": {"p": round(bp, 4), "r": round(br, 4), "f1": round(bf, 4)},
            "pairwise": {"p": round(pp, 4), "r": round(pr, 4), "f1": round(pf, 4)},
            "seconds": round(seconds, 2)}


# --------------------------------------------------------------------------- scale

# The stream: Wikinews articles reused with shifted dates at RATE segments a day, each copy of
# the 700-article corpus a fresh stretch of time, so the six-week window always holds about
# the same number of stories while the store grows a hundredfold.
RATE_PER_DAY = 16
CACHE_MB = int(os.environ.get("LAGEBILD_BENCH_CACHE_MB", "0"))  # 0: the store's default
FILL_BATCH = 2_000  # segments per transaction while filling the store
MEASURED = 200  # segments added through the real path (store + stage) at each size


def scale(sizes=(1_000, 10_000, 100_000)) -> dict:
    from lagebild.corpus import stories
    from lagebild.corpus.index import TermStats  # noqa: F401
    from lagebild.store import open_store

    articles = wikinews()
    base = [analysis(k, d, t, s) for k, d, t, s in articles]
    feats = [stories.features(a.document, a.segments[0]) for a in base]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "scale.db")
        with open_store(path) as store:
            if CACHE_MB:  # SQLite's default page cache is 2 MB; a 100k-segment store is 750 MB
                store.db.execute(f"PRAGMA cache_size=-{CACHE_MB * 1024}")
            index = stories.StoryIndex(store.db)
            added = 0
            for size in sizes:
                t0 = time.perf_counter()
                target = size - MEASURED * len(results)
                while added < target:  # in batches of FILL_BATCH, as ingest commits them
                    with store.transaction():
                        for _ in range(min(FILL_BATCH, target - added)):
                            f = feats[added % len(feats)]
                            copy = added // len(feats)
                            index.add(replace(f, segment_id=f"{f.segment_id}-c{copy}",
                                              document_id=f"{f.document_id}-c{copy}",
                                              day=added / RATE_PER_DAY))
                            added += 1
                        index.flush(store)
                fill = time.perf_counter() - t0
                # The real add path: store documents, then the story stage on them.
                batch = []
                for i in range(MEASURED):
                    k, d, t, s = articles[(added + i) % len(articles)]
                    day = (added + i) / RATE_PER_DAY
                    date = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(day * 86400))
                    a = analysis(k, date[:10], t, s, identity=f"scale:{added + i}")
                    doc = replace(a.document, published=date)
                    batch.append(replace(a, document=doc))
                spent = cpu = 0.0
                for a in batch:  # one document per ingest batch: the pipeline's worst case
                    store.put_analysis(a, a.document.id)
                    t1, c1 = time.perf_counter(), time.process_time()
                    stories.update_store(store, [a.document.id])
                    spent += time.perf_counter() - t1
                    cpu += time.process_time() - c1
                per_segment = spent / MEASURED
                added += MEASURED
                results[size] = {
                    "ms_per_segment": round(per_segment * 1000, 2),
                    "cpu_ms_per_segment": round(cpu * 1000 / MEASURED, 2),  # robust to a busy machine
                    "fill_ms_per_segment": round(fill * 1000 / max(1, size - MEASURED * len(results)), 2),
                    "stories": store.db.execute("SELECT COUNT(*) FROM story_state").fetchone()[0],
                    "db_mb": round(os.path.getsize(path) / 1e6, 1),
                    "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                }
                print(size, results[size], flush=True)
    first, last = results[sizes[0]]["ms_per_segment"], results[sizes[-1]]["ms_per_segment"]
    return {"rate_per_day": RATE_PER_DAY, "cache_mb": CACHE_MB, "sizes": results, "ratio_last_to_first": round(last / first, 2)}


# --------------------------------------------------------------------------- growth of the whole pass

# Copy k of the corpus is bench_growth's variant COPY_STRIDE * k: its dates shifted by
# 7 * COPY_STRIDE * k days (about 19 years, more than the articles' span plus the storyline
# window), so every copy is a fresh stretch of time: the store grows, the news per day and
# the stories' sizes stay the same. (bench_growth.py shifts copies by 7 days, so a story there
# collects every copy of its articles and grows with the store.)
COPY_STRIDE = 1000


def growth(sizes=(1_000, 10_000), probe_n: int = 50, fill_batch: int = 500) -> dict:
    """ms per added document of the whole corpus pass (all stages) at each store size."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_growth as G

    bases = G.base_analyses()
    out: dict = {"base_articles": len(bases), "probe": probe_n, "fill_batch": fill_batch,
                 "copy_shift_days": 7 * COPY_STRIDE}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "growth.db"
        out["sizes"] = G.run_backend(str(db), bases, list(sizes), probe_n, fill_batch,
                                     COPY_STRIDE, lambda: db.stat().st_size)
    first, last = out["sizes"][sizes[0]], out["sizes"][sizes[-1]]
    out["ratio_last_to_first"] = round(last["ms_per_doc"] / first["ms_per_doc"], 2)
    out["cpu_ratio_last_to_first"] = round(last["cpu_ms_per_doc"] / first["cpu_ms_per_doc"], 2)
    return out


def main() -> int:
    if not TRAIN.exists():
        print(f"needs {TRAIN} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    what = sys.argv[1] if len(sys.argv) > 1 else "quality"
    if what == "quality":
        print(json.dumps(quality(), indent=1))
    elif what == "scale":
        sizes = tuple(int(x) for x in sys.argv[2:]) or (1_000, 10_000, 100_000)
        print(json.dumps(scale(sizes), indent=1))
    elif what == "growth":
        sizes = tuple(int(x) for x in sys.argv[2:]) or (1_000, 10_000)
        print(json.dumps(growth(sizes), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The picture: quality against the golden picture, and the time to build it for a large story.

    .venv/bin/python bench/bench_picture.py            # both
    .venv/bin/python bench/bench_picture.py --quality  # precision/recall on examples/
    .venv/bin/python bench/bench_picture.py --speed    # 100-document story

Quality: the example corpus (examples/) goes through the whole pipeline; its events and
conflicts are scored against tests/golden/picture_gold.json (which reuses
tests/golden/examples.json). Speed: 100 documents of one story (the talks reports of the example
corpus, re-issued under other outlets and times) are analysed and stored, the corpus stages up to
stories run, then the events and picture stages are timed: the time to build the picture after
the per-document pass.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "golden"
SKIP = {"README.md", "make_warc.py"}


def example_paths() -> list[str]:
    return sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file() and p.name not in SKIP)


def gold_picture() -> tuple[list[dict], list[dict], dict[str, str], dict]:
    picture = json.loads((GOLD / "picture_gold.json").read_text(encoding="utf-8"))
    examples = json.loads((GOLD / "examples.json").read_text(encoding="utf-8"))
    known = {e["id"]: e for e in [*examples.get("events", []), *examples.get("other_events", [])]}
    events = []
    for gid in picture["from_examples"]:
        e = dict(known[gid])
        e["ordinal"] = picture["ordinals"].get(gid)
        e["date"] = (e.get("date") or None) and e["date"][:10]
        events.append(e)
    events += [dict(e) for e in picture["extra_events"]]
    return events, examples.get("conflicts", []), picture["conflict_attributes"], picture


def build_examples(db: Path):
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    store = open_store(db)
    Pipeline(store).ingest(example_paths())
    return store


def quality() -> dict:
    from lagebild.corpus.events import score_picture

    gold_events, gold_conflicts, attributes, _ = gold_picture()
    with tempfile.TemporaryDirectory() as tmp:
        store = build_examples(Path(tmp) / "examples.db")
        try:
            events, conflicts = store.corpus("events"), store.corpus("conflicts")
            score = score_picture(events, conflicts, gold_events, gold_conflicts, attributes)
            labels = {e.id: f"{e.type} {e.date} {e.label}" for e in events}
        finally:
            store.close()
    return {
        "events": len(events), "gold_events": len(gold_events),
        "event_precision": round(score.event_precision, 3), "event_recall": round(score.event_recall, 3),
        "conflicts": len(conflicts), "gold_conflicts": len(gold_conflicts),
        "conflict_precision": round(score.conflict_precision, 3),
        "conflict_recall": round(score.conflict_recall, 3),
        "false_events": [labels[i] for i in score.false_events],
        "missed_events": list(score.missed_events),
    }


def speed(n_documents: int = 100) -> dict:
    from lagebild import corpus
    from lagebild.corpus import events as events_stage
    from lagebild.corpus import timeline as picture_stage
    from lagebild.ingest import read
    from lagebild.model import RawDocument
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    talks = [r for r in read([str(EXAMPLES / n) for n in (
        "agency-report-talks-wednesday.txt", "rewrite-talks-date-disputed.html",
        "talks-confirmed-month-only.txt")])
        if isinstance(r, RawDocument)]
    raws = []
    for k in range(n_documents):
        base = talks[k % len(talks)]
        hour = 8 + k % 12
        raws.append(replace(
            base, identity=f"bench://talks/{k}", source=f"bench-{k}", url=None,
            outlet=f"Medium {k % 17}", published=f"2025-07-22T{hour:02d}:{k % 60:02d}:00+02:00",
            text=base.text + f"\n\nBerichtsnummer {k}."))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        try:
            report = Pipeline(store, corpus_pass=False).ingest_items(raws)
            t0 = time.perf_counter()
            for name, stage in corpus._stages():
                if name in {"events", "picture"}:
                    continue
                stage(store, report.changed)
            before = time.perf_counter() - t0
            t1 = time.perf_counter()
            events_stage.update_store(store, report.changed)
            t2 = time.perf_counter()
            picture_stage.update_store(store, report.changed)
            t3 = time.perf_counter()
            stories = store.corpus("stories")
            biggest = max((len(s.document_ids) for s in stories), default=0)
            n_events = store.count("events")
        finally:
            store.close()
    return {"documents": n_documents, "largest_story_documents": biggest, "events": n_events,
            "corpus_stages_before_s": round(before, 3), "events_stage_s": round(t2 - t1, 3),
            "picture_stage_s": round(t3 - t2, 3), "picture_total_s": round(t3 - t1, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--documents", type=int, default=100)
    args = parser.parse_args(argv)
    both = not (args.quality or args.speed)
    out = {}
    if args.quality or both:
        out["quality"] = quality()
    if args.speed or both:
        out["speed"] = speed(args.documents)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())

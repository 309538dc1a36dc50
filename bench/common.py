"""Shared helpers of the benchmarks: locating data, building the Wikinews corpus, timing.

Speed figures are reported as ratios against a baseline run in the same command (the machines
are shared and noisy), with absolute figures for context.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPKATT = SHARED / "data" / "spkatt2023-news" / "train"
WORK = ROOT / "bench" / "work"


def need_shared(path: Path = SPKATT) -> None:
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (this benchmark needs ../shared/data)")


def wikinews_jsonl() -> Path:
    """The Wikinews JSON Lines corpus, built from the SpkAtt files on first use (never committed)."""
    need_shared()
    target = WORK / "wikinews.jsonl"
    if not target.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_wikinews_jsonl.py"), str(target)],
                       check=True)
    return target


def limited_jsonl(limit: int | None, folder: Path) -> Path:
    """The Wikinews JSON Lines file, or a copy of its first ``limit`` articles in ``folder``."""
    source = wikinews_jsonl()
    if not limit:
        return source
    target = folder / f"wikinews-{limit}.jsonl"
    with source.open(encoding="utf-8") as inp, target.open("w", encoding="utf-8") as out:
        for i, line in enumerate(inp):
            if i >= limit:
                break
            out.write(line)
    return target


def wikinews_records(limit: int | None = None) -> list[dict]:
    records = []
    with wikinews_jsonl().open(encoding="utf-8") as stream:
        for line in stream:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


_WORD = re.compile(r"\w+")


def baseline_work(texts: list[str]) -> None:
    """The reference workload that speed ratios divide by: tokenise and lemmatise naively.

    It touches every word of every article once in plain Python, as the per-document pass must,
    so the ratio says how many times that minimal pass our whole pipeline costs.
    """
    import simplemma

    for text in texts:
        for word in _WORD.findall(text):
            simplemma.lemmatize(word, lang="de")


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median wall time of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

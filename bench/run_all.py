"""Run every benchmark in turn and print its output: `make bench`.

The long ones (100k-document serving and growth runs) are left out; their commands are in
bench/RESULTS.md. Benchmarks that need ../shared/data say so and are skipped.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script and arguments, what it measures)
BENCHMARKS = [
    (["bench_pipeline.py"], "per-document pass speed, 1 and 2 workers"),
    (["bench_ingest.py"], "ingest speed per format"),
    (["bench_language.py"], "language layer speed"),
    (["bench_ner.py"], "GermEval 2014 NER quality"),
    (["bench_times.py"], "time expressions against the gold set and HeidelTime"),
    (["bench_quotes.py", "--split", "test"], "SpkAtt-2023 attribution quality"),
    (["bench_stories.py", "quality"], "story clustering quality"),
    (["bench_lineage.py"], "rewrite detection"),
    (["bench_picture.py", "--quality"], "events and conflicts against the golden picture"),
    (["bench_picture.py", "--speed"], "picture of a 100-document story"),
]


def main() -> int:
    failed = []
    for args, what in BENCHMARKS:
        print(f"\n=== {' '.join(args)}: {what}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]])
        print(f"--- {time.perf_counter() - started:.1f} s", flush=True)
        if result.returncode != 0:
            failed.append(args[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

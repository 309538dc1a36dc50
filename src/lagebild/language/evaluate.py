"""GermEval 2014 evaluation of the German NER: read the format, predict, score strict span F1.

The scores follow the GermEval 2014 definitions for the outer level (column 3):

* **fine**: strict span F1 over all twelve outer labels (PER, LOC, ORG, OTH and their
  ``deriv``/``part`` variants): a predicted span counts only with exact bounds and label;
* **coarse**: the same after folding ``deriv``/``part`` into their main class (``LOCderiv`` ->
  ``LOC``), which is what GermEval 2014 calls the *loose* evaluation;
* **main**: for reference, strict F1 over the spans labelled with the four main classes only
  (``deriv``/``part`` spans removed from gold and prediction).

Predictions come from the real pipeline: the sentence text is rebuilt from its tokens (joined
by spaces), tokenised and tagged by :mod:`lagebild.language.ner`, and the predicted spans are
projected back onto the given tokens by character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

MAIN_LABELS = ("PER", "LOC", "ORG", "OTH")


@dataclass(frozen=True, slots=True)
class GermEvalSentence:
    indices: tuple[str, ...]
    tokens: tuple[str, ...]
    labels: tuple[str, ...]  # outer BIO labels; "O" where the file has none


def read_germeval(path: str | Path) -> list[GermEvalSentence]:
    """Sentences of a GermEval 2014 file (index, token, outer, inner; '#' comment lines)."""
    sentences: list[GermEvalSentence] = []
    indices: list[str] = []
    tokens: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(GermEvalSentence(tuple(indices), tuple(tokens), tuple(labels)))
        indices.clear(), tokens.clear(), labels.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) < 2:
                continue
            indices.append(columns[0])
            tokens.append(columns[1])
            labels.append(columns[2] if len(columns) > 2 and columns[2] else "O")
    flush()
    return sentences


def bio_spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """Spans ``(first, last_exclusive, label)`` of a BIO sequence (an I- without B- opens one)."""
    spans: set[tuple[int, int, str]] = set()
    start, current = None, None
    for i, label in enumerate(list(labels) + ["O"]):
        if label.startswith("I-") and current == label[2:]:
            continue
        if current is not None:
            spans.add((start, i, current))
            start, current = None, None
        if label.startswith(("B-", "I-")):
            start, current = i, label[2:]
    return spans


def _coarse(label: str) -> str:
    for suffix in ("deriv", "part"):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def span_scores(gold: Iterable[set], predicted: Iterable[set]) -> dict[str, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, predicted):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": 100 * precision, "recall": 100 * recall, "f1": 100 * f1,
            "gold": tp + fn, "predicted": tp + fp}


def score(
    gold_labels: Sequence[Sequence[str]], predicted_labels: Sequence[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Fine, coarse (GermEval 'loose') and main-class strict span scores, plus per label."""
    gold = [bio_spans(labels) for labels in gold_labels]
    pred = [bio_spans(labels) for labels in predicted_labels]
    fold = lambda spans: {(a, b, _coarse(c)) for a, b, c in spans}  # noqa: E731
    main = lambda spans: {s for s in spans if s[2] in MAIN_LABELS}  # noqa: E731
    result = {
        "fine": span_scores(gold, pred),
        "coarse": span_scores([fold(g) for g in gold], [fold(p) for p in pred]),
        "main": span_scores([main(g) for g in gold], [main(p) for p in pred]),
    }
    labels = sorted({s[2] for spans in gold for s in spans})
    for label in labels:
        only = lambda spans, lab=label: {s for s in spans if s[2] == lab}  # noqa: E731
        result[label] = span_scores([only(g) for g in gold], [only(p) for p in pred])
    return result


def predict_sentence(tokens: Sequence[str]) -> list[str]:
    """Outer BIO labels for one tokenised sentence, from the full German NER pipeline."""
    from lagebild.language import de, ner
    from lagebild.language.tokenize import token_spans

    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    text = " ".join(tokens)
    spans = token_spans(text, de.RULES)
    labelled = ner.labelled_spans(text, spans, [(0, len(spans))])
    labels = ["O"] * len(tokens)
    for first, last, label in labelled:
        start, end = spans[first][0], spans[last - 1][1]
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + label
    return labels


def germeval(file: str | Path, predictions_out: str | Path | None = None) -> dict:
    """Predict a GermEval 2014 file, write ``index<TAB>token<TAB>label`` lines, return scores."""
    sentences = read_germeval(file)
    predicted = [predict_sentence(s.tokens) for s in sentences]
    if predictions_out is not None:
        with open(predictions_out, "w", encoding="utf-8") as out:
            for sentence, labels in zip(sentences, predicted):
                for index, token, label in zip(sentence.indices, sentence.tokens, labels):
                    out.write(f"{index}\t{token}\t{label}\n")
                out.write("\n")
    result = score([s.labels for s in sentences], predicted)
    result["sentences"] = len(sentences)  # type: ignore[assignment]
    return result


def germeval_command(file: str | Path, predictions_out: str | Path | None = None) -> dict:
    """:func:`germeval`, then print the scores as a table (for ``lagebild eval germeval``)."""
    from rich.console import Console
    from rich.table import Table

    result = germeval(file, predictions_out)
    table = Table(title=f"GermEval 2014 outer spans, strict ({result['sentences']} sentences)")
    for column in ("metric", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="right" if column != "metric" else "left")
    for name, values in result.items():
        if not isinstance(values, dict):
            continue
        table.add_row(
            name,
            f"{values['precision']:.2f}",
            f"{values['recall']:.2f}",
            f"{values['f1']:.2f}",
            str(values["gold"]),
            str(values["predicted"]),
        )
    Console().print(table)
    return result

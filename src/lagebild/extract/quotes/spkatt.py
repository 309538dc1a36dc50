"""Evaluation on SpkAtt-2023 Task 2 files: predict speech events on the given tokens and score.

Input files (the format of ``../shared/data/spkatt2023-news/train``) hold ``Sentences`` (id and
tokens) and, where present, gold ``Annotations`` with ``sentence:token`` offsets. For every file
we build a :class:`~lagebild.model.Document` from the tokens, run the language layer (where it
is installed) and :func:`lagebild.extract.quotes.find_speech_events`, map the events back to
tokens, write one JSON file per input file, and score against the gold annotations.

Scoring follows the shared task (see ``../shared/data/README.md``): a predicted event matches a
gold event where their cue tokens overlap; gold events without a cue match by message-token
overlap; matching is one-to-one, best overlap first. For matched pairs every role (Cue, Source,
Message, Addr) is scored by token overlap; tokens of unmatched gold events are misses, tokens of
unmatched predictions false alarms. ``joint`` is the micro-average over the four roles.

The data is CC BY-NC-SA: it is read for evaluation and for developing rules, never copied into
the project and never used to train a shipped model. Files whose numeric id is divisible by
:data:`TEST_MODULUS` form the held-out test split (never looked at while writing rules).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from lagebild.model import Document, Parsed, Sentence, Token

ROLES = ("Cue", "Source", "Message", "Addr")
# Test split: files with numeric id % 5 == 0 (about 140 of 700); the rest is for development.
TEST_MODULUS = 5

_NO_SPACE_BEFORE = frozenset(".,;:!?)]}“«%")
_NO_SPACE_AFTER = frozenset("([{„»")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: set[str]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    roles: dict[str, Tally] = field(default_factory=lambda: {r: Tally() for r in ROLES})
    events: Tally = field(default_factory=Tally)

    def joint(self) -> Tally:
        total = Tally()
        for tally in self.roles.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total

    def as_dict(self) -> dict[str, float]:
        out = {f"{role.lower()}_f1": round(t.f1, 4) for role, t in self.roles.items()}
        out.update(
            event_f1=round(self.events.f1, 4),
            event_precision=round(self.events.precision, 4),
            event_recall=round(self.events.recall, 4),
            joint_f1=round(self.joint().f1, 4),
            joint_precision=round(self.joint().precision, 4),
            joint_recall=round(self.joint().recall, 4),
        )
        return out


# --------------------------------------------------------------------------- scoring


def _sets(event: Mapping[str, Any]) -> dict[str, set[str]]:
    return {role: set(event.get(role) or ()) for role in ROLES}


def score_file(predicted: list[Mapping[str, Any]], gold: list[Mapping[str, Any]], score: Score) -> None:
    """Add one file's events to ``score`` (pure apart from updating the tally)."""
    pred = [_sets(e) for e in predicted]
    ref = [_sets(e) for e in gold]
    pairs: list[tuple[int, int, int]] = []
    for g, gold_event in enumerate(ref):
        for p, pred_event in enumerate(pred):
            if gold_event["Cue"]:
                overlap = len(gold_event["Cue"] & pred_event["Cue"])
                if overlap:
                    pairs.append((1000 * overlap + len(gold_event["Message"] & pred_event["Message"]), g, p))
            else:
                overlap = len(gold_event["Message"] & pred_event["Message"])
                if overlap:
                    pairs.append((overlap, g, p))
    pairs.sort(reverse=True)
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for _, g, p in pairs:
        if g in matched_gold or p in matched_pred:
            continue
        matched_gold.add(g)
        matched_pred.add(p)
        for role in ROLES:
            score.roles[role].add(pred[p][role], ref[g][role])
    empty: set[str] = set()
    for g, gold_event in enumerate(ref):
        if g not in matched_gold:
            for role in ROLES:
                score.roles[role].add(empty, gold_event[role])
    for p, pred_event in enumerate(pred):
        if p not in matched_pred:
            for role in ROLES:
                score.roles[role].add(pred_event[role], empty)
    score.events.tp += len(matched_gold)
    score.events.fn += len(ref) - len(matched_gold)
    score.events.fp += len(pred) - len(matched_pred)


# --------------------------------------------------------------------------- prediction


def detokenize(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Text from tokens with German spacing, and each token's character span in it."""
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    position = 0
    previous = ""
    for number, tokens in enumerate(sentences):
        sentence_spans = []
        for token in tokens:
            if parts and not (token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER):
                parts.append(" ")
                position += 1
            elif parts and number and not sentence_spans:
                parts.append(" ")
                position += 1
            sentence_spans.append((position, position + len(token)))
            parts.append(token)
            position += len(token)
            previous = token
        spans.append(sentence_spans)
    return "".join(parts), spans


def _parsed_for(document: Document, sentences: list[list[str]], spans) -> Parsed:
    tokens: list[Token] = []
    sentence_records: list[Sentence] = []
    ranges: list[tuple[int, int]] = []
    for number, (words, word_spans) in enumerate(zip(sentences, spans)):
        first = len(tokens)
        for word, (start, end) in zip(words, word_spans):
            tokens.append(Token(start, end, word, ""))
        ranges.append((first, len(tokens)))
        if word_spans:
            sentence_records.append(
                Sentence(f"{document.id}-t{number}", document.id, word_spans[0][0], word_spans[-1][1])
            )
    mentions = ()
    # The language layer runs on the rebuilt text (same characters, so its mentions' spans
    # index our tokens); we keep the data set's own tokens and sentences and take its mentions.
    try:  # The language layer's named entities help the speaker rules where installed.
        from lagebild.language import parse  # type: ignore[attr-defined]

        mentions = parse(document, ()).mentions
    except Exception:  # noqa: BLE001 - evaluation runs without the language layer too
        mentions = ()
    return Parsed(document.id, "de", tuple(tokens), tuple(sentence_records), tuple(ranges),
                  tuple(mentions))


def predict_file(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    from lagebild.extract.quotes import find_speech_events
    from lagebild.extract.quotes.text import view_of

    ordered = sorted(data.get("Sentences", ()), key=lambda s: int(s["SentenceId"]))
    sentences = [list(s["Tokens"]) for s in ordered]
    ids = [int(s["SentenceId"]) for s in ordered]
    text, spans = detokenize(sentences)
    document = Document(id="spkatt", source=str(data.get("DocumentName", "")), identity="spkatt",
                        text=text, language="de")
    parsed = _parsed_for(document, sentences, spans)
    view = view_of(text, parsed)
    address = []
    for sentence_id, words in zip(ids, sentences):
        address.extend(f"{sentence_id}:{k}" for k in range(len(words)))
    out = []
    for event in find_speech_events(view, parsed):
        out.append({
            # SpkAtt annotates reports of speech without content ("Reported") with no cue.
            "Cue": [] if event.form == "Reported" else [address[i] for i in sorted(event.cue)],
            "Source": [address[i] for i in sorted(event.source)],
            "Message": [address[i] for i in sorted(event.message)],
            "Addr": [address[i] for i in sorted(event.addr)],
            "Form": event.form,
            "IsNested": event.nested,
        })
    return out


def _file_id(path: Path) -> int | None:
    head = path.name.split(" ", 1)[0]
    return int(head) if head.isdigit() else None


def split_files(directory: Path, split: str = "all") -> list[Path]:
    """The files of a split: "test" (id % 5 == 0), "dev" (the rest) or "all"."""
    files = sorted(p for p in Path(directory).glob("*.json"))
    if split == "all":
        return files
    want_test = split == "test"
    return [p for p in files if (_file_id(p) is not None and _file_id(p) % TEST_MODULUS == 0) == want_test]


def evaluate(directory: str | Path, predictions_out: str | Path | None = None,
             split: str = "all") -> dict[str, Any]:
    """Predict and score every file of ``directory``; write predictions where asked."""
    directory = Path(directory)
    out_dir = Path(predictions_out) if predictions_out else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    score = Score()
    files = split_files(directory, split)
    started = time.perf_counter()
    gold_files = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        predicted = predict_file(data)
        if out_dir is not None:
            (out_dir / path.name).write_text(
                json.dumps({"Annotations": predicted}, ensure_ascii=False), encoding="utf-8")
        if "Annotations" in data:
            gold_files += 1
            score_file(predicted, data["Annotations"], score)
    result: dict[str, Any] = {"files": len(files), "scored_files": gold_files, "split": split,
                              "seconds": round(time.perf_counter() - started, 2)}
    result.update(score.as_dict())
    result["roles"] = {role: {"precision": round(t.precision, 4), "recall": round(t.recall, 4),
                              "f1": round(t.f1, 4)} for role, t in score.roles.items()}
    return result


def spkatt_command(directory: str | Path, predictions_out: str | Path | None = None,
                   split: str = "all") -> dict[str, Any]:
    """Evaluate and print a table (the body of ``lagebild eval spkatt DIR --predictions-out OUT``)."""
    from rich.console import Console
    from rich.table import Table

    result = evaluate(directory, predictions_out, split)
    table = Table(title=f"SpkAtt speech events ({result['files']} files, split {split})")
    for column in ("role", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "role" else "left")
    table.add_row("events (cue match)", f"{result['event_precision']:.3f}",
                  f"{result['event_recall']:.3f}", f"{result['event_f1']:.3f}")
    for role, values in result["roles"].items():
        table.add_row(role, f"{values['precision']:.3f}", f"{values['recall']:.3f}", f"{values['f1']:.3f}")
    table.add_row("joint (micro)", f"{result['joint_precision']:.3f}",
                  f"{result['joint_recall']:.3f}", f"{result['joint_f1']:.3f}")
    Console().print(table)
    if predictions_out:
        Console().print(f"predictions written to {predictions_out}")
    return result


def iter_gold(directory: Path, split: str) -> Iterable[tuple[Path, dict[str, Any]]]:
    for path in split_files(directory, split):
        yield path, json.loads(path.read_text(encoding="utf-8"))

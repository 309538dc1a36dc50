"""German named entities: the shipped CRF model, gazetteers, role patterns and consistency.

Order of the cascade, each step only adding what the earlier ones left open:

1. the statistical model (``models/de_ner``: a linear-chain CRF over the lexical features of
   :mod:`lagebild.language.features`, trained by :mod:`lagebild.language.train`) tags GermEval
   2014 outer labels, deriv/part variants included, over our own tokens;
2. gazetteer matches (countries from CLDR, the curated list) fill spans the model missed;
3. role patterns ("Kreml-Sprecher Dmitri Peskow") make the capitalised words after a role a
   person where the model missed them;
4. document consistency: a name found once is found at its other mentions, inflected forms
   included ("Selenskyjs" -> normal "Selenskyj").

Between them, the span fixes of :mod:`lagebild.language.patterns` (building names, split
coordinations, role words cut off, edges of names, common nouns dropped).

Spans made only of stop words or lower-case words (other than deriv adjectives) are dropped:
no common words as entities. :func:`labelled_spans` returns the fine labels (for evaluation);
:func:`recognize` returns :class:`~lagebild.model.Mention` records for the four main types,
with role, affiliation and base form.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Sequence

from lagebild.errors import ModelError
from lagebild.language import gazetteer, patterns
from lagebild.language.features import crf_features
from lagebild.model import Mention

MODEL_PATH = Path(__file__).parent / "models" / "de_ner"
MAIN_TYPES = ("PER", "LOC", "ORG", "OTH")
PERSON_NAME_MAX_TOKENS = 3  # tokens taken after a role word: "Ursula von der Leyen" is 4, rare
# Short surnames are too often common words or initials to propagate on their own.
CONSISTENCY_MIN_CHARS = 3

MODEL_FILE = "model.crfsuite"
# A token the best path leaves outside joins a name where P(O) falls below this (see decode);
# 0 turns it off. Off: 5-fold cross-validation over GermEval dev (train.py --fold) gave fine
# F1 63.3 at 0 and 0.3, 63.1 at 0.4, 62.7 at 0.5, 62.5 at 0.6 (recall gained less than
# precision lost). Rechecked with the issue-3 model: 66.4 at 0, 66.4 at 0.3, 66.3 at 0.4, 65.9
# at 0.5, 65.6 at 0.6, so still off.
MAX_OUTSIDE = 0.0  # written by lagebild.language.train (train_crf)

_tagger = None
LOAD_SECONDS: float | None = None


def model():
    """The CRF tagger, loaded once per process from the package (``models/de_ner``)."""
    global _tagger, LOAD_SECONDS
    if _tagger is None:
        started = time.perf_counter()
        path = MODEL_PATH / MODEL_FILE
        try:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
        except (OSError, ValueError, ImportError) as error:
            raise ModelError(
                f"the German NER model could not be loaded from {path}: {error}. "
                "Reinstall Lagebild or retrain it with `make train-ner`."
            ) from error
        crf_features(["Berlin"])  # loads the gazetteers, name lists and word frequencies now
        _tagger = tagger
        LOAD_SECONDS = time.perf_counter() - started
    return _tagger


def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_STOP = _stop_words()


def decode(tagger, rows: list[list[str]], max_outside: float = MAX_OUTSIDE) -> list[str]:
    """Viterbi labels, plus tokens the model thinks are probably inside a name after all.

    The CRF's best path is cautious (precision ~70, recall ~55 on held-out dev); a token left
    outside whose marginal probability of ``O`` is below ``max_outside`` takes its most likely
    entity label instead, and the BIO sequence is repaired (an ``I-`` after another type opens).
    """
    labels = tagger.tag(rows)
    if max_outside <= 0:
        return labels
    changed = False
    names = None
    for i, label in enumerate(labels):
        if label != "O" or tagger.marginal("O", i) >= max_outside:
            continue
        if names is None:
            names = [name for name in tagger.labels() if name != "O"]
        best = max(names, key=lambda name: tagger.marginal(name, i))
        labels[i] = best
        changed = True
    if changed:
        for i, label in enumerate(labels):
            if label.startswith("I-"):
                previous = labels[i - 1] if i else "O"
                if previous == "O" or previous[2:] != label[2:]:
                    labels[i] = "B-" + label[2:]
    return labels


def _model_spans(
    words: list[str], sentences: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """CRF spans, tagged sentence by sentence (the model was trained on single sentences)."""
    from lagebild.language.evaluate import bio_spans

    tagger = model()
    spans: list[tuple[int, int, str]] = []
    for first, last in sentences:
        if last <= first:
            continue
        labels = decode(tagger, crf_features(words[first:last]))
        spans.extend((first + a, first + b, label) for a, b, label in bio_spans(labels))
    return sorted(spans)


def _is_common(words: Sequence[str], label: str) -> bool:
    if label.endswith("deriv"):
        return False
    if all(w.lower() in _STOP or not w[:1].isalnum() for w in words):
        return True
    return all(not w[:1].isupper() and not w[:1].isdigit() for w in words)


# Abbreviations that look like names to the model but never are: time zones, units.
_NEVER_NAMES = frozenset("MEZ MESZ UTC GMT CET CEST EST EDT PST PDT MSK".split())
# Endings of abstract German nouns ("Friedensverhandlungen", "Sicherheit"): such a word is no
# person or place when it is also in the German dictionary (simplemma), whatever the model says.
_ABSTRACT_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "ismus", "tion", "tionen")


def _abstract_noun(word: str) -> bool:
    import simplemma

    return word.lower().endswith(_ABSTRACT_ENDINGS) and simplemma.is_known(word, lang="de")


def _spans_with_sources(
    text: str, tokens: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> tuple[list[str], list[tuple[int, int, str, str]]]:
    words = [text[a:b] for a, b in tokens]
    n = len(words)
    if n == 0:
        return words, []
    sentence_of = [0] * n
    for k, (first, last) in enumerate(sentences):
        for i in range(first, last):
            sentence_of[i] = k

    taken = [False] * n
    spans: list[tuple[int, int, str, str]] = []

    def add(first: int, last: int, label: str, source: str) -> None:
        if any(taken[first:last]) or sentence_of[first] != sentence_of[last - 1]:
            return
        if _is_common(words[first:last], label):
            return
        if last - first == 1 and (
            words[first] in _NEVER_NAMES
            or source == "model" and label in ("PER", "LOC") and _abstract_noun(words[first])
        ):
            return
        spans.append((first, last, label, source))
        for i in range(first, last):
            taken[i] = True

    starts = {first for first, _ in sentences}
    for first, last, label in _model_spans(words, sentences):
        for a, b, kind in patterns.model_span_parts(words, first, last, label):
            add(a, b, kind, "model")  # roles cut off, "Houston und Corpus Christi" split
    for first, last, entry in gazetteer.find(words):
        add(first, last, entry.type, "gazetteer")
    for first, last in patterns.place_names(words):  # "im Istanbuler Çırağan-Palast"
        add(first, last, "LOC", "pattern")
    for first, last in patterns.organisation_names(words, starts):  # "des Nationalen ...rats"
        patterns.clear_model_pieces(spans, taken, first, last)
        add(first, last, "ORG", "pattern")
    for i in range(1, n):
        if taken[i] or not patterns.is_role(words[i - 1]):
            continue
        last = i
        while (
            last < n
            and last - i < PERSON_NAME_MAX_TOKENS
            and not taken[last]
            and words[last][:1].isupper()
            and words[last].isalpha()
            and words[last].lower() not in _STOP
            and not patterns.is_role(words[last])
        ):
            last += 1
        if last > i:
            add(i, last, "PER", "pattern")
    patterns.adjust_edges(words, spans, taken, starts)

    # consistency: names seen once label their other, possibly inflected, occurrences
    names: dict[str, str] = {}
    for first, last, label, _ in spans:
        if label not in MAIN_TYPES:
            continue
        if label == "PER":
            surname = words[last - 1]
            if len(surname) >= CONSISTENCY_MIN_CHARS:
                names.setdefault(surname, "PER")
        elif last - first == 1 and len(words[first]) >= CONSISTENCY_MIN_CHARS:
            names.setdefault(words[first], label)
    if names:
        for i, word in enumerate(words):
            if taken[i] or not word[:1].isupper():
                continue
            label = names.get(word)
            if label is None and word.endswith(("s", "'", "’")):
                label = names.get(word[:-1])
            if label is not None:
                add(i, i + 1, label, "consistency")
    spans.sort()
    return words, spans


def labelled_spans(
    text: str, tokens: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Token spans ``(first, last_exclusive, label)`` with GermEval outer labels (fine)."""
    _, spans = _spans_with_sources(text, tokens, sentences)
    return [(first, last, label) for first, last, label, _ in spans]


def _normal(surface: str, label: str, known: set[str]) -> str:
    """The base form: genitive -s/-' removed where the bare form is a known or seen name."""
    if surface.endswith(("s", "'", "’")) and len(surface) > 3:
        bare = surface[:-1]
        last = bare.split()[-1]
        if bare in known or last in known or bare.lower() in gazetteer.canonical_names():
            return bare
    return surface


def recognize(
    text: str,
    document_id: str,
    tokens: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
) -> tuple[Mention, ...]:
    """Mentions of the four main types in a document, with role, affiliation and base form."""
    words, spans = _spans_with_sources(text, tokens, sentences)
    known_types = {e.name: e.type for e in gazetteer.entries()}
    seen = {
        " ".join(words[a:b]) for a, b, label, _ in spans if label in MAIN_TYPES
    } | {words[b - 1] for a, b, label, _ in spans if label == "PER"}
    for a, b, label, _ in spans:
        if label in ("ORG", "LOC") and b - a == 1:
            known_types.setdefault(words[a], label)
    places = {a: " ".join(words[a:b]) for a, b, label, _ in spans if label == "LOC"}
    mentions = []
    for first, last, label, source in spans:
        if label not in MAIN_TYPES:
            continue
        start, end = tokens[first][0], tokens[last - 1][1]
        surface = text[start:end]
        role = affiliation = None
        if label == "PER":
            role = patterns.role_before(words, first)
            if role:
                affiliation = patterns.affiliation_from_role(role, known_types)
            after = patterns.affiliation_after(words, last)
            if after:
                affiliation = after[0]
        normal = _normal(surface, label, seen)
        if label in ("ORG", "LOC"):  # "der ukrainische Sicherheitsrat" is not the UN's
            normal = patterns.qualified_name(words, first, last, normal, places)
        mentions.append(
            Mention(
                id=f"{document_id}-m{len(mentions)}",
                document_id=document_id,
                start=start,
                end=end,
                text=surface,
                type=label,  # type: ignore[arg-type]
                role=role,
                affiliation=affiliation,
                normal=normal,
                source=source,
            )
        )
    return tuple(mentions)

"""Extractive story summaries: 3 to 7 sentences of the sources, each citing where it stands.

:func:`summarise` is pure. It takes the candidate sentences of a story (:class:`Unit`: text, span,
document, day, position, independence group) and picks sentences that are

* **central**: TF-IDF cosine to the story's centroid (what most reports are about);
* **informative**: they report an event, carry a date or a number, open their segment;
* **from independent sources**: a copy of an agency report adds nothing its original does not;
* **not redundant**: a sentence too similar to one already chosen is skipped (MMR).

The chosen sentences are put in chronological order (by their document's day, then position), in
the language of the sources (nothing is generated). Each cites its own span and the spans of the
sentences in other documents that say nearly the same (agreement, visible to the reader).
:func:`whats_new` summarises only what documents added or revised since a given time contribute.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lagebild.model import SourceRef, SummarySentence

# --------------------------------------------------------------------------- tuned constants
# Tuned by reading the summaries of the example corpus and the July seed story.

MIN_SENTENCES = 3
MAX_SENTENCES = 7
MIN_CHARS = 40  # shorter sentences are headlines, bylines or fragments
MAX_CHARS = 320  # longer ones are run-ons that read badly out of context
# A candidate this similar (cosine) to a chosen sentence is redundant.
REDUNDANCY = 0.45
# A sentence in another document this similar to a chosen one is cited as agreeing with it.
SUPPORT = 0.5
MAX_CITATIONS = 6
# Weights of the score; centrality dominates, the rest break ties between central sentences.
W_EVENT = 0.25
W_DATE_OR_NUMBER = 0.05
W_LEAD = 0.15
W_COPY = -0.5  # a sentence from a copy: its original says it

_BOILERPLATE = re.compile(
    r"lesen sie|mehr zum thema|alle entwicklungen|newsletter|abonnier|newsblog|live-?ticker|"
    r"kommentar|cookie|anmelden|jetzt hier|weiterlesen|klicken sie",
    re.IGNORECASE,
)
# "ISTANBUL/KYJIW – " or "KIEW (dpa) – " before the first sentence of a report
_DATELINE = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ /.-]{2,40}(?:\([^)]{1,20}\))?\s*[–-]\s+")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
_STOP = frozenset(
    "der die das und oder aber den dem des ein eine einer eines einem einen nicht auch sich mit "
    "von vom zum zur für auf aus bei nach über unter vor als wie dass sei seien habe haben hat "
    "hatte hatten war waren wird werden wurde wurden ist sind sein ihre ihr sie er es man noch "
    "schon nur bis seit zwischen gegen beim durch diese dieser dieses diesem diesen sagte".split()
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence a summary may use."""

    text: str
    ref: SourceRef
    day: date | None = None
    position: int = 0  # sentence index within its segment
    group: str = ""  # independence group: a copy shares its original's
    original: bool = True  # False for a sentence of a copy
    event: bool = False  # reports an event of the story
    segment_id: str | None = None


def _terms(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        if w in _STOP:
            continue
        # a crude German stem: enough to match "Gespräche" with "Gesprächen"
        for suffix in ("ungen", "en", "er", "es", "e", "n", "s"):
            if len(w) > len(suffix) + 4 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.append(w)
    return out


def _vectors(units: Sequence[Unit]) -> list[dict[str, float]]:
    bags = [Counter(_terms(u.text)) for u in units]
    df = Counter(t for bag in bags for t in bag)
    n = len(units)
    vectors = []
    for bag in bags:
        v = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    return vectors


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def eligible(unit: Unit) -> bool:
    text = unit.text.strip()
    if not (MIN_CHARS <= len(text) <= MAX_CHARS):
        return False
    if not text.endswith((".", "!", "?", "“", '"', "«", "»")):
        return False  # a headline or a fragment
    return not _BOILERPLATE.search(text)


def target_size(units: Sequence[Unit]) -> int:
    """More independent sources, longer summary: 3 to 7 sentences."""
    groups = len({u.group for u in units})
    return max(MIN_SENTENCES, min(MAX_SENTENCES, groups + 2))


def summarise(units: Sequence[Unit], size: int | None = None) -> tuple[SummarySentence, ...]:
    """The summary of a story from its sentences (see the module docstring). Pure."""
    pool = [u for u in units if eligible(u)]
    if not pool:
        return ()
    vectors = _vectors(pool)
    centroid: Counter = Counter()
    for v in vectors:
        centroid.update(v)
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    centre = {t: x / norm for t, x in centroid.items()}
    scores = []
    for u, v in zip(pool, vectors):
        score = _cos(v, centre)
        score += W_EVENT * u.event
        score += W_DATE_OR_NUMBER * bool(re.search(r"\d|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag", u.text, re.I))
        score += W_LEAD / (1 + u.position)
        score += W_COPY * (not u.original)
        scores.append(score)
    want = size or target_size(pool)
    chosen: list[int] = []
    order = sorted(range(len(pool)), key=lambda i: (-scores[i], pool[i].ref.document_id, pool[i].ref.start))
    for i in order:
        if len(chosen) >= want:
            break
        if any(_cos(vectors[i], vectors[j]) > REDUNDANCY for j in chosen):
            continue
        chosen.append(i)
    chosen.sort(key=lambda i: (pool[i].day or date.max, pool[i].ref.document_id, pool[i].ref.start))
    out = []
    for i in chosen:
        cites = [pool[i].ref]
        support = sorted(
            (j for j in range(len(pool)) if pool[j].ref.document_id != pool[i].ref.document_id
             and _cos(vectors[i], vectors[j]) >= SUPPORT),
            key=lambda j: -_cos(vectors[i], vectors[j]))
        seen_docs = {pool[i].ref.document_id}
        for j in support:
            if pool[j].ref.document_id in seen_docs:
                continue
            seen_docs.add(pool[j].ref.document_id)
            cites.append(pool[j].ref)
            if len(cites) >= MAX_CITATIONS:
                break
        text = _DATELINE.sub("", " ".join(pool[i].text.split()))
        out.append(SummarySentence(text=text, sources=tuple(cites)))
    return tuple(out)


def whats_new(units: Sequence[Unit], new_documents: Sequence[str], size: int = MIN_SENTENCES
              ) -> tuple[SummarySentence, ...]:
    """The summary of what documents added or revised since a time contribute to a story."""
    fresh = set(new_documents)
    return summarise([u for u in units if u.ref.document_id in fresh], size=size)

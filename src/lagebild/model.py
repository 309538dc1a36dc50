"""The records that pass between stages, that the store persists and the JSON export writes.

Every record is an immutable dataclass. Every extracted record carries its provenance: the id of
the document it came from and a character span ``[start, end)`` into that document's cleaned
``text``, so that ``document.text[start:end] == record.text`` wherever a record has a ``text``.

Ids are deterministic: the same input always yields the same ids, so exports of two runs over
the same corpus can be compared line by line. Document ids derive from the document's identity
(its URL, else the source path and item key); ids of records inside a document derive from the
document id and the record's position (``d1a2b3c4d5e6-s0`` is the first segment of a document).

The JSON export writes these records with :func:`to_json`; field names are the public contract
of ``"schema": "lagebild/1"``: within that version fields may be added, never renamed or removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

SCHEMA = "lagebild/1"

DatePrecision = Literal["minute", "hour", "day", "month", "year"]
SegmentKind = Literal["article", "lead", "entry", "section"]
EntityType = Literal["PER", "ORG", "LOC", "OTH"]
QuoteKind = Literal["direct", "indirect", "reported", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
LineageKind = Literal["duplicate", "near-duplicate", "rewrite", "shared-source"]


# How many opening words stand in for a missing title.
HEADING_WORDS = 10


def stable_id(prefix: str, *parts: str, length: int = 12) -> str:
    """A short deterministic id: ``prefix`` + the first ``length`` hex digits of SHA-1 of parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return prefix + digest[:length]


def content_hash(text: str) -> str:
    """Hash of a text with whitespace normalised: two texts differing only in spacing are equal."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- ingest and clean


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from a source, before cleaning.

    Ingest produces these from files, feeds and archives; clean turns them into a
    :class:`Document` with its :class:`Segment` list. ``text`` is already extracted main text
    (HTML pages go through trafilatura in ingest); ``html`` is kept where the source had it so
    that cleaning can read structure (sub-headings, live-blog entries) that plain text lost.
    """

    source: str  # the path or URL as the user gave it, with "#item" for items inside a container
    identity: str  # what makes two inputs "the same document": URL, else resolved path + item key
    text: str
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 as found; clean normalises it
    updated: str | None = None
    outlet: str | None = None
    language: str | None = None
    format: str = "text"  # text, html, feed, warc, jsonl
    metadata: Mapping[str, Any] = field(default_factory=dict)
    live_entries: tuple["LiveEntry", ...] = ()  # from JSON-LD LiveBlogPosting, where present


@dataclass(frozen=True, slots=True)
class LiveEntry:
    """A live-blog entry as announced by the page's JSON-LD (``liveBlogUpdate``)."""

    headline: str | None
    body: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be ingested, with the reason a user can act on."""

    source: str
    reason: str
    line: int | None = None  # for JSON Lines and other line-based containers


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: the unit every later record points into."""

    id: str
    source: str
    identity: str
    text: str
    url: str | None = None
    outlet: str | None = None
    agency: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None  # ISO 8601 with offset, or None
    updated: str | None = None
    date_precision: DatePrecision | None = None
    language: str | None = None
    title: str | None = None
    format: str = "text"
    content_hash: str = ""
    revision: int = 1
    metadata: Mapping[str, Any] = field(default_factory=dict)
    captions: tuple[str, ...] = ()  # picture credits and captions, kept out of the body
    # Where published is missing or not precise to the day: the range the corpus pass inferred
    # from the text and the story, with how (lagebild.corpus.dates).
    inferred_date: "DocumentDate | None" = None

    @staticmethod
    def make_id(identity: str) -> str:
        return stable_id("d", identity)

    @property
    def heading(self) -> str:
        """The title, else the opening words of the text: what lists and briefs show."""
        if self.title:
            return self.title
        words = self.text.split()
        if not words:
            return self.id
        opening = " ".join(words[:HEADING_WORDS])
        return opening + (" …" if len(words) > HEADING_WORDS else "")


@dataclass(frozen=True, slots=True)
class Segment:
    """A self-contained part of a document: the whole article, a live-blog entry, or a section.

    ``start``/``end`` cover the segment in the document's text, its headline line included.
    """

    id: str
    document_id: str
    index: int
    kind: SegmentKind
    start: int
    end: int
    headline: str | None = None
    published: str | None = None  # live-blog entries may carry their own time


# --------------------------------------------------------------------------- language layer


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    is_space_after: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    document_id: str
    start: int
    end: int
    segment_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention, as found in one document; ``entity_id`` is set by the corpus pass."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    type: EntityType
    role: str | None = None  # "Kreml-Sprecher", "Verteidigungsminister", from role patterns
    affiliation: str | None = None  # "SPD" in "Boris Pistorius (SPD)"
    normal: str | None = None  # base form: "Selenskyj" for "Selenskyjs"
    entity_id: str | None = None
    source: str = "model"  # model, gazetteer, pattern, consistency


@dataclass(frozen=True, slots=True)
class EntityMention:
    document_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    affiliations: tuple[str, ...] = ()  # parties and organisations: "SPD" for Pistorius


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the language layer makes of one document; the input of every extractor.

    ``tokens`` cover the whole document text in order; ``sentence_tokens[i]`` is the
    ``[first, last)`` token index range of ``sentences[i]``. Mentions are the named entities
    found in this document alone (cross-document resolution happens in the corpus pass).
    """

    document_id: str
    language: str
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sentence_tokens: tuple[tuple[int, int], ...] = ()
    mentions: tuple[Mention, ...] = ()


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date a relative time expression was resolved against, and where that date came from."""

    value: str  # ISO date or date range "2025-07-21/2025-07-23"
    source: str  # "published", "updated", "inferred:weekdays", "story", "segment", ...


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """When a document was written: firm (``earliest == latest``) or a range inferred from its text.

    ``method`` names where it came from ("published", "updated", "segment",
    "inferred:weekdays", "inferred:duration", "inferred:dates", "story", "unknown");
    ``evidence`` holds short human-readable reasons ("Montagabend past", "story 2025-07-23").
    """

    earliest: str  # ISO date
    latest: str  # ISO date (== earliest when firm)
    precision: str  # minute, day, week, month, year
    method: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    id: str
    document_id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str  # TIMEX3 value: 2025-07-23, 2025-07-23TEV, P30D, XXXX-WXX-1, 2025-07-23T13:00+03:00
    anchor: Anchor | None = None
    direction: Literal["past", "future", "none"] = "none"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    anonymous: bool = False
    kind: str | None = None  # person, institution, agency, outlet, anonymous, pronoun
    refers_to: str | None = None  # the named speaker a pronoun or role noun resolves to
    represents: str | None = None  # the institution a spokesperson speaks for ("Kreml")


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    document_id: str
    start: int
    end: int
    text: str  # the message
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Speaker | None = None
    via: tuple[str, ...] = ()
    segment_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of fact attributed to a source, comparable across documents."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    source: Speaker | None = None
    via: tuple[str, ...] = ()
    quote_id: str | None = None
    segment_id: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    document_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    label: str
    date: str | None = None
    place: str | None = None  # entity id or name
    participants: tuple[str, ...] = ()
    status: Literal["announced", "planned", "happened", "cancelled"] | None = None
    outcome: str | None = None
    sources: tuple[SourceRef, ...] = ()
    story_id: str | None = None
    ordinal: int | None = None  # the round of a series: 3 for "die dritte Runde"
    independent_sources: int = 0  # documents reporting it, copies and rewrites counted once
    mention_ids: tuple[str, ...] = ()  # the EventMention records merged into this event


@dataclass(frozen=True, slots=True)
class EventMention:
    """One document's report of an event: a typed frame filled from one sentence.

    The per-document pass finds these (:mod:`lagebild.extract.events`); the corpus pass merges
    the mentions of one event across documents into an :class:`Event` and compares their
    values. ``start``/``end`` cover the sentence; ``date`` is a TIMEX3 value as the time
    stage resolved it; ``source``/``via`` are the attribution chain of the claim or quote the
    sentence belongs to (None: the outlet's own voice).
    """

    id: str
    document_id: str
    start: int
    end: int
    text: str
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()  # named-entity mentions filling participants and place
    status: Literal["announced", "planned", "happened", "cancelled"] | None = None
    outcomes: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # ("Gefangene", 1200) from "je 1200 Gefangene"
    duration: str | None = None  # TIMEX3 duration: PT40M
    ordinal: int | None = None
    anaphoric: bool = False  # "den Donnerstag als Termin": joins an event, never founds one
    antecedent: str | None = None  # id of the earlier mention in this document it refers back to
    source: Speaker | None = None
    via: tuple[str, ...] = ()
    segment_id: str | None = None
    quote_id: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: str
    sources: tuple[Mapping[str, Any], ...] = ()
    independent: int = 0  # independent sources giving this value (copies counted once)


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    event_id: str
    attribute: str
    values: tuple[ConflictValue, ...] = ()


@dataclass(frozen=True, slots=True)
class Lineage:
    id: str
    document_id: str
    derived_from: str
    kind: LineageKind
    similarity: float
    aligned: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    segment_id: str | None = None
    derived_from_segment: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    text: str
    event_id: str | None = None
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    label: str
    segment_ids: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
    outlets: tuple[str, ...] = ()
    parent: str | None = None
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()


# --------------------------------------------------------------------------- per-document result


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the per-document pass finds in one document. A pure function's output."""

    document: Document
    segments: tuple[Segment, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per stage
    events: tuple[EventMention, ...] = ()  # event reports in this document, merged by the corpus pass


# --------------------------------------------------------------------------- serialisation


def to_json(record: Any) -> Any:
    """A record as plain JSON data: dataclasses become dicts, tuples lists; field order kept."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_json(item) for item in record]
    if isinstance(record, Mapping):
        return {str(key): to_json(value) for key, value in record.items()}
    return record

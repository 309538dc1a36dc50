"""Events across documents: coreference of event reports, and where sources agree or conflict.

Owns the corpus tables ``events`` and ``conflicts``. The per-document pass reports events
(:class:`~lagebild.model.EventMention`, one per sentence and event); here the reports of one
storyline (the stories of one negotiation, see :mod:`lagebild.corpus.stories`) are merged:

1. **founders**: reports with a date or a round ordinal open or join an event of their type
   whose date is compatible (within the frame's tolerance: planned talks are often disputed by a
   day) and whose ordinal does not differ. "Die dritte Runde" in five outlets is one event.
2. **references**: reports that point back at an earlier report of their document (an agreement
   told after the talks, "den Donnerstag als Termin") join that report's event.
3. **undated reports** join the event of their type in their story whose date is nearest the
   report's own day, within :data:`PROXIMITY_DAYS`; else one undated event per story and type.

For each event and attribute (date, counts such as prisoners per side, duration, status), the
values the reports give are compared: two or more values make a :class:`~lagebild.model.Conflict`
that lists each value with its sources and their attribution chain ("Tass unter Berufung auf eine
namentlich nicht genannte Quelle"). Agreement counts independent sources only: copies and
rewrites (from lineage) count once.

:func:`merge_events` is the pure heart; :func:`update_store` is the stage of the corpus pass.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from lagebild.extract.events import FRAMES, DateValue, parse_date
from lagebild.model import Conflict, ConflictValue, Event, EventMention, SourceRef, stable_id

# --------------------------------------------------------------------------- tuned constants
# Tuned on the example corpus (examples/, tests/golden/picture_gold.json) and the seeds.

# An undated report joins the event of its type in its story whose date lies at most this many
# days from the report's own day (live-blog entries: the entry's time).
PROXIMITY_DAYS = 10
# Two durations differ when the longer exceeds the shorter by more than this share: "rund 40
# Minuten" and "etwa 40 Minuten" agree, "40 Minuten" and "eine Stunde" do not.
DURATION_TOLERANCE = 0.35
# A statement belongs to its speaker: reports of statements merge only when the speakers'
# surnames share this many leading letters ("Selenskyj", "Selenski", "Selensky").
SPEAKER_PREFIX = 6
# Placeholder story key for a corpus without stories (the story stage not run).
NO_STORY = "corpus"

STATUS_ORDER = ("happened", "cancelled", "planned", "announced")
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """What merging needs to know of a document: its outlet and the day it reports from."""

    id: str
    outlet: str | None = None
    agency: tuple[str, ...] = ()
    day: date | None = None  # the document's day; live-blog entries override it per segment
    published: str | None = None


@dataclass
class _Cluster:
    type: str
    members: list[EventMention] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    ordinal: int | None = None
    stories: Counter = field(default_factory=Counter)

    def day(self) -> DateValue | None:
        """The most reported exact day, else the most specific span."""
        days = Counter(d.iso for d in self.dates if d.kind == "day")
        if days:
            return parse_date(days.most_common(1)[0][0])
        spans = sorted((d for d in self.dates if d.start is not None),
                       key=lambda d: ((d.end or d.start) - d.start).days)
        return spans[0] if spans else None

    def speaker(self) -> str | None:
        for m in self.members:
            if m.participants:
                return m.participants[0]
        return None


def _surname_key(name: str | None) -> str | None:
    if not name:
        return None
    return name.split()[-1][:SPEAKER_PREFIX].lower()


def _compatible(cluster: _Cluster, mention: EventMention, value: DateValue | None) -> bool:
    if cluster.type != mention.type:
        return False
    if cluster.ordinal is not None and mention.ordinal is not None:
        return cluster.ordinal == mention.ordinal
    if FRAMES.get(mention.type) is not None and FRAMES[mention.type].date_from_speech:
        a, b = _surname_key(cluster.speaker()), _surname_key(mention.participants[0] if mention.participants else None)
        if a and b and a != b:
            return False
    core = cluster.day()
    if value is None or core is None:
        return value is None and core is None
    tolerance = FRAMES[mention.type].date_tolerance_days if mention.type in FRAMES else 0
    return core.compatible(value, tolerance)


def _score(cluster: _Cluster, mention: EventMention, value: DateValue | None, story: str) -> float:
    score = 0.0
    if cluster.ordinal is not None and cluster.ordinal == mention.ordinal:
        score += 3
    core = cluster.day()
    if value is not None and core is not None:
        score += 2 if value.iso == core.iso else 1 if core.contains(value) or value.contains(core) else 0
    score += cluster.stories.get(story, 0) > 0
    return score


def cluster_mentions(
    mentions: Sequence[EventMention],
    *,
    story_of: Mapping[str, str] | None = None,
    day_of: Mapping[str, date | None] | None = None,
) -> list[list[EventMention]]:
    """Group the reports of one storyline into events (see the module docstring). Pure.

    ``story_of`` maps a mention id to its story (default: one story); ``day_of`` maps a mention
    id to the day it was reported (for undated reports).
    """
    story_of = story_of or {}
    day_of = day_of or {}
    clusters: list[_Cluster] = []
    home: dict[str, _Cluster] = {}

    def add(cluster: _Cluster, m: EventMention, value: DateValue | None) -> None:
        cluster.members.append(m)
        if value is not None and value.kind != "weekday":
            cluster.dates.append(value)
        if cluster.ordinal is None and m.ordinal is not None:
            cluster.ordinal = m.ordinal
        cluster.stories[story_of.get(m.id, NO_STORY)] += 1
        home[m.id] = cluster

    values = {m.id: parse_date(m.date) for m in mentions}
    founders = [m for m in mentions if not m.anaphoric and (
        (values[m.id] is not None and values[m.id].kind != "weekday") or m.ordinal is not None)]

    def specificity(m: EventMention) -> tuple:
        v = values[m.id]
        return (m.ordinal is None, v is None or v.kind != "day", v.kind if v else "z",
                m.document_id, m.start)

    for m in sorted(founders, key=specificity):
        value = values[m.id]
        story = story_of.get(m.id, NO_STORY)
        options = [c for c in clusters if _compatible(c, m, value)]
        if options:
            add(max(options, key=lambda c: _score(c, m, value, story)), m, value)
        else:
            cluster = _Cluster(m.type)
            clusters.append(cluster)
            add(cluster, m, value)

    rest = [m for m in mentions if m.id not in home]
    # references first join what they refer to; an unresolved chain falls through to proximity
    for _ in range(2):
        for m in rest:
            if m.id in home or not m.antecedent:
                continue
            target = home.get(m.antecedent)
            if target is not None and (target.type == m.type or FRAMES[m.type].folds_into):
                add(target, m, values[m.id])
    undated: dict[tuple[str, str], _Cluster] = {}
    for m in rest:
        if m.id in home:
            continue
        story = story_of.get(m.id, NO_STORY)
        day = day_of.get(m.id)
        best, best_distance = None, PROXIMITY_DAYS + 1
        for c in clusters:
            if c.type != m.type or c.stories.get(story, 0) == 0 or not _compatible_speaker(c, m):
                continue
            core = c.day()
            if core is None or core.start is None:
                continue
            if day is None:
                # a report of unknown day is about its story's latest event, not the background
                distance = -core.start.toordinal()
            else:
                distance = DateValue("day", day, day).distance(core)
            if distance < best_distance:
                best, best_distance = c, distance
        if best is not None:
            add(best, m, values[m.id])
            continue
        if m.anaphoric or FRAMES[m.type].date_from_speech:
            continue  # a reference to nothing we know; a statement is known by its day
        key = (story, m.type)
        if key not in undated:
            undated[key] = _Cluster(m.type)
            clusters.append(undated[key])
        add(undated[key], m, values[m.id])
    return [c.members for c in clusters if c.members]


def _compatible_speaker(cluster: _Cluster, m: EventMention) -> bool:
    if not FRAMES[m.type].date_from_speech:
        return True
    a, b = _surname_key(cluster.speaker()), _surname_key(m.participants[0] if m.participants else None)
    return not (a and b and a != b)


# --------------------------------------------------------------------------- attribution


def attribution(mention: EventMention, document: SourceDocument | None) -> str:
    """Who gives this value, and through whom: "Tass unter Berufung auf eine … Quelle"."""
    own = {(document.outlet or "").lower(), *(a.lower() for a in (document.agency if document else ()))}
    via = [v for v in mention.via if v and v.lower() not in own]
    speaker = mention.source.text if mention.source and mention.source.text else None
    if speaker and via:
        text = f"{via[0]} unter Berufung auf {speaker}"
        if via[1:]:
            text += f" (über {', '.join(via[1:])})"
        return text
    if speaker:
        return speaker
    if via:
        return via[0]
    if document is not None and (document.outlet or document.agency):
        return document.outlet or document.agency[0]
    return "ohne Quellenangabe"


def source_entry(mention: EventMention, document: SourceDocument | None, evidence: str | None) -> dict:
    """One source of a value, as the ``conflicts`` export writes it."""
    return {
        "document_id": mention.document_id,
        "start": mention.start,
        "end": mention.end,
        "outlet": document.outlet if document else None,
        "published": document.published if document else None,
        "attribution": attribution(mention, document),
        "speaker": mention.source.text if mention.source else None,
        "anonymous": bool(mention.source and mention.source.anonymous),
        "via": list(mention.via),
        "evidence": evidence,
    }


# --------------------------------------------------------------------------- events and conflicts


def _independent(reports: Iterable[EventMention], groups: Mapping[str, str]) -> int:
    """Independent sources among reports: a copied segment or document counts with its original."""
    return len({groups.get(m.segment_id or "") or groups.get(m.document_id, m.document_id)
                for m in reports})


def _values(members: Sequence[EventMention], event_day: DateValue | None) -> dict[str, dict[str, list[tuple[EventMention, str | None]]]]:
    """attribute -> value -> [(report, evidence)] for the attributes sources can disagree on."""
    table: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        value = parse_date(m.date)
        if value is not None and value.kind == "day":
            table["date"][value.iso].append((m, m.date_text))
        elif value is not None and value.kind == "weekday" and event_day is not None and event_day.start:
            # "am Donnerstag" unresolved: the weekday decides whether it agrees
            same = event_day.start.weekday() == value.weekday
            key = event_day.iso if same else WEEKDAYS_DE[value.weekday]
            table["date"][key].append((m, m.date_text))
        for noun, number in m.counts:
            table[f"count:{noun}"][str(number)].append((m, f"{number} {noun}"))
        if m.duration:
            table["duration"][m.duration].append((m, m.duration))
        if m.status == "cancelled":
            table["cancelled"]["abgesagt"].append((m, None))
        elif m.status == "happened":
            table["cancelled"]["stattgefunden"].append((m, None))
    return table


def _minutes(duration: str) -> float | None:
    if duration.startswith("PT") and duration[-1] in "HM":
        try:
            amount = float(duration[2:-1])
        except ValueError:
            return None
        return amount * 60 if duration[-1] == "H" else amount
    return None


def _disagree(attribute: str, values: Sequence[str]) -> bool:
    if len(values) < 2:
        return False
    if attribute == "duration":
        minutes = [m for m in (_minutes(v) for v in values) if m]
        return bool(minutes) and max(minutes) > min(minutes) * (1 + DURATION_TOLERANCE)
    return True


def _pick_status(members: Sequence[EventMention], documents: Mapping[str, SourceDocument]) -> str | None:
    """What the latest report says: an event planned on Monday has happened once Thursday's
    reports say so; among one report's statements, "happened" beats "planned"."""
    def published(m: EventMention) -> str:
        doc = documents.get(m.document_id)
        return (doc.published or "") if doc else ""

    with_status = [m for m in members if m.status]
    if not with_status:
        return None
    latest = max(published(m) for m in with_status)
    statuses = {m.status for m in with_status if published(m) == latest}
    return next(s for s in STATUS_ORDER if s in statuses)


def build_event(
    members: Sequence[EventMention],
    *,
    documents: Mapping[str, SourceDocument],
    groups: Mapping[str, str],
    story_of: Mapping[str, str],
    key: str,
) -> tuple[Event, list[Conflict]]:
    """One event from its reports, and the conflicts between them. Pure."""
    kind = members[0].type
    frame = FRAMES.get(kind)
    values = [parse_date(m.date) for m in members]
    # the event's date: the day most independent sources give, reports of the fact first,
    # named sources before anonymous ones, then the earlier day
    support: dict[str, set[str]] = defaultdict(set)
    happened: dict[str, int] = Counter()
    named: dict[str, int] = Counter()
    for m, v in zip(members, values):
        if v is not None and v.kind == "day":
            support[v.iso].add(groups.get(m.document_id, m.document_id))
            happened[v.iso] += m.status == "happened"
            named[v.iso] += not (m.source and m.source.anonymous)
    if support:
        date_value = max(support, key=lambda d: (len(support[d]), happened[d], named[d],
                                                 -date.fromisoformat(d).toordinal()))
        event_day = parse_date(date_value)
    else:
        spans = sorted((v for v in values if v is not None and v.start is not None),
                       key=lambda v: ((v.end or v.start) - v.start).days)
        event_day = spans[0] if spans else None
        date_value = event_day.iso if event_day else None
    ordinal = next((m.ordinal for m in members if m.ordinal is not None and not m.anaphoric), None)
    places = Counter(m.place for m in members if m.place)
    place = _best_place(places)
    participants = Counter(p for m in members for p in m.participants)
    top = [p for p, _ in participants.most_common(6)]
    outcomes = Counter(o for m in members for o in m.outcomes)
    outcome = "; ".join(o for o, _ in outcomes.most_common(4)) or None
    status = _pick_status(members, documents)
    label = frame.describe(ordinal=ordinal, place=place, participants=top) if frame else kind
    first = min(members, key=lambda m: ((documents.get(m.document_id).published or "") if documents.get(m.document_id) else "", m.id))
    event_id = stable_id("ev", key, kind, str(ordinal or ""), first.id)
    stories = Counter(story_of.get(m.id) for m in members if story_of.get(m.id))
    sources = tuple(dict.fromkeys(SourceRef(m.document_id, m.start, m.end) for m in sorted(
        members, key=lambda m: ((documents.get(m.document_id).published or "") if documents.get(m.document_id) else "", m.document_id, m.start))))
    event = Event(
        id=event_id,
        type=kind,
        label=label,
        date=date_value,
        place=place,
        participants=tuple(top),
        status=status,
        outcome=outcome,
        sources=sources,
        story_id=stories.most_common(1)[0][0] if stories else None,
        ordinal=ordinal,
        independent_sources=_independent(members, groups),
        mention_ids=tuple(m.id for m in members),
    )
    conflicts: list[Conflict] = []
    for attribute, by_value in sorted(_values(members, event_day).items()):
        if not _disagree(attribute, list(by_value)):
            continue
        if attribute == "duration":
            by_value = _merge_close_durations(by_value)
            if len(by_value) < 2:
                continue
        entries = []
        for value, reports in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            seen: set[tuple[str, int]] = set()
            srcs = []
            for m, evidence in reports:
                if (m.document_id, m.start) in seen:
                    continue
                seen.add((m.document_id, m.start))
                srcs.append(source_entry(m, documents.get(m.document_id), evidence))
            entries.append(ConflictValue(
                value=value, sources=tuple(srcs),
                independent=_independent((m for m, _ in reports), groups)))
        conflicts.append(Conflict(id=stable_id("cf", event_id, attribute), event_id=event_id,
                                  attribute=attribute, values=tuple(entries)))
    return event, conflicts


def _merge_close_durations(by_value):
    merged: dict[str, list] = {}
    for value in sorted(by_value, key=lambda v: _minutes(v) or 0):
        minutes = _minutes(value) or 0
        home = next((k for k in merged if (_minutes(k) or 0) * (1 + DURATION_TOLERANCE) >= minutes), None)
        if home is None:
            merged[value] = list(by_value[value])
        else:
            merged[home].extend(by_value[value])
    return merged


def _best_place(places: Counter) -> str | None:
    """The most reported place; a city beats the building in it only when reported as often."""
    if not places:
        return None
    return places.most_common(1)[0][0]


def merge_events(
    mentions: Sequence[EventMention],
    *,
    documents: Mapping[str, SourceDocument],
    groups: Mapping[str, str] | None = None,
    story_of: Mapping[str, str] | None = None,
    day_of: Mapping[str, date | None] | None = None,
    key: str = NO_STORY,
) -> tuple[list[Event], list[Conflict]]:
    """The events of one storyline and the conflicts between their sources. Pure.

    ``groups`` maps a document to its independence group (copies share their original's);
    ``key`` names the storyline, so event ids stay stable as reports are added.
    """
    groups = groups or {}
    story_of = story_of or {}
    if day_of is None:
        day_of = {m.id: documents[m.document_id].day for m in mentions if m.document_id in documents}
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for members in cluster_mentions(mentions, story_of=story_of, day_of=day_of):
        event, found = build_event(members, documents=documents, groups=groups,
                                   story_of=story_of, key=key)
        events.append(event)
        conflicts.extend(found)
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return events, conflicts


# --------------------------------------------------------------------------- the store edge


def storylines(store, changed: Sequence[str]) -> dict[str, list]:
    """Storyline key -> its stories, for the storylines that hold a changed document.

    Without stories (the story stage not run), the whole corpus is one storyline.
    """
    # From indexes, never a read of every story: the stories of the changed documents
    # (story_members by document), then the other stories of their storylines (stories by parent).
    db = store.db
    if db.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is None:
        return {NO_STORY: []}
    ids = _in(db, "SELECT DISTINCT story_id FROM story_members WHERE document_id IN ({marks})",
              changed)
    lines = {s.parent or s.id for s in _stories(db, "SELECT data FROM stories WHERE id IN ({marks})", ids)}
    members = {s.id: s for s in _stories(
        db, "SELECT data FROM stories WHERE json_extract(data, '$.parent') IN ({marks})", lines)}
    for s in _stories(db, "SELECT data FROM stories WHERE id IN ({marks})", lines):
        if s.parent is None:  # a story of its own is its own storyline
            members[s.id] = s
    out: dict[str, list] = defaultdict(list)
    for sid in sorted(members):  # story id order, as a read of the whole table gave
        s = members[sid]
        out[s.parent or s.id].append(s)
    return dict(out)


def _in(db, sql: str, keys: Iterable[str]) -> list[str]:
    """First column of ``sql`` (with a ``{marks}`` placeholder list) for all keys, in chunks."""
    keys = sorted(set(keys))
    out: list[str] = []
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        out.extend(r[0] for r in db.execute(sql.format(marks=",".join("?" * len(chunk))), tuple(chunk)))
    return out


def _stories(db, sql: str, keys: Iterable[str]) -> list:
    from lagebild.model import Story
    from lagebild.store import codec

    return [codec.loads(Story, data) for data in _in(db, sql, keys)]


def independence_groups(store, document_ids: Sequence[str]) -> dict[str, str]:
    """Document -> the original it copies (itself when independent), from lineage."""
    try:
        from lagebild.corpus.lineage import independent_sources, lineage_of

        grouped = independent_sources(store, list(document_ids))
        out = {d: group[0] for group in grouped for d in group}
        # a copied live-blog entry or section counts with the document it came from
        for record in lineage_of(store, list(document_ids)):
            if record.segment_id and record.derived_from in out:
                out[record.segment_id] = out[record.derived_from]
        return out
    except (ImportError, sqlite3.Error):
        return {d: d for d in document_ids}


def load_storyline(store, stories: Sequence, *, all_documents: bool = False):
    """The reports, documents and story membership of one storyline, read from the store."""
    from lagebild.extract.events import document_day

    if all_documents or not stories:
        doc_ids = [d.id for d in store.documents()]
    else:
        doc_ids = list(dict.fromkeys(d for s in stories for d in s.document_ids))
    story_of_segment: dict[str, str] = {}
    story_of_document: dict[str, str] = {}
    for s in stories:
        for seg in s.segment_ids:
            story_of_segment.setdefault(seg, s.id)
        for d in s.document_ids:
            story_of_document.setdefault(d, s.id)
    documents: dict[str, SourceDocument] = {}
    entity_names: dict[str, str] = {}
    mentions: list[EventMention] = []
    story_of: dict[str, str] = {}
    day_of: dict[str, date | None] = {}
    for doc_id in doc_ids:
        try:
            doc = store.document(doc_id)
        except Exception:  # a story may name a document deleted since
            continue
        segments = {s.id: s for s in store.records("segments", doc_id)}
        documents[doc_id] = SourceDocument(doc.id, doc.outlet, tuple(doc.agency),
                                           document_day(doc), doc.published or doc.updated)
        named = [x for x in store.records("mentions", doc_id) if x.entity_id]
        for m in store.records("event_mentions", doc_id):
            m = _with_speaker_entity(store, m, named, entity_names)
            story = story_of_segment.get(m.segment_id or "") if stories else NO_STORY
            if stories and story is None:
                if m.segment_id in segments and story_of_segment:
                    continue  # a segment of this document that belongs to another storyline
                story = story_of_document.get(doc_id, NO_STORY)
            mentions.append(m)
            story_of[m.id] = story or NO_STORY
            day_of[m.id] = document_day(doc, segments.get(m.segment_id or ""))
    return mentions, documents, story_of, day_of


def _with_speaker_entity(store, m: EventMention, named, names: dict[str, str]) -> EventMention:
    """The report with its speaker named as the resolved entity ("er" -> "Wolodymyr Selenskyj")."""
    from lagebild.corpus.entity_pass import speaker_entity

    if m.source is None or m.source.anonymous:
        return m
    entity_id = speaker_entity(m.source, named, m.start)
    if entity_id is None:
        return m
    if entity_id not in names:
        # the name alone: the record carries every mention of the entity, ever more of them
        row = store.db.execute("SELECT json_extract(data, '$.name') FROM entities WHERE id=?",
                               (entity_id,)).fetchone()
        if row is None or row[0] is None:  # an entity dropped since: keep the words of the text
            return m
        names[entity_id] = row[0]
    return replace(m, source=replace(m.source, text=names[entity_id], entity_id=entity_id))


def update_store(store, changed: Sequence[str]) -> None:
    """The events stage: re-merge the storylines that changed documents belong to."""
    for line, stories in storylines(store, changed).items():
        mentions, documents, story_of, day_of = load_storyline(store, stories)
        groups = independence_groups(store, list(documents))
        events, conflicts = merge_events(mentions, documents=documents, groups=groups,
                                         story_of=story_of, day_of=day_of, key=line)
        state_key = f"picture:events:{line}"
        previous = store.get_state(state_key, {}) or {}
        store.delete_corpus("events", previous.get("events", []))
        store.delete_corpus("conflicts", previous.get("conflicts", []))
        store.upsert_corpus("events", events)
        store.upsert_corpus("conflicts", conflicts)
        store.set_state(state_key, {"events": [e.id for e in events],
                                    "conflicts": [c.id for c in conflicts]})


# --------------------------------------------------------------------------- evaluation


@dataclass(frozen=True, slots=True)
class PictureScore:
    """Precision and recall of events and conflicts against a golden picture."""

    event_precision: float
    event_recall: float
    conflict_precision: float
    conflict_recall: float
    matched: Mapping[str, str]  # predicted event id -> gold event id
    false_events: tuple[str, ...]
    missed_events: tuple[str, ...]


# A predicted date may be off by this many days from the gold date ("in der Nacht zum Freitag").
GOLD_DATE_TOLERANCE = 1


def score_picture(events: Sequence[Event], conflicts: Sequence[Conflict],
                  gold_events: Sequence[Mapping], gold_conflicts: Sequence[Mapping],
                  attribute_map: Mapping[str, str]) -> PictureScore:
    """Score predicted events and conflicts against gold ones (see tests/golden/picture_gold.json)."""
    matched: dict[str, str] = {}
    free = list(gold_events)
    for e in sorted(events, key=lambda e: (e.ordinal is None, e.date is None, len(e.sources) * -1)):
        value = parse_date(e.date)
        for g in free:
            if g["type"] != e.type:
                continue
            if g.get("ordinal") is not None and e.ordinal is not None and g["ordinal"] != e.ordinal:
                continue
            gold_value = parse_date(g.get("date"))
            if gold_value is None and value is not None:
                continue
            if gold_value is not None and (value is None or not gold_value.compatible(value, GOLD_DATE_TOLERANCE)):
                continue
            matched[e.id] = g["id"]
            free.remove(g)
            break
    tp = len(matched)
    event_p = tp / len(events) if events else 0.0
    event_r = tp / len(gold_events) if gold_events else 0.0
    predicted = []
    for c in conflicts:
        gold_event = matched.get(c.event_id)
        predicted.append((gold_event, c.attribute, frozenset(v.value for v in c.values)))
    reverse = {v: k for k, v in attribute_map.items()}
    gold = [(g["event"], g["attribute"], frozenset(v["value"] for v in g["values"])) for g in gold_conflicts]
    hits = 0
    for gold_event, attribute, values in predicted:
        if gold_event is None:
            continue
        for g in gold:
            if g[0] == gold_event and attribute_map.get(g[1], g[1]) == attribute and g[2] == values:
                hits += 1
                break
    _ = reverse
    conflict_p = hits / len(predicted) if predicted else 0.0
    conflict_r = hits / len(gold) if gold else 0.0
    return PictureScore(event_p, event_r, conflict_p, conflict_r, matched,
                        tuple(e.id for e in events if e.id not in matched),
                        tuple(g["id"] for g in free))

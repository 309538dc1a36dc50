"""The entity stage of the corpus pass: resolve the mentions of changed documents to entities.

:func:`lagebild.corpus.entities.resolve_state` is the pure resolver; this module is its store
edge, and owns the tables that let it work incrementally (schema version 6):

* ``entity_keys``: the resolver's blocking index as (key, entity id) rows, so a batch loads
  only the entities its mentions can match (:func:`lagebild.corpus.entities.probe_keys`),
  never every entity;
* ``entity_state``: per entity what its record does not say (form counts, gazetteer name) and
  ``seq``, the order in which entities were first seen, which breaks ties between candidates;
* ``entity_documents``: which entities a document's mentions joined, with their forms, so a
  revised document's mentions are taken out of exactly those entities.

Documents are resolved in publication order whatever order they arrive in, and the state kept
is the resolver's whole state, so ingesting a corpus in batches (in publication order) gives
the same entities, ids, names and mention order as ingesting it at once. Entities left without
mentions are dropped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from lagebild.model import Entity, Mention, Speaker

# Which mention inside a speaker phrase names the speaker: a person before an organisation
# before a place ("Kreml-Sprecher Dmitri Peskow" is Peskow; "ein Sprecher des Außenministeriums
# in Ankara" is the ministry, not Ankara).
SPEAKER_TYPE_RANK = {"PER": 0, "ORG": 1, "OTH": 2, "LOC": 3}

_CHUNK = 500  # ids per IN (...) query
_INDEXED = "entities.indexed"  # state key: the tables of schema 6 describe all entities
_SEQ = "entities.seq"  # state key: the next entity's first-seen number


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _select(db, sql: str, ids: Iterable[str]) -> list:
    """Rows of ``sql`` (with one ``{marks}`` placeholder list) for all ids, in chunks."""
    ids = sorted(set(ids))
    rows: list = []
    for chunk in _chunks(ids):
        rows.extend(db.execute(sql.format(marks=",".join("?" * len(chunk))), tuple(chunk)).fetchall())
    return rows


def publication_order(store, document_ids: Sequence[str]) -> list[str]:
    """The stored documents among ``document_ids`` by publication (undated last), then id: the
    order of :meth:`lagebild.store.sqlite.SQLiteStore.documents`."""
    from lagebild.errors import NotFound

    keyed = []
    for document_id in dict.fromkeys(document_ids):
        try:
            doc = store.document(document_id)
        except NotFound:
            continue
        when = doc.published or doc.updated
        keyed.append(((when is None, when or "", doc.id), doc.id))
    return [d for _, d in sorted(keyed)]


def _save(db, states, seq: dict[str, int], per_document: dict[tuple[str, str], Counter]) -> None:
    from lagebild.corpus.entities import index_keys
    from lagebild.store import codec

    db.executemany(
        "INSERT OR REPLACE INTO entity_state (entity_id, seq, data) VALUES (?, ?, ?)",
        [(k.entity.id, seq[k.entity.id],
          json.dumps({"record": codec.dumps(replace(k.entity, mentions=())),
                      "forms": [list(f) for f in k.forms], "gazetteer": k.gazetteer_name},
                     ensure_ascii=False, separators=(",", ":"))) for k in states],
    )
    db.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
                   [(key, k.entity.id) for k in states
                    for key in sorted(index_keys(k.entity.type, (f for f, _ in k.forms)))])
    db.executemany(
        "INSERT OR REPLACE INTO entity_documents (document_id, entity_id, forms) VALUES (?, ?, ?)",
        [(d, e, json.dumps(dict(forms), ensure_ascii=False, separators=(",", ":")))
         for (d, e), forms in sorted(per_document.items())],
    )


def _drop(db, entity_ids: Iterable[str]) -> None:
    rows = [(i,) for i in sorted(entity_ids)]
    db.executemany("DELETE FROM entities WHERE id=?", rows)
    db.executemany("DELETE FROM entity_state WHERE entity_id=?", rows)
    db.executemany("DELETE FROM entity_keys WHERE entity_id=?", rows)


def _ensure_index(store) -> None:
    """Build the tables of schema 6 once for a store whose entities predate them."""
    from lagebild.corpus.entities import known_from_entity

    if store.get_state(_INDEXED):
        return
    db = store.db
    states, per_document, seq = [], {}, {}
    for i, entity in enumerate(store.corpus("entities")):  # once per store, never per update
        states.append(known_from_entity(entity))
        seq[entity.id] = i
        for m in entity.mentions:
            per_document.setdefault((m.document_id, entity.id), Counter())[m.text] += 1
    _save(db, states, seq, per_document)  # the records themselves are already stored
    db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (_SEQ, json.dumps(len(seq))))
    db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (_INDEXED, "true"))


def _load(db, entity_ids: Iterable[str]):
    """Known states of the stored entities among ``entity_ids``, in first-seen order, read
    from ``entity_state`` alone: matching never needs an entity's (ever longer) mention list."""
    from lagebild.corpus.entities import Known
    from lagebild.store import codec

    rows = _select(db, "SELECT seq, data FROM entity_state WHERE entity_id IN ({marks})", entity_ids)
    out = []
    for seq, data in sorted(rows, key=lambda r: r[0]):
        state = json.loads(data)
        entity = codec.loads(Entity, state["record"])
        out.append((seq, Known(entity, tuple((f, c) for f, c in state["forms"]), state["gazetteer"])))
    return out


_EMPTY_MENTIONS = '"mentions":[]'


def _record_json(entity: Entity, stored_mentions: str | None, drop: set[str] | None) -> str | None:
    """The record's JSON with the stored mention list extended by the entity's new mentions.

    The stored list is spliced as text, never decoded (it grows with every document naming the
    entity), except when mentions of revised documents (``drop``) must come out. None when the
    entity is left without mentions."""
    from lagebild import model
    from lagebild.store import codec

    old = stored_mentions or "[]"
    if drop:
        kept = [m for m in json.loads(old) if m["document_id"] not in drop]
        old = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    new = json.dumps([model.to_json(m) for m in entity.mentions], ensure_ascii=False, separators=(",", ":"))
    if old == "[]" and new == "[]":
        return None
    combined = new if old == "[]" else old if new == "[]" else old[:-1] + "," + new[1:]
    light = codec.dumps(replace(entity, mentions=()))
    return light.replace(_EMPTY_MENTIONS, '"mentions":' + combined, 1)


def update_store(store, changed: Sequence[str]) -> None:
    from lagebild.corpus.entities import Known, _mention_key, probe_keys, resolve_state

    db = store.db
    with store.transaction():
        _ensure_index(store)
        order = publication_order(store, changed)
        changed_set = set(changed)

        # 1. Take the changed documents' old mentions out of the entities they joined.
        previous = _select(db, "SELECT document_id, entity_id, forms FROM entity_documents "
                               "WHERE document_id IN ({marks})", changed_set)
        removed_forms: dict[str, Counter] = {}
        for _, entity_id, forms in previous:
            removed_forms.setdefault(entity_id, Counter()).update(json.loads(forms))
        db.executemany("DELETE FROM entity_documents WHERE document_id=?", [(d,) for d in sorted(changed_set)])

        # 2. The new mentions, in publication order; the entities they may join, by key.
        mentions: list[Mention] = []
        for document_id in order:
            mentions.extend(store.records("mentions", document_id))
        keys: set[str] = set()
        ids: set[str] = set(removed_forms)
        for mention in mentions:
            k, i = probe_keys(mention)
            keys |= k
            ids |= i
        ids |= {r[0] for r in _select(db, "SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({marks})", keys)}
        loaded = _load(db, ids)
        seq = {k.entity.id: n for n, k in loaded}
        known: list[Known] = []
        emptied: set[str] = set()
        for _, k in loaded:
            taken = removed_forms.get(k.entity.id)
            if taken:
                forms = tuple((f, c - taken.get(f, 0)) for f, c in k.forms if c - taken.get(f, 0) > 0)
                if not forms:
                    emptied.add(k.entity.id)
                    continue
                k = replace(k, forms=forms)
            known.append(k)

        # 3. Resolve; write back the entities that gained or lost mentions.
        states, assignment = resolve_state(mentions, known)
        gained = set(assignment.values())
        touched = [k for k in states if k.entity.id in gained or k.entity.id in removed_forms]
        stored = dict(_select(db, "SELECT id, json_extract(data, '$.mentions') FROM entities "
                                  "WHERE id IN ({marks})", [k.entity.id for k in touched]))
        next_seq = int(store.get_state(_SEQ, 0) or 0)
        records, rows = [], []
        for k in touched:
            data = _record_json(k.entity, stored.get(k.entity.id),
                                changed_set if k.entity.id in removed_forms else None)
            if data is None:
                emptied.add(k.entity.id)
                continue
            if k.entity.id not in seq:
                seq[k.entity.id] = next_seq
                next_seq += 1
            records.append(k)
            rows.append((k.entity.id, data))
        db.executemany("INSERT OR REPLACE INTO entities (id, data) VALUES (?, ?)", rows)
        per_document: dict[tuple[str, str], Counter] = {}
        for mention in mentions:
            entity_id = assignment.get(mention.id)
            if entity_id:
                per_document.setdefault((mention.document_id, entity_id), Counter())[_mention_key(mention)[0]] += 1
        _drop(db, emptied)
        _save(db, records, seq, per_document)
        db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (_SEQ, json.dumps(next_seq)))

        resolved = [replace(m, entity_id=assignment.get(m.id)) for m in mentions]
        store.update_records("mentions", resolved)
        by_document: dict[str, list[Mention]] = {}
        for mention in resolved:
            if mention.entity_id:
                by_document.setdefault(mention.document_id, []).append(mention)
        for document_id in order:
            link_speakers(store, document_id, by_document.get(document_id, []))


def speaker_entity(speaker: Speaker | None, mentions: Sequence[Mention], before: int) -> str | None:
    """The entity a speaker phrase names: a mention inside its span, else the mention its
    pronoun or role noun was resolved to (``refers_to``), nearest before the statement."""
    if speaker is None or speaker.anonymous:
        return None
    if speaker.start is not None and speaker.end is not None:
        inside = [m for m in mentions if speaker.start <= m.start and m.end <= speaker.end]
        if inside:
            return min(inside, key=lambda m: (SPEAKER_TYPE_RANK.get(m.type, 9), -m.start)).entity_id
    if speaker.refers_to:
        named = [m for m in mentions if m.start < before
                 and (m.text == speaker.refers_to or (m.normal or m.text) in speaker.refers_to)]
        if named:
            return max(named, key=lambda m: m.start).entity_id
    return None


def link_speakers(store, document_id: str, mentions: Sequence[Mention]) -> None:
    """Set ``speaker.entity_id`` of the document's quotes and claims from its resolved mentions."""
    quotes = []
    for quote in store.records("quotes", document_id):
        entity_id = speaker_entity(quote.speaker, mentions, quote.start)
        if quote.speaker is not None and entity_id != quote.speaker.entity_id:
            quotes.append(replace(quote, speaker=replace(quote.speaker, entity_id=entity_id)))
    claims = []
    for claim in store.records("claims", document_id):
        entity_id = speaker_entity(claim.source, mentions, claim.start)
        if claim.source is not None and entity_id != claim.source.entity_id:
            claims.append(replace(claim, source=replace(claim.source, entity_id=entity_id)))
    if quotes:
        store.update_records("quotes", quotes)
    if claims:
        store.update_records("claims", claims)

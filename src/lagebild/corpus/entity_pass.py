"""The entity stage of the corpus pass: resolve the mentions of changed documents to entities.

:func:`lagebild.corpus.entities.resolve` is the pure resolver; this module is its store edge. The
mentions of a revised document are taken out of the entities first, so a revision never leaves
stale mentions behind; entities left without mentions are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lagebild.model import Entity, Mention, Speaker

# Which mention inside a speaker phrase names the speaker: a person before an organisation
# before a place ("Kreml-Sprecher Dmitri Peskow" is Peskow; "ein Sprecher des Außenministeriums
# in Ankara" is the ministry, not Ankara).
SPEAKER_TYPE_RANK = {"PER": 0, "ORG": 1, "OTH": 2, "LOC": 3}


def update_store(store, changed: Sequence[str]) -> None:
    from lagebild.corpus.entities import resolve

    changed_set = set(changed)
    known: list[Entity] = []
    for entity in store.corpus("entities"):
        kept = tuple(m for m in entity.mentions if m.document_id not in changed_set)
        if kept:
            known.append(replace(entity, mentions=kept))
    mentions: list[Mention] = []
    for document_id in changed:
        mentions.extend(store.records("mentions", document_id))
    entities, assignment = resolve(mentions, known)
    store.replace_corpus("entities", entities)
    resolved = [replace(m, entity_id=assignment.get(m.id)) for m in mentions]
    store.update_records("mentions", resolved)
    by_document: dict[str, list[Mention]] = {}
    for mention in resolved:
        if mention.entity_id:
            by_document.setdefault(mention.document_id, []).append(mention)
    for document_id in changed:
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

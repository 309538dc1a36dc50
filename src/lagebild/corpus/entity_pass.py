"""The entity stage of the corpus pass: resolve the mentions of changed documents to entities.

:func:`lagebild.corpus.entities.resolve` is the pure resolver; this module is its store edge. The
mentions of a revised document are taken out of the entities first, so a revision never leaves
stale mentions behind; entities left without mentions are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lagebild.model import Entity, Mention


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
    store.update_records(
        "mentions", [replace(m, entity_id=assignment.get(m.id)) for m in mentions]
    )

"""Story pages: the last corpus stage, writing what each story's web page shows as one row.

Owns the table ``story_pages`` (store migration 7): per story, the JSON of
:func:`lagebild.views.story_page_data` (summary, timeline, who said what, disputed points,
sources folded by lineage, entities). Computing that costs ~10 ms of decoding per story; a
page read from its row costs one primary-key lookup, so serving a story page stays cheap
however many different stories readers open.

:func:`update_store` refreshes the pages of every story the picture stage refreshed (the
storylines of the changed documents) and of the stories holding a changed document;
:func:`refresh` writes the pages of given stories (used to fill the table of a store built
before this stage existed, e.g. ``bench/bench_serve.py pages``). Pages are the stories' state
as of the last corpus pass: an entity renamed by a document of another story shows its new
name on this story's page when this story next changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from lagebild.errors import NotFound


def stories_to_refresh(store, changed: Sequence[str]) -> list[str]:
    """Ids of the stories whose page a change of ``changed`` documents can alter."""
    from lagebild.corpus.events import _in, storylines

    ids = {s.id for stories in storylines(store, changed).values() for s in stories}
    ids.update(_in(store.db, "SELECT DISTINCT story_id FROM story_members WHERE document_id IN ({marks})",
                   changed))
    return sorted(ids)


def page_json(store, story_id: str) -> str | None:
    """The stored form of one story's page, or None for a story that no longer exists."""
    from lagebild import views

    try:
        data = views.story_page_data(views.story_picture(store, story_id))
    except NotFound:
        return None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def refresh(store, story_ids: Iterable[str]) -> int:
    """Write (or remove, for stories gone) the pages of ``story_ids``; returns how many written."""
    rows = [(sid, page_json(store, sid)) for sid in story_ids]
    db = store.db
    with store.transaction():
        db.executemany("DELETE FROM story_pages WHERE story_id=?", [(sid,) for sid, _ in rows])
        db.executemany("INSERT INTO story_pages (story_id, data) VALUES (?, ?)",
                       [(sid, data) for sid, data in rows if data is not None])
    return sum(1 for _, data in rows if data is not None)


def update_store(store, changed: Sequence[str]) -> None:
    """The corpus stage: refresh the pages of the stories the changed documents touch."""
    if not changed or not hasattr(store, "db"):
        return
    refresh(store, stories_to_refresh(store, changed))

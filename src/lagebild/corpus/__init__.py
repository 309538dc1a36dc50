"""The corpus pass: what only many documents together can tell.

Each stage takes the store and the ids of the documents that were added or revised, and updates
the corpus state incrementally: entity resolution across documents, copy/rewrite lineage, story
clustering, dates refined from the story, events, conflicts and the timeline. Candidates come from
indexes, never from a scan of everything, so adding one article costs about the same at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

CorpusStage = Callable[[object, Sequence[str]], None]


def _stages() -> list[tuple[str, CorpusStage]]:
    from lagebild.corpus import dates, entity_pass, events, lineage, pages, stories, timeline

    return [
        ("entities", entity_pass.update_store),
        ("lineage", lineage.update_store),
        ("stories", stories.update_store),
        ("dates", dates.update_store),
        ("events", events.update_store),
        ("picture", timeline.update_store),
        ("pages", pages.update_store),  # last: a page shows what every stage wrote
    ]


def update(store, changed: Sequence[str]) -> dict[str, float]:
    """Bring the corpus state up to date after ``changed`` documents were stored."""
    import time

    timings: dict[str, float] = {}
    for name, stage in _stages():
        t0 = time.perf_counter()
        stage(store, changed)
        timings[name] = time.perf_counter() - t0
    return timings

"""TimelineJS export: a story's timeline in the Knight Lab JSON format newsrooms embed.

``{"title": {"text": {"headline", "text"}}, "events": [{"start_date": {"year", "month", "day"},
"text": {"headline", "text"}, "group"}]}``; events are grouped as "Ereignis" or "Aussage".
TimelineJS renders ``text`` as HTML, so every string from a document is escaped here.
"""

from __future__ import annotations

import html
import json
from typing import Any, TextIO

from lagebild.model import Story

HEADLINE_CHARS = 90


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def _date(value: str) -> dict[str, str] | None:
    parts = value[:10].split("-")
    if not parts or not parts[0].isdigit():
        return None
    keys = ("year", "month", "day")
    return {k: str(int(p)) for k, p in zip(keys, parts) if p.isdigit()}


def build_story(story: Story, outlets: dict[str, str] | None = None) -> dict[str, Any]:
    """The TimelineJS document of one story; ``outlets`` names each document's outlet."""
    outlets = outlets or {}
    events = []
    for entry in story.timeline:
        start = _date(entry.date)
        if start is None:
            continue
        headline = entry.text if len(entry.text) <= HEADLINE_CHARS else \
            entry.text[:HEADLINE_CHARS].rsplit(" ", 1)[0] + " …"
        names = list(dict.fromkeys(outlets.get(r.document_id, r.document_id) for r in entry.sources))
        body = _escape(entry.text)
        if names:
            body += "<br><small>Quellen: " + _escape(", ".join(names)) + "</small>"
        events.append({
            "start_date": start,
            "text": {"headline": _escape(headline), "text": body},
            "group": "Ereignis" if entry.event_id else "Aussage",
            "unique_id": (entry.event_id or f"s{len(events)}"),
        })
    intro = " ".join(s.text for s in story.summary[:3])
    return {"title": {"text": {"headline": _escape(story.label), "text": _escape(intro)}},
            "events": events}


def build(store, story_id: str) -> dict[str, Any]:
    story = store.corpus_record("stories", story_id)
    outlets = {}
    for doc_id in story.document_ids:
        doc = store.document(doc_id)
        outlets[doc_id] = doc.outlet or (", ".join(doc.agency) if doc.agency else doc_id)
    return build_story(story, outlets)


def write(store, stream: TextIO, story_id: str) -> None:
    json.dump(build(store, story_id), stream, ensure_ascii=False, indent=1)
    stream.write("\n")

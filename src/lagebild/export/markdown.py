"""The Markdown brief: a readable overview of what the store holds.

Documents are grouped by outlet and ordered by date; each lists its segments with their headlines,
so a reader sees at a glance which live-blog entries and sections the corpus holds.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO

from lagebild.model import Document, Segment


def _date(doc: Document) -> str:
    value = doc.published or doc.updated
    if not value:
        return "undated"
    return value.replace("T", " ")[:16]


def _escape(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|").strip()


def render(store) -> str:
    documents = store.documents()
    segments: dict[str, list[Segment]] = defaultdict(list)
    for segment in store.records("segments"):
        segments[segment.document_id].append(segment)
    by_outlet: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_outlet[doc.outlet or "unknown outlet"].append(doc)

    lines = ["# Lagebild", ""]
    outlets = len(by_outlet)
    lines.append(f"{len(documents)} documents from {outlets} outlets, "
                 f"{sum(len(v) for v in segments.values())} segments.")
    lines.append("")
    for outlet in sorted(by_outlet, key=str.casefold):
        lines.append(f"## {outlet}")
        lines.append("")
        for doc in by_outlet[outlet]:
            credit = f" ({', '.join(doc.agency)})" if doc.agency else ""
            dateline = f" · {doc.dateline}" if doc.dateline else ""
            lines.append(f"### {_escape(doc.heading)}")
            lines.append("")
            lines.append(f"`{doc.id}` · {_date(doc)}{dateline}{credit} · {doc.source}")
            lines.append("")
            for segment in sorted(segments[doc.id], key=lambda s: s.start):
                headline = segment.headline or "(no headline)"
                body = doc.text[segment.start:segment.end]
                if segment.headline and body.startswith(segment.headline):
                    body = body[len(segment.headline):]
                snippet = _escape(body)[:160]
                lines.append(f"- **{_escape(headline)}** ({segment.kind}): {snippet}…")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write(store, stream: TextIO) -> None:
    stream.write(render(store))

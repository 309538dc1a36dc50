"""The brief: one story for a person who follows the news, as Markdown or HTML.

Sections: what happened (the summary, with numbered citations), the timeline, who said what
(named speakers with their statements and through whom they reached the outlet), disputed points
(each value with its sources and attribution chain), and the sources by outlet with copies and
rewrites folded under their original. With ``since``, a section "Neu seit …" leads.

:func:`build` reads the store into a :class:`Brief`; :func:`markdown` and :func:`html` render it.
News text is untrusted: the HTML escapes every string that comes from a document.
"""

from __future__ import annotations

import html as _html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from lagebild.model import Conflict, Document, Event, Quote, SourceRef, Story, SummarySentence, TimelineEntry

MAX_QUOTES_PER_SPEAKER = 3
MAX_SPEAKERS = 8
WEEKDAYS_DE = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
STATUS_DE = {"happened": "stattgefunden", "planned": "geplant", "announced": "angekündigt",
             "cancelled": "abgesagt"}


@dataclass
class SourceDoc:
    number: int
    document: Document
    copies: list["SourceDoc"] = field(default_factory=list)
    kind: str | None = None  # lineage kind when this is a copy


@dataclass
class Statement:
    speaker: str
    text: str
    kind: str
    via: tuple[str, ...]
    ref: SourceRef


@dataclass
class Brief:
    story: Story
    summary: tuple[SummarySentence, ...]
    timeline: tuple[TimelineEntry, ...]
    events: list[Event]
    conflicts: list[Conflict]
    statements: dict[str, list[Statement]]
    sources: dict[str, list[SourceDoc]]  # outlet -> originals (copies folded inside)
    numbers: dict[str, int]  # document id -> citation number
    since: str | None = None
    new_documents: list[str] = field(default_factory=list)
    new_summary: tuple[SummarySentence, ...] = ()
    first_day: str | None = None  # the story's reports span these days, inferred dates included
    last_day: str | None = None


def _period(documents) -> tuple[str | None, str | None]:
    from lagebild.extract.events import document_day

    days = sorted(d for d in (document_day(doc) for doc in documents) if d is not None)
    return (days[0].isoformat(), days[-1].isoformat()) if days else (None, None)


def _day(value: str | None) -> str:
    """"2025-07-23" -> "Mi 23.07.2025"; "2025-07" -> "07/2025"."""
    if not value:
        return "ohne Datum"
    try:
        if len(value) >= 10:
            d = date.fromisoformat(value[:10])
            return f"{WEEKDAYS_DE[d.weekday()]} {d:%d.%m.%Y}"
        if len(value) == 7:
            return f"{value[5:7]}/{value[:4]}"
    except ValueError:
        pass
    return value


def build(store, story_id: str, since: str | None = None) -> Brief:
    """Everything the brief shows, read from the store."""
    from lagebild.corpus.summary import whats_new
    from lagebild.corpus.timeline import picture, story_events, story_spans, story_units

    story = store.corpus_record("stories", story_id)
    if not story.timeline and not story.summary:
        story = picture(store, story)  # a store whose picture stage has not run yet
    spans = story_spans(store, story)
    events = sorted(story_events(store.corpus("events"), story, spans),
                    key=lambda e: (e.date or "9999", e.label))
    ids = {e.id for e in events}
    conflicts = [c for c in store.corpus("conflicts") if c.event_id in ids]

    documents = {d: store.document(d) for d in story.document_ids}
    ordered = sorted(documents.values(), key=lambda d: (d.published or d.updated or "", d.id))
    numbers = {d.id: i + 1 for i, d in enumerate(ordered)}

    derived: dict[str, tuple[str, str]] = {}
    try:
        from lagebild.corpus.lineage import lineage_of

        for record in lineage_of(store, list(documents)):
            if record.document_id in documents and record.derived_from in documents:
                derived.setdefault(record.document_id, (record.derived_from, record.kind))
    except ImportError:
        pass
    nodes = {d.id: SourceDoc(numbers[d.id], d) for d in ordered}
    sources: dict[str, list[SourceDoc]] = defaultdict(list)
    for d in ordered:
        if d.id in derived:
            original, kind = derived[d.id]
            nodes[d.id].kind = kind
            nodes[original].copies.append(nodes[d.id])
        else:
            sources[_outlet(d)].append(nodes[d.id])

    entities = {e.id: e for e in store.corpus("entities")}
    statements: dict[str, list[Statement]] = defaultdict(list)
    for doc_id, doc in documents.items():
        for quote in store.records("quotes", doc_id):
            if spans.get(doc_id) and not any(a <= quote.start < b for a, b in spans[doc_id]):
                continue
            speaker = _speaker_name(quote, entities)
            if speaker is None:
                continue
            # one speaker, many spellings: "Kreml-Sprecher Dmitri Peskow", "Peskow"
            key = quote.speaker.entity_id or speaker.split()[-1].lower()
            statements[key].append(Statement(
                speaker, quote.text, quote.kind, tuple(quote.via),
                SourceRef(doc_id, quote.start, quote.end)))
    ranked = sorted(statements.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_SPEAKERS]
    chosen: dict[str, list[Statement]] = {}
    for key, items in ranked:
        entity = entities.get(key)
        name = _entity_heading(entity) if entity else max((s.speaker for s in items), key=len)
        unique = list({" ".join(s.text.split()): s for s in items}.values())
        chosen[name] = sorted(unique, key=lambda s: -len(s.text))[:MAX_QUOTES_PER_SPEAKER]

    first_day, last_day = _period(documents.values())
    brief = Brief(story, story.summary, story.timeline, events, conflicts, chosen, dict(sources),
                  numbers, since=since, first_day=first_day, last_day=last_day)
    if since:
        fresh = [d for d in store.changes_since(since) if d in documents]
        brief.new_documents = fresh
        if fresh:
            brief.new_summary = whats_new(story_units(store, story, events), fresh)
    return brief


def _outlet(doc: Document) -> str:
    if doc.outlet:
        return doc.outlet
    if doc.agency:
        return ", ".join(doc.agency)
    return "unbekanntes Medium"


def _entity_heading(entity) -> str:
    """ "Dmitri Peskow (Kreml-Sprecher)": the canonical name with the first role found."""
    return f"{entity.name} ({entity.roles[0]})" if entity.roles else entity.name


def _speaker_name(quote: Quote, entities: dict | None = None) -> str | None:
    s = quote.speaker
    if s is None or not s.text:
        return None
    if s.anonymous or s.kind == "anonymous":
        return "Ungenannte Quellen"
    if s.entity_id and entities and s.entity_id in entities:
        return entities[s.entity_id].name  # a pronoun or role noun resolved to its entity
    if not s.text[:1].isupper() or s.kind not in {"person", "institution", None}:
        return None
    return s.text


def _cite(refs: Sequence[SourceRef], numbers: dict[str, int]) -> list[int]:
    return sorted({numbers[r.document_id] for r in refs if r.document_id in numbers})


def _quote_text(statement: Statement) -> str:
    text = " ".join(statement.text.split()).strip().strip("„“\"»«")
    return f"„{text}“" if statement.kind == "direct" else text


def _values(conflict: Conflict) -> list[tuple[str, list[str], int]]:
    out = []
    for value in conflict.values:
        who = list(dict.fromkeys(s.get("attribution") or "?" for s in value.sources))
        out.append((value.value, who, value.independent))
    return out


def _value_text(attribute: str, value: str) -> str:
    return _day(value) if attribute == "date" and value[:4].isdigit() else value


# --------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Markdown-safe inline text: no line breaks, no accidental emphasis or links."""
    text = " ".join(str(text).split())
    for ch in ("\\", "*", "_", "[", "]", "<", ">", "`", "|"):
        text = text.replace(ch, "\\" + ch)
    return text


def markdown(brief: Brief) -> str:
    from lagebild.corpus.timeline import attribute_de

    n = brief.numbers
    story = brief.story
    lines = [f"# {_md(story.label)}", ""]
    outlets = sorted({_outlet(s.document) for group in brief.sources.values() for s in group})
    lines.append(f"*{len(story.document_ids)} Berichte aus {len(outlets)} Quellen, "
                 f"{_day(brief.first_day or story.first_seen)} bis {_day(brief.last_day or story.last_seen)}*")
    lines.append("")
    if brief.since:
        lines += [f"## Neu seit {_md(brief.since)}", ""]
        if not brief.new_documents:
            lines += ["Keine neuen Berichte.", ""]
        for s in brief.new_summary:
            lines.append(f"- {_md(s.text)} {_refs_md(_cite(s.sources, n))}")
        lines.append("")
    lines += ["## Das Wichtigste", ""]
    for s in brief.summary:
        lines.append(f"- {_md(s.text)} {_refs_md(_cite(s.sources, n))}")
    if not brief.summary:
        lines.append("(noch keine Zusammenfassung)")
    lines.append("")
    lines += ["## Chronik", ""]
    for entry in brief.timeline:
        lines.append(f"- **{_day(entry.date)}** – {_md(entry.text)} {_refs_md(_cite(entry.sources, n))}")
    undated = [e for e in brief.events if not e.date]
    for e in undated:
        status = f" ({STATUS_DE.get(e.status or '', e.status)})" if e.status else ""
        lines.append(f"- **ohne Datum** – {_md(e.label)}{status} {_refs_md(_cite(e.sources, n))}")
    lines.append("")
    if brief.conflicts:
        lines += ["## Umstritten", ""]
        labels = {e.id: e.label for e in brief.events}
        for c in brief.conflicts:
            lines.append(f"**{_md(attribute_de(c.attribute))}** – {_md(labels.get(c.event_id, c.event_id))}")
            lines.append("")
            for value, who, independent in _values(c):
                lines.append(f"- {_md(_value_text(c.attribute, value))}: laut {_md('; '.join(who))} "
                             f"({independent} unabhängige Quelle{'n' if independent != 1 else ''})")
            lines.append("")
    if brief.statements:
        lines += ["## Wer sagte was", ""]
        for speaker, items in brief.statements.items():
            lines.append(f"**{_md(speaker)}**")
            lines.append("")
            for st in items:
                via = f" (über {_md(', '.join(st.via))})" if st.via else ""
                lines.append(f"- {_md(_quote_text(st))}{via} {_refs_md(_cite([st.ref], n))}")
            lines.append("")
    lines += ["## Quellen", ""]
    for outlet in sorted(brief.sources, key=str.casefold):
        lines.append(f"**{_md(outlet)}**")
        lines.append("")
        for src in brief.sources[outlet]:
            lines.append(_source_md(src, 0))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _refs_md(numbers: Sequence[int]) -> str:
    return "".join(f"[{k}]" for k in numbers)


def _source_md(src: SourceDoc, depth: int) -> str:
    d = src.document
    indent = "  " * depth
    kind = f" – {'Übernahme' if src.kind in {'duplicate', 'near-duplicate'} else 'Umschreibung'}" if src.kind else ""
    where = d.url or d.source
    line = f"{indent}- [{src.number}] {_md(d.heading)} · {_day(d.published or d.updated)}{kind} · {_md(where)}"
    return "\n".join([line, *(_source_md(c, depth + 1) for c in src.copies)])


# --------------------------------------------------------------------------- HTML


def _h(text: object) -> str:
    return _html.escape(" ".join(str(text).split()), quote=True)


def _refs_html(numbers: Sequence[int]) -> str:
    return "".join(f'<sup><a href="#q{k}">[{k}]</a></sup>' for k in numbers)


def html(brief: Brief) -> str:
    from lagebild.corpus.timeline import attribute_de

    n = brief.numbers
    story = brief.story
    out = ["<!DOCTYPE html>", '<html lang="de">', "<head>", '<meta charset="utf-8">',
           f"<title>{_h(story.label)}</title>",
           "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
           "line-height:1.5;padding:0 1rem}h2{margin-top:2rem}.date{font-weight:600}"
           "sup a{text-decoration:none}.meta{color:#555}</style>",
           "</head>", "<body>", f"<h1>{_h(story.label)}</h1>"]
    outlets = sorted({_outlet(s.document) for group in brief.sources.values() for s in group})
    out.append(f'<p class="meta">{len(story.document_ids)} Berichte aus {len(outlets)} Quellen, '
               f"{_h(_day(brief.first_day or story.first_seen))} bis "
               f"{_h(_day(brief.last_day or story.last_seen))}</p>")
    if brief.since:
        out.append(f"<h2>Neu seit {_h(brief.since)}</h2>")
        out.append("<ul>" + "".join(f"<li>{_h(s.text)} {_refs_html(_cite(s.sources, n))}</li>"
                                    for s in brief.new_summary) + "</ul>"
                   if brief.new_summary else "<p>Keine neuen Berichte.</p>")
    out.append("<h2>Das Wichtigste</h2><ul>")
    out += [f"<li>{_h(s.text)} {_refs_html(_cite(s.sources, n))}</li>" for s in brief.summary]
    out.append("</ul><h2>Chronik</h2><ul>")
    out += [f'<li><span class="date">{_h(_day(e.date))}</span> – {_h(e.text)} '
            f"{_refs_html(_cite(e.sources, n))}</li>" for e in brief.timeline]
    out += [f'<li><span class="date">ohne Datum</span> – {_h(e.label)} '
            f"{_refs_html(_cite(e.sources, n))}</li>" for e in brief.events if not e.date]
    out.append("</ul>")
    if brief.conflicts:
        out.append("<h2>Umstritten</h2>")
        labels = {e.id: e.label for e in brief.events}
        for c in brief.conflicts:
            out.append(f"<h3>{_h(attribute_de(c.attribute))} – {_h(labels.get(c.event_id, c.event_id))}</h3><ul>")
            for value, who, independent in _values(c):
                out.append(f"<li><strong>{_h(_value_text(c.attribute, value))}</strong>: laut "
                           f"{_h('; '.join(who))} ({independent} unabhängige Quelle"
                           f"{'n' if independent != 1 else ''})</li>")
            out.append("</ul>")
    if brief.statements:
        out.append("<h2>Wer sagte was</h2>")
        for speaker, items in brief.statements.items():
            out.append(f"<h3>{_h(speaker)}</h3><ul>")
            for st in items:
                via = f" (über {_h(', '.join(st.via))})" if st.via else ""
                out.append(f"<li>{_h(_quote_text(st))}{via} {_refs_html(_cite([st.ref], n))}</li>")
            out.append("</ul>")
    out.append("<h2>Quellen</h2>")
    for outlet in sorted(brief.sources, key=str.casefold):
        out.append(f"<h3>{_h(outlet)}</h3><ul>")
        out += [_source_html(src) for src in brief.sources[outlet]]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _source_html(src: SourceDoc) -> str:
    d = src.document
    kind = f" – {'Übernahme' if src.kind in {'duplicate', 'near-duplicate'} else 'Umschreibung'}" if src.kind else ""
    title = _h(d.heading)
    link = f'<a href="{_h(d.url)}" rel="nofollow noopener">{title}</a>' if d.url and d.url.startswith(("http://", "https://")) else title
    inner = "".join(_source_html(c) for c in src.copies)
    nested = f"<ul>{inner}</ul>" if inner else ""
    return f'<li id="q{src.number}">[{src.number}] {link} · {_h(_day(d.published or d.updated))}{_h(kind)}{nested}</li>'


def render(store, story_id: str, format: str = "md", since: str | None = None) -> str:
    brief = build(store, story_id, since)
    if format == "html":
        return html(brief)
    if format == "md":
        return markdown(brief)
    raise ValueError(f"unknown brief format {format!r}; choose md or html")


def write(store, story_id: str, stream: TextIO, format: str = "md", since: str | None = None) -> None:
    stream.write(render(store, story_id, format, since))

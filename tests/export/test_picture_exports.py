"""The exports people read: the brief (Markdown, HTML), TimelineJS, CSV, charts, and their CLI.

A small store is built by hand (documents, a story, an event, a conflict, a quote), with hostile
text in it: HTML, Markdown and spreadsheet formulas must come out inert.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.export import brief, charts, timelinejs
from lagebild.export import csv as csv_export
from lagebild.model import (
    Analysis, Conflict, ConflictValue, Document, Event, Quote, Segment, Sentence, SourceRef, Speaker,
    Story, SummarySentence, TimelineEntry,
)
from lagebild.store import open_store

EVIL = "<script>alert(1)</script>"


def _doc(i: int, text: str, outlet: str, published: str) -> Analysis:
    doc_id = f"d{i}"
    doc = Document(id=doc_id, source=f"s{i}", identity=f"s{i}", text=text, outlet=outlet,
                   published=published, title=f"Titel {i} {EVIL}", url=f"https://x{i}.example/a")
    seg = Segment(f"{doc_id}-s0", doc_id, 0, "article", 0, len(text))
    sentences = []
    start = 0
    for k, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        sentences.append(Sentence(f"{doc_id}-t{k}", doc_id, start, min(end, len(text)), seg.id))
        start = end + 1
    quote = Quote(f"{doc_id}-q0", doc_id, 0, 20, text[:20], "direct",
                  speaker=Speaker(f"Peskow {EVIL}", kind="person"), via=("Tass",), segment_id=seg.id)
    return Analysis(document=doc, segments=(seg,), sentences=tuple(sentences), quotes=(quote,))


@pytest.fixture
def store(tmp_path):
    texts = [
        ("Die dritte Gesprächsrunde in Istanbul soll am Mittwoch beginnen, sagte der Präsident. "
         f"Die Delegationen reisen am Morgen an {EVIL}. Der Termin sei abgestimmt worden."),
        ("=HYPERLINK(\"http://evil\") Die Agentur nannte dagegen den Donnerstag als Termin. "
         "Eine Bestätigung aus Moskau gab es zunächst nicht. Die Gespräche gelten als schwierig."),
    ]
    with open_store(tmp_path / "t.db") as s:
        for i, text in enumerate(texts):
            s.put_analysis(_doc(i, text, f"Blatt *{i}*", f"2025-07-2{1 + i}T10:00:00+02:00"), f"h{i}")
        event = Event("ev1", "talks", f"3. Gesprächsrunde {EVIL}", "2025-07-23", "Istanbul",
                      ("Ukraine", "Russland"), "planned", None,
                      (SourceRef("d0", 0, 40), SourceRef("d1", 0, 40)), story_id="st1", ordinal=3)
        conflict = Conflict("cf1", "ev1", "date", (
            ConflictValue("2025-07-23", ({"document_id": "d0", "start": 0, "end": 40, "attribution": "Selenskyj"},), 1),
            ConflictValue("2025-07-24", ({"document_id": "d1", "start": 0, "end": 40,
                                          "attribution": f"Tass unter Berufung auf {EVIL}"},), 1)))
        story = Story("st1", f"Gespräche {EVIL}", ("d0-s0", "d1-s0"), ("d0", "d1"),
                      "2025-07-21T10:00:00+02:00", "2025-07-22T10:00:00+02:00", ("Blatt *0*", "Blatt *1*"),
                      timeline=(TimelineEntry("2025-07-23", f"3. Gesprächsrunde {EVIL}", "ev1", (SourceRef("d0", 0, 40),)),
                                TimelineEntry("2025-07", "Vorlauf", None, (SourceRef("d1", 0, 40),))),
                      summary=(SummarySentence(f"Ein Satz {EVIL}.", (SourceRef("d0", 0, 40), SourceRef("d1", 0, 40))),))
        s.upsert_corpus("events", [event])
        s.upsert_corpus("conflicts", [conflict])
        s.upsert_corpus("stories", [story])
        yield s


def test_the_markdown_brief_has_every_section_and_numbered_citations(store):
    text = brief.render(store, "st1", "md")
    for heading in ("## Das Wichtigste", "## Chronik", "## Umstritten", "## Wer sagte was", "## Quellen"):
        assert heading in text
    assert "[1][2]" in text  # the summary sentence cites both documents
    assert "Mi 23.07.2025" in text and "Do 24.07.2025" in text
    assert "Tass unter Berufung auf" in text
    assert "<script>" not in text and "\\<script\\>" in text


def test_the_html_brief_escapes_all_news_text(store):
    page = brief.render(store, "st1", "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'id="q1"' in page and 'href="#q1"' in page


def test_whats_new_since_a_time_leads_the_brief(store):
    text = brief.render(store, "st1", "md", since="2000-01-01T00:00:00+00:00")
    assert "## Neu seit" in text
    assert "Keine neuen Berichte" in brief.render(store, "st1", "md", since="2999-01-01T00:00:00+00:00")


def test_timelinejs_follows_the_knight_lab_format(store):
    data = timelinejs.build(store, "st1")
    assert set(data) == {"title", "events"}
    first, second = data["events"]
    assert first["start_date"] == {"year": "2025", "month": "7", "day": "23"}
    assert second["start_date"] == {"year": "2025", "month": "7"}
    assert first["group"] == "Ereignis" and second["group"] == "Aussage"
    assert "<script>" not in json.dumps(data)


def test_csv_of_events_and_quotes_defuses_formulas(store):
    out = io.StringIO()
    csv_export.write_events(store, out, "st1")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["id"] == "ev1" and rows[0]["sources"] == "d0:0-40;d1:0-40"
    out = io.StringIO()
    csv_export.write_quotes(store, out)
    quotes = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(quotes) == 2 and quotes[0]["via"] == "Tass"
    assert all(not q["text"].startswith("=") for q in quotes)


def test_charts_are_written_as_png_and_svg(store, tmp_path):
    pytest.importorskip("matplotlib")
    written = charts.timeline_chart(store, "st1", tmp_path / "timeline")
    written += charts.coverage_chart(store, "st1", tmp_path / "coverage.png")
    assert sorted(p.suffix for p in written) == [".png", ".png", ".svg", ".svg"]
    assert all(p.stat().st_size > 0 for p in written)
    assert (tmp_path / "coverage.svg").read_text().lstrip().startswith("<?xml")


def test_cli_brief_and_export_formats(store, tmp_path):
    runner = CliRunner()
    db = store.path
    result = runner.invoke(app, ["brief", "st1", "--db", db, "--format", "html"])
    assert result.exit_code == 0 and "&lt;script&gt;" in result.stdout
    result = runner.invoke(app, ["export", "--db", db, "--format", "timelinejs", "--story", "st1"])
    assert result.exit_code == 0 and json.loads(result.stdout)["events"]
    target = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0 and (tmp_path / "events-quotes.csv").exists()
    assert runner.invoke(app, ["export", "--db", db, "--format", "timelinejs"]).exit_code == 2
    assert runner.invoke(app, ["brief", "nope", "--db", db]).exit_code == 1

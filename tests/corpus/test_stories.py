"""Stories: segments join the story they belong to, incrementally, with stable ids."""

from __future__ import annotations

import pytest

from lagebild.corpus import stories
from lagebild.model import Analysis, Document, Segment
from lagebild.store import open_store

HAFEN_1 = ("Streik im Hamburger Hafen", "Im Hamburger Hafen haben die Hafenarbeiter am Montag die "
           "Arbeit niedergelegt. Die Gewerkschaft Verdi fordert acht Prozent mehr Lohn für die "
           "Beschäftigten an den Containerterminals. Die Terminalbetreiber lehnen die Forderung ab.")
HAFEN_2 = ("Hafenstreik geht weiter", "Der Streik der Hafenarbeiter in Hamburg dauert an. Verdi "
           "und die Terminalbetreiber haben die Lohnverhandlungen ohne Ergebnis vertagt. An den "
           "Containerterminals stauen sich die Schiffe, die Gewerkschaft droht mit weiteren Streiks.")
RADWEG = ("Neuer Radweg an der Förde", "Der Kieler Stadtrat hat einen Radweg entlang der Förde "
          "beschlossen. Die Bauarbeiten beginnen im Frühjahr, die Kosten trägt zur Hälfte das Land. "
          "Anwohner hatten über fehlende Parkplätze geklagt.")
HAFEN_LATER = ("Wieder Streik im Hamburger Hafen", "Drei Monate nach dem letzten Ausstand legen "
               "die Hafenarbeiter in Hamburg erneut die Arbeit nieder. Verdi fordert für die "
               "Beschäftigten an den Containerterminals mehr Lohn, die Terminalbetreiber lehnen ab.")


def analysis(key: str, item: tuple[str, str], published: str, outlet: str = "Nordblatt") -> Analysis:
    title, body = item
    text = f"{title}\n\n{body}"
    doc = Document(id=f"d{key}", source=key, identity=key, text=text, outlet=outlet,
                   published=published, title=title)
    return Analysis(document=doc, segments=(Segment(f"d{key}-s0", doc.id, 0, "article", 0, len(text),
                                                    headline=title),))


STREAM = [("1", HAFEN_1, "2025-03-03T10:00:00+01:00"), ("2", RADWEG, "2025-03-03T12:00:00+01:00"),
          ("3", HAFEN_2, "2025-03-04T09:00:00+01:00"), ("4", HAFEN_LATER, "2025-06-16T09:00:00+02:00")]


def run(path, batches) -> list:
    with open_store(path) as store:
        for batch in batches:
            items = [analysis(*item) for item in batch]
            for a in items:
                store.put_analysis(a, a.document.text)
            stories.update_store(store, [a.document.id for a in items])
        return sorted(store.corpus("stories"), key=lambda s: s.id)


def test_reports_of_one_event_form_one_story_and_others_stay_apart(tmp_path):
    result = run(tmp_path / "a.db", [STREAM])
    groups = sorted(tuple(s.document_ids) for s in result)
    assert groups == [("d1", "d3"), ("d2",), ("d4",)]
    hafen = next(s for s in result if s.document_ids == ("d1", "d3"))
    assert hafen.id == stories.stable_id("st", "d1-s0")  # named after its first segment
    assert hafen.first_seen.startswith("2025-03-03") and hafen.last_seen.startswith("2025-03-04")
    assert hafen.outlets == ("Nordblatt",) and hafen.label in (HAFEN_1[0], HAFEN_2[0])


def test_coverage_resuming_after_months_is_a_new_story_in_the_same_storyline(tmp_path):
    result = {s.document_ids: s for s in run(tmp_path / "a.db", [STREAM])}
    assert result[("d4",)].parent is not None
    assert result[("d4",)].parent == result[("d1", "d3")].parent
    assert result[("d2",)].parent is None


def test_one_at_a_time_gives_the_same_stories_as_one_batch(tmp_path):
    assert run(tmp_path / "a.db", [STREAM]) == run(tmp_path / "b.db", [[item] for item in STREAM])


def test_a_revised_document_is_clustered_afresh(tmp_path):
    path = tmp_path / "a.db"
    run(path, [STREAM])
    with open_store(path) as store:
        revised = analysis("3", RADWEG, "2025-03-04T09:00:00+01:00")
        store.put_analysis(revised, "revised")
        stories.update_store(store, ["d3"])
        groups = sorted(tuple(s.document_ids) for s in store.corpus("stories"))
    assert groups == [("d1",), ("d2", "d3"), ("d4",)]


def test_candidates_come_from_the_indexes_not_a_scan(tmp_path, monkeypatch):
    loaded: list[int] = []
    original = stories.StoryIndex._load

    def counting(self, ids):
        ids = list(ids)
        loaded.append(len(ids))
        return original(self, ids)

    monkeypatch.setattr(stories.StoryIndex, "_load", counting)
    noise = [(f"n{i}", (f"Meldung {i}", f"Kurznachricht Nummer {i} über das Wetter in Ort{i}stadt "
                         f"mit Regen{i} und Wind{i} aus Richtung{i}."), "2025-03-01T08:00:00+01:00")
             for i in range(60)]
    run(tmp_path / "a.db", [noise, STREAM])
    assert max(loaded) <= stories.CANDIDATE_LIMIT


def test_the_cli_lists_stories_and_shows_one_with_copies_folded(tmp_path):
    import json

    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.corpus import lineage

    path = tmp_path / "cli.db"
    copy = ("Hafenstreik in Hamburg", HAFEN_1[1])  # the same words under another outlet's title
    with open_store(path) as store:
        items = [analysis("1", HAFEN_1, "2025-03-03T10:00:00+01:00"),
                 analysis("2", RADWEG, "2025-03-03T12:00:00+01:00"),
                 analysis("5", copy, "2025-03-03T11:00:00+01:00", outlet="Nachdruckportal")]
        for a in items:
            store.put_analysis(a, a.document.text)
        ids = [a.document.id for a in items]
        lineage.update_store(store, ids)
        stories.update_store(store, ids)
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", str(path), "--json"])
    assert listed.exit_code == 0, listed.output
    rows = {tuple(sorted(r["outlets"])): r for r in json.loads(listed.output)}
    hafen = rows[("Nachdruckportal", "Nordblatt")]
    assert hafen["segments"] == 2 and hafen["independent_sources"] == 1
    shown = runner.invoke(app, ["story", hafen["id"], "--db", str(path), "--json"])
    entries = json.loads(shown.output)
    assert [e["document_id"] for e in entries] == ["d1"]
    assert [(c["document_id"], c["kind"]) for c in entries[0]["copies"]] == [("d5", "near-duplicate")]
    assert runner.invoke(app, ["story", "nope", "--db", str(path)]).exit_code == 1

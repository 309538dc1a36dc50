"""The `lagebild` command, end to end: ingest, list, export; exit codes; every span exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "examples.db")
    result = run("ingest", str(EXAMPLES), "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def exported(example_db) -> dict:
    result = run("export", "--db", example_db, "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_every_command_has_help():
    for command in ("ingest", "docs", "export", "entities", "times", "quotes", "stories", "story",
                    "brief", "eval"):
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert "Usage" in result.output


def test_ingesting_the_example_corpus_stores_every_article(example_db):
    result = run("docs", "--db", example_db, "--json")
    docs = json.loads(result.stdout)
    assert len(docs) == 15
    assert all(d["segments"] >= 1 for d in docs)
    assert not any(d["source"].endswith((".md", ".py")) for d in docs)


def test_ingesting_the_same_corpus_again_changes_nothing(example_db):
    result = run("ingest", str(EXAMPLES), "--db", example_db, "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["added"] == [] and report["revised"] == []
    assert len(report["unchanged"]) == 15


def test_the_json_export_is_one_object_of_schema_lagebild_1(exported):
    assert exported["schema"] == "lagebild/1"
    for array in ("documents", "segments", "entities", "quotes", "times", "events", "conflicts",
                  "lineage", "stories"):
        assert isinstance(exported[array], list), array
    for doc in exported["documents"]:
        assert {"id", "source", "url", "outlet", "agency", "dateline", "published", "updated",
                "date_precision", "language", "title", "text"} <= doc.keys()


def test_every_exported_span_points_at_its_exact_text(exported):
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    for array in ("quotes", "times"):
        for record in exported[array]:
            assert texts[record["document_id"]][record["start"]:record["end"]] == record["text"]
    for entity in exported["entities"]:
        for mention in entity["mentions"]:
            assert texts[mention["document_id"]][mention["start"]:mention["end"]] == mention["text"]
    for segment in exported["segments"]:
        assert 0 <= segment["start"] < segment["end"] <= len(texts[segment["document_id"]])


def test_the_live_blog_is_split_into_its_entries(exported):
    blog = next(d for d in exported["documents"] if d["source"].endswith("liveblog-istanbul-talks.html"))
    entries = [s for s in exported["segments"] if s["document_id"] == blog["id"] and s["kind"] == "entry"]
    headlines = [s["headline"] for s in entries]
    assert len(entries) == 7
    assert any("Mirage" in h for h in headlines) and any("Transfer" in h for h in headlines)


def test_the_markdown_export_lists_documents_by_outlet(example_db, tmp_path):
    target = tmp_path / "brief.md"
    result = run("export", "--db", example_db, "--format", "md", "-o", str(target))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Lagebild")
    assert "## Tagesblick" in text


def test_listing_commands_print_json_for_scripts(example_db):
    for command in ("entities", "times", "quotes"):
        result = run(command, "--db", example_db, "--json")
        assert result.exit_code == 0, command
        assert isinstance(json.loads(result.stdout), list)


def test_quotes_can_be_filtered_by_speaker(example_db):
    result = run("quotes", "--db", example_db, "--speaker", "Peskow", "--json")
    found = json.loads(result.stdout)
    assert found, "the example corpus quotes the Kremlin spokesman"
    assert all("peskow" in (q["speaker"]["text"] + str(q["speaker"].get("refers_to"))).casefold()
               for q in found)


def test_rejected_inputs_are_reported_and_the_rest_is_stored(tmp_path):
    good = tmp_path / "gut.txt"
    good.write_text("Regen in Hamburg\n\nIn Hamburg hat es am Dienstag den ganzen Tag geregnet.\n",
                    encoding="utf-8")
    (tmp_path / "leer.txt").write_bytes(b"")
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(good), str(tmp_path / "leer.txt"),
                                 str(tmp_path / "fehlt.txt"), "--db", db])
    assert result.exit_code == 1
    assert "leer.txt" in result.stderr and "fehlt.txt" in result.stderr
    listed = json.loads(run("docs", "--db", db, "--rejected", "--json").stdout)
    assert {Path(r["source"]).name for r in listed} == {"leer.txt", "fehlt.txt"}
    assert len(json.loads(run("docs", "--db", db, "--json").stdout)) == 1


def test_usage_errors_exit_with_2(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "pdf"]).exit_code == 2


def test_an_unknown_document_id_is_a_clear_error(example_db):
    result = runner.invoke(app, ["times", "--db", example_db, "--doc", "nope"])
    assert result.exit_code == 1
    assert "lagebild docs" in result.stderr


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent (only in the project workspace)")
def test_the_five_seed_articles_ingest_into_five_documents(tmp_path):
    db = str(tmp_path / "seeds.db")
    assert run("ingest", str(SEEDS), "--db", db, "--quiet").exit_code == 0
    docs = json.loads(run("docs", "--db", db, "--json").stdout)
    assert len(docs) == 5
    by_name = {Path(d["source"]).name[:3]: d for d in docs}
    assert by_name["000"]["outlet"] == "t-online"
    assert by_name["002"]["outlet"] == "IT BOLTWISE"


def test_the_rewrite_of_the_agency_report_is_not_counted_as_an_independent_source(example_db):
    stories = json.loads(run("stories", "--db", example_db, "--json").stdout)
    talks = max(stories, key=lambda s: s["documents"])
    assert talks["independent_sources"] == talks["documents"] - 1


def test_the_brief_of_the_leading_story_shows_the_disputed_day(example_db):
    result = run("brief", "--db", example_db)
    assert result.exit_code == 0
    assert "## Umstritten" in result.stdout
    assert "Do 24.07.2025" in result.stdout and "Mi 23.07.2025" in result.stdout

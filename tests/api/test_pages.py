"""Story pages are written by the corpus pass (one row per story) and served from that row;
`lagebild serve --workers N` runs N processes from an app factory."""

from __future__ import annotations

import json

import pytest

from lagebild import views
from lagebild.errors import NotFound
from lagebild.store import open_store


def test_the_corpus_pass_stores_a_page_for_every_story(example_db):
    with open_store(example_db) as store:
        stories = {r[0] for r in store.db.execute("SELECT id FROM stories")}
        pages = {r[0] for r in store.db.execute("SELECT story_id FROM story_pages")}
    assert stories and pages == stories


def test_a_stored_page_is_what_the_picture_gives(example_db, talks_id):
    with open_store(example_db) as store:
        stored = json.loads(store.db.execute(
            "SELECT data FROM story_pages WHERE story_id=?", (talks_id,)).fetchone()[0])
        computed = json.loads(json.dumps(views.story_page_data(views.story_picture(store, talks_id))))
    assert stored == computed
    assert stored["brief"]["timeline"] and stored["brief"]["conflicts"]


def test_the_story_page_renders_from_the_stored_row(writable_db, talks_id):
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    with open_store(writable_db) as store:
        row = json.loads(store.db.execute(
            "SELECT data FROM story_pages WHERE story_id=?", (talks_id,)).fetchone()[0])
        row["story"]["label"] = "Marked <b>row</b>"
        with store.transaction():
            store.db.execute("UPDATE story_pages SET data=? WHERE story_id=?",
                             (json.dumps(row), talks_id))
    with TestClient(create_app(str(writable_db))) as client:
        html = client.get(f"/stories/{talks_id}").text
    assert "Marked &lt;b&gt;row&lt;/b&gt;" in html  # read from the row, and escaped


def test_without_a_stored_page_the_story_page_is_computed(writable_db, talks_id):
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    with open_store(writable_db) as store, store.transaction():
        store.db.execute("DELETE FROM story_pages")
    with TestClient(create_app(str(writable_db))) as client:
        response = client.get(f"/stories/{talks_id}")
    assert response.status_code == 200 and "Istanbul" in response.text


def test_a_page_of_a_story_gone_is_not_served(writable_db, talks_id):
    with open_store(writable_db) as store:
        with store.transaction():
            store.db.execute("INSERT INTO story_pages (story_id, data) VALUES ('st-gone', '{}')")
        with pytest.raises(NotFound):
            views.story_page(store, "st-gone")


def test_worker_processes_build_their_app_from_the_environment(example_db, monkeypatch):
    from lagebild.api.app import ENV_BIND, ENV_DB, app_from_env

    monkeypatch.setenv(ENV_DB, str(example_db))
    monkeypatch.setenv(ENV_BIND, "127.0.0.1")
    app = app_from_env()
    assert app.state.bind == "127.0.0.1" and app.state.stores.db == str(example_db)


def test_search_hits_in_the_api_carry_every_field_of_a_hit(client):
    from dataclasses import fields

    from lagebild.search import Hit

    hits = client.get("/api/search", params={"q": "Gespräche"}).json()["items"]
    assert hits and all(set(hit) == {f.name for f in fields(Hit)} | {"matches"} for hit in hits)
    assert any(hit["matches"] for hit in hits)
    assert all(m in hit["snippet"] for hit in hits for m in hit["matches"])

"""The JSON API: documented, paginated, filterable, and every answer points into the texts."""

from __future__ import annotations

import pytest


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/export",
                 "/api/documents", "/api/documents/{document_id}", "/api/entities",
                 "/api/entities/{entity_id}", "/api/quotes", "/api/search"):
        assert path in paths
    assert "post" in paths["/api/documents"]
    assert "multipart/form-data" in paths["/api/documents"]["post"]["requestBody"]["content"]


def test_stories_come_newest_activity_first_with_sources_and_conflicts(client):
    page = client.get("/api/stories").json()
    items = page["items"]
    assert page["total"] == len(items) >= 3
    last = [s["last_seen"] for s in items if s["last_seen"]]
    assert last == sorted(last, reverse=True)
    talks = next(s for s in items if "Istanbul" in s["label"])
    assert talks["independent_sources"] >= 5
    assert talks["conflicts"] >= 1
    assert len(talks["outlets"]) >= 3


def test_stories_paginate(client):
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert first["limit"] == 2 and len(first["items"]) == 2 and second["offset"] == 2
    assert {s["id"] for s in first["items"]}.isdisjoint(s["id"] for s in second["items"])


def test_stories_filter_by_text_outlet_entity_and_since(client, talks_id):
    by_text = client.get("/api/stories", params={"q": "Gefangenen"}).json()["items"]
    assert [s["id"] for s in by_text] == [talks_id]
    outlet = client.get(f"/api/stories/{talks_id}").json()["documents"][0]["outlet"]
    by_outlet = client.get("/api/stories", params={"outlet": outlet}).json()["items"]
    assert talks_id in {s["id"] for s in by_outlet}
    by_entity = client.get("/api/stories", params={"entity": "Istanbul"}).json()["items"]
    assert talks_id in {s["id"] for s in by_entity}
    assert client.get("/api/stories", params={"since": "2099-01-01"}).json()["total"] == 0


def test_story_is_the_whole_picture_and_every_citation_points_at_text(client, talks_id):
    story = client.get(f"/api/stories/{talks_id}").json()
    for key in ("segments", "entities", "quotes", "times", "events", "conflicts", "timeline",
                "summary", "lineage", "statements", "sources"):
        assert story[key], key
    refs = [r for s in story["summary"] for r in s["sources"]]
    refs += [r for e in story["timeline"] for r in e["sources"]]
    texts = {}
    for ref in refs[:20]:
        doc_id = ref["document_id"]
        if doc_id not in texts:
            texts[doc_id] = client.get(f"/api/documents/{doc_id}").json()["document"]["text"]
        assert texts[doc_id][ref["start"]:ref["end"]].strip()


def test_the_disputed_day_has_both_sides(client, talks_id):
    conflicts = client.get(f"/api/stories/{talks_id}").json()["conflicts"]
    assert any(len(c["values"]) >= 2 for c in conflicts)


def test_document_has_text_records_and_lineage(client, talks_id):
    story = client.get(f"/api/stories/{talks_id}").json()
    rewritten = story["lineage"][0]["document_id"]
    doc = client.get(f"/api/documents/{rewritten}").json()
    assert doc["document"]["text"] and doc["segments"] and doc["mentions"]
    assert doc["lineage"] and doc["stories"][0]["id"] == talks_id


def test_entities_list_and_detail(client):
    page = client.get("/api/entities", params={"limit": 5}).json()
    assert page["total"] > 5 and len(page["items"]) == 5
    counts = [e["mentions"] for e in page["items"]]
    assert counts == sorted(counts, reverse=True)
    entity = client.get(f"/api/entities/{page['items'][0]['id']}").json()
    assert entity["stories"] and entity["mentions"]["items"][0]["text"]
    people = client.get("/api/entities", params={"type": "PER"}).json()["items"]
    assert all(e["type"] == "PER" for e in people)


def test_quotes_filter_by_speaker_and_story(client, talks_id):
    peskow = client.get("/api/quotes", params={"speaker": "Peskow"}).json()
    assert peskow["total"] >= 1
    assert all("Peskow" in q["speaker"]["text"] for q in peskow["items"])
    in_story = client.get("/api/quotes", params={"story": talks_id, "limit": 500}).json()
    assert in_story["total"] >= peskow["total"]


@pytest.mark.parametrize("query", ["Gespräche", "Gesprächen", "gespräch"])
def test_search_matches_german_inflected_forms(client, query):
    page = client.get("/api/search", params={"q": query}).json()
    assert page["total"] >= 3
    assert any(m.lower().startswith("gespräch") for hit in page["items"] for m in hit["matches"])


def test_search_with_fts_syntax_is_just_words(client):
    for q in ['"', "NEAR(", "a OR", "*", "Kreml-Sprecher AND"]:
        assert client.get("/api/search", params={"q": q}).status_code == 200


@pytest.mark.parametrize("fmt,kind", [("md", "text/markdown"), ("timelinejs", "application/json"),
                                      ("csv", "text/csv")])
def test_story_exports(client, talks_id, fmt, kind):
    response = client.get(f"/api/stories/{talks_id}/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.text.strip()

"""News text is untrusted and so is every request: escaped output, strict headers, guarded
writes, size limits, and malformed input answered with 422 naming the field, never a 500."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app

SCRIPT_TITLE = "Eilmeldung <script>alert('x')</script> Verhandlungen in Istanbul"
RECORD = {"id": "api-test-1", "url": "https://test.example/eilmeldung", "title": SCRIPT_TITLE,
          "text": "ISTANBUL – Die Delegationen aus Kiew und Moskau haben am Mittwoch in Istanbul "
                  "erneut über einen Gefangenenaustausch verhandelt. Ein Sprecher nannte die "
                  "Gespräche konstruktiv, Ergebnisse gebe es aber noch nicht.",
          "published": "2025-07-25T09:00:00+02:00", "outlet": "Testblatt", "language": "de"}


def writer(db, **options) -> TestClient:
    return TestClient(create_app(str(db), **options), raise_server_exceptions=False)


def test_every_response_carries_security_headers(client):
    for url in ("/", "/api/stories", "/static/style.css", "/api/stories/nope"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_pages_contain_no_inline_script(client, talks_id):
    for url in ("/", f"/stories/{talks_id}", "/search?q=Istanbul"):
        assert "<script" not in client.get(url).text


def test_posted_article_updates_the_picture_and_its_headline_renders_as_text(writable_db):
    with writer(writable_db) as c:
        response = c.post("/api/documents", json=RECORD)
        assert response.status_code == 201, response.text
        doc_id = response.json()["added"][0]
        page = c.get(f"/documents/{doc_id}").text
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        assert c.get("/api/search", params={"q": "Gefangenenaustausch"}).json()["total"] >= 1
        stories = c.get("/").text
        assert "<script>alert" not in stories
        again = c.post("/api/documents", json=[RECORD])
        assert again.status_code == 200 and again.json()["unchanged"] == [doc_id]


def test_file_upload_is_ingested_under_a_label_not_a_path(writable_db):
    with writer(writable_db) as c:
        text = "Titel der Meldung\n\n" + RECORD["text"]
        response = c.post("/api/documents",
                          files={"file": ("../../etc/passwd.txt", text.encode(), "text/plain")})
        assert response.status_code == 201, response.text
        doc = c.get(f"/api/documents/{response.json()['added'][0]}").json()["document"]
        assert doc["source"] == "upload:passwd.txt"


def test_writes_need_the_token_when_one_is_set(writable_db):
    with writer(writable_db, token="s3cret") as c:
        assert c.post("/api/documents", json=RECORD).status_code == 401
        bad = c.post("/api/documents", json=RECORD, headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401
        good = c.post("/api/documents", json=RECORD, headers={"Authorization": "Bearer s3cret"})
        assert good.status_code == 201


def test_token_comes_from_the_environment(writable_db, monkeypatch):
    monkeypatch.setenv("LAGEBILD_TOKEN", "from-env")
    with writer(writable_db) as c:
        assert c.post("/api/documents", json=RECORD).status_code == 401


def test_without_a_token_writes_are_refused_beyond_localhost(writable_db, monkeypatch):
    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    with writer(writable_db, bind="0.0.0.0") as c:
        response = c.post("/api/documents", json=RECORD)
        assert response.status_code == 403 and "LAGEBILD_TOKEN" in response.json()["detail"]


def test_oversized_requests_get_a_clear_413(writable_db):
    with writer(writable_db, max_body=1000) as c:
        response = c.post("/api/documents", content=json.dumps({**RECORD, "text": "x" * 5000}),
                          headers={"content-type": "application/json"})
        assert response.status_code == 413 and "limit" in response.json()["detail"]


@pytest.mark.parametrize("body,field", [
    ("{not json", "body"),
    ('{"title": "ohne Text"}', "body.0"),
    ("[1, 2]", "body.0"),
    ("[]", "body"),
])
def test_malformed_posts_get_422_naming_the_field(writable_db, body, field):
    with writer(writable_db) as c:
        response = c.post("/api/documents", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["field"] == field


def test_other_media_types_get_415(writable_db):
    with writer(writable_db) as c:
        assert c.post("/api/documents", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
        assert c.post("/api/documents", files={"other": ("a.txt", b"x")}).status_code == 422


@pytest.mark.parametrize("url,field", [
    ("/api/stories?limit=abc", "limit"),
    ("/api/stories?limit=0", "limit"),
    ("/api/stories?offset=-1", "offset"),
    ("/api/stories?since=yesterday", "since"),
    ("/api/search", "q"),
    ("/api/search?q=", "q"),
    ("/api/entities?type=XYZ", "type"),
    ("/api/stories/abc/export?format=pdf", "format"),
    ("/api/stories/a%20b", "story_id"),
    ("/api/documents/" + "x" * 200, "document_id"),
    ("/api/quotes?story=%3Cscript%3E", "story"),
])
def test_bad_parameters_get_422_naming_the_field(client, url, field):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert field in {d["field"] for d in response.json()["detail"]}


@pytest.mark.parametrize("url", ["/api/stories/st000000000000", "/api/documents/d000",
                                 "/api/entities/e000", "/api/quotes?story=st000",
                                 "/api/stories/st000/export?format=csv"])
def test_unknown_ids_get_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/stories/nope", "/documents/nope", "/entities/nope",
                                 "/documents/x?hl=1-2-3", "/?since=gestern", "/../../etc/passwd",
                                 "/static/../pyproject.toml", "/search?q=%00", "/?lang=fr"])
def test_pages_never_fail_with_500(client, url):
    response = client.get(url)
    assert response.status_code in {200, 404, 422}
    assert "text/html" in response.headers["content-type"] or response.status_code == 404


def test_every_citation_on_the_story_page_opens_its_sentence_highlighted(client, talks_id):
    import html
    import re

    page = client.get(f"/stories/{talks_id}").text
    links = sorted({html.unescape(h) for h in re.findall(r'class="cite" href="([^"]+)"', page)})
    assert len(links) >= 10
    for link in links:
        path, _, _ = link.partition("#")
        document = client.get(path)
        assert document.status_code == 200, link
        marked = re.search(r'<mark[^>]*id="hl"[^>]*>(.*?)</mark>', document.text, re.S)
        assert marked and marked.group(1).strip(), link

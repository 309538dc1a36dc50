"""`lagebild watch` follows folders and RSS/Atom feeds (served here from 127.0.0.1) and feeds
what is new through the pipeline; a story page marks what arrived since the last visit."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.store import open_store
from lagebild.watch import Watcher, is_feed_url, watch

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def feed_server(tmp_path):
    """A static HTTP server on 127.0.0.1 over a folder the test writes feeds into."""
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):  # keep test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_only_http_feeds_are_fetched(tmp_path):
    assert is_feed_url("https://example.org/feed") and not is_feed_url("file:///etc/passwd")
    with open_store(tmp_path / "w.db") as store:
        with pytest.raises(ValueError):
            Watcher(store, []).fetch("file:///etc/passwd")


def test_a_feed_is_ingested_once_and_again_only_when_it_changes(tmp_path, feed_server):
    root, base = feed_server
    shutil.copy(EXAMPLES / "feed-elbe-kurier.rss", root / "feed.rss")
    with open_store(tmp_path / "w.db") as store:
        watcher = Watcher(store, [f"{base}/feed.rss"], timeout=5)
        first = watcher.poll()
        assert first.fetched and len(first.ingest.added) == 3 and not first.errors
        assert watcher.poll().ingest.added == []  # unchanged feed: nothing fetched again
        assert store.count("documents") == 3
        from lagebild import search

        hits, total = search.search(store, "Istanbul")
        assert total >= 1


def test_an_unreachable_feed_is_reported_not_fatal(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    with open_store(tmp_path / "w.db") as store:
        report = Watcher(store, ["http://127.0.0.1:9/nothing.rss", str(folder)], timeout=2).poll()
        assert report.errors and report.errors[0][0].startswith("http://127.0.0.1:9")


def test_a_folder_is_followed_and_new_files_update_the_story_page(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(EXAMPLES / "agency-report-talks-wednesday.txt", inbox)
    db = tmp_path / "w.db"
    rounds = []
    with open_store(db) as store:
        watch(store, [str(inbox)], interval=0, rounds=2, on_round=rounds.append, sleep=lambda s: None)
    assert len(rounds[0].ingest.added) == 1 and rounds[1].ingest.added == []

    with TestClient(create_app(str(db))) as client:
        story_id = client.get("/api/stories").json()["items"][0]["id"]
        assert client.get(f"/stories/{story_id}").status_code == 200  # sets the last-visit cookie
        shutil.copy(EXAMPLES / "rewrite-talks-date-disputed.html", inbox)
        with open_store(db) as store:
            watch(store, [str(inbox)], interval=0, rounds=1, sleep=lambda s: None)
        stories = client.get("/api/stories").json()["items"]
        grown = next(s for s in stories if s["documents"] == 2)
        page = client.get(f"/stories/{grown['id']}", params={"since": "2000-01-01"}).text
        assert 'class="new"' in page

"""A store built from examples/ once per test session, and apps over copies of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API needs the [server] extra: pip install -e '.[server]'")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = ("*.txt", "*.html", "*.jsonl", "*.rss", "*.atom", "*.warc.gz")
TALKS_LABEL_WORD = "Istanbul"  # the developing story of the example corpus


def build_example_store(path: Path) -> Path:
    from lagebild import search
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    files = sorted(p for pattern in EXAMPLE_FILES for p in EXAMPLES.glob(pattern))
    with open_store(path) as store:
        Pipeline(store).ingest(files)
        search.sync(store)
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a WAL database (the backup API, not a file copy)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    return build_example_store(tmp_path_factory.mktemp("examples") / "examples.db")


@pytest.fixture(scope="session")
def client(example_db):
    """A read-mostly client over the shared example store."""
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    with TestClient(create_app(str(example_db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable_db(example_db, tmp_path) -> Path:
    """A private copy of the example store for tests that write."""
    return copy_store(example_db, tmp_path / "copy.db")


@pytest.fixture(scope="session")
def talks_id(client) -> str:
    stories = client.get("/api/stories").json()["items"]
    return next(s["id"] for s in stories if TALKS_LABEL_WORD in s["label"])

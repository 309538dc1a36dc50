"""A live server (uvicorn in a thread on 127.0.0.1, free port) over the example corpus plus one
article whose headline carries a script tag, and a real Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web pages need the [server] extra: pip install -e '.[server]'")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need Playwright for Python: pip install -e '.[test]'")

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = ("*.txt", "*.html", "*.jsonl", "*.rss", "*.atom", "*.warc.gz")
SCRIPT_TITLE = "Eilmeldung <script>window.__pwned = 1</script> Verhandlungen"
SCRIPT_RECORD = {
    "id": "browser-script-headline", "url": "https://test.example/script-headline",
    "title": SCRIPT_TITLE, "outlet": "Testblatt", "language": "de",
    "published": "2025-07-26T09:00:00+02:00",
    "text": "ISTANBUL – Nach den Gesprächen in Istanbul bereiten beide Seiten einen weiteren "
            "Gefangenenaustausch vor. Ein Sprecher sagte, die Listen würden abgeglichen.",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> Path:
    from lagebild import ingest, search
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    path = tmp_path_factory.mktemp("browser") / "examples.db"
    files = sorted(p for pattern in EXAMPLE_FILES for p in EXAMPLES.glob(pattern))
    with open_store(path) as store:
        pipeline = Pipeline(store)
        pipeline.ingest(files)
        pipeline.ingest_items([ingest.read_record(SCRIPT_RECORD, "browser-test", 1)])
        search.sync(store)
    return path


@pytest.fixture(scope="session")
def server(browser_db):
    import uvicorn

    from lagebild.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(browser_db)), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium "
                    "(make test does this when run as root)")
    with playwright_api.sync_playwright() as pw:
        try:
            instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # a broken browser install is an environment problem, said clearly
            pytest.skip(f"Chromium at {CHROMIUM} could not be started by Playwright: {exc}")
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()

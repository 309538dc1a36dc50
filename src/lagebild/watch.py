"""Follow folders and RSS/Atom feeds and feed what is new through the pipeline.

Owns ``lagebild watch``: every ``interval`` seconds each folder is scanned for new or changed
files (by modification time and size) and each feed URL is fetched (http and https only, with
bounded timeouts and a size limit, conditional GET with ETag/Last-Modified); what is new goes
through :class:`lagebild.pipeline.Pipeline`, which skips items already stored with the same
content, and the search index is brought up to date. A failing source is reported and retried
on the next round; it never stops the others.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.pipeline import IngestReport, Pipeline

DEFAULT_INTERVAL = 60.0  # seconds between rounds; news feeds rarely change faster
FETCH_TIMEOUT = 15.0  # seconds for one feed request (connect and each read)
MAX_FEED_BYTES = 20 * 1024 * 1024  # a feed larger than this is refused, not truncated
USER_AGENT = "Lagebild/0.1 (+feed watcher)"


def is_feed_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass
class RoundReport:
    """What one polling round did."""

    ingest: IngestReport = field(default_factory=IngestReport)
    fetched: list[str] = field(default_factory=list)  # feeds fetched with new content
    files: list[str] = field(default_factory=list)  # files new or changed since the last round
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


class Watcher:
    """Remembers what it has seen in each source across rounds (in memory)."""

    def __init__(self, store, sources: Iterable[str], *, timeout: float = FETCH_TIMEOUT,
                 max_bytes: int = MAX_FEED_BYTES):
        self.store = store
        self.sources = list(sources)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._files: dict[str, tuple[float, int]] = {}
        self._validators: dict[str, tuple[str | None, str | None]] = {}  # url -> (etag, modified)
        self._digests: dict[str, int] = {}

    def changed_files(self, folder: str) -> list[str]:
        """Files under ``folder`` (or the file itself) that are new or changed since last seen."""
        root = Path(folder)
        paths = [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts))
        out = []
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                continue
            key = str(path)
            stamp = (st.st_mtime, st.st_size)
            if self._files.get(key) != stamp:
                self._files[key] = stamp
                out.append(key)
        return out

    def fetch(self, url: str) -> bytes | None:
        """The feed's bytes, or None when the server says it has not changed."""
        if not is_feed_url(url):
            raise ValueError(f"{url}: only http:// and https:// feeds can be watched")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        etag, modified = self._validators.get(url, (None, None))
        if etag:
            request.add_header("If-None-Match", etag)
        if modified:
            request.add_header("If-Modified-Since", modified)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = response.read(self.max_bytes + 1)
                headers = response.headers
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return None
            raise
        if len(data) > self.max_bytes:
            raise ValueError(f"{url}: feed larger than {self.max_bytes} bytes")
        self._validators[url] = (headers.get("ETag"), headers.get("Last-Modified"))
        digest = hash(data)
        if self._digests.get(url) == digest:
            return None
        self._digests[url] = digest
        return data

    def poll(self) -> RoundReport:
        """One round over every source."""
        from lagebild import ingest, search

        report = RoundReport()
        items: list = []
        for source in self.sources:
            try:
                if is_feed_url(source):
                    data = self.fetch(source)
                    if data is not None:
                        report.fetched.append(source)
                        items.extend(ingest.read_bytes(data, source))
                elif os.path.exists(source):
                    files = self.changed_files(source)
                    report.files.extend(files)
                    items.extend(ingest.read(files))
                else:
                    report.errors.append((source, "no such file or folder"))
            except (OSError, ValueError, urllib.error.URLError) as exc:
                report.errors.append((source, str(exc)))
        if items:
            report.ingest = Pipeline(self.store).ingest_items(items)
        search.sync(self.store)
        return report


def watch(store, sources: Iterable[str], *, interval: float = DEFAULT_INTERVAL,
          rounds: int | None = None, on_round: Callable[[RoundReport], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll ``sources`` every ``interval`` seconds (forever, or ``rounds`` times)."""
    watcher = Watcher(store, sources)
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        report = watcher.poll()
        if on_round:
            on_round(report)
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, interval - (time.monotonic() - started)))

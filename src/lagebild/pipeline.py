"""Wiring: the only module that knows the order of the stages.

The **per-document pass** :func:`analyse` is a pure function ``RawDocument -> Analysis``:
clean, language layer, time expressions, quotes and claims. It holds no shared state, so it runs
in a process pool (``workers > 1``) and, unchanged, as a Ray ``map_batches`` on a cluster.

:class:`Pipeline` is the I/O edge around it: read sources, skip inputs already stored with the same
content, analyse, store each document in its own transaction, record rejections, then run the
**corpus pass** (entity resolution, lineage, stories, the picture) over what changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from lagebild.errors import InputError
from lagebild.model import Analysis, RawDocument, Rejection

ProgressCallback = Callable[[str, int], None]  # (event, amount): "read", "stored", "rejected"


def raw_hash(raw: RawDocument) -> str:
    """Identity of an input's content: re-ingesting the same bytes changes nothing."""
    h = hashlib.sha1()
    for part in (raw.text, raw.html or "", raw.title or "", raw.published or "", raw.updated or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def analyse(raw: RawDocument) -> Analysis:
    """The per-document pass. Pure: the same input gives the same analysis, in any process."""
    from lagebild.clean import clean
    from lagebild.extract.events import extract_events
    from lagebild.extract.quotes import extract_quotes
    from lagebild.extract.times import extract_times
    from lagebild.language import parse

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    document, segments = clean(raw)
    t1 = time.perf_counter()
    timings["clean"] = t1 - t0
    parsed = parse(document, segments)
    t2 = time.perf_counter()
    timings["language"] = t2 - t1
    times = extract_times(document, parsed, segments)
    t3 = time.perf_counter()
    timings["times"] = t3 - t2
    quotes, claims = extract_quotes(document, parsed, segments)
    t4 = time.perf_counter()
    timings["quotes"] = t4 - t3
    events = extract_events(document, parsed, segments, times, quotes, claims)
    timings["events"] = time.perf_counter() - t4
    return Analysis(
        document=document,
        segments=tuple(segments),
        sentences=parsed.sentences,
        mentions=parsed.mentions,
        times=tuple(times),
        quotes=tuple(quotes),
        claims=tuple(claims),
        timings=timings,
        events=tuple(events),
    )


def _analyse_or_reject(raw: RawDocument) -> Analysis | Rejection:
    try:
        return analyse(raw)
    except InputError as exc:
        return Rejection(raw.source, str(exc))


def _warm_worker() -> None:
    """Load models once per worker process, before the first document arrives.

    Analysing one tiny document loads every lazily loaded model and table (tokeniser, NER,
    lemmas, time lexicon) in this process, so the first real document is not slowed down.
    """
    try:
        analyse(RawDocument(source="<warm-up>", identity="<warm-up>",
                            text="Berlin, 3. März 2025. Die Ministerin sagte am Mittwoch, "
                                 "die Gespräche würden fortgesetzt.",
                            published="2025-03-03"))
    except Exception:  # a broken model surfaces on the first real document, with its message
        pass


@dataclass
class IngestReport:
    """What one ingest did: counts, the documents touched, every rejected input with its reason."""

    added: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> list[str]:
        return self.added + self.revised

    @property
    def ok(self) -> bool:
        return not self.rejected


ENGINES = ("local", "ray")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class Pipeline:
    """Ingest sources into a store and keep the corpus picture up to date."""

    def __init__(self, store, *, workers: int = 1, max_bytes: int | None = None,
                 progress: ProgressCallback | None = None, corpus_pass: bool = True,
                 engine: str = "local", ray_address: str | None = None):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
        self.store = store
        self.workers = max(1, workers)
        self.engine = engine  # "local": this machine (process pool); "ray": a Ray cluster
        self.ray_address = ray_address  # None: start a local Ray instance
        self.max_bytes = max_bytes
        self.progress = progress or (lambda event, amount: None)
        self.corpus_pass = corpus_pass

    def ingest(self, paths: Iterable[str | os.PathLike]) -> IngestReport:
        from lagebild import ingest

        if self.engine == "ray":  # remote paths (s3://...) are read on the cluster
            from lagebild.scale.ray_runner import read_inputs

            return self.ingest_items(read_inputs(paths, max_bytes=self.max_bytes,
                                                 address=self.ray_address))
        return self.ingest_items(ingest.read(paths, max_bytes=self.max_bytes))

    def ingest_items(self, items: Iterable[RawDocument | Rejection]) -> IngestReport:
        """Analyse and store raw documents; record rejections; then run the corpus pass."""
        report = IngestReport()
        started = time.perf_counter()
        pending = self._new_inputs(items, report)
        for raw, digest, result in self._analysed(pending):
            if isinstance(result, Rejection):
                self._reject(result, report)
                continue
            outcome = self.store.put_analysis(result, digest)
            self.store.clear_rejection(raw.source)
            getattr(report, outcome).append(result.document.id)
            for stage, seconds in result.timings.items():
                report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + seconds
            self.progress("stored", 1)
        if self.corpus_pass:
            # Everything stored since the last completed corpus pass, not only this run's
            # documents: a run killed after storing but before its corpus pass is finished here.
            backlog, upto = self.store.corpus_backlog()
            if backlog:
                t0 = time.perf_counter()
                from lagebild import corpus

                corpus.update(self.store, backlog)
                self.store.mark_corpus_done(upto)
                report.stage_seconds["corpus"] = time.perf_counter() - t0
        report.seconds = time.perf_counter() - started
        return report

    def _reject(self, rejection: Rejection, report: IngestReport) -> None:
        self.store.add_rejection(rejection)
        report.rejected.append(rejection)
        self.progress("rejected", 1)

    def _new_inputs(self, items: Iterable[RawDocument | Rejection],
                    report: IngestReport) -> Iterator[tuple[RawDocument, str]]:
        """Inputs whose content is not stored yet; unchanged ones are counted and skipped."""
        from lagebild.model import Document

        for item in items:
            self.progress("read", 1)
            if isinstance(item, Rejection):
                self._reject(item, report)
                continue
            digest = raw_hash(item)
            if self.store.stored_hash(item.identity) == digest:
                report.unchanged.append(Document.make_id(item.identity))
                self.store.clear_rejection(item.source)
                self.progress("stored", 1)
                continue
            yield item, digest

    def _analysed(self, pending: Iterator[tuple[RawDocument, str]]
                  ) -> Iterator[tuple[RawDocument, str, Analysis | Rejection]]:
        if self.engine == "ray":
            from lagebild.scale.ray_runner import analyse_on_ray

            inputs: list[tuple[RawDocument, str]] = []

            def raws() -> Iterator[RawDocument]:
                for raw, digest in pending:
                    inputs.append((raw, digest))
                    yield raw

            # Results arrive in input order; inputs[] is filled before each result is due.
            for i, result in enumerate(analyse_on_ray(raws(), address=self.ray_address)):
                raw, digest = inputs[i]
                inputs[i] = None  # type: ignore[call-overload]  # free the input once stored
                yield raw, digest, result
            return
        if self.workers == 1:
            for raw, digest in pending:
                yield raw, digest, _analyse_or_reject(raw)
            return
        # Results come back in input order, so the store sees the same sequence as a
        # single-process run and the picture is identical.
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_warm_worker) as pool:
            window: list[tuple[RawDocument, str, object]] = []
            for raw, digest in pending:
                window.append((raw, digest, pool.submit(_analyse_or_reject, raw)))
                if len(window) >= self.workers * 8:
                    r, d, fut = window.pop(0)
                    yield r, d, fut.result()  # type: ignore[attr-defined]
            for r, d, fut in window:
                yield r, d, fut.result()  # type: ignore[attr-defined]


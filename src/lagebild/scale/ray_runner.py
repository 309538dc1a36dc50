"""The per-document pass on a Ray cluster: Ray Data ``map_batches`` over the inputs, with actors.

:func:`analyse_on_ray` runs :func:`lagebild.pipeline.analyse` in a pool of actors (one per CPU of
the cluster unless told otherwise); each actor loads the models once, when it starts, and then
analyses batch after batch. Results come back **in input order** (Ray Data's ``preserve_order``),
so the store and the corpus pass see the same sequence as a single-process run and the picture is
identical. The corpus pass stays on the driver, next to the store: it is incremental and cheap per
document, the per-document pass is what needs the cores.

:func:`read_inputs` reads local files on the driver, and paths Ray can read that the driver cannot
(``s3://``, ``gs://``, ``abfs://``, ``hdfs://``..., through pyarrow's file systems) on the cluster
with ``read_binary_files``; either way they go through :func:`lagebild.ingest.read_bytes`, so
formats, limits and rejections are the same as a local ingest.

Without an address a local Ray instance is started (``LOCAL_NUM_CPUS`` CPUs) and stopped again;
``address="auto"`` joins the cluster this machine belongs to (``ray start``), and
``ray://head:10001`` connects a remote driver through Ray Client.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from lagebild.errors import MissingExtra
from lagebild.model import Analysis, RawDocument, Rejection

LOCAL_NUM_CPUS = 2  # a local instance on this project's reference machine (2 cores)
# Documents per map_batches call: large enough that Ray's per-task overhead (~1 ms) is small
# against ~40 ms of analysis per document, small enough to keep every actor busy on short inputs.
BATCH_SIZE = 16
# Inputs handed to Ray at a time: bounds the driver's memory on backfills of millions of inputs.
CHUNK_INPUTS = 20_000
_URI_SCHEMES = ("s3://", "gs://", "gcs://", "abfs://", "abfss://", "az://", "hdfs://", "http://",
                "https://", "file://")


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise MissingExtra("the Ray engine (--engine ray)", "scale") from exc
    return ray


@contextmanager
def ray_session(address: str | None = None, *, num_cpus: int = LOCAL_NUM_CPUS) -> Iterator[object]:
    """Ray, connected to ``address`` or to a local instance started (and stopped) here."""
    ray = _ray()
    started = False
    if not ray.is_initialized():
        kwargs: dict = {"logging_level": logging.WARNING, "log_to_driver": False,
                        "include_dashboard": False}
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=num_cpus, **kwargs)
        started = True
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results in input order: same picture
    context.enable_progress_bars = False
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


class DocumentAnalyser:
    """The Ray actor's callable: holds the loaded models, analyses one batch of pickled inputs."""

    def __init__(self) -> None:
        from lagebild.pipeline import _warm_worker

        _warm_worker()

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        from lagebild.pipeline import _analyse_or_reject

        results = [pickle.dumps(_analyse_or_reject(pickle.loads(raw)), protocol=pickle.HIGHEST_PROTOCOL)
                   for raw in batch["raw"]]
        return {"i": batch["i"], "result": np.array(results, dtype=object)}


def analyse_on_ray(raws: Iterable[RawDocument], *, address: str | None = None,
                   actors: int | None = None, batch_size: int = BATCH_SIZE
                   ) -> Iterator[Analysis | Rejection]:
    """The per-document pass of ``raws`` on Ray, one result per input, in input order."""
    with ray_session(address) as ray:
        if actors is None:
            actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
        chunk: list[RawDocument] = []
        for raw in raws:
            chunk.append(raw)
            if len(chunk) >= CHUNK_INPUTS:
                yield from _analyse_chunk(ray, chunk, actors, batch_size)
                chunk = []
        if chunk:
            yield from _analyse_chunk(ray, chunk, actors, batch_size)


def _analyse_chunk(ray, chunk: list[RawDocument], actors: int, batch_size: int
                   ) -> Iterator[Analysis | Rejection]:
    rows = [{"i": i, "raw": pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL)}
            for i, raw in enumerate(chunk)]
    # enough blocks that every actor gets work from the start
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), actors * 4)))
    analysed = dataset.map_batches(
        DocumentAnalyser, batch_size=min(batch_size, max(1, len(rows) // actors)),
        batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=min(actors, len(rows))),
        num_cpus=1)
    expected = 0
    for row in analysed.iter_rows():
        if int(row["i"]) != expected:  # preserve_order is the contract; fail loudly if broken
            raise RuntimeError(f"Ray returned input {row['i']} where {expected} was due")
        expected += 1
        yield pickle.loads(row["result"])


# --------------------------------------------------------------------------- reading


def is_remote(path: str | os.PathLike) -> bool:
    return str(path).startswith(_URI_SCHEMES)


def read_inputs(paths: Iterable[str | os.PathLike], *, max_bytes: int | None = None,
                address: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Every document in ``paths``: local files read here, remote URIs read on the cluster."""
    from lagebild import ingest

    paths = list(paths)
    local = [p for p in paths if not is_remote(p)]
    remote = [str(p) for p in paths if is_remote(p)]
    if local:
        yield from ingest.read(local, max_bytes=max_bytes)
    if remote:
        yield from _read_remote(remote, max_bytes=max_bytes, address=address)


def _read_remote(uris: list[str], *, max_bytes: int | None, address: str | None
                 ) -> Iterator[RawDocument | Rejection]:
    def parse(row: dict) -> list[dict]:
        from lagebild import ingest

        source = row["path"]
        return [{"item": pickle.dumps(item)} for item in
                ingest.read_bytes(row["bytes"], source, max_bytes=max_bytes)]

    with ray_session(address) as ray:
        files = ray.data.read_binary_files(uris, include_paths=True)
        for row in files.flat_map(parse).iter_rows():
            yield pickle.loads(row["item"])

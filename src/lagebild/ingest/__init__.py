"""Ingest: files, folders, uploads and records to :class:`~lagebild.model.RawDocument`.

Formats are sniffed from content (the file name only breaks ties): plain text, HTML, RSS/Atom,
WARC (plain or gzipped), JSON Lines (plain or gzipped), and gzip around any of them. Whatever
cannot be read becomes a :class:`~lagebild.model.Rejection` with a reason a user can act on, and
the iteration goes on: :func:`read` and :func:`read_bytes` never raise for bad input.

The size limit (:data:`DEFAULT_MAX_BYTES`, 20 MB) is set by the ``max_bytes`` argument, else by
the environment variable ``LAGEBILD_MAX_BYTES`` (bytes, or ``50M``-style); WARC and JSON Lines
are streamed and the limit applies to each of their records.

Modules: ``reader`` (paths, folders, dispatch), ``sniff``, ``encoding``, ``text``, ``html``,
``feeds``, ``warc``, ``jsonl``, ``limits``, and ``detok`` (token lists to text with offsets).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lagebild.ingest.jsonl import read_record as _read_record
from lagebild.ingest.limits import DEFAULT_MAX_BYTES
from lagebild.ingest.reader import read_data, read_paths
from lagebild.model import RawDocument, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "read", "read_bytes", "read_record"]


def read(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """Every document in ``paths`` (files; folders walked recursively in sorted order, hidden
    entries skipped), and a Rejection for every input that cannot be read. Never raises."""
    return read_paths(paths, max_bytes=max_bytes)


def read_bytes(
    data: bytes, source: str, *, identity: str | None = None, max_bytes: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """The documents of one in-memory input (an HTTP upload) named ``source``. Never raises.

    ``identity`` is what makes a single-document input "the same document" (default: ``source``);
    containers derive their items' identities from it.
    """
    return read_data(data, source, identity=identity, max_bytes=max_bytes)


def read_record(record: Mapping[str, Any], source: str, line: int | None = None) -> RawDocument:
    """One JSON Lines-style article dict as a RawDocument.

    Raises :class:`~lagebild.errors.InputError` (with ``line`` in the message) if it is unusable.
    """
    return _read_record(record, source, line)

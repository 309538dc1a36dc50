"""Paths and byte strings to documents: walking folders, opening files, choosing the format reader.

This is the I/O edge of the ingest stage and the only module that opens files. Every failure
becomes a :class:`Rejection` with an actionable reason and the iteration goes on: nothing a
user passes in can end a batch.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from lagebild.errors import (
    EmptyInput,
    InputError,
    MalformedInput,
    TooLargeInput,
    UnreadableInput,
    UnsupportedInput,
)
from lagebild.ingest import encoding, sniff
from lagebild.ingest.feeds import parse_feed
from lagebild.ingest.html import declared_charset, parse_html
from lagebild.ingest.jsonl import looks_like_single_json, parse_json_document, parse_lines
from lagebild.ingest.limits import ENV_VAR, human_size, resolve_max_bytes, too_large
from lagebild.ingest.text import parse_text
from lagebild.ingest.warc import parse_warc
from lagebild.model import RawDocument, Rejection

LOG = logging.getLogger(__name__)

Item = RawDocument | Rejection


def read_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """Documents and rejections of every file under ``paths``, in a deterministic order."""
    limit = resolve_max_bytes(max_bytes)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        try:
            given = os.fspath(path)
        except TypeError:
            yield Rejection(
                repr(path), f"not a path: {type(path).__name__}; pass file or folder paths"
            )
            continue
        yield from _read_path(given, limit, visited=set())


def read_data(
    data: bytes, source: str, *, identity: str | None = None, max_bytes: int | None = None
) -> Iterator[Item]:
    """Documents and rejections of an in-memory input (an upload) named ``source``."""
    limit = resolve_max_bytes(max_bytes)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        yield Rejection(source, f"expected bytes, got {type(data).__name__}")
        return
    data = bytes(data)
    stream = io.BytesIO(data)
    yield from _guarded(
        source,
        lambda: _read_stream(
            stream, len(data), source, identity or source, source, limit, "the input"
        ),
    )


# --------------------------------------------------------------------------- files and folders


def _read_path(given: str, limit: int, visited: set[tuple[int, int]]) -> Iterator[Item]:
    try:
        info = os.stat(given)
    except FileNotFoundError:
        yield Rejection(given, "no such file or directory; check the path")
        return
    except PermissionError:
        yield Rejection(
            given,
            "permission denied: cannot see the path; check the permissions of the folders above it",
        )
        return
    except OSError as err:
        yield Rejection(given, f"cannot access the path: {err.strerror or err}")
        return

    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return  # a symbolic link back into a folder already being read
        visited.add(key)
        try:
            entries = sorted(os.scandir(given), key=lambda entry: entry.name)
        except PermissionError:
            yield Rejection(
                given,
                "permission denied: cannot list the folder; make it readable "
                "(chmod +rx) or leave it out",
            )
            return
        except OSError as err:
            yield Rejection(given, f"cannot list the folder: {err.strerror or err}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders: editor backups, .git, .DS_Store
            if _is_folder_documentation(entry.name):
                continue
            yield from _read_path(os.path.join(given, entry.name), limit, visited)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejection(
            given, "not a regular file (a device, pipe or socket); pass files or folders"
        )
        return
    yield from _guarded(given, lambda: _read_file(given, limit))


# A folder's own documentation is not news: README.md beside a corpus describes it. Named
# explicitly on the command line, such a file is still ingested like any other.
_FOLDER_DOCS = ("readme", "license", "licence", "changelog")


def _is_folder_documentation(name: str) -> bool:
    return name.casefold().split(".", 1)[0] in _FOLDER_DOCS


def _read_file(given: str, limit: int) -> Iterator[Item]:
    try:
        handle = open(given, "rb")
    except PermissionError:
        raise UnreadableInput(
            "permission denied: the file is not readable; make it readable (chmod +r) or run "
            "as a user who can read it"
        ) from None
    except OSError as err:
        raise UnreadableInput(f"cannot open the file: {err.strerror or err}") from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        identity = str(Path(given).resolve())
        yield from _read_stream(handle, size, given, identity, given, limit, "the file")


def _guarded(source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Items of ``produce()``, with any error turned into a final Rejection for ``source``."""
    try:
        yield from produce()
    except InputError as err:
        yield Rejection(source, str(err))
    except OSError as err:
        yield Rejection(source, f"cannot read: {err.strerror or err}; check the file and the disk")
    except RecursionError:
        yield Rejection(source, "the input is nested too deeply to parse")
    except Exception as err:  # noqa: BLE001 - a parser's bug must not end the batch
        LOG.exception("unexpected error while reading %s", source)
        yield Rejection(
            source,
            f"unexpected error while reading ({type(err).__name__}: {err}); "
            "this is a bug in Lagebild or a library it uses, please report it with the file",
        )


# --------------------------------------------------------------------------- formats


def _read_stream(
    stream: BinaryIO, size: int, source: str, identity: str, name: str, limit: int, noun: str
) -> Iterator[Item]:
    if size == 0:
        raise EmptyInput(f"{noun} is empty")
    head = stream.read(sniff.SNIFF_BYTES)
    stream.seek(0)
    kind = sniff.sniff(head, name)

    if kind == "gzip":
        inner_head, first_member_ends = _gunzip_head(head)
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
        inner = sniff.sniff(inner_head, inner_name)
        if inner == "gzip":
            raise UnsupportedInput("gzip inside gzip; decompress the file once before reading it")
        if inner == "warc":
            whole = not first_member_ends or inner_head.count(b"\nWARC/1.") > 0
            yield from parse_warc(stream, size, source, max_bytes=limit, gzipped_whole=whole)
            return
        if inner == "jsonl" and not looks_like_single_json(inner_head):
            yield from _gzip_lines(stream, source, identity, limit)
            return
        data = _gunzip_all(stream, limit, noun)
        yield from _single(data, inner, source, identity, inner_head)
        return

    if kind == "warc":
        yield from parse_warc(stream, size, source, max_bytes=limit)
        return
    if kind == "jsonl" and not looks_like_single_json(head):
        yield from parse_lines(stream, source, identity, max_bytes=limit)
        return
    if size > limit:
        raise TooLargeInput(too_large(noun, size, limit))
    data = stream.read()
    yield from _single(data, kind, source, identity, head)


def _single(data: bytes, kind: str, source: str, identity: str, head: bytes) -> Iterator[Item]:
    """An input that is read whole: one article (text, HTML) or a small container (feed, JSON)."""
    if not data.strip():
        raise EmptyInput("the file contains only whitespace")
    if kind == "feed":
        yield from parse_feed(data, source, identity)
        return
    if kind == "jsonl":
        yield from parse_json_document(data, source, identity)
        return
    html = kind == "html"
    decoded = encoding.decode(data, declared_charset(head) if html else None, normalize=not html)
    if not decoded.text.strip():
        raise EmptyInput("the file contains only whitespace")
    metadata = _encoding_notes(decoded)
    if html:
        yield parse_html(decoded.text, source, default_identity=identity, metadata=metadata)
    else:
        yield parse_text(decoded.text, source, identity, metadata=metadata)


def _encoding_notes(decoded: encoding.Decoded) -> dict[str, object]:
    """What the document's metadata says about a decoding that was not plain UTF-8."""
    notes: dict[str, object] = {}
    if decoded.encoding not in ("utf-8", "ascii"):
        notes["encoding"] = decoded.encoding
    if decoded.replaced:
        notes["encoding_replaced"] = decoded.replaced
    if decoded.repaired:
        notes["mojibake_repaired"] = True
    return notes


# --------------------------------------------------------------------------- gzip


def _gunzip_head(head: bytes) -> tuple[bytes, bool]:
    """The decompressed start of a gzip input, and whether its first member ended in ``head``."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        inner = decompressor.decompress(head, sniff.SNIFF_BYTES)
    except zlib.error as err:
        raise MalformedInput(
            f"the gzip data is corrupt ({err}); re-download or re-compress the file"
        ) from None
    return inner, decompressor.eof


def _gunzip_all(stream: BinaryIO, limit: int, noun: str) -> bytes:
    """The whole decompressed input, refusing more than ``limit`` bytes (gzip bombs included)."""
    import gzip

    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=stream) as archive:
            while chunk := archive.read(1024 * 1024):
                out += chunk
                if len(out) > limit:
                    raise TooLargeInput(
                        f"{noun} decompresses to more than the {human_size(limit)} limit "
                        f"(set {ENV_VAR} to raise it)"
                    )
    except EOFError:
        raise MalformedInput(
            f"the gzip data is truncated after {len(out)} decompressed bytes (it ends before "
            "the end-of-stream marker); re-download or re-compress the file"
        ) from None
    except (OSError, zlib.error) as err:
        raise MalformedInput(
            f"the gzip data is corrupt ({err}); re-download or re-compress the file"
        ) from None
    return bytes(out)


def _gzip_lines(stream: BinaryIO, source: str, identity: str, limit: int) -> Iterator[Item]:
    import gzip

    archive = gzip.GzipFile(fileobj=stream)
    try:
        yield from parse_lines(archive, source, identity, max_bytes=limit)  # type: ignore[arg-type]
    except EOFError:
        yield Rejection(
            source,
            "the gzip data is truncated (it ends before the end-of-stream "
            "marker); the records before the cut were read; re-download or "
            "re-compress the file",
        )
    except (OSError, zlib.error) as err:
        yield Rejection(
            source,
            f"the gzip data is corrupt ({err}); the records before it were "
            "read; re-download or re-compress the file",
        )

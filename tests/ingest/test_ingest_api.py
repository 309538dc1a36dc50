"""The public surface of lagebild.ingest is exactly what the pipeline and the API call."""

from __future__ import annotations

import lagebild.ingest as ingest
from lagebild.errors import InputError
from lagebild.model import RawDocument, Rejection


def test_exports_exactly_the_public_api():
    assert sorted(ingest.__all__) == ["DEFAULT_MAX_BYTES", "read", "read_bytes", "read_record"]
    assert ingest.DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_read_accepts_any_iterable_of_paths_and_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text("Ein kurzer Text über das Wetter.", encoding="utf-8")
    items = ingest.read(iter([tmp_path / "a.txt", str(tmp_path / "fehlt.txt")]))
    assert not isinstance(items, list)
    first, second = list(items)
    assert isinstance(first, RawDocument) and isinstance(second, Rejection)


def test_read_bytes_uses_source_as_identity_unless_given():
    [doc] = ingest.read_bytes("Ein kurzer Text.".encode(), "upload.txt")
    assert (doc.source, doc.identity) == ("upload.txt", "upload.txt")
    [doc] = ingest.read_bytes("Ein kurzer Text.".encode(), "upload.txt", identity="sha1:abc")
    assert doc.identity == "sha1:abc"


def test_read_record_raises_input_error_for_a_record_without_text():
    try:
        ingest.read_record({"id": "7", "title": "Nur ein Titel"}, "korpus.jsonl", 3)
    except InputError as err:
        assert "line 3" in str(err) and "text" in str(err)
    else:  # pragma: no cover
        raise AssertionError("expected InputError")

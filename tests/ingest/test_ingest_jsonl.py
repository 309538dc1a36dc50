"""JSON Lines corpora: one record per line, broken lines reported by number, the rest read."""

from __future__ import annotations

import gzip
import json

from ingest_samples import article_html

from lagebild.ingest import read, read_bytes, read_record
from lagebild.model import RawDocument, Rejection


def jsonl(*records) -> bytes:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    ).encode()


def test_record_fields_map_to_the_document_and_unknown_fields_are_kept(tmp_path):
    path = tmp_path / "korpus.jsonl"
    path.write_bytes(
        jsonl(
            {
                "id": "a1",
                "url": "https://beispielblatt.example/a1",
                "title": "Hafen wird ausgebaut",
                "text": "Der Hafen soll bis 2030 ausgebaut werden.\r\nDas kostet viel Geld.",
                "published": "2025-02-01",
                "outlet": "Beispielblatt",
                "language": "de",
                "rubrik": "Wirtschaft",
                "woerter": 14,
            }
        )
    )
    [doc] = list(read([path]))
    assert doc.format == "jsonl"
    assert doc.source == f"{path}#a1"
    assert doc.identity == doc.url == "https://beispielblatt.example/a1"
    assert doc.title == "Hafen wird ausgebaut"
    assert doc.text == "Der Hafen soll bis 2030 ausgebaut werden.\nDas kostet viel Geld."
    assert (doc.published, doc.outlet, doc.language) == ("2025-02-01", "Beispielblatt", "de")
    assert doc.metadata == {"rubrik": "Wirtschaft", "woerter": 14}


def test_identity_is_url_else_path_and_id_else_path_and_line(tmp_path):
    path = tmp_path / "korpus.jsonl"
    path.write_bytes(jsonl({"id": 7, "text": "Erster Text."}, {"text": "Zweiter Text."}))
    first, second = list(read([path]))
    base = str(path.resolve())
    assert (first.identity, first.source) == (f"{base}#7", f"{path}#7")
    assert (second.identity, second.source) == (f"{base}#line2", f"{path}#line2")


def test_record_with_html_goes_through_the_html_path_and_its_own_fields_win():
    data = jsonl({"id": "h1", "html": article_html(), "title": "Eigener Titel"})
    [doc] = read_bytes(data, "seiten.jsonl")
    assert doc.title == "Eigener Titel"
    assert doc.published == "2025-06-07T10:00:00+02:00"  # from the page
    assert "Fußgängerbrücke" in doc.text and "<p>" not in doc.text
    assert doc.html is not None


def test_broken_lines_are_rejected_with_their_numbers_and_good_lines_are_read(tmp_path):
    path = tmp_path / "gemischt.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "1", "text": "Gute Zeile eins."},
            '{"id": "2", "text": "abgeschnitten',
            "",
            '["keine", "Zeitung"]',
            {"id": "5", "title": "Ohne Text"},
            {"id": "6", "text": 42},
            {"id": "7", "text": "Gute Zeile sieben."},
        )
    )
    items = list(read([path]))
    assert [item.text for item in items if isinstance(item, RawDocument)] == [
        "Gute Zeile eins.",
        "Gute Zeile sieben.",
    ]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [r.line for r in rejections] == [2, 4, 5, 6]
    assert all(r.source == str(path) for r in rejections)
    assert "not valid JSON" in rejections[0].reason and "line 2" in rejections[0].reason
    assert "must be a JSON object" in rejections[1].reason
    assert "no text" in rejections[2].reason
    assert "'text' must be a string" in rejections[3].reason


def test_gzipped_json_lines(tmp_path):
    path = tmp_path / "korpus.jsonl.gz"
    path.write_bytes(
        gzip.compress(jsonl({"id": "1", "text": "Erster."}, {"id": "2", "text": "Zweiter."}))
    )
    assert [doc.text for doc in read([path])] == ["Erster.", "Zweiter."]


def test_a_json_array_of_articles(tmp_path):
    path = tmp_path / "korpus.json"
    path.write_text(
        json.dumps([{"id": "1", "text": "Erster."}, {"id": "2", "text": "Zweiter."}], indent=2),
        encoding="utf-8",
    )
    assert [doc.source for doc in read([path])] == [f"{path}#1", f"{path}#2"]


def test_epoch_timestamps_become_iso_dates():
    doc = read_record({"text": "Etwas.", "published": 1735689600}, "api")
    assert doc.published == "2025-01-01T00:00:00Z"


def test_a_line_over_the_size_limit_is_rejected_and_the_next_line_read():
    data = jsonl({"id": "1", "text": "x" * 5000}, {"id": "2", "text": "Kurz."})
    items = list(read_bytes(data, "k.jsonl", max_bytes=1000))
    assert isinstance(items[0], Rejection) and items[0].line == 1
    assert "over the 1000 bytes limit" in items[0].reason
    assert items[1].text == "Kurz."


def test_a_legacy_encoded_line_is_decoded():
    line = '{"id": "1", "text": "Die Gebühren für Straßen steigen – sagt „die Stadt“."}\n'
    [doc] = read_bytes(line.encode("cp1252"), "k.jsonl")
    assert doc.text == "Die Gebühren für Straßen steigen – sagt „die Stadt“."


def test_a_corpus_larger_than_the_limit_is_streamed_and_the_limit_applies_per_line():
    data = jsonl(*({"id": str(i), "text": f"Meldung Nummer {i}."} for i in range(500)))
    assert len(data) > 10_000
    items = list(read_bytes(data, "gross.jsonl", max_bytes=10_000))
    assert len(items) == 500 and all(isinstance(item, RawDocument) for item in items)


def test_truncated_gzipped_json_lines_keep_the_records_before_the_cut():
    data = gzip.compress(jsonl(*({"id": str(i), "text": f"Meldung {i}."} for i in range(2000))))
    items = list(read_bytes(data[: len(data) // 2], "k.jsonl.gz"))
    assert len(items) > 100
    assert all(isinstance(item, RawDocument) for item in items[:-1])
    assert isinstance(items[-1], Rejection) and "truncated" in items[-1].reason

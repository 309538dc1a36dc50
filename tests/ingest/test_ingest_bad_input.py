"""Bad input is data, not a crash: each bad input is one Rejection with a reason to act on,
and everything good around it is still read."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from ingest_samples import ARTICLE, FIXTURES, article_html, make_warc

from lagebild.ingest import read, read_bytes
from lagebild.model import RawDocument, Rejection


def only(items) -> Rejection:
    [item] = list(items)
    assert isinstance(item, Rejection), item
    return item


def test_empty_file(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    rejection = only(read([path]))
    assert rejection.source == str(path)
    assert rejection.reason == "the file is empty"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_bytes(b"  \n\t\r\n  ")
    assert "only whitespace" in only(read([path])).reason


def test_binary_file(tmp_path):
    path = tmp_path / "bild.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary content" in only(read([path])).reason


def test_known_binary_format_is_named(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(100))
    assert "PDF" in only(read([path])).reason


def test_invalid_utf8_that_is_no_legacy_text_either_is_rejected():
    data = "Ein Satz. ".encode() + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x9F, 0x85]) * 10
    rejection = only(read_bytes(data, "kaputt.txt"))
    assert "not valid UTF-8" in rejection.reason and "UTF-8" in rejection.reason


def test_invalid_utf8_from_a_legacy_encoding_is_decoded(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    [doc] = list(read([path]))
    assert doc.text.startswith("Neue Brücke über den Fluss eröffnet")
    assert "„Tag der Freude“" in doc.text
    assert doc.metadata["encoding"] == "cp1252"


def test_html_with_no_article_text(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><nav><a href='/'>Start</a> <a href='/sport'>Sport</a></nav>"
        "<footer>Impressum</footer></body></html>",
        encoding="utf-8",
    )
    assert "no article text" in only(read([path])).reason


def test_truncated_gzip(tmp_path):
    data = gzip.compress((ARTICLE * 50).encode())
    path = tmp_path / "artikel.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    rejection = only(read([path]))
    assert "gzip" in rejection.reason and "truncated" in rejection.reason


def test_gzipped_text_is_read(tmp_path):
    path = tmp_path / "artikel.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    [doc] = list(read([path]))
    assert doc.title == "Neue Brücke über den Fluss eröffnet"


def test_truncated_warc(tmp_path):
    data = make_warc(
        [("https://beispielblatt.example/a.html", article_html().encode(), "text/html")]
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-300])
    assert "truncated" in only(read([path])).reason


def test_file_over_the_size_limit_is_refused_with_a_message_naming_the_limit(tmp_path):
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:  # 50 MB of text, written in a few large blocks
        block = b"Ein Wort nach dem anderen. " * 40_000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
        handle.truncate(50 * 1024 * 1024)
    rejection = only(read([path]))
    assert rejection.reason.startswith("the file is 50 MB, over the 20 MB limit")
    assert "LAGEBILD_MAX_BYTES" in rejection.reason


def test_size_limit_from_environment_and_argument(tmp_path, monkeypatch):
    path = tmp_path / "mittel.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    monkeypatch.setenv("LAGEBILD_MAX_BYTES", "1K")
    assert "over the 1 KB limit" in only(read([path])).reason
    assert isinstance(next(iter(read([path], max_bytes=10_000))), RawDocument)
    monkeypatch.setenv("LAGEBILD_MAX_BYTES", "50M")
    assert isinstance(next(iter(read([path]))), RawDocument)


def test_gzip_bomb_is_refused_by_decompressed_size(tmp_path):
    path = tmp_path / "bombe.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 3_000_000))
    assert "decompresses to more than" in only(read([path], max_bytes=1_000_000)).reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_unreadable_file(tmp_path):
    path = tmp_path / "geheim.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this system lets us read a file with mode 000")
        assert "permission denied" in only(read([path])).reason
    finally:
        path.chmod(0o644)


def test_unreadable_file_is_reported_even_as_root(tmp_path, monkeypatch):
    """Simulates the permission error so that the path is covered where tests run as root."""
    import builtins

    path = tmp_path / "geheim.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    rejection = only(read([path]))
    assert "permission denied" in rejection.reason and "chmod" in rejection.reason


def test_nonexistent_path(tmp_path):
    rejection = only(read([tmp_path / "gibt-es-nicht.txt"]))
    assert rejection.reason == "no such file or directory; check the path"


def test_a_directory_mixing_good_and_bad_inputs(tmp_path):
    folder = tmp_path / "eingang"
    (folder / "unter").mkdir(parents=True)
    (folder / ".versteckt").mkdir()
    (folder / ".versteckt" / "artikel.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / ".notiz.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a_artikel.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_leer.txt").write_bytes(b"")
    (folder / "c_binaer.dat").write_bytes(bytes(range(256)) * 4)
    (folder / "d_alt.txt").write_bytes(ARTICLE.encode("cp1252"))
    (folder / "e_seite.html").write_text(article_html(), encoding="utf-8")
    (folder / "f_index.html").write_text(
        "<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8"
    )
    data = gzip.compress(ARTICLE.encode())
    (folder / "g_kaputt.txt.gz").write_bytes(data[:-12])
    (folder / "h_korpus.jsonl").write_text(
        json.dumps({"id": "1", "text": "Gut."})
        + "\n{kaputt\n"
        + json.dumps({"id": "3", "text": "Auch gut."})
        + "\n",
        encoding="utf-8",
    )
    (folder / "unter" / "i_feed.rss").write_bytes((FIXTURES / "feed.rss").read_bytes())
    warc = make_warc(
        [("https://beispielblatt.example/w.html", article_html().encode(), "text/html")]
    )
    (folder / "unter" / "j_crawl.warc").write_bytes(warc[:-200])
    (folder / "unter" / "k_riesig.txt").write_bytes(b"Text. " * 2000)

    items = list(read([folder], max_bytes=10_000))
    summary = [
        (os.path.relpath(item.source.split("#")[0], folder), type(item).__name__) for item in items
    ]
    assert summary == [
        ("a_artikel.txt", "RawDocument"),
        ("b_leer.txt", "Rejection"),
        ("c_binaer.dat", "Rejection"),
        ("d_alt.txt", "RawDocument"),
        ("e_seite.html", "RawDocument"),
        ("f_index.html", "Rejection"),
        ("g_kaputt.txt.gz", "Rejection"),
        ("h_korpus.jsonl", "RawDocument"),
        ("h_korpus.jsonl", "Rejection"),
        ("h_korpus.jsonl", "RawDocument"),
        ("unter/i_feed.rss", "RawDocument"),
        ("unter/i_feed.rss", "RawDocument"),
        ("unter/i_feed.rss", "Rejection"),
        ("unter/j_crawl.warc", "Rejection"),
        ("unter/k_riesig.txt", "Rejection"),
    ]
    assert all(item.reason for item in items if isinstance(item, Rejection))
    # the same folder read twice gives the same items in the same order
    assert list(read([folder], max_bytes=10_000)) == items


def test_non_path_arguments_are_rejected_not_raised():
    [rejection] = list(read([42]))  # type: ignore[list-item]
    assert "not a path" in rejection.reason

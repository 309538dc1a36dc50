"""Whatever bytes arrive, reading them yields documents or rejections and never raises."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import article_html, make_warc

from lagebild.ingest import read_bytes
from lagebild.model import RawDocument, Rejection

PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08\x00",
    b"<?xml version='1.0'?><rss>",
    b"<html><body>",
    b'{"text": ',
    b"[",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


def check(data: bytes, name: str) -> None:
    items = list(read_bytes(data, name, max_bytes=100_000))
    assert all(isinstance(item, (RawDocument, Rejection)) for item in items)
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason
        else:
            assert item.text.strip() or item.live_entries


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    data=st.binary(max_size=2000),
    name=st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.warc.gz", "x.rss", "x"]),
)
def test_read_bytes_never_raises_on_arbitrary_bytes(prefix, data, name):
    check(prefix + data, name)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_read_bytes_never_raises_on_arbitrary_text(text, codec):
    check(text.encode(codec, errors="replace"), "x.txt")


SAMPLES = [
    make_warc([("https://beispielblatt.example/a.html", article_html().encode(), "text/html")]),
    gzip.compress(article_html().encode()),
    article_html().encode(),
]


@settings(max_examples=150, deadline=None)
@given(
    sample=st.sampled_from(SAMPLES),
    cut=st.integers(min_value=0, max_value=6000),
    flip=st.integers(min_value=0, max_value=6000),
    byte=st.integers(0, 255),
)
def test_damaged_real_inputs_never_raise(sample, cut, flip, byte):
    data = bytearray(sample[: max(cut, 1)])
    if flip < len(data):
        data[flip] = byte
    check(bytes(data), "x")

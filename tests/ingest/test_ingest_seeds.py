"""The five seed articles (real German news, kept outside the project) read as documents."""

from __future__ import annotations

import pytest
from ingest_samples import SEEDS

from lagebild.ingest import read
from lagebild.model import RawDocument

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/seeds next to the repository"),
]


def seed_documents() -> list[RawDocument]:
    return list(read([SEEDS]))


def test_the_five_seeds_are_five_documents_in_file_order():
    docs = seed_documents()
    assert [type(doc) for doc in docs] == [RawDocument] * 5
    assert [doc.source.rsplit("/", 1)[-1][:3] for doc in docs] == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]
    assert all(doc.format == "text" and len(doc.text) > 1500 for doc in docs)


def test_seed_date_prefixes_become_published_and_leave_the_text():
    docs = seed_documents()
    assert docs[1].published == "2025-06"
    assert docs[3].published == "2025-07"
    assert not docs[1].text.lstrip().startswith("date")
    assert [doc.published for doc in (docs[0], docs[2], docs[4])] == [None, None, None]


def test_seed_headline_lines_become_titles():
    docs = seed_documents()
    assert docs[0].title is not None and docs[0].title.startswith("Newsblog zum Ukraine-Krieg")
    assert docs[1].title is not None and docs[1].title.startswith("Newsblog zum Ukraine-Krieg")
    assert docs[0].text.startswith(docs[0].title)
    assert docs[2].title is None and docs[4].title is None  # they open with a paragraph

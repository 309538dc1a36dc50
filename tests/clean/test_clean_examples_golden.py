"""Ingest and clean reproduce the hand-checked metadata of the example corpus (tests/golden/examples.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.clean import clean
from lagebild.ingest import read
from lagebild.model import RawDocument

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = json.loads((ROOT / "tests" / "golden" / "examples.json").read_text(encoding="utf-8"))
FIELDS = ("title", "outlet", "agency", "dateline", "published", "updated", "date_precision", "language")


def _cases():
    for name, spec in GOLDEN["files"].items():
        for index, expected in enumerate(spec["documents"]):
            yield pytest.param(name, index, expected, id=expected["ref"])


@pytest.fixture(scope="module")
def cleaned() -> dict[str, list]:
    out: dict[str, list] = {}
    for name in GOLDEN["files"]:
        raws = [r for r in read([ROOT / "examples" / name]) if isinstance(r, RawDocument)]
        out[name] = [clean(raw) for raw in raws]
    return out


@pytest.mark.parametrize("name,index,expected", list(_cases()))
def test_document_metadata_matches_the_golden(cleaned, name, index, expected):
    document, _ = cleaned[name][index]
    got = {field: getattr(document, field) for field in FIELDS}
    got["agency"] = sorted(got["agency"])
    want = {field: expected[field] for field in FIELDS}
    want["agency"] = sorted(want["agency"])
    assert got == want


@pytest.mark.parametrize("name,index,expected", list(_cases()))
def test_boilerplate_goes_and_the_article_stays(cleaned, name, index, expected):
    document, _ = cleaned[name][index]
    for text in expected["must_contain"]:
        assert text in document.text
    for text in expected["must_not_contain"]:
        assert text not in document.text
    for caption in expected["captions"]:
        assert any(caption in c for c in document.captions), caption

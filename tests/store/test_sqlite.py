"""The SQLite store keeps every document, every revision and every record exactly as given."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.errors import NotFound, SchemaVersionError
from lagebild.model import (
    Analysis, Anchor, Document, Quote, Rejection, Segment, Speaker, TimeExpression,
)
from lagebild.store import open_store
from lagebild.store.codec import dumps, loads


def make_analysis(text: str = "Kiew und Moskau verhandeln wieder.", identity: str = "/x/a.txt") -> Analysis:
    doc_id = Document.make_id(identity)
    doc = Document(id=doc_id, source="a.txt", identity=identity, text=text, outlet="Beispielblatt",
                   agency=("dpa",), published="2025-07-21T10:00:00+02:00", date_precision="minute",
                   language="de", title="Verhandlungen", metadata={"section": "Ausland"})
    segment = Segment(id=f"{doc_id}-s0", document_id=doc_id, index=0, kind="article", start=0, end=len(text))
    quote = Quote(id=f"{doc_id}-q0", document_id=doc_id, start=0, end=5, text=text[:5], kind="indirect",
                  cue="sagte", speaker=Speaker(text="Peskow", start=1, end=3, kind="person"), via=("Tass",))
    time = TimeExpression(id=f"{doc_id}-x0", document_id=doc_id, start=0, end=4, text=text[:4], type="DATE",
                          value="2025-07-23", anchor=Anchor("2025-07-21", "published"))
    return Analysis(document=doc, segments=(segment,), quotes=(quote,), times=(time,))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.db") as s:
        yield s


def test_a_stored_analysis_reads_back_unchanged(store):
    analysis = make_analysis()
    assert store.put_analysis(analysis, "h1") == "added"
    assert store.analysis(analysis.document.id) == analysis


def test_identical_content_is_stored_once(store):
    analysis = make_analysis()
    store.put_analysis(analysis, "h1")
    assert store.put_analysis(analysis, "h1") == "unchanged"
    assert store.count("documents") == 1 and store.count("revisions") == 1


def test_changed_content_becomes_a_new_revision_and_keeps_the_old(store):
    first = make_analysis("Kiew und Moskau verhandeln wieder.")
    second = make_analysis("Kiew und Moskau verhandeln am Mittwoch wieder.")
    store.put_analysis(first, "h1")
    assert store.put_analysis(second, "h2") == "revised"
    current = store.document(first.document.id)
    assert current.revision == 2 and "Mittwoch" in current.text
    assert [d.revision for d in store.revisions(first.document.id)] == [1, 2]
    assert store.revisions(first.document.id)[0].text == first.document.text
    assert store.count("segments") == 1  # the old revision's records are replaced, not added


def test_a_failed_write_leaves_nothing_half_written(store):
    good = make_analysis()
    store.put_analysis(good, "h1")
    broken = make_analysis(identity="/x/b.txt")
    # A segment id that collides with nothing but a record that cannot be serialised.
    bad_segment = Segment(id="bad", document_id=broken.document.id, index=0, kind="article",
                          start=0, end=1, headline=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.put_analysis(Analysis(document=broken.document, segments=(bad_segment,)), "h2")
    assert [d.id for d in store.documents()] == [good.document.id]


def test_rejections_are_listed_and_cleared_when_the_input_later_succeeds(store):
    store.add_rejection(Rejection("feed.xml", "not a feed", line=3))
    store.add_rejection(Rejection("empty.txt", "file is empty"))
    assert {r.source for r in store.rejections()} == {"feed.xml", "empty.txt"}
    store.clear_rejection("empty.txt")
    assert [r.source for r in store.rejections()] == ["feed.xml"]


def test_unknown_ids_raise_not_found_with_a_hint(store):
    with pytest.raises(NotFound, match="lagebild docs"):
        store.document("nope")


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(SchemaVersionError, match="upgrade"):
        open_store(path)


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=60, deadline=None)
@given(text=text, outlet=st.one_of(st.none(), text), agency=st.lists(text, max_size=3),
       meta=st.dictionaries(st.text(max_size=10), st.one_of(text, st.integers(), st.none()), max_size=4))
def test_any_document_round_trips_through_its_json_form(text, outlet, agency, meta):
    doc = Document(id="d1", source="s", identity="i", text=text, outlet=outlet, agency=tuple(agency),
                   metadata=meta)
    assert loads(Document, dumps(doc)) == doc

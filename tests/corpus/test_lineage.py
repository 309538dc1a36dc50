"""Lineage: copies and rewrites are found by sentence alignment and point at their source."""

from __future__ import annotations

import pytest

from lagebild.corpus import lineage
from lagebild.model import Analysis, Document, Segment
from lagebild.store import open_store

AGENCY = (
    "HAMBURG (dpa) - Der Hafen von Hamburg hat im ersten Halbjahr deutlich weniger Container "
    "umgeschlagen als im Vorjahr. Die Hafenbehörde meldete am Dienstag einen Rückgang um zwölf "
    "Prozent auf vier Millionen Standardcontainer. Als Grund nannte der Hafenchef die schwache "
    "Nachfrage aus China und die gestiegenen Frachtraten im Roten Meer. Die Reedereien wollen "
    "ihre Liniendienste im Herbst neu ordnen, sagte eine Sprecherin des Verbands. Die Gewerkschaft "
    "warnt vor einem Abbau von Arbeitsplätzen an den Terminals. Der Senat kündigte Gespräche mit "
    "den Betreibern über eine Modernisierung der Kaimauern an."
)
REWRITE = (
    "Schwaches Halbjahr im Hamburger Hafen. Die Hafenbehörde hat am Dienstag einen Rückgang des "
    "Containerumschlags um zwölf Prozent gemeldet, auf vier Millionen Standardcontainer. "
    "Verantwortlich sei laut Hafenchef vor allem die schwache Nachfrage aus China sowie höhere "
    "Frachtraten im Roten Meer. Die Gewerkschaft befürchtet an den Terminals einen Abbau von "
    "Arbeitsplätzen. Im Herbst wollen die Reedereien ihre Liniendienste neu ordnen, wie eine "
    "Verbandssprecherin erklärte."
)
UNRELATED = (
    "Der Stadtrat von Kiel hat am Mittwoch einen neuen Radweg entlang der Förde beschlossen. "
    "Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern. Anwohner hatten über "
    "Lärm und fehlende Parkplätze geklagt. Die Kosten trägt zur Hälfte das Land."
)
SAME_TOPIC = (
    "Im Hamburger Hafen demonstrierten am Donnerstag Hafenarbeiter für höhere Löhne. Die "
    "Gewerkschaft verlangt acht Prozent mehr Geld für die Beschäftigten an den Terminals. Die "
    "Betreiber nannten die Forderung angesichts der schwachen Nachfrage aus China überzogen. "
    "Der Senat will vermitteln."
)


def doc(key: str, text: str, published: str, outlet: str, agency: tuple[str, ...] = ()) -> Document:
    return Document(id=f"d{key}", source=key, identity=key, text=text, outlet=outlet, agency=agency,
                    published=published)


def test_a_reworded_agency_report_is_a_rewrite_of_it():
    source = lineage.profile(doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa", ("dpa",)))
    derived = lineage.profile(doc("b", REWRITE, "2025-07-01T11:30:00+02:00", "Hafenblatt"))
    (record,) = lineage.compare(derived, source)
    assert (record.document_id, record.derived_from, record.kind) == ("db", "da", "rewrite")
    assert record.similarity >= lineage.REWRITE_MIN_SHARE
    assert len(record.aligned) >= 3
    for (d0, d1), (s0, s1) in record.aligned:  # spans point into the two texts
        assert REWRITE[d0:d1].strip() and AGENCY[s0:s1].strip()


def test_the_agency_report_is_the_source_even_when_it_is_stored_later():
    early_copy = lineage.profile(doc("b", REWRITE, "2025-07-01T09:00:00+02:00", "Hafenblatt"))
    agency = lineage.profile(doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "Beispielportal"))
    assert agency.agency_report  # the dateline credit "HAMBURG (dpa) -" says so
    (record,) = lineage.compare(agency, early_copy)
    assert record.derived_from == "da"


def test_texts_on_the_same_topic_are_not_copies():
    a = lineage.profile(doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa"))
    for key, text in (("c", UNRELATED), ("d", SAME_TOPIC)):
        assert lineage.compare(lineage.profile(doc(key, text, "2025-07-02T10:00:00+02:00", "X")), a) == []


def test_identical_words_are_a_duplicate_and_a_changed_sentence_a_near_duplicate():
    a = lineage.profile(doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa"))
    same = lineage.profile(doc("b", AGENCY.replace(". ", ".  "), "2025-07-01T12:00:00+02:00", "Y"))
    assert lineage.compare(same, a)[0].kind == "duplicate"
    changed = AGENCY.replace("Der Senat kündigte", "Der Bürgermeister kündigte")
    near = lineage.profile(doc("c", changed, "2025-07-01T12:00:00+02:00", "Z"))
    assert lineage.compare(near, a)[0].kind == "near-duplicate"


def test_a_live_blog_entry_restating_a_report_gets_segment_lineage():
    entry_head = "Hamburger Hafen schwächelt"
    blog = f"Der Tag im Norden\n\n{UNRELATED}\n\n{entry_head}\n\n{REWRITE}"
    start = blog.index(entry_head)
    document = doc("blog", blog, "2025-07-01T18:00:00+02:00", "Nordblog")
    segments = [Segment("dblog-s0", "dblog", 0, "entry", 0, start, headline="Der Tag im Norden"),
                Segment("dblog-s1", "dblog", 1, "entry", start, len(blog), headline=entry_head)]
    source = lineage.profile(doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa", ("dpa",)))
    records = lineage.compare(lineage.profile(document, segments), source)
    assert [(r.segment_id, r.derived_from, r.kind) for r in records] == [("dblog-s1", "da", "rewrite")]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "lineage.db") as s:
        yield s


def _put(store, d: Document) -> None:
    store.put_analysis(Analysis(document=d, segments=(Segment(f"{d.id}-s0", d.id, 0, "article", 0, len(d.text)),)), d.content_hash or d.text)


def test_the_stage_links_stored_documents_and_counts_copies_once(store):
    docs = [doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa", ("dpa",)),
            doc("b", REWRITE, "2025-07-01T11:30:00+02:00", "Hafenblatt"),
            doc("c", UNRELATED, "2025-07-01T12:00:00+02:00", "Kieler Bote")]
    for d in docs:
        _put(store, d)
        lineage.update_store(store, [d.id])  # one ingest batch each: the index carries over
    assert [(r.document_id, r.derived_from) for r in store.corpus("lineage")] == [("db", "da")]
    assert lineage.independent_sources(store, ["da", "db", "dc"]) == [["da", "db"], ["dc"]]


def test_a_revised_copy_drops_its_old_lineage(store):
    a, b = (doc("a", AGENCY, "2025-07-01T10:00:00+02:00", "dpa", ("dpa",)),
            doc("b", REWRITE, "2025-07-01T11:30:00+02:00", "Hafenblatt"))
    for d in (a, b):
        _put(store, d)
    lineage.update_store(store, ["da", "db"])
    revised = doc("b", UNRELATED, "2025-07-01T11:30:00+02:00", "Hafenblatt")
    _put(store, revised)
    lineage.update_store(store, ["db"])
    assert store.corpus("lineage") == []

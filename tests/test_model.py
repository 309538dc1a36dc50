"""Records: ids are deterministic and a document always has something to show as its heading."""

from lagebild.model import Document, content_hash, stable_id


def test_ids_are_deterministic_and_short():
    assert stable_id("d", "https://example.org/a") == stable_id("d", "https://example.org/a")
    assert stable_id("d", "a") != stable_id("d", "b")
    assert len(Document.make_id("/x/a.txt")) == 13


def test_text_differing_only_in_spacing_has_the_same_content_hash():
    assert content_hash("Kiew  und\nMoskau") == content_hash("Kiew und Moskau")


def test_a_document_without_title_is_headed_by_its_opening_words():
    titled = Document(id="d1", source="s", identity="i", text="Text.", title="Gespräche in Istanbul")
    untitled = Document(id="d2", source="s", identity="j",
                        text="Die Türkei hat den Termin für die nächste Runde der Gespräche bestätigt.")
    empty = Document(id="d3", source="s", identity="k", text="")
    assert titled.heading == "Gespräche in Istanbul"
    assert untitled.heading == "Die Türkei hat den Termin für die nächste Runde der …"
    assert empty.heading == "d3"

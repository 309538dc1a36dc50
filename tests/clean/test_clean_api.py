"""The stage's contract: one pure function, records that point into the cleaned text."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lagebild.clean as clean_stage
from lagebild.clean import clean
from lagebild.errors import EmptyInput, InputError
from lagebild.model import Document, RawDocument

BODY = ("Die Regierung hat am Dienstag ein neues Gesetz zur Energieversorgung beschlossen. "
        "Kritiker halten die Pläne für zu teuer, die Koalition verteidigt sie als notwendig.")


def raw(text: str, **fields) -> RawDocument:
    return RawDocument(source="a.txt", identity="/data/a.txt", text=text, **fields)


def test_public_surface():
    assert callable(clean_stage.clean)
    assert set(clean_stage.__all__) == {
        "clean", "RULES", "Rule", "strip_boilerplate", "Cleaned", "detect_language"}


def test_ids_are_deterministic_and_derive_from_the_identity():
    first, segments = clean(raw(BODY))
    second, _ = clean(raw(BODY))
    assert first == second
    assert first.id == Document.make_id("/data/a.txt")
    assert segments[0].id == f"{first.id}-s0" and segments[0].document_id == first.id


def test_content_hash_and_format_carried():
    document, _ = clean(raw(BODY, format="jsonl", url="https://example.org/a"))
    assert document.format == "jsonl" and document.url == "https://example.org/a"
    assert len(document.content_hash) == 40


def test_records_survive_a_process_pool():
    document, segments = clean(raw("Von Anna Beispiel\n\n" + BODY))
    assert pickle.loads(pickle.dumps((document, segments))) == (document, segments)


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "News folgen Artikel teilen\nDu willst nichts verpassen?"])
def test_nothing_left_is_empty_input(text):
    with pytest.raises(EmptyInput) as info:
        clean(raw(text))
    assert isinstance(info.value, InputError) and "a.txt" in str(info.value)


def test_hard_wrapped_text_is_unwrapped():
    wrapped = ("Die Regierung hat am Dienstag ein neues Gesetz zur\n"
               "Energieversorgung beschlossen. Kritiker halten die Pläne\n"
               "für zu teuer, die Koalition verteidigt sie als not-\n"
               "wendig und verweist auf die Lage.")
    document, _ = clean(raw(wrapped))
    assert "\n" not in document.text and "notwendig" in document.text


_LINES = st.sampled_from([
    BODY, "Überschrift über einer Meldung", "Zweite Überschrift hier",
    "News folgen Artikel teilen",
    "Lesen Sie auch: Etwas anderes", "- Zur Startseite!", "Stellenangebote", "Koch (m/w/d)",
    "KIEW (dpa) - " + BODY, BODY + " Lesen Sie hier mehr dazu.", "13:52 Uhr", "Foto: dpa",
    "Von Anna Beispiel", "Aktualisiert am 23.07.2025 - 13:52 Uhr", BODY + "/abc/DP/xy", "",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_segments_always_tile_the_text(lines, separator):
    try:
        document, segments = clean(raw(separator.join(lines)))
    except EmptyInput:
        return
    text = document.text
    assert text and text == text.strip() and "\n\n\n" not in text
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for before, after in zip(segments, segments[1:]):
        assert before.end < after.start and text[before.end:after.start] == "\n\n"
    for segment in segments:
        assert segment.start < segment.end
        if segment.headline is not None:  # a paragraph of its own, a kicker line may precede it
            paragraphs = text[segment.start:segment.end].split("\n\n")
            assert segment.headline in paragraphs

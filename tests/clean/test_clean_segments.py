"""Live blogs split into entries, multi-topic articles into sections; spans cover the text."""

from __future__ import annotations

import pytest

from lagebild.clean import clean
from lagebild.clean.segments import find_headlines, is_live_blog, looks_like_headline
from lagebild.model import LiveEntry, RawDocument


def body(topic: str) -> str:
    return (f"Zum Thema {topic} gab es am Vormittag neue Meldungen aus mehreren Quellen. "
            f"Die Behörden bestätigten die Angaben zunächst nicht, kündigten aber eine "
            f"Stellungnahme für den Nachmittag an.")


def raw(text: str, **fields) -> RawDocument:
    return RawDocument(source="test.txt", identity="test.txt", text=text, **fields)


@pytest.mark.parametrize("line", [
    "Kampfjet stürzt bei Übungsflug ab",
    "Nach dem Gipfel: Wie es jetzt weitergeht",
    'Minister spricht von "großem Fortschritt"',
])
def test_headline_like_lines(line):
    assert looks_like_headline(line)


@pytest.mark.parametrize("line", [
    "Der Minister sprach von einem Fortschritt.",
    "Wie geht es weiter?",
    "- Punkt auf einer Liste",
    "BERLIN (dpa) - Der Minister",
    "23.07.2025, 13:52 Uhr",
    "13:52 Uhr",
    "kleingeschriebene Zeile ohne Punkt",
    "Einwort",
    "Erster Satz. Zweiter Satz ohne Punkt",
    "Eine sehr lange Zeile ohne Satzzeichen " * 5,
])
def test_not_headline_like_lines(line):
    assert not looks_like_headline(line)


def test_a_headline_needs_body_after_it():
    paragraphs = ["Erste Überschrift hier", body("A"), "Zweite Überschrift hier",
                  "Dritte Überschrift hier", body("B")]
    # the second is a kicker-like line before the third, not a segment of its own
    assert find_headlines(paragraphs) == [0, 3]


def test_article_without_headlines_is_one_segment():
    document, segments = clean(raw(body("Haushalt") + "\n\n" + body("Schulen")))
    assert [(s.kind, s.start, s.end) for s in segments] == [("article", 0, len(document.text))]


def test_multi_topic_article_splits_into_lead_and_sections():
    text = "\n\n".join([body("Einleitung"), "Streit um den Haushalt", body("Haushalt"),
                       "Neue Schulen geplant", body("Schulen")])
    document, segments = clean(raw(text))
    assert [s.kind for s in segments] == ["lead", "section", "section"]
    assert [s.headline for s in segments] == [
        None, "Streit um den Haushalt", "Neue Schulen geplant"]
    assert document.text[segments[2].start:segments[2].end].startswith("Neue Schulen geplant\n\n")


def test_live_blog_marker_makes_entries_and_entry_times_are_read():
    text = "\n\n".join([
        "Liveblog zur Hochwasserlage Pegel steigen weiter an",
        "Von Anna Beispiel Aktualisiert am 15.01.2025 - 18:30 Uhr",
        body("Überblick"),
        "18:05 Uhr", "Deich bei Musterdorf hält", body("Deich"),
        "23:40 Uhr", "Evakuierung in der Altstadt", body("Evakuierung"),
    ])
    document, segments = clean(raw(text))
    assert document.metadata["live_blog"] is True
    assert document.metadata["kicker"] == "Liveblog zur Hochwasserlage"
    assert [s.kind for s in segments] == ["lead", "entry", "entry"]
    assert segments[1].published == "2025-01-15T18:05:00+01:00"
    # later than the update stamp: the entry is from the day before
    assert segments[2].published == "2025-01-14T23:40:00+01:00"
    assert "Uhr" not in document.text


def test_many_headed_blocks_without_marker_make_a_live_blog_unless_agency_copy():
    blocks = [body("Vorspann")]
    for number in range(5):
        blocks += [f"Meldung Nummer {number} aus der Region", body(str(number))]
    _, segments = clean(raw("\n\n".join(blocks)))
    assert [s.kind for s in segments] == ["lead"] + ["entry"] * 5
    headlines = list(range(5))
    assert not is_live_blog(None, [], headlines, has_dateline=True)


def test_trailing_headline_without_body_is_dropped():
    text = "\n\n".join([body("A"), "Überschrift eins hier", body("B"),
                       "Abgeschnittene Meldung am Ende"])
    document, segments = clean(raw(text))
    assert "Abgeschnittene" not in document.text
    assert document.metadata["truncated"] is True
    assert segments[-1].end == len(document.text)


def test_json_ld_live_entries_are_the_segments():
    entries = (
        LiveEntry("Erste Meldung des Tages", body("eins") + "\nLesen Sie hier mehr dazu.",
                  "2025-07-23T08:15:00"),
        LiveEntry(None, body("zwei"), "2025-07-23T07:00:00Z"),
        LiveEntry("Leerer Eintrag", ""),
    )
    document, segments = clean(raw("Kurzer Vorspann zum Liveblog ohne Punkt am Ende\n\n"
                                   + body("eins"), live_entries=entries))
    assert [s.kind for s in segments] == ["entry", "entry"]
    assert segments[0].headline == "Erste Meldung des Tages"
    assert segments[0].published == "2025-07-23T08:15:00+02:00"
    assert segments[1].headline is None and segments[1].published == "2025-07-23T07:00:00+00:00"
    assert "Lesen Sie hier" not in document.text and "Leerer Eintrag" not in document.text


def test_html_sub_headings_count_even_when_punctuated():
    text = "\n\n".join([body("A"), "Was bedeutet das für Mieter?", body("B")])
    html = "<article><p>...</p><h2>Was bedeutet das für <b>Mieter</b>?</h2><p>...</p></article>"
    _, without = clean(raw(text))
    _, with_html = clean(raw(text, html=html))
    assert [s.kind for s in without] == ["article"]
    assert [s.headline for s in with_html] == [None, "Was bedeutet das für Mieter?"]


def test_json_ld_type_live_blog_without_entries_still_makes_entries():
    text = "\n\n".join([body("Vorspann"), "Erste Lage am Morgen", body("A"),
                       "Zweite Lage am Mittag", body("B")])
    _, segments = clean(raw(text, metadata={"jsonld_type": "LiveBlogPosting"}))
    assert [s.kind for s in segments] == ["lead", "entry", "entry"]


def test_empty_json_ld_entries_fall_back_to_the_text():
    document, segments = clean(raw(body("A"), live_entries=(LiveEntry("Nur Überschrift", ""),)))
    assert [s.kind for s in segments] == ["article"] and document.text == body("A")

"""Outlet, agency credits, dateline, dates and language, read where the article states them."""

from __future__ import annotations

import pytest

from lagebild.clean import clean
from lagebild.clean.dates import normalise_iso, parse_stamp
from lagebild.clean.metadata import (
    detect_language,
    normalise_language,
    outlet_from_url,
    parse_header_line,
    read_credits,
    split_kicker,
)
from lagebild.model import RawDocument

BODY = ("Die Regierung hat am Dienstag ein neues Gesetz zur Energieversorgung beschlossen. "
        "Kritiker halten die Pläne für zu teuer, die Koalition verteidigt sie als notwendig.")
ENGLISH = ("The government approved a new energy law on Tuesday. Critics said that the plans "
           "were too expensive, but the coalition has defended them as necessary for the country.")


def raw(text: str, **fields) -> RawDocument:
    return RawDocument(source="test.txt", identity="test.txt", text=text, **fields)


class TestDates:
    @pytest.mark.parametrize("value, expected, precision", [
        ("2025-06", "2025-06", "month"),
        ("2025", "2025", "year"),
        ("2025-07-23", "2025-07-23", "day"),
        ("2025-07-23T13:52:00+02:00", "2025-07-23T13:52:00+02:00", "minute"),
        ("2025-07-23T11:52:00Z", "2025-07-23T11:52:00+00:00", "minute"),
        ("2025-07-23 13:52", "2025-07-23T13:52:00+02:00", "minute"),
        ("2025-01-15T09:05", "2025-01-15T09:05:00+01:00", "minute"),
        ("23.07.2025 13:52", "2025-07-23T13:52:00+02:00", "minute"),
    ])
    def test_iso_values_keep_precision_and_get_berlin_offsets(self, value, expected, precision):
        stamp = normalise_iso(value)
        assert (stamp.value, stamp.precision) == (expected, precision)

    @pytest.mark.parametrize("value", ["", "2025-13", "2025-02-30", "gestern"])
    def test_unreadable_values_are_none(self, value):
        assert normalise_iso(value) is None

    @pytest.mark.parametrize("text, expected", [
        ("Aktualisiert am 23.07.2025 - 13:52 Uhr", "2025-07-23T13:52:00+02:00"),
        ("Stand: 3. März 2025, 18.00 Uhr", "2025-03-03T18:00:00+01:00"),
        ("Updated July 23, 2025 1:52 PM", "2025-07-23T13:52:00+02:00"),
        ("23.07.2025, 09:15 Uhr MESZ", "2025-07-23T09:15:00+02:00"),
        ("am 5. Dezember 2024", "2024-12-05"),
    ])
    def test_printed_stamps(self, text, expected):
        assert parse_stamp(text).value == expected


class TestHeader:
    def test_byline_with_outlet_stamp_and_reading_time(self):
        line = parse_header_line(
            "Von t-online Aktualisiert am 15.01.2025 - 09:05 Uhr Lesedauer: 3 Min.")
        assert line.outlet == "t-online" and line.authors == []
        assert line.updated.value == "2025-01-15T09:05:00+01:00"  # winter: +01:00
        assert line.reading_minutes == 3

    def test_byline_with_authors_and_published_stamp(self):
        line = parse_header_line("Von Anna Beispiel und Jonas von Muster | 23.07.2025, 13:52 Uhr")
        assert line.authors == ["Anna Beispiel", "Jonas von Muster"]
        assert line.published.value == "2025-07-23T13:52:00+02:00" and line.updated is None

    def test_stamp_with_weekday(self):
        line = parse_header_line("Mittwoch, 23.07.2025, 13:52 Uhr")
        assert line.published.value == "2025-07-23T13:52:00+02:00"

    @pytest.mark.parametrize("text", [
        "Von ukrainischer Seite gab es zunächst keine Bestätigung.",
        "Von Berlin aus reiste der Minister weiter.",
        "Stand der Dinge ist unklar",
    ])
    def test_body_sentences_are_not_bylines(self, text):
        assert parse_header_line(text) is None

    def test_header_lines_leave_the_body_and_fill_the_document(self):
        text = "\n\n".join(["Newsticker zur Energiekrise Regierung beschließt Gesetz",
                           "Von Anna Beispiel", "Veröffentlicht am 23.07.2025 - 08:00 Uhr",
                           "Lesedauer: 2 Min.", BODY])
        document, _ = clean(raw(text))
        assert document.text == BODY
        assert document.title == "Regierung beschließt Gesetz"
        assert document.metadata["kicker"] == "Newsticker zur Energiekrise"
        assert document.metadata["authors"] == ["Anna Beispiel"]
        assert document.published == "2025-07-23T08:00:00+02:00"
        assert document.date_precision == "minute"

    def test_raw_title_repeated_as_first_line_is_removed(self):
        title = "Regierung beschließt Gesetz"
        document, _ = clean(raw(title + "\n" + BODY, title=title))
        assert document.text == BODY and document.title == "Regierung beschließt Gesetz"

    def test_kicker_split(self):
        assert split_kicker("Liveblog: Regierung beschließt neues Gesetz") == (
            "Liveblog", "Regierung beschließt neues Gesetz")
        assert split_kicker("Streit: Regierung beschließt Gesetz") == (
            None, "Streit: Regierung beschließt Gesetz")


class TestDatesOfTheDocument:
    def test_month_only_published_stays_month_and_updated_is_recorded(self):
        text = "Von t-online Aktualisiert am 02.06.2025 - 15:35 Uhr\n\n" + BODY
        document, _ = clean(raw(text, published="2025-06"))
        assert (document.published, document.date_precision) == ("2025-06", "month")
        assert document.updated == "2025-06-02T15:35:00+02:00"

    def test_only_an_updated_stamp_leaves_published_empty(self):
        document, _ = clean(raw("Stand: 23.07.2025 13:52 Uhr\n\n" + BODY))
        assert document.published is None and document.date_precision is None
        assert document.updated == "2025-07-23T13:52:00+02:00"

    def test_a_more_precise_byline_stamp_refines_a_consistent_page_date(self):
        text = "Veröffentlicht am 23.07.2025 - 08:00 Uhr\n\n" + BODY
        document, _ = clean(raw(text, published="2025-07-23"))
        assert document.published == "2025-07-23T08:00:00+02:00"

    def test_date_prefix_of_hand_built_raw_documents(self):
        document, _ = clean(raw(" date 2025-07 " + BODY))
        assert (document.published, document.date_precision) == ("2025-07", "month")
        assert document.text == BODY


class TestCredits:
    @pytest.mark.parametrize("opening, dateline, agencies", [
        ("KIEW (dpa-AFX) - ", "KIEW", ("dpa-AFX",)),
        ("Berlin (dpa) - ", "Berlin", ("dpa",)),
        ("BERLIN/MOSKAU (dpa/AFP) – ", "BERLIN/MOSKAU", ("dpa", "AFP")),
        ("NEW YORK (Reuters) — ", "NEW YORK", ("Reuters",)),
    ])
    def test_datelines(self, opening, dateline, agencies):
        credits, body = read_credits([opening + BODY])
        assert credits.dateline == dateline and credits.agencies == agencies
        assert body == [BODY]

    def test_regional_service_and_outlet_datelines(self):
        credits, _ = read_credits(["Frankfurt/Main (dpa/lhe) - " + BODY])
        assert (credits.dateline, credits.agencies, credits.services) == (
            "Frankfurt/Main", ("dpa",), ("lhe",))
        credits, _ = read_credits(["HAMBURG (BEISPIEL NEWS) – " + BODY])
        assert credits.outlet == "BEISPIEL NEWS" and credits.agencies == ()

    def test_a_mixed_case_opening_with_brackets_is_no_dateline(self):
        paragraph = "Olaf Beispiel (67) - der frühere Minister - hat sich zurückgezogen."
        credits, body = read_credits([paragraph])
        assert credits.dateline is None and body == [paragraph]

    @pytest.mark.parametrize("tail, agencies, signature", [
        ("/abc/DP/xy", ("dpa",), "/abc/DP/xy"),
        (" (dpa)", ("dpa",), None),
        (" Mit Material von dpa und AFP", ("dpa", "AFP"), None),
        ("\nQuelle: Reuters, AP", ("Reuters", "AP"), None),
        ("\ncs/dpa/AFP", ("dpa", "AFP"), "cs/dpa/AFP"),
    ])
    def test_credits_at_the_end(self, tail, agencies, signature):
        credits, body = read_credits((BODY + tail).split("\n"))
        assert credits.agencies == agencies and credits.signature == signature
        assert body == [BODY]

    def test_an_agency_cited_in_the_text_is_not_a_credit(self):
        text = BODY + " Ein Sprecher teilte der Nachrichtenagentur AFP mit, man prüfe das."
        document, _ = clean(raw(text))
        assert document.agency == () and "AFP" in document.text

    def test_copyright_line_credits_its_agency(self):
        document, _ = clean(raw(BODY + "\n© dpa-infocom, dpa:250723-99-123456/2"))
        assert document.agency == ("dpa",) and "©" not in document.text


class TestOutletAndLanguage:
    def test_outlet_from_url_host(self):
        assert outlet_from_url("https://www.t-online.de/nachrichten/a/123") == "t-online"
        assert outlet_from_url("https://m.spiegel.de/politik/x") == "Der Spiegel"
        assert outlet_from_url("https://news.beispiel-zeitung.de/x") == "news.beispiel-zeitung.de"

    def test_outlet_precedence_page_metadata_then_byline_then_url(self):
        document, _ = clean(raw(BODY, outlet="SPIEGEL", url="https://www.zeit.de/x"))
        assert document.outlet == "Der Spiegel"
        document, _ = clean(raw("Von t-online\n" + BODY, url="https://www.zeit.de/x"))
        assert document.outlet == "t-online"
        document, _ = clean(raw(BODY, url="https://www.zeit.de/x"))
        assert document.outlet == "Zeit Online"

    def test_language_by_stopwords(self):
        assert detect_language(BODY) == "de"
        assert detect_language(ENGLISH) == "en"
        french = "Le gouvernement a adopté une nouvelle loi sur l'énergie mardi."
        assert detect_language(french) is None
        assert normalise_language("de-DE") == "de" and normalise_language("eng") == "en"

    def test_english_document_without_zone_is_read_in_utc(self):
        document, _ = clean(raw("Published July 23, 2025 1:52 PM\n\n" + ENGLISH))
        assert document.language == "en"
        assert document.published == "2025-07-23T13:52:00+00:00"

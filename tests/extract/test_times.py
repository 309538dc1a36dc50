"""Specification of the time stage: recognition, normalisation, direction, document dates.

The sentences here are written for these tests (no outlet's text).
"""

from __future__ import annotations

import pytest

from lagebild.extract.times import extract_times, infer_document_date, refine_with_story
from lagebild.model import Document, DocumentDate

WEDNESDAY = "2025-07-23T13:52:00+02:00"  # a Wednesday
MONDAY = "2025-06-02T15:35:00+02:00"  # a Monday


def doc(text: str, published: str | None = WEDNESDAY, **kw) -> Document:
    return Document(id="dtest", source="t", identity="t", text=text, published=published, **kw)


def times(text: str, published: str | None = WEDNESDAY, **kw):
    return extract_times(doc(text, published, **kw), None)


def only(text: str, published: str | None = WEDNESDAY, **kw):
    found = times(text, published, **kw)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


# --------------------------------------------------------------------------- records


def test_records_point_at_their_text_and_have_stable_ids():
    text = "Die Minister trafen sich am Dienstagabend. Am 16. Mai hatten sie schon verhandelt."
    found = times(text)
    assert [t.text for t in found] == ["Dienstagabend", "16. Mai"]
    for i, t in enumerate(found):
        assert text[t.start : t.end] == t.text
        assert t.id == f"dtest-x{i}"
        assert t.document_id == "dtest"


def test_no_expressions_in_plain_text():
    assert times("Die Minister sprachen über den Haushalt und die Schulden.") == ()


# --------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("text", "surface", "value", "type_"),
    [
        ("Er wurde am 2. Juni 2025 gewählt.", "2. Juni 2025", "2025-06-02", "DATE"),
        ("Das Gesetz gilt seit dem 23.07.2025 bundesweit.", "23.07.2025", "2025-07-23", "DATE"),
        ("Im Jahr 1962 begann die Reform.", "Jahr 1962", "1962", "DATE"),
        ("Das war im Juli 2024 entschieden worden.", "Juli 2024", "2024-07", "DATE"),
        ("Die Stadt wuchs in den 1990er Jahren stark.", "1990er Jahren", "199", "DATE"),
        ("Die Burg stammt aus dem 12. Jahrhundert.", "12. Jahrhundert", "11", "DATE"),
        (
            "Die Zahlen für das erste Quartal 2024 lagen vor.",
            "erste Quartal 2024",
            "2024-Q1",
            "DATE",
        ),
    ],
)
def test_absolute_dates(text, surface, value, type_):
    t = only(text)
    assert (t.text, t.value, t.type) == (surface, value, type_)
    assert t.anchor is None  # nothing was resolved against the document date


def test_weekday_with_its_date_is_one_expression_and_the_date_wins():
    t = only("Die Sitzung fand am Samstag, den 14. April 2007, in Bonn statt.")
    assert (t.text, t.value) == ("Samstag, den 14. April 2007", "2007-04-14")


def test_a_year_less_date_takes_the_year_whose_weekday_matches():
    t = only("Das Flugzeug zerschellte am Sonntag, den 14. August, nahe der Stadt.", "2006-03-19")
    assert t.value == "2005-08-14"


def test_months_coordinated_are_two_expressions():
    found = times("In den Runden im Mai und Juni hatten beide Seiten verhandelt.")
    assert [(t.text, t.value) for t in found] == [("Mai", "2025-05"), ("Juni", "2025-06")]


def test_year_of_a_month_range_applies_to_both_ends():
    found = times("Sie war von Januar bis September 2005 im Amt.", "2011-12-25")
    assert [(t.text, t.value) for t in found] == [
        ("Januar", "2005-01"),
        ("September 2005", "2005-09"),
    ]


def test_numbers_that_are_not_years():
    assert times("Rund 2000 Soldaten und ein Jet vom Typ Mirage 2000 waren im Einsatz.", None) == ()


# --------------------------------------------------------------------------- clock times and zones


def test_local_time_and_summer_time_name_the_same_instant():
    text = "In Istanbul steht am Montag eine Runde an. Sie soll um 13 Uhr Ortszeit (12 Uhr MESZ) beginnen."
    found = times(text, MONDAY)
    values = {t.text: t.value for t in found}
    assert values["13 Uhr Ortszeit"] == "2025-06-02T13:00+03:00"
    assert values["12 Uhr MESZ"] == "2025-06-02T12:00+02:00"
    assert all(t.type == "TIME" for t in found if "Uhr" in t.text)


def test_a_clock_time_takes_the_day_just_named():
    found = times(
        "Am Freitag, den 27. Juli 2007 wurde die Straße um 21.00 Uhr gesperrt.", "2007-07-29"
    )
    assert [t.value for t in found] == ["2007-07-27", "2007-07-27T21:00"]


# --------------------------------------------------------------------------- weekdays and direction


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Gespräche sollen am Donnerstag stattfinden.", "2025-07-24"),
        ("Die Agentur nannte den Donnerstag als Termin.", "2025-07-24"),
        ("Das für Freitag geplante Treffen wurde bestätigt.", "2025-07-25"),
        ("Die Regierung will am Montag entscheiden.", "2025-07-28"),
        ("Am Montag hatte die Regierung entschieden.", "2025-07-21"),
        ("Der Minister sagte am Montag, er sei zufrieden.", "2025-07-21"),
        ("Die Delegation ist am Mittwoch aufgebrochen.", "2025-07-23"),  # the document's own day
        ("Sie reisen an diesem Freitag nach Rom.", "2025-07-25"),
        ("Sie kamen am vergangenen Mittwoch an.", "2025-07-16"),
        ("Sie kommen am kommenden Mittwoch an.", "2025-07-30"),
    ],
)
def test_weekday_direction(text, value):
    t = next(t for t in times(text) if "tag" in t.text or "woch" in t.text.lower())
    assert t.value == value
    assert (
        t.anchor is not None and t.anchor.value == "2025-07-23" and t.anchor.source == "published"
    )


def test_parts_of_day():
    found = times("Die Runde sollte am Mittwochabend starten, der Unfall geschah am Dienstagabend.")
    assert [(t.text, t.value, t.type) for t in found] == [
        ("Mittwochabend", "2025-07-23TEV", "TIME"),
        ("Dienstagabend", "2025-07-22TEV", "TIME"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Das teilte die Polizei gestern mit.", "2025-07-22"),
        ("Die Polizei berichtete heute Morgen davon.", "2025-07-23TMO"),
        ("Das war vergangene Woche beschlossen worden.", "2025-W29"),
        ("Das Urteil soll kommende Woche fallen.", "2025-W31"),
        ("Im vergangenen Jahr gab es weniger Fälle.", "2024"),
        ("Die Zahlen des Vorjahres waren besser.", "2024"),
        ("Die Messe beginnt Ende des Monats.", "2025-07"),
        ("Er war vor sechs Wochen zurückgetreten.", "2025-W24"),
        ("Sie entscheiden in zwei Wochen.", "2025-W32"),
        ("Die Straße war am Wochenende gesperrt.", "2025-W29-WE"),
    ],
)
def test_relative_expressions(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("Mitte Mai war er nach Ankara gereist.", "2025-05", "MID"),
        ("Anfang Juni kamen sie wieder zusammen.", "2025-06", "START"),
        ("Bis Ende August soll es ein Treffen geben.", "2025-08", "END"),
        ("Im Sommer 2009 kam es zu Protesten.", "2009-SU", None),
    ],
)
def test_vague_dates_carry_a_mod(text, value, mod):
    t = only(text)
    assert (t.value, t.mod) == (value, mod)


# --------------------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("Sie fordern eine 30-tägige Waffenruhe.", "30-tägige", "P30D", None),
        ("Es gab eine zweiwöchige Pause.", "zweiwöchige", "P2W", None),
        (
            "Es drohen Zölle, falls nicht innerhalb von fünfzig Tagen Fortschritte kommen.",
            "fünfzig Tagen",
            "P50D",
            None,
        ),
        ("Das Land wehrt sich seit gut drei Jahren.", "gut drei Jahren", "P3Y", "MORE_THAN"),
        (
            "Der Krieg dauert seit fast dreieinhalb Jahren.",
            "fast dreieinhalb Jahren",
            "P3.5Y",
            "LESS_THAN",
        ),
        ("Das Treffen dauerte etwa eine Stunde.", "etwa eine Stunde", "PT1H", "APPROX"),
        ("Der 37-jährige Fahrer wurde verletzt.", "37-jährige", "P37Y", None),
        ("Er ist seit einundzwanzig Tagen im Amt.", "einundzwanzig Tagen", "P21D", None),
        ("Das dauert hundert Jahre.", "hundert Jahre", "P100Y", None),
        ("Er war ein halbes Jahr lang krank.", "ein halbes Jahr", "P6M", None),
        ("Die Gespräche laufen seit Monaten.", "Monaten", "PXM", None),
    ],
)
def test_durations(text, surface, value, mod):
    t = only(text)
    assert (t.text, t.type, t.value, t.mod) == (surface, "DURATION", value, mod)
    assert t.anchor is None


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Der Markt ist jeden Montag geöffnet.", "jeden Montag", "XXXX-WXX-1"),
        ("Er spricht in seiner täglichen Videobotschaft.", "täglichen", "P1D"),
        ("Die Konferenz findet jährlich statt.", "jährlich", "P1Y"),
        ("Es werden 1500 Artikel pro Tag geschrieben.", "pro Tag", "P1D"),
    ],
)
def test_sets(text, surface, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (surface, "SET", value)


# --------------------------------------------------------------------------- document dates


def test_published_is_the_anchor_when_firm():
    date = infer_document_date(doc("Am Montag wurde gewählt.", "2025-06-02T10:00:00+02:00"))
    assert (date.earliest, date.latest, date.precision, date.method) == (
        "2025-06-02",
        "2025-06-02",
        "minute",
        "published",
    )


def test_updated_stands_in_for_a_month_only_published():
    d = doc("Am Montag wurde gewählt.", "2025-06", date_precision="month", updated=MONDAY)
    date = infer_document_date(d)
    assert (date.earliest, date.method) == ("2025-06-02", "updated")
    assert (
        only("Am Montag wurde gewählt.", "2025-06", date_precision="month", updated=MONDAY).value
        == "2025-06-02"
    )


def test_weekdays_narrow_a_month_to_mondays_and_tuesdays():
    text = (
        "Die Regierung will am Mittwoch neue Gespräche führen. Das hatte der Präsident am "
        "Montagabend in einer Rede gesagt."
    )
    date = infer_document_date(doc(text, "2025-07", date_precision="month"))
    assert date.method == "inferred:weekdays"
    assert (date.earliest, date.latest) == ("2025-07-01", "2025-07-29")
    found = extract_times(doc(text, "2025-07", date_precision="month"), None)
    # the Wednesday of an unknown week of July: what is known is kept, the rest is X
    assert [t.value for t in found] == ["2025-07-XX", "2025-XX-XXTEV"]
    assert found[0].anchor is not None and found[0].anchor.value == "2025-07-01/2025-07-29"


def test_story_dates_narrow_the_range_to_one_week():
    text = "Die Regierung will am Mittwoch neue Gespräche führen. Das hatte der Präsident am Montagabend gesagt."
    d = doc(text, "2025-07", date_precision="month")
    story = [DocumentDate("2025-07-23", "2025-07-23", "minute", "updated")]
    refined = refine_with_story(infer_document_date(d), story)
    assert refined.method == "story"
    assert (refined.earliest, refined.latest) == ("2025-07-20", "2025-07-26")
    found = extract_times(d, None, anchor=refined)
    assert [t.value for t in found] == ["2025-07-23", "2025-07-21TEV"]
    assert found[0].anchor is not None and found[0].anchor.value == "2025-07-21/2025-07-22"
    narrowed = infer_document_date(d, story_dates=story)
    assert (narrowed.earliest, narrowed.latest) == ("2025-07-21", "2025-07-22")


def test_refine_keeps_firm_dates_and_disjoint_ranges():
    firm = DocumentDate("2025-07-23", "2025-07-23", "day", "published")
    story = [DocumentDate("2025-01-10", "2025-01-10", "day", "published")]
    assert refine_with_story(firm, story) == firm
    own = DocumentDate("2025-07-01", "2025-07-31", "month", "published")
    kept = refine_with_story(own, story)
    assert (kept.earliest, kept.latest) == ("2025-07-01", "2025-07-31")
    assert "disagrees" in kept.evidence[-1]


def test_a_duration_from_a_known_onset_dates_the_document():
    text = "Russland führt seit fast dreieinhalb Jahren einen Angriffskrieg gegen die Ukraine."
    date = infer_document_date(doc(text, None))
    assert date.method == "inferred:duration"
    assert (date.earliest, date.latest) == ("2025-05-24", "2025-08-24")


def test_without_any_date_relative_values_stay_unresolved():
    d = doc("Die Agentur nannte den Donnerstag als Termin.", None)
    assert infer_document_date(d).method == "unknown"
    t = extract_times(d, None)[0]
    assert (t.value, t.anchor) == ("XXXX-WXX-4", None)


def test_a_live_blog_entry_with_its_own_time_anchors_its_expressions():
    from lagebild.model import Segment

    text = "Erster Eintrag: Am Montag wurde verhandelt.\n\nZweiter Eintrag: Am Montag wurde verhandelt."
    second = text.index("Zweiter")
    segments = (
        Segment("s0", "dtest", 0, "entry", 0, second),
        Segment(
            "s1", "dtest", 1, "entry", second, len(text), published="2025-07-30T09:00:00+02:00"
        ),
    )
    found = extract_times(doc(text), None, segments)
    assert [t.value for t in found] == ["2025-07-21", "2025-07-28"]
    assert found[1].anchor is not None and found[1].anchor.source == "segment"

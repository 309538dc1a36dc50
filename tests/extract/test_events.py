"""Event frames in one document: what a sentence reports, when, where, how far along, per whom.

The snippets are written for these tests. Named-entity mentions and time expressions are given by
hand, so the tests specify the event stage alone (the language layer's tokens and lemmas are real).
"""

from __future__ import annotations

import re

import pytest

from lagebild.extract import events as ev
from lagebild.extract.events import EventFrame, extract_events, parse_date, register
from lagebild.language import parse
from lagebild.model import Document, Mention, Quote, Speaker, TimeExpression

PUBLISHED = "2025-07-22T10:00:00+02:00"


def analyse(text: str, *, entities: dict[str, str] = {}, times: dict[str, str] = {},
            quotes: list[tuple[str, str, tuple[str, ...], bool]] = (), published: str = PUBLISHED):
    """Events of ``text``; ``entities``: surface -> type, ``times``: surface -> TIMEX3 value,
    ``quotes``: (message, speaker, via, anonymous)."""
    doc = Document(id="d1", source="t", identity="t", text=text, published=published, language="de")
    parsed = parse(doc, with_entities=False)
    mentions = []
    for surface, kind in entities.items():
        for m in re.finditer(re.escape(surface), text):
            mentions.append(Mention(f"d1-m{len(mentions)}", "d1", m.start(), m.end(), surface, kind))
    expressions = []
    for surface, value in times.items():
        for m in re.finditer(re.escape(surface), text):
            expressions.append(TimeExpression(f"d1-x{len(expressions)}", "d1", m.start(), m.end(),
                                              surface, "DATE", value))
    quote_records = []
    for message, speaker, via, anonymous in quotes:
        start = text.index(message)
        s_at = text.index(speaker)
        quote_records.append(Quote(f"d1-q{len(quote_records)}", "d1", start, start + len(message), message,
                                   "indirect", speaker=Speaker(speaker, s_at, s_at + len(speaker), anonymous=anonymous),
                                   via=via))
    parsed = type(parsed)(parsed.document_id, parsed.language, parsed.tokens, parsed.sentences,
                          parsed.sentence_tokens, tuple(mentions))
    return extract_events(doc, parsed, (), expressions, quote_records, ())


def test_announced_talks_get_type_date_place_ordinal_participants_and_status():
    text = ("Russland und die Ukraine sollen am Mittwoch in Istanbul zu einer dritten Runde "
            "direkter Verhandlungen zusammenkommen.")
    (event,) = analyse(text, entities={"Russland": "LOC", "Ukraine": "LOC", "Istanbul": "LOC"},
                       times={"Mittwoch": "2025-07-23"})
    assert event.type == "talks"
    assert event.date == "2025-07-23" and event.date_text == "Mittwoch"
    assert event.place == "Istanbul"
    assert event.ordinal == 3
    assert set(event.participants) == {"Russland", "Ukraine"}
    assert event.status == "planned"
    assert text[event.start:event.end] == event.text


def test_the_day_of_a_speech_is_not_the_day_of_the_event():
    text = "Das Treffen sei erst in zwei Wochen möglich, sagte der Sprecher am Montagabend."
    (event,) = analyse(text, times={"Montagabend": "2025-07-21TEV"})
    assert event.type == "talks" and event.date is None


def test_a_reported_weekday_in_the_past_is_read_as_the_next_one_when_the_event_is_to_come():
    text = "Die Agentur meldete, die Delegationen würden sich erst am Donnerstag treffen."
    (event,) = analyse(text, times={"Donnerstag": "2025-07-17"})
    assert event.date == "2025-07-24" and event.status == "planned"


def test_two_rounds_in_one_sentence_become_two_reports_with_their_ordinals():
    text = ("Bei der ersten Begegnung am 16. Mai und der zweiten am 2. Juni hatten sich die "
            "Unterhändler auf einen Gefangenenaustausch verständigt.")
    first, second = analyse(text, times={"16. Mai": "2025-05-16", "2. Juni": "2025-06-02"})
    assert (first.date, first.ordinal, second.date, second.ordinal) == ("2025-05-16", 1, "2025-06-02", 2)
    assert first.status == second.status == "happened"
    assert "Gefangenenaustausch vereinbart" in first.outcomes


def test_an_agreement_told_after_the_talks_refers_back_to_them_with_its_numbers():
    text = ("Die dritte Runde der Gespräche in Istanbul endete nach rund 40 Minuten. "
            "Man habe sich auf den Austausch von je 1500 Gefangenen geeinigt, sagte der Delegationsleiter.")
    talks, agreement = analyse(text, entities={"Istanbul": "LOC"})
    assert talks.type == "talks" and talks.duration == "PT40M" and talks.ordinal == 3
    assert agreement.type == "talks" and agreement.anaphoric and agreement.antecedent == talks.id
    assert dict(agreement.counts) == {"Gefangene": 1500}


def test_a_weak_trigger_carries_a_date_back_to_its_event_with_its_attribution_chain():
    text = ("Die Gespräche in Ankara sollen am Mittwoch beginnen. Die Agentur Interfax nannte unter "
            "Berufung auf eine ungenannte Quelle den Donnerstag als Termin.")
    message = "den Donnerstag als Termin"
    talks, termin = analyse(text, entities={"Ankara": "LOC"},
                            times={"Mittwoch": "2025-07-23", "Donnerstag": "2025-07-24"},
                            quotes=[(message, "eine ungenannte Quelle", ("Interfax",), True)])
    assert termin.anaphoric and termin.antecedent == talks.id and termin.date == "2025-07-24"
    assert termin.source.anonymous and termin.via == ("Interfax",)


def test_a_meeting_of_heads_of_state_is_a_summit_not_a_round_of_talks():
    text = "Kiew will ein Treffen der Präsidenten bis Ende August vorbereiten."
    (event,) = analyse(text, times={"Ende August": "2025-08"})
    assert event.type == "summit" and event.date is None  # "bis": a deadline, not a date


@pytest.mark.parametrize("text,kind", [
    ("Das Kampfflugzeug stürzte am Dienstag während eines Einsatzes ab.", "accident"),
    ("Deutschland will der Ukraine zwei weitere Patriot-Systeme liefern.", "weapons_delivery"),
    ("Der Präsident drohte mit neuen Sanktionen gegen Moskau.", "sanction_threat"),
    ("In der Nacht gab es einen schweren Drohnenangriff auf die Hauptstadt.", "attack"),
    ("Beide Seiten vereinbarten am Abend einen Gefangenenaustausch.", "agreement"),
    ("Heftiger Starkregen hat am Freitag mehrere Dörfer überflutet.", "disaster"),
    ("In seiner Videoansprache am Montag sagte der Präsident, man sei bereit.", "statement"),
])
def test_each_frame_has_its_triggers(text, kind):
    assert [e.type for e in analyse(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Russland führt seit Jahren einen Angriffskrieg gegen das Nachbarland.",
    "Ein Sprecher sagte, es gebe keine Pressekonferenz.",
    "Die Maschine war aus Frankreich gelieferten Typs, teils durch Beschuss beschädigt.",
    "Kiew will über die Freilassung weiterer Kriegsgefangener sprechen.",
])
def test_words_that_only_look_like_events_yield_nothing(text):
    assert [e.type for e in analyse(text) if e.type in {"attack", "statement", "weapons_delivery",
                                                          "prisoner_exchange"}] == []


def test_cancelled_talks_are_cancelled():
    (event,) = analyse("Die für Freitag geplanten Gespräche wurden abgesagt.",
                       times={"Freitag": "2025-07-25"})
    assert event.status == "cancelled"


def test_a_new_frame_is_one_registered_class():
    @register
    class Election(EventFrame):
        type = "election_test"
        label = "Wahl"
        lemmas = frozenset({"wahl", "parlamentswahl"})

    try:
        (event,) = analyse("Die Parlamentswahl findet am Sonntag statt.", times={"Sonntag": "2025-07-27"})
        assert event.type == "election_test" and event.date == "2025-07-27"
    finally:
        del ev.FRAMES["election_test"]


def test_dates_parse_into_comparable_spans():
    assert parse_date("2025-07-23TEV").iso == "2025-07-23"
    assert parse_date("2025-07").contains(parse_date("2025-07-23"))
    assert parse_date("2025-W30").contains(parse_date("2025-07-23"))
    assert parse_date("XXXX-WXX-3").weekday == 2
    assert parse_date("P30D") is None
    assert parse_date("2025-07-23").compatible(parse_date("2025-07-24"), tolerance_days=2)
    assert not parse_date("2025-07-23").compatible(parse_date("2025-07-24"))

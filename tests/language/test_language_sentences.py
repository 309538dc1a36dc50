"""Sentences and tokens of German news text: what the language layer must get right."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.language import get_language, parse
from lagebild.model import Document, Segment

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def doc(text: str, language: str | None = "de") -> Document:
    return Document(id="d1", source="t", identity="t", text=text, language=language)


def sentences(text: str, segments=()) -> list[str]:
    parsed = parse(doc(text), segments, with_entities=False)
    return [text[s.start : s.end] for s in parsed.sentences]


def tokens(text: str) -> list[str]:
    return [t.text for t in parse(doc(text), with_entities=False).tokens]


def test_abbreviations_do_not_end_sentences():
    text = "Er traf u.a. Dr. Müller, Nr. 3 der Liste, bzw. dessen Frau. Es kostet 3 Mio. Euro."
    assert sentences(text) == [
        "Er traf u.a. Dr. Müller, Nr. 3 der Liste, bzw. dessen Frau.",
        "Es kostet 3 Mio. Euro.",
    ]
    assert "z.B." in tokens("Das gilt z.B. für Kiew.")
    assert "Mrd." in tokens("Es geht um 2 Mrd. Dollar.")


def test_ordinals_and_dates_stay_inside_the_sentence():
    text = "Die Gespräche am 16. Mai und am 2. Juni scheiterten. Am 3. Oktober ist Feiertag."
    assert sentences(text) == [
        "Die Gespräche am 16. Mai und am 2. Juni scheiterten.",
        "Am 3. Oktober ist Feiertag.",
    ]
    assert "16." in tokens(text)
    assert "23.07.2025" in tokens("Aktualisiert am 23.07.2025 um 13:52 Uhr")
    assert "13:52" in tokens("Aktualisiert am 23.07.2025 um 13:52 Uhr")


def test_a_number_at_the_end_of_a_sentence_is_not_an_ordinal():
    assert sentences("Er wurde 75. Der Jubilar feierte.") == ["Er wurde 75.", "Der Jubilar feierte."]
    assert sentences("Der 2. Weltkrieg endete 1945. Danach kam der Frieden.") == [
        "Der 2. Weltkrieg endete 1945.",
        "Danach kam der Frieden.",
    ]


@pytest.mark.parametrize(
    "opening, closing",
    [("„", "“"), ('"', '"'), ("»", "«"), ("‚", "‘")],
)
def test_a_sentence_ending_inside_a_quote_ends_after_the_closing_mark(opening, closing):
    text = f"Er sagte: {opening}Wir kommen.{closing} Dann ging er."
    assert sentences(text) == [f"Er sagte: {opening}Wir kommen.{closing}", "Dann ging er."]


def test_a_quote_followed_by_sagte_is_one_sentence():
    text = "„Wir kommen.“, sagte Peskow. „Wirklich?“, fragte er. \"Nein!\" rief sie."
    assert sentences(text) == [
        "„Wir kommen.“, sagte Peskow.",
        "„Wirklich?“, fragte er.",
        '"Nein!" rief sie.',
    ]


def test_parentheses_and_datelines():
    text = "KIEW (dpa-AFX) - Die Ukraine meldet Angriffe (mehr als 30 Drohnen). Moskau schweigt."
    assert sentences(text) == [
        "KIEW (dpa-AFX) - Die Ukraine meldet Angriffe (mehr als 30 Drohnen).",
        "Moskau schweigt.",
    ]
    assert "dpa-AFX" in tokens(text)
    assert "Kreml-Sprecher" in tokens("sagte Kreml-Sprecher Dmitri Peskow")


def test_a_headline_line_without_punctuation_ends_at_the_line_break():
    text = "Delegationen auf dem Weg nach Istanbul\nDie Delegationen sind aufgebrochen. Sie landen bald."
    assert sentences(text) == [
        "Delegationen auf dem Weg nach Istanbul",
        "Die Delegationen sind aufgebrochen.",
        "Sie landen bald.",
    ]


def test_hard_wrapped_lines_continue_the_sentence_where_the_next_line_starts_lower_case():
    # a capitalised next line cannot be told from a headline, so only lower case continues
    text = "Die Delegation ist nach Istanbul\naufgebrochen und wird\nmorgen erwartet."
    assert sentences(text) == [text]


def test_segment_boundaries_always_end_a_sentence_and_carry_the_segment_id():
    text = "Erster Eintrag ohne Punkt Zweiter Eintrag."
    cut = text.index("Zweiter")
    segments = (
        Segment("d1-s0", "d1", 0, "entry", 0, cut - 1),
        Segment("d1-s1", "d1", 1, "entry", cut, len(text)),
    )
    parsed = parse(doc(text), segments, with_entities=False)
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "Erster Eintrag ohne Punkt",
        "Zweiter Eintrag.",
    ]
    assert [s.segment_id for s in parsed.sentences] == ["d1-s0", "d1-s1"]
    assert [s.id for s in parsed.sentences] == ["d1-t0", "d1-t1"]


def test_tokens_are_exact_spans_with_lemmas_and_sentence_ranges():
    text = "Die Gespräche seien „sehr schwierig“, sagte Peskow.\n\nKiew schwieg."
    parsed = parse(doc(text), with_entities=False)
    for token in parsed.tokens:
        assert text[token.start : token.end] == token.text
    assert {t.text: t.lemma for t in parsed.tokens}["Gespräche"] == "Gespräch"
    assert {t.text: t.lemma for t in parsed.tokens}["sagte"] == "sagen"
    assert len(parsed.sentence_tokens) == len(parsed.sentences) == 2
    first, last = parsed.sentence_tokens[1]
    assert [t.text for t in parsed.tokens[first:last]] == ["Kiew", "schwieg", "."]
    assert parsed.tokens[-1].is_space_after is False


def test_empty_and_whitespace_documents_parse_to_nothing():
    assert parse(doc("")).tokens == ()
    assert parse(doc("  \n ")).sentences == ()


def test_language_modules():
    assert get_language("de").CODE == "de"
    assert get_language("de-AT").CODE == "de"
    assert parse(doc("Hello world.", language="en"), with_entities=False).language == "de"


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed articles live in ../shared/seeds")
def test_seed_articles_split_into_plausible_sentences():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = parse(doc(text), with_entities=False)
        assert parsed.sentences
        for sentence in parsed.sentences:
            span = text[sentence.start : sentence.end]
            assert "\n" not in span.strip() or span.count("\n") <= 2
            assert len(span) < 1500

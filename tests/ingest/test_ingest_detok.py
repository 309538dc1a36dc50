"""Token lists back to German text, with each token's character span."""

from __future__ import annotations

import json

import pytest
from ingest_samples import WIKINEWS

from lagebild.ingest.detok import detokenize, detokenize_sentence


def text_of(*sentences: str) -> str:
    return detokenize([sentence.split(" ") for sentence in sentences]).text


@pytest.mark.parametrize(
    "tokens, expected",
    [
        ("Er kam , sah und siegte .", "Er kam, sah und siegte."),
        ("Wo ? Hier ! Also : los ; weiter", "Wo? Hier! Also: los; weiter"),
        ("in Wapakoneta ( Ohio ) geboren", "in Wapakoneta (Ohio) geboren"),
        ("Sie sagte : „ Wir kommen . “ Dann ging sie .", "Sie sagte: „Wir kommen.“ Dann ging sie."),
        ("ein „ geflügeltes Wort “ :", "ein „geflügeltes Wort“:"),
        ("ein Name wie ‚ Hafen Nord ‘ zeigt", "ein Name wie ‚Hafen Nord‘ zeigt"),
        ("das Lokal « Zur Hütte » brannte", "das Lokal «Zur Hütte» brannte"),
        ('er rief " Halt " , dann lief er', 'er rief "Halt", dann lief er'),
        ("auf '' beispiel.de '' erschienen", "auf ''beispiel.de'' erschienen"),
        ("die CDU / CSU und SPD / Grüne", "die CDU/CSU und SPD/Grüne"),
        ("sagte Mark O ’ Keefe gestern", "sagte Mark O’Keefe gestern"),
        ("Lenz ' Kollegen sagten aus", "Lenz' Kollegen sagten aus"),
        ("rund 35,2 % der Stimmen", "rund 35,2% der Stimmen"),
        ("wie es hieß [ … ] später", "wie es hieß […] später"),
        ("Er sagte “ Hallo ” und ging", "Er sagte “Hallo” und ging"),
    ],
)
def test_german_punctuation_and_quotes(tokens, expected):
    assert text_of(tokens) == expected


def test_a_quotation_spanning_sentences_is_paired_across_them():
    assert (
        text_of("Er sagte : „ Wir kommen .", "Morgen früh . “", "Dann ging er .")
        == "Er sagte: „Wir kommen. Morgen früh.“ Dann ging er."
    )


def test_short_sentences_without_final_punctuation_are_headings_in_their_own_paragraph():
    assert (
        text_of("Die Wahl ist vorbei .", "Reaktionen aus Berlin", "Die Kanzlerin gratulierte .")
        == "Die Wahl ist vorbei.\n\nReaktionen aus Berlin\n\nDie Kanzlerin gratulierte."
    )


def test_a_mis_split_sentence_continuing_in_lowercase_is_not_a_heading():
    assert (
        text_of("Die ersten Worte als er landete", ", gingen um die Welt .")
        == "Die ersten Worte als er landete, gingen um die Welt."
    )


def test_token_and_sentence_spans_point_at_the_tokens():
    sentences = [["Er", "sagte", ":", "„", "Ja", ".", "“"], ["Gut", "so", "."]]
    result = detokenize(sentences)
    for sentence, spans in zip(sentences, result.token_spans, strict=True):
        for token, (start, end) in zip(sentence, spans, strict=True):
            assert result.text[start:end] == token
    assert [result.text[a:b] for a, b in result.sentence_spans] == ["Er sagte: „Ja.“", "Gut so."]


def test_single_sentence_helper():
    text, spans = detokenize_sentence(["Hallo", ",", "Welt", "!"])
    assert text == "Hallo, Welt!" and spans == ((0, 5), (5, 6), (7, 11), (11, 12))


@pytest.mark.shared
@pytest.mark.skipif(not WIKINEWS.exists(), reason="needs ../shared/data/spkatt2023-news")
def test_every_wikinews_token_maps_back_to_its_span():
    files = sorted(WIKINEWS.glob("*.json"))
    assert len(files) == 700
    for path in files:
        sentences = [s["Tokens"] for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]]
        result = detokenize(sentences)
        for sentence, spans in zip(sentences, result.token_spans, strict=True):
            for token, (start, end) in zip(sentence, spans, strict=True):
                assert result.text[start:end] == token, path.name
        assert " ," not in result.text and "( " not in result.text and "„ " not in result.text


def test_an_opening_quote_split_off_as_its_own_sentence_is_not_a_heading():
    assert text_of("Er sagte : „", "Wir kommen . “") == "Er sagte: „Wir kommen.“"

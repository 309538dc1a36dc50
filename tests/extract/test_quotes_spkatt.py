"""SpkAtt-2023 evaluation: the scorer on hand-made events, the file format, and pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.extract.quotes.spkatt import Score, detokenize, evaluate, predict_file, score_file

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "spkatt2023-news" / "train"

# Reached on the held-out test split (file id % 5 == 0, 142 files): first rules joint 0.514,
# Source 0.408; after the ", so X" / "demnach" / stance-noun / nested-quote / apposition rules
# joint 0.571, Source 0.488 (measured without NER mentions, as the spkatt predictor runs where
# the model is absent); after stand-alone Konjunktiv / hearsay continuations, document-noun
# "nach", bare "laut" names, quoted names before the verb, particles past appositions, object
# addressees and long lead-in speakers joint 0.590, Source 0.508 (Addr 0.279).
# With the NER mentions (the language layer runs on the rebuilt text): speaker ends by mention
# boundaries, appositions next to PER mentions, mention subjects for cues without a speaker,
# midfield subjects after adverbial prefields, previous-sentence subjects for continuations,
# genitives after source nouns: joint 0.594, Source 0.524 (Addr 0.327).
# Fifth round (about 25 more cue verbs, quotations continuing a cued event, guessed cues before
# Konjunktiv-I clauses, "soll" hearsay, passives with "von X", "wie X mitteilte", prepositional
# addressees, hearsay after a report of speech): joint 0.639, Source 0.580 (Addr 0.359).
# Speaker spans (issue #5, with that round's event finding): extended attributes ("die in X
# geborene Y"), quoted names, lead-in appositions past adverbials, the sentence's opening subject
# as fallback, "nach eigenem Bekunden" continuing the subject, role subjects of the sentence
# before for Konjunktiv runs: joint 0.647, Source 0.604.
# Source tokens, second round (outlet names in quotes after the cue, appositions ahead of the
# name and list heads before the verb, shared subjects with appositions, prefield genitives,
# continuations taking the fixed speaker, subjects after "äußerte sich"): joint 0.653,
# Source 0.608.
# Floors sit a little below; lowering one is a deliberate act.
JOINT_F1_FLOOR = 0.645
SOURCE_F1_FLOOR = 0.60


def test_events_match_by_cue_and_roles_score_by_token_overlap():
    gold = [{"Cue": ["0:3"], "Source": ["0:0", "0:1"], "Message": ["0:5", "0:6"], "Addr": []}]
    predicted = [{"Cue": ["0:3"], "Source": ["0:1"], "Message": ["0:5", "0:6", "0:7"], "Addr": []}]
    score = Score()
    score_file(predicted, gold, score)
    assert score.events.tp == 1
    assert (score.roles["Source"].tp, score.roles["Source"].fn) == (1, 1)
    assert (score.roles["Message"].tp, score.roles["Message"].fp) == (2, 1)


def test_gold_events_without_cue_match_by_message_and_misses_count():
    gold = [{"Cue": [], "Source": ["0:0"], "Message": ["1:0", "1:1"], "Addr": []},
            {"Cue": ["2:1"], "Source": ["2:0"], "Message": ["2:3"], "Addr": []}]
    predicted = [{"Cue": [], "Source": ["0:0"], "Message": ["1:1"], "Addr": []}]
    score = Score()
    score_file(predicted, gold, score)
    assert (score.events.tp, score.events.fn, score.events.fp) == (1, 1, 0)
    assert score.roles["Cue"].fn == 1


def test_detokenize_gives_spans_of_every_token():
    text, spans = detokenize([["Er", "sagte", ":", "„", "Ja", "“", "."], ["Gut", "."]])
    assert text == "Er sagte: „Ja“. Gut."
    assert [text[a:b] for a, b in spans[0]] == ["Er", "sagte", ":", "„", "Ja", "“", "."]


def test_prediction_uses_sentence_token_offsets():
    data = {"Sentences": [{"SentenceId": 0, "Tokens": "Die Lage sei ernst , sagte der Bürgermeister .".split()}]}
    events = predict_file(data)
    assert events[0]["Cue"] == ["0:5"]
    assert events[0]["Source"] == ["0:6", "0:7"]
    assert events[0]["Message"] == ["0:0", "0:1", "0:2", "0:3"]


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/spkatt2023-news (not in a fresh clone)")
def test_floors_on_the_held_out_split(tmp_path):
    result = evaluate(DATA, tmp_path, split="test")
    assert result["files"] == 142
    assert result["joint_f1"] >= JOINT_F1_FLOOR
    assert result["source_f1"] >= SOURCE_F1_FLOOR
    written = sorted(tmp_path.glob("*.json"))
    assert len(written) == 142
    assert "Annotations" in json.loads(written[0].read_text(encoding="utf-8"))


def _events(*sentences: str) -> list[dict]:
    return predict_file({"Sentences": [{"SentenceId": n, "Tokens": s.split()}
                                       for n, s in enumerate(sentences)]})


def test_hearsay_soll_with_a_perfect_infinitive_is_free_indirect_speech_of_the_last_speaker():
    events = _events("Die Polizei sagte , der Mann sei festgenommen worden .",
                     "Er soll zwei Autos angezündet haben .")
    free = [e for e in events if e["Form"] == "FreeIndirect"]
    assert len(free) == 1 and free[0]["Cue"] == []
    assert free[0]["Source"] == ["0:0", "0:1"]
    assert "1:1" in free[0]["Message"]


def test_a_konjunktiv_sentence_after_a_colon_lead_in_is_spoken_by_its_subject():
    events = _events("Am Morgen regnete es .",
                     "Der Bürgermeister wurde deutlich : Die Lage sei ernst .")
    event = next(e for e in events if "1:7" in e["Message"])
    assert event["Source"] == ["1:0", "1:1"]
    assert "1:4" not in event["Message"]


def test_nach_with_a_relative_pronoun_names_the_pronoun_as_source():
    events = _events("Es gab Gerüchte , nach denen der Minister zurücktreten wolle .")
    event = next(e for e in events if e["Cue"] == ["0:4"])
    assert event["Source"] == ["0:5"]


def test_laut_takes_a_lower_case_web_address_as_its_source():
    events = _events("Laut spiegel.de sei der Vertrag unterschrieben .")
    assert events[0]["Cue"] == ["0:0"] and events[0]["Source"] == ["0:1"]


def test_a_separated_particle_past_an_apposition_still_makes_the_cue():
    events = _events("Die Brücke bleibt gesperrt .", "Dies teilte der Sprecher , Max Muster , mit .")
    event = next(e for e in events if e["Cue"])
    assert event["Cue"] == ["1:1", "1:8"]
    assert event["Source"][:2] == ["1:2", "1:3"]
    assert "0:1" in event["Message"]


def test_so_with_a_place_and_an_addressee_after_the_speaker():
    events = _events("Die Lage sei ernst , so der Bürgermeister gegenüber der Zeitung Kurier .")
    assert events[0]["Cue"] == ["0:5"]
    assert events[0]["Source"] == ["0:6", "0:7"]
    assert events[0]["Addr"] == ["0:9", "0:10", "0:11"]


def test_the_object_of_a_summons_is_its_addressee():
    events = _events("Der Präsident forderte die Bürger auf , zu Hause zu bleiben .")
    assert events[0]["Addr"] == ["0:3", "0:4"]


def test_a_source_noun_keeps_its_genitive_even_when_it_names_an_outlet():
    events = _events("Nach Angaben der Tagesschau sei der Vertrag unterschrieben .")
    assert events[0]["Cue"] == ["0:0"]
    assert events[0]["Source"] == ["0:1", "0:2", "0:3"]

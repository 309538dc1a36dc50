"""Speakers of quotes are linked to the entities resolved across documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.corpus.entity_pass import speaker_entity
from lagebild.model import Mention, Speaker
from lagebild.pipeline import Pipeline
from lagebild.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def mention(start, end, text, type_, entity_id):
    return Mention(id=f"m{start}", document_id="d", start=start, end=end, text=text, type=type_,
                   entity_id=entity_id)


def test_the_person_inside_a_speaker_phrase_is_the_speaker():
    phrase = "Ein Sprecher des Außenministeriums in Ankara"
    mentions = [mention(17, 34, "Außenministeriums", "ORG", "e-ministry"),
                mention(38, 44, "Ankara", "LOC", "e-ankara")]
    assert speaker_entity(Speaker(text=phrase, start=0, end=len(phrase)), mentions, 100) == "e-ministry"
    role = "Kreml-Sprecher Dmitri Peskow"
    mentions = [mention(0, 5, "Kreml", "ORG", "e-kreml"), mention(15, 28, "Dmitri Peskow", "PER", "e-peskow")]
    assert speaker_entity(Speaker(text=role, start=0, end=len(role)), mentions, 100) == "e-peskow"


def test_a_pronoun_speaker_takes_the_entity_it_was_resolved_to():
    mentions = [mention(0, 9, "Selenskyj", "PER", "e-sel"), mention(200, 209, "Selenskyj", "PER", "e-sel")]
    pronoun = Speaker(text="er", start=120, end=122, refers_to="Selenskyj")
    assert speaker_entity(pronoun, mentions, 150) == "e-sel"


def test_anonymous_sources_stay_unlinked():
    anonymous = Speaker(text="ein hochrangiger Regierungsvertreter", start=0, end=36, anonymous=True)
    assert speaker_entity(anonymous, [mention(0, 5, "Kiew", "LOC", "e-kiew")], 99) is None


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("speakers") / "ex.db") as store:
        Pipeline(store).ingest([ROOT / "examples"])
        yield store


def test_every_spelling_of_the_kremlin_spokesman_is_one_speaker(examples_store):
    names = {e.id: e.name for e in examples_store.corpus("entities")}
    spokesman = {names[q.speaker.entity_id] for q in examples_store.records("quotes")
                 if q.speaker and q.speaker.entity_id and "Peskow" in q.speaker.text}
    assert spokesman == {"Dmitri Peskow"}


def test_most_named_speakers_in_the_examples_are_linked(examples_store):
    named = [q for q in examples_store.records("quotes")
             if q.speaker and not q.speaker.anonymous and q.speaker.text[:1].isupper()]
    linked = [q for q in named if q.speaker.entity_id]
    assert len(linked) >= 0.6 * len(named)

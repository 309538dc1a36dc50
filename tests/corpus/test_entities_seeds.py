"""Done-when of the entity layer: the rules that shape entity spans, and the seeds and the
example corpus coming out right (names found with their roles, no common words, exact spans).

The rule tests use sentences written for them; they check the language layer's fixes after the
model (so they hold whatever the model tags) and the resolver's document-level merges. The corpus
tests read the five seed articles from ../shared/seeds (copyrighted: never copied into the
project) and skip without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.corpus.entities import resolve
from lagebild.language import gazetteer, parse, patterns
from lagebild.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def mentions_of(text: str, doc_id: str = "d1"):
    return parse(Document(doc_id, "t", "t", text, language="de")).mentions


def edges(words: list[str], spans: list[tuple[int, int, str, str]], starts=(0,)):
    """The spans after :func:`patterns.adjust_edges`, as (text, label)."""
    spans = list(spans)
    taken = [False] * len(words)
    for a, b, _, _ in spans:
        for i in range(a, b):
            taken[i] = True
    patterns.adjust_edges(words, spans, taken, set(starts))
    return sorted((" ".join(words[a:b]), label) for a, b, label, _ in spans)


# ------------------------------------------------------------------------ spans of names


def test_hyphenated_building_names_are_places():
    words = "Die Delegationen trafen sich im Istanbuler Yıldız-Palast und am Tegel-Flughafen .".split()
    assert patterns.place_names(words) == [(6, 7), (9, 10)]
    assert patterns.place_names("Sie bauen eine Bundeswehr-Kaserne .".split()) == []  # no name
    assert not patterns.is_place_name("Istanbul-Gespräche")
    found = [m for m in mentions_of("Die Gespräche fanden im Istanbuler Yıldız-Palast statt.")
             if "Yıldız-Palast" in m.text]
    assert [m.type for m in found] == ["LOC"]


def test_a_span_joining_two_names_with_und_is_split_but_one_name_with_und_is_kept():
    words = "Raffinerien in Houston und Corpus Christi".split()
    assert patterns.split_coordination(words, 2, 6) == [(2, 3), (4, 6)]
    words = "das Ministerium für Umwelt und Naturschutz".split()
    assert patterns.split_coordination(words, 1, 6) == [(1, 6)]
    words = "die Volks- und Raiffeisenbanken".split()
    assert patterns.split_coordination(words, 1, 4) == [(1, 4)]
    for m in mentions_of("Die Raffinerien in Houston und Corpus Christi stehen still."):
        assert " und " not in m.text, m


def test_a_role_word_is_no_part_of_the_name_and_becomes_the_role():
    assert patterns.is_role("Kreisbrandmeister") and patterns.is_role("DWD-Meteorologin")
    found = {m.text: m for m in mentions_of('"Das war knapp", sagte Kreisbrandmeister Jan Förster.')}
    assert "Kreisbrandmeister Jan Förster" not in found
    assert found["Jan Förster"].role == "Kreisbrandmeister"


def test_a_known_first_name_left_outside_joins_the_person():
    words = "mit dem Chefunterhändler , Rustem Umjerow , gesprochen".split()
    assert edges(words, [(5, 6, "PER", "model")]) == [("Rustem Umjerow", "PER")]
    words = "Morgen Umjerow".split()  # a dictionary word is no first name
    assert edges(words, [(1, 2, "PER", "model")]) == [("Umjerow", "PER")]


def test_after_a_role_word_an_unknown_capitalised_word_before_the_verb_ends_the_name():
    words = "Ministerpräsident Ola Berg Søvik erklärte".split()
    assert edges(words, [(1, 3, "PER", "model")]) == [("Ola Berg Søvik", "PER")]
    words = "Ministerpräsident Ola Berg Mittwoch erklärte".split()  # a dictionary word stays out
    assert edges(words, [(1, 3, "PER", "model")]) == [("Ola Berg", "PER")]
    words = "mit Ola Berg Søvik erklärte".split()  # no role word: the model's span stands
    assert edges(words, [(1, 3, "PER", "model")]) == [("Ola Berg", "PER")]


def test_a_month_opening_a_model_span_is_no_part_of_the_name():
    words = "im Mai und Juni Kiews Gesandter".split()
    assert patterns.model_span_parts(words, 3, 5, "PER") == [(4, 5, "LOC")]
    words = "seit Juli Anna Petrowa im Amt".split()
    assert patterns.model_span_parts(words, 1, 4, "PER") == [(2, 4, "PER")]


def test_a_capitalised_adjective_mid_sentence_belongs_to_the_organisation():
    words = "an der Spitze des Nationalen Sicherheitsrats".split()
    assert edges(words, [(5, 6, "ORG", "model")]) == [("Nationalen Sicherheitsrats", "ORG")]
    words = "Nationalen Sicherheitsrat".split()  # sentence-initial: says nothing
    assert edges(words, [(1, 2, "ORG", "model")], starts=(0, 1)) == [("Sicherheitsrat", "ORG")]


def test_a_capitalised_adjective_before_an_organisation_word_names_an_organisation():
    words = "Umjerow leitet den Nationalen Sicherheits- und Verteidigungsrat .".split()
    assert patterns.organisation_names(words, {0}) == [(3, 7)]
    words = "nach Angaben des Deutschen Wetterdienstes".split()
    assert patterns.organisation_names(words, {0}) == [(3, 5)]
    # a sentence-initial adjective says nothing (the model finds such names)
    assert patterns.organisation_names("Deutsche Wetterdienst warnt".split(), {0}) == []
    assert patterns.organisation_names("die Deutschen Soldaten".split(), {0}) == []  # no head
    found = {m.text: m.type for m in mentions_of("Er wechselte an die Spitze des Nationalen Sicherheits- "
                                                 "und Verteidigungsrats der Ukraine.")}
    assert found.get("Nationalen Sicherheits- und Verteidigungsrats") == "ORG"


def test_a_gazetteer_name_the_model_calls_a_part_is_the_name():
    found = {m.text: m.type for m in mentions_of("Der UN-Sicherheitsrat vertagte sich erneut.")}
    assert found.get("UN-Sicherheitsrat") == "ORG"


def test_common_nouns_the_model_calls_people_or_roads_are_dropped():
    words = "jeder weitere Schauer könne Bäche anschwellen lassen".split()
    assert edges(words, [(2, 3, "PER", "model")]) == []
    words = "Der Bach setzte Keller , Straßen und eine Schule unter Wasser".split()
    assert edges(words, [(3, 4, "PER", "model")]) == []
    words = "Laut Landratsamt bleibt die Kreisstraße gesperrt".split()
    assert edges(words, [(4, 5, "LOC", "model")]) == []
    # a surname the document gives in full, or without determiner or list, stays a person
    words = "Anna Keller kam . Keller , die Ärztin , sagte".split()
    assert ("Keller", "PER") in edges(words, [(0, 2, "PER", "model"), (4, 5, "PER", "model")], (0, 4))
    words = "Das sagte Keller gestern".split()
    assert edges(words, [(2, 3, "PER", "model")]) == [("Keller", "PER")]


# ------------------------------------------------------------------ generic gazetteer words


def test_only_a_bare_or_un_security_council_is_the_un_body():
    assert gazetteer.is_generic("Sicherheitsrat") and not gazetteer.is_generic("UN-Sicherheitsrat")
    text = ("Der Sicherheitsrat tagte in New York. Der UN-Sicherheitsrat vertagte sich. "
            "Der ukrainische Sicherheitsrat tagte in Kiew. Der russische Sicherheitsrat schwieg. "
            "Der Sicherheitsrat der Ukraine tagte. Der Sicherheitsrat der Vereinten Nationen auch.")
    mentions = [m for m in mentions_of(text) if "Sicherheitsrat" in m.text]
    assert len(mentions) == 6
    entities, assignment = resolve(mentions)
    bare, un, ukrainian, russian, of_ukraine, of_un = (assignment[m.id] for m in mentions)
    assert bare == un == of_un
    assert len({un, ukrainian, russian}) == 3 and of_ukraine != un
    assert next(e for e in entities if e.id == un).name == "UN-Sicherheitsrat"
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_a_national_ministry_is_not_the_german_one():
    text = ("Das russische Verteidigungsministerium meldete Angriffe. "
            "Das Verteidigungsministerium in Berlin widersprach.")
    mentions = [m for m in mentions_of(text) if "ministerium" in m.text]
    assert len(mentions) == 2
    entities, assignment = resolve(mentions)
    assert assignment[mentions[0].id] != assignment[mentions[1].id]
    assert next(e for e in entities if e.id == assignment[mentions[1].id]).name == "Bundesverteidigungsministerium"


# ------------------------------------------------------------------ the seeds and the examples


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not SEEDS.exists():
        pytest.skip("needs ../shared/seeds (the seed articles)")
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    path = tmp_path_factory.mktemp("entities") / "e.db"
    with open_store(str(path)) as store:
        Pipeline(store).ingest([str(SEEDS), str(ROOT / "examples")])
        texts = {d.id: d.text for d in store.documents()}
        entities = list(store.corpus("entities"))
    return texts, entities


def named(entities, name):
    return [e for e in entities if e.name == name or name in e.aliases]


def test_every_mention_span_of_the_corpus_is_exact(corpus):
    texts, entities = corpus
    assert entities
    for entity in entities:
        for m in entity.mentions:
            assert texts[m.document_id][m.start : m.end] == m.text, (entity.name, m)


def test_no_common_word_becomes_an_entity(corpus):
    _, entities = corpus
    words = {"Keller", "Schauer", "Kreisstraße", "Sicherheitsrat", "Wladimir", "Lukas", "DWD",
             "Kreisbrandmeister Holger Wendt"}
    assert not [e.name for e in entities if e.name in words]


def test_the_palace_of_the_talks_is_one_place_wherever_it_is_named(corpus):
    texts, entities = corpus
    (palace,) = [e for e in entities if e.name == "Çırağan-Palast"]
    assert palace.type == "LOC"
    assert {m.document_id for m in palace.mentions} == {d for d, t in texts.items() if "Çırağan-Palast" in t}


def test_people_merge_across_spellings_and_lone_first_names(corpus):
    _, entities = corpus
    (umerow,) = named(entities, "Umjerow")
    assert {"Umerow", "Umerov", "Umjerow"} <= {umerow.name, *umerow.aliases}
    assert "Chefunterhändler" in umerow.roles
    (putin,) = named(entities, "Putin")
    assert putin.name == "Wladimir Putin"
    (selenskyj,) = named(entities, "Selenskyj")
    assert {"Selenski", "Zelensky"} <= set(selenskyj.aliases)
    (peskow,) = named(entities, "Peskow")
    assert "Kreml-Sprecher" in peskow.roles


def test_the_kremlin_is_one_organisation_and_national_bodies_are_not_the_un(corpus):
    texts, entities = corpus
    assert [e.type for e in entities if e.name == "Kreml"] == ["ORG"]
    for entity in named(entities, "UN-Sicherheitsrat"):
        for m in entity.mentions:
            assert not texts[m.document_id][: m.start].endswith(("Nationalen ", "ukrainische "))
